#!/bin/sh
# auditlog.sh: the audit log for the auditor and the admin (issue 13 item
# 4) through the command line: `njbt list audit_log` searched by login,
# action prefix, record, day and region, newest first; `njbt print audit`
# as CSV and as xlsx (read back with openpyxl); the roles refused; and
# 查询日志化: a county clerk opening a buyer's record view writes one
# "read" row naming the fields, a masked list page writes none, and the
# console's `njbt list buyers` in clear is logged.
. "$(dirname "$0")/../lib.sh"
ID1=640122198001011238
PY=/usr/bin/python3	# the Debian one, with python3-openpyxl
TOOLS="$(dirname "$0")/../tools"

check "init --demo" demo_db
"$NJBT_FAST" do --as xg_zhen application.new buyer_type=person buyer_name=张三 \
    id_no=$ID1 township=640122100 item=1.1.3 tier=03 qty=1 \
    bank_name=黄河银行 bank_account=6228480402564890018 > "$T/out" 2> "$T/err"
APP=$(tail -n 1 "$T/out")
[ -n "$APP" ] && ok "an application $APP" || notok "an application"
check "tier.amount by the admin the day after" env \
    NJBT_NOW=2026-03-03T10:00:00 "$NJBT" do --as admin tier.amount year=2026 \
    item=1.1.3 tier=03 from=2026-03-04 subsidy=2500
BUYER=$(q "SELECT id FROM buyers LIMIT 1")

# the search: each term, the columns, newest first
lst() { "$NJBT" list audit_log --as "$1" "$2" > "$T/list" 2> "$T/err"; }
col() { sed 1d "$T/list" | cut -f "$1" | sort -u | tr '\n' ' '; }
lst jjjc "用户=admin"
same "the auditor finds the admin's rows by login" "admin " "$(col 3)"
[ "$(sed -n 2p "$T/list" | cut -f 4)" = tier.amount ] &&
    ok "... newest first: tier.amount on top" ||
    { notok "... newest first: tier.amount on top"; diag "$(head -3 "$T/list")"; }
lst admin "操作=application."
same "the admin finds by action prefix" "application.new " "$(col 4)"
lst jjjc "$APP"
same "one word finds the record" "$APP " "$(col 5)"
lst jjjc "记录=$APP 用户=hl_jb"
same "... and terms narrow each other" "" "$(col 5)"
lst jjjc "2026-03-03"
same "a day finds that day's rows" "tier.amount " "$(col 4)"
lst jjjc "from=2026-03-04"
same "... none after it" "" "$(col 4)"
lst jjjc "地区=640122 操作=application"
same "a county finds its townships' users" "xg_zhen " "$(col 3)"
lst jjjc "地区=640100 操作=application"
same "a city finds its counties' townships' users" "xg_zhen " "$(col 3)"
lst jjjc "地区=640121 操作=application"
same "... and not another county's" "" "$(col 3)"
refused "an unknown term is refused" "未知的查询条件" \
    "$NJBT" list audit_log --as jjjc "who=admin"

# attackers: a county clerk, a dealer, finance, the city
for u in hl_jb fs_dealer hl_cz yc_city; do
	refused "$u may not list the audit log" "无权查看“审计日志”" \
	    "$NJBT" list audit_log --as $u
	refused "... nor print it" "无权打印“审计日志”" \
	    "$NJBT" print audit --as $u
	refused "... nor open a row" "无权查看审计日志" \
	    "$NJBT" show audit 1 --as $u
done

# the record view of a row: every field, the detail
ROW=$(q "SELECT id FROM audit WHERE action = 'tier.amount'")
check "the auditor opens the row" "$NJBT" show audit "$ROW" --as jjjc
grep -q "^操作	tier.amount" "$T/out" && grep -q "^用户	admin" "$T/out" &&
    grep -q "^详情	.*subsidy=2500" "$T/out" && ok "... with its fields and detail" ||
    { notok "... with its fields and detail"; diag "$(cat "$T/out")"; }

# the printer, both formats
check "print audit as CSV" "$NJBT" print audit --as jjjc --user admin \
    --from 2026-03-01 --to 2026-03-31 -o "$T/a.csv"
