/*
 * test-buyer.c: issue 8 items 1 and 2, written as the attacks.
 *
 * R-SEC-8.1a: an application (or claim) elsewhere never changes a known
 * buyer: a 永宁县 clerk typing a 贺兰县 buyer's ID number with his own
 * account is refused, and 贺兰县's finance pays into the original account.
 * R-SEC-8.1b: buyer.update only where the buyer lives; elsewhere it is
 * answered as an unknown ID number. R-SEC-8.1c: the account is frozen on
 * the sale at verification; a new account sends verified unpaid sales
 * back to verification, paid ones are untouched. R-SEC-8.1d: two clerks
 * with one version: the second is refused. R-SEC-8.2a: a wrong name is
 * not answered with the registered one. R-SEC-8.2b: a refused look-up is
 * audited. R-SEC-8.2c: the 11th refused look-up within 10 minutes is
 * refused as too frequent, and the admin sees it.
 *
 * The journey is settle.h's March journey on the demo province: 张三 of
 * 习岗镇 (ID1, account ACCT1) with three machines, 李四 (ID2) with one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "settle.h"
#include "printed.h"
#include "lists.h"
#include "actions.h"

/* The 永宁县 clerk's own card. */
static const char *
evil(void)
{
	static char card[24];

	make_card(card, "622202020011223344");
	return card;
}

/* A township of 永宁县 (640121). */
static const char *
yn_township(void)
{
	static char code[16];

	q_text(code, sizeof code, "SELECT code FROM regions WHERE parent = "
	    "'640121' AND level = 'township' ORDER BY code LIMIT 1", NULL);
	assert_true(code[0] != '\0');
	return code;
}

/* 张三's account hash and last four on record. */
static int
account_is(const char *id_last4, const char *acct)
{
	char last4[8];

	q_text(last4, sizeof last4, "SELECT account_last4 FROM buyers WHERE "
	    "idno_last4 = ?1", id_last4, NULL);
	return strcmp(last4, acct + strlen(acct) - 4) == 0;
}

static int
pr(const char *login, const char *report, const char *batch)
{
	struct print_req req;

	memset(&req, 0, sizeof req);
	req.report = report;
	req.batch = batch;
	req.encoding = "utf-8";
	return pr_req(login, &req);
}

/* How many audit rows of action by login have a detail like like. */
static int64_t
audited(const char *action, const char *login, const char *like)
{
	return fx_int("SELECT count(*) FROM audit WHERE action = ?1 AND "
	    "login = ?2 AND detail LIKE ?3", action, login, like, NULL);
}

/* The cell (row, col) of list name as login sees it; "" if none. */
static void
list_cell_of(const char *login, const char *name, size_t row, size_t col,
    char *out, size_t len)
{
	struct actor		who;
	struct list_page	page;
	char			msg[NJ_MSG_MAX];

	out[0] = '\0';
	assert_int_equal(actor_load(login, &who, msg, sizeof msg), 0);
	assert_int_equal(list_fetch(&who, name, "", NULL, 0, 50, &page, msg,
	    sizeof msg), NJ_OK);
	if (row < page.nrows)
		snprintf(out, len, "%s", list_cellv(&page, row, col));
	list_page_free(&page);
}

/*
 * R-SEC-8.1a, 8.1b, 8.1c issue 8 (1): the attack of the issue. 张三's
 * sales are approved for payment in 贺兰县; a 永宁县 clerk enters an
 * application for 张三 with his own card, then tries buyer.update.
 * Neither changes the account, and 贺兰县 pays into ACCT1.
 */
