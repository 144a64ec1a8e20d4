/*
 * action-notice.c: how a confirmation notice (指标确认通知书) ends before
 * it is used up, and gives back at once what its approval committed
 * against the county's budget (SPEC section 5): handed back by the buyer
 * (notice.handback, 交回; late when later than 10 days before the
 * window's end, 004 附表2 三2), or expired (its window passed without a
 * purchase): notice_expire_due sweeps those before any action that
 * commits or draws against the budget, and notice.expire runs the sweep
 * on demand. Each end is a notice_ends row (migration 010).
 */
#include <stdlib.h>
#include <string.h>

#include "actions.h"

/* Days before the window's end after which a hand-back is late. */
#define HANDBACK_LATE_DAYS	10

/*
 * What the notice's approval still holds for units not bought (fen,
 * central and provincial parts) and how many units were bought.
 */
static int
notice_left(int64_t app, int64_t *central, int64_t *provincial, int *used)
{
	sqlite3_stmt	*st = sql_query(SQL_APP_LINES, app);
	int64_t		 left;
	int		 rc;

	*central = *provincial = 0;
	*used = 0;
	while ((rc = sql_step(st)) == 1) {
		*used += sqlite3_column_int(st, 3);
		left = sqlite3_column_int64(st, 2) - sqlite3_column_int64(st, 3);
		*central += left * sqlite3_column_int64(st, 4);
		*provincial += left * (sqlite3_column_int64(st, 5) +
		    sqlite3_column_int64(st, 6) + sqlite3_column_int64(st, 7));
	}
	sqlite3_reset(st);
	return rc < 0 ? -1 : 0;
}

/*
 * End notice n (kind handback or expired, on day on): release what is
 * left at once (SPEC 5: 通知书过期或交回即释放), move the notice and its
 * application on, record the end. late only for a hand-back.
 */
static int
notice_end(struct act *a, const struct notice_row *n, const char *kind,
    int on, int late, int used, int64_t central, int64_t provincial)
{
	const char	*nst, *ast, *why;
	char		 at[32], day[16];

	if (strcmp(kind, "handback") == 0) {
		nst = "returned";
		ast = "withdrawn";
		why = late ? "交回确认通知书（逾期交回）" : "交回确认通知书";
	} else {
		/* partly bought: what was bought stands, the rest ends */
		nst = used ? "used" : "cancelled";
		ast = used ? "used" : "cancelled";
		why = "确认通知书逾期未购机，已失效";
	}
	if (!state_may("notice", n->state, nst))
		return act_refuse(a, "notice", "确认通知书的状态为“%s”，不能%s",
		    state_label("notice", n->state), a->def->title);
	if (budget_commit(a, "notice", n->county, n->year, -central,
	    -provincial, 0) != NJ_OK)
		return NJ_REFUSED;
	clock_stamp(a->now, at, sizeof at);
	date_format(on, day, sizeof day);
	if (sql_exec(SQL_NOTICE_SET_STATE, nst, n->id) != 0 ||
	    sql_exec(SQL_QUOTA_APP_END, ast, why, n->app) != 0)
		return act_fail(a, "保存确认通知书");
	/* the server's own sweep runs as the console, who is no user */
	if ((a->who->id != 0 ? sql_exec(SQL_QUOTA_END_INSERT, n->id, kind, day,
	    (int64_t)late, central, provincial, a->who->id, at) :
	    sql_exec(SQL_QUOTA_END_INSERT, n->id, kind, day, (int64_t)late,
	    central, provincial, SQL_NULL, at)) != 0)
		return act_fail(a, "保存确认通知书");
	return NJ_OK;
}

/*
 * application.withdraw of an approved application is a hand-back too
 * (R-004-T2-3.2b 004 附表2 三2): record it, late or not, with what the
 * withdrawal released (the withdrawal moved notice and application).
 */
int
notice_withdrawn(struct act *a, int64_t nid, int64_t central,
    int64_t provincial)
{
	char	to[16], at[32], day[16];
	int	end, late;

	if (sql_text(to, sizeof to, SQL_NOTICE_WINDOW, nid) != 1 ||
	    date_parse(to, &end) != 0)
		return act_fail(a, "查询确认通知书");
	late = a->today > end - HANDBACK_LATE_DAYS;
	clock_stamp(a->now, at, sizeof at);
	date_format(a->today, day, sizeof day);
	if (sql_exec(SQL_QUOTA_END_INSERT, nid, "handback", day, (int64_t)late,
	    central, provincial, a->who->id, at) != 0)
		return act_fail(a, "保存确认通知书");
	if (late)
		act_note(a, "逾期交回：交回日期晚于有效期截止日（%s）前 %d 天"
		    "（004 附表2 三2）", to, HANDBACK_LATE_DAYS);
	return NJ_OK;
}

/* The notice numbered no, loaded into n; 0 found, 1 not, -1 error. */
static int
notice_get(const char *no, struct notice_row *n)
{
	sqlite3_stmt	*st = sql_query(SQL_NOTICE_BY_NO, no);
	int		 rc = sql_step(st);

	if (rc == 1)
		load_notice(st, n);
	sqlite3_reset(st);
	return rc < 0 ? -1 : rc == 0;
}

/*
 * Expire every valid notice of county (NULL or "" = all) whose window
 * ended before today: R-004-T2-3.1 004 附表2 三1: the buyer buys within
 * the window; after it the notice lapses and releases what it committed,
 * at once (SPEC 5). Returns the count through *count (may be NULL).
 */
