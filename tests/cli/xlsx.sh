#!/bin/sh
# xlsx.sh: every printer as xlsx (issue 12 (2)), read back with openpyxl
# (tests/tools/xlsx-read.py): the title with county, year and batch, the
# header repeated on every page, A4 fit to width, IDs, accounts, invoices
# and serials as text with all their digits, money and totals equal to the
# CSV's, the form's signature lines. The per-person forms (附表1-4) one
# record per page, laid out as the form, with a page break where the
# record changes. And -o (issue 12 (5)): a device, a directory, a fifo or
# a symlink is never replaced; -o - is stdout.
. "$(dirname "$0")/../lib.sh"
TOOLS=$(cd "$(dirname "$0")/../tools" && pwd)
CHECKS="check_identity=1 check_invoice=1 check_nameplate=1 check_dealer=1"
CHECKS="$CHECKS check_licence=1 check_account=1 check_promise=1"
ID1=640122198001011238
ACCT1=6228480402564890018
B=JS640122202603-01

# usage WHAT COMMAND...: exit 2, the usage on stderr, nothing printed
usage() {
	what=$1; shift
	"$@" > "$T/out" 2> "$T/err"; rc=$?
	if [ "$rc" -eq 2 ] && [ ! -s "$T/out" ]; then ok "$what"
	else notok "$what"; diag "exit $rc, stderr: $(head -c 300 "$T/err")"; fi
}

# a python3 with openpyxl (the Debian one when another comes first)
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import openpyxl' 2> /dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] && ok "python3 with openpyxl ($PY)" || notok "python3 with openpyxl (apt-get install python3-openpyxl)"

# --- data: one buyer, two machines, a paid batch -------------------------
check "init --demo" demo_db
"$NJBT_FAST" do --as xg_zhen application.new buyer_type=person buyer_name=张三 \
    id_no=$ID1 township=640122100 item=1.1.3 tier=03 qty=2 phone=13995011234 \
    village=新平村 address=习岗镇新平村3队 bank_name=黄河银行 \
    bank_account=$ACCT1 > "$T/out" 2> "$T/err"
APP=$(tail -n 1 "$T/out")
check "application.submit" "$NJBT" do --as xg_zhen application.submit application=$APP
"$NJBT_FAST" do --as hl_sh application.approve application=$APP > "$T/out" 2> "$T/err"
NOTICE=$(tail -n 1 "$T/out")
# the second invoice number is what a spreadsheet would run as a formula
for k in 1 2; do
	inv=0001234$k
	[ $k = 2 ] && inv==1+2
	"$NJBT_FAST" do --as fs_dealer sale.new notice=$NOTICE id_no=$ID1 \
	    serial=XG26A00$k \
	    price=12000 sold_on=2026-03-02 invoice_no=$inv > "$T/out" 2> "$T/err"
	SALE=$(tail -n 1 "$T/out")
	check "verify sale $k" "$NJBT" do --as hl_jb verify.pass sale=$SALE \
	    method=office $CHECKS partner=hl_sh
done
check "a reviewer" "$NJBT" do --as admin user.add login=hl_fh \
    name=孙复核 role=county region=640122 password=njbt-demo-1 post=approver
export NJBT_NOW=2026-04-02T09:30:00
check "batch.new" "$NJBT" do --as hl_jb batch.new month=2026-03
check "batch.publicize" "$NJBT" do --as hl_jb batch.publicize batch=$B \
    from=2026-04-03 to=2026-04-10
export NJBT_NOW=2026-04-11T09:30:00
for s in $(q "SELECT sale_id FROM reviews WHERE result IS NULL ORDER BY sale_id"); do
	check "review $s" "$NJBT" do --as hl_fh batch.review batch=$B sale=$s \
	    result=pass opinion=一致
