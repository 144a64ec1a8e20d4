/*
 * test-list-seek.c: issue 15 item 1, lists at any depth. With 100,000
 * sales of one county (made by one INSERT ... SELECT, not by actions),
 * the county clerk's sales list paged by list_seek (what the list screen
 * does: PgDn from the last key shown, End, PgUp from the first) shows
 * exactly the rows of a straight query, in order, to the last page; a
 * filter (1-2 characters: a prefix; 3 and more: any substring, by the
 * names' suffixes of migration 022) keeps its rows in order at any depth; a
 * small list (places, not keys) pages the same way. Another county's
 * clerk seeking from these sales' keys or numbers sees none of them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "actions.h"
#include "lists.h"
#include "seek.h"

#define NSALES	100000

/*
 * 100,000 sales of county 640122 by 3,000 buyers, one in 10 named 张,
 * one in 100 贺兰县新型农机合作社 (15 characters with the number: longer
 * than the suffixes kept), the others 购机户 (a text in more than 2,000
 * names, common).
 */
static void
many_sales(void)
{
	q_run("INSERT INTO buyers(kind, name, idno_enc, idno_hash, "
	    "idno_last4, township, created_at) WITH RECURSIVE k(i) AS "
	    "(SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 3000) "
	    "SELECT 'person', CASE WHEN i % 10 = 0 THEN '张' WHEN i % 100 = "
	    "1 THEN '贺兰县新型农机合作社' ELSE '购机户' END || printf('%05d', "
	    "i), x'00', CAST(printf('seek%d', i) AS "
	    "BLOB), printf('%04d', i), (SELECT code FROM regions WHERE "
	    "parent = '640122' ORDER BY code LIMIT 1), '2026-03-01' FROM k",
	    NULL);
	q_run("INSERT INTO machines(product_id, serial, dealer_id, state, "
	    "supplied_at) WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT "
	    "i + 1 FROM k WHERE i < 100000) SELECT (SELECT min(id) FROM "
	    "products), printf('T%06d', i), (SELECT min(id) FROM dealers), "
	    "'sold', '2026-03-01' FROM k", NULL);
	q_run("INSERT INTO sales(year, county, dealer_id, machine_id, "
	    "buyer_id, tier_id, price, sold_on, invoice_no, central, "
	    "provincial, city, county_part, subsidy, state, entered_by, "
	    "entered_at, no) SELECT 2026, '640122', m.dealer_id, m.id, "
	    "(SELECT min(id) FROM buyers WHERE idno_last4 = printf('%04d', "
	    "1 + m.id % 3000) AND name NOT LIKE '%演示%'), p.tier_id, 10000, "
	    "'2026-03-02', 'INV' || m.serial, 2000, 0, 0, 0, 2000, CASE WHEN "
	    "m.id % 7 = 0 THEN 'recorded' ELSE 'paid' END, (SELECT id FROM "
	    "users WHERE login = 'hl_sh'), '2026-03-02', 'XS' || m.serial "
	    "FROM machines m JOIN products p ON p.id = m.product_id "
	    "WHERE m.serial GLOB 'T[0-9]*'", NULL);
	assert_true(fx_int("SELECT count(*) FROM sales WHERE county = "
	    "'640122'", NULL) >= NSALES);
}

