#!/bin/sh
# print.sh: `njbt print` through the real binary (SPEC section 6; DESIGN
# command line contract): each report in each encoding, -o FILE, exit
# codes (0 printed, 1 refused with the reason on stderr and nothing
# printed, 2 usage), --as scope and private data, the audit rows, and the
# screens' print action writing into the outbox. Then settlement, made
# with the real batch and finance actions: 附表4-7, 附件2, the bank file,
# totals that agree, the capital numerals, no private data in the public
# table, and month end (`--all -o DIR`, with no progress bar when piped).
. "$(dirname "$0")/../lib.sh"
# R-002-A3-2.2 R-002-A3-2.3 002 附件3 二(二)、(三): every item of the checklist;
# R-002-A3-2.3a 二(三) 双人交叉核验: a second verifier (partner)
CHECKS="check_identity=1 check_invoice=1 check_nameplate=1 check_dealer=1"
CHECKS="$CHECKS check_licence=1 check_account=1 check_promise=1"

ID1=640122198001011238
PHONE1=13995011234
BOM=$(printf '\357\273\277')

# has FILE TEXT: the file holds the bytes
has() { grep -qF -- "$2" "$1"; }
# first line of a CSV without BOM and CR
head1() { head -n 1 "$1" | sed "s/^$BOM//" | tr -d '\r'; }

# --- the data, made through the real actions ----------------------------
check "init --demo" demo_db
"$NJBT_FAST" do --as xg_zhen application.new buyer_type=person buyer_name=张三 \
    id_no=$ID1 township=640122100 item=1.1.3 tier=03 qty=2 phone=$PHONE1 \
    village=新平村 address=习岗镇新平村3队 bank_name=黄河银行 \
    bank_account=6228480402564890018 > "$T/out" 2> "$T/err"
APP=$(tail -n 1 "$T/out")
check "application.line" "$NJBT" do --as xg_zhen application.line \
    application=$APP item=4.3.1 tier=02 qty=1
check "application.submit" "$NJBT" do --as xg_zhen application.submit application=$APP
"$NJBT_FAST" do --as hl_sh application.approve application=$APP > "$T/out" 2> "$T/err"
NOTICE=$(tail -n 1 "$T/out")
"$NJBT_FAST" do --as fs_dealer sale.new notice=$NOTICE id_no=$ID1 serial=XG26A001 \
    price=12000 sold_on=2026-03-02 invoice_no==1+2 > "$T/out" 2> "$T/err"
SALE=$(tail -n 1 "$T/out")
check "verify.pass" "$NJBT" do --as hl_jb verify.pass sale=$SALE method=office \
    $CHECKS partner=hl_sh
case "$APP$NOTICE$SALE" in
SQ640122*TZ640122*[0-9]) ok "journey made $APP $NOTICE $SALE" ;;
*) notok "journey made"; diag "app [$APP] notice [$NOTICE] sale [$SALE]" ;;
esac

