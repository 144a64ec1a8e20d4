#!/bin/sh
# bench-sessions.sh: the load benchmarks' cheap run (issue 15 item 6), so
# that they do not rot: bench/sessions with 3 sessions for 2 seconds on
# each server (bench/echo-server and njbt serve), one password login on
# each, and bench/peakday with a sliver of the day (10 sales, 10
# verifications, 1 application, 2 clerks for 2 seconds), both over a copy
# of the demo. Not timed: the figures and targets are `make bench`'s at a
# million sales; this checks that they are made, add up and that every
# process the benches started is gone.
. "$(dirname "$0")/../lib.sh"
B=$(cd "$(dirname "$0")/../.." && pwd)/build
if [ ! -x "$B/bench-sessions" ] || [ ! -x "$B/bench-peakday" ] ||
    [ ! -x "$B/bench-echo-server" ] || [ ! -x "$B/njbt" ]; then
	echo "ok 1 # SKIP build/bench-sessions, bench-peakday, bench-echo-server or njbt not built"
	echo "1..1"
	exit 0
fi
demo_db > /dev/null 2>&1 || { echo "Bail out! no demo database"; exit 1; }
export LANG=C.UTF-8
# the benches' own folders go under $T, to be looked for afterwards
export TMPDIR="$T"

"$B/bench-sessions" -S 3 -t 2 -k 150 -p 1 -n 0 -d "$NJBT_DB" \
    > "$T/s.out" 2> "$T/s.err"; rc=$?
same "bench-sessions exits 0" 0 "$rc"
[ "$rc" = 0 ] || diag "$(tail -n 5 "$T/s.err")"
for s in echo njbt; do
	line=$(grep "^  $s      3 sessions: " "$T/s.out")
	keys=$(echo "$line" | sed -n 's/.*| keys *\([0-9]*\) (lost \([0-9]*\)).*/\1 - \2/p')
	[ -n "$keys" ] && keys=$(($keys))
	if [ -n "$keys" ] && [ "$keys" -ge 5 ] &&
	    echo "$line" | grep -qE 'key logins +[0-9.]+/s .* p50 +[0-9.]+ ms +p99 +(>=)?[0-9.]+ ms \| CPU/key +[0-9.]+ ms \| PSS/session +[1-9][0-9]* kB$'; then
		ok "$s: 3 key logins, $keys keys answered, latency, CPU and PSS printed"
	else
		notok "$s: figures printed"; diag "$(cat "$T/s.out")"
	fi
done
grep -qE '^  S=3: njbt p99 (>=)?[0-9.]+ ms = (>=)?[0-9.]+x the echo server' "$T/s.out" &&
    ok "njbt's p99 is set against the echo server's" ||
    notok "njbt's p99 is set against the echo server's"
grep -qE '^  password logins, 1 at once: echo [1-9][0-9.]*/s, njbt [0-9.]*[1-9][0-9.]*/s$' "$T/s.out" &&
    ok "a password login on each server" ||
    { notok "a password login on each server"; diag "$(grep password "$T/s.out")"; }

"$B/bench-peakday" -f 0.0005 -w 2 -c 2 -k 300 -n 0 -d "$NJBT_DB" \
    > "$T/p.out" 2> "$T/p.err"; rc=$?
same "bench-peakday exits 0 (nothing refused)" 0 "$rc"
[ "$rc" = 0 ] || diag "$(cat "$T/p.out" "$T/p.err" | tail -n 12)"
grep -q '^  in the database after the day: 10 new sales, 10 of them verified, 1 new applications$' "$T/p.out" &&
    ok "the day's sales, verifications and application are in its copy" ||
    { notok "the day's work in its copy"; diag "$(grep database "$T/p.out")"; }
grep -qE '^  the run: [0-9.]+ s wall .* = [0-9.]+% of [0-9]+ cores$' "$T/p.out" &&
    grep -qE '^  the real day \(8 hours, .*\): CPU [0-9]+ s = [0-9.]+% of the machine' "$T/p.out" &&
    ok "the share of the machine, of the run and of a real day" ||
    { notok "the share of the machine"; diag "$(cat "$T/p.out")"; }

# nothing left running or lying about: the servers and their sessions
# (every process started on the benches' copies under $T), the copies
# (a session's screen process ends on its pty's hang-up: a moment later)
left() { ps -eo args | grep -F "$T/njbt-" | grep -v grep; }
i=0
while [ -n "$(left)" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
same "no server or session left" "" "$(left)"
same "the benches' folders removed" "" "$(ls -d "$T"/njbt-sessions-* "$T"/njbt-peakday-* 2>/dev/null)"
echo "1..$n"