int
notice_expire_due(struct act *a, const char *county, int *count)
{
	sqlite3_stmt		*st;
	struct notice_row	 n;
	char			 today[16], (*nos)[32] = NULL;
	int64_t			 central, provincial;
	int			 rc, used, k = 0, i;

	date_format(a->today, today, sizeof today);
	st = sql_query(SQL_QUOTA_NOTICES_DUE, today, county ? county : "");
	while ((rc = sql_step(st)) == 1) {
		nos = realloc(nos, (size_t)(k + 1) * sizeof *nos);
		if (nos == NULL)
			abort();
		strlcpy0(nos[k++], (const char *)sqlite3_column_text(st, 0),
		    sizeof nos[0]);
	}
	sqlite3_reset(st);
	if (rc < 0) {
		free(nos);
		return act_fail(a, "查询确认通知书");
	}
	for (i = 0; i < k; i++) {
		if (notice_get(nos[i], &n) != 0 || notice_left(n.app, &central,
		    &provincial, &used) < 0) {
			free(nos);
			return act_fail(a, "查询确认通知书");
		}
		date_parse(n.valid_to, &rc);
		if ((rc = notice_end(a, &n, "expired", rc + 1, 0, used,
		    central, provincial)) != NJ_OK) {
			free(nos);
			return rc;
		}
		act_out(a, "%s", nos[i]);
	}
	free(nos);
	if (count != NULL)
		*count = k;
	return NJ_OK;
}

static const struct field handback_fields[] = {
	{ "notice", FT_REF, FF_REQ, "确认通知书编号", "notices", 24 },
	{ "on", FT_DATE, 0, "交回日期（默认今天）", NULL, 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-004-T2-3.2 004 附表2 三2: the buyer who gives up hands the notice back;
 * what it committed is released at once, and a hand-back later than 10
 * days before the window's end is recorded as late (逾期交回). A notice
 * with a purchase on it cannot be handed back (return the sale instead).
 */
static int
notice_handback(struct act *a)
{
	struct notice_row	n;
	int64_t			central, provincial;
	int			rc, used, on, from, to, late;

	if ((rc = notice_expire_due(a, NULL, NULL)) != NJ_OK)
		return rc;
	if ((rc = notice_get(act_str(a, "notice"), &n)) < 0)
		return act_fail(a, "查询确认通知书");
	if (rc == 1)
		return act_refuse(a, "notice", "未知的确认通知书编号：%s",
		    act_str(a, "notice"));
	if ((rc = need_scope(a, "notice", n.county)) != NJ_OK)
		return rc;
	if (notice_left(n.app, &central, &provincial, &used) < 0)
		return act_fail(a, "查询申购机具");
	if (strcmp(n.state, "used") == 0 || used > 0)
		return act_refuse(a, "notice", "确认通知书 %s 已使用（已有购机记录），"
		    "不能交回；请办理退货（R-004-T2-3.2）", act_str(a, "notice"));
	if (strcmp(n.state, "valid") != 0)
		return act_refuse(a, "notice", "确认通知书 %s 的状态为“%s”，不能交回",
		    act_str(a, "notice"), state_label("notice", n.state));
	on = act_has(a, "on") ? (int)act_num(a, "on") : a->today;
	date_parse(n.valid_from, &from);
	date_parse(n.valid_to, &to);
	if (on > a->today)
		return act_refuse(a, "on", "交回日期不能晚于今天%s",
		    act_today(a));
	if (on < from)
		return act_refuse(a, "on", "交回日期早于确认通知书的签发日期 %s",
		    n.valid_from);
	/* R-004-T2-3.2b 004 附表2 三2: 至少10天前交回, else late */
	late = on > to - HANDBACK_LATE_DAYS;
	if ((rc = notice_end(a, &n, "handback", on, late, 0, central,
	    provincial)) != NJ_OK)
		return rc;
	if (late)
		act_note(a, "逾期交回：交回日期晚于有效期截止日（%s）前 %d 天"
		    "（004 附表2 三2）", n.valid_to, HANDBACK_LATE_DAYS);
	act_key(a, "%s", act_str(a, "notice"));
	return NJ_OK;
}

const struct action action_notice_handback = {
	"notice.handback", "交回确认通知书", R(ROLE_COUNTY), handback_fields,
	notice_handback, 0, NULL, "已交回"
};

static const struct field expire_fields[] = {
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * The sweep on demand, over the acting county (the console's: every
 * county; `njbt serve` runs it at start and every 10 minutes, so that a
 * lapsed notice's money goes back within minutes even when nobody acts in
 * its county): the count of expired notices.
 */
static int
notice_expire(struct act *a)
{
	int rc, k = 0;

	if ((rc = notice_expire_due(a, a->who->region, &k)) != NJ_OK)
		return rc;
	act_key(a, "%d", k);
	return NJ_OK;
}

const struct action action_notice_expire = {
	"notice.expire", "确认通知书逾期失效", R(ROLE_COUNTY) | R(ROLE_CONSOLE),
	expire_fields,
	notice_expire, 0, NULL, "已办理逾期失效"
};

/*
 * How many valid notices of any county have passed their window (the
 * server asks before it runs notice.expire, so that a quiet sweep writes
 * no audit row): a count, or -1.
 */
int
notice_lapsed_count(void)
{
	sqlite3_stmt	*st;
	char		 today[16];
	int		 rc, k = 0;

	date_format(clock_today(), today, sizeof today);
	st = sql_query(SQL_QUOTA_NOTICES_DUE, today, "");
	while ((rc = sql_step(st)) == 1)
		k++;
	sqlite3_reset(st);
	return rc < 0 ? -1 : k;
}
