#!/bin/sh
# tests/e2e/ssh-tui.sh: `njbt tui --user LOGIN`, the screens on the local
# terminal (for an OpenSSH ForceCommand): the login is audited (from
# "ssh ADDR" when $SSH_CONNECTION says so), the locks and the session
# limit hold, and it wants a terminal.
. "$(dirname "$0")/ssh-lib.inc"

term t1 "\"$NJBT\" tui --user hl_jb"
shows "njbt tui shows the screens" t1 "$(name_of hl_jb)"
same "local login audited" 1 "$(audit_count login hl_jb method=local)"
same "... from the terminal" "tty" "$(q "SELECT addr FROM audit WHERE action = 'login' AND login = 'hl_jb'")"
same "a sessions row" 1 "$(q "SELECT count(*) FROM sessions")"

term t2 "SSH_CONNECTION=\"10.1.2.3 50000 10.0.0.1 22\" \"$NJBT\" tui --user hl_sh"
shows "behind sshd" t2 "$(name_of hl_sh)"
same "... audited from the ssh client's address" "ssh 10.1.2.3" \
    "$(q "SELECT addr FROM audit WHERE action = 'login' AND login = 'hl_sh'")"

check "admin locks hl_cz" "$NJBT" user lock hl_cz
term t3 "\"$NJBT\" tui --user hl_cz"
shows "a locked account is refused" t3 "账号已被管理员锁定"
shows "... with status 1" t3 "[exit 1]"
q "UPDATE users SET locked_until = '2026-03-02 09:40:00' WHERE login = 'yn_cz'"
term t4 "\"$NJBT\" tui --user yn_cz"
shows "a clock-locked account is refused" t4 "账号已锁定至 2026-03-02 09:40"

q "UPDATE users SET max_sessions = 1 WHERE login = 'hl_jb'"
term t5 "\"$NJBT\" tui --user hl_jb"
shows "the session limit holds" t5 "最多 1 个"

term t6 "\"$NJBT\" tui --user nosuch"
shows "unknown user" t6 "未知的用户：nosuch"

"$NJBT" tui --user hl_jb < /dev/null > "$T/o" 2>&1
same "not a terminal: status 1" 1 $?
grep -q "需要交互式终端" "$T/o" && ok "not a terminal: told" || notok "not a terminal: told"
refused "no --user: usage" "用法" sh -c "\"$NJBT\" tui; [ \$? -eq 2 ] && exit 1"

# The harness's gate to tmux (tests/tools/tmuxgate.c), which the e2e
# tests' keys and looks go through: the screen it captures is tmux's
# own, keys arrive as typed (quotes, $, backslash, ';', CJK), a screen
# line "%end" does not end a capture, and tmux's errors are errors.
if [ -n "$WAITSCREEN_GATE" ]; then
	[ -S "$WAITSCREEN_GATE" ] && ok "the gate to tmux serves" ||
	    notok "the gate to tmux serves"
	same "the gate's capture is tmux's own" \
	    "$(tmux -L "$TMUX_SOCK" capture-pane -p -J -t t1)" "$(screen t1)"
	# no echo: the screen shows only what cat read, in order (with
	# echo, a second line typed before cat wrote the first was drawn
	# ahead of it, and the test failed one run in many)
	term g "stty -echo; echo ready; cat"
	wait_screen g "ready" 5
	tm send-keys -t g -l 'a"b$HOME\q;d 你好' && tm send-keys -t g Enter &&
	    tm send-keys -t g -l '%end 1 2 3' && tm send-keys -t g Enter
	wait_screen g "%end 1 2 3" 5
	same "keys through the gate arrive as typed" \
	    'ready|a"b$HOME\q;d 你好|%end 1 2 3' \
	    "$(screen g | awk 'NF && !/^\[exit/' | paste -sd'|')"
	same "... and so does the capture of the screen after them" \
	    "$(tmux -L "$TMUX_SOCK" capture-pane -p -J -t g)" "$(screen g)"
	tm capture-pane -p -t nosuch > /dev/null 2>&1
	same "a target tmux cannot find: status 1" 1 $?
fi
echo "1..$n"
