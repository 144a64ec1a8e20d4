/*
 * cmd-args.c: the one parser of every command's options. A command's row
 * (struct cmd_entry) lists its options as struct cmd_opt rows; this file
 * turns them into getopt_long's table, takes "--opt VALUE", "--opt=VALUE"
 * and "-o VALUE" alike, refuses what the row does not name with a Chinese
 * usage message (exit 2), answers --help from the same rows, and hands the
 * command its options and remaining operands. --db FILE, the one global
 * option, is taken out of the whole command line first (cmd_take_db), so
 * that it may stand anywhere, before or after the command's name.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "conf.h"

#define CMD_HELP_VAL	1000	/* getopt_long's value for --help */
#define CMD_LONG_VAL	256	/* row i without a letter answers 256 + i */

/* Take "--db FILE" or "--db=FILE" out of argv; returns the new argc. */
int
cmd_take_db(int argc, char **argv, const char **db)
{
	int i, j = 0;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			*db = argv[++i];
			continue;
		}
		if (strncmp(argv[i], "--db=", 5) == 0) {
			*db = argv[i] + 5;
			continue;
		}
		argv[j++] = argv[i];
	}
	argv[j] = NULL;
	return j;
}

/* The row named name; a missing row is a bug in the command. */
static int
cmd_opt_index(const struct cmd_entry *e, const char *name)
{
	int i;

	for (i = 0; e->opts != NULL && e->opts[i].name != NULL; i++)
		if (strcmp(e->opts[i].name, name) == 0)
			return i;
	fprintf(stderr, "njbt: internal: %s has no option --%s\n", e->name,
	    name);
	abort();
}

/* The value of --name (the last one given), or NULL. */
const char *
cmd_arg(const struct cmd_args *a, const char *name)
{
	return a->value[cmd_opt_index(a->entry, name)];
}

/* The value of --name, or NULL, also when the command has no such option. */
const char *
cmd_arg_maybe(const struct cmd_args *a, const char *name)
{
	int i;

	for (i = 0; a->entry->opts != NULL && a->entry->opts[i].name != NULL;
	    i++)
		if (strcmp(a->entry->opts[i].name, name) == 0)
			return a->value[i];
	return NULL;
}

/* How many times --name was given. */
int
cmd_flag(const struct cmd_args *a, const char *name)
{
	return a->count[cmd_opt_index(a->entry, name)];
}

/* One line of the help: "  -o, --output FILE" padded, then the help. */
static void
cmd_help_line(FILE *f, int letter, const char *name, const char *arg,
    const char *help)
{
	char	left[128];
	int	pad;

	xsnprintf(left, sizeof left, "%c%c%c --%s%s%s", letter ? '-' : ' ',
	    letter ? letter : ' ', letter ? ',' : ' ', name, arg ? " " : "",
	    arg ? arg : "");
	pad = 30 - utf8_width(left);
	fprintf(f, "  %s%*s %s\n", left, pad > 0 ? pad : 0, "", help);
}

/* A command's usage, what it does and every option of its row. */
void
cmd_help(FILE *f, const struct cmd_entry *e)
{
	const struct cmd_opt	*o;
	char			 dflt[CONF_PATH_MAX + 64];

	fprintf(f, "用法：njbt %s %s\n%s\n\n选项：\n", e->name, e->usage,
	    e->about);
	for (o = e->opts; o != NULL && o->name != NULL; o++)
		cmd_help_line(f, o->letter, o->name, o->arg, o->help);
	/* the build's default, or njbt.conf's (issue 14 (1)) */
	xsnprintf(dflt, sizeof dflt, "数据库文件（默认 $NJBT_DB，其次 %s）",
	    conf_current()->db);
	cmd_help_line(f, 0, "db", "FILE", dflt);
	cmd_help_line(f, 'h', "help", NULL, "显示本帮助");
}

/* getopt_long's tables from the row: long options and the letters. */
static int
cmd_args_tables(const struct cmd_entry *e, struct option *lo, char *so,
    size_t solen)
{
	const struct cmd_opt	*o;
	size_t			 n = 0;
	int			 i;

	so[n++] = (e->flags & CMD_IN_ORDER) ? '+' : ':';
	if (e->flags & CMD_IN_ORDER)
		so[n++] = ':';
	for (i = 0; e->opts != NULL && e->opts[i].name != NULL; i++) {
		o = &e->opts[i];
		if (i + 1 >= CMD_OPTS_MAX || n + 3 >= solen)
			return -1;
		lo[i].name = o->name;
		lo[i].has_arg = o->arg != NULL ? required_argument :
		    no_argument;
		lo[i].flag = NULL;
		lo[i].val = o->letter ? o->letter : CMD_LONG_VAL + i;
		if (o->letter) {
			so[n++] = (char)o->letter;
			if (o->arg != NULL)
				so[n++] = ':';
		}
	}
	lo[i].name = "help";
	lo[i].has_arg = no_argument;
	lo[i].flag = NULL;
	lo[i].val = CMD_HELP_VAL;
	memset(&lo[i + 1], 0, sizeof lo[i + 1]);
	so[n++] = 'h';
	so[n] = '\0';
	return 0;
}

