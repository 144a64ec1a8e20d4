#!/bin/sh
# complaint.sh: complaints on the screens (issue 13 item 3) through the
# real OpenSSH client: the county's main menu shows its open complaints
# and the soonest interview time limit; the list (open first, by time
# limit) opens a complaint's view with its findings, freeze and next
# steps, and the decision's form from it; another county's clerk sees
# none of them, on the menu or in the list; the city, under PuTTY's
# plink, sees its county's and not the province's. One server; one
# session each. The sessions of one county share the menu's line (issue
# 15, src/tui-board.c): a second clerk's menu within the minute is the
# first's, not a second read of the database.
. "$(dirname "$0")/ssh-lib.inc"
FS=91640122MA76F2K349

check "R-003-A2-13.1a a named complaint registered" "$NJBT" do --as hl_jb \
    complaint.new channel=phone about_type=dealer about=$FS \
    content=加价销售 complainant=张三 phone=13800138000
check "a second, of the province" "$NJBT" do --as admin complaint.new \
    channel=web about_type=product about=SS-904 content=铭牌不规范
check "R-003-A2-13.2 investigated and frozen" "$NJBT" do --as admin \
    complaint.investigate complaint=TS000001 findings=违规嫌疑较大 freeze=1
check "R-003-A2-13.3a interviewed, 7 days to answer" "$NJBT" do --as hl_jb \
    complaint.interview complaint=TS000001 held_on=2026-03-02 \
    deadline=2026-03-09

serve_start || exit 1

# complaints NAME: page the menu to the complaints list and open it
complaints() {
	i=0
	while [ $i -lt 6 ] && [ -z "$(menu_key "$1" 投诉举报)" ]; do
		press "$1" NPage; i=$((i + 1))
	done
	open_menu "$1" 投诉举报
}

login c hl_jb || { notok "hl_jb logs in"; exit 1; }
shows "the menu shows the open complaint and its time limit" c \
    "投诉未办结 1件，最近约谈时限 2026-03-09"
complaints c
shows "the list shows the complaint" c "TS000001"
screen c | grep -q TS000002 && notok "the province's is not the county's" ||
    ok "the province's is not the county's"
shows "the list marks the freeze" c "封闭中"
tm send-keys -t c Enter
shows "Enter opens the complaint's view" c "查看投诉举报"
shows "the view names the party" c "被投诉对象：贺兰县丰收农机销售有限公司"
shows "the view shows the freeze" c "先行封闭：先行封闭中"
screen c | grep -q 13800138000 && notok "the phone is masked" ||
    ok "the phone is masked"
shows "the decision is offered" c "投诉处理决定"
k=$(screen c | sed -n 's/.*[ >] \([0-9]\)  投诉处理决定.*/\1/p' | head -1)
tm send-keys -t c "$k"
shows "the decision's form opens with the complaint filled in" c "TS000001"
shows "... and its rule" c "属实的须先约谈"
to_menu c

# issue 15: a complaint registered by the batch command (no board) after
# hl_jb's menu was read does not show on a second clerk's menu of the
# county within the minute: it took hl_jb's line from the board instead
# of reading the lists again
check "a third complaint, of the county, by the batch command" "$NJBT" do \
    --as hl_jb complaint.new channel=phone about_type=dealer about=$FS \
    content=不开发票 complainant=李四 phone=13900139000
"$NJBT" list complaints --as hl_jb --arg open | grep -c '^TS' |
    grep -qx 2 && ok "the county has two open now" ||
    notok "the county has two open now"
login e hl_sh || { notok "hl_sh logs in"; exit 1; }
shows "a second clerk of the county gets the first's line (the board)" e \
    "投诉未办结 1件，最近约谈时限 2026-03-09"
tm kill-session -t e

login d yn_jb || { notok "yn_jb logs in"; exit 1; }
W="R-SEC-9.5 no complaint on another county's menu"
screen d | grep -q "投诉未办结" && notok "$W" || ok "$W"
complaints d
shows "R-SEC-9.5 another county's list has none" d "（没有记录）"
to_menu d

# --- the city under PuTTY's plink: its county's complaint, not the
# province's ----------------------------------------------------------------
if command -v plink > /dev/null 2>&1; then
	login_plink pl yc_city
	shows "plink: the city's menu counts its county's complaints" pl \
	    "投诉未办结 2件"
	complaints pl
	shows "plink: the city's list has it" pl "TS000001"
	W="plink: ... and not the province's"
	screen pl | grep -q TS000002 && notok "$W" || ok "$W"
	tm send-keys -t pl Enter
	shows "plink: the city opens it, with the decision offered" pl \
	    "投诉处理决定"
	tm kill-session -t pl
else
	ok "# SKIP plink not installed"
fi

check "njbt check" "$NJBT" check
serve_stop
sanitizer_clean
