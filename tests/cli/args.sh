#!/bin/sh
# tests/cli/args.sh: the command line's one option parser (src/cmd-args.c,
# issue 9 item 8). Every command takes "--opt VALUE" and "--opt=VALUE"
# alike, refuses an option its row does not name (exit 2, a Chinese usage
# message, nothing on stdout), answers `COMMAND --help` from its row (exit
# 0); `njbt --version` prints the version; --db may stand before or after
# the command's name, in both forms; the subcommands of do, print, import
# and user are as they were.
. "$(dirname "$0")/../lib.sh"
SRC="$(cd "$(dirname "$0")/../.." && pwd)"

usage() {
	what=$1; shift
	"$@" > "$T/out" 2> "$T/err"; rc=$?
	if [ "$rc" -eq 2 ] && [ ! -s "$T/out" ] && grep -q "用法：njbt" "$T/err"
	then ok "$what"
	else notok "$what"; diag "exit $rc, stderr: $(head -c 300 "$T/err")"; fi
}

# --- --version and --help --------------------------------------------------
# the version's one source: debian/changelog (src/version.h)
V=$(sed -n '1s/^njbt (\([^)]*\)).*/\1/p' "$SRC/debian/changelog")
"$NJBT" --version > "$T/out" 2> "$T/err"
same "--version exits 0" "0" "$?"
same "--version prints njbt VERSION" "njbt $V" "$(cat "$T/out")"
check "--help exits 0" "$NJBT" --help
grep -q -- "--version" "$T/out" && ok "--help mentions --version" \
    || notok "--help mentions --version"
CMDS=$(sed -n 's/^  njbt \([a-z]*\) .*/\1/p' "$T/out")
same "--help lists every command" \
    "init serve tui user import do actions backup check list show print restore" \
    "$(echo $CMDS)"
usage "no command is a usage error (2)" "$NJBT"
usage "an unknown command (2)" "$NJBT" frobnicate

# every command's --help: exit 0, its usage, and every option its usage
# line names (so the line and the row cannot drift apart)
for c in $CMDS; do
	"$NJBT" $c --help > "$T/out" 2> "$T/err"
	rc=$?
	if [ $rc -eq 0 ] && head -n 1 "$T/out" | grep -q "^用法：njbt $c "
	then ok "$c --help exits 0 with its usage"
	else notok "$c --help exits 0 with its usage"; diag "exit $rc"; fi
	miss=""
	for o in $(head -n 1 "$T/out" | grep -o -- '--[a-z][a-z-]*'); do
		grep -q "^  .*$o" "$T/out" || miss="$miss $o"
	done
	grep -q "^  .*--help " "$T/out" || miss="$miss --help"
	same "$c --help names its options" "" "$miss"
	usage "$c: an unknown option (2)" "$NJBT" $c --no-such-option
	grep -qF "未知的选项：--no-such-option" "$T/err" && ok "$c names it" \
	    || notok "$c names it"
done
check "-h is --help" "$NJBT" print -h
grep -q -- "-o, --output FILE" "$T/out" && ok "print's -o is --output" \
    || notok "print's -o is --output"

# --- --db FILE and --db=FILE, before or after the command -----------------
check "init --db=FILE" "$NJBT" init --db="$T/a.db"
[ -f "$T/a.db" ] && ok "--db=FILE names the database" \
    || notok "--db=FILE names the database"
check "init --db FILE" "$NJBT" init --db "$T/b.db"
[ -f "$T/b.db" ] && ok "--db FILE names the database" \
    || notok "--db FILE names the database"
check "--db FILE before the command" "$NJBT" --db "$T/c.db" init
[ -f "$T/c.db" ] && ok "... names the database" || notok "... names the database"
check "check --db=FILE" "$NJBT" check --db="$T/a.db"
check "--db=FILE before the command" "$NJBT" --db="$T/b.db" check
[ ! -f "$NJBT_DB" ] && ok "\$NJBT_DB untouched so far" \
    || notok "\$NJBT_DB untouched so far"

# --- the demo, for the commands run as someone ----------------------------
check "init --demo" "$NJBT" init --demo
usage "init --demo=x: a flag takes no value (2)" "$NJBT" init --demo=x
usage "init with an operand (2)" "$NJBT" init extra

