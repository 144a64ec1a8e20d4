/*
 * bench/print.c: printing a province's monthly settlement detail (附表6)
 * with a million sales (issue 5: resident memory under 64 MB whatever the
 * size, at most 1.3 times as long as sqlite3 exporting the same rows).
 *
 * Makes (or reuses) the million-sale database of million.h, then, once,
 * adds by raw SQL what the settlement actions would have left for April
 * 2026: one paid batch per county holding its paid sales, and their
 * payments (test data, not the system's writing). Then it times, in the
 * same run, alternately and RUNS times each:
 *
 *   njbt print detail --month 2026-04 -o FILE      (the console: account
 *       and ID number decrypted, phone too, masked nowhere)
 *   sqlite3 -csv DB < the same statement > FILE    (baseline)
 *
 * The baseline runs njbt's own statement (taken from the statement table,
 * its parameters written in as literals) with the sealed columns read as
 * the blobs' hex, as sqlite3 cannot decrypt them: the same rows, the same
 * joins, the same order, minus the decryption and the formatting. Prints
 * the medians (and the best runs), their ratio, njbt's peak RSS (wait4's
 * ru_maxrss of the child) and whether both targets are met; exits 1 if
 * one is missed.
 *
 * Issue 15 item 6: a second baseline, the bare query: the same statement
 * from the statement table, its parameters bound, stepped through the
 * SQLite C API in a child process with every column read (blob and
 * length) but nothing formatted, decrypted or written. njbt's time over
 * it is what the printer adds to the query itself (decryption, CSV,
 * writing), per row. The database work of the set-up runs in a child of its
 * own, so that the small parent the runs are forked from adds nothing to
 * the children's peak RSS.
 *
 *   build/bench-print [N] [DB] [NJBT]
 *       (default 1000000, /tmp/njbt-million.db, build/njbt)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "april.h"

#define RUNS		5
#define RSS_MAX_KB	(64 * 1024)
#define RATIO_MAX	1.3

/* the statement table's text, as store-sql.c builds it */
static const char *const bench_sql[SQL__COUNT] = {
#define SQL(name, text) [name] = text,
#include "store-sql.def"
#undef SQL
};

/* Replace every from in s by to, in a new string. */
static char *
replace(const char *s, const char *from, const char *to)
{
	size_t		 nf = strlen(from), nt = strlen(to), n = 0;
	const char	*p;
	char		*out, *o;

	for (p = s; (p = strstr(p, from)) != NULL; p += nf)
		n++;
	out = o = xcalloc(1, strlen(s) + n * (nt + 1) + 1);
	while ((p = strstr(s, from)) != NULL) {
		memcpy(o, s, (size_t)(p - s));
		o += p - s;
		memcpy(o, to, nt);
		o += nt;
		s = p + nf;
	}
	strcpy(o, s);
	return out;
}

/*
 * The baseline's SQL: njbt's detail statement with the area of the
 * console's `--month 2026-04` written in, the sealed columns as hex.
 */
static char *
baseline_sql(void)
{
	static const char *const subst[][2] = {
		{ "b.phone_enc,", "hex(b.phone_enc)," },
		{ "b.account_enc,", "hex(b.account_enc)," },
		{ "b.idno_enc,", "hex(b.idno_enc)," },
		{ "?1", "''" }, { "?2", "''" }, { "?3", "''" }, { "?4", "0" },
		{ "?5", "'" MONTH "-01'" }, { "?6", "'2026-05-01'" },
		{ "?7", "0" },
	};
	char	*sql = xstrdup(bench_sql[SQL_PRINT_DETAIL_BATCH]), *next;
	size_t	 i;

	for (i = 0; i < sizeof subst / sizeof subst[0]; i++) {
		next = replace(sql, subst[i][0], subst[i][1]);
		free(sql);
		sql = next;
	}
	return sql;
}

