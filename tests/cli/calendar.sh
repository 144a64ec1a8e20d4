#!/bin/sh
# calendar.sh: the settlement calendar's deadlines (issue 10 item 8) through
# the real binary: they mark what is late and never block. Ordinary buyers'
# machines verified within a week of the entry (R-000-M-3.2.4a 000 三(二)4);
# last month's sales collected by the 5th (R-004-A4-4.1b), publicised by the
# 10th (R-004-A4-4.2b), with finance by the 20th (R-004-A4-4.4b), paid by
# the 10th of the month after (R-004-A4-4.6b), each due day rolled on past
# weekends and holidays (R-004-A4-4.1a 004 附件4 四(一) 节假日顺延). The
# deadlines list and printer show a county's items to the county and its
# finance office, and none to another county.
. "$(dirname "$0")/../lib.sh"

ID1=640122198001011238
ID2=640122197512034568
B=JS640122202603-01
TAB=$(printf '\t')
CHECKS="check_identity=1 check_invoice=1 check_nameplate=1 check_dealer=1 check_licence=1 check_account=1 check_promise=1"

do_() { "$NJBT" do --as "$@" > "$T/out" 2> "$T/err"; }
key() { tail -n 1 "$T/out"; }
# mk LOGIN ACTION ARGS...: do_ with the arranging binary ($NJBT_FAST)
mk() { "$NJBT_FAST" do --as "$@" > "$T/out" 2> "$T/err"; }
# lst LOGIN NAME: the list as LOGIN, in $T/out
lst() { "$NJBT" list "$2" --as "$1" > "$T/out" 2> "$T/err"; }
notice() {
	mk "$1" application.new buyer_type=person buyer_name="$3" id_no="$2" \
	    township="$4" item=1.1.3 tier=03 qty=1 bank_name=黄河银行 \
	    bank_account="$5" && a=$(key) &&
	mk "$1" application.submit application="$a" &&
	mk hl_sh application.approve application="$a" && key
}
sell() {
	mk fs_dealer sale.new notice="$1" id_no="$2" serial="$3" price=12000 \
	    sold_on=2026-03-02 invoice_no="$4" && key
}

check "init --demo" demo_db
N1=$(notice xg_zhen $ID1 张三 640122100 6228480402564890018)
N2=$(notice jg_zhen $ID2 李四 640122101 6228480402564890125)
S1=$(sell "$N1" $ID1 XG26A001 FP1)
S2=$(sell "$N2" $ID2 XG26A002 FP2)
case "$S1 $S2" in
[0-9]*\ [0-9]*) ok "two sales $S1 $S2, entered 2026-03-02" ;;
*) notok "two sales"; diag "[$S1] [$S2] $(cat "$T/err")" ;;
esac
# the lists show a sale by its number (issue 11 (5))
X1=$(q "SELECT no FROM sales WHERE id = $S1")

# --- a week to verify --------------------------------------------------------
export NJBT_NOW=2026-03-09T09:30:00
check "verify_queue on day 7" lst hl_jb verify_queue
row=$(grep "^$X1$TAB" "$T/out")
if [ -n "$row" ] && ! echo "$row" | grep -q 逾; then
	ok "R-000-M-3.2.4a not late on day 7"
else notok "R-000-M-3.2.4a not late on day 7"; diag "$(cat "$T/out")"; fi
check "deadlines on day 7" lst hl_jb deadlines
grep -q "核验购机2台.*2026-03-09.*今日到期" "$T/out" && ok "... due today" \
    || { notok "... due today"; diag "$(cat "$T/out")"; }
export NJBT_NOW=2026-03-10T09:30:00
check "verify_queue on day 8" lst hl_jb verify_queue
grep "^$X1$TAB" "$T/out" | grep -q 逾 && ok "R-000-M-3.2.4a unverified after 7 days: late (逾)" \
    || { notok "R-000-M-3.2.4a unverified after 7 days: late (逾)"; diag "$(cat "$T/out")"; }
check "deadlines on day 8" lst hl_jb deadlines
grep -q "核验购机2台.*贺兰县.*县级农机部门.*2026-03-09.*逾期1天" "$T/out" \
    && ok "... the deadlines list says late by a day" \
    || { notok "... the deadlines list says late by a day"; diag "$(cat "$T/out")"; }
check "R-000-M-3.2.4a late, not blocked: verify $S1" "$NJBT" do --as hl_jb \
    verify.pass sale=$S1 method=office $CHECKS partner=hl_sh
