#!/bin/sh
# subsidy.sh: issue 10 item 1 on the screens, through the real OpenSSH
# client: when a rule lowers a subsidy, the dealer's screen says so with
# both amounts after what was done (R-004-M-3.3.1a 004 三(三)1: a per-sale share
# cap the province switched on); at the tier's amount it says nothing
# more (R-004-M-3.3.1 定额补贴).
. "$(dirname "$0")/ssh-lib.inc"
ID1=640122198001011238
ID2=640122197512034568

# notice ID NAME: an approved notice for 1.1.3/03 in 640122; its number
notice() {
	app=$("$NJBT_FAST" do --as xg_zhen application.new buyer_type=person \
	    buyer_name=$2 id_no=$1 township=640122100 item=1.1.3 tier=03 \
	    qty=1 | tail -n 1)
	"$NJBT_FAST" do --as xg_zhen application.submit application=$app > /dev/null
	"$NJBT_FAST" do --as hl_sh application.approve application=$app | tail -n 1
}

N1=$(notice $ID1 张三)
N2=$(notice $ID2 李四)
serve_start || exit 1

login d fs_dealer || { notok "the dealer logs in"; exit 1; }
open_menu d "销售登记（凭确认通知书）"
shows "the sale form" d "确认通知书编号"
tm send-keys -t d "$N1" Tab "$ID1" Tab "XG26A001" Tab "3000" Tab \
    "2026-03-02" Tab "FP0001" F2
shows "R-004-M-3.3.1 sold at 3000, saved" d "已登记销售：销售 XS640122202600001"
screen d | grep -q "降为" && notok "R-004-M-3.3.1 nothing lowered, nothing said" ||
    ok "R-004-M-3.3.1 nothing lowered, nothing said"
same "R-004-M-3.3.1 the tier's 2800 whatever the price" "280000" \
    "$(q "SELECT subsidy FROM sales WHERE invoice_no = 'FP0001'")"

check "R-004-M-3.3.1a the admin switches a 30% cap on" "$NJBT" do \
    --as admin program.set year=2026 max_ratio=0.30
tm send-keys -t d "$N2" Tab "$ID2" Tab "XG26A002" Tab "9000" Tab \
    "2026-03-02" Tab "FP0002" F2
shows "R-004-M-3.3.1a the sale is named" d \
    "已登记销售：销售 XS640122202600002（李四 旋耕机）。分档"
# the sentence goes on into the key line: read the two lines as one
screen d | tr -d '\n ' | grep -q \
    "分档03的补贴额由定额2800.00元降为2700.00元：本年度方案设定了补贴占售价比例上限（R-004-M-3.3.1a）" &&
    ok "R-004-M-3.3.1a the screen gives both amounts and the rule" ||
    { notok "R-004-M-3.3.1a the screen gives both amounts and the rule"; diag "$(screen d | tail -3)"; }
same "R-004-M-3.3.1a 30% of 9000" "270000" \
    "$(q "SELECT subsidy FROM sales WHERE invoice_no = 'FP0002'")"
check "njbt check" "$NJBT" check
serve_stop
sanitizer_clean
