#!/bin/sh
# forms.sh: the screens through the real OpenSSH client (issue 3, Tests):
# fill and save a form with Chinese text; a bad credit code shows its
# message at the field and nothing is stored; GBK bytes are refused with a
# message; resize, and a terminal too small; drop the connection mid-form
# and resume the draft at the next login; a bad forms/ file stops the
# server with file:line.
. "$(dirname "$0")/ssh-lib.inc"

serve_start || exit 1
makers=$(q "SELECT count(*) FROM makers")

# --- a form with Chinese text, a field check, a save ---------------------
term a "$(ssh_pw admin njbt-demo)"
shows "admin's main menu" a "开设生产企业账号"
key=$(screen a | sed -n 's/^[ >]*\(.\)  开设生产企业账号.*/\1/p' | head -1)
tm send-keys -t a "$key"
shows "the maker form opens" a "统一社会信用代码"
tm send-keys -t a "宁夏新农机械有限公司" Tab "91640181MA7AB3C118" Tab
shows "a wrong check character shows its message beside the field" a \
    "[91640181MA7AB3C118 ] 统一社会信用代码校验位错误"
screen a | grep -q "企业名称  \[宁夏新农机械有限公司" && ok "CJK typed into the field" \
    || notok "CJK typed into the field"
tm send-keys -t a F2
shows "save refused with the reason" a "统一社会信用代码：统一社会信用代码校验位错误"
same "nothing stored" "$makers" "$(q "SELECT count(*) FROM makers")"
# mend it: the cursor is back at the credit code
tm send-keys -t a BSpace 7 Tab
tm send-keys -t a Tab Tab Tab "刘强" Tab "xinnong" Tab "pass-word-1" F2
shows "saved" a "已开设：开设生产企业账号 xinnong"
same "the maker is stored with its Chinese name" "宁夏新农机械有限公司|刘强" \
    "$(q "SELECT m.name, u.name FROM makers m JOIN users u ON u.maker_id = m.id WHERE u.login = 'xinnong'")"

# --- GBK bytes typed by a client not set to UTF-8 ------------------------
# after the save only the fields to be kept are filled: the form is empty
tm send-keys -t a -H d5 c5 c8 fd
shows "GBK input is refused with a message" a "输入的不是 UTF-8 字符"
screen a | grep -q "企业名称  \[ " && ok "nothing of it went into the field" \
    || notok "nothing of it went into the field"

# --- resize -------------------------------------------------------------
tm resize-window -t a -x 100 -y 30
shows "redrawn at 100x30" a "张建国（省级管理员）"
tm resize-window -t a -x 70 -y 20
shows "too small: asked to enlarge" a "终端窗口太小（当前 70x20）"
tm resize-window -t a -x 80 -y 24
shows "back at 80x24, the form again" a "统一社会信用代码"
tm send-keys -t a F10
shows "leaving asks nothing when the form is empty" a "主菜单"

# --- a dropped connection: the draft comes back ----------------------------
term b "$(ssh_pw xg_zhen njbt-demo)"
shows "township clerk's menu" b "录入补贴申请"
key=$(screen b | sed -n 's/^[ >]*\(.\)  录入补贴申请.*/\1/p' | head -1)
tm send-keys -t b "$key"
shows "the application form" b "身份证号/信用代码"
tm send-keys -t b Space Tab "马小兵" Tab "640122198001011238" Tab
wait_screen b "640122198001011238" 10	# typed, then a moment for the Tab
sleep 1
tm kill-session -t b
wait_log "logout" 10
same "the draft was kept, sealed" "1" \
    "$(q "SELECT count(*) FROM drafts d JOIN users u ON u.id = d.user_id WHERE u.login = 'xg_zhen' AND d.form = 'application.new' AND instr(CAST(d.data AS TEXT), '马小兵') = 0")"
term c "$(ssh_pw xg_zhen njbt-demo)"
shows "the next login offers to resume it" c "上次有未完成的表单“录入补贴申请”"
tm send-keys -t c y
shows "the form comes back with what was typed" c "[马小兵"
screen c | grep -q "640122198001011238" && ok "the ID number came back too" \
    || notok "the ID number came back too"
tm send-keys -t c F10
shows "leaving a filled form offers to keep the draft" c "保留为草稿"
tm send-keys -t c n
shows "back at the menu" c "主菜单"
same "the draft is gone" "0" "$(q "SELECT count(*) FROM drafts")"

serve_stop
same "the server stops cleanly" "0" "$?"
sanitizer_clean

# --- a bad forms/ file stops the server with file:line ------------------
mkdir "$T/forms"
cp "$ROOT"/forms/*.form "$T/forms/"
printf 'form broken\n\taction supply.new\n\tcolour red\nend\n' > "$T/forms/zz.form"
NJBT_FORMS="$T/forms" "$NJBT" serve --listen 127.0.0.1:1 > "$T/out" 2> "$T/err"
same "the server refuses to start" "1" "$?"
grep -q "zz.form:3: 未知的关键字“colour”" "$T/err" && ok "the error names file and line" \
    || { notok "the error names file and line"; diag "$(cat "$T/err")"; }
grep -q "zz.form:4: 表单“broken”缺少操作 supply.new 的必填字段 dealer" "$T/err" &&
    ok "every error is listed" || notok "every error is listed"
