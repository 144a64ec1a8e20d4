#!/bin/sh
# reload.sh: SIGHUP reads njbt.conf and the forms again (issue 14 (3)).
# A form broken on disk (and its title changed): after HUP a new login
# still gets the old screen, and the log names the error's file:line and
# the conf file's; `njbt serve -n` says the same and exits 1. Mended, HUP:
# a new login gets the new title. The sessions never read the forms
# themselves: the forms directory removed, a login still gets its menu.
# njbt.conf's inbox_files caps the SFTP inbox, and a reload changes it for
# the sessions after it.
. "$(dirname "$0")/ssh-lib.inc"

cp -r "$ROOT/forms" "$T/forms"
export NJBT_FORMS="$T/forms"
printf '# the test configuration\nidle 600\ninbox_files 2\n' > "$T/njbt.conf"
serve_start --conf "$T/njbt.conf" || exit 1
grep -q "njbt [0-9][^ ]* starting" "$T/serve.log" \
    && ok "serve logs its version at start" \
    || notok "serve logs its version at start"

# the inbox quota of njbt.conf: 2 files
IN="$(dirname "$NJBT_DB")/inbox/hl_jb"
mkdir -p "$T/up"
for f in a b c d; do echo $f > "$T/up/$f.txt"; done
put() { # FILES...: upload them as hl_jb
	: > "$T/batch"
	for f in "$@"; do echo "-put $T/up/$f.txt /inbox/" >> "$T/batch"; done
	sshpass -p njbt-demo sftp $SSHO -o LogLevel=ERROR -o BatchMode=no \
	    -P "$PORT" -b "$T/batch" hl_jb@127.0.0.1 > "$T/sftp.out" 2>&1
}
put a b c
same "njbt.conf inbox_files 2: the inbox holds 2 files" 2 "$(ls "$IN" | wc -l)"
grep -q "refused: 2 files in the inbox" "$T/serve.log" \
    && ok "... the third refused and logged" \
    || notok "... the third refused and logged"

# break the form: a new title, and a line no form may have
sed -i 's/title "开设生产企业账号"/title "开设生产企业账号（新）"/' \
    "$T/forms/admin.form"
printf 'bogus here\n' >> "$T/forms/admin.form"
bad=$(wc -l < "$T/forms/admin.form")
printf 'no_such_key 1\n' >> "$T/njbt.conf"
NJBT_FORMS="$T/forms" "$NJBT" serve -n --conf "$T/njbt.conf" \
    > "$T/n.out" 2> "$T/n.err"
same "serve -n with a broken form and conf exits 1" 1 "$?"
grep -q "admin.form:$bad: 未知的关键字“bogus”" "$T/n.err" \
    && grep -q "njbt.conf:4: 未知的配置项“no_such_key”" "$T/n.err" \
    && ok "... naming each file:line" \
    || { notok "... naming each file:line"; diag "$(cat "$T/n.err")"; }
kill -HUP "$SERVER_PID"
if wait_log "reload refused"; then ok "a broken reload is refused"
else notok "a broken reload is refused"; fi
grep -q "admin.form:$bad: 未知的关键字“bogus”" "$T/serve.log" \
    && grep -q "njbt.conf:4: 未知的配置项" "$T/serve.log" \
    && ok "... and the log has every file:line" \
    || { notok "... and the log has every file:line"; diag "$(tail -5 "$T/serve.log")"; }
kill -0 "$SERVER_PID" 2>/dev/null && ok "the server keeps serving" \
    || notok "the server keeps serving"
term a "$(ssh_pw admin njbt-demo)"
shows "a new login gets the old screen" a "开设生产企业账号"
screen a | grep -q "（新）" && notok "... not the broken file's" \
    || ok "... not the broken file's"
tm send-keys -t a F10
tm kill-session -t a

# mend both: the next login gets the new title
sed -i '$d' "$T/forms/admin.form"
sed -i -e '$d' -e 's/^inbox_files 2$/inbox_files 3/' "$T/njbt.conf"
"$NJBT" serve -n --conf "$T/njbt.conf" > "$T/n.out" 2> "$T/n.err"
same "serve -n of the mended files exits 0" 0 "$?"
kill -HUP "$SERVER_PID"
if wait_log "reloaded configuration and forms"; then ok "a good reload"
else notok "a good reload"; diag "$(tail -3 "$T/serve.log")"; fi
term b "$(ssh_pw admin njbt-demo)"
shows "a login after it gets the new screen" b "开设生产企业账号（新）"
tm kill-session -t b
put d
same "... and the new inbox_files 3" 3 "$(ls "$IN" | wc -l)"
# and under PuTTY's plink
if command -v plink > /dev/null 2>&1; then
	login_plink pl admin
	shows "plink: the new screen too" pl "开设生产企业账号（新）"
	tm kill-session -t pl
else
	ok "# SKIP no plink"
fi

# a storm of HUPs (an attacker with the server's uid, or a script gone
# wrong): each reload is whole, the server keeps serving
i=0; while [ $i -lt 20 ]; do kill -HUP "$SERVER_PID"; i=$((i + 1)); done
kill -0 "$SERVER_PID" 2>/dev/null && ok "20 HUPs at once: the server lives" \
    || notok "20 HUPs at once: the server lives"

# the sessions run the forms the server checked, never the files: once
# the storm's reloads are over (the HUPs coalesce: wait until no new
# "reloaded" line comes for a second), the directory goes
last=-1 still=0
while [ $still -lt 10 ]; do
	now=$(grep -c "reloaded configuration and forms" "$T/serve.log")
	if [ "$now" = "$last" ]; then still=$((still + 1)); else still=0; fi
	last=$now; sleep 0.1
done
rm -rf "$T/forms"
term c "$(ssh_pw admin njbt-demo)"
shows "with the forms directory gone a login still gets its menu" c \
    "开设生产企业账号（新）"
tm kill-session -t c

serve_stop
same "the server stops cleanly" 0 "$?"
sanitizer_clean
echo "1..$n"
