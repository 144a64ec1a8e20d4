#!/bin/sh
# complaint.sh: issue 13 item 3, complaints (投诉举报; 003 附件2 第十三条)
# through the real binary: a county registers a named complaint against a
# dealer (R-003-A2-13.1a), the province investigates it and freezes the
# dealer (R-003-A2-13.2): supply to it and its sales are refused naming
# the complaint; the interview and its time limit (R-003-A2-13.3a,
# R-003-A2-13.3b); the decision with a violation number lifts the freeze
# (R-003-A2-13.4) and is published without private data; an anonymous
# complaint declined (R-003-A2-13.1b); nothing deleted (R-003-A2-13.5);
# a freeze lifted outside njbt fails `njbt check` (R-SEC-8.5b).
# The attacks: a clerk of another county, a dealer, the city out of its
# region, a decision before the investigation; each refused writes
# nothing.
. "$(dirname "$0")/../lib.sh"

FS=91640122MA76F2K349		# 贺兰县丰收农机销售有限公司 (hl_jb's county)
JS=91640104MA77H8C58B		# 银川市金穗农机经销部
ID1=640122198001011238

check "init --demo" demo_db

# --- R-003-A2-13.1a 受理登记: named, in the clerk's county ---------------
check "R-003-A2-13.1a hl_jb registers a named complaint" "$NJBT" do \
    --as hl_jb complaint.new channel=phone about_type=dealer about=$FS \
    content=加价销售补贴机具 complainant=张三 phone=13800138000
same "R-003-A2-13.1a its number is TS + 6 digits" "TS000001" "$(cat "$T/out")"
same "R-003-A2-13.1a in 贺兰县, registered" "640122|registered|$FS" \
    "$(q "SELECT region, state, about FROM complaints WHERE no = 'TS000001'")"
same "R-003-A2-13.1a the phone is sealed, its last four kept" "0|8000" \
    "$(q "SELECT instr(CAST(phone_enc AS TEXT), '13800138000'), phone_last4
    FROM complaints")"
check "R-003-A2-13.1a the county's list" "$NJBT" list complaints --as hl_jb
same "R-003-A2-13.1a listed, phone masked, complainant not named" \
    "1|0|1|0" "$(grep -c 'TS000001.*已登记' "$T/out")|$(grep -c 13800138000 \
    "$T/out")|$(grep -c '\*\*\*8000' "$T/out")|$(grep -c 张三 "$T/out")"
check "R-003-A2-13.1a the record view names the complainant" "$NJBT" show \
    complaint TS000001 --as hl_jb
same "R-003-A2-13.1a ... and masks the phone" "1|0" \
    "$(grep -c '投诉人.*张三' "$T/out")|$(grep -c 13800138000 "$T/out")"
check "R-003-A2-13.1a the city registers in its own region" "$NJBT" do \
    --as yc_city complaint.new channel=visit about_type=product \
    about=SS-904 content=铭牌不规范
same "R-003-A2-13.1a ... the city's" "640100" \
    "$(q "SELECT region FROM complaints WHERE no = 'TS000002'")"
refused "a maker is no dealer" "经销商" "$NJBT" do --as hl_jb \
    complaint.new channel=phone about_type=dealer \
    about=91640100MA76E5B13Q content=x

# --- attacks: another county, a dealer, a decision before investigation --
sum=$(dbsum)
refused "R-SEC-9.5 another county's clerk cannot investigate it" \
    "没有此投诉" "$NJBT" do --as yn_jb complaint.investigate \
    complaint=TS000001 findings=查无此事
refused "R-SEC-9.5 ... nor decide it" "没有此投诉" "$NJBT" do --as yn_sh \
    complaint.decide complaint=TS000001 result=unfounded
refused "R-SEC-9.5 ... nor open it" "" "$NJBT" show complaint TS000001 \
    --as yn_jb
check "R-SEC-9.5 another county's list" "$NJBT" list complaints --as yn_jb
same "R-SEC-9.5 ... does not show it" "0" "$(grep -c TS00000 "$T/out")"
refused "a dealer cannot register complaints" "" "$NJBT" do --as fs_dealer \
    complaint.new channel=phone about_type=dealer about=$JS content=x
refused "a dealer cannot list them" "无权" "$NJBT" list complaints \
    --as fs_dealer
refused "R-003-A2-13.4 a complaint decided before it was investigated" \
    "处理决定须在调查核实之后作出" "$NJBT" do --as hl_jb complaint.decide \
    complaint=TS000001 result=unfounded
