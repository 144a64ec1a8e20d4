/*
 * bench/write.c: the cost of writing through the actions layer. Runs
 * supply.new (role, field checks, look-ups, one transaction, the audit
 * row) N times, in one process and in 8 concurrent processes, against a
 * baseline measured in the same run: the same number of raw single-row
 * INSERT transactions into the same machines table of a copy of the same
 * database, with the same pragmas (WAL, synchronous=FULL, foreign keys).
 * Prints each rate and the ratio actions/baseline (aim: >= 0.5).
 *
 *   build/bench-write [N]        (default 2000)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store.h"
#include "timing.h"


static void
die(const char *what, const char *err)
{
	fprintf(stderr, "bench-write: %s: %s\n", what, err);
	exit(1);
}

static void
open_db(const char *path)
{
	char err[NJ_MSG_MAX];

	if (db_open(path, err, sizeof err) != 0)
		die(path, err);
}

/* n raw transactions: BEGIN IMMEDIATE; INSERT one machine; COMMIT. */
static void
raw_inserts(const char *path, int from, int n)
{
	sqlite3_stmt	*st;
	char		 serial[64], at[32];
	int		 i;

	open_db(path);
	if (sqlite3_prepare_v2(store->db, "INSERT INTO machines(product_id, "
	    "serial, engine_no, shipment_no, made_on, dealer_id, supplied_at) "
	    "VALUES (1, ?1, NULL, 'FH-B', NULL, 1, ?2)", -1, &st, NULL) !=
	    SQLITE_OK)
		die("prepare", sqlite3_errmsg(store->db));
	clock_stamp(time(NULL), at, sizeof at);
	for (i = from; i < from + n; i++) {
		snprintf(serial, sizeof serial, "RAW%07d", i);
		if (store_begin() != 0)
			die("begin", store_errmsg());
		sqlite3_bind_text(st, 1, serial, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, at, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			die("insert", sqlite3_errmsg(store->db));
		sqlite3_reset(st);
		if (store_commit() != 0)
			die("commit", store_errmsg());
	}
	sqlite3_finalize(st);
	db_close();
}

/* n supply.new actions as the demo maker. */
static void
actions(const char *path, int from, int n)
{
	struct actor	 who;
	struct act	*a = NULL;
	char		 err[NJ_MSG_MAX], serial[64];
	const char	*names[] = { "dealer", "model", "serial", "shipment_no" };
	const char	*values[4];
	int		 i;

	open_db(path);
	if (actor_load("ss_maker", &who, err, sizeof err) != 0)
		die("actor", err);
	values[0] = "91640122MA76F2K349";
	values[1] = "1GQN-200";
	values[2] = serial;
	values[3] = "FH-B";
	for (i = from; i < from + n; i++) {
		snprintf(serial, sizeof serial, "ACT%07d", i);
		if (action_run(&who, "supply.new", 4, names, values, &a) !=
		    NJ_OK)
			die("supply.new", a->err);
		act_free(&a);
	}
	db_close();
}

/* Run fn over n items in procs processes at once; the wall time. */
static double
run(void (*fn)(const char *, int, int), const char *path, int n, int procs)
{
	double	t0 = now_s();
	int	p, status, per = n / procs;
	pid_t	pid;

	if (procs == 1) {
		fn(path, 0, n);
		return now_s() - t0;
	}
	for (p = 0; p < procs; p++) {
		if ((pid = fork()) == -1)
			die("fork", "failed");
		if (pid == 0) {
			fn(path, p * per, per);
			_exit(0);
		}
	}
	for (p = 0; p < procs; p++) {
		if (wait(&status) == -1 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			die("child", "failed");
	}
	return now_s() - t0;
}

static void
copy_db(const char *from, const char *to)
{
	char cmd[2048];

	snprintf(cmd, sizeof cmd, "cp '%s' '%s' && cp '%s.key' '%s.key'",
	    from, to, from, to);
	if (system(cmd) != 0)
		die("copy", to);
}

int
main(int argc, char **argv)
{
	char	dir[] = "/tmp/njbt-bench-XXXXXX", base[256], path[300];
	char	err[NJ_MSG_MAX], cmd[512];
	int	n = argc > 1 ? atoi(argv[1]) : 2000, from, to, k;
	static const int procs[] = { 1, 8 };
	double	traw, tact;

	if (n < 8)
		n = 8;
	n -= n % 8;
	if (mkdtemp(dir) == NULL)
		die("mkdtemp", dir);
	snprintf(base, sizeof base, "%s/demo.db", dir);
	if (db_init(base, &from, &to, err, sizeof err) != 0 ||
	    demo_load(err, sizeof err) != 0)
		die("demo", err);
	sqlite3_exec(store->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL,
	    NULL);
	db_close();

	printf("bench/write: %d writes each, WAL, synchronous=FULL\n", n);
	for (k = 0; k < 2; k++) {
		snprintf(path, sizeof path, "%s/raw%d.db", dir, procs[k]);
		copy_db(base, path);
		traw = run(raw_inserts, path, n, procs[k]);
		snprintf(path, sizeof path, "%s/act%d.db", dir, procs[k]);
		copy_db(base, path);
		tact = run(actions, path, n, procs[k]);
		printf("%d process%s: raw insert %.0f/s, supply.new %.0f/s, "
		    "ratio %.2f\n", procs[k], procs[k] == 1 ? "" : "es",
		    n / traw, n / tact, traw / tact);
	}
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
