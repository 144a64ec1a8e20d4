#!/bin/sh
# settle.sh: a small monthly settlement cycle through the real binary
# (SPEC section 3 steps 5-7; 004 附件4 四, 附件5): three machines sold and
# verified in March with `njbt do`; in April the county collects the batch,
# publicises it, reviews (someone who did not verify), submits after the
# publicity; finance samples, checks, approves and pays; then
# `njbt print --all` writes the month's sheets, whose totals must agree,
# and `njbt check` must pass, also after a return refunded in full.
. "$(dirname "$0")/../lib.sh"

ID1=640122198001011238
ID2=640122197512034568
ID3=640122197003053330
B=JS640122202603-01

# do LOGIN ACTION ARGS...: run, stdout to $T/out; the last line is the key
do_() { "$NJBT" do --as "$@" > "$T/out" 2> "$T/err"; }
key() { tail -n 1 "$T/out"; }
# mk LOGIN ACTION ARGS...: do_ with the arranging binary ($NJBT_FAST)
mk() { "$NJBT_FAST" do --as "$@" > "$T/out" 2> "$T/err"; }

# notice LOGIN ID NAME TOWNSHIP ITEM TIER ACCOUNT: an approved notice
notice() {
	mk "$1" application.new buyer_type=person buyer_name="$3" id_no="$2" \
	    township="$4" item="$5" tier="$6" qty=1 bank_name=黄河银行 \
	    bank_account="$7" && a=$(key) &&
	mk "$1" application.submit application="$a" &&
	mk hl_sh application.approve application="$a" && key
}
# sell NOTICE ID SERIAL PRICE INVOICE: the sale id
sell() {
	mk fs_dealer sale.new notice="$1" id_no="$2" serial="$3" price="$4" \
	    sold_on=2026-03-02 invoice_no="$5" && key
}
# cell FILE LINE FIELD: one cell of a CSV (the totals lines need no quotes)
cell() { sed -n "$2p" "$1" | tr -d '\r' | cut -d, -f"$3"; }
lastcell() { tail -n 1 "$1" | tr -d '\r' | cut -d, -f"$2"; }

# R-002-A3-2.2 R-002-A3-2.3 002 附件3 二(二)、(三): every item of the checklist
CHECKS="check_identity=1 check_invoice=1 check_nameplate=1 check_dealer=1 check_licence=1 check_account=1 check_promise=1"

# --- March: three sales, verified ---------------------------------------
check "init --demo" demo_db
N1=$(notice xg_zhen $ID1 张三 640122100 1.1.3 03 6228480402564890018)
N2=$(notice jg_zhen $ID2 李四 640122101 1.1.3 03 6228480402564890125)
N3=$(notice hl_jb $ID3 王五 640122102 9.1.1 03 6212261202011584001)
S1=$(sell "$N1" $ID1 XG26A001 12000 FP1)
S2=$(sell "$N2" $ID2 XG26A002 11800 FP2)
S3=$(sell "$N3" $ID3 TL26A001 150000 FP3)
case "$S1 $S2 $S3" in
[0-9]*\ [0-9]*\ [0-9]*) ok "three sales $S1 $S2 $S3" ;;
*) notok "three sales"; diag "[$S1] [$S2] [$S3] $(cat "$T/err")" ;;
esac
before=$(dbsum)
refused "R-002-A3-2.2 a pass with an unticked item" \
    "核验清单未逐项核对：购机者签署购机价格真实性承诺" "$NJBT" do --as hl_jb \
    verify.pass sale=$S1 method=office partner=hl_sh check_identity=1 \
    check_invoice=1 check_nameplate=1 check_dealer=1 check_account=1
refused "R-002-M-3 a video check above the threshold" \
    "视频核验仅限补贴额低于 2000.00 元的机具，本机补贴 2800.00 元" \
    "$NJBT" do --as hl_jb verify.pass sale=$S1 method=video $CHECKS partner=hl_sh
refused "R-002-A3-2.3a one person alone" "本年度实行双人交叉核验" \
    "$NJBT" do --as hl_jb verify.pass sale=$S1 method=office $CHECKS
same "the refusals write nothing" "$before" "$(dbsum)"
check "verify $S1" "$NJBT" do --as hl_jb verify.pass sale=$S1 method=office \
    $CHECKS partner=hl_sh
check "verify $S2" "$NJBT" do --as hl_sh verify.pass sale=$S2 method=office \
    $CHECKS partner=hl_jb
