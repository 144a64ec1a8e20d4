#!/bin/sh
# tests/e2e/ssh-key.sh: public keys (`njbt user key add|list|remove`, login
# with ssh -i KEY -o BatchMode=yes), and what a session may not do: run a
# command (exec) or a subsystem other than sftp — refused with a Chinese line on
# stderr — or pass environment variables other than LANG (refused; the
# session goes on without them).
. "$(dirname "$0")/ssh-lib.inc"

ssh-keygen -q -t ed25519 -N '' -C 'hl_jb@office' -f "$T/key" || exit 1
ssh-keygen -q -t ecdsa -N '' -f "$T/key2" || exit 1
ssh-keygen -q -t ed25519 -N '' -f "$T/other" || exit 1

check "njbt user key add" "$NJBT" user key add hl_jb "$T/key.pub"
fp=$(ssh-keygen -l -E sha256 -f "$T/key.pub" | awk '{print $2}')
same "key add prints the fingerprint" "$fp" "$(cat "$T/out")"
refused "the same key twice refused" "该公钥已添加" "$NJBT" user key add hl_jb "$T/key.pub"
check "a second key (ecdsa) from stdin" sh -c "\"$NJBT\" user key add hl_jb - < \"$T/key2.pub\""
check "njbt user key list" "$NJBT" user key list hl_jb
same "both keys listed" 2 "$(wc -l < "$T/out")"
grep -q "$fp	ssh-ed25519	hl_jb@office	" "$T/out" && ok "list shows fingerprint, type, comment" ||
    { notok "list shows fingerprint, type, comment"; diag "$(cat "$T/out")"; }
refused "not a key refused" "不是有效的 OpenSSH 公钥" "$NJBT" user key add hl_jb "$T/key"
refused "register may have no key" "注册账号不能使用密钥" "$NJBT" user key add register "$T/other.pub"

serve_start || exit 1

term k1 "$(ssh_key hl_jb "$T/key")"
shows "key login" k1 "$(name_of hl_jb)"
same "key login audited with the key" 1 "$(audit_count login hl_jb "method=publickey type=ssh-ed25519 key=$fp")"
term k2 "$(ssh_key hl_jb "$T/key2")"
shows "ecdsa key login" k2 "$(name_of hl_jb)"
tm kill-session -t k1
tm kill-session -t k2

term k3 "$(ssh_key hl_jb "$T/other")"
shows "a key not added is refused" k3 "Permission denied"
term k4 "$(ssh_key hl_sh "$T/key")"
shows "another user's key is refused" k4 "Permission denied"
same "keys tried are not failures" 0 "$(q "SELECT count(*) FROM login_failures")"

check "njbt user key remove" "$NJBT" user key remove hl_jb "$fp"
term k5 "$(ssh_key hl_jb "$T/key")"
shows "a removed key is refused" k5 "Permission denied"
check "key added back" "$NJBT" user key add hl_jb "$T/key.pub"

# exec: refused with a Chinese line on stderr, exit status 1
timeout 60 ssh $SSHO -o BatchMode=yes -o IdentitiesOnly=yes -i "$T/key" \
    -p "$PORT" hl_jb@127.0.0.1 ls / > "$T/o1" 2> "$T/e1" < /dev/null
rc=$?
same "exec: exit status 1" 1 $rc
grep -q "本系统只提供交互式界面，不能执行命令" "$T/e1" && ok "exec: told on stderr" ||
    { notok "exec: told on stderr"; diag "$(cat "$T/e1")"; }
same "exec: nothing on stdout" "" "$(cat "$T/o1")"
grep -q "hl_jb 127.0.0.1 refused exec ls" "$T/serve.log" && ok "exec refusal logged" ||
    notok "exec refusal logged"
same "exec: logout audited as refused" 1 "$(audit_count logout hl_jb reason=refused)"

# exec with a pty, by password
term e2 "$(ssh_pw hl_sh njbt-demo) cat /etc/passwd"
shows "exec with -tt: told on the terminal" e2 "本系统只提供交互式界面，不能执行命令"
shows "... and the session ends with status 1" e2 "[exit 1]"

# a subsystem other than sftp (served: tests/e2e/sftp.sh)
timeout 60 ssh $SSHO -o BatchMode=yes -o IdentitiesOnly=yes -i "$T/key" \
    -p "$PORT" -s hl_jb@127.0.0.1 netconf > "$T/o2" 2> "$T/e2" < /dev/null
grep -q "本系统只提供交互式界面" "$T/e2" && ok "subsystem refused, told on stderr" ||
    { notok "subsystem refused, told on stderr"; diag "$(cat "$T/e2")"; }
grep -q "refused subsystem netconf" "$T/serve.log" && ok "subsystem refusal logged" ||
    notok "subsystem refusal logged"

# no pty: a shell is refused
timeout 60 ssh $SSHO -o BatchMode=yes -o IdentitiesOnly=yes -i "$T/key" \
    -T -p "$PORT" hl_jb@127.0.0.1 > "$T/o3" 2> "$T/e3" < /dev/null
grep -q "本系统需要交互式终端" "$T/e3" && ok "shell without a pty refused" ||
    { notok "shell without a pty refused"; diag "$(cat "$T/e3")"; }

# environment: only LANG is taken
term v1 "$(ssh_key hl_jb "$T/key" "-o SetEnv=\"FOO=bar LANG=zh_CN.UTF-8\"")"
shows "with SetEnv FOO=bar the session still works" v1 "$(name_of hl_jb)"
wait_log "refused env FOO" 10 && ok "env FOO refused (logged)" || notok "env FOO refused (logged)"
grep -q "refused env LANG" "$T/serve.log" && notok "env LANG taken" || ok "env LANG taken"
tm kill-session -t v1

serve_stop
same "server stops with status 0" 0 $?
sanitizer_clean
echo "1..$n"
