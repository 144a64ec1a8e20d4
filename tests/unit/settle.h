/*
 * settle.h: what the settlement tests share (test-action-batch.c,
 * test-action-finance.c, test-action-return.c, test-settle-year.c and
 * test-print-settle.c): valid ID numbers, credit codes and bank cards made
 * on the spot, the clock, SQL the test controls, and the March journey
 * of test-print-settle.c made through the real actions up to a stage of
 * monthly settlement (004 附件4 四): collected, publicised, submitted,
 * sampled, approved, paid.
 *
 * The March journey, on the demo province (clock 2026-03-02):
 *   张三 (习岗镇, ID1): XG26A001, XG26A002 (1.1.3/03 旋耕机, 2800 yuan) and
 *       TL26A001 (9.1.1/03 拖拉机, 18000 yuan, key and licensed);
 *   李四 (金贵镇, ID2): XG26A003;
 *   with extra > 0, 王五 (立岗镇): extra more 旋耕机 XG26S001... and one
 *       4U-170 马铃薯收获机 MS26A001 (3500 + 20% provincial top-up).
 * hl_jb verifies the 旋耕机 of 张三 and 王五, hl_sh 李四's, both the
 * tractor on site; hl_fh, a third county clerk added here, reviews. In
 * April hl_jb collects batch JS640122202603-01 and publicises it from
 * 04-03 to 04-10; on 04-11 hl_fh reviews, hl_jb submits, hl_cz samples
 * (seed 7), checks and approves; on 04-26 hl_cz pays (paid on 04-25).
 *
 * Include after fixture.h. Every helper is marked unused: not every test
 * program needs all of them.
 */
#ifndef NJBT_TEST_SETTLE_H
#define NJBT_TEST_SETTLE_H

#define ST_UNUSED	__attribute__((unused))

#define FS	"91640122MA76F2K349"	/* fs_dealer */
#define JS	"91640104MA77H8C58B"	/* js_dealer */
#define ID1	"640122198001011238"	/* 张三 */
#define ID2	"640122197512034568"	/* 李四 */
#define ACCT1	"6228480402564890018"
#define ACCT2	"6228480402564890125"
#define BATCH	"JS640122202603-01"

/* The sales of the March journey (ids as text), set by st_settle(). */
static char	st_xg1[32], st_xg2[32], st_tl[32], st_xg3[32], st_ms[32];
static char	st_id3[24];		/* 王五's ID number */

enum st_stage {
	ST_SOLD = 0,	/* recorded, not verified */
	ST_VERIFIED,	/* verified in March */
	ST_BATCHED,	/* batch.new on 04-02 */
	ST_PUBLICIZED,	/* publicised 04-03 to 04-10 */
	ST_SUBMITTED,	/* reviewed and submitted on 04-11 */
	ST_SAMPLED,	/* finance drew its sample (seed 7) */
	ST_APPROVED,	/* every sampled machine checked, approved */
	ST_PAID		/* paid on 04-25 */
};

/* A fresh invoice number (dealers may not repeat theirs). */
static ST_UNUSED const char *
st_invoice(void)
{
	static unsigned	n;
	char		inv[32];

	snprintf(inv, sizeof inv, "FP%05u", ++n);
	return kv("invoice_no", inv);
}

/*
 * A person's approved quota-first application in 640122: entered and
 * submitted by login, approved by hl_sh; its notice number into notice.
 * line2 (may be NULL) is a second line "item/tier/qty".
 */
