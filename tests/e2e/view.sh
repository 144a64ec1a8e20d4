#!/bin/sh
# view.sh: the record view through the real OpenSSH client (issue 11 item
# 1, and item 3's "Enter opens the view"): the approver opens an
# application from 审核申请 with Enter, sees the buyer, item, tier, amount,
# state and flag, approves from the view after a confirmation naming the
# record, and the view then shows 已批准 and the notice as a related
# record, which opens in turn; Enter on a notice opens its view, not the
# hand-back form; finance opens a batch and sees its sales. The attacks:
# another county's approver and a dealer reach no record that is not
# theirs, on the screens (their lists) or by key (`njbt show`), and the
# refusal writes nothing. One server; one session per user.
. "$(dirname "$0")/ssh-lib.inc"
CHECKS="check_identity=1 check_invoice=1 check_nameplate=1 check_dealer=1"
CHECKS="$CHECKS check_licence=1 check_account=1 check_promise=1"
ID1=640122198001011238
ID2=640122197512034568
ACCT=6228480402564890018

# a verified quota-first sale: ID NAME SERIAL INVOICE
sale() {
	sa=$("$NJBT_FAST" do --as xg_zhen application.new buyer_type=person \
	    buyer_name="$2" id_no="$1" township=640122100 item=1.1.3 tier=03 \
	    qty=1 bank_name=黄河银行 bank_account=$ACCT) &&
	"$NJBT_FAST" do --as xg_zhen application.submit application="$sa" > /dev/null &&
	sn=$("$NJBT_FAST" do --as hl_sh application.approve application="$sa" | tail -1) &&
	ss=$("$NJBT_FAST" do --as fs_dealer sale.new notice="$sn" id_no="$1" \
	    serial="$3" price=9500 sold_on=2026-03-02 invoice_no="$4") &&
	"$NJBT_FAST" do --as hl_jb verify.pass sale="$ss" method=office \
	    $CHECKS partner=hl_sh > /dev/null
}
sale $ID1 张三 XG26A001 FP1 && sale $ID2 李四 XG26A002 FP2 &&
    "$NJBT_FAST" do --as hl_jb batch.new month=2026-03 > /dev/null &&
    ok "two sales verified and collected into a batch" ||
    notok "two sales verified and collected into a batch"
# 张三 applies twice more for the same item: the second one is flagged
app() {
	"$NJBT_FAST" do --as xg_zhen application.new buyer_type=person \
	    buyer_name=张三 id_no=$ID1 township=640122100 item=1.1.3 tier=03 \
	    qty=1 bank_name=黄河银行 bank_account=$ACCT 2> /dev/null | tail -1
}
APP0=$(app)
APP=$(app)
check "both are submitted" "$NJBT" do --as xg_zhen application.submit \
    application="$APP0"
check "the flagged one is submitted" "$NJBT" do --as xg_zhen \
    application.submit application="$APP"

serve_start || exit 1

# --- the approver decides from the view ---------------------------------
login c hl_sh || { notok "the approver logs in"; exit 1; }
open_menu c "审核申请"
shows "the approval queue" c "$APP"
tm send-keys -t c "$APP"
shows "the queue filtered to it" c "第 1-1 条"
shows "the row actions are listed in the footer" c \
    "回车查看后可办：批准申请并发放确认通知书、退回申请"
tm send-keys -t c Enter
shows "Enter opens the application's view" c "查看补贴申请"
shows "the view names the buyer" c "购机者：张三"
shows "the item" c "申购品目：1.1.3 旋耕机"
shows "the tier and count" c "分档与台数：03"
shows "the amount" c "补贴额：2800.00"
shows "the state in words" c "状态：已上报待审核"
shows "the flag with its reason" c "异常：重复申请："
shows "the history: who entered it" c "录入补贴申请  xg_zhen"
screen c | grep -q "证件号：\*\*\*1238" && ok "the ID number is masked" ||
    notok "the ID number is masked"
shows "the actions in the footer" c "1  批准申请并发放确认通知书"
tm send-keys -t c 1
shows "approving asks, naming the record" c "$APP（张三）？"
tm send-keys -t c n
shows "answering no does nothing" c "未办理"
same "still submitted" "submitted" \
    "$(q "SELECT state FROM applications WHERE no = '$APP'")"
tm send-keys -t c 1
shows "it asks again" c "$APP（张三）？"
tm send-keys -t c y
shows "approved from the view, the notice named" c "已批准：申请 $APP（张三 旋耕机），确认通知书"
shows "the view shows the new state" c "状态：已批准"
NOTICE=$(q "SELECT n.no FROM notices n JOIN applications a ON a.id = n.app_id WHERE a.no = '$APP'")
shows "the notice is a related record" c "确认通知书 $NOTICE 有效"
same "approved in the database" "approved" \
    "$(q "SELECT state FROM applications WHERE no = '$APP'")"
