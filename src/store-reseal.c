/*
 * store-reseal.c: the C step of migration 005 (R-SEC-8.5a issue 8 (5)).
 * Private values were sealed with their column alone as associated data
 * ("buyers.account"); from version 5 the row is in it too
 * ("buyers.account#12"). SQL cannot re-seal (it needs the key), so this
 * opens every sealed value with the old associated data and seals it
 * again with the new, inside the migration's transaction. A value that
 * does not open is left as it is (it did not open before either).
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "store.h"

#define RESEAL_MAX	65536

/* Re-seal column col of row id from blob (NULL: none) into *out. */
static int
reseal_one(const void *blob, size_t len, const char *col, int64_t id,
    unsigned char **out, size_t *outlen)
{
	char	*plain;
	int	 rc;

	*out = NULL;
	*outlen = 0;
	if (blob == NULL || len == 0)
		return 0;
	plain = xcalloc(1, RESEAL_MAX);
	rc = crypt_open_ad(blob, len, col, plain, RESEAL_MAX);
	if (rc == 0)
		crypt_seal(plain, col, id, out, outlen);
	sodium_memzero(plain, RESEAL_MAX);
	free(plain);
	return rc == 0;
}

/* The blob of column i of st, copied (statements are reused below). */
static void *
reseal_col(sqlite3_stmt *st, int i, size_t *len)
{
	const void	*b = sqlite3_column_blob(st, i);
	void		*c;

	*len = (size_t)sqlite3_column_bytes(st, i);
	if (b == NULL || *len == 0)
		return NULL;
	c = xcalloc(1, *len);
	memcpy(c, b, *len);
	return c;
}

/* One blob: re-sealed if it opens, else kept as it was. */
struct reseal {
	void		*old;
	size_t		 oldlen;
	unsigned char	*new;
	size_t		 newlen;
};

static void
reseal_take(struct reseal *r, sqlite3_stmt *st, int i, const char *col,
    int64_t id)
{
	r->old = reseal_col(st, i, &r->oldlen);
	if (!reseal_one(r->old, r->oldlen, col, id, &r->new, &r->newlen)) {
		r->new = r->old;	/* keep it */
		r->newlen = r->oldlen;
		r->old = NULL;
	}
}

static void
reseal_free(struct reseal *r)
{
	free(r->old);
	free(r->new);
	memset(r, 0, sizeof *r);
}

/*
 * Every sealed column, by table: next walks the rows (column 0 the row's
 * key, column adcol the id its values are sealed to, the blobs after it),
 * set writes them back (?1 the key, then one blob a column). A sale's
 * frozen account (R-SEC-8.1c) is a copy of its buyer's sealed account: it
 * is sealed as buyers.account of the buyer's row (adcol 1), so that it
 * opens only on a sale of that buyer. Drafts, keyed by user and form, are
 * apart (reseal_drafts). The re-seal and `njbt check` walk this one table;
 * the tables made after migration 005, their values sealed to their rows
 * from the start, only `njbt check` walks (set SQL__COUNT: none).
 */
static const struct sealed_table {
	enum sql	 next;
	enum sql	 set;
	const char	*what;		/* in messages */
	int		 adcol;
	const char	*cols[3];
} sealed_tables[] = {
	{ SQL_RESEAL_BUYER_NEXT, SQL_RESEAL_BUYER_SET, "购机者", 0,
	    { "buyers.idno", "buyers.phone", "buyers.account" } },
	{ SQL_RESEAL_MAKER_NEXT, SQL_RESEAL_MAKER_SET, "生产企业", 0,
	    { "makers.phone" } },
	{ SQL_RESEAL_DEALER_NEXT, SQL_RESEAL_DEALER_SET, "经销商", 0,
	    { "dealers.phone" } },
	{ SQL_RESEAL_FROZEN_NEXT, SQL_RESEAL_FROZEN_SET, "销售（冻结账户）", 1,
	    { "buyers.account" } },
	/* R-SEC-8.5a: a complaint's lead and phone (issue 13 item 3), a
	 * violation's party (issue 13 item 2): ID numbers and a phone */
	{ SQL_SEALED_COMPLAINT_NEXT, SQL__COUNT, "投诉举报", 0,
	    { "complaints.about", "complaints.phone" } },
	{ SQL_SEALED_VIOLATION_NEXT, SQL__COUNT, "违规处理", 0,
	    { "violations.party" } },
};
#define NSEALED (sizeof sealed_tables / sizeof sealed_tables[0])

