/*
 * form.h: the screens as data. forms/NAME.form files (see njbt-forms(5)) are
 * parsed at start-up into forms (a form runs an action; its fields are the
 * action's fields, with labels, order, width and help from the file) and
 * lists (a named list of the lists table, with actions on a row). The main
 * menu of each role is built from them.
 */
#ifndef NJBT_FORM_H
#define NJBT_FORM_H

#include "njbt.h"

#define FORM_WIDTH_MAX	60

enum form_kind {
	FORM_ACTION = 0,
	FORM_LIST
};

struct form;

struct form_field {
	int		 idx;		/* index in the action's fields */
	const struct field *f;
	char		*label;
	int		 width;
	char		*help;
	char		*lookup;	/* a list name, or NULL */
	int		 self;		/* prefilled with the user's login */
	int		 keep;		/* kept after a save, for the next */
	char		*using;		/* the look-up's argument comes from */
	int		 required;	/* the form asks for it (the action may not) */
	char		*dflt;		/* "default V": filled in when opened */
};

/* The year's flows (program.set flow): a form may be for one of them. */
enum { FLOW_QUOTA = 0, FLOW_BUY, FLOW__COUNT };

struct form_row {
	char		*target;	/* the form to open */
	const struct form *form;
	char		*field;		/* its field that gets the row's key */
	int		 col;		/* which column is the key */
	int		 line;
};

struct form {
	enum form_kind		 kind;
	char			*name;
	char			*title;
	char			*file;
	int			 line;
	char			*menu;		/* main menu section or NULL */
	unsigned		 roles;		/* narrows who sees it, 0 all */
	int			 order;
	char			*note;
	unsigned		 flows;		/* bits of FLOW_*, 0 both */
	char			*flowtitle[FLOW__COUNT];	/* or NULL */
	char			*post;		/* county post that sees it */
	const struct action	*action;	/* FORM_ACTION */
	struct form_field	*fields;
	size_t			 nfields;
	char			*setname[8];	/* fixed values, not shown */
	char			*setvalue[8];
	size_t			 nset;
	char			*source;	/* FORM_LIST: the list */
	const struct list_def	*list;
	char			*arg;		/* its argument: "self", text */
	struct form_row		*rows;
	size_t			 nrows;
};

struct forms {
	struct form	**v;
	size_t		  n;
};

int	 forms_load(const char *, struct forms **, char *, size_t);
int	 forms_parse(struct forms *, const char *, const char *, size_t,
	     char *, size_t);
int	 forms_resolve(struct forms *, char *, size_t);
struct forms *forms_new(void);
void	 forms_free(struct forms **);
const struct form *forms_find(const struct forms *, const char *);
int	 form_allowed(const struct form *, const struct actor *);
int	 form_flow(const char *);
int	 form_in_flow(const struct form *, int);
const char *form_title(const struct form *, int);
const char *forms_default_dir(void);
int	 form_split(char *, char **, int, const char **);
void	 forms_set_current(struct forms *);
struct forms *forms_take_current(void);

#endif
