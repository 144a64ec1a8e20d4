#!/bin/sh
# violation.sh: issue 13 item 2 through the real binary: violations and
# penalties for each party type (maker, dealer, product, buyer, person),
# the escalation of 003 附件2 第七条, the refusals of a suspended party
# (暂停至 ...), the lapse, the restore request, the blacklist at
# registration, the import of other provinces' decisions; every bad input
# exits 1 and writes nothing.
. "$(dirname "$0")/../lib.sh"

ID1=640122198001011238
ID2=640122197512034568
ID3=640122199001011232
REP=640122197003053330
MAKER=91640100MA76E5B13Q
FS=91640122MA76F2K349
JS=91640104MA77H8C58B
CHECKS="check_identity=1 check_invoice=1 check_nameplate=1 check_dealer=1 check_licence=1 check_account=1 check_promise=1"

do_() { "$NJBT" do --as "$@" > "$T/out" 2> "$T/err"; }
# mk LOGIN ACTION ARGS...: do_ with the arranging binary ($NJBT_FAST)
mk() { "$NJBT_FAST" do --as "$@" > "$T/out" 2> "$T/err"; }
key() { tail -n 1 "$T/out"; }

check "init --demo" demo_db

# an earlier clean sale of fs_dealer (before its suspension)
mk xg_zhen application.new buyer_type=person buyer_name=张三 id_no=$ID1 \
    township=640122100 item=1.1.3 tier=03 qty=1 bank_name=黄河银行 \
    bank_account=6228480402564890018 && A1=$(key) &&
    mk xg_zhen application.submit application=$A1 &&
    mk hl_sh application.approve application=$A1 && N1=$(key) &&
    mk fs_dealer sale.new notice=$N1 id_no=$ID1 serial=XG26A001 \
    price=12000 sold_on=2026-03-02 invoice_no=FP1 && S1=$(key)
same "an earlier sale of fs_dealer" "1" "$(q "SELECT count(*) FROM sales")"
mk jg_zhen application.new buyer_type=person buyer_name=李四 id_no=$ID2 \
    township=640122101 item=1.1.3 tier=03 qty=1 bank_name=黄河银行 \
    bank_account=6228480402564890125 && A2=$(key) &&
    mk jg_zhen application.submit application=$A2 &&
    mk hl_sh application.approve application=$A2 && N2=$(key)

# --- dealer: county, minor, suspension 3-12 months --------------------------
check "violation.new: the county records a minor one of its dealer" \
    "$NJBT" do --as hl_jb violation.new party_type=dealer party=$FS \
    level=minor facts=未及时上传人机合影
same "numbered WG + 6 digits" "WG000001" "$(tail -n 1 "$T/out")"
check "R-003-A2-5 the city records one of a dealer selling in its region" \
    "$NJBT" do --as yc_city violation.new party_type=dealer party=$FS \
    level=minor facts=未开展使用前培训
sum=$(dbsum)
refused "another county's dealer is refused" "不在您的管辖范围内销售" \
    "$NJBT" do --as yn_jb violation.new party_type=dealer party=$JS \
    level=minor facts=未培训
refused "the city may record but not decide" "无权执行" \
    "$NJBT" do --as yc_city violation.decide violation=WG000001 \
    measure=warning
refused "R-003-A2-10b a suspension of 2 months for a minor one" \
    "轻微违规的暂停期为 3 至 12 个月（含），不能为 2 个月" \
    "$NJBT" do --as hl_sh violation.decide violation=WG000001 \
    measure=suspend months=2
refused "R-003-A2-8a no blacklist for a minor one" "轻微违规不能采取" \
    "$NJBT" do --as hl_sh violation.decide violation=WG000001 \
    measure=blacklist
refused "another county may not decide it" "超出您的管辖范围" \
    "$NJBT" do --as yn_sh violation.decide violation=WG000001 \
    measure=suspend months=3
same "the refusals write nothing" "$sum" "$(dbsum)"
export NJBT_NOW=2026-03-03T09:30:00
check "the county suspends the dealer 3 months" "$NJBT" do --as hl_sh \
    violation.decide violation=WG000001 measure=suspend months=3