# --- each report, each encoding -------------------------------------------
for r in application notice supply; do
	check "$r prints (console)" "$NJBT" print $r
	cp "$T/out" "$T/$r.utf8bom"
	same "$r starts with a BOM by default" "efbbbf" \
	    "$(head -c 3 "$T/$r.utf8bom" | od -An -tx1 | tr -d ' \n')"
	check "$r --encoding utf-8-bom" "$NJBT" print $r --encoding utf-8-bom
	cmp -s "$T/out" "$T/$r.utf8bom" && ok "$r utf-8-bom is the default" \
	    || notok "$r utf-8-bom is the default"
	check "$r --encoding utf-8" "$NJBT" print $r --encoding utf-8
	cp "$T/out" "$T/$r.utf8"
	same "$r utf-8 has no BOM" "$(tail -c +4 "$T/$r.utf8bom" | md5sum)" \
	    "$(md5sum < "$T/$r.utf8")"
	check "$r --encoding gb18030" "$NJBT" print $r --encoding=gb18030
	cp "$T/out" "$T/$r.gb"
	same "$r gb18030 reads back as the utf-8 sheet" "$(md5sum < "$T/$r.utf8")" \
	    "$(iconv -f GB18030 -t UTF-8 "$T/$r.gb" | md5sum)"
	has "$T/$r.gb" "$(printf '\325\305\310\375')" && ok "$r gb18030: 张三 is D5C5 C8FD" \
	    || notok "$r gb18030: 张三 is D5C5 C8FD"
	has "$T/$r.gb" "张三" && notok "$r gb18030 holds no UTF-8" || ok "$r gb18030 holds no UTF-8"
	tail -n 1 "$T/$r.utf8" | grep -q '^合计,' && ok "$r ends with its totals row" \
	    || notok "$r ends with its totals row"
	grep -c "$(printf '\r$')" "$T/$r.utf8" > "$T/crlf"
	same "$r lines end with CRLF" "$(wc -l < "$T/$r.utf8" | tr -d ' ')" "$(cat "$T/crlf")"
done

same "application header (附表1)" "申请编号,确认书编号,购机方式,姓名/组织,申请购机者身份,性别/性质,身份证/组织机构代码证号,乡镇,村组,身份证地址,现居住地址,机具大类,机具小类,机具品目,数量,设备类实际数量,分档名称,备注,中央补贴,省级补贴,市级补贴,县级补贴,单台补贴合计(元),补贴额合计(元),报废补贴额(元),县农机局审批情况,申请日期,状态,获取打印日期时间" \
    "$(head1 "$T/application.utf8")"
same "notice header (附表2)" "编号,县排序,省排序,购机方式,姓名或组织名称,住址,联系电话（手填）,大类,小类,品目,分档名称,数量（台）,合计,中央,省,市,县,购机期限起,购机期限止,签发日期,状态" \
    "$(head1 "$T/notice.utf8")"
same "supply header (附表3)" "销售编号,确认书编号,姓名/组织,申请购机者身份,性别/性质,身份证/组织机构代码证号,乡镇,村组,身份证地址,现居住地址,机具大类,机具小类,机具品目,生产企业,机具型号,功率(千瓦),数量(设备类实际数量),分档名称,备注,中央补贴,省级补贴,市级补贴,县级补贴,单台补贴合计(元),补贴额合计(元),报废补贴额(元),经销商,销售总价(元),经销商备注,出厂编号[发动机号],发票号,购机日期,经销商录入时间,核实结果,核实人,核实单位,核实时间" \
    "$(head1 "$T/supply.utf8")"
same "application totals: 3 units, 9800.00 yuan" "合计,,,,,,,,,,,,,,3,,,,,,,,,9800.00,,,,," \
    "$(tail -n 1 "$T/application.utf8" | tr -d '\r')"
same "notice totals: the split" "合计,,,,,,,,,,,3,9800.00,9100.00,700.00,0.00,0.00,,,," \
    "$(tail -n 1 "$T/notice.utf8" | tr -d '\r')"
has "$T/supply.utf8" ",XG26A001,'=1+2,2026-03-02," && ok "a formula invoice number is guarded" \
    || notok "a formula invoice number is guarded"
has "$T/supply.utf8" ",核实通过,王芳、赵强,贺兰县," && ok "supply shows the check and who" \
    || notok "supply shows the check and who"

# --- the notice never carries the ID number or the phone ------------------
for u in "" "--as admin" "--as hl_jb" "--as xg_zhen" "--as jjjc"; do
	for e in utf-8-bom gb18030; do
		"$NJBT" print notice $u --encoding $e > "$T/n.csv" 2> "$T/err"
		if has "$T/n.csv" "$ID1" || has "$T/n.csv" "$PHONE1" || has "$T/n.csv" 1238; then
			notok "notice ${u:-console} $e has no ID or phone"
		else ok "notice ${u:-console} $e has no ID or phone"; fi
	done
done

