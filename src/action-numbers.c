/*
 * action-numbers.c: the readable numbers of sales and payments (issue 11
 * item 5, migration 012): XS<county><year><seq> for a sale, given as it
 * is stored (sale_number), and ZF<county><year><seq> for each payment of
 * a batch (payment_numbers), numbered on from the county's year like
 * applications (SQ) and notices (TZ). An action's "sale" field takes
 * either the readable number or, for njbt do's contract, the row id:
 * act_numbers() turns a number into the id before the action runs, so
 * that every check of scope and state that the id meets, the number
 * meets too (a number of another county is refused like its id).
 * Every sequence but the payments' keeps its last value in counters
 * (migration 024, number_next): the next number is one row's update, not
 * a count of the county's records of the year.
 */
#include <stdlib.h>
#include <string.h>

#include "actions.h"

/*
 * The next of sequence kind ("application", "notice", "sale") of scope
 * (a county's code; "" for the province's notices) and year, into *seq:
 * its counter moved on in the action's transaction, so that a refused
 * or failed action leaves it where it was.
 */
int
number_next(struct act *a, const char *kind, const char *scope, int year,
    int64_t *seq)
{
	if (sql_int(seq, SQL_COUNTER_NEXT, kind, scope, year) != 1)
		return act_fail(a, "编号");
	return NJ_OK;
}

/* Give the sale just stored (id), of county and year, its number. */
int
sale_number(struct act *a, int64_t id, const char *county, int year)
{
	int64_t	seq;
	int	rc;

	if ((rc = number_next(a, "sale", county, year, &seq)) != NJ_OK)
		return rc;
	if (sql_exec(SQL_SALE_NUMBER, id, seq) != 0 || store_changes() != 1)
		return act_fail(a, "销售编号");
	return NJ_OK;
}

/* Number the payments of batch id that have none yet. */
int
payment_numbers(struct act *a, int64_t batch)
{
	if (sql_exec(SQL_PAYMENT_NUMBER, batch) != 0)
		return act_fail(a, "支付编号");
	return NJ_OK;
}

/*
 * How a message names sale id: its number, or the id when it has none (a
 * sale that does not exist). The text lasts until the next call.
 */
const char *
sale_ref(int64_t id)
{
	static char buf[40];

	if (sql_text(buf, sizeof buf, SQL_SALE_NO_OF, id) != 1)
		xsnprintf(buf, sizeof buf, "%lld", (long long)id);
	return buf;
}

/*
 * Before a run: a "sale" field given as a readable number becomes the
 * sale's id. A number that names no sale is refused here, as an unknown
 * id is by the action.
 */
int
act_numbers(struct act *a)
{
	const char	*v;
	char		 id[24];
	int64_t		 n;
	int		 i, rc;

	if ((i = action_field_index(a->def, "sale")) < 0 ||
	    (v = act_str(a, "sale")) == NULL || parse_int(v, &n) == 0)
		return NJ_OK;
	rc = sql_int(&n, SQL_SALE_ID_BY_NO, v);
	if (rc < 0)
		return act_fail(a, "查询销售");
	if (rc == 0)
		return act_refuse(a, "sale", "未知的销售编号：%s", v);
	xsnprintf(id, sizeof id, "%lld", (long long)n);
	free(a->own[i]);
	a->own[i] = xstrdup(id);
	return NJ_OK;
}
