#!/bin/sh
# lists80.sh: every column readable at 80x24 and clean drawing (issue 11
# items 2 and 7), through the real OpenSSH client. Every demo role opens
# every list of its main menu at 80x24 (one session per role): no line is
# wider than 80 columns and every cell under a state column (状态, 待办,
# 责任单位, 项目) is empty or a whole short label of state.c or label.c
# (tests/tools/screencheck.c); where columns are hidden, the head line
# says so and Right shows them, still within 80 columns. Then a dialog
# over CJK text (the logout question over the main menu) is closed and
# the screen is the one before, under TERM xterm, xterm-256color, putty,
# linux and vt100, and under PuTTY's plink. The demo gets applications
# in several states first (a draft, one submitted, one approved and
# sold), with a buyer's name too long for its column.
. "$(dirname "$0")/ssh-lib.inc"

CHECK=$T/screencheck
if ! ${CC:-cc} -std=c11 -D_GNU_SOURCE -I"$ROOT/src" -o "$CHECK" \
    "$ROOT/tests/tools/screencheck.c" "$ROOT/src/state.c" \
    "$ROOT/src/label.c" 2> "$T/cc.err"; then
	echo "Bail out! tests/tools/screencheck.c: $(head -c 300 "$T/cc.err")"
	exit 1
fi
STATE_HEADS="状态 待办 责任单位 项目"

# --- the demo in several states -----------------------------------------
do_() { "$NJBT_FAST" do --as "$@" > "$T/out" 2> "$T/err"; }
key() { tail -n 1 "$T/out"; }
app() { # LOGIN ID NAME TOWNSHIP: a draft application
	do_ "$1" application.new buyer_type=person buyer_name="$3" id_no="$2" \
	    township="$4" item=1.1.3 tier=03 qty=1 bank_name=黄河银行 \
	    bank_account=6228480402564890018 && key
}
A1=$(app xg_zhen 640122198001011238 张三 640122100)
A2=$(app jg_zhen 640122197512034568 李四 640122101)
A3=$(app hl_jb 640122197003053330 阿不都热依木买买提明 640122102)
do_ xg_zhen application.submit application="$A1" &&
    do_ hl_sh application.approve application="$A1" && N1=$(key) &&
    do_ fs_dealer sale.new notice="$N1" id_no=640122198001011238 \
    serial=XG26A001 price=12000 sold_on=2026-03-02 invoice_no=FP1 &&
    do_ jg_zhen application.submit application="$A2"
# an outsider registers a dealer with a name far wider than any column
do_ register dealer.register name=宁夏新农机械有限公司贺兰县丰收农机专业合作社银川市金穗农机经销部第二分部 \
    uscc=91640181MA7AB3C117 legal_rep=刘强 address=贺兰县 phone=13995000000 \
    login=xinnong2 password=pass-word-1 ||
    diag "dealer.register: $(cat "$T/err")"
same "the demo has a draft, a submitted and a sold application" \
    "draft submitted used" "$(q "SELECT group_concat(state, ' ') FROM (SELECT \
    state FROM applications WHERE no IN ('$A3', '$A2', '$A1') ORDER BY \
    state)")"

# nine roles log in at once from one address: above the default cap of
# connections not yet logged in per address (max_preauth_addr 8)
printf 'max_preauth_addr 16\n' > "$T/njbt.conf"
serve_start --conf "$T/njbt.conf" || exit 1

