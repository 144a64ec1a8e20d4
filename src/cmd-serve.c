/*
 * cmd-serve.c: `njbt serve`, the SSH server (ssh-server.c). Options:
 *   --listen ADDR:PORT	  where to listen (127.0.0.1:2222; [::1]:2222;
 *			  a bare PORT listens on 127.0.0.1)
 *   --host-key FILE	  the ed25519 host key, made on first start
 *			  (default: the database's path + ".hostkey")
 *   --idle SECONDS	  log out after so long without input (900; 0 never)
 *   --grace SECONDS	  time to log in (120)
 *   --max-failures N	  wrong passwords from one address that lock the
 *			  pair (login, address) (5; 0 never)
 *   --max-account-failures N  wrong passwords from any address that lock
 *			  the account itself (20; 0 never)
 *   --window SECONDS	  ... counted within this time (900)
 *   --lock SECONDS	  how long such a lock lasts (900)
 *   --rate N		  new connections a minute from one address (30;
 *			  0 no limit)
 *   --max-preauth N	  connections not yet logged in, in all (32)
 *   --max-preauth-addr N  ... from one address (8)
 *   --max-register N	  sessions of the register login at once (4)
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

static int
cmd_serve(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		 max;
	} nums[] = {
		{ "--idle", 86400 * 7 },
		{ "--grace", 3600 },
		{ "--max-failures", 1000 },
		{ "--window", 86400 * 30 },
		{ "--lock", 86400 * 365 },
		{ "--rate", 100000 },
		{ "--max-account-failures", 10000 },
		{ "--max-preauth", 10000 },
		{ "--max-preauth-addr", 10000 },
		{ "--max-register", 10000 },
	};
	struct serve_opts	 o;
	int			*slot[10], i, k, v;
	const char		*w;

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
	/* R-SEC-8.1 issue 8 (8): the caps of a server under abuse */
	o.policy.account_failures = AUTH_ACCOUNT_FAILURES;
	o.max_preauth = SERVE_MAX_PREAUTH;
	o.max_preauth_addr = SERVE_MAX_PREAUTH_ADDR;
	o.max_register = SERVE_MAX_REGISTER;
	slot[6] = &o.policy.account_failures;
	slot[7] = &o.max_preauth;
	slot[8] = &o.max_preauth_addr;
	slot[9] = &o.max_register;
	for (i = 1; i < argc; i++) {
		if (i + 1 >= argc)
			return cmd_usage(ctx->entry);
		if (strcmp(argv[i], "--listen") == 0) {
			if (serve_listen_arg(argv[++i], &o) != 0) {
				fprintf(stderr, "njbt: 监听地址应为 地址:端口，"
				    "如 127.0.0.1:2222\n");
				return 2;
			}
			continue;
		}
		if (strcmp(argv[i], "--host-key") == 0) {
			strlcpy0(o.hostkey, argv[++i], sizeof o.hostkey);
			continue;
		}
		for (k = 0; k < (int)(sizeof nums / sizeof nums[0]); k++)
			if (strcmp(argv[i], nums[k].name) == 0)
				break;
		if (k == (int)(sizeof nums / sizeof nums[0]))
			return cmd_usage(ctx->entry);
		if ((v = serve_number(argv[++i], nums[k].max)) < 0) {
			fprintf(stderr, "njbt: %s 应为 0 到 %d 的整数\n",
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
	return server_run(&o);
}

const struct cmd_entry cmd_serve_entry = {
	"serve", "[--db FILE] [--listen ADDR:PORT] [--host-key FILE] "
	"[--idle 秒] [--grace 秒] [--max-failures N] [--window 秒] "
	"[--lock 秒] [--rate N] [--max-account-failures N] "
	"[--max-preauth N] [--max-preauth-addr N] [--max-register N]",
	"SSH 服务器（默认 127.0.0.1:2222，主机密钥默认为 数据库.hostkey）",
	cmd_serve
};
