/*
 * test-action-return.c: returns (退货, 004 附件5; SPEC section 3 returns;
 * action-return.c), through the real actions on the demo province.
 * Before payment (附件5 一) the county agrees: the sale is cancelled and
 * leaves its batch, the notice and the application are cancelled, the
 * machine goes back into the dealer's stock (it can be sold again), and
 * what the budget held for it is released; a buy-first sale not yet
 * claimed held nothing. After payment (附件5 二) the county only records
 * the request; finance records the whole subsidy refunded, and only then
 * is the sale refunded, the machine back in stock, and the budget's paid
 * and committed parts lower; `njbt check` still agrees.
 *
 * The batch is settle.h's March journey.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "settle.h"

#define RETURNED_MSG "补贴已支付：须购机者将补贴款全额退回财政补贴专户，" \
	"由财政部门登记退款后方可退货"

/* The serial of a sale's machine. */
static const char *
serial_of(const char *sale)
{
	static char buf[32];

	q_text(buf, sizeof buf, "SELECT m.serial FROM machines m JOIN sales s "
	    "ON s.machine_id = m.id WHERE s.id = ?1", sale, NULL);
	return buf;
}

/* The machine of a sale is in fs_dealer's stock again. */
static int
in_stock(const char *sale)
{
	return fx_int("SELECT count(*) FROM machines m JOIN sales s ON "
	    "s.machine_id = m.id JOIN dealers d ON d.id = m.dealer_id WHERE "
	    "s.id = ?1 AND m.state = 'supplied' AND d.uscc = '" FS "'", sale,
	    NULL) == 1;
}

/* 赵四 gets a notice for one 旋耕机 (today) and buys serial; the sale. */
static void
resell(char *out, size_t len, const char *serial)
{
	char notice[NJ_KEY_MAX], id[24], card[24];

	make_id(id, "640122", "19820304", 111);
	make_card(card, "621226120201158422");
	st_notice(notice, "xg_zhen", id, "赵四", "640122100", "1.1.3", "03", "1",
	    card, NULL);
	st_sell(out, len, "fs_dealer", notice, id, serial, "12000");
}

/* --- before payment ----------------------------------------------------- */

/*
 * R-004-A5-1 004 附件5 一: the county agrees; the notice is cancelled, the machine
 * goes back to the dealer, the sale out of its batch (and its review).
 */
static void
return_before_payment(void **state)
{
	char	sale[32], again[32], serial[32];
	int64_t	cc, cp, subsidy, central;

	(void)state;
	st_settle(ST_PUBLICIZED, 0);
	/* the machine drawn for review, so that a pending review goes too */
	snprintf(sale, sizeof sale, "%lld", (long long)fx_int("SELECT sale_id "
	    "FROM reviews WHERE required_why = 'sample'", NULL));
	snprintf(serial, sizeof serial, "%s", serial_of(sale));
	cc = budget("committed_central");
	cp = budget("committed_provincial");
	subsidy = sale_col("subsidy", sale);
	central = sale_col("central", sale);
	now("2026-04-06T10:00:00");
	fx_ok("hl_jb", "return.new", kv("sale", sale), "reason=三包退货", NULL);
	assert_string_equal(fx_key, sale);
	assert_string_equal(fx_outbuf, "");
	assert_int_equal(fx_int("SELECT count(*) FROM returns r JOIN users u ON "
	    "u.id = r.by_user WHERE r.sale_id = ?1 AND r.reason = '三包退货' AND "
	    "r.paid_before = 0 AND r.state = 'done' AND u.login = 'hl_jb' AND "
	    "r.at = '2026-04-06 10:00:00' AND r.refund IS NULL", sale, NULL),
	    1);
	assert_string_equal(sale_state(sale), "cancelled");
	assert_false(in_batch(sale, BATCH));
	assert_int_equal(fx_int("SELECT count(*) FROM reviews WHERE sale_id = "
	    "?1", sale, NULL), 0);
	assert_true(in_stock(sale));
	assert_int_equal(fx_int("SELECT count(*) FROM sales s JOIN notices n ON "
	    "n.id = s.notice_id JOIN applications a ON a.id = s.app_id WHERE "
	    "s.id = ?1 AND n.state = 'cancelled' AND a.state = 'cancelled'",
	    sale, NULL), 1);
	/* what the budget held for it is released */
	assert_int_equal(budget("committed_central"), cc - central);
	assert_int_equal(budget("committed_provincial"), cp - (subsidy -
	    central));
	/* the rest of the batch goes on */
	assert_int_equal(fx_int("SELECT count(*) FROM batch_sales", NULL), 3);
	assert_int_equal(st_check(), 0);
	/* the dealer sells the machine again, to someone else */
	resell(again, sizeof again, serial);
	assert_true(atoll(again) > atoll(sale));
	assert_string_equal(sale_state(again), "recorded");
	assert_int_equal(fx_int("SELECT count(*) FROM machines WHERE serial = "
	    "?1 AND state = 'sold'", serial, NULL), 1);
	assert_string_equal(sale_state(sale), "cancelled");
}

