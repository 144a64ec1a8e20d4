/*
 * action-party-check.c: may a party act? (issue 13 item 2). The one
 * check of a maker, a dealer or a product against the penalties decided
 * on it (violations, action-violation.c): a blacklist or a cancellation
 * holds for ever; a suspension until its last day (暂停至 YYYY-MM-DD),
 * then ends by itself (the check reads the date: no sweep); a party that
 * lets six months pass after the end without a written request
 * (violation.restore) has given its qualification up. A status set
 * without a violation (a freeze) refuses as the status says. Actions
 * call party_check in one line where a party acts or is traded
 * (action-find.c's own_maker, own_dealer, active_dealer, my_product;
 * action-sale.c's stock). And the blacklist seen by registrations: a
 * new company of a blacklisted company's legal representative.
 *
 * R-003-A2-11c 003 附件2 第十一条: machines bought before a suspension
 * from a clean sale are still paid: verification, settlement and
 * finance (action-verify.c, action-batch.c, action-finance.c) call no
 * party check.
 */
#include <string.h>

#include "actions.h"

/* R-003-A2-11a 003 附件2 第十一条: 暂停期满后6个月内 */
#define RESTORE_MONTHS	6

/* A suspension that has ended: NJ_OK within the six months, else refused. */
static int
party_lapsed(struct act *a, const char *field, const char *name,
    const char *until, const char *no)
{
	char	last[16];
	int	end, lapse;

	if (date_parse(until, &end) != 0)
		return act_fail(a, "读取暂停期");
	if (a->today <= end)
		return act_refuse(a, field, "%s已被暂停补贴资格，暂停至 %s（%s）%s",
		    name, until, no, act_today(a));
	/* R-003-A2-11a: no written request within six months: given up */
	if (date_add_months(end, RESTORE_MONTHS, &lapse) == 0 &&
	    a->today > lapse) {
		date_format(lapse, last, sizeof last);
		return act_refuse(a, field, "%s暂停期已于 %s 届满，%s 前未书面申请"
		    "恢复，补贴资格不予恢复（%s）", name, until, last, no);
	}
	return NJ_OK;
}

/*
 * R-003-A2-8a SPEC 5; 003 附件2 第八条, 第十条: refuse a party of type
 * (maker, dealer, product) with key (credit code, model), called name,
 * whose status is status, that may not act today; NJ_OK if it may.
 */
int
party_check(struct act *a, const char *field, const char *type,
    const char *key, const char *name, const char *status)
{
	sqlite3_stmt	*st = sql_query(SQL_VIO_IN_FORCE, type, key);
	char		 measure[16] = "", until[16] = "", no[16] = "";
	int		 rc = sql_step(st);

	if (rc == 1) {
		sql_col_copy(st, 0, measure, sizeof measure);
		sql_col_copy(st, 1, until, sizeof until);
		sql_col_copy(st, 2, no, sizeof no);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询违规处理");
	if (rc == 1 && strcmp(measure, "blacklist") == 0)
		return act_refuse(a, field, "%s已被列入黑名单（%s）", name, no);
	if (rc == 1 && strcmp(measure, "cancel") == 0)
		return act_refuse(a, field, "%s的补贴资格已被取消（%s）", name, no);
	/* a blacklist set otherwise (an import) outweighs a suspension */
	if (strcmp(status, "blacklisted") == 0)
		return act_refuse(a, field, "%s已被列入黑名单", name);
	if (rc == 1)
		return party_lapsed(a, field, name, until, no);
	if (strcmp(status, "suspended") == 0)
		return act_refuse(a, field, "%s已被暂停补贴资格", name);
	return NJ_OK;
}

/* The keyed hash of a legal representative's ID number (normalised). */
void
party_rep_hash(const char *idno, unsigned char *h)
{
	crypt_hash("idno", idno, h);
}

/*
 * R-003-A2-8.3b 003 附件2 第八条(三): a company (credit code uscc) whose
 * legal representative (name rep, ID number repid or NULL) is on the
 * blacklist cannot register or be added; nor a blacklisted company.
 */
int
party_not_blacklisted(struct act *a, const char *uscc, const char *rep,
    const char *repid)
{
	unsigned char	 h[CRYPT_HASH_LEN];
	sqlite3_stmt	*st;
	char		 name[NJ_NAME_MAX] = "", from[16] = "";
	int		 rc;

	if (repid != NULL)
		party_rep_hash(repid, h);
	st = sql_query(SQL_VIO_BLACKLISTED, uscc, rep != NULL ? rep : "",
	    repid != NULL ? SQL_BLOB(h, sizeof h) : SQL_NULL);
	if ((rc = sql_step(st)) == 1) {
		sql_col_copy(st, 0, name, sizeof name);
		sql_col_copy(st, 1, from, sizeof from);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询黑名单");
	if (rc == 1)
		return act_refuse(a, repid != NULL ? "legal_rep_id" : "legal_rep",
		    "该企业或其法定代表人已于 %s 随“%s”列入补贴产品经营黑名单，"
		    "不能注册", from, name);
	return NJ_OK;
}

/*
 * Before maker.add or dealer.register: the blacklist; after it, the
 * legal representative's ID number kept (its hash) when given.
 */
int
party_rep_register(struct act *a, enum sql set, int after)
{
	unsigned char	 h[CRYPT_HASH_LEN];
	const char	*id = act_has(a, "legal_rep_id") ?
	    act_str(a, "legal_rep_id") : NULL;

	if (!after)
		return party_not_blacklisted(a, act_str(a, "uscc"),
		    act_str(a, "legal_rep"), id);
	if (id == NULL)
		return NJ_OK;
	party_rep_hash(id, h);
	if (sql_exec(set, act_str(a, "uscc"), SQL_BLOB(h, sizeof h)) != 0)
		return act_fail(a, "保存法定代表人身份证号");
	return NJ_OK;
}
