/*
 * bench/queue.c: how fast a county's queues answer with a million sales
 * (issue 4: at most 20 ms). Makes (once) a database of N sales spread
 * over 22 counties, then, as a county clerk, fetches the first page of
 * the approval queue and of the verification queue, plain and filtered,
 * many times; prints the median and the worst, and as a baseline the
 * same page of a list on a small table (the user list), measured in the
 * same run.
 *
 * Then (issue 15 item 1) the province's sales list as the admin sees it,
 * paged as the list screen pages (list_seek): page 1 as the baseline,
 * the page at row 2,000 and at row 900,000 (PgDn from the row before),
 * End, PgUp after End, and filters of 1, 2 and 3+ characters (in every
 * name, in one, in none: a prefix typed that starts no name); target:
 * each within 2x page 1 (the keys of the deep rows are found once, before
 * the timing, by a straight query).
 *
 * Then (issue 15 items 1-2) the audit log as the auditor pages it, with
 * AUDIT_ROWS rows (raw test rows, added once to the cached database):
 * page 1 as the baseline, a page at row 1,900,000, End, PgUp after End,
 * a login's and a time range's deep pages; and `njbt list` of the
 * province's sales as it walks them (list_seek from the last key of each
 * page of 500, cmd-list.c), the whole list once: its last pages against
 * its first (medians of 50).
 *
 *   build/bench-queue [N] [FILE]     (default 1000000, /tmp/njbt-million.db)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "million.h"
#include "timing.h"

#define RUNS	41
#define AUDIT_ROWS	2000000

/*
 * Time RUNS fetches of a page as the list screen fetches it (list_seek);
 * median and worst in ms, rows of a page.
 */
static void
measure_seek(const struct actor *who, const char *list, const char *filter,
    int64_t from, int dir, double *median, double *worst, size_t *rows)
{
	struct list_page	page;
	char			msg[NJ_MSG_MAX];
	double			t[RUNS], t0;
	int			i;

	for (i = 0; i < RUNS; i++) {
		t0 = now_ms();
		if (list_seek(who, list, filter, "", from, dir, 20, &page, msg,
		    sizeof msg) != NJ_OK) {
			fprintf(stderr, "bench-queue: %s: %s\n", list, msg);
			exit(1);
		}
		t[i] = now_ms() - t0;
		*rows = page.nrows;
		list_page_free(&page);
	}
	qsort(t, RUNS, sizeof t[0], dcmp);
	*median = t[RUNS / 2];
	*worst = t[RUNS - 1];
}

/* the whole sales list, newest first */
#define SALES_NEWEST	"SELECT id FROM sales ORDER BY id DESC"

