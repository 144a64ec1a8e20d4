/*
 * record.h: the record view's read side (action-record.c, issue 11 item
 * 1). One record of a kind (application, notice, sale, batch, machine,
 * buyer, dealer, product, user) opened by its key for an actor: the
 * fields the actor's role may see (private ones masked as the lists mask
 * them), its state in words, its anomaly flags, the related records that
 * can be opened in turn, its history from the audit log and the actions
 * the actor may take on it now. Front ends see this and njbt.h only.
 */
#ifndef NJBT_RECORD_H
#define NJBT_RECORD_H

#include "njbt.h"

struct rec_field {
	const char	*label;
	char		*value;
};

struct rec_link {
	char		 kind[16];
	char		 key[NJ_KEY_MAX];
	char		*summary;
};

struct rec_event {
	char		 at[24];
	char		*who;
	char		*what;		/* the action's title */
};

/* An action the actor may take on the record now. */
struct rec_act {
	const char	*action;	/* action_find() name */
	const char	*title;
	const char	*field;		/* the field that gets key */
	char		 key[NJ_KEY_MAX];
	const char	*field2;	/* a second field filled, or NULL */
	char		 value2[NJ_KEY_MAX];
	int		 destructive;	/* asks a confirmation naming it */
};

#define REC_ACTS_MAX	9	/* keys 1..9 */

struct record {
	const char	*kind;
	const char	*kind_title;
	char		 key[NJ_KEY_MAX];
	char		 name[NJ_NAME_MAX];	/* who or what it is about */
	char		 state[64];		/* the long label, "" none */
	char		 state_code[32];
	struct rec_field *fields;
	size_t		 nfields;
	char		**flags;
	size_t		 nflags;
	struct rec_link	*links;
	size_t		 nlinks;
	struct rec_event *events;
	size_t		 nevents;
	char		**photos;	/* issue 12 item 4: one line each */
	size_t		 nphotos;
	struct rec_act	 acts[REC_ACTS_MAX];
	size_t		 nacts;
};

int	 record_open(const struct actor *, const char *, const char *,
	     struct record *, char *, size_t);
void	 record_free(struct record *);
const char *record_kind_title(const char *);
const char *record_list_kind(const struct list_def *);

#endif
