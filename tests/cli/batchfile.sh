#!/bin/sh
# batchfile.sh: `njbt do --as LOGIN --file FILE` (issue 15 (3)): many
# actions in one process, one a line, each its own transaction and audit
# row. A batch with bad lines stores every good line and names each bad
# one by its number; the abuses (another --as in a line, a line over the
# limit, a NUL byte, a FIFO, /dev/zero, endless input, a million lines)
# are refused cleanly and within bounds. And the batch path loads neither
# the screens' nor the SSH library: with ncursesw broken it still runs,
# while `njbt serve` says in Chinese what is missing (and so for libssh;
# an xlsx print without libxlsxwriter is refused: the one loader, dlib.c).
. "$(dirname "$0")/../lib.sh"
demo_db > /dev/null || { notok "demo database"; exit 1; }

# idno BIRTHDAY SEQ: a valid ID number of 贺兰县 (GB 11643 check digit)
idno() {
	printf '640122%s%s\n' "$1" "$2" | awk '{
	    split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); s = 0
	    for (i = 1; i <= 17; i++) s += substr($0, i, 1) * w[i]
	    print $0 substr("10X98765432", s % 11 + 1, 1) }'
}
# app NAME ID [TOWNSHIP]: an application.new line of the batch file
app() {
	printf 'application.new buyer_type=person buyer_name=%s id_no=%s %s\n' \
	    "$1" "$2" "township=${3:-640122100} item=1.1.3 tier=03 qty=1"
}
apps() { q "SELECT count(*) FROM applications"; }
audits() { q "SELECT count(*) FROM audit"; }

# --- one file, good and bad lines -------------------------------------
A0=$(apps) U0=$(audits)
{
	echo "# 今天的申请（注释与空行不算）"
	app "'王 一'" "$(idno 19800101 001)"		# 2: quoted, with a space
	echo
	app 李二 "$(idno 19800101 002)" 640104100	# 4: another county's township
	app 张三 "$(idno 19800101 003)" | sed 's/$/\r/'	# 5: a line from Windows
	printf 'application.new --as admin\n'		# 6: another user
	app 赵四 123456					# 7: a bad ID number
	printf 'no.such x=1\n'				# 8: no such action
	printf 'application.new buyer_name="未闭合\n'	# 9: an open quote
	app 钱五 "$(idno 19800101 005)"			# 10, last, no newline
} | head -c -1 > "$T/b.txt"
"$NJBT" do --as xg_zhen --file "$T/b.txt" > "$T/out" 2> "$T/err"
same "a batch with refused lines exits 2 (the worst: malformed lines)" 2 $?
same "the three good lines are stored" $((A0 + 3)) "$(apps)"
same "each good line has its own audit row" $((U0 + 3)) "$(audits)"
same "stdout: a key for each good line, after its line number" "2 5 10" \
    "$(cut -f1 "$T/out" | tr '\n' ' ' | sed 's/ $//')"
k2=$(awk -F'\t' '$1 == 2 {print $2}' "$T/out")
same "line 2's key is the application of 王 一 (quoted)" "王 一" \
    "$(q "SELECT b.name FROM applications a JOIN buyers b
	ON b.id = a.buyer_id WHERE a.no = '$k2'")"
for want in "第 4 行" "第 6 行：选项只能写在命令行上：--as" "第 7 行" \
    "第 8 行：未知的操作" "第 9 行：引号未闭合" \
    "共 8 项操作：已办理 3 项，未办理 5 项"; do
	grep -qF -- "$want" "$T/err" && ok "stderr names: $want" ||
	    { notok "stderr names: $want"; diag "$(cat "$T/err")"; }
done
grep -qE '第 (1|2|3|5|10) 行' "$T/err" &&
    { notok "no good line is named on stderr"; diag "$(cat "$T/err")"; } ||
    ok "no good line is named on stderr"
same "the other county's application is not stored" 0 \
    "$(q "SELECT count(*) FROM buyers WHERE name = '李二'")"

# --- refused by a rule only: exit 1; all good: exit 0, silent ----------
app 孙六 "$(idno 19800101 006)" 640104100 > "$T/r.txt"
"$NJBT" do --as xg_zhen --file "$T/r.txt" > "$T/out" 2> "$T/err"
same "a line refused by a rule: exit 1" 1 $?
{ app 周七 "$(idno 19800101 007)"; app 吴八 "$(idno 19800101 008)"; } |
    "$NJBT" do --as xg_zhen --file - > "$T/out" 2> "$T/err"
