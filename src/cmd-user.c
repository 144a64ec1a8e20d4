/*
 * cmd-user.c: `njbt user add|passwd|lock|unlock|list`, user management from
 * the server's shell, run as the console operator through the same
 * user.* actions the admin's screens use.
 *   njbt user add login=L name=N role=R [region=C] [org=USCC] [password=P]
 *   njbt user passwd LOGIN [PASSWORD]      (asks when not given)
 *   njbt user lock LOGIN [REASON] | unlock LOGIN
 *   njbt user post LOGIN handler|approver  (a county user's 经办/审核)
 *   njbt user list [ROLE]
 *   njbt user key add LOGIN FILE           (an OpenSSH .pub file; - stdin)
 *   njbt user key remove LOGIN FINGERPRINT | key list LOGIN
 * A user added without a password gets a random one, printed once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cmd.h"

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
		passwd_random(pw, sizeof pw);
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

/* The first line of an OpenSSH public key file that is not a comment. */
static int
read_key_file(const char *path, char *buf, size_t len)
{
	FILE	*f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	char	 line[8192], *t;
	int	 rc = -1;

	if (f == NULL) {
		fprintf(stderr, "njbt: 无法打开 %s\n", path);
		return -1;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		t = trim(line);
		if (*t == '\0' || *t == '#')
			continue;
		strlcpy0(buf, t, len);
		rc = 0;
		break;
	}
	if (f != stdin)
		fclose(f);
	if (rc != 0)
		fprintf(stderr, "njbt: %s 中没有公钥\n", path);
	return rc;
}

static void
key_print(void *arg, const char *type, const char *fp, const char *comment,
    const char *added)
{
	(void)arg;
	printf("%s\t%s\t%s\t%s\n", fp, type, comment, added);
}

/* `njbt user key add|remove|list LOGIN ...`, through user.key.* actions. */
static int
user_key(const struct actor *who, int argc, char **argv)
{
	char	line[8192], msg[NJ_MSG_MAX];

	if (argc == 3 && strcmp(argv[0], "add") == 0) {
		if (read_key_file(argv[2], line, sizeof line) != 0)
			return 1;
		return user_simple(who, "user.key.add", argv[1], "key", line);
	}
	if (argc == 3 && strcmp(argv[0], "remove") == 0)
		return user_simple(who, "user.key.remove", argv[1],
		    "fingerprint", argv[2]);
	if (argc == 2 && strcmp(argv[0], "list") == 0) {
		if (auth_keys(argv[1], key_print, NULL, msg, sizeof msg) < 0) {
			fprintf(stderr, "njbt: %s\n", msg);
			return 1;
		}
		return 0;
	}
	return -1;
}

/* The verb and its operands; the options were taken by cmd-args.c. */
static int
cmd_user(struct cmd_ctx *ctx, struct cmd_args *a)
{
	struct actor	 who;
	char		 pw[256];
	char		**v = a->argv;
	int		 n = a->argc, rc;
	const char	*verb = n > 0 ? v[0] : "";

	if (n < 1 || (strcmp(verb, "list") != 0 && strcmp(verb, "add") !=
	    0 && n < 2))
		return cmd_usage(ctx->entry);
	if (cmd_open(ctx) != 0)
		return 1;
	actor_console(&who);
	if (strcmp(verb, "add") == 0)
		rc = user_add(&who, n - 1, v + 1);
	else if (strcmp(verb, "passwd") == 0 && n <= 3) {
		if (n == 3)
			strlcpy0(pw, v[2], sizeof pw);
		else if (read_password(pw, sizeof pw) != 0) {
			fprintf(stderr, "njbt: 未输入密码\n");
			db_close();
			return 1;
		}
		rc = user_simple(&who, "user.passwd", v[1], "password", pw);
	} else if (strcmp(verb, "lock") == 0 && n <= 3)
		rc = user_simple(&who, "user.lock", v[1], "reason",
		    n == 3 ? v[2] : NULL);
	else if (strcmp(verb, "unlock") == 0 && n == 2)
		rc = user_simple(&who, "user.unlock", v[1], NULL, NULL);
	else if (strcmp(verb, "post") == 0 && n == 3)
		rc = user_simple(&who, "user.post", v[1], "post", v[2]);
	else if (strcmp(verb, "list") == 0 && n <= 2)
		rc = user_list(&who, n == 2 ? v[1] : NULL);
	else if (strcmp(verb, "key") == 0 &&
	    (rc = user_key(&who, n - 1, v + 1)) >= 0)
		;
	else
		rc = cmd_usage(ctx->entry);
	db_close();
	return rc;
}

const struct cmd_entry cmd_user_entry = {
	"user", "add 字段=值 ... | passwd LOGIN [密码] | lock LOGIN [原因] | "
	"unlock LOGIN | post LOGIN handler|approver | list [角色] | key add LOGIN 公钥文件 | "
	"key remove LOGIN 指纹 | key list LOGIN",
	"管理用户（以服务器控制台身份）", cmd_user, NULL, CMD_IN_ORDER
};
