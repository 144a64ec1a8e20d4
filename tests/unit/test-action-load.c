/*
 * test-action-load.c: the row loaders of action-load.c and the typed
 * arguments of store-sql.c. For every statement a loader reads, SQLite's
 * own column names must be the loader's, in its order (so a column added
 * to SALE_ROW_COLS without its loader row, or the other way round, fails
 * here); the loaders fill rows from the demo; each kind of argument binds
 * as it should, and a wrong count of arguments aborts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <sodium.h>

#include "fixture.h"
#include "actions.h"
#include "settle.h"

/* Each statement's columns are its loader's, by count, name and order. */
static void
columns_match_loaders(void **state)
{
	const struct load_kind	*k;
	sqlite3_stmt		*st;
	size_t			 i, c;

	(void)state;
	for (i = 0; i < load_nuses; i++) {
		k = &load_kinds[load_uses[i].kind];
		st = sql_get(load_uses[i].stmt);
		if ((size_t)sqlite3_column_count(st) != k->ncols)
			fprintf(stderr, "%s: %d columns, loader %s reads %zu\n",
			    sql_name(load_uses[i].stmt),
			    sqlite3_column_count(st), k->name, k->ncols);
		assert_int_equal(sqlite3_column_count(st), k->ncols);
		for (c = 0; c < k->ncols; c++) {
			if (strcmp(sqlite3_column_name(st, (int)c),
			    k->cols[c].name) != 0)
				fprintf(stderr, "%s column %zu: %s, loader %s "
				    "reads %s\n", sql_name(load_uses[i].stmt),
				    c, sqlite3_column_name(st, (int)c),
				    k->name, k->cols[c].name);
			assert_string_equal(sqlite3_column_name(st, (int)c),
			    k->cols[c].name);
		}
	}
}

/* Every kind is read by at least one statement, so every table is checked. */
static void
every_kind_is_used(void **state)
{
	size_t i, k;
	int used;

	(void)state;
	for (k = 0; k < LOAD__COUNT; k++) {
		used = 0;
		for (i = 0; i < load_nuses; i++)
			used |= load_uses[i].kind == (enum load_kind_id)k;
		assert_non_null(load_kinds[k].name);
		assert_true(used);
	}
}

/* The March tractor and its batch, loaded, say what their rows say. */
static void
load_sale_and_batch_fill_rows(void **state)
{
	struct sale_row		 s;
	struct batch_row	 b;
	sqlite3_stmt		*st;
	char			 q[256];
	int64_t			 id;

	(void)state;
	st_settle(ST_BATCHED, 0);
	id = strtoll(st_tl, NULL, 10);
	memset(&s, 0xff, sizeof s);
	st = sql_query(SQL_SALE_GET, id);
	assert_int_equal(sql_step(st), 1);
	load_sale(st, &s);
	sqlite3_reset(st);
	assert_int_equal(s.id, id);
	assert_int_equal(s.is_key, 1);
	assert_int_equal(s.licensed, 1);
	assert_string_equal(s.county, "640122");
	assert_int_equal(s.central + s.provincial + s.city + s.county_part,
	    s.subsidy);
	snprintf(q, sizeof q, "SELECT count(*) FROM sales s JOIN buyers b "
	    "ON b.id = s.buyer_id WHERE s.id = %lld AND s.year = %d AND "
	    "s.state = ?1 AND s.price = %lld AND s.sold_on = ?2 AND "
	    "s.dealer_id = %lld AND s.tier_id = %lld AND ifnull(s.app_id, 0) = "
	    "%lld", (long long)id, s.year, (long long)s.price,
	    (long long)s.dealer, (long long)s.tier, (long long)s.app);
	assert_int_equal(fx_int(q, s.state, s.sold_on, NULL), 1);

	st = sql_query(SQL_BATCH_BY_NO, BATCH);
	assert_int_equal(sql_step(st), 1);
	load_batch(st, &b);
	sqlite3_reset(st);
	assert_string_equal(b.no, BATCH);
	assert_string_equal(b.county, "640122");
	assert_string_equal(b.month, "2026-03");
	assert_int_equal(b.year, 2026);
	assert_int_equal(b.seq, 1);
	assert_string_equal(b.approved, "");
}

