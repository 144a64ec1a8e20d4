/*
 * test-plan.c: issue 15 items 1 and 3, every list and printer statement
 * of the statement table (store-sql*.def: names with _LIST_, SQL_PRINT_,
 * SQL_XLSX_, SQL_AUDITLOG_, and the anomaly checks' SQL_FLAG_) reads a
 * big table (sales, buyers, machines, applications, notices, audit ...)
 * only by seeking into it: its EXPLAIN QUERY PLAN on the migrated demo
 * database has no SCAN of a big table, with or without an index. A SCAN
 * through an index reads every row in the index's order: a LIMIT may stop
 * it early on the first page, but EXPLAIN QUERY PLAN cannot tell (it
 * shows no LIMIT), and a deep page by OFFSET reads every row before it.
 * A seek list's walk is told apart by its key: "key < ?9" bounds the
 * walk, and the plan says SEARCH (rowid<?, or the index's columns and
 * the key), so a walk starts at the page whatever its depth. A scan of a
 * small table (regions, tiers, users, batches ...) is fine.
 *
 * A printer streams its whole result, row by row, in its table's order:
 * it may scan that table (through an index or not) when its plan has no
 * sort (no TEMP B-TREE FOR ORDER BY, so its memory stays one row at any
 * size). The printers are SQL_PRINT_, SQL_XLSX_ and the audit log's
 * search streams (SQL_AUDITLOG_ALL, _BY_*: print-audit.c; the list pages
 * by their _SEEK twins). With bound parameters the planner cannot see
 * their values, so the plan seen here is the one every call runs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <ctype.h>
#include <cmocka.h>

#include "fixture.h"
#include "actions.h"

static const struct {
	const char	*name;
	const char	*text;
} stmts[] = {
#define SQL(name, text) { #name, text },
#include "store-sql.def"
#undef SQL
};

/* The tables that grow with the sales of a year (or faster). */
static const char *const big[] = {
	"sales", "buyers", "machines", "applications", "application_lines",
	"notices", "verifications", "verification_checks", "anomalies",
	"batch_sales", "payments", "audit", "buyer_changes", "buyer_suffixes",
	"complaints", "photos", "reviews", "finance_checks", "returns",
	"lottery_entries", "application_flags", "lookup_refusals",
	"objections", "violations",
};
#define NBIG (sizeof big / sizeof big[0])

/* Is a statement a list's or a printer's? */
static int
is_read_side(const char *name)
{
	return strstr(name, "_LIST_") != NULL ||
	    strncmp(name, "SQL_PRINT_", 10) == 0 ||
	    strncmp(name, "SQL_XLSX_", 9) == 0 ||
	    strncmp(name, "SQL_AUDITLOG_", 13) == 0 ||
	    /* the anomaly checks, run on every sale and verification
	     * (anomaly.c; migration 019) */
	    strncmp(name, "SQL_FLAG_", 9) == 0;
}

static int
word_at(const char *text, const char *p, const char *w, size_t n)
{
	return strncmp(p, w, n) == 0 && (p == text || !(isalnum(
	    (unsigned char)p[-1]) || p[-1] == '_')) && !(isalnum(
	    (unsigned char)p[n]) || p[n] == '_');
}

/* Is word a table named before alias in text ("regions b")? */
static int
small_alias(const char *text, const char *alias)
{
	const char	*p, *w;
	size_t		 n = strlen(alias), i;

	for (p = text; (p = strstr(p, alias)) != NULL; p += n) {
		if (!word_at(text, p, alias, n) || p - text < 2 || p[-1] != ' ')
			continue;
		for (w = p - 1; w > text && (isalnum((unsigned char)w[-1]) ||
		    w[-1] == '_'); w--)
			;
		if (w == p - 1 || !islower((unsigned char)*w))
			continue;	/* a keyword (capitals) or none */
		for (i = 0; i < NBIG; i++)
			if (word_at(text, w, big[i], strlen(big[i])) &&
			    w + strlen(big[i]) == p - 1)
				break;
		if (i == NBIG && strncmp(w, "pg ", 3) != 0)
			return 1;
	}
	return 0;
}