/*
 * R-004-A5-1a 004 附件5 一: before the batch goes to finance the county
 * returns alone; finance has nothing to confirm.
 */
static void
return_before_finance_needs_no_confirmation(void **state)
{
	(void)state;
	st_settle(ST_PUBLICIZED, 0);
	fx_refused("不在已报送财政的结算批次中，退货无需财政确认", "hl_cz",
	    "return.confirm", kv("sale", st_tl), NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM return_confirms", NULL),
	    0);
	fx_ok("hl_sh", "return.new", kv("sale", st_tl), "reason=协商退货", NULL);
	assert_string_equal(sale_state(st_tl), "cancelled");
	assert_int_equal(st_check(), 0);
}

/*
 * R-004-A5-1 R-004-A5-1a 004 附件5 一: 如已报送至县财政局，经县财政局核实补贴
 * 资金未发放的: a machine of a batch finance has approved, not yet paid, is
 * returned once finance confirms nothing was paid; it is not paid.
 */
static void
return_from_approved_batch(void **state)
{
	int64_t n;

	(void)state;
	st_settle(ST_APPROVED, 0);
	now("2026-04-20T10:00:00");
	/* the attack: the county returns without finance's confirmation */
	n = fx_int("SELECT count(*) FROM returns", NULL);
	fx_refused("已报送财政：须由财政部门先确认补贴资金未发放", "hl_sh",
	    "return.new", kv("sale", st_tl), "reason=协商退货", NULL);
	assert_string_equal(fx_field, "sale");
	assert_int_equal(fx_int("SELECT count(*) FROM returns", NULL), n);
	assert_string_equal(sale_state(st_tl), "batched");
	assert_true(in_batch(st_tl, BATCH));
	/* only finance confirms, only once, only for a sale it holds */
	fx_refused("无权执行", "hl_sh", "return.confirm", kv("sale", st_tl),
	    NULL);
	fx_ok("hl_cz", "return.confirm", kv("sale", st_tl),
	    "note=经核实补贴资金未发放", NULL);
	fx_refused("已确认补贴资金未发放", "hl_cz", "return.confirm",
	    kv("sale", st_tl), NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM return_confirms r JOIN "
	    "users u ON u.id = r.by_user WHERE r.sale_id = ?1 AND u.login = "
	    "'hl_cz'", st_tl, NULL), 1);
	fx_ok("hl_sh", "return.new", kv("sale", st_tl), "reason=协商退货", NULL);
	assert_string_equal(sale_state(st_tl), "cancelled");
	assert_false(in_batch(st_tl, BATCH));
	assert_true(in_stock(st_tl));
	now("2026-04-26T09:30:00");
	fx_ok("hl_cz", "finance.pay", "batch=" BATCH, "paid_on=2026-04-25",
	    NULL);
	assert_string_equal(fx_key, "3");
	assert_int_equal(fx_int("SELECT count(*) FROM payments WHERE sale_id = "
	    "?1", st_tl, NULL), 0);
	assert_int_equal(budget("paid_central"), 840000);
	assert_int_equal(st_check(), 0);
}

/* A sale not yet verified, or failed, is returned the same way. */
static void
return_before_batch(void **state)
{
	int64_t	cc;

	(void)state;
	st_settle(ST_SOLD, 0);
	cc = budget("committed_central");
	fx_ok("hl_jb", "return.new", kv("sale", st_xg3), "reason=质量问题",
	    NULL);
	assert_string_equal(sale_state(st_xg3), "cancelled");
	assert_true(in_stock(st_xg3));
	assert_int_equal(budget("committed_central"), cc - 280000);
	fx_ok("hl_jb", "verify.fail", kv("sale", st_xg1), "reason=发票不符",
	    NULL);
	fx_ok("hl_jb", "return.new", kv("sale", st_xg1), "reason=质量问题",
	    NULL);
	assert_string_equal(sale_state(st_xg1), "cancelled");
	assert_int_equal(budget("committed_central"), cc - 560000);
	/* a cancelled sale is not checked, collected or claimed */
	fx_refused("已核验或已结算，不能再核验", "hl_jb", "verify.pass",
	    kv("sale", st_xg1), "method=office", NULL);
	assert_int_equal(st_check(), 0);
}

