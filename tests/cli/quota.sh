#!/bin/sh
# quota.sh: issue 10 item 4 through the real binary: a county's draw by
# lot when its applications ask for more than its budget (R-004-M-4.1),
# reproducible from the public seed, recorded, printed, drawn once per
# round, never without a seed; those not drawn first in next year's
# approval queue (R-004-M-3.2b); a notice handed back (R-004-T2-3.2),
# late within 10 days of the window's end (R-004-T2-3.2b), or expired
# (R-004-T2-3.1) gives its money back at once; a used notice cannot be
# handed back. Refusals exit 1 and write nothing.
. "$(dirname "$0")/../lib.sh"

BHDR=county_code,county_name,total_wan,machinery_subtotal_wan,central_wan,provincial_wan,work_funds_wan
IDS="640122198001011000 640122198001011027 640122198001011043
64012219800101106X 640122198001011086 640122198001011107"

# apply ID NAME: a submitted application for one 2,800-yuan rotary tiller
apply() {
	a=$("$NJBT_FAST" do --as xg_zhen application.new buyer_type=person \
	    buyer_name=$2 id_no=$1 township=640122100 item=1.1.3 tier=03 \
	    qty=1 | tail -n 1)
	"$NJBT_FAST" do --as xg_zhen application.submit application=$a > /dev/null
	echo "$a"
}
committed() { q "SELECT committed_central FROM budgets WHERE year = $1 AND region = '640122'"; }

demo_db > /dev/null
# 贺兰县 2026: 12,000 yuan of central funds, for six 2,800-yuan requests
printf '%s\n640122,贺兰县,1.2,1.2,1.2,0,0\n' $BHDR > "$T/b26.csv"
check "a budget of 12,000 yuan" "$NJBT" import budget "$T/b26.csv" --year 2026
i=0
for id in $IDS; do i=$((i + 1)); apply $id 农户$i > /dev/null; done
same "six applications submitted" "6" \
    "$(q "SELECT count(*) FROM applications WHERE state = 'submitted'")"

# --- R-004-M-4.1 004 四(一): 公开摇号 -------------------------------------
sum1=$(dbsum)
refused "R-004-M-4.1 a draw without a seed is refused" "请填写：摇号种子" \
    "$NJBT" do --as hl_jb lottery.draw year=2026
refused "R-004-M-4.1 a township clerk may not draw" "无权" \
    "$NJBT" do --as xg_zhen lottery.draw year=2026 seed=1
same "R-004-M-4.1 refusals wrote nothing" "$sum1" "$(dbsum)"
cp "$NJBT_DB" "$T/copy.db"; cp "$NJBT_DB.key" "$T/copy.db.key"
[ -e "$NJBT_DB.anchor" ] && cp "$NJBT_DB.anchor" "$T/copy.db.anchor"
check "R-004-M-4.1 the county draws with seed 20260302" "$NJBT" do \
    --as hl_jb lottery.draw year=2026 seed=20260302
grep '^SQ' "$T/out" > "$T/drawn1"
same "R-004-M-4.1 four drawn: 4 x 2,800 fits 12,000, five would not" "4" \
    "$(wc -l < "$T/drawn1" | tr -d ' ')"
same "R-004-M-4.1 the key is the draw's number" "YH6401222026-01" \
    "$(tail -n 1 "$T/out")"
same "R-004-M-4.1 recorded: who, seed, candidates, drawn" \
    "640122|2026|1|20260302|6|4|hl_jb" \
    "$(q "SELECT o.county, o.year, o.round, o.seed, o.candidates, o.drawn, u.login FROM lotteries o JOIN users u ON u.id = o.by_user")"
same "R-004-M-4.1 every candidate in its drawn order" "6|4" \
    "$(q "SELECT count(*), sum(drawn) FROM lottery_entries")"
same "R-004-M-4.1 the drawn stay submitted, the others are closed" \
    "rejected|2 submitted|4" \
    "$(q "SELECT group_concat(state || '|' || n, ' ') FROM (SELECT state, count(*) n FROM applications GROUP BY state ORDER BY state)")"
check "R-004-M-4.1 the same seed on a copy taken before" "$NJBT" do \
    --db "$T/copy.db" --as hl_jb lottery.draw year=2026 seed=20260302
grep '^SQ' "$T/out" > "$T/drawn2"
same "R-004-M-4.1 a lottery with the same seed draws the same list" \
    "$(cat "$T/drawn1")" "$(cat "$T/drawn2")"
sum1=$(dbsum)
refused "R-004-M-4.1 a second draw of the round is refused" "不能重复摇号" \
    "$NJBT" do --as hl_jb lottery.draw year=2026 seed=7
same "R-004-M-4.1 ... and wrote nothing" "$sum1" "$(dbsum)"
check "R-004-M-4.1 the draw is printed" "$NJBT" print lottery --as hl_jb \
    -o "$T/lot.csv"
