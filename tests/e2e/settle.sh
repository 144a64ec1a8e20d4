#!/bin/sh
# settle.sh: one settlement batch from creation to payment through the real
# OpenSSH client (issue 5, Tests): the county collects the month's
# verified machines, publicises the batch, reviews (someone who did not
# verify), sends it to finance after publicity; finance draws its sample,
# checks it, approves and pays. Two verified sales are made first with
# `njbt do`; the rest happens on the screens.
. "$(dirname "$0")/ssh-lib.inc"
# R-002-A3-2.2 R-002-A3-2.3 002 附件3 二(二)、(三): every item of the checklist;
# R-002-A3-2.3a 二(三) 双人交叉核验: a second verifier (partner)
CHECKS="check_identity=1 check_invoice=1 check_nameplate=1 check_dealer=1"
CHECKS="$CHECKS check_licence=1 check_account=1 check_promise=1"
ID1=640122198001011238
ID2=640122197512034568

sale() { # ID NAME SERIAL INVOICE
	sa=$("$NJBT_FAST" do --as xg_zhen application.new buyer_type=person \
	    buyer_name="$2" id_no="$1" township=640122100 item=1.1.3 tier=03 \
	    qty=1 bank_name=黄河银行 bank_account=6228480402564890018) &&
	"$NJBT_FAST" do --as xg_zhen application.submit application="$sa" > /dev/null &&
	sn=$("$NJBT_FAST" do --as hl_sh application.approve application="$sa" | tail -1) &&
	ss=$("$NJBT_FAST" do --as fs_dealer sale.new notice="$sn" id_no="$1" \
	    serial="$3" price=9500 sold_on=2026-03-02 invoice_no="$4") &&
	"$NJBT_FAST" do --as hl_jb verify.pass sale="$ss" method=office \
    $CHECKS partner=hl_sh > /dev/null
}
sale $ID1 张三 XG26A001 FP1 && sale $ID2 李四 XG26A002 FP2 &&
    ok "two sales verified by hl_jb" || notok "two sales verified by hl_jb"

serve_start || exit 1
login c hl_jb
open_menu c "汇总结算批次"
shows "the batch form" c "结算月份"
tm send-keys -t c "2026-03" F2
shows "the batch is made, and says what it holds" c \
    "已汇总：结算批次 JS640122202603-01（2026-03，2 台，补贴 5600.00 元）"
to_menu c
open_menu c "结算批次"
shows "the batches, with what blocks them" c "公示 复核1台"
tm send-keys -t c Enter
wait_screen c "数字键 办理"
shows "Enter opens the batch's view, its actions in the footer" c \
    "1  公示结算批次"
k=$(screen c | sed -n 's/.*[ >] \([0-9]\)  公示结算批次.*/\1/p' | head -1)
tm send-keys -t c "$k"
shows "the publicity form" c "公示开始日期"
tm send-keys -t c "2026-03-02" Tab "2026-03-07" F2
shows "too short a publicity is refused" c "公示期不少于 7 个自然日，所填为 6 个"
tm send-keys -t c BSpace 8 F2
shows "publicised" c "已公示：结算批次 JS640122202603-01"
to_menu c

# the review: by someone who did not verify
login r hl_sh
open_menu r "复核"
shows "the review queue, by sale number" r "XS640122202600001"
tm send-keys -t r Enter
shows "the machine's view offers the review" r "复核（附表4）"
k=$(screen r | sed -n 's/.*[ >] \([0-9]\)  复核（附表4）.*/\1/p' | head -1)
tm send-keys -t r "$k"
shows "the review form" r "复核结论"
tm send-keys -t r Space F2
shows "reviewed, the machine named" r "已复核：销售 XS6401222026000"
serve_stop

# publicity is over
NJBT_NOW=2026-03-10T09:00:00; export NJBT_NOW
tm kill-server 2>/dev/null
serve_start || exit 1
login c hl_jb
# R-004-A4-4.4b 004 附件4 四(四): the county's menu says what is due
shows "the county's menu says what is due" c \
    "到期提醒 1项，逾期0项；最近：报送财政JS640122202603-01 2026-04-20截止"