static ST_UNUSED void
st_notice(char *notice, const char *login, const char *id, const char *name,
    const char *township, const char *item, const char *tier,
    const char *qty, const char *account, const char *line2)
{
	char	app[NJ_KEY_MAX], it[16], tr[8], q[8];

	fx_ok(login, "application.new", "buyer_type=person",
	    kv("buyer_name", name), kv("id_no", id), kv("township", township),
	    kv("item", item), kv("tier", tier), kv("qty", qty),
	    "bank_name=黄河农村商业银行", kv("bank_account", account),
	    "village=一组", NULL);
	snprintf(app, sizeof app, "%s", fx_key);
	if (line2 != NULL) {
		assert_int_equal(sscanf(line2, "%15[^/]/%7[^/]/%7s", it, tr, q),
		    3);
		fx_ok(login, "application.line", kv("application", app),
		    kv("item", it), kv("tier", tr), kv("qty", q), NULL);
	}
	fx_ok(login, "application.submit", kv("application", app), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", app), NULL);
	snprintf(notice, NJ_KEY_MAX, "%s", fx_key);
}

/* A sale on notice by dealer, bought today; its id (text) into out. */
static ST_UNUSED void
st_sell(char *out, size_t len, const char *dealer, const char *notice,
    const char *id, const char *serial, const char *price)
{
	char day[16];

	date_format(clock_today(), day, sizeof day);
	fx_ok(dealer, "sale.new", kv("notice", notice), kv("id_no", id),
	    kv("serial", serial), kv("price", price), kv("sold_on", day),
	    st_invoice(), NULL);
	strlcpy0(out, fx_key, len);
}

/*
 * Every item of the checklist ticked (R-002-A3-2.2 R-002-A3-2.3 002 附件3
 * 二(二)、(三)); licence papers count only for a licensed machine.
 */
#define ST_CHECKS	"check_identity=1", "check_invoice=1", \
			"check_nameplate=1", "check_dealer=1", \
			"check_licence=1", "check_account=1", "check_promise=1"

/*
 * R-002-A3-2.3a 002 附件3 二(三) 双人交叉核验: a second verifier of the
 * county of login (贺兰 640122, 永宁 640121).
 */
static ST_UNUSED const char *
st_partner(const char *login)
{
	if (strncmp(login, "yn_", 3) == 0)
		return strcmp(login, "yn_sh") == 0 ? "partner=yn_jb" :
		    "partner=yn_sh";
	return strcmp(login, "hl_sh") == 0 ? "partner=hl_jb" : "partner=hl_sh";
}

/* In the office by login, with a second verifier. */
static ST_UNUSED void
st_verify(const char *login, const char *sale)
{
	fx_ok(login, "verify.pass", kv("sale", sale), "method=office",
	    ST_CHECKS, st_partner(login), NULL);
}

/*
 * On site by login, with a second verifier: an organisation's machine
 * (R-000-M-3.2.4b 000 三(二)4: 合作组织购买情况需派人实际逐台核实).
 */
static ST_UNUSED void
st_verify_onsite(const char *login, const char *sale)
{
	fx_ok(login, "verify.pass", kv("sale", sale), "method=onsite",
	    ST_CHECKS, st_partner(login), NULL);
}

/* A key machine: on site, by hl_jb and then hl_sh (003 附件3). */
static ST_UNUSED void
st_verify_key(const char *sale, const char *licence)
{
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=onsite",
	    kv("licence_no", licence), ST_CHECKS, NULL);
	fx_ok("hl_sh", "verify.pass", kv("sale", sale), "method=onsite",
	    ST_CHECKS, NULL);
}

/*
 * Put plain, sealed as the buyer's account, as the account frozen on
 * sale: what a database tampered with, or an old row, may hold.
 */
