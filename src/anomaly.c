/*
 * anomaly.c: the anomaly flags of SPEC section 5 (异常情形), computed when
 * a sale is recorded or checked and shown in the county's queue. A flag
 * never blocks anything: it asks a person to look. Each check is a row of
 * a table: its bit, its kind and a function that says whether it holds
 * and, if so, what lies behind it. Thresholds are the year's settings.
 */
#include <string.h>

#include "actions.h"

struct anomaly_sale {
	int64_t			 id;
	int			 year;
	int64_t			 dealer;
	int64_t			 machine;
	int64_t			 buyer;
	int64_t			 notice;
	int64_t			 price;
	int64_t			 subsidy;
	int			 sold_on;
	char			 entered[32];
	char			 item[32];
	int64_t			 product;
	char			 engine[64];
	struct program_row	 p;
};

/* R-002-A2-10.5a 002 附件2 第十条(五) 单人多台套: one buyer, many units in a year. */
static int
an_buyer_units(const struct anomaly_sale *s, char *d, size_t len)
{
	int64_t n = 0;

	if (sql_int(&n, SQL_FLAG_BUYER_UNITS, s->buyer, s->year) < 0)
		return -1;
	if (n < s->p.flag_buyer_units)
		return 0;
	xsnprintf(d, len, "同一购机者 %d 年度购机 %lld 台（提示阈值 %d 台）",
	    s->year, (long long)n, s->p.flag_buyer_units);
	return 1;
}

/* R-002-A2-10.5b 002 附件2 第十条(五) 短期内大批量: a dealer selling many units in a short time. */
static int
an_dealer_burst(const struct anomaly_sale *s, char *d, size_t len)
{
	char	from[16], to[16];
	int64_t	n = 0;

	date_format(s->sold_on - s->p.flag_dealer_days + 1, from, sizeof from);
	date_format(s->sold_on, to, sizeof to);
	if (sql_int(&n, SQL_FLAG_DEALER_BURST, s->dealer, from, to) < 0)
		return -1;
	if (n < s->p.flag_dealer_units)
		return 0;
	xsnprintf(d, len, "经销商 %s 至 %s 共销售 %lld 台（提示阈值 %d 天 %d 台）",
	    from, to, (long long)n, s->p.flag_dealer_days,
	    s->p.flag_dealer_units);
	return 1;
}

/* R-002-A2-10.5c 002 附件2 第十条(五) 同人连年购置同类机具: the same buyer, the same item, the year before. */
static int
an_repeat_item(const struct anomaly_sale *s, char *d, size_t len)
{
	int64_t n = 0;

	if (sql_int(&n, SQL_FLAG_REPEAT_ITEM, s->buyer, s->year,
	    s->item) < 0)
		return -1;
	if (n == 0)
		return 0;
	xsnprintf(d, len, "同一购机者 %d 年度已购置同品目（%s）机具", s->year - 1,
	    s->item);
	return 1;
}

/* R-002-A2-10.3 002 附件2 第十条(三) 重复报补: duplicate engine numbers, as written differently (case, dashes). */
static int
an_engine_dup(const struct anomaly_sale *s, char *d, size_t len)
{
	int64_t n = 0;

	if (s->engine[0] == '\0')
		return 0;
	if (sql_int(&n, SQL_FLAG_ENGINE_DUP, s->engine, s->machine) < 0)
		return -1;
	if (n == 0)
		return 0;
	xsnprintf(d, len, "发动机号与另外 %lld 台机具的发动机号实质相同", (long long)n);
	return 1;
}

/* R-002-A2-10.6 002 附件2 第十条(六) 补贴额占售价比例异常: subsidy to price well above the norm. */
static int
an_ratio(const struct anomaly_sale *s, char *d, size_t len)
{
	char r[16];

	if (s->price <= 0 || s->subsidy * 10000 <= s->price *
	    (int64_t)s->p.flag_ratio_bp)
		return 0;
	ratio_format((int)(s->subsidy * 10000 / s->price), r, sizeof r);
	xsnprintf(d, len, "补贴额占售价 %s，高于提示值", r);
	return 1;
}

