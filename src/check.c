/*
 * check.c: what `njbt check` verifies. Each check is a row of a table: the
 * database's own integrity check, its foreign keys, and the audit chain;
 * later issues add the books (money counters against the records they
 * count). Each reports through a callback: what, ok or not, a detail.
 */
#include <stdio.h>
#include <string.h>

#include "store.h"

typedef void (*check_cb)(void *, int, const char *, const char *);

static int
check_integrity(char *detail, size_t len)
{
	sqlite3_stmt	*st = sql_query(SQL_INTEGRITY_CHECK);
	int		 rc = sql_step(st), ok;

	ok = rc == 1 && strcmp(sql_col(st, 0), "ok") == 0;
	if (!ok)
		xsnprintf(detail, len, "%s", rc == 1 ? sql_col(st, 0) :
		    store_errmsg());
	sqlite3_reset(st);
	return ok;
}

static int
check_foreign_keys(char *detail, size_t len)
{
	sqlite3_stmt	*st = sql_query(SQL_FOREIGN_KEY_CHECK);
	int		 rc = sql_step(st);

	if (rc == 1)
		xsnprintf(detail, len, "表 %s 第 %lld 行引用了不存在的 %s",
		    sql_col(st, 0), (long long)sqlite3_column_int64(st, 1),
		    sql_col(st, 2));
	sqlite3_reset(st);
	return rc == 0;
}

static int
check_audit(char *detail, size_t len)
{
	int64_t	rows, bad;
	char	err[NJ_MSG_MAX];
	int	rc = audit_verify(&rows, &bad, err, sizeof err);

	if (rc == 0)
		xsnprintf(detail, len, "共 %lld 条，链完好", (long long)rows);
	else
		xsnprintf(detail, len, "%s", err);
	return rc == 0;
}

/*
 * R-SEC-8.4 issue 8 (4): the log reaches its anchor outside the database
 * (not cut short, not an older copy, not emptied).
 */
static int
check_anchor(char *detail, size_t len)
{
	return anchor_verify(detail, len) == 0;
}

/*
 * R-SEC-8.5b issue 8 (5): the security-relevant columns of every row
 * match their keyed MAC (not changed, added or deleted outside njbt).
 */
static int
check_macs(char *detail, size_t len)
{
	int rc = mac_verify(detail, len);

	if (rc == 0)
		xsnprintf(detail, len, "全部相符");
	return rc == 0;
}

/* R-SEC-8.5a issue 8 (5): every sealed value opens in its own row. */
static int
check_sealed(char *detail, size_t len)
{
	int rc = sealed_verify(detail, len);

	if (rc > 0) {
		size_t used = strlen(detail);

		xsnprintf(detail + used, len - used, "（共 %d 处）", rc);
	}
	return rc == 0;
}

/* Every payment is its sale's frozen subsidy, of a paid or refunded sale. */
static int
check_payments(char *detail, size_t len)
{
	int64_t n = 0;

	if (sql_int(&n, SQL_CHECK_PAYMENTS) < 0) {
		xsnprintf(detail, len, "%s", store_errmsg());
		return 0;
	}
	if (n > 0)
		xsnprintf(detail, len, "%lld 笔支付与销售的补贴额或状态不符",
		    (long long)n);
	return n == 0;
}

/* The budgets' paid parts equal the payments of unrefunded sales. */
static int
check_budget_paid(char *detail, size_t len)
{
	sqlite3_stmt	*st = sql_query(SQL_CHECK_PAID);
	int		 rc = sql_step(st);
	char		 a[32], b[32];

	if (rc == 1) {
		money_format(sqlite3_column_int64(st, 2) +
		    sqlite3_column_int64(st, 3), a, sizeof a);
		money_format(sqlite3_column_int64(st, 4) +
		    sqlite3_column_int64(st, 5), b, sizeof b);
		xsnprintf(detail, len, "%d 年 %s 的资金计划记已支付 %s 元，支付记录"
		    "合计 %s 元", sqlite3_column_int(st, 0), sql_col(st, 1), a, b);
	} else if (rc < 0)
		xsnprintf(detail, len, "%s", store_errmsg());
	sqlite3_reset(st);
	return rc == 0;
}

/*
 * Issue 12 item 4: every photo the records name is there, as it was
 * stored (its file re-hashed).
 */
static int
check_photos(char *detail, size_t len)
{
	int64_t	rows;
	int	bad = photo_verify(&rows, detail, len);

	if (bad == 0)
		xsnprintf(detail, len, "共 %lld 张，文件完好", (long long)rows);
	return bad == 0;
}

static const struct {
	const char	*what;
	int		(*fn)(char *, size_t);
} checks[] = {
	{ "数据库完整性", check_integrity },
	{ "外键", check_foreign_keys },
	{ "支付记录", check_payments },
	{ "资金计划已支付数", check_budget_paid },
	{ "审计日志", check_audit },
	{ "审计锚点", check_anchor },
	{ "安全字段校验", check_macs },
	{ "加密字段", check_sealed },
	{ "照片文件", check_photos },
};

/* Run every check; 0 if all pass, otherwise the number that failed. */
int
check_run(check_cb cb, void *arg)
{
	char	detail[NJ_MSG_MAX];
	size_t	i;
	int	failed = 0, ok;

	for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		detail[0] = '\0';
		ok = checks[i].fn(detail, sizeof detail);
		if (!ok)
			failed++;
		cb(arg, ok, checks[i].what, detail);
	}
	return failed;
}
