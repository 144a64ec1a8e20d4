/*
 * action-supply.c: supplying machines to dealers (供货管理, 000 一(二)3)
 * one unit at a time (supply.new) or a list of serial numbers at once
 * (supply.bulk), and a dealer sending a wrong unit back (supply.return,
 * 000 二(二)1), after which the maker may supply that serial again.
 * Serial (出厂编号) and engine numbers (发动机号) are unique.
 */
#include <stdlib.h>
#include <string.h>

#include "actions.h"

struct supply {
	struct org_row		maker;
	struct org_row		dealer;
	struct product_row	product;
	const char		*shipment;
	const char		*made_on;
	char			 at[32];
};

/* Serial and engine numbers: letters, digits and - / . _ only. */
static int
serial_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 40)
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= 'a' && *s <= 'z') || *s == '-' || *s == '.' ||
		    *s == '_' || *s == '/'))
			return 0;
	return 1;
}

/* Everything a supply needs: an active maker, its dealer, its model. */
static int
supply_prepare(struct act *a, struct supply *s)
{
	int rc;

	memset(s, 0, sizeof *s);
	if ((rc = own_maker(a, &s->maker)) != NJ_OK)
		return rc;
	if ((rc = active_dealer(a, "dealer", &s->dealer)) != NJ_OK)
		return rc;
	if ((rc = picked_by_me(a, "dealer", &s->dealer)) != NJ_OK)
		return rc;
	if ((rc = my_product(a, "model", &s->product)) != NJ_OK)
		return rc;
	if ((rc = product_usable(a, s->product.id, "model")) != NJ_OK)
		return rc;
	if ((rc = freeze_check(a, "model", s->dealer.id, s->product.id)) !=
	    NJ_OK)
		return rc;
	s->shipment = act_str(a, "shipment_no");
	s->made_on = act_str(a, "made_on");
	if (s->made_on != NULL && act_num(a, "made_on") > a->today)
		return act_refuse(a, "made_on", "生产日期不能晚于今天%s",
		    act_today(a));
	clock_stamp(a->now, s->at, sizeof s->at);
	return NJ_OK;
}

/*
 * R-000-M-1.2.3 000 一(二)3: supply one unit. where is "" for a single unit or "第 N 台：" in a list,
 * so that a refusal says which line of the list is wrong.
 */
static int
supply_one(struct act *a, const struct supply *s, const char *field,
    const char *where, const char *rawserial, const char *rawengine)
{
	sqlite3_stmt	*st;
	int64_t		 id = 0, other, maker = 0;
	char		 state[16] = "", serial[64], enginebuf[64];
	const char	*engine = NULL;
	int		 rc;

	/* numbers on nameplates: one case, so no duplicate hides in case */
	serial_norm(rawserial, serial, sizeof serial);
	if (rawengine != NULL) {
		serial_norm(rawengine, enginebuf, sizeof enginebuf);
		engine = enginebuf;
	}
	if (!serial_ok(serial))
		return act_refuse(a, field, "%s出厂编号 %s 有误：只能用字母、数字和 "
		    "- / . _，最长 40 位", where, serial);
	if (engine != NULL && !serial_ok(engine))
		return act_refuse(a, field, "%s发动机号 %s 有误：只能用字母、数字和 "
		    "- / . _，最长 40 位", where, engine);
	if (engine == NULL && s->product.powered)
		return act_refuse(a, field, "%s型号 %s 为动力机械，须填写发动机号",
		    where, s->product.model);
	st = sql_query(SQL_MACHINE_BY_SERIAL, serial);
	rc = sql_step(st);
	if (rc == 1) {
		id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 3, state, sizeof state);
		maker = sqlite3_column_int64(st, 4);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询机具");
	/* a unit the dealer sent back may be supplied again by its maker */
	if (id != 0 && (strcmp(state, "returned") != 0 ||
	    maker != s->maker.id))
		return act_refuse(a, field, "%s出厂编号 %s 已存在", where, serial);
	if (engine != NULL) {
		rc = sql_int(&other, SQL_MACHINE_ID_BY_ENGINE, engine);
		if (rc < 0)
			return act_fail(a, "查询机具");
		if (rc == 1 && other != id)
			return act_refuse(a, field, "%s发动机号 %s 已存在", where,
			    engine);
	}
	if (id != 0)
		rc = sql_exec(SQL_MACHINE_RESUPPLY, s->product.id,
		    s->dealer.id, engine, s->shipment, s->made_on, s->at, id);
	else
		rc = sql_exec(SQL_MACHINE_INSERT, s->product.id,
		    serial, engine, s->shipment, s->made_on, s->dealer.id,
		    s->at);
	if (rc != 0)
		return act_fail(a, "保存机具");
	return NJ_OK;
}