done
check "batch.submit" "$NJBT" do --as hl_jb batch.submit batch=$B
check "finance.sample" "$NJBT" do --as hl_cz finance.sample batch=$B seed=7
for s in $(q "SELECT sale_id FROM finance_checks WHERE result IS NULL"); do
	check "finance.check $s" "$NJBT" do --as hl_cz finance.check sale=$s result=pass
done
check "finance.approve" "$NJBT" do --as hl_cz finance.approve batch=$B
export NJBT_NOW=2026-04-26T09:30:00
check "finance.pay" "$NJBT" do --as hl_cz finance.pay batch=$B \
    paid_on=2026-04-25 ref=YH001

# --- every printer: CSV and xlsx of the same request ----------------------
# name and filter of each printer (all of print.c's table): the sheets of
# rows, then the per-person forms (one record a page, below)
PRINTERS="payment:--batch=$B
detail:--batch=$B publicity:--batch=$B bank:--batch=$B anomalies:
budget: deadlines: lottery: violations: blacklist: products:
filing:--publicity=GS2026-001"
FORMS="application: notice: supply: review:--batch=$B verification:"
files=
for pf in $PRINTERS $FORMS; do
	r=${pf%%:*} f=${pf#*:}
	check "$r as CSV" "$NJBT" print $r $f --encoding utf-8 -o "$T/$r.csv"
	check "$r as xlsx (-o $r.xlsx)" "$NJBT" print $r $f -o "$T/$r.xlsx"
	files="$files $T/$r.xlsx"
done
# shellcheck disable=SC2086 # one word per file
check "openpyxl reads every sheet" "$PY" "$TOOLS/xlsx-read.py" $files

for pf in $PRINTERS; do
	r=${pf%%:*} x="$T/$r.xlsx.txt"
	[ -f "$x" ] || { notok "$r read back"; continue; }
	# the CSV's header and body, as the xlsx's rows 3.. say them
	# (where the form has two header rows, the CSV's body from row 5)
	tr -d '\r' < "$T/$r.csv" | sed 's/,*$//' > "$T/$r.want"
	nl=$(wc -l < "$T/$r.want" | tr -d " ")
	if grep -q '^REPEAT \$3:\$4$' "$x"; then
		sed -i 1d "$T/$r.want"
		sed -n "5,$((nl + 3))p" "$x" > "$T/$r.got"
	else
		sed -n "3,$((nl + 2))p" "$x" > "$T/$r.got"
	fi
	# CSV guards a leading = + - @ with an apostrophe; xlsx needs none
	sed "s/,'\([=+@-]\)/,\1/g" "$T/$r.want" > "$T/$r.want2"
	if cmp -s "$T/$r.want2" "$T/$r.got"; then
		ok "$r: every row and total as the CSV's"
	else
		notok "$r: every row and total as the CSV's"
		diag "$(diff "$T/$r.want2" "$T/$r.got" | head -n 6)"
	fi
	grep -q '^REPEAT \$3:\$[34]$' "$x" && ok "$r: header rows repeated on each page" \
	    || notok "$r: header rows repeated on each page"
	grep -q '^FORMULAS 0$' "$x" && ok "$r: no cell is a formula" \
	    || notok "$r: no cell is a formula"
	grep -q '^PAGE [a-z]* 9 fit=True width=1 height=0$' "$x" && ok "$r: A4, fit to page width" \
	    || notok "$r: A4, fit to page width"
	grep -E '^TYPE [^:]*(号|号码|账号|帐号|电话|编号)[^:]*: .*n' "$x" |
	    grep -v '^TYPE 序号:' > "$T/num"
	[ -s "$T/num" ] && { notok "$r: no ID, account or serial stored as a number"; diag "$(cat "$T/num")"; } \
	    || ok "$r: no ID, account or serial stored as a number"
done

# two-level headers as the forms have them
same "附表5 header, first row" "结算批次,县（区）,机具种类,数量（台）,财政补贴金额,,,本次核拨金额,备注" \
    "$(sed -n 3p "$T/payment.xlsx.txt")"
same "附表5 header, second row" ",,,,合计,中央,地方" "$(sed -n 4p "$T/payment.xlsx.txt")"
same "附表6 header, second row" ",,,,,,,,合计,国补金额,自治区补金额" "$(sed -n 4p "$T/detail.xlsx.txt")"
same "附件2 header, first row" "县区,计划,,,,已占用,,已支付,,结余,,使用率（%）" "$(sed -n 3p "$T/budget.xlsx.txt")"

# the titles as the forms: province, county, year and batch
x=$T/payment.xlsx.txt
same "附表5 title" "宁夏 贺兰县 2026年第1批农业机械购置补贴资金支付报告单" "$(sed -n 1p "$x")"
same "附表5 单位" "单位：元" "$(sed -n 2p "$x" | tr -d ,)"
grep -q '^[^,]*,贺兰县,合计（大写）,伍仟陆佰元整,小写：￥5600.00$' "$x" \
    && ok "附表5 合计（大写）" || { notok "附表5 合计（大写）"; diag "$(grep 大写 "$x")"; }
grep -q '^县财政局（章）.*经办人（签字）' "$x" && ok "附表5 seal and signature lines" \
    || notok "附表5 seal and signature lines"
same "附表6 title" "宁夏 贺兰县 2026年第1批补贴机具结算明细表" "$(sed -n 1p "$T/detail.xlsx.txt")"
grep -q '^申请结算单位（盖章）' "$T/detail.xlsx.txt" && ok "附表6 signature line" \
    || notok "附表6 signature line"
grep -q '^公告单位：贺兰县农机管理部门    公告时间：2026-04-03至2026-04-10$' \
    "$T/publicity.xlsx.txt" && ok "附表7 公告单位 and 公告时间" \
    || { notok "附表7 公告单位 and 公告时间"; diag "$(sed -n 2p "$T/publicity.xlsx.txt")"; }
# digits that a number would lose, kept as text
grep -q ",$ACCT1,$ID1," "$T/detail.xlsx.txt" && grep -q '^TYPE 帐号: s$' "$T/detail.xlsx.txt" \
    && ok "detail: account and ID as text" || notok "detail: account and ID as text"
grep -q ",$ACCT1," "$T/bank.xlsx.txt" && ok "bank: the account as text" \
    || notok "bank: the account as text"
grep -q '^TYPE 国补金额: n$' "$T/detail.xlsx.txt" && ok "detail: money as numbers" \
    || notok "detail: money as numbers"

# --- the per-person forms (附表1-4): one record a page, as the form -------
# starts FILE NO: the 1-based rows where a page begins (its 附表N line)
starts() { grep -n "^$2\$" "$1" | cut -d: -f1 | tr '\n' ' ' | sed 's/ $//'; }
# page FILE NO K: the K-th page's rows
page() {
	awk -v no="$2" -v k="$3" '$0 == no { p++ }
	    /^(TYPE|FORMULAS|REPEAT|PAGE|BREAKS|SHEETS) / { p = 0 } p == k' "$1"
}
# printer, form, title, its last signature line, records, ID on the page
for f in "application 附表1 农业机械购置补贴申请表 申请购机者确认情况（签字、手印） 1 yes" \
    "notice 附表2 农机购置补贴指标确认通知书 日期： 1 no" \
    "supply 附表3 补贴机具供货与核实表 购机者确认情况（手印、盖章） 2 yes" \
    "review 附表4 农机购置补贴机具复核表 五、县农机部门复核意见 1 yes" \
    "verification 附件3 补贴机具核验记录表 核验人员（签字） 2 yes"; do
	# shellcheck disable=SC2086 # the words of the line
	set -- $f
	x=$T/$1.xlsx.txt
	st=$(starts "$x" "$2")
	same "$2: one page per record" "$5" "$(echo "$st" | wc -w | tr -d ' ')"
	same "$2: a page break before each next record, none else" \
	    "$(echo "$st" | cut -s -d' ' -f2-)" "$(sed -n 's/^BREAKS *//p' "$x")"
	grep -q '^PAGE portrait 9 fit=False' "$x" && ok "$2: A4 portrait (no fit: it would drop the breaks)" \
	    || { notok "$2: A4 portrait (no fit: it would drop the breaks)"; diag "$(grep ^PAGE "$x")"; }
	k=1
	while [ "$k" -le "$5" ]; do
		page "$x" "$2" $k > "$T/pg"
		grep -qx "$3" "$T/pg" && grep -q "^$4" "$T/pg" \
		    && ok "$2 page $k: its title and signature lines" \
		    || { notok "$2 page $k: its title and signature lines"; diag "$(head -n 3 "$T/pg")"; }
		if [ "$6" = yes ]; then
			grep -q ",$ID1\$" "$T/pg" && ok "$2 page $k: the ID, all 18 digits" \
			    || { notok "$2 page $k: the ID, all 18 digits"; diag "$(grep 身份证 "$T/pg")"; }
		else
			grep -q "$ID1" "$T/pg" && notok "$2 page $k: no ID (R-004-T2-3.4)" \
			    || ok "$2 page $k: no ID (R-004-T2-3.4)"
		fi
		k=$((k + 1))
	done
done
grep -q "^出厂编号\[发动机号\],XG26A001,发票号,00012341$" "$T/supply.xlsx.txt" \
    && ok "附表3: serial and invoice 00012341 as text, zeros kept" \
    || { notok "附表3: serial and invoice 00012341 as text, zeros kept"; diag "$(grep 发票号 "$T/supply.xlsx.txt")"; }
grep -q "^出厂编号\[发动机号\],XG26A002,发票号,=1+2$" "$T/supply.xlsx.txt" \
    && ok "附表3: invoice =1+2 is text, as typed" || notok "附表3: invoice =1+2 is text, as typed"
grep -q "^发动机号码,[^,]*,出厂编号,XG26A001$" "$T/review.xlsx.txt" \
    && ok "附表4: the serial as text" || { notok "附表4: the serial as text"; diag "$(grep 出厂编号 "$T/review.xlsx.txt")"; }
grep -q "^机具大类,[^,]*,中央补贴,[0-9]*\.[0-9][0-9]$" "$T/supply.xlsx.txt" && ok "附表3: money with two decimals" \
    || notok "附表3: money with two decimals"
grep -q "^申请购机者基本情况$" "$T/application.xlsx.txt" \
    && ok "附表1: the form's sections" || notok "附表1: the form's sections"
grep -q "^1．补贴对象须在2026-[0-9-]*至2026-[0-9-]*期间购机" "$T/notice.xlsx.txt" \
    && ok "附表2: its fixed text, the dates filled in" \
    || { notok "附表2: its fixed text, the dates filled in"; diag "$(grep 补贴对象须在 "$T/notice.xlsx.txt")"; }

# 003 附件3 核验记录表 (njbt print verification): a row per check in CSV,
# what it checked, each item as ticked, who checked; offices only
v=$T/verification.csv
same "核验记录表 CSV: a row per check, and 合计" 4 "$(wc -l < "$v" | tr -d ' ')"
grep -q "^XS640122202600001,2026-03-02 09:30:00,室内核验,张三,$ID1,00012341,2026-03-02,12000.00,2800.00,.*,$ACCT1,相符,相符,相符,相符,相符,相符,相符,核实通过,,王芳,赵强.$" "$v" \
    && ok "... the buyer, invoice, machine, account, every item 相符, both verifiers" \
    || { notok "... the buyer, invoice, machine, account, every item 相符, both verifiers"; diag "$(sed -n 2p "$v")"; }
grep -q "^银行卡（折）账号,$ACCT1\$" "$T/verification.xlsx.txt" \
    && ok "... its page: the account with every digit" || notok "... its page: the account with every digit"
grep -q "^!\|^~" "$T/verification.xlsx.txt" && notok "... no layout marks on the page" \
    || ok "... no layout marks on the page"
refused "a dealer may not print it" "无权打印" "$NJBT" print verification --as fs_dealer
refused "another county's clerk may not print this sale's" "超出您的管辖范围" \
    "$NJBT" print verification --id XS640122202600001 --as yn_jb
check "one sale's record by its number" "$NJBT" print verification \
    --id XS640122202600001 --encoding utf-8
same "... its one check" 3 "$(wc -l < "$T/out" | tr -d ' ')"
check "the city prints it" "$NJBT" print verification --as yc_city --encoding utf-8
grep -q "$ID1\|$ACCT1" "$T/out" && notok "... masked: no ID, no account in clear" \
    || ok "... masked: no ID, no account in clear"

# a sheet past the rows a worksheet holds (Excel's 1,048,576; lowered
# here by NJBT_XLSX_ROWS) goes on in the next, title and header again
NJBT_XLSX_ROWS=20 "$NJBT" print budget -o "$T/split.xlsx" > /dev/null 2>&1
check "... read back" "$PY" "$TOOLS/xlsx-read.py" "$T/split.xlsx"
x=$T/split.xlsx.txt
sheets=$(sed -n 's/^SHEETS //p' "$x")
[ "${sheets:-0}" -ge 2 ] && ok "a long sheet goes on in another worksheet ($sheets)" ||
    notok "a long sheet goes on in another worksheet ($sheets)"
same "... each with the title" "$sheets" "$(grep -cxF "$(sed -n 1p "$T/budget.xlsx.txt")" "$x")"
same "... and the header" "$sheets" "$(grep -cxF "$(sed -n 3p "$T/budget.xlsx.txt")" "$x")"
sed -n 1,4p "$T/budget.xlsx.txt" > "$T/heads"
grep -vxF -f "$T/heads" "$T/budget.xlsx.txt" | grep -v '^[A-Z]* ' > "$T/one"
grep -vxF -f "$T/heads" "$x" | grep -v '^[A-Z]* ' > "$T/many"
cmp -s "$T/one" "$T/many" && ok "... every row, the totals and the signature lines once, in order" ||
    { notok "... every row, the totals and the signature lines once, in order"; diag "$(diff "$T/one" "$T/many" | head -5)"; }

# the city sees the detail masked: the last four, as text
check "detail as the city, xlsx" "$NJBT" print detail --batch $B --as yc_city \
    -o "$T/city.xlsx"
check "... read back" "$PY" "$TOOLS/xlsx-read.py" "$T/city.xlsx"
grep -q ',\*\*\*0018,\*\*\*1238,' "$T/city.xlsx.txt" && ok "... account and ID masked (***0018, ***1238)" \
    || { notok "... account and ID masked (***0018, ***1238)"; diag "$(sed -n 5p "$T/city.xlsx.txt")"; }
grep -q "$ID1" "$T/city.xlsx.txt" && notok "... no ID in clear" || ok "... no ID in clear"

# --format, the audit, -o -
check "--format xlsx to stdout" "$NJBT" print payment --batch $B --format xlsx
same "stdout is an xlsx (PK)" "PK" "$(head -c 2 "$T/out")"
check "-o - with --format xlsx" "$NJBT" print payment --batch $B --format xlsx -o -
same "-o - writes the xlsx to stdout" "PK" "$(head -c 2 "$T/out")"
check "-o - is stdout for CSV too" "$NJBT" print payment --batch $B --encoding utf-8 -o -
same "-o - CSV is the CSV" "$(md5sum < "$T/payment.csv")" "$(md5sum < "$T/out")"
[ ! -e ./- ] && ok "-o - made no file named -" || notok "-o - made no file named -"
usage "--format pdf is a usage error (2)" "$NJBT" print payment --batch $B --format pdf
same "xlsx prints are logged with their format" "2" \
    "$(q "SELECT count(*) FROM audit WHERE action='print' AND record='stdout' AND detail LIKE 'report=payment batch=$B %format=xlsx'")"
refused "a refused xlsx writes nothing" "超出您的管辖范围" "$NJBT" print payment \
    --batch $B --as yn_cz --format xlsx
same "... not a byte" "0" "$(wc -c < "$T/out" | tr -d ' ')"

# the workbook is built in TMPDIR and leaves nothing there; the file is 0600
mkdir "$T/tmp"
TMPDIR=$T/tmp "$NJBT" print detail --batch $B -o "$T/tmpd.xlsx" > "$T/out" 2> "$T/err" \
    && ok "xlsx with TMPDIR set" || notok "xlsx with TMPDIR set"
TMPDIR=$T/tmp "$NJBT" print detail --batch $B --as yn_cz -o "$T/tmpr.xlsx" > "$T/out" 2> "$T/err"
same "... nothing left in TMPDIR, printed or refused" "" "$(ls -A "$T/tmp")"
same "... the sheet is 0600 (it holds IDs in clear)" "600" "$(stat -c %a "$T/tmpd.xlsx")"
[ ! -e "$T/tmpr.xlsx" ] && ok "... the refused one made no file" || notok "... the refused one made no file"

# --- issue 12 (5): -o never replaces what is not a regular file ----------
mkdir "$T/dir"
refused "-o a directory refused" "不是普通文件（是目录）" "$NJBT" print payment --batch $B -o "$T/dir"
same "... the directory is left empty" "" "$(ls -A "$T/dir")"
refused "-o /dev/null (a device) refused" "不是普通文件（是设备）" "$NJBT" print payment \
    --batch $B -o /dev/null --format xlsx
ls /dev/null.* > /dev/null 2>&1 && notok "... no temporary file beside the device" \
    || ok "... no temporary file beside the device"
mkfifo "$T/fifo"
refused "-o a fifo refused" "不是普通文件（是管道）" "$NJBT" print payment --batch $B -o "$T/fifo"
echo keep > "$T/target"
ln -s "$T/target" "$T/link"
refused "-o a symlink refused" "不是普通文件（是符号链接）" "$NJBT" print payment --batch $B -o "$T/link"
ln -s "$T/target" "$T/link.xlsx"
refused "-o a symlink named .xlsx refused" "符号链接" "$NJBT" print payment --batch $B -o "$T/link.xlsx"
same "... what it names is untouched" "keep" "$(cat "$T/target")"
[ -L "$T/link.xlsx" ] && ok "... the link stays a link" || notok "... the link stays a link"
same "nothing was printed to them: no audit row" "0" \
    "$(q "SELECT count(*) FROM audit WHERE action='print' AND (record LIKE '%dir' OR record LIKE '%fifo' OR record LIKE '%link%' OR record='/dev/null')")"
echo old > "$T/old.xlsx"
check "-o an existing regular file is replaced" "$NJBT" print payment --batch $B -o "$T/old.xlsx"
same "... by the xlsx" "PK" "$(head -c 2 "$T/old.xlsx")"

# month end in xlsx: the same sheets, named .xlsx
check "month end --format xlsx" "$NJBT" print --all --county 640122 \
    --month 2026-03 --format xlsx -o "$T/month"
same "every sheet of the month as .xlsx" "anomalies-640122-2026-03.xlsx application-640122-2026-03.xlsx bank-$B.xlsx budget-2026.xlsx detail-$B.xlsx notice-640122-2026-03.xlsx payment-$B.xlsx publicity-$B.xlsx review-$B.xlsx supply-640122-2026-03.xlsx" \
    "$(ls "$T/month" | tr '\n' ' ' | sed 's/ $//')"
same "... each an xlsx (PK)" "PK" "$(head -c 2 "$T/month/payment-$B.xlsx")"
usage "month end to -o - is a usage error (2)" "$NJBT" print --all \
    --county 640122 --month 2026-03 -o -
[ ! -e ./- ] && ok "... no folder named -" || notok "... no folder named -"
echo "1..$n"