# --- private columns: masked for a dealer, clear for the county -----------
check "dealer prints its sale" "$NJBT" print supply --as fs_dealer --id $SALE
has "$T/out" ",***1238," && ok "dealer sees ***1238" || notok "dealer sees ***1238"
has "$T/out" "$ID1" && notok "dealer never sees the ID" || ok "dealer never sees the ID"
check "county prints it" "$NJBT" print supply --as hl_jb --id $SALE
has "$T/out" ",$ID1," && ok "county sees the ID in clear" || notok "county sees the ID in clear"
check "city prints the application" "$NJBT" print application --as yc_city --county 640122
has "$T/out" ",***1238," && ok "city sees it masked" || notok "city sees it masked"
same "the county's print of private data is logged" "1" \
    "$(q "SELECT count(*) FROM audit WHERE action='print' AND login='hl_jb' AND detail='report=supply id=$SALE encoding=utf-8-bom rows=1 private=clear'")"
same "the dealer's print is logged as masked" "1" \
    "$(q "SELECT count(*) FROM audit WHERE action='print' AND login='fs_dealer' AND detail LIKE '%private=masked'")"

# --- -o FILE --------------------------------------------------------------
check "-o FILE" "$NJBT" print supply --as hl_jb -o "$T/s.csv"
same "-o writes nothing on stdout" "" "$(cat "$T/out")"
same "-o FILE is 0600" "600" "$(stat -c %a "$T/s.csv")"
"$NJBT" print supply --as hl_jb > "$T/s2.csv"
cmp -s "$T/s.csv" "$T/s2.csv" && ok "-o FILE holds what stdout would" || notok "-o FILE holds what stdout would"
same "the -o audit row names the file" "$T/s.csv" \
    "$(q "SELECT record FROM audit WHERE action='print' ORDER BY id DESC LIMIT 1 OFFSET 1")"
refused "a refused -o print" "超出您的管辖范围" "$NJBT" print supply --as yn_jb --id $SALE -o "$T/s.csv"
cmp -s "$T/s.csv" "$T/s2.csv" && ok "a refused print leaves the old file" || notok "a refused print leaves the old file"
refused "refused into a new file" "超出您的管辖范围" "$NJBT" print supply --as yn_jb --id $SALE -o "$T/new.csv"
[ -e "$T/new.csv" ] && notok "a refused print makes no file" || ok "a refused print makes no file"
same "no temporary file is left" "" "$(ls "$T" | grep '\.csv\.' )"

# --- exit codes and scope ---------------------------------------------------
refused "another county's sale" "超出您的管辖范围：销售编号 $SALE 不属于本县" \
    "$NJBT" print supply --as yn_jb --id $SALE
same "a refusal prints nothing" "" "$(cat "$T/out")"
refused "another county" "超出您的管辖范围：640122 不属于本县" "$NJBT" print supply --as yn_jb --county 640122
refused "another township" "不属于本乡镇" "$NJBT" print application --as jg_zhen --id $APP
refused "a dealer may not print the notice" "无权打印" "$NJBT" print notice --as fs_dealer
refused "another dealer's sale" "不属于本店的销售" "$NJBT" print supply --as js_dealer --id $SALE
refused "a maker prints nothing" "无权打印" "$NJBT" print supply --as ss_maker
refused "unknown application" "未知的申请编号：SQ1" "$NJBT" print application --id SQ1
refused "unknown county" "未知的县级行政区划代码：640199" "$NJBT" print notice --county 640199
refused "bad month" "月份应为" "$NJBT" print notice --month 2026-3x
refused "unknown login" "未知的用户" "$NJBT" print supply --as nobody
check "the township prints its own" "$NJBT" print application --as xg_zhen
has "$T/out" "$APP" && ok "... its application is there" || notok "... its application is there"
check "another township prints an empty sheet" "$NJBT" print application --as jg_zhen
same "... header and 合计 only" "2" "$(wc -l < "$T/out" | tr -d ' ')"
check "a month with nothing" "$NJBT" print supply --as hl_jb --month 2026-02
same "... header and 合计 only" "2" "$(wc -l < "$T/out" | tr -d ' ')"
check "the month of the sale" "$NJBT" print supply --as hl_jb --county 640122 --month 2026-03
same "... one sale" "3" "$(wc -l < "$T/out" | tr -d ' ')"