/* Re-seal every sealed column of table t, row after row. */
static int
reseal_table(const struct sealed_table *t)
{
	struct reseal	 r[3];
	struct sql_arg	 args[4];
	sqlite3_stmt	*st;
	int64_t		 id = 0;
	int		 rc, n, i;

	for (n = 0; n < 3 && t->cols[n] != NULL; n++)
		;
	for (;;) {
		st = sql_query(t->next, id);
		if ((rc = sql_step(st)) != 1)
			break;
		id = sqlite3_column_int64(st, 0);
		memset(r, 0, sizeof r);
		for (i = 0; i < n; i++)
			reseal_take(&r[i], st, t->adcol + 1 + i, t->cols[i],
			    sqlite3_column_int64(st, t->adcol));
		sqlite3_reset(st);
		/* the row's id, then its n sealed columns */
		args[0] = SQL_ARG(id);
		for (i = 0; i < n; i++)
			args[1 + i] = SQL_BLOB(r[i].new, r[i].newlen);
		rc = sql_exec_n(t->set, args, 1 + n);
		for (i = 0; i < n; i++)
			reseal_free(&r[i]);
		if (rc != 0)
			return NJ_ERROR;
	}
	sqlite3_reset(st);
	return rc < 0 ? NJ_ERROR : NJ_OK;
}

static int
reseal_drafts(void)
{
	struct reseal	 r;
	sqlite3_stmt	*st;
	int64_t		 user = 0;
	char		 form[256] = "", col[300];
	int		 rc;

	for (;;) {
		st = sql_query(SQL_RESEAL_DRAFT_NEXT, user, form);
		if ((rc = sql_step(st)) != 1)
			break;
		user = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, form, sizeof form);
		/* old: "drafts.data"; new: "drafts.data:FORM#user" (draft.c) */
		r.old = reseal_col(st, 2, &r.oldlen);
		r.new = NULL;
		r.newlen = 0;
		sqlite3_reset(st);
		xsnprintf(col, sizeof col, "drafts.data:%s", form);
		if (r.old != NULL) {
			char *plain = xcalloc(1, RESEAL_MAX);

			if (crypt_open_ad(r.old, r.oldlen, "drafts.data", plain,
			    RESEAL_MAX) == 0)
				crypt_seal(plain, col, user, &r.new,
				    &r.newlen);
			sodium_memzero(plain, RESEAL_MAX);
			free(plain);
		}
		rc = r.new != NULL ? sql_exec(SQL_RESEAL_DRAFT_SET, user,
		    form, SQL_BLOB(r.new, r.newlen)) : 0;
		reseal_free(&r);
		if (rc != 0)
			return NJ_ERROR;
	}
	sqlite3_reset(st);
	return rc < 0 ? NJ_ERROR : NJ_OK;
}

/* Migration 005's C step: every sealed value, bound to its row. */
int
store_reseal_rows(void)
{
	size_t t;

	if (!store->haskey)
		return NJ_ERROR;
	for (t = 0; t < NSEALED; t++)
		if (sealed_tables[t].set != SQL__COUNT &&
		    reseal_table(&sealed_tables[t]) != NJ_OK)
			return NJ_ERROR;
	return reseal_drafts();
}

/*
 * `njbt check` (R-SEC-8.5a issue 8 (5)): every sealed value opens in the
 * row and column it sits in. A value copied from another row or column,
 * or changed, does not. Returns the number that do not, or -1.
 */
static int64_t
sealed_check_one(sqlite3_stmt *st, int i, const char *col, int64_t id,
    int64_t row, const char *what, char *detail, size_t len, int64_t bad)
{
	const void	*b = sqlite3_column_blob(st, i);
	char		*plain;
	size_t		 used;
	int		 rc;

	if (b == NULL)
		return 0;
	plain = xcalloc(1, RESEAL_MAX);
	rc = crypt_open(b, (size_t)sqlite3_column_bytes(st, i), col, id, plain,
	    RESEAL_MAX);
	sodium_memzero(plain, RESEAL_MAX);
	free(plain);
	if (rc == 0)
		return 0;
	if (bad < 3) {
		used = strlen(detail);
		xsnprintf(detail + used, len - used, "%s%s id=%lld 的加密字段"
		    "无法解密（被复制、调换或改动）", *detail ? "；" : "", what,
		    (long long)row);
	}
	return 1;
}

int
sealed_verify(char *detail, size_t len)
{
	const struct sealed_table *tt;
	sqlite3_stmt	*st;
	int64_t		 id, bad = 0;
	size_t		 t, c;
	int		 rc = 0, k;

	detail[0] = '\0';
	for (t = 0; t < NSEALED; t++) {
		tt = &sealed_tables[t];
		for (id = 0;;) {
			st = sql_query(tt->next, id);
			if ((rc = sql_step(st)) != 1)
				break;
			id = sqlite3_column_int64(st, 0);
			k = tt->adcol;
			for (c = 0; c < 3 && tt->cols[c] != NULL; c++)
				bad += sealed_check_one(st, k + 1 + (int)c,
				    tt->cols[c], sqlite3_column_int64(st, k),
				    id, tt->what, detail, len, bad);
		}
		sqlite3_reset(st);
		if (rc < 0) {
			xsnprintf(detail, len, "数据库错误：%s", store_errmsg());
			return -1;
		}
	}
	return bad > 0 ? (int)(bad > 1000000 ? 1000000 : bad) : 0;
}
