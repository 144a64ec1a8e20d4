/*
 * action-buyer-ban.c: buyer.ban, the provincial office bans a buyer
 * found in a serious violation (严重违规, 003 附件2 第八条) from the
 * subsidy for the year's ban_years (programs.ban_years: 3 by default, 5
 * in Jiangsu), counted from the day the violation was established
 * (found_on, default today), whose year's programme gives the length
 * (issue 10 item 9). The ban is what buyer_not_banned reads
 * (buyers.banned_until, the last day of the ban); a longer ban already
 * in force is kept.
 */
#include <string.h>

#include "actions.h"

static const struct field ban_fields[] = {
	{ "id_no", FT_IDNO, FF_REQ | FF_PRIVATE, "身份证号/信用代码", NULL, 18 },
	{ "facts", FT_TEXT, FF_REQ, "违规事实", NULL, 200 },
	{ "found_on", FT_DATE, 0, "查实日期", NULL, 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * The last day of a ban of years from day: the day before the same date
 * years later (29 February: the 28th). -1 if out of range.
 */
int
ban_last_day(int day, int years, int *last)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (m == 2 && d == 29)
		d = 28;
	if (date_from_ymd(y + years, m, d, last) != 0)
		return -1;
	*last -= 1;
	return 0;
}

/*
 * R-001-A2-2.4 001 附件2 二(四) 购机者...以虚假补贴资料骗取补贴资金的...
 * 5年内不得享受农机购置补贴: the length is the year's ban_years (3 by
 * default, SPEC section 5), never a constant. Ban the buyer of ID number
 * idno (field names it) from day, the year of day giving the length;
 * the buyer's id into *id and the ban's last day into until (16 bytes).
 * Shared by buyer.ban and violation.decide (measure ban, issue 13).
 */
int
buyer_ban_apply(struct act *a, const char *field, const char *idno, int day,
    int64_t *id, char *until)
{
	struct program_row	p;
	struct buyer_rec	r;
	char			from[16];
	int			rc, last, y, m, d, old;

	if ((rc = lookup_begin(a, field, idno)) != NJ_OK)
		return rc;
	if ((rc = buyer_find(a, idno, &r)) < 0)
		return rc;
	if (rc == 0)
		return lookup_miss(a, field, BUYER_UNKNOWN);
	date_to_ymd(day, &y, &m, &d);
	if (program_get(y, &p) < 0)
		return act_fail(a, "查询年度方案");
	if (p.ban_years < 1 || ban_last_day(day, p.ban_years, &last) != 0)
		return act_refuse(a, "found_on", "%d 年度方案的禁购年限（%d）有误",
		    y, p.ban_years);
	if (r.banned[0] != '\0' && date_parse(r.banned, &old) == 0 &&
	    old >= last)
		return act_refuse(a, field, "该购机者已被禁止申请补贴至 %s",
		    r.banned);
	date_format(day, from, sizeof from);
	date_format(last, until, 16);
	if (sql_exec(SQL_BUYER_SET_BANNED, until, r.id) != 0 ||
	    store_changes() != 1)
		return act_fail(a, "保存购机者");
	act_out(a, "%s 自 %s 起 %d 年内不得享受农机购置补贴（至 %s）", r.name,
	    from, p.ban_years, until);
	*id = r.id;
	return NJ_OK;
}

static int
buyer_ban(struct act *a)
{
	char	until[16];
	int64_t	id;
	int	rc, day;

	day = act_has(a, "found_on") ? (int)act_num(a, "found_on") : a->today;
	if (day > a->today)
		return act_refuse(a, "found_on", "查实日期不能晚于今天%s",
		    act_today(a));
	if ((rc = buyer_ban_apply(a, "id_no", act_str(a, "id_no"), day, &id,
	    until)) != NJ_OK)
		return rc;
	act_key(a, "%lld", (long long)id);
	return NJ_OK;
}

const struct action action_buyer_ban = {
	"buyer.ban", "购机者违规禁购", R(ROLE_ADMIN), ban_fields, buyer_ban,
	0, NULL, "已禁购"
};
