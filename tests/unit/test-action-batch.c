/*
 * test-action-batch.c: monthly settlement at the county (004 附件4 四;
 * SPEC section 3 step 5; action-batch.c), through the real actions on the
 * demo province: batch.new collects last month's verified machines into a
 * numbered batch and draws the machines to review; batch.publicize sets
 * the publicity, in calendar or working days with the holiday table;
 * objection.new and objection.resolve (an upheld objection takes the
 * machine out); batch.review by someone who did not verify the machine
 * (003 附件1 经办/审核; 004 附件4 四(三)); batch.submit to finance.
 *
 * Every refusal is checked with fx_refused, which also proves that
 * nothing was written; the successes are checked by what they stored.
 * The March journey is settle.h's: 张三's XG26A001, XG26A002 and the
 * tractor TL26A001 (key and licensed), 李四's XG26A003.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "settle.h"

/* The seed batch.new draws its review sample with: FNV-1a of its number. */
static uint64_t
batch_seed(const char *no)
{
	uint64_t	seed = 1469598103934665603ULL;
	const char	*p;

	for (p = no; *p != '\0'; p++)
		seed = (seed ^ (unsigned char)*p) * 1099511628211ULL;
	return seed;
}

/* The ids (ascending) a query gives, into v; how many. */
static size_t
q_ids(int64_t *v, size_t max, const char *sql, const char *arg)
{
	sqlite3_stmt	*st;
	size_t		 n = 0;

	assert_int_equal(sqlite3_prepare_v2(store->db, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW && n < max)
		v[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/*
 * The review rows of batch no: key and licensed machines all, and the
 * sample of the rest, sample_size(rest, bp) of them drawn from the batch
 * number's seed.
 */
static void
assert_review_rows(const char *no, int bp)
{
	int64_t	rest[256], want[256], got[256];
	size_t	nrest, k, n, i;

	assert_int_equal(fx_int("SELECT count(*) FROM batch_sales x JOIN "
	    "batches b ON b.id = x.batch_id JOIN sales s ON s.id = x.sale_id "
	    "WHERE b.no = ?1 AND (s.is_key OR s.licensed) AND NOT EXISTS "
	    "(SELECT 1 FROM reviews r WHERE r.batch_id = b.id AND r.sale_id = "
	    "s.id AND r.required_why = CASE WHEN s.is_key THEN 'key' ELSE "
	    "'licensed' END)", no, NULL), 0);
	nrest = q_ids(rest, 256, "SELECT s.id FROM batch_sales x JOIN batches "
	    "b ON b.id = x.batch_id JOIN sales s ON s.id = x.sale_id WHERE "
	    "b.no = ?1 AND NOT s.is_key AND NOT s.licensed ORDER BY s.id", no);
	k = sample_size(nrest, bp);
	k = sample_draw(batch_seed(no), rest, nrest, k, want);
	n = q_ids(got, 256, "SELECT r.sale_id FROM reviews r JOIN batches b ON "
	    "b.id = r.batch_id WHERE b.no = ?1 AND r.required_why = 'sample' "
	    "ORDER BY r.sale_id", no);
	assert_int_equal(n, k);
	for (i = 0; i < k; i++)
		assert_int_equal(got[i], want[i]);
	/* nothing else, and nothing reviewed yet */
	assert_int_equal(fx_int("SELECT count(*) FROM reviews r JOIN batches b "
	    "ON b.id = r.batch_id WHERE b.no = ?1 AND (r.required_why NOT IN "
	    "('key', 'licensed', 'sample') OR r.result IS NOT NULL)", no,
	    NULL), 0);
}

/*
 * A licensed tractor that is not a key machine: 9.1.1/01 (5000 yuan),
 * filed by ss_maker as SS-354, sold to 赵六 on a notice and verified by
 * hl_sh; its sale id into out.
 */
static void
licensed_tractor(char *out, size_t len)
{
	char notice[NJ_KEY_MAX], id[24], card[24];

	fx_ok("ss_maker", "product.add", "item=9.1.1", "tier=01",
	    "model=SS-354", "name=轮式拖拉机", "subsidy=5000", "powered=1",
	    "year=2026", "cert_no=NJ-2026-0354", "cert_until=2030-12-31", NULL);
	fx_publish("SS-354");
	fx_ok("ss_maker", "dealer.authorize", "dealer=" FS, "model=SS-354",
	    "counties=640122", NULL);
	fx_ok("ss_maker", "supply.new", "dealer=" FS, "model=SS-354",
	    "serial=TL26L001", "engine_no=ETL26L001", NULL);
	make_id(id, "640122", "19660708", 451);
	make_card(card, "621226120201158411");
	st_notice(notice, "hl_jb", id, "赵六", "640122103", "9.1.1", "01", "1",
	    card, NULL);
	st_sell(out, len, "fs_dealer", notice, id, "TL26L001", "45000");
	fx_ok("hl_sh", "verify.pass", kv("sale", out), "method=office",
	    "licence_no=宁A-54321", ST_CHECKS, "partner=hl_jb", NULL);
}

/* --- batch.new ------------------------------------------------------------ */

/*
 * R-004-A4-4.1 004 附件4 四(一): days 1-5, the county collects last month's verified
 * machines: verified before the month's end, of this county, in no batch.
 */
/*
 * R-004-A4-3b 004 附件4 三: 户名为本人的有效一本通存折: no sale enters a
 * batch without a valid account in the buyer's own name; the batch is
 * refused naming the sale, and nothing of it is written.
 */
static void
batch_new_refused_without_valid_account(void **state)
{
	char	want[160];

	(void)state;
	st_settle(ST_VERIFIED, 0);
	now("2026-04-02T09:00:00");
	/* no account frozen at all */
	q_run("UPDATE sales SET pay_account_enc = NULL WHERE id = ?1", st_xg3,
	    NULL);
	snprintf(want, sizeof want, "销售 %s 没有有效的收款账户（没有核验时确认的"
	    "银行账号）", st_xg3);
	fx_refused(want, "hl_jb", "batch.new", "month=2026-03", NULL);
	assert_string_equal(fx_field, "month");
	assert_int_equal(fx_int("SELECT count(*) FROM batches", NULL), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM batch_sales", NULL), 0);
	/* a card whose check digit is wrong (Luhn) */
	st_seal_account(st_xg3, "6228480402564890126");
	snprintf(want, sizeof want, "销售 %s 没有有效的收款账户（银行卡号校验位"
	    "不符（Luhn））", st_xg3);
	fx_refused(want, "hl_jb", "batch.new", "month=2026-03", NULL);
	/* an empty one */
	st_seal_account(st_xg3, "");
	fx_refused("银行账号为空", "hl_jb", "batch.new", "month=2026-03", NULL);
	/* a valid card in someone else's name */
	st_seal_account(st_xg3, ACCT2);
	q_run("UPDATE sales SET pay_holder = '李五' WHERE id = ?1", st_xg3,
	    NULL);
	fx_refused("开户名与购机者不一致", "hl_jb", "batch.new", "month=2026-03",
	    NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM batches", NULL), 0);
	/* the buyer's own valid card: collected */
	q_run("UPDATE sales SET pay_holder = '李四' WHERE id = ?1", st_xg3,
	    NULL);
	fx_ok("hl_jb", "batch.new", "month=2026-03", NULL);
	assert_string_equal(fx_key, BATCH);
	assert_true(fx_int("SELECT count(*) FROM batch_sales x JOIN batches b "
	    "ON b.id = x.batch_id WHERE b.no = '" BATCH "' AND x.sale_id = ?1",
	    st_xg3, NULL) == 1);
}

static void
batch_new_collects_the_month(void **state)
{
	char	n4[NJ_KEY_MAX], n5[NJ_KEY_MAX], n6[NJ_KEY_MAX], id4[24], id5[24];
	char	id6[24], card[24], s4[32], s5[32], s6[32];

	(void)state;
	st_settle(ST_VERIFIED, 0);
	make_card(card, "621226120201158422");
	make_id(id4, "640122", "19820304", 111);
	make_id(id5, "640122", "19830405", 222);
	make_id(id6, "640121", "19840506", 333);
	/* sold, not verified */
	st_notice(n4, "xg_zhen", id4, "赵四", "640122100", "1.1.3", "03", "1",
	    card, NULL);
	st_sell(s4, sizeof s4, "fs_dealer", n4, id4, "XG26A004", "12000");
	/* verified on the first day of the next month */
	st_notice(n5, "xg_zhen", id5, "钱五", "640122100", "1.1.3", "03", "1",
	    card, NULL);
	st_sell(s5, sizeof s5, "fs_dealer", n5, id5, "XG26A005", "12000");
	/* another county's, verified in March */
	fx_ok("yn_jb", "application.new", "buyer_type=person",
	    "buyer_name=孙六", kv("id_no", id6), "township=640121100",
	    "item=1.1.3", "tier=03", "qty=1", kv("bank_account", card), NULL);
	snprintf(n6, sizeof n6, "%s", fx_key);
	fx_ok("yn_jb", "application.submit", kv("application", n6), NULL);
	fx_ok("yn_sh", "application.approve", kv("application", n6), NULL);
	st_sell(s6, sizeof s6, "fs_dealer", fx_key, id6, "XG26A006", "12000");
	st_verify("yn_jb", s6);
	now("2026-04-01T08:00:00");
	st_verify("hl_sh", s5);

	now("2026-04-02T09:30:00");
	fx_ok("hl_jb", "batch.new", "month=2026-03", NULL);
	assert_string_equal(fx_key, BATCH);
	assert_string_equal(fx_outbuf, "4 台，补贴 26400.00 元\n");
	assert_int_equal(fx_int("SELECT count(*) FROM batches b JOIN users u "
	    "ON u.id = b.created_by WHERE b.no = '" BATCH "' AND b.county = "
	    "'640122' AND b.year = 2026 AND b.month = '2026-03' AND b.seq = 1 "
	    "AND b.state = 'open' AND u.login = 'hl_jb' AND b.created_at = "
	    "'2026-04-02 09:30:00' AND b.pub_from IS NULL AND b.submitted_at "
	    "IS NULL", NULL), 1);
	/* its machines: the four verified in March, now batched */
	assert_int_equal(fx_int("SELECT count(*) FROM batch_sales", NULL), 4);
	assert_true(in_batch(st_xg1, BATCH) && in_batch(st_xg2, BATCH) &&
	    in_batch(st_tl, BATCH) && in_batch(st_xg3, BATCH));
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE state = "
	    "'batched' AND id IN (SELECT sale_id FROM batch_sales)", NULL), 4);
	assert_int_equal(fx_int("SELECT count(*) FROM machines m JOIN sales s "
	    "ON s.machine_id = m.id WHERE s.state = 'batched' AND m.state = "
	    "'verified'", NULL), 4);
	/* not the unverified, the April, nor the other county's */
	assert_string_equal(sale_state(s4), "recorded");
	assert_string_equal(sale_state(s5), "verified");
	assert_string_equal(sale_state(s6), "verified");
	/* R-004-A4-4.3 004 附件4 四(三): the tractor (key) and one in ten of the rest */
	assert_int_equal(fx_int("SELECT count(*) FROM reviews WHERE sale_id = "
	    "?1 AND required_why = 'key'", st_tl, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM reviews", NULL), 2);
	assert_review_rows(BATCH, 1000);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'batch.new' AND record = '" BATCH "' AND login = 'hl_jb' AND "
	    "detail = 'month=2026-03'", NULL), 1);

	/* the next month's batch: the next number of the county's year */
	now("2026-05-04T09:30:00");
	fx_ok("hl_jb", "batch.new", "month=2026-04", NULL);
	assert_string_equal(fx_key, "JS640122202604-02");
	assert_string_equal(fx_outbuf, "1 台，补贴 2800.00 元\n");
	assert_true(in_batch(s5, "JS640122202604-02"));
	assert_review_rows("JS640122202604-02", 1000);
	/* each county numbers its own */
	fx_ok("yn_jb", "batch.new", "month=2026-03", NULL);
	assert_string_equal(fx_key, "JS640121202603-01");
	assert_true(in_batch(s6, "JS640121202603-01"));
	assert_int_equal(fx_int("SELECT seq FROM batches WHERE no = "
	    "'JS640121202603-01'", NULL), 1);
}

/* The numbers start again each year: JS<county><YYYYMM>-<seq>. */
static void
batch_new_numbers_per_year(void **state)
{
	char	notice[NJ_KEY_MAX], id[24], card[24], s[32];

	(void)state;
	st_settle(ST_BATCHED, 0);
	/* a December sale, verified in January */
	now("2026-12-20T10:00:00");
	make_id(id, "640122", "19790101", 555);
	make_card(card, "621226120201158433");
	st_notice(notice, "xg_zhen", id, "周七", "640122100", "1.1.3", "03",
	    "1", card, NULL);
	st_sell(s, sizeof s, "fs_dealer", notice, id, "XG26A004", "12000");
	now("2027-01-05T10:00:00");
	st_verify("hl_jb", s);
	fx_refused("本县 2026-12 月底前没有待结算的已核验机具", "hl_jb",
	    "batch.new", "month=2026-12", NULL);
	now("2027-02-02T10:00:00");
	fx_ok("hl_jb", "batch.new", "month=2027-01", NULL);
	assert_string_equal(fx_key, "JS640122202701-01");
	assert_int_equal(fx_int("SELECT count(*) FROM batches WHERE no = "
	    "'JS640122202701-01' AND year = 2027 AND seq = 1 AND month = "
	    "'2027-01'", NULL), 1);
	assert_true(in_batch(s, "JS640122202701-01"));
}

/* Key, licensed, and the sample of the rest at the year's share. */
static void
batch_new_review_list(void **state)
{
	char lic[32];

	(void)state;
	st_settle(ST_VERIFIED, 8);
	licensed_tractor(lic, sizeof lic);
	/* a quarter of the rest this year */
	fx_ok("admin", "program.set", "year=2026", "review_sample=0.25", NULL);
	now("2026-04-02T09:30:00");
	fx_ok("hl_jb", "batch.new", "month=2026-03", NULL);
	assert_string_equal(fx_outbuf, "14 台，补贴 58000.00 元\n");
	assert_int_equal(fx_int("SELECT count(*) FROM reviews WHERE sale_id = "
	    "?1 AND required_why = 'licensed'", lic, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM reviews WHERE sale_id = "
	    "?1 AND required_why = 'key'", st_tl, NULL), 1);
	/* 12 of neither kind: 3 (a quarter, rounded up) drawn */
	assert_int_equal(fx_int("SELECT count(*) FROM reviews WHERE "
	    "required_why = 'sample'", NULL), 3);
	assert_review_rows(BATCH, 2500);
}

/* The same machines and number draw the same review sample. */
static void
batch_new_sample_reproducible(void **state)
{
	char	a[256], b[256];

	(void)state;
	st_settle(ST_BATCHED, 8);
	q_text(a, sizeof a, "SELECT group_concat(sale_id) FROM (SELECT sale_id "
	    "FROM reviews WHERE required_why = 'sample' ORDER BY sale_id)",
	    NULL);
	assert_true(strlen(a) > 0);
	/* undo the batch by hand, collect again: the same draw */
	q_exec("DELETE FROM reviews; DELETE FROM batch_sales; DELETE FROM "
	    "batches; UPDATE sales SET state = 'verified'");
	fx_ok("hl_jb", "batch.new", "month=2026-03", NULL);
	assert_string_equal(fx_key, BATCH);
	q_text(b, sizeof b, "SELECT group_concat(sale_id) FROM (SELECT sale_id "
	    "FROM reviews WHERE required_why = 'sample' ORDER BY sale_id)",
	    NULL);
	assert_string_equal(a, b);
	assert_review_rows(BATCH, 1000);
}

static void
batch_new_refusals(void **state)
{
	(void)state;
	st_settle(ST_VERIFIED, 0);
	now("2026-04-02T09:30:00");
	/* the county only */
	fx_refused("无权执行“汇总结算批次”", "xg_zhen", "batch.new",
	    "month=2026-03", NULL);
	fx_refused("无权执行“汇总结算批次”", "hl_cz", "batch.new",
	    "month=2026-03", NULL);
	fx_refused("无权执行“汇总结算批次”", "fs_dealer", "batch.new",
	    "month=2026-03", NULL);
	fx_refused("无权执行“汇总结算批次”", "admin", "batch.new",
	    "month=2026-03", NULL);
	fx_refused("无权执行“汇总结算批次”", NULL, "batch.new",
	    "month=2026-03", NULL);
	/* the month: given, well-formed, not in the future */
	fx_refused("请填写：结算月份", "hl_jb", "batch.new", NULL);
	fx_refused("月份应为 YYYY-MM 格式", "hl_jb", "batch.new",
	    "month=2026-3", NULL);
	fx_refused("不能汇总未来月份的结算批次", "hl_jb", "batch.new",
	    "month=2026-05", NULL);
	assert_string_equal(fx_field, "month");
	fx_refused("不能汇总未来月份的结算批次", "hl_jb", "batch.new",
	    "month=2027-01", NULL);
	/* nothing verified by the end of February; nothing in 永宁县 */
	fx_refused("本县 2026-02 月底前没有待结算的已核验机具", "hl_jb",
	    "batch.new", "month=2026-02", NULL);
	fx_refused("本县 2026-03 月底前没有待结算的已核验机具", "yn_jb",
	    "batch.new", "month=2026-03", NULL);
	/* collected once: a second batch of the month finds nothing */
	fx_ok("hl_jb", "batch.new", "month=2026-03", NULL);
	fx_refused("本县 2026-03 月底前没有待结算的已核验机具", "hl_sh",
	    "batch.new", "month=2026-03", NULL);
	fx_refused("本县 2026-04 月底前没有待结算的已核验机具", "hl_jb",
	    "batch.new", "month=2026-04", NULL);
}

/* --- batch.publicize ------------------------------------------------------- */

static void
publicize_stores_dates(void **state)
{
	(void)state;
	st_settle(ST_BATCHED, 0);
	/* R-004-A4-4.2 004 附件4 四(二): 不少于7天, the first day counted */
	fx_ok("hl_sh", "batch.publicize", "batch=" BATCH, "from=2026-04-02",
	    "to=2026-04-08", NULL);
	assert_string_equal(fx_key, BATCH);
	assert_int_equal(fx_int("SELECT count(*) FROM batches WHERE no = '"
	    BATCH "' AND state = 'publicized' AND pub_from = '2026-04-02' AND "
	    "pub_to = '2026-04-08'", NULL), 1);
}

static void
publicize_refusals(void **state)
{
	(void)state;
	st_settle(ST_BATCHED, 0);
	fx_refused("未知的结算批次：JS0", "hl_jb", "batch.publicize",
	    "batch=JS0", "from=2026-04-03", "to=2026-04-10", NULL);
	fx_refused("超出您的管辖范围：640122", "yn_jb", "batch.publicize",
	    "batch=" BATCH, "from=2026-04-03", "to=2026-04-10", NULL);
	fx_refused("无权执行“公示结算批次”", "xg_zhen", "batch.publicize",
	    "batch=" BATCH, "from=2026-04-03", "to=2026-04-10", NULL);
	fx_refused("无权执行“公示结算批次”", "hl_cz", "batch.publicize",
	    "batch=" BATCH, "from=2026-04-03", "to=2026-04-10", NULL);
	fx_refused("公示不能早于批次汇总日期 2026-04-02", "hl_jb",
	    "batch.publicize", "batch=" BATCH, "from=2026-04-01",
	    "to=2026-04-10", NULL);
	assert_string_equal(fx_field, "from");
	fx_refused("公示结束日期早于开始日期", "hl_jb", "batch.publicize",
	    "batch=" BATCH, "from=2026-04-10", "to=2026-04-09", NULL);
	assert_string_equal(fx_field, "to");
	fx_refused("公示期不少于 7 个自然日，所填为 6 个", "hl_jb",
	    "batch.publicize", "batch=" BATCH, "from=2026-04-03",
	    "to=2026-04-08", NULL);
	fx_refused("公示期不少于 7 个自然日，所填为 1 个", "hl_jb",
	    "batch.publicize", "batch=" BATCH, "from=2026-04-03",
	    "to=2026-04-03", NULL);
	fx_refused("日期应为 YYYY-MM-DD 格式的有效日期", "hl_jb",
	    "batch.publicize", "batch=" BATCH, "from=2026-04-31",
	    "to=2026-05-10", NULL);
	/* Tibet: 30 days */
	fx_ok("admin", "program.set", "year=2026", "publicity_days=30", NULL);
	fx_refused("公示期不少于 30 个自然日，所填为 29 个", "hl_jb",
	    "batch.publicize", "batch=" BATCH, "from=2026-04-03",
	    "to=2026-05-01", NULL);
	fx_ok("hl_jb", "batch.publicize", "batch=" BATCH, "from=2026-04-03",
	    "to=2026-05-02", NULL);
	/* open batches only: once publicised, not again */
	fx_refused("结算批次 " BATCH " 的状态为“公示中”，不能公示结算批次",
	    "hl_jb", "batch.publicize", "batch=" BATCH, "from=2026-04-03",
	    "to=2026-05-10", NULL);
	assert_string_equal(fx_field, "batch");
}

/* Import holiday rows as the console. */
static void
holidays(const char *csv)
{
	struct actor	who;
	char		msg[NJ_MSG_MAX];
	int		rows = 0;

	actor_console(&who);
	if (import_text(&who, "holidays", "holidays.csv", csv, strlen(csv),
	    2026, &rows, msg, sizeof msg) != NJ_OK) {
		fprintf(stderr, "import: %s\n", msg);
		fail();
	}
}

/*
 * Most provinces today: 5 working days. 2026-04-06 (Monday) is 清明's day
 * off: a publicity over it is a day longer.
 */
static void
publicize_working_days_holiday(void **state)
{
	(void)state;
	st_settle(ST_BATCHED, 0);
	fx_ok("admin", "program.set", "year=2026", "publicity_working_days=1",
	    "publicity_days=5", NULL);
	/* Friday 04-03 to Thursday 04-09: 7 calendar days, 5 working */
	holidays("day,kind,name\n2026-04-06,holiday,清明节\n");
	fx_refused("公示期不少于 5 个工作日，所填为 4 个", "hl_jb",
	    "batch.publicize", "batch=" BATCH, "from=2026-04-03",
	    "to=2026-04-09", NULL);
	/* Monday 04-06 to Friday 04-10: the holiday leaves 4 */
	fx_refused("公示期不少于 5 个工作日，所填为 4 个", "hl_jb",
	    "batch.publicize", "batch=" BATCH, "from=2026-04-06",
	    "to=2026-04-10", NULL);
	/* weekends never count: Saturday 04-04 to Sunday 04-12, 4 days */
	fx_refused("公示期不少于 5 个工作日，所填为 4 个", "hl_jb",
	    "batch.publicize", "batch=" BATCH, "from=2026-04-04",
	    "to=2026-04-12", NULL);
	fx_ok("hl_jb", "batch.publicize", "batch=" BATCH, "from=2026-04-06",
	    "to=2026-04-13", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM batches WHERE no = '"
	    BATCH "' AND pub_from = '2026-04-06' AND pub_to = '2026-04-13'",
	    NULL), 1);
}

/* A weekend worked instead (调休) counts: Saturday 04-11 is a workday. */
static void
publicize_working_days_workday(void **state)
{
	(void)state;
	st_settle(ST_BATCHED, 0);
	/* in calendar days, Tuesday 04-07 to Saturday 04-11 is five */
	fx_ok("admin", "program.set", "year=2026", "publicity_days=5", NULL);
	fx_refused("公示期不少于 5 个自然日，所填为 4 个", "hl_jb",
	    "batch.publicize", "batch=" BATCH, "from=2026-04-07",
	    "to=2026-04-10", NULL);
	/* in working days only four of them */
	fx_ok("admin", "program.set", "year=2026", "publicity_working_days=1",
	    NULL);
	fx_refused("公示期不少于 5 个工作日，所填为 4 个", "hl_jb",
	    "batch.publicize", "batch=" BATCH, "from=2026-04-07",
	    "to=2026-04-11", NULL);
	holidays("day,kind,name\n2026-04-11,workday,调休上班\n");
	fx_ok("hl_jb", "batch.publicize", "batch=" BATCH, "from=2026-04-07",
	    "to=2026-04-11", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM batches WHERE no = '"
	    BATCH "' AND state = 'publicized' AND pub_to = '2026-04-11'",
	    NULL), 1);
}

/* --- objections ----------------------------------------------------------- */

/* Recorded while the batch is open or publicised; the machine stays. */
static void
objection_new_stores(void **state)
{
	char	key[NJ_KEY_MAX];

	(void)state;
	st_settle(ST_BATCHED, 0);
	/* already while open */
	fx_ok("hl_sh", "objection.new", kv("sale", st_xg1),
	    "text=村民反映未见该机具", NULL);
	snprintf(key, sizeof key, "%s", fx_key);
	assert_int_equal(fx_int("SELECT count(*) FROM objections o JOIN batches "
	    "b ON b.id = o.batch_id JOIN users u ON u.id = o.by_user WHERE "
	    "o.id = ?1 AND b.no = '" BATCH "' AND o.sale_id = ?2 AND o.text = "
	    "'村民反映未见该机具' AND u.login = 'hl_sh' AND o.at = "
	    "'2026-04-02 09:30:00' AND o.upheld IS NULL AND o.resolution IS "
	    "NULL", key, st_xg1, NULL), 1);
	assert_true(in_batch(st_xg1, BATCH));
	assert_string_equal(sale_state(st_xg1), "batched");
	/* and during publicity, a second on the same machine */
	fx_ok("hl_jb", "batch.publicize", "batch=" BATCH, "from=2026-04-03",
	    "to=2026-04-10", NULL);
	now("2026-04-05T10:00:00");
	fx_ok("hl_jb", "objection.new", kv("sale", st_xg1), "text=再次反映",
	    NULL);
	assert_true(atoll(fx_key) > atoll(key));
	assert_int_equal(fx_int("SELECT count(*) FROM objections WHERE "
	    "upheld IS NULL", NULL), 2);
}

static void
objection_new_refusals(void **state)
{
	char	notice[NJ_KEY_MAX], id[24], card[24], s[32];

	(void)state;
	st_settle(ST_PUBLICIZED, 0);
	make_id(id, "640122", "19820304", 111);
	make_card(card, "621226120201158422");
	now("2026-04-05T10:00:00");
	st_notice(notice, "xg_zhen", id, "赵四", "640122100", "1.1.3", "03", "1",
	    card, NULL);
	st_sell(s, sizeof s, "fs_dealer", notice, id, "XG26A004", "12000");
	fx_refused("超出您的管辖范围：640122", "yn_jb", "objection.new",
	    kv("sale", st_xg1), "text=异议", NULL);
	assert_string_equal(fx_field, "sale");
	fx_refused("无权执行“登记公示异议”", "hl_cz", "objection.new",
	    kv("sale", st_xg1), "text=异议", NULL);
	fx_refused("无权执行“登记公示异议”", "xg_zhen", "objection.new",
	    kv("sale", st_xg1), "text=异议", NULL);
	fx_refused("销售 99999 不在结算批次中", "hl_jb", "objection.new",
	    "sale=99999", "text=异议", NULL);
	fx_refused("未知的销售编号：XG26A001", "hl_jb", "objection.new",
	    "sale=XG26A001", "text=异议", NULL);
	/* a sale in no batch */
	fx_refused("不在结算批次中", "hl_jb", "objection.new", kv("sale", s),
	    "text=异议", NULL);
	fx_refused("请填写：异议内容", "hl_jb", "objection.new",
	    kv("sale", st_xg1), NULL);
	/* once the batch went to finance, objections go to finance */
	now("2026-04-11T09:30:00");
	st_review_all("hl_fh", BATCH);
	fx_ok("hl_jb", "batch.submit", "batch=" BATCH, NULL);
	fx_refused("结算批次 " BATCH " 已报财政，异议请向财政部门反映", "hl_jb",
	    "objection.new", kv("sale", st_xg1), "text=异议", NULL);
}

/*
 * Upheld: the machine leaves the batch (its row and its pending review
 * gone), the sale goes back as failed with the resolution recorded as a
 * failed verification; the machine is sold, no longer verified.
 */
static void
objection_upheld_takes_out(void **state)
{
	char	obj[NJ_KEY_MAX];

	(void)state;
	st_settle(ST_PUBLICIZED, 0);
	now("2026-04-05T10:00:00");
	fx_ok("hl_jb", "objection.new", kv("sale", st_tl),
	    "text=该拖拉机实为他人所有", NULL);
	snprintf(obj, sizeof obj, "%s", fx_key);
	assert_int_equal(fx_int("SELECT count(*) FROM reviews WHERE sale_id = "
	    "?1 AND result IS NULL", st_tl, NULL), 1);
	now("2026-04-08T10:00:00");
	fx_ok("hl_sh", "objection.resolve", kv("objection", obj), "upheld=成立",
	    "resolution=经查购机者冒用他人身份", NULL);
	assert_string_equal(fx_key, obj);
	assert_int_equal(fx_int("SELECT count(*) FROM objections o JOIN users u "
	    "ON u.id = o.resolved_by WHERE o.id = ?1 AND o.upheld = 1 AND "
	    "o.resolution = '经查购机者冒用他人身份' AND u.login = 'hl_sh' AND "
	    "o.resolved_at = '2026-04-08 10:00:00'", obj, NULL), 1);
	assert_false(in_batch(st_tl, BATCH));
	assert_int_equal(fx_int("SELECT count(*) FROM reviews WHERE sale_id = "
	    "?1", st_tl, NULL), 0);
	assert_string_equal(sale_state(st_tl), "failed");
	assert_int_equal(fx_int("SELECT count(*) FROM machines WHERE serial = "
	    "'TL26A001' AND state = 'sold'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM verifications v JOIN "
	    "users u ON u.id = v.user_id WHERE v.sale_id = ?1 AND v.result = "
	    "'fail' AND v.problems = '公示异议成立：经查购机者冒用他人身份' AND "
	    "u.login = 'hl_sh' AND v.at = '2026-04-08 10:00:00'", st_tl, NULL),
	    1);
	/* the rest of the batch is untouched */
	assert_int_equal(fx_int("SELECT count(*) FROM batch_sales", NULL), 3);
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE state = "
	    "'batched'", NULL), 3);
	/* settled once */
	fx_refused("已处理", "hl_jb", "objection.resolve", kv("objection", obj),
	    "upheld=0", "resolution=再议", NULL);
	assert_string_equal(fx_field, "objection");
	/* the buyer mends it: checked again, in a later batch */
	st_verify_key(st_tl, "宁A-12345");
	assert_string_equal(sale_state(st_tl), "verified");
	now("2026-05-04T10:00:00");
	fx_ok("hl_jb", "batch.new", "month=2026-04", NULL);
	assert_true(in_batch(st_tl, "JS640122202604-02"));
}

