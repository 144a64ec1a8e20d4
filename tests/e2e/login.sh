#!/bin/sh
# tests/e2e/login.sh: logging in with common clients (issue 11 item 8), one
# server: sshpass with OpenSSH's default methods (no -o
# PreferredAuthentications=password: keyboard-interactive comes first, and
# its prompt "密码 Password: " is one sshpass knows); the prompt shown to a
# person, in Chinese, and an expect-style script; PuTTY's plink with
# -batch (and, typing the password, with -no-antispoof) reaching the menu
# with no extra key pressed (plink's "Access granted. Press Return to
# begin session." is its own anti-spoofing prompt, shown whatever the
# server sends unless -batch or -no-antispoof, or stdin is not a
# terminal); refusals told on the terminal at LogLevel=ERROR (which hides
# userauth banners): a locked account (by password, keyboard-interactive
# or public key), a locked address, the session limit, each with exit
# status 1. Attacks: the holder of a locked account's password gets no
# screens, no session row, no login row and no forwarding; whoever lacks
# the password is told nothing.
. "$(dirname "$0")/ssh-lib.inc"

serve_start || exit 1
QUIET="-o LogLevel=ERROR"
# the host key's fingerprint, for plink's -hostkey (the server logs it too)
FP=$(ssh-keygen -l -f "$NJBT_DB.hostkey.pub" | awk '{ print $2 }')
grep -qF "$FP" "$T/serve.log" && ok "the server logs its host key's fingerprint" ||
    notok "the server logs its host key's fingerprint"
live() { q "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = '$1'"; }
# no_text WHAT NAME TEXT: ok if the screen of NAME does not show TEXT
no_text() {
	if screen "$2" | grep -qF -- "$3"; then notok "$1"
		screen "$2" | grep -v '^$' | sed 's/^/#   /'
	else ok "$1"; fi
}

# --- sshpass with OpenSSH's default methods --------------------------------
term s1 "sshpass -p njbt-demo ssh $SSHO -tt -p $PORT hl_jb@127.0.0.1"
shows "sshpass logs in without -o PreferredAuthentications=password" s1 \
    "$(name_of hl_jb)"
shows "... to the menu" s1 "主菜单"
wait_log "hl_jb 127.0.0.1 login keyboard-interactive" 10 &&
    ok "... by keyboard-interactive, OpenSSH's first choice" ||
    { notok "... by keyboard-interactive, OpenSSH's first choice"; diag "$(tail -3 "$T/serve.log")"; }
tm kill-session -t s1

# --- the prompt a person reads, and answers ---------------------------------
term k1 "ssh $SSHO $QUIET -o PreferredAuthentications=keyboard-interactive -tt -p $PORT hl_sh@127.0.0.1"
shows "the keyboard-interactive prompt says it in Chinese and English" k1 \
    "密码 Password:"
tm send-keys -t k1 njbt-demo Enter
shows "... and the password typed at it logs in" k1 "$(name_of hl_sh)"
tm kill-session -t k1

# an expect-style script: waits for "[Pp]assword: ?" at the end of what it
# read (passh's default; expect scripts wait for "assword:"), sends the
# password, waits for the menu
cat > "$T/expect.py" <<'EOF'
import os, pty, re, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
seen, sent, end = b"", False, time.time() + 20
while time.time() < end:
    r, _, _ = select.select([fd], [], [], 0.5)
    if not r:
        continue
    try:
        data = os.read(fd, 4096)
    except OSError:
        break
    if not data:
        break
    seen += data
    if not sent and re.search(rb"[Pp]assword: ?$", seen):
        os.write(fd, b"njbt-demo\r")
        sent = True
    if sent and "主菜单".encode() in seen:
        print("menu")
        break
os.kill(pid, 9)
EOF
if [ "$(timeout 30 python3 "$T/expect.py" ssh $SSHO -tt -p "$PORT" \
    fs_dealer@127.0.0.1 2>/dev/null)" = menu ]; then
	ok "an expect-style script waiting for 'Password: ' logs in"
else notok "an expect-style script waiting for 'Password: ' logs in"; fi

# --- plink ------------------------------------------------------------------
if command -v plink > /dev/null 2>&1; then
	term p1 "plink -ssh -batch -t -P $PORT -hostkey $FP -pw njbt-demo yn_jb@127.0.0.1"
	shows "plink -batch -pw reaches the menu with no key pressed" p1 "主菜单"
	shows "... as the user" p1 "$(name_of yn_jb)"
	no_text "... without plink's 'Press Return to begin session'" p1 \
	    "Press Return"
	tm kill-session -t p1
	term p2 "plink -ssh -no-antispoof -t -P $PORT -hostkey $FP yn_sh@127.0.0.1"
	shows "plink shows the Chinese prompt" p2 "密码 Password:"
	tm send-keys -t p2 njbt-demo Enter
	shows "plink -no-antispoof: the typed password reaches the menu" p2 \
	    "$(name_of yn_sh)"
	no_text "... with no Return asked for" p2 "Press Return"
	tm kill-session -t p2
	term p3 "plink -ssh -batch -t -P $PORT -hostkey $FP register@127.0.0.1"
	shows "plink -batch: the register login, no password" p3 "经销商注册"
	tm kill-session -t p3
else
	for i in 1 2 3 4 5 6 7; do ok "# SKIP plink not installed (putty-tools)"; done
fi

