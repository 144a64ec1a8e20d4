/*
 * fixture.h: what the action tests share. The demo province is built once
 * per test program (fx_group_setup; or copied from the one tests/run built
 * for the whole run, $NJBT_DEMO, when its clock $NJBT_DEMO_NOW is FX_NOW)
 * and copied fresh for every test (fx_setup), with the clock fixed at
 * FX_NOW. fx_do() runs an action as a
 * login exactly as `njbt do` does; fx_refused() also proves that a refusal
 * wrote nothing, by a hash of every row of every table before and after.
 *
 * Include after <cmocka.h>. Tests may use SQLite directly (fx_int) to look
 * at what an action stored.
 */
#ifndef NJBT_TEST_FIXTURE_H
#define NJBT_TEST_FIXTURE_H

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actions.h"

#ifndef FX_NOW
#define FX_NOW "2026-03-02T09:30:00"
#endif

static char	fx_tmpl[256];		/* the demo database, built once */
static char	fx_path[300];		/* this test's copy */
static char	fx_err[NJ_MSG_MAX];	/* the last refusal */
static char	fx_field[32];
static char	fx_key[NJ_KEY_MAX];	/* the last key */
static char	fx_outbuf[8192];	/* the last output lines */
static char	fx_done[NJ_MSG_MAX];	/* the last "done" sentence */

/*
 * Copy the file from+suffix to to+suffix (mode 0600), in this process: a
 * shell per copy costs more than the copy under the sanitizers. 0, or -1
 * if from+suffix is not there and may be missing.
 */
static int
fx_copy_one(const char *from, const char *to, const char *suffix,
    int may_miss)
{
	char	src[512], dst[512], buf[65536];
	ssize_t	n;
	int	in, out;

	snprintf(src, sizeof src, "%s%s", from, suffix);
	snprintf(dst, sizeof dst, "%s%s", to, suffix);
	if ((in = open(src, O_RDONLY)) < 0) {
		if (may_miss && errno == ENOENT)
			return -1;
		abort();
	}
	if ((out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0)
		abort();
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n)
			abort();
	if (n < 0 || close(out) != 0)
		abort();
	close(in);
	return 0;
}

static void
fx_copy(const char *from, const char *to)
{
	fx_copy_one(from, to, "", 0);
	fx_copy_one(from, to, ".key", 0);
	/* the audit anchor goes with the copy (R-SEC-8.4 issue 8 (4)) */
	fx_copy_one(from, to, ".anchor", 1);
}

static int
fx_group_setup(void **state)
{
	char		 dir[160], err[NJ_MSG_MAX];
	const char	*demo, *now, *tmp;
	int		 from, to;

	(void)state;
	/* $TMPDIR: tests/run gives a memory-backed one where it can */
	tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/njbt-test-XXXXXX",
	    tmp != NULL && *tmp == '/' ? tmp : "/tmp");
	setenv("NJBT_NOW", FX_NOW, 1);
	setenv("TZ", "Asia/Shanghai", 1);
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(fx_tmpl, sizeof fx_tmpl, "%s/demo.db", dir);
	/* tests/run built the demo once for the whole run, at its clock */
	demo = getenv("NJBT_DEMO");
	now = getenv("NJBT_DEMO_NOW");
	if (demo != NULL && now != NULL && strcmp(now, FX_NOW) == 0 &&
	    access(demo, R_OK) == 0) {
		fx_copy(demo, fx_tmpl);
		return 0;
	}
	if (db_init(fx_tmpl, &from, &to, err, sizeof err) != 0 ||
	    demo_load(err, sizeof err) != 0) {
		fprintf(stderr, "fixture: %s\n", err);
		abort();
	}
	sqlite3_exec(store->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL,
	    NULL);
	db_close();
	return 0;
}

static int
fx_group_teardown(void **state)
{
	char cmd[2048];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf \"$(dirname '%s')\"", fx_tmpl);
	if (system(cmd) != 0)
		return -1;
	return 0;
}

static int
fx_setup(void **state)
{
	static int	n;
	char		err[NJ_MSG_MAX];

	(void)state;
	/* every test starts at the fixture's clock, whatever the last one
	 * moved it to */
	setenv("NJBT_NOW", FX_NOW, 1);
	snprintf(fx_path, sizeof fx_path, "%s.%d.db", fx_tmpl, n++);
	fx_copy(fx_tmpl, fx_path);
	if (db_open(fx_path, err, sizeof err) != 0) {
		fprintf(stderr, "fixture: %s\n", err);
		abort();
	}
	return 0;
}

static int
fx_teardown(void **state)
{
	static const char *const suffixes[] = { "", ".key", "-wal", "-shm",
	    ".anchor", ".drafts", ".drafts-wal", ".drafts-shm" };
	char	path[512];
	size_t	i;
	int	rc = 0;

	(void)state;
	db_close();
	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(path, sizeof path, "%s%s", fx_path, suffixes[i]);
		if (unlink(path) != 0 && errno != ENOENT)
			rc = -1;
	}
	return rc;
}

