/*
 * cmd-user.c: `njbt user add|passwd|lock|unlock|list`, user management from
 * the server's shell, run as the console operator through the same
 * user.* actions the admin's screens use.
 *   njbt user add login=L name=N role=R [region=C] [org=USCC] [password=P]
 *   njbt user passwd LOGIN [PASSWORD]      (asks when not given)
 *   njbt user lock LOGIN [REASON] | unlock LOGIN
 *   njbt user list [ROLE]
 * A user added without a password gets a random one, printed once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "cmd.h"

/* A random password of 12 characters no one confuses (no 0/O, 1/l/I). */
static void
random_password(char *buf, size_t len)
{
	static const char set[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTU"
	    "VWXYZ23456789";
	size_t i;

	if (sodium_init() < 0 || len < 13)
		abort();
	for (i = 0; i < 12; i++)
		buf[i] = set[randombytes_uniform(sizeof set - 1)];
	buf[12] = '\0';
}

/* Read a password from the terminal without echo, or a line of stdin. */
static int
read_password(char *buf, size_t len)
{
	struct termios	t, old;
	int		tty = isatty(0);

	if (tty) {
		fprintf(stderr, "新密码：");
		tcgetattr(0, &old);
		t = old;
		t.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(0, TCSAFLUSH, &t);
	}
	if (fgets(buf, (int)len, stdin) == NULL)
		buf[0] = '\0';
	if (tty) {
		tcsetattr(0, TCSAFLUSH, &old);
		fprintf(stderr, "\n");
	}
	buf[strcspn(buf, "\r\n")] = '\0';
	return buf[0] != '\0' ? 0 : -1;
}

static int
user_add(const struct actor *who, int argc, char **argv)
{
	char	**args, pw[16], pwarg[32];
	int	  i, rc, haspw = 0;

	for (i = 0; i < argc; i++)
		if (strncmp(argv[i], "password=", 9) == 0)
			haspw = 1;
	args = xcalloc((size_t)argc + 2, sizeof *args);
	for (i = 0; i < argc; i++)
		args[i] = argv[i];
	if (!haspw) {
		random_password(pw, sizeof pw);
		xsnprintf(pwarg, sizeof pwarg, "password=%s", pw);
		args[argc++] = pwarg;
	}
	rc = cmd_run_action(who, "user.add", argc, args);
	if (rc == 0 && !haspw)
		printf("初始密码：%s\n", pw);
	free(args);
	return rc;
}

static int
user_simple(const struct actor *who, const char *action, const char *login,
    const char *field, const char *value)
{
	char	 a1[64], a2[512], *args[2];

	xsnprintf(a1, sizeof a1, "login=%s", login);
	args[0] = a1;
	if (value != NULL) {
		xsnprintf(a2, sizeof a2, "%s=%s", field, value);
		args[1] = a2;
	}
	return cmd_run_action(who, action, value != NULL ? 2 : 1, args);
}

static int
user_list(const struct actor *who, const char *role)
{
	struct list_page	page;
	char			msg[NJ_MSG_MAX];
	size_t			r, c;
	int			offset = 0, rc;

	do {
		rc = list_fetch(who, "users", "", role, offset, 500, &page,
		    msg, sizeof msg);
		if (rc != NJ_OK) {
			fprintf(stderr, "njbt: %s\n", msg);
			return 1;
		}
		for (r = 0; r < page.nrows; r++)
			for (c = 0; c < page.ncols; c++)
				printf("%s%c", list_cellv(&page, r, c),
				    c + 1 < page.ncols ? '\t' : '\n');
		offset += (int)page.nrows;
		rc = page.more;
		list_page_free(&page);
	} while (rc);
	return 0;
}

static int
cmd_user(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct actor	 who;
	char		 pw[256];
	const char	*verb = argc > 1 ? argv[1] : "";
	int		 rc;

	if (argc < 2 || (strcmp(verb, "list") != 0 && strcmp(verb, "add") !=
	    0 && argc < 3))
		return cmd_usage(ctx->entry);
	if (cmd_open(ctx) != 0)
		return 1;
	actor_console(&who);
	if (strcmp(verb, "add") == 0)
		rc = user_add(&who, argc - 2, argv + 2);
	else if (strcmp(verb, "passwd") == 0 && argc <= 4) {
		if (argc == 4)
			strlcpy0(pw, argv[3], sizeof pw);
		else if (read_password(pw, sizeof pw) != 0) {
			fprintf(stderr, "njbt: 未输入密码\n");
			db_close();
			return 1;
		}
		rc = user_simple(&who, "user.passwd", argv[2], "password", pw);
	} else if (strcmp(verb, "lock") == 0 && argc <= 4)
		rc = user_simple(&who, "user.lock", argv[2], "reason",
		    argc == 4 ? argv[3] : NULL);
	else if (strcmp(verb, "unlock") == 0 && argc == 3)
		rc = user_simple(&who, "user.unlock", argv[2], NULL, NULL);
	else if (strcmp(verb, "list") == 0 && argc <= 3)
		rc = user_list(&who, argc == 3 ? argv[2] : NULL);
	else
		rc = cmd_usage(ctx->entry);
	db_close();
	return rc;
}

const struct cmd_entry cmd_user_entry = {
	"user", "add 字段=值 ... | passwd LOGIN [密码] | lock LOGIN [原因] | "
	"unlock LOGIN | list [角色]",
	"管理用户（以服务器控制台身份）", cmd_user
};
