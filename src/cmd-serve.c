/*
 * cmd-serve.c: `njbt serve`, the SSH server (ssh-server.c). Its options,
 * each with what it does, are the rows of cmd_serve_opts below (`njbt
 * serve --help` prints them): where to listen, the host key, the idle and
 * login times, the locks after wrong passwords and the caps of a server
 * under abuse. Each is also a key of njbt.conf(5) (conf.c; the flag
 * overrides the file); -n checks the configuration and the forms and
 * exits. The server (this process) parses and checks the forms once and
 * its sessions inherit them; SIGHUP reads both again (serve_reload).
 * $NJBT_WIRE_LOG=FILE makes every session append what it sends to FILE.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "conf.h"
#include "form.h"
#include "log.h"
#include "ssh-server.h"
#include "tui-lib.h"
#include "version.h"

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
	/* issue 14 (2): njbt.conf(5) */
	{ "conf", "FILE", 0, 0, "配置文件（njbt.conf(5)；安装后默认为 "
	    "/etc/njbt/njbt.conf）" },
	{ "check", NULL, 'n', 0, "只检查配置文件和表单，列出每处错误后退出"
	    "（无误 0，有误 1）" },
	/* issue 14 (6): `njbt tui --socket` of ForceCommand clerks */
	{ "socket", "PATH", 0, CMD_OPT_ONCE, "另在此本地套接字上接受 njbt tui"
	    "（ForceCommand 方式，如 /run/njbt/njbt.sock）" },
	{ NULL, NULL, 0, 0, NULL }
};

/* What serve_reload reads again: the command line of `njbt serve`. */
static struct cmd_ctx	*serve_ctx;
static struct cmd_args	*serve_args;

/* Add a line to err (lines of "file:line: message"). */
static void
serve_err(char *err, size_t errlen, const char *line)
{
	size_t used = strlen(err);

	if (used + 1 < errlen)
		xsnprintf(err + used, errlen - used, "%s%s", used ? "\n" : "",
		    line);
}

/*
 * Read the configuration (--conf FILE, else the default file if it
 * exists), the flags over it, and the forms into c and *forms. Returns
 * the number of errors, each a line of err.
 */
static int
serve_load(struct conf *c, struct forms **forms, char *err, size_t errlen)
{
	const struct cmd_opt	*opt;
	const char		*file, *arg, *dir, *env = getenv("NJBT_CONF");
	char			 why[CONF_ERR_MAX], line[NJ_MSG_MAX + 64];
	int			 n = 0, explicit;

	err[0] = '\0';
	conf_defaults(c);
	explicit = (file = cmd_arg(serve_args, "conf")) != NULL;
	if (!explicit)
		file = conf_default_file();
	/* a file named (--conf, $NJBT_CONF) must be there; the build's
	 * default need not */
	if (*file != '\0' && (explicit || (env != NULL && *env != '\0') ||
	    access(file, F_OK) == 0)) {
		n += conf_read(file, c, why, sizeof why);
		if (*why != '\0')
			serve_err(err, errlen, why);
	}
	/* the flags override the file: each names its key */
	for (opt = cmd_serve_opts; opt->name != NULL; opt++) {
		if (opt->arg == NULL || strcmp(opt->name, "conf") == 0 ||
		    (arg = cmd_arg(serve_args, opt->name)) == NULL)
			continue;
		if (conf_set(c, opt->name, arg, why, sizeof why) != 0) {
			xsnprintf(line, sizeof line, "--%s %s", opt->name, why);
			serve_err(err, errlen, line);
			n++;
		}
	}
	/* --db or $NJBT_DB (main.c) over the file's db */
	if (serve_ctx->db != conf_current()->db)
		strlcpy0(c->db, serve_ctx->db, sizeof c->db);
	dir = getenv("NJBT_FORMS");
	if (dir == NULL || *dir == '\0')
		dir = c->forms;
	/* njbt-forms(5): a bad form file is counted, naming file:line */
	{
		char	ferr[8192];
		int	k = forms_load(dir, forms, ferr, sizeof ferr);

		if (k != 0) {
			serve_err(err, errlen, ferr);
			n += k;
		}
	}
	return n;
}

/* The settings of the server from c (the database's and the listener's
 * only at start: see serve_reload). */
static void
serve_opts_set(struct serve_opts *o, const struct conf *c)
{
	o->idle = c->idle;
	o->grace = c->grace;
	o->rate = c->rate;
	o->policy.max_failures = c->max_failures;
	o->policy.window = c->window;
	o->policy.lock_seconds = c->lock;
	/* R-SEC-8.8 issue 8 (8): the caps of a server under abuse */
	o->policy.account_failures = c->max_account_failures;
	o->max_preauth = c->max_preauth;
	o->max_preauth_addr = c->max_preauth_addr;
	o->max_register = c->max_register;
	/* issue 15 item 5: the cap on password hashes at once */
	o->policy.max_hashes = c->max_hashes;
	o->policy.hash_wait = c->hash_wait;
}

/* Log every line of err at level. */
static void
serve_log_lines(enum log_level level, const char *err)
{
	char	line[LOG_LINE_MAX];
	size_t	n;

	while (*err != '\0') {
		n = strcspn(err, "\n");
		xsnprintf(line, sizeof line, "%.*s", (int)n, err);
		log_who(level, "", "", "%s", line);
		err += n + (err[n] != '\0');
	}
}

