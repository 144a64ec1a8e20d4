/*
 * action-find.c: look-ups the actions share. Each finds a record by its
 * public key (region code, credit code, item and tier, model, login) and
 * either fills a row or refuses with a Chinese reason naming the field;
 * scope_has() says whether a region lies within an actor's scope (SPEC
 * section 1: a township clerk works in its township, a county clerk in its
 * county, a city supervisor in its counties).
 */
#include <string.h>

#include "actions.h"

static const struct {
	const char *level;
	const char *label;
} levels[] = {
	{ "province",	"省级" },
	{ "city",	"市级" },
	{ "county",	"县级" },
	{ "township",	"乡镇级" },
	{ "village",	"村级" },
};

static const char *
level_label(const char *level)
{
	size_t i;

	for (i = 0; i < sizeof levels / sizeof levels[0]; i++)
		if (strcmp(levels[i].level, level) == 0)
			return levels[i].label;
	return level;
}

int
find_region(struct act *a, const char *field, const char *code,
    const char *level, struct region_row *r)
{
	sqlite3_stmt	*st = sql_query(SQL_REGION_GET, code);
	int		 rc = sql_step(st);

	if (rc < 0)
		return act_fail(a, "查询行政区划");
	if (rc == 0)
		return act_refuse(a, field, "未知的行政区划代码：%s", code);
	load_region(st, r);
	sqlite3_reset(st);
	if (level != NULL && strcmp(r->level, level) != 0)
		return act_refuse(a, field, "%s（%s）不是%s行政区划", r->name,
		    code, level_label(level));
	return NJ_OK;
}

/* An organisation from st, bound to its credit code (uscc) or its id. */
static int
find_org(struct act *a, const char *field, sqlite3_stmt *st,
    const char *uscc, const char *what, struct org_row *o)
{
	int rc = sql_step(st);

	if (rc < 0)
		return act_fail(a, "查询企业");
	if (rc == 0) {
		if (uscc == NULL)
			return act_refuse(a, field, "未知的%s", what);
		return act_refuse(a, field, "未知的%s：%s", what, uscc);
	}
	load_org(st, o);
	sqlite3_reset(st);
	return NJ_OK;
}

int
find_maker_uscc(struct act *a, const char *field, const char *uscc,
    struct org_row *o)
{
	return find_org(a, field, sql_query(SQL_MAKER_BY_USCC, uscc), uscc,
	    "生产企业", o);
}

int
find_maker_id(struct act *a, int64_t id, struct org_row *o)
{
	return find_org(a, NULL, sql_query(SQL_MAKER_BY_ID, id), NULL,
	    "生产企业", o);
}

int
find_dealer_uscc(struct act *a, const char *field, const char *uscc,
    struct org_row *o)
{
	return find_org(a, field, sql_query(SQL_DEALER_BY_USCC, uscc), uscc,
	    "经销商", o);
}

int
find_dealer_id(struct act *a, int64_t id, struct org_row *o)
{
	return find_org(a, NULL, sql_query(SQL_DEALER_BY_ID, id), NULL,
	    "经销商", o);
}

/* R-004-M-3.1 An item and tier of the year's catalogue (补贴额一览表, 004 三(一)). */
int
find_tier(struct act *a, const char *field, int year, const char *item,
    const char *tier, struct tier_row *t)
{
	sqlite3_stmt	*st;
	int64_t		 one;
	int		 rc;

	rc = sql_int(&one, SQL_ITEM_EXISTS, year, item);
	if (rc < 0)
		return act_fail(a, "查询品目");
	if (rc == 0)
		return act_refuse(a, "item", "%d 年度补贴目录中没有品目 %s", year,
		    item);
	st = sql_query(SQL_TIER_GET, year, item, tier);
	rc = sql_step(st);
	if (rc < 0)
		return act_fail(a, "查询分档");
	if (rc == 0)
		return act_refuse(a, field, "品目 %s 没有分档 %s", item, tier);
	load_tier(st, t);
	sqlite3_reset(st);
	return NJ_OK;
}

int
find_product(struct act *a, const char *field, const char *model,
    struct product_row *p)
{
	sqlite3_stmt	*st = sql_query(SQL_PRODUCT_BY_MODEL, model);
	int		 rc = sql_step(st);

	if (rc < 0)
		return act_fail(a, "查询产品");
	if (rc == 0)
		return act_refuse(a, field, "未知的机具型号：%s", model);
	load_product(st, p);
	sqlite3_reset(st);
	return NJ_OK;
}

int
find_user(struct act *a, const char *field, const char *login,
    struct user_row *u)
{
	sqlite3_stmt	*st = sql_query(SQL_USER_BY_LOGIN, login);
	int		 rc = sql_step(st);

	if (rc < 0)
		return act_fail(a, "查询用户");
	if (rc == 0)
		return act_refuse(a, field, "未知的用户：%s", login);
	load_user(st, u);
	sqlite3_reset(st);
	return NJ_OK;
}

/*
 * Is region code within who's scope? 1 yes, 0 no, -1 database error. The
 * province-wide roles see everything; others see their region and what
 * lies below it.
 */
