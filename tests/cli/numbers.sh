#!/bin/sh
# numbers.sh: issue 11 item 5 through the real binary. `njbt do` keeps its
# contract (keys on stdout, the sale's id last) and, with --say, prints on
# stderr the sentence the screen shows: the verb, the record by its kind,
# readable number, buyer and machine. Sales get numbers XS<county><year>
# <seq> that every action taking a sale accepts beside the id, and that
# `njbt list` shows and finds; a number of another county is refused as
# its id is; payments get ZF numbers; a batch whose publicity is over no
# longer reads 公示中 in `njbt list batches`.
. "$(dirname "$0")/../lib.sh"

ID1=640122198001011238
CHECKS="check_identity=1 check_invoice=1 check_nameplate=1 check_dealer=1 check_licence=1 check_account=1 check_promise=1"
do_() { "$NJBT" do --say --as "$@" > "$T/out" 2> "$T/err"; }
key() { tail -n 1 "$T/out"; }
# mk LOGIN ACTION ARGS...: an arranging step, through $NJBT_FAST
mk() { "$NJBT_FAST" do --as "$@" > "$T/out" 2> "$T/err"; }

check "init --demo" demo_db
do_ xg_zhen application.new buyer_type=person buyer_name=张三 id_no=$ID1 \
    township=640122100 item=1.1.3 tier=03 qty=1 bank_name=黄河银行 \
    bank_account=6228480402564890018
APP=$(key)
same "application.new says what it entered" "已录入：申请 $APP（张三 旋耕机）" \
    "$(cat "$T/err")"
do_ xg_zhen application.submit application=$APP
same "submit: 已上报, the stdout contract unchanged" "已上报：申请 $APP（张三 旋耕机），待县级农机部门审核|$APP" \
    "$(cat "$T/err")|$(cat "$T/out")"
do_ hl_sh application.approve application=$APP
N=$(key)
case "$(cat "$T/err")" in
"已批准：申请 $APP（张三 旋耕机），确认通知书 $N 已发放（有效期至 "*) ok "approve names the notice issued" ;;
*) notok "approve names the notice issued"; diag "$(cat "$T/err")" ;;
esac
# without --say and off a terminal, stderr stays empty on success
"$NJBT" do --as fs_dealer sale.new notice=$N id_no=$ID1 serial=XG26A001 \
    price=12000 sold_on=2026-03-02 invoice_no=FP1 > "$T/out" 2> "$T/err"
S=$(key)
same "sale.new: the id on stdout as before, stderr silent" "1|" \
    "$(echo "$S" | grep -c '^[0-9][0-9]*$')|$(cat "$T/err")"
NO=$(q "SELECT no FROM sales WHERE id = $S")
same "the sale's readable number" "XS640122202600001" "$NO"
check "njbt list sales shows the number" "$NJBT" list sales --as hl_jb
same "... in its first column" "$NO" "$(cut -f1 "$T/out" | grep -x "$NO")"
check "njbt list verify_queue finds the sale by its number" "$NJBT" list \
    verify_queue --as hl_jb "$NO"
same "... one row" "1" "$(grep -c "^$NO	" "$T/out")"

# the attack: 永宁's clerk, with 贺兰's sale by its number and by its id
"$NJBT" do --as yn_jb verify.pass sale=$S method=office $CHECKS \
    partner=yn_sh > /dev/null 2> "$T/err.id"
rc_id=$?
before=$(dbsum)
"$NJBT" do --as yn_jb verify.pass sale=$NO method=office $CHECKS \
    partner=yn_sh > /dev/null 2> "$T/err.no"
rc_no=$?
same "another county's number is refused as its id is" "1 1 $(cat "$T/err.id")" \
    "$rc_id $rc_no $(cat "$T/err.no")"
same "... and writes nothing" "$before" "$(dbsum)"
refused "a number that names no sale" "未知的销售编号：XS640122202699999" \
    "$NJBT" do --as hl_jb verify.pass sale=XS640122202699999 method=office \
    $CHECKS partner=hl_sh

do_ hl_jb verify.pass sale=$NO method=office $CHECKS partner=hl_sh
same "verify.pass by the number: 已核验, the sale named" \
    "已核验：销售 $NO（张三 旋耕机）" "$(cat "$T/err")"

# April: the batch, its publicity; after it ends the list says so
export NJBT_NOW=2026-04-02T09:30:00
do_ hl_jb batch.new month=2026-03
B=$(key)
same "batch.new: 已汇总, month, machines, money" \
    "已汇总：结算批次 $B（2026-03，1 台，补贴 2800.00 元）" "$(cat "$T/err")"
mk hl_jb batch.publicize batch=$B from=2026-04-03 to=2026-04-10
NJBT_NOW=2026-04-08T09:30:00 "$NJBT" list batches --as hl_jb > "$T/out"
same "during its publicity: 公示中" "公示中" "$(grep "^$B	" "$T/out" | cut -f5)"
NJBT_NOW=2026-04-11T09:30:00 "$NJBT" list batches --as hl_jb > "$T/out"
same "after it: 公示期满, not 公示中" "公示期满" \
    "$(grep "^$B	" "$T/out" | cut -f5)"