static ST_UNUSED void
st_seal_account(const char *sale, const char *plain)
{
	sqlite3_stmt	*st;
	unsigned char	*blob = NULL;
	size_t		 len = 0;
	int64_t		 buyer;

	buyer = fx_int("SELECT buyer_id FROM sales WHERE id = ?1", sale, NULL);
	assert_int_equal(crypt_seal(plain, "buyers.account", buyer, &blob,
	    &len), 0);
	assert_int_equal(sqlite3_prepare_v2(store->db, "UPDATE sales SET "
	    "pay_account_enc = ?1 WHERE id = ?2", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_blob(st, 1, blob, (int)len, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, atoll(sale));
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	free(blob);
}

/* Every pending review of batch passed by login. */
static ST_UNUSED void
st_review_all(const char *login, const char *batch)
{
	int64_t	sale;

	while ((sale = fx_int("SELECT r.sale_id FROM reviews r JOIN batches b "
	    "ON b.id = r.batch_id JOIN batch_sales x ON x.sale_id = r.sale_id "
	    "AND x.batch_id = b.id WHERE b.no = ?1 AND r.result IS NULL ORDER "
	    "BY r.sale_id LIMIT 1", batch, NULL)) > 0)
		fx_ok(login, "batch.review", kv("batch", batch),
		    kvi("sale", sale), "result=pass", "opinion=一致", NULL);
}

/* Every pending finance check of batch passed by login. */
static ST_UNUSED void
st_check_all(const char *login, const char *batch)
{
	int64_t	sale;

	while ((sale = fx_int("SELECT c.sale_id FROM finance_checks c JOIN "
	    "batches b ON b.id = c.batch_id WHERE b.no = ?1 AND c.result IS "
	    "NULL ORDER BY c.sale_id LIMIT 1", batch, NULL)) > 0)
		fx_ok(login, "finance.check", kvi("sale", sale), "result=pass",
		    "note=在用", NULL);
}

/* The March journey, then settlement up to stage (see the top). */
static ST_UNUSED void
st_settle(enum st_stage stage, int extra)
{
	char	n1[NJ_KEY_MAX], n2[NJ_KEY_MAX], n3[NJ_KEY_MAX], list[1024];
	char	serial[32], s[32], card[24];
	size_t	used = 0;
	int	i;

	now("2026-03-02T09:30:00");
	fx_ok("admin", "user.add", "login=hl_fh", "name=孙复核", "role=county",
	    "region=640122", "password=njbt-demo-1", "post=approver", NULL);
	st_notice(n1, "xg_zhen", ID1, "张三", "640122100", "1.1.3", "03", "2",
	    ACCT1, "9.1.1/03/1");
	st_notice(n2, "jg_zhen", ID2, "李四", "640122101", "1.1.3", "03", "1",
	    ACCT2, NULL);
	st_sell(st_xg1, sizeof st_xg1, "fs_dealer", n1, ID1, "XG26A001",
	    "12000");
	st_sell(st_xg2, sizeof st_xg2, "fs_dealer", n1, ID1, "XG26A002",
	    "12000");
	st_sell(st_tl, sizeof st_tl, "fs_dealer", n1, ID1, "TL26A001",
	    "150000");
	st_sell(st_xg3, sizeof st_xg3, "fs_dealer", n2, ID2, "XG26A003",
	    "11800");
	st_ms[0] = '\0';
	if (extra > 0) {
		list[0] = '\0';
		for (i = 1; i <= extra; i++)
			used += (size_t)snprintf(list + used, sizeof list - used,
			    "%sXG26S%03d", i > 1 ? "," : "", i);
		fx_ok("ss_maker", "supply.bulk", "dealer=" FS, "model=1GQN-200",
		    kv("serials", list), NULL);
		make_id(st_id3, "640122", "19700305", 333);
		make_card(card, "621226120201158400");
		snprintf(s, sizeof s, "%d", extra);
		st_notice(n3, "hl_jb", st_id3, "王五", "640122102", "1.1.3",
		    "03", s, card, "4.3.1/02/1");
		for (i = 1; i <= extra; i++) {
			snprintf(serial, sizeof serial, "XG26S%03d", i);
			st_sell(s, sizeof s, "fs_dealer", n3, st_id3, serial,
			    "12000");
		}
		st_sell(st_ms, sizeof st_ms, "fs_dealer", n3, st_id3,
		    "MS26A001", "15000");
	}
	if (stage == ST_SOLD)
		return;
	st_verify("hl_jb", st_xg1);
	st_verify("hl_jb", st_xg2);
	st_verify("hl_sh", st_xg3);
	st_verify_key(st_tl, "宁A-12345");
	if (extra > 0) {
		int64_t	sale;
		char	id[32];

		while ((sale = fx_int("SELECT id FROM sales WHERE state = "
		    "'recorded' ORDER BY id LIMIT 1", NULL)) > 0) {
			snprintf(id, sizeof id, "%lld", (long long)sale);
			st_verify("hl_jb", id);
		}
	}
	if (stage == ST_VERIFIED)
		return;

	now("2026-04-02T09:30:00");
	fx_ok("hl_jb", "batch.new", "month=2026-03", NULL);
	assert_string_equal(fx_key, BATCH);
	if (stage == ST_BATCHED)
		return;
	fx_ok("hl_jb", "batch.publicize", "batch=" BATCH, "from=2026-04-03",
	    "to=2026-04-10", NULL);
	if (stage == ST_PUBLICIZED)
		return;

	now("2026-04-11T09:30:00");
	st_review_all("hl_fh", BATCH);
	fx_ok("hl_jb", "batch.submit", "batch=" BATCH, NULL);
	if (stage == ST_SUBMITTED)
		return;
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, "seed=7", NULL);
	if (stage == ST_SAMPLED)
		return;
	st_check_all("hl_cz", BATCH);
	fx_ok("hl_cz", "finance.approve", "batch=" BATCH, NULL);
	if (stage == ST_APPROVED)
		return;
	now("2026-04-26T09:30:00");
	fx_ok("hl_cz", "finance.pay", "batch=" BATCH, "paid_on=2026-04-25",
	    "ref=YH001", NULL);
}

/* A sale's column as an integer. */
static ST_UNUSED int64_t
sale_col(const char *col, const char *sale)
{
	char sql[160];

	snprintf(sql, sizeof sql, "SELECT %s FROM sales WHERE id = ?1", col);
	return fx_int(sql, sale, NULL);
}

/* A sale's state ("" if none). */
static ST_UNUSED const char *
sale_state(const char *sale)
{
	static char buf[32];

	q_text(buf, sizeof buf, "SELECT state FROM sales WHERE id = ?1", sale,
	    NULL);
	return buf;
}

/* A part of 贺兰县's 2026 budget: committed_central, paid_provincial... */
static ST_UNUSED int64_t
budget(const char *col)
{
	char sql[160];

	snprintf(sql, sizeof sql, "SELECT %s FROM budgets WHERE year = 2026 "
	    "AND region = '640122'", col);
	return fx_int(sql, NULL);
}

/* Is the sale in batch no? */
static ST_UNUSED int
in_batch(const char *sale, const char *no)
{
	return fx_int("SELECT count(*) FROM batch_sales x JOIN batches b ON "
	    "b.id = x.batch_id WHERE x.sale_id = ?1 AND b.no = ?2", sale, no,
	    NULL) == 1;
}

/* check_run() quietly: the checks that failed, each printed. */
static ST_UNUSED void
st_check_cb(void *arg, int ok, const char *what, const char *detail)
{
	(void)arg;
	if (!ok)
		fprintf(stderr, "check: %s: %s\n", what, detail);
}

static ST_UNUSED int
st_check(void)
{
	return check_run(st_check_cb, NULL);
}

/* Tear down, and put the clock back. */
static ST_UNUSED int
st_teardown(void **state)
{
	setenv("NJBT_NOW", FX_NOW, 1);
	return fx_teardown(state);
}

#define ST_TEST(f) cmocka_unit_test_setup_teardown(f, fx_setup, st_teardown)

#endif
