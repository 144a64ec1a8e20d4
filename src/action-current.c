/*
 * action-current.c: what the screens read of the present to fit the user
 * (issue 11 items 4 and 6), through the actions layer: the flow of this
 * year's programme (the menu offers that flow's entries and titles), the
 * values an action's form starts from (the programme's settings as they
 * are), and the situation of a dealer no maker has picked yet. Reads
 * only; nothing here writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"

/* This year, by the actions' clock (NJBT_NOW in tests). */
static int
current_year(void)
{
	int y, m, d;

	date_to_ymd(clock_today(), &y, &m, &d);
	return y;
}

/* The flow of this year's programme ("quota-first", "buy-first") into buf. */
int
action_flow(char *buf, size_t len)
{
	struct program_row p;

	if (program_get(current_year(), &p) < 0)
		return -1;
	strlcpy0(buf, p.flow, len);
	return 0;
}

/* name=value lines of the programme of this year, as program.set takes them. */
static char *
current_program(const struct actor *who)
{
	struct program_row	 p;
	sqlite3_stmt		*st;
	char			*out, ratio[5][16], money[16], video[16] = "";
	char			 mode[8] = "";
	int64_t			 photo = 0;
	int			 year = current_year(), rc;

	(void)who;
	if (program_get(year, &p) < 0)
		return NULL;
	/* the video threshold and the check mode, kept beside (009) */
	st = sql_query(SQL_VERIFY_SETTINGS, (int64_t)year);
	if ((rc = sql_step(st)) == 1) {
		money_format(sqlite3_column_int64(st, 0), video, sizeof video);
		sql_col_copy(st, 1, mode, sizeof mode);
	}
	sqlite3_reset(st);
	if (rc < 0 || sql_int(&photo, SQL_PHOTO_REQUIRED, (int64_t)year) < 0)
		return NULL;
	ratio_format(p.max_ratio_bp, ratio[0], sizeof ratio[0]);
	ratio_format(p.review_sample_bp, ratio[1], sizeof ratio[1]);
	ratio_format(p.finance_sample_bp, ratio[2], sizeof ratio[2]);
	ratio_format(p.flag_ratio_bp, ratio[3], sizeof ratio[3]);
	money_format(p.key_threshold, money, sizeof money);
	out = xcalloc(1, 1024);
	xsnprintf(out, 1024, "year=%d\nflow=%s\nnotice_days=%d\n"
	    "publicity_days=%d\npublicity_working_days=%d\nmax_ratio=%s\n"
	    "review_sample=%s\nfinance_sample=%s\nkey_threshold=%s\n"
	    "ban_years=%d\nflag_buyer_units=%d\nflag_dealer_units=%d\n"
	    "flag_dealer_days=%d\nflag_ratio=%s\nphoto_required=%d\n"
	    "%s%s%s%s%s%s", year, p.flow,
	    p.notice_days, p.publicity_days, p.publicity_working, ratio[0],
	    ratio[1], ratio[2], money, p.ban_years, p.flag_buyer_units,
	    p.flag_dealer_units, p.flag_dealer_days, ratio[3], (int)photo,
	    video[0] ? "video_max=" : "", video, video[0] ? "\n" : "",
	    mode[0] ? "verify_mode=" : "", mode, mode[0] ? "\n" : "");
	return out;
}

static const struct {
	const char	*action;
	char		*(*fn)(const struct actor *);
} currents[] = {
	{ "program.set",	current_program },
};

/*
 * What the form of action starts from: "name=value" lines (malloc'd), or
 * NULL when the action has none or who may not run it.
 */
char *
action_current(const struct actor *who, const char *action)
{
	const struct action	*a = action_find(action);
	size_t			 i;

	if (a == NULL || !action_allowed(a, who))
		return NULL;
	for (i = 0; i < sizeof currents / sizeof currents[0]; i++)
		if (strcmp(currents[i].action, action) == 0)
			return currents[i].fn(who);
	return NULL;
}

/*
 * Issue 11 (4): a refusal that compares with today says which day today
 * is, by the action's own clock: "（今天是 2026-03-02）".
 */
const char *
act_today(const struct act *a)
{
	static char	buf[48];
	char		day[16];

	date_format(a->today, day, sizeof day);
	xsnprintf(buf, sizeof buf, "（今天是 %s）", day);
	return buf;
}

/* The user's post in words (经办, 审核), "" for none. */
const char *
action_post_label(const struct actor *who)
{
	return who->post[0] != '\0' ? post_label(who->post) : "";
}

/*
 * A dealer no maker has picked yet (dealers.status 'pending'): 1 and what
 * the screen tells him (his credit code, the makers that may pick him),
 * 0 when the user is no such dealer, -1 on a database error.
 */
int
action_dealer_pending(const struct actor *who, char *text, size_t len)
{
	sqlite3_stmt	*st;
	char		 status[16] = "", uscc[32] = "", name[NJ_NAME_MAX] = "";
	char		 makers[512] = "", m[NJ_NAME_MAX];
	int		 rc, n = 0;

	if (who->role != ROLE_DEALER || who->org == 0)
		return 0;
	st = sql_query(SQL_MENU_DEALER, who->org);
	if ((rc = sql_step(st)) == 1) {
		sql_col_copy(st, 0, status, sizeof status);
		sql_col_copy(st, 1, uscc, sizeof uscc);
		sql_col_copy(st, 2, name, sizeof name);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	if (strcmp(status, "pending") != 0)
		return 0;
	st = sql_query(SQL_MENU_MAKERS, (int64_t)6);
	while ((rc = sql_step(st)) == 1 && strlen(makers) + 4 < sizeof makers) {
		sql_col_copy(st, 0, m, sizeof m);
		xsnprintf(makers + strlen(makers), sizeof makers -
		    strlen(makers), "%s%s", n++ ? "、" : "", m);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	xsnprintf(text, len, "%s（统一社会信用代码 %s）已注册，\n"
	    "但还没有生产企业选择贵店为经销商，暂时不能登记供货和销售。\n\n"
	    "请联系您经销其产品的生产企业，请其在本系统“选择经销商”中\n"
	    "按上面的信用代码选择贵店。可选择贵店的生产企业：\n%s\n\n"
	    "注册 %d 天内未被选择的，注册将失效，须重新注册。", name, uscc,
	    n > 0 ? makers : "（暂无）", 30);	/* DEALER_REG_DAYS */
	return 1;
}
