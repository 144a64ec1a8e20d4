#!/bin/sh
# supervise.sh: issue 13's whole chain of supervision in one run, through
# the real binary: a complaint against a dealer is registered (R-003-A2-
# 13.1a), investigated and the dealer frozen by the province (R-003-A2-
# 13.2: its sale refused, naming the complaint), the interview and its time
# limit (R-003-A2-13.3b), a violation recorded from the complaint, the
# complaint decided founded with it (R-003-A2-13.4: the freeze lifted),
# the violation decided as a 3-month suspension (R-003-A2-8a: the sale and
# the supply refused until its last day), the six months after it let pass
# (R-003-A2-11a: refused, 不予恢复), the written request made in time
# recorded by the province (violation.restore), and the dealer supplied
# again. Each refusal writes nothing.
. "$(dirname "$0")/../lib.sh"

FS=91640122MA76F2K349		# 贺兰县丰收农机销售有限公司 (hl_jb's county)
ID1=640122198001011238
at() { d=$1; shift; NJBT_NOW=${d}T09:30:00 "$@"; }

check "init --demo" demo_db
check "a buyer with a notice" buyer_notice $ID1

# --- the complaint, the freeze, the interview ---------------------------
check "R-003-A2-13.1a the county registers a complaint" "$NJBT" do \
    --as hl_jb complaint.new channel=phone about_type=dealer about=$FS \
    content=加价销售补贴机具 complainant=张三 phone=13800138000
TS=$(cat "$T/out")
check "R-003-A2-13.2 the county investigates" "$NJBT" do --as hl_jb \
    complaint.investigate complaint=$TS findings=经查加价500元
check "R-003-A2-13.2 the province freezes the dealer" "$NJBT" do \
    --as admin complaint.investigate complaint=$TS findings=嫌疑较大 freeze=1
sum=$(dbsum)
refused "R-003-A2-13.2 the frozen dealer's sale is refused" "因投诉 $TS" \
    "$NJBT" do --as fs_dealer sale.new notice=$NOTICE \
    id_no=$ID1 serial=XG26A001 price=12000 sold_on=2026-03-02 \
    invoice_no=12345678
same "... nothing written" "$sum" "$(dbsum)"
check "R-003-A2-13.3a the interview, a week's time limit" "$NJBT" do \
    --as hl_jb complaint.interview complaint=$TS held_on=2026-03-02 \
    deadline=2026-03-09

# --- the violation, the decision, the suspension -------------------------
check "R-003-A2-5 the violation found, from the complaint" at 2026-03-10 \
    "$NJBT" do --as admin violation.new party_type=dealer party=$FS \
    level=minor facts=加价销售补贴机具 complaint=$TS
WG=$(cat "$T/out")
check "R-003-A2-13.3b silence after the limit: decided founded" \
    at 2026-03-10 "$NJBT" do --as hl_jb complaint.decide complaint=$TS \
    result=founded violation=$WG note=责令整改
same "R-003-A2-13.4 ... the freeze lifted" "decided|0" \
    "$(q "SELECT state, frozen FROM complaints WHERE no = '$TS'")"
sum=$(dbsum)
refused "R-003-A2-8a a minor suspension of 2 months is refused" "3 至 12" \
    at 2026-03-10 "$NJBT" do --as admin violation.decide violation=$WG \
    measure=suspend months=2
same "... nothing written" "$sum" "$(dbsum)"
check "R-003-A2-8a suspended 3 months" at 2026-03-10 "$NJBT" do --as admin \
    violation.decide violation=$WG measure=suspend months=3
sum=$(dbsum)
refused "R-003-A2-8a the suspended dealer's sale is refused, until when" \
    "暂停至 2026-06-09" at 2026-03-10 "$NJBT" do --as fs_dealer sale.new \
    notice=$NOTICE id_no=$ID1 serial=XG26A001 price=12000 \
    sold_on=2026-03-10 invoice_no=12345678
refused "R-003-A2-8a ... and supply to it" "暂停至 2026-06-09" \
    at 2026-03-10 "$NJBT" do --as ss_maker supply.new dealer=$FS \
    model=1GQN-200 serial=XG26Z101
same "... nothing written" "$sum" "$(dbsum)"
check "the dealer's record view" at 2026-03-10 "$NJBT" show dealer $FS \
    --as admin
same "... links the violation and the complaint, flags the suspension" \
    "1|1|1" "$(grep -c "^相关	violation	$WG" "$T/out")|$(grep -c \
    "^相关	complaint	$TS" "$T/out")|$(grep -c "^异常	暂停补贴资格 $WG" \
    "$T/out")"

# --- the lapse, the restore ----------------------------------------------
refused "R-003-A2-11a six months after the end without a request: refused" \
    "不予恢复" at 2026-12-20 "$NJBT" do --as ss_maker supply.new \
    dealer=$FS model=1GQN-200 serial=XG26Z102
refused "R-003-A2-11a a request made 6 months and 6 days after the end" \
    "已逾期" at 2026-12-20 "$NJBT" do --as admin violation.restore \
    violation=$WG requested_on=2026-12-15
check "R-003-A2-11a the request made in time, restored" at 2026-12-20 \
    "$NJBT" do --as admin violation.restore violation=$WG \
    requested_on=2026-07-01
check "R-003-A2-11a the restored dealer is supplied again" at 2026-12-20 \
    "$NJBT" do --as ss_maker supply.new dealer=$FS model=1GQN-200 \
    serial=XG26Z102
same "... the violation restored" "restored" \
    "$(q "SELECT state FROM violations WHERE no = '$WG'")"
check "the audit chain holds" "$NJBT" check

echo "1..$n"
