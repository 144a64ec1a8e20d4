/*
 * test-action-done.c: what the user reads after an action (issue 11 item
 * 5; action-done.c, action-numbers.c): every action has its own verb;
 * the sentence names the record by its kind, its readable number and the
 * buyer and machine; a subsidy lowered by a rule gives both amounts and
 * the rule's ID; a paid return says who must act next. Sales and
 * payments carry readable numbers (migration 012), unique and in order
 * per county and year, accepted by the actions as the ids are, and
 * refused outside the user's county as the ids are; batch numbers follow
 * the month across the year's end; a batch whose publicity has ended no
 * longer reads 公示中.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "settle.h"

/* One column of a sale by its id (text). */
static const char *
sale_no(const char *sale)
{
	static char buf[40];

	q_text(buf, sizeof buf, "SELECT no FROM sales WHERE id = ?1", sale,
	    NULL);
	return buf;
}

/* fx_done begins with verb and record. */
#define assert_done(verb_record) do {					\
	if (strncmp(fx_done, verb_record, strlen(verb_record)) != 0)	\
		fprintf(stderr, "%s:%d: done \"%s\", wanted \"%s...\"\n",	\
		    __FILE__, __LINE__, fx_done, verb_record);		\
	assert_int_equal(strncmp(fx_done, verb_record,			\
	    strlen(verb_record)), 0);					\
} while (0)

/* Every action has a verb of its own: none generic, no two the same. */
static void
every_action_has_a_verb(void **state)
{
	static const char *const generic[] = { "已保存", "已完成", "已提交",
	    "已办理", "已处理", "已操作", "成功", NULL };
	const struct action	*a, *b;
	size_t			 i, k;

	(void)state;
	for (i = 0; (a = action_at(i)) != NULL; i++) {
		if (a->done == NULL)
			fprintf(stderr, "%s has no verb\n", a->name);
		assert_non_null(a->done);
		assert_int_equal(strncmp(a->done, "已", strlen("已")), 0);
		for (k = 0; generic[k] != NULL; k++)
			assert_string_not_equal(a->done, generic[k]);
		for (k = 0; k < i; k++) {
			b = action_at(k);
			if (strcmp(a->done, b->done) == 0)
				fprintf(stderr, "%s and %s share %s\n",
				    a->name, b->name, a->done);
			assert_string_not_equal(a->done, b->done);
		}
	}
	assert_true(i > 50);
}

/*
 * The quota-first journey, each step's sentence: verb, kind, number,
 * buyer and machine.
 */
static void
journey_messages(void **state)
{
	char	app[NJ_KEY_MAX], want[NJ_MSG_MAX], notice[NJ_KEY_MAX];
	char	sale[32], no[40];

	(void)state;
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=" ID1, "township=640122100", "item=1.1.3",
	    "tier=03", "qty=1", "bank_name=黄河农村商业银行",
	    "bank_account=" ACCT1, NULL);
	snprintf(app, sizeof app, "%s", fx_key);
	snprintf(want, sizeof want, "已录入：申请 %s（张三 旋耕机）", app);
	assert_string_equal(fx_done, want);
	fx_ok("xg_zhen", "application.submit", kv("application", app), NULL);
	snprintf(want, sizeof want, "已上报：申请 %s（张三 旋耕机），待县级农机部门"
	    "审核", app);
	assert_string_equal(fx_done, want);
	fx_ok("hl_sh", "application.approve", kv("application", app), NULL);
	snprintf(notice, sizeof notice, "%s", fx_key);
	snprintf(want, sizeof want, "已批准：申请 %s（张三 旋耕机），确认通知书 "
	    "%s 已发放（有效期至 2026-03-21）", app, notice);
	assert_string_equal(fx_done, want);

	st_sell(sale, sizeof sale, "fs_dealer", notice, ID1, "XG26A001",
	    "12000");
	snprintf(no, sizeof no, "%s", sale_no(sale));
	assert_int_equal(strncmp(no, "XS6401222026", 12), 0);
	snprintf(want, sizeof want, "已登记销售：销售 %s（张三 旋耕机）",
	    no);
	assert_string_equal(fx_done, want);
	/* njbt do's contract: the key is still the sale's id */
	assert_true(atoll(fx_key) > 0);

	/* the readable number is taken where the id was */
	fx_ok("hl_jb", "verify.pass", kv("sale", no), "method=office",
	    ST_CHECKS, "partner=hl_sh", NULL);
	snprintf(want, sizeof want, "已核验：销售 %s（张三 旋耕机）", no);
	assert_string_equal(fx_done, want);
	assert_string_equal(sale_state(sale), "verified");

	now("2026-04-02T09:30:00");
	fx_ok("hl_jb", "batch.new", "month=2026-03", NULL);
	assert_done("已汇总：结算批次 " BATCH "（2026-03，1 台，补贴 2800.00 元）");
	fx_ok("hl_jb", "batch.publicize", "batch=" BATCH, "from=2026-04-03",
	    "to=2026-04-10", NULL);
	assert_done("已公示：结算批次 " BATCH "（2026-03，");
	/* an objection names the sale it is about, not its own row id */
	snprintf(want, sizeof want, "已登记异议：销售 %s（张三 旋耕机）", no);
	fx_ok("hl_jb", "objection.new", kv("sale", no), "text=不是本人购买",
	    NULL);
	assert_string_equal(fx_done, want);
}

