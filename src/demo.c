/*
 * demo.c: `njbt init --demo`, a demo province. DEMO DATA: the regions,
 * catalogue and budgets are Ningxia's 2014 facts (seed 004 附件2, 附件3)
 * copied into db/demo/ and set for the current year; the tiers and their
 * amounts, townships' codes, people, the maker, the dealers and the stock
 * are invented. Everything is created through the real imports and
 * actions, nested in the one transaction of the action demo.load (a row
 * of the action table, defined here, for the console only), so the demo
 * is also a test of them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"

#define DEMO_MAX_ARGS	12

static const struct embedded *
demo_file(const char *name)
{
	size_t i;

	for (i = 0; i < ndemo_files; i++)
		if (strcmp(demo_files[i].name, name) == 0)
			return &demo_files[i];
	return NULL;
}

/* Run action as login with "field=value" arguments, NULL-terminated. */
static int
demo_do(const char *login, char *msg, size_t msglen, const char *action, ...)
{
	const char	*names[DEMO_MAX_ARGS], *values[DEMO_MAX_ARGS], *arg;
	char		 buf[DEMO_MAX_ARGS][512], *eq;
	struct actor	 who;
	struct act	*a = NULL;
	va_list		 ap;
	int		 n = 0, rc;

	if (login == NULL)
		actor_console(&who);
	else if (actor_load(login, &who, msg, msglen) != 0)
		return NJ_ERROR;
	va_start(ap, action);
	while ((arg = va_arg(ap, const char *)) != NULL && n < DEMO_MAX_ARGS) {
		strlcpy0(buf[n], arg, sizeof buf[n]);
		if ((eq = strchr(buf[n], '=')) == NULL)
			abort();
		*eq = '\0';
		names[n] = buf[n];
		values[n] = eq + 1;
		n++;
	}
	va_end(ap);
	rc = action_nested(&who, action, n, names, values, &a);
	if (rc != NJ_OK)
		xsnprintf(msg, msglen, "演示数据 %s：%s %s", action, a->errfield,
		    a->err);
	act_free(&a);
	return rc;
}

static int
demo_import(const char *kind, const char *file, int year, char *msg,
    size_t msglen)
{
	const struct embedded	*e = demo_file(file);
	struct actor		 who;
	char			 why[NJ_MSG_MAX];
	int			 rows, rc;

	if (e == NULL)
		abort();
	actor_console(&who);
	rc = import_nested(&who, kind, file, e->text, e->len, year, &rows, why,
	    sizeof why);
	if (rc != NJ_OK)
		xsnprintf(msg, msglen, "演示数据 %s：%s", file, why);
	return rc;
}

/* Supply n units of model to dealer, serials PREFIX001..., engines E... */
static int
demo_supply(const char *dealer, const char *model, const char *prefix, int n,
    int engines, char *msg, size_t msglen)
{
	char	list[2048], d[64], m[64], s[2100];
	size_t	used = 0;
	int	i;

	list[0] = '\0';
	for (i = 1; i <= n; i++) {
		if (engines)
			used += (size_t)snprintf(list + used, sizeof list - used,
			    "%s%s%03d/E%s%03d", i > 1 ? "," : "", prefix, i,
			    prefix, i);
		else
			used += (size_t)snprintf(list + used, sizeof list - used,
			    "%s%s%03d", i > 1 ? "," : "", prefix, i);
	}
	xsnprintf(d, sizeof d, "dealer=%s", dealer);
	xsnprintf(m, sizeof m, "model=%s", model);
	xsnprintf(s, sizeof s, "serials=%s", list);
	return demo_do("ss_maker", msg, msglen, "supply.bulk", d, m, s,
	    "shipment_no=FH-DEMO-01", NULL);
}

#define DO(x) do { if ((rc = (x)) != NJ_OK) goto out; } while (0)

/*
 * Issue 13 item 1: the five filings reviewed (pass), publicised over the
 * 20 days before today and published, so that they may be traded.
 */
