/*
 * cmd-serve.c: `njbt serve`, the SSH server (ssh-server.c). Its options,
 * each with what it does, are the rows of cmd_serve_opts below (`njbt
 * serve --help` prints them): where to listen, the host key, the idle and
 * login times, the locks after wrong passwords and the caps of a server
 * under abuse.
 * $NJBT_WIRE_LOG=FILE makes every session append what it sends to FILE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "form.h"
#include "log.h"
#include "ssh-server.h"

/* "ADDR:PORT", "[V6]:PORT" or "PORT" into o->host and o->port. */
static int
serve_listen_arg(const char *arg, struct serve_opts *o)
{
	const char	*colon, *end;
	size_t		 n;

	if (arg[0] == '[') {
		if ((end = strchr(arg, ']')) == NULL || end[1] != ':')
			return -1;
		n = (size_t)(end - arg - 1);
		colon = end + 1;
		if (n >= sizeof o->host)
			return -1;
		memcpy(o->host, arg + 1, n);
		o->host[n] = '\0';
	} else if ((colon = strrchr(arg, ':')) != NULL) {
		n = (size_t)(colon - arg);
		if (n >= sizeof o->host)
			return -1;
		memcpy(o->host, arg, n);
		o->host[n] = '\0';
	} else {
		strlcpy0(o->host, "127.0.0.1", sizeof o->host);
		colon = arg - 1;
	}
	if (strlen(colon + 1) == 0 || strlen(colon + 1) >= sizeof o->port ||
	    strspn(colon + 1, "0123456789") != strlen(colon + 1))
		return -1;
	strlcpy0(o->port, colon + 1, sizeof o->port);
	return 0;
}

/* A whole number from 0 to max, or -1. */
static int
serve_number(const char *arg, int max)
{
	int64_t v;

	if (parse_int(arg, &v) != 0 || v < 0 || v > max)
		return -1;
	return (int)v;
}

static const struct cmd_opt cmd_serve_opts[] = {
	{ "listen", "ADDR:PORT", 0, 0,
	    "监听地址（127.0.0.1:2222；[::1]:2222；只写端口则为 127.0.0.1）" },
	{ "host-key", "FILE", 0, 0, "ed25519 主机密钥，首次启动时生成"
	    "（默认为 数据库.hostkey）" },
	{ "idle", "秒", 0, 0, "无输入多久后登出（900；0 为从不）" },
	{ "grace", "秒", 0, 0, "登录限时（120）" },
	{ "max-failures", "N", 0, 0,
	    "同一地址密码错误几次锁定（用户，地址）（5；0 为从不）" },
	{ "window", "秒", 0, 0, "……在此时间内计数（900）" },
	{ "lock", "秒", 0, 0, "锁定时长（900）" },
	{ "rate", "N", 0, 0, "同一地址每分钟新连接数（30；0 为不限）" },
	{ "max-account-failures", "N", 0, 0,
	    "任何地址密码错误几次锁定账号本身（20；0 为从不）" },
	{ "max-preauth", "N", 0, 0, "尚未登录的连接总数上限（32）" },
	{ "max-preauth-addr", "N", 0, 0, "……同一地址的上限（8）" },
	{ "max-register", "N", 0, 0, "注册账号同时在线的会话数上限（4）" },
	{ "socket", "PATH", 0, CMD_OPT_ONCE, "另在此本地套接字上接受 njbt tui"
	    "（ForceCommand 方式，如 /run/njbt/njbt.sock）" },
	{ NULL, NULL, 0, 0, NULL }
};

