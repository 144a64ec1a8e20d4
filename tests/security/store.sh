#!/bin/sh
# store.sh: attacks on the database file by someone who holds a copy of it
# but not the key (issue 8 items 4 and 5): cutting the audit log short,
# putting back an older copy, deleting the anchor, copying one buyer's
# sealed value into another row, and changing roles, amounts, budgets
# and states with the sqlite3 shell. Each is detected by `njbt check`
# (exit 1, naming what); an untouched database passes.
. "$(dirname "$0")/../lib.sh"
# R-002-A3-2.2 R-002-A3-2.3 002 附件3 二(二)、(三): every item of the checklist;
# R-002-A3-2.3a 二(三) 双人交叉核验: a second verifier (partner)
CHECKS="check_identity=1 check_invoice=1 check_nameplate=1 check_dealer=1"
CHECKS="$CHECKS check_licence=1 check_account=1 check_promise=1"

ID1=640122198001011238
ID2=640122198002021235
ACCT1=6228480402564890018
ACCT2=6228480402564890026

# fails WHAT WANT: `njbt check` exits 1 and says WANT
fails() {
	"$NJBT" check > "$T/out" 2> "$T/err"; rc=$?
	if [ "$rc" -eq 1 ] && grep -qF -- "$2" "$T/out"; then ok "$1"
	else notok "$1"; diag "exit $rc: $(grep 异常 "$T/out" | head -c 600) $(head -c 300 "$T/err")"; fi
}
# save NAME / restore NAME: the database file as it is now (no WAL left),
# and its anchor; restore puts back the database alone, restore_all both
save() {
	q "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
	cp "$NJBT_DB" "$T/$1.db"; cp "$NJBT_DB.anchor" "$T/$1.anchor"
}
restore() { rm -f "$NJBT_DB-wal" "$NJBT_DB-shm"; cp "$T/$1.db" "$NJBT_DB"; }
restore_all() { restore "$1"; cp "$T/$1.anchor" "$NJBT_DB.anchor"; }

# --- the data, through the real actions ----------------------------------
check "init --demo" demo_db
new_app() {
	"$NJBT_FAST" do --as xg_zhen application.new buyer_type=person \
	    buyer_name="$1" id_no="$2" township=640122100 item=1.1.3 tier=03 \
	    qty=1 phone=13995011234 village=新平村 address=习岗镇新平村3队 \
	    bank_name=黄河银行 bank_account="$3" > "$T/out" 2> "$T/err"
	tail -n 1 "$T/out"
}
APP=$(new_app 张三 $ID1 $ACCT1)
APP2=$(new_app 李四 $ID2 $ACCT2)
check "application.submit" "$NJBT" do --as xg_zhen application.submit application=$APP
"$NJBT_FAST" do --as hl_sh application.approve application=$APP > "$T/out" 2> "$T/err"
NOTICE=$(tail -n 1 "$T/out")
"$NJBT_FAST" do --as fs_dealer sale.new notice=$NOTICE id_no=$ID1 serial=XG26A001 \
    price=12000 sold_on=2026-03-02 invoice_no=F1 > "$T/out" 2> "$T/err"
SALE=$(tail -n 1 "$T/out")
check "verify.pass" "$NJBT" do --as hl_jb verify.pass sale=$SALE method=office \
    $CHECKS partner=hl_sh
case "$APP$APP2$NOTICE$SALE" in
SQ640122*SQ640122*TZ640122*[0-9]) ok "journey made $APP $APP2 $NOTICE $SALE" ;;
*) notok "journey made"; diag "[$APP] [$APP2] [$NOTICE] [$SALE]" ;;
esac
check "an untouched database after a run of actions passes check" "$NJBT" check
grep -q "审计锚点：正常" "$T/out" && grep -q "安全字段校验：正常" "$T/out" &&
    grep -q "加密字段：正常" "$T/out" && ok "check reports the anchor, MACs, seals" ||
    notok "check reports the anchor, MACs, seals"
same "the anchor is beside the key, mode 600" "600" \
    "$(stat -c %a "$NJBT_DB.anchor" 2>/dev/null)"
save good

# --- R-SEC-8.4 issue 8 (4): the audit log cut short -----------------------
q "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)"
fails "the last audit row deleted is detected" "审计日志被截断"
restore good
q "DELETE FROM audit WHERE id > (SELECT max(id) - 10 FROM audit)"
fails "the last ten audit rows deleted are detected" "审计日志被截断"
restore good
q "DELETE FROM audit"
fails "all audit rows deleted are detected" "审计日志被截断"
restore good
check "the database put back passes again" "$NJBT" check

