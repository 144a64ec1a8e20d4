#!/bin/sh
# concurrency.sh: 16 processes each run 100 `supply.new` against one
# database at once. Every one of the 1,600 machines must be stored, no run
# may fail (no "database is locked" reaches anyone), and the audit chain
# must verify afterwards. (Issue 2, Tests.) The full load runs with the
# optimised binary ($NJBT_PLAIN); a smaller load (4 x 25) runs with the
# sanitized one, so that locking paths are also checked under ASan/UBSan:
# each of its workers runs 10 `njbt do` of one action around one `njbt do
# --file` of 15 lines (the bulk path's locking under the sanitizers too;
# 44 sanitized processes instead of 100, each some 45 ms of CPU).
# In the full load each worker runs its 100 actions as 25 `njbt do`
# processes of one action (400 opens of the database against writers)
# with, between them, one `njbt do --file` of 75 lines (issue 15 (3): a
# bulk process's 75 transactions one after another among 15 other
# writers); 1,600 processes cost 30 s of CPU on the 2-core machine, and
# the 1,200 of them this spares tested the same open 1,200 times more.
. "$(dirname "$0")/../lib.sh"
# (tests/run gives the scripts of tests/cli the optimised build as $NJBT
# and the sanitized one as $NJBT_SAN)
NJBT_PLAIN="${NJBT_PLAIN:-$(dirname "$NJBT_SAN")/../njbt}"
[ -x "$NJBT_PLAIN" ] || NJBT_PLAIN=$NJBT

# worker BIN P PER BULK: PER actions; when BULK > 0, the PER - BULK
# single processes are split around one `njbt do --file` of BULK lines
worker() {
	bin=$1 p=$2 per=$3 bulk=$4
	i=1
	fails=0
	pp=$((100 + p)); pp=${pp#1}	# zero-padded without a subshell
	half=$(((per - bulk) / 2))
	while [ "$i" -le "$per" ]; do
		ii=$((1000 + i)); ii=${ii#1}
		if [ "$bulk" -gt 0 ] && [ "$i" -eq $((half + 1)) ]; then
			# lines i .. i+bulk-1, serials as the single runs'
			awk -v p="$pp" -v from="$i" -v n="$bulk" 'BEGIN {
			    for (k = from; k < from + n; k++)
				printf "supply.new dealer=91640122MA76F2K349 " \
				    "model=1GQN-200 serial=CC%s-%03d " \
				    "shipment_no=FH-CC\n", p, k }' |
			    "$bin" do --as ss_maker --file - >/dev/null \
			    2>> "$T/err.$p" || fails=$((fails + 1))
			i=$((i + bulk))
			continue
		fi
		"$bin" do --as ss_maker supply.new \
		    dealer=91640122MA76F2K349 model=1GQN-200 \
		    "serial=CC$pp-$ii" shipment_no=FH-CC \
		    >/dev/null 2>> "$T/err.$p" || fails=$((fails + 1))
		i=$((i + 1))
	done
	echo "$fails" > "$T/fails.$p"
}

# load BIN PROCS PER BULK: run PROCS workers of PER actions each (BULK of
# them in one process), then check
load() {
	bin=$1 procs=$2 per=$3 bulk=$4 total=$(($2 * $3))
	rm -f "$NJBT_DB" "$NJBT_DB".* "$T"/fails.* "$T"/err.*
	check "demo database ($procs x $per)" demo_db "$NJBT_DB" "$bin"
	before=$(q "SELECT count(*) FROM machines")
	audit_before=$(q "SELECT count(*) FROM audit")
	p=1
	while [ "$p" -le "$procs" ]; do
		worker "$bin" "$p" "$per" "$bulk" &
		p=$((p + 1))
	done
	wait
	fails=$(cat "$T"/fails.* | awk '{s += $1} END {print s}')
	same "$procs x $per: no run failed" 0 "$fails"
	errs=$(cat "$T"/err.* 2>/dev/null | head -3)
	same "$procs x $per: nothing on stderr" "" "$errs"
	same "$procs x $per: all $total machines stored" "$total" \
	    "$(( $(q "SELECT count(*) FROM machines") - before ))"
	same "$procs x $per: distinct serials" "$total" \
	    "$(q "SELECT count(DISTINCT serial) FROM machines WHERE serial LIKE 'CC%'")"
	same "$procs x $per: one audit row per machine" "$total" \
	    "$(( $(q "SELECT count(*) FROM audit") - audit_before ))"
	check "$procs x $per: njbt check passes" "$bin" check
	grep -q "审计日志：正常" "$T/out" && ok "$procs x $per: audit chain intact" \
	    || notok "$procs x $per: audit chain intact"
}

load "$NJBT_PLAIN" 16 100 75
load "$NJBT_SAN" 4 25 15
