/*
 * action-lottery.c: the county's draw by lot (公开摇号, 004 四(一)) when
 * its submitted applications of a year ask for more than its budget has
 * left. The seed is a number entered in public; from it the candidates'
 * order is drawn (sample_order, sample.c) and anyone can draw it again.
 * Candidates are the county's submitted applications of the year, all
 * items together; those whose buyer was not drawn the year before come
 * first (下一年度优先补贴, 004 三(二)), then the rest, each group in the
 * drawn order. Down that order each application that still fits what is
 * left of the budget (central and provincial parts; open-ended lines
 * only their provincial part) is drawn (中签) and stays submitted, to be
 * approved as usual; the others are not drawn: their applications are
 * closed (rejected, with the reason) and their buyers keep next-year
 * priority, first in next year's approval queue. Everything is recorded
 * (lotteries, lottery_entries: who, when, seed, every candidate and its
 * result) and printed (njbt print lottery).
 */
#include <stdlib.h>
#include <string.h>

#include "actions.h"

struct candidate {
	int64_t	 app, buyer, central, provincial, open_prov;
	int	 priority;
};

static const struct field draw_fields[] = {
	{ "year", FT_YEAR, FF_REQ, "年度", NULL, 0 },
	{ "seed", FT_INT, FF_REQ, "摇号种子（当众确定的数字）", NULL, 0 },
	{ "round", FT_INT, 0, "轮次（默认 1）", NULL, 99 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* Read the candidates of county and year into *out; their count or -1. */
static long
lottery_candidates(const char *county, int year, struct candidate **out)
{
	sqlite3_stmt		*st = sql_query(SQL_QUOTA_CANDIDATES, county,
				    (int64_t)year);
	struct candidate	*c = NULL;
	long			 n = 0;
	int			 rc;

	while ((rc = sql_step(st)) == 1) {
		c = realloc(c, (size_t)(n + 1) * sizeof *c);
		if (c == NULL)
			abort();
		c[n].app = sqlite3_column_int64(st, 0);
		c[n].buyer = sqlite3_column_int64(st, 1);
		c[n].central = sqlite3_column_int64(st, 2);
		c[n].provincial = sqlite3_column_int64(st, 3);
		c[n].open_prov = sqlite3_column_int64(st, 4);
		c[n++].priority = sqlite3_column_int(st, 5);
	}
	sqlite3_reset(st);
	*out = c;
	return rc < 0 ? -1 : n;
}

/*
 * The drawn order: the priority candidates first, then the others, each
 * group shuffled from the seed (the groups keyed apart so that each is a
 * draw of its own). order receives indexes into c.
 */
static void
lottery_order(uint64_t seed, const struct candidate *c, long n, long *order)
{
	int64_t	*ids, *out;
	long	 i, j, k = 0;
	int	 pri;

	ids = xcalloc((size_t)n + 1, sizeof *ids);
	out = xcalloc((size_t)n + 1, sizeof *out);
	for (pri = 1; pri >= 0; pri--) {
		size_t m = 0;

		for (i = 0; i < n; i++)
			if (c[i].priority == pri)
				ids[m++] = c[i].app;
		sample_order(seed + (uint64_t)(1 - pri), ids, m, out);
		for (j = 0; j < (long)m; j++)
			for (i = 0; i < n; i++)
				if (c[i].app == out[j])
					order[k++] = i;
	}
	free(ids);
	free(out);
}

/* What the county's budget of the year has left: central, provincial. */
static int
lottery_left(struct act *a, const char *county, int year, int64_t *lc,
    int64_t *lp)
{
	sqlite3_stmt	*st = sql_query(SQL_BUDGET_GET, (int64_t)year, county);
	int		 rc = sql_step(st);

	if (rc == 1) {
		*lc = sqlite3_column_int64(st, 0) - sqlite3_column_int64(st, 2);
		*lp = sqlite3_column_int64(st, 1) - sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询资金计划");
	if (rc == 0)
		return act_refuse(a, "year", "本县 %d 年度没有资金计划", year);
	return NJ_OK;
}

/* Whether the n candidates together ask for more than is left. */
static int
lottery_needed(const struct candidate *c, long n, int64_t lc, int64_t lp)
{
	int64_t	sc = 0, sp = 0;
	long	i;

	for (i = 0; i < n; i++) {
		sc += c[i].central;
		sp += c[i].provincial + c[i].open_prov;
	}
	return sc > lc || sp > lp;
}

/*
 * Record candidate k at rank (from 1) of draw lot: drawn when it still
 * fits what is left (*lc, *lp, then lowered), else its application is
 * closed and its buyer keeps next-year priority. Prints a drawn one's
 * application number. Returns 1 drawn, 0 not drawn, NJ_ERROR.
 */
static int
lottery_enter(struct act *a, int64_t lot, const char *no, const char *at,
    const struct candidate *k, long rank, int64_t *lc, int64_t *lp)
{
	int64_t	prov = k->provincial + k->open_prov;
	int	in = k->central <= *lc && prov <= *lp;
	char	why[160], ano[32];

	if (in) {
		*lc -= k->central;
		*lp -= prov;
	} else {
		/* R-004-M-3.2b 004 三(二): not drawn, next-year priority */
		xsnprintf(why, sizeof why, "摇号未中签（%s），可在下一年度优先补贴",
		    no);
		if (sql_exec(SQL_APP_DECIDE, "rejected", a->who->id, at, why,
		    k->app, "submitted") != 0 || store_changes() != 1)
			return act_fail(a, "保存摇号");
	}
	if (sql_exec(SQL_QUOTA_ENTRY_INSERT, lot, (int64_t)rank, k->app,
	    k->buyer, (int64_t)k->priority, (int64_t)in, k->central,
	    prov) != 0)
		return act_fail(a, "保存摇号");
	if (in) {
		if (sql_text(ano, sizeof ano, SQL_QUOTA_APP_NO, k->app) != 1)
			return act_fail(a, "保存摇号");
		act_out(a, "%s", ano);
	}
	return in ? 1 : 0;
}

/* R-004-M-4.1 004 四(一): 补贴资金不够时，采取公开摇号方式确定补贴对象. */
static int
lottery_draw(struct act *a)
{
	struct candidate	*c = NULL;
	long			 n = 0, i, *order = NULL, drawn = 0;
	int64_t			 lc = 0, lp = 0, cnt, lot;
	const char		*county = a->who->region;
	char			 no[40], at[32], have[32];
	int			 rc, year = year_of(a, "year"), round;

	round = act_has(a, "round") ? (int)act_num(a, "round") : 1;
	if (round < 1)
		return act_refuse(a, "round", "轮次至少为 1");
	/* R-004-M-4.1 a lot is drawn once per county, year and round */
	rc = sql_text(have, sizeof have, SQL_QUOTA_LOT_GET, county,
	    (int64_t)year, (int64_t)round);
	if (rc < 0)
		return act_fail(a, "查询摇号");
	if (rc == 1)
		return act_refuse(a, "round", "本县 %d 年度第 %d 轮已摇号（%s），"
		    "不能重复摇号（R-004-M-4.1）", year, round, have);
	/* notices lapsed since give their money back first */
	if ((rc = notice_expire_due(a, county, NULL)) != NJ_OK ||
	    (rc = lottery_left(a, county, year, &lc, &lp)) != NJ_OK)
		return rc;
	if ((n = lottery_candidates(county, year, &c)) < 0)
		return act_fail(a, "查询申请");
	if (!lottery_needed(c, n, lc, lp)) {
		free(c);
		return act_refuse(a, "year", "本县 %d 年度待审核的申请（%ld 份）"
		    "所需资金未超出剩余补贴资金，无需摇号（R-004-M-4.1）", year, n);
	}
	order = xcalloc((size_t)n, sizeof *order);
	lottery_order((uint64_t)act_num(a, "seed"), c, n, order);
	clock_stamp(a->now, at, sizeof at);
	if (sql_int(&cnt, SQL_QUOTA_LOT_COUNT, county, (int64_t)year) < 0) {
		rc = act_fail(a, "摇号编号");
		goto out;
	}
	xsnprintf(no, sizeof no, "YH%s%d-%02lld", county, year,
	    (long long)cnt + 1);
	if (sql_exec(SQL_QUOTA_LOT_INSERT, no, county, (int64_t)year,
	    (int64_t)round, act_num(a, "seed"), (int64_t)n, (int64_t)0,
	    a->who->id, at) != 0) {
		rc = act_fail(a, "保存摇号");
		goto out;
	}
	lot = store_last_id();
	for (i = 0; i < n; i++) {
		if ((rc = lottery_enter(a, lot, no, at, &c[order[i]], i + 1,
		    &lc, &lp)) < 0)
			goto out;
		drawn += rc;
	}
	if (sql_exec(SQL_QUOTA_LOT_DRAWN, (int64_t)drawn, lot) != 0) {
		rc = act_fail(a, "保存摇号");
		goto out;
	}
	act_note(a, "摇号 %s：%ld 份申请，中签 %ld 份（种子 %lld）", no, n,
	    drawn, (long long)act_num(a, "seed"));
	act_key(a, "%s", no);
	rc = NJ_OK;
out:
	free(c);
	free(order);
	return rc;
}

const struct action action_lottery_draw = {
	"lottery.draw", "公开摇号确定补贴对象", R(ROLE_COUNTY), draw_fields,
	lottery_draw, 0, NULL, "已摇号"
};