/* Paging to the last page of 100,000 rows: the straight query's rows. */
static void
deep_pages_are_the_straight_rows(void)
{
	struct actor	 who, other;
	struct list_page p;
	char		 msg[NJ_MSG_MAX];
	int64_t		*want;
	size_t		 n;

	who_is(&who, "hl_sh");
	n = straight(&want, "SELECT id FROM sales WHERE county = '640122' "
	    "ORDER BY id DESC", NULL);
	assert_true(n >= NSALES);
	pages_match(&who, "sales", "", want, n, 500);
	/* a row's page from it on (F3, F5): row 90,001 first */
	assert_int_equal(list_seek(&who, "sales", "", "", want[90000], 0, 20,
	    &p, msg, sizeof msg), NJ_OK);
	assert_int_equal(p.nrows, 20);
	assert_true(p.keys[0] == want[90000] && p.keys[19] == want[90019]);
	list_page_free(&p);
	/* another county's clerk seeking from one of these keys, or by
	   one of their numbers (F3), sees none of them */
	who_is(&other, "yn_sh");
	assert_int_equal(list_seek(&other, "sales", "", "", want[500], 0, 20,
	    &p, msg, sizeof msg), NJ_OK);
	assert_int_equal(p.nrows, 0);
	list_page_free(&p);
	assert_int_equal(list_seek(&other, "sales", "XST000123", "",
	    LIST_EDGE, 1, 20, &p, msg, sizeof msg), NJ_OK);
	assert_int_equal(p.nrows, 0);
	list_page_free(&p);
	assert_int_equal(list_seek(&other, "sales", "", "", LIST_EDGE, -1, 20,
	    &p, msg, sizeof msg), NJ_OK);
	assert_int_equal(p.nrows, 0);
	list_page_free(&p);
	/* list_fetch (`njbt list`) by offset agrees at depth */
	assert_int_equal(list_fetch(&who, "sales", "", "", 99990, 20, &p,
	    msg, sizeof msg), NJ_OK);
	assert_int_equal(p.nrows, n - 99990 < 20 ? n - 99990 : 20);
	assert_true(p.keys[0] == want[99990]);
	list_page_free(&p);
	free(want);
	/* the oldest first (the claims queue: recorded, no application) */
	n = straight(&want, "SELECT id FROM sales WHERE county = '640122' "
	    "AND state = 'recorded' AND app_id IS NULL ORDER BY id", NULL);
	assert_true(n > 10000);
	pages_match(&who, "claims", "", want, n, 1000);
	free(want);
}

/* A filter typed at any depth: its rows in order, to its last page. */
static void
filters_keep_order(void)
{
	static const char *const f[] = { "张", "张0", "机户0012", "张00",
	    "T000777", "XST000123", "购机户0", "县新型农机合作社0100",
	    "农机合作社0", "户02999" };
	struct actor	 who;
	int64_t		*want;
	size_t		 i, n;

	who_is(&who, "hl_sh");
	for (i = 0; i < sizeof f / sizeof f[0]; i++) {
		/* 1-2 characters: a name's or a serial's prefix; 3 or more:
		   a name's substring, a serial or a number exactly (led by
		   the names' suffixes, or walking when they are common:
		   购机户0; longer than a suffix kept: 县新型农机合作社0100) */
		n = straight(&want, utf8_chars(f[i]) < 3 ? "SELECT s.id FROM sales "
		    "s JOIN buyers b ON b.id = s.buyer_id JOIN machines m ON "
		    "m.id = s.machine_id WHERE s.county = '640122' AND "
		    "(substr(b.name, 1, length(?1)) = ?1 OR substr(m.serial, 1, "
		    "length(?1)) = ?1 OR s.no = ?1) ORDER BY s.id DESC" :
		    "SELECT s.id FROM sales s JOIN buyers b ON b.id = s.buyer_id "
		    "JOIN machines m ON m.id = s.machine_id WHERE s.county = "
		    "'640122' AND (instr(b.name, ?1) OR m.serial = ?1 OR s.no = "
		    "?1) ORDER BY s.id DESC", f[i]);
		assert_true(n > 0);
		pages_match(&who, "sales", f[i], want, n, 500);
		free(want);
	}
}

/*
 * A filter in few names or serials is found by the indexes, not by
 * walking the scope: one that starts or is in no name (a rare prefix
 * typed, 欧阳), or a serial's start in no serial, costs about what page 1
 * costs (SQLite's VM steps of the page's statement), not the 100,000
 * sales walked; a rare one likewise, and shows its rows, to this county's
 * clerk only.
 */
static void
rare_filters_do_not_walk(void)
{
	static const char *const f[] = { "欧阳", "欧", "欧阳修", "T9",
	    "贺兰", "县新型农机合作社0100", "" };
	struct actor	 who, other;
	sqlite3_stmt	*st;
	char		 msg[NJ_MSG_MAX];
	int		 steps[sizeof f / sizeof f[0]], rows, i;

	who_is(&who, "hl_sh");
	for (i = 0; i < (int)(sizeof f / sizeof f[0]); i++) {
		st = list_seek_query(&who, &list_sales, f[i], "", LIST_EDGE, 1,
		    20, 0, msg, sizeof msg);
		assert_non_null(st);
		sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP, 1);
		for (rows = 0; sqlite3_step(st) == SQLITE_ROW; rows++)
			;
		steps[i] = sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP,
		    1);
		sqlite3_reset(st);
		assert_int_equal(rows, i < 4 ? 0 : 21);
	}
	/* page 1, unfiltered, is the yardstick: a few thousand steps */
	assert_true(steps[6] < 20000);
	for (i = 0; i < 6; i++)
		assert_true(steps[i] < 4 * steps[6] + 20000);
	/* the attack: another county's clerk types the rare names and
	   serials of these sales, which the indexes find (not the walk of
	   his own county's list): he sees none of them */
	who_is(&other, "yn_sh");
	for (i = 4; i < 6; i++) {
		struct list_page p;

		assert_int_equal(list_seek(&other, "sales", f[i], "",
		    LIST_EDGE, 1, 20, &p, msg, sizeof msg), NJ_OK);
		assert_int_equal(p.nrows, 0);
		list_page_free(&p);
	}
}

