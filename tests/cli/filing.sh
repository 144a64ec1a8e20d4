#!/bin/sh
# filing.sh: issue 13 item 1, the whole chain of a product filing (投档,
# 003 附件4) through the command line: file -> review -> publicize ->
# object -> resolve -> publish -> supply -> sell, and every refusal on the
# way (sale or supply of an unpublished product, an expired certificate,
# an objection by another maker, before or after the period, publishing
# before the end or with an objection open, a filing by a suspended or
# blacklisted maker, a review by a county), each writing nothing.
. "$(dirname "$0")/../lib.sh"
ID1=640122198001011238
FS=91640122MA76F2K349

# at DAY COMMAND...: the command with the clock at DAY 09:30
at() { d=$1; shift; NJBT_NOW=${d}T09:30:00 "$@"; }

check "init --demo (its five products published)" demo_db
same "... the demo's products are published" 5 \
    "$(q "SELECT count(*) FROM products WHERE status = 'published'")"

# --- filing and review ------------------------------------------------
check "the maker files FT-1 (certificate to 2030)" "$NJBT" do --as ss_maker \
    product.add item=1.1.3 tier=03 model=FT-1 name=旋耕机 subsidy=2800 \
    cert_no=NJ-2026-0901 cert_until=2030-12-31 params=幅宽2.2米
check "... FT-2 (certificate to 2026-03-20)" "$NJBT" do --as ss_maker \
    product.add item=1.1.3 tier=03 model=FT-2 name=旋耕机 subsidy=2800 \
    cert_no=NJ-2026-0902 cert_until=2026-03-20
check "... FT-3 (no certificate)" "$NJBT" do --as ss_maker \
    product.add item=1.1.3 tier=03 model=FT-3 name=旋耕机

before=$(dbsum)
refused "R-003-A4-12a a filed, unpublished product is not supplied" \
    "型号 FT-1 未公布" "$NJBT" do --as ss_maker supply.new dealer=$FS \
    model=FT-1 serial=FT1A001
refused "R-003-A4-12a ... nor authorised to a dealer" "型号 FT-1 未公布" \
    "$NJBT" do --as ss_maker dealer.authorize dealer=$FS model=FT-1 \
    counties=640122
refused "a county does not review" "无权执行" \
    "$NJBT" do --as hl_sh product.review model=FT-1 result=pass
refused "R-003-A4-9 a fail names its reason" "须注明理由" \
    "$NJBT" do --as admin product.review model=FT-1 result=fail
refused "R-003-A4-8.2 a filing without a certificate does not pass" \
    "没有鉴定（认证）证书" \
    "$NJBT" do --as admin product.review model=FT-3 result=pass
refused "a published product is not reviewed again" "只能审核已投档" \
    "$NJBT" do --as admin product.review model=SS-904 result=fail reason=x
refused "R-003-A4-10 nothing reviewed: no publicity" "没有已审核待公示" \
    "$NJBT" do --as admin filing.publicize from=2026-03-02 to=2026-03-08
same "... nothing written" "$before" "$(dbsum)"

check "R-003-A4-9 the admin fails FT-1 with a reason" "$NJBT" do --as admin \
    product.review model=FT-1 result=fail reason=参数与鉴定证书不符
check "... passes FT-2" "$NJBT" do --as admin product.review model=FT-2 \
    result=pass
check "... fails FT-3" "$NJBT" do --as admin product.review model=FT-3 \
    result=fail reason=无鉴定证书
same "... three reviews" "fail pass fail" "$(q "SELECT group_concat(result,
    ' ') FROM (SELECT r.result FROM filing_reviews r JOIN products p ON
    p.id = r.product_id WHERE p.model LIKE 'FT-%' ORDER BY p.model)")"

# --- publicity --------------------------------------------------------
refused "R-003-A4-10 publicity shorter than the year's 7 days" "公示期不少于 7" \
    "$NJBT" do --as admin filing.publicize from=2026-03-02 to=2026-03-05
"$NJBT" do --as admin filing.publicize from=2026-03-02 to=2026-03-08 \
    > "$T/out" 2> "$T/err"
PUB=$(tail -n 1 "$T/out")
same "R-003-A4-10 publicity numbered GS<year>-<nnn>" GS2026-002 "$PUB"
same "... holding the three reviews" 3 "$(q "SELECT count(*) FROM
    filing_reviews r JOIN filing_publicities p ON p.id = r.publicity_id
    WHERE p.no = '$PUB'")"
