#!/bin/sh
# tests/e2e/ssh-login.sh: logging in to `njbt serve` with the real OpenSSH
# client: password and keyboard-interactive for several roles, the
# register login without a password, wrong passwords and unknown users
# refused with a Chinese banner, the audit rows and the server's log
# lines of each, the sessions table, the wire log, a clean stop.
. "$(dirname "$0")/ssh-lib.inc"

export NJBT_WIRE_LOG="$T/wire.log"
serve_start || exit 1
ok "server listens on 127.0.0.1:$PORT"
mode=$(stat -c %a "$NJBT_DB.hostkey" 2>/dev/null)
same "host key made beside the database, mode 600" "600" "$mode"
grep -q '^ssh-ed25519 ' "$NJBT_DB.hostkey.pub" && ok "ed25519 public host key" ||
    notok "ed25519 public host key"

# a county clerk with a password (method password)
term c1 "$(ssh_pw hl_jb njbt-demo)"
shows "county clerk logs in with a password" c1 "$(name_of hl_jb)"
same "sessions row while logged in" 1 \
    "$(q "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'hl_jb'")"
tm send-keys -t c1 x
sleep 0.5

# a dealer by keyboard-interactive, asked "密码 Password: "
term d1 "$(ssh_kbd fs_dealer njbt-demo)"
shows "dealer logs in by keyboard-interactive" d1 "$(name_of fs_dealer)"

# the maker
term m1 "$(ssh_pw ss_maker njbt-demo)"
shows "maker logs in" m1 "$(name_of ss_maker)"

# the register login needs no password
term r1 "ssh $SSHO -o BatchMode=yes -tt -p $PORT register@127.0.0.1"
shows "register logs in without a password" r1 "$(name_of register)"
term r2 "$(ssh_pw register any-password-at-all)"
shows "register logs in with any password" r2 "$(name_of register)"

same "login audited with its method (password)" 1 \
    "$(audit_count login hl_jb method=password)"
same "login audited (keyboard-interactive is a password)" 1 \
    "$(audit_count login fs_dealer method=password)"
# (OpenSSH always asks "none" first, and that lets register in)
same "register logins audited (none)" 2 "$(audit_count login register method=none)"
same "audit row says where from" "ssh 127.0.0.1" \
    "$(q "SELECT addr FROM audit WHERE action = 'login' AND login = 'hl_jb'")"
grep -q "hl_jb 127.0.0.1 login password" "$T/serve.log" &&
    ok "server log line for the login" || notok "server log line for the login"

# the connection drops: logout
tm kill-session -t c1
wait_log "hl_jb 127.0.0.1 logout closed" 20 && ok "dropped connection logged out" ||
    notok "dropped connection logged out"
same "logout audited" 1 "$(audit_count logout hl_jb reason=closed)"
same "sessions row gone" 0 \
    "$(q "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'hl_jb'")"

# a wrong password, by keyboard-interactive and by password
term w1 "$(ssh_kbd yn_jb wrong-password)"
shows "wrong password refused with a Chinese banner" w1 "用户名或密码不正确"
shows "... and no session" w1 "[exit 5]"
term w2 "$(ssh_pw yn_sh wrong-password)"
shows "wrong password (method password) refused with the banner" w2 "用户名或密码不正确"
wait_screen w2 "[exit" 20
same "failure audited" 1 "$(audit_count login.fail yn_jb reason=password)"
same "failure counted" 1 "$(q "SELECT count(*) FROM login_failures f JOIN users u ON u.id = f.user_id WHERE u.login = 'yn_jb'")"
grep -q "yn_jb 127.0.0.1 login.fail keyboard-interactive" "$T/serve.log" &&
    ok "server log line for the failure" || notok "server log line for the failure"

# an unknown user
term u1 "$(ssh_pw nosuchuser njbt-demo)"
shows "unknown user refused" u1 "用户名或密码不正确"
wait_screen u1 "[exit" 20
same "unknown user's failure audited" 1 "$(audit_count login.fail nosuchuser reason=unknown)"
term u2 "ssh $SSHO -o BatchMode=yes -tt -p $PORT nosuchuser@127.0.0.1"
shows "no password, not register: refused" u2 "Permission denied"

# the wire log of the sessions
tm kill-session -t d1
tm kill-session -t m1
tm kill-session -t r1
tm kill-session -t r2
wait_log "register 127.0.0.1 logout" 20
grep -q ' start hl_jb 80x24 xterm$' "$T/wire.log" && ok "wire log: session start" ||
    { notok "wire log: session start"; diag "$(head -3 "$T/wire.log")"; }
grep -q ' out [0-9]* ' "$T/wire.log" && ok "wire log: bytes sent" ||
    notok "wire log: bytes sent"
grep -q ' in 1$' "$T/wire.log" && ok "wire log: input by length only" ||
    notok "wire log: input by length only"
grep -q ' end closed$' "$T/wire.log" && ok "wire log: session end" ||
    notok "wire log: session end"

serve_stop
same "server stops with status 0" 0 $?
grep -q "stopped" "$T/serve.log" && ok "server says it stopped" || notok "server says it stopped"
sanitizer_clean
echo "1..$n"