/* Reject and withdraw say so, naming the application. */
static void
reject_withdraw_messages(void **state)
{
	char app[NJ_KEY_MAX], want[NJ_MSG_MAX];

	(void)state;
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=" ID1, "township=640122100", "item=1.1.3",
	    "tier=03", "qty=1", "bank_name=黄河农村商业银行",
	    "bank_account=" ACCT1, NULL);
	snprintf(app, sizeof app, "%s", fx_key);
	fx_ok("xg_zhen", "application.submit", kv("application", app), NULL);
	fx_ok("hl_sh", "application.reject", kv("application", app),
	    "reason=资料不全", NULL);
	snprintf(want, sizeof want, "已退回：申请 %s（张三 旋耕机）", app);
	assert_string_equal(fx_done, want);
}

/*
 * Payment: the batch paid, each machine a payment number ZF..., in order;
 * a paid return says who must act next (the county's finance).
 */
static void
payment_numbers_and_return(void **state)
{
	char	want[NJ_MSG_MAX], first[40], last[40];

	(void)state;
	st_settle(ST_PAID, 0);
	assert_int_equal(fx_int("SELECT count(*) FROM payments WHERE no IS "
	    "NULL", NULL), 0);
	q_text(first, sizeof first, "SELECT min(no) FROM payments", NULL);
	q_text(last, sizeof last, "SELECT max(no) FROM payments", NULL);
	assert_string_equal(first, "ZF640122202600001");
	assert_string_equal(last, "ZF640122202600004");
	/* in the order of the sales, one apart */
	assert_int_equal(fx_int("SELECT count(*) FROM payments p JOIN "
	    "payments q ON q.sale_id > p.sale_id AND q.no < p.no", NULL), 0);
	snprintf(want, sizeof want, "已支付：结算批次 %s（2026-03，4 台，补贴 "
	    "26400.00 元），支付 4 笔 %s 至 %s", BATCH, first, last);
	assert_string_equal(fx_done, want);

	fx_ok("hl_jb", "return.new", kv("sale", sale_no(st_xg1)),
	    "reason=质量问题", NULL);
	assert_done("已登记退货：销售 XS6401222026");
	assert_non_null(strstr(fx_done, "（张三 旋耕机）；补贴已支付，"
	    "请县财政部门登记退回的补贴款"));
	/* the refund by the number too */
	fx_ok("hl_cz", "return.refund", kv("sale", sale_no(st_xg1)),
	    "amount=2800", "paid_on=2026-04-26", NULL);
	assert_done("已登记退款：销售 XS6401222026");
}

/*
 * Finance's steps and a notice handed back: each its own verb, the batch,
 * the sale or the notice named.
 */
static void
finance_and_handback_messages(void **state)
{
	char	notice[NJ_KEY_MAX], id[24], card[24], want[NJ_MSG_MAX];
	char	app[40];
	int64_t	sale;

	(void)state;
	st_settle(ST_SUBMITTED, 0);
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, "seed=7", NULL);
	assert_done("已抽取样本：结算批次 " BATCH "（2026-03，4 台");
	sale = fx_int("SELECT sale_id FROM finance_checks WHERE result IS NULL "
	    "ORDER BY sale_id LIMIT 1", NULL);
	fx_ok("hl_cz", "finance.check", kvi("sale", sale), "result=pass", NULL);
	assert_done("已核实：销售 XS6401222026");
	st_check_all("hl_cz", BATCH);
	fx_ok("hl_cz", "finance.approve", "batch=" BATCH, NULL);
	assert_done("已审核批准：结算批次 " BATCH "（2026-03，4 台");

	make_id(id, "640122", "19850505", 222);
	make_card(card, "621226120201158411");
	st_notice(notice, "xg_zhen", id, "钱五", "640122100", "1.1.3", "03",
	    "1", card, NULL);
	q_text(app, sizeof app, "SELECT a.no FROM applications a JOIN notices "
	    "n ON n.app_id = a.id WHERE n.no = ?1", notice, NULL);
	fx_ok("hl_jb", "notice.handback", kv("notice", notice), NULL);
	snprintf(want, sizeof want, "已交回：确认通知书 %s（钱五 旋耕机，申请 %s）",
	    notice, app);
	assert_done(want);
}

