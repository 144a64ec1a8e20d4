#!/bin/sh
# keys.sh: keys, fields and menus through the real OpenSSH client at 80x24
# (issue 11 items 3, 4 and 6; one server). A double F10 from a filled form
# gets back to the menu and what was typed next lands in no field; F10 or
# Esc on the "leave this form?" question leaves, Enter stays; a save with
# two errors jumps to the first and says 2; F6 fills today's date; the
# settings form shows the current values; a flow switch with notices out
# needs confirmation (and writes nothing without it); a buy-first year
# offers no quota-first entries; every role's menu shows 打印 and 修改密码
# (scrolling with a mark); 经办 and 审核 see their post and only their
# entries, even when typing the key of a hidden one; a dealer no maker has
# picked is told what to do; a new password is asked twice.
. "$(dirname "$0")/ssh-lib.inc"

# the rows of the database but the log and the screens' drafts
rows() { sqlite3 -cmd '.timeout 5000' "$NJBT_DB" .dump |
    grep -v '^INSERT INTO \(audit\|drafts\|lookup_refusals\)' | md5sum; }

serve_start || exit 1

# --- the county handler: post, narrowed menu, double F10 -------------------
login h hl_jb || { notok "hl_jb logs in"; echo "1..$n"; exit 1; }
shows "the handler sees his post in the header" h "县级农机部门，经办）"
screen h | grep -q "审核申请" && notok "the handler's menu has no 审核申请" ||
    ok "the handler's menu has no 审核申请"
login s hl_sh || notok "hl_sh logs in"
shows "the approver sees his post" s "县级农机部门，审核）"
screen s | grep -q "录入补贴申请" && notok "the approver's menu has no 录入补贴申请" ||
    ok "the approver's menu has no 录入补贴申请"
# attack: the key of the approver's 审核申请 typed on the handler's menu
k=$(menu_key s "审核申请")
[ -n "$k" ] && ok "the approver has 审核申请 on key $k" || notok "the approver has 审核申请"
tm send-keys -t h "$k"
sleep 0.5
screen h | grep -q "| 审核申请" && notok "the handler cannot open 审核申请 by its key" ||
    ok "the handler cannot open 审核申请 by its key"
to_menu h

open_menu h "录入补贴申请"
shows "the application form" h "身份证号/信用代码"
tm send-keys -t h Space Tab "王小二" Tab
wait_q 1 "SELECT count(*) FROM drafts WHERE form = 'application.new'"
# the habit: F10 twice, then the key of the next menu entry, in one burst
tm send-keys -t h F10 F10 9
shows "a double F10 gets back to the menu" h "主菜单"
sleep 0.5
screen h | grep -q "保留为草稿" && notok "no leave question left open" ||
    ok "no leave question left open"
screen h | grep -q "\[9" && notok "the 9 typed ahead is in no field" ||
    ok "the 9 typed ahead is in no field"
same "the draft is kept" 1 \
    "$(q "SELECT count(*) FROM drafts WHERE form = 'application.new'")"
screen h | grep -q "确定要退出登录" && notok "the second F10 did not ask to log out" ||
    ok "the second F10 did not ask to log out"

# Esc on the question leaves; Enter stays
open_menu h "录入补贴申请"
shows "the draft comes back" h "[王小二"
tm send-keys -t h Tab "三"
tm send-keys -t h F10
shows "leaving asks" h "保留为草稿"
tm send-keys -t h Enter
sleep 0.3
screen h | grep -q "| 录入补贴申请" && ok "Enter on the question stays in the form" ||
    notok "Enter on the question stays in the form"
tm send-keys -t h F10
shows "asks again" h "保留为草稿"
tm send-keys -t h Escape
shows "Esc on the question leaves" h "主菜单"
open_menu h "录入补贴申请"
shows "... keeping the draft, with what was typed since" h "[王小二三"
screen h | grep -q "\[[^]]*9" && notok "no 9 in any field of it" || ok "no 9 in any field of it"
to_menu h

