/*
 * print-scope.c: the role filter of the printers: the area a printing
 * user may print (its scope, from the role's row of role.c) narrowed by
 * the filters (--county, --month, --batch), and the check of one record
 * or batch against it before anything is written; the statements of an
 * area bound to it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "print.h"
#include "log.h"

/* What part of the province each role prints (SPEC section 1). */
enum { SC_NONE = 0, SC_ALL, SC_CITY, SC_COUNTY, SC_TOWNSHIP, SC_DEALER };

/*
 * The part a role prints, read off role.c's scope table: the province,
 * the user's region by its level, or a dealer's own sales; a maker and
 * the register login print nothing. R-SEC-9.5 issue 9 (5)
 */
static int
print_scope_kind(int role)
{
	static const struct {
		const char	*level;
		int		 scope;
	} levels[] = {
		{ "city", SC_CITY }, { "county", SC_COUNTY },
		{ "township", SC_TOWNSHIP },
	};
	const struct role_scope	*sc = role_scope(role);
	size_t			 i;

	if (sc->reach == ROLE_REACH_ALL)
		return SC_ALL;
	if (sc->org == ROLE_ORG_DEALER)
		return SC_DEALER;
	if (sc->reach == ROLE_REACH_REGION)
		for (i = 0; i < sizeof levels / sizeof levels[0]; i++)
			if (strcmp(levels[i].level, sc->level) == 0)
				return levels[i].scope;
	return SC_NONE;
}

int
print_refuse(struct print_job *j, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vxsnprintf(j->msg, j->msglen, fmt, ap);
	va_end(ap);
	return NJ_REFUSED;
}

int
print_dberr(struct print_job *j)
{
	log_error("print %s: %s", j->def->name, store_errmsg());
	xsnprintf(j->msg, j->msglen, "数据库错误，未能打印");
	return NJ_ERROR;
}

/* A region's level and parent: 1 found, 0 not, -1 error. */
static int
region_get(const char *code, char *level, size_t llen, char *parent,
    size_t plen)
{
	sqlite3_stmt	*st = sql_query(SQL_PRINT_REGION, code);
	int		 rc = sql_step(st);

	if (rc == 1) {
		sql_col_copy(st, 0, level, llen);
		sql_col_copy(st, 1, parent, plen);
	}
	sqlite3_reset(st);
	return rc;
}

/*
 * Is a record in county, township, sold by dealer, within the printing
 * user's scope? 1 yes, 0 no, -1 error.
 */
static int
print_in_scope(struct print_job *j, const char *county, const char *township,
    int64_t dealer)
{
	const struct actor	*who = j->who;
	char			 level[16], parent[NJ_REGION_MAX];
	int			 rc;

	switch (print_scope_kind(who->role)) {
	case SC_ALL:
		return 1;
	case SC_DEALER:
		return dealer != 0 && dealer == who->org;
	case SC_TOWNSHIP:
		return township[0] != '\0' && strcmp(township, who->region) == 0;
	case SC_COUNTY:
		return strcmp(county, who->region) == 0;
	case SC_CITY:
		if ((rc = region_get(county, level, sizeof level, parent,
		    sizeof parent)) != 1)
			return rc;
		return strcmp(parent, who->region) == 0;
	default:
		return 0;
	}
}

/*
 * The area to print: the filters within the user's scope. A county
 * outside it is refused; without one, the whole scope is printed.
 */
int
print_resolve(struct print_job *j)
{
	const struct print_req	*r = j->req;
	const struct actor	*who = j->who;
	struct print_scope	*s = &j->scope;
	char			 level[16] = "", parent[NJ_REGION_MAX] = "";
	int			 y, m, rc;

	memset(s, 0, sizeof *s);
	if (r->month != NULL) {
		if (month_parse(r->month, &y, &m) != 0)
			return print_refuse(j, "月份应为 YYYY-MM 格式，如 2026-03："
			    "%s", r->month);
		xsnprintf(s->from, sizeof s->from, "%04d-%02d-01", y, m);
		xsnprintf(s->to, sizeof s->to, "%04d-%02d-01", m == 12 ? y + 1 :
		    y, m == 12 ? 1 : m + 1);
	}
	if (r->county != NULL) {
		if ((rc = region_get(r->county, level, sizeof level, parent,
		    sizeof parent)) < 0)
			return print_dberr(j);
		if (rc == 0 || strcmp(level, "county") != 0)
			return print_refuse(j, "未知的县级行政区划代码：%s",
			    r->county);
		strlcpy0(s->county, r->county, sizeof s->county);
	}
	switch (print_scope_kind(who->role)) {
	case SC_ALL:
		break;
	case SC_DEALER:
		s->dealer = who->org;
		if (s->dealer == 0)
			return print_refuse(j, "您的账号没有关联经销商");
		break;
	case SC_CITY:
		if (r->county != NULL && strcmp(parent, who->region) != 0)
			goto out_of_scope;
		if (r->county == NULL)
			strlcpy0(s->city, who->region, sizeof s->city);
		break;
	case SC_COUNTY:
		if (r->county != NULL && strcmp(r->county, who->region) != 0)
			goto out_of_scope;
		strlcpy0(s->county, who->region, sizeof s->county);
		break;
	case SC_TOWNSHIP:
		if ((rc = region_get(who->region, level, sizeof level, parent,
		    sizeof parent)) < 0)
			return print_dberr(j);
		if (rc == 0)
			return print_refuse(j, "您的账号没有有效的管辖乡镇");
		if (r->county != NULL && strcmp(r->county, parent) != 0)
			goto out_of_scope;
		strlcpy0(s->county, parent, sizeof s->county);
		strlcpy0(s->township, who->region, sizeof s->township);
		break;
	default:
		return print_refuse(j, "您的角色（%s）无权打印“%s”",
		    role_label(who->role), j->def != NULL ? j->def->title :
		    "报表");
	}
	return NJ_OK;
out_of_scope:
	return print_refuse(j, "超出您的管辖范围：%s 不属于%s", r->county,
	    role_scope(who->role)->own);
}

