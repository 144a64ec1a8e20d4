#!/bin/sh
# batch.sh: the batch commands of the contract, through the real binary:
# init, do, actions, import, user, check, backup. Exit codes (0 done, 1
# refused with the reason on stderr and nothing written, 2 usage), output
# (keys one per line, the created one last) and what lands in the file.
. "$(dirname "$0")/../lib.sh"
DATA="$(cd "$(dirname "$0")/../data" && pwd)"

# --- init ---------------------------------------------------------------
check "init creates the database" "$NJBT" init
grep -q "已创建数据库" "$T/out" && ok "init says it created it" || notok "init says it created it"
same "key file mode 0600" "600" "$(stat -c %a "$NJBT_DB.key")"
same "database mode 0600" "600" "$(stat -c %a "$NJBT_DB")"
same "WAL journal" "wal" "$(q 'PRAGMA journal_mode')"
# the latest version is the number of the newest migration file
LATEST=$(ls "$(dirname "$0")/../../db/migrations" | sed -n 's/^0*\([0-9][0-9]*\)-.*/\1/p' | sort -n | tail -1)
same "schema version" "$LATEST" "$(q 'PRAGMA user_version')"
check "init again is harmless" "$NJBT" init
grep -q "已是最新版本" "$T/out" && ok "init again says up to date" || notok "init again says up to date"
same "the register login exists" "register|register" \
    "$(q "SELECT login, role FROM users WHERE pwhash IS NULL")"

# --- import: the seed's files as they are -------------------------------
refused "budget before regions names the region" "第 2 行第 1 列（county_code）" \
    "$NJBT" import budget "$DATA/budget-ningxia-2014.csv" --year 2014
check "import regions" "$NJBT" import regions "$(dirname "$0")/../../db/demo/regions.csv"
check "import the Ningxia catalogue as it is" "$NJBT" import catalog \
    "$DATA/catalog-ningxia-2014.csv" --year 2014
same "94 rows reported" "94" "$(cat "$T/out")"
same "11 classes, 31 subclasses, 94 items" "11 31 94" \
    "$(q "SELECT (SELECT count(*) FROM catalog_classes WHERE year=2014) || ' ' || (SELECT count(*) FROM catalog_subclasses WHERE year=2014) || ' ' || (SELECT count(*) FROM catalog_items WHERE year=2014)")"
refused "catalogue without a year" "缺少年度" \
    "$NJBT" import catalog "$DATA/catalog-ningxia-2014.csv"
check "import the Ningxia budget as it is" "$NJBT" import budget \
    "$DATA/budget-ningxia-2014.csv" --year 2014
same "budget totals central/provincial/work (fen)" "17000000000|1070000000|230000000" \
    "$(q "SELECT sum(central), sum(provincial), sum(work_funds) FROM budgets WHERE year=2014")"

printf 'code,name,level,parent,colour\n640999,某县,county,640100,red\n' > "$T/bad.csv"
refused "unknown column named with its place" "第 1 行第 5 列：未知的列名“colour”" \
    "$NJBT" import regions "$T/bad.csv"
printf 'code,name,level,parent\n640998,某县,county\n' > "$T/short.csv"
refused "short row named" "第 2 行：有 3 列，表头有 4 列" "$NJBT" import regions "$T/short.csv"
printf 'code,name,level,parent\n640997,\325\305\310\375,county,640100\n' > "$T/gbk.csv"
refused "invalid UTF-8 named" "第 2 行第 8 个字符：不是有效的 UTF-8" \
    "$NJBT" import regions "$T/gbk.csv"
printf 'code,name,level,parent\n640196,甲县,county,640100\n640195,乙县,county,649999\n' > "$T/half.csv"
sum1=$(dbsum)
refused "a bad row refuses the file" "第 3 行第 4 列（parent）" "$NJBT" import regions "$T/half.csv"
same "nothing of a bad file is stored" "$sum1" "$(dbsum)"
printf '\357\273\277code,name,level,parent\n640194,丙县,county,640100\n' > "$T/bom.csv"
check "a BOM is accepted" "$NJBT" import regions "$T/bom.csv"
"$NJBT" import towns "$T/bom.csv" 2> "$T/err"
same "unknown import kind is a usage error (2)" "2" "$?"

# --- users ---------------------------------------------------------------
check "console adds an admin" "$NJBT" user add login=sheng name=张三 role=admin \
    region=640000 password=first-pass-1
same "user add prints the login" "sheng" "$(cat "$T/out")"
check "console adds a county clerk with a random password" "$NJBT" user add \
    login=hl_a name=李四 role=county region=640122
grep -q "^初始密码：" "$T/out" && ok "the random password is printed once" \
    || notok "the random password is printed once"
same "imported/added users must change their password" "1" \
    "$(q "SELECT must_change FROM users WHERE login='hl_a'")"
refused "a county user needs a county region" "不是县级行政区划" "$NJBT" user add \
    login=hl_b name=王五 role=county region=640100 password=abcdefgh1
