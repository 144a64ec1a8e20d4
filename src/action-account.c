/*
 * action-account.c: the account a subsidy is paid into (issue 10 item 6).
 * Every sale of a batch must carry the account frozen on it at
 * verification (R-SEC-8.1c), in the buyer's own name, and valid: a
 * person's bank card passes the Luhn check (check-luhn.c), an
 * organisation's basic account (对公账户, no check digit) is 6-32 digits.
 * batch.new refuses a batch with a sale that has none, and finance.pay
 * writes no payment for one; the reason names the sale.
 */
#include <string.h>

#include "actions.h"

/* What is wrong with one sale's frozen account, or NULL. */
static const char *
account_problem(sqlite3_stmt *st)
{
	char		 plain[64], norm[64], kind[8], name[NJ_NAME_MAX];
	char		 holder[NJ_NAME_MAX];
	int		 bad;

	sql_col_copy(st, 2, kind, sizeof kind);
	sql_col_copy(st, 3, name, sizeof name);
	sql_col_copy(st, 5, holder, sizeof holder);
	if (sqlite3_column_type(st, 4) == SQLITE_NULL)
		return "没有核验时确认的银行账号";
	if (crypt_open(sqlite3_column_blob(st, 4),
	    (size_t)sqlite3_column_bytes(st, 4), "buyers.account",
	    sqlite3_column_int64(st, 1), plain, sizeof plain) != 0 ||
	    plain[0] == '\0')
		return "银行账号为空";
	bad = strcmp(kind, "org") == 0 ?
	    account_check(plain, norm, sizeof norm) != 0 :
	    bankcard_check(plain, norm, sizeof norm) != 0;
	explicit_bzero(plain, sizeof plain);
	explicit_bzero(norm, sizeof norm);
	if (bad)
		return strcmp(kind, "org") == 0 ? "银行账号不是 6-32 位数字" :
		    "银行卡号校验位不符（Luhn）";
	if (strcmp(holder, name) != 0)
		return "开户名与购机者不一致";
	return NULL;
}

/*
 * R-004-A4-3b 004 附件4 三: 户名为本人的有效一本通存折或账户与营业执照相符
 * 的有效基本账户. Every sale of batch has a valid account in the buyer's
 * name; else refused on field, naming the first sale without one.
 */
int
account_batch_check(struct act *a, int64_t batch, const char *field)
{
	sqlite3_stmt	*st = sql_query(SQL_BATCH_ACCOUNTS, batch);
	const char	*why = NULL;
	int64_t		 sale = 0;
	int		 rc;

	while ((rc = sql_step(st)) == 1)
		if ((why = account_problem(st)) != NULL) {
			sale = sqlite3_column_int64(st, 0);
			break;
		}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询收款账户");
	if (why != NULL)
		return act_refuse(a, field, "销售 %lld 没有有效的收款账户（%s）："
		    "须由购机者所在县（乡镇）登记本人账号并重新核验",
		    (long long)sale, why);
	return NJ_OK;
}
