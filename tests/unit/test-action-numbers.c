/*
 * test-action-numbers.c: the sequences of the readable numbers (issue 11
 * item 5; issue 15, migration 024, action-numbers.c number_next): an
 * application's SQ, a notice's TZ (and its province sequence) and a
 * sale's XS go on from the demo's numbers one by one, a refused action
 * uses none, the migration starts each counter where the records are,
 * a counter moved back outside njbt gives no number twice (the sale is
 * not stored), and a sale.new costs the same in a county of 30,000 sales
 * at one dealer's one price as in the demo's (it counted the county's
 * sales for its number, and read the dealer's sales at its net price for
 * the price check: R-003-A2-7.1.4).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "fixture.h"

#define ID_A	"640122198001011238"
#define ID_B	"640122197512034568"
#define ID_C	"640122199205210014"
#define RAW	30000

/* The county's next number of a kind as the records count it. */
static int64_t
counted(const char *sql)
{
	return fx_int(sql, NULL) + 1;
}

static void
expect_no(const char *prefix, int64_t seq, const char *no)
{
	char want[64];

	snprintf(want, sizeof want, "%s%05lld", prefix, (long long)seq);
	assert_string_equal(no, want);
}

/* fs_dealer's sale.new of machine serial to buyer id on notice, stored. */
static void
sell(const char *notice, const char *id, const char *serial)
{
	char inv[64];

	snprintf(inv, sizeof inv, "FP-%s", serial);
	fx_ok("fs_dealer", "sale.new", kv("notice", notice), kv("id_no", id),
	    kv("serial", serial), "price=12000", "sold_on=2026-03-02",
	    kv("invoice_no", inv), NULL);
}

/* Each number the next of its county and year; a refusal takes none. */
static void
numbers_go_on(void **state)
{
	char	 app[NJ_KEY_MAX], notice[NJ_KEY_MAX], sale[NJ_KEY_MAX];
	char	 no[64];
	int64_t	 a, c, p, s;

	(void)state;
	a = counted("SELECT count(*) FROM applications WHERE county = "
	    "'640122' AND year = 2026");
	c = counted("SELECT ifnull(max(n.county_seq), 0) FROM notices n JOIN "
	    "applications a ON a.id = n.app_id WHERE a.county = '640122' AND "
	    "a.year = 2026");
	p = counted("SELECT ifnull(max(n.province_seq), 0) FROM notices n "
	    "JOIN applications a ON a.id = n.app_id WHERE a.year = 2026");
	s = counted("SELECT count(*) FROM sales WHERE county = '640122' AND "
	    "year = 2026 AND no IS NOT NULL");
	/* a refused application (an ID number that fails its check) */
	fx_refused("身份证号码", "xg_zhen", "application.new",
	    "buyer_type=person", "buyer_name=王五",
	    "id_no=640122198001011239", "township=640122100", "item=1.1.3",
	    "tier=03", "qty=1", "bank_name=黄河农村商业银行",
	    "bank_account=6228480402564890018", NULL);
	fx_notice_for(notice, ID_A, "张三", "1.1.3", "03", "1");
	q_text(app, sizeof app, "SELECT a.no FROM notices n JOIN applications "
	    "a ON a.id = n.app_id WHERE n.no = ?1", notice, NULL);
	expect_no("SQ6401222026", a, app);
	expect_no("TZ6401222026", c, notice);
	assert_int_equal(fx_int("SELECT province_seq FROM notices WHERE no = "
	    "?1", notice, NULL), p);
	sell(notice, ID_A, "XG26A001");
	snprintf(sale, sizeof sale, "%s", fx_key);
	q_text(no, sizeof no, "SELECT no FROM sales WHERE id = ?1", sale,
	    NULL);
	expect_no("XS6401222026", s, no);
	/* the next ones follow */
	fx_notice_for(notice, ID_B, "李四", "1.1.3", "03", "1");
	q_text(app, sizeof app, "SELECT a.no FROM notices n JOIN applications "
	    "a ON a.id = n.app_id WHERE n.no = ?1", notice, NULL);
	expect_no("SQ6401222026", a + 1, app);
	expect_no("TZ6401222026", c + 1, notice);
	assert_int_equal(fx_int("SELECT province_seq FROM notices WHERE no = "
	    "?1", notice, NULL), p + 1);
}

/* Migration 024's SQL, run again over the counters emptied. */
static void
migrate_again(void)
{
	char *sql = fx_slurp("../../db/migrations/024-counters.sql");
	char *err = NULL;

	if (sqlite3_exec(store->db, "DELETE FROM counters", NULL, NULL,
	    &err) != SQLITE_OK || sqlite3_exec(store->db, sql, NULL, NULL,
	    &err) != SQLITE_OK)
		fail_msg("migration 024: %s", err != NULL ? err : "?");
	free(sql);
}