/*
 * A notice for more than one unit is cancelled whole: what it still held
 * for the units not bought is released too, not left committed.
 */
static void
return_releases_the_whole_notice(void **state)
{
	char	notice[NJ_KEY_MAX], id[24], card[24], sale[32];
	int64_t	cc, cp;

	(void)state;
	cc = budget("committed_central");
	cp = budget("committed_provincial");
	make_id(id, "640122", "19820304", 111);
	make_card(card, "621226120201158422");
	st_notice(notice, "xg_zhen", id, "赵四", "640122100", "1.1.3", "03", "3",
	    card, "4.3.1/02/1");
	assert_int_equal(budget("committed_central"), cc + 3 * 280000 + 350000);
	assert_int_equal(budget("committed_provincial"), cp + 70000);
	st_sell(sale, sizeof sale, "fs_dealer", notice, id, "XG26A004", "12000");
	fx_ok("hl_jb", "return.new", kv("sale", sale), "reason=放弃购机", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM notices WHERE no = ?1 AND "
	    "state = 'cancelled'", notice, NULL), 1);
	assert_int_equal(budget("committed_central"), cc);
	assert_int_equal(budget("committed_provincial"), cp);
	fx_refused("已交回或作废", "fs_dealer", "sale.new", kv("notice", notice),
	    kv("id_no", id), "serial=XG26A005", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=FP9", NULL);
	assert_int_equal(st_check(), 0);
}

/* Two units bought on one notice, both returned: released once each. */
static void
return_both_units_of_a_notice(void **state)
{
	char	notice[NJ_KEY_MAX], id[24], card[24], s1[32], s2[32];
	int64_t	cc;

	(void)state;
	cc = budget("committed_central");
	make_id(id, "640122", "19820304", 111);
	make_card(card, "621226120201158422");
	st_notice(notice, "xg_zhen", id, "赵四", "640122100", "1.1.3", "03", "3",
	    card, NULL);
	st_sell(s1, sizeof s1, "fs_dealer", notice, id, "XG26A004", "12000");
	st_sell(s2, sizeof s2, "fs_dealer", notice, id, "XG26A005", "12000");
	fx_ok("hl_jb", "return.new", kv("sale", s1), "reason=退货", NULL);
	/* the second unit is still bought and held; the third released */
	assert_int_equal(budget("committed_central"), cc + 280000);
	fx_ok("hl_jb", "return.new", kv("sale", s2), "reason=退货", NULL);
	assert_int_equal(budget("committed_central"), cc);
	assert_true(in_stock(s1) && in_stock(s2));
}

