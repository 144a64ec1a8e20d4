/*
 * label.h: the enumeration kinds (label.c): stored codes that are not a
 * record's state (a buyer's kind, an application's flow, a review's
 * reason, an anomaly's kind, ...) with the Chinese labels lists and
 * printers show for them, in the same row shape as state.c's. One SQL
 * function serves both tables: njbt_state(kind, code [, long]) (db.c)
 * asks label_short / label_long, which look in state.c's kinds first.
 * Pure: no I/O, no database.
 */
#ifndef NJBT_LABEL_H
#define NJBT_LABEL_H

#include "state.h"

struct label_kind {
	const char		*kind;		/* njbt_state's first argument */
	const char		*table;		/* the column it labels, when */
	const char		*column;	/* the schema CHECKs its codes */
	const struct state_code	*codes;		/* NULL-terminated */
};

/* label.c */
extern const struct label_kind label_kinds[];	/* NULL-terminated */
const struct label_kind *label_kind(const char *kind);
const struct state_code *label_codes(const char *kind);
const struct state_code *label_code(const char *kind, const char *code);
const char *label_short(const char *kind, const char *code);
const char *label_long(const char *kind, const char *code);

#endif