check "the dealer's record view" "$NJBT" show dealer $FS --as hl_jb
same "... lists its violation" "1" "$(grep -c "^相关	violation	WG000001" "$T/out")"
same "the dealer's status and last day" "suspended|2026-06-02" \
    "$(q "SELECT status || '|' || status_until FROM dealers WHERE uscc = '$FS'")"
sum=$(dbsum)
refused "R-003-A2-8a the suspended dealer cannot sell (暂停至)" \
    "暂停至 2026-06-02" "$NJBT" do --as fs_dealer sale.new notice=$N2 \
    id_no=$ID2 serial=XG26A002 price=11800 sold_on=2026-03-03 invoice_no=FP2
refused "nor be supplied" "暂停至 2026-06-02" "$NJBT" do --as ss_maker \
    supply.new dealer=$FS model=1GQN-200 serial=XG26Z001
same "nothing written" "$sum" "$(dbsum)"
refused "restore before the end" "尚未届满" "$NJBT" do --as admin \
    violation.restore violation=WG000001 requested_on=2026-03-03

# R-003-A2-11c 003 附件2 第十一条: the sale made before is still paid
check "R-003-A2-11c the earlier sale is verified" "$NJBT" do --as hl_jb \
    verify.pass sale=$S1 method=office partner=hl_sh $CHECKS
export NJBT_NOW=2026-04-02T09:30:00
check "R-003-A2-11c batched" "$NJBT" do --as hl_jb batch.new month=2026-03
B=$(tail -n 1 "$T/out")
check "R-003-A2-11c publicised" "$NJBT" do --as hl_jb batch.publicize \
    batch=$B from=2026-04-03 to=2026-04-10
check "a reviewer" "$NJBT" do --as admin user.add login=hl_fh name=孙复核 \
    role=county region=640122 password=njbt-demo-1 post=approver
for s in $(q "SELECT sale_id FROM reviews WHERE result IS NULL"); do
	check "R-003-A2-11c reviewed" "$NJBT" do --as hl_fh batch.review \
	    batch=$B sale=$s result=pass opinion=一致
done
export NJBT_NOW=2026-04-11T09:30:00
check "R-003-A2-11c submitted" "$NJBT" do --as hl_jb batch.submit batch=$B
check "R-003-A2-11c sampled" "$NJBT" do --as hl_cz finance.sample batch=$B \
    seed=7
for s in $(q "SELECT sale_id FROM finance_checks WHERE result IS NULL"); do
	check "R-003-A2-11c checked" "$NJBT" do --as hl_cz finance.check \
	    sale=$s result=pass note=在用
done
check "R-003-A2-11c approved" "$NJBT" do --as hl_cz finance.approve batch=$B
check "R-003-A2-11c paid while the dealer is suspended" "$NJBT" do \
    --as hl_cz finance.pay batch=$B paid_on=2026-04-11 ref=YH001
same "R-003-A2-11c the sale is paid" "paid" \
    "$(q "SELECT state FROM sales WHERE id = $S1")"

# the lapse: after the last day the dealer sells again, by the date alone
export NJBT_NOW=2026-06-03T09:30:00
mk xg_zhen application.new buyer_type=person buyer_name=钱七 id_no=$ID3 \
    township=640122100 item=1.1.3 tier=03 qty=1 bank_name=黄河银行 \
    bank_account=6228480402564890018 && A3=$(key) &&
    mk xg_zhen application.submit application=$A3 &&
    mk hl_sh application.approve application=$A3 && N3=$(key)
check "the suspension ends by itself (NJBT_NOW after the end)" "$NJBT" do \
    --as fs_dealer sale.new notice=$N3 id_no=$ID3 serial=XG26A002 \
    price=11800 sold_on=2026-06-03 invoice_no=FP2
export NJBT_NOW=2026-06-20T09:30:00
check "R-003-A2-11b restore request within 6 months" "$NJBT" do --as admin \
    violation.restore violation=WG000001 requested_on=2026-06-15