/* Does the plan of sql sort (a temporary b-tree)? */
static int
plan_sorts(const char *path, const char *sql)
{
	char		 err[NJ_MSG_MAX], *q;
	sqlite3_stmt	*st;
	int		 sorts = 0;

	if (db_open(path, err, sizeof err) != 0)
		return -1;
	q = xcalloc(1, strlen(sql) + 32);
	sprintf(q, "EXPLAIN QUERY PLAN %s", sql);
	if (sqlite3_prepare_v2(store->db, q, -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			if (strstr((const char *)sqlite3_column_text(st, 3),
			    "TEMP B-TREE") != NULL)
				sorts = 1;
		sqlite3_finalize(st);
	} else
		sorts = -1;
	free(q);
	db_close();
	return sorts;
}

/*
 * The set-up, in a child (its memory stays there): make the database, the
 * April settlement, and look at the statement's plan. 0 the plan streams,
 * 1 it sorts; exits on failure.
 */
static int
setup(const char *path, int n, const char *sql)
{
	pid_t	pid;
	int	status, sorts;

	fflush(stdout);
	if ((pid = fork()) < 0)
		die("fork");
	if (pid == 0) {
		million_make(path, n);
		settle_april(path);
		sorts = plan_sorts(path, sql);
		_exit(sorts == 0 ? 0 : sorts > 0 ? 1 : 2);
	}
	if (waitpid(pid, &status, 0) != pid)
		die("waitpid");
	if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
		fprintf(stderr, "bench-print: set-up failed\n");
		exit(1);
	}
	return WEXITSTATUS(status);
}

/*
 * The bare query, in a child: njbt's detail statement with the console's
 * `--month 2026-04` bound, every row stepped and every column read, no
 * output. Its wall time; its rows into *rows, its peak RSS into *rss.
 */
static double
bare(const char *path, long *rows, long *rss)
{
	struct rusage	 ru;
	sqlite3		*db;
	sqlite3_stmt	*st;
	double		 t0;
	long		 n = 0, bytes = 0;
	pid_t		 pid;
	int		 p[2], status, i, nc;

	fflush(stdout);
	if (pipe(p) != 0)
		die("pipe");
	t0 = now_s();
	if ((pid = fork()) < 0)
		die("fork");
	if (pid == 0) {
		if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) !=
		    SQLITE_OK || sqlite3_prepare_v2(db,
		    bench_sql[SQL_PRINT_DETAIL_BATCH], -1, &st, NULL) !=
		    SQLITE_OK)
			_exit(2);
		sqlite3_bind_text(st, 1, "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, "", -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, 0);
		sqlite3_bind_text(st, 5, MONTH "-01", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, "2026-05-01", -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 7, 0);
		nc = sqlite3_column_count(st);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (i = 0; i < nc; i++)
				if (sqlite3_column_blob(st, i) != NULL)
					bytes += sqlite3_column_bytes(st, i);
			n++;
		}
		sqlite3_finalize(st);
		sqlite3_close(db);
		(void)!write(p[1], &n, sizeof n);
		_exit(bytes >= 0 ? 0 : 1);
	}
	close(p[1]);
	if (read(p[0], rows, sizeof *rows) != sizeof *rows)
		*rows = -1;
	close(p[0]);
	if (wait4(pid, &status, 0, &ru) != pid)
		die("wait4");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench-print: bare query failed (%d)\n",
		    status);
		exit(1);
	}
	*rss = ru.ru_maxrss;
	return now_s() - t0;
}