static int
demo_publish(char *msg, size_t msglen)
{
	static const char *const models[] = { "1GQN-200", "SS-904", "4LZ-6",
	    "4U-170", "2BMSF-6" };
	char	from[32], to[32], pub[48], arg[64];
	size_t	i;
	int	rc = NJ_OK, today = clock_today(), y, m, d;

	for (i = 0; i < sizeof models / sizeof models[0]; i++) {
		xsnprintf(arg, sizeof arg, "model=%s", models[i]);
		DO(demo_do("admin", msg, msglen, "product.review", arg,
		    "result=pass", NULL));
	}
	memcpy(from, "from=", 5);
	date_format(today - 20, from + 5, sizeof from - 5);
	memcpy(to, "to=", 3);
	date_format(today - 1, to + 3, sizeof to - 3);
	DO(demo_do("admin", msg, msglen, "filing.publicize", from, to, NULL));
	date_to_ymd(today, &y, &m, &d);
	xsnprintf(pub, sizeof pub, "publicity=GS%04d-001", y);
	rc = demo_do("admin", msg, msglen, "filing.publish", pub, NULL);
out:
	return rc;
}

/*
 * The run of demo.load: every import and action of the demo, nested in
 * the engine's one transaction, whose audit row (demo.load, record demo,
 * detail year=YYYY) closes it. A step's refusal refuses the whole.
 */
static int
demo_run(struct act *a)
{
	char		*msg = a->err;
	size_t		 msglen = sizeof a->err;
	char		 y[16];
	int		 year = (int)act_num(a, "year"), rc, m;
	const char	*dealers[2] = { "91640122MA76F2K349", "91640104MA77H8C58B" };

	xsnprintf(y, sizeof y, "year=%d", year);
	act_key(a, "demo");
	DO(demo_import("regions", "regions.csv", year, msg, msglen));
	DO(demo_import("catalog", "catalog.csv", year, msg, msglen));
	DO(demo_import("budget", "budget.csv", year, msg, msglen));
	DO(demo_import("users", "users.csv", year, msg, msglen));
	DO(demo_do("admin", msg, msglen, "program.set", y, "flow=quota-first",
	    NULL));
	DO(demo_do("admin", msg, msglen, "maker.add",
	    "name=宁夏塞上农业机械有限公司", "uscc=91640100MA76E5B13Q",
	    "login=ss_maker", "password=njbt-demo", "legal_rep=何建军",
	    "address=银川市金凤区工业园区创业路 18 号", "phone=0951-6012345",
	    "contact=何丽", NULL));
	DO(demo_do("register", msg, msglen, "dealer.register",
	    "name=贺兰县丰收农机销售有限公司", "uscc=91640122MA76F2K349",
	    "legal_rep=马福", "address=贺兰县习岗镇银河路 66 号",
	    "phone=13995012345", "login=fs_dealer", "password=njbt-demo",
	    NULL));
	DO(demo_do("register", msg, msglen, "dealer.register",
	    "name=银川市金穗农机经销部", "uscc=91640104MA77H8C58B",
	    "legal_rep=杨帆", "address=银川市兴庆区掌政镇农机市场 3 号",
	    "phone=13709512345", "login=js_dealer", "password=njbt-demo", NULL));
	DO(demo_do("ss_maker", msg, msglen, "dealer.pick",
	    "dealer=91640122MA76F2K349", NULL));
	DO(demo_do("ss_maker", msg, msglen, "dealer.pick",
	    "dealer=91640104MA77H8C58B", NULL));
	DO(demo_do("ss_maker", msg, msglen, "product.add", "item=1.1.3",
	    "tier=03", "model=1GQN-200", "name=旋耕机", "subsidy=2800",
	    "cert_no=NJ-2025-0131", "cert_until=2030-12-31",
	    "params=工作幅宽2.0米，配套动力58.8-73.5千瓦", y, NULL));
	DO(demo_do("ss_maker", msg, msglen, "product.add", "item=9.1.1",
	    "tier=03", "model=SS-904", "name=轮式拖拉机", "subsidy=18000",
	    "cert_no=NJ-2025-0207", "cert_until=2030-12-31",
	    "params=功率66.2千瓦，四轮驱动", "powered=1", y, NULL));
	DO(demo_do("ss_maker", msg, msglen, "product.add", "item=4.1.1",
	    "tier=01", "model=4LZ-6", "name=自走轮式谷物联合收割机",
	    "subsidy=22000", "cert_no=NJ-2025-0312", "cert_until=2030-12-31",
	    "params=喂入量6公斤/秒", "powered=1", y, NULL));
	DO(demo_do("ss_maker", msg, msglen, "product.add", "item=4.3.1",
	    "tier=02", "model=4U-170", "name=马铃薯收获机", "subsidy=3500",
	    "cert_no=NJ-2025-0415", "cert_until=2030-12-31",
	    "params=收获行数2行，幅宽1.7米", y, NULL));
	DO(demo_do("ss_maker", msg, msglen, "product.add", "item=2.1.6",
	    "tier=01", "model=2BMSF-6", "name=免耕施肥播种机", "subsidy=8000",
	    "cert_no=NJ-2025-0520", "cert_until=2030-12-31",
	    "params=播种行数6行", y, NULL));
	DO(demo_publish(msg, msglen));
	for (m = 0; m < 2; m++) {
		char dl[64];

		xsnprintf(dl, sizeof dl, "dealer=%s", dealers[m]);
		DO(demo_do("ss_maker", msg, msglen, "dealer.authorize", dl,
		    "model=1GQN-200", m == 0 ? "counties=640122,640121" :
		    "counties=640104,640122", NULL));
		DO(demo_do("ss_maker", msg, msglen, "dealer.authorize", dl,
		    "model=SS-904", m == 0 ? "counties=640122,640121" :
		    "counties=640104,640122", NULL));
	}
	DO(demo_do("ss_maker", msg, msglen, "dealer.authorize",
	    "dealer=91640122MA76F2K349", "model=4LZ-6",
	    "counties=640122,640121", NULL));
	DO(demo_do("ss_maker", msg, msglen, "dealer.authorize",
	    "dealer=91640122MA76F2K349", "model=4U-170",
	    "counties=640122,640121,640422", NULL));
	DO(demo_do("ss_maker", msg, msglen, "dealer.authorize",
	    "dealer=91640122MA76F2K349", "model=2BMSF-6",
	    "counties=640122,640121", NULL));
	DO(demo_supply(dealers[0], "1GQN-200", "XG26A", 6, 0, msg, msglen));
	DO(demo_supply(dealers[0], "SS-904", "TL26A", 4, 1, msg, msglen));
	DO(demo_supply(dealers[0], "4LZ-6", "LS26A", 2, 1, msg, msglen));
	DO(demo_supply(dealers[0], "4U-170", "MS26A", 4, 0, msg, msglen));
	DO(demo_supply(dealers[0], "2BMSF-6", "BZ26A", 2, 0, msg, msglen));
	DO(demo_supply(dealers[1], "1GQN-200", "XG26B", 4, 0, msg, msglen));
	DO(demo_supply(dealers[1], "SS-904", "TL26B", 2, 1, msg, msglen));
	if (sql_exec(SQL_DEMO_NO_FORCED_CHANGE) != 0 ||
	    sql_exec(SQL_META_SET, "demo", "1") != 0) {
		xsnprintf(msg, msglen, "数据库错误：%s", store_errmsg());
		rc = NJ_ERROR;
	}
out:
	return rc;
}

