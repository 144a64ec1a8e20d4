#!/bin/sh
# tests/e2e/sftp.sh: SFTP in `njbt serve` (issue 12 (1)), one server. A
# sheet printed for hl_jb (the print action, as the screens print; it says
# the sheet's SFTP path) is in its outbox: OpenSSH's `sftp -b` lists
# /outbox, gets it (same bytes), uploads into /inbox, renames there and
# removes a sheet, fetches and removes a month-end folder; scp gets a
# sheet and uploads; PuTTY's pscp and psftp do the same. Attacks, each
# refused with nothing written: ../ and absolute paths out of the tree, a
# write into /outbox, symlink, mkdir, rename out of the inbox, chmod,
# resume, bad names, a link or fifo planted in the outbox, an upload over
# the per-file quota (nothing partial kept), the 201st file, another
# user's outbox, half an SFTP packet left hanging. An SFTP session counts
# as a session (the limit of 2 holds) and ends when idle, when the user is
# locked or when the server stops; a locked user, the register login and
# one whose password is to be changed get none.
. "$(dirname "$0")/ssh-lib.inc"

# the inbox's total quota set for this server (njbt.conf's inbox_mb) to
# 21 MB: just over the 20 MB a file, so that two uploads break the total
# without writing 100 MB
printf 'inbox_mb 21\n' > "$T/njbt.conf"
serve_start --conf "$T/njbt.conf" --idle 8 || exit 1
FP=$(ssh-keygen -l -f "$NJBT_DB.hostkey.pub" | awk '{ print $2 }')
# sftp -b sets BatchMode, which forbids the password: the first -o wins
SFTPO="$SSHO -o LogLevel=ERROR -o BatchMode=no -P $PORT"
OUT="$(dirname "$NJBT_DB")/outbox/hl_jb"
IN="$(dirname "$NJBT_DB")/inbox/hl_jb"
L="$T/local"
mkdir -p "$L"
# c COMMAND...: a client of hl_jb's once hl_jb's last sessions have ended.
# hl_jb may hold 2 at once (the demo's limit), and a client returns before
# its server process has ended (its logout, waiting its turn to write on
# a loaded machine): two clients in a row could find both places taken
# and be refused (the suite saw pscp closed so, once)
jb_free() {
	wait_q 0 "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'hl_jb'" 15
}
c() { jb_free; "$@"; }
# sftp_b LOGIN: run the batch in $T/batch, output in $T/sftp.out
sftp_b() {
	[ "$1" != hl_jb ] || jb_free
	sshpass -p njbt-demo sftp $SFTPO -b "$T/batch" "$1@127.0.0.1" \
	    > "$T/sftp.out" 2>&1
}
has() { # WHAT TEXT: ok if the last client's output has TEXT
	if grep -qF -- "$2" "$T/sftp.out"; then ok "$1"
	else notok "$1"; sed 's/^/#   /' "$T/sftp.out" | head -20; fi
}

# two sheets, printed the way the screens print (the print action)
check "print the budget plan for hl_jb" "$NJBT" do --say --as hl_jb print report=budget
B=$(basename "$(cat "$T/out")")
# issue 12 (3): what the screen says is the path SFTP shows, in full
same "the print says where the sheet is as SFTP shows it" \
    "已打印：/outbox/$B" "$(cat "$T/err")"
check "print the publicity sheet for hl_jb" "$NJBT" do --as hl_jb print report=publicity
P=$(basename "$(cat "$T/out")")
[ -f "$OUT/$B" ] && [ -f "$OUT/$P" ] && ok "both sheets are in hl_jb's outbox" ||
    notok "both sheets are in hl_jb's outbox"