same "restored" "restored|active|" "$(q "SELECT v.state || '|' || d.status \
    || '|' || ifnull(d.status_until, '') FROM violations v, dealers d WHERE \
    v.no = 'WG000001' AND d.uscc = '$FS'")"
refused "the dealer cannot restore itself" "无权执行" "$NJBT" do \
    --as fs_dealer violation.restore violation=WG000001 \
    requested_on=2026-06-15
refused "restored once" "不是暂停处理" "$NJBT" do --as admin \
    violation.restore violation=WG000001 requested_on=2026-06-16

export NJBT_NOW=2026-03-02T09:30:00

# --- product: cancelled ------------------------------------------------------
check "a serious one of a product" "$NJBT" do --as admin violation.new \
    party_type=product party=2BMSF-6 level=serious facts=配置与检验报告不符
PV=$(tail -n 1 "$T/out")
check "its subsidy qualification cancelled" "$NJBT" do --as admin \
    violation.decide violation=$PV measure=cancel
refused "the cancelled product is not supplied" "补贴资格已被取消" \
    "$NJBT" do --as ss_maker supply.new dealer=$FS model=2BMSF-6 \
    serial=BZ26Z001
refused "nor sold" "补贴资格已被取消" "$NJBT" do --as fs_dealer sale.new \
    notice=$N2 id_no=$ID2 serial=BZ26A001 price=11800 sold_on=2026-03-02 \
    invoice_no=FP7

# --- maker: serious, the county may not decide, 12-24 months ---------------
check "the admin records a serious one of the maker" "$NJBT" do --as admin \
    violation.new party_type=maker party=$MAKER level=serious \
    facts=故意不按检验报告填报投档信息
MV=$(tail -n 1 "$T/out")
sum=$(dbsum)
refused "R-003-A2-8.1 a county deciding a serious violation" \
    "县级农机化主管部门只能处理轻微违规" "$NJBT" do --as hl_sh \
    violation.decide violation=$MV measure=warning
refused "R-003-A2-10b a suspension of 30 months for a serious one" \
    "较重违规的暂停期为 12 至 24 个月（含），不能为 30 个月" "$NJBT" do \
    --as admin violation.decide violation=$MV measure=suspend months=30
same "nothing written" "$sum" "$(dbsum)"
check "suspended 12 months" "$NJBT" do --as admin violation.decide \
    violation=$MV measure=suspend months=12
check "the maker's record view" "$NJBT" show maker $MAKER --as hl_jb
same "... lists the violation and the suspension in force" "1|1" \
    "$(grep -c "^相关	violation	$MV" "$T/out")|$(grep -c \
    "暂停补贴资格 $MV：2026-03-02 - 2027-03-01" "$T/out")"
refused "the suspended maker cannot supply" "暂停至 2027-03-01" \
    "$NJBT" do --as ss_maker supply.new dealer=$JS model=1GQN-200 \
    serial=XG26Z002
refused "nor file" "暂停至 2027-03-01" "$NJBT" do --as ss_maker \
    product.add item=1.1.3 tier=03 model=X-1 name=试验机
refused "its products are not sold" "暂停至 2027-03-01" "$NJBT" do \
    --as js_dealer sale.new notice=$N2 id_no=$ID2 serial=XG26B001 \
    price=11800 sold_on=2026-03-02 invoice_no=FP9
export NJBT_NOW=2027-10-05T09:30:00
sum=$(dbsum)
refused "R-003-A2-11b a restore request 7 months after the end" \
    "已逾期：暂停期于 2027-03-01 届满，恢复申请应在 2027-09-01 前提出" \
    "$NJBT" do --as admin violation.restore violation=$MV \
    requested_on=2027-10-02
refused "R-003-A2-11a no request within 6 months: given up" "不予恢复" \
    "$NJBT" do --as ss_maker supply.new dealer=$JS model=1GQN-200 \
    serial=XG26Z002
same "nothing written" "$sum" "$(dbsum)"
export NJBT_NOW=2026-03-02T09:30:00

# --- buyer: serious, banned for the year's ban_years --------------------------
check "the county records a buyer of its county" "$NJBT" do --as hl_jb \
    violation.new party_type=buyer party=$ID1 level=serious facts=倒卖补贴机具