/* R-004-A4-2b 004 附件4 二: a sale recorded after its notice's window (the date itself is checked). */
static int
an_window(const struct anomaly_sale *s, char *d, size_t len)
{
	char	to[16], entered[16];

	if (s->notice == 0)
		return 0;
	if (sql_text(to, sizeof to, SQL_NOTICE_WINDOW, s->notice) != 1)
		return -1;
	strlcpy0(entered, s->entered, 11);
	if (strcmp(entered, to) <= 0)
		return 0;
	xsnprintf(d, len, "确认通知书有效期至 %s，销售于 %s 才录入", to, entered);
	return 1;
}

/* R-003-A2-7.1.4 003 附件2 第七条(一)4 售价随补贴额变动: same model, same dealer, price minus subsidy fixed. */
static int
an_price(const struct anomaly_sale *s, char *d, size_t len)
{
	int64_t n = 0;

	if (sql_int(&n, SQL_FLAG_PRICE_SUBSIDY, s->dealer,
	    s->product, s->year, s->id, s->price, s->price - s->subsidy) < 0)
		return -1;
	if (n == 0)
		return 0;
	xsnprintf(d, len, "同型号在本店的售价不同而扣除补贴后的价格相同，疑似售价随"
	    "补贴额变动");
	return 1;
}

static const struct {
	int		 bit;
	const char	*kind;
	int		(*fn)(const struct anomaly_sale *, char *, size_t);
} anomalies[] = {
	{ AN_BUYER_UNITS,	"buyer_units",	an_buyer_units },
	{ AN_DEALER_BURST,	"dealer_burst",	an_dealer_burst },
	{ AN_REPEAT_ITEM,	"repeat_item",	an_repeat_item },
	{ AN_ENGINE_DUP,	"engine_dup",	an_engine_dup },
	{ AN_RATIO,		"ratio",	an_ratio },
	{ AN_WINDOW,		"window",	an_window },
	{ AN_PRICE,		"price",	an_price },
};

/* Compute every flag of a sale afresh: its rows and its bits. */
int
anomaly_check(struct act *a, int64_t sale)
{
	struct anomaly_sale	 s;
	struct sale_row		 r;
	sqlite3_stmt		*st;
	char			 detail[256], at[32];
	size_t			 i;
	int			 rc, flags = 0;

	memset(&s, 0, sizeof s);
	st = sql_query(SQL_SALE_GET, sale);
	if ((rc = sql_step(st)) == 1) {
		load_sale(st, &r);
		s.id = sale;
		s.year = r.year;
		s.dealer = r.dealer;
		s.machine = r.machine;
		s.buyer = r.buyer;
		s.notice = r.notice;
		s.price = r.price;
		date_parse(r.sold_on, &s.sold_on);
		s.subsidy = r.subsidy;
		strlcpy0(s.entered, r.entered, sizeof s.entered);
	}
	sqlite3_reset(st);
	if (rc != 1)
		return act_fail(a, "查询销售");
	st = sql_query(SQL_SALE_ITEM, sale);
	if ((rc = sql_step(st)) == 1) {
		sql_col_copy(st, 0, s.item, sizeof s.item);
		s.product = sqlite3_column_int64(st, 1);
		sql_col_copy(st, 2, s.engine, sizeof s.engine);
	}
	sqlite3_reset(st);
	if (rc != 1 || program_get(s.year, &s.p) < 0)
		return act_fail(a, "查询销售");
	if (sql_exec(SQL_ANOMALY_CLEAR, sale) != 0)
		return act_fail(a, "异常提示");
	clock_stamp(a->now, at, sizeof at);
	for (i = 0; i < sizeof anomalies / sizeof anomalies[0]; i++) {
		detail[0] = '\0';
		if ((rc = anomalies[i].fn(&s, detail, sizeof detail)) < 0)
			return act_fail(a, "异常提示");
		if (rc == 0)
			continue;
		flags |= anomalies[i].bit;
		if (sql_exec(SQL_ANOMALY_INSERT, sale,
		    anomalies[i].kind, detail, at) != 0)
			return act_fail(a, "异常提示");
	}
	if (sql_exec(SQL_SALE_SET_FLAGS, flags, sale) != 0)
		return act_fail(a, "异常提示");
	return NJ_OK;
}
