#!/bin/sh
# tests/e2e/photo.sh: a photo from OpenSSH's sftp to the record view
# (issue 12 item 4), one server. fs_dealer uploads a JPEG into /inbox with
# `sftp -b`, opens its sale's view on the screens, takes "添加照片" there
# (the sale filled in), names the upload and saves; the view then lists
# the photo (人机合照, name, size, hash, who) and the upload has left the
# inbox. A text file named .jpg uploaded the same way is refused on the
# form with the reason, nothing written. PuTTY's pscp uploads the
# county's nameplate photo, attached with njbt do; njbt check counts both.
. "$(dirname "$0")/ssh-lib.inc"
ID1=640122198001011238

"$NJBT_FAST" do --as xg_zhen application.new buyer_type=person buyer_name=张三 \
    id_no=$ID1 township=640122100 item=1.1.3 tier=03 qty=1 \
    bank_name=黄河银行 bank_account=6228480402564890018 > "$T/out" 2> "$T/err"
APP=$(tail -n 1 "$T/out")
check "application.submit" "$NJBT" do --as xg_zhen application.submit application=$APP
"$NJBT_FAST" do --as hl_sh application.approve application=$APP > "$T/out" 2> "$T/err"
NOTICE=$(tail -n 1 "$T/out")
check "sale.new" "$NJBT" do --as fs_dealer sale.new notice=$NOTICE id_no=$ID1 \
    serial=XG26A001 price=12000 sold_on=2026-03-02 invoice_no=FP001

serve_start || exit 1
SFTPO="$SSHO -o LogLevel=ERROR -o BatchMode=no -P $PORT"
IN="$(dirname "$NJBT_DB")/inbox/fs_dealer"
printf '\377\330\377\340\000\020JFIF\000\001e2e' > "$T/man.jpg"
printf 'just text' > "$T/fake.jpg"
cat > "$T/batch" <<EOB
put $T/man.jpg /inbox/man.jpg
put $T/fake.jpg /inbox/fake.jpg
EOB
sshpass -p njbt-demo sftp $SFTPO -b "$T/batch" fs_dealer@127.0.0.1 \
    > "$T/sftp.out" 2>&1 && [ -f "$IN/man.jpg" ] &&
    ok "sftp -b puts the photos into /inbox" ||
    { notok "sftp -b puts the photos into /inbox"; diag "$(cat "$T/sftp.out")"; }

login d fs_dealer || { notok "the dealer logs in"; exit 1; }
open_menu d "本店销售"
shows "the dealer's sales" d "XG26A001"
tm send-keys -t d Enter
shows "the sale's view" d "查看销售"
k=$(screen d | sed -n 's/.*[ >] \([0-9]\)  添加照片.*/\1/p' | head -1)
[ -n "$k" ] && ok "the view offers 添加照片" ||
    { notok "the view offers 添加照片"; screen d | sed 's/^/#   /'; }
tm send-keys -t d "$k"
shows "the photo form, the sale filled in" d "照片文件"
tm send-keys -t d "fake.jpg" Tab Space F2
shows "a text file named .jpg is refused on the form" d "不是 JPEG 或 PNG"
same "... nothing written" "0 0" "$(q "SELECT count(*) FROM photos") $(q \
    "SELECT count(*) FROM audit WHERE action = 'photo.attach'")"
# the refusal puts the cursor on the file name: the real photo's
tm send-keys -t d BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
    "man.jpg" F2
shows "the photo is attached" d "已添加照片"
tm send-keys -t d F10
shows "F10 goes back to the sale's view" d "查看销售"
HASH=$(q "SELECT hash FROM photos WHERE name = 'man.jpg'")
H12=$(printf %s "$HASH" | cut -c1-12)
shows "the sale's view lists it: what, name, size, hash, who" d \
    "人机合照（销售） man.jpg 15 字节 $H12 fs_dealer"
[ ! -e "$IN/man.jpg" ] && ok "the upload has left the inbox" ||
    notok "the upload has left the inbox"
[ -f "$(dirname "$NJBT_DB")/photos/$(printf %s "$HASH" | cut -c1-2)/$HASH" ] &&
    ok "... kept under photos/ by its hash" ||
    notok "... kept under photos/ by its hash"
to_menu d

# PuTTY's pscp uploads the county's nameplate photo; njbt do attaches it
N=1
if command -v pscp > /dev/null 2>&1; then
	FP=$(ssh-keygen -l -f "$NJBT_DB.hostkey.pub" | awk '{ print $2 }')
	printf '\211PNG\r\n\032\n\000\000\000\015IHDRplate' > "$T/plate.png"
	pscp -batch -q -P "$PORT" -hostkey "$FP" -pw njbt-demo "$T/plate.png" \
	    "hl_jb@127.0.0.1:/inbox/plate.png" > "$T/p.out" 2>&1 &&
	    ok "pscp puts a photo into /inbox" ||
	    { notok "pscp puts a photo into /inbox"; diag "$(cat "$T/p.out")"; }
	check "R-004-A4-3c the county attaches the nameplate" "$NJBT" do \
	    --as hl_jb photo.attach sale=XS640122202600001 photo=plate.png \
	    what=plate
	N=2
else
	ok "# SKIP pscp not installed"
fi
check "njbt check: the photo's file is whole" "$NJBT" check
grep -q "^照片文件：正常，共 $N 张" "$T/out" && ok "... the photos counted" ||
    { notok "... the photos counted"; diag "$(cat "$T/out")"; }
serve_stop
sanitizer_clean