check "the tractor, on site, first" "$NJBT" do --as hl_jb verify.pass \
    sale=$S3 method=onsite licence_no=宁A-12345 $CHECKS
check "the tractor, on site, second" "$NJBT" do --as hl_sh verify.pass \
    sale=$S3 method=onsite $CHECKS
check "a reviewer who verified nothing" "$NJBT" do --as admin user.add \
    login=hl_fh name=孙复核 role=county region=640122 password=njbt-demo-1 \
    post=approver

# --- April: the batch -----------------------------------------------------
export NJBT_NOW=2026-04-02T09:30:00
refused "the township may not collect" "无权执行" "$NJBT" do --as xg_zhen batch.new month=2026-03
refused "no future month" "不能汇总未来月份的结算批次" "$NJBT" do --as hl_jb batch.new month=2026-05
check "batch.new" "$NJBT" do --as hl_jb batch.new month=2026-03
same "the batch number is the key" "$B" "$(key)"
same "it says how many and how much" "3 台，补贴 23600.00 元" "$(head -n 1 "$T/out")"
same "the sales are batched" "3" "$(q "SELECT count(*) FROM sales WHERE state = 'batched'")"
same "the tractor is on the review list" "key" \
    "$(q "SELECT required_why FROM reviews WHERE sale_id = $S3")"
before=$(dbsum)
refused "publicity too short" "公示期不少于 7 个自然日，所填为 6 个" \
    "$NJBT" do --as hl_jb batch.publicize batch=$B from=2026-04-03 to=2026-04-08
same "a refusal writes nothing" "$before" "$(dbsum)"
check "batch.publicize" "$NJBT" do --as hl_jb batch.publicize batch=$B \
    from=2026-04-03 to=2026-04-10
check "an objection" "$NJBT" do --as hl_jb objection.new sale=$S2 text=价格偏高
O=$(key)
check "dismissed" "$NJBT" do --as hl_sh objection.resolve objection=$O \
    upheld=0 resolution=经核实价格属实
refused "a verifier may not review" "复核人员不能是该机具的核验人员" \
    "$NJBT" do --as hl_jb batch.review sale=$S3 result=pass
for s in $(q "SELECT sale_id FROM reviews WHERE result IS NULL ORDER BY sale_id"); do
	check "review $s" "$NJBT" do --as hl_fh batch.review batch=$B sale=$s \
	    result=pass opinion=一致
done
refused "not before the publicity ends" "公示期至 2026-04-10，尚未结束" \
    "$NJBT" do --as hl_jb batch.submit batch=$B
export NJBT_NOW=2026-04-11T09:30:00
check "batch.submit" "$NJBT" do --as hl_jb batch.submit batch=$B
before=$(dbsum)
refused "R-004-A5-1a a return at finance without finance's confirmation" \
    "已报送财政：须由财政部门先确认补贴资金未发放" \
    "$NJBT" do --as hl_jb return.new sale=$S2 reason=协商退货
refused "... which only finance gives" "无权执行" \
    "$NJBT" do --as hl_jb return.confirm sale=$S2
same "... and nothing is written" "$before" "$(dbsum)"

# --- finance ----------------------------------------------------------------
refused "another county's finance" "超出您的管辖范围" "$NJBT" do --as yn_cz finance.sample batch=$B seed=7
refused "not under 10%" "抽查比例不得低于 10%" "$NJBT" do --as hl_cz finance.sample batch=$B ratio=0.05
check "finance.sample" "$NJBT" do --as hl_cz finance.sample batch=$B seed=7
same "the sample: 10% rounded up, the objection's machine too" "2" \
    "$(q "SELECT count(*) FROM finance_checks")"
same "the objection's machine is checked" "1" \
    "$(q "SELECT count(*) FROM finance_checks WHERE sale_id = $S2")"
same "the seed and the list are recorded" "7 $(head -n 2 "$T/out" | paste -sd, -)" \
    "$(q "SELECT seed || ' ' || drawn FROM finance_samples")"
refused "approve before the checks" "还有 2 台抽查机具未核实" "$NJBT" do --as hl_cz finance.approve batch=$B
for s in $(q "SELECT sale_id FROM finance_checks WHERE result IS NULL"); do
	check "finance.check $s" "$NJBT" do --as hl_cz finance.check sale=$s result=pass note=在用
