# tests/lib.sh: helpers for the shell tests, which speak TAP: each check
# prints "ok N - what" or "not ok N - what". Source it; $NJBT is the
# binary under test; each test gets a fresh $T directory and database.
set -u
NJBT="${NJBT:-$(cd "$(dirname "$0")/../.." && pwd)/build/san/njbt}"
# $NJBT_FAST: the binary of a script's arranging steps (data it needs
# before the behaviour it checks); tests/run sets the optimised build
NJBT_FAST="${NJBT_FAST:-$NJBT}"
# $NJBT_SAN: the sanitized build, for a script that wants a part of its
# checks under ASan and UBSan whatever $NJBT is (tests/run)
NJBT_SAN="${NJBT_SAN:-$NJBT}"
export NJBT_NOW="${NJBT_NOW:-2026-03-02T09:30:00}"
export TZ=Asia/Shanghai
# $TMPDIR: tests/run gives a memory-backed one where there is room
T=$(mktemp -d "${TMPDIR:-/tmp}/njbt-sh-XXXXXX")
export NJBT_DB="$T/njbt.db"
trap 'rm -rf "$T"' EXIT
n=0

ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); echo "not ok $n - $*"; }
diag() { echo "# $*"; }

# demo_db [FILE [NJBT]]: a new demo database at FILE ($NJBT_DB by default)
# with its key and anchor beside it. tests/run builds one demo per run
# ($NJBT_DEMO, made at the clock $NJBT_DEMO_NOW); when that is there and
# our clock is the same, FILE is a copy of it, else (a script run by hand,
# another clock) `NJBT init --demo` makes it (NJBT: $NJBT by default).
# Quiet on success, like a copy; init's output when it builds.
demo_db() {
	dfile=${1:-$NJBT_DB} dbin=${2:-$NJBT}
	if [ -n "${NJBT_DEMO:-}" ] && [ -f "$NJBT_DEMO" ] &&
	    [ -f "$NJBT_DEMO.key" ] && [ ! -e "$dfile" ] &&
	    [ "${NJBT_DEMO_NOW:-}" = "$NJBT_NOW" ]; then
		rm -f "$dfile-wal" "$dfile-shm"
		cp "$NJBT_DEMO" "$dfile" &&
		    cp "$NJBT_DEMO.key" "$dfile.key" &&
		    { [ ! -e "$NJBT_DEMO.anchor" ] ||
		    cp "$NJBT_DEMO.anchor" "$dfile.anchor"; }
		return
	fi
	"$dbin" init --demo --db "$dfile"
}

# check WHAT COMMAND...: ok if the command succeeds
check() {
	what=$1; shift
	if "$@" > "$T/out" 2> "$T/err"; then ok "$what"
	else notok "$what"; diag "exit $?: $(head -c 600 "$T/err")"; fi
}

# refused WHAT WANT COMMAND...: ok if it exits 1 with WANT on stderr
refused() {
	what=$1; want=$2; shift 2
	"$@" > "$T/out" 2> "$T/err"; rc=$?
	if [ "$rc" -eq 1 ] && grep -qF -- "$want" "$T/err"; then ok "$what"
	else notok "$what"; diag "exit $rc, stderr: $(head -c 600 "$T/err")"; fi
}

# same WHAT EXPECTED ACTUAL
same() {
	if [ "$2" = "$3" ]; then ok "$1"
	else notok "$1"; diag "expected [$2], got [$3]"; fi
}

# q SQL: one value from the database (a read during a write waits for it,
# up to 5 s, rather than failing with "database is locked")
# (with the drafts' file beside it, where the screens keep their drafts:
# table drafts is theirs)
q() {
	if [ -f "$NJBT_DB.drafts" ]; then
		sqlite3 -cmd '.timeout 5000' -cmd \
		    "ATTACH '$NJBT_DB.drafts' AS dr" "$NJBT_DB" "$1"
	else
		sqlite3 -cmd '.timeout 5000' "$NJBT_DB" "$1"
	fi
}

# wait_q WANT SQL [SECONDS]: until q SQL gives WANT, SECONDS at most (10):
# for a check of what another process (a session) writes in its own time
wait_q() {
	wi=0 wlim=$(( ${3:-10} * 10 ))
	while [ "$(q "$2")" != "$1" ] && [ $wi -lt $wlim ]; do
		sleep 0.1; wi=$((wi + 1))
	done
}

# nothing_written COMMAND...: the database's rows are the same afterwards
dbsum() { sqlite3 -cmd '.timeout 5000' "$NJBT_DB" .dump |
    grep -v '^INSERT INTO audit' |
    grep -v '^INSERT INTO lookup_refusals' | md5sum; }

# The arranging helpers below run $NJBT_FAST: what they make is the data
# a test needs, not the behaviour it checks.

# publish_product MODEL...: the admin reviews each filed MODEL (pass),
# publicises them over the 20 days before today ($NJBT_NOW) and publishes
# them, so that they may be supplied and sold (issue 13 item 1). Quiet on
# success; 1 with the refusal on stderr.
publish_product() {
	pd=$(printf %s "$NJBT_NOW" | cut -c1-10)
	for pm in "$@"; do
		"$NJBT_FAST" do --as admin product.review model="$pm" result=pass \
		    > /dev/null || return 1
	done
	pn=$("$NJBT_FAST" do --as admin filing.publicize \
	    from="$(date -d "$pd -20 days" +%F)" \
	    to="$(date -d "$pd -1 day" +%F)") || return 1
	"$NJBT_FAST" do --as admin filing.publish publicity="$pn" > /dev/null
}

# buyer_notice ID: 张三 (ID number ID) applies in 习岗镇 (xg_zhen) for one
# 1.1.3/03 machine, the application submitted and approved (hl_sh): sets
# APP and NOTICE (the demo's first are SQ640122202600001, TZ...00001)
buyer_notice() {
	"$NJBT_FAST" do --as xg_zhen application.new buyer_type=person \
	    buyer_name=张三 id_no="$1" township=640122100 item=1.1.3 tier=03 \
	    qty=1 bank_name=黄河银行 bank_account=6228480402564890018 \
	    > "$T/bn.out" 2> "$T/bn.err" || return 1
	APP=$(tail -n 1 "$T/bn.out")
	"$NJBT_FAST" do --as xg_zhen application.submit application="$APP" \
	    > /dev/null 2>> "$T/bn.err" || return 1
	"$NJBT_FAST" do --as hl_sh application.approve application="$APP" \
	    > "$T/bn.out" 2>> "$T/bn.err" || return 1
	NOTICE=$(tail -n 1 "$T/bn.out")
}

# jpeg FILE TEXT: a small file with a JPEG's first bytes
jpeg() { printf '\377\330\377\340\000\020JFIF\000\001%s' "$2" > "$1"; }
