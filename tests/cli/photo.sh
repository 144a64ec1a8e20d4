#!/bin/sh
# photo.sh: photos on records (issue 12 item 4) through the command line.
# A file put in the dealer's inbox (<dir of the database>/inbox/LOGIN, as
# the SFTP server stores an upload) is attached with `njbt do photo.attach`,
# `njbt show sale` lists it, `njbt check` counts it and re-hashes its
# file: a changed or missing file is reported. A text file named .jpg, a
# path out of the inbox and another dealer's sale are refused, nothing
# kept; verify.pass needs a 人机合照 once the year requires one.
. "$(dirname "$0")/../lib.sh"
CHECKS="check_identity=1 check_invoice=1 check_nameplate=1 check_dealer=1"
CHECKS="$CHECKS check_licence=1 check_account=1 check_promise=1"
ID1=640122198001011238
INBOX="$T/inbox"

# fails WHAT COMMAND...: ok if the command exits 1
fails() {
	what=$1; shift
	"$@" > "$T/out" 2> "$T/err"; rc=$?
	[ "$rc" -eq 1 ] && ok "$what" || { notok "$what"; diag "exit $rc"; }
}

check "init --demo" demo_db
check "an application submitted and approved" buyer_notice $ID1
"$NJBT_FAST" do --as fs_dealer sale.new notice=$NOTICE id_no=$ID1 serial=XG26A001 \
    price=12000 sold_on=2026-03-02 invoice_no=FP001 > "$T/out" 2> "$T/err"
SALE=$(tail -n 1 "$T/out")
NO=$(q "SELECT no FROM sales WHERE id = $SALE")
[ -n "$NO" ] && ok "a sale $NO" || notok "a sale"

mkdir -p "$INBOX/fs_dealer" "$INBOX/js_dealer" "$INBOX/hl_jb"
printf 'not a photo' > "$INBOX/fs_dealer/a.jpg"
before=$(dbsum)
refused "a text file named a.jpg is refused" "不是 JPEG 或 PNG" \
    "$NJBT" do --as fs_dealer photo.attach sale=$NO photo=a.jpg what=person
jpeg "$INBOX/js_dealer/x.jpg" js
refused "a path out of the inbox is refused" "不能含目录" \
    "$NJBT" do --as fs_dealer photo.attach sale=$NO photo=../js_dealer/x.jpg \
    what=person
refused "another dealer's sale is refused" "不是本经销商的销售" \
    "$NJBT" do --as js_dealer photo.attach sale=$NO photo=x.jpg what=person
same "... nothing written" "$before" "$(dbsum)"
[ -f "$INBOX/js_dealer/x.jpg" ] && ok "... the upload stays in its inbox" ||
    notok "... the upload stays in its inbox"

jpeg "$INBOX/fs_dealer/sale.jpg" fs
check "R-004-A4-2c the dealer attaches its 人机合照" "$NJBT" do --as fs_dealer \
    photo.attach sale=$NO photo=sale.jpg what=person
HASH=$(q "SELECT hash FROM photos")
H2=$(printf %s "$HASH" | cut -c1-2)
[ -f "$T/photos/$H2/$HASH" ] && ok "... stored under photos/ by its hash" ||
    notok "... stored under photos/ by its hash"
same "... the hash is the content's SHA-256" "$HASH" \
    "$(sha256sum "$T/photos/$H2/$HASH" | cut -d' ' -f1)"
[ ! -e "$INBOX/fs_dealer/sale.jpg" ] && ok "... the upload left the inbox" ||
    notok "... the upload left the inbox"
"$NJBT" show sale $NO --as fs_dealer > "$T/show" 2> "$T/err"
SIZE=$(($(wc -c < "$T/photos/$H2/$HASH")))
H12=$(printf %s "$HASH" | cut -c1-12)
grep -q "^照片	人机合照（销售） sale.jpg $SIZE 字节 $H12 fs_dealer" "$T/show" && ok "njbt show sale lists the photo" ||
    { notok "njbt show sale lists the photo"; diag "$(grep 照片 "$T/show")"; }