# --- OpenSSH sftp -b ------------------------------------------------------
# the temporary file of an upload whose session was killed goes at the
# next session (one of a process still alive stays)
mkdir -p "$IN"
echo left > "$IN/.up-999999-1"
echo live > "$IN/.up-$$-1"
printf 'hello inbox\n' > "$L/up.txt"
printf 'hello inbox\nand more\n' > "$L/up2.txt"
cat > "$T/batch" <<EOF
ls -l /
ls -l /outbox
get /outbox/$B $L/got.csv
put $L/up.txt /inbox/first.txt
rename /inbox/first.txt /inbox/up.txt
ls -l /inbox
rm /outbox/$P
EOF
sftp_b hl_jb
ran "sftp -b: the batch runs" $? "$T/sftp.out"
has "sftp: / holds outbox and inbox" "drwx------"
[ ! -e "$IN/.up-999999-1" ] && [ -e "$IN/.up-$$-1" ] &&
    ok "sftp: a dead session's temporary upload is swept, a live one's kept" ||
    notok "sftp: a dead session's temporary upload is swept, a live one's kept"
rm -f "$IN/.up-$$-1"
has "sftp: /outbox lists the sheet" "$B"
cmp -s "$L/got.csv" "$OUT/$B" && ok "sftp: the sheet fetched is the same bytes" ||
    notok "sftp: the sheet fetched is the same bytes"
same "sftp: the upload is in the inbox" "hello inbox" "$(cat "$IN/up.txt" 2>/dev/null)"
has "sftp: /inbox lists it" "up.txt"
[ ! -e "$IN/first.txt" ] && ok "sftp: rename inside /inbox" ||
    notok "sftp: rename inside /inbox"
[ ! -e "$OUT/$P" ] && ok "sftp: rm removed the sheet" || notok "sftp: rm removed the sheet"
wait_log "hl_jb 127.0.0.1 sftp get /outbox/$B" 5 &&
    ok "the download is logged" || notok "the download is logged"
wait_log "hl_jb 127.0.0.1 sftp put /inbox/first.txt 12 bytes" 5 &&
    ok "the upload is logged" || notok "the upload is logged"
same "a file transfer writes no audit row" 0 \
    "$(q "SELECT count(*) FROM audit WHERE action LIKE '%sftp%'")"

