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

export NJBT_TEST_HASH_MS=1500
printf 'max_hashes 1\nhash_wait 2\n' > "$T/njbt.conf"
serve_start --conf "$T/njbt.conf" || exit 1
grep -q "password hashes at once: 1, a login waits 2 s at most" \
    "$T/serve.log" && ok "the cap is logged at start" ||
    notok "the cap is logged at start"

# pw LOGIN PASSWORD OUT: one password login, no terminal, in the background
pw() {
	timeout 30 sshpass -p "$2" ssh $SSHO -o PreferredAuthentications=password \
	    -o NumberOfPasswordPrompts=1 -T -p "$PORT" "$1@127.0.0.1" \
	    < /dev/null > "$3" 2>&1 &
	PIDS="$PIDS $!"
}
# done_all: wait for the logins started (not for the server)
done_all() { wait $PIDS; PIDS=; }
PIDS=
# pl LOGIN PASSWORD OUT: the same under PuTTY's plink (keyboard-interactive)
pl() {
	fp=$(grep -o 'SHA256:[^ ]*' "$T/serve.log" | head -1)
	HOME=$T timeout 30 plink -ssh -batch -hostkey "$fp" -P "$PORT" \
	    -pw "$2" "$1@127.0.0.1" < /dev/null > "$3" 2>&1 &
	PIDS="$PIDS $!"
}
# starts N: wait until the log shows N hash starts
starts() {
	i=0
	while [ "$(grep -c 'hash slot 0 start' "$T/serve.log")" -lt "$1" ] &&
	    [ $i -lt 300 ]; do sleep 0.05; i=$((i + 1)); done
}

# two at once: the second waits for the first's slot, both log in
pw hl_jb njbt-demo "$T/a"
starts 1
pw hl_sh njbt-demo "$T/b"
done_all
same "both logged in" 2 "$(grep -cE 'login password' "$T/serve.log")"
# the hash intervals in the order they started: none begins before the
# one before it ended
awk '/hash slot 0 start/ { s[++n] = $NF } /hash slot 0 end/ { e[++m] = $NF }
    END { for (i = 2; i <= n; i++) if (s[i] < e[i - 1]) bad++
	  print n, m, bad + 0 }' "$T/serve.log" > "$T/iv"
same "two hashes, one after the other" "2 2 0" "$(cat "$T/iv")"
grep -q "password waited [0-9]* ms for a slot (1 at once)" "$T/serve.log" &&
    ok "the wait is logged" || notok "the wait is logged"

# a storm: one holds the slot 1.5 s, the next gets it after, the third
# would wait past hash_wait (2 s): refused, told in Chinese on the
# terminal (OpenSSH or plink, whichever it is), never hashed
pw yn_jb njbt-demo "$T/c"
starts 3
pw yn_sh njbt-demo "$T/d"
pl hl_cz njbt-demo "$T/e"
done_all
same "three logins hashed, not four" 4 \
    "$(grep -c 'hash slot 0 start' "$T/serve.log")"
same "one refused for want of a slot" 1 \
    "$(grep -c 'refused: no password slot free in 2 s' "$T/serve.log")"
same "... and told in Chinese on its terminal" 1 "$(cat "$T/d" "$T/e" |
    grep -c '登录被拒绝：登录的人较多，请稍后再试。')"
awk '/hash slot 0 start/ { s[++n] = $NF } /hash slot 0 end/ { e[++m] = $NF }
    END { for (i = 2; i <= n; i++) if (s[i] < e[i - 1]) bad++
	  print bad + 0 }' "$T/serve.log" > "$T/iv"
same "never two hashes at once" 0 "$(cat "$T/iv")"
# the refusal is not a wrong password: nothing counted against the user
same "no failure counted for the refused one" 0 \
    "$(q "SELECT count(*) FROM audit WHERE action = 'login.fail'")"

serve_stop
same "server stops with status 0" 0 $?
sanitizer_clean
echo "1..$n"
