#!/bin/sh
# backup.sh: scheduled, verified backups and restore (issue 14 item 7).
# `njbt backup --scheduled --dir D` names today's copy by date after
# checking it (integrity, audit chain against its anchor, MACs, photos);
# the policy keeps the dailies of the last N days and the first copy of
# each year ten years (R-001-A1-15 001 附件1 第十五条), over real runs on
# a stepped clock across a new year with copies of past years planted;
# the key never in the backup directory; the photos in it; a directory
# that cannot be written, a full disk (RLIMIT_FSIZE, a 64 KB tmpfs) and
# a copy that fails its check leave nothing and exit 1. A return keeps
# the verification and its photo (R-002-A3-2.6 002 附件3 二(六)).
# `njbt restore` brings a backup back (the change made after it is gone,
# njbt check passes), refuses a flipped byte, another database's backup
# (another key) and a database in use (a shared flock, as njbt serve
# holds), and puts the photos back.
. "$(dirname "$0")/../lib.sh"
CHECKS="check_identity=1 check_invoice=1 check_nameplate=1 check_dealer=1"
CHECKS="$CHECKS check_licence=1 check_account=1 check_promise=1"
ID1=640122198001011238
B="$T/b"

# fails WHAT WANT COMMAND...: exit 1, WANT on stderr
fails() { refused "$@"; }
# copies: the dates of the copies in $B, one line
copies() {
	ls "$B" | sed -n 's/^njbt-\(.*\)\.db$/\1/p' | tr '\n' ' ' | sed 's/ $//'
}
# run_on DATE [ARGS]: the scheduled backup on that day
run_on() {
	d=$1; shift
	NJBT_NOW="${d}T02:00:00" "$NJBT" backup --scheduled --dir "${BDIR:-$B}" "$@" \
	    > "$T/out" 2> "$T/err"
}

check "init --demo" demo_db
# a verified sale with a photo, then returned
buyer_notice $ID1
"$NJBT_FAST" do --as fs_dealer sale.new notice=$NOTICE id_no=$ID1 serial=XG26A001 \
    price=12000 sold_on=2026-03-02 invoice_no=FP001 > "$T/out" 2> "$T/err"
SALE=$(tail -n 1 "$T/out")
mkdir -p "$T/inbox/hl_jb"
jpeg "$T/inbox/hl_jb/check.jpg" hl
check "verify.pass with a photo" "$NJBT" do --as hl_jb verify.pass \
    sale=$SALE method=office $CHECKS partner=hl_sh photo=check.jpg
HASH=$(q "SELECT hash FROM photos")
H2=$(printf %s "$HASH" | cut -c1-2)
check "return.new of the verified sale" "$NJBT" do --as hl_jb return.new \
    sale=$SALE reason=质量问题
# R-002-A3-2.6 002 附件3 二(六): verification records and photos kept
same "R-002-A3-2.6 the return keeps the verification and its photo row" "1 1" \
    "$(q "SELECT count(*) FROM verifications WHERE sale_id = $SALE") $(q "SELECT count(*) FROM photos")"
[ -f "$T/photos/$H2/$HASH" ] && ok "R-002-A3-2.6 ... and the photo file" ||
    notok "R-002-A3-2.6 ... and the photo file"
grep -rniE "DELETE FROM (verifications|verification_checks|photos)" \
    "$(dirname "$0")/../../src" "$(dirname "$0")/../../db" > "$T/del"
[ ! -s "$T/del" ] && ok "R-002-A3-2.6 no statement deletes a verification or a photo" ||
    { notok "R-002-A3-2.6 no statement deletes a verification or a photo"; diag "$(cat "$T/del")"; }

# --- one scheduled run ---------------------------------------------------
run_on 2026-12-28 --keep-days 3
[ $? -eq 0 ] && ok "backup --scheduled exits 0" ||
    { notok "backup --scheduled exits 0"; diag "$(cat "$T/err")"; }
F="$B/njbt-2026-12-28.db"
same "... the copy is named by date, 0600, with its anchor" "600 600" \
    "$(stat -c %a "$F") $(stat -c %a "$F.anchor")"
same "... the directory is 0700" 700 "$(stat -c %a "$B")"
[ -f "$B/photos/$H2/$HASH" ] && ok "... the photos are in the backup" ||
    notok "... the photos are in the backup"
KEYHEX=$(sed -n 2p "$NJBT_DB.key")
[ -n "$KEYHEX" ] && ! grep -rqF "$KEYHEX" "$B" && ! grep -rqF "njbt-key" "$B" &&
    ok "... the key file's bytes are nowhere in the backup directory" ||
    notok "... the key file's bytes are nowhere in the backup directory"
[ -z "$(ls -A "$B" | grep -v -e '^njbt-2026-12-28.db' -e '^photos$')" ] &&
    ok "... nothing else left in the directory" ||
    { notok "... nothing else left in the directory"; diag "$(ls -A "$B")"; }