check "lock" "$NJBT" user lock hl_a 离岗
same "locked" "1" "$(q "SELECT locked FROM users WHERE login='hl_a'")"
refused "a locked user cannot act" "已被锁定" "$NJBT" do --as hl_a program.set year=2026
check "unlock" "$NJBT" user unlock hl_a
check "passwd sets a password" "$NJBT" user passwd hl_a new-pass-123
check "list" "$NJBT" user list
grep -q "^hl_a	李四	县级农机部门	贺兰县" "$T/out" && ok "list shows the user" || notok "list shows the user"
printf 'login,name,role,region,org,password\nxz1,赵六,township,640122100,,pass-word-1\nxz2,钱七,township,640122999,,pass-word-2\n' > "$T/users.csv"
refused "a bad user row refuses the file, naming the column" "第 3 行第 4 列（region）" \
    "$NJBT" import users "$T/users.csv"
same "no user of the bad file stored" "0" "$(q "SELECT count(*) FROM users WHERE login='xz1'")"

# --- do -------------------------------------------------------------------
check "program.set as admin" "$NJBT" do --as sheng program.set year=2014 flow=buy-first
same "do prints the key" "2014" "$(cat "$T/out")"
sum1=$(dbsum)
refused "a rule refusal exits 1 with the reason" "财政抽查比例不得低于 10%" \
    "$NJBT" do --as sheng program.set year=2014 finance_sample=0.05
same "a refusal writes nothing" "$sum1" "$(dbsum)"
"$NJBT" do --as sheng no.such.action > /dev/null 2>&1
same "unknown action is a usage error (2)" "2" "$?"
"$NJBT" do --as sheng program.set year 2>/dev/null
same "an argument without = is a usage error (2)" "2" "$?"
"$NJBT" do program.set year=2014 2>/dev/null
same "do without --as is a usage error (2)" "2" "$?"
refused "unknown login" "未知的用户" "$NJBT" do --as nobody program.set year=2014

# --- actions --------------------------------------------------------------
check "actions lists every action" "$NJBT" actions
grep -q "^supply.new	供货（单台）	maker" "$T/out" && ok "supply.new listed" || notok "supply.new listed"
grep -q "^	serial	text	required	出厂编号" "$T/out" && ok "fields listed" || notok "fields listed"
check "actions --as a county clerk" "$NJBT" actions --as hl_a
if grep -q "^supply.new" "$T/out"; then notok "only what the user may run"; else ok "only what the user may run"; fi

# --- check and backup ----------------------------------------------------
check "check passes" "$NJBT" check
grep -q "审计日志：正常" "$T/out" && ok "audit chain reported intact" || notok "audit chain reported intact"
check "backup" "$NJBT" backup "$T/copy.db"
same "backup holds the same users" "$(q 'SELECT count(*) FROM users')" \
    "$(sqlite3 "$T/copy.db" 'SELECT count(*) FROM users')"
cp "$NJBT_DB.key" "$T/copy.db.key"
check "the backup opens with the key and checks" "$NJBT" check --db "$T/copy.db"
sqlite3 "$NJBT_DB" "UPDATE audit SET detail = 'forged' WHERE id = 2"
"$NJBT" check > "$T/out" 2>&1
same "a forged audit row fails check" "1" "$?"
grep -q "审计日志：异常" "$T/out" && ok "check names the broken chain" || notok "check names the broken chain"

# --- private data at rest ---------------------------------------------------
rm -f "$NJBT_DB" "$NJBT_DB".*
check "demo" "$NJBT" init --demo
if strings "$NJBT_DB" "$NJBT_DB-wal" 2>/dev/null | grep -q 13995012345; then
	notok "no phone number in the database file"
else ok "no phone number in the database file"; fi
mv "$NJBT_DB.key" "$T/key.away"
refused "a missing key file is a clear error" "找不到密钥文件" "$NJBT" user list
mv "$T/key.away" "$NJBT_DB.key"
refused "init --demo refuses a database with data" "已有数据" "$NJBT" init --demo --db "$T/copy.db"

# --- upgrade in place --------------------------------------------------------
rm -f "$NJBT_DB" "$NJBT_DB".*
NJBT_MIGRATE_TO=1 "$NJBT" init > /dev/null
same "an old database at version 1" "1" "$(q 'PRAGMA user_version')"
refused "other commands ask for the upgrade" "请运行 njbt init" "$NJBT" user list
q "INSERT INTO regions VALUES ('640000', '宁夏', 'province', NULL);
   INSERT INTO makers(name, uscc, created_at) VALUES ('m', '91640100MA76E5B13Q', 'x');
   INSERT INTO dealers(name, uscc, legal_rep, address, created_at) VALUES ('d', '91640122MA76F2K349', 'l', 'a', 'x');
   INSERT INTO catalog_classes VALUES (2026, '1', 'c');
   INSERT INTO catalog_subclasses VALUES (2026, '1.1', '1', 's');
   INSERT INTO catalog_items VALUES (2026, '1.1.1', '1.1', 'i', '');
   INSERT INTO tiers(year, item_code, code, name, central) VALUES (2026, '1.1.1', '01', 't', 100000);
   INSERT INTO products(maker_id, tier_id, model, name, created_at) VALUES (1, 1, 'M1', 'p', 'x');
   INSERT INTO machines(product_id, serial, engine_no, dealer_id, supplied_at) VALUES (1, 'S1', 'ab-12 3', 1, 'x');"
check "init upgrades in place" "$NJBT" init
grep -q "已升级数据库.*版本 1 -> $LATEST" "$T/out" && ok "init reports 1 -> $LATEST" || notok "init reports 1 -> $LATEST"
same "data kept and transformed (engine_norm)" "S1|AB123" "$(q 'SELECT serial, engine_norm FROM machines')"
check "the upgraded database checks" "$NJBT" check
