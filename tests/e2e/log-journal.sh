#!/bin/sh
# tests/e2e/log-journal.sh: issue 14 (4), the server's log under systemd
# with priorities. No systemd runs here, so the test does what journald
# does: it hands `njbt serve` a stderr and names it in $JOURNAL_STREAM
# ("dev:inode", systemd.exec(5)); each line must then carry its syslog
# priority first ("<6>", sd-daemon(3)), which journald stores as the
# line's priority: a login and a logout are information (6), a wrong
# password, a lock, a refused login and a refusal are warnings (4), a
# database a session cannot open is an error (3). Every line of the
# server's stderr has one (nothing goes there unmarked).
. "$(dirname "$0")/ssh-lib.inc"

: > "$T/serve.log"
JOURNAL_STREAM=$(stat -c '%d:%i' "$T/serve.log")
export JOURNAL_STREAM
serve_start --max-failures 2 || exit 1
unset JOURNAL_STREAM

# has WHAT PRIORITY TEXT: a line "<PRIORITY>TEXT..." comes to the log
has() {
	if wait_log "<$2>$3" 10; then ok "$1: <$2>"
	else notok "$1: <$2>"; diag "log: $(grep -F -- "$3" "$T/serve.log" |
	    head -3)"; fi
}
has "the start" 6 "- - listening on 127.0.0.1:$PORT"

login s hl_jb || notok "hl_jb logs in"
has "a login" 6 "hl_jb 127.0.0.1 login password"
tm send-keys -t s F10
wait_screen s "确定要退出登录吗" 10 && tm send-keys -t s y
has "a logout" 6 "hl_jb 127.0.0.1 logout quit"

# two wrong passwords (sshpass gives up at the second prompt: one a
# connection) lock the pair (hl_cz, 127.0.0.1): --max-failures 2
for i in 1 2; do
	sshpass -p wrong-password ssh $SSHO -o PreferredAuthentications=password \
	    -p $PORT hl_cz@127.0.0.1 true > /dev/null 2>&1
done
has "a wrong password" 4 "hl_cz 127.0.0.1 login.fail password"
has "a lock" 4 "hl_cz 127.0.0.1 login.lock reason=password scope=addr"
sshpass -p njbt-demo ssh $SSHO -o PreferredAuthentications=password \
    -p $PORT hl_cz@127.0.0.1 true > /dev/null 2>&1
has "the right password while locked: a refused login" 4 \
    "hl_cz 127.0.0.1 login.refused password"
sshpass -p njbt-demo ssh $SSHO -o PreferredAuthentications=password -T \
    -p $PORT hl_sh@127.0.0.1 < /dev/null > /dev/null 2>&1
has "a shell without a terminal: a refusal" 4 \
    "hl_sh 127.0.0.1 refused shell without pty"

# a session whose database cannot be opened (its key file gone)
mv "$NJBT_DB.key" "$T/key.away"
sshpass -p njbt-demo ssh $SSHO -o PreferredAuthentications=password -tt \
    -p $PORT yn_jb@127.0.0.1 < /dev/null > /dev/null 2>&1
has "a database a session cannot open: an error" 3 "- 127.0.0.1 database:"
mv "$T/key.away" "$NJBT_DB.key"

serve_stop
same "the server stops with status 0" 0 $?
has "the stop" 6 "- - stopped"
grep -vE '^<[0-7]>|Sanitizer|runtime error' "$T/serve.all" > "$T/bare"
same "every line of the server's stderr has its priority" "" \
    "$(head -3 "$T/bare")"
sanitizer_clean
echo "1..$n"