refused "a publicised review is not changed by a review" "只能经异议复核更正" \
    "$NJBT" do --as admin product.review model=FT-1 result=pass

# --- objections -------------------------------------------------------
check "a second maker" "$NJBT" do --as admin maker.add name=宁夏第二机械厂 \
    uscc=91640100MA77Q8R52Y login=ds_maker password=maker-pass-2
before=$(dbsum)
refused "R-003-A4-11a another maker does not object" "不是本企业投档的产品" \
    at 2026-03-03 "$NJBT" do --as ds_maker filing.objection model=FT-1 \
    reason=异议
refused "R-003-A4-11a no objection before the period" \
    "公示期为 2026-03-02 至 2026-03-08" \
    at 2026-03-01 "$NJBT" do --as ss_maker filing.objection model=FT-1 \
    reason=早了
refused "R-003-A4-11a no objection after the period" \
    "公示期为 2026-03-02 至 2026-03-08" \
    at 2026-03-09 "$NJBT" do --as ss_maker filing.objection model=FT-1 \
    reason=晚了
refused "a county does not object" "无权执行" \
    at 2026-03-03 "$NJBT" do --as hl_sh filing.objection model=FT-1 reason=x
same "... nothing written" "$before" "$(dbsum)"
at 2026-03-03 "$NJBT" do --as ss_maker filing.objection model=FT-1 \
    reason=参数以补充的鉴定报告为准 > "$T/out" 2> "$T/err"
OBJ=$(tail -n 1 "$T/out")
same "R-003-A4-11a the maker objects in the period: YY<year>-<nnn>" \
    YY2026-001 "$OBJ"
refused "... once while it is open" "已有未处理的异议 YY2026-001" \
    at 2026-03-04 "$NJBT" do --as ss_maker filing.objection model=FT-1 \
    reason=再一次

"$NJBT" list filing_objections --as ss_maker > "$T/mine" 2> "$T/err"
grep -q "^$OBJ	FT-1	" "$T/mine" && ok "the maker lists its objection" ||
    { notok "the maker lists its objection"; diag "$(cat "$T/mine" "$T/err")"; }
"$NJBT" list filing_objections --as ds_maker > "$T/other" 2> "$T/err"
grep -q "$OBJ" "$T/other" && notok "another maker does not see it" ||
    ok "another maker does not see it"
"$NJBT" list my_filings --as ss_maker > "$T/mine" 2> "$T/err"
grep -q "^FT-1	旋耕机	已投档	不通过	$PUB	2026-03-02~2026-03-08	待复核" \
    "$T/mine" && ok "the maker's filings show review, publicity, objection" ||
    { notok "the maker's filings show review, publicity, objection";
    diag "$(cat "$T/mine" "$T/err")"; }
refused "a dealer does not list filings" "无权" \
    "$NJBT" list filing_queue --as fs_dealer

# --- publication ------------------------------------------------------
before=$(dbsum)
refused "R-003-A4-12 no publication before the period ends" "期满后才能公布" \
    at 2026-03-08 "$NJBT" do --as admin filing.publish publicity=$PUB
refused "R-003-A4-12 no publication with an objection open" "1 条异议未处理" \
    at 2026-03-09 "$NJBT" do --as admin filing.publish publicity=$PUB
same "... nothing written" "$before" "$(dbsum)"
check "R-003-A4-11b the admin upholds the objection" at 2026-03-09 \
    "$NJBT" do --as admin filing.resolve objection=$OBJ result=upheld \
    note=补充报告证实参数无误
same "... FT-1's result corrected to pass" pass "$(q "SELECT r.result FROM
    filing_reviews r JOIN products p ON p.id = r.product_id
    WHERE p.model = 'FT-1'")"
q "SELECT detail FROM audit WHERE action = 'filing.resolve'" > "$T/audit"
grep -qF "更正审核结果 FT-1：不通过→通过" "$T/audit" &&
    ok "... the audit row says so" || { notok "... the audit row says so";
    diag "$(cat "$T/audit")"; }
refused "... not resolved twice" "已处理" at 2026-03-09 "$NJBT" do \
    --as admin filing.resolve objection=$OBJ result=dismissed
at 2026-03-09 "$NJBT" do --as admin filing.publish publicity=$PUB \
    > "$T/out" 2> "$T/err"