/* Dismissed: the machine stays, its review still to be done. */
static void
objection_dismissed_keeps(void **state)
{
	char	obj[NJ_KEY_MAX];

	(void)state;
	st_settle(ST_PUBLICIZED, 0);
	fx_ok("hl_jb", "objection.new", kv("sale", st_tl), "text=价格偏高",
	    NULL);
	snprintf(obj, sizeof obj, "%s", fx_key);
	fx_ok("hl_sh", "objection.resolve", kv("objection", obj), "upheld=0",
	    "resolution=经核实价格属实", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM objections WHERE id = ?1 "
	    "AND upheld = 0 AND resolution = '经核实价格属实'", obj, NULL), 1);
	assert_true(in_batch(st_tl, BATCH));
	assert_string_equal(sale_state(st_tl), "batched");
	assert_int_equal(fx_int("SELECT count(*) FROM reviews WHERE sale_id = "
	    "?1 AND result IS NULL", st_tl, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM verifications WHERE "
	    "sale_id = ?1 AND result = 'fail'", st_tl, NULL), 0);
	fx_refused("异议 ", "hl_jb", "objection.resolve", kv("objection", obj),
	    "upheld=1", "resolution=再议", NULL);
	assert_non_null(strstr(fx_err, "已处理"));
}

static void
objection_resolve_refusals(void **state)
{
	char	obj[NJ_KEY_MAX];

	(void)state;
	st_settle(ST_PUBLICIZED, 0);
	fx_ok("hl_jb", "objection.new", kv("sale", st_xg2), "text=异议", NULL);
	snprintf(obj, sizeof obj, "%s", fx_key);
	fx_refused("未知的异议编号：999", "hl_jb", "objection.resolve",
	    "objection=999", "upheld=1", "resolution=x", NULL);
	fx_refused("异议编号应为数字", "hl_jb", "objection.resolve",
	    "objection=YY1", "upheld=1", "resolution=x", NULL);
	fx_refused("超出您的管辖范围：640122", "yn_jb", "objection.resolve",
	    kv("objection", obj), "upheld=1", "resolution=x", NULL);
	fx_refused("无权执行“处理公示异议”", "hl_cz", "objection.resolve",
	    kv("objection", obj), "upheld=1", "resolution=x", NULL);
	fx_refused("应为以下之一：成立、不成立", "hl_jb", "objection.resolve",
	    kv("objection", obj), "upheld=也许", "resolution=x", NULL);
	fx_refused("请填写：调查处理结果", "hl_jb", "objection.resolve",
	    kv("objection", obj), "upheld=1", NULL);
	fx_ok("hl_jb", "objection.resolve", kv("objection", obj), "upheld=1",
	    "resolution=属实", NULL);
	fx_refused("异议 " , "hl_sh", "objection.resolve", kv("objection", obj),
	    "upheld=1", "resolution=属实", NULL);
	assert_non_null(strstr(fx_err, "已处理"));
	assert_int_equal(fx_int("SELECT count(*) FROM verifications WHERE "
	    "sale_id = ?1 AND result = 'fail'", st_xg2, NULL), 1);
}

