#!/bin/sh
# print.sh: `njbt print` through the real binary (SPEC section 6; DESIGN
# command line contract): each report in each encoding, -o FILE, exit
# codes (0 printed, 1 refused with the reason on stderr and nothing
# printed, 2 usage), --as scope and private data, the audit rows, and the
# screens' print action writing into the outbox.
. "$(dirname "$0")/../lib.sh"

ID1=640122198001011238
PHONE1=13995011234
BOM=$(printf '\357\273\277')

# has FILE TEXT: the file holds the bytes
has() { grep -qF -- "$2" "$1"; }
# first line of a CSV without BOM and CR
head1() { head -n 1 "$1" | sed "s/^$BOM//" | tr -d '\r'; }

# --- the data, made through the real actions ----------------------------
check "init --demo" "$NJBT" init --demo
"$NJBT" do --as xg_zhen application.new buyer_type=person buyer_name=张三 \
    id_no=$ID1 township=640122100 item=1.1.3 tier=03 qty=2 phone=$PHONE1 \
    village=新平村 address=习岗镇新平村3队 > "$T/out" 2> "$T/err"
APP=$(tail -n 1 "$T/out")
check "application.line" "$NJBT" do --as xg_zhen application.line \
    application=$APP item=4.3.1 tier=02 qty=1
check "application.submit" "$NJBT" do --as xg_zhen application.submit application=$APP
"$NJBT" do --as hl_sh application.approve application=$APP > "$T/out" 2> "$T/err"
NOTICE=$(tail -n 1 "$T/out")
"$NJBT" do --as fs_dealer sale.new notice=$NOTICE id_no=$ID1 serial=XG26A001 \
    price=12000 sold_on=2026-03-02 invoice_no==1+2 > "$T/out" 2> "$T/err"
SALE=$(tail -n 1 "$T/out")
check "verify.pass" "$NJBT" do --as hl_jb verify.pass sale=$SALE method=office
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
has "$T/supply.utf8" ",核实通过,王芳,贺兰县," && ok "supply shows the check and who" \
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

echo "1..$n"
