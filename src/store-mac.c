/*
 * store-mac.c: a keyed MAC over the security-relevant columns of each row
 * (R-SEC-8.5b issue 8 (5)): roles, scopes, password hashes and locks of
 * users; bans and suspensions; tier amounts; budgets; approval and payment
 * states. The MACs sit in row_macs (migration 005), one per row, and are
 * kept by TEMP triggers that every njbt connection with the key creates;
 * they call njbt_mac(), an application function keyed with a subkey of
 * the master key. Someone who edits the file without njbt (the sqlite3
 * shell: no key, no function, no triggers) leaves a stale, missing or
 * orphan MAC, which `njbt check` finds and names.
 *
 * The one table below lists the tables and their columns; a column that
 * the database does not have (yet) is left out, so that columns added by
 * later migrations can be listed here before they exist. The trigger and
 * check SQL is built from this table: identifiers only, never a value.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "store.h"

#define MAC_LEN		32
#define MAC_MAXCOLS	24	/* at most 32: a bit each in mac_present */
#define MAC_SQL_MAX	8192

struct mac_table {
	const char	*tbl;
	const char	*label;			/* in messages */
	const char	*key[3];		/* its primary key */
	const char	*cols[MAC_MAXCOLS];	/* under the MAC */
};

/*
 * R-SEC-8.5b issue 8 (5): what is under the MAC. Add rows or columns here
 * (and a migration is not needed: store_migrate recomputes every MAC after
 * each upgrade). users.post, lock_level, created_by and auth_epoch come
 * with migration 004 (issue 8 items 6 and 7); the frozen account of a
 * sale and the account a payment went to with 003 (item 1); pair locks
 * with 006 (item 8); a line's and a sale's top-up and the segments of
 * tier amounts with 008 (issue 10); the year's video threshold and check
 * mode, a tier's installed flag, a check's second verifier, its checklist
 * and finance's confirmation before a return with 009 (issue 10 items 5
 * and 7); a notice's end and the draws by lot with 010 (item 4).
 */
static const struct mac_table mac_tables[] = {
	{ "users", "用户", { "id" }, { "login", "role", "region", "maker_id",
	    "dealer_id", "pwhash", "must_change", "locked", "locked_until",
	    "post", "lock_level", "created_by", "auth_epoch" } },
	{ "makers", "生产企业", { "id" }, { "uscc", "status",
	    "status_until" } },
	{ "dealers", "经销商", { "id" }, { "uscc", "status", "status_until" } },
	{ "buyers", "购机者", { "id" }, { "idno_hash", "account_hash",
	    "township", "service_org", "banned_until" } },
	{ "programs", "实施方案", { "year" }, { "flow", "max_ratio_bp",
	    "key_threshold", "ban_years", "video_max", "verify_mode" } },
	{ "tiers", "补贴分档", { "id" }, { "year", "item_code", "code",
	    "central", "provincial", "city", "county", "cap", "installed" } },
	{ "topups", "累加补贴", { "id" }, { "year", "kind", "item_code",
	    "bp" } },
	{ "products", "产品", { "id" }, { "maker_id", "tier_id", "subsidy",
	    "status" } },
	/* issue 13 item 1: a filing's review and publicity (migration 014) */
	{ "filing_reviews", "投档审核", { "id" }, { "product_id", "result",
	    "publicity_id" } },
	{ "filing_publicities", "投档公示", { "id" }, { "pub_from", "pub_to",
	    "state" } },
	{ "budgets", "资金计划", { "year", "region" }, { "central",
	    "provincial", "work_funds", "committed_central",
	    "committed_provincial", "paid_central", "paid_provincial" } },
	{ "applications", "补贴申请", { "id" }, { "county", "buyer_id",
	    "state", "entered_by", "submitted_by", "decided_by" } },
	{ "application_lines", "申请明细", { "id" }, { "app_id", "tier_id",
	    "qty", "used", "central", "provincial", "city", "county",
	    "topup" } },
	{ "sales", "销售", { "id" }, { "county", "dealer_id", "buyer_id",
	    "tier_id", "central", "provincial", "city", "county_part",
	    "subsidy", "state", "pay_account_hash", "pay_bank_name",
	    "topup" } },
	/* issue 10 (10): the segments of a tier's amount (migration 008) */
	{ "tier_amounts", "分段补贴额", { "id" }, { "tier_id", "from_day",
	    "central", "provincial", "city", "county" } },
	{ "verifications", "核验", { "id" }, { "sale_id", "user_id",
	    "result", "partner", "review_no" } },
	{ "verification_checks", "核验清单", { "verification_id", "item" },
	    { "result" } },
	{ "batches", "结算批次", { "id" }, { "county", "state",
	    "approved_by" } },
	{ "payments", "支付", { "id" }, { "sale_id", "batch_id", "amount",
	    "central", "provincial", "by_user", "account_hash" } },
	/* R-SEC-8.8 issue 8 (8): a lock of a (login, address) pair */
	{ "login_pair_locks", "登录锁定", { "user_id", "addr" }, { "since",
	    "until" } },
	{ "returns", "退货", { "id" }, { "sale_id", "state", "refund" } },
	{ "return_confirms", "财政确认未支付", { "id" }, { "sale_id",
	    "batch_id", "by_user" } },
	/* issue 10 (4): a notice's end and a draw by lot (migration 010) */
	{ "notice_ends", "确认通知书交回/失效", { "notice_id" }, { "kind",
	    "on_date", "late", "central", "provincial", "by_user" } },
	{ "lotteries", "摇号", { "id" }, { "county", "year", "round", "seed",
	    "candidates", "drawn", "by_user" } },
	{ "lottery_entries", "摇号结果", { "lottery_id", "rank" }, { "app_id",
	    "buyer_id", "priority", "drawn", "central", "provincial" } },
	/* issue 13 item 3: a complaint's region, state, freeze and decision
	   (migration 016): a freeze lifted by hand is found */
	{ "complaints", "投诉举报", { "id" }, { "region", "state",
	    "about_type", "about_id", "frozen", "result", "violation_id" } },
};
#define NMAC (sizeof mac_tables / sizeof mac_tables[0])
_Static_assert(sizeof mac_tables / sizeof mac_tables[0] <= 32,
    "a bit per table in a uint32_t mask (store->macs)");