/*
 * Is name (what a plan's SCAN names: a table or its alias) a big table
 * in text? An alias counts when text writes "TABLE alias" somewhere, and
 * never a small table before it (SQLite names a scan by its alias alone).
 */
static const char *
big_name(const char *text, const char *name)
{
	static const char *const kw[] = { "ON", "WHERE", "JOIN", "LEFT",
	    "CROSS", "USING", "ORDER", "GROUP", "LIMIT", "AS", "INNER",
	    "NATURAL", "UNION", "SET", "VALUES", "WINDOW" };
	const char	*p, *q;
	size_t		 i, k, n;

	for (i = 0; i < NBIG; i++) {
		n = strlen(big[i]);
		if (strcmp(name, big[i]) == 0)
			return big[i];
		for (p = text; (p = strstr(p, big[i])) != NULL; p += n) {
			if (!word_at(text, p, big[i], n) || p[n] != ' ')
				continue;
			q = p + n + 1;
			if (strncmp(q, "AS ", 3) == 0)
				q += 3;
			for (k = 0; k < sizeof kw / sizeof kw[0]; k++)
				if (word_at(text, q, kw[k], strlen(kw[k])))
					break;
			if (k == sizeof kw / sizeof kw[0] &&
			    word_at(text, q, name, strlen(name)) &&
			    !small_alias(text, name))
				return big[i];
		}
	}
	return NULL;
}

/* The full scans of big tables in the plan of text, printed; how many. */
static int
full_scans(const char *sname, const char *text)
{
	sqlite3_stmt	*st;
	char		 sql[65536], what[128];
	const char	*d, *t;
	int		 bad = 0, sorts = 0, streams;
	char		 first[256] = "";

	/* a printer that does not sort streams its table in order */
	streams = strncmp(sname, "SQL_PRINT_", 10) == 0 ||
	    strncmp(sname, "SQL_XLSX_", 9) == 0 ||
	    (strncmp(sname, "SQL_AUDITLOG_", 13) == 0 &&
	    strstr(sname, "_SEEK") == NULL && strstr(sname, "_MANY_") == NULL);

	snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN %s", text);
	if (sqlite3_prepare_v2(store->db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sname, sqlite3_errmsg(store->db));
		return 1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		d = (const char *)sqlite3_column_text(st, 3);
		if (d != NULL && strstr(d, "TEMP B-TREE FOR ORDER BY") != NULL)
			sorts++;
		if (d == NULL || strncmp(d, "SCAN ", 5) != 0 ||
		    strstr(d, "VIRTUAL TABLE") != NULL)
			continue;
		/* through an index: a printer's stream may, a list not */
		if (streams && (strstr(d, "USING INDEX") != NULL ||
		    strstr(d, "USING COVERING INDEX") != NULL))
			continue;
		snprintf(what, sizeof what, "%s", d + 5);
		what[strcspn(what, " ")] = '\0';
		if ((t = big_name(text, what)) != NULL && bad++ == 0)
			snprintf(first, sizeof first, "full scan of %s (%s)",
			    t, d);
	}
	sqlite3_finalize(st);
	if (bad > 0 && streams && sorts == 0)
		return 0;
	if (bad > 0)
		fprintf(stderr, "%s: %s%s\n", sname, first, streams ?
		    ", and a sort: not a stream" : "");
	return bad;
}

