#!/bin/sh
# tests/e2e/outbox.sh: printing from the screens (issue 12 (3)), one
# server. njbt do print takes format=xlsx (CSV without it, as before;
# format=pdf refused). hl_jb prints the budget plan from its form as xlsx (the form's
# default) and as CSV: the message names each sheet by its SFTP path
# (/outbox/...), whole on the 80-column screen; F5 shows the sheet on
# the screen (its rows, scrolled sideways) and makes no file. "我的打印件"
# lists both with their sizes, newest first; Enter shows the CSV and says
# the xlsx is for download; D asks, naming the file, and deletes it. Then
# OpenSSH's sftp -b no longer sees the deleted one and fetches the other.
# Attacks: another user's sheets are never listed; a link and a folder
# link planted in the outbox are neither listed nor followed. (The delete
# is a call of the actions layer, outbox_delete(), not an action: the
# screen offers only listed names; ../, absolute and planted-link names
# given to it are refused in tests/unit/test-outbox.c.) A sheet of
# 10,000 rows is shown whole and scrolls to its end and back at once.
. "$(dirname "$0")/ssh-lib.inc"

OUT="$(dirname "$NJBT_DB")/outbox/hl_jb"
serve_start || exit 1
SFTPO="$SSHO -o LogLevel=ERROR -o BatchMode=no -P $PORT"

# another user's sheet, and things planted in hl_jb's outbox
check "hl_sh prints a sheet of its own" "$NJBT" do --as hl_sh print report=budget month=2026-01
OTHER=$(basename "$(cat "$T/out")")
case "$OTHER" in *.csv) ok "without format=, the action prints CSV as before" ;;
*) notok "without format=, the action prints CSV as before" ;; esac
check "njbt do print format=xlsx" "$NJBT" do --say --as hl_sh print report=budget format=xlsx
XS=$(cat "$T/out")
case "$XS" in *.xlsx) [ "$(head -c 2 "$XS")" = PK ] &&
    ok "... makes an xlsx" || notok "... makes an xlsx" ;;
*) notok "... makes an xlsx" ;; esac
same "... and says its /outbox path" "已打印：/outbox/$(basename "$XS")" "$(cat "$T/err")"
refused "format=pdf is refused" "文件格式：应为以下之一" "$NJBT" do --as hl_sh print report=budget format=pdf
mkdir -p "$OUT"
ln -s "../hl_sh/$OTHER" "$OUT/planted.csv"
ln -s ../hl_sh "$OUT/plantdir"

login c hl_jb || { notok "hl_jb logs in"; exit 1; }
menu_find c "打印资金计划表（附件2）"
shows "the budget form opens" c "文件格式"
shows "xlsx is the form's default" c "Excel 表格"
tm send-keys -t c F2
shows "printed as xlsx" c ".xlsx"
X=$(ls "$OUT" | grep '^budget-.*\.xlsx$' | head -1)
[ -n "$X" ] && ok "the xlsx is in the outbox" || notok "the xlsx is in the outbox"
shows "the message names it whole as /outbox/..." c "/outbox/$X"
# the format field is the fourth
tm send-keys -t c Down Down Down
sleep 0.3
tm send-keys -t c Space
shows "CSV chosen" c "CSV（供程序读取）"
tm send-keys -t c F2
shows "printed as csv" c ".csv"
C=$(ls "$OUT" | grep '^budget-.*\.csv$' | head -1)
shows "the CSV's path, whole" c "/outbox/$C"
nf=$(ls "$OUT" | wc -l)
tm send-keys -t c F5
shows "F5 shows the sheet" c "预览"
shows "... its header row" c "计划（中央）"
shows "... and its rows" c "贺兰县"
shows "... with where it is" c "第 1-"
tm send-keys -t c Right
sleep 0.3
screen c | grep -q "第 2-" && ok "Right scrolls the columns" ||
    { notok "Right scrolls the columns"; screen c | sed 's/^/#   /'; }
same "a preview makes no file" "$nf" "$(ls "$OUT" | wc -l)"
same "a preview is logged as a print is" 1 \
    "$(q "SELECT count(*) FROM audit WHERE action = 'print' AND login = 'hl_jb' AND record = 'preview'")"
tm send-keys -t c F10
shows "back on the form" c "文件格式"
to_menu c
menu_find c "我的打印件"
shows "the outbox screen" c "我的打印件"
shows "it lists the CSV" c "/outbox/$C"
shows "it lists the xlsx" c "/outbox/$X"
sx=$(stat -c %s "$OUT/$X")
screen c | grep -F "/outbox/$X" | grep -qE " ($sx B|$(( (sx + 1023) / 1024 )) KB) " &&
    ok "... with its size" || { notok "... with its size ($sx)"; screen c | sed 's/^/#   /'; }
