#!/bin/sh
# bench/do.sh: what a batch command costs (issue 15 (3)). On a copy of the
# demo database, against baselines measured in the same run:
#   1. one action through `njbt do` (a township clerk's application.new,
#      R times, a new process each) against a one-row insert through the
#      `sqlite3` command-line tool into a table of the same database (its
#      own process each too): target within 2x;
#   2. N actions through one `njbt do --file` against N `njbt do`
#      processes: target at least 10x faster.
# Also the start-up alone: `njbt --version`, against `sqlite3 -version`.
# Every action must be done (a refusal stops the bench). Bounded: R and N
# are counts (defaults 100 and 1000), and nothing loops on a condition.
#   sh bench/do.sh [N [R]]        (uses build/njbt)
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NJBT=${NJBT:-$ROOT/build/njbt}
N=${1:-1000} R=${2:-100}
T=$(mktemp -d /tmp/njbt-do-XXXXXX)
trap 'rm -rf "$T"' EXIT
export NJBT_DB=$T/njbt.db NJBT_NOW=2026-03-02T09:30:00 TZ=Asia/Shanghai
command -v sqlite3 > /dev/null || { echo "do: sqlite3 is missing"; exit 1; }

"$NJBT" init --demo > /dev/null || exit 1
sqlite3 "$NJBT_DB" 'CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, v TEXT)'

# lines FROM COUNT: COUNT application.new lines of buyers FROM.. (valid ID
# numbers of 贺兰县, GB 11643 check digit), one a line
lines() {
	awk -v from="$1" -v n="$2" 'BEGIN {
	    split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
	    for (k = from; k < from + n; k++) {
		id = sprintf("640122%04d0101%03d", 1960 + int(k / 1000), k % 1000)
		s = 0
		for (i = 1; i <= 17; i++) s += substr(id, i, 1) * w[i]
		printf "application.new buyer_type=person buyer_name=测试%d " \
		    "id_no=%s%s township=640122100 item=1.1.3 tier=03 qty=1\n",
		    k, id, substr("10X98765432", s % 11 + 1, 1)
	    } }'
}
# mark: the wall clock (ns) in W and the CPU the children used so far
# (user + system, ms) in C; `times` in this shell, not in a subshell
mark() {
	W=$(date +%s%N)
	times > "$T/times"
	C=$(awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/)
	    printf "%d", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }' "$T/times")
}
# per START END COUNT: milliseconds each, two decimals (wall: ns)
per() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.2f", (b - a) / 1e6 / n }'; }
cpu() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.2f", (b - a) / n }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }'; }
# phase NAME COUNT: after a mark and the work, "NAME W ms (C ms CPU)"
# each, with the wall and CPU figures left in PW and PC for the ratios
phase() {
	w0=$W c0=$C; mark
	PW=$((W - w0)) PC=$((C - c0))
	P="$1 $(per "$w0" "$W" "$2") ms ($(cpu "$c0" "$C" "$2") ms CPU)"
}

# run FILE: each line of FILE as its own `njbt do` process; stops at the
# first refusal
run() {
	while read -r act args; do
		# shellcheck disable=SC2086
		"$NJBT" do --as xg_zhen $act $args > /dev/null ||
		    { echo "do: refused: $act $args"; exit 1; }
	done < "$1"
}

# --- start-up -----------------------------------------------------------
mark; i=0
while [ $i -lt "$R" ]; do "$NJBT" --version > /dev/null; i=$((i + 1)); done
phase "njbt --version" "$R"; a=$P aw=$PW ac=$PC; i=0
while [ $i -lt "$R" ]; do sqlite3 -version > /dev/null; i=$((i + 1)); done
phase "sqlite3 -version" "$R"
echo "do: start-up: $a, $P: x$(ratio "$aw" "$PW") wall, x$(ratio "$ac" "$PC") CPU"

# --- 1. one action against a one-row insert ------------------------------
lines 0 "$R" > "$T/one.txt"
mark
run "$T/one.txt"
phase "njbt do" "$R"; a=$P aw=$PW ac=$PC; i=0
while [ $i -lt "$R" ]; do
	sqlite3 "$NJBT_DB" "INSERT INTO bench_rows (v) VALUES ('测试$i')"
	i=$((i + 1))
done
phase "sqlite3 one-row insert" "$R"
echo "do: one action ($R each): $a, $P: x$(ratio "$aw" "$PW") wall," \
    "x$(ratio "$ac" "$PC") CPU (target within x2)"

# --- 2. N actions in one process against N processes ---------------------
lines 1000 "$N" > "$T/procs.txt"
lines $((1000 + N)) "$N" > "$T/batch.txt"
mark
run "$T/procs.txt"
phase "$N processes" "$N"; a=$P aw=$PW ac=$PC
"$NJBT" do --as xg_zhen --file "$T/batch.txt" > "$T/keys" ||
    { echo "do: the batch file was refused"; exit 1; }
phase "one njbt do --file" "$N"
[ "$(wc -l < "$T/keys")" -eq "$N" ] || { echo "do: not every line done"; exit 1; }
echo "do: $N actions, each: $a, $P: x$(ratio "$aw" "$PW") faster wall," \
    "x$(ratio "$ac" "$PC") CPU (target at least x10)"
