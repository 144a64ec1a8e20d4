#!/bin/sh
# violation.sh: the violation screens through the real OpenSSH client
# (issue 13 item 2): the county approver finds a violation of its dealer
# in 违规行为, Enter opens its view, key 1 opens 作出违规处理决定 with the
# number filled in; a suspension of 2 months for a minor one is refused
# beside the field and nothing is written; 3 months is saved and the view
# shows 已作出处理决定. The handler (经办) is offered no decision. One
# server, one session each.
. "$(dirname "$0")/ssh-lib.inc"
FS=91640122MA76F2K349

check "the county records a minor violation of its dealer" "$NJBT" do \
    --as hl_jb violation.new party_type=dealer party=$FS level=minor \
    facts=未及时上传人机合影
V=$(tail -n 1 "$T/out")

serve_start || exit 1

# page_to NAME TEXT: PgDn through the menu until TEXT shows, then open it
page_to() {
	i=0
	while [ -z "$(menu_key "$1" "$2")" ] && [ $i -lt 6 ]; do
		tm send-keys -t "$1" NPage; sleep 0.3; i=$((i + 1))
	done
	open_menu "$1" "$2"
}

login c hl_sh || { notok "the approver logs in"; exit 1; }
page_to c "违规行为"
shows "the list of violations" c "$V"
shows "the row offers the decision" c "作出违规处理决定"
tm send-keys -t c Enter
shows "Enter opens the violation's view" c "查看违规行为"
shows "the view names the dealer" c "贺兰县丰收农机销售有限公司"
tm send-keys -t c 1
shows "key 1 opens the decision with the number filled in" c "[$V"
# the form starts at measure, the first field to fill: a choice (Space
# cycles: warning, notice, suspend)
i=0
while ! screen c | grep -q "暂停资格" && [ $i -lt 5 ]; do
	tm send-keys -t c Space; sleep 0.3; i=$((i + 1))
done
shows "the measure cycles to 暂停资格" c "暂停资格"
tm send-keys -t c Tab 2 Tab
sum=$(dbsum)
tm send-keys -t c F2
shows "R-003-A2-10b 2 months for a minor one refused beside the field" c \
    "不能为 2 个月"
same "... and nothing is written" "$sum" "$(dbsum)"
tm send-keys -t c BSpace 3 F2
shows "3 months saved" c "已决定处理措施"
same "the dealer suspended to the last day" "suspended|2026-06-01" \
    "$(q "SELECT status || '|' || status_until FROM dealers WHERE uscc = '$FS'")"
tm send-keys -t c F10
shows "back in the view, read again: the decision" c "已作出处理决定"

login h hl_jb || { notok "the handler logs in"; exit 1; }
seen=
i=0
while [ $i -lt 6 ]; do
	seen="$seen$(screen h)"
	tm send-keys -t h NPage; sleep 0.3; i=$((i + 1))
done
case "$seen" in
*作出违规处理决定*) notok "the handler is offered no decision" ;;
*登记违规行为*) ok "the handler is offered no decision (but records)" ;;
*) notok "the handler's menu has 违规处理" ;;
esac

echo "1..$n"