BV=$(tail -n 1 "$T/out")
refused "a buyer of another county is out of scope" "超出您的管辖范围" \
    "$NJBT" do --as yn_jb violation.new party_type=buyer party=$ID1 \
    level=minor facts=x
refused "no suspension of a buyer" "对购机者不能采取" "$NJBT" do --as admin \
    violation.decide violation=$BV measure=suspend months=12
check "banned (the buyer.ban logic)" "$NJBT" do --as admin violation.decide \
    violation=$BV measure=ban
same "banned 3 years" "2029-03-01" \
    "$(q "SELECT banned_until FROM buyers WHERE name = '张三'")"
"$NJBT" show violation $BV --as yn_jb > "$T/out" 2> "$T/err"
same "another county's clerk does not open the buyer's violation" \
    "1|1" "$?|$(grep -c 不在您的管辖范围内 "$T/err")"
"$NJBT" list violations --as yn_jb > "$T/out" 2>&1
same "... nor sees it in the list" "0" "$(grep -c "$BV" "$T/out")"
"$NJBT" list violations --as fs_dealer > "$T/out" 2>&1
same "a dealer sees no list of violations" "1" "$(grep -c 无权 "$T/out")"
same "no ID number in the violation row" "0" \
    "$(q "SELECT count(*) FROM violations WHERE party_key = '$ID1' OR \
    party_name LIKE '%$ID1%'")"

# --- person and company: the blacklist and the legal representative -----------
check "a severe one of a person" "$NJBT" do --as admin violation.new \
    party_type=person party=$REP party_name=赵某 level=severe facts=组织骗补
RV=$(tail -n 1 "$T/out")
check "blacklisted" "$NJBT" do --as admin violation.decide violation=$RV \
    measure=blacklist
sum=$(dbsum)
refused "R-003-A2-8.3b a dealer whose legal representative is blacklisted" \
    "列入补贴产品经营黑名单" "$NJBT" do --as register dealer.register \
    name=新农农机 uscc=91640122MA7AB0CD1F legal_rep=赵某 address=贺兰县 \
    phone=13995000001 login=xn_dealer password=njbt-demo-9 legal_rep_id=$REP
same "nothing written" "$sum" "$(dbsum)"
check "a severe one of js_dealer" "$NJBT" do --as admin violation.new \
    party_type=dealer party=$JS level=severe facts=虚假销售骗取补贴
JV=$(tail -n 1 "$T/out")
refused "R-003-A2-10a no suspension for a severe one" "严重违规不设暂停期" \
    "$NJBT" do --as admin violation.decide violation=$JV measure=suspend \
    months=24
check "R-003-A2-8.3a the company and its legal representative blacklisted" \
    "$NJBT" do --as admin violation.decide violation=$JV measure=blacklist
same "R-003-A2-8.3a both on the list" "1|杨帆" "$(q "SELECT count(*) || '|' \
    || rep_name FROM blacklist WHERE uscc = '$JS'")"
refused "R-003-A2-8.3b a new maker of the same legal representative" \
    "列入补贴产品经营黑名单" "$NJBT" do --as admin maker.add name=杨氏农机 \
    uscc=91640122MA7AB0CEX7 login=ys_maker password=njbt-demo-9 legal_rep=杨帆
refused "the blacklisted dealer cannot sell" "已被列入黑名单" "$NJBT" do \
    --as js_dealer sale.new notice=$N2 id_no=$ID2 serial=XG26B002 \
    price=11800 sold_on=2026-03-02 invoice_no=FP8

# --- R-003-A2-7.2.1 escalation: the third minor one within a year ----------
for i in 1 2 3; do
	do_ admin violation.new party_type=maker party=$MAKER level=minor \
	    facts=销售记录不全$i found_on=2026-0$i-01
done
same "R-003-A2-7.2.1 two minor within a year make the third serious" \
    "minor minor serious" "$(q "SELECT group_concat(level, ' ') FROM \
    (SELECT level FROM violations WHERE facts LIKE '销售记录不全%' ORDER BY id)")"