# The titles of the lists on main menus (forms/: a list with a menu line).
TITLES=$(awk '/^list /{inl=1; t=""; m=0}
    inl && /^\ttitle /{t=$0; sub(/^\ttitle "/, "", t); sub(/".*/, "", t)}
    inl && /^\tmenu /{m=1} /^end/{if (inl && m) print t; inl=0}' \
    "$ROOT"/forms/*.form)

# stable NAME: the screen, once two captures a moment apart agree
stable() {
	prev=$(screen "$1")
	i=0
	while [ $i -lt 20 ]; do
		sleep 0.1
		cur=$(screen "$1")
		[ "$cur" = "$prev" ] && break
		prev=$cur; i=$((i + 1))
	done
	printf '%s\n' "$cur"
}

# keyof MENUTEXT TITLE: the hotkey of TITLE in a captured menu (cells
# once written keep their blanks in a capture: trailing blanks go)
keyof() {
	printf '%s\n' "$1" | sed 's/ *$//' |
	    sed -n "s/^[ >]*\\(.\\)  $2\$/\\1/p" | head -1
}

# check_screen WHAT SCREEN: what is wrong with SCREEN, on stdout (the
# screen through a file: no process for the shell's side of a pipe)
check_screen() {
	printf '%s\n' "$2" > "$T/sc.$$.in"
	if ! "$CHECK" 80 $STATE_HEADS < "$T/sc.$$.in" > "$T/sc.$$.out"
	then
		echo "$1:"; sed 's/^/  /' "$T/sc.$$.out"
		sed 's/^/  | /' "$T/sc.$$.in"
	fi
}

# line N TEXT: line N of TEXT, in the shell (no process: the lists' loop
# below runs some 250 times)
nl='
'
line() {
	_r=$2 _i=1
	while [ "$_i" -lt "$1" ]; do
		case "$_r" in *"$nl"*) _r=${_r#*"$nl"} ;; *) _r= ;; esac
		_i=$((_i + 1))
	done
	_line=${_r%%"$nl"*}
}

# --- every list of every role at 80x24 ----------------------------------
# role_lists ROLE: open each list of ROLE's menu, check it, and Right
# where columns are hidden; results as lines of files in $T/ROLE.*
role_lists() {
	r=$1 w=r$1
	login "$w" "$r" || { echo "login" >> "$T/$r.bad"; return; }
	# a long menu scrolls: read it a screen at a time, and its end
	menu=$(screen "$w")
	for i in 1 2 3; do
		press "$w" -N 16 Down
		menu="$menu
$(screen "$w")"
	done
	press "$w" End
	end=$(screen "$w")
	menu="$menu
$end"
	tm send-keys -t "$w" Home
	# the lists on this menu, "KEY<tab>TITLE", in one awk (a sed per
	# title and role cost more than the screens themselves)
	printf '%s\n' "$menu" | sed 's/ *$//' | awk -v titles="$T/titles" '
	BEGIN { while ((getline l < titles) > 0) if (l != "") want[l] = 1 }
	{
		for (t in want) {
			n = length($0) - length(t)
			if (t in seen || n < 3 || substr($0, n + 1) != t ||
			    substr($0, n - 1, 2) != "  ")
				continue
			pre = substr($0, 1, n - 2)
			if (pre ~ /^[ >]*.$/) {
				seen[t] = 1
				print substr(pre, length(pre), 1) "\t" t
			}
		}
	}' > "$T/$r.entries"
	while IFS='	' read -r k title; do
		case "$k" in
		"") continue ;;
		" ")	# past the last key: so many entries up from the end
			up=$(printf '%s\n' "$end" | sed 's/ *$//' |
			    awk -v t="$title" '
			    /^   [ >] [ 0-9a-z]  / { n++
				if (substr($0, 9) == t) at = n }
			    END { print at ? n - at : -1 }')
			[ "$up" -ge 0 ] || continue
			tm send-keys -t "$w" End
			[ "$up" -eq 0 ] || tm send-keys -t "$w" -N "$up" Up
			tm send-keys -t "$w" Enter ;;
		*)	tm send-keys -t "$w" "$k" ;;
		esac
		# a list: its filter line and its F10 (one look, one capture)
		s=$(look "$w" "筛选：[" 10)
		case "$s" in
		*"F10 返回"*) ;;
		*)	echo "$title did not open" >> "$T/$r.bad"
			to_menu "$w"; continue ;;
		esac
		printf '%s\n' "$s" >> "$T/$r.screens"
		echo "$title" >> "$T/$r.opened"
		# its head line (line 3) names a state column; a cell cut
		# with ..; hidden columns (line 2)
		line 3 "$s"
		for h in $STATE_HEADS; do
			case "$_line" in *"$h"*)
				echo "$title" >> "$T/$r.states"; break ;;
			esac
		done
		case "$s" in *[!\ ]..\ *) echo "$title" >> "$T/$r.cut" ;; esac
		check_screen "$r $title" "$s" >> "$T/$r.bad"
		line 2 "$s"
		if case "$_line" in *"右键 更多列"*) true ;; *) false ;; esac; then
			tm send-keys -t "$w" Right
			if s=$(look "$w" "左" 5); then
				echo "$title" >> "$T/$r.scrolled"
				check_screen "$r $title, scrolled" \
				    "$s" >> "$T/$r.bad"
			else
				echo "$title: Right showed nothing" >> "$T/$r.bad"
			fi
		fi
		tm send-keys -t "$w" F10
		wait_screen "$w" "主菜单" 5 || to_menu "$w"
	done < "$T/$r.entries"
	tm kill-session -t "$w"
}
printf '%s\n' "$TITLES" > "$T/titles"
ROLES="admin jjjc yc_city hl_jb hl_sh hl_cz xg_zhen ss_maker fs_dealer"
pids=
for role in $ROLES; do role_lists "$role" & pids="$pids $!"; done
wait $pids
for role in $ROLES; do
	if [ -s "$T/$role.bad" ]; then
		notok "$role: every list within 80 columns, no state label cut"
		sed 's/^/# /' "$T/$role.bad"
	elif [ -s "$T/$role.opened" ]; then
		ok "$role: $(wc -l < "$T/$role.opened") lists within 80 columns, no state label cut"
		diag "$(tr '\n' ' ' < "$T/$role.opened")"
	else
		notok "$role: opened lists"
	fi