static void
cross_county_account_change(void **state)
{
	(void)state;
	st_settle(ST_APPROVED, 0);
	fx_refused("修改购机者信息", "yn_jb", "application.new",
	    "buyer_type=person", "buyer_name=张三", "id_no=" ID1,
	    kv("township", yn_township()), "item=1.1.3", "tier=03", "qty=1",
	    "bank_name=永宁某银行", kv("bank_account", evil()), NULL);
	assert_true(account_is("1238", ACCT1));
	/* the phone and the bank name are kept too */
	fx_refused("修改购机者信息", "yn_jb", "application.new",
	    "buyer_type=person", "buyer_name=张三", "id_no=" ID1,
	    kv("township", yn_township()), "item=1.1.3", "tier=03", "qty=1",
	    "bank_name=永宁某银行", NULL);
	/* buyer.update from 永宁县: as if the number were unknown */
	fx_refused(BUYER_UNKNOWN, "yn_jb", "buyer.update", "id_no=" ID1,
	    "version=1", kv("bank_account", evil()), NULL);
	fx_refused(BUYER_UNKNOWN, "yn_jb", "buyer.update",
	    "id_no=640121199006157891", "version=1", kv("bank_account", evil()),
	    NULL);
	/* nor does a buyer's own township lend itself to a neighbour's */
	fx_refused(BUYER_UNKNOWN, "jg_zhen", "buyer.update", "id_no=" ID1,
	    "version=1", kv("bank_account", evil()), NULL);
	assert_true(account_is("1238", ACCT1));
	assert_int_equal(fx_int("SELECT version FROM buyers WHERE idno_last4 "
	    "= '1238'", NULL), 1);
	/* an application elsewhere without private data still goes in */
	fx_ok("yn_jb", "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=" ID1, kv("township", yn_township()),
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	assert_true(account_is("1238", ACCT1));

	now("2026-04-26T09:30:00");
	fx_ok("hl_cz", "finance.pay", "batch=" BATCH, "paid_on=2026-04-25",
	    "ref=YH001", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM payments y JOIN sales s "
	    "ON s.id = y.sale_id JOIN buyers b ON b.id = s.buyer_id WHERE "
	    "b.idno_last4 = '1238' AND y.account_hash = b.account_hash AND "
	    "y.account_last4 = '0018'", NULL), 3);
	pr_ok("hl_cz", "bank", BATCH);
	assert_true(has(ACCT1));
	assert_false(has(evil()));
}

/*
 * R-SEC-8.1a issue 8 (1): the same attack on a buy-first claim. 张三's
 * claim in 贺兰县 gave his account; he buys again in 永宁县, whose clerk
 * accepts the claim typing his own card: refused, nothing changed; the
 * claim without it goes in and keeps 张三's township and account.
 */
static void
cross_county_claim(void **state)
{
	char	uscc[20];

	(void)state;
	fx_ok("admin", "program.set", "year=2026", "flow=buy-first", NULL);
	fx_ok("fs_dealer", "sale.new", "buyer_type=person", "buyer_name=张三",
	    "id_no=" ID1, "serial=XG26A001", "price=12000",
	    "sold_on=2026-03-01", "invoice_no=FP1", "county=640122", NULL);
	fx_ok("hl_jb", "claim.new", "serial=XG26A001", "id_no=" ID1,
	    "township=640122100", "bank_name=黄河农村商业银行",
	    "bank_account=" ACCT1, NULL);
	assert_true(account_is("1238", ACCT1));
	/* a dealer of 永宁县 only */
	make_uscc(uscc, "91", "640121", 5150);
	fx_ok("register", "dealer.register", "name=永宁县兴农农机有限公司",
	    kv("uscc", uscc), "legal_rep=杨军", "address=永宁县杨和镇",
	    "phone=13895012346", "login=yn_dealer", "password=dealer-pass",
	    NULL);
	fx_ok("ss_maker", "dealer.pick", kv("dealer", uscc), NULL);
	fx_ok("ss_maker", "dealer.authorize", kv("dealer", uscc),
	    "model=1GQN-200", "counties=640121", NULL);
	fx_ok("ss_maker", "supply.new", kv("dealer", uscc), "model=1GQN-200",
	    "serial=XG26C001", NULL);
	fx_ok("yn_dealer", "sale.new", "buyer_type=person", "buyer_name=张三",
	    "id_no=" ID1, "serial=XG26C001", "price=12000",
	    "sold_on=2026-03-01", "invoice_no=YN1", NULL);
	fx_refused("修改购机者信息", "yn_jb", "claim.new", "serial=XG26C001",
	    "id_no=" ID1, kv("township", yn_township()),
	    kv("bank_account", evil()), NULL);
	assert_true(account_is("1238", ACCT1));
	fx_ok("yn_jb", "claim.new", "serial=XG26C001", "id_no=" ID1,
	    kv("township", yn_township()), NULL);
	assert_true(account_is("1238", ACCT1));
	assert_int_equal(fx_int("SELECT count(*) FROM buyers WHERE "
	    "township = '640122100' AND version = 2", NULL), 1);
}

