#!/bin/sh
# tests/security/server-login.sh: logging in under attack (issue 8 items
# 8 and 12), each check written as the attack, with the real OpenSSH
# client (server.sh has the connection caps):
#   - an outsider's wrong passwords locking the admin out (R-SEC-8.8c);
#   - telling unknown logins from locked ones by the answer (R-SEC-8.8e);
#   - Ctrl-C while the first screen starts (R-SEC-8.12e);
#   - terminals that cannot draw forms (R-SEC-8.12f).
# The outsider comes from 127.0.0.2 (ssh -b), the staff from 127.0.0.1.
. "$(dirname "$0")/../e2e/ssh-lib.inc"

serve_start || exit 1
# qq SQL: q, waiting for the sessions' writes
qq() { sqlite3 -cmd ".timeout 5000" "$NJBT_DB" "$1"; }

# try LOGIN PASSWORD [SSH ARGS]: one password login running nothing; $T/o
try() {
	l=$1; p=$2; shift 2
	timeout 60 sshpass -p "$p" ssh $SSHO -o PreferredAuthentications=password \
	    -o NumberOfPasswordPrompts=1 -p "$PORT" "$@" "$l@127.0.0.1" true \
	    > "$T/o" 2>&1
}

# --- R-SEC-8.8c issue 8 (8): an outsider cannot lock the admin out --------
for i in 1 2 3 4 5 6 7 8 9 10; do try admin "guess-$i" -b 127.0.0.2; done
same "10 wrong passwords from 127.0.0.2 do not lock the account" "" \
    "$(qq "SELECT ifnull(locked_until, '') FROM users WHERE login = 'admin'")"
try admin njbt-demo
grep -qF "本系统只提供交互式界面" "$T/o" &&
    ok "the admin still logs in from 127.0.0.1" ||
    { notok "the admin still logs in from 127.0.0.1"; diag "$(cat "$T/o")"; }
try admin njbt-demo -b 127.0.0.2
if grep -qF "本系统只提供交互式界面" "$T/o"; then
	notok "from 127.0.0.2 the admin's login is locked"
else ok "from 127.0.0.2 the admin's login is locked"; fi

# --- R-SEC-8.8e issue 8 (8): the same answer to unknown and locked logins --
check "admin locks hl_cz" "$NJBT" user lock hl_cz
# answer LOGIN ADDR: what the client shows, the login name blanked
answer() {
	try "$1" wrong-password -b "$2"
	grep -v "Permanently added" "$T/o" | sed "s/$1@/LOGIN@/"
}
answer no_such_user 127.0.0.3 > "$T/unknown"
answer hl_cz 127.0.0.3 > "$T/locked"
answer admin 127.0.0.2 > "$T/pair"
answer hl_sh 127.0.0.3 > "$T/wrong"
if cmp -s "$T/unknown" "$T/locked" && cmp -s "$T/unknown" "$T/pair" &&
    cmp -s "$T/unknown" "$T/wrong"; then
	ok "unknown, admin-locked, pair-locked and wrong: byte-identical answers"
else
	notok "unknown, admin-locked, pair-locked and wrong: byte-identical answers"
	for f in unknown locked pair wrong; do diag "$f: $(cat "$T/$f")"; done
fi
grep -qF "用户名或密码不正确" "$T/unknown" && ok "... which is 用户名或密码不正确" ||
    notok "... which is 用户名或密码不正确"
try hl_cz njbt-demo -b 127.0.0.3
grep -qF "账号已被管理员锁定" "$T/o" &&
    ok "the reason is told after the right password" ||
    { notok "the reason is told after the right password"; diag "$(cat "$T/o")"; }
check "admin unlocks hl_cz" "$NJBT" user unlock hl_cz

# --- R-SEC-8.12e issue 8 (12): Ctrl-C while the first screen starts -------
ssh-keygen -q -t ed25519 -N '' -f "$T/key" || exit 1
check "a key for yn_cz" "$NJBT" user key add yn_cz "$T/key.pub"
(for i in $(seq 1 80); do printf '\003'; sleep 0.03; done; sleep 6) |
    timeout 8 ssh $SSHO -o BatchMode=yes -o IdentitiesOnly=yes -i "$T/key" \
    -tt -p "$PORT" yn_cz@127.0.0.1 > "$T/cc" 2>&1
if grep -qF "程序出错" "$T/cc" || grep -q "yn_cz 127.0.0.1 logout crash" "$T/serve.log"; then
	notok "Ctrl-C typed while the screens start does not end the session"
	diag "$(grep -a "logout" "$T/serve.log" | tail -2)"
else ok "Ctrl-C typed while the screens start does not end the session"; fi
grep -qF "主菜单" "$T/cc" && ok "... the menu is drawn" || notok "... the menu is drawn"

# --- R-SEC-8.12f issue 8 (12): terminals that cannot draw forms -----------
# dumbterm TERM [SECONDS]: a password login on a terminal of that kind,
# cut after SECONDS (5); output in $T/d
dumbterm() {
	TERM=$1 timeout ${2:-5} sshpass -p njbt-demo ssh $SSHO \
	    -o PreferredAuthentications=password -tt -p "$PORT" hl_jb@127.0.0.1 \
	    < /dev/null > "$T/d" 2>&1
}
for t in dumb vt52 no-such-terminal; do
	dumbterm $t
	rc=$?
	if grep -qF "您的终端类型（TERM=$t）不能显示本系统的表单界面" "$T/d" && [ $rc -eq 1 ]; then
		ok "TERM=$t: a clear message and exit 1"
	else notok "TERM=$t: a clear message and exit 1"; diag "exit $rc: $(head -c 400 "$T/d")"; fi
done
dumbterm putty-no-entry 6
grep -qF "主菜单" "$T/d" && ok "TERM=putty-like without an entry: drawn as xterm" ||
    { notok "TERM=putty-like without an entry: drawn as xterm"; diag "$(head -c 300 "$T/d")"; }

serve_stop
same "server stops with status 0" 0 $?
sanitizer_clean
echo "1..$n"