check "verify $S2" "$NJBT" do --as hl_sh verify.pass sale=$S2 method=office \
    $CHECKS partner=hl_jb

# --- April: collect by the 5th, publicise by the 10th ------------------------
# 清明 4-6 April (a Saturday to a Monday); Sunday 10 May worked (调休)
printf 'day,kind,name\n2026-04-04,holiday,清明节\n2026-04-05,holiday,清明节\n2026-04-06,holiday,清明节\n2026-05-10,workday,调休\n' \
    > "$T/holidays.csv"
check "import holidays" "$NJBT" import holidays "$T/holidays.csv"
export NJBT_NOW=2026-04-02T09:30:00
check "deadlines on 04-02" lst hl_jb deadlines
grep -q "汇总2026-03月结算信息2台.*2026-04-07.*还有5天" "$T/out" \
    && ok "R-004-A4-4.1b R-004-A4-4.1a collect by the 5th, a holiday: rolled on to Tuesday the 7th" \
    || { notok "R-004-A4-4.1b collect by the 5th"; diag "$(cat "$T/out")"; }
check "batch.new" "$NJBT" do --as hl_jb batch.new month=2026-03
check "deadlines after batch.new" lst hl_jb deadlines
grep -q "公示结算批次$B.*2026-04-10.*还有8天" "$T/out" \
    && ok "R-004-A4-4.2b publicise by the 10th" || notok "R-004-A4-4.2b publicise by the 10th"
grep -q "报送财政$B.*2026-04-20" "$T/out" \
    && ok "R-004-A4-4.4b to finance by the 20th" || notok "R-004-A4-4.4b to finance by the 20th"
grep -q "汇总2026-03" "$T/out" && notok "... collected: no longer due" \
    || ok "... collected: no longer due"
check "batches on 04-10" env NJBT_NOW=2026-04-10T09:30:00 "$NJBT" list batches --as hl_jb
row=$(grep "^$B" "$T/out")
if [ -n "$row" ] && ! echo "$row" | grep -q 逾期; then ok "... not late on the 10th"
else notok "... not late on the 10th"; diag "$(cat "$T/out")"; fi

export NJBT_NOW=2026-04-13T09:30:00
check "batches on 04-13" lst hl_jb batches
grep "^$B" "$T/out" | grep -q "逾期 公示" \
    && ok "R-004-A4-4.2b a batch not publicised by the 10th shows late" \
    || { notok "R-004-A4-4.2b a batch not publicised by the 10th shows late"; diag "$(cat "$T/out")"; }
check "deadlines on 04-13" lst hl_jb deadlines
grep -q "公示结算批次$B.*逾期3天" "$T/out" && ok "... 逾期3天 in the deadlines" \
    || notok "... 逾期3天 in the deadlines"

# --- scoped: the county's finance sees them, another county none -------------
check "finance's deadlines" lst hl_cz deadlines
grep -q "公示结算批次$B" "$T/out" && ok "the county's finance sees the county's items" \
    || notok "the county's finance sees the county's items"
check "another county's deadlines" lst yn_jb deadlines
grep -q "$B\|贺兰县" "$T/out" && notok "another county sees none of them" \
    || ok "another county sees none of them"
check "another county's finance" lst yn_cz deadlines
grep -q "$B\|贺兰县" "$T/out" && notok "... nor its finance" || ok "... nor its finance"
refused "a township has no deadlines list" "无权查看" "$NJBT" list deadlines --as xg_zhen

# --- the printer ------------------------------------------------------------
check "print deadlines" "$NJBT" print deadlines --as hl_jb --month 2026-04 \
    -o "$T/d.csv"
same "the header" "事项,县区,责任单位,截止日期,剩余天数,期限" \
    "$(sed -n 1p "$T/d.csv" | tr -d '\r' | sed 's/^\xef\xbb\xbf//')"
grep -q "^公示结算批次$B,贺兰县,县级农机部门,2026-04-10,-3,逾期3天" "$T/d.csv" \
    && ok "R-004-A4-4.2b the printer: late by 3 days" \
    || { notok "R-004-A4-4.2b the printer: late by 3 days"; diag "$(cat "$T/d.csv")"; }
grep -q "^报送财政$B,贺兰县,县级农机部门,2026-04-20,7,还有7天" "$T/d.csv" \
    && ok "R-004-A4-4.4b the printer: 7 days left" || notok "R-004-A4-4.4b the printer: 7 days left"
check "print deadlines, finance" "$NJBT" print deadlines --as hl_cz -o "$T/f.csv"
grep -q "^公示结算批次$B" "$T/f.csv" && ok "... finance prints its county's" \
    || notok "... finance prints its county's"
