#!/bin/sh
# forcecmd.sh: ForceCommand mode (issue 14 item 6), as root with real
# Unix accounts (made with useradd, removed at the end): the database, its
# key and its directory belong to a server account and are 0600/0700;
# `njbt serve --socket` runs as that account; a clerk's `njbt tui` (run
# with su, as sshd's ForceCommand would) hands its terminal over the
# socket and gets the screens of the login the mapping file
# (FILE.db.unix-users) names for it, never opening the database itself;
# an unmapped account is refused; a clerk can read neither the database
# nor the key, and `njbt do` as a clerk is refused: plainly when the
# database cannot be read, and (with the database group-readable) for any
# login but the clerk's own and for the console. When the server stops,
# an open session gets its goodbye line; a server in a user namespace of
# its own (PrivateUsers=yes) refuses every clerk and logs why.
. "$(dirname "$0")/../e2e/ssh-lib.inc"
. "$(dirname "$0")/../e2e/forcecmd.inc"
if [ "$(id -u)" -ne 0 ] || ! command -v useradd > /dev/null ||
    ! command -v setpriv > /dev/null; then
	echo "1..0 # SKIP needs root, useradd and setpriv"
	exit 0
fi
SRV=njbts$$ C1=njbtc$$ C2=njbtd$$ C3=njbte$$ GRP=njbtg$$
cleanup_users() {
	: > "$T/release"
	for u in $SRV $C1 $C2 $C3; do userdel "$u" 2> /dev/null; done
	groupdel $GRP 2> /dev/null
}
trap 'cleanup_users; ssh_cleanup' EXIT
groupadd $GRP
for u in $SRV $C1 $C2 $C3; do
	useradd -M -N -g $GRP -s /bin/sh -d /nonexistent "$u" || {
		echo "Bail out! useradd $u failed"; exit 1; }
done

# the layout: binary and forms anyone may read; data only for $SRV, who
# runs the server
fc_layout $SRV $GRP "$(printf '# unix-name njbt-login\n%s hl_jb\n%s hl_sh\n' $C1 $C3)"
serve_start --socket "$SOCK" || { echo "Bail out! no server"; exit 1; }
wait_log "listening on $SOCK" 10 && ok "serve --socket listens on the socket" ||
    notok "serve --socket listens on the socket"
same "... the socket is 0666 (who may log in is the mapping's say)" 666 \
    "$(stat -c %a "$SOCK")"

# --- the clerk's screens, through the socket ------------------------------
# (su --pty: a terminal of the clerk's own session, as sshd gives; plain
# su -c runs the command in a new session without one, which no window
# change reaches)
term c1 "su --pty -s /bin/sh -c \"$BIN tui --socket $SOCK\" $C1"
shows "a mapped clerk's njbt tui reaches the menu" c1 "主菜单" 30
shows "... as the mapped login (hl_jb, $(name_of hl_jb))" c1 "$(name_of hl_jb)"
# its screens keep drafts where an SSH session's do: the drafts' file
# beside the database, made by them (the copied demo had none), the
# server account's alone (issue 15 item 4)
same "... its drafts in the file beside the database, the server's, 0600" \
    "$SRV 600" "$(stat -c '%U %a' "$DB.drafts" 2>/dev/null)"
AQ="SELECT count(*) FROM audit WHERE login = 'hl_jb' AND action = 'login' AND (addr || ' ' || detail) LIKE '%unix%'"
wait_q 1 "$AQ" 10
same "... the login is audited from the socket" 1 "$(q "$AQ")" ||
    diag "$(q "SELECT addr, detail FROM audit WHERE action = 'login'")"
ps -o user=,args= -u $C1 > "$T/ps"
! grep -q "serve" "$T/ps" && grep -q "tui --socket" "$T/ps" &&
    ok "... the clerk's own process is the client alone" ||
    { notok "... the clerk's own process is the client alone"; diag "$(cat "$T/ps")"; }
ls -l /proc/$(pgrep -u $C1 -f "tui --socket" | head -n 1)/fd 2> /dev/null |
    grep -q "njbt.db" && notok "... which has no database open" ||
    ok "... which has no database open"
