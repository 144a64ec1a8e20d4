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
# the ratio printed is the medians' ratio (within the rounding of the
# times printed)
c=$(sed -n 's/^  csv: *\([0-9.]*\) s median (peak RSS \([0-9.]*\) MB)$/\1/p' "$T/out")
x=$(sed -n 's/^  xlsx: *\([0-9.]*\) s median (peak RSS \([0-9.]*\) MB)$/\1/p' "$T/out")
r=$(sed -n 's/^  ratio xlsx\/csv (medians): \([0-9.]*\) (target < 3): \(met\|MISSED\)$/\1/p' "$T/out")
if [ -n "$c" ] && [ -n "$x" ] && [ -n "$r" ] &&
    awk -v c="$c" -v x="$x" -v r="$r" 'BEGIN { d = x / c - r
	# the times are printed to 0.01 s: each may be 0.005 s off
	e = r * (0.005 / c + 0.005 / x) + 0.01; exit !(d < e && d > -e) }'; then
	ok "the ratio is xlsx's median over CSV's ($x / $c = $r)"
else
	notok "the ratio is xlsx's median over CSV's"; diag "$(cat "$T/out")"
fi
grep -q '^  xlsx peak RSS: [0-9.]* MB (target < 64 MB): \(met\|MISSED\)$' "$T/out" \
    && ok "the xlsx's peak RSS is measured" || notok "the xlsx's peak RSS is measured"
grep -q '^figures only (5000 sales: targets are for 1000000)$' "$T/out" \
    && ok "a cheap run reports, does not judge" || notok "a cheap run reports, does not judge"
same "nothing left beside the database" "" "$(ls "$T" | grep bench-xlsx)"

# the same database, the per-person forms past Excel's 1023 page breaks a
# worksheet: the month's 5,000 sales as 附表3 pages, 1024 a worksheet
# (4 x 1024 + 904: 1023 breaks on the full ones, 903 on the last)
NJBT_NOW=2026-06-10T10:00:00 "$NJBT" print supply --db "$T/m.db" \
    --month 2026-04 -o "$T/s.xlsx" > /dev/null 2> "$T/err"
same "附表3 of 5,000 sales as xlsx" 0 $?
for p in python3 /usr/bin/python3; do
	"$p" -c 'import zipfile' 2> /dev/null && PY=$p && break
done
"$PY" - "$T/s.xlsx" > "$T/zip" <<'PYEOF'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = sorted(n for n in z.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n))
for n in sorted(names, key=lambda n: int(re.findall(r"\d+", n)[0])):
    x = z.read(n).decode("utf-8")
    print(len(re.findall(r"<brk ", x)))
PYEOF
same "... 5 worksheets, 1023 breaks on each full one" "1023 1023 1023 1023 903" \
    "$(cut -d' ' -f1 < "$T/zip" | tr '\n' ' ' | sed 's/ $//')"
echo "1..$n"
