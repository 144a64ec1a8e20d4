#!/bin/sh
# tests/e2e/sshd-forcecmd.sh: the ForceCommand recipe of njbt(1) (issue
# 14 item 6) under a real OpenSSH sshd (openssh-server, from the
# Makefile's DEBS), as root: sshd runs on a free loopback port with a host
# key of its own and a configuration whose Match block is the man page's,
# read from man/njbt.1 (its paths and group swapped for the test's), so
# the test fails when the documented recipe does. Real Unix accounts
# (useradd, removed at the end whatever happens) log in with keys: with
# OpenSSH's ssh and with PuTTY's plink each mapped clerk lands in the
# menu of his own njbt login; an unmapped one is refused; a command, the
# sftp subsystem, TCP forwarding (ssh -W, ssh -N -L) and remote forwards
# of a port and of a Unix socket (ssh -R) all fail; the clerk's account
# can read neither the database nor the key, and `njbt do --as` another
# login is refused; a ~/.ssh/rc never runs. SIGTERM to the server ends an
# open session with its goodbye line and exits 0 within 10 seconds. The
# server's stderr is journald's: the socket's lines carry priorities.
# tests/cli/forcecmd.sh tests the socket and the mapping themselves.
. "$(dirname "$0")/ssh-lib.inc"
. "$(dirname "$0")/forcecmd.inc"
SSHD=/usr/sbin/sshd
if [ "$(id -u)" -ne 0 ] || [ ! -x $SSHD ] || ! command -v useradd > /dev/null ||
    ! command -v setpriv > /dev/null || ! command -v puttygen > /dev/null; then
	echo "1..0 # SKIP needs root, $SSHD (make deps installs openssh-server), useradd, setpriv, puttygen"
	exit 0
