#!/bin/sh
# buyer.sh: issue 8 item 1 through `njbt do`, the whole chain
# (R-SEC-8.1a-d): a 永宁县 clerk cannot redirect a 贺兰县 buyer's subsidy,
# neither by an application nor by buyer.update; 贺兰县 changes the
# account (buyer.update), the verified sale goes back to verification,
# is verified again and is paid into the NEW account (bank file and
# payment row). And R-SEC-8.2a-c: a wrong name gets no name back, the
# refusal is logged, the 11th within ten minutes is refused as too
# frequent and the admin's list shows the clerk.
. "$(dirname "$0")/../lib.sh"
# R-002-A3-2.2 R-002-A3-2.3 002 附件3 二(二)、(三): every item of the checklist;
# R-002-A3-2.3a 二(三) 双人交叉核验: a second verifier (partner)
CHECKS="check_identity=1 check_invoice=1 check_nameplate=1 check_dealer=1"
CHECKS="$CHECKS check_licence=1 check_account=1 check_promise=1"

ID1=640122198001011238
OLD=6228480402564890018
NEW=6217001234005678006
EVIL=6222020200112233446

do_() { "$NJBT" do --as "$@" > "$T/out" 2> "$T/err"; }
key() { tail -n 1 "$T/out"; }
# mk LOGIN ACTION ARGS...: do_ with the arranging binary ($NJBT_FAST)
mk() { "$NJBT_FAST" do --as "$@" > "$T/out" 2> "$T/err"; }
state() { q "SELECT state FROM sales WHERE id = $1"; }

check "init --demo" demo_db
YN=$(q "SELECT code FROM regions WHERE parent = '640121' AND level = 'township' ORDER BY code LIMIT 1")

# 张三 of 习岗镇 applies, buys, is verified with his old card
mk xg_zhen application.new buyer_type=person buyer_name=张三 id_no=$ID1 \
    township=640122100 item=1.1.3 tier=03 qty=1 bank_name=黄河银行 \
    bank_account=$OLD && A=$(key)
mk xg_zhen application.submit application=$A
mk hl_sh application.approve application=$A && N=$(key)
mk fs_dealer sale.new notice=$N id_no=$ID1 serial=XG26A001 price=12000 \
    sold_on=2026-03-02 invoice_no=FP1 && S=$(key)
check "verify.pass" "$NJBT" do --as hl_jb verify.pass sale=$S method=office \
    $CHECKS partner=hl_sh
same "the old account is frozen on the sale" "0018" \
    "$(q "SELECT substr(pay_account_last4, -4) FROM sales WHERE id = $S")"

# --- the attack from 永宁县 ---------------------------------------------------
refused "an application elsewhere does not change the account" "修改购机者信息" \
    "$NJBT" do --as yn_jb application.new buyer_type=person buyer_name=张三 \
    id_no=$ID1 township=$YN item=1.1.3 tier=03 qty=1 bank_account=$EVIL
refused "buyer.update from 永宁县: as if unknown" "本县（乡镇）没有此证件号码的购机者" \
    "$NJBT" do --as yn_jb buyer.update id_no=$ID1 version=1 bank_account=$EVIL
same "the account on record is the old one" "0018" \
    "$(q "SELECT substr(account_last4, -4) FROM buyers WHERE idno_last4 = '1238'")"

# --- 贺兰县 changes it: the sale goes back ------------------------------------
refused "a stale version" "购机者信息已被他人修改" \
    "$NJBT" do --as hl_jb buyer.update id_no=$ID1 version=7 bank_account=$NEW
check "buyer.update in 贺兰县" "$NJBT" do --as hl_jb buyer.update id_no=$ID1 \
    version=1 bank_account=$NEW reason=原卡挂失
same "the new version is the key" "2" "$(key)"
grep -q "已退回核验" "$T/out" && ok "it says the sale went back" || notok "it says the sale went back"
same "the sale is back to verification" "failed" "$(state $S)"
same "its frozen account is cleared" "1" \
    "$(q "SELECT pay_account_enc IS NULL FROM sales WHERE id = $S")"
check "the history list" "$NJBT" list buyer_changes --as hl_jb
grep -q "\*\*\*0018" "$T/out" && grep -q "\*\*\*8006" "$T/out" && ! grep -q "$NEW" "$T/out" \
    && ok "... masked old and new" || { notok "... masked old and new"; diag "$(cat "$T/out")"; }
check "verify.pass again" "$NJBT" do --as hl_sh verify.pass sale=$S method=office \
    $CHECKS partner=hl_jb

# --- settlement: paid into the new account -----------------------------------
check "a reviewer" "$NJBT" do --as admin user.add login=hl_fh name=孙复核 \
    role=county region=640122 post=approver password=njbt-demo-1
export NJBT_NOW=2026-04-02T09:30:00
check "batch.new" "$NJBT" do --as hl_jb batch.new month=2026-03
B=$(key)
check "batch.publicize" "$NJBT" do --as hl_jb batch.publicize batch=$B \
    from=2026-04-03 to=2026-04-10
export NJBT_NOW=2026-04-11T09:30:00
for s in $(q "SELECT sale_id FROM reviews WHERE result IS NULL"); do
	mk hl_fh batch.review batch=$B sale=$s result=pass opinion=一致
done
check "batch.submit" "$NJBT" do --as hl_jb batch.submit batch=$B
check "finance.sample" "$NJBT" do --as hl_cz finance.sample batch=$B seed=7
for s in $(q "SELECT sale_id FROM finance_checks WHERE result IS NULL"); do
	mk hl_cz finance.check sale=$s result=pass note=在用
done
check "finance.approve" "$NJBT" do --as hl_cz finance.approve batch=$B
check "finance.pay" "$NJBT" do --as hl_cz finance.pay batch=$B paid_on=2026-04-11
same "the payment went to the new account" "8006" \
    "$(q "SELECT substr(account_last4, -4) FROM payments WHERE sale_id = $S")"
check "the bank file" "$NJBT" print bank --as hl_cz --batch $B -o "$T/bank.csv"
grep -q "$NEW" "$T/bank.csv" && ! grep -q "$OLD" "$T/bank.csv" && ! grep -q "$EVIL" "$T/bank.csv" \
    && ok "... holds the new account only" || { notok "... holds the new account only"; diag "$(cat "$T/bank.csv")"; }
check "njbt check" "$NJBT" check

# --- the name oracle ------------------------------------------------------------
i=0
while [ $i -lt 10 ]; do
	do_ hl_jb application.new buyer_type=person buyer_name=王$i id_no=$ID1 \
	    township=640122100 item=1.1.3 tier=03 qty=1
	i=$((i + 1))
done
same "a wrong name: a neutral answer" "njbt: buyer_name: 证件号码与姓名（名称）不符" \
    "$(head -n 1 "$T/err")"
grep -q "张" "$T/err" && notok "... without the name" || ok "... without the name"
same "each refusal is audited" "10" \
    "$(q "SELECT count(*) FROM audit WHERE action = 'application.new refused' AND login = 'hl_jb'")"
refused "the 11th: too frequent" "查询过于频繁，已报告管理员" \
    "$NJBT" do --as hl_jb application.new buyer_type=person buyer_name=张三 \
    id_no=$ID1 township=640122100 item=1.1.3 tier=03 qty=1
check "the admin's list" "$NJBT" list lookup_refusals --as admin
grep -q "hl_jb" "$T/out" && ok "... shows the clerk" || { notok "... shows the clerk"; diag "$(cat "$T/out")"; }

echo "1..$n"
