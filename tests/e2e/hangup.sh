#!/bin/sh
# tests/e2e/hangup.sh: the end of a session with a client that reads it
# late. The server closes the channel and waits for the client to hang up
# (SESS_HANGUP_MS, 10 s) before it hangs up itself; a client that did so
# gets no disconnect message (the client hangs up itself). Through
# tests/tools/holdrelay.py, a ProxyCommand that holds what the server
# sends for a while (a slow link, a client held off the processor): PuTTY's
# psftp and OpenSSH's sftp whose replies come 3 s late still end cleanly
# (psftp exited 1 on the disconnect it read with the close, when the
# server hung up after 2 s: the flake of stop 24); a client that never
# answers holds its session no longer than the wait: the server hangs up,
# logs the logout and frees the session. A client whose close comes before
# it has read ours is waited for (pscp's flake of stop 30); one that closes
# first and never hangs up is hung up on after the same wait.
. "$(dirname "$0")/ssh-lib.inc"

serve_start || exit 1
FP=$(ssh-keygen -l -f "$NJBT_DB.hostkey.pub" | awk '{ print $2 }')
RELAY="python3 $ROOT/tests/tools/holdrelay.py $PORT"

# late NAME SECONDS LOGIN CLIENT: start CLIENT (psftp or sftp) as LOGIN
# through the relay, its batch from the fifo $T/NAME.fifo (held open on
# file descriptor 3 for psftp, 4 for sftp), its output in $T/NAME.out; once
# it has listed /outbox, hold the server's bytes for SECONDS and end the
# batch. Its pid in $late_pid. (None holds another's fifo open.)
late() {
	rm -f "$T/$1.fifo" "$T/$1.pid"
	mkfifo "$T/$1.fifo"
	if [ "$4" = psftp ]; then
		stdbuf -oL psftp -batch -P "$PORT" -hostkey "$FP" -pw njbt-demo -be \
		    -b "$T/$1.fifo" -proxycmd "$RELAY $T/$1.pid $2" \
		    "$3@njbt-hangup.invalid" > "$T/$1.out" 2>&1 3>&- 4>&- 5>&- &
	else
		sshpass -p njbt-demo stdbuf -oL sftp $SSHO -o LogLevel=ERROR \
		    -o BatchMode=no -o "ProxyCommand=$RELAY $T/$1.pid $2" \
		    -b "$T/$1.fifo" "$3@njbt-hangup.invalid" > "$T/$1.out" 2>&1 \
		    3>&- 4>&- 5>&- &
	fi
	late_pid=$!
}
# start NAME FD: the batch of NAME: list /outbox, wait for the listing,
# then the hold and at once the end of the batch (FD closed: the client
# sends its EOF, and the server's answer is held)
start() {
	echo "ls /outbox" >&"$2"
	i=0
	while [ $i -lt 200 ] && ! grep -q "outbox" "$T/$1.out" 2>/dev/null; do
		sleep 0.1; i=$((i + 1))
	done
	i=0
	while [ $i -lt 100 ] && [ ! -s "$T/$1.pid" ]; do
		sleep 0.1; i=$((i + 1))
	done
	kill -USR1 "$(cat "$T/$1.pid")"
	eval "exec $2>&-"
}

late p 3 hl_jb psftp
pp=$late_pid
exec 3> "$T/p.fifo"
late o 3 yn_jb sftp
op=$late_pid
exec 4> "$T/o.fifo"
late n 60 hl_sh sftp
np=$late_pid
exec 5> "$T/n.fifo"
start p 3
start o 4
start n 5
# the abuse of the wait below (a client that closes its channel first and
# then never hangs up, to hold a session process): hung up on after the
# server's wait, beside the others' waits (started once the batches'
# fifos are closed here: it would hold them open, and their clients' EOF)
cfh=
if [ -x "$ROOT/build/closefirst" ]; then
	"$ROOT/build/closefirst" "$PORT" xg_zhen njbt-demo 20000 \
	    > "$T/cfh.out" 2>&1 &
	cfh=$!
fi

wait "$pp"
ran "psftp, its replies 3 s late: the session ends cleanly" $? "$T/p.out"
grep -qi "disconnect" "$T/p.out" &&
    { notok "... with no disconnect message"; sed 's/^/#   /' "$T/p.out"; } ||
    ok "... with no disconnect message"
wait "$op"
ran "OpenSSH sftp, its replies 3 s late: the session ends cleanly" $? "$T/o.out"
grep -qi "disconnect" "$T/o.out" &&
    { notok "... with no disconnect message"; sed 's/^/#   /' "$T/o.out"; } ||
    ok "... with no disconnect message"
for l in hl_jb yn_jb; do
	wait_log "$l 127.0.0.1 logout closed" 10 && ok "$l: logout logged" ||
	    notok "$l: logout logged"
done

# the client that never answers our close: hung up on, its session freed
wait_log "hl_sh 127.0.0.1 logout" 20 &&
    ok "a client that never closes its side is hung up on" ||
    notok "a client that never closes its side is hung up on"
wait_q 0 "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'hl_sh'" 10
same "... and its session is over" 0 \
    "$(q "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'hl_sh'")"
kill "$(cat "$T/n.pid")" 2>/dev/null
wait "$np" 2>/dev/null

# A client that closes its channel first and hangs up a moment later
# (tests/tools/closefirst.c: libssh's client, SFTP, no disconnect message):
# the server answers the close and waits for the hang-up. Before stop 30
# it hung up at once when the client's close came, with its own close:
# PuTTY's pscp sends its close as soon as it has both ends' EOF, maybe
# before it has read ours, and then exited 1, "Remote side unexpectedly
# closed network connection" (once in some 200 gets on a loaded machine).
if [ -x "$ROOT/build/closefirst" ]; then
	jb_q="SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id
	    WHERE u.login = 'hl_jb'"
	wait_q 0 "$jb_q" 10
	"$ROOT/build/closefirst" "$PORT" hl_jb njbt-demo 1500 > "$T/cf.out" 2>&1
	ran "a client that closes first, then hangs up 1.5 s later: not hung up on" \
	    $? "$T/cf.out"
	wait_q 0 "$jb_q" 10
	same "... its session is over once it has hung up" 0 "$(q "$jb_q")"
	wait "$cfh"
	rc=$? ms=$(awk '$1 == "server" {print $2}' "$T/cfh.out")
	[ "$rc" -eq 1 ] && [ -n "$ms" ] && [ "$ms" -lt 15000 ] &&
	    ok "one that closes first and never hangs up is hung up on (after $ms ms)" ||
	    { notok "one that closes first and never hangs up is hung up on"
	    diag "exit $rc: $(cat "$T/cfh.out")"; }
	xg_q="SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id
	    WHERE u.login = 'xg_zhen'"
	wait_q 0 "$xg_q" 10
	same "... and its session is over" 0 "$(q "$xg_q")"
else
	ok "a client that closes first # SKIP build/closefirst not built"
fi

serve_stop
same "server stops with status 0" 0 $?
sanitizer_clean
echo "1..$n"