usage() {
	what=$1; shift
	"$@" > "$T/out" 2> "$T/err"; rc=$?
	if [ "$rc" -eq 2 ] && [ ! -s "$T/out" ]; then ok "$what"
	else notok "$what"; diag "exit $rc, stderr: $(head -c 300 "$T/err")"; fi
}
usage "no report is a usage error (2)" "$NJBT" print
usage "unknown report (2)" "$NJBT" print budgetx
grep -q "supply" "$T/err" && ok "usage lists the reports" || notok "usage lists the reports"
usage "unknown option (2)" "$NJBT" print supply --colour red
usage "an option without its value (2)" "$NJBT" print supply --county
usage "two reports (2)" "$NJBT" print supply notice
usage "an empty --as is not the console (2)" "$NJBT" print supply --as=
usage "an option twice (2)" "$NJBT" print supply --month 2026-03 --month=2026-02
usage "unknown encoding (2)" "$NJBT" print supply --encoding latin1
usage "--id with --county (2)" "$NJBT" print supply --id $SALE --county 640122
usage "--batch where the report has none (2)" "$NJBT" print supply --batch PC1
"$NJBT" help > "$T/out" 2>&1
grep -q "njbt print" "$T/out" && ok "help lists print" || notok "help lists print"

# --- the screens' print action: the outbox ---------------------------------
"$NJBT" do --as hl_jb print report=supply encoding=gb18030 > "$T/out" 2> "$T/err"
same "njbt do print exits 0" "0" "$?"
F=$(tail -n 1 "$T/out")
same "the key is the outbox file" "$T/outbox/hl_jb/supply-640122-20260302-093000.csv" "$F"
same "outbox file 0600" "600" "$(stat -c %a "$F" 2>/dev/null)"
same "outbox folder 0700" "700" "$(stat -c %a "$T/outbox/hl_jb" 2>/dev/null)"
cmp -s "$F" "$T/supply.gb" && ok "the outbox file is the GB18030 sheet" \
    || notok "the outbox file is the GB18030 sheet"
refused "a refused print action" "超出您的管辖范围" "$NJBT" do --as yn_jb print report=supply id=$SALE
[ -e "$T/outbox/yn_jb" ] && notok "... makes no folder" || ok "... makes no folder"


# --- settlement: a batch through the real actions --------------------------
ID2=640122197512034568
ACCT1=6228480402564890018
ACCT2=6228480402564890125
B=JS640122202603-01
"$NJBT_FAST" do --as fs_dealer sale.new notice=$NOTICE id_no=$ID1 serial=XG26A002 \
    price=12000 sold_on=2026-03-02 invoice_no=FP-2 > "$T/out" 2> "$T/err"
SALE2=$(tail -n 1 "$T/out")
check "verify the second" "$NJBT" do --as hl_jb verify.pass sale=$SALE2 method=office \
    $CHECKS partner=hl_sh
"$NJBT_FAST" do --as jg_zhen application.new buyer_type=person buyer_name=李四 \
    id_no=$ID2 township=640122101 item=1.1.3 tier=03 qty=1 village=关渠村 \
    bank_name=农商银行 bank_account=$ACCT2 phone=13995015678 > "$T/out" 2> "$T/err"
