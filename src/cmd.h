/*
 * cmd.h: the batch commands of the command line, one struct cmd_entry per
 * cmd-*.c file (name, usage, what it does, the function), listed in
 * main.c's table.
 */
#ifndef NJBT_CMD_H
#define NJBT_CMD_H

#include "njbt.h"

struct cmd_entry;
struct cmd_ctx {
	const struct cmd_entry	*entry;
	const char		*db;
};

struct cmd_entry {
	const char	*name;
	const char	*usage;
	const char	*about;
	int		(*exec)(struct cmd_ctx *, int, char **);
};

/* cmd-do.c */
int	 cmd_report(struct act *, int);
int	 cmd_run_action(const struct actor *, const char *, int, char **);

/* cmd-open.c */
int	 cmd_open(struct cmd_ctx *);
int	 cmd_actor(const char *, struct actor *);
int	 cmd_usage(const struct cmd_entry *);

extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_serve_entry;
extern const struct cmd_entry cmd_tui_entry;
extern const struct cmd_entry cmd_user_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_do_entry;
extern const struct cmd_entry cmd_actions_entry;
extern const struct cmd_entry cmd_print_entry;
extern const struct cmd_entry cmd_backup_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_list_entry;

#endif