same "R-003-A4-12 published: two passed" 2 "$(tail -n 1 "$T/out")"
same "... FT-1, FT-2 published, FT-3 failed with its reason" \
    "FT-1 published |FT-2 published |FT-3 failed 无鉴定证书" \
    "$(q "SELECT group_concat(model || ' ' || status || ' ' ||
    ifnull(reason, ''), '|') FROM (SELECT * FROM products
    WHERE model LIKE 'FT-%' ORDER BY model)")"
refused "... not published twice" "已公布" \
    at 2026-03-10 "$NJBT" do --as admin filing.publish publicity=$PUB
check "njbt check: the audit chain and the MACs of the filing rows" \
    "$NJBT" check
q "UPDATE filing_reviews SET result = 'pass' WHERE product_id =
    (SELECT id FROM products WHERE model = 'FT-3')"
"$NJBT" check > "$T/out" 2>&1 && notok "a review changed by hand is found" ||
    { grep -q "投档审核" "$T/out" && ok "a review changed by hand is found" ||
    { notok "a review changed by hand is found"; diag "$(cat "$T/out")"; }; }
q "UPDATE filing_reviews SET result = 'fail' WHERE product_id =
    (SELECT id FROM products WHERE model = 'FT-3')"
# kept COMMAND...: ok if the store refuses the DELETE, naming the rule
kept() {
	what=$1; shift
	if "$@" > "$T/out" 2> "$T/err"; then notok "$what"
	elif grep -qF "保存 5 年" "$T/err"; then ok "$what"
	else notok "$what"; diag "$(head -c 300 "$T/err")"; fi
}
kept "R-003-A4-12 filing records are kept: no DELETE, even by hand" \
    q "DELETE FROM filing_reviews"
kept "... nor of a product" q "DELETE FROM products WHERE model = 'FT-3'"

# --- supply and sale --------------------------------------------------
check "R-003-A4-12a a published product is authorised" at 2026-03-10 \
    "$NJBT" do --as ss_maker dealer.authorize dealer=$FS model=FT-1 \
    counties=640122
check "... and supplied" at 2026-03-10 "$NJBT" do --as ss_maker supply.new \
    dealer=$FS model=FT-1 serial=FT1A001
check "... FT-2 too (certificate valid to 2026-03-20)" at 2026-03-10 \
    "$NJBT" do --as ss_maker supply.new dealer=$FS model=FT-2 \
    serial=FT2A001
at 2026-03-10 "$NJBT_FAST" do --as xg_zhen application.new buyer_type=person \
    buyer_name=张三 id_no=$ID1 township=640122100 item=1.1.3 tier=03 qty=1 \
    bank_name=黄河银行 bank_account=6228480402564890018 > "$T/out" 2> "$T/err"
APP=$(tail -n 1 "$T/out")
check "application.submit" at 2026-03-10 "$NJBT" do --as xg_zhen \
    application.submit application=$APP
at 2026-03-10 "$NJBT_FAST" do --as hl_sh application.approve application=$APP \
    > "$T/out" 2> "$T/err"
NOTICE=$(tail -n 1 "$T/out")
before=$(dbsum)
refused "R-003-A4-12a a sale after the certificate expired" \
    "型号 FT-2 的证书已过期 2026-03-20" at 2026-03-21 "$NJBT" do \
    --as fs_dealer sale.new notice=$NOTICE id_no=$ID1 serial=FT2A001 \
    price=12000 sold_on=2026-03-21 invoice_no=FP-FT2
refused "R-003-A4-12a ... nor a supply" "型号 FT-2 的证书已过期 2026-03-20" \
    at 2026-03-21 "$NJBT" do --as ss_maker supply.new dealer=$FS model=FT-2 \
    serial=FT2A002
same "... nothing written" "$before" "$(dbsum)"
check "R-003-A4-12a the published FT-1 is sold" at 2026-03-12 "$NJBT" do \
    --as fs_dealer sale.new notice=$NOTICE id_no=$ID1 serial=FT1A001 \
    price=12000 sold_on=2026-03-12 invoice_no=FP-FT1

# a unit of a product filed but never published (one supplied before
# filings were reviewed: migration 014 leaves such products 'filed')
check "FT-4 filed" "$NJBT" do --as ss_maker product.add item=1.1.3 tier=03 \
    model=FT-4 name=旋耕机 cert_no=NJ-2026-0904 cert_until=2030-12-31
q "UPDATE machines SET product_id = (SELECT id FROM products WHERE
    model = 'FT-4') WHERE serial = 'XG26A006'"
