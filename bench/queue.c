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
 * End, PgUp after End, and filters of 1, 2 and 3+ characters; target:
 * each within 2x page 1 (the keys of the deep rows are found once, before
 * the timing, by a straight query).
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

/* The key of the sale at place n (0: the newest) of the whole list. */
static int64_t
sale_at(int n)
{
	sqlite3_stmt	*st;
	int64_t		 id = LIST_EDGE;

	if (sqlite3_prepare_v2(store->db, "SELECT id FROM sales ORDER BY id "
	    "DESC LIMIT 1 OFFSET ?1", -1, &st, NULL) != SQLITE_OK)
		million_die("sale_at");
	sqlite3_bind_int(st, 1, n);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* Deep pages and filters of the sales list (issue 15 item 1). */
static int
seek_cases(int n)
{
	struct {
		const char	*what;
		const char	*filter;
		int64_t		 from;
		int		 dir;
	} c[] = {
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
	};
	struct actor	 admin;
	struct list_page end;
	char		 err[NJ_MSG_MAX];
	double		 med, worst, base = 0;
	size_t		 i, rows;
	int		 over = 0;

	if (actor_load("admin", &admin, err, sizeof err) != 0) {
		fprintf(stderr, "bench-queue: %s\n", err);
		return 1;
	}
	c[1].from = sale_at(1999);
	c[2].from = sale_at(n > 900000 ? 899999 : n - 21);
	if (list_seek(&admin, "sales", "", "", LIST_EDGE, -1, 20, &end, err,
	    sizeof err) != NJ_OK || end.nrows == 0) {
		fprintf(stderr, "bench-queue: End: %s\n", err);
		return 1;
	}
	c[4].from = end.keys[0];
	list_page_free(&end);
	printf("bench/queue: the sales list of the province (admin), %d "
	    "sales, pages of 20 by list_seek, median of %d\n", n, RUNS);
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		measure_seek(&admin, "sales", c[i].filter, c[i].from, c[i].dir,
		    &med, &worst, &rows);
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
	db_close();
	printf("%s\n", over ? "target missed" : "every page and filter within "
	    "2x page 1 (or 1 ms)");
	return over ? 1 : 0;
}
