#!/bin/bash
# bench/screenkeys.sh: the screens' own cost of a key (issue 15), without
# SSH: `njbt tui --user hl_jb` over a copy of a database (the million-sale
# one of bench/million.h: build/bench-sessions makes /tmp/njbt-million.db)
# in an 80x24 tmux pane; N characters typed and erased in the application
# form's first text field, then N moves (Down, Up) in the verification
# queue. Prints, for each build given, the screens' process CPU a key
# (/proc/PID/schedstat, which a busy host disturbs) and, with -c, the
# instructions a key under callgrind (the same session without the keys
# subtracted; a host does not disturb them). With two builds, the second
# against the first (the baseline, in the same run).
#
#   bench/screenkeys.sh [-c] DB N NJBT [NJBT2]
#
# Needs tmux (and valgrind for -c). Every run stops by itself: each step
# waits a fixed time, and the tmux server is killed at the end.
set -u
cg=
[ "${1:-}" = -c ] && { cg=1; shift; }
[ $# -ge 3 ] || { echo "usage: bench/screenkeys.sh [-c] DB N NJBT [NJBT2]" >&2; exit 2; }
db=$1 n=$2
shift 2
dir=$(mktemp -d "${TMPDIR:-/tmp}/screenkeys-XXXXXX") || exit 1
T="tmux -L screenkeys-$$"
trap '$T kill-server 2>/dev/null; rm -rf "$dir"' EXIT INT TERM
for f in "$db" "$db.key" "$db.anchor"; do
	[ -e "$f" ] && cp "$f" "$dir/"
done
copy=$dir/$(basename "$db")
# slower steps under valgrind
slow=1
[ -n "$cg" ] && slow=8

# (no awk at full speed: a process a key beside the one measured)
pause() {
	if [ "$slow" = 1 ]; then
		sleep "$1"
	else
		sleep "$(awk -v s="$1" -v k="$slow" 'BEGIN { print s * k }')"
	fi
}

# the screens' CPU so far, ns (0 under valgrind: its counts are read)
cpu() { [ -n "$pid" ] && awk '{ print $1 }' "/proc/$pid/schedstat" || echo 0; }

# run NJBT KEYS [CGOUT]: start the screens, open the form and the queue
# with KEYS key pairs each, end the session; CPU us of the screens' process
# during the key pairs on stdout
run() {
	local bin=$1 keys=$2 out=${3:-} b a b2 a2 i wrap=
	[ -n "$out" ] && wrap="valgrind --tool=callgrind --callgrind-out-file=$out"
	$T kill-server 2>/dev/null
	$T new-session -d -s a -x 80 -y 24 "env TERM=xterm LANG=C.UTF-8 \
	    TZ=Asia/Shanghai $wrap $bin tui --db $copy --user hl_jb \
	    2>/dev/null; sleep 600"
	pause 2
	pid=
	[ -z "$out" ] && pid=$(pgrep -f "^$bin tui --db $copy" | head -1)
	$T send-keys -t a 1; pause 0.8; $T send-keys -t a -H 09; pause 0.3
	b=$(cpu)
	for ((i = 0; i < keys; i++)); do
		$T send-keys -t a 6; pause 0.02
		$T send-keys -t a -H 7f; pause 0.02
	done
	pause 0.3
	a=$(cpu)
	$T send-keys -t a -H 1b 5b 32 31 7e; pause 0.5
	$T send-keys -t a n; pause 0.5
	$T send-keys -t a 7; pause 1
	b2=$(cpu)
	for ((i = 0; i < keys; i++)); do
		$T send-keys -t a Down; pause 0.02
		$T send-keys -t a Up; pause 0.02
	done
	pause 0.3
	a2=$(cpu)
	$T send-keys -t a -H 1b 5b 32 31 7e; pause 0.5
	$T send-keys -t a -H 1b 5b 32 31 7e; pause 0.5
	$T send-keys -t a y; pause 1
	[ -n "$out" ] && for ((i = 0; i < 60; i++)); do
		grep -q '^totals' "$out" 2>/dev/null && break; sleep 1
	done
	$T kill-server 2>/dev/null
	echo "$(((a - b) / 1000)) $(((a2 - b2) / 1000))"
}

k=0
for bin in "$@"; do
	read -r typ mov < <(run "$bin" "$n")
	line=$(printf "%-28s typing %4d us a key, moves %4d us a key" \
	    "$bin" $((typ / (2 * n))) $((mov / (2 * n))))
	ins=
	if [ -n "$cg" ]; then
		run "$bin" "$n" "$dir/cg.keys" > /dev/null
		run "$bin" 0 "$dir/cg.none" > /dev/null
		with=$(awk '/^totals/ { print $2 }' "$dir/cg.keys")
		none=$(awk '/^totals/ { print $2 }' "$dir/cg.none")
		ins=$(((with - none) / (4 * n)))
		line="$line; $ins instructions a key"
	fi
	echo "$line"
	k=$((k + 1))
	if [ "$k" -eq 1 ]; then
		base_typ=$typ base_mov=$mov base_ins=$ins
	else
		awk -v t="$typ" -v bt="$base_typ" -v m="$mov" -v bm="$base_mov" \
		    -v i="$ins" -v bi="$base_ins" 'BEGIN {
			printf "  against the first: typing %.2fx, moves %.2fx",
			    t / bt, m / bm
			if (i != "") printf ", instructions %.2fx", i / bi
			print ""
		}'
	fi
done
