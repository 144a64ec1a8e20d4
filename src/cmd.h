/*
 * cmd.h: the batch commands of the command line, one struct cmd_entry per
 * cmd-*.c file (name, usage, what it does, its options, the function),
 * listed in main.c's table. One parser (cmd-args.c) reads every command's
 * options from its row, as tmux's .args spec, but with long options.
 */
#ifndef NJBT_CMD_H
#define NJBT_CMD_H

#include <stdio.h>

#include "njbt.h"

struct cmd_entry;
struct cmd_ctx {
	const struct cmd_entry	*entry;
	const char		*db;
	const char		*as;	/* --as LOGIN, or NULL: the console */
	int			 screens; /* njbt tui: the screens' connection */
};

/* One option of a command: --name [VALUE], maybe also -letter. */
struct cmd_opt {
	const char	*name;		/* the long name, without "--" */
	const char	*arg;		/* what its value is, or NULL: a flag */
	int		 letter;	/* its short form, or 0 */
	int		 flags;
#define CMD_OPT_ONCE	0x1		/* at most once, and never empty */
	const char	*help;
};
#define CMD_OPTS_MAX	16

/* What the parser hands a command: its options and its operands. */
struct cmd_args {
	const struct cmd_entry	*entry;
	const char		*value[CMD_OPTS_MAX];	/* by row; "" a flag */
	int			 count[CMD_OPTS_MAX];
	int			 argc;			/* the operands */
	char			**argv;
};

struct cmd_entry {
	const char		*name;
	const char		*usage;
	const char		*about;
	int			(*exec)(struct cmd_ctx *, struct cmd_args *);
	const struct cmd_opt	*opts;	/* ends with a NULL name; NULL none */
	int			 flags;
#define CMD_IN_ORDER	0x1	/* options end at the first operand */
};

/* cmd-args.c */
#define CMD_ARGS_OK	0
#define CMD_ARGS_HELP	1	/* --help printed: exit 0 */
#define CMD_ARGS_BAD	2	/* a usage error printed: exit 2 */
int	 cmd_args_parse(const struct cmd_entry *, int, char **,
	    struct cmd_args *);
const char *cmd_arg(const struct cmd_args *, const char *);
const char *cmd_arg_maybe(const struct cmd_args *, const char *);
int	 cmd_flag(const struct cmd_args *, const char *);
void	 cmd_help(FILE *, const struct cmd_entry *);
int	 cmd_take_db(int, char **, const char **);

/* cmd-restore.c */
int	 restore_hold(const char *);

/* cmd-tui.c */
int	 cmd_tui_session(const char *, const char *, const char *,
	    const char *, int);

/* cmd-do.c */
int	 cmd_report(struct act *, int);
int	 cmd_run_action(const struct actor *, const char *, int, char **);
int	 cmd_report_line(struct act *, int, size_t);
int	 cmd_run_line(const struct actor *, size_t, const char *, int,
	    char **);

/* cmd-do-file.c, cmd-words.c (issue 15 (3)) */
int	 cmd_do_file(const char *, const char *);
int	 cmd_words(char *, char **, int, const char **);

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
extern const struct cmd_entry cmd_restore_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_show_entry;

#endif