# an older copy of the whole database, with the current anchor
save old
check "one more action" "$NJBT" do --as xg_zhen application.submit application=$APP2
check "which passes" "$NJBT" check
save good
restore old
fails "an older copy of the database is detected" "旧副本"
restore good

# the anchor itself: deleted, forged
mv "$NJBT_DB.anchor" "$T/anchor.away"
fails "a deleted anchor never passes silently" "缺少审计锚点"
check "actions go on without it" "$NJBT" do --as xg_zhen user.prefs colour=0
[ ! -e "$NJBT_DB.anchor" ] && ok "an action does not make a new anchor" ||
    notok "an action does not make a new anchor"
restore good
cp "$T/anchor.away" "$NJBT_DB.anchor"
check "the anchor back, the database back: passes" "$NJBT" check
sed -i 's/^head=\([0-9]*\)/head=1\1/' "$NJBT_DB.anchor"
fails "an anchor changed without the key is refused" "校验值不符"
cp "$T/anchor.away" "$NJBT_DB.anchor"

# --- a backup verifies on its own ----------------------------------------
check "backup" "$NJBT" backup "$T/copy.db"
same "the backup has its own anchor, mode 600" "600" \
    "$(stat -c %a "$T/copy.db.anchor" 2>/dev/null)"
cp "$NJBT_DB.key" "$T/copy.db.key"
check "the backup checks against its own anchor" "$NJBT" check --db "$T/copy.db"
check "an action on the live database" "$NJBT" do --as xg_zhen user.prefs colour=1
save good
cp "$T/copy.db" "$NJBT_DB"; rm -f "$NJBT_DB-wal" "$NJBT_DB-shm"
fails "the backup restored under the live, newer anchor is detected" "旧副本"
cp "$T/copy.db.anchor" "$NJBT_DB.anchor"
check "restored with its own anchor it checks" "$NJBT" check
restore good
cp "$T/anchor.away" "$NJBT_DB.anchor"
"$NJBT" do --as xg_zhen user.prefs colour=0 > /dev/null 2>&1
check "the live database, its anchor moving on" "$NJBT" check
save good

# --- R-SEC-8.5a issue 8 (5): a sealed value copied into another row --------
B1=$(q "SELECT id FROM buyers WHERE name = '张三'")
B2=$(q "SELECT id FROM buyers WHERE name = '李四'")
q "UPDATE buyers SET account_enc = (SELECT account_enc FROM buyers WHERE id = $B1),
   account_last4 = (SELECT account_last4 FROM buyers WHERE id = $B1) WHERE id = $B2"
fails "one buyer's sealed account copied to another is detected" "购机者 id=$B2 的加密字段无法解密"
restore good
q "UPDATE buyers SET idno_enc = (SELECT idno_enc FROM buyers WHERE id = $B1) WHERE id = $B2"
"$NJBT" print application > "$T/sheet" 2> "$T/err"
grep -q "（无法解密）" "$T/sheet" && ok "the sheet shows the swapped ID as unreadable" ||
    notok "the sheet shows the swapped ID as unreadable"
grep -F -- "$ID1" "$T/sheet" | grep -q 李四 && notok "the swapped ID opens in 李四's row" ||
    ok "the swapped ID does not open in 李四's row"
restore_all good	# printing wrote an audit row: its anchor goes back too

# --- R-SEC-8.5a: a complaint's and a violation's sealed values too ----------
# (issue 13 items 2, 3: a complaint's lead and phone, a violation's party)
"$NJBT_FAST" do --as hl_jb complaint.new channel=phone about_type=person \
    about=$ID1 content=倒卖补贴机具 complainant=王五 phone=13800138000 \
    > /dev/null 2>&1
"$NJBT_FAST" do --as hl_jb complaint.new channel=phone about_type=person \
    about=$ID2 content=虚开发票 complainant=赵六 phone=13900139000 \
    > /dev/null 2>&1
"$NJBT_FAST" do --as hl_jb violation.new party_type=buyer party=$ID1 \
    level=serious facts=倒卖补贴机具 > /dev/null 2>&1
same "two complaints and a violation, sealed" "2|2|1" \
    "$(q "SELECT count(about_enc), count(phone_enc), (SELECT count(party_enc)
    FROM violations) FROM complaints")"
check "... they pass check" "$NJBT" check
save good
C1=$(q "SELECT min(id) FROM complaints")
C2=$(q "SELECT max(id) FROM complaints")
q "UPDATE complaints SET phone_enc = (SELECT phone_enc FROM complaints WHERE id = $C1)
   WHERE id = $C2"