int
main(int argc, char **argv)
{
	const char	*path = argc > 2 ? argv[2] : "/tmp/njbt-million.db";
	const char	*njbt = argc > 3 ? argv[3] : "build/njbt";
	int		 n = argc > 1 ? atoi(argv[1]) : 1000000, ok, sorts;
	char		 sqlfile[512], out1[512], out2[512], *sql;
	char		*nargv[8], *sargv[4];
	double		 tn[RUNS], ts[RUNS], tb[RUNS], mn, ms, mb;
	long		 rss_n = 0, rss_s = 0, rss_b = 0, rss, ln, ls, lb = 0;
	int		 i;
	FILE		*fp;

	setenv("NJBT_NOW", "2026-06-10T10:00:00", 1);
	sql = baseline_sql();
	sorts = setup(path, n, sql);
	snprintf(sqlfile, sizeof sqlfile, "%s.bench-print.sql", path);
	snprintf(out1, sizeof out1, "%s.bench-print-njbt.csv", path);
	snprintf(out2, sizeof out2, "%s.bench-print-sqlite3.csv", path);
	if ((fp = fopen(sqlfile, "w")) == NULL)
		die(sqlfile);
	fprintf(fp, "%s;\n", sql);
	fclose(fp);

	setenv("NJBT_DB", path, 1);
	nargv[0] = (char *)njbt;
	nargv[1] = (char *)"print";
	nargv[2] = (char *)"detail";
	nargv[3] = (char *)"--month";
	nargv[4] = (char *)MONTH;
	nargv[5] = (char *)"-o";
	nargv[6] = out1;
	nargv[7] = NULL;
	sargv[0] = (char *)"sqlite3";
	sargv[1] = (char *)"-csv";
	sargv[2] = (char *)path;
	sargv[3] = NULL;

	printf("bench/print: %d sales, detail (附表6) of the province, month "
	    MONTH ", median of %d, alternating\n", n, RUNS);
	printf("  njbt:     %s print detail --month " MONTH " -o FILE "
	    "(console: phone, account, ID decrypted)\n", njbt);
	printf("  baseline: sqlite3 -csv DB < njbt's own statement, sealed "
	    "columns as hex (sqlite3 cannot decrypt)\n");
	printf("  plan of the statement sorts: %s\n", sorts == 0 ?
	    "no (streams from the indexes)" : "YES");
	printf("  bare:     the same statement, bound, stepped through the "
	    "C API, every column read, nothing formatted\n");
	alternate(RUNS, sargv, sqlfile, out2, nargv, ts, tn, &rss_s, &rss_n,
	    "sqlite3", "njbt");
	for (i = 0; i < RUNS; i++) {
		tb[i] = bare(path, &lb, &rss);
		rss_b = rss > rss_b ? rss : rss_b;
		printf("  run %d: bare %.2f s\n", i + 1, tb[i]);
		fflush(stdout);
	}
	qsort(tn, RUNS, sizeof tn[0], dcmp);
	qsort(ts, RUNS, sizeof ts[0], dcmp);
	qsort(tb, RUNS, sizeof tb[0], dcmp);
	mn = tn[RUNS / 2];
	ms = ts[RUNS / 2];
	mb = tb[RUNS / 2];
	printf("  best runs: sqlite3 %.2f s, njbt %.2f s (ratio %.2f)\n",
	    ts[0], tn[0], tn[0] / ts[0]);
	ln = lines_of(out1);
	ls = lines_of(out2);
	printf("  rows: njbt %ld (+ header and 合计), sqlite3 %ld\n", ln - 2,
	    ls);
	printf("  sqlite3 -csv: %.2f s median (peak RSS %ld kB)\n", ms, rss_s);
	printf("  bare query:   %.2f s median (peak RSS %ld kB), %ld rows\n",
	    mb, rss_b, lb);
	printf("  njbt print:   %.2f s median (peak RSS %ld kB)\n", mn, rss_n);
	printf("  ratio njbt/bare query (medians): %.2f; the printer adds "
	    "%.2f us a row\n", mn / mb, lb > 0 ? (mn - mb) * 1e6 / lb : 0.0);
	printf("  ratio njbt/sqlite3 (medians): %.2f (target <= %.1f): %s\n",
	    mn / ms,
	    RATIO_MAX, mn / ms <= RATIO_MAX ? "met" : "MISSED");
	printf("  njbt peak RSS: %.1f MB (target < 64 MB): %s\n",
	    rss_n / 1024.0, rss_n < RSS_MAX_KB ? "met" : "MISSED");
	ok = mn / ms <= RATIO_MAX && rss_n < RSS_MAX_KB && ln - 2 == ls &&
	    sorts == 0;
	if (ln - 2 != ls || lb != ls)
		printf("  ROW COUNTS DIFFER\n");
	ok = ok && lb == ls;
	unlink(out1);
	unlink(out2);
	unlink(sqlfile);
	free(sql);
	printf("%s\n", ok ? "targets met" : "target missed");
	return ok ? 0 : 1;
}