int
scope_has(struct act *a, const struct actor *who, const char *code)
{
	int64_t	one;
	int	rc;

	(void)a;
	/* R-SEC-9.5 issue 9 (5): the kind of scope is the role table's */
	if (role_scope(who->role)->reach == ROLE_REACH_ALL)
		return 1;
	if (role_scope(who->role)->reach != ROLE_REACH_REGION ||
	    who->region[0] == '\0' || code == NULL)
		return 0;
	if (strcmp(who->region, code) == 0)
		return 1;
	rc = sql_int(&one, SQL_REGION_WITHIN, code, who->region);
	return rc < 0 ? -1 : rc;
}

/* Refuse unless region code is within the acting user's scope. */
int
need_scope(struct act *a, const char *field, const char *code)
{
	int rc = scope_has(a, a->who, code);

	if (rc < 0)
		return act_fail(a, "查询管辖范围");
	if (rc == 0)
		return act_refuse(a, field, "超出您的管辖范围：%s", code);
	return NJ_OK;
}

/* Refuse a login that is taken or reserved. */
int
login_free(struct act *a, const char *field, const char *login)
{
	int64_t	id;
	int	rc;

	if (strcmp(login, "register") == 0 || strcmp(login, "root") == 0)
		return act_refuse(a, field, "登录名 %s 为系统保留", login);
	rc = sql_int(&id, SQL_USER_ID_BY_LOGIN, login);
	if (rc < 0)
		return act_fail(a, "查询用户");
	if (rc == 1)
		return act_refuse(a, field, "登录名 %s 已被使用", login);
	return NJ_OK;
}

/* The year field if given, otherwise this year. */
int
year_of(struct act *a, const char *field)
{
	int y, m, d;

	if (field != NULL && act_has(a, field))
		return (int)act_num(a, field);
	date_to_ymd(a->today, &y, &m, &d);
	return y;
}

/*
 * R-003-A2-8a Refuse if an organisation (type maker or dealer) may not
 * act (SPEC 5; 003 附件2 第八条): pending, or a penalty in force
 * (party_check, issue 13).
 */
static int
org_must_be_active(struct act *a, const char *field, const struct org_row *o,
    const char *type)
{
	if (strcmp(o->status, "pending") == 0)
		return act_refuse(a, field, "%s尚未被生产企业选择为补贴经销商",
		    o->name);
	return party_check(a, field, type, o->uscc, o->name, o->status);
}

/* The acting maker, which must be active. */
int
own_maker(struct act *a, struct org_row *o)
{
	int rc;

	if (a->who->org <= 0)
		return act_refuse(a, NULL, "当前用户不属于任何生产企业");
	if ((rc = find_maker_id(a, a->who->org, o)) != NJ_OK)
		return rc;
	return org_must_be_active(a, NULL, o, "maker");
}

/* The acting dealer, which must be active. */
int
own_dealer(struct act *a, struct org_row *o)
{
	int rc;

	if (a->who->org <= 0)
		return act_refuse(a, NULL, "当前用户不属于任何经销商");
	if ((rc = find_dealer_id(a, a->who->org, o)) != NJ_OK)
		return rc;
	return org_must_be_active(a, NULL, o, "dealer");
}

/* A dealer named in a field, which must be able to trade. */
int
active_dealer(struct act *a, const char *field, struct org_row *o)
{
	int rc;

	if ((rc = find_dealer_uscc(a, field, act_str(a, field), o)) != NJ_OK)
		return rc;
	if (strcmp(o->status, "pending") == 0)
		return NJ_OK;
	return org_must_be_active(a, field, o, "dealer");
}

/* Has maker picked dealer? 1 yes, 0 no, -1 database error. */
int
dealer_picked(int64_t maker, int64_t dealer)
{
	int64_t one;

	return sql_int(&one, SQL_MAKER_DEALER_GET, maker, dealer);
}

/* Refuse unless the acting maker has picked this dealer. */
int
picked_by_me(struct act *a, const char *field, const struct org_row *d)
{
	int rc = dealer_picked(a->who->org, d->id);

	if (rc < 0)
		return act_fail(a, "查询经销商");
	if (rc == 0)
		return act_refuse(a, field, "经销商 %s 未被本企业选择为补贴经销商",
		    d->name);
	return NJ_OK;
}

/* R-003-A2-8b A model of the acting maker's, usable for trade (003 附件2 第八条). */
int
my_product(struct act *a, const char *field, struct product_row *p)
{
	char	what[96];
	int	rc;

	if ((rc = find_product(a, field, act_str(a, field), p)) != NJ_OK)
		return rc;
	if (p->maker_id != a->who->org)
		return act_refuse(a, field, "型号 %s 不是本企业投档的产品",
		    p->model);
	if (strcmp(p->status, "failed") == 0)
		return act_refuse(a, field, "型号 %s 的投档未通过", p->model);
	/* issue 13: a product suspended or cancelled is not supplied */
	xsnprintf(what, sizeof what, "型号 %s", p->model);
	return party_check(a, field, "product", p->model, what, p->status);
}

/* A serial or engine number as stored: upper case (nameplates). */
void
serial_norm(const char *in, char *out, size_t len)
{
	size_t i;

	for (i = 0; in[i] != '\0' && i + 1 < len; i++)
		out[i] = in[i] >= 'a' && in[i] <= 'z' ? (char)(in[i] - 32) :
		    in[i];
	out[i] = '\0';
}