/* Which listed columns the database has: one bit per column (below). */
static uint32_t	mac_present[NMAC];
static sqlite3	*mac_present_db;

/* A small appending buffer for the SQL built from the table. */
struct sbuf {
	char	b[MAC_SQL_MAX];
	size_t	n;
	int	over;
};

static void
sb_add(struct sbuf *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
sb_add(struct sbuf *s, const char *fmt, ...)
{
	va_list	ap;
	int	r;

	if (s->over)
		return;
	va_start(ap, fmt);
	r = vsnprintf(s->b + s->n, sizeof s->b - s->n, fmt, ap);
	va_end(ap);
	if (r < 0 || (size_t)r >= sizeof s->b - s->n)
		s->over = 1;
	else
		s->n += (size_t)r;
}

/*
 * njbt_mac(tbl, key, name1, value1, ...): the keyed BLAKE2b of its
 * arguments, each tagged with its kind and length so that no two lists
 * of values run together.
 */
static void
mac_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	crypto_generichash_state st;
	unsigned char		 out[MAC_LEN], head[9];
	const unsigned char	*p;
	uint64_t		 n;
	int			 i, k;

	crypto_generichash_init(&st, store->kmac, sizeof store->kmac,
	    MAC_LEN);
	for (i = 0; i < argc; i++) {
		switch (sqlite3_value_type(argv[i])) {
		case SQLITE_NULL:
			head[0] = 'N';
			p = NULL;
			break;
		case SQLITE_BLOB:
			head[0] = 'B';
			p = sqlite3_value_blob(argv[i]);
			break;
		default:
			head[0] = 'T';
			p = sqlite3_value_text(argv[i]);
			break;
		}
		n = p != NULL ? (uint64_t)sqlite3_value_bytes(argv[i]) : 0;
		for (k = 0; k < 8; k++)
			head[1 + k] = (unsigned char)(n >> (8 * k));
		crypto_generichash_update(&st, head, sizeof head);
		if (n > 0)
			crypto_generichash_update(&st, p, (size_t)n);
	}
	crypto_generichash_final(&st, out, MAC_LEN);
	sqlite3_result_blob(cx, out, MAC_LEN, SQLITE_TRANSIENT);
}

/* Register njbt_mac on the connection (the key must be loaded). */
int
mac_register(void)
{
	mac_present_db = NULL;	/* a new connection: read them anew */
	if (!store->haskey)
		return NJ_OK;
	return sqlite3_create_function(store->db, "njbt_mac", -1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, mac_fn, NULL, NULL) ==
	    SQLITE_OK ? NJ_OK : NJ_ERROR;
}

