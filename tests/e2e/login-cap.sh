#!/bin/sh
# tests/e2e/login-cap.sh: password hashes are capped across the session
# processes (issue 15 item 5, src/auth-gate.c). With max_hashes 1 two
# logins at once hash one after the other (the test build logs when each
# hash holds its slot; NJBT_TEST_HASH_MS makes each hold it as long as a
# release build's argon2id would, and longer); a login queued past
# hash_wait is refused with a Chinese message on its terminal (OpenSSH
# and PuTTY's plink alike) and hashes nothing, as an attacker's storm of
# connections would be: at most max_hashes x 64 MiB.
. "$(dirname "$0")/ssh-lib.inc"

export NJBT_TEST_HASH_MS=500
printf 'max_hashes 1\nhash_wait 3\n' > "$T/njbt.conf"
serve_start --conf "$T/njbt.conf" || exit 1
grep -q "password hashes at once: 1, a login waits 3 s at most" \
    "$T/serve.log" && ok "the cap is logged at start" ||
    notok "the cap is logged at start"

# pw LOGIN PASSWORD OUT: one password login, no terminal, in the background
pw() {
	timeout 30 sshpass -p "$2" ssh $SSHO -o PreferredAuthentications=password \
	    -o NumberOfPasswordPrompts=1 -T -p "$PORT" "$1@127.0.0.1" \
	    < /dev/null > "$3" 2>&1 3>&- &
	PIDS="$PIDS $!"
}
# done_all: wait for the logins started (not for the server)
done_all() { wait $PIDS; PIDS=; }
PIDS=
# pl LOGIN PASSWORD OUT: the same under PuTTY's plink (keyboard-interactive)
pl() {
	fp=$(grep -o 'SHA256:[^ ]*' "$T/serve.log" | head -1)
	HOME=$T timeout 30 plink -ssh -batch -hostkey "$fp" -P "$PORT" \
	    -pw "$2" "$1@127.0.0.1" true < /dev/null > "$3" 2>&1 3>&- &
	PIDS="$PIDS $!"
}
# hold / release: the test holds the slot itself, through the server's
# memory file, as a slow hash (or an attacker's login) would hold it,
# until its fd 3 closes (which the logins started meanwhile do not get)
memfd=$(ls -l "/proc/$SERVER_PID/fd" |
    sed -n 's/.* \([0-9]*\) -> .memfd:njbt-hash-slots.*/\1/p')
hold() {
	rm -f "$T/held" "$T/held.ok"
	mkfifo "$T/held"
	python3 -c '
import fcntl, sys
f = open(sys.argv[1], "rb+")
fcntl.lockf(f, fcntl.LOCK_EX, 1, 0)
open(sys.argv[2], "w").close()
sys.stdin.read()' "/proc/$SERVER_PID/fd/$memfd" "$T/held.ok" < "$T/held" &
	holder=$!
	exec 3> "$T/held"
	i=0
	while [ ! -e "$T/held.ok" ] && [ $i -lt 200 ]; do
		sleep 0.05; i=$((i + 1)); done
}
release() { exec 3>&-; wait $holder; }
# logged TEXT N: wait until the log has N lines with TEXT
logged() {
	i=0
	while [ "$(grep -c "$1" "$T/serve.log")" -lt "$2" ] && [ $i -lt 300 ]
	do sleep 0.05; i=$((i + 1)); done
}

# two queued at once: when the slot is free they hash one after the
# other, and both log in
hold
pw hl_jb njbt-demo "$T/a"
pw hl_sh njbt-demo "$T/b"
logged 'password queued for a slot (1 at once)' 2
release
done_all
same "both logged in" 2 "$(grep -cE 'login password' "$T/serve.log")"
# the hash intervals in the order they started: none begins before the
# one before it ended
awk '/hash slot 0 start/ { s[++n] = $NF } /hash slot 0 end/ { e[++m] = $NF }
    END { for (i = 2; i <= n; i++) if (s[i] < e[i - 1]) bad++
	  print n, m, bad + 0 }' "$T/serve.log" > "$T/iv"
same "two hashes, one after the other" "2 2 0" "$(cat "$T/iv")"
same "both waits logged" 2 "$(grep -c 'password waited [0-9]* ms for a slot (1 at once)' "$T/serve.log")"

# a storm while the slot stays held: the logins queued past hash_wait
# (3 s) are refused, told in Chinese on the terminal (OpenSSH and
# plink), never hashed, no failure counted
hold
pw yn_sh njbt-demo "$T/d"
pl hl_cz njbt-demo "$T/e"
done_all
release
same "both refused for want of a slot" 2 \
    "$(grep -c 'refused: no password slot free in 3 s' "$T/serve.log")"
same "... nothing hashed" 2 "$(grep -c 'hash slot 0 start' "$T/serve.log")"
same "... told in Chinese on the terminal of OpenSSH" 1 \
    "$(grep -c '登录被拒绝：登录的人较多，请稍后再试。' "$T/d")"
same "... and of plink" 1 \
    "$(grep -c '登录被拒绝：登录的人较多，请稍后再试。' "$T/e")"
same "... no failure counted" 0 \
    "$(q "SELECT count(*) FROM audit WHERE action = 'login.fail'")"

# issue 15 item 2: the screens' connection reads the database into its
# own small cache from the kernel's page cache, never through a map of
# the file (each page a session process first touched through a map
# cost it a fault: bench/sessions lost 696 keys of 6,111 at 500 sessions
# with it, 1 without); what its cache holds an idle session gives back
# (store_trim, tests/unit/test-store-session.c)
login m hl_jb || notok "hl_jb at the menu"
kid=$(pgrep -P "$SERVER_PID" | head -1)
scr=$(pgrep -P "$kid" | head -1)
maps() { grep -c " $NJBT_DB\$" "/proc/$scr/maps" 2>/dev/null; }
tm send-keys -t m "$(menu_key m '机具核验')"
wait_screen m "筛选" 10
[ -n "$scr" ] && [ -r "/proc/$scr/maps" ] &&
    ok "the screens' process is there to look at" ||
    notok "the screens' process is there to look at"
same "a list open: the screens hold no map of the database" 0 "$(maps)"
tm send-keys -t m NPage
sleep 0.5
same "... nor after the next page" 0 "$(maps)"

serve_stop
same "server stops with status 0" 0 $?
sanitizer_clean
echo "1..$n"
