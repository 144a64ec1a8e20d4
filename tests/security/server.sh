#!/bin/sh
# tests/security/server.sh: the SSH server under abuse (issue 8 item 8),
# each check written as the attack, with the real OpenSSH client:
#   - 200 connections held without logging in, from one address and from
#     many, while a real user logs in (R-SEC-8.8a);
#   - register sessions held to keep dealers out (R-SEC-8.8b).
# The flood comes from other loopback addresses (127.0.0.2, 127.0.1.x),
# the real user from 127.0.0.1. server-login.sh has the rest of item 8.
. "$(dirname "$0")/../e2e/ssh-lib.inc"

serve_start || exit 1

# kids: the server's direct children (session processes)
kids() { grep -l "^PPid:[[:space:]]*$SERVER_PID\$" /proc/[0-9]*/status 2>/dev/null | wc -l; }

# wait_kids MAX: until the server has at most MAX children (10 s)
wait_kids() {
	i=0
	while [ "$(kids)" -gt "$1" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}

cat > "$T/flood.py" <<'EOF'
# flood.py PORT READYFILE SOURCES PER: hold PER connections from each
# source address (comma list) that send nothing, until killed.
import socket, sys, time
port, ready, srcs, per = int(sys.argv[1]), sys.argv[2], sys.argv[3].split(','), int(sys.argv[4])
held = []
for src in srcs:
    for i in range(per):
        c = socket.socket()
        try:
            c.bind((src, 0))
            c.connect(('127.0.0.1', port))
            held.append(c)
        except OSError:
            c.close()
with open(ready, 'w') as f:
    f.write('%d\n' % len(held))
time.sleep(120)
EOF

# flood SOURCES PER: start the flood, wait until it has connected
FLOOD_PID=
flood() {
	rm -f "$T/ready"
	python3 "$T/flood.py" "$PORT" "$T/ready" "$1" "$2" &
	FLOOD_PID=$!
	i=0
	while [ ! -s "$T/ready" ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i + 1)); done
	sleep 1
}
flood_stop() {
	[ -n "$FLOOD_PID" ] && kill "$FLOOD_PID" 2>/dev/null
	wait "$FLOOD_PID" 2>/dev/null
	FLOOD_PID=
}

# --- R-SEC-8.8a issue 8 (8): 200 held pre-auth connections ---------------
flood 127.0.0.2 200
wait_log "127.0.0.2 refused: too many connections not logged in" 10
k=$(kids)
if [ "$k" -le 8 ]; then ok "200 held from one address: at most 8 session processes ($k)"
else notok "200 held from one address: at most 8 session processes ($k)"; fi
grep -q "127.0.0.2 refused: too many connections not logged in" "$T/serve.log" &&
    ok "refusals over the cap logged" || notok "refusals over the cap logged"
term u1 "$(ssh_pw hl_sh njbt-demo)"
shows "meanwhile a real user logs in from 127.0.0.1 and gets the menu" u1 "主菜单" 30
tm kill-session -t u1
flood_stop
wait_kids 0

srcs=127.0.1.1 i=2
while [ $i -le 40 ]; do srcs="$srcs,127.0.1.$i"; i=$((i + 1)); done
flood "$srcs" 5
k=$(kids)
if [ "$k" -le 32 ]; then ok "200 held from 40 addresses: at most 32 session processes ($k)"
else notok "200 held from 40 addresses: at most 32 session processes ($k)"; fi
flood_stop
wait_kids 0
same "the flood's processes are gone when it ends" 0 "$(kids)"

# --- R-SEC-8.8b issue 8 (8): register sessions are capped (4) -------------
for i in 1 2 3 4; do
	term r$i "ssh $SSHO -tt -p $PORT register@127.0.0.1"
done
for i in 1 2 3 4; do
	shows "register session $i opens" r$i "经销商注册"
done
term r5 "ssh $SSHO -tt -p $PORT register@127.0.0.1"
shows "a 5th register session is refused, in Chinese" r5 "经销商注册的人数已满，请稍后再试"
shows "... and closed" r5 "[exit"
tm kill-session -t r1
tm kill-session -t r5
i=0
while [ "$(kids)" -gt 3 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
term r6 "ssh $SSHO -tt -p $PORT register@127.0.0.1"
shows "when one ends, a register session is let in again" r6 "经销商注册"
for i in 2 3 4 6; do tm kill-session -t r$i; done

serve_stop
same "server stops with status 0" 0 $?
sanitizer_clean
echo "1..$n"