check "... njbt check passes on the copy (with the key beside it)" sh -c \
    "cp '$NJBT_DB.key' '$F.key' && '$NJBT' check --db '$F' && rm -f '$F.key'"

# --- R-001-A1-15: the policy over real runs ------------------------------
"$NJBT" backup --scheduled --dir "$B" --keep-years 9 > "$T/out" 2> "$T/err"
[ $? -eq 2 ] && grep -q 年度备份保存十年 "$T/err" &&
    ok "R-001-A1-15 --keep-years 9 is refused (exit 2)" ||
    notok "R-001-A1-15 --keep-years 9 is refused (exit 2)"
for d in 2014-01-01 2016-01-01 2017-01-01 2017-03-05 2025-06-01 2025-06-02; do
	cp "$F" "$B/njbt-$d.db"; cp "$F.anchor" "$B/njbt-$d.db.anchor"
done
: > "$B/.njbt-2026-12-20.db.tmp"	# a crashed run's leftover
run_on 2026-12-29 --keep-days 3
same "R-001-A1-15 2026-12-29: yearlies under ten years and 3 dailies" \
    "2017-01-01 2025-06-01 2026-12-28 2026-12-29" "$(copies)"
[ ! -e "$B/.njbt-2026-12-20.db.tmp" ] && [ ! -e "$B/njbt-2016-01-01.db.anchor" ] &&
    ok "... a leftover temporary copy and deleted copies' anchors are gone" ||
    notok "... a leftover temporary copy and deleted copies' anchors are gone"
for d in 2026-12-30 2026-12-31 2027-01-01; do run_on $d --keep-days 3; done
same "R-001-A1-15 2027-01-01: 2017's yearly kept to its tenth anniversary" \
    "2017-01-01 2025-06-01 2026-12-28 2026-12-30 2026-12-31 2027-01-01" "$(copies)"
for d in 2027-01-02 2027-01-03 2027-01-05; do run_on $d --keep-days 3; done
same "R-001-A1-15 2027-01-05 (a day missed): the first of each year and the last 3 days" \
    "2025-06-01 2026-12-28 2027-01-01 2027-01-03 2027-01-05" "$(copies)"
grep -q "已删除过期备份" "$T/err" && ok "... deletions are logged" ||
    notok "... deletions are logged"

# --- bad input: nothing half-written, exit 1, the error said -------------
before=$(ls -A "$B" | md5sum)
: > "$T/afile"
BDIR="$T/afile/sub" run_on 2027-01-06
[ $? -eq 1 ] && grep -q "无法创建备份目录" "$T/err" &&
    ok "a backup directory that cannot be made: exit 1, logged" ||
    { notok "a backup directory that cannot be made: exit 1, logged"; diag "$(cat "$T/err")"; }
BDIR="$T" run_on 2027-01-06
[ $? -eq 1 ] && grep -q "密钥文件不得与备份放在一起" "$T/err" &&
    ok "the database's own directory (with the key) is refused as backup directory" ||
    { notok "the database's own directory (with the key) is refused as backup directory"; diag "$(cat "$T/err")"; }
( exec 9< "$B"; flock 9; BDIR="$B" run_on 2027-01-06 )
[ $? -eq 1 ] && grep -q "另一次备份" "$T/err" &&
    [ "$(ls -A "$B" | md5sum)" = "$before" ] &&
    ok "a second run at once is refused, the first one's files untouched" ||
    { notok "a second run at once is refused, the first one's files untouched"; diag "$(cat "$T/err")"; }
mkdir "$T/ro"
if mount -t tmpfs -o size=64k,mode=0700 tmpfs "$T/ro" 2> /dev/null; then
	BDIR="$T/ro" run_on 2027-01-06
	rc=$?
	[ $rc -eq 1 ] && grep -q "备份失败" "$T/err" &&
	    [ -z "$(ls -A "$T/ro")" ] &&
	    ok "a full disk (64 KB tmpfs): exit 1, logged, nothing left" ||
	    { notok "a full disk (64 KB tmpfs): exit 1, logged, nothing left"; diag "rc $rc $(cat "$T/err") $(ls -A "$T/ro")"; }
	mount -o remount,ro "$T/ro"
	BDIR="$T/ro" run_on 2027-01-06
	[ $? -eq 1 ] && grep -q "备份失败" "$T/err" &&
	    ok "a read-only backup directory: exit 1, logged" ||
	    { notok "a read-only backup directory: exit 1, logged"; diag "$(cat "$T/err")"; }
	umount "$T/ro"
else
	diag "no tmpfs here (not root?): the full and read-only disk checks skipped"
fi
( ulimit -f 200; run_on 2027-01-06 )
[ $? -eq 1 ] && grep -q "备份失败" "$T/err" &&
    [ "$(ls -A "$B" | md5sum)" = "$before" ] &&
    ok "a full disk (ulimit -f): exit 1, logged, the directory as it was" ||
    { notok "a full disk (ulimit -f): exit 1, logged, the directory as it was"; diag "$(cat "$T/err"; ls -A "$B")"; }