/* Buy-first: a sale not yet claimed committed nothing, so frees nothing. */
static void
return_buy_first(void **state)
{
	char	id[24], card[24], s1[NJ_KEY_MAX], s2[NJ_KEY_MAX];
	int64_t	cc, cp;

	(void)state;
	fx_ok("admin", "program.set", "year=2026", "flow=buy-first", NULL);
	make_id(id, "640122", "19820304", 111);
	make_card(card, "621226120201158422");
	cc = budget("committed_central");
	cp = budget("committed_provincial");
	fx_ok("fs_dealer", "sale.new", "buyer_type=person", "buyer_name=赵四",
	    kv("id_no", id), "serial=XG26A004", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=FP1", "county=640122", NULL);
	snprintf(s1, sizeof s1, "%s", fx_key);
	fx_ok("fs_dealer", "sale.new", "buyer_type=person", "buyer_name=赵四",
	    kv("id_no", id), "serial=MS26A001", "price=15000",
	    "sold_on=2026-03-02", "invoice_no=FP2", "county=640122", NULL);
	snprintf(s2, sizeof s2, "%s", fx_key);
	fx_ok("hl_jb", "return.new", kv("sale", s1), "reason=退货", NULL);
	assert_string_equal(sale_state(s1), "cancelled");
	assert_true(in_stock(s1));
	assert_int_equal(budget("committed_central"), cc);
	assert_int_equal(budget("committed_provincial"), cp);
	/* claimed: the claim committed it, the return releases it */
	fx_ok("hl_jb", "claim.new", "serial=MS26A001", kv("id_no", id),
	    kv("bank_account", card), NULL);
	assert_int_equal(budget("committed_central"), cc + 350000);
	assert_int_equal(budget("committed_provincial"), cp + 70000);
	fx_ok("hl_jb", "return.new", kv("sale", s2), "reason=退货", NULL);
	assert_int_equal(budget("committed_central"), cc);
	assert_int_equal(budget("committed_provincial"), cp);
	assert_int_equal(fx_int("SELECT count(*) FROM applications a JOIN sales "
	    "s ON s.app_id = a.id WHERE s.id = ?1 AND a.state = 'cancelled'",
	    s2, NULL), 1);
	/* the dealer sells it again, and it is claimed again */
	fx_ok("fs_dealer", "sale.new", "buyer_type=person", "buyer_name=赵四",
	    kv("id_no", id), "serial=MS26A001", "price=15000",
	    "sold_on=2026-03-02", "invoice_no=FP3", "county=640122", NULL);
	fx_ok("hl_jb", "claim.new", "serial=MS26A001", kv("id_no", id), NULL);
	assert_int_equal(budget("committed_central"), cc + 350000);
	assert_int_equal(st_check(), 0);
}

/*
 * An objection still open about a machine that is returned: it must be
 * closed before the batch goes to finance, and upholding it then leaves
 * the return as it is (the machine stays in the dealer's stock).
 */
static void
return_with_an_open_objection(void **state)
{
	char	obj[NJ_KEY_MAX], again[32];

	(void)state;
	st_settle(ST_PUBLICIZED, 0);
	now("2026-04-05T10:00:00");
	fx_ok("hl_jb", "objection.new", kv("sale", st_xg3),
	    "text=反映购机者已退货", NULL);
	snprintf(obj, sizeof obj, "%s", fx_key);
	fx_ok("hl_jb", "return.new", kv("sale", st_xg3), "reason=协商退货",
	    NULL);
	now("2026-04-11T09:30:00");
	st_review_all("hl_fh", BATCH);
	fx_refused("还有 1 条公示异议未处理", "hl_jb", "batch.submit",
	    "batch=" BATCH, NULL);
	fx_ok("hl_sh", "objection.resolve", kv("objection", obj), "upheld=1",
	    "resolution=属实，已办理退货", NULL);
	assert_string_equal(sale_state(st_xg3), "cancelled");
	assert_true(in_stock(st_xg3));
	assert_int_equal(fx_int("SELECT count(*) FROM verifications WHERE "
	    "sale_id = ?1 AND result = 'fail'", st_xg3, NULL), 0);
	fx_ok("hl_jb", "batch.submit", "batch=" BATCH, NULL);
	resell(again, sizeof again, "XG26A003");
	assert_string_equal(sale_state(again), "recorded");
	assert_int_equal(st_check(), 0);
}

/* --- after payment ------------------------------------------------------- */

/* R-004-A5-2 004 附件5 二: the county records the request; nothing else moves yet. */
static void
return_after_payment_is_a_request(void **state)
{
	int64_t	pc, cc;

	(void)state;
	st_settle(ST_PAID, 0);
	pc = budget("paid_central");
	cc = budget("committed_central");
	now("2026-05-06T10:00:00");
	fx_ok("hl_jb", "return.new", kv("sale", st_xg3), "reason=三包退货",
	    NULL);
	assert_string_equal(fx_key, st_xg3);
	assert_string_equal(fx_outbuf, RETURNED_MSG "\n");
	assert_int_equal(fx_int("SELECT count(*) FROM returns r JOIN users u ON "
	    "u.id = r.by_user WHERE r.sale_id = ?1 AND r.paid_before = 1 AND "
	    "r.state = 'awaiting_refund' AND u.login = 'hl_jb' AND r.at = "
	    "'2026-05-06 10:00:00' AND r.refund IS NULL AND r.done_at IS NULL",
	    st_xg3, NULL), 1);
	assert_string_equal(sale_state(st_xg3), "paid");
	assert_true(in_batch(st_xg3, BATCH));
	assert_int_equal(fx_int("SELECT count(*) FROM machines WHERE serial = "
	    "'XG26A003' AND state = 'paid'", NULL), 1);
	assert_int_equal(budget("paid_central"), pc);
	assert_int_equal(budget("committed_central"), cc);
	/* asked once */
	fx_refused("销售 ", "hl_sh", "return.new", kv("sale", st_xg3),
	    "reason=再次申请", NULL);
	assert_non_null(strstr(fx_err, "已申请退货，等待财政部门登记退款"));
	assert_int_equal(st_check(), 0);
}

static void
return_new_refusals(void **state)
{
	(void)state;
	st_settle(ST_PUBLICIZED, 0);
	/* the county only */
	fx_refused("无权执行“退货”", "hl_cz", "return.new", kv("sale", st_xg1),
	    "reason=x", NULL);
	fx_refused("无权执行“退货”", "xg_zhen", "return.new",
	    kv("sale", st_xg1), "reason=x", NULL);
	fx_refused("无权执行“退货”", "fs_dealer", "return.new",
	    kv("sale", st_xg1), "reason=x", NULL);
	fx_refused("无权执行“退货”", "admin", "return.new", kv("sale", st_xg1),
	    "reason=x", NULL);
	/* its own county's sales */
	fx_refused("超出您的管辖范围：640122", "yn_jb", "return.new",
	    kv("sale", st_xg1), "reason=x", NULL);
	assert_string_equal(fx_field, "sale");
	fx_refused("未知的销售编号：99999", "hl_jb", "return.new", "sale=99999",
	    "reason=x", NULL);
	fx_refused("未知的销售编号：XG26A001", "hl_jb", "return.new",
	    "sale=XG26A001", "reason=x", NULL);
	fx_refused("请填写：退货原因", "hl_jb", "return.new", kv("sale", st_xg1),
	    NULL);
	/* a machine already returned */
	fx_ok("hl_jb", "return.new", kv("sale", st_xg1), "reason=退货", NULL);
	fx_refused("已退货", "hl_jb", "return.new", kv("sale", st_xg1),
	    "reason=再退", NULL);
	fx_refused("已退货", "hl_sh", "return.new", kv("sale", st_xg1),
	    "reason=再退", NULL);
	/* a return done before payment has no refund to record */
	fx_refused("没有待登记退款的退货申请", "hl_cz", "return.refund",
	    kv("sale", st_xg1), "amount=2800", "paid_on=2026-03-02", NULL);
}

/*
 * R-004-A5-2 004 附件5 二: finance records the whole subsidy refunded; the sale is
 * then refunded, the machine back in stock, and the budget's paid and
 * committed parts go down by what was paid.
 */
static void
return_refund_completes(void **state)
{
	int64_t	pc, pp, cc, cp;

	(void)state;
	st_settle(ST_PAID, 0);
	now("2026-05-06T10:00:00");
	fx_ok("hl_jb", "return.new", kv("sale", st_tl), "reason=三包退货",
	    NULL);
	pc = budget("paid_central");
	pp = budget("paid_provincial");
	cc = budget("committed_central");
	cp = budget("committed_provincial");
	now("2026-05-12T10:00:00");
	/* finance only, its own county, the request first */
	fx_refused("无权执行“登记退回的补贴款”", "hl_jb", "return.refund",
	    kv("sale", st_tl), "amount=18000", "paid_on=2026-05-10", NULL);
	fx_refused("超出您的管辖范围：640122", "yn_cz", "return.refund",
	    kv("sale", st_tl), "amount=18000", "paid_on=2026-05-10", NULL);
	fx_refused("销售 ", "hl_cz", "return.refund", kv("sale", st_xg1),
	    "amount=2800", "paid_on=2026-05-10", NULL);
	assert_non_null(strstr(fx_err, "没有待登记退款的退货申请"));
	fx_refused("未知的销售编号：99999", "hl_cz", "return.refund",
	    "sale=99999", "amount=2800", "paid_on=2026-05-10", NULL);
	/* the whole subsidy, not less, not more */
	fx_refused("退回 17999.99 元与已支付的补贴 18000.00 元不符：须全额退回",
	    "hl_cz", "return.refund", kv("sale", st_tl), "amount=17999.99",
	    "paid_on=2026-05-10", NULL);
	assert_string_equal(fx_field, "amount");
	fx_refused("退回 9000.00 元与已支付的补贴 18000.00 元不符", "hl_cz",
	    "return.refund", kv("sale", st_tl), "amount=9000",
	    "paid_on=2026-05-10", NULL);
	fx_refused("退回 18000.01 元与已支付的补贴 18000.00 元不符", "hl_cz",
	    "return.refund", kv("sale", st_tl), "amount=18000.01",
	    "paid_on=2026-05-10", NULL);
	fx_refused("退款日期不能晚于今天", "hl_cz", "return.refund",
	    kv("sale", st_tl), "amount=18000", "paid_on=2026-05-13", NULL);
	assert_string_equal(fx_field, "paid_on");
	fx_refused("退款日期不能早于退货申请日期", "hl_cz", "return.refund",
	    kv("sale", st_tl), "amount=18000", "paid_on=2026-01-10", NULL);
	fx_refused("金额应以元为单位", "hl_cz", "return.refund",
	    kv("sale", st_tl), "amount=一万八", "paid_on=2026-05-10", NULL);
	fx_ok("hl_cz", "return.refund", kv("sale", st_tl), "amount=18000.00",
	    "paid_on=2026-05-10", NULL);
	assert_string_equal(fx_key, st_tl);
	assert_int_equal(fx_int("SELECT count(*) FROM returns r JOIN users u ON "
	    "u.id = r.refund_by WHERE r.sale_id = ?1 AND r.state = 'done' AND "
	    "r.refund = 1800000 AND r.refunded_on = '2026-05-10' AND u.login = "
	    "'hl_cz' AND r.done_at = '2026-05-12 10:00:00'", st_tl, NULL), 1);
	assert_string_equal(sale_state(st_tl), "refunded");
	assert_true(in_stock(st_tl));
	/* the payment stays on record; the budget goes down by it */
	assert_int_equal(fx_int("SELECT count(*) FROM payments WHERE sale_id = "
	    "?1 AND amount = 1800000", st_tl, NULL), 1);
	assert_int_equal(budget("paid_central"), pc - 1800000);
	assert_int_equal(budget("paid_provincial"), pp);
	assert_int_equal(budget("committed_central"), cc - 1800000);
	assert_int_equal(budget("committed_provincial"), cp);
	assert_int_equal(fx_int("SELECT count(*) FROM notices n JOIN sales s ON "
	    "s.notice_id = n.id WHERE s.id = ?1 AND n.state = 'cancelled'",
	    st_tl, NULL), 1);
	assert_int_equal(st_check(), 0);
	/* refunded once; returned once */
	fx_refused("没有待登记退款的退货申请", "hl_cz", "return.refund",
	    kv("sale", st_tl), "amount=18000", "paid_on=2026-05-10", NULL);
	fx_refused("已退货", "hl_jb", "return.new", kv("sale", st_tl),
	    "reason=x", NULL);
}

/* The refund of a machine with a provincial part: both parts go down. */
static void
return_refund_provincial_part(void **state)
{
	int64_t	pc, pp;

	(void)state;
	st_settle(ST_PAID, 2);
	pc = budget("paid_central");
	pp = budget("paid_provincial");
	assert_int_equal(pp, 70000);
	now("2026-05-06T10:00:00");
	fx_ok("hl_jb", "return.new", kv("sale", st_ms), "reason=退货", NULL);
	fx_ok("hl_cz", "return.refund", kv("sale", st_ms), "amount=4200",
	    "paid_on=2026-05-06", NULL);
	assert_int_equal(budget("paid_central"), pc - 350000);
	assert_int_equal(budget("paid_provincial"), 0);
	assert_int_equal(st_check(), 0);
	/* the books no longer agree if the budget is tampered with */
	q_exec("UPDATE budgets SET paid_provincial = 1 WHERE year = 2026 AND "
	    "region = '640122'");
	assert_int_equal(st_check(), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		ST_TEST(return_before_payment),
		ST_TEST(return_before_finance_needs_no_confirmation),
		ST_TEST(return_from_approved_batch),
		ST_TEST(return_before_batch),
		ST_TEST(return_releases_the_whole_notice),
		ST_TEST(return_both_units_of_a_notice),
		ST_TEST(return_buy_first),
		ST_TEST(return_with_an_open_objection),
		ST_TEST(return_after_payment_is_a_request),
		ST_TEST(return_new_refusals),
		ST_TEST(return_refund_completes),
		ST_TEST(return_refund_provincial_part),
	};

	return FX_RUN(tests);
}
