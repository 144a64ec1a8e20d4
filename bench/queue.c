/*
 * bench/queue.c: how fast a county's queues answer with a million sales
 * (issue 4: at most 20 ms). Makes (once) a database of N sales spread
 * over 22 counties, then, as a county clerk, fetches the first page of
 * the approval queue and of the verification queue, plain and filtered,
 * many times; prints the median and the worst, and as a baseline the
 * same page of a list on a small table (the user list), measured in the
 * same run.
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

/* Time RUNS fetches of a page; median and worst in ms, rows of a page. */
static void
measure(const struct actor *who, const char *list, const char *filter,
    double *median, double *worst, size_t *rows)
{
	struct list_page	page;
	char			msg[NJ_MSG_MAX];
	double			t[RUNS], t0;
	int			i;

	for (i = 0; i < RUNS; i++) {
		t0 = now_ms();
		if (list_fetch(who, list, filter, "", 0, 20, &page, msg,
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
		measure(&who, cases[i].list, cases[i].filter, &med, &worst,
		    &rows);
		if (i == 0)
			base = med;
		printf("  %-34s %7.2f ms (worst %6.2f, %zu rows, %.1fx baseline)%s\n",
		    cases[i].what, med, worst, rows, base > 0 ? med / base : 0,
		    i > 0 && med > 20 ? "  OVER 20 ms" : "");
		if (i > 0 && med > 20)
			over++;
	}
	db_close();
	printf("%s\n", over ? "target missed" : "every queue within 20 ms");
	return over ? 1 : 0;
}
