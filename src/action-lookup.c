/*
 * action-lookup.c: look-ups by a private value (an ID number, a credit
 * code) as issue 8 item 2 wants them (R-SEC-8.2): an action that makes
 * one says so (lookup_begin), so that a refusal of it is audited all the
 * same (action.c, action_refusal_log); a refusal of the look-up itself
 * (no such record, a name that does not fit) is counted (lookup_miss),
 * and a login with too many refused within the window is refused every
 * further look-up.
 */
#include "actions.h"

/*
 * R-SEC-8.2c issue 8 (2): a login whose look-ups by a private value were
 * refused LOOKUP_REFUSALS_MAX times within LOOKUP_WINDOW_SECS is refused
 * every further such look-up until the window has moved on; the admin
 * sees it in the list lookup_refusals.
 */
#define LOOKUP_REFUSALS_MAX	10
#define LOOKUP_WINDOW_SECS	600

/*
 * R-SEC-8.2b issue 8 (2): this action looks up private data by the value
 * of field. From here on a refusal is audited (action.c); a user over the
 * rate limit is refused outright. Returns NJ_OK or the refusal.
 */
int
lookup_begin(struct act *a, const char *field, const char *value)
{
	char	last4[32], since[32];
	int64_t	n = 0;

	a->lookup = 1;
	text_last4(value ? value : "", last4, sizeof last4);
	xsnprintf(a->lookup_what, sizeof a->lookup_what, "%s=***%s", field,
	    last4);
	clock_stamp(a->now - LOOKUP_WINDOW_SECS, since, sizeof since);
	if (sql_int(&n, SQL_LOOKUP_REFUSED_COUNT, a->who->login,
	    since) < 0)
		return act_fail(a, "查询");
	if (n >= LOOKUP_REFUSALS_MAX)
		return lookup_miss(a, field, LOOKUP_THROTTLED);
	return NJ_OK;
}

/* A refusal of the look-up itself (no match): counted for the limit. */
int
lookup_miss(struct act *a, const char *field, const char *msg)
{
	a->lookup_miss = 1;
	return act_refuse(a, field, "%s", msg);
}