done
cat "$T"/*.opened "$T"/*.states "$T"/*.scrolled "$T"/*.cut 2>/dev/null > /dev/null
all() { cat "$T"/*."$1" 2>/dev/null; }
[ "$(all opened | wc -l)" -ge 60 ] && ok "$(all opened | wc -l) lists opened" ||
    notok "lists opened: $(all opened | wc -l)"
all states | grep -qx "补贴申请" &&
    ok "the application list shows its state column at 80 columns" ||
    notok "the application list shows its state column at 80 columns"
all scrolled | grep -q . &&
    ok "hidden columns are marked and Right shows them ($(all scrolled |
    sort -u | tr '\n' ' '))" || notok "a list scrolls sideways"
all cut | grep -q . && ok "a long name keeps its head and ends in .." ||
    notok "a long name keeps its head and ends in .."
grep -qF "宁夏新农机械有限公司贺兰县丰.. " "$T/ss_maker.screens" 2>/dev/null &&
    ok "a dealer's name of 37 characters: its head and the mark, in 80 columns" ||
    notok "a dealer's name of 37 characters: its head and the mark, in 80 columns"

# the approver's queue: the whole label, in words
login q hl_sh
open_menu q "审核申请"
shows "the approver's queue shows 已上报待审核 whole" q "已上报待审核"
tm kill-session -t q

# --- a dialog over CJK closes cleanly, on five terminal types ------------
# (a login each, as the per-user session limit counts closing sessions)
for tl in xterm:hl_jb xterm-256color:yn_sh putty:xg_zhen linux:jg_zhen \
    vt100:yn_jb; do	# (plink logs in as hl_sh below: not here)
	tt=${tl%:*}
	TERM_AS=$tt login "d$tt" "${tl#*:}" || {
		notok "$tt: logs in"; screen "d$tt" | sed 's/^/#   /'; continue; }
	press "d$tt" End	# F10 selects the last entry too
	before=$(stable "d$tt" | sed 's/ *$//')
	tm send-keys -t "d$tt" F10
	wait_screen "d$tt" "确定要退出登录吗" 5
	during=$(stable "d$tt")
	check_screen "$tt, the question" "$during" >> "$T/dialog.bad"
	tm send-keys -t "d$tt" n
	wait_screen "d$tt" "主菜单" 5
	sleep 0.2
	after=$(stable "d$tt" | sed 's/ *$//')
	if [ "$before" = "$after" ] && [ "$before" != "$during" ]; then
		ok "$tt: the screen after the question is the one before"
	else
		notok "$tt: the screen after the question is the one before"
		printf '%s\n' "$before" > "$T/b"; printf '%s\n' "$after" > "$T/a"
		diff "$T/b" "$T/a" | sed 's/^/#   /'
	fi
	tm kill-session -t "d$tt"
done
# --- and under PuTTY's plink (its own terminal type, xterm) --------------
if command -v plink > /dev/null 2>&1; then
	login_plink pl hl_sh
	open_menu pl "补贴申请" && wait_screen pl "筛选：[" 10
	s=$(screen pl)
	check_screen "plink 补贴申请" "$s" >> "$T/dialog.bad"
	printf '%s\n' "$s" | grep -q "阿不都热\.\. " &&
	    printf '%s\n' "$s" | grep -q "已上报待审核" &&
	    ok "plink: the applications at 80x24, a long name cut with .., the state whole" ||
	    { notok "plink: the applications at 80x24"; printf '%s\n' "$s" |
	    sed 's/^/#   /'; }
	tm send-keys -t pl F10
	wait_screen pl "主菜单" 5
	press pl End
	before=$(stable pl | sed 's/ *$//')
	tm send-keys -t pl F10
	wait_screen pl "确定要退出登录吗" 5
	tm send-keys -t pl n
	wait_screen pl "主菜单" 5
	sleep 0.2
	after=$(stable pl | sed 's/ *$//')
	same "plink: the screen after the question is the one before" \
	    "$before" "$after"
	tm kill-session -t pl
fi
[ ! -s "$T/dialog.bad" ] && ok "the questions fit 80 columns" ||
    { notok "the questions fit 80 columns"; sed 's/^/# /' "$T/dialog.bad"; }

sanitizer_clean
echo "1..$n"