/* An upgraded database's counters start where its records are. */
static void
migration_starts_where_records_are(void **state)
{
	char	notice[NJ_KEY_MAX], no[64];
	int64_t	s;

	(void)state;
	fx_notice_for(notice, ID_A, "张三", "1.1.3", "03", "1");
	sell(notice, ID_A, "XG26A001");
	migrate_again();
	assert_int_equal(fx_int("SELECT n FROM counters WHERE kind = 'sale' "
	    "AND scope = '640122' AND year = 2026", NULL), fx_int("SELECT "
	    "count(*) FROM sales WHERE county = '640122' AND year = 2026 AND "
	    "no IS NOT NULL", NULL));
	assert_int_equal(fx_int("SELECT n FROM counters WHERE kind = "
	    "'notice' AND scope = '' AND year = 2026", NULL), fx_int("SELECT "
	    "max(province_seq) FROM notices", NULL));
	s = counted("SELECT count(*) FROM sales WHERE county = '640122' AND "
	    "year = 2026 AND no IS NOT NULL");
	fx_notice_for(notice, ID_B, "李四", "1.1.3", "03", "1");
	sell(notice, ID_B, "XG26A002");
	q_text(no, sizeof no, "SELECT no FROM sales WHERE id = ?1", fx_key,
	    NULL);
	expect_no("XS6401222026", s, no);
}

/*
 * The attack: someone who can write the file but not through njbt moves
 * the county's sale sequence back, so that the next sale would take a
 * number already given (a second XS...00001 to pass off, or to make
 * another sale's number name it). The sale is not stored, nothing is
 * written, and no two sales share a number.
 */
static void
counter_moved_back(void **state)
{
	char		notice[NJ_KEY_MAX];
	uint64_t	before;

	(void)state;
	fx_notice_for(notice, ID_A, "张三", "1.1.3", "03", "1");
	sell(notice, ID_A, "XG26A001");
	fx_notice_for(notice, ID_B, "李四", "1.1.3", "03", "1");
	q_run("UPDATE counters SET n = n - 1 WHERE kind = 'sale' AND scope = "
	    "'640122' AND year = 2026", NULL);
	before = fx_snapshot();
	assert_int_not_equal(fx_do("fs_dealer", "sale.new", kv("notice",
	    notice), "id_no=" ID_B, "serial=XG26A002", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=FP-XG26A002", NULL), NJ_OK);
	assert_true(fx_snapshot() == before);
	assert_int_equal(fx_int("SELECT count(*) FROM (SELECT no FROM sales "
	    "WHERE no IS NOT NULL GROUP BY no HAVING count(*) > 1)", NULL), 0);
}

/* SQLite's VM instructions, in hundreds, while the handler is set. */
static int
tick(void *n)
{
	(*(long *)n)++;
	return 0;
}

/* The hundreds of VM instructions of fs_dealer's sale.new on notice. */
static long
sale_cost(const char *notice, const char *id, const char *serial)
{
	long n = 0;

	sqlite3_progress_handler(store->db, 100, tick, &n);
	sell(notice, id, serial);
	sqlite3_progress_handler(store->db, 0, NULL, NULL);
	return n;
}

/*
 * A sale.new in a county of 30,000 more sales, all fs_dealer's, of the
 * year, at this sale's price and net price (sold months before: no burst
 * of the dealer's), costs about what it costs on the demo.
 */
static void
sale_cost_flat(void **state)
{
	char	n1[NJ_KEY_MAX], n2[NJ_KEY_MAX];
	long	small, big;

	(void)state;
	fx_notice_for(n1, ID_A, "张三", "1.1.3", "03", "1");
	fx_notice_for(n2, ID_B, "李四", "1.1.3", "03", "1");
	small = sale_cost(n1, ID_A, "XG26A001");
	q_run("INSERT INTO buyers(kind, name, idno_enc, idno_hash, "
	    "idno_last4, township, created_at) VALUES ('person', '批量购机户', "
	    "x'00', CAST('raw-numbers' AS BLOB), '0000', '640122100', "
	    "'2026-01-01')", NULL);
	q_run("INSERT INTO machines(product_id, serial, dealer_id, state, "
	    "supplied_at) WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT "
	    "i + 1 FROM k WHERE i < 30000) SELECT m.product_id, "
	    "printf('RAW%06d', i), m.dealer_id, 'sold', '2026-01-01' FROM k, "
	    "machines m WHERE m.serial = 'XG26A001'", NULL);
	q_run("INSERT INTO sales(year, county, dealer_id, machine_id, "
	    "buyer_id, tier_id, price, sold_on, invoice_no, central, "
	    "provincial, city, county_part, subsidy, state, entered_by, "
	    "entered_at, no) SELECT 2026, '640122', s.dealer_id, m.id, "
	    "(SELECT id FROM buyers WHERE name = '批量购机户'), s.tier_id, "
	    "s.price, '2026-01-05', 'INV' || m.serial, s.central, s.provincial, "
	    "s.city, s.county_part, s.subsidy, 'paid', s.entered_by, "
	    "'2026-01-05', 'RAW' || m.serial FROM machines m, sales s WHERE "
	    "m.serial GLOB 'RAW*' AND s.id = (SELECT max(id) FROM sales)",
	    NULL);
	assert_true(fx_int("SELECT count(*) FROM sales s JOIN sales r ON "
	    "r.no = 'RAWRAW000001' WHERE s.county = '640122' AND s.dealer_id = "
	    "r.dealer_id AND s.year = r.year AND s.price = r.price AND "
	    "s.subsidy = r.subsidy", NULL) > RAW);
	big = sale_cost(n2, ID_B, "XG26A002");
	print_message("sale.new: %ld00 VM instructions on the demo, %ld00 "
	    "with %d more sales\n", small, big, RAW);
	assert_true(big < 2 * small);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(numbers_go_on),
		FX_TEST(migration_starts_where_records_are),
		FX_TEST(counter_moved_back),
		FX_TEST(sale_cost_flat),
	};

	return FX_RUN(tests);
}