# --- the admin: settings as they are, errors counted, today's date ---------
login a admin || notok "admin logs in"
shows "a long menu says there is more" a "下面还有"
open_menu a "年度实施方案"
shows "the settings form shows the current flow" a "[先定后买"
screen a | grep -q "确认书有效天数  \[20 " && ok "... and the notice days (20)" ||
    notok "... and the notice days (20)"
before=$(q "SELECT count(*) FROM audit WHERE action = 'program.set'")
# two bad numbers: the notice days and the publicity days
tm send-keys -t a Tab Tab C-u "x" Tab C-u "y" Tab F2
shows "a save with two errors says 2 and jumps to the first" a "有 2 处错误，已跳到第一处：确认书有效天数"
screen a | grep -q "^ !.*确认书有效天数" && ok "the field in error is marked" ||
    notok "the field in error is marked"
screen a | grep -q "确认书有效天数  \[x.*\] " && ok "its message stays beside it" ||
    notok "its message stays beside it"
same "nothing saved" "$before" "$(q "SELECT count(*) FROM audit WHERE action = 'program.set'")"
tm send-keys -t a F10
shows "leaving the spoilt settings asks" a "保留为草稿"
tm send-keys -t a n
shows "dropped" a "主菜单"

open_menu a "调整分档补贴额（分段结算）"
shows "the tier amount form" a "生效日期"
tm send-keys -t a Tab Tab Tab F6
shows "F6 fills today's date (the clock of the actions)" a "[2026-03-02"
tm send-keys -t a C-u C-t
shows "Ctrl-T too" a "已填入今天：2026-03-02"
tm send-keys -t a C-u "2026-03-01" Tab
tm send-keys -t a F10
shows "leaving asks" a "保留为草稿"
tm send-keys -t a n
shows "back" a "主菜单"
refused "a refusal that compares with today says the day" "（今天是 2026-03-02）" \
    "$NJBT" do --as admin tier.amount year=2026 item=1.1.3 tier=03 \
    from=2026-03-01 subsidy=100

# --- a flow switch with notices out ------------------------------------------
"$NJBT_FAST" do --as xg_zhen application.new buyer_type=person buyer_name=张三 \
    id_no=640122198001011238 township=640122100 item=1.1.3 tier=03 qty=1 \
    > "$T/app" 2>&1 && app=$(tail -1 "$T/app")
"$NJBT_FAST" do --as xg_zhen application.submit application="$app" > /dev/null 2>&1
check "a notice is issued" "$NJBT" do --as hl_sh application.approve application="$app"
same "one notice out" 1 "$(q "SELECT count(*) FROM notices WHERE state = 'valid'")"
login t xg_zhen || notok "xg_zhen logs in"
shows "quota-first: the township enters applications" t "录入补贴申请"
screen t | grep -q "受理补贴申请" && notok "quota-first: no buy-first claims" ||
    ok "quota-first: no buy-first claims"
screen t | grep -q "销售登记（先购后补）" && notok "quota-first: no buy-first titles" ||
    ok "quota-first: no buy-first titles"

sum=$(rows)
open_menu a "年度实施方案"
shows "the settings again" a "[先定后买"
tm send-keys -t a Tab Space F2
shows "switching with a notice out warns how many" a "还有 1 份确认通知书"
same "refused without confirmation: nothing written" "$sum" "$(rows)"
same "... still quota-first" "quota-first" "$(q "SELECT flow FROM programs WHERE year = 2026")"
tm send-keys -t a Space F2
shows "confirmed, saved" a "已设置实施方案：设置年度实施方案"
same "the year is buy-first" "buy-first" "$(q "SELECT flow FROM programs WHERE year = 2026")"
to_menu a
tm kill-session -t t
login t xg_zhen || notok "xg_zhen logs in again"
shows "buy-first: the township takes claims" t "受理补贴申请（先购后补）"
screen t | grep -q "录入补贴申请" && notok "buy-first: no quota-first entries" ||
    ok "buy-first: no quota-first entries"