/* --- batch.review ----------------------------------------------------------- */

/* R-004-A4-4.3a 004 附件4 四(三): the reviewer signs for it; the batch may be left out. */
static void
review_stores_result(void **state)
{
	int64_t	sample;
	char	s[32];

	(void)state;
	st_settle(ST_PUBLICIZED, 0);
	now("2026-04-06T15:00:00");
	fx_ok("hl_fh", "batch.review", "batch=" BATCH, kv("sale", st_tl),
	    "result=pass", "opinion=实际购机与申请一致", NULL);
	assert_string_equal(fx_key, st_tl);
	assert_int_equal(fx_int("SELECT count(*) FROM reviews r JOIN users u ON "
	    "u.id = r.reviewer WHERE r.sale_id = ?1 AND r.result = 'pass' AND "
	    "r.opinion = '实际购机与申请一致' AND u.login = 'hl_fh' AND r.at = "
	    "'2026-04-06 15:00:00' AND r.required_why = 'key'", st_tl, NULL),
	    1);
	/* without the batch: a machine is in one batch at most */
	sample = fx_int("SELECT sale_id FROM reviews WHERE required_why = "
	    "'sample'", NULL);
	snprintf(s, sizeof s, "%lld", (long long)sample);
	fx_ok("hl_fh", "batch.review", kv("sale", s), "result=pass", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM reviews WHERE sale_id = "
	    "?1 AND result = 'pass' AND opinion IS NULL", s, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'batch.review' AND detail LIKE 'batch=" BATCH " sale=%'", NULL),
	    2);
	/* a machine outside the list may be reviewed too */
	snprintf(s, sizeof s, "%lld", (long long)fx_int("SELECT id FROM sales "
	    "WHERE state = 'batched' AND id NOT IN (SELECT sale_id FROM "
	    "reviews) ORDER BY id LIMIT 1", NULL));
	fx_ok("hl_fh", "batch.review", kv("sale", s), "result=pass",
	    "opinion=抽查一致", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM reviews r JOIN users u ON "
	    "u.id = r.reviewer JOIN batches b ON b.id = r.batch_id WHERE "
	    "r.sale_id = ?1 AND b.no = '" BATCH "' AND r.required_why = "
	    "'extra' AND r.result = 'pass' AND r.opinion = '抽查一致' AND "
	    "u.login = 'hl_fh'", s, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM reviews WHERE result IS "
	    "NULL", NULL), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM batch_sales", NULL), 4);
}