static const struct field demo_fields[] = {
	{ "year", FT_YEAR, FF_REQ, "年度", NULL, 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* Only the console loads the demo (`njbt init --demo`), no user. */
const struct action action_demo_load = {
	"demo.load", "载入演示数据", R(ROLE_CONSOLE), demo_fields, demo_run, 0,
	NULL, "已载入演示数据"
};

/*
 * Load the demo into an empty database, as the action demo.load of the
 * console for the current year: 0, or -1 with the reason in msg and
 * nothing stored.
 */
int
demo_load(char *msg, size_t msglen)
{
	static const char *const names[] = { "year" };
	const char	*values[1];
	struct actor	 console;
	struct act	*a = NULL;
	char		 y[16];
	int		 year, m, d, rc;

	actor_console(&console);
	date_to_ymd(clock_today(), &year, &m, &d);
	xsnprintf(y, sizeof y, "%d", year);
	values[0] = y;
	rc = action_run(&console, "demo.load", 1, names, values, &a);
	if (rc != NJ_OK)
		xsnprintf(msg, msglen, "%s", a->err[0] ? a->err : "系统繁忙");
	act_free(&a);
	return rc == NJ_OK ? 0 : -1;
}

/* Does the database hold anything besides the built-in register login? */
int
demo_is_empty(void)
{
	int64_t n = 0;

	return sql_int(&n, SQL_USERS_COUNT) == 1 && n <= 1;
}

int
demo_present(void)
{
	char v[8];

	return sql_text(v, sizeof v, SQL_META_GET, "demo") == 1;
}
