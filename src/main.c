/*
 * main.c: the njbt command line. One table of commands (each defined in
 * its cmd-*.c file, as tmux does); --db FILE is taken out of the arguments
 * here for every command. Exit status: 0 done, 1 refused or failed, 2 a
 * usage error.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "njbt.h"
#include "cmd.h"

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
	&cmd_print_entry,
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
	fprintf(f, "\n--db 默认为 $NJBT_DB，其次 ./var/njbt.db。详见 man njbt。\n");
}

/* Take "--db FILE" or "--db=FILE" out of argv; returns the new argc. */
static int
take_db(int argc, char **argv, const char **db)
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

int
main(int argc, char **argv)
{
	struct cmd_ctx	 ctx;
	size_t		 i;

	setlocale(LC_ALL, "C.UTF-8");
	if (argc < 2 || strcmp(argv[1], "help") == 0 ||
	    strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	memset(&ctx, 0, sizeof ctx);
	ctx.db = db_default_path();
	for (i = 0; i < NCMDS; i++) {
		if (strcmp(argv[1], cmd_table[i]->name) != 0)
			continue;
		ctx.entry = cmd_table[i];
		argc = take_db(argc - 1, argv + 1, &ctx.db);
		return cmd_table[i]->exec(&ctx, argc, argv + 1);
	}
	fprintf(stderr, "njbt: 未知的命令：%s\n", argv[1]);
	usage(stderr);
	return 2;
}
