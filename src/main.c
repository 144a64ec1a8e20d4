/*
 * main.c: the njbt command line. One table of commands (each defined in
 * its cmd-*.c file, as tmux does); --db FILE is taken out of the arguments
 * for every command, then the command's options are parsed from its row
 * (cmd-args.c). `njbt --help` lists the commands, `njbt COMMAND --help`
 * one command's options, `njbt --version` the version. Exit status: 0
 * done, 1 refused or failed, 2 a usage error.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "njbt.h"
#include "cmd.h"
#include "conf.h"
#include "version.h"

static const struct cmd_entry *const cmd_table[] = {
	&cmd_init_entry,
	&cmd_serve_entry,
	&cmd_tui_entry,
	&cmd_user_entry,
	&cmd_import_entry,
	&cmd_do_entry,
	&cmd_actions_entry,
	&cmd_backup_entry,
	&cmd_check_entry,
	&cmd_list_entry,
	&cmd_show_entry,
	&cmd_print_entry,
	/* issue 14 item 7 (backups) */
	&cmd_restore_entry,
};
#define NCMDS (sizeof cmd_table / sizeof cmd_table[0])

static void
usage(FILE *f)
{
	size_t i;

	fprintf(f, "用法：njbt 命令 [选项]\n\n");
	for (i = 0; i < NCMDS; i++)
		fprintf(f, "  njbt %-7s %s\n         %s\n", cmd_table[i]->name,
		    cmd_table[i]->usage, cmd_table[i]->about);
	fprintf(f, "\n--db 默认为 $NJBT_DB，其次 %s。"
	    "njbt 命令 --help 列出该命令的选项；njbt --version 显示版本。"
	    "详见 man njbt。\n", conf_current()->db);
}

/* The command named name, or NULL. */
static const struct cmd_entry *
find_cmd(const char *name)
{
	size_t i;

	for (i = 0; i < NCMDS; i++)
		if (strcmp(name, cmd_table[i]->name) == 0)
			return cmd_table[i];
	return NULL;
}

int
main(int argc, char **argv)
{
	struct cmd_ctx		 ctx;
	struct cmd_args		 args;
	const struct cmd_entry	*e;
	int			 rc;

	setlocale(LC_ALL, "C.UTF-8");
	memset(&ctx, 0, sizeof ctx);
	ctx.db = db_default_path();
	argc = cmd_take_db(argc - 1, argv + 1, &ctx.db);
	argv++;
	if (argc < 1) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[0], "help") == 0 || strcmp(argv[0], "--help") == 0 ||
	    strcmp(argv[0], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[0], "--version") == 0 || strcmp(argv[0], "-V") == 0) {
		printf("njbt %s\n", NJBT_VERSION);
		return 0;
	}
	if ((e = find_cmd(argv[0])) == NULL) {
		fprintf(stderr, "njbt: 未知的命令：%s\n", argv[0]);
		usage(stderr);
		return 2;
	}
	ctx.entry = e;
	if ((rc = cmd_args_parse(e, argc, argv, &args)) != CMD_ARGS_OK)
		return rc == CMD_ARGS_HELP ? 0 : 2;
	ctx.as = cmd_arg_maybe(&args, "as");
	return e->exec(&ctx, &args);
}