done
check "finance.approve" "$NJBT" do --as hl_cz finance.approve batch=$B
export NJBT_NOW=2026-04-26T09:30:00
refused "not paid in the future" "支付日期不能晚于今天" "$NJBT" do --as hl_cz finance.pay batch=$B paid_on=2026-04-27
check "finance.pay" "$NJBT" do --as hl_cz finance.pay batch=$B paid_on=2026-04-25 ref=YH001
same "one payment per machine" "3" "$(key)"
same "each its subsidy, 农机购置补贴" "3|2360000" \
    "$(q "SELECT count(*), sum(y.amount) FROM payments y JOIN sales s ON s.id = y.sale_id WHERE y.amount = s.subsidy AND y.memo = '农机购置补贴'")"
refused "paid once" "已支付，不能重复支付" "$NJBT" do --as hl_cz finance.pay batch=$B paid_on=2026-04-25
check "njbt check after payment" "$NJBT" check
same "every check passes" "0" "$(grep -vc '：正常' "$T/out")"

# --- month end: every sheet, and their totals agree --------------------------
D="$T/month"
check "print --all" "$NJBT" print --all --county 640122 --month 2026-03 -o "$D"
for f in anomalies-640122-2026-03.csv application-640122-2026-03.csv \
    bank-$B.csv budget-2026.csv detail-$B.csv notice-640122-2026-03.csv \
    payment-$B.csv publicity-$B.csv review-$B.csv supply-640122-2026-03.csv; do
	[ -s "$D/$f" ] && ok "$f is there" || notok "$f is there"
done
same "nothing else" "10" "$(ls "$D" | wc -l | tr -d ' ')"
PAY=$(cell "$D/payment-$B.csv" 4 8)
same "payment report 合计" "23600.00" "$PAY"
same "payment report count" "3" "$(cell "$D/payment-$B.csv" 4 4)"
same "detail total = payment total" "$PAY" "$(lastcell "$D/detail-$B.csv" 9)"
same "detail count" "3" "$(lastcell "$D/detail-$B.csv" 8)"
same "publicity total = payment total" "$PAY" "$(lastcell "$D/publicity-$B.csv" 12)"
same "bank total = payment total" "$PAY" "$(lastcell "$D/bank-$B.csv" 5)"
same "bank: a line per machine" "5" "$(wc -l < "$D/bank-$B.csv" | tr -d ' ')"
same "合计（大写）" "$B,贺兰县,合计（大写）,贰万叁仟陆佰元整,小写：￥23600.00,,,," \
    "$(tail -n 1 "$D/payment-$B.csv" | tr -d '\r')"
same "the budget sheet: committed and paid" "23600.00,0.00,23600.00,0.00" \
    "$(grep '^贺兰县,' "$D/budget-2026.csv" | tr -d '\r' | cut -d, -f6-9)"

# --- a return after payment: the subsidy back first ---------------------------
export NJBT_NOW=2026-05-06T10:00:00
check "return.new after payment" "$NJBT" do --as hl_jb return.new sale=$S1 reason=三包退货
grep -q "须购机者将补贴款全额退回财政补贴专户" "$T/out" && ok "... only a request" \
    || notok "... only a request"
same "... the sale stays paid" "paid" "$(q "SELECT state FROM sales WHERE id = $S1")"
refused "a refund short of the subsidy" "须全额退回" "$NJBT" do --as hl_cz return.refund \
    sale=$S1 amount=2000 paid_on=2026-05-06
check "return.refund" "$NJBT" do --as hl_cz return.refund sale=$S1 amount=2800 paid_on=2026-05-06
same "the sale is refunded, the machine back in stock" "refunded supplied" \
    "$(q "SELECT s.state || ' ' || m.state FROM sales s JOIN machines m ON m.id = s.machine_id WHERE s.id = $S1")"
same "the budget's paid part goes down" "2080000" \
    "$(q "SELECT paid_central FROM budgets WHERE year = 2026 AND region = '640122'")"
check "print publicity after the refund" "$NJBT" print publicity --batch $B \
    -o "$T/pub.csv"
same "R-004-A5-2a the refunded machine leaves 附表7" "2,,,,20800.00" \
    "$(lastcell "$T/pub.csv" 8-12)"
check "print payment after the refund" "$NJBT" print payment --batch $B \
    -o "$T/pay.csv"
same "... but stays in its batch's payment report" "3" "$(cell "$T/pay.csv" 4 4)"
check "njbt check after the refund" "$NJBT" check
same "every check still passes" "0" "$(grep -vc '：正常' "$T/out")"

echo "1..$n"