head -1 "$T/a.csv" | grep -q "序号,时间,用户,操作,记录,姓名,地区,来源,详情" &&
    grep -q ",admin,tier.amount,.*,张建国,640000 宁夏回族自治区," "$T/a.csv" &&
    ! grep -q ",hl_jb," "$T/a.csv" && ok "... the admin's rows, columns" ||
    { notok "... the admin's rows, columns"; diag "$(head -3 "$T/a.csv")"; }
check "the console prints it too" "$NJBT" print audit --record "$APP" -o "$T/c.csv"
same "... the application's one row" 1 "$(grep -c ",xg_zhen,application.new,$APP," "$T/c.csv")"
check "print audit as xlsx" "$NJBT" print audit --as admin --action \
    application --county 640122 -o "$T/a.xlsx"
check "... openpyxl reads it" "$PY" "$TOOLS/xlsx-read.py" "$T/a.xlsx"
grep -q "审计日志" "$T/a.xlsx.txt" && grep -q ",xg_zhen,application.new,$APP,刘洋," \
    "$T/a.xlsx.txt" && grep -q "TYPE 记录: s" "$T/a.xlsx.txt" &&
    ok "... title, the township's row, the record a text column" ||
    { notok "... title, the township's row, the record a text column";
    diag "$(head -5 "$T/a.xlsx.txt")"; }
same "... each print is itself logged" 3 \
    "$(q "SELECT count(*) FROM audit WHERE action = 'print' AND detail LIKE 'report=audit %'")"
check "the print action (the screens' 打印审计日志) takes the search" \
    "$NJBT" do --as jjjc print report=audit user=admin action=tier format=csv
f=$(ls "$T"/outbox/jjjc/audit-*.csv 2>/dev/null | head -1)
[ -n "$f" ] && grep -q ",admin,tier.amount," "$f" && ! grep -q ",xg_zhen," "$f" &&
    ok "... into the auditor's outbox, the admin's row only" ||
    { notok "... into the auditor's outbox, the admin's row only"; diag "$f"; }
refused "... refused to a county clerk" "无权打印“审计日志”" \
    "$NJBT" do --as hl_jb print report=audit
refused "a bad day is refused" "YYYY-MM-DD" \
    "$NJBT" print audit --as jjjc --from 2026-02-30
fails_usage() { "$@" > "$T/out" 2> "$T/err"; [ $? -eq 2 ]; }
fails_usage "$NJBT" print supply --as jjjc --user admin &&
    ok "another printer takes no audit terms" ||
    notok "another printer takes no audit terms"

# R-001-A1-16d 查询日志化: a buyer's record view as county is one read row
reads() { q "SELECT count(*) FROM audit WHERE action = 'read'"; }
r0=$(reads)
check "the county opens the buyer's view" "$NJBT" show buyer "$BUYER" --as hl_jb
grep -q "^证件号	\*\*\*1238" "$T/out" && ok "... masked" || notok "... masked"
same "R-001-A1-16d ... one read row naming the fields" \
    "hl_jb|$BUYER|view=buyer fields=证件号,联系电话,账号 private=masked" \
    "$(q "SELECT login, record, detail FROM audit WHERE action = 'read' ORDER BY id DESC LIMIT 1")"
same "... and only one" $((r0 + 1)) "$(reads)"
a0=$(q "SELECT count(*) FROM audit")
check "a masked list page of the buyers" "$NJBT" list buyers --as hl_jb
grep -q "\*\*\*1238" "$T/out" && ok "... shows them masked" || notok "... shows them masked"
same "... writes no audit row" "$a0" "$(q "SELECT count(*) FROM audit")"
lst jjjc "操作=read"
same "the auditor sees the read in the log" "read " "$(col 4)"
# R-001-A1-16c the console's page in clear is a private read
check "the console lists the buyers in clear" "$NJBT" list buyers
grep -q "$ID1" "$T/out" && ok "... in clear" || notok "... in clear"
same "R-001-A1-16c ... logged, naming the columns" 1 \
    "$(q "SELECT count(*) FROM audit WHERE action = 'read.private' AND login LIKE 'console:%' AND detail LIKE '%fields=证件号,联系电话,账号'")"
check "... found by the ID number's last four" "$NJBT" list buyers 1238
same "... logged with the filter and the columns read" \
    "rows=1 first filter=1238 fields=证件号,联系电话,账号" \
    "$(q "SELECT detail FROM audit WHERE action = 'read.private' ORDER BY id DESC LIMIT 1")"
check "njbt check: the chain holds after all these reads" "$NJBT" check

echo "1..$n"