check "print deadlines, another county" "$NJBT" print deadlines --as yn_jb \
    -o "$T/y.csv"
grep -q "$B\|贺兰县" "$T/y.csv" && notok "... another county prints none of them" \
    || ok "... another county prints none of them"
refused "... nor for the county it asks for" "超出您的管辖范围" "$NJBT" print \
    deadlines --as yn_jb --county 640122 -o "$T/z.csv"

# --- nothing is blocked by a deadline ------------------------------------------
check "publicise after the 10th" "$NJBT" do --as hl_jb batch.publicize \
    batch=$B from=2026-04-13 to=2026-04-20
check "deadlines after publicity" lst hl_jb deadlines
grep -q "公示结算批次" "$T/out" && notok "... publicised: no longer due" \
    || ok "... publicised: no longer due"


# --- with finance late, paid late: marked, never blocked ----------------------
check "a reviewer who verified nothing" "$NJBT" do --as admin user.add \
    login=hl_fh name=孙复核 role=county region=640122 password=njbt-demo-1 \
    post=approver
export NJBT_NOW=2026-04-21T09:30:00
check "batches on 04-21" lst hl_jb batches
grep "^$B" "$T/out" | grep -q "逾期 报送财政" \
    && ok "R-004-A4-4.4b not with finance by the 20th: late" \
    || { notok "R-004-A4-4.4b not with finance by the 20th: late"; diag "$(cat "$T/out")"; }
for s in $(q "SELECT sale_id FROM reviews WHERE result IS NULL ORDER BY sale_id"); do
	check "review $s" "$NJBT" do --as hl_fh batch.review batch=$B sale=$s \
	    result=pass opinion=一致
done
check "R-004-A4-4.4b late, not blocked: batch.submit" "$NJBT" do --as hl_jb \
    batch.submit batch=$B
check "finance's own items" "$NJBT" list deadlines --as hl_cz --arg finance
grep -q "支付补贴$B.*县级财政部门.*2026-05-10.*还有19天" "$T/out" \
    && ok "R-004-A4-4.6b R-004-A4-4.1a paid by the 10th of May, a Sunday worked (调休)" \
    || { notok "R-004-A4-4.6b paid by the 10th of May"; diag "$(cat "$T/out")"; }
check "the county's own items" "$NJBT" list deadlines --as hl_jb --arg county
grep -q "支付补贴" "$T/out" && notok "... the payment is not the county's" \
    || ok "... the payment is not the county's"
export NJBT_NOW=2026-05-12T09:30:00
check "finance_queue on 05-12" lst hl_cz finance_queue
grep "^$B" "$T/out" | grep -q "逾期" \
    && ok "R-004-A4-4.6b not paid by the 10th: late in finance's queue" \
    || { notok "R-004-A4-4.6b not paid by the 10th: late in finance's queue"; diag "$(cat "$T/out")"; }
check "print deadlines, finance, May" "$NJBT" print deadlines --as hl_cz \
    --month 2026-05 -o "$T/m.csv"
grep -q "^支付补贴$B,贺兰县,县级财政部门,2026-05-10,-2,逾期2天" "$T/m.csv" \
    && ok "R-004-A4-4.6b the printer: finance's payment late by 2 days" \
    || { notok "R-004-A4-4.6b the printer: late by 2 days"; diag "$(cat "$T/m.csv")"; }
check "print deadlines, another county's finance" "$NJBT" print deadlines \
    --as yn_cz --month 2026-05 -o "$T/n.csv"
grep -q "$B" "$T/n.csv" && notok "... another county's finance prints none of them" \
    || ok "... another county's finance prints none of them"
check "late, not blocked: finance.sample" "$NJBT" do --as hl_cz finance.sample \
    batch=$B seed=7
for s in $(q "SELECT sale_id FROM finance_checks WHERE result IS NULL"); do
	check "finance.check $s" "$NJBT" do --as hl_cz finance.check sale=$s \
	    result=pass note=在用
done
check "late, not blocked: finance.approve" "$NJBT" do --as hl_cz \
    finance.approve batch=$B
check "R-004-A4-4.6b late, not blocked: finance.pay" "$NJBT" do --as hl_cz \
    finance.pay batch=$B paid_on=2026-05-12 ref=YH001
check "deadlines once paid" lst hl_cz deadlines
grep -q "$B" "$T/out" && notok "... nothing of the batch is due any more" \
    || ok "... nothing of the batch is due any more"

echo "1..$n"