/*
 * Which listed columns the database has, one bit per column of each
 * table: read once per connection (one PRAGMA a table), since the
 * triggers are made on every open.
 */

static void
mac_load_cols(void)
{
	sqlite3_stmt	*st;
	char		 q[256];
	const char	*name;
	size_t		 i, k;

	if (mac_present_db == store->db)
		return;
	for (i = 0; i < NMAC; i++) {
		mac_present[i] = 0;
		xsnprintf(q, sizeof q, "PRAGMA main.table_info(%s)",
		    mac_tables[i].tbl);
		if (sqlite3_prepare_v2(store->db, q, -1, &st, NULL) !=
		    SQLITE_OK)
			continue;
		while (sqlite3_step(st) == SQLITE_ROW) {
			name = (const char *)sqlite3_column_text(st, 1);
			for (k = 0; k < MAC_MAXCOLS &&
			    mac_tables[i].cols[k] != NULL; k++)
				if (name != NULL &&
				    strcmp(name, mac_tables[i].cols[k]) == 0)
					mac_present[i] |= 1u << k;
		}
		sqlite3_finalize(st);
	}
	mac_present_db = store->db;
}

/* The row key of alias p ("NEW", "t"): "12", or "2026|640122". */
static void
mac_key(struct sbuf *s, const struct mac_table *t, const char *p)
{
	size_t i;

	for (i = 0; i < 3 && t->key[i] != NULL; i++)
		sb_add(s, "%sCAST(%s.%s AS TEXT)", i ? " || '|' || " : "", p,
		    t->key[i]);
}

/* njbt_mac('tbl', key, 'col', p.col, ...) over the columns present. */
static void
mac_call(struct sbuf *s, const struct mac_table *t, const char *p)
{
	size_t i;

	sb_add(s, "njbt_mac('%s', ", t->tbl);
	mac_key(s, t, p);
	for (i = 0; i < MAC_MAXCOLS && t->cols[i] != NULL; i++)
		if (mac_present[t - mac_tables] & (1u << i))
			sb_add(s, ", '%s', %s.%s", t->cols[i], p, t->cols[i]);
	sb_add(s, ")");
}

/* A trigger's end: after sep, the NEW row's MAC is stored. */
static void
mac_insert_new(struct sbuf *s, const struct mac_table *t, const char *sep)
{
	sb_add(s, "%sINSERT INTO row_macs(tbl, key, mac) VALUES ('%s', ", sep,
	    t->tbl);
	mac_key(s, t, "NEW");
	sb_add(s, ", ");
	mac_call(s, t, "NEW");
	sb_add(s, "); END; ");
}

static int
mac_exec(struct sbuf *s)
{
	if (s->over)
		abort();	/* the table outgrew the buffer: a bug */
	return sqlite3_exec(store->db, s->b, NULL, NULL, NULL) == SQLITE_OK ?
	    NJ_OK : NJ_ERROR;
}

/* Does the database have row_macs (version 5 and later)? */
static int
mac_ready(void)
{
	return sqlite3_table_column_metadata(store->db, "main", "row_macs",
	    "mac", NULL, NULL, NULL, NULL, NULL) == SQLITE_OK;
}

/*
 * The TEMP triggers that keep row_macs for the tables of mask (a bit per
 * row of mac_tables): after every insert, update and delete. A connection
 * makes a table's triggers just before its first statement that writes
 * the table (sql_get, through mac_need): making all 78 cost a write two
 * thirds of its process, and most actions write two or three listed
 * tables, or none. Nothing if the database has no row_macs yet (before
 * migration 005) or there is no key.
 */