# --- serve: --listen ADDR:PORT and --listen=ADDR:PORT ----------------------
# serve_try FORM...: start the server, wait until it says where it listens
# (port 0: the system chooses), stop it; prints the line
serve_try() {
	: > "$T/serve.log"
	"$NJBT" serve "$@" 2> "$T/serve.log" &
	pid=$!
	i=0
	while [ $i -lt 200 ] && ! grep -q "listening on" "$T/serve.log"; do
		kill -0 $pid 2>/dev/null || break
		sleep 0.05; i=$((i + 1))
	done
	kill -TERM $pid 2>/dev/null
	wait $pid 2>/dev/null
	grep -o "listening on [^,]*" "$T/serve.log"
}
same "serve --listen=ADDR:PORT" "listening on 127.0.0.1:0" \
    "$(serve_try --listen=127.0.0.1:0 --host-key="$T/hk")"
same "serve --listen ADDR:PORT" "listening on 127.0.0.1:0" \
    "$(serve_try --listen 127.0.0.1:0 --host-key "$T/hk" --idle=60 --rate 5)"
"$NJBT" serve --listen=nowhere:x > "$T/out" 2> "$T/err"
same "a bad --listen= value is serve's usage error (2)" "2" "$?"
grep -q "监听地址应为" "$T/err" && ok "... saying what an address is" \
    || notok "... saying what an address is"
"$NJBT" serve --listen 127.0.0.1:0 --idle=lots > "$T/out" 2> "$T/err"
same "a bad --idle= value (2)" "2" "$?"
grep -q -- "--idle 应为 0 到" "$T/err" && ok "... names the option" \
    || notok "... names the option"
usage "serve: an option without its value (2)" "$NJBT" serve --listen
usage "serve: an operand (2)" "$NJBT" serve 2222
usage "serve: no prefix of an option (2)" "$NJBT" serve --lis 127.0.0.1:0
usage "... nor with = (2)" "$NJBT" serve --lis=127.0.0.1:0
usage "print: no prefix of --county (2)" "$NJBT" print supply --cou 640122

# --- actions and do: --as LOGIN and --as=LOGIN -----------------------------
"$NJBT" actions --as hl_jb > "$T/a1" 2> /dev/null
"$NJBT" actions --as=hl_jb > "$T/a2" 2> /dev/null
[ -s "$T/a1" ] && cmp -s "$T/a1" "$T/a2" && ok "actions --as= is --as" \
    || notok "actions --as= is --as"
check "do --as LOGIN" "$NJBT" do --as admin program.set year=2026 \
    flow=buy-first
check "do --as=LOGIN" "$NJBT" do --as=admin program.set year=2026 \
    flow=buy-first
usage "do without --as (2)" "$NJBT" do program.set year=2026
usage "do without an action (2)" "$NJBT" do --as admin
# after ACTION come its fields, never options
"$NJBT" do --as admin program.set year=2026 --help > "$T/out" 2> "$T/err"
same "do: what follows ACTION is a field" "2" "$?"
grep -q "参数应为 字段=值：--help" "$T/err" && ok "... saying so" \
    || notok "... saying so"
refused "do: a rule still refuses (1)" "未知的用户" \
    "$NJBT" do --as=nobody program.set year=2026

# --- print: options before or after REPORT, either form --------------------
check "print REPORT --encoding=utf-8" "$NJBT" print supply --encoding=utf-8
cp "$T/out" "$T/p1"
check "print --encoding utf-8 REPORT" "$NJBT" print --encoding utf-8 supply
cmp -s "$T/out" "$T/p1" && ok "... the same sheet" || notok "... the same sheet"
check "print -o FILE" "$NJBT" print supply -o "$T/s1.csv"
check "print --output=FILE" "$NJBT" print supply --output="$T/s2.csv"
cmp -s "$T/s1.csv" "$T/s2.csv" && ok "... the same file" \
    || notok "... the same file"
usage "print: an option twice (2)" "$NJBT" print supply --as hl_jb --as=hl_jb
usage "print: --all twice (2)" "$NJBT" print --all --all --month 2026-03 -o "$T/m"

# --- import and user --------------------------------------------------------
check "import --year=YYYY" "$NJBT" import regions "$SRC/db/demo/regions.csv" \
    --year=2026
"$NJBT" import regions "$SRC/db/demo/regions.csv" --year 1999 > "$T/out" 2> "$T/err"
same "import: a bad --year (2)" "2" "$?"
usage "import without a file (2)" "$NJBT" import regions
check "user lock LOGIN REASON" "$NJBT" user lock hl_jb 离岗
check "user unlock LOGIN" "$NJBT" user unlock hl_jb
check "user list ROLE" "$NJBT" user list county
check "user passwd: a password may start with -" "$NJBT" user passwd hl_jb \
    -a-long-pass-123
usage "user without a verb (2)" "$NJBT" user
usage "user: an unknown verb (2)" "$NJBT" user frob hl_jb

echo "1..$n"
