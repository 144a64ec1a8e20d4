/*
 * cmd-actions.c: `njbt actions [--as LOGIN]` lists every action (or those
 * LOGIN may run) with its fields, for scripts and for people:
 *   ACTION<TAB>TITLE<TAB>ROLES
 *   <TAB>FIELD<TAB>TYPE[:ARG]<TAB>required|optional<TAB>LABEL
 */
#include <stdio.h>

#include "cmd.h"

static void
print_roles(unsigned roles)
{
	int r, n = 0;

	if (roles == R_ANY) {
		printf("*");
		return;
	}
	for (r = 0; r < ROLE_CONSOLE; r++)
		if (roles & R(r))
			printf("%s%s", n++ ? "," : "", role_name(r));
}

static const struct cmd_opt cmd_actions_opts[] = {
	{ "as", "LOGIN", 0, 0, "只列出该用户可执行的操作" },
	{ NULL, NULL, 0, 0, NULL }
};

static int
cmd_actions(struct cmd_ctx *ctx, struct cmd_args *a)
{
	const struct action	*def;
	const struct field	*f;
	struct actor		 who;
	const char		*as = cmd_arg(a, "as");
	size_t			 i;
	int			 opened = 0;

	if (a->argc != 0)
		return cmd_usage(ctx->entry);
	if (as != NULL) {
		if (cmd_open(ctx) != 0)
			return 1;
		opened = 1;
		if (cmd_actor(as, &who) != 0) {
			db_close();
			return 1;
		}
	}
	for (i = 0; (def = action_at(i)) != NULL; i++) {
		if (as != NULL && !action_allowed(def, &who))
			continue;
		printf("%s\t%s\t", def->name, def->title);
		print_roles(def->roles);
		printf("\n");
		for (f = def->fields; f->name != NULL; f++)
			printf("\t%s\t%s%s%s\t%s\t%s\n", f->name,
			    ftype_name(f->type), f->arg ? ":" : "",
			    f->arg ? f->arg : "", f->flags & FF_REQ ?
			    "required" : "optional", f->label);
	}
	if (opened)
		db_close();
	return 0;
}

const struct cmd_entry cmd_actions_entry = {
	"actions", "[--as LOGIN]", "列出全部操作（或该用户可执行的操作）及其字段",
	cmd_actions, cmd_actions_opts, 0
};
