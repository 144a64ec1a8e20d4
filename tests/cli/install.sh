#!/bin/sh
# tests/cli/install.sh: make install (issue 14 (1), (2), (4), (8)).
# Into a DESTDIR with PREFIX=/usr: the layout of DESIGN.md "Files and
# paths" with its modes, the unit naming /usr/bin/njbt, `systemd-analyze
# verify` and `security` (exposure at most 2.0), also with njbt(1)'s
# ForceCommand drop-in. Then with PREFIX and the
# other directories under $T and no DESTDIR, the installed binary is run
# from / with nothing of the source tree (no $NJBT_DB, $NJBT_FORMS): it
# finds njbt.conf, its forms and its data by the installed defaults;
# init, serve, a key login over SSH, a printed sheet; njbt.conf errors
# as file:line, `serve -n` exit codes; --version. The source tree's
# build/njbt keeps ./forms (run from / it finds none).
. "$(dirname "$0")/../e2e/ssh-lib.inc"
V=$(sed -n '1s/^njbt (\([^)]*\)).*/\1/p' "$ROOT/debian/changelog")

# --- the layout, PREFIX=/usr into a DESTDIR --------------------------------
D="$T/d"
make -s -C "$ROOT" install PREFIX=/usr DESTDIR="$D" INSTDIR="$T/inst" \
    > "$T/make.out" 2>&1
same "make install PREFIX=/usr DESTDIR=..." 0 "$?"
[ "$?" = 0 ] || diag "$(tail -5 "$T/make.out")"
mode() { stat -c %a "$D$1" 2>/dev/null || echo missing; }
same "/usr/bin/njbt 755" 755 "$(mode /usr/bin/njbt)"
same "the forms in /usr/share/njbt/forms" \
    "$(ls "$ROOT/forms" | grep -c '\.form$')" \
    "$(ls "$D/usr/share/njbt/forms" | grep -c '\.form$')"
same "njbt.1" 644 "$(mode /usr/share/man/man1/njbt.1)"
same "njbt-forms.5" 644 "$(mode /usr/share/man/man5/njbt-forms.5)"
same "njbt.conf.5" 644 "$(mode /usr/share/man/man5/njbt.conf.5)"
same "the unit" 644 "$(mode /usr/lib/systemd/system/njbt.service)"
same "/etc/njbt/njbt.conf" 644 "$(mode /etc/njbt/njbt.conf)"
U="$D/usr/lib/systemd/system/njbt.service"
grep -q "^ExecStart=/usr/bin/njbt serve --conf /etc/njbt/njbt.conf$" "$U" \
    && ok "the unit runs /usr/bin/njbt with /etc/njbt/njbt.conf" \
    || notok "the unit runs /usr/bin/njbt with /etc/njbt/njbt.conf"
grep -q "^User=njbt$" "$U" && ok "... as the njbt user" \
    || notok "... as the njbt user"
strings "$D/usr/bin/njbt" | grep -qx "/var/lib/njbt/njbt.db" \
    && strings "$D/usr/bin/njbt" | grep -qx "/usr/share/njbt/forms" \
    && ok "the installed binary's defaults: /var/lib/njbt, /usr/share/njbt/forms" \
    || notok "the installed binary's defaults: /var/lib/njbt, /usr/share/njbt/forms"
echo "# an administrator's own line" >> "$D/etc/njbt/njbt.conf"
make -s -C "$ROOT" install PREFIX=/usr DESTDIR="$D" INSTDIR="$T/inst" \
    > "$T/make.out" 2>&1
grep -q "administrator's own line" "$D/etc/njbt/njbt.conf" \
    && ok "make install again keeps an edited njbt.conf" \
    || notok "make install again keeps an edited njbt.conf"