open_menu c "结算批次"
shows "publicity over: to be sent to finance" c "报送财政"
tm send-keys -t c Enter
wait_screen c "数字键 办理"
k=$(screen c | sed -n 's/.*[ >] \([0-9]\)  报送财政部门.*/\1/p' | head -1)
tm send-keys -t c "$k"
shows "sending asks, naming the batch" c "报送财政部门 JS640122202603-01"
tm send-keys -t c y
shows "sent to finance" c "已报送财政：结算批次 JS640122202603-01"
to_menu c
screen c | grep -q "到期提醒" && notok "back on the menu: nothing due for the county" \
    || ok "back on the menu: nothing due for the county"

login f hl_cz
# R-004-A4-4.6b 004 附件4 四(六): finance's menu says what is due (the 10th
# of May is a Sunday: Monday the 11th)
shows "finance's menu says what is due" f \
    "到期提醒 1项，逾期0项；最近：支付补贴JS640122202603-01 2026-05-11截止"
open_menu f "财政审核"
shows "finance's queue" f "JS640122202603-01"
tm send-keys -t f Enter
wait_screen f "数字键 办理"
k=$(screen f | sed -n 's/.*[ >] \([0-9]\)  抽查取样.*/\1/p' | head -1)
tm send-keys -t f "$k"
shows "the sample form" f "抽查比例"
tm send-keys -t f "0.05" F2
shows "a sample under 10% is refused" f "抽查比例不得低于 10%"
tm send-keys -t f C-u Tab "20261" F2
shows "sampled" f "已抽取样本：结算批次 JS640122202603-01"
same "the seed and the list are recorded" "20261|1000" \
    "$(q "SELECT seed, ratio_bp FROM finance_samples")"
to_menu f
open_menu f "抽查核实"
shows "the sample to check" f "待核实"
tm send-keys -t f Enter
wait_screen f "数字键 办理"
k=$(screen f | sed -n 's/.*[ >] \([0-9]\)  抽查核实.*/\1/p' | head -1)
tm send-keys -t f "$k"
shows "the check form" f "抽查结果"
tm send-keys -t f Space F2
shows "checked, the machine named" f "已核实：销售 XS6401222026000"
to_menu f
open_menu f "财政审核"
tm send-keys -t f Enter
wait_screen f "数字键 办理"
k=$(screen f | sed -n 's/.*[ >] \([0-9]\)  审核批准结算批次.*/\1/p' | head -1)
tm send-keys -t f "$k"
shows "approving asks, naming the batch" f "审核批准结算批次 JS640122202603-01"
tm send-keys -t f y
shows "approved" f "已审核批准：结算批次 JS640122202603-01"
tm send-keys -t f F10
tm send-keys -t f Enter
shows "the approved batch's view offers the payment" f "支付补贴资金"
k=$(screen f | sed -n 's/.*[ >] \([0-9]\)  支付补贴资金.*/\1/p' | head -1)
tm send-keys -t f "$k"
shows "the payment form" f "支付日期"
tm send-keys -t f "2026-03-10" Tab "ZF-0001" F2
shows "paid" f "已支付：结算批次 JS640122202603-01（2026-03，2 台"
screen f | tr -d '\n ' | grep -q "支付2笔ZF640122202600001至ZF640122202600002" &&
    ok "paid: two payments, numbered" ||
    { notok "paid: two payments, numbered"; diag "$(screen f | tail -3)"; }
same "one payment per machine, marked 农机购置补贴" "2|560000|农机购置补贴" \
    "$(q "SELECT count(*), sum(amount), min(memo) FROM payments")"
same "the batch is paid" "paid" "$(q "SELECT state FROM batches")"
same "the budget's paid parts" "560000|0" \
    "$(q "SELECT paid_central, paid_provincial FROM budgets WHERE year = 2026 AND region = '640122'")"
# (at once: F10, Enter, the payment form, the save and this F10 all came
# within 250 ms of the last F10 here, and were taken for a double F10
# before a double had to be two F10s with no key between)
tm send-keys -t f F10
shows "back from the form, the view shows the batch paid" f "状态：已支付"
sleep 0.3	# a single F10, not the second of a double (TUI_DOUBLE_MS)
tm send-keys -t f F10
shows "a paid batch leaves finance's queue" f "（没有记录）"
refused "paying twice is refused" "已支付，不能重复支付" "$NJBT" do --as hl_cz \
    finance.pay batch=JS640122202603-01 paid_on=2026-03-10
check "njbt check" "$NJBT" check
serve_stop
sanitizer_clean