refused "R-003-A2-13.2 the county cannot freeze" "先行封闭由自治区" \
    "$NJBT" do --as hl_jb complaint.investigate complaint=TS000001 \
    findings=属实 freeze=1
refused "R-003-A2-13.1b a named complaint cannot be declined" "实名投诉" \
    "$NJBT" do --as hl_jb complaint.decline complaint=TS000001 reason=无线索
refused "R-003-A2-13.3a no interview before the investigation" \
    "约谈须在调查核实之后" "$NJBT" do --as hl_jb complaint.interview \
    complaint=TS000001 held_on=2026-03-02 deadline=2026-03-09
same "the refused actions wrote nothing" "$sum" "$(dbsum)"

# --- R-003-A2-13.2 调查核实 and the province's freeze ---------------------
check "R-003-A2-13.2 the county investigates" "$NJBT" do --as hl_jb \
    complaint.investigate complaint=TS000001 findings=经查加价500元
check "R-003-A2-13.2 the province freezes the dealer" "$NJBT" do \
    --as admin complaint.investigate complaint=TS000001 \
    findings=违规嫌疑较大 freeze=1
same "R-003-A2-13.2 frozen, both findings kept" "1|investigating|2" \
    "$(q "SELECT frozen, state, length(findings) - length(replace(findings,
    char(10), '')) + 1 FROM complaints WHERE no = 'TS000001'")"
sum=$(dbsum)
refused "R-003-A2-13.2 no new supply to the frozen dealer, naming it" \
    "因投诉 TS000001 调查" "$NJBT" do --as ss_maker supply.new dealer=$FS \
    model=1GQN-200 serial=XG26Z001
refused "R-003-A2-13.2 ... nor in bulk" "TS000001" "$NJBT" do \
    --as ss_maker supply.bulk dealer=$FS model=1GQN-200 serials=XG26Z002
check "a buyer with a notice" buyer_notice $ID1
sum=$(dbsum)
refused "R-003-A2-13.2 no new sale by the frozen dealer, naming it" \
    "因投诉 TS000001 调查" "$NJBT" do --as fs_dealer sale.new \
    notice=TZ640122202600001 id_no=$ID1 serial=XG26A001 price=12000 \
    sold_on=2026-03-02 invoice_no=12345678
same "R-003-A2-13.2 the refused supply and sale wrote nothing" "$sum" \
    "$(dbsum)"
check "R-003-A2-13.2 another dealer is not frozen" "$NJBT" do \
    --as ss_maker supply.new dealer=$JS model=1GQN-200 serial=XG26Z003
check "R-003-A2-13.2 the list marks the freeze" "$NJBT" list complaints \
    --as admin
same "R-003-A2-13.2 ... 封闭中" "1" "$(grep -c 'TS000001.*封闭中' "$T/out")"
check "R-003-A2-13.2 the dealer's record view" "$NJBT" show dealer $FS \
    --as admin
same "R-003-A2-13.2 ... flags the freeze, no open complaint linked" "1|0" \
    "$(grep -c '^异常	先行封闭 TS000001' "$T/out")|$(grep -c \
    '^相关	complaint' "$T/out")"

# --- R-003-A2-13.3 约谈告知 and its time limit ----------------------------
refused "R-003-A2-13.3b founded needs the interview first" "尚未约谈告知" \
    "$NJBT" do --as hl_jb complaint.decide complaint=TS000001 result=founded
refused "R-003-A2-13.3a the limit after the interview" "应晚于约谈日期" \
    "$NJBT" do --as hl_jb complaint.interview complaint=TS000001 \
    held_on=2026-03-02 deadline=2026-03-01
check "R-003-A2-13.3a the interview, 7 days to answer" "$NJBT" do \
    --as hl_jb complaint.interview complaint=TS000001 held_on=2026-03-02 \
    deadline=2026-03-09
check "R-003-A2-13.3a the list shows the limit" "$NJBT" list complaints \
    --as hl_jb
same "R-003-A2-13.3a ... open first, with its limit" "TS000001" \
    "$(sed -n 2p "$T/out" | grep -o 'TS000001.*2026-03-09' | cut -f1)"
sum=$(dbsum)
refused "R-003-A2-13.3b before the limit, no reply: refused" "未满" \
    "$NJBT" do --as hl_jb complaint.decide complaint=TS000001 result=founded