/*
 * R-004-M-3.3.1a 004 三(三)1: a subsidy lowered by the year's share cap;
 * the sentence gives both amounts and the rule with its ID.
 */
static void
lowered_amount_message(void **state)
{
	char notice[NJ_KEY_MAX], sale[32];

	(void)state;
	fx_ok("admin", "program.set", "year=2026", "max_ratio=0.30", NULL);
	st_notice(notice, "xg_zhen", ID1, "张三", "640122100", "1.1.3", "03",
	    "1", ACCT1, NULL);
	st_sell(sale, sizeof sale, "fs_dealer", notice, ID1, "XG26A001",
	    "9000");
	assert_done("已登记销售：销售 XS6401222026");
	assert_non_null(strstr(fx_done, "（张三 旋耕机）。分档 03 的"
	    "补贴额由定额 2800.00 元降为 2700.00 元：本年度方案设定了补贴占售价"
	    "比例上限（R-004-M-3.3.1a）"));
}

/*
 * Sale numbers: unique, one after another in the county's year, each
 * county its own; a readable number of another county is refused as its
 * id is (the attack: 永宁's clerk verifying 贺兰's sale).
 */
static void
sale_numbers(void **state)
{
	char	err_id[NJ_MSG_MAX], err_no[NJ_MSG_MAX];

	(void)state;
	st_settle(ST_SOLD, 2);
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE no IS NULL",
	    NULL), 0);
	assert_int_equal(fx_int("SELECT count(DISTINCT no) FROM sales", NULL),
	    fx_int("SELECT count(*) FROM sales", NULL));
	/* 1, 2, 3 ... in the order of entry, per county and year */
	assert_int_equal(fx_int("SELECT count(*) FROM sales s WHERE s.no <> "
	    "printf('XS%s%d%05d', s.county, s.year, (SELECT count(*) FROM "
	    "sales x WHERE x.county = s.county AND x.year = s.year AND x.id <= "
	    "s.id))", NULL), 0);
	assert_string_equal(sale_no(st_xg1), "XS640122202600001");
	assert_string_equal(sale_no(st_xg2), "XS640122202600002");

	fx_refused("", "yn_jb", "verify.pass", kv("sale", st_xg1),
	    "method=office", ST_CHECKS, "partner=yn_sh", NULL);
	snprintf(err_id, sizeof err_id, "%s", fx_err);
	fx_refused("", "yn_jb", "verify.pass", kv("sale", sale_no(st_xg1)),
	    "method=office", ST_CHECKS, "partner=yn_sh", NULL);
	snprintf(err_no, sizeof err_no, "%s", fx_err);
	assert_string_equal(err_no, err_id);
	/* a refusal names the sale by its number too, given by its id */
	st_verify("hl_jb", st_xg1);
	fx_refused("销售 XS640122202600001 已核验或已结算", "hl_jb",
	    "verify.pass", kv("sale", st_xg1), "method=office", ST_CHECKS,
	    "partner=hl_sh", NULL);
	/* and a number that names no sale */
	fx_refused("未知的销售编号：XS640122202699999", "hl_jb", "verify.pass",
	    "sale=XS640122202699999", "method=office", ST_CHECKS,
	    "partner=hl_sh", NULL);
	/* a key machine's first check on site: someone else must check too */
	fx_ok("hl_jb", "verify.pass", kv("sale", sale_no(st_tl)),
	    "method=onsite", "licence_no=宁A-12345", ST_CHECKS, NULL);
	assert_done("已核验：销售 XS6401222026");
	assert_non_null(strstr(fx_done, "。已记录第一人现场核验，还需另一名人员"
	    "现场核验"));
	/* the lists show the number and find by it */
	{
		struct actor		who;
		struct list_page	page;
		char			msg[NJ_MSG_MAX];

		assert_int_equal(actor_load("hl_jb", &who, msg, sizeof msg), 0);
		assert_int_equal(list_fetch(&who, "verify_queue",
		    sale_no(st_xg2), "", 0, 50, &page, msg, sizeof msg), NJ_OK);
		assert_int_equal(page.nrows, 1);
		assert_string_equal(list_cellv(&page, 0, 0),
		    "XS640122202600002");
		list_page_free(&page);
	}
}

