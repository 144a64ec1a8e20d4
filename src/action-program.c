/*
 * action-program.c: program.set, the year's programme (实施方案): which
 * flow the province runs (quota-first 先定后买 or buy-first 先购后补), the
 * notice window, publicity length, shares and the anomaly thresholds. Also
 * program_get(), which every later step reads its settings from.
 */
#include <string.h>

#include "actions.h"

static const struct field program_fields[] = {
	{ "year", FT_YEAR, FF_REQ, "年度", NULL, 0 },
	{ "flow", FT_CHOICE, 0, "实施方式",
	    "quota-first:先定后买,buy-first:先购后补", 0 },
	{ "notice_days", FT_INT, 0, "确认书有效天数", NULL, 365 },
	{ "publicity_days", FT_INT, 0, "公示天数", NULL, 90 },
	{ "publicity_working_days", FT_CHOICE, 0, "公示按工作日",
	    "0:自然日,1:工作日", 0 },
	/* R-004-M-3.3.1a: a per-sale share cap, 0 = off (the default) */
	{ "max_ratio", FT_RATIO, 0, "单台补贴占售价比例上限", NULL, 0 },
	{ "review_sample", FT_RATIO, 0, "复核抽样比例", NULL, 0 },
	{ "finance_sample", FT_RATIO, 0, "财政抽查比例", NULL, 0 },
	{ "key_threshold", FT_MONEY, 0, "重点机具补贴额（元）", NULL, 0 },
	{ "ban_years", FT_INT, 0, "严重违规禁购年限", NULL, 20 },
	{ "flag_buyer_units", FT_INT, 0, "单人多台套预警台数", NULL, 1000 },
	{ "flag_dealer_units", FT_INT, 0, "短期大批量预警台数", NULL, 100000 },
	{ "flag_dealer_days", FT_INT, 0, "短期大批量天数", NULL, 366 },
	{ "flag_ratio", FT_RATIO, 0, "补贴售价比预警", NULL, 0 },
	{ "video_max", FT_MONEY, 0, "视频核验补贴额上限（元，低于此额）", NULL, 0 },
	{ "verify_mode", FT_CHOICE, 0, "核验双重审核方式",
	    "pair:双人交叉核验,review:个人核验+集体会审", 0 },
	/* R-004-A4-3c issue 12 item 4: no check completed without a 人机合照 */
	{ "photo_required", FT_CHOICE, 0, "核验须有人机合照",
	    "0:否,1:是", 0 },
	/* issue 11 (6): a flow switched with notices out is confirmed */
	{ "confirm", FT_CHOICE, 0, "确认切换实施方式", "yes:是", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * Issue 10 item 5: the video threshold and the check mode (migration
 * 009), kept beside the row program_set wrote; what is not given stays.
 */
static int
program_set_verify(struct act *a, int year)
{
	sqlite3_stmt	*st;
	int64_t		 video = 200000;	/* R-002-M-3 002 三: 2000元 */
	char		 mode[8] = "pair";
	int		 rc;

	if (!act_has(a, "video_max") && !act_has(a, "verify_mode"))
		return NJ_OK;
	st = sql_query(SQL_VERIFY_SETTINGS, year);
	if ((rc = sql_step(st)) == 1) {
		video = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, mode, sizeof mode);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询年度方案");
	if (act_has(a, "video_max"))
		video = act_num(a, "video_max");
	if (act_has(a, "verify_mode"))
		strlcpy0(mode, act_str(a, "verify_mode"), sizeof mode);
	if (sql_exec(SQL_VERIFY_SETTINGS_SET, video, mode,
	    (int64_t)year) != 0)
		return act_fail(a, "保存年度方案");
	return NJ_OK;
}

/* The defaults of a year nobody has set: Ningxia 2014 (004). */
static void
program_defaults(int year, struct program_row *p)
{
	memset(p, 0, sizeof *p);
	p->year = year;
	strlcpy0(p->flow, "quota-first", sizeof p->flow);
	p->notice_days = 20;		/* R-004-A4-2a 004 附件4 二：20日内 */
	p->publicity_days = 7;		/* R-004-A4-4.2 004 附件4 四(二)：不少于7天 */
	p->publicity_working = 0;
	/*
	 * R-004-M-3.3.1a 004 三(三)1: the 30% share is how the tier's amount
	 * is set (定额补贴), not a per-sale cap: off unless a province
	 * switches one on
	 */
	p->max_ratio_bp = 0;
	p->review_sample_bp = 1000;
	p->finance_sample_bp = 1000;	/* R-004-M-6.1.2.3 004 六(一)2(3)：不低于10% */
	p->key_threshold = 1000000;	/* R-003-A3-7.3.1 003 附件3：1万元以上 */
	p->ban_years = 3;
	p->flag_buyer_units = 3;
	p->flag_dealer_units = 20;
	p->flag_dealer_days = 7;
	p->flag_ratio_bp = 3500;
}

/*
 * The programme of a year: 1 set by the admin, 0 defaults (not set), -1 a
 * database error.
 */
int
program_get(int year, struct program_row *p)
{
	sqlite3_stmt	*st = sql_query(SQL_PROGRAM_GET, year);
	int		 rc = sql_step(st);

	program_defaults(year, p);
	if (rc == 1) {
		sql_col_copy(st, 0, p->flow, sizeof p->flow);
		p->notice_days = sqlite3_column_int(st, 1);
		p->publicity_days = sqlite3_column_int(st, 2);
		p->publicity_working = sqlite3_column_int(st, 3);
		p->max_ratio_bp = sqlite3_column_int(st, 4);
		p->review_sample_bp = sqlite3_column_int(st, 5);
		p->finance_sample_bp = sqlite3_column_int(st, 6);
		p->key_threshold = sqlite3_column_int64(st, 7);
		p->ban_years = sqlite3_column_int(st, 8);
		p->flag_buyer_units = sqlite3_column_int(st, 9);
		p->flag_dealer_units = sqlite3_column_int(st, 10);
		p->flag_dealer_days = sqlite3_column_int(st, 11);
		p->flag_ratio_bp = sqlite3_column_int(st, 12);
	}
	sqlite3_reset(st);
	return rc;
}

/*
 * Issue 11 (6): switching the year's flow while notices of the year are
 * still valid (not yet used, handed back or lapsed) warns how many and
 * needs confirm=yes; refused, nothing is written. The notices keep their
 * own flow (a sale on a notice follows it).
 */
static int
program_flow_switch(struct act *a, int year, const char *was)
{
	int64_t out = 0;

	if (strcmp(act_str(a, "flow"), was) == 0)
		return NJ_OK;
	if (sql_int(&out, SQL_MENU_NOTICES_OUT, (int64_t)year) < 0)
		return act_fail(a, "查询确认通知书");
	if (out == 0 || (act_has(a, "confirm") &&
	    strcmp(act_str(a, "confirm"), "yes") == 0))
		return NJ_OK;
	return act_refuse(a, "confirm", "%d 年度还有 %lld 份确认通知书在有效期内"
	    "未使用，切换实施方式后仍按原方式（凭通知书）购机；确需切换，请在"
	    "“确认切换实施方式”选“是”后再保存", year, (long long)out);
}

static void
set_int(struct act *a, const char *field, int *v)
{
	if (act_has(a, field))
		*v = (int)act_num(a, field);
}

static int
program_set(struct act *a)
{
	struct program_row	p;
	char			at[32];
	int			year = (int)act_num(a, "year"), rc;

	if (program_get(year, &p) < 0)
		return act_fail(a, "查询年度方案");
	if (act_has(a, "flow") && (rc = program_flow_switch(a, year,
	    p.flow)) != NJ_OK)
		return rc;
	if (act_has(a, "flow"))
		strlcpy0(p.flow, act_str(a, "flow"), sizeof p.flow);
	set_int(a, "notice_days", &p.notice_days);
	set_int(a, "publicity_days", &p.publicity_days);
	if (act_has(a, "publicity_working_days"))
		p.publicity_working = strcmp(act_str(a,
		    "publicity_working_days"), "1") == 0;
	set_int(a, "max_ratio", &p.max_ratio_bp);
	set_int(a, "review_sample", &p.review_sample_bp);
	set_int(a, "finance_sample", &p.finance_sample_bp);
	if (act_has(a, "key_threshold"))
		p.key_threshold = act_num(a, "key_threshold");
	set_int(a, "ban_years", &p.ban_years);
	set_int(a, "flag_buyer_units", &p.flag_buyer_units);
	set_int(a, "flag_dealer_units", &p.flag_dealer_units);
	set_int(a, "flag_dealer_days", &p.flag_dealer_days);
	set_int(a, "flag_ratio", &p.flag_ratio_bp);

	if (p.notice_days < 1)
		return act_refuse(a, "notice_days", "确认书有效天数至少 1 天");
	if (p.publicity_days < 1)
		return act_refuse(a, "publicity_days", "公示天数至少 1 天");
	if (p.key_threshold <= 0)
		return act_refuse(a, "key_threshold", "重点机具补贴额应大于 0");
	/* R-004-M-6.1.2.3 004 六(一)2(3): 财政部门按不低于10%的比例抽查 */
	if (p.finance_sample_bp < 1000)
		return act_refuse(a, "finance_sample",
		    "财政抽查比例不得低于 10%%");
	if (p.flag_buyer_units < 1 || p.flag_dealer_units < 1 ||
	    p.flag_dealer_days < 1)
		return act_refuse(a, NULL, "预警阈值至少为 1");

	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_PROGRAM_UPSERT, p.year, p.flow,
	    p.notice_days, p.publicity_days, p.publicity_working,
	    p.max_ratio_bp, p.review_sample_bp, p.finance_sample_bp,
	    p.key_threshold, p.ban_years, p.flag_buyer_units,
	    p.flag_dealer_units, p.flag_dealer_days, p.flag_ratio_bp, at) != 0)
		return act_fail(a, "保存年度方案");
	if ((rc = program_set_verify(a, year)) != NJ_OK)
		return rc;
	if (act_has(a, "photo_required") && sql_exec(SQL_PHOTO_REQUIRED_SET,
	    (int64_t)(strcmp(act_str(a, "photo_required"), "1") == 0),
	    (int64_t)year) != 0)
		return act_fail(a, "保存年度方案");
	act_key(a, "%d", year);
	return NJ_OK;
}

const struct action action_program_set = {
	"program.set", "设置年度实施方案", R(ROLE_ADMIN), program_fields,
	program_set, 0, NULL, "已设置实施方案"
};