/* Run action as login (NULL: the console) with "k=v" args, NULL-ended. */
static int
fx_vdo(const char *login, const char *action, va_list ap)
{
	const char	*names[32], *values[32], *arg;
	char		 buf[32][1024], *eq;
	struct actor	 who;
	struct act	*a = NULL;
	int		 n = 0, rc;

	fx_err[0] = fx_field[0] = fx_key[0] = fx_outbuf[0] = fx_done[0] = '\0';
	if (login == NULL)
		actor_console(&who);
	else if (actor_load(login, &who, fx_err, sizeof fx_err) != 0)
		return NJ_REFUSED;
	while ((arg = va_arg(ap, const char *)) != NULL && n < 32) {
		snprintf(buf[n], sizeof buf[n], "%s", arg);
		if ((eq = strchr(buf[n], '=')) == NULL)
			abort();
		*eq = '\0';
		names[n] = buf[n];
		values[n] = eq + 1;
		n++;
	}
	rc = action_run(&who, action, n, names, values, &a);
	snprintf(fx_err, sizeof fx_err, "%s", a->err);
	snprintf(fx_field, sizeof fx_field, "%s", a->errfield);
	snprintf(fx_key, sizeof fx_key, "%s", a->key);
	snprintf(fx_outbuf, sizeof fx_outbuf, "%s", a->out ? a->out : "");
	snprintf(fx_done, sizeof fx_done, "%s", a->done);
	act_free(&a);
	return rc;
}

static int
fx_do(const char *login, const char *action, ...)
{
	va_list	ap;
	int	rc;

	va_start(ap, action);
	rc = fx_vdo(login, action, ap);
	va_end(ap);
	return rc;
}

/*
 * A hash of every row of every table: equal before and after = no write
 * (but for the log of a refused private look-up, which a refusal writes).
 */
static uint64_t
fx_snapshot(void)
{
	sqlite3_stmt	*tables, *rows;
	uint64_t	 h = 1469598103934665603ULL;
	char		 sql[256];
	const unsigned char *p;
	int		 i, n, k;

	if (sqlite3_prepare_v2(store->db, "SELECT name FROM sqlite_master "
	    "WHERE type = 'table' ORDER BY name", -1, &tables, NULL) !=
	    SQLITE_OK)
		abort();
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(tables, 0);

		/* R-SEC-8.2b issue 8 (2): a refused look-up by a private
		 * value is logged; that is the one write a refusal makes */
		if (strcmp(t, "lookup_refusals") == 0)
			continue;
		if (strcmp(t, "audit") == 0)
			snprintf(sql, sizeof sql, "SELECT * FROM audit WHERE "
			    "action NOT LIKE '%% refused'");
		else
			snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", t);
		if (sqlite3_prepare_v2(store->db, sql, -1, &rows, NULL) !=
		    SQLITE_OK)
			abort();
		while (sqlite3_step(rows) == SQLITE_ROW) {
			n = sqlite3_column_count(rows);
			for (i = 0; i < n; i++) {
				p = sqlite3_column_blob(rows, i);
				k = sqlite3_column_bytes(rows, i);
				while (k-- > 0 && p != NULL)
					h = (h ^ *p++) * 1099511628211ULL;
				h = (h ^ 0xff) * 1099511628211ULL;
			}
		}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	return h;
}

/*
 * Assert that action as login is refused (exit 1), that nothing was
 * written, and that the reason contains want (in Chinese).
 */
#define fx_refused(want, login, action, ...) do {			\
	uint64_t fx_before_ = fx_snapshot();				\
	int fx_rc_ = fx_do(login, action, __VA_ARGS__);			\
	if (fx_rc_ != NJ_REFUSED || strstr(fx_err, want) == NULL)	\
		fprintf(stderr, "%s:%d: rc %d, reason \"%s\", wanted \"%s\"\n", \
		    __FILE__, __LINE__, fx_rc_, fx_err, want);		\
	assert_int_equal(fx_rc_, NJ_REFUSED);				\
	assert_non_null(strstr(fx_err, want));				\
	assert_true(fx_snapshot() == fx_before_);			\
} while (0)

/* Assert that action as login is done; prints the reason if not. */
#define fx_ok(login, action, ...) do {					\
	int fx_rc_ = fx_do(login, action, __VA_ARGS__);			\
	if (fx_rc_ != NJ_OK)						\
		fprintf(stderr, "%s:%d: %s refused: %s: %s\n", __FILE__,	\
		    __LINE__, action, fx_field, fx_err);		\
	assert_int_equal(fx_rc_, NJ_OK);				\
} while (0)

/* sql prepared, with ?1, ?2... bound to the texts in ap up to a NULL. */
static sqlite3_stmt *
fx_stmt(const char *sql, va_list ap)
{
	sqlite3_stmt	*st;
	const char	*t;
	int		 i = 1;

	if (sqlite3_prepare_v2(store->db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(store->db));
		fail();
	}
	while ((t = va_arg(ap, const char *)) != NULL)
		sqlite3_bind_text(st, i++, t, -1, SQLITE_TRANSIENT);
	return st;
}

/* The first column of a query's first row as an integer (-1 if none). */
static int64_t
fx_int(const char *sql, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;
	int64_t		 v = -1;

	va_start(ap, sql);
	st = fx_stmt(sql, ap);
	va_end(ap);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

#include "helpers.h"

/* Shorthands for tests that use the fixture for every case. */
#define FX_TEST(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)
#define FX_RUN(tests) cmocka_run_group_tests(tests, fx_group_setup, \
	fx_group_teardown)

#endif