# a copy that fails its check: a MAC'd column changed outside njbt
cp "$NJBT_DB" "$T/good.db"
q "UPDATE users SET role = 'admin' WHERE login = 'hl_jb'" > /dev/null
run_on 2027-01-06
[ $? -eq 1 ] && grep -q "校验失败，已删除" "$T/err" &&
    [ "$(ls -A "$B" | md5sum)" = "$before" ] &&
    ok "a copy that fails its check is deleted, logged, exit 1" ||
    { notok "a copy that fails its check is deleted, logged, exit 1"; diag "$(cat "$T/err")"; }
rm -f "$NJBT_DB-wal" "$NJBT_DB-shm"; cp "$T/good.db" "$NJBT_DB"

# --- restore -------------------------------------------------------------
run_on 2027-01-06
BK="$B/njbt-2027-01-06.db"
[ -f "$BK" ] && ok "a new backup" || { notok "a new backup"; diag "$(cat "$T/err")"; }
check "a change after the backup" "$NJBT" user lock hl_cz
same "... hl_cz is locked" 1 "$(q "SELECT locked FROM users WHERE login = 'hl_cz'")"
( exec 9< "$NJBT_DB"; flock -s 9; exec sleep 30 ) & HOLD=$!
sleep 0.3
refused "restore refuses a database in use" "正在使用" "$NJBT" restore "$BK"
kill $HOLD 2> /dev/null; wait $HOLD 2> /dev/null
# a draft kept after the backup (the screens' file beside the database,
# made by a session: here by the njbt init that makes it)
"$NJBT_FAST" init --db "$NJBT_DB" > /dev/null 2>&1
q "INSERT INTO dr.drafts(user_id, form, win, data, saved_at) VALUES (1, \
    'application.new', 'w', 'x', '2027-01-06')"
same "... a draft kept after it" 1 "$(q "SELECT count(*) FROM drafts")"
check "njbt restore" "$NJBT" restore "$BK"
same "... the change is gone" 0 "$(q "SELECT locked FROM users WHERE login = 'hl_cz'")"
[ ! -e "$NJBT_DB.drafts" ] &&
    ok "... and the drafts kept since the backup (sealed to user ids the restored database may give to others)" ||
    notok "... and the drafts kept since the backup (sealed to user ids the restored database may give to others)"
same "... no drafts' file beside a backup" "" \
    "$(ls -A "$B" | grep drafts)"
check "... njbt check passes" "$NJBT" check
cp "$BK" "$T/bad.db"; cp "$BK.anchor" "$T/bad.db.anchor"
# one byte of an audit row (its action's name) changed
off=$(grep -boa "application.approve" "$T/bad.db" | head -n 1 | cut -d: -f1)
printf 'A' | dd of="$T/bad.db" bs=1 seek="$off" conv=notrunc 2> /dev/null
before=$(md5sum < "$NJBT_DB")
refused "a backup with a flipped byte is refused" "未通过检查" \
    "$NJBT" restore "$T/bad.db"
same "... the database untouched" "$before" "$(md5sum < "$NJBT_DB")"
mkdir "$T/other"
"$NJBT_FAST" init --db "$T/other/njbt.db" > /dev/null 2>&1
"$NJBT" backup --db "$T/other/njbt.db" "$T/other.bak" > /dev/null 2>&1
refused "another database's backup (another key) is refused" "未通过检查" \
    "$NJBT" restore "$T/other.bak"
cp "$BK" "$T/noanchor.db"
refused "a backup without its anchor is refused" "缺少审计锚点" \
    "$NJBT" restore "$T/noanchor.db"
mkdir "$T/new"
refused "restore without the key file is refused" "无法读取密钥文件" \
    "$NJBT" restore "$BK" --db "$T/new/njbt.db"
cp "$NJBT_DB.key" "$T/new/njbt.db.key"
check "restore into a new place" "$NJBT" restore "$BK" --db "$T/new/njbt.db"
[ -f "$T/new/photos/$H2/$HASH" ] && ok "... the photos came back" ||
    notok "... the photos came back"
check "... njbt check passes there" "$NJBT" check --db "$T/new/njbt.db"
# the timer and its service (installed by make install / the package)
U="$(dirname "$0")/../../dist/backup"
if command -v systemd-analyze > /dev/null 2>&1; then
	systemd-analyze verify "$U/njbt-backup.service" "$U/njbt-backup.timer" \
	    2>&1 | grep -v -e "is not executable" -e "man njbt" > "$T/sa"
	[ ! -s "$T/sa" ] && ok "systemd-analyze verify: the backup timer and service" ||
	    { notok "systemd-analyze verify: the backup timer and service"; diag "$(cat "$T/sa")"; }
fi
grep -q "^ExecStart=/usr/bin/njbt backup --scheduled\( \|$\)" "$U/njbt-backup.service" &&
    ok "... the service runs njbt backup --scheduled" ||
    notok "... the service runs njbt backup --scheduled"
echo "1..$n"