same "from a pipe (--file -), all good: exit 0" 0 $?
same "two keys, nothing on stderr" "2:" "$(wc -l < "$T/out"):$(cat "$T/err")"
app 冯十 "$(idno 19800101 010)" > "$T/s.txt"
"$NJBT" do --as xg_zhen --say --file "$T/s.txt" > "$T/out" 2> "$T/err"
case "$(cat "$T/err")" in
"第 1 行：已"*"冯十"*) ok "--say: the screen's sentence after the line's number";;
*) notok "--say: the screen's sentence after the line's number"
	diag "$(cat "$T/err")";;
esac

# --- the user is loaded again for each line: locked meanwhile, it stops -
yes 'user.prefs colour=1' | head -n 2000 > "$T/l.txt"
U0=$(audits)
"$NJBT" do --as xg_zhen --file "$T/l.txt" > "$T/lout" 2> "$T/lerr" &
pid=$!
wait_q 1 "SELECT count(*) > $U0 FROM audit" 20
"$NJBT_FAST" user lock xg_zhen 离岗 > /dev/null 2>&1
wait $pid
same "locked in the middle of a batch: exit 1" 1 $?
k=$(wc -l < "$T/lout")
first=$(sed -n '1s/^njbt: 第 \([0-9]*\) 行：.*/\1/p' "$T/lerr")
same "the lines before the lock done, every one after refused" \
    "$((k + 1)) $((2000 - k)) $((2000 - k))" \
    "$first $(grep -c '已被锁定' "$T/lerr") $(grep -c '^njbt: 第' "$T/lerr")"
[ "$k" -ge 1 ] && [ "$k" -lt 2000 ] && ok "the lock fell inside the batch ($k done)" ||
    notok "the lock fell inside the batch ($k done)"
"$NJBT_FAST" user unlock xg_zhen > /dev/null 2>&1

# --- the abuses: each line's own, the others still run ----------------
A0=$(apps)
{
	printf 'application.new note=%s\n' "$(head -c 70000 /dev/zero | tr '\0' x)"
	printf 'application.new buyer_name=a\000b\n'
	app 郑九 "$(idno 19800101 009)"
	printf 'application.new%s\n' "$(seq -f ' f%g=1' 30 | tr -d '\n')"
	app "$(printf '\377\376')" "$(idno 19800101 011)"
} > "$T/x.txt"
"$NJBT" do --as xg_zhen --file "$T/x.txt" > "$T/out" 2> "$T/err"
grep -qF "第 1 行：超过 65536 字节" "$T/err" && ok "an overlong line is refused" ||
    { notok "an overlong line is refused"; diag "$(head -c 300 "$T/err")"; }
grep -qF "第 2 行：含有 NUL 字符" "$T/err" && ok "a NUL byte refuses its line" ||
    { notok "a NUL byte refuses its line"; diag "$(head -c 300 "$T/err")"; }
grep -qF "第 4 行：字段过多" "$T/err" && ok "a line of 31 words is refused" ||
    { notok "a line of 31 words is refused"; diag "$(head -c 300 "$T/err")"; }
grep -qF "第 5 行：buyer_name: " "$T/err" && ok "bytes not UTF-8 are refused" ||
    { notok "bytes not UTF-8 are refused"; diag "$(head -c 300 "$T/err")"; }
same "the good line among them is stored" $((A0 + 1)) "$(apps)"

# --- whole inputs refused: nothing run, exit 2, at once ---------------
A0=$(apps) U0=$(audits)
# whole WHAT WANT COMMAND...: exit 2 with WANT on stderr within 30 s
whole() {
	what=$1 want=$2; shift 2
	timeout 30 "$@" > "$T/out" 2> "$T/err"; rc=$?
	if [ $rc -eq 2 ] && grep -qF -- "$want" "$T/err"; then ok "$what"
	else notok "$what"; diag "exit $rc: $(head -c 300 "$T/err")"; fi
}
mkfifo "$T/fifo"
whole "a FIFO is refused without waiting for a writer" "不是普通文件" \
    "$NJBT" do --as xg_zhen --file "$T/fifo"
whole "/dev/zero as the file is refused" "不是普通文件" \
    "$NJBT" do --as xg_zhen --file /dev/zero
whole "a directory is refused" "不是普通文件" \
    "$NJBT" do --as xg_zhen --file "$T"
