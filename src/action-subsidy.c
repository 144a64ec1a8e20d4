/*
 * action-subsidy.c: what the journey's actions share about a unit's
 * subsidy beyond its arithmetic (subsidy.c) and its inputs
 * (unit_subsidy, action-buyer.c), for issue 10:
 *
 * - the amount of a tier in force on a day (分段结算, 003 附件1): a
 *   tier's row is its amount from the start of the year; tier.amount
 *   (action-tier.c) adds segments from a date on;
 * - the note the user reads when a rule lowered a subsidy, with both
 *   amounts and the rule (issue 10 (1));
 * - the provincial top-up held to what is left of the county's
 *   provincial plan (004 三(三)6), open-ended items included.
 */
#include <string.h>

#include "actions.h"

/*
 * R-003-A1-2a 003 附件1 二 对补贴额变更的产品分段结算补贴资金: t's amounts
 * become those in force on day (a segment begun on or before it); its
 * segment names the segment's first day, "" for the catalogue's amount.
 */
int
tier_at(struct act *a, struct tier_row *t, int day)
{
	sqlite3_stmt	*st;
	char		 d[16];
	int		 rc;

	date_format(day, d, sizeof d);
	st = sql_query(SQL_TIER_AMOUNT_AT, t->id, d);
	t->segment[0] = '\0';
	if ((rc = sql_step(st)) == 1) {
		sql_col_copy(st, 0, t->segment, sizeof t->segment);
		t->central = sqlite3_column_int64(st, 1);
		t->provincial = sqlite3_column_int64(st, 2);
		t->city = sqlite3_column_int64(st, 3);
		t->county = sqlite3_column_int64(st, 4);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询分段补贴额");
	return NJ_OK;
}

/* How a sheet names a segment: "自YYYY-MM-DD起" or "年初标准". */
void
segment_label(const char *segment, char *buf, size_t len)
{
	if (segment == NULL || segment[0] == '\0')
		xsnprintf(buf, len, "年初标准");
	else
		xsnprintf(buf, len, "自%s起", segment);
}

/* What lowered a subsidy, by SUBSIDY_BY_* (subsidy.c), and its rule's ID
 * (issue 11 (5): the message names the rule) */
static const struct {
	const char	*why;
	const char	*rule;
} lowered_by[] = {
	[SUBSIDY_BY_TIER] = { NULL, NULL },
	/* R-003-A4-7b 003 附件4 就低不就高 */
	[SUBSIDY_BY_FILED] = { "就低不就高，不超过该产品的投档补贴额",
	    "R-003-A4-7b" },
	/* R-004-M-3.3.2 004 三(三)2 */
	[SUBSIDY_BY_CAP] = { "不超过该品目的单机补贴限额", "R-004-M-3.3.2" },
	/* R-004-M-3.3.1a 004 三(三)1, only where the year switched it on */
	[SUBSIDY_BY_SHARE] = { "本年度方案设定了补贴占售价比例上限",
	    "R-004-M-3.3.1a" },
};

/*
 * Issue 10 (1): when a rule lowered the unit's subsidy below the tier's
 * fixed amount, say so with both amounts and the rule.
 */
void
subsidy_note(struct act *a, const struct tier_row *t,
    const struct subsidy_out *s)
{
	char	 from[32], to[32];
	int64_t	 got = s->total - s->topup;
	int64_t	 base = t->central + t->provincial + t->city + t->county;

	if (s->limited_by <= SUBSIDY_BY_TIER ||
	    s->limited_by > SUBSIDY_BY_SHARE || got >= base)
		return;
	money_format(base, from, sizeof from);
	money_format(got, to, sizeof to);
	act_note(a, "分档 %s 的补贴额由定额 %s 元降为 %s 元：%s（%s）", t->code,
	    from, to, lowered_by[s->limited_by].why,
	    lowered_by[s->limited_by].rule);
}

/*
 * R-004-M-3.3.6a 004 三(三)6 不得突破自治区累加补贴资金上限: the top-up of qty
 * units beyond what was already granted per unit is held to what is left
 * of the county's provincial plan after other (the provincial amount of
 * this commitment that is not top-up). s is lowered (top-up, provincial,
 * total) and the user told both amounts. Open-ended items included: their
 * central part is paid beyond the plan, their top-up is not.
 */
int
topup_fit(struct act *a, const char *county, int year, int64_t other,
    int64_t qty, int64_t granted, struct subsidy_out *s)
{
	sqlite3_stmt	*st;
	int64_t		 plan = 0, used = 0, room, extra, fit;
	char		 from[32], to[32];
	int		 rc;

	if ((extra = s->topup - granted) <= 0 || qty < 1)
		return NJ_OK;
	st = sql_query(SQL_BUDGET_GET, year, county);
	if ((rc = sql_step(st)) == 1) {
		plan = sqlite3_column_int64(st, 1);
		used = sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询资金计划");
	room = plan - used - other;
	if (room >= qty * extra)
		return NJ_OK;
	fit = room > 0 ? room / qty : 0;
	money_format(s->topup, from, sizeof from);
	money_format(granted + fit, to, sizeof to);
	s->provincial -= extra - fit;
	s->total -= extra - fit;
	s->topup = granted + fit;
	act_note(a, "累加补贴由每台 %s 元降为 %s 元：不得突破本县 %d 年度省级"
	    "累加补贴资金计划（R-004-M-3.3.6a）", from, to, year);
	return NJ_OK;
}
