/*
 * action-buyer-update.c: buyer.update (修改购机者信息), the one way a
 * buyer's contact details and bank account change (R-SEC-8.1 issue 8
 * (1)). Only the county where the buyer lives, or the buyer's own
 * township, may change them; anyone else is told what an unknown ID
 * number is told. The clerk names the version seen, so that of two
 * clerks changing one buyer the second is refused. Every change is kept
 * masked in buyer_changes (the list buyer_changes) and in the audit row.
 * A new account (or bank) sends the buyer's sales that were verified but
 * not yet paid back to verification: the account a payment goes to is
 * the one checked at verification and frozen on the sale.
 */
#include <stdlib.h>
#include <string.h>

#include "actions.h"

static const struct field update_fields[] = {
	{ "id_no", FT_IDNO, FF_REQ | FF_PRIVATE, "身份证号/信用代码", NULL, 18 },
	{ "version", FT_INT, FF_REQ, "信息版本号", NULL, 0 },
	FIELDS_BUYER_CONTACT,
	{ "reason", FT_TEXT, 0, "修改原因", NULL, 100 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

#define REVERIFY_NOTE	"购机者银行账户已变更（修改购机者信息），须重新核验"

/*
 * R-SEC-8.1c issue 8 (1): the buyer's sales verified but not paid (in a
 * batch or not, whatever the batch's state) go back to verification: out
 * of their batch, their frozen account cleared. Paid sales stay as paid.
 */
static int
buyer_reverify(struct act *a, int64_t buyer)
{
	sqlite3_stmt	*st;
	int64_t		*ids = NULL;
	size_t		 n = 0, cap = 0, i;
	int		 rc;

	st = sql_query(SQL_BUYER_SALES_UNPAID, buyer);
	while ((rc = sql_step(st)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			if ((ids = realloc(ids, cap * sizeof *ids)) == NULL)
				abort();
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc < 0) {
		free(ids);
		return act_fail(a, "查询销售");
	}
	for (i = 0, rc = NJ_OK; i < n && rc == NJ_OK; i++) {
		if ((rc = batch_take_out(a, ids[i], REVERIFY_NOTE)) != NJ_OK)
			break;
		if (sql_exec(SQL_SALE_UNFREEZE, ids[i]) != 0)
			rc = act_fail(a, "保存销售");
		else
			/* issue 11 (5): the county must verify it again */
			act_note(a, "销售 %s 已退回核验：%s", sale_ref(ids[i]),
			    REVERIFY_NOTE);
	}
	free(ids);
	return rc;
}

static int
buyer_update(struct act *a)
{
	struct buyer_rec	 r;
	struct region_row	 tw;
	const char		*want[16], *v;
	unsigned		 changed;
	int			 rc, i, k;

	if ((rc = lookup_begin(a, "id_no", act_str(a, "id_no"))) != NJ_OK)
		return rc;
	if ((rc = buyer_find(a, act_str(a, "id_no"), &r)) < 0)
		return rc;
	/* R-SEC-8.1b issue 8 (1): only where the buyer lives; out of scope
	 * looks exactly like unknown (R-SEC-8.2a) */
	if (rc == 0 || r.township[0] == '\0' ||
	    (rc = scope_has(a, a->who, r.township)) == 0 ||
	    (act_has(a, "buyer_type") && strcmp(act_str(a, "buyer_type"),
	    r.kind) != 0))
		return lookup_miss(a, "id_no", BUYER_UNKNOWN);
	if (rc < 0)
		return act_fail(a, "查询管辖范围");
	/* R-SEC-8.1d issue 8 (1): the version the clerk saw */
	if (act_num(a, "version") != r.version)
		return act_refuse(a, "version", "%s", BUYER_STALE);
	if (act_has(a, "township") && ((rc = find_region(a, "township",
	    act_str(a, "township"), "township", &tw)) != NJ_OK ||
	    (rc = need_scope(a, "township", tw.code)) != NJ_OK))
		return rc;
	for (i = 0; i < 16; i++)
		want[i] = NULL;
	for (i = 0; update_fields[i].name != NULL; i++) {
		if ((k = buyer_field(update_fields[i].name)) < 0 ||
		    (v = act_str(a, update_fields[i].name)) == NULL)
			continue;
		want[k] = strcmp(update_fields[i].name, "township") == 0 ?
		    tw.code : v;
	}
	if ((rc = buyer_change(a, &r, want, act_str(a, "reason"),
	    &changed)) != NJ_OK)
		return rc;
	if (changed == 0)
		return act_refuse(a, NULL, "所填信息与登记的相同，没有要修改的内容");
	if (buyer_account_changed(changed) &&
	    (rc = buyer_reverify(a, r.id)) != NJ_OK)
		return rc;
	act_key(a, "%lld", (long long)(r.version + 1));
	return NJ_OK;
}

const struct action action_buyer_update = {
	"buyer.update", "修改购机者信息", R(ROLE_COUNTY) | R(ROLE_TOWNSHIP),
	update_fields, buyer_update, 0, NULL, "已修改购机者信息"
};
