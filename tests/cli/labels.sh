#!/bin/sh
# tests/cli/labels.sh: no SQL statement carries its own copy of a label
# (issue 9 item 4): a CASE that turns a stored code into Chinese text
# (CASE col WHEN 'code' THEN '中文', WHEN col = 'code' THEN '中文',
# WHEN col IN (...) THEN, WHEN col IS NULL THEN, WHEN flag [& bit] THEN)
# is a row of state.c or label.c read through njbt_state instead. The
# statements are joined across their C string pieces first, so a CASE
# split over lines is seen whole; a sample of each shape must be caught.
. "$(dirname "$0")/../lib.sh"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"

# copies FILE...: each label copy found, as "file: text"; exit 1 if any
copies() {
	found=0
	for f in "$@"; do
		LC_ALL=C sed -e ':a' -e 'N' -e '$!ba' \
		    -e 's/"[ 	]*\\\{0,1\}\n[ 	]*"//g' "$f" |
		    LC_ALL=C grep -oE \
		    "(WHEN '[a-z0-9_-]*'|= '[a-z0-9_-]*'|IN \([^()]*\)|IS NULL|WHEN [a-z_.]+( & [0-9]+)?) THEN '[^ -~']" \
		    > "$T/hits"
		while IFS= read -r hit; do
			echo "$f: $hit"
			found=1
		done < "$T/hits"
	done
	return "$found"
}

copies "$ROOT"/src/*.def > "$T/copies"
same "no CASE copy of a label left in src/*.def" "" "$(cat "$T/copies")"

# the check sees each shape, split over lines as the .def files split them
cat > "$T/bad.def" <<'DEF'
SQL(SQL_A, "SELECT CASE c.field WHEN 'township' THEN '乡镇' END")
SQL(SQL_B, "SELECT CASE WHEN b.kind = 'person' "
    "THEN '个人' ELSE '' END")
#define SQL_C "CASE WHEN a.state IN ('approved', 'used') THEN " \
    "'同意' ELSE '' END"
SQL(SQL_D, "SELECT CASE WHEN c.result IS NULL THEN '待核实' END")
SQL(SQL_E, "SELECT CASE WHEN s.flags & 16 THEN '比' ELSE '' END || "
    "CASE WHEN u.locked THEN '已锁定' END")
SQL(SQL_F, "SELECT CASE WHEN count(*) > 1 THEN '等' ELSE '' END, "
    "CASE WHEN x IS NULL THEN '' ELSE '是' END, "
    "CASE WHEN claimed_at IS NULL THEN 'recorded' ELSE 'claimed' END")
DEF
copies "$T/bad.def" > "$T/copies"
same "a copy in each shape is found" "1" "$?"
same "... all six and nothing else" "6" "$(wc -l < "$T/copies" | tr -d ' ')"
grep -q "WHEN 'township' THEN '" "$T/copies" && ok "... CASE col WHEN 'code'" ||
    notok "... CASE col WHEN 'code'"
grep -q "= 'person' THEN '" "$T/copies" &&
    ok "... WHEN col = 'code', split over lines" ||
    notok "... WHEN col = 'code', split over lines"
echo "1..$n"