same "R-003-A2-13.3b nothing written" "$sum" "$(dbsum)"

# --- R-003-A2-13.4 处理通报, with a violation -----------------------------
# the violation the investigation found (violation.new, issue 13 item 2)
WG=$("$NJBT_FAST" do --as admin violation.new party_type=dealer party=$FS \
    level=minor facts=加价销售 complaint=TS000001 2>/dev/null)
VID=$(echo "$WG" | sed 's/^WG0*//')
export NJBT_NOW=2026-03-10T09:00:00
refused "R-003-A2-13.4 an unknown violation number" "没有此违规记录" \
    "$NJBT" do --as hl_jb complaint.decide complaint=TS000001 \
    result=founded violation=WG000099
refused "R-003-A2-13.4 a malformed violation number" "WG 加 6 位数字" \
    "$NJBT" do --as hl_jb complaint.decide complaint=TS000001 \
    result=founded violation=WG7
check "R-003-A2-13.3b after the limit silence is no objection" "$NJBT" do \
    --say --as hl_jb complaint.decide complaint=TS000001 result=founded \
    violation=$WG note=责令整改并通报
same "R-003-A2-13.3b ... said so" "1" "$(grep -c 视同无异议 "$T/out")"
same "R-003-A2-13.4 decided, the freeze lifted" "decided|founded|$VID|0|1" \
    "$(q "SELECT state, result, violation_id, frozen, lifted_at IS NOT NULL
    FROM complaints WHERE no = 'TS000001'")"
check "R-003-A2-13.4 the dealer's record view" "$NJBT" show dealer $FS \
    --as hl_jb
same "R-003-A2-13.4 ... links the decided complaint, no freeze" "1|0" \
    "$(grep -c '^相关	complaint	TS000001	TS000001 已处理 属实' "$T/out")|$(grep \
    -c '先行封闭' "$T/out")"
check "R-003-A2-13.4 supply to the dealer again" "$NJBT" do --as ss_maker \
    supply.new dealer=$FS model=1GQN-200 serial=XG26Z001
check "R-003-A2-13.4 and its sale" "$NJBT" do --as fs_dealer sale.new \
    notice=TZ640122202600001 id_no=$ID1 serial=XG26A001 price=12000 \
    sold_on=2026-03-10 invoice_no=12345678
refused "R-003-A2-13.4 decided once" "已处理" "$NJBT" do --as hl_jb \
    complaint.decide complaint=TS000001 result=unfounded
check "R-003-A2-13.4 the 处理通报" "$NJBT" print complaints --as admin \
    -o "$T/tb.csv"
same "R-003-A2-13.4 ... names the complaint, dealer, result, violation" "1" \
    "$(grep -c "TS000001.*贺兰县丰收农机销售有限公司.*投诉属实.*$WG" \
    "$T/tb.csv")"
same "R-003-A2-13.4 ... with no private data" "0|0|0" \
    "$(grep -c 张三 "$T/tb.csv")|$(grep -c 8000 "$T/tb.csv")|$(grep -c \
    TS000002 "$T/tb.csv")"
check "R-003-A2-13.4 the 处理通报 as xlsx" "$NJBT" print complaints \
    --as admin -o "$T/tb.xlsx"
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import openpyxl' 2> /dev/null; then PY=$p; break; fi
done
if [ -n "$PY" ] && "$PY" "$(dirname "$0")/../tools/xlsx-read.py" \
    "$T/tb.xlsx" > /dev/null 2>&1; then
	same "R-003-A2-13.4 ... its title and the decision" "1|1|0" \
	    "$(grep -c '^投诉举报处理通报' "$T/tb.xlsx.txt")|$(grep -c \
	    "TS000001,贺兰县,.*$WG" "$T/tb.xlsx.txt")|$(grep -c 张三 \
	    "$T/tb.xlsx.txt")"
else
	ok "# SKIP no python3 with openpyxl to read the xlsx back"
fi
check "R-003-A2-13.4 another county prints its own only" "$NJBT" print \
    complaints --as yn_jb -o "$T/yn.csv"
same "R-003-A2-13.4 ... not 贺兰县's" "0" "$(grep -c TS000001 "$T/yn.csv")"

# --- R-003-A2-13.1b an anonymous complaint without a lead ----------------
check "R-003-A2-13.1b an anonymous complaint about a person" "$NJBT" do \
    --as yn_jb complaint.new channel=web about_type=person about=$ID1 \
    content=听说有人骗补