screen c | grep -q "2026-01\|planted\|plantdir" || [ "$(screen c | grep -c "/outbox/")" != 3 ] &&
    notok "another user's sheet and planted links are not listed" ||
    ok "another user's sheet and planted links are not listed"
# newest first: the CSV (printed second) is the first row, chosen
tm send-keys -t c Enter
shows "Enter shows the CSV" c "查看打印件"
shows "... naming it" c "/outbox/$C"
shows "... its rows" c "贺兰县"
tm send-keys -t c F10
shows "back on the outbox" c "D 删除"
tm send-keys -t c Down Enter
shows "an xlsx is for download" c "请用 SFTP 下载"
screen c | grep -q "^ */outbox/$X *\$" &&
    ok "... its path whole on a line of its own (not cut at 80 columns)" ||
    { notok "... its path whole on a line of its own (not cut at 80 columns)"; screen c | sed 's/^/#   /'; }
tm send-keys -t c d
shows "D asks, naming the file" c "确定要删除 /outbox/$X"
tm send-keys -t c n
shows "no keeps it" c "未删除"
[ -f "$OUT/$X" ] && ok "... it is still there" || notok "... it is still there"
tm send-keys -t c d
shows "D asks again" c "确定要删除 /outbox/$X"
tm send-keys -t c y
shows "yes deletes it" c "已删除：/outbox/$X"
[ ! -e "$OUT/$X" ] && ok "... it is gone" || notok "... it is gone"
# the delete's log line goes to syslog (a session's sink), not here
same "a file deleted writes no audit row (a file is not business data)" 0 \
    "$(q "SELECT count(*) FROM audit WHERE action <> 'print' AND (detail LIKE '%$X%' OR record LIKE '%$X%')")"
[ -f "$(dirname "$NJBT_DB")/outbox/hl_sh/$OTHER" ] &&
    ok "the link's target (hl_sh's sheet) is untouched" ||
    notok "the link's target (hl_sh's sheet) is untouched"

# issue 12 (5): a long sheet (10,000 rows) scrolls to its end and back at
# once: its rows are read when it opens, a key redraws one page (17 rows
# on 24 lines, every one of them shown), nothing is read again
awk 'BEGIN { print "序号,姓名,金额"
    for (i = 1; i <= 10000; i++) printf "%d,购机者%d,%d.00\n", i, i, i }' \
    > "$OUT/long-10000.csv"
to_menu c
menu_find c "我的打印件"
shows "the long sheet is listed, newest first" c "/outbox/long-10000.csv"
tm send-keys -t c Enter
shows "Enter shows all of its 10,000 rows" c "共 10000 行；"
tm send-keys -t c End
shows "End: its last rows within 5 s" c "第 9984-10000 行" 5
shows "... the last row drawn" c "购机者10000" 5
tm send-keys -t c Home
shows "Home: back to the first rows within 5 s" c "第 1-17 行" 5
tm send-keys -t c NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage \
    NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage
shows "twenty PgDn in a row, within 5 s" c "第 321-337 行" 5
tm send-keys -t c PPage Up
shows "PgUp and Up" c "第 304-320 行" 5
screen c | grep -q "^ *304 " && screen c | grep -q "^ *320 " &&
    ok "... every row the counts name is on the screen (304 to 320)" ||
    { notok "... every row the counts name is on the screen (304 to 320)"; screen c | sed 's/^/#   /'; }
tm send-keys -t c F10
shows "back on the outbox" c "D 删除"

# OpenSSH sftp: the deleted one is gone, the other fetched
L="$T/local"
mkdir -p "$L"
printf 'ls -l /outbox\nget /outbox/%s %s/got.csv\n' "$C" "$L" > "$T/batch"
sshpass -p njbt-demo sftp $SFTPO -b "$T/batch" hl_jb@127.0.0.1 > "$T/sftp.out" 2>&1
ran "sftp -b runs" $? "$T/sftp.out"
grep -qF "$X" "$T/sftp.out" && notok "sftp does not see the deleted sheet" ||
    ok "sftp does not see the deleted sheet"
cmp -s "$L/got.csv" "$OUT/$C" && ok "sftp fetches the other" ||
    { notok "sftp fetches the other"; sed 's/^/#   /' "$T/sftp.out"; }
sanitizer_clean
echo "1..$n"
