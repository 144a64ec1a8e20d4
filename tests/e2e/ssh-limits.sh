#!/bin/sh
# tests/e2e/ssh-limits.sh: the per-user session limit (users.max_sessions,
# 2 by default; rows of dead processes do not count) and the per-address
# limit on new connections (--rate N a minute).
. "$(dirname "$0")/ssh-lib.inc"

serve_start || exit 1
live() { q "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = '$1'"; }

term a1 "$(ssh_pw hl_jb njbt-demo)"
shows "first session" a1 "$(name_of hl_jb)"
term a2 "$(ssh_kbd hl_jb njbt-demo)"
shows "second session" a2 "$(name_of hl_jb)"
same "two sessions rows" 2 "$(live hl_jb)"
term a3 "$(ssh_pw hl_jb njbt-demo)"
shows "a third is refused, in Chinese" a3 "您的账号已有 2 个会话在线（最多 2 个）"
shows "... and closed" a3 "[exit 1]"
same "the refusal audited" 1 "$(audit_count login.refused hl_jb "sessions=2 max=2")"
same "still two rows" 2 "$(live hl_jb)"

# another user is not affected
term b1 "$(ssh_pw hl_sh njbt-demo)"
shows "another user logs in meanwhile" b1 "$(name_of hl_sh)"

# one ends: a place is free again
tm kill-session -t a1
i=0
while [ "$(live hl_jb)" != 1 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
same "one row left" 1 "$(live hl_jb)"
term a4 "$(ssh_pw hl_jb njbt-demo)"
shows "after one logs out a new session is let in" a4 "$(name_of hl_jb)"

# rows left by processes that died do not count
dead=$(sh -c 'echo $$')
q "UPDATE users SET max_sessions = 1 WHERE login = 'yn_jb'"
q "INSERT INTO sessions(pid, user_id, addr, started_at) SELECT $dead, id, '10.0.0.9', '2026-03-01 08:00:00' FROM users WHERE login = 'yn_jb'"
term y1 "$(ssh_pw yn_jb njbt-demo)"
shows "a stale row (dead pid) does not block max_sessions=1" y1 "$(name_of yn_jb)"
same "the stale row is gone" 0 "$(q "SELECT count(*) FROM sessions WHERE pid = $dead")"
term y2 "$(ssh_pw yn_jb njbt-demo)"
shows "max_sessions=1: a second session refused" y2 "最多 1 个"

serve_stop
same "server stops with status 0" 0 $?
same "all rows gone after the stop" 0 "$(q "SELECT count(*) FROM sessions")"

# new connections per address: --rate 3 a minute
SERVE_SHIFT=5000 serve_start --rate 3 || exit 1
for i in 1 2 3 4; do
	timeout 30 ssh $SSHO -o BatchMode=yes -p "$PORT" nobody@127.0.0.1 true \
	    > "$T/r$i" 2>&1
done
grep -q "Permission denied" "$T/r3" && ok "3rd connection of the minute served" ||
    { notok "3rd connection of the minute served"; diag "$(cat "$T/r3")"; }
if grep -q "Permission denied" "$T/r4"; then
	notok "4th connection of the minute refused"; diag "$(cat "$T/r4")"
else ok "4th connection of the minute refused"; fi
grep -q "127.0.0.1 refused: too many connections" "$T/serve.log" &&
    ok "refusal logged" || notok "refusal logged"
serve_stop
same "server stops with status 0" 0 $?
sanitizer_clean
echo "1..$n"