/* A dealer of the demo, loaded, says what its row says; none, refused. */
static void
load_org_fills_the_row(void **state)
{
	struct org_row	 o;
	sqlite3_stmt	*st;
	int64_t		 id = fx_int("SELECT min(id) FROM dealers", NULL);
	char		 q[256];

	(void)state;
	assert_true(id > 0);
	st = sql_query(SQL_DEALER_BY_ID, id);
	assert_int_equal(sql_step(st), 1);
	load_org(st, &o);
	sqlite3_reset(st);
	assert_int_equal(o.id, id);
	snprintf(q, sizeof q, "SELECT count(*) FROM dealers WHERE id = %lld "
	    "AND name = ?1 AND uscc = ?2 AND status = ?3", (long long)id);
	assert_int_equal(fx_int(q, o.name, o.uscc, o.status, NULL), 1);
	/* a credit code that finds no row is refused, naming it */
	fx_refused("未知的经销商：不是代码", "ss_maker", "dealer.pick",
	    "dealer=不是代码", NULL);
}

/* Integers of every width, texts, a NULL text, blobs and SQL_NULL. */
static void
typed_arguments_bind(void **state)
{
	const char	*none = NULL;
	char		 key[] = "t-blob";
	unsigned char	 blob[3] = { 1, 0, 2 };
	unsigned char	 small = 7;
	short		 neg = -3;
	long long	 big = 1234567890123LL;

	(void)state;
	assert_int_equal(sql_exec(SQL_META_SET, "t-uchar", small), 0);
	assert_int_equal(sql_exec(SQL_META_SET, "t-short", neg), 0);
	assert_int_equal(sql_exec(SQL_META_SET, "t-ll", big), 0);
	assert_int_equal(sql_exec(SQL_META_SET, key, SQL_BLOB(blob, 3)), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM meta WHERE "
	    "(k = 't-uchar' AND v = '7') OR (k = 't-short' AND v = '-3') OR "
	    "(k = 't-ll' AND v = '1234567890123') OR (k = 't-blob' AND "
	    "typeof(v) = 'blob' AND length(v) = 3)", NULL), 4);
	/* meta.v is NOT NULL: a NULL text and SQL_NULL are refused */
	assert_int_equal(sql_exec(SQL_META_SET, "t-null", none), -1);
	assert_int_equal(sql_exec(SQL_META_SET, "t-null", SQL_NULL), -1);
	assert_int_equal(sql_exec(SQL_META_SET, "t-null",
	    SQL_BLOB(NULL, 0)), -1);
}

/* Run f in a child; did it abort? */
static int
aborts(void (*f)(void))
{
	pid_t	pid;
	int	status;

	fflush(NULL);
	if ((pid = fork()) == 0) {
		f();
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static void
too_few(void)
{
	sql_query(SQL_META_GET);
}

static void
too_many(void)
{
	sql_query(SQL_META_GET, "a", 1);
}

static void
shared_too_few(void)
{
	sql_query_shared(SQL_META_SET, "a");
}

static void
just_right(void)
{
	sql_query(SQL_META_GET, "a");
	sql_query_shared(SQL_META_GET, "a", 2, 3);
}

/* A count of arguments other than the statement's parameters aborts. */
static void
wrong_count_aborts(void **state)
{
	(void)state;
	assert_int_equal(aborts(too_few), 1);
	assert_int_equal(aborts(too_many), 1);
	assert_int_equal(aborts(shared_too_few), 1);
	assert_int_equal(aborts(just_right), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(columns_match_loaders),
		FX_TEST(every_kind_is_used),
		FX_TEST(load_sale_and_batch_fill_rows),
		FX_TEST(load_org_fills_the_row),
		FX_TEST(typed_arguments_bind),
		FX_TEST(wrong_count_aborts),
	};

	if (sodium_init() < 0)
		return 1;
	return FX_RUN(tests);
}