before=$(dbsum)
refused "R-003-A4-12a a sale of an unpublished product" "型号 FT-4 未公布" \
    at 2026-03-12 "$NJBT" do --as fs_dealer sale.new notice=$NOTICE \
    id_no=$ID1 serial=XG26A006 price=12000 sold_on=2026-03-12 \
    invoice_no=FP-FT4
same "... nothing written" "$before" "$(dbsum)"

# --- the public lists (003 附件4 第十条, 第十二条) ----------------------
check "R-003-A4-10a print products (the published list)" "$NJBT" print \
    products --as hl_sh --encoding utf-8 -o "$T/products.csv"
same "... the columns of 第十条" \
    "序号,大类,小类,品目,档次,企业名称,机具名称,机具型号,基本配置和参数,补贴额（元）,鉴定（认证）证书编号,证书有效期至,审核结果" \
    "$(head -n 1 "$T/products.csv" | tr -d '\r')"
grep -q ',FT-1,幅宽2.2米,2800.00,NJ-2026-0901,2030-12-31,审核通过' \
    "$T/products.csv" && ok "... FT-1 listed as passed" ||
    { notok "... FT-1 listed as passed"; diag "$(cat "$T/products.csv")"; }
grep -q 'FT-3' "$T/products.csv" && notok "... the failed FT-3 left out" ||
    ok "... the failed FT-3 left out"
check "R-003-A4-10a print filing --publicity (the publicity sheet)" \
    "$NJBT" print filing --publicity $PUB --encoding utf-8 -o "$T/filing.csv"
same "... its three products" 3 "$(grep -c ',FT-[123],' "$T/filing.csv")"
grep -q ',FT-3,,2800.00,,,审核不通过,无鉴定证书,2026-03-02,2026-03-08' \
    "$T/filing.csv" && ok "... FT-3 failed with its reason and the period" ||
    { notok "... FT-3 failed with its reason and the period";
    diag "$(cat "$T/filing.csv")"; }
check "... as xlsx" "$NJBT" print filing --publicity $PUB -o "$T/filing.xlsx"
refused "... an unknown publicity" "未知的公示编号：GS2026-099" \
    "$NJBT" print filing --publicity GS2026-099
refused "... a dealer does not print it" "无权打印" \
    "$NJBT" print products --as fs_dealer

# --- who may file -----------------------------------------------------
SS="(SELECT maker_id FROM users WHERE login = 'ss_maker')"
SSU=$(q "SELECT uscc FROM makers WHERE id = $SS")
# a real suspension (issue 13 item 2): 3 months from 2026-03-02
MV=$("$NJBT_FAST" do --as admin violation.new party_type=maker party=$SSU \
    level=minor facts=投档资料弄虚作假 2>/dev/null)
"$NJBT_FAST" do --as admin violation.decide violation=$MV measure=suspend \
    months=3 > /dev/null 2>&1
before=$(dbsum)
refused "R-003-A4-13.1a a suspended maker does not file" \
    "暂停至 2026-06-01" "$NJBT" do --as ss_maker product.add \
    item=1.1.3 tier=03 model=FT-5 name=旋耕机
refused "R-003-A4-13.1a ... nor does its filing pass review" \
    "暂停至 2026-06-01" "$NJBT" do --as admin product.review \
    model=FT-4 result=pass
same "... nothing written" "$before" "$(dbsum)"
check "R-003-A4-13.1a a suspension ended files again (within 6 months)" \
    at 2026-06-15 "$NJBT" do --as ss_maker product.add item=1.1.3 tier=03 \
    model=FT-5 name=旋耕机
q "UPDATE makers SET status = 'blacklisted', status_until = NULL
    WHERE id = $SS"
refused "R-003-A4-13.1 a blacklisted maker does not file" "列入黑名单" \
    "$NJBT" do --as ss_maker product.add item=1.1.3 tier=03 model=FT-6 \
    name=旋耕机
q "UPDATE makers SET status = 'active' WHERE id = $SS"
q "UPDATE products SET status = 'suspended' WHERE model = 'FT-2'"
refused "R-003-A4-13.2 a suspended model does not file again" \
    "型号 FT-2 暂停补贴，不得投档" at 2026-06-15 "$NJBT" do --as ss_maker product.add \
    item=1.1.3 tier=03 model=FT-2 name=旋耕机

echo "1..$n"