fails "one complainant's sealed phone copied to another complaint is detected" \
    "投诉举报 id=$C2 的加密字段无法解密"
restore good
q "UPDATE complaints SET about_enc = (SELECT phone_enc FROM complaints WHERE id = $C1)
   WHERE id = $C1"
fails "a complaint's phone copied into its lead's column is detected" \
    "投诉举报 id=$C1 的加密字段无法解密"
restore good
V=$(q "SELECT id FROM violations")
q "UPDATE violations SET party_enc = (SELECT about_enc FROM complaints WHERE id = $C2)"
fails "another person's sealed ID put in a violation is detected" \
    "违规处理 id=$V 的加密字段无法解密"
restore_all good

# --- R-SEC-8.5b issue 8 (5): security columns changed without the key -------
U=$(q "SELECT id FROM users WHERE login = 'xg_zhen'")
q "UPDATE users SET role = 'admin', region = NULL WHERE id = $U"
fails "a clerk made admin with sqlite3 is detected, naming the row" "用户表 id=$U 的安全字段被篡改"
restore good
q "UPDATE users SET locked = 0, locked_until = NULL, pwhash = (SELECT pwhash FROM users WHERE login = 'xg_zhen') WHERE login = 'hl_jb'"
fails "a password hash copied is detected" "用户表 id="
restore good
q "UPDATE tiers SET central = central + 100000 WHERE id = (SELECT min(id) FROM tiers)"
fails "a tier's amount changed is detected" "补贴分档表 id="
restore good
q "UPDATE budgets SET central = central + 100000000 WHERE rowid IN (SELECT rowid FROM budgets LIMIT 1)" 2>/dev/null ||
    q "UPDATE budgets SET central = central + 100000000 WHERE (year, region) = (SELECT year, region FROM budgets LIMIT 1)"
fails "a budget changed is detected" "资金计划表 id="
restore good
q "UPDATE sales SET state = 'batched' WHERE id = $SALE"
fails "a sale's state changed is detected" "销售表 id=$SALE 的安全字段被篡改"
restore good
q "UPDATE sales SET subsidy = subsidy * 10, central = central * 10 WHERE id = $SALE"
fails "a sale's subsidy changed is detected" "销售表 id=$SALE"
restore good
q "UPDATE applications SET state = 'approved' WHERE no = '$APP2'"
fails "an application approved with sqlite3 is detected" "补贴申请表 id="
restore good
q "UPDATE dealers SET status = 'active', status_until = NULL"
q "UPDATE buyers SET banned_until = NULL"
q "UPDATE dealers SET status = 'suspended' WHERE id = 1"
fails "a dealer's suspension changed is detected" "经销商表 id=1"
restore good
q "INSERT INTO users(login, name, role, region, pwhash, created_at)
   SELECT 'mole', '鼹鼠', 'admin', NULL, pwhash, created_at FROM users WHERE pwhash IS NOT NULL LIMIT 1"
fails "a user inserted with sqlite3 is detected" "没有校验值"
restore good
q "DELETE FROM verifications WHERE sale_id = $SALE"
fails "a row deleted with sqlite3 is detected" "核验表有 1 行在 njbt 之外被删除"
restore good
# a trigger planted with sqlite3 would have njbt itself re-MAC a forged row
q "CREATE TRIGGER launder AFTER UPDATE ON users BEGIN
   UPDATE users SET role = 'admin' WHERE login = 'xg_zhen'; END"
"$NJBT" do --as xg_zhen user.prefs colour=1 > /dev/null 2>&1
fails "a planted trigger is detected" "数据库结构（表、索引、触发器）在 njbt 之外被改动"
restore_all good
check "and put back, the database passes" "$NJBT" check

# --- the server logs the anchor ---------------------------------------------
PORT=$((20000 + $$ % 20000))
"$NJBT" serve --listen 127.0.0.1:$PORT --host-key "$T/hostkey" > "$T/serve.out" 2> "$T/serve.err" &
SPID=$!
i=0
while [ $i -lt 50 ] && ! grep -q "audit anchor" "$T/serve.err" 2>/dev/null; do
	sleep 0.2; i=$((i + 1))
done
kill $SPID 2>/dev/null; wait $SPID 2>/dev/null
HEAD=$(sed -n 's/^head=//p' "$NJBT_DB.anchor")
grep -q "audit anchor head=$HEAD count=$HEAD .* mac=[0-9a-f]\{16\}" "$T/serve.err" &&
    ok "the server logs the anchor at start" ||
    { notok "the server logs the anchor at start"; diag "$(head -c 400 "$T/serve.err")"; }

