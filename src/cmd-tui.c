/*
 * cmd-tui.c: `njbt tui --user LOGIN`, the screens of one session on the
 * terminal it runs in: for sites where OpenSSH's sshd logs the user in
 * and runs this as its ForceCommand (or an authorized_keys command=).
 * The locks and the session limit hold as under `njbt serve`; the login
 * and the logout are in the audit log, from "ssh ADDR" when sshd says
 * where the user is ($SSH_CONNECTION), else "tty".
 *
 * With --socket PATH instead of --user (issue 14 item 6, ForceCommand
 * mode): the clerk's own process never opens the database; it hands its
 * terminal to the running server over its Unix socket (ssh-local.c),
 * which maps the clerk's Unix account to a login and runs these same
 * screens there.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "log.h"
#include "ssh-server.h"

static const struct cmd_opt cmd_tui_opts[] = {
	{ "user", "LOGIN", 0, 0, "以该用户登录（或用 --socket）" },
	{ "idle", "秒", 0, 0, "无操作多久后退出（900；0 为从不）" },
	{ "socket", "PATH", 0, CMD_OPT_ONCE,
	    "经运行中服务器的本地套接字登录（ForceCommand 方式，如 "
	    "/run/njbt/njbt.sock；用户由 Unix 账号对应）" },
	{ NULL, NULL, 0, 0, NULL }
};

/*
 * The screens of login on this process's terminal, database db: the
 * login, the session limit, tui_main, the logout; addr and from name
 * where the user is for the log and the audit. The exit status.
 * Also the screens of a ForceCommand session (ssh-local.c), on the
 * clerk's terminal passed over the socket.
 */
int
cmd_tui_session(const char *db, const char *login, const char *addr,
    const char *from, int idle)
{
	struct cmd_ctx	 ctx;
	struct actor	 who;
	struct tui_opts	 t;
	char		 msg[NJ_MSG_MAX];
	int		 rc, sig;

	memset(&ctx, 0, sizeof ctx);
	ctx.db = db;
	ctx.as = login;
	ctx.screens = 1;
	/* stderr is the user's terminal: the log goes to syslog only */
	log_set_sink(LOG_SINK_SESSION);
	if (cmd_open(&ctx) != 0)
		return 1;
	(void)restore_hold(db);	/* in use: for `njbt restore` */
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
	/* SIGTERM: the server stops (ssh-local.c); SIGHUP: the terminal went */
	sig = tui_stop_signal();
	auth_session_end(&who, (int)getpid(), rc == TUI_REVOKED ? "revoked" :
	    sig == SIGTERM ? "shutdown" : sig == SIGHUP ? "closed" : "quit");
	db_close();
	return rc == 0 ? 0 : 1;
}

static int
cmd_tui(struct cmd_ctx *ctx, struct cmd_args *a)
{
	const char	*login = cmd_arg(a, "user"), *conn;
	const char	*idle_arg = cmd_arg(a, "idle");
	char		 addr[64], from[80];
	int64_t		 v;
	int		 idle = SERVE_IDLE;
	size_t		 n;

	if (idle_arg != NULL) {
		if (parse_int(idle_arg, &v) != 0 || v < 0 || v > 86400 * 7)
			return cmd_usage(ctx->entry);
		idle = (int)v;
	}
	/* one of --user and --socket */
	if (a->argc != 0 || (login == NULL) == (cmd_arg(a, "socket") == NULL))
		return cmd_usage(ctx->entry);
	if (!isatty(0) || !isatty(1)) {
		fprintf(stderr, "njbt: 需要交互式终端（ssh -t）\n");
		return 1;
	}
	/* issue 14 item 6: the screens of the running server */
	if (login == NULL)
		return local_client(cmd_arg(a, "socket"));
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
	return cmd_tui_session(ctx->db, login, addr, from, idle);
}

const struct cmd_entry cmd_tui_entry = {
	"tui", "[--db FILE] --user LOGIN [--idle 秒] | --socket PATH",
	"在本终端以用户身份打开界面（供 OpenSSH 的 ForceCommand 使用）",
	cmd_tui, cmd_tui_opts, 0
};