check "njbt check passes" "$NJBT" check
grep -q "^照片文件：正常，共 1 张" "$T/out" && ok "... and counts the photo" ||
    { notok "... and counts the photo"; diag "$(grep 照片 "$T/out")"; }

# issue 12: a backup takes the photos along, into photos/ beside the
# copy with the same names (linked or copied), and `njbt check` on the
# copy (elsewhere, with its key) finds them there
mkdir "$T/bk"
check "njbt backup copies the photos" "$NJBT" backup "$T/bk/copy.db"
grep -q "照片在其旁的 photos/ 目录" "$T/err" && ok "... and says where" ||
    { notok "... and says where"; diag "$(cat "$T/err")"; }
cmp -s "$T/photos/$H2/$HASH" "$T/bk/photos/$H2/$HASH" &&
    ok "... under the same hash name, the same bytes" ||
    notok "... under the same hash name, the same bytes"
same "... folders 0700, files 0600" "700 700 600" "$(stat -c %a "$T/bk/photos" \
    "$T/bk/photos/$H2" "$T/bk/photos/$H2/$HASH" | tr '\n' ' ' | sed 's/ $//')"
cp "$NJBT_DB.key" "$T/bk/copy.db.key"
check "njbt check on the copy passes" "$NJBT" check --db "$T/bk/copy.db"
grep -q "^照片文件：正常，共 1 张" "$T/out" && ok "... and finds the photo" ||
    { notok "... and finds the photo"; diag "$(grep 照片 "$T/out")"; }
mv "$T/bk/photos/$H2/$HASH" "$T/bk/gone"
fails "... it looks beside the copy: one gone there fails" "$NJBT" check --db "$T/bk/copy.db"
mv "$T/bk/gone" "$T/bk/photos/$H2/$HASH"
check "a second backup over the first" "$NJBT" backup "$T/bk/copy.db"

check "R-004-A4-3c the year requires a 人机合照" "$NJBT" do --as admin \
    program.set year=2026 photo_required=1
jpeg "$INBOX/hl_jb/check.jpg" hl
check "verify.pass with photo=NAME" "$NJBT" do --as hl_jb verify.pass \
    sale=$NO method=office $CHECKS partner=hl_sh photo=check.jpg
same "... the check's photo is on the sale" 1 \
    "$(q "SELECT count(*) FROM photos WHERE record = 'verification' AND record_key = '$SALE'")"

printf X >> "$T/photos/$H2/$HASH"
fails "a changed photo file: njbt check fails" "$NJBT" check
grep -q "^照片文件：异常，0 个照片文件缺失、1 个已被改动" "$T/out" &&
    ok "... and says which" || { notok "... and says which"; diag "$(cat "$T/out")"; }
rm -f "$T/photos/$H2/$HASH"
fails "a missing photo file: njbt check fails" "$NJBT" check
grep -q "^照片文件：异常，1 个照片文件缺失" "$T/out" &&
    ok "... and says so" || { notok "... and says so"; diag "$(cat "$T/out")"; }

# --- migration 013: an old database gets the table and the setting --------
rm -rf "$NJBT_DB" "$NJBT_DB".* "$T/photos"
NJBT_MIGRATE_TO=12 "$NJBT" init > /dev/null 2>&1
same "an old database at version 12" "12" "$(q 'PRAGMA user_version')"
check "init upgrades it" "$NJBT" init
# the latest version (later migrations come after 013)
LATEST=$(ls "$(dirname "$0")/../../db/migrations" |
    sed -n 's/^0*\([0-9][0-9]*\)-.*\.sql$/\1/p' | sort -n | tail -1)
same "... to the latest, no photo, not required" "$LATEST 0" \
    "$(q 'PRAGMA user_version') $(q 'SELECT count(*) FROM photos')"
check "... and njbt check passes" "$NJBT" check
echo "1..$n"