same "R-003-A2-13.1b the ID number sealed" "TS000003|0|1238" \
    "$(q "SELECT no, instr(CAST(about_enc AS TEXT), '$ID1'), about_last4
    FROM complaints WHERE about IS NULL")"
refused "R-003-A2-13.2 a person cannot be frozen" "产品或企业" "$NJBT" do \
    --as admin complaint.investigate complaint=TS000003 findings=x freeze=1
check "R-003-A2-13.1b declined with a reason" "$NJBT" do --as yn_jb \
    complaint.decline complaint=TS000003 reason=匿名且无具体线索
same "R-003-A2-13.1b declined, kept" "declined|匿名且无具体线索" \
    "$(q "SELECT state, reason FROM complaints WHERE no = 'TS000003'")"
refused "R-003-A2-13.1b a declined complaint is not investigated" "不予登记" \
    "$NJBT" do --as yn_jb complaint.investigate complaint=TS000003 findings=x

# --- R-003-A2-13.2 a maker's freeze, a product's; the province's own -----
SS=91640100MA76E5B13Q		# 宁夏塞上农业机械有限公司, the maker
check "R-003-A2-13.1a the province registers one about the maker" \
    "$NJBT" do --as admin complaint.new channel=letter about_type=maker \
    about=$SS content=降低配置
same "R-003-A2-13.1a ... in the province's region" "TS000004|640000" \
    "$(q "SELECT no, region FROM complaints WHERE about = '$SS'")"
check "R-SEC-9.5 the city's list" "$NJBT" list complaints --as yc_city
same "R-SEC-9.5 ... has its counties' but not the province's" "1|0" \
    "$(grep -c TS000001 "$T/out")|$(grep -c TS000004 "$T/out")"
refused "R-SEC-9.5 the city cannot decide the province's" "没有此投诉" \
    "$NJBT" do --as yc_city complaint.investigate complaint=TS000004 \
    findings=x
check "R-003-A2-13.2 the province freezes the maker" "$NJBT" do --as admin \
    complaint.investigate complaint=TS000004 findings=嫌疑较大 freeze=1
refused "R-003-A2-13.2 the maker's models are not supplied" \
    "因投诉 TS000004 调查，生产企业宁夏塞上农业机械有限公司" "$NJBT" do \
    --as ss_maker supply.new dealer=$JS model=4LZ-6 serial=LS26Z001 \
    engine_no=ELS26Z001
check "R-003-A2-13.4 unfounded, decided without an interview" "$NJBT" do \
    --as admin complaint.decide complaint=TS000004 result=unfounded
check "R-003-A2-13.2 the city investigates its product complaint" "$NJBT" \
    do --as yc_city complaint.investigate complaint=TS000002 findings=铭牌
refused "R-003-A2-13.4 no violation on an unfounded complaint" "不属实" \
    "$NJBT" do --as yc_city complaint.decide complaint=TS000002 \
    result=unfounded violation=$WG
check "R-003-A2-13.2 the province freezes the product" "$NJBT" do \
    --as admin complaint.investigate complaint=TS000002 findings=x freeze=1
refused "R-003-A2-13.2 the frozen model is not supplied" \
    "因投诉 TS000002 调查，产品SS-904" "$NJBT" do --as ss_maker supply.new \
    dealer=$JS model=SS-904 serial=TL26Z001 engine_no=ETL26Z001
check "R-003-A2-13.2 the maker's other models are (its freeze lifted)" \
    "$NJBT" do --as ss_maker supply.new dealer=$JS model=4LZ-6 \
    serial=LS26Z001 engine_no=ELS26Z001

# --- R-003-A2-13.5 材料留存: nothing deletes a complaint -------------------
q "DELETE FROM complaints WHERE no = 'TS000003'" 2> "$T/err"
same "R-003-A2-13.5 a DELETE is refused by the store" "4|1" \
    "$(q "SELECT count(*) FROM complaints")|$(grep -c 不能删除 "$T/err")"
check "njbt check passes" "$NJBT" check
# R-SEC-8.5b a freeze lifted by hand, outside njbt, is found
q "UPDATE complaints SET frozen = 0 WHERE no = 'TS000002'"
"$NJBT" check > "$T/out" 2>&1; rc=$?
same "R-SEC-8.5b a freeze lifted with sqlite3 fails njbt check" "1|1" \
    "$rc|$(grep -c '投诉举报表 id=2 的安全字段被篡改' "$T/out")"

echo "1..$n"
