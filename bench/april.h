/*
 * bench/april.h: what the printing benchmarks (bench/print.c, bench/xlsx.c)
 * share: the million-sale database of million.h with April 2026 settled
 * on it by raw SQL (one paid batch per county, its payments: test data,
 * not the system's writing), and a clock.
 */
#ifndef NJBT_BENCH_APRIL_H
#define NJBT_BENCH_APRIL_H

#include <errno.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "million.h"
#include "timing.h"

#define MONTH		"2026-04"


static void
exec_sql(const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(store->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
}

static int64_t
count_sql(const char *sql)
{
	sqlite3_stmt	*st;
	int64_t		 v = -1;

	if (sqlite3_prepare_v2(store->db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench: %s\n", sqlite3_errmsg(store->db));
		exit(1);
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * The settlement of April, as batch.new ... finance.pay would leave it:
 * one batch per county, every paid sale of the county in it, a payment
 * per machine. Made once; a database that has it is reused.
 */
static void
settle_april(const char *path)
{
	char	err[NJ_MSG_MAX];
	double	t0 = now_s();

	if (db_open(path, err, sizeof err) != 0) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	if (count_sql("SELECT count(*) FROM batches WHERE month = '" MONTH
	    "'") > 0) {
		db_close();
		return;
	}
	fprintf(stderr, "bench: adding the batches and payments of "
	    MONTH " ...\n");
	exec_sql("BEGIN;"
	    "INSERT INTO batches(no, county, year, month, seq, state, pub_from, "
	    "pub_to, created_by, created_at, submitted_at, approved_by, "
	    "approved_at, paid_at) SELECT 'JS' || county || '202604-01', "
	    "county, 2026, '" MONTH "', 1, 'paid', '2026-05-06', '2026-05-12', "
	    "1, '2026-05-02 09:00:00', '2026-05-15 09:00:00', 1, "
	    "'2026-05-25 09:00:00', '2026-06-05 09:00:00' FROM "
	    "(SELECT DISTINCT county FROM sales ORDER BY county);"
	    "INSERT INTO batch_sales(batch_id, sale_id) SELECT b.id, s.id "
	    "FROM sales s JOIN batches b ON b.county = s.county "
	    "AND b.month = '" MONTH "' WHERE s.state = 'paid' "
	    "ORDER BY b.id, s.id;"
	    "INSERT INTO payments(sale_id, batch_id, amount, central, "
	    "provincial, paid_on, ref, by_user, at) SELECT s.id, x.batch_id, "
	    "s.subsidy, s.central, s.subsidy - s.central, '2026-06-05', "
	    "'YH' || s.id, 1, '2026-06-05 10:00:00' FROM batch_sales x "
	    "JOIN sales s ON s.id = x.sale_id;"
	    "COMMIT; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
	db_close();
	fprintf(stderr, "bench: done in %.1f s\n", now_s() - t0);
}

static void
die(const char *what)
{
	fprintf(stderr, "bench: %s: %s\n", what, strerror(errno));
	exit(1);
}

/*
 * Run argv with stdin from in (or not) and stdout to out; the wall time,
 * the child's peak RSS in kB. Exits if the child fails.
 */
static double
run(char *const argv[], const char *in, const char *out, long *rss)
{
	struct rusage	 ru;
	double		 t0;
	pid_t		 pid;
	int		 status;

	fflush(stdout);
	t0 = now_s();
	if ((pid = fork()) < 0)
		die("fork");
	if (pid == 0) {
		if (in != NULL && freopen(in, "r", stdin) == NULL)
			_exit(126);
		if (out != NULL && freopen(out, "w", stdout) == NULL)
			_exit(126);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) != pid)
		die("wait4");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench: %s failed (status %d)\n", argv[0],
		    status);
		exit(1);
	}
	*rss = ru.ru_maxrss;
	return now_s() - t0;
}

/* Lines in a file. */
static long
lines_of(const char *path)
{
	FILE	*fp = fopen(path, "r");
	long	 n = 0;
	int	 c;

	if (fp == NULL)
		return -1;
	while ((c = getc_unlocked(fp)) != EOF)
		n += c == '\n';
	fclose(fp);
	return n;
}

/*
 * Run a and b alternately, runs times: their wall times into ta and tb,
 * the largest peak RSS of each into *ra and *rb; a line per round naming
 * them na and nb.
 */
static void
alternate(int runs, char *const a[], const char *ain, const char *aout,
    char *const b[], double *ta, double *tb, long *ra, long *rb,
    const char *na, const char *nb)
{
	long	rss;
	int	i;

	*ra = *rb = 0;
	for (i = 0; i < runs; i++) {
		ta[i] = run(a, ain, aout, &rss);
		if (rss > *ra)
			*ra = rss;
		tb[i] = run(b, NULL, NULL, &rss);
		if (rss > *rb)
			*rb = rss;
		printf("  run %d: %s %.2f s, %s %.2f s\n", i + 1, na, ta[i],
		    nb, tb[i]);
		fflush(stdout);
	}
}

#endif
