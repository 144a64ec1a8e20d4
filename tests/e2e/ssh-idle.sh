#!/bin/sh
# tests/e2e/ssh-idle.sh: the idle logout (--idle SECONDS; input counts,
# output does not) with its goodbye line, a window change, and SIGTERM to
# the server: every session gets "服务器正在关闭，再见。", the server
# exits 0 and leaves no session process behind.
. "$(dirname "$0")/ssh-lib.inc"

serve_start --idle 4 || exit 1

term i1 "$(ssh_pw hl_jb njbt-demo)"
shows "logged in" i1 "$(name_of hl_jb)"
# typing keeps the session: 7 seconds of a key a second
for i in 1 2 3 4 5 6 7; do tm send-keys -t i1 x; sleep 1; done
if screen i1 | grep -q "没有操作"; then notok "input resets the idle time"
else ok "input resets the idle time"; fi
# a window change is not input
tm resize-window -t i1 -x 100 -y 30 2>/dev/null
shows "4 seconds without input: the goodbye line" i1 "您已 4 秒没有操作，已自动退出登录。再见。" 15
shows "... and the connection closes" i1 "[exit" 10
same "idle logout audited" 1 "$(audit_count logout hl_jb reason=idle)"
grep -q "hl_jb 127.0.0.1 logout idle" "$T/serve.log" && ok "idle logout logged" ||
    notok "idle logout logged"
serve_stop
same "server stops with status 0" 0 $?

# minutes are said as minutes (no waiting for them here: only the start)
serve_start || exit 1
term s1 "$(ssh_pw hl_jb njbt-demo)"
shows "session 1" s1 "$(name_of hl_jb)"
term s2 "$(ssh_kbd fs_dealer njbt-demo)"
shows "session 2" s2 "$(name_of fs_dealer)"
# one more still at its password prompt
term s3 "ssh $SSHO -tt -p $PORT yn_jb@127.0.0.1"
wait_screen s3 "密码" 20
pids=$(sed -n 's/.*njbt\[\([0-9]*\)\]: \(hl_jb\|fs_dealer\) .*/\1/p' "$T/serve.log" | sort -u)
serve_stop
same "SIGTERM: server exits 0" 0 $?
shows "SIGTERM: session 1 told" s1 "服务器正在关闭，再见。" 10
shows "SIGTERM: session 2 told" s2 "服务器正在关闭，再见。" 10
shows "SIGTERM: sessions closed" s2 "[exit" 10
diag "the screen after SIGTERM:"
screen s1 | grep -v '^$' | sed 's/^/#   /'
# (ssh notices only when it next reads the connection: after the prompt)
tm send-keys -t s3 njbt-demo Enter
shows "SIGTERM: the connection at its password prompt closed" s3 "[exit" 10
same "shutdown logouts audited" 2 \
    "$(q "SELECT count(*) FROM audit WHERE action = 'logout' AND detail = 'reason=shutdown'")"
left=""
for p in $pids; do kill -0 "$p" 2>/dev/null && left="$left $p"; done
same "no session process left" "" "$left"
same "no sessions rows left" 0 "$(q "SELECT count(*) FROM sessions")"
sanitizer_clean
echo "1..$n"