# systemd-analyze: the unit is valid and hardened (no systemd running is
# needed: the unit is read from the root given)
# exposure WHAT: ok if `systemd-analyze security` gives njbt.service
# under $T/sa an exposure of at most 2.0
exposure() {
	systemd-analyze security --offline=true --root="$T/sa" njbt.service \
	    > "$T/sec.out" 2>&1
	x=$(sed -n 's/.*Overall exposure level for njbt.service: \([0-9.]*\).*/\1/p' \
	    "$T/sec.out")
	case "$x" in
	[01].[0-9]|2.0) ok "$1: exposure $x (at most 2.0)" ;;
	*) notok "$1: exposure [$x] (at most 2.0)"
	   grep "✗" "$T/sec.out" | head -20 | sed 's/^/# /' ;;
	esac
}
if command -v systemd-analyze > /dev/null; then
	# verify: the unit as installed but for where its binary is
	mkdir -p "$T/sa/etc/systemd/system"
	sed "s|/usr/bin/njbt|$D/usr/bin/njbt|g" "$U" > "$T/njbt.service"
	systemd-analyze verify --man=no "$T/njbt.service" > "$T/sa.out" 2>&1
	same "systemd-analyze verify njbt.service" 0 "$?"
	[ -s "$T/sa.out" ] && diag "$(head -5 "$T/sa.out")"
	cp "$U" "$T/sa/etc/systemd/system/"
	exposure "systemd-analyze security"
	# ForceCommand mode's drop-in, as njbt(1) gives it
	DI="$T/sa/etc/systemd/system/njbt.service.d"
	mkdir -p "$DI"
	sed -n '/^# \/etc\/systemd\/system\/njbt.service.d\/forcecommand.conf$/,/^\.Ed$/p' \
	    "$ROOT/man/njbt.1" | sed '$d' > "$DI/forcecommand.conf"
	cat "$T/njbt.service" "$DI/forcecommand.conf" > "$T/njbt-fc.service"
	# (an unknown key is only a warning: the output must be empty)
	systemd-analyze verify --man=no "$T/njbt-fc.service" > "$T/sa.out" 2>&1 &&
	    [ ! -s "$T/sa.out" ] &&
	    grep -q "^PrivateUsers=no" "$DI/forcecommand.conf" &&
	    ok "systemd-analyze verify: with njbt(1)'s ForceCommand drop-in" ||
	    { notok "systemd-analyze verify: with njbt(1)'s ForceCommand drop-in"; diag "$(head -5 "$T/sa.out")"; }
	exposure "systemd-analyze security with the drop-in"
else
	for i in 1 2 3 4; do ok "# SKIP no systemd-analyze"; done
fi

# --- the installed binary alone: PREFIX under $T, run from / -------------
P="$T/p"
make -s -C "$ROOT" install PREFIX="$P/usr" SYSCONFDIR="$P/etc" \
    LOCALSTATEDIR="$P/var" INSTDIR="$T/inst2" > "$T/make.out" 2>&1
same "make install PREFIX=\$T/usr SYSCONFDIR=... LOCALSTATEDIR=..." 0 "$?"
I="$P/usr/bin/njbt"
unset NJBT_DB NJBT_FORMS NJBT_CONF
cd / || exit 1
same "--version" "njbt $V" "$("$I" --version)"
"$I" init --help | grep -qF "其次 $P/var/lib/njbt/njbt.db" \
    && ok "--help names the installed database" \
    || notok "--help names the installed database"
"$I" init --demo > "$T/init.out" 2>&1
same "njbt init --demo from / (the installed data directory)" 0 "$?"
[ -f "$P/var/lib/njbt/njbt.db" ] && [ -f "$P/var/lib/njbt/njbt.db.key" ] \
    && ok "... made \$LOCALSTATEDIR/lib/njbt/njbt.db and its key" \
    || { notok "... made \$LOCALSTATEDIR/lib/njbt/njbt.db and its key"; diag "$(cat "$T/init.out")"; }
