/*
 * cmd-do.c: `njbt do --as LOGIN ACTION [field=value ...]`, one action run
 * exactly as its form would run it. Prints the keys of what was created or
 * changed on stdout, one a line, the created or changed one last (and,
 * with --say or on a terminal, the screen's sentence on stderr); exits 0,
 * 1 when a rule refused it (the Chinese reason on stderr, nothing
 * written), 2 on a usage error. With --file, many actions, one a line
 * (cmd-do-file.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

/* Say what was done (issue 11 (5)): on stderr, only when asked or seen. */
static int cmd_say = -1;

/*
 * Print an action's outcome the contract's way and give the exit code.
 * The sentence the screen shows after a run ("已批准：申请 SQ...") goes to
 * stderr when stderr is a terminal or `--say` was given: scripts read the
 * keys on stdout and take silence on stderr for success.
 */
int
cmd_report(struct act *a, int rc)
{
	return cmd_report_line(a, rc, 0);
}

/* Print s's lines on stdout, each after "no<TAB>". */
static void
cmd_put_keys(const char *s, size_t no)
{
	const char *nl;

	for (; *s != '\0'; s = nl + 1) {
		printf("%zu\t", no);
		if ((nl = strchr(s, '\n')) == NULL) {
			printf("%s\n", s);
			return;
		}
		fwrite(s, 1, (size_t)(nl - s + 1), stdout);
	}
}

/*
 * cmd_report for line no of a batch file (`njbt do --file`): the keys
 * after "no<TAB>", the messages after "第 no 行："; no 0 is the command
 * line's one action, printed as above.
 */
int
cmd_report_line(struct act *a, int rc, size_t no)
{
	char where[48] = "";

	if (no != 0)
		xsnprintf(where, sizeof where, "第 %zu 行：", no);
	if (rc == NJ_OK && no == 0) {
		/* the command line's one action: its contract, unchanged */
		if (a->out != NULL)
			fputs(a->out, stdout);
		if (a->key[0] != '\0')
			printf("%s\n", a->key);
	} else if (rc == NJ_OK) {
		if (a->out != NULL)
			cmd_put_keys(a->out, no);
		if (a->key[0] != '\0')
			cmd_put_keys(a->key, no);
	}
	if (rc == NJ_OK) {
		if (a->done[0] != '\0' && (cmd_say > 0 ||
		    (cmd_say < 0 && isatty(STDERR_FILENO)))) {
			fflush(stdout);
			fprintf(stderr, "%s%s\n", where, a->done);
		}
		return 0;
	}
	if (a->errfield[0] != '\0')
		fprintf(stderr, "njbt: %s%s: %s\n", where, a->errfield, a->err);
	else
		fprintf(stderr, "njbt: %s%s\n", where, a->err);
	return rc == NJ_USAGE ? 2 : 1;
}

/* Run name with "field=value" arguments as who. */
int
cmd_run_action(const struct actor *who, const char *name, int argc,
    char **argv)
{
	return cmd_run_line(who, 0, name, argc, argv);
}

/* cmd_run_action for line no of a batch file (0: the command line). */
int
cmd_run_line(const struct actor *who, size_t no, const char *name, int argc,
    char **argv)
{
	const char	**names, **values;
	struct act	 *a = NULL;
	char		 *eq;
	int		  i, rc;

	names = xcalloc((size_t)argc + 1, sizeof *names);
	values = xcalloc((size_t)argc + 1, sizeof *values);
	for (i = 0; i < argc; i++) {
		if ((eq = strchr(argv[i], '=')) == NULL || eq == argv[i]) {
			if (no != 0)
				fprintf(stderr, "njbt: 第 %zu 行：", no);
			else
				fputs("njbt: ", stderr);
			fprintf(stderr, "参数应为 字段=值：%s\n", argv[i]);
			free(names);
			free(values);
			return 2;
		}
		*eq = '\0';
		names[i] = argv[i];
		values[i] = eq + 1;
	}
	rc = action_run(who, name, argc, names, values, &a);
	rc = cmd_report_line(a, rc, no);
	act_free(&a);
	free(names);
	free(values);
	return rc;
}

static const struct cmd_opt cmd_do_opts[] = {
	{ "as", "LOGIN", 0, 0, "以该用户身份执行（必填）" },
	{ "say", NULL, 0, 0, "在标准错误输出说明办理结果（终端上总是说明）" },
	/* issue 15 (3): many actions, one a line */
	{ "file", "文件", 0, CMD_OPT_ONCE,
	    "逐行执行文件中的操作（每行：操作 字段=值 ...；- 为标准输入）" },
	{ NULL, NULL, 0, 0, NULL }
};

/* The options come before ACTION: what follows are its fields. */
static int
cmd_do(struct cmd_ctx *ctx, struct cmd_args *a)
{
	struct actor	 who;
	const char	*as = cmd_arg(a, "as");
	const char	*file = cmd_arg(a, "file");
	int		 rc;

	if (as == NULL || (file == NULL) != (a->argc >= 1))
		return cmd_usage(ctx->entry);
	if (cmd_flag(a, "say") > 0)
		cmd_say = 1;
	if (cmd_open(ctx) != 0)
		return 1;
	if (file != NULL) {
		/* the user is checked here, and again for each line */
		rc = cmd_actor(as, &who) != 0 ? 1 : cmd_do_file(as, file);
		db_close();
		return rc;
	}
	if (cmd_actor(as, &who) != 0) {
		db_close();
		return 1;
	}
	rc = cmd_run_action(&who, a->argv[0], a->argc - 1, a->argv + 1);
	db_close();
	return rc;
}

const struct cmd_entry cmd_do_entry = {
	"do", "[--db FILE] --as LOGIN ACTION [字段=值 ...] | "
	"--as LOGIN --file 文件",
	"以用户身份执行一个操作（或文件中逐行的操作），与其表单完全相同",
	cmd_do, cmd_do_opts,
	CMD_IN_ORDER
};