# the month-end folder: fetched whole with get -r, then removed
check "print the month's sheets for hl_jb" "$NJBT" do --as hl_jb print report=all county=640122 month=2026-03
M=$(basename "$(tail -1 "$T/out")")
cat > "$T/batch" <<EOF
get -r /outbox/$M $L/month
rm /outbox/$M/*
rmdir /outbox/$M
EOF
sftp_b hl_jb
ran "sftp: get -r, rm and rmdir of the month-end folder" $? "$T/sftp.out"
[ -s "$L/month/budget-2026.csv" ] && [ ! -e "$OUT/$M" ] &&
    ok "... its sheets came whole, and it is gone" ||
    { notok "... its sheets came whole, and it is gone"; ls -R "$L/month" "$OUT" | sed 's/^/#   /'; }

# --- OpenSSH scp (SFTP protocol) ------------------------------------------
c sshpass -p njbt-demo scp $SSHO -o LogLevel=ERROR -P "$PORT" \
    "hl_jb@127.0.0.1:/outbox/$B" "$L/scp.csv" > "$T/scp.out" 2>&1 &&
    cmp -s "$L/scp.csv" "$OUT/$B" && ok "scp gets the sheet" ||
    { notok "scp gets the sheet"; diag "$(cat "$T/scp.out")"; }
c sshpass -p njbt-demo scp $SSHO -o LogLevel=ERROR -P "$PORT" \
    "$L/up.txt" "hl_jb@127.0.0.1:/inbox/scp.txt" > "$T/scp.out" 2>&1 &&
    cmp -s "$L/up.txt" "$IN/scp.txt" && ! [ -s "$T/scp.out" ] &&
    ok "scp uploads into /inbox, with no warning" ||
    { notok "scp uploads into /inbox, with no warning"; diag "$(cat "$T/scp.out")"; }
c sshpass -p njbt-demo scp $SSHO -o LogLevel=ERROR -P "$PORT" \
    "hl_jb@127.0.0.1:/etc/passwd" "$L/passwd" > "$T/scp.out" 2>&1
[ $? -ne 0 ] && [ ! -e "$L/passwd" ] && ok "scp: /etc/passwd refused" ||
    notok "scp: /etc/passwd refused"
c sshpass -p njbt-demo scp $SSHO -o LogLevel=ERROR -P "$PORT" \
    "hl_jb@127.0.0.1:/outbox/../../../etc/passwd" "$L/passwd" > "$T/scp.out" 2>&1
[ $? -ne 0 ] && [ ! -e "$L/passwd" ] && ok "scp: ../../../etc/passwd refused" ||
    notok "scp: ../../../etc/passwd refused"

# --- PuTTY's pscp and psftp -----------------------------------------------
if command -v psftp > /dev/null 2>&1; then
	c pscp -batch -q -P "$PORT" -hostkey "$FP" -pw njbt-demo \
	    "hl_jb@127.0.0.1:/outbox/$B" "$L/pscp.csv" > "$T/p.out" 2>&1 &&
	    cmp -s "$L/pscp.csv" "$OUT/$B" && ok "pscp gets the sheet" ||
	    { notok "pscp gets the sheet"; diag "$(cat "$T/p.out")"
	    diag "server: $(tail -8 "$T/serve.log")"; }
	c pscp -batch -q -P "$PORT" -hostkey "$FP" -pw njbt-demo \
	    "$L/up.txt" "hl_jb@127.0.0.1:/inbox/pscp.txt" > "$T/p.out" 2>&1 &&
	    cmp -s "$L/up.txt" "$IN/pscp.txt" && ok "pscp uploads into /inbox" ||
	    { notok "pscp uploads into /inbox"; diag "$(cat "$T/p.out")"; }
	cat > "$T/pbatch" <<EOF
ls /outbox
get /outbox/$B $L/psftp.csv
put $L/up.txt /inbox/psftp.txt
rm /inbox/pscp.txt
EOF
	c psftp -batch -P "$PORT" -hostkey "$FP" -pw njbt-demo -b "$T/pbatch" \
	    -be hl_jb@127.0.0.1 > "$T/sftp.out" 2>&1
	rc=$?
	ran "psftp: the batch runs" $rc "$T/sftp.out"
	[ $rc -eq 0 ] || diag "server: $(tail -8 "$T/serve.log")"
	has "psftp lists /outbox" "$B"
	cmp -s "$L/psftp.csv" "$OUT/$B" && ok "psftp gets the sheet" ||
	    notok "psftp gets the sheet"
	cmp -s "$L/up.txt" "$IN/psftp.txt" && ok "psftp uploads into /inbox" ||
	    notok "psftp uploads into /inbox"
	[ ! -e "$IN/pscp.txt" ] && ok "psftp removes an upload" ||
	    notok "psftp removes an upload"
	# psftp's own attacks: out of the tree, into the outbox
	printf 'get /etc/passwd %s\nput %s /outbox/x\ncd ..\nls\nmkdir /inbox/d\nchmod 777 /inbox/psftp.txt\nren /inbox/psftp.txt /outbox/p.txt\nreput %s /inbox/psftp.txt\n' \
	    "$L/ppasswd" "$L/up.txt" "$L/up2.txt" > "$T/pbatch"
	c psftp -batch -P "$PORT" -hostkey "$FP" -pw njbt-demo -b "$T/pbatch" \
	    -be hl_jb@127.0.0.1 > "$T/sftp.out" 2>&1
	[ ! -e "$L/ppasswd" ] && [ ! -e "$OUT/x" ] && [ ! -e "$IN/d" ] &&
	    ok "psftp: /etc/passwd, a put into /outbox, mkdir refused" ||
	    { notok "psftp: /etc/passwd, a put into /outbox, mkdir refused"; sed 's/^/#   /' "$T/sftp.out"; }
	has "psftp: cd .. stays at /" "Listing directory /"
	[ "$(stat -c %a "$IN/psftp.txt")" = 600 ] && [ ! -e "$OUT/p.txt" ] &&
	    cmp -s "$L/up.txt" "$IN/psftp.txt" &&
	    ok "psftp: chmod, ren out of the inbox and reput refused" ||
	    { notok "psftp: chmod, ren out of the inbox and reput refused"; sed 's/^/#   /' "$T/sftp.out"; }
else
	for i in 1 2 3 4 5 6 7 8 9 10; do ok "# SKIP psftp not installed (putty-tools)"; done
fi

# --- attacks: each refused, nothing written -------------------------------
ln -s /etc/passwd "$OUT/planted"
mkfifo "$OUT/fifo"
truncate -s $((20 * 1024 * 1024 + 1)) "$L/big.bin"
printf 'hello inbox\nand more\n' > "$L/up2.txt"
before=$(ls -A "$IN" | sort | tr '\n' ' ')
cat > "$T/batch" <<EOF
-get ../../etc/passwd $L/a1
-get /etc/passwd $L/a2
-get /outbox/../../etc/passwd $L/a3
-put $L/up.txt /outbox/x
-put $L/up.txt ../x
-symlink /etc/passwd /inbox/l
-mkdir /inbox/d
-mkdir /d
-rename /inbox/up.txt /outbox/up.txt
-rename /inbox/up.txt ../up.txt
-chmod 777 /inbox/up.txt
-get /outbox/planted $L/a4
-get /outbox/fifo $L/a5
-get /inbox/up.txt $L/a6
-put $L/big.bin /inbox/big.bin
-reput $L/up2.txt /inbox/up.txt
-put $L/up.txt "/inbox/a$(printf '\342\200\256')txt.exe"
-put $L/up.txt "/inbox/.hidden"
-put $L/up.txt "/inbox/a\\b"
ls -la /outbox
EOF
sftp_b hl_jb
ran "attacks: the batch ran to its end" $? "$T/sftp.out"
got=$(ls "$L" | grep -c '^a[0-9]')
same "attacks: no file of the host (nor the inbox, nor a link) was fetched" 0 "$got"
[ ! -e "$OUT/x" ] && ok "put into /outbox refused" || notok "put into /outbox refused"
[ ! -e "$(dirname "$NJBT_DB")/x" ] && [ ! -e "$(dirname "$NJBT_DB")/inbox/x" ] &&
    [ ! -e "$(dirname "$NJBT_DB")/up.txt" ] &&
    ok "nothing written above the boxes" || notok "nothing written above the boxes"
[ ! -e "$IN/l" ] && [ ! -e "$IN/d" ] && ok "symlink and mkdir refused" ||
    notok "symlink and mkdir refused"
[ -f "$IN/up.txt" ] && [ ! -e "$OUT/up.txt" ] && ok "rename out of the inbox refused" ||
    notok "rename out of the inbox refused"
same "chmod refused: the mode is unchanged" 600 "$(stat -c %a "$IN/up.txt")"
has "setstat says permission denied" "Permission denied"
same "resume (reput) refused: the file is as it was" "hello inbox" "$(cat "$IN/up.txt")"
grep -q "sftp put /inbox/up.txt refused: append or resume" "$T/serve.log" &&
    ok "... the refusal is logged" || notok "... the refusal is logged"
same "the upload over the quota, a name with a bidi override, a hidden name and a backslash kept nothing (no temporary file either)" \
    "$before" "$(ls -A "$IN" | sort | tr '\n' ' ')"
grep -q "sftp put /inbox/big.bin refused: over the file quota" "$T/serve.log" &&
    ok "the refused upload is logged" || notok "the refused upload is logged"
if grep -E '^[-d]r' "$T/sftp.out" | grep -qE "planted|fifo"; then
	notok "a planted link and a fifo are not listed"; sed 's/^/#   /' "$T/sftp.out"
else ok "a planted link and a fifo are not listed"; fi
rm -f "$OUT/planted" "$OUT/fifo"

# the total quota (21 MB here): an upload that would break it is refused
# at the write that breaks it, nothing of it kept, the first one intact
truncate -s $((11 * 1024 * 1024)) "$L/t1.bin" "$L/t2.bin"
printf 'x' | dd of="$L/t2.bin" bs=1 seek=$((11 * 1024 * 1024 - 1)) conv=notrunc 2> /dev/null
printf -- '-put %s/t1.bin /inbox/t1.bin\n-put %s/t2.bin /inbox/t2.bin\nls -l /inbox\n' \
    "$L" "$L" > "$T/batch"
sftp_b hl_jb
same "the total quota: the first 11 MB upload is kept whole" $((11 * 1024 * 1024)) \
    "$(stat -c %s "$IN/t1.bin" 2> /dev/null)"
[ ! -e "$IN/t2.bin" ] && ok "... the second, breaking the inbox's total, is refused: nothing of it kept" ||
    notok "... the second, breaking the inbox's total, is refused: nothing of it kept"
same "... no temporary file is left" 0 "$(ls -A "$IN" | grep -c '^\.')"
has "... the client is told" "Permission denied"
grep -q "sftp put /inbox/t2.bin refused: over the inbox quota" "$T/serve.log" &&
    ok "... the refusal is logged" || notok "... the refusal is logged"
printf -- '-rm /inbox/t1.bin\n-put %s/t2.bin /inbox/t2.bin\n' "$L" > "$T/batch"
sftp_b hl_jb
cmp -s "$L/t2.bin" "$IN/t2.bin" && ok "... with room made, the same upload goes through" ||
    notok "... with room made, the same upload goes through"
printf -- '-rm /inbox/t2.bin\n' > "$T/batch"
sftp_b hl_jb
rm -f "$L/t1.bin" "$L/t2.bin"

# the count quota: 200 files in an inbox, the next upload refused
mkdir -p "$L/many"
i=0; while [ $i -lt 200 ]; do echo $i > "$L/many/f$i.txt"; i=$((i + 1)); done
printf -- '-put %s/many/* /inbox/\n' "$L" > "$T/batch"
sftp_b hl_jb
same "the count quota: the inbox holds 200 files at most" 200 "$(ls "$IN" | wc -l)"
same "... and no temporary file is left" 0 "$(ls -A "$IN" | grep -c '^\.')"
grep -q "refused: 200 files in the inbox" "$T/serve.log" &&
    ok "... the refusal is logged" || notok "... the refusal is logged"

# another user's outbox: hl_sh sees its own sheet only
check "print the publicity sheet for hl_sh" "$NJBT" do --as hl_sh print report=publicity
printf 'ls -l /outbox\n-get /outbox/%s %s\n-get ../hl_jb/%s %s\n' "$B" "$L/b1" \
    "$B" "$L/b2" > "$T/batch"
sftp_b hl_sh
if ! grep -E '^[-d]r' "$T/sftp.out" | grep -qF "publicity-" ||
    grep -E '^[-d]r' "$T/sftp.out" | grep -qF "$B" ||
    [ -e "$L/b1" ] || [ -e "$L/b2" ]; then
	notok "another user's outbox is not visible"; sed 's/^/#   /' "$T/sftp.out"
else ok "another user's outbox is not visible"; fi

# --- session rules: a session while open, ended when idle -----------------
# half a packet, then nothing: the session still ends when idle (libssh's
# reader would wait for the rest for ever)
ssh-keygen -q -t ed25519 -N '' -f "$T/key"
check "hl_jb gets a public key" "$NJBT" user key add hl_jb "$T/key.pub"
( printf '\000\000\000\005\001\000\000\000\003'; sleep 1; printf '\000\000'
  sleep 15 ) | timeout 20 ssh $SSHO -o LogLevel=ERROR -o BatchMode=yes \
    -o IdentitiesOnly=yes -i "$T/key" -p "$PORT" -s hl_jb@127.0.0.1 sftp \
    > "$T/half.out" 2>&1 &
HALF=$!
term i1 "sshpass -p njbt-demo sftp $SFTPO hl_sh@127.0.0.1"
shows "an interactive sftp session" i1 "sftp>"
wait_q 1 "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'hl_sh'"
same "an SFTP session counts as a session" 1 \
    "$(q "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'hl_sh'")"
# the session limit (2): a second is let in, a third refused, and told why
term i2 "sshpass -p njbt-demo sftp $SFTPO hl_sh@127.0.0.1"
shows "a second SFTP session" i2 "sftp>"
printf 'ls /\n' > "$T/batch"
sftp_b hl_sh
[ $? -ne 0 ] && ! grep -q "outbox" "$T/sftp.out" && grep -q "会话在线" "$T/sftp.out" &&
    ok "the session limit: a third SFTP session is refused, in Chinese" ||
    { notok "the session limit: a third SFTP session is refused, in Chinese"; sed 's/^/#   /' "$T/sftp.out"; }
wait_log "hl_sh 127.0.0.1 logout idle" 20 && ok "an idle SFTP session ends" ||
    notok "an idle SFTP session ends"
wait_q 0 "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'hl_sh'" 15
same "... and the session rows go" 0 \
    "$(q "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'hl_sh'")"
tm kill-session -t i1
tm kill-session -t i2
wait_log "hl_jb 127.0.0.1 logout idle" 20 &&
    ok "half an SFTP packet does not hold the session past the idle time" ||
    notok "half an SFTP packet does not hold the session past the idle time"
kill "$HALF" 2>/dev/null
wait "$HALF" 2>/dev/null

# locked while an SFTP session is open: the session ends (R-SEC-8.3)
term r1 "sshpass -p njbt-demo sftp $SFTPO hl_cz@127.0.0.1"
shows "an interactive sftp session of hl_cz" r1 "sftp>"
check "admin locks hl_cz" "$NJBT" user lock hl_cz
wait_log "hl_cz 127.0.0.1 logout revoked" 20 &&
    ok "R-SEC-8.3: locked meanwhile, the SFTP session ends" ||
    notok "R-SEC-8.3: locked meanwhile, the SFTP session ends"
tm kill-session -t r1

# a locked account gets no SFTP
printf 'ls /\n' > "$T/batch"
sftp_b hl_cz
[ $? -ne 0 ] && ! grep -q "outbox" "$T/sftp.out" && ok "a locked account gets no SFTP" ||
    { notok "a locked account gets no SFTP"; sed 's/^/#   /' "$T/sftp.out"; }

# a password the admin reset must be changed on the screens first
check "admin resets yn_jb's password" "$NJBT" user passwd yn_jb Reset-pass-2026
same "... to be changed" 1 "$(q "SELECT must_change FROM users WHERE login = 'yn_jb'")"
printf 'ls /\n' > "$T/batch"
sshpass -p Reset-pass-2026 sftp $SFTPO -b "$T/batch" yn_jb@127.0.0.1 \
    > "$T/sftp.out" 2>&1
[ $? -ne 0 ] && ! grep -q "outbox" "$T/sftp.out" &&
    ok "a password to change: no SFTP" ||
    { notok "a password to change: no SFTP"; sed 's/^/#   /' "$T/sftp.out"; }
wait_log "yn_jb 127.0.0.1 refused sftp: password to change" 5 &&
    ok "... logged" || notok "... logged"

# the register login (no password: anyone) gets no files
sftp $SFTPO -o PreferredAuthentications=none -b "$T/batch" \
    register@127.0.0.1 > "$T/sftp.out" 2>&1 < /dev/null
[ $? -ne 0 ] && ! grep -q "outbox" "$T/sftp.out" &&
    ok "the register login gets no SFTP" ||
    { notok "the register login gets no SFTP"; sed 's/^/#   /' "$T/sftp.out"; }
wait_log "register 127.0.0.1 refused sftp: register login" 5 &&
    ok "... logged" || notok "... logged"

# the server stops with an SFTP session open: the session ends
term z1 "sshpass -p njbt-demo sftp $SFTPO hl_jb@127.0.0.1"
shows "an SFTP session open as the server stops" z1 "sftp>"
serve_stop
same "server stops with status 0" 0 $?
grep -q "hl_jb 127.0.0.1 logout shutdown" "$T/serve.all" &&
    ok "... and the SFTP session ended with it" ||
    notok "... and the SFTP session ended with it"
sanitizer_clean
echo "1..$n"
