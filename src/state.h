/*
 * state.h: the one state table per record kind (state.c): for each table
 * with a state (or status) column, its codes with a short label (fits the
 * list column it is shown in at 80x24) and a long one (printers, notes),
 * and the transitions it allows. Pure: no I/O, no database. The SQL side
 * (njbt_state, njbt_state_ok and the triggers) is db.c's.
 */
#ifndef NJBT_STATE_H
#define NJBT_STATE_H

struct state_code {
	const char	*code;
	const char	*label;		/* short: lists, refusals */
	const char	*long_label;	/* long: printed sheets */
};

struct state_move {
	const char	*from;
	const char	*to;
};

struct state_kind {
	const char		*kind;		/* njbt_state's first argument */
	const char		*table;		/* its table in the schema */
	const char		*column;	/* state or status */
	const struct state_code	*codes;		/* NULL-terminated */
	const struct state_move	*moves;		/* NULL-terminated */
};

/* state.c */
extern const struct state_kind state_kinds[];	/* NULL-terminated */
const struct state_kind *state_kind(const char *kind);
const struct state_code *state_code(const char *kind, const char *code);
const struct state_code *state_codes_find(const struct state_code *,
	    const char *);
const char *state_text(const struct state_code *, const char *, int);
const char *state_label(const char *kind, const char *code);
const char *state_long(const char *kind, const char *code);
int	 state_may(const char *kind, const char *from, const char *to);

#endif