/*
 * R-SEC-8.1b, 8.1d issue 8 (1): buyer.update in scope: done, audited with
 * masked old and new values, in the history list; a stale version is
 * refused, so of two clerks the second never overwrites.
 */
static void
update_in_scope(void **state)
{
	char	card[24], cell[128];

	(void)state;
	st_settle(ST_SOLD, 0);
	make_card(card, "621700123400567800");
	fx_ok("hl_jb", "buyer.update", "id_no=" ID1, "version=1",
	    "phone=13912345678", kv("bank_account", card), "bank_name=建设银行",
	    "reason=换卡", NULL);
	assert_string_equal(fx_key, "2");
	assert_true(account_is("1238", card));
	/* the audit row: fields with masked old and new, no full numbers */
	assert_int_equal(audited("buyer.update", "hl_jb",
	    "%bank_account: ***0018 -> ***%"), 1);
	assert_int_equal(audited("buyer.update", "hl_jb",
	    "%bank_name: 黄河农村商业银行 -> 建设银行%"), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE detail LIKE "
	    "'%' || ?1 || '%' OR detail LIKE '%' || ?2 || '%' OR detail LIKE "
	    "'%13912345678%'", card, ACCT1, NULL), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM buyer_changes", NULL), 3);
	/* the history, masked, for the county and the buyer's township */
	list_cell_of("xg_zhen", "buyer_changes", 0, 1, cell, sizeof cell);
	assert_string_equal(cell, "张三");
	assert_int_equal(fx_int("SELECT count(*) FROM buyer_changes WHERE "
	    "field = 'bank_account' AND old_masked = '***0018' AND "
	    "new_masked = '***' || substr(?1, 16)", card, NULL), 1);
	list_cell_of("jg_zhen", "buyer_changes", 0, 1, cell, sizeof cell);
	assert_string_equal(cell, "");
	/* the list of buyers shows the version to name */
	list_cell_of("xg_zhen", "buyers", 0, 7, cell, sizeof cell);
	assert_string_equal(cell, "2");

	/* two clerks opened version 2: the first wins, the second is told */
	fx_ok("xg_zhen", "buyer.update", "id_no=" ID1, "version=2",
	    "village=二组", NULL);
	assert_string_equal(fx_key, "3");
	fx_refused(BUYER_STALE, "hl_sh", "buyer.update", "id_no=" ID1,
	    "version=2", "village=三组", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM buyers WHERE village = "
	    "'二组' AND version = 3", NULL), 1);
	fx_refused("没有要修改的内容", "hl_sh", "buyer.update", "id_no=" ID1,
	    "version=3", "village=二组", NULL);
	/* the township too must be the clerk's own */
	fx_refused("超出您的管辖范围", "xg_zhen", "buyer.update", "id_no=" ID1,
	    "version=3", "township=640122101", NULL);
}

/* Publicise, review, submit, sample, check, approve and pay batch no. */
static void
settle_batch(const char *no)
{
	now("2026-05-02T09:30:00");
	fx_ok("hl_jb", "batch.publicize", kv("batch", no), "from=2026-05-03",
	    "to=2026-05-10", NULL);
	now("2026-05-11T09:30:00");
	st_review_all("hl_fh", no);
	fx_ok("hl_jb", "batch.submit", kv("batch", no), NULL);
	fx_ok("hl_cz", "finance.sample", kv("batch", no), "seed=7", NULL);
	st_check_all("hl_cz", no);
	fx_ok("hl_cz", "finance.approve", kv("batch", no), NULL);
	fx_ok("hl_cz", "finance.pay", kv("batch", no), "paid_on=2026-05-11",
	    NULL);
}

/*
 * R-SEC-8.1c issue 8 (1): a new account after verification sends 张三's
 * submitted sales back to verification, out of the batch, the frozen
 * account cleared; 李四's stays. Verified again, the sale is paid into
 * the new account; the old batch pays 李四 alone.
 */