static int
cmd_serve(struct cmd_ctx *ctx, struct cmd_args *a)
{
	/* the numeric options, in the order of slot[] below */
	static const struct {
		const char	*name;
		int		 max;
	} nums[] = {
		{ "idle", 86400 * 7 },
		{ "grace", 3600 },
		{ "max-failures", 1000 },
		{ "window", 86400 * 30 },
		{ "lock", 86400 * 365 },
		{ "rate", 100000 },
		{ "max-account-failures", 10000 },
		{ "max-preauth", 10000 },
		{ "max-preauth-addr", 10000 },
		{ "max-register", 10000 },
	};
	struct serve_opts	 o;
	int			*slot[10], k, v;
	const char		*w, *arg;

	memset(&o, 0, sizeof o);
	strlcpy0(o.db, ctx->db, sizeof o.db);
	strlcpy0(o.host, "127.0.0.1", sizeof o.host);
	strlcpy0(o.port, SERVE_PORT, sizeof o.port);
	xsnprintf(o.hostkey, sizeof o.hostkey, "%s.hostkey", ctx->db);
	o.idle = SERVE_IDLE;
	o.grace = SERVE_GRACE;
	o.rate = SERVE_RATE;
	o.policy.max_failures = AUTH_MAX_FAILURES;
	o.policy.window = AUTH_WINDOW;
	o.policy.lock_seconds = AUTH_LOCK_SECONDS;
	slot[0] = &o.idle;
	slot[1] = &o.grace;
	slot[2] = &o.policy.max_failures;
	slot[3] = &o.policy.window;
	slot[4] = &o.policy.lock_seconds;
	slot[5] = &o.rate;
	/* R-SEC-8.8 issue 8 (8): the caps of a server under abuse */
	o.policy.account_failures = AUTH_ACCOUNT_FAILURES;
	o.max_preauth = SERVE_MAX_PREAUTH;
	o.max_preauth_addr = SERVE_MAX_PREAUTH_ADDR;
	o.max_register = SERVE_MAX_REGISTER;
	slot[6] = &o.policy.account_failures;
	slot[7] = &o.max_preauth;
	slot[8] = &o.max_preauth_addr;
	slot[9] = &o.max_register;
	if (a->argc != 0)
		return cmd_usage(ctx->entry);
	if ((arg = cmd_arg(a, "listen")) != NULL &&
	    serve_listen_arg(arg, &o) != 0) {
		fprintf(stderr, "njbt: 监听地址应为 地址:端口，"
		    "如 127.0.0.1:2222\n");
		return 2;
	}
	if ((arg = cmd_arg(a, "host-key")) != NULL)
		strlcpy0(o.hostkey, arg, sizeof o.hostkey);
	/* issue 14 item 6: `njbt tui` of ForceCommand clerks, through here */
	if ((arg = cmd_arg(a, "socket")) != NULL) {
		if (strlen(arg) >= sizeof o.socket) {
			fprintf(stderr, "njbt: 套接字路径太长：%s\n", arg);
			return 2;
		}
		strlcpy0(o.socket, arg, sizeof o.socket);
	}
	for (k = 0; k < (int)(sizeof nums / sizeof nums[0]); k++) {
		if ((arg = cmd_arg(a, nums[k].name)) == NULL)
			continue;
		if ((v = serve_number(arg, nums[k].max)) < 0) {
			fprintf(stderr, "njbt: --%s 应为 0 到 %d 的整数\n",
			    nums[k].name, nums[k].max);
			return 2;
		}
		*slot[k] = v;
	}
	if (o.grace < 10)
		o.grace = 10;
	if ((w = getenv("NJBT_WIRE_LOG")) != NULL && *w != '\0')
		o.wirelog = w;
	/* njbt-forms(5): a bad form file stops the server, naming file:line */
	{
		struct forms	*forms;
		char		 err[8192];
		int		 n = forms_load(forms_default_dir(), &forms, err,
				    sizeof err);

		forms_free(&forms);
		if (n != 0) {
			fprintf(stderr, "%s\nnjbt: 表单文件有 %d 处错误，服务器未启动\n",
			    err, n);
			return 1;
		}
	}
	/* the server and its session processes log to syslog and, as it
	 * runs in the foreground, to stderr */
	log_set_sink(LOG_SINK_SERVER);
	/* R-SEC-8.12d issue 8 (12): old printed sheets go at start (the
	 * server itself says why, if the database cannot be opened) */
	{
		char	err[NJ_MSG_MAX];

		if (db_open(ctx->db, err, sizeof err) == 0) {
			outbox_sweep_all(time(NULL));
			db_close();
		}
	}
	/* issue 14 item 7: `njbt restore` sees the database in use */
	(void)restore_hold(ctx->db);
	return server_run(&o);
}

const struct cmd_entry cmd_serve_entry = {
	"serve", "[--db FILE] [--listen ADDR:PORT] [--host-key FILE] "
	"[--idle 秒] [--grace 秒] [--max-failures N] [--window 秒] "
	"[--lock 秒] [--rate N] [--max-account-failures N] "
	"[--max-preauth N] [--max-preauth-addr N] [--max-register N] "
	"[--socket PATH]",
	"SSH 服务器（默认 127.0.0.1:2222，主机密钥默认为 数据库.hostkey）",
	cmd_serve, cmd_serve_opts, 0
};