fi
SRV=njbts$$ C1=njbtc$$ C2=njbtd$$ C3=njbte$$ GRP=njbtg$$
SSHD_PID=
cleanup() {
	tm kill-server 2> /dev/null	# the clients, so their sessions end
	[ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2> /dev/null
	# (-f: even while a session of the account is still going)
	for u in $SRV $C1 $C2 $C3; do userdel -f -r "$u" 2> /dev/null; done
	groupdel $GRP 2> /dev/null
}
trap 'cleanup; ssh_cleanup' EXIT

# --- the accounts, the layout, the server as $SRV ---------------------------
# $C1 and $C2 are clerks mapped to hl_jb and yn_jb, $C3 a clerk of the
# group whom the mapping does not name; each has a home with the key
chmod 711 "$T"
mkdir "$T/home"
groupadd $GRP
ssh-keygen -q -t ed25519 -N '' -C njbt-test -f "$T/key"
for u in $SRV $C1 $C2 $C3; do
	useradd -m -d "$T/home/$u" -N -g $GRP -s /bin/sh "$u" || {
		echo "Bail out! useradd $u failed"; exit 1; }
	# no password (sshd without PAM refuses the locked "!" of useradd)
	usermod -p '*' "$u"
	mkdir -m 700 "$T/home/$u/.ssh"
	cp "$T/key.pub" "$T/home/$u/.ssh/authorized_keys"
	chown -R "$u" "$T/home/$u"
done
fc_layout $SRV $GRP "$(printf '%s hl_jb\n%s yn_jb\n' $C1 $C2)"
# the server's stderr is journald's, as under the unit (log-journal.sh)
: > "$T/serve.log"
JOURNAL_STREAM=$(stat -c '%d:%i' "$T/serve.log") serve_start --socket "$SOCK" ||
    { echo "Bail out! no server"; exit 1; }
wait_log "listening on $SOCK" 10 || { echo "Bail out! no socket"; exit 1; }

# --- sshd: the man page's recipe ---------------------------------------------
# the literal block of njbt(1) from "# /etc/ssh/sshd_config" to its blank
# line, with the test's binary, socket and group (sshd clears the
# environment: the sanitizer's options are put back on the command line)
sed -n '/^# \/etc\/ssh\/sshd_config$/,/^$/p' "$ROOT/man/njbt.1" |
    sed "s|/usr/bin/njbt|env ASAN_OPTIONS=$ASAN_OPTIONS $BIN|;
    s|/run/njbt/njbt.sock|$SOCK|; s|njbt-clerks|$GRP|" > "$T/recipe"
grep -q "ForceCommand env ASAN_OPTIONS=.* tui --socket $SOCK" "$T/recipe" &&
    ok "njbt(1) gives the sshd_config recipe" ||
    { notok "njbt(1) gives the sshd_config recipe"; diag "$(cat "$T/recipe")"; }
ssh-keygen -q -t ed25519 -N '' -f "$T/hostkey"
FP=$(ssh-keygen -l -E sha256 -f "$T/hostkey.pub" | cut -d' ' -f2)
mkdir -p -m 755 /run/sshd	# sshd's privilege separation directory
# sshd_start: on a free loopback port ($SPORT), logging to $T/sshd.log
sshd_start() {
	try=0
	while [ $try -lt 20 ]; do
		SPORT=$((31000 + ($$ * 13 + try * 101) % 9000))
		{ cat <<-EOF
		Port $SPORT
		ListenAddress 127.0.0.1
		HostKey $T/hostkey
		PidFile $T/sshd.pid
		UsePAM no
		PasswordAuthentication no
		KbdInteractiveAuthentication no
		AllowGroups $GRP
		LogLevel VERBOSE
		Subsystem sftp /usr/lib/openssh/sftp-server
		EOF
		cat "$T/recipe"; } > "$T/sshd_config"
		: > "$T/sshd.log"
		$SSHD -D -f "$T/sshd_config" -E "$T/sshd.log" &
		SSHD_PID=$!
		i=0
		while [ $i -lt 100 ] && kill -0 $SSHD_PID 2> /dev/null; do
			grep -q "Server listening on 127.0.0.1 port $SPORT" \
			    "$T/sshd.log" && return 0
			sleep 0.05; i=$((i + 1))
		done
		kill $SSHD_PID 2> /dev/null; wait $SSHD_PID 2> /dev/null
		SSHD_PID=
		try=$((try + 1))
	done
	diag "sshd would not start: $(tail -5 "$T/sshd.log")"
	return 1
}
sshd_start && ok "sshd starts with the recipe" ||
    { notok "sshd starts with the recipe"; echo "1..$n"; exit 1; }

# the OpenSSH client of clerk U: ssh_as U [OPTION...] [-- COMMAND]
SSHC="ssh $SSHO -o LogLevel=ERROR -o BatchMode=yes -o IdentitiesOnly=yes -i $T/key -p $SPORT"
ssh_as() { u=$1; shift; timeout 30 $SSHC -l "$u" 127.0.0.1 "$@"; }

# --- the clerks' screens ------------------------------------------------------
# (a ~/.ssh/rc: sshd runs none before an administrator's ForceCommand)
printf 'touch %s\n' "$T/home/$C1/rc-ran" > "$T/home/$C1/.ssh/rc"
chown $C1 "$T/home/$C1/.ssh/rc"
# (a TERM and a LANG of paths, which sshd passes on (AcceptEnv LANG):
# the server takes neither, so the screens still come, under xterm)
term s1 "env TERM=../../tmp/x $SSHC -o SetEnv=LANG=../../tmp/y -tt $C1@127.0.0.1"
shows "OpenSSH: the clerk lands in the njbt menu" s1 "主菜单" 30
shows "... as his mapped login (hl_jb, $(name_of hl_jb))" s1 "$(name_of hl_jb)"
AQ="SELECT count(*) FROM audit WHERE action = 'login' AND login = 'hl_jb' AND (addr || ' ' || detail) LIKE '%$C1%'"
wait_q 1 "$AQ" 10
same "... the login audited for the Unix account" 1 "$(q "$AQ")"
tm send-keys -t s1 F10
wait_screen s1 "确定要退出登录吗" 10 && tm send-keys -t s1 y
shows "... F10 quits: ssh exits 0" s1 "[exit 0]" 15
[ ! -e "$T/home/$C1/rc-ran" ] && ok "... and his ~/.ssh/rc did not run" ||
    notok "... and his ~/.ssh/rc did not run"

pane p1 "puttygen $T/key -O private -o $T/key.ppk &&
    env HOME=$T/home/$C2 TERM=xterm plink -ssh -batch -t -P $SPORT \
    -hostkey $FP -i $T/key.ppk $C2@127.0.0.1; echo \"[exit \$?]\"; sleep 600"
shows "plink: the second clerk lands in the menu" p1 "主菜单" 30
shows "... as his mapped login (yn_jb, $(name_of yn_jb))" p1 "$(name_of yn_jb)"

term s3 "$SSHC -tt $C3@127.0.0.1"
shows "an unmapped Unix account is refused" s3 "没有对应的 njbt 用户" 30
shows "... ssh exits 1" s3 "[exit 1]"

# --- no shell, no files, no forwarding ---------------------------------------
# a command is replaced by the ForceCommand, which without a terminal
# refuses; with one (ssh -t) the menu came up above
ssh_as $C1 -T -- "id; cat $DB" > "$T/out" 2> "$T/err"
rc=$?
[ $rc -eq 1 ] && grep -q "需要交互式终端" "$T/err" && ! grep -q "uid=" "$T/out" &&
    ok "ssh clerk 'id; cat DB': no shell runs, njbt tui refuses (exit 1)" ||
    { notok "ssh clerk 'id; cat DB': no shell runs, njbt tui refuses (exit 1)"
      diag "exit $rc: $(head -c 300 "$T/out") $(head -c 300 "$T/err")"; }
ssh_as $C1 -T -- sh < /dev/null > "$T/out" 2> "$T/err"
[ $? -ne 0 ] && [ ! -s "$T/out" ] && ok "ssh clerk sh: no shell" ||
    { notok "ssh clerk sh: no shell"; diag "$(head -c 300 "$T/out")"; }
printf 'get %s %s\n' "$DB" "$T/got.db" > "$T/sftp.batch"
timeout 30 sftp $SSHO -o BatchMode=yes -o IdentitiesOnly=yes -i "$T/key" \
    -P $SPORT -b "$T/sftp.batch" $C1@127.0.0.1 > "$T/out" 2>&1
rc=$?
[ $rc -ne 0 ] && [ ! -e "$T/got.db" ] &&
    ok "sftp: the subsystem runs the ForceCommand, no file comes" ||
    { notok "sftp: the subsystem runs the ForceCommand, no file comes"; diag "exit $rc: $(head -c 300 "$T/out")"; }
# (ssh -W opens the channel -L would: to njbt's own port here)
ssh_as $C1 -W 127.0.0.1:$PORT > "$T/out" 2> "$T/err" < /dev/null
grep -q "stdio forwarding failed" "$T/err" && ! grep -q "SSH-2.0" "$T/out" &&
    ok "TCP forwarding (ssh -W, -L's channel) is refused" ||
    { notok "TCP forwarding (ssh -W, -L's channel) is refused"; diag "$(head -c 300 "$T/err")"; }
# ssh -N -L itself: a connection to the forwarded port gets nothing of
# njbt's own server (whose first bytes are its "SSH-2.0" banner)
LPORT=$((SPORT + 1))
ssh_as $C1 -N -L $LPORT:127.0.0.1:$PORT > /dev/null 2>&1 < /dev/null &
FWD=$!
/usr/bin/python3 -c "
import socket, sys, time
for i in range(100):	# until ssh listens
    try:
        s = socket.create_connection(('127.0.0.1', int(sys.argv[1])), 5)
        break
    except OSError:
        time.sleep(0.1)
s.settimeout(3)
try: print(s.recv(20))
except OSError: print('none')" $LPORT > "$T/out" 2>&1
kill $FWD 2> /dev/null; wait $FWD 2> /dev/null
! grep -q "SSH-2.0" "$T/out" && ok "ssh -N -L: the forwarded port reaches nothing" ||
    { notok "ssh -N -L: the forwarded port reaches nothing"; diag "$(cat "$T/out")"; }
for r in 0:127.0.0.1:$PORT "$T/home/$C1/fwd.sock:127.0.0.1:$PORT"; do
	ssh_as $C1 -N -o ExitOnForwardFailure=yes -R "$r" \
	    > "$T/out" 2> "$T/err" < /dev/null
	grep -q "remote port forwarding failed" "$T/err" &&
	    ok "a remote forward (ssh -R ${r##*/}) is refused" ||
	    { notok "a remote forward (ssh -R ${r##*/}) is refused"; diag "$(head -c 300 "$T/err")"; }
done
[ ! -e "$T/home/$C1/fwd.sock" ] && ok "... no socket made in the clerk's home" ||
    notok "... no socket made in the clerk's home"

# --- the clerk's account itself: no data, no other login ---------------------
# as U CMDLINE: run by Unix account U alone (no root group)
as() { setpriv --reuid="$1" --regid=$GRP --clear-groups sh -c "$2"; }
as $C1 "cat $DB" > /dev/null 2>&1 && notok "the clerk cannot read the database" ||
    ok "the clerk cannot read the database"
as $C1 "cat $DB.key" > /dev/null 2>&1 && notok "... nor the key file" ||
    ok "... nor the key file"
refused "njbt do --as admin by the clerk is refused" "无权读写数据库" \
    as $C1 "$BIN do --db $DB --as admin user.lock login=hl_sh"
same "... nothing written (hl_sh not locked)" 0 \
    "$(q "SELECT locked FROM users WHERE login = 'hl_sh'")"

# --- SIGTERM to the server: the open session's goodbye line, exit 0 ------------
t0=$(date +%s)
serve_stop
rc=$?
same "SIGTERM: the server exits 0" 0 $rc
[ $(( $(date +%s) - t0 )) -le 10 ] && ok "... within 10 seconds" ||
    notok "... within 10 seconds ($(( $(date +%s) - t0 )) s)"
shows "... plink's session gets the goodbye line" p1 "服务器正在关闭，再见。" 10
shows "... and ends" p1 "[exit" 10
same "... its logout audited" 1 \
    "$(q "SELECT count(*) FROM audit WHERE login = 'yn_jb' AND action = 'logout' AND detail = 'reason=shutdown'")"
# logged WHAT LINE: the server's log has LINE (a grep pattern) with its
# journald priority first: <6> information, <4> a refusal
logged() {
	grep -q "^$2" "$T/serve.log" && ok "journald: $1" ||
	    { notok "journald: $1"; diag "$(grep unix "$T/serve.log" | head -5)"; }
}
logged "<6> a clerk's login" "<6>hl_jb unix uid [0-9]* logged in as Unix user $C1"
logged "<6> his logout" "<6>hl_jb unix uid [0-9]* logout quit"
logged "<4> the unmapped account refused" "<4>- unix uid [0-9]* refused: Unix 用户 $C3 "
logged "<6> the logout at the stop" "<6>yn_jb unix uid [0-9]* logout shutdown"
sanitizer_clean
echo "1..$n"