static void
account_change_sends_back(void **state)
{
	char	card[24], no[NJ_KEY_MAX];

	(void)state;
	st_settle(ST_SUBMITTED, 0);
	assert_int_equal(sale_col("pay_account_enc IS NOT NULL", st_xg1), 1);
	make_card(card, "621700123400567800");
	fx_ok("hl_jb", "buyer.update", "id_no=" ID1, "version=1",
	    kv("bank_account", card), "reason=原卡挂失", NULL);
	assert_non_null(strstr(fx_outbuf, "已退回核验"));
	assert_string_equal(sale_state(st_xg1), "failed");
	assert_string_equal(sale_state(st_xg2), "failed");
	assert_string_equal(sale_state(st_tl), "failed");
	assert_false(in_batch(st_xg1, BATCH));
	assert_int_equal(sale_col("pay_account_enc IS NULL", st_xg1), 1);
	assert_string_equal(sale_state(st_xg3), "batched");
	assert_true(in_batch(st_xg3, BATCH));
	assert_int_equal(fx_int("SELECT count(*) FROM verifications WHERE "
	    "sale_id = ?1 AND result = 'fail' AND problems LIKE '%账户已变更%'",
	    st_xg1, NULL), 1);

	/* verified again: the new account is frozen and paid into */
	st_verify("hl_sh", st_xg1);
	assert_int_equal(fx_int("SELECT count(*) FROM sales s JOIN buyers b "
	    "ON b.id = s.buyer_id WHERE s.id = ?1 AND s.pay_account_hash = "
	    "b.account_hash", st_xg1, NULL), 1);
	now("2026-05-02T09:00:00");
	fx_ok("hl_jb", "batch.new", "month=2026-04", NULL);
	snprintf(no, sizeof no, "%s", fx_key);
	assert_true(in_batch(st_xg1, no));
	settle_batch(no);
	assert_string_equal(sale_state(st_xg1), "paid");
	assert_int_equal(fx_int("SELECT count(*) FROM payments WHERE "
	    "sale_id = ?1 AND account_last4 = substr(?2, 16)", st_xg1, card,
	    NULL), 1);
	pr_ok("hl_cz", "bank", no);
	assert_true(has(card));
	assert_false(has(ACCT1));
	/* the first batch pays 李四 only, into ACCT2 */
	now("2026-05-11T10:00:00");
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, "seed=7", NULL);
	st_check_all("hl_cz", BATCH);
	fx_ok("hl_cz", "finance.approve", "batch=" BATCH, NULL);
	fx_ok("hl_cz", "finance.pay", "batch=" BATCH, "paid_on=2026-05-11",
	    NULL);
	assert_string_equal(fx_key, "1");
	pr_ok("hl_cz", "bank", BATCH);
	assert_true(has(ACCT2));
	assert_false(has(card));
	assert_false(has(ACCT1));
}

/* R-SEC-8.1c issue 8 (1): a paid sale keeps its account and state. */
static void
paid_sale_untouched(void **state)
{
	char	card[24];

	(void)state;
	st_settle(ST_PAID, 0);
	make_card(card, "621700123400567800");
	fx_ok("xg_zhen", "buyer.update", "id_no=" ID1, "version=1",
	    kv("bank_account", card), NULL);
	assert_null(strstr(fx_outbuf, "已退回核验"));
	assert_string_equal(sale_state(st_xg1), "paid");
	assert_int_equal(sale_col("pay_account_last4 = '0018'", st_xg1), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM payments WHERE "
	    "account_last4 = '0018'", NULL), 3);
	assert_int_equal(st_check(), 0);
}

/*
 * R-SEC-8.1c issue 8 (1): no account, no pass; the account is added by
 * buyer.update in the buyer's township, then the check passes.
 */