export NJBT_NOW=2026-04-11T09:30:00
# a reviewer who verified nothing (R-004-A4-4.3a 004 附件4 四(三))
check "a reviewer" "$NJBT" do --as admin user.add login=hl_fh name=孙复核 \
    role=county region=640122 password=njbt-demo-1 post=approver
for s in $(q "SELECT r.sale_id FROM reviews r"); do
	check "review by the number" "$NJBT" do --as hl_fh batch.review \
	    sale="$(q "SELECT no FROM sales WHERE id = $s")" result=pass
done
check "batch.submit" "$NJBT" do --as hl_jb batch.submit batch=$B
check "finance.sample" "$NJBT" do --as hl_cz finance.sample batch=$B seed=7
for s in $(q "SELECT c.sale_id FROM finance_checks c"); do
	check "finance.check by the number" "$NJBT" do --as hl_cz finance.check \
	    sale="$(q "SELECT no FROM sales WHERE id = $s")" result=pass
done
check "finance.approve" "$NJBT" do --as hl_cz finance.approve batch=$B
do_ hl_cz finance.pay batch=$B paid_on=2026-04-11 ref=YH1
same "finance.pay: 已支付 with the payment's number" \
    "已支付：结算批次 $B（2026-03，1 台，补贴 2800.00 元），支付 1 笔 ZF640122202600001" \
    "$(cat "$T/err")"
same "... and the payment count on stdout as before" "1" "$(key)"
check "the bank file as finance" "$NJBT" print bank --batch $B --as hl_cz \
    --encoding utf-8
same "... names the sale and the payment by their numbers" "1" \
    "$(grep -c ",$B,$NO,ZF640122202600001" "$T/out")"
check "the supply sheet by the sale's number" "$NJBT" print supply --id $NO \
    --encoding utf-8
same "... begins with it" "1" "$(grep -c "^$NO," "$T/out")"
do_ hl_jb return.new sale=$NO reason=质量问题
case "$(cat "$T/err")" in
"已登记退货：销售 $NO（张三 旋耕机）；补贴已支付，请县财政部门登记退回的补贴款"*)
	ok "a paid return says finance must record the refund" ;;
*) notok "a paid return says finance must record the refund"; diag "$(cat "$T/err")" ;;
esac
check "njbt check" "$NJBT" check

# --- migration 012: existing sales and payments get their numbers -------
# (rows made by hand at version 11, not through the actions: no check)
rm -f "$NJBT_DB" "$NJBT_DB".*
NJBT_MIGRATE_TO=11 "$NJBT" init > /dev/null 2>&1
same "an old database at version 11" "11" "$(q 'PRAGMA user_version')"
q "INSERT INTO sales(year, county, dealer_id, machine_id, buyer_id, tier_id,
     price, sold_on, invoice_no, central, provincial, city, county_part,
     subsidy, entered_by, entered_at) VALUES
     (2026, '640122', 1, 1, 1, 1, 100, 'x', 'F1', 0, 0, 0, 0, 0, 1, 'x'),
     (2026, '640121', 1, 2, 1, 1, 100, 'x', 'F2', 0, 0, 0, 0, 0, 1, 'x'),
     (2026, '640122', 1, 3, 1, 1, 100, 'x', 'F3', 0, 0, 0, 0, 0, 1, 'x'),
     (2025, '640122', 1, 4, 1, 1, 100, 'x', 'F4', 0, 0, 0, 0, 0, 1, 'x');
   INSERT INTO batches(no, county, year, month, seq, created_by, created_at)
     VALUES ('JS640122202603-01', '640122', 2026, '2026-03', 1, 1, 'x');
   INSERT INTO payments(sale_id, batch_id, amount, central, provincial,
     paid_on, by_user, at) VALUES (3, 1, 0, 0, 0, 'x', 1, 'x'),
     (1, 1, 0, 0, 0, 'x', 1, 'x');"
check "init upgrades it to 012" "$NJBT" init
same "012 numbers each county's year in the order of entry" \
    "XS640122202600001 XS640121202600001 XS640122202600002 XS640122202500001" \
    "$(q "SELECT group_concat(no, ' ') FROM (SELECT no FROM sales ORDER BY id)")"
same "012 numbers the payments in the order they were made" \
    "ZF640122202600001 ZF640122202600002" \
    "$(q "SELECT group_concat(no, ' ') FROM (SELECT no FROM payments ORDER BY id)")"
same "012 keeps the numbers unique" "1" \
    "$(q "SELECT count(*) FROM pragma_index_list('sales') WHERE name = 'sales_no' AND \"unique\" = 1")"

echo "1..$n"