static int
mac_make(uint32_t mask)
{
	struct sbuf	*s;
	size_t		 i;
	int		 rc = NJ_OK;

	if (!store->haskey || !mac_ready())
		return NJ_OK;
	mac_load_cols();
	s = xcalloc(1, sizeof *s);
	for (i = 0; i < NMAC && rc == NJ_OK; i++) {
		const struct mac_table *t = &mac_tables[i];

		if (!(mask & (1u << i)))
			continue;
		s->n = 0;
		if (store->macs & (1u << i))	/* the schema changed */
			sb_add(s, "DROP TRIGGER IF EXISTS temp.njbt_mac_%s_i; "
			    "DROP TRIGGER IF EXISTS temp.njbt_mac_%s_u; "
			    "DROP TRIGGER IF EXISTS temp.njbt_mac_%s_d; ",
			    t->tbl, t->tbl, t->tbl);
		/* insert: a stale row of a deleted row's key goes first */
		sb_add(s, "CREATE TEMP TRIGGER njbt_mac_%s_i AFTER INSERT ON "
		    "main.%s BEGIN DELETE FROM row_macs WHERE tbl = '%s' "
		    "AND key = ", t->tbl, t->tbl, t->tbl);
		mac_key(s, t, "NEW");
		mac_insert_new(s, t, "; ");
		sb_add(s, "CREATE TEMP TRIGGER njbt_mac_%s_u AFTER UPDATE ON "
		    "main.%s BEGIN DELETE FROM row_macs WHERE tbl = '%s' "
		    "AND key IN (", t->tbl, t->tbl, t->tbl);
		mac_key(s, t, "OLD");
		sb_add(s, ", ");
		mac_key(s, t, "NEW");
		mac_insert_new(s, t, "); ");
		sb_add(s, "CREATE TEMP TRIGGER njbt_mac_%s_d AFTER DELETE ON "
		    "main.%s BEGIN DELETE FROM row_macs WHERE tbl = '%s' "
		    "AND key = ", t->tbl, t->tbl, t->tbl);
		mac_key(s, t, "OLD");
		sb_add(s, "; END;");
		if ((rc = mac_exec(s)) == NJ_OK) {
			store->macs |= 1u << i;
			if (store->intx)	/* gone if it rolls back */
				store->macs_tx |= 1u << i;
		}
	}
	free(s);
	return rc;
}

/* Every table's triggers, made again (after a migration). */
int
mac_triggers(void)
{
	mac_present_db = NULL;	/* the schema may have changed */
	return mac_make((uint32_t)((1ull << NMAC) - 1));
}

/*
 * Before a statement that writes the tables of mask (mac_watch_end):
 * the triggers of those it lacks, if this connection keeps MACs (the
 * latest version, with the key; older versions get theirs from the
 * migration, store_migrate_done).
 */
int
mac_need(uint32_t mask)
{
	mask &= ~store->macs;
	if (mask == 0 || !store->macs_due)
		return NJ_OK;
	return mac_make(mask);
}

/*
 * While a statement is prepared: the listed tables it writes, itself or
 * through the triggers and foreign keys compiled into it, as SQLite's
 * authorizer sees them.
 */
static uint32_t	mac_watched;

static int
mac_watch(void *arg, int code, const char *a1, const char *a2,
    const char *dbname, const char *trigger)
{
	size_t i;

	(void)arg;
	(void)a2;
	(void)trigger;
	if ((code != SQLITE_INSERT && code != SQLITE_UPDATE &&
	    code != SQLITE_DELETE) || a1 == NULL ||
	    (dbname != NULL && strcmp(dbname, "main") != 0))
		return SQLITE_OK;
	for (i = 0; i < NMAC; i++)
		if (strcmp(a1, mac_tables[i].tbl) == 0)
			mac_watched |= 1u << i;
	return SQLITE_OK;
}

void
mac_watch_begin(void)
{
	mac_watched = 0;
	sqlite3_set_authorizer(store->db, mac_watch, NULL);
}

uint32_t
mac_watch_end(void)
{
	sqlite3_set_authorizer(store->db, NULL, NULL);
	return mac_watched;
}

/*
 * Compute the MAC of every row, and of the schema, afresh, inside the
 * caller's transaction:
 * migration 005, and after every upgrade (a later migration may change
 * or add columns under the MAC).
 */
int
mac_rebuild(void)
{
	struct sbuf	*s;
	size_t		 i;
	int		 rc;

	if (!store->haskey || !mac_ready())
		return NJ_OK;
	mac_present_db = NULL;
	mac_load_cols();
	if (sql_exec(SQL_MAC_CLEAR) != 0)
		return NJ_ERROR;
	s = xcalloc(1, sizeof *s);
	for (i = 0, rc = NJ_OK; i < NMAC && rc == NJ_OK; i++) {
		s->n = 0;
		sb_add(s, "INSERT INTO main.row_macs(tbl, key, mac) "
		    "SELECT '%s', ", mac_tables[i].tbl);
		mac_key(s, &mac_tables[i], "t");
		sb_add(s, ", ");
		mac_call(s, &mac_tables[i], "t");
		sb_add(s, " FROM main.%s AS t", mac_tables[i].tbl);
		rc = mac_exec(s);
	}
	free(s);
	if (rc == NJ_OK && sql_exec(SQL_MAC_SCHEMA_SET) != 0)
		rc = NJ_ERROR;
	return rc;
}

