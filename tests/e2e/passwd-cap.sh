#!/bin/sh
# tests/e2e/passwd-cap.sh: issue 15 item 4, password changes under the
# cap on hashes at once. The session processes are forked by the server;
# each takes its slot of the server's one memory file (src/auth-gate.c)
# for a password change as for a login (src/action.c). With max_hashes 1
# three clerks save the change-password form at once: the server's hash
# log (a test build appends to $NJBT_TEST_HASH_LOG when each hash holds
# its slot and lets it go, from whichever process: a session's screens
# log to syslog alone; NJBT_TEST_HASH_MS holds it as a release build's
# argon2id would) shows the three hashes one after the other, the later
# ones queued, and all three saved (two under OpenSSH, one under plink).
. "$(dirname "$0")/ssh-lib.inc"

export NJBT_TEST_HASH_MS=600 NJBT_TEST_HASH_LOG="$T/hash.log"
printf 'max_hashes 1\nhash_wait 30\n' > "$T/njbt.conf"
serve_start --conf "$T/njbt.conf" || exit 1

USERS="hl_jb hl_sh hl_cz"
# two under OpenSSH, the third under PuTTY's plink
for u in $USERS; do
	if [ "$u" = hl_cz ]; then login_plink "$u" "$u"
	else login "$u" "$u"; fi || notok "$u logs in"
	# the entry's hotkey read once End has drawn the last page: read
	# before, the first page has none and the password typed next
	# lands on the menu's hotkeys
	tm send-keys -t "$u" End
	wait_screen "$u" "  修改密码" 10 || notok "$u: End shows the entry"
	tm send-keys -t "$u" "$(menu_key "$u" "修改密码")"
	wait_screen "$u" "再次输入新密码" 10 || notok "$u: the password form"
	tm send-keys -t "$u" "njbt-demo" Tab "new-pass-$u" Tab "new-pass-$u"
done
wait_screen hl_cz "新密码" 5
# the logins' hashes are done: the ones after this line are the changes
before=$(grep -c 'hash slot 0 start' "$T/hash.log")
for u in $USERS; do tm send-keys -t "$u" F2; done
for u in $USERS; do
	shows "$u: the change saved" "$u" "已修改密码：修改密码 $u" 30
done
same "three hashes of the changes" 3 \
    "$(( $(grep -c 'hash slot 0 start' "$T/hash.log") - before ))"
# their intervals in the order they started: none begins before the one
# before it ended
awk -v skip="$before" '/hash slot 0 start/ { if (++a > skip) s[++n] = $NF }
    /hash slot 0 end/ { if (++b > skip) e[++m] = $NF }
    END { for (i = 2; i <= n; i++) if (s[i] < e[i - 1]) bad++
	  print n, m, bad + 0 }' "$T/hash.log" > "$T/iv"
same "one after the other" "3 3 0" "$(cat "$T/iv")"
# the later ones waited for the slot, the last about two holds
awk -v skip="$before" '/hash slot 0 start/ { n++ } /hash slot 0 waited/ {
    if (n >= skip) { w++; if ($NF > most) most = $NF } }
    END { print (w >= 2), (most >= 900) }' "$T/hash.log" > "$T/w"
same "... the later two queued for the slot, the last one for two hashes" \
    "1 1" "$(cat "$T/w")"
for u in $USERS; do
	same "$u: the new password stored" 1 "$(q "SELECT count(*) FROM audit \
	    WHERE action = 'user.passwd' AND login = '$u'")"
done

serve_stop
same "the server stops cleanly" 0 "$?"
sanitizer_clean
echo "1..$n"