APP2=$(tail -n 1 "$T/out")
check "李四 submits" "$NJBT" do --as jg_zhen application.submit application=$APP2
# R-SEC-8.6: only an approver decides; hl_jb is made one here
check "hl_jb made an approver" "$NJBT" user post hl_jb approver
"$NJBT_FAST" do --as hl_jb application.approve application=$APP2 > "$T/out" 2> "$T/err"
NOTICE2=$(tail -n 1 "$T/out")
"$NJBT_FAST" do --as fs_dealer sale.new notice=$NOTICE2 id_no=$ID2 serial=XG26A003 \
    price=11800 sold_on=2026-03-02 invoice_no=FP-3 > "$T/out" 2> "$T/err"
SALE3=$(tail -n 1 "$T/out")
check "verify 李四's" "$NJBT" do --as hl_sh verify.pass sale=$SALE3 method=office \
    $CHECKS partner=hl_jb
check "a third county clerk to review" "$NJBT" do --as admin user.add login=hl_fh \
    name=孙复核 role=county region=640122 password=njbt-demo-1 post=approver
export NJBT_NOW=2026-04-02T09:30:00
check "batch.new" "$NJBT" do --as hl_jb batch.new month=2026-03
same "the batch number" "$B" "$(tail -n 1 "$T/out")"
check "batch.publicize" "$NJBT" do --as hl_jb batch.publicize batch=$B from=2026-04-03 to=2026-04-10

# publicised: the sheets that exist already
check "review sheet (附表4)" "$NJBT" print review --batch $B --encoding utf-8
same "review header" "结算批次,销售编号,姓名,家庭住址,联系电话,身份证号码,机具名称,规格型号,数量,生产企业,经销商,购机日期,机具价格,补贴金额,发动机号码,出厂编号,行驶证号码,1、购机人与补贴指标申领人是否一致,2、是否与《农机购置补贴指标确认通知书》的品目相符,3、机具是否有永久性铭牌,4、出厂编号、发动机号是否与《补贴机具供货与核实表》一致,实际购机与申请补贴信息（材料）,复核人员意见,复核人,复核日期,复核原因" \
    "$(head1 "$T/out")"
has "$T/out" ",待复核," && ok "a pending review is blank, 待复核" || notok "a pending review is blank, 待复核"
refused "bank before finance approved" "财政审核同意后才能打印" "$NJBT" print bank --batch $B

export NJBT_NOW=2026-04-11T09:30:00
for s in $(q "SELECT sale_id FROM reviews WHERE result IS NULL ORDER BY sale_id"); do
	check "review $s" "$NJBT" do --as hl_fh batch.review batch=$B sale=$s result=pass opinion=一致
done
check "the review sheet says 是" "$NJBT" print review --batch $B --as hl_jb
has "$T/out" ",是,是,是,是,一致,一致,孙复核,2026-04-11," && ok "... with reviewer and day" || notok "... with reviewer and day"
check "batch.submit" "$NJBT" do --as hl_jb batch.submit batch=$B
check "finance.sample" "$NJBT" do --as hl_cz finance.sample batch=$B seed=7
for s in $(q "SELECT sale_id FROM finance_checks WHERE result IS NULL"); do
	check "finance.check $s" "$NJBT" do --as hl_cz finance.check sale=$s result=pass
done
check "finance.approve" "$NJBT" do --as hl_cz finance.approve batch=$B
export NJBT_NOW=2026-04-26T09:30:00
check "finance.pay" "$NJBT" do --as hl_cz finance.pay batch=$B paid_on=2026-04-25 ref=YH001

# 附表5, 6, 7 and the bank file agree: 3 machines, 8400.00 yuan
check "payment (附表5)" "$NJBT" print payment --batch $B --encoding utf-8
cp "$T/out" "$T/payment.csv"
same "payment header" "结算批次,县（区）,机具种类,数量（台）,财政补贴金额合计,中央,地方,本次核拨金额,备注" "$(head1 "$T/payment.csv")"
same "payment 合计" "$B,贺兰县,合计,3,8400.00,8400.00,0.00,8400.00,第1批，已支付（2026-04-25）" \
    "$(sed -n 4p "$T/payment.csv" | tr -d '\r')"