/*
 * SIGHUP (issue 14 (3)): read the configuration and the forms again. With
 * an error the running ones are kept and every error is logged; else the
 * sessions that start from now on get the new ones. Where to listen, the
 * host key, the database and the register slots (ssh-server.c's table)
 * are kept until a restart.
 */
static int
serve_reload(struct serve_opts *o)
{
	struct conf	 c;
	struct forms	*forms = NULL;
	char		 err[CONF_ERR_MAX * 2];
	int		 n;

	n = serve_load(&c, &forms, err, sizeof err);
	if (n != 0) {
		forms_free(&forms);
		serve_log_lines(LOG_LEVEL_ERROR, err);
		log_who(LOG_LEVEL_ERROR, "", "", "reload refused: %d errors, "
		    "the running configuration and forms are kept", n);
		return -1;
	}
	if (strcmp(c.listen, conf_current()->listen) != 0 ||
	    strcmp(c.host_key, conf_current()->host_key) != 0 ||
	    strcmp(c.db, conf_current()->db) != 0 ||
	    strcmp(c.socket, conf_current()->socket) != 0 ||
	    c.max_register != conf_current()->max_register)
		log_who(LOG_LEVEL_WARN, "", "", "reload: listen, host_key, db, "
		    "socket and max_register change at the next restart");
	strlcpy0(c.socket, conf_current()->socket, sizeof c.socket);
	c.max_register = conf_current()->max_register;
	strlcpy0(c.listen, conf_current()->listen, sizeof c.listen);
	strlcpy0(c.host_key, conf_current()->host_key, sizeof c.host_key);
	strlcpy0(c.db, conf_current()->db, sizeof c.db);
	serve_opts_set(o, &c);
	conf_set_current(&c);
	forms_set_current(forms);
	log_who(LOG_LEVEL_INFO, "", "", "reloaded configuration and forms");
	return 0;
}

static int
cmd_serve(struct cmd_ctx *ctx, struct cmd_args *a)
{
	struct serve_opts	 o;
	struct conf		 c;
	struct forms		*forms = NULL;
	char			 err[CONF_ERR_MAX * 2];
	const char		*w;
	int			 n;

	if (a->argc != 0)
		return cmd_usage(ctx->entry);
	/* a reload asked for while starting must not end the server: the
	 * files are read below anyway, and server_run takes SIGHUP then */
	signal(SIGHUP, SIG_IGN);
	serve_ctx = ctx;
	serve_args = a;
	n = serve_load(&c, &forms, err, sizeof err);
	if (cmd_flag(a, "check")) {
		forms_free(&forms);
		if (n != 0) {
			fprintf(stderr, "%s\nnjbt: 配置和表单有 %d 处错误\n", err, n);
			return 1;
		}
		printf("njbt: 配置和表单无误\n");
		return 0;
	}
	if (n != 0) {
		forms_free(&forms);
		fprintf(stderr, "%s\nnjbt: 配置和表单有 %d 处错误，服务器未启动\n",
		    err, n);
		/* a bad flag is a usage error, as before */
		return strncmp(err, "--", 2) == 0 ? 2 : 1;
	}
	memset(&o, 0, sizeof o);
	strlcpy0(o.db, c.db, sizeof o.db);
	if (conf_listen_split(c.listen, o.host, sizeof o.host, o.port,
	    sizeof o.port) != 0)
		abort();	/* conf_set checked it */
	if (*c.host_key != '\0')
		strlcpy0(o.hostkey, c.host_key, sizeof o.hostkey);
	else
		xsnprintf(o.hostkey, sizeof o.hostkey, "%s.hostkey", c.db);
	strlcpy0(o.socket, c.socket, sizeof o.socket);
	serve_opts_set(&o, &c);
	o.reload = serve_reload;
	if ((w = getenv("NJBT_WIRE_LOG")) != NULL && *w != '\0')
		o.wirelog = w;
	conf_set_current(&c);
	forms_set_current(forms);
	/* the server and its session processes log to syslog and, as it
	 * runs in the foreground, to stderr */
	log_set_sink(LOG_SINK_SERVER);
	/* issue 15 (3): the screens' library, loaded once here for every
	 * session process (exits, saying so, if it is missing) */
	(void)tui_lib();
	/* issue 14 (8): the version, at start */
	log_who(LOG_LEVEL_INFO, "", "", "njbt %s starting", NJBT_VERSION);
	/* R-SEC-8.12d issue 8 (12): old printed sheets go at start (the
	 * server itself says why, if the database cannot be opened) */
	{
		char	dberr[NJ_MSG_MAX];

		if (db_open(o.db, dberr, sizeof dberr) == 0) {
			outbox_sweep_all(time(NULL));
			db_close();
		}
	}
	/* issue 14 item 7: `njbt restore` sees the database in use */
	(void)restore_hold(o.db);
	return server_run(&o);
}

const struct cmd_entry cmd_serve_entry = {
	"serve", "[--db FILE] [--listen ADDR:PORT] [--host-key FILE] "
	"[--idle 秒] [--grace 秒] [--max-failures N] [--window 秒] "
	"[--lock 秒] [--rate N] [--max-account-failures N] "
	"[--max-preauth N] [--max-preauth-addr N] [--max-register N] "
	"[--conf FILE] [-n] [--socket PATH]",
	"SSH 服务器（默认 127.0.0.1:2222，主机密钥默认为 数据库.hostkey）",
	cmd_serve, cmd_serve_opts, 0
};
