#!/bin/sh
# tests/e2e/log-session.sh: issue 9 (3), one log. A session's screens log
# to syslog only: when an action fails in the store (here a trigger makes
# every audit insert fail once the user is in), the user reads the Chinese
# reason on the status line and nothing of the operator's log is painted
# onto the screen, whose stderr is the terminal: under `njbt tui` and in
# the screens' process of an `njbt serve` session alike.
. "$(dirname "$0")/ssh-lib.inc"
ID1=640122198001011238

fail_on() {
	q "CREATE TRIGGER log_test_fail BEFORE INSERT ON audit
	   BEGIN SELECT RAISE(ABORT, 'log-test-boom'); END"
}
fail_off() { q "DROP TRIGGER IF EXISTS log_test_fail"; }

# apply NAME WHERE: the township clerk's application on NAME fails in the
# store; the screen says so in Chinese and shows nothing of the log
apply() {
	open_menu "$1" "录入补贴申请"
	shows "$2: the application form" "$1" "身份证号/信用代码"
	tm send-keys -t "$1" Space Tab "张三" Tab "$ID1" Tab Tab F4
	shows "$2: the township look-up" "$1" "选择：乡镇"
	tm send-keys -t "$1" Enter Tab Tab Tab Tab "1.1.3" Tab "03" Tab "1" Tab
	shows "$2: item and tier chosen" "$1" "单台补贴 2800.00 元"
	tm send-keys -t "$1" "黄河银行" Tab "6228480402564890018" F2
	shows "$2: the store's failure is told in Chinese" "$1" "数据库错误"
	sleep 0.5
	if screen "$1" | grep -qE "log-test|njbt(\[[0-9]+\])?: "; then
		notok "$2: nothing of the log on the screen"
		screen "$1" | grep -v '^$' | sed 's/^/#   /'
	else
		ok "$2: nothing of the log on the screen"
	fi
	same "$2: nothing was saved" 0 "$(q "SELECT count(*) FROM applications")"
}

term t "\"$NJBT\" tui --user xg_zhen"
shows "njbt tui: the township clerk's screens" t "主菜单"
fail_on
apply t "njbt tui"
fail_off
to_menu t
tm send-keys -t t F10

serve_start || exit 1
login s xg_zhen || { notok "township clerk logs in over ssh"; exit 1; }
fail_on
apply s "njbt serve"
fail_off
serve_stop
sanitizer_clean
echo "1..$n"