shows "the approval is in the history" c "审核批准申请  hl_sh"
# the related notice opens in turn, and leads back
tm send-keys -t c Enter
shows "Enter on the related notice opens its view" c "查看确认通知书"
shows "which leads back to the application" c "补贴申请 $APP 已批准"
tm send-keys -t c F10
shows "F10 goes back to the application" c "查看补贴申请"
sleep 0.3	# a single F10, not the second of a double (TUI_DOUBLE_MS)
tm send-keys -t c F10
shows "and back to the queue, without it" c "（没有记录）"
to_menu c

# Enter on a notice opens the view, never the hand-back form
open_menu c "确认通知书"
shows "the notices" c "$NOTICE"
tm send-keys -t c Enter
shows "Enter on a notice opens its view" c "查看确认通知书"
screen c | grep -q "交回日期" && notok "no hand-back form opened" ||
    ok "no hand-back form opened"
# issue 11 (3): a double F10 is two F10s with no key between; F10, Enter
# and F10 typed ahead in one burst (as a slow link delivers them) are two
# single F10s: the view, the list, the view again, the list; not the menu
tm send-keys -t c F10 Enter F10
shows "F10 Enter F10 in one burst: back in the list" c "$NOTICE"
screen c | grep -q "主菜单" && notok "... not at the main menu" ||
    ok "... not at the main menu"
screen c | grep -q "查看确认通知书" && notok "... not in the view" ||
    ok "... not in the view"
tm send-keys -t c Enter
shows "Enter opens the notice's view again" c "查看确认通知书"
shows "the hand-back is an action of the view" c "交回确认通知书"
k=$(screen c | sed -n 's/.*[ >] \([0-9]\)  交回确认通知书.*/\1/p' | head -1)
tm send-keys -t c "$k"
shows "a destructive action asks first, naming the record" c "$NOTICE（张三）？"
tm send-keys -t c n
same "the notice stays valid" "valid" \
    "$(q "SELECT state FROM notices WHERE no = '$NOTICE'")"
# a double F10 from a form opened from the view (menu -> list -> view ->
# form) gets back to the menu, not to the view (issue 11 (3))
sleep 0.3
tm send-keys -t c "$k"
shows "asked again" c "$NOTICE（张三）？"
tm send-keys -t c y
shows "the hand-back form opens from the view" c "交回日期"
tm send-keys -t c "2026-03-0"
sleep 0.3
tm send-keys -t c F10 F10
shows "a double F10 from it gets back to the menu" c "主菜单"
screen c | grep -q "查看确认通知书" && notok "... past the view and the list" ||
    ok "... past the view and the list"
same "nothing was handed back" "valid" \
    "$(q "SELECT state FROM notices WHERE no = '$NOTICE'")"
to_menu c

# --- finance opens a batch and sees its sales ---------------------------
login f hl_cz || { notok "finance logs in"; exit 1; }
open_menu f "结算批次"
shows "finance's batches" f "JS640122202603-01"
tm send-keys -t f Enter
shows "Enter opens the batch's view" f "查看结算批次"
shows "its first sale, by its number" f "销售 XS640122202600001 XG26A001"
shows "its second sale" f "销售 XS640122202600002 XG26A002"
shows "the batch's total" f "补贴额：5600.00"
tm send-keys -t f Down Enter
shows "a sale of the batch opens in turn" f "出厂编号：XG26A002"
shows "with its verification" f "核实通过"
to_menu f

# --- attacks -------------------------------------------------------------
# another county's approver: nothing of 640122 in his lists, by its key
login o yn_sh || { notok "yn_sh logs in"; exit 1; }
open_menu o "补贴申请"
shows "yn_sh's applications" o "筛选"
tm send-keys -t o "$APP"
shows "another county's application is not found by its key" o "（没有记录）"
to_menu o
before=$(q "SELECT count(*) FROM audit")
refused "yn_sh is refused 640122's application by key" "不在您的管辖范围内" \
    "$NJBT" show application "$APP" --as yn_sh
refused "yn_cz is refused 640122's batch by key" "不在您的管辖范围内" \
    "$NJBT" show batch JS640122202603-01 --as yn_cz
grep -q "张三" "$T/err" && notok "the refusal names nobody" ||
    ok "the refusal names nobody"
# a dealer: only his own sales
refused "js_dealer is refused fs_dealer's sale" "不在您的管辖范围内" \
    "$NJBT" show sale 1 --as js_dealer
refused "js_dealer is refused fs_dealer's machine" "不在您的管辖范围内" \
    "$NJBT" show machine XG26A001 --as js_dealer
refused "a dealer may not open applications" "无权查看" \
    "$NJBT" show application "$APP" --as fs_dealer
same "the refusals wrote nothing" "$before" "$(q "SELECT count(*) FROM audit")"
check "fs_dealer opens his own sale" "$NJBT" show sale 1 --as fs_dealer
grep -q "^证件号	\*\*\*1238$" "$T/out" && ok "masked for the dealer" ||
    notok "masked for the dealer"
login d js_dealer || { notok "js_dealer logs in"; exit 1; }
open_menu d "本店销售"
shows "js_dealer's sales" d "筛选"
tm send-keys -t d "XG26A001"
shows "fs_dealer's sale is not in js_dealer's list" d "（没有记录）"
to_menu d

check "njbt check" "$NJBT" check
serve_stop
sanitizer_clean