/* A buyer renamed: the suffixes follow (migration 022's triggers). */
static void
suffixes_follow_names(void)
{
	q_run("UPDATE buyers SET name = '新名字' || id WHERE idno_last4 = "
	    "'0007' AND name LIKE '购机户%'", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM buyer_suffixes WHERE "
	    "suffix >= '新名字' AND suffix < '新名字' || char(1114111)", NULL),
	    1);
	assert_int_equal(fx_int("SELECT count(*) FROM buyer_suffixes f JOIN "
	    "buyers b ON b.id = f.buyer_id WHERE b.idno_last4 = '0007' AND "
	    "instr(f.suffix, '购机户')", NULL), 0);
	/* each row a name's suffix, cut to 10 characters; each suffix of
	   3 characters or more of every name there */
	assert_int_equal(fx_int("SELECT count(*) FROM buyer_suffixes f WHERE "
	    "NOT EXISTS (SELECT 1 FROM buyers b JOIN gram_seq q ON q.n <= "
	    "length(b.name) - 2 WHERE b.id = f.buyer_id AND substr(b.name, "
	    "q.n, 10) = f.suffix)", NULL), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM buyers b JOIN gram_seq "
	    "q ON q.n <= length(b.name) - 2 WHERE NOT EXISTS (SELECT 1 FROM "
	    "buyer_suffixes f WHERE f.buyer_id = b.id AND f.suffix = "
	    "substr(b.name, q.n, 10))", NULL), 0);
	q_run("DELETE FROM buyers WHERE idno_last4 = '0007' AND name LIKE "
	    "'新名字%' AND NOT EXISTS (SELECT 1 FROM sales WHERE buyer_id = "
	    "buyers.id) AND NOT EXISTS (SELECT 1 FROM applications WHERE "
	    "buyer_id = buyers.id)", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM buyer_suffixes f WHERE "
	    "NOT EXISTS (SELECT 1 FROM buyers b WHERE b.id = f.buyer_id)",
	    NULL), 0);
}

/* The big list made once (it is most of the test's time), its checks. */
static void
big_list(void **state)
{
	(void)state;
	many_sales();
	deep_pages_are_the_straight_rows();
	filters_keep_order();
	rare_filters_do_not_walk();
	suffixes_follow_names();
}

/* A small list pages by places: End and PgUp as the offsets give. */
static void
small_list_by_place(void **state)
{
	struct actor	 who;
	struct list_page p, q;
	char		 msg[NJ_MSG_MAX];
	int		 n;
	uint64_t	 before = fx_snapshot();

	(void)state;
	who_is(&who, "admin");
	assert_int_equal(list_fetch(&who, "users", "", "", 0, 1000, &q, msg,
	    sizeof msg), NJ_OK);
	n = (int)q.nrows;
	assert_true(n > 6);
	assert_int_equal(list_seek(&who, "users", "", "", LIST_EDGE, -1, 4,
	    &p, msg, sizeof msg), NJ_OK);
	assert_int_equal(p.nrows, 4);
	assert_string_equal(list_cellv(&p, 3, 0), list_cellv(&q, n - 1, 0));
	assert_true(p.keys[0] == n - 4 && p.less && !p.more);
	list_page_free(&p);
	assert_int_equal(list_seek(&who, "users", "", "", n - 4, -1, 4, &p,
	    msg, sizeof msg), NJ_OK);
	assert_string_equal(list_cellv(&p, 0, 0), list_cellv(&q, n - 8 < 0 ?
	    0 : n - 8, 0));
	assert_true(p.more);
	list_page_free(&p);
	list_page_free(&q);
	assert_true(fx_snapshot() == before);	/* paging writes nothing */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(big_list),
		FX_TEST(small_list_by_place),
	};

	return FX_RUN(tests);
}