static const struct field supply_fields[] = {
	{ "dealer", FT_REF, FF_REQ, "经销商（信用代码）", "dealer", 18 },
	{ "model", FT_REF, FF_REQ, "机具型号", "model", 40 },
	{ "serial", FT_TEXT, FF_REQ, "出厂编号", NULL, 40 },
	{ "engine_no", FT_TEXT, 0, "发动机号", NULL, 40 },
	{ "shipment_no", FT_TEXT, 0, "发货单号", NULL, 40 },
	{ "made_on", FT_DATE, 0, "生产日期", NULL, 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static int
supply_new(struct act *a)
{
	struct supply	s;
	char		last[64];
	int		rc;

	if ((rc = supply_prepare(a, &s)) != NJ_OK)
		return rc;
	if ((rc = supply_one(a, &s, "serial", "", act_str(a, "serial"),
	    act_str(a, "engine_no"))) != NJ_OK)
		return rc;
	serial_norm(act_str(a, "serial"), last, sizeof last);
	act_key(a, "%s", last);
	return NJ_OK;
}

const struct action action_supply_new = {
	"supply.new", "供货（单台）", R(ROLE_MAKER), supply_fields,
	supply_new, 0, NULL, "已供货"
};

static const struct field bulk_fields[] = {
	{ "dealer", FT_REF, FF_REQ, "经销商（信用代码）", "dealer", 18 },
	{ "model", FT_REF, FF_REQ, "机具型号", "model", 40 },
	{ "serials", FT_LINES, FF_REQ, "出厂编号（每行一台，动力机械写 编号/发动机号）",
	    NULL, 1000 },
	{ "shipment_no", FT_TEXT, 0, "发货单号", NULL, 40 },
	{ "made_on", FT_DATE, 0, "生产日期", NULL, 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * Supply a list of units of one model: every unit or none. An item is
 * SERIAL, or SERIAL/ENGINE for powered machines.
 */
static int
supply_bulk(struct act *a)
{
	struct supply	 s;
	char		*list, *item, *save = NULL, *slash, where[64];
	char		 last[64] = "";
	int		 rc, n = 0;

	if ((rc = supply_prepare(a, &s)) != NJ_OK)
		return rc;
	list = xstrdup(act_str(a, "serials"));
	for (item = strtok_r(list, ",", &save); item != NULL;
	    item = strtok_r(NULL, ",", &save)) {
		xsnprintf(where, sizeof where, "第 %d 台：", ++n);
		slash = NULL;
		if (s.product.powered && (slash = strchr(item, '/')) != NULL)
			*slash++ = '\0';
		if ((rc = supply_one(a, &s, "serials", where, item, slash)) !=
		    NJ_OK)
			break;
		if (last[0] != '\0')
			act_out(a, "%s", last);
		serial_norm(item, last, sizeof last);
	}
	free(list);
	if (rc != NJ_OK)
		return rc;
	act_key(a, "%s", last);
	return NJ_OK;
}

const struct action action_supply_bulk = {
	"supply.bulk", "供货（批量）", R(ROLE_MAKER), bulk_fields,
	supply_bulk, 0, NULL, "已批量供货"
};

static const struct field return_fields[] = {
	{ "serial", FT_REF, FF_REQ, "出厂编号", "stock", 40 },
	{ "reason", FT_TEXT, FF_REQ, "退回原因", NULL, 100 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-000-M-2.2.1 000 二(二)1: a dealer sends a unit it holds, unsold, back to its maker. A dealer whose
 * makers all dropped it (pending again) may still send back what it holds
 * (dealer.unpick leaves the stock with it); suspended or blacklisted ones
 * may not.
 */
static int
supply_return(struct act *a)
{
	struct org_row	 dealer;
	sqlite3_stmt	*st;
	int64_t		 id = 0, holder = 0;
	char		 state[16] = "", at[32], serial[64];
	int		 rc;

	serial_norm(act_str(a, "serial"), serial, sizeof serial);
	if (a->who->org <= 0)
		return act_refuse(a, NULL, "当前用户不属于任何经销商");
	if ((rc = find_dealer_id(a, a->who->org, &dealer)) != NJ_OK)
		return rc;
	if (strcmp(dealer.status, "pending") != 0 &&
	    (rc = own_dealer(a, &dealer)) != NJ_OK)
		return rc;
	st = sql_query(SQL_MACHINE_BY_SERIAL, serial);
	rc = sql_step(st);
	if (rc == 1) {
		id = sqlite3_column_int64(st, 0);
		holder = sqlite3_column_int64(st, 2);
		sql_col_copy(st, 3, state, sizeof state);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询机具");
	if (id == 0 || holder != dealer.id || strcmp(state, "returned") == 0) {
		if (strcmp(dealer.status, "pending") == 0)
			return own_dealer(a, &dealer);	/* not picked */
		return act_refuse(a, "serial", "出厂编号 %s 不在本经销商库存中",
		    serial);
	}
	if (!state_may("machine", state, "returned"))
		return act_refuse(a, "serial", "出厂编号 %s 已销售，不能退回生产企业",
		    serial);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_MACHINE_RETURN, at, act_str(a, "reason"),
	    id) != 0)
		return act_fail(a, "保存退回");
	act_key(a, "%s", serial);
	return NJ_OK;
}

const struct action action_supply_return = {
	"supply.return", "退回生产企业", R(ROLE_DEALER), return_fields,
	supply_return, 0, NULL, "已退回生产企业"
};