/*
 * Check every row of t against its MAC: detail names the first bad rows.
 * Returns the number of rows at fault (stale or missing MACs, and MACs of
 * rows that are gone), or -1 on a database error.
 */
static int64_t
mac_check_table(const struct mac_table *t, char *detail, size_t len)
{
	struct sbuf	*s = xcalloc(1, sizeof *s);
	sqlite3_stmt	*st = NULL;
	int64_t		 bad = 0, macs = 0, gone;
	size_t		 used;
	int		 rc;

	sb_add(s, "SELECT ");
	mac_key(s, t, "t");
	sb_add(s, ", m.mac IS NULL FROM main.%s AS t LEFT JOIN main.row_macs "
	    "AS m ON m.tbl = '%s' AND m.key = ", t->tbl, t->tbl);
	mac_key(s, t, "t");
	sb_add(s, " WHERE m.mac IS NOT ");
	mac_call(s, t, "t");
	if (s->over)
		abort();
	if (sqlite3_prepare_v2(store->db, s->b, -1, &st, NULL) != SQLITE_OK)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (bad < 3) {
			used = strlen(detail);
			xsnprintf(detail + used, len - used, "%s%s表 id=%s 的安全字段"
			    "%s", *detail ? "；" : "", t->label,
			    sqlite3_column_text(st, 0),
			    sqlite3_column_int(st, 1) ? "没有校验值（在 njbt 之外"
			    "插入）" : "被篡改（在 njbt 之外修改）");
		}
		bad++;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != SQLITE_DONE)
		goto fail;

	/* MACs of rows that are gone: a row deleted outside njbt */
	if (sql_int(&macs, SQL_MAC_COUNT, t->tbl) < 0)
		goto fail;
	s->n = 0;
	sb_add(s, "SELECT count(*) FROM main.%s AS t JOIN main.row_macs AS m "
	    "ON m.tbl = '%s' AND m.key = ", t->tbl, t->tbl);
	mac_key(s, t, "t");
	if (s->over || sqlite3_prepare_v2(store->db, s->b, -1, &st, NULL) !=
	    SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
		goto fail;
	gone = macs - sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (gone > 0) {
		used = strlen(detail);
		xsnprintf(detail + used, len - used, "%s%s表有 %lld 行在 njbt 之外"
		    "被删除", *detail ? "；" : "", t->label, (long long)gone);
		bad += gone;
	}
	free(s);
	return bad;
fail:
	sqlite3_finalize(st);
	free(s);
	xsnprintf(detail, len, "数据库错误：%s", store_errmsg());
	return -1;
}

/*
 * `njbt check`: every listed row against its MAC. Returns 0 if all fit,
 * 1 if any row is at fault (detail names them), -1 on an error.
 */
int
mac_verify(char *detail, size_t len)
{
	size_t	i;
	int64_t	n, bad = 0;

	detail[0] = '\0';
	if (!store->haskey) {
		xsnprintf(detail, len, "没有密钥，无法校验");
		return -1;
	}
	if (!mac_ready()) {
		xsnprintf(detail, len, "数据库版本过旧，没有安全字段校验值");
		return -1;
	}
	mac_load_cols();
	/* the schema first: an added trigger could keep stale MACs fresh */
	if (sql_int(&n, SQL_MAC_SCHEMA_OK) < 0) {
		xsnprintf(detail, len, "数据库错误：%s", store_errmsg());
		return -1;
	}
	if (n != 1) {
		xsnprintf(detail, len, "数据库结构（表、索引、触发器）在 njbt 之外被"
		    "改动");
		bad++;
	}
	for (i = 0; i < NMAC; i++) {
		n = mac_check_table(&mac_tables[i], detail, len);
		if (n < 0)
			return -1;
		bad += n;
	}
	if (bad > 0) {
		char	tail[64];
		size_t	used = strlen(detail);

		xsnprintf(tail, sizeof tail, "（共 %lld 处）", (long long)bad);
		if (used + strlen(tail) < len)
			strlcpy0(detail + used, tail, len - used);
		return 1;
	}
	return 0;
}
