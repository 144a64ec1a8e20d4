#!/bin/sh
# bench-xlsx.sh: the xlsx benchmark's cheap run (issue 12, bench/xlsx.c):
# on 5,000 sales it prints the CSV's and the xlsx's times, their ratio
# and each one's peak RSS from real sheets of the same rows. Not timed:
# the targets (under 3 times the CSV, under 64 MB) are for a million sales
# (`make bench`); this checks that the figures are made and add up.
. "$(dirname "$0")/../lib.sh"
B=$(cd "$(dirname "$0")/../.." && pwd)/build/bench-xlsx
if [ ! -x "$B" ]; then
	echo "ok 1 # SKIP build/bench-xlsx not built (make build/bench-xlsx)"
	echo "1..1"
	exit 0
fi
"$B" 5000 "$T/m.db" "$NJBT" 1 > "$T/out" 2> "$T/err"; rc=$?
same "the cheap run exits 0" "0" "$rc"
[ "$rc" = 0 ] || diag "$(tail -n 5 "$T/err")"
grep -q '^  rows: csv [1-9][0-9][0-9][0-9] (+ header and 合计); xlsx [1-9][0-9]* bytes$' "$T/out" \
    && ok "both sheets made, of the province's month (1,000+ rows)" \
    || { notok "both sheets made, of the province's month (1,000+ rows)"; diag "$(grep rows: "$T/out")"; }
# the ratio printed is the medians' ratio
c=$(sed -n 's/^  csv: *\([0-9.]*\) s median (peak RSS \([0-9.]*\) MB)$/\1/p' "$T/out")
x=$(sed -n 's/^  xlsx: *\([0-9.]*\) s median (peak RSS \([0-9.]*\) MB)$/\1/p' "$T/out")
r=$(sed -n 's/^  ratio xlsx\/csv (medians): \([0-9.]*\) (target < 3): \(met\|MISSED\)$/\1/p' "$T/out")
if [ -n "$c" ] && [ -n "$x" ] && [ -n "$r" ] &&
    awk -v c="$c" -v x="$x" -v r="$r" 'BEGIN { d = x / c - r; exit !(d < 0.02 && d > -0.02) }'; then
	ok "the ratio is xlsx's median over CSV's ($x / $c = $r)"
else
	notok "the ratio is xlsx's median over CSV's"; diag "$(cat "$T/out")"
fi
grep -q '^  xlsx peak RSS: [0-9.]* MB (target < 64 MB): \(met\|MISSED\)$' "$T/out" \
    && ok "the xlsx's peak RSS is measured" || notok "the xlsx's peak RSS is measured"
grep -q '^figures only (5000 sales: targets are for 1000000)$' "$T/out" \
    && ok "a cheap run reports, does not judge" || notok "a cheap run reports, does not judge"
same "nothing left beside the database" "" "$(ls "$T" | grep bench-xlsx)"
echo "1..$n"