/* A machine that fails the review leaves the batch, as for an objection. */
static void
review_fail_takes_out(void **state)
{
	(void)state;
	st_settle(ST_PUBLICIZED, 0);
	now("2026-04-07T11:00:00");
	fx_ok("hl_fh", "batch.review", "batch=" BATCH, kv("sale", st_tl),
	    "result=fail", "opinion=铭牌与核实表不符", NULL);
	assert_false(in_batch(st_tl, BATCH));
	assert_string_equal(sale_state(st_tl), "failed");
	assert_int_equal(fx_int("SELECT count(*) FROM machines WHERE serial = "
	    "'TL26A001' AND state = 'sold'", NULL), 1);
	/* the failed review stays on record (附表4); a failed verification */
	assert_int_equal(fx_int("SELECT count(*) FROM reviews WHERE sale_id = "
	    "?1 AND result = 'fail' AND opinion = '铭牌与核实表不符'", st_tl,
	    NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM verifications v JOIN "
	    "users u ON u.id = v.user_id WHERE v.sale_id = ?1 AND v.result = "
	    "'fail' AND v.problems = '复核不一致：铭牌与核实表不符' AND "
	    "u.login = 'hl_fh'", st_tl, NULL), 1);
	/* no longer in the batch: not reviewed again, no objection */
	fx_refused("销售 " , "hl_fh", "batch.review", "batch=" BATCH,
	    kv("sale", st_tl), "result=pass", NULL);
	assert_non_null(strstr(fx_err, "不在结算批次 " BATCH " 中"));
	fx_refused("不在结算批次中", "hl_jb", "objection.new", kv("sale", st_tl),
	    "text=x", NULL);
	/* the batch goes on without it */
	now("2026-04-11T09:30:00");
	st_review_all("hl_fh", BATCH);
	fx_ok("hl_jb", "batch.submit", "batch=" BATCH, NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM batch_sales", NULL), 3);
}

static void
review_refusals(void **state)
{
	char	notice[NJ_KEY_MAX], id[24], card[24], s[32];
	int64_t	sample;

	(void)state;
	st_settle(ST_PUBLICIZED, 0);
	/* R-003-A1-1b 003 附件1: not by someone who verified it (two did the tractor) */
	fx_refused("复核人员不能是该机具的核验人员", "hl_jb", "batch.review",
	    "batch=" BATCH, kv("sale", st_xg1), "result=pass", NULL);
	assert_string_equal(fx_field, "sale");
	fx_refused("复核人员不能是该机具的核验人员", "hl_jb", "batch.review",
	    "batch=" BATCH, kv("sale", st_tl), "result=pass", NULL);
	fx_refused("复核人员不能是该机具的核验人员", "hl_sh", "batch.review",
	    "batch=" BATCH, kv("sale", st_tl), "result=pass", NULL);
	fx_refused("复核人员不能是该机具的核验人员", "hl_sh", "batch.review",
	    kv("sale", st_xg3), "result=fail", NULL);
	/* scope, role, the batch and the sale */
	fx_refused("超出您的管辖范围：640122", "yn_jb", "batch.review",
	    "batch=" BATCH, kv("sale", st_xg1), "result=pass", NULL);
	fx_refused("无权执行“复核”", "xg_zhen", "batch.review", "batch=" BATCH,
	    kv("sale", st_xg1), "result=pass", NULL);
	fx_refused("无权执行“复核”", "hl_cz", "batch.review", "batch=" BATCH,
	    kv("sale", st_xg1), "result=pass", NULL);
	fx_refused("未知的结算批次：JS640122202602-01", "hl_fh", "batch.review",
	    "batch=JS640122202602-01", kv("sale", st_xg1), "result=pass",
	    NULL);
	fx_refused("销售 99999 不在结算批次中", "hl_fh", "batch.review",
	    "sale=99999", "result=pass", NULL);
	fx_refused("销售 99999 不在结算批次 " BATCH " 中", "hl_fh",
	    "batch.review", "batch=" BATCH, "sale=99999", "result=pass", NULL);
	fx_refused("应为以下之一：实际购机与申请一致、不一致", "hl_fh",
	    "batch.review", "batch=" BATCH, kv("sale", st_xg1), "result=ok",
	    NULL);
	/* a sale of the county in no batch */
	make_id(id, "640122", "19820304", 111);
	make_card(card, "621226120201158422");
	st_notice(notice, "xg_zhen", id, "赵四", "640122100", "1.1.3", "03", "1",
	    card, NULL);
	st_sell(s, sizeof s, "fs_dealer", notice, id, "XG26A004", "12000");
	fx_refused("不在结算批次中", "hl_fh", "batch.review", kv("sale", s),
	    "result=pass", NULL);
	/* reviewed twice */
	fx_ok("hl_fh", "batch.review", kv("sale", st_tl), "result=pass", NULL);
	fx_refused("销售 ", "hl_fh", "batch.review", kv("sale", st_tl),
	    "result=pass", NULL);
	assert_non_null(strstr(fx_err, "已复核"));
	/* only while open or publicised */
	now("2026-04-11T09:30:00");
	st_review_all("hl_fh", BATCH);
	fx_ok("hl_jb", "batch.submit", "batch=" BATCH, NULL);
	sample = fx_int("SELECT id FROM sales WHERE id NOT IN (SELECT sale_id "
	    "FROM reviews) AND state = 'batched' LIMIT 1", NULL);
	assert_true(sample > 0);
	fx_refused("的状态为“已报财政”，复核应在公示期间完成", "hl_fh",
	    "batch.review", "batch=" BATCH, kvi("sale", sample),
	    "result=pass", NULL);
	fx_refused("复核应在公示期间完成", "hl_fh", "batch.review",
	    kvi("sale", sample), "result=fail", NULL);
}

/* --- batch.submit ----------------------------------------------------------- */

static void
submit_stores(void **state)
{
	(void)state;
	st_settle(ST_SUBMITTED, 0);
	assert_string_equal(fx_key, BATCH);
	assert_int_equal(fx_int("SELECT count(*) FROM batches WHERE no = '"
	    BATCH "' AND state = 'submitted' AND submitted_at = "
	    "'2026-04-11 09:30:00'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE state = "
	    "'batched'", NULL), 4);
	fx_refused("结算批次 " BATCH " 的状态为“已报财政”，不能报送财政部门",
	    "hl_jb", "batch.submit", "batch=" BATCH, NULL);
}

/* R-004-A4-4.4 004 附件4 四(四): after publicity, reviews done, objections settled. */
static void
submit_refusals(void **state)
{
	char	obj[NJ_KEY_MAX], obj2[NJ_KEY_MAX];

	(void)state;
	st_settle(ST_BATCHED, 0);
	/* publicised first */
	fx_refused("结算批次 " BATCH " 的状态为“已汇总”，不能报送财政部门",
	    "hl_jb", "batch.submit", "batch=" BATCH, NULL);
	fx_ok("hl_jb", "batch.publicize", "batch=" BATCH, "from=2026-04-03",
	    "to=2026-04-10", NULL);
	/* after its end: the last day is still publicity */
	now("2026-04-10T17:00:00");
	fx_refused("公示期至 2026-04-10，尚未结束", "hl_jb", "batch.submit",
	    "batch=" BATCH, NULL);
	now("2026-04-11T09:30:00");
	fx_refused("超出您的管辖范围：640122", "yn_jb", "batch.submit",
	    "batch=" BATCH, NULL);
	fx_refused("无权执行“报送财政部门”", "xg_zhen", "batch.submit",
	    "batch=" BATCH, NULL);
	fx_refused("无权执行“报送财政部门”", "hl_cz", "batch.submit",
	    "batch=" BATCH, NULL);
	/* every review done: the tractor and one drawn */
	fx_refused("还有 2 台机具未复核", "hl_jb", "batch.submit", "batch=" BATCH,
	    NULL);
	fx_ok("hl_fh", "batch.review", kv("sale", st_tl), "result=pass", NULL);
	fx_refused("还有 1 台机具未复核", "hl_jb", "batch.submit", "batch=" BATCH,
	    NULL);
	st_review_all("hl_fh", BATCH);
	/* every objection settled */
	fx_ok("hl_jb", "objection.new", kv("sale", st_xg3), "text=异议", NULL);
	snprintf(obj, sizeof obj, "%s", fx_key);
	fx_ok("hl_jb", "objection.new", kv("sale", st_xg2), "text=异议", NULL);
	snprintf(obj2, sizeof obj2, "%s", fx_key);
	fx_refused("还有 2 条公示异议未处理", "hl_jb", "batch.submit",
	    "batch=" BATCH, NULL);
	fx_ok("hl_sh", "objection.resolve", kv("objection", obj), "upheld=0",
	    "resolution=不属实", NULL);
	fx_refused("还有 1 条公示异议未处理", "hl_jb", "batch.submit",
	    "batch=" BATCH, NULL);
	fx_ok("hl_sh", "objection.resolve", kv("objection", obj2),
	    "upheld=1", "resolution=属实", NULL);
	fx_ok("hl_jb", "batch.submit", "batch=" BATCH, NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM batch_sales", NULL), 3);
}

/* A batch whose every machine left it is not sent to finance. */
static void
submit_refused_when_emptied(void **state)
{
	char	notice[NJ_KEY_MAX], id[24], card[24], s[32];

	(void)state;
	/* one machine only, in a batch of its own */
	make_id(id, "640122", "19820304", 111);
	make_card(card, "621226120201158422");
	st_notice(notice, "xg_zhen", id, "赵四", "640122100", "1.1.3", "03", "1",
	    card, NULL);
	st_sell(s, sizeof s, "fs_dealer", notice, id, "XG26A004", "12000");
	st_verify("hl_jb", s);
	now("2026-04-02T09:30:00");
	fx_ok("hl_jb", "batch.new", "month=2026-03", NULL);
	assert_string_equal(fx_outbuf, "1 台，补贴 2800.00 元\n");
	fx_ok("hl_jb", "batch.publicize", "batch=" BATCH, "from=2026-04-03",
	    "to=2026-04-10", NULL);
	fx_ok("hl_sh", "batch.review", kv("sale", s), "result=fail",
	    "opinion=未见机具", NULL);
	now("2026-04-11T09:30:00");
	fx_refused("结算批次 " BATCH " 中已没有机具", "hl_jb", "batch.submit",
	    "batch=" BATCH, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		ST_TEST(batch_new_collects_the_month),
		ST_TEST(batch_new_refused_without_valid_account),
		ST_TEST(batch_new_numbers_per_year),
		ST_TEST(batch_new_review_list),
		ST_TEST(batch_new_sample_reproducible),
		ST_TEST(batch_new_refusals),
		ST_TEST(publicize_stores_dates),
		ST_TEST(publicize_refusals),
		ST_TEST(publicize_working_days_holiday),
		ST_TEST(publicize_working_days_workday),
		ST_TEST(objection_new_stores),
		ST_TEST(objection_new_refusals),
		ST_TEST(objection_upheld_takes_out),
		ST_TEST(objection_dismissed_keeps),
		ST_TEST(objection_resolve_refusals),
		ST_TEST(review_stores_result),
		ST_TEST(review_fail_takes_out),
		ST_TEST(review_refusals),
		ST_TEST(submit_stores),
		ST_TEST(submit_refusals),
		ST_TEST(submit_refused_when_emptied),
	};

	return FX_RUN(tests);
}