static void
print_plan(const char *text)
{
	sqlite3_stmt	*st;
	char		 sql[65536];

	snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN %s", text);
	if (sqlite3_prepare_v2(store->db, sql, -1, &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW)
		fprintf(stderr, "%3d %3d %s\n", sqlite3_column_int(st, 0),
		    sqlite3_column_int(st, 1), sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
}

/*
 * The full scans of big tables in every list and printer statement's
 * plan, printed; how many (*seen: how many statements). PLAN=SQL_NAME
 * prints that statement's plan (to look at one).
 */
static int
plan_all(int *seen)
{
	size_t	i;
	int	bad = 0;

	*seen = 0;
	for (i = 0; i < sizeof stmts / sizeof stmts[0]; i++) {
		if (getenv("PLAN") != NULL &&
		    strcmp(stmts[i].name, getenv("PLAN")) == 0)
			print_plan(stmts[i].text);
		if (!is_read_side(stmts[i].name))
			continue;
		(*seen)++;
		bad += full_scans(stmts[i].name, stmts[i].text);
	}
	return bad;
}

/* Every list and printer statement: no full scan of a big table. */
static void
no_full_scan(void **state)
{
	int		bad, seen;
	uint64_t	before = fx_snapshot();

	(void)state;
	/* migration 022 gave the demo's buyers their suffixes */
	assert_true(fx_int("SELECT count(*) FROM buyer_suffixes", NULL) >=
	    fx_int("SELECT count(*) FROM buyers WHERE length(name) >= 3",
	    NULL));
	bad = plan_all(&seen);
	assert_true(seen > 60);
	assert_int_equal(bad, 0);
	assert_true(fx_snapshot() == before);	/* a plan writes nothing */
}

/*
 * The same with a million sales' statistics: sqlite_stat1 of the
 * million-sale database (plan-million.sql, beside this file), as a
 * database has after an ANALYZE. With them the planner weighs each index
 * by its real spread and may choose otherwise than on the demo, which
 * has none (it did: the deadlines of a county walked every buyer).
 */
/* Load the million-sale statistics (plan-million.sql) into the test's
   copy of the demo, as an ANALYZE would have them. */
static void
million_stats(void)
{
	char *sql = fx_slurp("plan-million.sql"), *err = NULL;

	if (sqlite3_exec(store->db, "ANALYZE; DELETE FROM sqlite_stat1",
	    NULL, NULL, &err) != SQLITE_OK ||
	    sqlite3_exec(store->db, sql, NULL, NULL, &err) != SQLITE_OK ||
	    sqlite3_exec(store->db, "ANALYZE sqlite_schema", NULL, NULL,
	    &err) != SQLITE_OK)
		fail_msg("statistics: %s", err != NULL ? err : "?");
	free(sql);
	assert_true(fx_int("SELECT count(*) FROM sqlite_stat1 WHERE tbl = "
	    "'sales'", NULL) >= 10);
}

static void
no_full_scan_at_a_million(void **state)
{
	int seen;

	(void)state;
	million_stats();
	assert_int_equal(plan_all(&seen), 0);
}

/* Does the plan of statement name have a step that holds what? */
static int
plan_has(const char *name, const char *what)
{
	sqlite3_stmt	*st;
	char		 sql[16384];
	size_t		 i;
	int		 found = 0;

	for (i = 0; i < sizeof stmts / sizeof stmts[0]; i++)
		if (strcmp(stmts[i].name, name) == 0)
			break;
	assert_true(i < sizeof stmts / sizeof stmts[0]);
	snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN %s", stmts[i].text);
	assert_int_equal(sqlite3_prepare_v2(store->db, sql, -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (strstr((const char *)sqlite3_column_text(st, 3), what) !=
		    NULL)
			found = 1;
	sqlite3_finalize(st);
	return found;
}

/*
 * want: pairs of a statement's name and a step its plan has ("!STEP":
 * has not), NULL ended; each holds on the statistics as they are.
 */
static void
plans_hold(const char *const *want)
{
	size_t i;

	for (i = 0; want[i] != NULL; i += 2)
		if (want[i + 1][0] == '!')
			assert_false(plan_has(want[i], want[i + 1] + 1));
		else
			assert_true(plan_has(want[i], want[i + 1]));
}

/* As plans_hold, on the demo, then with a million sales' statistics. */
static void
plans_have(const char *const *want)
{
	plans_hold(want);
	million_stats();
	plans_hold(want);
}

/*
 * The verification queue's pages (issue 15 item 1, migration 021) seek
 * into the county's queue (sales_verify_queue: its rows alone, by county
 * and id) and walk it from the key, on the demo and with a million
 * sales' statistics. Their plan walked the sales by id from the oldest,
 * testing each: a SEARCH the check above lets pass (the key bounds it),
 * but the queue's rows are the newest sales, and the first page of a
 * county read the province's sales before them (3-10 ms at a million
 * against 0.05 ms).
 */
static void
verify_queue_seeks(void **state)
{
	static const char seek[] = "USING INDEX sales_verify_queue "
	    "(county=? AND id";

	(void)state;
	plans_have((const char *const[]){ "SQL_LIST_VERIFY_QUEUE", seek,
	    "SQL_LIST_VERIFY_QUEUE_BACK", seek, NULL });
}

/*
 * R-003-A2-7.1.4 003 附件2 第七条(一)4: the price check of every sale and
 * verification (SQL_FLAG_PRICE_SUBSIDY, migration 023) seeks the
 * dealer's sales of the year at the sale's net price and a lower price,
 * then a higher one: on the demo, with a million sales' statistics, and
 * with those of the million-sale bench, whose million sales are one
 * dealer's at one price (its plan then scanned every sale, and before
 * migration 023 the index gave them all: half a second a sale.new).
 */
static void
price_check_seeks(void **state)
{
	static const char *const want[] = {
		"SQL_FLAG_PRICE_SUBSIDY", "USING INDEX sales_dealer_net_price "
		    "(dealer_id=? AND year=? AND <expr>=? AND price<?)",
		"SQL_FLAG_PRICE_SUBSIDY", "USING INDEX sales_dealer_net_price "
		    "(dealer_id=? AND year=? AND <expr>=? AND price>?)",
		"SQL_FLAG_PRICE_SUBSIDY", "!SCAN s", NULL,
	};

	(void)state;
	plans_have(want);
	assert_int_equal(sqlite3_exec(store->db, "UPDATE sqlite_stat1 SET "
	    "stat = '1000000 1000000 1000000 1000000 1000000' WHERE idx = "
	    "'sales_dealer_net_price'; ANALYZE sqlite_schema", NULL, NULL,
	    NULL), SQLITE_OK);
	plans_hold(want);
}

/*
 * R-002-A2-10.5b 002 附件2 第十条(五): the burst check of every sale and
 * verification (SQL_FLAG_DEALER_BURST, migration 025) counts the
 * dealer's sales of the window in the index alone, their states with
 * them, on the demo and with a million sales' statistics.
 */
static void
burst_check_counts_the_index(void **state)
{
	(void)state;
	plans_have((const char *const[]){ "SQL_FLAG_DEALER_BURST",
	    "USING COVERING INDEX sales_dealer_burst (dealer_id=? AND "
	    "sold_on>? AND sold_on<?)", NULL });
}

/*
 * The check itself sees a scan: a straight query over the sales; a list
 * ordered by an index and paged by OFFSET (a SCAN ... USING INDEX: every
 * row before the page is read), which a printer may do and a list not;
 * a seek walk (the key bounds it: SEARCH) passes.
 */
static void
sees_a_scan(void **state)
{
	static const char by_index[] = "SELECT s.no FROM sales s ORDER BY "
	    "s.county, s.id LIMIT 20 OFFSET ?1";

	(void)state;
	assert_int_equal(full_scans("probe", "SELECT s.no FROM sales s "
	    "JOIN buyers b ON b.id = s.buyer_id WHERE instr(b.name, ?1) "
	    "ORDER BY s.id DESC LIMIT 20 OFFSET ?2") > 0, 1);
	assert_int_equal(full_scans("SQL_LIST_PROBE", by_index) > 0, 1);
	assert_int_equal(full_scans("SQL_PRINT_PROBE", by_index), 0);
	assert_int_equal(full_scans("SQL_LIST_PROBE", "SELECT s.no FROM "
	    "audit a, sales s WHERE s.id = a.id ORDER BY a.id DESC LIMIT 20 "
	    "OFFSET ?1") > 0, 1);
	assert_int_equal(full_scans("probe", "SELECT no FROM sales WHERE "
	    "id < ?1 ORDER BY id DESC LIMIT 20"), 0);
	assert_int_equal(full_scans("SQL_LIST_PROBE", "SELECT no FROM sales "
	    "WHERE county = ?1 AND id < ?2 ORDER BY id DESC LIMIT 20"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(sees_a_scan),
		FX_TEST(no_full_scan),
		FX_TEST(no_full_scan_at_a_million),
		FX_TEST(verify_queue_seeks),
		FX_TEST(price_check_seeks),
		FX_TEST(burst_check_counts_the_index),
	};

	return FX_RUN(tests);
}