same "R-003-A2-7.2.1 and it says why" "1" "$(cat "$T/out" "$T/err" | grep -c 第七条)"

# --- R-003-A2-8.3c import of other provinces' decisions ------------------------
cat > "$T/bad.csv" <<EOF
party_type,party,name,level,measure,months,from,province,facts
dealer,91620100MA7XY00135,兰州某农机,severe,blacklist,,2026-01-10,甘肃省,骗补
maker,$MAKER,,minor,suspend,2,2026-01-10,甘肃省,投档不实
EOF
sum=$(dbsum)
refused "an import with a bad line" "第 3 行" "$NJBT" import penalties \
    "$T/bad.csv"
same "stores nothing" "$sum" "$(dbsum)"
refused "no import through njbt do" "请用 njbt import 命令导入文件" \
    "$NJBT" do --as admin import.penalties
head -n 2 "$T/bad.csv" > "$T/good.csv"
check "an import of another province's blacklist" "$NJBT" import penalties \
    "$T/good.csv"
same "recorded with its province" "甘肃省|blacklist" "$(q "SELECT province \
    || '|' || measure FROM violations WHERE party_name = '兰州某农机'")"
refused "R-003-A2-8.3c the company blacklisted elsewhere cannot register" \
    "列入补贴产品经营黑名单" "$NJBT" do --as register dealer.register \
    name=兰州某农机 uscc=91620100MA7XY00135 legal_rep=钱某 address=贺兰县 \
    phone=13995000002 login=lz_dealer password=njbt-demo-9

# --- printers: the 通报 and the blacklist, no private data ---------------------
check "print violations" "$NJBT" print violations -o "$T/v.csv"
same "R-001-A3-0 no ID number printed" "0" "$(grep -c "$ID1\|$REP" "$T/v.csv")"
same "the buyer's name masked" "0" "$(grep -c 张三 "$T/v.csv")"
check "print blacklist" "$NJBT" print blacklist -o "$T/b.csv"
same "the blacklist names the company" "1" "$(grep -c 银川市金穗农机经销部 "$T/b.csv")"
check "print blacklist xlsx" "$NJBT" print blacklist -o "$T/b.xlsx"

# --- R-003-A2-11b with R-000-M-1.2.1b: restored with no maker ---------------
# fs_dealer suspended again (the admin
# decides), and dropped by every maker that had picked it while it was
# suspended (its maker's own suspension over): the restore gives it back
# as pending (待选择), not active, until a maker picks it again
export NJBT_NOW=2027-03-10T09:30:00
{ mk hl_jb violation.new party_type=dealer party=$FS level=minor \
    facts=未及时上传人机合影 && V2=$(key) &&
    mk admin violation.decide violation=$V2 measure=suspend months=12; } ||
    diag "$(cat "$T/err")"
same "fs_dealer suspended again" "suspended" \
    "$(q "SELECT status FROM dealers WHERE uscc = '$FS'")"
makers=$(q "SELECT u.login FROM maker_dealers md JOIN dealers d ON
    d.id = md.dealer_id JOIN users u ON u.role = 'maker' AND
    u.maker_id = md.maker_id WHERE d.uscc = '$FS'")
for m in $makers; do
	check "R-000-M-1.2.1b $m drops the suspended dealer" "$NJBT" do \
	    --as "$m" dealer.unpick dealer=$FS
done
same "no maker picks it any more" 0 "$(q "SELECT count(*) FROM maker_dealers
    md JOIN dealers d ON d.id = md.dealer_id WHERE d.uscc = '$FS'")"
export NJBT_NOW=2028-03-20T09:30:00
check "R-003-A2-11b the second suspension restored" "$NJBT" do --as admin \
    violation.restore violation=$V2 requested_on=2028-03-20
same "R-000-M-1.2.1b ... as pending: no maker picks it" "restored|pending" \
    "$(q "SELECT v.state || '|' || d.status FROM violations v, dealers d
    WHERE v.no = '$V2' AND d.uscc = '$FS'")"
export NJBT_NOW=2026-03-02T09:30:00

echo "1..$n"