whole "/dev/zero on standard input is refused" "不是普通文件或管道" \
    sh -c '"$1" do --as xg_zhen --file - < /dev/zero' - "$NJBT"
whole "endless input through a pipe stops at the bound" "超过 16 MB" \
    sh -c 'cat /dev/zero | "$1" do --as xg_zhen --file -' - "$NJBT"
yes a.b | head -n 1000000 > "$T/m.txt"
whole "a million lines are refused before any runs" "超过 100000 行" \
    "$NJBT" do --as xg_zhen --file "$T/m.txt"
rm -f "$T/m.txt"
whole "a missing file is refused" "无法打开" \
    "$NJBT" do --as xg_zhen --file "$T/none.txt"
same "nothing was written by them" "$A0 $U0" "$(apps) $(audits)"
echo 'user.prefs colour=1' > "$T/p.txt"
"$NJBT" do --as xg_zhen --file "$T/p.txt" user.prefs colour=1 \
    > "$T/out" 2> "$T/err"
same "--file with an action too: a usage error" 2 $?
"$NJBT" do --as xg_zhen --file "$T/p.txt" --file "$T/p.txt" \
    > "$T/out" 2> "$T/err"
same "--file twice: a usage error" 2 $?
"$NJBT" do --as nosuchuser --file "$T/p.txt" > "$T/out" 2> "$T/err"
same "an unknown --as runs nothing: exit 1" "1 $A0" "$? $(apps)"

# --- the batch path loads neither ncursesw nor libssh -----------------
# a broken libncursesw.so.6 found first: what loads it fails
mkdir -p "$T/lib"
: > "$T/lib/libncursesw.so.6"
LD_LIBRARY_PATH="$T/lib" "$NJBT" do --as xg_zhen --file "$T/p.txt" \
    > "$T/out" 2> "$T/err"
same "njbt do runs with the screens' library broken" "0:1" \
    "$?:$(wc -l < "$T/out")"
LD_LIBRARY_PATH="$T/lib" timeout 30 "$NJBT" serve --listen 127.0.0.1:0 \
    > "$T/out" 2> "$T/err"
rc=$?
want="无法加载终端程序库 libncursesw.so.6（请安装 libncursesw6）"
if [ $rc -eq 1 ] && grep -qF "$want" "$T/err"; then ok "serve says in Chinese that the screens' library is missing"
else notok "serve says in Chinese that the screens' library is missing"
	diag "exit $rc: $(head -c 400 "$T/err")"
fi
# and libssh broken (the screens' library sound): serve says so too
mkdir -p "$T/lib2"
: > "$T/lib2/libssh.so.4"
LD_LIBRARY_PATH="$T/lib2" timeout 30 "$NJBT" serve --listen 127.0.0.1:0 \
    > "$T/out" 2> "$T/err"
rc=$?
want="无法加载 SSH 程序库 libssh.so.4（请安装 libssh-4）"
if [ $rc -eq 1 ] && grep -qF "$want" "$T/err"; then
	ok "serve says in Chinese that libssh is missing"
else notok "serve says in Chinese that libssh is missing"
	diag "exit $rc: $(head -c 400 "$T/err")"
fi
# and libxlsxwriter broken: an xlsx print is refused, nothing written
mkdir -p "$T/lib3"
: > "$T/lib3/libxlsxwriter.so.4"
LD_LIBRARY_PATH="$T/lib3" "$NJBT" print budget -o "$T/b.xlsx" \
    > "$T/out" 2> "$T/err"
rc=$?
want="无法加载 xlsx 程序库 libxlsxwriter.so.4（请安装 libxlsxwriter4）"
if [ $rc -eq 1 ] && grep -qF "$want" "$T/err" && [ ! -e "$T/b.xlsx" ]; then
	ok "an xlsx print without libxlsxwriter is refused, nothing written"
else notok "an xlsx print without libxlsxwriter is refused, nothing written"
	diag "exit $rc: $(head -c 400 "$T/err")"
fi
maps=$(LD_DEBUG=files "$NJBT" do --as xg_zhen --file "$T/p.txt" 2>&1 >/dev/null)
case "$maps" in
*ncurses*|*tinfo*|*libssh*) notok "njbt do --file loads no screen or SSH library"
	diag "$(echo "$maps" | grep -E 'ncurses|tinfo|libssh' | head -3)";;
*) ok "njbt do --file loads no screen or SSH library";;
esac

echo "1..$n"