screen a | grep -q "确认通知书逾期失效" && notok "buy-first: the admin has no notice entries" ||
    ok "buy-first: the admin has no notice entries"
refused "a flow switch without confirmation by command writes nothing" \
    "确认切换实施方式" "$NJBT" do --as admin program.set year=2026 flow=quota-first

# --- every role's menu at 80x24: 打印 and 修改密码 -----------------------------
# shown: the menu, paged through with PgDn (the marks say there is more)
for u in admin jjjc yc_city hl_jb hl_sh hl_cz xg_zhen ss_maker fs_dealer; do
	login m "$u" || notok "$u logs in"
	if screen m | grep -q "继续填写"; then	# a draft offered: later
		tm send-keys -t m Escape
		i=0
		while screen m | grep -q "继续填写" && [ $i -lt 50 ]; do
			sleep 0.1; i=$((i + 1))
		done
	fi
	all=$(screen m)
	i=0
	while [ $i -lt 5 ] && screen m | grep -q "下面还有"; do
		press m NPage
		all="$all
$(screen m)"
		i=$((i + 1))
	done
	echo "$all" | grep -q "^ *[> ] [0-9a-zA-Z]  修改密码" &&
	    ok "$u: 修改密码 on the menu, with a key" || notok "$u: 修改密码 on the menu, with a key"
	if [ "$u" != ss_maker ]; then
		echo "$all" | grep -q "^ *[> ] [0-9a-zA-Z]  打印" &&
		    ok "$u: 打印 on the menu, with a key" || notok "$u: 打印 on the menu, with a key"
	fi
	tm kill-session -t m
done

# --- a dealer no maker has picked ----------------------------------------------
check "a dealer registers" "$NJBT" do --as register dealer.register name=测试农机 \
    uscc=93640122MA7812N63W legal_rep=张三 address=贺兰县 phone=13912345678 \
    login=cs_dealer password=secret-pass
term p "$(ssh_pw cs_dealer secret-pass)"
shows "the pending dealer is told so" p "还没有生产企业选择贵店"
shows "... with his credit code" p "93640122MA7812N63W"
shows "... and the makers that may pick him" p "宁夏塞上农业机械有限公司"

# --- a new password, twice -------------------------------------------------------
login c hl_cz || notok "hl_cz logs in"
pw=$(q "SELECT pwhash FROM users WHERE login = 'hl_cz'")
tm send-keys -t c End
wait_screen c "  修改密码" 10 || notok "End shows the password entry"
k=$(menu_key c "修改密码")
tm send-keys -t c "$k"
shows "the password form asks twice" c "再次输入新密码"
tm send-keys -t c "njbt-demo" Tab
sleep 0.3
screen c | grep -q "njbt-demo" && notok "the old password is not shown" ||
    ok "the old password is not shown"
screen c | grep -q "原密码  \[\*\*\*\*\*\*\*\*\* " && ok "... it shows as stars" ||
    notok "... it shows as stars"
tm send-keys -t c "new-pass-123" Tab "new-pass-124" F2
shows "two different new passwords are refused" c "两次输入的新密码不一致"
same "nothing written" "$pw" "$(q "SELECT pwhash FROM users WHERE login = 'hl_cz'")"
tm send-keys -t c C-u "new-pass-123" F2
shows "the same twice: saved" c "已修改密码：修改密码 hl_cz"
[ "$pw" != "$(q "SELECT pwhash FROM users WHERE login = 'hl_cz'")" ] &&
    ok "the password changed" || notok "the password changed"
q "SELECT data FROM drafts" | grep -q "new-pass\|njbt-demo" &&
    notok "no password kept in a draft" || ok "no password kept in a draft"

serve_stop
same "the server stops cleanly" "0" "$?"
sanitizer_clean
echo "1..$n"