same "合计（大写）in capital numerals, 小写 beside" "$B,贺兰县,合计（大写）,捌仟肆佰元整,小写：￥8400.00,,,," \
    "$(tail -n 1 "$T/payment.csv" | tr -d '\r')"
check "detail (附表6) as finance" "$NJBT" print detail --batch $B --as hl_cz --encoding utf-8
cp "$T/out" "$T/detail.csv"
same "detail header" "序号,姓名,县乡村,电话/手机号码,开户行,帐号,身份证号码,数量,补贴金额合计,国补金额,自治区补金额,备注,结算批次" "$(head1 "$T/detail.csv")"
same "detail: one row per buyer" "4" "$(wc -l < "$T/detail.csv" | tr -d ' ')"
same "detail 合计 = payment 合计" "合计,,,,,,,3,8400.00,8400.00,0.00,," "$(tail -n 1 "$T/detail.csv" | tr -d '\r')"
has "$T/detail.csv" ",黄河银行,$ACCT1,$ID1,2,5600.00," && ok "finance sees account and ID in clear" \
    || notok "finance sees account and ID in clear"
check "publicity (附表7)" "$NJBT" print publicity --county 640122 --month 2026-03 --encoding utf-8
cp "$T/out" "$T/publicity.csv"
same "publicity header" "序号,所在乡（镇）,所在村组,购机者姓名,机具品目,生产厂家,购买机型,购买数量（台）,经销商,单台销售价格（元）,单台补贴额（元）,总补贴额（元）" "$(head1 "$T/publicity.csv")"
same "publicity 合计 = payment 合计" "合计,,,,,,,3,,,,8400.00" "$(tail -n 1 "$T/publicity.csv" | tr -d '\r')"
check "bank file as finance" "$NJBT" print bank --batch $B --as hl_cz --encoding utf-8
same "bank: a payment per machine" "5" "$(wc -l < "$T/out" | tr -d ' ')"
same "bank 合计 = payment 合计" "合计,,,,8400.00,,,," "$(tail -n 1 "$T/out" | tr -d '\r')"
has "$T/out" ",$ACCT2,2800.00,农机购置补贴,$B," && ok "bank: account in clear, 农机购置补贴" \
    || notok "bank: account in clear, 农机购置补贴"
refused "bank refused to a county clerk" "无权打印“补贴资金银行支付文件”" "$NJBT" print bank --batch $B --as hl_jb
same "... nothing printed" "" "$(cat "$T/out")"
refused "bank refused to the auditor" "无权打印" "$NJBT" print bank --batch $B --as jjjc
refused "another county's finance" "不属于本县" "$NJBT" print bank --batch $B --as yn_cz

# the public table: never an ID number, phone or account, whoever prints
for u in "" "--as admin" "--as jjjc" "--as hl_jb" "--as hl_cz" "--as yc_city"; do
	for e in utf-8-bom gb18030; do
		"$NJBT" print publicity --batch $B $u --encoding $e > "$T/p.csv" 2> "$T/err"
		if has "$T/p.csv" "$ID1" || has "$T/p.csv" "$ID2" || has "$T/p.csv" "$PHONE1" ||
		    has "$T/p.csv" "$ACCT1" || has "$T/p.csv" "$ACCT2" || has "$T/p.csv" 1238 ||
		    has "$T/p.csv" 0018 || has "$T/p.csv" '***'; then
			notok "publicity ${u:-console} $e has no private data"
		else ok "publicity ${u:-console} $e has no private data"; fi
	done
done

# masked for the city; every print of private data logged
check "detail as the city" "$NJBT" print detail --batch $B --as yc_city
has "$T/out" ",***1234,黄河银行,***0018,***1238," && ok "the city sees it masked" || notok "the city sees it masked"
has "$T/out" "$ACCT1" && notok "the city never sees the account" || ok "the city never sees the account"
same "finance's detail is logged in clear" "1" \
    "$(q "SELECT count(*) FROM audit WHERE action='print' AND login='hl_cz' AND detail='report=detail batch=$B encoding=utf-8 rows=2 private=clear'")"