"$I" serve -n > "$T/n.out" 2>&1
same "serve -n: the installed conf and forms are good" 0 "$?"
# every key the default njbt.conf shows, taken as it is written there
cp "$P/etc/njbt/njbt.conf" "$T/conf.orig"
sed -i 's/^#\([a-z]\)/\1/' "$P/etc/njbt/njbt.conf"
"$I" serve -n > "$T/n.out" 2>&1
same "... with every key of it uncommented" 0 "$?"
[ "$?" = 0 ] || diag "$(cat "$T/n.out")"
cp "$T/conf.orig" "$P/etc/njbt/njbt.conf"
"$ROOT/build/njbt" serve -n > "$T/n.out" 2>&1
same "the source tree's build/njbt run from / finds no ./forms" 1 "$?"
grep -q "./forms: " "$T/n.out" && ok "... and says so" \
    || notok "... and says so"

# njbt.conf errors, each as file:line; a flag overrides the file
C="$P/etc/njbt/njbt.conf"
cp "$C" "$T/conf.good"
printf 'idle 9999999\nlisten nowhere\nbogus 1\nbackup_keep_years 5\n' >> "$C"
l=$(wc -l < "$C")
"$I" serve -n > "$T/n.out" 2> "$T/n.err"
same "serve -n with a bad njbt.conf exits 1" 1 "$?"
for e in "$((l - 3)): idle 应为 0 到 604800 的整数" \
    "$((l - 2)): listen 监听地址应为" "$((l - 1)): 未知的配置项“bogus”" \
    "$l: backup_keep_years 应为 10 到 100 的整数"; do
	grep -qF "$C:$e" "$T/n.err" && ok "error $C:${e%%:*}" \
	    || { notok "error $C:$e"; diag "$(cat "$T/n.err")"; }
done
# R-001-A1-15a 001 附件1 第十五条: yearly backups kept at least ten years
grep -q "backup_keep_years 应为 10 到" "$T/n.err" \
    && ok "R-001-A1-15a backups kept fewer than ten years refused" \
    || notok "R-001-A1-15a backups kept fewer than ten years refused"
"$I" serve --listen 127.0.0.1:1 > "$T/n.out" 2> "$T/n.err"
same "the server does not start with a bad njbt.conf" 1 "$?"
grep -q "服务器未启动" "$T/n.err" && ok "... and says why" \
    || notok "... and says why"
cp "$T/conf.good" "$C"
echo "idle x" >> "$C"
"$I" serve -n --idle 60 > "$T/n.out" 2> "$T/n.err"
same "... a flag does not hide the file's error" 1 "$?"
cp "$T/conf.good" "$C"
printf 'idle 5\n' >> "$C"
"$I" serve -n --conf /nonexistent/njbt.conf > "$T/n.out" 2> "$T/n.err"
same "serve -n --conf of a missing file exits 1" 1 "$?"

# serve from /, a key login, a printed sheet
ssh-keygen -q -t ed25519 -N '' -f "$T/key" || exit 1
"$I" user key add hl_jb "$T/key.pub" > /dev/null
same "njbt user key add (the installed database)" 0 "$?"
NJBT="$I"
serve_start || exit 1
grep -q "njbt $V starting" "$T/serve.log" && ok "serve logs njbt $V" \
    || notok "serve logs njbt $V"
[ -f "$P/var/lib/njbt/njbt.db.hostkey" ] \
    && ok "the host key made in the data directory" \
    || notok "the host key made in the data directory"
term k "$(ssh_key hl_jb "$T/key")"
shows "a key login over SSH to the installed server" k \
    "$(NJBT_DB="$P/var/lib/njbt/njbt.db" q "SELECT name FROM users WHERE login = 'hl_jb'")"
tm kill-session -t k
"$I" print supply -o "$T/supply.csv" > "$T/p.out" 2>&1
same "njbt print from / (the installed database)" 0 "$?"
grep -q "," "$T/supply.csv" && ok "... a sheet" || notok "... a sheet"
serve_stop
same "the installed server stops cleanly" 0 "$?"
echo "1..$n"
