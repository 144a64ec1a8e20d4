#!/bin/sh
# killnine.sh: durability under kill -9 (issue 8, Tests: "keep a bounded
# kill -9 test (at least 20 trials)"). Each trial starts a writer, a shell
# loop of `njbt do supply.new` with distinct serials that records a serial
# as committed only when njbt printed it and exited 0, and kills the
# writer's whole process group (the loop and the njbt running at that
# moment, mid-transaction or mid-commit) with SIGKILL after a random
# 30-200 ms (a writer's njbt takes 10-40 ms: a few writes a trial, and the
# kill lands inside one nearly always; the 50-400 ms of before only
# repeated more writes). Then: the next njbt must open the database and
# write at once (no stale lock, nothing on stderr); every serial reported
# committed is stored, with at most the one in flight stored unreported;
# each stored machine has its audit row; `njbt check` passes (integrity
# and the audit chain). 20 trials run with the optimised binary, 5 with
# the sanitized one; the whole takes about 10 s on an idle machine with
# two cores.
. "$(dirname "$0")/../lib.sh"
# (tests/run gives the scripts of tests/cli the optimised build as $NJBT
# and the sanitized one as $NJBT_SAN)
NJBT_PLAIN="${NJBT_PLAIN:-$(dirname "$NJBT_SAN")/../njbt}"
[ -x "$NJBT_PLAIN" ] || NJBT_PLAIN=$NJBT

# A random whole number in 0..n-1.
rnd() { echo $(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % $1 )); }

# alive PG: how many live (not zombie) processes group PG has, from /proc
# (fields: pid, (comm), state, ppid, pgrp)
alive() {
	cat /proc/[0-9]*/stat 2>/dev/null |
	    awk -v g="$1" '$5 == g && $3 != "Z"' | wc -l
}

# The writer of one trial, in a session (and process group) of its own
# whose id it leaves in $T/pg; $T/inflight holds the serial of the njbt
# running, from just before it starts to just after it ends.
writer() {
	setsid sh -c '
		echo $$ > "$3/pg.tmp" && mv "$3/pg.tmp" "$3/pg"
		i=1
		while :; do
			s=KN$2-$(printf %04d $i)
			echo "$s" > "$3/inflight"
			if "$1" do --as ss_maker supply.new \
			    dealer=91640122MA76F2K349 model=1GQN-200 \
			    serial=$s shipment_no=FH-KN > "$3/one" \
			    2>> "$3/werr.$2" && [ "$(cat "$3/one")" = "$s" ]; then
				echo "$s" >> "$3/reported.$2"
			fi
			: > "$3/inflight"
			i=$((i + 1))
		done' writer "$1" "$2" "$T" &
}

# trial BIN K: one kill -9 trial; its findings on one TAP line
trial() {
	bin=$1 k=$2 why=""
	rm -f "$T/pg" "$T/reported.$k" "$T/werr.$k" "$T/inflight"
	: > "$T/reported.$k"
	writer "$bin" "$k"
	while [ ! -s "$T/pg" ]; do sleep 0.01; done
	pg=$(cat "$T/pg")
	ms=$((30 + $(rnd 171)))
	sleep "$(printf '0.%03d' "$ms")"
	if ! kill -9 "-$pg"; then
		notok "trial $k: kill -9 the writer's group $pg"
		exit 1
	fi
	wait
	sleep 0.05
	[ "$(alive "$pg")" -eq 0 ] || why="$why; processes of the writer left"
	inflight=$(cat "$T/inflight" 2>/dev/null)
	[ -n "$inflight" ] && hits=$((hits + 1))

	# the first njbt after the kill writes at once, without a lock error
	if ! "$bin" do --as ss_maker supply.new dealer=91640122MA76F2K349 \
	    model=1GQN-200 "serial=KV$k" shipment_no=FH-KN > "$T/out" \
	    2> "$T/err" || [ -s "$T/err" ]; then
		why="$why; write after the kill: $(head -c 300 "$T/err")"
	fi
	[ -s "$T/werr.$k" ] && why="$why; writer stderr: $(head -c 300 "$T/werr.$k")"

	q "SELECT serial FROM machines WHERE serial LIKE 'KN$k-%'" |
	    sort > "$T/stored.$k"
	sort "$T/reported.$k" > "$T/rep.$k"
	lost=$(comm -23 "$T/rep.$k" "$T/stored.$k" | head -3 | tr '\n' ' ')
	[ -n "$lost" ] && why="$why; reported but lost: $lost"
	# stored but not reported: only the write in flight at the kill
	extra=$(comm -13 "$T/rep.$k" "$T/stored.$k" | tr '\n' ' ')
	[ -n "$extra" ] && [ "$extra" != "$inflight " ] &&
	    why="$why; stored but not reported: $extra(in flight: $inflight)"
	[ -n "$inflight" ] && grep -qx "$inflight" "$T/stored.$k" &&
	    landed=$((landed + 1))
	nrep=$(wc -l < "$T/rep.$k")
	nsto=$(wc -l < "$T/stored.$k")
	naud=$(q "SELECT count(*) FROM audit WHERE action = 'supply.new'
	    AND record LIKE 'KN$k-%'")
	[ "$naud" = "$nsto" ] || why="$why; $nsto machines, $naud audit rows"
	if ! "$bin" check > "$T/out" 2> "$T/err" ||
	    ! grep -q "审计日志：正常" "$T/out"; then
		why="$why; njbt check: $(head -c 300 "$T/out" "$T/err")"
	fi
	writes=$((writes + nrep))
	what="trial $k: killed after $ms ms (in flight: ${inflight:-none}), $nrep writes reported, all stored, check passes"
	if [ -z "$why" ]; then ok "$what"; else notok "$what"; diag "${why#; }"; fi
}

start=$(date +%s)
check "demo database" demo_db "$NJBT_DB" "$NJBT_PLAIN"
hits=0 writes=0 landed=0
k=1
while [ "$k" -le 20 ]; do trial "$NJBT_PLAIN" "$k"; k=$((k + 1)); done
while [ "$k" -le 25 ]; do trial "$NJBT_SAN" "$k"; k=$((k + 1)); done
diag "$writes writes reported in 25 trials; $hits kills hit a running njbt, $landed of those after its commit; $(( $(date +%s) - start )) s"
# the kills must land inside writes, not only between them (nearly all do:
# njbt runs most of the writer's time)
[ "$hits" -ge 10 ] && ok "at least 10 of 25 kills hit a running njbt ($hits)" ||
    notok "at least 10 of 25 kills hit a running njbt ($hits)"
[ "$writes" -ge 10 ] && ok "writes were committed between kills ($writes)" ||
    notok "writes were committed between kills ($writes)"
