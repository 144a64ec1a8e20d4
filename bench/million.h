/*
 * bench/million.h: makes a database of a province with many sales for the
 * scale benchmarks: the demo province, then N buyers, machines,
 * applications, notices and sales spread over the counties, with private
 * fields sealed as the system seals them and states spread as a year's
 * work leaves them (most paid, some waiting to be checked or approved).
 * Rows go in by raw prepared inserts in large transactions: this is test
 * data, not the system's own writing.
 */
#ifndef NJBT_BENCH_MILLION_H
#define NJBT_BENCH_MILLION_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store.h"

static const char *const million_counties[] = {
	"640104", "640105", "640106", "640121", "640122", "640181", "640202",
	"640205", "640221", "640302", "640303", "640323", "640324", "640381",
	"640402", "640422", "640423", "640424", "640425", "640502", "640521",
	"640522",
};
#define MILLION_NCOUNTIES (sizeof million_counties / sizeof million_counties[0])

static void
million_die(const char *what)
{
	fprintf(stderr, "million: %s: %s\n", what, store ? store_errmsg() : "");
	exit(1);
}

static sqlite3_stmt *
million_prep(const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(store->db, sql, -1, &st, NULL) != SQLITE_OK)
		million_die(sql);
	return st;
}

static void
million_step(sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		million_die(sqlite3_sql(st));
	sqlite3_reset(st);
}

static void
million_bind_sealed(sqlite3_stmt *st, int col, const char *ad, int64_t id,
    const char *plain)
{
	unsigned char	*b;
	size_t		 n;

	crypt_seal(plain, ad, id, &b, &n);
	sqlite3_bind_blob(st, col, b, (int)n, free);
}

/* The statement of million_buyer (bench/peakday.c makes buyers too). */
#define MILLION_BUYER_SQL "INSERT INTO buyers(kind, name, idno_enc, " \
	"idno_hash, idno_last4, gender, township, village, address, " \
	"phone_enc, phone_last4, bank_name, account_enc, account_hash, " \
	"account_last4, created_at) VALUES ('person', ?1, ?2, ?3, ?4, '男', " \
	"?5, '一组', '村里', ?6, ?7, '黄河银行', ?8, ?9, ?10, ?11)"

