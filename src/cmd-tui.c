/*
 * cmd-tui.c: `njbt tui --user LOGIN`, the screens of one session on the
 * terminal it runs in: for sites where OpenSSH's sshd logs the user in
 * and runs this as its ForceCommand (or an authorized_keys command=).
 * The locks and the session limit hold as under `njbt serve`; the login
 * and the logout are in the audit log, from "ssh ADDR" when sshd says
 * where the user is ($SSH_CONNECTION), else "tty".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "log.h"
#include "ssh-server.h"

static const struct cmd_opt cmd_tui_opts[] = {
	{ "user", "LOGIN", 0, 0, "以该用户登录（必填）" },
	{ "idle", "秒", 0, 0, "无操作多久后退出（900；0 为从不）" },
	{ NULL, NULL, 0, 0, NULL }
};

static int
cmd_tui(struct cmd_ctx *ctx, struct cmd_args *a)
{
	struct actor	 who;
	struct tui_opts	 t;
	const char	*login = cmd_arg(a, "user"), *conn;
	const char	*idle_arg = cmd_arg(a, "idle");
	char		 addr[64], from[80], msg[NJ_MSG_MAX];
	int64_t		 v;
	int		 rc, idle = SERVE_IDLE;
	size_t		 n;

	if (idle_arg != NULL) {
		if (parse_int(idle_arg, &v) != 0 || v < 0 || v > 86400 * 7)
			return cmd_usage(ctx->entry);
		idle = (int)v;
	}
	if (login == NULL || a->argc != 0)
		return cmd_usage(ctx->entry);
	if (!isatty(0) || !isatty(1)) {
		fprintf(stderr, "njbt: 需要交互式终端（ssh -t）\n");
		return 1;
	}
	/* stderr is the user's terminal: the log goes to syslog only */
	log_set_sink(LOG_SINK_SESSION);
	strlcpy0(addr, "tty", sizeof addr);
	strlcpy0(from, "tty", sizeof from);
	if ((conn = getenv("SSH_CONNECTION")) != NULL && *conn != '\0') {
		n = strcspn(conn, " ");
		if (n > 0 && n < sizeof addr) {
			memcpy(addr, conn, n);
			addr[n] = '\0';
			xsnprintf(from, sizeof from, "ssh %s", addr);
		}
	}
	if (cmd_open(ctx) != 0)
		return 1;
	(void)restore_hold(ctx->db);	/* in use: for `njbt restore` */
	if (auth_local(login, from, &who, msg, sizeof msg) != NJ_OK) {
		fprintf(stderr, "njbt: %s\n", msg);
		db_close();
		return 1;
	}
	log_set_who(who.login, addr);
	if (auth_session_begin(&who, (int)getpid(), addr, msg, sizeof msg) !=
	    NJ_OK) {
		fprintf(stderr, "njbt: %s\n", msg);
		auth_session_end(&who, (int)getpid(), "refused");
		db_close();
		return 1;
	}
	memset(&t, 0, sizeof t);
	t.colour = -1;
	t.idle = idle;
	t.must_change = auth_must_change(&who);
	rc = tui_main(&who, &t);
	auth_session_end(&who, (int)getpid(), rc == TUI_REVOKED ? "revoked" :
	    "quit");
	db_close();
	return rc == 0 ? 0 : 1;
}

const struct cmd_entry cmd_tui_entry = {
	"tui", "[--db FILE] --user LOGIN [--idle 秒]",
	"在本终端以用户身份打开界面（供 OpenSSH 的 ForceCommand 使用）",
	cmd_tui, cmd_tui_opts, 0
};
