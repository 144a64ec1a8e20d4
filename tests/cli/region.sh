#!/bin/sh
# region.sh: issue 10 items 3 and 9 through the real binary: regional
# limits (R-004-M-3.1b region list, R-004-A3-0 a condition confirmed),
# a sale in another county with no sales-region setting (R-004-M-4.1c),
# a second open application flagged (R-002-A2-10.3b) and the ban's
# length from ban_years (R-001-A2-2.4); bad input exits 1 and writes
# nothing.
. "$(dirname "$0")/../lib.sh"

ID1=640122198001011238
ID2=640122197512034568

check "init --demo" demo_db

# --- R-004-M-3.1b 004 三(一): 稻麦脱粒机 仅限南部山区 ------------------------
sum1=$(dbsum)
refused "R-004-M-3.1b an application of 贺兰县 outside 限南部山区" \
    "该机具限南部山区补贴，贺兰县不在限定区域内" "$NJBT" do --as xg_zhen \
    application.new buyer_type=person buyer_name=张三 id_no=$ID1 \
    township=640122100 item=5.1.1 tier=01 qty=1
same "R-004-M-3.1b nothing written" "$sum1" "$(dbsum)"

# --- R-004-A3-0 004 附件3: 喷灌机 仅限卷管式, confirmed by the county -------
refused "R-004-A3-0 unconfirmed condition refused" "仅限卷管式" "$NJBT" do \
    --as hl_jb application.new buyer_type=person buyer_name=张三 \
    id_no=$ID1 township=640122100 item=7.2.1 tier=01 qty=1
same "R-004-A3-0 nothing written" "$sum1" "$(dbsum)"
check "R-004-A3-0 confirmed by the county" "$NJBT" do --as hl_jb \
    application.new buyer_type=person buyer_name=张三 id_no=$ID1 \
    township=640122100 item=7.2.1 tier=01 qty=1 confirm_limit=1
same "R-004-A3-0 the line keeps the confirmation" "1" \
    "$(q "SELECT limit_confirmed FROM application_lines")"

# --- R-002-A2-10.3b: a second open application of 张三 for 7.2.1 --------
check "R-002-A2-10.3b a second open application is stored" "$NJBT" do \
    --as hl_jb application.new buyer_type=person buyer_name=张三 \
    id_no=$ID1 township=640122100 item=7.2.1 tier=01 qty=1 confirm_limit=1
same "R-002-A2-10.3b and flagged" "dup_open" \
    "$(q "SELECT kind FROM application_flags")"
check "R-002-A2-10.3b the county's list shows it" "$NJBT" list app_flags \
    --as hl_sh
same "R-002-A2-10.3b the list names the flag" "1" \
    "$(grep -c 重复申请 "$T/out")"

# --- R-001-A2-2.4: the ban's length is the year's ban_years -------------
check "R-001-A2-2.4 3 years by default" "$NJBT" do --as admin buyer.ban \
    id_no=$ID1 facts=虚假发票 found_on=2026-03-02
same "R-001-A2-2.4 to 2029-03-01" "2029-03-01" \
    "$(q "SELECT banned_until FROM buyers WHERE name = '张三'")"
check "a second buyer" "$NJBT" do --as xg_zhen application.new \
    buyer_type=person buyer_name=李四 id_no=$ID2 township=640122100 \
    item=1.1.3 tier=03 qty=1
check "R-001-A2-2.4 ban_years=5 (Jiangsu)" "$NJBT" do --as admin \
    program.set year=2026 ban_years=5
check "R-001-A2-2.4 5 years" "$NJBT" do --as admin buyer.ban \
    id_no=$ID2 facts=倒卖机具
same "R-001-A2-2.4 to 2031-03-01" "2031-03-01" \
    "$(q "SELECT banned_until FROM buyers WHERE name = '李四'")"
sum2=$(dbsum)
refused "R-001-A2-2.4 the banned buyer cannot apply" "禁止申请补贴" \
    "$NJBT" do --as xg_zhen application.new buyer_type=person \
    buyer_name=李四 id_no=$ID2 township=640122100 item=1.1.3 tier=03 qty=1
same "R-001-A2-2.4 nothing written" "$sum2" "$(dbsum)"

echo "1..$n"
