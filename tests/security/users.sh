#!/bin/sh
# tests/security/users.sh: the locked user in an open SSH session
# (issue 8 item 3), as the attack: a clerk is logged in over real SSH;
# the admin locks him from the server's shell (and, separately, sets
# another clerk's password). Within seconds the screen says so in
# Chinese and the ssh client exits; the logout is audited as revoked and
# nothing was stored after the lock. A session whose user is still valid
# is re-checked without sending a byte. Also the local `njbt tui`.
# R-SEC-8.3 issue 8 (3)
. "$(dirname "$0")/../e2e/ssh-lib.inc"

MSG="您的账号已被锁定或变更，请重新登录"
export NJBT_WIRE_LOG="$T/wire.log"
serve_start || exit 1

# ended NAME WHAT: ok if NAME's screen shows the message and the client
# exited within 8 seconds of now
ended() {
	if wait_screen "$1" "$MSG" 8 && wait_screen "$1" "[exit" 4; then
		ok "$2"
	else
		notok "$2"; diag "screen of $1:"
		screen "$1" | grep -v '^$' | sed 's/^/#   /'
	fi
}

# --- the admin's lock --------------------------------------------------
login s1 hl_jb || { notok "hl_jb logs in"; echo "1..$n"; exit 1; }
ok "hl_jb logs in over SSH"
sleep 1
pid=$(q "SELECT s.pid FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'hl_jb'")
# a tick with nothing changed sends nothing (5 s: two ticks at least)
before=$(grep -c " $pid out " "$T/wire.log")
[ -n "$pid" ] && [ "$before" -gt 0 ] && ok "the session's screens are in the wire log" ||
    notok "the session's screens are in the wire log"
sleep 5
same "re-checking a valid user costs no wire bytes" "$before" \
    "$(grep -c " $pid out " "$T/wire.log")"
screen s1 | grep -qF "$MSG" && notok "a valid session goes on" ||
    ok "a valid session goes on"

mark=$(q "SELECT max(id) FROM audit")
apps=$(q "SELECT count(*) FROM applications")
check "the admin locks hl_jb from the shell" "$NJBT" user lock hl_jb 离岗
ended s1 "the open session is told and ended within seconds"
same "the logout is audited as revoked" 1 \
    "$(q "SELECT count(*) FROM audit WHERE id > $mark AND login = 'hl_jb' AND action = 'logout' AND detail = 'reason=revoked'")"
same "nothing else was stored for hl_jb after the lock" 0 \
    "$(q "SELECT count(*) FROM audit WHERE id > $mark AND login = 'hl_jb' AND action <> 'logout'")"
same "no application stored after the lock" "$apps" \
    "$(q "SELECT count(*) FROM applications")"
same "the session row is gone" 0 \
    "$(q "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'hl_jb'")"

# --- a password set by the admin ----------------------------------------
login s2 hl_sh || { notok "hl_sh logs in"; echo "1..$n"; exit 1; }
ok "hl_sh logs in over SSH"
check "the admin sets hl_sh's password from the shell" "$NJBT" user passwd \
    hl_sh reset-pass-123
ended s2 "after the admin's password change the session is ended"

# --- a new post, by the admin's screens' action -------------------------
login s3 yn_sh || { notok "yn_sh logs in"; echo "1..$n"; exit 1; }
check "the admin makes yn_sh a handler" "$NJBT" do --as admin user.post \
    login=yn_sh post=handler
ended s3 "a changed post ends the session"

# --- the local screens (njbt tui) ---------------------------------------
term t1 "$NJBT tui --user yn_jb"
if wait_screen t1 "主菜单" 20; then ok "yn_jb opens njbt tui"
else notok "yn_jb opens njbt tui"; fi
check "the admin locks yn_jb" "$NJBT" user lock yn_jb
ended t1 "njbt tui is ended too"

serve_stop
same "server stops with status 0" 0 $?
sanitizer_clean
echo "1..$n"