# a window change reaches the screens: the title bar spans 100 columns
width() { screen c1 | head -n 1 | sed 's/ *$//' | wc -L; }
tm resize-window -t c1 -x 100 -y 30 2> /dev/null
i=0; while [ "$(width)" -le 80 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(width)" -gt 80 ] && ok "a window change reaches the screens (100 columns)" ||
    { notok "a window change reaches the screens (100 columns)"; diag "pane $(tm display -p -t c1 "#{pane_width}x#{pane_height}") $(width): $(screen c1 | head -n 2)"; }
tm send-keys -t c1 F10
wait_screen c1 "确定要退出登录吗" 10 && tm send-keys -t c1 y
wait_screen c1 "[exit 0]" 15 && ok "F10 quits: the client exits 0" ||
    { notok "F10 quits: the client exits 0"; screen c1 | grep -v '^$' | sed 's/^/# /'; }

term c2 "su -s /bin/sh -c \"$BIN tui --socket $SOCK\" $C2"
shows "an unmapped Unix account is refused" c2 "没有对应的 njbt 用户"
shows "... exit 1" c2 "[exit 1]"
wait_log "refused: Unix 用户 $C2 在" 10 && ok "... and the server logs why" ||
    { notok "... and the server logs why"; diag "$(tail -3 "$T/serve.log")"; }
# the hello that could not go: under load a refusing server has hung up
# before the client sent it (EPIPE), and the clerk saw a bare [exit 1].
# strace holds the client's sendmsg back half a second, so the server's
# refusal comes first every time: its reason still reaches the clerk.
if command -v strace > /dev/null; then
	term nh "su -s /bin/sh -c \"strace -f -qq -o /dev/null -e trace=sendmsg -e inject=sendmsg:delay_enter=500000 $BIN tui --socket $SOCK\" $C2"
	shows "... told why even when its hello could not go" nh \
	    "没有对应的 njbt 用户"
	shows "... exit 1" nh "[exit 1]"
else
	ok "... told why even when its hello could not go # SKIP no strace (make deps)"
fi

# a client of the clerk's own making: no terminal, or no hello
cat > "$T/bin/forge.py" <<'PY'
import os, socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
fd = os.open("/dev/null", os.O_RDWR)
hello = b"njbt-local-1\0xterm\0\0" if sys.argv[2] == "devnull" else b"hello"
socket.send_fds(s, [hello], [fd])
print(s.recv(300).decode("utf-8", "replace"))
PY
chmod 644 "$T/bin/forge.py"
for how in devnull badhello; do
	su -s /bin/sh -c "python3 $T/bin/forge.py $SOCK $how" $C1 > "$T/out" 2>&1
	grep -q "需要交互式终端" "$T/out" &&
	    ok "a forged client ($how in place of a terminal) is refused" ||
	    { notok "a forged client ($how in place of a terminal) is refused"; diag "$(cat "$T/out")"; }
done
same "... and no screens ran for it (one login of hl_jb in all)" 1 "$(q "$AQ")"

# one account's idle connections use up its own caps, not another's
cat > "$T/bin/hold.py" <<'PY'
import os, socket, sys, time
socks = []
for i in range(9):
    s = socket.socket(socket.AF_UNIX)
    s.connect(sys.argv[1])
    socks.append(s)
time.sleep(1.5)
closed = 0
for s in socks:
    s.setblocking(False)
    try:
        closed += s.recv(100) == b""
    except BlockingIOError:
        pass
print(closed, flush=True)
end = time.time() + 40
while not os.path.exists(sys.argv[2]) and time.time() < end:
    time.sleep(0.2)
PY
chmod 644 "$T/bin/hold.py"
su -s /bin/sh -c "python3 $T/bin/hold.py $SOCK $T/release" $C1 > "$T/hold" 2>&1 &
HOLD=$!
i=0; while [ ! -s "$T/hold" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
same "9 idle connections of one account: the 9th is closed at once" 1 \
    "$(head -n 1 "$T/hold")"
term c4 "su --pty -s /bin/sh -c \"$BIN tui --socket $SOCK\" $C3"
shows "... while another account still logs in (hl_sh)" c4 "$(name_of hl_sh)" 30
: > "$T/release"; wait $HOLD

# restore sees the database in use while the server runs
"$T/bin/njbt" backup "$T/bk.db" > /dev/null 2>&1
refused "njbt restore refuses while the server runs" "正在使用" \
    "$T/bin/njbt" restore "$T/bk.db"

# --- the clerk's shell cannot reach the data --------------------------------
su -s /bin/sh -c "cat $DB" $C1 > /dev/null 2>&1 &&
    notok "a clerk cannot read the database" || ok "a clerk cannot read the database"
su -s /bin/sh -c "cat $DB.key" $C1 > /dev/null 2>&1 &&
    notok "... nor the key file" || ok "... nor the key file"
# as USER CMDLINE: the command line run by that Unix account
as() { su -s /bin/sh -c "$2" "$1"; }
refused "njbt do as a clerk: refused, saying the database is not theirs" \
    "无权读写数据库" as $C1 "$BIN do --db $DB --as admin user.lock login=hl_sh"
as $C1 "$BIN tui --db $DB --user admin" > "$T/out" 2> "$T/err"
[ $? -ne 0 ] && ok "... and njbt tui --user admin opens nothing" ||
    notok "... and njbt tui --user admin opens nothing"
# the server stops: an open socket session ends, its logout written
term c3 "su --pty -s /bin/sh -c \"$BIN tui --socket $SOCK\" $C1"
wait_screen c3 "主菜单" 30
serve_stop
shows "the server stops: the clerk's session ends" c3 "[exit" 10
same "... with its logout audited" 2 \
    "$(q "SELECT count(*) FROM audit WHERE login = 'hl_jb' AND action = 'logout'")"
shows "... and the goodbye line" c3 "服务器正在关闭，再见。" 5

# a server in a user namespace of its own (systemd's PrivateUsers=yes)
# sees each clerk as the overflow uid: refused, the operator told why
if setpriv --reuid=$SRV --regid=$GRP --clear-groups \
    unshare --user --map-current-user true 2> /dev/null; then
	sed 's|exec setpriv \(.*--clear-groups\)|exec setpriv \1 unshare --user --map-current-user|' \
	    "$T/bin/as-srv" > "$T/bin/as-srv-ns"
	chmod 755 "$T/bin/as-srv-ns"
	NJBT="$T/bin/as-srv-ns"
	serve_start --socket "$SOCK" && wait_log "listening on $SOCK" 10
	term c5 "su --pty -s /bin/sh -c \"$BIN tui --socket $SOCK\" $C1"
	shows "PrivateUsers: a clerk is refused" c5 "服务器配置有误" 30
	wait_log "overflow uid" 10 && grep -q "PrivateUsers=no" "$T/serve.log" &&
	    ok "... and the log says the socket needs PrivateUsers=no" ||
	    { notok "... and the log says the socket needs PrivateUsers=no"; diag "$(tail -3 "$T/serve.log")"; }
	serve_stop
else
	ok "# SKIP no user namespaces (unshare)"
	ok "# SKIP no user namespaces (unshare)"
fi

# --- a database the clerks' group can read: only the mapped login ---------
chgrp -R $GRP "$T/data"; chmod 770 "$T/data"; chmod 660 "$DB"
chmod 644 "$DB.unix-users"	# no secret in it; only its owner writes it
refused "njbt do --as admin by $C1 (mapped to hl_jb) is refused" \
    "只能以 hl_jb 的身份操作" \
    as $C1 "$BIN do --db $DB --as admin user.lock login=hl_sh"
same "... nothing written (hl_sh not locked)" 0 \
    "$(q "SELECT locked FROM users WHERE login = 'hl_sh'")"
refused "... so is the console (njbt user lock)" "不能以控制台身份" \
    as $C1 "$BIN user lock hl_sh"
refused "... and an unmapped account, as anyone" "没有对应的 njbt 用户" \
    as $C2 "$BIN do --db $DB --as hl_jb user.lock login=hl_sh"
as $C1 "$BIN actions --db $DB --as hl_jb" > "$T/out" 2> "$T/err"
grep -q "密钥文件" "$T/err" && ! grep -q "身份操作" "$T/err" &&
    ok "... while $C1 as hl_jb passes the mapping (the 0600 key then stops it)" ||
    { notok "... while $C1 as hl_jb passes the mapping (the 0600 key then stops it)"; diag "$(cat "$T/err")"; }
chmod 666 "$DB.unix-users"
refused "a mapping file others may write is not trusted" "不安全" \
    as $C1 "$BIN actions --db $DB --as hl_jb"
sanitizer_clean
echo "1..$n"