grep -qF "20260302" "$T/lot.csv" && grep -c "未中签" "$T/lot.csv" |
    grep -qx 2 && ok "R-004-M-4.1 the sheet has the seed and the two not drawn" ||
    notok "R-004-M-4.1 the sheet has the seed and the two not drawn"
if grep -qF "640122198001011" "$T/lot.csv"; then
	notok "R-004-M-4.1 no ID number on the sheet"
else ok "R-004-M-4.1 no ID number on the sheet"; fi

# --- notices: approve the four drawn ------------------------------------
for a in $(cat "$T/drawn1"); do
	"$NJBT" do --as hl_sh application.approve application=$a |
	    tail -n 1 >> "$T/notices"
done
same "four notices, 11,200 yuan committed" "4|1120000" \
    "$(wc -l < "$T/notices" | tr -d ' ')|$(committed 2026)"
N1=$(sed -n 1p "$T/notices"); N2=$(sed -n 2p "$T/notices")
N3=$(sed -n 3p "$T/notices"); N4=$(sed -n 4p "$T/notices")
same "the window ends on 2026-03-21" "2026-03-21" \
    "$(q "SELECT valid_to FROM notices WHERE no = '$N1'")"

# --- R-004-T2-3.2 004 附表2 三2: 交回 -------------------------------------
export NJBT_NOW=2026-03-05T10:00:00
check "R-004-T2-3.2 a notice handed back on 2026-03-05" "$NJBT" do \
    --as hl_jb notice.handback notice=$N1
same "R-004-T2-3.2 releases its 2,800 yuan at once" "840000" "$(committed 2026)"
same "R-004-T2-3.2b in time: not late" "handback|2026-03-05|0|280000" \
    "$(q "SELECT kind, on_date, late, central FROM notice_ends e JOIN notices n ON n.id = e.notice_id WHERE n.no = '$N1'")"
same "R-004-T2-3.2 the notice is returned, the application withdrawn" \
    "returned|withdrawn" \
    "$(q "SELECT n.state, a.state FROM notices n JOIN applications a ON a.id = n.app_id WHERE n.no = '$N1'")"
export NJBT_NOW=2026-03-15T10:00:00
check "R-004-T2-3.2b a hand-back on 2026-03-15, six days before the end" \
    "$NJBT" do --as hl_jb notice.handback notice=$N2
same "R-004-T2-3.2b do says it is late" "1" \
    "$(grep -c '逾期交回' "$T/out")"
same "R-004-T2-3.2b recorded as late, and released" "1|560000" \
    "$(q "SELECT late FROM notice_ends e JOIN notices n ON n.id = e.notice_id WHERE n.no = '$N2'")|$(committed 2026)"
# a used notice: the ID number of its buyer (the n-th of IDS applied n-th)
ID3= i=0
for id in $IDS; do
	a=$(q "SELECT a.no FROM notices n JOIN applications a ON a.id = n.app_id WHERE n.no = '$N3'")
	i=$((i + 1))
	[ "$a" = "SQ6401222026$(printf %05d $i)" ] && ID3=$id
done
check "a sale on the third notice" "$NJBT" do --as fs_dealer sale.new \
    notice=$N3 id_no=$ID3 serial=XG26A001 price=3000 sold_on=2026-03-14 \
    invoice_no=FPQ1
sum1=$(dbsum)
refused "R-004-T2-3.2 a hand-back of a used notice is refused" "已使用" \
    "$NJBT" do --as hl_jb notice.handback notice=$N3
refused "R-004-T2-3.2 a hand-back of a returned notice is refused" "已交回" \
    "$NJBT" do --as hl_jb notice.handback notice=$N1
refused "R-004-T2-3.2 a hand-back dated tomorrow is refused" "不能晚于今天" \
    "$NJBT" do --as hl_jb notice.handback notice=$N4 on=2026-03-16
refused "R-004-T2-3.2 another county's notice is refused" "超出您的管辖范围" \
    "$NJBT" do --as yn_jb notice.handback notice=$N4
same "R-004-T2-3.2 refusals wrote nothing" "$sum1" "$(dbsum)"

# --- R-004-T2-3.1 004 附表2 三1: a notice lapses after its window -----------
export NJBT_NOW=2026-03-21T18:00:00
check "R-004-T2-3.1 on its last day nothing lapses" "$NJBT" do --as hl_jb \
    notice.expire
same "R-004-T2-3.1 ... none" "0" "$(tail -n 1 "$T/out")"
export NJBT_NOW=2026-03-22T08:00:00
# the server lets lapsed notices expire by itself (at start and every 10
# minutes), in every county, as the console: on a copy of the database
sqlite3 "$NJBT_DB" ".backup '$T/srv.db'"
cp "$NJBT_DB.key" "$T/srv.db.key"
cp "$NJBT_DB.anchor" "$T/srv.db.anchor" 2>/dev/null
: > "$T/srv.log"
"$NJBT" serve --db "$T/srv.db" --listen 127.0.0.1:0 --host-key "$T/hk" \
    2> "$T/srv.log" &