/* The row getopt_long's answer c stands for, or -1. */
static int
cmd_args_row(const struct cmd_entry *e, int c)
{
	int i;

	if (c >= CMD_LONG_VAL && c < CMD_LONG_VAL + CMD_OPTS_MAX)
		return c - CMD_LONG_VAL;
	for (i = 0; e->opts != NULL && e->opts[i].name != NULL; i++)
		if (e->opts[i].letter == c)
			return i;
	return -1;
}

/*
 * Whether the option getopt_long just took was written whole: it takes
 * "--lis" for "--listen", but a script that leans on a prefix would break
 * the day another option shares it. li is the long option's index, or -1
 * for a letter.
 */
static int
cmd_args_whole(char **argv, const struct option *lo, int li)
{
	const char	*tok = argv[optind - 1];
	size_t		 n;

	if (li < 0)
		return 1;
	if (optarg != NULL && optarg == tok && optind >= 2)
		tok = argv[optind - 2];		/* "--opt VALUE" */
	if (strncmp(tok, "--", 2) != 0)
		return 1;
	n = strlen(lo[li].name);
	return strncmp(tok + 2, lo[li].name, n) == 0 &&
	    (tok[2 + n] == '\0' || tok[2 + n] == '=');
}

/* A usage error: the reason, then the command's usage; CMD_ARGS_BAD. */
static int
cmd_args_bad(const struct cmd_entry *e, const char *why, const char *dash,
    const char *what)
{
	fprintf(stderr, "njbt: %s：%s%s\n", why, dash, what);
	cmd_usage(e);
	return CMD_ARGS_BAD;
}

/*
 * Parse argv (argv[0] the command's name) by e's rows into a. Options may
 * come among the operands unless the row says CMD_IN_ORDER; "--" ends
 * them. CMD_ARGS_OK, CMD_ARGS_HELP (printed to stdout) or CMD_ARGS_BAD
 * (the reason and the usage printed to stderr).
 */
int
cmd_args_parse(const struct cmd_entry *e, int argc, char **argv,
    struct cmd_args *a)
{
	struct option	 lo[CMD_OPTS_MAX + 1];
	char		 so[3 * CMD_OPTS_MAX + 4];
	const char	*bad;
	char		 letter[3] = "-?";
	int		 c, i, li = -1;

	memset(a, 0, sizeof *a);
	a->entry = e;
	if (cmd_args_tables(e, lo, so, sizeof so) != 0)
		abort();
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, so, lo, &li)) != -1) {
		bad = argv[optind - 1];
		if (c != '?' && c != ':' && !cmd_args_whole(argv, lo, li)) {
			if (optarg != NULL && optarg == bad)
				bad = argv[optind - 2];
			return cmd_args_bad(e, "未知的选项", "", bad);
		}
		li = -1;
		if (c == CMD_HELP_VAL || c == 'h') {
			cmd_help(stdout, e);
			return CMD_ARGS_HELP;
		}
		if (c == ':')
			return cmd_args_bad(e, "选项缺少值", "", bad);
		if (c == '?' || (i = cmd_args_row(e, c)) < 0) {
			/* "-x" inside "-ox": name the letter, not the word */
			if (optopt > 0 && optopt < CMD_LONG_VAL &&
			    bad[1] != '-') {
				letter[1] = (char)optopt;
				bad = letter;
			}
			return cmd_args_bad(e, "未知的选项", "", bad);
		}
		if ((e->opts[i].flags & CMD_OPT_ONCE) && (a->count[i] > 0 ||
		    (optarg != NULL && *optarg == '\0')))
			return cmd_args_bad(e, a->count[i] > 0 ? "选项重复" :
			    "选项缺少值", "--", e->opts[i].name);
		a->value[i] = optarg != NULL ? optarg : "";
		a->count[i]++;
	}
	a->argc = argc - optind;
	a->argv = argv + optind;
	return CMD_ARGS_OK;
}
