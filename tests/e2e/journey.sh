#!/bin/sh
# journey.sh: the buyer's journey through the real OpenSSH client (issue 4,
# Tests): one complete quota-first path (the township clerk enters and
# submits, the county approves, the dealer sells, the county verifies) and
# one buy-first path (the dealer sells, the township accepts the claim, the
# county verifies), each on the screens, reading the printed CSV at the end.
. "$(dirname "$0")/ssh-lib.inc"
ID1=640122198001011238
ID2=640122197512034568

serve_start || exit 1

# --- quota-first ------------------------------------------------------------
login t xg_zhen || { notok "township clerk logs in"; exit 1; }
open_menu t "录入补贴申请"
shows "the application form" t "身份证号/信用代码"
tm send-keys -t t Space Tab "张三" Tab "$ID1" Tab Tab F4
shows "the township look-up" t "选择：乡镇"
tm send-keys -t t Enter Tab Tab Tab Tab "1.1.3" Tab "03" Tab "1" Tab
shows "the subsidy shows as item and tier are chosen" t "单台补贴 2800.00 元"
tm send-keys -t t "黄河银行" Tab "6228480402564890018" F2
shows "the application is saved, named" t \
    "已录入：申请 SQ640122202600001（张三 旋耕机）"
to_menu t
open_menu t "补贴申请"
shows "the clerk's applications" t "SQ640122202600001"
tm send-keys -t t Enter
shows "Enter opens the application's view, its actions in the footer" t \
    "1  上报申请"
tm send-keys -t t 1
shows "submitting asks, naming the record" t "上报申请 SQ640122202600001（张三）？"
tm send-keys -t t y
shows "submitted: 已上报" t "已上报：申请 SQ640122202600001（张三 旋耕机）"
shows "the view shows the new state" t "状态：已上报"
same "the application is submitted" "submitted" \
    "$(q "SELECT state FROM applications WHERE no = 'SQ640122202600001'")"

login c hl_sh
open_menu c "审核申请"
shows "the approval queue" c "SQ640122202600001"
tm send-keys -t c Enter
shows "approve or reject" c "批准申请并发放确认通知书"
tm send-keys -t c 1
shows "the approval asks, naming the record" c "SQ640122202600001（张三）？"
tm send-keys -t c y
shows "approved: the application and the notice issued" c \
    "已批准：申请 SQ640122202600001（张三 旋耕机），确认通知书 TZ640122202600001"

login d fs_dealer
open_menu d "销售登记（凭确认通知书）"
shows "the sale form" d "确认通知书编号"
tm send-keys -t d "TZ640122202600001" Tab "$ID1" Tab F4
shows "stock to pick from" d "选择：出厂编号"
tm send-keys -t d "XG26A"
shows "the stock filtered as typed" d "第 1-6 条"
tm send-keys -t d Enter Tab "9500" Tab "2026-03-02" Tab "FP0001" F2
shows "the sale is recorded, with its number" d \
    "已登记销售：销售 XS640122202600001（张三 旋耕机）"

login v hl_jb
open_menu v "机具核验"
shows "the verification queue" v "XG26A001"
tm send-keys -t v Enter
shows "pass or fail" v "核验不通过（一次性告知）"
tm send-keys -t v 1
shows "the checklist" v "铭牌与系统一致"
# R-002-A3-2.2 R-002-A3-2.3: the method, then every item ticked (相符);
# R-002-A3-2.3a: the second verifier after the licence number
tm send-keys -t v Space Tab Space Tab Space Tab Space Tab Space Tab Space \
    Tab Space Tab Space Tab Tab "hl_sh" F2
shows "verified" v "已核验：销售 XS640122202600001（张三 旋耕机）"
same "the sale is verified" "verified" "$(q "SELECT state FROM sales WHERE id = 1")"

check "print the supply-and-verification table" "$NJBT" print supply --id 1 \
    --encoding utf-8 -o "$T/supply1.csv"
grep -q "张三" "$T/supply1.csv" && grep -q "XG26A001" "$T/supply1.csv" &&
    grep -q "核实通过" "$T/supply1.csv" && grep -q "9500.00" "$T/supply1.csv" &&
    ok "the CSV has buyer, machine, price and the check" ||
    { notok "the CSV has buyer, machine, price and the check"; diag "$(cat "$T/supply1.csv")"; }
check "print the notice" "$NJBT" print notice --id TZ640122202600001 -o "$T/notice.csv"
grep -q "$ID1" "$T/notice.csv" && notok "the notice carries no ID number" ||
    ok "the notice carries no ID number"

# --- buy-first --------------------------------------------------------------
login a admin
open_menu a "年度实施方案"
shows "the programme form" a "实施方式"
tm send-keys -t a Tab Space F2
shows "buy-first set" a "已设置实施方案：设置年度实施方案 2026"
same "the year is buy-first" "buy-first" "$(q "SELECT flow FROM programs WHERE year = 2026")"

to_menu d
open_menu d "销售登记（先购后补）"
shows "the sale form again" d "购机者所在县"
tm send-keys -t d Tab "$ID2" Tab F4
shows "stock again" d "选择：出厂编号"
tm send-keys -t d "XG26A"
shows "filtered again" d "第 1-5 条"
tm send-keys -t d Enter Tab "9800" Tab "2026-03-02" Tab "FP0002" Tab Tab Tab \
    Space Tab "李四" Tab "640122" F2
shows "the buy-first sale is recorded" d \
    "已登记销售：销售 XS640122202600002（李四 旋耕机）"

to_menu t
open_menu t "受理补贴申请（先购后补）"
shows "the claims waiting" t "李四"
tm send-keys -t t Enter
shows "the machine's view offers the claim" t "受理补贴申请"
tm send-keys -t t 1
shows "the claim form, filled in" t "[XG26A002"
tm send-keys -t t "$ID2" Tab Tab Tab Tab Tab "黄河银行" Tab \
    "6228480402564890026" F2
shows "the claim is accepted" t "已受理：申请 SQ640122202600002（李四 旋耕机）"
same "the sale is claimed" "claimed" "$(q "SELECT state FROM sales WHERE id = 2")"

to_menu v
open_menu v "机具核验"
shows "the claimed sale to verify" v "XG26A002"
tm send-keys -t v Enter
tm send-keys -t v 1
shows "the checklist again" v "铭牌与系统一致"
tm send-keys -t v Space Tab Space Tab Space Tab Space Tab Space Tab Space \
    Tab Space Tab Space Tab Tab "hl_sh" F2
shows "verified again" v "已核验：销售 XS640122202600002（李四 旋耕机）"

check "print the buy-first sale" "$NJBT" print supply --id 2 --encoding utf-8 \
    -o "$T/supply2.csv"
grep -q "李四" "$T/supply2.csv" && grep -q "核实通过" "$T/supply2.csv" &&
    ok "its CSV has the buyer and the check" || notok "its CSV has the buyer and the check"
same "the budget holds both subsidies" "560000" \
    "$(q "SELECT committed_central FROM budgets WHERE year = 2026 AND region = '640122'")"
check "njbt check" "$NJBT" check
serve_stop
sanitizer_clean