/*
 * Batch numbers by the month they settle, across the year's end: a
 * December batch made in January is December's, numbered in its own
 * year; January's starts the new year at 01.
 */
static void
batch_numbers_dec_jan(void **state)
{
	char	notice[NJ_KEY_MAX], id[24], card[24], s[32];

	(void)state;
	st_settle(ST_PAID, 0);
	now("2026-12-20T10:00:00");
	make_id(id, "640122", "19790101", 555);
	make_card(card, "621226120201158433");
	st_notice(notice, "xg_zhen", id, "周七", "640122100", "1.1.3", "03",
	    "2", card, NULL);
	st_sell(s, sizeof s, "fs_dealer", notice, id, "XG26A004", "12000");
	st_verify("hl_jb", s);
	now("2027-01-04T10:00:00");
	fx_ok("hl_jb", "batch.new", "month=2026-12", NULL);
	assert_string_equal(fx_key, "JS640122202612-02");
	assert_int_equal(fx_int("SELECT count(*) FROM batches WHERE no = "
	    "'JS640122202612-02' AND year = 2026 AND month = '2026-12' AND "
	    "seq = 2", NULL), 1);
	assert_done("已汇总：结算批次 JS640122202612-02（2026-12，1 台");
	/* a January sale: January's batch, the first of 2027 */
	st_sell(s, sizeof s, "fs_dealer", notice, id, "XG26A005", "12000");
	st_verify("hl_jb", s);
	now("2027-02-02T10:00:00");
	fx_ok("hl_jb", "batch.new", "month=2027-01", NULL);
	assert_string_equal(fx_key, "JS640122202701-01");
}

/* The state a batch's row shows, as hl_jb sees the county's batches. */
static const char *
batch_shown(const char *no)
{
	static char		 buf[64];
	struct actor		 who;
	struct list_page	 page;
	char			 msg[NJ_MSG_MAX];
	size_t			 i;

	buf[0] = '\0';
	assert_int_equal(actor_load("hl_jb", &who, msg, sizeof msg), 0);
	assert_int_equal(list_fetch(&who, "batches", "", "", 0, 50, &page,
	    msg, sizeof msg), NJ_OK);
	for (i = 0; i < page.nrows; i++)
		if (strcmp(list_cellv(&page, i, 0), no) == 0)
			snprintf(buf, sizeof buf, "%s", list_cellv(&page, i, 4));
	list_page_free(&page);
	return buf;
}

/*
 * A batch's state follows the calendar: before its publicity 待公示,
 * during it 公示中, after its last day 公示期满 (until batch.submit).
 */
static void
batch_state_by_calendar(void **state)
{
	(void)state;
	st_settle(ST_PUBLICIZED, 0);
	now("2026-04-02T18:00:00");
	assert_string_equal(batch_shown(BATCH), "待公示");
	now("2026-04-05T09:30:00");
	assert_string_equal(batch_shown(BATCH), "公示中");
	now("2026-04-10T09:30:00");
	assert_string_equal(batch_shown(BATCH), "公示中");
	now("2026-04-11T09:30:00");
	assert_string_equal(batch_shown(BATCH), "公示期满");
	st_review_all("hl_fh", BATCH);
	fx_ok("hl_jb", "batch.submit", "batch=" BATCH, NULL);
	assert_done("已报送财政：结算批次 " BATCH);
	assert_non_null(strstr(fx_done, "，待县财政部门抽查审核"));
	assert_string_equal(batch_shown(BATCH), "已报财政");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_action_has_a_verb),
		ST_TEST(journey_messages),
		ST_TEST(reject_withdraw_messages),
		ST_TEST(payment_numbers_and_return),
		ST_TEST(finance_and_handback_messages),
		ST_TEST(lowered_amount_message),
		ST_TEST(sale_numbers),
		ST_TEST(batch_numbers_dec_jan),
		ST_TEST(batch_state_by_calendar),
	};

	return FX_RUN(tests);
}