same "the city's is logged masked" "1" \
    "$(q "SELECT count(*) FROM audit WHERE action='print' AND login='yc_city' AND detail LIKE 'report=detail batch=$B %private=masked'")"
check "budget (附件2)" "$NJBT" print budget --as hl_cz --month 2026-03 --encoding utf-8
same "budget: 贺兰县 and 总计" "2" "$(grep -c '^贺兰县,\|^总计,' "$T/out")"
check "anomalies" "$NJBT" print anomalies --county 640122 --month 2026-03
usage "--batch with --county (2)" "$NJBT" print detail --batch $B --county 640122
usage "anomalies by batch (2)" "$NJBT" print anomalies --batch $B

# month end: every sheet of the county's month into a folder
"$NJBT" print --all --county 640122 --month 2026-03 -o "$T/month" > "$T/out" 2> "$T/err"
same "--all exits 0" "0" "$?"
same "no progress bar when piped" "" "$(cat "$T/err")"
same "the folder is 0700" "700" "$(stat -c %a "$T/month" 2>/dev/null)"
same "every sheet is there" "anomalies-640122-2026-03.csv application-640122-2026-03.csv bank-$B.csv budget-2026.csv detail-$B.csv notice-640122-2026-03.csv payment-$B.csv publicity-$B.csv review-$B.csv supply-640122-2026-03.csv" \
    "$(ls "$T/month" | tr '\n' ' ' | sed 's/ $//')"
same "each 0600" "600" "$(stat -c %a "$T/month"/* | sort -u | tr -d '\n')"
same "the month's sheets have the default BOM" "efbbbf" \
    "$(head -c 3 "$T/month/payment-$B.csv" | od -An -tx1 | tr -d ' \n')"
same "the month's payment is the payment sheet" "$(md5sum < "$T/payment.csv")" \
    "$(tail -c +4 "$T/month/payment-$B.csv" | md5sum)"
same "an audit row per sheet" "10" \
    "$(q "SELECT count(*) FROM audit WHERE action='print' AND record LIKE '$T/month/%'")"
"$NJBT" print --all --as hl_jb --month 2026-03 -o "$T/month2" > "$T/out" 2> "$T/err"
same "the county clerk's month end: no bank file" "9 0" \
    "$(ls "$T/month2" | wc -l | tr -d ' ') $(ls "$T/month2" | grep -c '^bank-')"
refused "--all out of scope" "超出您的管辖范围" "$NJBT" print --all --as yn_jb --county 640122 --month 2026-03 -o "$T/month3"
[ -e "$T/month3" ] && notok "... makes no folder" || ok "... makes no folder"
usage "--all with a report (2)" "$NJBT" print detail --all --month 2026-03 -o "$T/m4"
usage "--all without -o (2)" "$NJBT" print --all --county 640122 --month 2026-03
usage "--all without a county for the console (2)" "$NJBT" print --all --month 2026-03 -o "$T/m5"
if command -v script > /dev/null 2>&1; then
	script -qec "'$NJBT' print --all --county 640122 --month 2026-03 -o '$T/month6' > /dev/null" /dev/null > "$T/tty" 2>&1
	grep -q '\[####################\] 10/10' "$T/tty" && ok "a progress bar on a terminal" \
	    || { notok "a progress bar on a terminal"; diag "$(head -c 300 "$T/tty")"; }
fi
"$NJBT" do --as hl_jb print report=all month=2026-03 > "$T/out" 2> "$T/err"
same "the screens' month end exits 0" "0" "$?"
F=$(tail -n 1 "$T/out")
same "... a folder in the outbox" "$T/outbox/hl_jb/all-640122-2026-03-20260426-093000" "$F"
same "... 0700" "700" "$(stat -c %a "$F" 2>/dev/null)"
same "... its sheets" "9" "$(ls "$F" | wc -l | tr -d ' ')"

echo "1..$n"
