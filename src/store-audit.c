/*
 * store-audit.c: the audit log (003 内部控制; 001 查询日志化). Every change
 * and every read of private data writes a row: when, who, from where, what,
 * which record, details with private values masked. Each row carries a
 * keyed BLAKE2b hash of itself and of the row before, so that a row
 * changed, removed or inserted afterwards breaks the chain, and without the
 * key file nobody can forge a new chain.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "store.h"

#define AUDIT_HASH_LEN	32

static void
audit_hash(const unsigned char *prev, int64_t id, const char *at,
    const char *login, const char *addr, const char *action,
    const char *record, const char *detail, unsigned char *out)
{
	crypto_generichash_state	 st;
	char				 idtext[32];
	const char			*parts[7];
	size_t				 i;

	xsnprintf(idtext, sizeof idtext, "%lld", (long long)id);
	parts[0] = idtext;
	parts[1] = at;
	parts[2] = login;
	parts[3] = addr;
	parts[4] = action;
	parts[5] = record;
	parts[6] = detail;
	crypto_generichash_init(&st, store->kaudit, sizeof store->kaudit,
	    AUDIT_HASH_LEN);
	crypto_generichash_update(&st, prev, AUDIT_HASH_LEN);
	for (i = 0; i < 7; i++)
		crypto_generichash_update(&st, (const unsigned char *)parts[i],
		    strlen(parts[i]) + 1);
	crypto_generichash_final(&st, out, AUDIT_HASH_LEN);
}

/*
 * Append one row. Called inside the caller's write transaction, so the
 * row before cannot change under us.
 */
int
audit_write(const struct actor *who, const char *action, const char *record,
    const char *detail)
{
	sqlite3_stmt	*st;
	unsigned char	 prev[AUDIT_HASH_LEN], hash[AUDIT_HASH_LEN];
	int64_t		 id = 0;
	char		 at[32];
	int		 rc;

	memset(prev, 0, sizeof prev);
	st = sql_query(SQL_AUDIT_LAST);
	rc = sql_step(st);
	if (rc < 0)
		return NJ_ERROR;
	if (rc == 1) {
		id = sqlite3_column_int64(st, 0);
		if (sqlite3_column_bytes(st, 1) == AUDIT_HASH_LEN)
			memcpy(prev, sqlite3_column_blob(st, 1), AUDIT_HASH_LEN);
	}
	sqlite3_reset(st);
	id++;
	clock_stamp(clock_now(), at, sizeof at);
	if (record == NULL)
		record = "";
	if (detail == NULL)
		detail = "";
	audit_hash(prev, id, at, who->login, who->from, action, record, detail,
	    hash);
	if (sql_exec(SQL_AUDIT_INSERT, id, at, who->login,
	    who->from, action, record, detail, SQL_BLOB(prev, AUDIT_HASH_LEN),
	    SQL_BLOB(hash, AUDIT_HASH_LEN)) != 0)
		return NJ_ERROR;
	/* R-SEC-8.4 issue 8 (4): the anchor follows after the commit */
	store->audit_head = id;
	memcpy(store->audit_hash, hash, sizeof store->audit_hash);
	return NJ_OK;
}

/*
 * Walk the whole chain. Returns 0 if intact, 1 if broken (*bad is the first
 * row that does not fit), -1 on a database error. *rows counts the rows.
 */
int
audit_verify(int64_t *rows, int64_t *bad, char *err, size_t errlen)
{
	return audit_verify_from(0, rows, bad, err, errlen);
}

/*
 * Walk the chain after row from (0: the whole chain), starting from that
 * row's stored hash (issue 13 (4): the audit screen checks the newest
 * rows of a long log; the anchor vouches for the head). As audit_verify;
 * *rows counts the rows walked.
 */
int
audit_verify_from(int64_t from, int64_t *rows, int64_t *bad, char *err,
    size_t errlen)
{
	sqlite3_stmt	*st;
	unsigned char	 prev[AUDIT_HASH_LEN], hash[AUDIT_HASH_LEN];
	int64_t		 id, last = from;
	int		 rc;

	*rows = 0;
	*bad = 0;
	memset(prev, 0, sizeof prev);
	if (from > 0) {
		st = sql_query(SQL_AUDIT_HASH_AT, from);
		rc = sql_step(st);
		if (rc == 1 && sqlite3_column_bytes(st, 0) == AUDIT_HASH_LEN)
			memcpy(prev, sqlite3_column_blob(st, 0), AUDIT_HASH_LEN);
		sqlite3_reset(st);
		if (rc != 1) {
			*bad = from;
			xsnprintf(err, errlen, "审计日志缺少第 %lld 条",
			    (long long)from);
			return rc < 0 ? -1 : 1;
		}
	}
	st = from > 0 ? sql_query(SQL_AUDIT_AFTER, from) :
	    sql_query(SQL_AUDIT_ALL);
	while ((rc = sql_step(st)) == 1) {
		id = sqlite3_column_int64(st, 0);
		audit_hash(prev, id, sql_col(st, 1), sql_col(st, 2),
		    sql_col(st, 3), sql_col(st, 4), sql_col(st, 5),
		    sql_col(st, 6), hash);
		if (id != last + 1 ||
		    sqlite3_column_bytes(st, 7) != AUDIT_HASH_LEN ||
		    sqlite3_column_bytes(st, 8) != AUDIT_HASH_LEN ||
		    memcmp(sqlite3_column_blob(st, 7), prev,
		    AUDIT_HASH_LEN) != 0 ||
		    memcmp(sqlite3_column_blob(st, 8), hash,
		    AUDIT_HASH_LEN) != 0) {
			*bad = id;
			sqlite3_reset(st);
			xsnprintf(err, errlen, "审计日志第 %lld 条与链不符",
			    (long long)id);
			return 1;
		}
		memcpy(prev, hash, sizeof prev);
		last = id;
		(*rows)++;
	}
	sqlite3_reset(st);
	if (rc < 0) {
		xsnprintf(err, errlen, "数据库错误：%s", store_errmsg());
		return -1;
	}
	return 0;
}