static void
verify_needs_account(void **state)
{
	char	app[NJ_KEY_MAX], notice[NJ_KEY_MAX], sale[32];

	(void)state;
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=" ID1, "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	snprintf(app, sizeof app, "%s", fx_key);
	fx_ok("xg_zhen", "application.submit", kv("application", app), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", app), NULL);
	snprintf(notice, sizeof notice, "%s", fx_key);
	st_sell(sale, sizeof sale, "fs_dealer", notice, ID1, "XG26A001",
	    "12000");
	fx_refused("没有登记银行账号", "hl_jb", "verify.pass", kv("sale", sale),
	    "method=office", NULL);
	fx_ok("xg_zhen", "buyer.update", "id_no=" ID1, "version=1",
	    "bank_name=黄河农村商业银行", "bank_account=" ACCT1, NULL);
	st_verify("hl_jb", sale);
	assert_int_equal(sale_col("pay_account_last4 = '0018'", sale), 1);
}

/*
 * R-SEC-8.2a, 8.2b, 8.2c issue 8 (2): the name oracle. A wrong name is
 * told nothing of the registered one; each refused try is audited and
 * counted; the 11th within ten minutes is refused as too frequent (even
 * with the right name) and the admin's list shows the clerk. Ten minutes
 * later the clerk may look up again.
 */
static void
name_oracle(void **state)
{
	char	cell[128], guess[32];
	int	i;

	(void)state;
	st_settle(ST_SOLD, 0);
	for (i = 0; i < 10; i++) {
		snprintf(guess, sizeof guess, "buyer_name=李%d", i);
		fx_refused(BUYER_MISMATCH, "hl_jb", "application.new",
		    "buyer_type=person", guess, "id_no=" ID1,
		    "township=640122100", "item=1.1.3", "tier=03", "qty=1",
		    NULL);
		assert_null(strstr(fx_err, "张"));
		assert_null(strstr(fx_err, "三"));
	}
	assert_int_equal(audited("application.new refused", "hl_jb",
	    "id_no=***1238 reason=" BUYER_MISMATCH), 10);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE detail LIKE "
	    "'%' || ?1 || '%'", ID1, NULL), 0);
	fx_refused(LOOKUP_THROTTLED, "hl_jb", "application.new",
	    "buyer_type=person", "buyer_name=王五", "id_no=" ID1,
	    "township=640122100", "item=1.1.3", "tier=03", "qty=1", NULL);
	fx_refused(LOOKUP_THROTTLED, "hl_jb", "application.new", "buyer_type="
	    "person", "buyer_name=张三", "id_no=" ID1, "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	fx_refused(LOOKUP_THROTTLED, "hl_jb", "buyer.update", "id_no=" ID2,
	    "version=1", "village=三组", NULL);
	assert_int_equal(audited("application.new refused", "hl_jb",
	    "%reason=" LOOKUP_THROTTLED), 2);
	/* another clerk is not held back */
	fx_ok("hl_sh", "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=" ID1, "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	/* the admin (and the auditor) see who */
	list_cell_of("admin", "lookup_refusals", 0, 0, cell, sizeof cell);
	assert_string_equal(cell, "hl_jb");
	list_cell_of("admin", "lookup_refusals", 0, 1, cell, sizeof cell);
	assert_string_equal(cell, "13");
	list_cell_of("admin", "lookup_refusals", 0, 3, cell, sizeof cell);
	assert_string_equal(cell, "3");
	list_cell_of("jjjc", "lookup_refusals", 0, 0, cell, sizeof cell);
	assert_string_equal(cell, "hl_jb");
	/* ten minutes after the last refusal, the limit is lifted */
	now("2026-03-02T09:41:00");
	fx_ok("hl_jb", "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=" ID1, "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
}

/*
 * R-SEC-8.2b issue 8 (2): a dealer's wrong ID number on a notice is
 * logged as a refused look-up, masked.
 */
static void
notice_lookup_logged(void **state)
{
	char	notice[NJ_KEY_MAX], id[24], card[24];

	(void)state;
	st_settle(ST_SOLD, 0);
	make_id(id, "640122", "19700305", 333);
	make_card(card, "621226120201158400");
	st_notice(notice, "xg_zhen", id, "王五", "640122100", "1.1.3", "03",
	    "1", card, NULL);
	fx_refused("身份证号码与确认通知书不符", "fs_dealer", "sale.new",
	    kv("notice", notice), "id_no=" ID2, "serial=XG26A004",
	    "price=12000", "sold_on=2026-03-02", "invoice_no=FP99", NULL);
	assert_int_equal(audited("sale.new refused", "fs_dealer",
	    "id_no=***4568%"), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM lookup_refusals WHERE "
	    "login = 'fs_dealer' AND action = 'sale.new'", NULL), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		ST_TEST(cross_county_account_change),
		ST_TEST(cross_county_claim),
		ST_TEST(update_in_scope),
		ST_TEST(account_change_sends_back),
		ST_TEST(paid_sale_untouched),
		ST_TEST(verify_needs_account),
		ST_TEST(name_oracle),
		ST_TEST(notice_lookup_logged),
	};

	return FX_RUN(tests);
}