pid=$!
i=0
while [ $i -lt 300 ] && ! grep -q "确认通知书逾期失效" "$T/srv.log"; do
	kill -0 $pid 2>/dev/null || break
	sleep 0.05; i=$((i + 1))
done
kill -TERM $pid 2>/dev/null
wait $pid 2>/dev/null
grep -q "确认通知书逾期失效：1 份" "$T/srv.log" &&
    ok "R-004-T2-3.1 njbt serve lets the lapsed notice expire by itself" ||
    { notok "R-004-T2-3.1 njbt serve lets the lapsed notice expire by itself"
      diag "$(head -c 600 "$T/srv.log")"; }
same "R-004-T2-3.1 ... and releases its money at once" "280000|cancelled" \
    "$(sqlite3 "$T/srv.db" "SELECT (SELECT committed_central FROM budgets WHERE year = 2026 AND region = '640122') || '|' || (SELECT state FROM notices WHERE no = '$N4')")"
check "R-004-T2-3.1 the day after, notice.expire" "$NJBT" do --as hl_jb \
    notice.expire
same "R-004-T2-3.1 names the lapsed notice" "$N4|1" \
    "$(tr '\n' '|' < "$T/out" | sed 's/|$//')"
same "R-004-T2-3.1 released at once: only the sale's 2,800 stays" \
    "280000" "$(committed 2026)"
same "R-004-T2-3.1 recorded as expired, notice and application void" \
    "expired|2026-03-22|cancelled|cancelled" \
    "$(q "SELECT e.kind, e.on_date, n.state, a.state FROM notice_ends e JOIN notices n ON n.id = e.notice_id JOIN applications a ON a.id = n.app_id WHERE n.no = '$N4'")"
a=$(q "SELECT a.no FROM notices n JOIN applications a ON a.id = n.app_id WHERE n.no = '$N4'")
ID4= i=0
for id in $IDS; do
	i=$((i + 1))
	[ "$a" = "SQ6401222026$(printf %05d $i)" ] && ID4=$id
done
sum1=$(dbsum)
refused "R-004-T2-3.1 the lapsed notice buys nothing" "已交回或作废" \
    "$NJBT" do --as fs_dealer sale.new notice=$N4 id_no=$ID4 \
    serial=XG26A002 price=3000 sold_on=2026-03-20 invoice_no=FPQ2
same "R-004-T2-3.1 ... and wrote nothing" "$sum1" "$(dbsum)"
check "the database checks" "$NJBT" check

# --- R-004-M-3.2b 004 三(二): next year, those not drawn come first --------
export NJBT_NOW=2027-02-01T09:00:00
printf '%s\n%s\n' "year,class_code,class_name,subclass_code,subclass_name,item_code,item_name,tier_code,tier_name,subsidy" \
    "2027,1,耕整地机械,1.1,耕地机械,1.1.3,旋耕机,03,2米及以上,2800" > "$T/c27.csv"
printf '%s\n640122,贺兰县,1.2,1.2,1.2,0,0\n' $BHDR > "$T/b27.csv"
check "2027: the programme" "$NJBT" do --as admin program.set year=2027
check "2027: the catalogue" "$NJBT" import catalog "$T/c27.csv"
check "2027: the budget" "$NJBT" import budget "$T/b27.csv" --year 2027
NEW=$(apply 640122198001011123 新户)
NOTDRAWN=$(q "SELECT group_concat(b.id) FROM lottery_entries e JOIN buyers b ON b.id = e.buyer_id WHERE e.drawn = 0")
i=0
for id in $IDS; do i=$((i + 1)); apply $id 农户$i > /dev/null; done
FIRST=$("$NJBT" list approve_queue --as hl_sh | sed -n '2,3p' | cut -f 1)
same "R-004-M-3.2b the two not drawn in 2026 head the 2027 queue" \
    "$(q "SELECT group_concat(a.no, ' ') FROM applications a WHERE a.year = 2027 AND a.buyer_id IN ($NOTDRAWN) ORDER BY a.id")" \
    "$(echo $FIRST)"
same "R-004-M-3.2b the new applicant entered first comes after them" \
    "$NEW" "$("$NJBT" list approve_queue --as hl_sh | sed -n 4p | cut -f 1)"


# --- R-004-T2-3.2b: application.withdraw of an approved one is a hand-back
check "R-004-T2-3.2b approve the new applicant's" "$NJBT" do --as hl_sh \
    application.approve application=$NEW
N5=$(tail -n 1 "$T/out")
export NJBT_NOW=2027-02-15T09:00:00
check "R-004-T2-3.2b withdrawn five days before the window's end" \
    "$NJBT" do --as hl_jb application.withdraw application=$NEW reason=放弃购机
same "R-004-T2-3.2b recorded as a late hand-back, released" \
    "handback|2027-02-15|1|0" \
    "$(q "SELECT e.kind, e.on_date, e.late, (SELECT committed_central FROM budgets WHERE year = 2027 AND region = '640122') FROM notice_ends e JOIN notices n ON n.id = e.notice_id WHERE n.no = '$N5'")"

echo "1..$n"
