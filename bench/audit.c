/*
 * bench/audit.c: the audit log's search with many rows (issue 13 item 4).
 * Appends (once) N rows to the audit log of a demo database through the
 * system's own audit_write (so the hash chain holds), spread over the
 * demo's users, a few actions and many records; then times, as the
 * auditor, a page of the list audit_log for each kind of search (through
 * its index), a page far back (offset 1000), and the chain check the
 * screen's head runs once as it opens (list_headline). The baseline, in
 * the same run, is the first page of the unfiltered log (the newest rows
 * by rowid).
 *
 *   build/bench-audit [N] [FILE]   (default 100000, /tmp/njbt-audit.db;
 *                                   FILE made with `njbt init --demo`)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lists.h"
#include "timing.h"

#define RUNS	11

static void
die(const char *what)
{
	fprintf(stderr, "bench-audit: %s: %s\n", what, store_errmsg());
	exit(1);
}

/* Append n rows in transactions of 10 000. */
static void
fill(int64_t n)
{
	static const char *const logins[] = { "hl_jb", "hl_sh", "xg_zhen",
	    "yn_jb", "fs_dealer", "hl_cz", "admin", "jjjc" };
	static const char *const acts[] = { "application.new", "sale.new",
	    "verify.pass", "read", "print", "login", "logout" };
	struct actor	who;
	char		msg[NJ_MSG_MAX], rec[32];
	int64_t		i;

	for (i = 0; i < n; i++) {
		if (i % 10000 == 0 && store_begin() != 0)
			die("begin");
		if (actor_load(logins[i % 8], &who, msg, sizeof msg) != 0)
			die(msg);
		snprintf(rec, sizeof rec, "R%07lld", (long long)(i / 3));
		if (audit_write(&who, acts[i % 7], rec, "bench=1") != NJ_OK)
			die("audit_write");
		if ((i % 10000 == 9999 || i == n - 1) && store_commit() != 0)
			die("commit");
	}
}

static double
page(const struct actor *who, const char *filter, int offset, size_t *rows)
{
	struct list_page	p;
	char			msg[NJ_MSG_MAX];
	double			t[RUNS], t0;
	int			i;

	for (i = 0; i < RUNS; i++) {
		t0 = now_ms();
		if (list_fetch(who, "audit_log", filter, NULL, offset, 20, &p,
		    msg, sizeof msg) != NJ_OK) {
			fprintf(stderr, "bench-audit: %s: %s\n", filter, msg);
			exit(1);
		}
		t[i] = now_ms() - t0;
		*rows = p.nrows;
		list_page_free(&p);
	}
	qsort(t, RUNS, sizeof t[0], dcmp);
	return t[RUNS / 2];
}

int
main(int argc, char **argv)
{
	static const char *const searches[] = { "user=yn_jb", "操作=print",
	    "action=verify.", "记录=R0012345", "R0012345", "region=640121",
	    "2026-03-02", "region=640122 action=sale", "user=jjjc action=read" };
	int64_t		n = argc > 1 ? atoll(argv[1]) : 100000, have = 0;
	const char	*path = argc > 2 ? argv[2] : "/tmp/njbt-audit.db";
	struct actor	who;
	char		err[NJ_MSG_MAX], head[NJ_MSG_MAX];
	double		base, t, t0;
	size_t		rows, i;

	setenv("NJBT_NOW", "2026-03-02T09:30:00", 0);
	if (db_open(path, err, sizeof err) != 0) {
		fprintf(stderr, "bench-audit: %s (make it with njbt init "
		    "--demo --db %s)\n", err, path);
		return 1;
	}
	sql_int(&have, SQL_AUDIT_HEAD);
	if (have < n) {
		t0 = now_ms();
		fill(n - have);
		printf("appended %lld rows in %.0f ms\n",
		    (long long)(n - have), now_ms() - t0);
	}
	if (actor_load("jjjc", &who, err, sizeof err) != 0)
		die(err);
	base = page(&who, "", 0, &rows);
	printf("%-32s %8.2f ms  %zu rows  (baseline)\n", "newest page", base,
	    rows);
	t = page(&who, "", 1000, &rows);
	printf("%-32s %8.2f ms  %zu rows  x%.1f\n", "page at offset 1000", t,
	    rows, t / base);
	for (i = 0; i < sizeof searches / sizeof searches[0]; i++) {
		t = page(&who, searches[i], 0, &rows);
		printf("%-32s %8.2f ms  %zu rows  x%.1f\n", searches[i], t, rows,
		    t / base);
	}
	t0 = now_ms();
	list_headline(&list_audit_log, head, sizeof head);
	printf("%-32s %8.0f ms  %s\n", "chain check (screen head)",
	    now_ms() - t0, head);
	db_close();
	return 0;
}