/* The key at place n of query (keys in a list's order, 0 the first). */
static int64_t
key_at(const char *query, int n)
{
	sqlite3_stmt	*st;
	int64_t		 id = LIST_EDGE;
	char		 sql[512];

	snprintf(sql, sizeof sql, "%s LIMIT 1 OFFSET ?1", query);
	if (sqlite3_prepare_v2(store->db, sql, -1, &st, NULL) != SQLITE_OK)
		million_die("key_at");
	sqlite3_bind_int(st, 1, n);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* One case of a list's paging: a filter (or search) from a key. */
struct seek_case {
	const char	*what;
	const char	*filter;
	int64_t		 from;
	int		 dir;
};

/*
 * Time each case (RUNS pages of list for who) against the first, page 1,
 * and print them; how many cost over 2x page 1.
 */
static int
seek_report(const struct actor *who, const char *list,
    const struct seek_case *c, size_t n)
{
	double	med, worst, base = 0;
	size_t	i, rows;
	int	over = 0;

	for (i = 0; i < n; i++) {
		measure_seek(who, list, c[i].filter, c[i].from, c[i].dir, &med,
		    &worst, &rows);
		if (i == 0)
			base = med;
		printf("  %-34s %7.2f ms (worst %6.2f, %zu rows, %.1fx page 1)"
		    "%s\n", c[i].what, med, worst, rows, base > 0 ? med / base :
		    0, i > 0 && med > 2 * base && med > 1 ? "  OVER 2x" : "");
		if (i > 0 && med > 2 * base && med > 1)
			over++;
	}
	return over;
}

/* Deep pages and filters of the sales list (issue 15 item 1). */
static int
seek_cases(int n)
{
	struct seek_case c[] = {
		{ "page 1 (baseline)", "", LIST_EDGE, 1 },
		{ "row 2,001 (PgDn from 2,000)", "", 0, 1 },
		{ "row 900,001 (PgDn)", "", 0, 1 },
		{ "End", "", LIST_EDGE, -1 },
		{ "PgUp after End", "", 0, -1 },
		{ "filter, 1 character", "购", LIST_EDGE, 1 },
		{ "filter, 2 characters", "购机", LIST_EDGE, 1 },
		{ "filter, 3+ characters (a name)", "购机者0012345", LIST_EDGE,
		    1 },
		{ "filter, 3+ characters (a serial)", "M000054321",
		    LIST_EDGE, 1 },
		{ "filter, 3+ characters (mid-name)", "0012345",
		    LIST_EDGE, 1 },
		/* a prefix or a text in no name: found by the indexes, it
		   walked the whole list before */
		{ "filter, 1 character in no name", "欧", LIST_EDGE, 1 },
		{ "filter, 2 characters in no name", "欧阳", LIST_EDGE, 1 },
		{ "filter, 3+ characters in no name", "欧阳修", LIST_EDGE, 1 },
	};
	struct actor	 admin;
	struct list_page end;
	char		 err[NJ_MSG_MAX];

	if (actor_load("admin", &admin, err, sizeof err) != 0) {
		fprintf(stderr, "bench-queue: %s\n", err);
		return 1;
	}
	c[1].from = key_at(SALES_NEWEST, 1999);
	c[2].from = key_at(SALES_NEWEST, n > 900000 ? 899999 : n - 21);
	if (list_seek(&admin, "sales", "", "", LIST_EDGE, -1, 20, &end, err,
	    sizeof err) != NJ_OK || end.nrows == 0) {
		fprintf(stderr, "bench-queue: End: %s\n", err);
		return 1;
	}
	c[4].from = end.keys[0];
	list_page_free(&end);
	printf("bench/queue: the sales list of the province (admin), %d "
	    "sales, pages of 20 by list_seek, median of %d\n", n, RUNS);
	return seek_report(&admin, "sales", c, sizeof c / sizeof c[0]);
}

/*
 * AUDIT_ROWS audit rows, once (what a million sales leave: several
 * rows each), by 40 logins of the demo, over a year's days.
 */
static void
audit_fill(void)
{
	sqlite3_stmt	*st;
	int64_t		 have = 0;

	st = million_prep("SELECT count(*) FROM audit");
	if (sqlite3_step(st) == SQLITE_ROW)
		have = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (have >= AUDIT_ROWS)
		return;
	fprintf(stderr, "bench-queue: adding %d audit rows (once) ...\n",
	    AUDIT_ROWS);
	if (sqlite3_exec(store->db, "INSERT INTO audit(at, login, addr, "
	    "action, record, detail, prev, hash) WITH RECURSIVE k(i) AS "
	    "(SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 2000000), "
	    "u(n, login) AS (SELECT row_number() OVER (ORDER BY login), login "
	    "FROM users WHERE role NOT IN ('register', 'console') LIMIT 40) "
	    "SELECT strftime('%Y-%m-%d %H:%M:%S', '2026-01-01', '+' || (i * "
	    "15) || ' seconds'), (SELECT login FROM u WHERE n = 1 + i % "
	    "(SELECT count(*) FROM u)), '127.0.0.1', CASE i % 4 WHEN 0 THEN "
	    "'sale.new' WHEN 1 THEN 'verify.pass' WHEN 2 THEN 'print.sales' "
	    "ELSE 'application.new' END, printf('XS%09d', i / 3), 'bench', "
	    "x'00', x'00' FROM k", NULL, NULL, NULL) != SQLITE_OK)
		million_die("audit rows");
}

/* Time RUNS pages of the audit log for search from key from. */
static int
audit_cases(void)
{
	struct seek_case c[] = {
		{ "page 1 (baseline)", "", LIST_EDGE, 1 },
		{ "row 1,900,001 (PgDn)", "", 0, 1 },
		{ "End", "", LIST_EDGE, -1 },
		{ "PgUp after End", "", 0, -1 },
		{ "a login, page 1", "user=hl_jb", LIST_EDGE, 1 },
		{ "a login, at row 1,900,001", "user=hl_jb", 0, 1 },
		{ "a month, page 1", "from=2026-03-01 to=2026-03-31",
		    LIST_EDGE, 1 },
		{ "a month, at its row 150,001", "from=2026-03-01 "
		    "to=2026-03-31", 0, 1 },
		{ "a region, page 1", "region=640122", LIST_EDGE, 1 },
		{ "a region, at row 1,900,001", "region=640122", 0, 1 },
	};
	struct actor	 auditor;
	struct list_page end;
	char		 err[NJ_MSG_MAX];

	audit_fill();
	if (actor_load("jjjc", &auditor, err, sizeof err) != 0) {
		fprintf(stderr, "bench-queue: %s\n", err);
		return 1;
	}
	c[1].from = c[5].from = c[9].from = key_at("SELECT id FROM audit "
	    "ORDER BY id DESC", 1900000);
	c[7].from = key_at("SELECT id FROM audit WHERE at >= '2026-03-01' "
	    "AND at < '2026-03-31~' ORDER BY at DESC, id DESC", 150000);
	if (list_seek(&auditor, "audit_log", "", "", LIST_EDGE, -1, 20, &end,
	    err, sizeof err) != NJ_OK || end.nrows == 0) {
		fprintf(stderr, "bench-queue: End: %s\n", err);
		return 1;
	}
	c[3].from = end.keys[0];
	list_page_free(&end);
	printf("bench/queue: the audit log (auditor), %d rows and more, "
	    "pages of 20 by list_seek, median of %d\n", AUDIT_ROWS, RUNS);
	return seek_report(&auditor, "audit_log", c, sizeof c / sizeof c[0]);
}

/*
 * `njbt list sales` as the admin, walked as cmd-list.c walks it: pages
 * of 500 from the last key of each, the whole list once; the median of
 * its first 50 pages against the median of its last 50 (a walk by offset
 * grew with its depth: quadratic), and the whole walk's time.
 */
#define WALK_EDGE	50

static int
list_walk(void)
{
	struct actor	 admin;
	struct list_page p;
	char		 err[NJ_MSG_MAX];
	double		*t = NULL, t0, all = 0, first, last;
	int64_t		 from = LIST_EDGE;
	size_t		 rows = 0, cap = 0, pages = 0;
	int		 more;

	if (actor_load("admin", &admin, err, sizeof err) != 0) {
		fprintf(stderr, "bench-queue: %s\n", err);
		return 1;
	}
	do {
		t0 = now_ms();
		if (list_seek(&admin, "sales", "", "", from, 1, 500, &p, err,
		    sizeof err) != NJ_OK) {
			fprintf(stderr, "bench-queue: list: %s\n", err);
			return 1;
		}
		if (pages == cap && (t = realloc(t, (cap = cap * 2 + 64) *
		    sizeof *t)) == NULL)
			million_die("realloc");
		t[pages] = now_ms() - t0;
		all += t[pages++];
		rows += p.nrows;
		if (p.nrows > 0)
			from = p.keys[p.nrows - 1];
		more = p.more;
		list_page_free(&p);
	} while (more);
	if (pages < 2 * WALK_EDGE) {
		free(t);
		return 0;
	}
	qsort(t, WALK_EDGE, sizeof t[0], dcmp);
	qsort(t + pages - WALK_EDGE, WALK_EDGE, sizeof t[0], dcmp);
	first = t[WALK_EDGE / 2];
	last = t[pages - WALK_EDGE + WALK_EDGE / 2];
	free(t);
	printf("bench/queue: njbt list sales (admin), %zu rows in %zu pages "
	    "of 500 by key: %.0f ms in all\n  its first %d pages %.2f ms "
	    "each (median), its last %d %.2f ms (%.1fx)%s\n", rows, pages,
	    all, WALK_EDGE, first, WALK_EDGE, last, first > 0 ? last / first :
	    0, last > 2 * first ? "  OVER 2x" : "");
	return last > 2 * first;
}

int
main(int argc, char **argv)
{
	static const struct {
		const char	*list;
		const char	*filter;
		const char	*what;
	} cases[] = {
		{ "users", "", "baseline: user list (small table)" },
		{ "approve_queue", "", "approval queue" },
		{ "approve_queue", "购机者00", "approval queue, filtered" },
		{ "verify_queue", "", "verification queue" },
		{ "verify_queue", "购机者00", "verification queue, filtered" },
	};
	struct actor	 who;
	const char	*path = argc > 2 ? argv[2] : "/tmp/njbt-million.db";
	char		 err[NJ_MSG_MAX];
	double		 med, worst, base = 0;
	size_t		 i, rows;
	int		 n = argc > 1 ? atoi(argv[1]) : 1000000, over = 0;

	setenv("NJBT_NOW", "2026-05-20T10:00:00", 1);
	million_make(path, n);
	if (db_open(path, err, sizeof err) != 0 ||
	    actor_load("hl_sh", &who, err, sizeof err) != 0) {
		fprintf(stderr, "bench-queue: %s\n", err);
		return 1;
	}
	printf("bench/queue: %d sales, county 640122, first page of 20, "
	    "median of %d\n", n, RUNS);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		measure_seek(&who, cases[i].list, cases[i].filter, LIST_EDGE,
		    1, &med, &worst, &rows);
		if (i == 0)
			base = med;
		printf("  %-34s %7.2f ms (worst %6.2f, %zu rows, %.1fx baseline)%s\n",
		    cases[i].what, med, worst, rows, base > 0 ? med / base : 0,
		    i > 0 && med > 20 ? "  OVER 20 ms" : "");
		if (i > 0 && med > 20)
			over++;
	}
	printf("%s\n", over ? "target missed" : "every queue within 20 ms");
	over += seek_cases(n);
	over += audit_cases();
	over += list_walk();
	db_close();
	printf("%s\n", over ? "target missed" : "every page and filter within "
	    "2x page 1 (or 1 ms)");
	return over ? 1 : 0;
}
