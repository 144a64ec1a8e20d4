#!/bin/sh
# filing.sh: the screens of product filing (issue 13 item 1) through the
# real OpenSSH client: the admin finds a filed product in 待审核的投档产品,
# Enter opens its record view, the review is taken from the view (a fail
# without a reason is refused beside the field, nothing written; then a
# pass); the maker sees its filing under 本企业的投档 with the publicity,
# opens the product and objects from its view (and sees it under PuTTY's
# plink too); a county's menu offers
# the published product list but none of the review screens. One server;
# one session per user.
. "$(dirname "$0")/ssh-lib.inc"

check "the maker files FT-9" "$NJBT" do --as ss_maker product.add \
    item=1.1.3 tier=03 model=FT-9 name=旋耕机 cert_no=NJ-2026-0909 \
    cert_until=2030-12-31
serve_start || exit 1

# --- the admin reviews from the queue and the record view ---------------
login a admin || { notok "the admin logs in"; exit 1; }
tm send-keys -t a NPage NPage
wait_screen a "待审核的投档产品" 5
open_menu a "待审核的投档产品"
shows "R-003-A4-9 the review queue lists the filing" a "FT-9"
shows "... its row action in the footer" a "回车查看后可办：投档审核"
tm send-keys -t a Enter
shows "Enter opens the product's view" a "查看产品"
shows "... in its state" a "状态：已投档，待审核"
shows "... with its certificate" a "鉴定证书：NJ-2026-0909 2030-12-31"
shows "... and the review on a number key" a "1  投档审核"
tm send-keys -t a 1
shows "the review form, the model filled in" a "[FT-9"
FT9="SELECT count(*) FROM filing_reviews r JOIN products p ON p.id =
    r.product_id WHERE p.model = 'FT-9'"
tm send-keys -t a Space Space
shows "... the second choice is 不通过" a "[不通过"
tm send-keys -t a F2
shows "R-003-A4-9 a fail without a reason is refused" a "审核不通过须注明理由"
same "... no review written" 0 "$(q "$FT9")"
# the refusal put the cursor on the reason: back up to the result
tm send-keys -t a Up
for i in 1 2 3; do
	tm send-keys -t a Space
	wait_screen a "[通过" 2 && break
done
shows "... back to 通过" a "[通过"
tm send-keys -t a F2
shows "R-003-A4-9 the admin passes it" a "已审核"
same "... stored" pass "$(q "SELECT r.result FROM filing_reviews r JOIN
    products p ON p.id = r.product_id WHERE p.model = 'FT-9'")"
same "... by the admin, in the audit log" 1 \
    "$(audit_count product.review admin "model=FT-9 result=pass")"

# --- publicised; the maker objects from its product's view ---------------
PUB=$("$NJBT" do --as admin filing.publicize from=2026-03-02 to=2026-03-08)
same "publicised as GS2026-002" GS2026-002 "$PUB"
login m ss_maker || { notok "the maker logs in"; exit 1; }
tm send-keys -t m NPage NPage
wait_screen m "本企业的投档" 5
open_menu m "本企业的投档"
shows "the maker's filings" m "FT-9"
shows "... with the publicity" m "GS2026-002"
tm send-keys -t m FT-9
shows "... filtered to it" m "第 1-1 条"
tm send-keys -t m Enter
shows "its view shows the publicity" m "审核结果公示：GS2026-002 2026-03-02~2026-03-08 公示中"
shows "... and the objection on a number key" m "对审核结果提出异议"
k=$(screen m | sed -n 's/.*\([1-9]\)  对审核结果提出异议.*/\1/p' | head -1)
tm send-keys -t m "${k:-1}"
shows "the objection form, the model filled in" m "[FT-9"
tm send-keys -t m "参数有误"
tm send-keys -t m F2
shows "R-003-A4-11a the maker objects in the period" m "已提出异议"
same "... stored, open" "open" "$(q "SELECT o.state FROM filing_objections o
    JOIN products p ON p.id = o.product_id WHERE p.model = 'FT-9'")"

# --- the maker under PuTTY's plink: its filings with the objection -------
if command -v plink > /dev/null 2>&1; then
	login_plink pl ss_maker
	# a key of the log-in dialogue may have opened a form: back first
	sleep 0.5
	to_menu pl
	for i in 1 2 3 4; do
		wait_screen pl "本企业的投档" 1 && break
		tm send-keys -t pl NPage
	done
	open_menu pl "本企业的投档"
	shows "plink: the maker's filing with its open objection" pl \
	    "通过   GS2026-002 待复核"
else
	ok "# SKIP plink is not installed"
fi

# --- a county has no filing screens --------------------------------------
login c hl_sh || { notok "the county logs in"; exit 1; }
: > "$T/menu"
for i in 1 2 3 4; do
	screen c >> "$T/menu"
	tm send-keys -t c NPage
	sleep 0.3
done
grep -q "打印补贴机具信息表" "$T/menu" &&
    ok "a county's menu has the published product list" ||
    { notok "a county's menu has the published product list";
    diag "$(cat "$T/menu")"; }
grep -qE "待审核的投档产品|发布审核结果公示|公布补贴机具信息|本企业的投档" \
    "$T/menu" && notok "... but no review, publicity or objection screen" ||
    ok "... but no review, publicity or objection screen"

echo "1..$n"