/*
 * The area req names within who's scope, for the month-end run: NJ_OK,
 * or NJ_REFUSED with the reason in msg.
 */
int
print_scope_of(const struct actor *who, const struct print_req *req,
    struct print_scope *scope, char *msg, size_t msglen)
{
	struct print_job	j;
	int			rc;

	memset(&j, 0, sizeof j);
	j.who = who;
	j.req = req;
	j.msg = msg;
	j.msglen = msglen;
	rc = print_resolve(&j);
	*scope = j.scope;
	return rc;
}

/* Is state one of the comma list states? */
int
print_state_in(const char *state, const char *states)
{
	size_t n = strlen(state);

	while (states != NULL && *states != '\0') {
		if (strncmp(states, state, n) == 0 && (states[n] == ',' ||
		    states[n] == '\0'))
			return 1;
		states = strchr(states, ',');
		if (states != NULL)
			states++;
	}
	return 0;
}

/*
 * --batch: find the batch by its number and check it against the area
 * of the user's scope (a county, a city's counties, all); a printer that
 * applies to some states only (the bank file: once finance approved)
 * refuses the others.
 */
int
print_batch_locate(struct print_job *j)
{
	struct print_scope	*s = &j->scope;
	const char		*no = j->req->batch;
	sqlite3_stmt		*st = sql_query(SQL_PRINT_BATCH_WHERE, no);
	char			 county[NJ_REGION_MAX], parent[NJ_REGION_MAX];
	char			 state[16];
	int64_t			 id = 0;
	int			 rc = sql_step(st);

	if (rc == 1) {
		id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, county, sizeof county);
		sql_col_copy(st, 2, state, sizeof state);
		sql_col_copy(st, 3, parent, sizeof parent);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return print_dberr(j);
	if (rc == 0)
		return print_refuse(j, "未知的结算批次：%s", no);
	if ((s->county[0] != '\0' && strcmp(s->county, county) != 0) ||
	    (s->city[0] != '\0' && strcmp(s->city, parent) != 0) ||
	    s->dealer != 0)
		return print_refuse(j, "超出您的管辖范围：结算批次 %s 不属于%s",
		    no, role_scope(j->who->role)->own);
	if (j->def->states != NULL && !print_state_in(state, j->def->states))
		return print_refuse(j, "结算批次 %s %s，财政审核同意后才能打印“%s”",
		    no, state_label("batch", state), j->def->title);
	s->batch = id;
	return NJ_OK;
}

/*
 * Check the one record a *_WHERE statement found (county, township,
 * dealer) against the user's scope. key is what --id said.
 */
int
print_locate(struct print_job *j, sqlite3_stmt *st, const char *key)
{
	char	 county[NJ_REGION_MAX], township[NJ_REGION_MAX];
	int64_t	 dealer = 0;
	int	 rc = sql_step(st);

	if (rc == 1) {
		sql_col_copy(st, 0, county, sizeof county);
		sql_col_copy(st, 1, township, sizeof township);
		dealer = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return print_dberr(j);
	if (rc == 0)
		return print_refuse(j, "未知的%s：%s", j->def->id_label, key);
	if ((rc = print_in_scope(j, county, township, dealer)) < 0)
		return print_dberr(j);
	if (rc == 0)
		return print_refuse(j, "超出您的管辖范围：%s %s 不属于%s",
		    j->def->id_label, key, role_scope(j->who->role)->own);
	return NJ_OK;
}

/* An *_AREA statement bound to the resolved area (store-sql-print.def). */
sqlite3_stmt *
print_area(struct print_job *j, enum sql id)
{
	const struct print_scope *s = &j->scope;

	return sql_query(id, s->county, s->township, s->city,
	    s->dealer, s->from, s->to);
}

/*
 * A *_BATCH statement bound to the resolved area and batch: ?1-?6 as
 * print_area(), ?7 the batch's id (0 any); ?5 names the month whose sales
 * a batch collects (batches.month).
 */
sqlite3_stmt *
print_batch_area(struct print_job *j, enum sql id)
{
	const struct print_scope *s = &j->scope;

	return sql_query(id, s->county, s->township, s->city,
	    s->dealer, s->from, s->to, s->batch);
}

