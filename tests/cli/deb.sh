#!/bin/sh
# tests/cli/deb.sh: the Debian package (issue 14 (5)). `make deb` builds
# it with dpkg-buildpackage and lintian finds nothing (or only what
# debian/njbt.lintian-overrides explains); the binary has the hardening
# of dpkg-buildflags (PIE, RELRO and BIND_NOW, stack protector, FORTIFY);
# dpkg -i (root, no systemd running needed) makes the njbt system user,
# the directories with their modes and enables the unit; the njbt user
# makes the database and checks the configuration; another user cannot
# read the data; remove keeps the data, purge removes it (never the
# backups). Needs root and the Debian tools (make deb-deps): skipped
# without them.
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
V=$(sed -n '1s/^njbt (\([^)]*\)).*/\1/p' "$ROOT/debian/changelog")
A=$(dpkg-architecture -qDEB_HOST_ARCH 2>/dev/null)
DEB="$ROOT/build/deb/njbt_${V}_$A.deb"
if [ "$(id -u)" != 0 ] || ! command -v dh > /dev/null ||
    ! command -v lintian > /dev/null; then
	echo "1..0 # SKIP needs root, debhelper and lintian (make deb-deps)"
	exit 0
fi
if dpkg -s njbt > /dev/null 2>&1; then
	echo "1..0 # SKIP the njbt package is installed on this machine"
	exit 0
fi
unset NJBT_DB
had_user=$(getent passwd njbt)
# man-db's trigger would rebuild the whole machine's manual index at each
# dpkg -i, -r and --purge (seconds of CPU each): off while the test runs,
# as it was afterwards (its flag file, /var/lib/man-db/auto-update)
mandb_flag=/var/lib/man-db/auto-update
mandb_was=
if [ -e "$mandb_flag" ]; then
	mandb_was=1
	rm -f "$mandb_flag"
fi
cleanup() {
	dpkg --purge njbt > /dev/null 2>&1
	rm -rf /var/backups/njbt
	[ -n "$had_user" ] || deluser --system njbt > /dev/null 2>&1
	[ -z "$mandb_was" ] || touch "$mandb_flag"
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

if make -s -C "$ROOT" deb > "$T/deb.out" 2>&1; then
	ok "make deb (dpkg-buildpackage, lintian clean)"
else
	notok "make deb (dpkg-buildpackage, lintian clean)"
	diag "$(tail -15 "$T/deb.out")"
fi
dpkg-deb -c "$DEB" | awk '{print $6}' > "$T/list"
for f in ./usr/bin/njbt ./usr/share/njbt/forms/admin.form \
    ./usr/share/man/man1/njbt.1.gz ./usr/share/man/man5/njbt.conf.5.gz \
    ./usr/share/man/man5/njbt-forms.5.gz \
    ./lib/systemd/system/njbt.service ./etc/njbt/njbt.conf; do
	grep -qx "$f" "$T/list" && ok "the package has $f" \
	    || notok "the package has $f"
done
dpkg-deb -f "$DEB" Version | grep -qx "$V" && ok "version $V" \
    || notok "version $V"

# the hardening of dpkg-buildflags, in the packaged binary
dpkg-deb -x "$DEB" "$T/x"
B="$T/x/usr/bin/njbt"
readelf -h "$B" | grep -q "Type:.*DYN" && ok "PIE" || notok "PIE"
readelf -l "$B" | grep -q GNU_RELRO && readelf -d "$B" | grep -q BIND_NOW \
    && ok "full RELRO" || notok "full RELRO"
readelf -W --dyn-syms "$B" | grep -q __stack_chk_fail && ok "stack protector" \
    || notok "stack protector"
readelf -W --dyn-syms "$B" | grep -qE "__[a-z]*printf_chk|__memcpy_chk|__read_chk" \
    && ok "FORTIFY_SOURCE" || notok "FORTIFY_SOURCE"

# dpkg -i: the user, the directories, the unit enabled
dpkg -i "$DEB" > "$T/i.out" 2>&1
same "dpkg -i" 0 "$?"
u=$(getent passwd njbt)
case "$u" in
njbt:*:/var/lib/njbt:/usr/sbin/nologin) ok "the njbt system user" ;;
*) notok "the njbt system user"; diag "$u" ;;
esac
uid=$(id -u njbt)
[ "$uid" -lt 1000 ] && ok "... a system uid ($uid)" || notok "... a system uid ($uid)"
same "/var/lib/njbt" "750 njbt:njbt" "$(stat -c '%a %U:%G' /var/lib/njbt)"
same "/var/backups/njbt" "750 njbt:njbt" "$(stat -c '%a %U:%G' /var/backups/njbt)"
same "/etc/njbt/njbt.conf" "640 root:njbt" \
    "$(stat -c '%a %U:%G' /etc/njbt/njbt.conf)"
[ -L /etc/systemd/system/multi-user.target.wants/njbt.service ] \
    && ok "the unit is enabled" || notok "the unit is enabled"
same "njbt --version" "njbt $V" "$(njbt --version)"

# what the unit runs first, as the njbt user, from /
(cd / && runuser -u njbt -- /usr/bin/njbt init) > "$T/init.out" 2>&1
same "the njbt user makes the database (njbt init)" 0 "$?"
[ -f /var/lib/njbt/njbt.db ] && [ -f /var/lib/njbt/njbt.db.key ] \
    && ok "... in /var/lib/njbt, with its key" \
    || { notok "... in /var/lib/njbt, with its key"; diag "$(cat "$T/init.out")"; }
(cd / && runuser -u njbt -- /usr/bin/njbt serve -n) > "$T/n.out" 2>&1
same "njbt serve -n: the installed configuration and forms" 0 "$?"
if runuser -u nobody -- cat /var/lib/njbt/njbt.db.key > /dev/null 2>&1; then
	notok "another user cannot read the key file"
else ok "another user cannot read the key file"; fi

# remove keeps the data; purge removes it, never the backups
touch /var/backups/njbt/kept
dpkg -r njbt > "$T/r.out" 2>&1
same "dpkg -r" 0 "$?"
[ -f /var/lib/njbt/njbt.db ] && ok "... keeps the data" \
    || notok "... keeps the data"
dpkg --purge njbt > "$T/p.out" 2>&1
same "dpkg --purge" 0 "$?"
[ ! -e /var/lib/njbt ] && ok "... removes /var/lib/njbt" \
    || notok "... removes /var/lib/njbt"
[ ! -e /etc/njbt ] && ok "... and /etc/njbt" || notok "... and /etc/njbt"
[ -f /var/backups/njbt/kept ] && ok "... but never the backups" \
    || notok "... but never the backups"
echo "1..$n"