/* One buyer through MILLION_BUYER_SQL, private fields sealed; its id. */
static int64_t
million_buyer(sqlite3_stmt *buyer, const char *name, const char *idno,
    const char *township, const char *phone, const char *account,
    const char *at)
{
	unsigned char	h[CRYPT_HASH_LEN];
	int64_t		bid;

	crypt_hash("idno", idno, h);
	sqlite3_bind_text(buyer, 1, name, -1, SQLITE_TRANSIENT);
	bid = store_next_id("buyers");
	million_bind_sealed(buyer, 2, "buyers.idno", bid, idno);
	sqlite3_bind_blob(buyer, 3, h, sizeof h, SQLITE_TRANSIENT);
	sqlite3_bind_text(buyer, 4, idno + 14, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(buyer, 5, township, -1, SQLITE_TRANSIENT);
	million_bind_sealed(buyer, 6, "buyers.phone", bid, phone);
	sqlite3_bind_text(buyer, 7, phone + 7, -1, SQLITE_TRANSIENT);
	million_bind_sealed(buyer, 8, "buyers.account", bid, account);
	crypt_hash("account", account, h);
	sqlite3_bind_blob(buyer, 9, h, sizeof h, SQLITE_TRANSIENT);
	sqlite3_bind_text(buyer, 10, account + 15, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(buyer, 11, at, -1, SQLITE_TRANSIENT);
	million_step(buyer);
	return sqlite3_last_insert_rowid(store->db);
}

/*
 * Make path (and its key) with n sales, unless it exists already with
 * that many. Leaves the database closed.
 */
static void
million_make(const char *path, int n)
{
	sqlite3_stmt	*buyer, *machine, *app, *line, *notice, *sale;
	char		 err[NJ_MSG_MAX], s[64], idno[32], at[32], name[64];
	char		 town[16], phone[16], acct[24];
	struct stat	 sb;
	int		 from, to, i, c, state;
	int64_t		 have = 0;
	static const char *const states[] = { "paid", "verified", "batched",
	    "recorded", "failed" };

	if (stat(path, &sb) == 0) {
		if (db_open(path, err, sizeof err) == 0 &&
		    sql_int(&have, SQL_USERS_COUNT) == 1) {
			sqlite3_stmt *st = million_prep("SELECT count(*) "
			    "FROM sales");

			sqlite3_step(st);
			have = sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
			db_close();
			if (have == n)
				return;
		} else if (store != NULL)
			db_close();
		snprintf(err, sizeof err, "rm -f '%s' '%s.key' '%s-wal' '%s-shm'",
		    path, path, path, path);
		if (system(err) != 0)
			million_die("rm");
	}
	fprintf(stderr, "million: making %s with %d sales ...\n", path, n);
	if (db_init(path, &from, &to, err, sizeof err) != 0 ||
	    demo_load(err, sizeof err) != 0) {
		fprintf(stderr, "million: %s\n", err);
		exit(1);
	}
	sqlite3_exec(store->db, "PRAGMA synchronous=OFF", NULL, NULL, NULL);
	buyer = million_prep(MILLION_BUYER_SQL);
	machine = million_prep("INSERT INTO machines(product_id, serial, "
	    "dealer_id, state, supplied_at) VALUES (1, ?1, 1, ?2, ?3)");
	app = million_prep("INSERT INTO applications(no, year, flow, county, "
	    "township, buyer_id, state, entered_by, entered_at, submitted_by, "
	    "decided_by) VALUES (?1, 2026, 'quota-first', ?2, NULL, ?3, ?4, 5, "
	    "?5, 5, 6)");
	line = million_prep("INSERT INTO application_lines(app_id, tier_id, "
	    "qty, used, central, provincial, city, county) VALUES "
	    "(?1, 3, 1, ?2, 280000, 0, 0, 0)");
	notice = million_prep("INSERT INTO notices(no, app_id, county_seq, "
	    "province_seq, issued_on, valid_from, valid_to, state) VALUES "
	    "(?1, ?2, ?3, ?3, '2026-04-01', '2026-04-01', '2026-04-20', 'used')");
	sale = million_prep("INSERT INTO sales(year, county, dealer_id, "
	    "machine_id, buyer_id, app_id, line_id, notice_id, tier_id, price, "
	    "sold_on, invoice_no, central, provincial, city, county_part, "
	    "subsidy, is_key, licensed, state, flags, entered_by, entered_at) "
	    "VALUES (2026, ?1, 1, ?2, ?3, ?4, ?5, ?6, 3, 950000, '2026-04-10', "
	    "?7, 280000, 0, 0, 0, 280000, 0, 0, ?8, ?9, 1, ?10)");
	clock_stamp(clock_now(), at, sizeof at);
	sqlite3_exec(store->db, "BEGIN", NULL, NULL, NULL);
	for (i = 1; i <= n; i++) {
		int64_t		b, m, a, l, no;
		const char	*county = million_counties[i % MILLION_NCOUNTIES];

		c = i % 100;
		/* 92% paid, 4% verified, 2% batched, 1.5% waiting, 0.5% failed */
		state = c < 92 ? 0 : c < 96 ? 1 : c < 98 ? 2 : c < 99 ||
		    i % 2 ? 3 : 4;
		snprintf(idno, sizeof idno, "64%06d%010d", i % 1000000, i);
		snprintf(name, sizeof name, "购机者%07d", i);
		snprintf(town, sizeof town, "%s100", county);
		snprintf(phone, sizeof phone, "139%08d", i % 100000000);
		snprintf(acct, sizeof acct, "622848%013d", i);
		b = million_buyer(buyer, name, idno, town, phone, acct, at);

		snprintf(s, sizeof s, "M%09d", i);
		sqlite3_bind_text(machine, 1, s, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(machine, 2, state == 0 ? "paid" : state ==
		    1 || state == 2 ? "verified" : "sold", -1, SQLITE_STATIC);
		sqlite3_bind_text(machine, 3, at, -1, SQLITE_STATIC);
		million_step(machine);
		m = sqlite3_last_insert_rowid(store->db);

		/* 0.3% of applications still wait for the county's approval */
		snprintf(s, sizeof s, "SQB%s2026%07d", county, i);
		sqlite3_bind_text(app, 1, s, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(app, 2, county, -1, SQLITE_STATIC);
		sqlite3_bind_int64(app, 3, b);
		sqlite3_bind_text(app, 4, "used", -1, SQLITE_STATIC);
		sqlite3_bind_text(app, 5, at, -1, SQLITE_STATIC);
		million_step(app);
		a = sqlite3_last_insert_rowid(store->db);
		sqlite3_bind_int64(line, 1, a);
		sqlite3_bind_int(line, 2, 1);
		million_step(line);
		l = sqlite3_last_insert_rowid(store->db);
		snprintf(s, sizeof s, "TZB%s2026%07d", county, i);
		sqlite3_bind_text(notice, 1, s, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(notice, 2, a);
		sqlite3_bind_int(notice, 3, i);
		million_step(notice);
		no = sqlite3_last_insert_rowid(store->db);

		sqlite3_bind_text(sale, 1, county, -1, SQLITE_STATIC);
		sqlite3_bind_int64(sale, 2, m);
		sqlite3_bind_int64(sale, 3, b);
		sqlite3_bind_int64(sale, 4, a);
		sqlite3_bind_int64(sale, 5, l);
		sqlite3_bind_int64(sale, 6, no);
		snprintf(s, sizeof s, "FPB%09d", i);
		sqlite3_bind_text(sale, 7, s, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(sale, 8, states[state], -1, SQLITE_STATIC);
		sqlite3_bind_int(sale, 9, i % 37 == 0 ? 1 : 0);
		sqlite3_bind_text(sale, 10, at, -1, SQLITE_STATIC);
		million_step(sale);

		if (i % 333 == 0) {	/* an application waiting to be approved */
			snprintf(s, sizeof s, "SQW%s2026%07d", county, i);
			sqlite3_bind_text(app, 1, s, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(app, 2, county, -1, SQLITE_STATIC);
			sqlite3_bind_int64(app, 3, b);
			sqlite3_bind_text(app, 4, "submitted", -1, SQLITE_STATIC);
			sqlite3_bind_text(app, 5, at, -1, SQLITE_STATIC);
			million_step(app);
			sqlite3_bind_int64(line, 1,
			    sqlite3_last_insert_rowid(store->db));
			sqlite3_bind_int(line, 2, 0);
			million_step(line);
		}
		if (i % 100000 == 0) {
			sqlite3_exec(store->db, "COMMIT; BEGIN", NULL, NULL,
			    NULL);
			fprintf(stderr, "million: %d\n", i);
		}
	}
	sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
	sqlite3_finalize(buyer);
	sqlite3_finalize(machine);
	sqlite3_finalize(app);
	sqlite3_finalize(line);
	sqlite3_finalize(notice);
	sqlite3_finalize(sale);
	sqlite3_exec(store->db, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)",
	    NULL, NULL, NULL);
	db_close();
}

#endif