# --- refusals at LogLevel=ERROR ----------------------------------------------
check "admin locks hl_cz" "$NJBT" user lock hl_cz
fails0=$(audit_count login.fail hl_cz reason=locked)
term l1 "sshpass -p njbt-demo ssh $SSHO $QUIET -tt -p $PORT hl_cz@127.0.0.1"
shows "LogLevel=ERROR: a locked account is told why on the terminal" l1 \
    "登录被拒绝：账号已被管理员锁定，请联系管理员解锁。"
shows "... and the connection closes with status 1" l1 "[exit 1]"
term l2 "sshpass -p njbt-demo ssh $SSHO $QUIET -o PreferredAuthentications=password -tt -p $PORT hl_cz@127.0.0.1"
shows "... by method password too" l2 "账号已被管理员锁定"
shows "... status 1" l2 "[exit 1]"
# R-SEC-8.8f issue 8 (8): accepted only to be told; never logged in
same "the locked account got no login row" 0 "$(audit_count login hl_cz)"
same "... and no session row" 0 "$(live hl_cz)"
same "... each refusal audited as before (reason=locked)" $((fails0 + 2)) \
    "$(audit_count login.fail hl_cz reason=locked)"
no_text "... and no screens" l1 "主菜单"
# the holder of the password asks for a forwarding instead of a shell
timeout 30 sshpass -p njbt-demo ssh $SSHO $QUIET -W 127.0.0.1:$PORT \
    -p $PORT hl_cz@127.0.0.1 < /dev/null > "$T/w" 2>&1
rc=$?
if [ $rc -eq 255 ] && ! grep -q "SSH-2.0" "$T/w"; then
	ok "a locked account gets no forwarding (ssh -W)"
else notok "a locked account gets no forwarding (ssh -W)"
	diag "exit $rc: $(head -c 300 "$T/w")"; fi
# ... and by a public key of the account
ssh-keygen -q -t ed25519 -N '' -f "$T/key" || exit 1
check "a key for hl_cz" "$NJBT" user key add hl_cz "$T/key.pub"
term l5 "$(ssh_key hl_cz "$T/key" $QUIET)"
shows "LogLevel=ERROR: a locked account's key holder is told why" l5 \
    "登录被拒绝：账号已被管理员锁定"
shows "... status 1" l5 "[exit 1]"
same "... audited (reason=locked method=publickey)" 1 \
    "$(audit_count login.fail hl_cz "reason=locked method=publickey")"
# whoever lacks the password is told nothing of the lock
term l3 "sshpass -p wrong-password ssh $SSHO $QUIET -tt -p $PORT hl_cz@127.0.0.1"
shows "a wrong password for a locked account: refused" l3 "[exit 5]"
no_text "... and not told of the lock" l3 "锁定"
if command -v plink > /dev/null 2>&1; then
	term l4 "plink -ssh -batch -t -P $PORT -hostkey $FP -pw njbt-demo hl_cz@127.0.0.1"
	shows "plink: a locked account is told why" l4 "账号已被管理员锁定"
	shows "... status 1" l4 "[exit 1]"
	# psftp, the other half of the PuTTY family
	timeout 30 psftp -batch -P "$PORT" -hostkey "$FP" -pw njbt-demo \
	    hl_cz@127.0.0.1 < /dev/null > "$T/f" 2>&1
	grep -qF "登录被拒绝：账号已被管理员锁定" "$T/f" &&
	    ok "psftp: a locked account is told why" ||
	    { notok "psftp: a locked account is told why"; diag "$(cat "$T/f")"; }
	timeout 30 psftp -batch -P "$PORT" -hostkey "$FP" -pw njbt-demo \
	    hl_jb@127.0.0.1 < /dev/null > "$T/f" 2>&1
	# (issue 12 (1): SFTP is served; tests/e2e/sftp.sh tests it)
	grep -qF "Remote working directory is /" "$T/f" &&
	    ok "psftp: a logged-in user gets SFTP" ||
	    { notok "psftp: a logged-in user gets SFTP"; diag "$(cat "$T/f")"; }
else
	for i in 1 2 3 4; do ok "# SKIP plink not installed"; done
fi

# too many wrong passwords from one address lock that address
for i in 1 2 3 4 5; do
	timeout 30 sshpass -p "wrong-$i" ssh $SSHO $QUIET \
	    -o PreferredAuthentications=password -o NumberOfPasswordPrompts=1 \
	    -p "$PORT" yn_cz@127.0.0.1 true > /dev/null 2>&1
done
term a1 "sshpass -p njbt-demo ssh $SSHO $QUIET -tt -p $PORT yn_cz@127.0.0.1"
shows "LogLevel=ERROR: a locked address is told why" a1 \
    "从 127.0.0.1 输入密码错误次数过多，本账号从该地址登录已锁定至 2026-03-02 09:45"
shows "... status 1" a1 "[exit 1]"

# the session limit
q "UPDATE users SET max_sessions = 1 WHERE login = 'hl_sh'"
term m1 "$(ssh_pw hl_sh njbt-demo)"
shows "the first session of a user allowed one" m1 "$(name_of hl_sh)"
term m2 "sshpass -p njbt-demo ssh $SSHO $QUIET -tt -p $PORT hl_sh@127.0.0.1"
shows "LogLevel=ERROR: the session limit is told on the terminal" m2 \
    "您的账号已有 1 个会话在线（最多 1 个）"
shows "... status 1" m2 "[exit 1]"
same "... one session row" 1 "$(live hl_sh)"
tm kill-session -t m1

serve_stop
same "server stops with status 0" 0 $?
sanitizer_clean
echo "1..$n"
