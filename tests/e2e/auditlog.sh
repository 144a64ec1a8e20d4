#!/bin/sh
# auditlog.sh: the audit log screen through the real OpenSSH client (issue
# 13 items 4 and 6): the admin takes a recorded action on the screens (a
# filing review, under PuTTY's plink), the auditor (纪检监察, OpenSSH)
# opens 审计日志, whose head says the chain holds, searches it by the
# admin's login, finds that row and opens it with its detail. A county
# clerk's menu has no audit screen and `njbt list audit_log` refuses him.
# One server; one session per user.
#
# The recorded action is ACTION, taken by admin_acts on the admin's
# screens: the review of a filed product (product.review, issue 13 item
# 1), from the queue 待审核的投档产品 through the product's view.
. "$(dirname "$0")/ssh-lib.inc"
ACTION=product.review	# the admin's recorded action, and its record:
RECORD=FT-8
admin_acts() {	# 待审核的投档产品 -> the product's view -> 1 投档审核 -> F2
	menu_find a "待审核的投档产品"
	shows "the admin's review queue" a "$RECORD"
	tm send-keys -t a "$RECORD"
	shows "... filtered to $RECORD" a "第 1-1 条"
	tm send-keys -t a Enter
	shows "... the product's view offers the review" a "1  投档审核"
	tm send-keys -t a 1
	shows "... the review form, the model filled in" a "[$RECORD"
	tm send-keys -t a Space
	shows "... 通过 chosen" a "[通过"
	tm send-keys -t a F2
	shows "R-003-A4-9 the admin passes it" a "已审核"
}

check "the maker files $RECORD" "$NJBT" do --as ss_maker product.add \
    item=1.1.3 tier=03 model=$RECORD name=旋耕机 cert_no=NJ-2026-0808 \
    cert_until=2030-12-31
serve_start || exit 1

# --- the admin acts (under PuTTY's plink where there is one) --------------
if command -v plink > /dev/null 2>&1; then
	login_plink a admin || { notok "the admin logs in with plink";
	    screen a | sed 's/^/#   /'; exit 1; }
else
	login a admin || { notok "the admin logs in"; exit 1; }
fi
admin_acts
wait_q 1 "SELECT count(*) FROM audit WHERE action = '$ACTION' AND login = 'admin' AND record = '$RECORD'"
same "the admin's $ACTION is in the audit log" 1 \
    "$(q "SELECT count(*) FROM audit WHERE action = '$ACTION' AND login = 'admin' AND record = '$RECORD'")"
ROW=$(q "SELECT max(id) FROM audit WHERE action = '$ACTION' AND login = 'admin'")
to_menu a

same "... the product passed" pass "$(q "SELECT r.result FROM filing_reviews r
    JOIN products p ON p.id = r.product_id WHERE p.model = '$RECORD'")"

# --- the auditor finds it ------------------------------------------------
login b jjjc || { notok "the auditor logs in"; exit 1; }
menu_find b "审计日志"
N=$(q "SELECT count(*) FROM audit")
shows "the head says the chain holds, with its count" b "审计链完整（"
screen b | grep -q "审计链完整（[0-9]* 条）" && ok "... as njbt check counts it" ||
    notok "... as njbt check counts it"
tm send-keys -t b "user=admin"
shows "searched by the admin's login: the row is there" b "$ACTION"
# others_shown: rows of the list that are not the admin's (the filter is
# applied once the typing pauses: until then the rows are all logins')
others_shown() {
	screen b | sed -n '4,$p' | grep -v "^ *$" | grep -v "admin" |
	    grep -q "^ *[0-9]"
}
i=0
while others_shown && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
others_shown &&
    { notok "... only the admin's rows"; screen b | sed 's/^/#   /'; } ||
    ok "... only the admin's rows"
screen b | sed -n 4p | grep -q "^.\{0,3\}$ROW " &&
    ok "... newest first: the admin's $ACTION on top" ||
    { notok "... newest first: the admin's $ACTION on top"; screen b | sed 's/^/#   /'; }
tm send-keys -t b Enter
shows "Enter opens the row" b "查看审计日志"
shows "... its action" b "操作：$ACTION"
shows "... its record" b "记录：$RECORD"
shows "... its user and name" b "姓名：$(name_of admin)"
shows "... its detail" b "详情："
tm send-keys -t b F10
shows "back to the list" b "筛选"
tm send-keys -t b C-u "user=admin action=nosuch"
shows "a search that finds nothing" b "（没有记录）"
# issue 15: the log pages by key: F3 goes to a row by its 序号 (the page
# from it on), End to the oldest rows
OLD=$(q "SELECT min(id) + 3 FROM audit")
tm send-keys -t b C-u "$OLD" F3
i=0
until screen b | sed -n 4p | grep -q "^.\{0,3\}$OLD " || [ $i -ge 50 ]; do
	sleep 0.1; i=$((i + 1)); done
screen b | sed -n 4p | grep -q "^.\{0,3\}$OLD " &&
    ok "F3 goes to row $OLD of the log" ||
    { notok "F3 goes to row $OLD of the log"; screen b | sed 's/^/#   /'; }
tm send-keys -t b End
shows "End: the oldest rows, counted from the end" b "倒数第"
screen b | grep -q "^.\{0,3\}$(q "SELECT min(id) FROM audit") " &&
    ok "... the first row of the log among them" ||
    notok "... the first row of the log among them"
to_menu b
[ "$N" -gt 0 ] && ok "the log had $N rows" || notok "the log had rows"

# --- a county clerk has none of it ---------------------------------------
login c hl_jb || { notok "the county clerk logs in"; exit 1; }
menu=; i=0
while [ $i -lt 6 ]; do	# every page of the menu
	menu="$menu$(screen c)"; tm send-keys -t c NPage; sleep 0.3; i=$((i + 1))
done
case "$menu" in *修改密码*) ok "the county's whole menu read" ;;
*) notok "the county's whole menu read" ;; esac
case "$menu" in *审计日志*) notok "the county's menu has no 审计日志" ;;
*) ok "the county's menu has no 审计日志" ;; esac
to_menu c
refused "njbt list audit_log --as hl_jb is refused" "无权查看“审计日志”" \
    "$NJBT" list audit_log --as hl_jb

check "njbt check" "$NJBT" check
serve_stop
sanitizer_clean
echo "1..$n"
