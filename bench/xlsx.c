/*
 * bench/xlsx.c: the province's monthly settlement detail (附表6) with a
 * million sales as xlsx against the same sheet as CSV (issue 12: under 3
 * times the CSV's time, under 64 MB resident; libxlsxwriter in its
 * constant-memory mode, rows written in order).
 *
 * Makes (or reuses) the database of bench/print.c (million.h, April 2026
 * settled by april.h), then runs, alternately and RUNS times each, in the
 * same run:
 *
 *   njbt print detail --month 2026-04 -o FILE.csv
 *   njbt print detail --month 2026-04 -o FILE.xlsx
 *
 * and prints the medians, their ratio and each one's peak RSS (wait4's
 * ru_maxrss of the child). Exits 1 if a target is missed; with fewer than
 * a million sales (the cheap run tests/cli/bench-xlsx.sh makes) the
 * figures are printed and checked for sense but the targets not enforced.
 *
 *   build/bench-xlsx [N] [DB] [NJBT] [RUNS]
 *       (default 1000000, /tmp/njbt-million.db, build/njbt, 3)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "april.h"

#define RSS_MAX_KB	(64 * 1024)
#define RATIO_MAX	3.0
#define FULL		1000000

/* The set-up in a child of its own: its memory stays there. */
static void
setup(const char *path, int n)
{
	pid_t	pid;
	int	status;

	fflush(stdout);
	if ((pid = fork()) < 0)
		die("fork");
	if (pid == 0) {
		million_make(path, n);
		settle_april(path);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid)
		die("waitpid");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench-xlsx: set-up failed\n");
		exit(1);
	}
}

/* Is path a zip (an xlsx) of some size? */
static long
xlsx_size(const char *path)
{
	FILE	*fp = fopen(path, "rb");
	char	 pk[2];
	long	 n = -1;

	if (fp == NULL)
		return -1;
	if (fread(pk, 1, 2, fp) == 2 && pk[0] == 'P' && pk[1] == 'K' &&
	    fseek(fp, 0, SEEK_END) == 0)
		n = ftell(fp);
	fclose(fp);
	return n;
}

int
main(int argc, char **argv)
{
	const char	*path = argc > 2 ? argv[2] : "/tmp/njbt-million.db";
	const char	*njbt = argc > 3 ? argv[3] : "build/njbt";
	int		 n = argc > 1 ? atoi(argv[1]) : FULL;
	int		 runs = argc > 4 ? atoi(argv[4]) : 3, ok, sane;
	char		 csv[512], xlsx[512], *cargv[8], *xargv[8];
	double		*tc, *tx, mc, mx;
	long		 rss_c = 0, rss_x = 0, lc, sx;

	if (runs < 1 || runs > 99 || n < 1) {
		fprintf(stderr, "usage: bench-xlsx [N] [DB] [NJBT] [RUNS]\n");
		return 2;
	}
	setenv("NJBT_NOW", "2026-06-10T10:00:00", 1);
	setup(path, n);
	snprintf(csv, sizeof csv, "%s.bench-xlsx.csv", path);
	snprintf(xlsx, sizeof xlsx, "%s.bench-xlsx.xlsx", path);
	setenv("NJBT_DB", path, 1);
	cargv[0] = xargv[0] = (char *)njbt;
	cargv[1] = xargv[1] = (char *)"print";
	cargv[2] = xargv[2] = (char *)"detail";
	cargv[3] = xargv[3] = (char *)"--month";
	cargv[4] = xargv[4] = (char *)MONTH;
	cargv[5] = xargv[5] = (char *)"-o";
	cargv[6] = csv;
	xargv[6] = xlsx;
	cargv[7] = xargv[7] = NULL;
	tc = calloc((size_t)runs, sizeof *tc);
	tx = calloc((size_t)runs, sizeof *tx);
	if (tc == NULL || tx == NULL)
		die("calloc");

	printf("bench/xlsx: %d sales, detail (附表6) of the province, month "
	    MONTH ", median of %d, alternating\n", n, runs);
	printf("  csv:  %s print detail --month " MONTH " -o FILE.csv\n", njbt);
	printf("  xlsx: %s print detail --month " MONTH " -o FILE.xlsx "
	    "(constant-memory mode)\n", njbt);
	alternate(runs, cargv, NULL, NULL, xargv, tc, tx, &rss_c, &rss_x, "csv",
	    "xlsx");
	qsort(tc, (size_t)runs, sizeof tc[0], dcmp);
	qsort(tx, (size_t)runs, sizeof tx[0], dcmp);
	mc = tc[runs / 2];
	mx = tx[runs / 2];
	lc = lines_of(csv);
	sx = xlsx_size(xlsx);
	printf("  rows: csv %ld (+ header and 合计); xlsx %ld bytes\n", lc - 2,
	    sx);
	printf("  csv:  %.2f s median (peak RSS %.1f MB)\n", mc,
	    rss_c / 1024.0);
	printf("  xlsx: %.2f s median (peak RSS %.1f MB)\n", mx,
	    rss_x / 1024.0);
	printf("  ratio xlsx/csv (medians): %.2f (target < %.0f): %s\n",
	    mx / mc, RATIO_MAX, mx / mc < RATIO_MAX ? "met" : "MISSED");
	printf("  xlsx peak RSS: %.1f MB (target < 64 MB): %s\n",
	    rss_x / 1024.0, rss_x < RSS_MAX_KB ? "met" : "MISSED");
	sane = lc > 2 && sx > 0 && mc > 0 && mx > 0;
	ok = sane && mx / mc < RATIO_MAX && rss_x < RSS_MAX_KB;
	unlink(csv);
	unlink(xlsx);
	free(tc);
	free(tx);
	if (!sane) {
		printf("NO SHEET\n");
		return 1;
	}
	if (n < FULL) {
		printf("figures only (%d sales: targets are for %d)\n", n, FULL);
		return 0;
	}
	printf("%s\n", ok ? "targets met" : "target missed");
	return ok ? 0 : 1;
}
