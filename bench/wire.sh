#!/bin/sh
# bench/wire.sh: what the screens cost on the wire (issue 3). Starts
# `njbt serve` with NJBT_WIRE_LOG, logs in with the real OpenSSH client in
# an 80x24 tmux, and counts the application bytes the server sends for:
# login to the first menu, a menu move, a full form paint, moving to the
# next field, one CJK character typed, a 20-row list page; each in plain
# mode (colour off) and with colour. The baseline, measured in the same
# run, is a full repaint of the same form (Ctrl-L), so each figure is
# also given as a share of repainting everything. Then the resident
# memory of an idle session (session process + screens) and the time
# from authentication to the first complete paint, median of 20 logins.
#   sh bench/wire.sh            (uses build/njbt)
#   WIRE_ONLY=1 sh bench/wire.sh   (the bytes and their verdicts only)
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NJBT=${NJBT:-$ROOT/build/njbt}
T=$(mktemp -d /tmp/njbt-wire-XXXXXX)
export NJBT_DB=$T/njbt.db NJBT_FORMS=$ROOT/forms LANG=C.UTF-8
export NJBT_NOW=2026-05-10T10:00:00
SOCK=njbt-wire-$$
PORT=$((24000 + $$ % 1000))
LOG=$T/wire.log
# its tmux socket in $T, gone with it
export TMUX_TMPDIR="$T"
tm() { tmux -L "$SOCK" "$@"; }
cleanup() { [ -n "${SRV:-}" ] && kill "$SRV" 2>/dev/null; tm kill-server 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT

"$NJBT" init --demo > /dev/null || exit 1
NJBT_WIRE_LOG=$LOG "$NJBT" serve --listen 127.0.0.1:$PORT --rate 0 \
    2> "$T/serve.log" &
SRV=$!
# until it listens (a loaded machine takes more than a moment)
w=0
until grep -q "listening on" "$T/serve.log" 2>/dev/null; do
	kill -0 "$SRV" 2>/dev/null && [ $w -lt 300 ] || {
		echo "bench-wire: the server did not start:" >&2
		cat "$T/serve.log" >&2; exit 1; }
	sleep 0.1; w=$((w + 1))
done

ssh_cmd() {
	echo "sshpass -p njbt-demo ssh -F /dev/null -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -o PreferredAuthentications=password -tt -p $PORT $1@127.0.0.1"
}

# quiet: wait until the log stops growing for 0.4 s
quiet() {
	last=-1
	while :; do
		n=$(wc -c < "$LOG" 2>/dev/null || echo 0)
		[ "$n" = "$last" ] && return
		last=$n
		sleep 0.4
	done
}

# mark: the number of log lines so far
mark() { quiet; wc -l < "$LOG"; }

# bytes FROM: application bytes sent after line FROM
bytes() { tail -n +$(($1 + 1)) "$LOG" | awk '$3 == "out" {s += $4} END {print s + 0}'; }

wait_for() { w=0; while [ $w -lt 300 ]; do tm capture-pane -p -t w 2>/dev/null | grep -qF -- "$1" && return 0; sleep 0.1; w=$((w+1)); done; echo "bench-wire: no \"$1\" on screen" >&2; tm capture-pane -p -t w >&2; exit 1; }

run() { # LOGIN MODE
	: > "$LOG"
	tm new-session -d -s w -x 80 -y 24 "$(ssh_cmd "$1")"
	wait_for "主菜单"
	m=$(mark); login=$(bytes 0)
	tm send-keys -t w Down; m2=$(mark); move=$(bytes "$m")
	key=$(tm capture-pane -p -t w | sed -n 's/^[ >]*\(.\)  录入补贴申请.*/\1/p' | head -1)
	tm send-keys -t w Up "$key"; wait_for "购机者类型"; m3=$(mark); form=$(bytes "$m2")
	tm send-keys -t w Tab; m4=$(mark); field=$(bytes "$m3")
	tm send-keys -t w 张; wait_for "[张"; m5=$(mark); cjk=$(bytes "$m4")
	tm send-keys -t w C-l; m6=$(mark); full=$(bytes "$m5")
	tm send-keys -t w Tab Tab Tab Tab Tab Tab Tab F4; wait_for "选择：品目"
	m7=$(mark); list=$(bytes "$m6")
	rows=$(tm capture-pane -p -t w | grep -cE '^[ >] [0-9]+\.[0-9]+\.[0-9]+ ')
	tm send-keys -t w F10 F10 n; sleep 0.3
	tm kill-server 2>/dev/null; sleep 0.5
	pct() { awk -v a="$1" -v b="$full" 'BEGIN { printf "%.1f%%", b ? 100 * a / b : 0 }'; }
	printf '%-8s login->menu %5d B | menu move %4d B (%s) | form paint %5d B (%s) | next field %3d B (%s) | CJK char %3d B (%s) | %d-row list page %5d B (%s) | baseline full repaint %5d B\n' \
	    "$2" "$login" "$move" "$(pct $move)" "$form" "$(pct $form)" \
	    "$field" "$(pct $field)" "$cjk" "$(pct $cjk)" "$rows" "$list" \
	    "$(pct $list)" "$full"
	eval "${2}_form=$form ${2}_cjk=$cjk ${2}_field=$field ${2}_list=$list"
}

echo "bench/wire: application bytes sent by the server at 80x24 (TERM=tmux)"
"$NJBT" do --as xg_zhen user.prefs colour=0 > /dev/null
run xg_zhen plain
"$NJBT" do --as jg_zhen user.prefs colour=1 > /dev/null
run jg_zhen colour
verdict() { [ "$2" -le "$3" ] && echo "$1 $2 B <= $3 B: met" || echo "$1 $2 B > $3 B: MISSED"; }
verdict "plain form paint" "$plain_form" 2048
verdict "plain CJK character" "$plain_cjk" 8
verdict "plain field move" "$plain_field" 16
verdict "plain list page" "$plain_list" 2048
# issue 11: no more than 10% over what these cost before its screens
# (form paint 821 B, next field 4 B, CJK character 3 B, list page 1475 B)
verdict "issue 11: plain form paint" "$plain_form" 903
verdict "issue 11: plain field move" "$plain_field" 4
verdict "issue 11: plain CJK character" "$plain_cjk" 3
verdict "issue 11: plain list page" "$plain_list" 1622
# WIRE_ONLY=1 (tests/e2e/wire.sh): the bytes only, not memory and logins
[ "${WIRE_ONLY:-0}" = 1 ] && exit 0

# resident memory of one idle session, and auth -> first paint
: > "$LOG"
tm new-session -d -s w -x 80 -y 24 "$(ssh_cmd hl_jb)"
wait_for "主菜单"; quiet
spid=$(awk '$3 == "start" {print $2; exit}' "$LOG")
rss=0
for p in $spid $(pgrep -P "$spid"); do
	r=$(awk '/^VmRSS/ {print $2}' /proc/$p/status 2>/dev/null)
	rss=$((rss + ${r:-0}))
done
srv=$(awk '/^VmRSS/ {print $2}' /proc/$SRV/status)
echo "idle session resident memory: ${rss} kB (session process + screens); listener ${srv} kB"
tm kill-server 2>/dev/null; sleep 0.5
times=
login_n=0
while [ $login_n -lt 20 ]; do
	: > "$LOG"
	tm kill-server 2>/dev/null; sleep 0.2
	outs=$(grep -c " logout " "$T/serve.log")
	tm new-session -d -s w -x 80 -y 24 "$(ssh_cmd hl_jb)"
	wait_for "主菜单"; quiet
	t=$(awk '$3 == "start" {s = $1} $3 == "out" {e = $1} END {printf "%.1f", (e - s) * 1000}' "$LOG")
	times="$times $t"
	tm kill-server 2>/dev/null
	k=0
	while [ "$(grep -c " logout " "$T/serve.log")" -le "$outs" ] && [ $k -lt 50 ]; do
		sleep 0.1; k=$((k + 1))
	done
	login_n=$((login_n + 1))
done
echo "$times" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR] = $1} END {printf "auth to first paint: median %.1f ms of %d logins (min %.1f, max %.1f)\n", a[int((NR + 1) / 2)], NR, a[1], a[NR]}'
