/*
 * test-print-settle.c: the settlement printers (SPEC section 3 steps 5-7,
 * section 6; print-settle.c, print-month.c, action-print.c): 附表4 review,
 * 附表5 payment, 附表6 detail, 附表7 publicity, 附件2 budget, the bank
 * file, the anomalies, and month end (--all, report=all). The data is made
 * through the real actions: the buyer's journey (application, approval,
 * sale, verification), then batch.new, batch.publicize, batch.review,
 * batch.submit, finance.sample/check/approve/pay, on the demo province.
 *
 * What is checked: the headers are the seed's column names; payment,
 * detail, publicity and bank count the same machines and the same money,
 * and still do after a machine leaves the batch; the capital numerals
 * line (人民币大写); the detail has one row per buyer; the public table
 * never has an ID number, phone or account, whoever prints it (004
 * 三(四), 002 五); the bank file is for finance (and the admin) only,
 * once finance approved; private columns masked or in clear by role, and
 * the audit row of each print (001 查询日志化); scope by batch; month end
 * writes every sheet into a 0700 folder and logs each.
 *
 * Demo facts used (see test-print.c): 张三 (习岗镇, two 1.1.3/03 旋耕机
 * at 2800 yuan and one 9.1.1/03 拖拉机, key and licensed, 18000 yuan),
 * 李四 (金贵镇, one 旋耕机); county clerks hl_jb, hl_sh (640122), yn_jb
 * (640121); finance hl_cz (640122), yn_cz (640121); city yc_city; auditor
 * jjjc; a third county clerk hl_fh is added here to review what both
 * clerks verified.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <sys/stat.h>

#include "fixture.h"
#include "printed.h"
#include "print.h"

#define ID1	"640122198001011238"	/* 张三 */
#define ID2	"640122197512034568"	/* 李四 */
#define PHONE1	"13995011234"
#define PHONE2	"13995015678"
#define ACCT1	"6228480402564890018"
#define ACCT2	"6228480402564890125"
#define BATCH	"JS640122202603-01"

static char	sale_tl[NJ_KEY_MAX];	/* 张三's tractor: key, licensed */

/* --- the settlement, through the real actions ----------------------------- */

enum stage { PUBLICIZED, APPROVED, PAID };

/* A sale of serial on notice as fs_dealer; its id into out. */
static void
sell(const char *notice, const char *idno, const char *serial,
    const char *price, char *out, size_t len)
{
	char n[128], i[64], s[64], p[64], inv[64];

	snprintf(n, sizeof n, "notice=%s", notice);
	snprintf(i, sizeof i, "id_no=%s", idno);
	snprintf(s, sizeof s, "serial=%s", serial);
	snprintf(p, sizeof p, "price=%s", price);
	snprintf(inv, sizeof inv, "invoice_no=FP-%s", serial);
	fx_ok("fs_dealer", "sale.new", n, i, s, p, "sold_on=2026-03-02", inv,
	    NULL);
	snprintf(out, len, "%s", fx_key);
}

static void
verify(const char *login, const char *sale, const char *method)
{
	char s[64], m[64];

	snprintf(s, sizeof s, "sale=%s", sale);
	snprintf(m, sizeof m, "method=%s", method);
	fx_ok(login, "verify.pass", s, m, "check_identity=1", "check_invoice=1",
	    "check_nameplate=1", "check_dealer=1", "check_licence=1",
	    "check_account=1", "check_promise=1",
	    strcmp(login, "hl_sh") == 0 ? "partner=hl_jb" : "partner=hl_sh",
	    NULL);
}

/* Every review of the batch still pending, passed by hl_fh. */
static void
review_all(void)
{
	char	s[64];
	int64_t	sale;

	while ((sale = fx_int("SELECT r.sale_id FROM reviews r JOIN batches b "
	    "ON b.id = r.batch_id WHERE b.no = '" BATCH "' AND r.result IS NULL "
	    "ORDER BY r.sale_id LIMIT 1", NULL)) > 0) {
		snprintf(s, sizeof s, "sale=%lld", (long long)sale);
		fx_ok("hl_fh", "batch.review", "batch=" BATCH, s, "result=pass",
		    "opinion=实际购机与申请一致", NULL);
	}
}

/*
 * March: 张三 buys two 旋耕机 and a tractor, 李四 one 旋耕机; all verified.
 * April: the county collects them into batch JS640122202603-01 and
 * publicises it; then (APPROVED) reviews, submits, finance samples,
 * checks and approves; then (PAID) pays on 2026-04-25.
 */
static void
settle(enum stage stage)
{
	char	a[NJ_KEY_MAX + 16], notice1[NJ_KEY_MAX], notice2[NJ_KEY_MAX];
	char	s1[NJ_KEY_MAX], s2[NJ_KEY_MAX], s4[NJ_KEY_MAX], s[NJ_KEY_MAX + 8];
	int64_t	sale;

	now("2026-03-02T09:30:00");
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=" ID1, "township=640122100",
	    "item=1.1.3", "tier=03", "qty=2", "phone=" PHONE1,
	    "village=新平村", "address=习岗镇新平村3队", "bank_name=黄河银行",
	    "bank_account=" ACCT1, NULL);
	snprintf(a, sizeof a, "application=%s", fx_key);
	fx_ok("xg_zhen", "application.line", a, "item=9.1.1", "tier=03",
	    "qty=1", NULL);
	fx_ok("xg_zhen", "application.submit", a, NULL);
	fx_ok("hl_sh", "application.approve", a, NULL);
	snprintf(notice1, sizeof notice1, "%s", fx_key);
	fx_ok("jg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=李四", "id_no=" ID2, "township=640122101",
	    "item=1.1.3", "tier=03", "qty=1", "phone=" PHONE2,
	    "village=关渠村", "address=金贵镇关渠村", "bank_name=农商银行",
	    "bank_account=" ACCT2, NULL);
	snprintf(a, sizeof a, "application=%s", fx_key);
	fx_ok("jg_zhen", "application.submit", a, NULL);
	/* R-SEC-8.6: only an approver decides; hl_jb is made one here */
	fx_ok("admin", "user.post", "login=hl_jb", "post=approver", NULL);
	fx_ok("hl_jb", "application.approve", a, NULL);
	snprintf(notice2, sizeof notice2, "%s", fx_key);

	sell(notice1, ID1, "XG26A001", "12000", s1, sizeof s1);
	sell(notice1, ID1, "TL26A001", "150000", sale_tl, sizeof sale_tl);
	sell(notice2, ID2, "XG26A003", "11800", s4, sizeof s4);
	sell(notice1, ID1, "XG26A002", "12000", s2, sizeof s2);
	verify("hl_jb", s1, "office");
	verify("hl_jb", s2, "office");
	verify("hl_sh", s4, "office");
	snprintf(s, sizeof s, "sale=%s", sale_tl);
	fx_ok("hl_jb", "verify.pass", s, "method=onsite",
	    "licence_no=宁A-12345", "check_identity=1", "check_invoice=1",
	    "check_nameplate=1", "check_dealer=1", "check_licence=1",
	    "check_account=1", "check_promise=1", NULL);
	verify("hl_sh", sale_tl, "onsite");
	fx_ok("admin", "user.add", "login=hl_fh", "name=孙复核", "role=county",
	    "region=640122", "password=njbt-demo-1", "post=approver", NULL);

	now("2026-04-02T09:30:00");
	fx_ok("hl_jb", "batch.new", "month=2026-03", NULL);
	assert_string_equal(fx_key, BATCH);
	fx_ok("hl_jb", "batch.publicize", "batch=" BATCH, "from=2026-04-03",
	    "to=2026-04-10", NULL);
	if (stage == PUBLICIZED)
		return;

	now("2026-04-11T09:30:00");
	review_all();
	fx_ok("hl_jb", "batch.submit", "batch=" BATCH, NULL);
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, "seed=7", NULL);
	while ((sale = fx_int("SELECT sale_id FROM finance_checks "
	    "WHERE result IS NULL LIMIT 1", NULL)) > 0) {
		snprintf(s, sizeof s, "sale=%lld", (long long)sale);
		fx_ok("hl_cz", "finance.check", s, "result=pass", "note=在用",
		    NULL);
	}
	fx_ok("hl_cz", "finance.approve", "batch=" BATCH, NULL);
	if (stage == APPROVED)
		return;

	now("2026-04-26T09:30:00");
	fx_ok("hl_cz", "finance.pay", "batch=" BATCH, "paid_on=2026-04-25",
	    "ref=YH001", NULL);
}

/* --- printing ------------------------------------------------------------- */

/*
 * Print as login (NULL: the console) into this test's file and read it
 * into pr_buf; print_file()'s code.
 */
static int
pr(const char *login, const char *report, const char *batch,
    const char *county, const char *month, const char *enc)
{
	struct print_req	 req;

	memset(&req, 0, sizeof req);
	req.report = report;
	req.batch = batch;
	req.county = county;
	req.month = month;
	req.encoding = enc != NULL ? enc : "utf-8";
	return pr_req(login, &req);
}

/* --- the writer's numbers --------------------------------------------------- */

/* Money and counts, written without printf, are what money_format says. */
static void
writer_numbers(void **state)
{
	static const int64_t v[] = { 0, 1, 9, 10, 99, 100, 101, 12345, -1, -9,
	    -10, -100, -12345, 2640000, 257600000000, MONEY_MAX_FEN,
	    -MONEY_MAX_FEN, INT64_MAX, INT64_MIN };
	struct print_out out;
	struct csvw	*w;
	char		*buf = NULL, want[128], money[64];
	size_t		 len = 0, i;
	FILE		*fp;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		fp = open_memstream(&buf, &len);
		memset(&out, 0, sizeof out);
		out.fp = fp;
		w = csvw_new(&out, "utf-8");
		csvw_money(w, v[i]);
		csvw_int(w, v[i]);
		csvw_end(w);
		assert_int_equal(csvw_free(&w), 0);
		fclose(fp);
		money_format(v[i], money, sizeof money);
		snprintf(want, sizeof want, "%s,%lld\r\n", money,
		    (long long)v[i]);
		assert_string_equal(buf, want);
		free(buf);
		buf = NULL;
	}
}

/* --- headers ---------------------------------------------------------------- */

/* The seed's column names (004 附表4-7, 附件2; 002 附件5). */
static void
headers_are_the_seed_columns(void **state)
{
	static const struct {
		const char *report, *header;
	} cases[] = {
		{ "review", "结算批次,销售编号,姓名,家庭住址,联系电话,身份证号码,"
		    "机具名称,规格型号,数量,生产企业,经销商,购机日期,机具价格,"
		    "补贴金额,发动机号码,出厂编号,行驶证号码,"
		    "1、购机人与补贴指标申领人是否一致,"
		    "2、是否与《农机购置补贴指标确认通知书》的品目相符,"
		    "3、机具是否有永久性铭牌,"
		    "4、出厂编号、发动机号是否与《补贴机具供货与核实表》一致,"
		    "实际购机与申请补贴信息（材料）,复核人员意见,复核人,复核日期,"
		    "复核原因" },
		{ "payment", "结算批次,县（区）,机具种类,数量（台）,"
		    "财政补贴金额合计,中央,地方,本次核拨金额,备注" },
		{ "detail", "序号,姓名,县乡村,电话/手机号码,开户行,帐号,身份证号码,"
		    "数量,补贴金额合计,国补金额,自治区补金额,备注,结算批次" },
		{ "publicity", "序号,所在乡（镇）,所在村组,购机者姓名,机具品目,"
		    "生产厂家,购买机型,购买数量（台）,经销商,单台销售价格（元）,"
		    "单台补贴额（元）,总补贴额（元）" },
		{ "bank", "序号,户名,开户行,账号,金额（元）,用途,批次,销售编号,支付编号" },
	};
	char	line[4096];
	size_t	i;

	(void)state;
	settle(PAID);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pr_ok(NULL, cases[i].report, BATCH, NULL, NULL, NULL);
		line_at(0, line, sizeof line);
		assert_string_equal(line, cases[i].header);
	}
	pr_ok(NULL, "budget", NULL, "640122", "2026-03", NULL);
	line_at(0, line, sizeof line);
	assert_string_equal(line, "县区,计划（中央）,计划（省级）,"
	    "计划（工作经费）,计划（合计）,已占用（中央）,已占用（省级）,"
	    "已支付（中央）,已支付（省级）,结余（中央）,结余（省级）,使用率（%）");
	pr_ok(NULL, "anomalies", NULL, "640122", "2026-03", NULL);
	line_at(0, line, sizeof line);
	assert_string_equal(line, "销售编号,购机日期,购机者,经销商,机具型号,"
	    "出厂编号,异常情形,情况说明,发现时间");
}

/* --- 附表5: the report, its capital numerals ------------------------------ */

static void
payment_report_and_capitals(void **state)
{
	char line[1024];

	(void)state;
	settle(PAID);
	pr_ok("hl_jb", "payment", BATCH, NULL, NULL, NULL);
	assert_int_equal(lines(), 5);
	line_at(1, line, sizeof line);
	assert_string_equal(line, BATCH ",贺兰县,主机,1,18000.00,18000.00,"
	    "0.00,18000.00,");
	line_at(2, line, sizeof line);
	assert_string_equal(line, BATCH ",贺兰县,机具,3,8400.00,8400.00,0.00,"
	    "8400.00,");
	line_at(3, line, sizeof line);
	assert_string_equal(line, BATCH ",贺兰县,合计,4,26400.00,26400.00,"
	    "0.00,26400.00,第1批，已支付（2026-04-25）");
	/* 合计（大写）and 小写 */
	line_at(4, line, sizeof line);
	assert_string_equal(line, BATCH ",贺兰县,合计（大写）,贰万陆仟肆佰元整,"
	    "小写：￥26400.00,,,,");
	/* by the county's month: the same batch, the same lines */
	pr_ok("hl_cz", "payment", NULL, NULL, "2026-03", NULL);
	assert_int_equal(lines(), 5);
	assert_true(has(",合计（大写）,贰万陆仟肆佰元整,小写：￥26400.00,"));
	/* a month without batches: zeros, 零元整 */
	pr_ok("hl_cz", "payment", NULL, NULL, "2026-02", NULL);
	assert_int_equal(lines(), 3);
	line_at(-1, line, sizeof line);
	assert_string_equal(line, ",,合计（大写）,零元整,小写：￥0.00,,,,");
}

/* --- the same machines, the same money ------------------------------------ */

/* The last cell of the totals row of detail/publicity/bank (yuan). */
static void
totals_agree(int units, const char *yuan)
{
	char	line[1024], want[256];

	pr_ok(NULL, "payment", BATCH, NULL, NULL, NULL);
	line_at(3, line, sizeof line);
	snprintf(want, sizeof want, ",合计,%d,%s,", units, yuan);
	assert_non_null(strstr(line, want));
	pr_ok(NULL, "detail", BATCH, NULL, NULL, NULL);
	line_at(-1, line, sizeof line);
	snprintf(want, sizeof want, "合计,,,,,,,%d,%s,%s,0.00,,", units, yuan,
	    yuan);
	assert_string_equal(line, want);
	pr_ok(NULL, "publicity", BATCH, NULL, NULL, NULL);
	assert_int_equal(lines(), units + 2);
	line_at(-1, line, sizeof line);
	snprintf(want, sizeof want, "合计,,,,,,,%d,,,,%s", units, yuan);
	assert_string_equal(line, want);
}

static void
payment_detail_publicity_agree(void **state)
{
	char	line[1024], s[NJ_KEY_MAX + 8];
	int64_t	sale;

	(void)state;
	settle(PUBLICIZED);
	totals_agree(4, "26400.00");
	/* a failed review takes the tractor out of the batch: all agree */
	now("2026-04-11T09:30:00");
	snprintf(s, sizeof s, "sale=%s", sale_tl);
	fx_ok("hl_fh", "batch.review", "batch=" BATCH, s, "result=fail",
	    "opinion=铭牌与核实表不符", NULL);
	totals_agree(3, "8400.00");
	/* the review sheet keeps the failed review: 否, 不一致 */
	pr_ok("hl_jb", "review", BATCH, NULL, NULL, NULL);
	assert_true(has(",TL26A001,宁A-12345,否,否,否,否,不一致,铭牌与核实表不符,"
	    "孙复核,2026-04-11,重点机具\r\n"));
	/* and the bank file, once paid, the same again */
	review_all();
	fx_ok("hl_jb", "batch.submit", "batch=" BATCH, NULL);
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, "seed=7", NULL);
	while ((sale = fx_int("SELECT sale_id FROM finance_checks "
	    "WHERE result IS NULL LIMIT 1", NULL)) > 0) {
		snprintf(s, sizeof s, "sale=%lld", (long long)sale);
		fx_ok("hl_cz", "finance.check", s, "result=pass", NULL);
	}
	fx_ok("hl_cz", "finance.approve", "batch=" BATCH, NULL);
	now("2026-04-26T09:30:00");
	fx_ok("hl_cz", "finance.pay", "batch=" BATCH, "paid_on=2026-04-25",
	    NULL);
	totals_agree(3, "8400.00");
	pr_ok("hl_cz", "bank", BATCH, NULL, NULL, NULL);
	assert_int_equal(lines(), 5);
	line_at(-1, line, sizeof line);
	assert_string_equal(line, "合计,,,,8400.00,,,,");
	assert_int_equal(fx_int("SELECT sum(amount) FROM payments", NULL),
	    840000);
	/*
	 * R-004-A5-2a 004 附件5 二、附表7: a machine returned after payment
	 * and refunded leaves the beneficiary table but stays in its
	 * batch's sheets (what was paid, and refunded beside it).
	 */
	sale = fx_int("SELECT min(sale_id) FROM payments", NULL);
	snprintf(s, sizeof s, "sale=%lld", (long long)sale);
	fx_ok("hl_jb", "return.new", s, "reason=质量问题三包退货", NULL);
	fx_ok("hl_cz", "return.refund", s, "amount=2800", "paid_on=2026-04-26",
	    NULL);
	pr_ok(NULL, "publicity", BATCH, NULL, NULL, NULL);
	assert_int_equal(lines(), 2 + 2);
	line_at(-1, line, sizeof line);
	assert_string_equal(line, "合计,,,,,,,2,,,,5600.00");
	pr_ok(NULL, "payment", BATCH, NULL, NULL, NULL);
	line_at(3, line, sizeof line);
	assert_non_null(strstr(line, ",合计,3,8400.00,"));
	pr_ok(NULL, "detail", BATCH, NULL, NULL, NULL);
	line_at(-1, line, sizeof line);
	assert_string_equal(line, "合计,,,,,,,3,8400.00,8400.00,0.00,,");
}

/* --- 附表6: one row per buyer ---------------------------------------------- */

static void
detail_one_row_per_buyer(void **state)
{
	char line[1024];

	(void)state;
	settle(PAID);
	pr_ok("hl_cz", "detail", BATCH, NULL, NULL, NULL);
	assert_int_equal(lines(), 4);
	line_at(1, line, sizeof line);
	assert_string_equal(line, "1,张三,贺兰县习岗镇新平村," PHONE1
	    ",黄河银行," ACCT1 "," ID1 ",3,23600.00,23600.00,0.00,," BATCH);
	line_at(2, line, sizeof line);
	assert_string_equal(line, "2,李四,贺兰县金贵镇关渠村," PHONE2
	    ",农商银行," ACCT2 "," ID2 ",1,2800.00,2800.00,0.00,," BATCH);
	line_at(3, line, sizeof line);
	assert_string_equal(line, "合计,,,,,,,4,26400.00,26400.00,0.00,,");
	/* the city: masked */
	pr_ok("yc_city", "detail", BATCH, NULL, NULL, NULL);
	line_at(1, line, sizeof line);
	assert_string_equal(line, "1,张三,贺兰县习岗镇新平村,***1234,黄河银行,"
	    "***0018,***1238,3,23600.00,23600.00,0.00,," BATCH);
	assert_false(has(ACCT1));
	assert_false(has(ID2));
	assert_false(has(PHONE2));
}

/* --- 附表7: never private data ---------------------------------------------- */

/* R-004-M-8.4 004 八(四), 002 五: no ID, phone, account or photo, whoever prints. */
static void
publicity_never_private(void **state)
{
	static const char *const who[] = { NULL, "admin", "jjjc", "hl_jb",
	    "hl_cz", "yc_city", "xg_zhen" };
	static const char *const enc[] = { "utf-8-bom", "gb18030" };
	static const char *const secret[] = { ID1, ID2, PHONE1, PHONE2, ACCT1,
	    ACCT2, "1238", "4568", "0018", "0125", "1234", "5678", "***" };
	char	line[1024];
	size_t	i, k, s;

	(void)state;
	settle(PAID);
	for (i = 0; i < sizeof who / sizeof who[0]; i++)
		for (k = 0; k < 2; k++) {
			if (who[i] != NULL && strcmp(who[i], "xg_zhen") == 0)
				pr_ok(who[i], "publicity", NULL, NULL,
				    "2026-03", enc[k]);
			else
				pr_ok(who[i], "publicity", BATCH, NULL, NULL,
				    enc[k]);
			assert_true(lines() >= 3);
			for (s = 0; s < sizeof secret / sizeof secret[0]; s++)
				assert_false(has(secret[s]));
		}
	pr_ok("hl_jb", "publicity", BATCH, NULL, NULL, NULL);
	line_at(1, line, sizeof line);
	assert_string_equal(line, "1,习岗镇,新平村,张三,旋耕机,"
	    "宁夏塞上农业机械有限公司,1GQN-200,1,贺兰县丰收农机销售有限公司,"
	    "12000.00,2800.00,2800.00");
	/* the township: its own buyers only */
	pr_ok("xg_zhen", "publicity", BATCH, NULL, NULL, NULL);
	assert_int_equal(lines(), 5);
	assert_false(has("李四"));
	pr_ok("jg_zhen", "publicity", NULL, NULL, "2026-03", NULL);
	assert_int_equal(lines(), 3);
	assert_true(has("李四"));
	assert_false(has("张三"));
	/* nor the file the screens write */
	fx_ok("hl_cz", "print", "report=publicity", "batch=" BATCH, NULL);
	{
		FILE *fp = fopen(fx_key, "rb");

		assert_non_null(fp);
		pr_len = fread(pr_buf, 1, sizeof pr_buf - 1, fp);
		fclose(fp);
		assert_non_null(strstr(fx_key, "/publicity-" BATCH "-"));
		for (s = 0; s < sizeof secret / sizeof secret[0]; s++)
			assert_false(has(secret[s]));
	}
}

/* --- the bank file ---------------------------------------------------------- */

static void
bank_for_finance_only(void **state)
{
	static const char *const refused[] = { "hl_jb", "hl_sh", "xg_zhen",
	    "yc_city", "jjjc", "fs_dealer" };
	char	line[1024];
	size_t	i;

	(void)state;
	settle(PUBLICIZED);
	/* before finance approved: nothing to pay */
	pr_refused("财政审核同意后才能打印", "hl_cz", "bank", BATCH, NULL, NULL,
	    NULL);
	pr_ok("hl_cz", "bank", NULL, NULL, "2026-03", NULL);
	assert_int_equal(lines(), 2);
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++)
		pr_refused("无权打印“补贴资金银行支付文件”", refused[i], "bank",
		    BATCH, NULL, NULL, NULL);
	fx_ok("admin", "user.add", "login=hl_cz2", "name=财政二",
	    "role=finance", "region=640122", "password=njbt-demo-1", NULL);
	now("2026-04-11T09:30:00");
	review_all();
	fx_ok("hl_jb", "batch.submit", "batch=" BATCH, NULL);
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, "seed=7", NULL);
	{
		char	s[64];
		int64_t	sale;

		while ((sale = fx_int("SELECT sale_id FROM finance_checks "
		    "WHERE result IS NULL LIMIT 1", NULL)) > 0) {
			snprintf(s, sizeof s, "sale=%lld", (long long)sale);
			fx_ok("hl_cz", "finance.check", s, "result=pass", NULL);
		}
	}
	fx_ok("hl_cz", "finance.approve", "batch=" BATCH, NULL);
	/* approved: what is to be paid, the accounts in clear */
	pr_ok("hl_cz", "bank", BATCH, NULL, NULL, NULL);
	assert_int_equal(lines(), 6);
	line_at(1, line, sizeof line);
	assert_int_equal(strncmp(line, "1,张三,黄河银行," ACCT1 ",2800.00,"
	    "农机购置补贴," BATCH ",", strlen("1,张三,黄河银行," ACCT1
	    ",2800.00,农机购置补贴," BATCH ",")), 0);
	assert_true(has(",李四,农商银行," ACCT2 ",2800.00,农机购置补贴,"));
	line_at(-1, line, sizeof line);
	assert_string_equal(line, "合计,,,,26400.00,,,,");
	pr_ok("admin", "bank", BATCH, NULL, NULL, NULL);
	assert_true(has(ACCT1));
	pr_ok(NULL, "bank", NULL, "640122", "2026-03", NULL);
	assert_int_equal(lines(), 6);
	/* finance of another county */
	pr_refused("超出您的管辖范围：结算批次 " BATCH " 不属于本县", "yn_cz",
	    "bank", BATCH, NULL, NULL, NULL);
	pr_ok("yn_cz", "bank", NULL, NULL, "2026-03", NULL);
	assert_int_equal(lines(), 2);
	/* the screens' action: refused to the county clerk, no file */
	{
		uint64_t before = fx_snapshot();

		assert_int_equal(fx_do("hl_jb", "print", "report=bank",
		    "batch=" BATCH, NULL), NJ_REFUSED);
		assert_non_null(strstr(fx_err, "无权打印"));
		assert_true(fx_snapshot() == before);
	}
	fx_ok("hl_cz2", "print", "report=bank", "batch=" BATCH, NULL);
	assert_non_null(strstr(fx_key, "/outbox/hl_cz2/bank-" BATCH "-"));
}

/* --- private data: masked or clear, and logged ------------------------------ */

static void
private_by_role_and_logged(void **state)
{
	static const struct {
		const char	*login, *report;
		int		 clear;
	} cases[] = {
		{ "hl_cz", "detail", 1 }, { "admin", "detail", 1 },
		{ "jjjc", "detail", 1 }, { "hl_jb", "detail", 1 },
		{ NULL, "detail", 1 }, { "yc_city", "detail", 0 },
		{ "hl_jb", "review", 1 }, { "hl_cz", "review", 0 },
		{ "yc_city", "review", 0 }, { "admin", "review", 1 },
	};
	size_t	i;

	(void)state;
	settle(PAID);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pr_ok(cases[i].login, cases[i].report, BATCH, NULL, NULL, NULL);
		assert_int_equal(has(ID1), cases[i].clear);
		assert_int_equal(has("***1238"), !cases[i].clear);
		assert_int_equal(has(PHONE1), cases[i].clear);
		assert_false(has(ACCT1) && !cases[i].clear);
	}
	/* R-001-A1-16b 001 查询日志化 */
	assert_int_equal(audit_rows("hl_cz", "report=detail batch=" BATCH
	    " encoding=utf-8 rows=2 private=clear"), 1);
	assert_int_equal(audit_rows("yc_city", "report=detail batch=" BATCH
	    " encoding=utf-8 rows=2 private=masked"), 1);
	assert_int_equal(audit_rows("hl_cz", "report=review batch=" BATCH
	    "%private=masked"), 1);
	pr_refused("超出您的管辖范围", "yn_jb", "detail", BATCH, NULL, NULL,
	    NULL);
	assert_int_equal(audit_rows("yn_jb", "%"), 0);
	{
		int64_t bad = 0, n = 0;
		char	msg[NJ_MSG_MAX];

		assert_int_equal(audit_verify(&n, &bad, msg, sizeof msg), 0);
	}
}

/* --- scope and filters ---------------------------------------------------- */

static void
scope_and_filters(void **state)
{
	struct print_req	req;
	struct actor		who;

	(void)state;
	settle(PUBLICIZED);
	pr_refused("超出您的管辖范围：结算批次 " BATCH " 不属于本县", "yn_jb",
	    "payment", BATCH, NULL, NULL, NULL);
	pr_refused("未知的结算批次：JS0", "hl_jb", "payment", "JS0", NULL,
	    NULL, NULL);
	pr_refused("超出您的管辖范围：640122 不属于本县", "yn_jb", "detail",
	    NULL, "640122", "2026-03", NULL);
	pr_refused("无权打印", "xg_zhen", "detail", BATCH, NULL, NULL, NULL);
	pr_refused("无权打印", "xg_zhen", "payment", NULL, NULL, "2026-03",
	    NULL);
	pr_refused("无权打印", "fs_dealer", "publicity", BATCH, NULL, NULL,
	    NULL);
	pr_ok("yc_city", "payment", BATCH, NULL, NULL, NULL);
	pr_ok("yn_jb", "payment", NULL, NULL, "2026-03", NULL);
	assert_int_equal(lines(), 3);		/* no batch: 合计, 大写 */
	pr_ok("hl_jb", "review", NULL, NULL, "2026-04", NULL);
	assert_int_equal(lines(), 2);		/* the month of the batch */
	pr_ok("hl_jb", "review", NULL, NULL, "2026-03", NULL);
	assert_true(lines() >= 3);
	assert_true(has(",重点机具\r\n"));	/* the tractor: 100% */
	assert_true(has(",待复核,"));
	/* usage: a batch and an area; an id; a batch where none is taken */
	memset(&req, 0, sizeof req);
	actor_console(&who);
	req.report = "detail";
	req.batch = BATCH;
	req.county = "640122";
	assert_int_equal(print_file(&who, &req, NULL, pr_msg, sizeof pr_msg),
	    NJ_USAGE);
	assert_non_null(strstr(pr_msg, "按结算批次打印时不能再指定县或月份"));
	req.county = NULL;
	req.id = "1";
	assert_int_equal(print_file(&who, &req, NULL, pr_msg, sizeof pr_msg),
	    NJ_USAGE);
	req.id = NULL;
	req.report = "budget";
	assert_int_equal(print_file(&who, &req, NULL, pr_msg, sizeof pr_msg),
	    NJ_USAGE);
	req.report = "anomalies";
	assert_int_equal(print_file(&who, &req, NULL, pr_msg, sizeof pr_msg),
	    NJ_USAGE);
}

/* --- 附件2 and the anomalies ------------------------------------------------ */

static void
budget_and_anomalies(void **state)
{
	char line[1024];

	(void)state;
	settle(PAID);
	/* 贺兰县 2026: 980 + 30 + 10 万元; 26400 committed, paid */
	pr_ok("hl_cz", "budget", NULL, NULL, "2026-05", NULL);
	assert_int_equal(lines(), 3);
	line_at(1, line, sizeof line);
	assert_string_equal(line, "贺兰县,9800000.00,300000.00,100000.00,"
	    "10200000.00,26400.00,0.00,26400.00,0.00,9773600.00,300000.00,"
	    "0.26");
	line_at(2, line, sizeof line);
	assert_string_equal(line, "总计,9800000.00,300000.00,100000.00,"
	    "10200000.00,26400.00,0.00,26400.00,0.00,9773600.00,300000.00,"
	    "0.26");
	/* the province: every county, and their total */
	pr_ok("admin", "budget", NULL, NULL, "2026-01", NULL);
	assert_int_equal(lines(), (int)fx_int("SELECT count(*) + 2 FROM budgets "
	    "WHERE year = 2026", NULL));
	assert_true(has("\r\n总计,"));
	/* a year without a plan: 总计 of nothing */
	pr_ok("admin", "budget", NULL, NULL, "2019-01", NULL);
	assert_int_equal(lines(), 2);
	/* the city: its counties */
	pr_ok("yc_city", "budget", NULL, NULL, NULL, NULL);
	assert_true(has("贺兰县"));
	assert_false(has("海原县"));
	/* anomalies: kinds in Chinese, the sale behind each */
	pr_ok("hl_jb", "anomalies", NULL, NULL, "2026-03", NULL);
	if (fx_int("SELECT count(*) FROM anomalies", NULL) > 0) {
		assert_int_equal(lines(), 1 + (int)fx_int("SELECT count(*) "
		    "FROM anomalies", NULL));
		assert_false(has(",buyer_units,"));
	}
	pr_ok("yn_jb", "anomalies", NULL, NULL, NULL, NULL);
	assert_int_equal(lines(), 1);
}

/* --- month end -------------------------------------------------------------- */

static int
file_mode(const char *dir, const char *name)
{
	char		path[1024];
	struct stat	sb;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return stat(path, &sb) == 0 ? (int)(sb.st_mode & 0777) : -1;
}

static int
files_in(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;
	int		 n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void
month_end_writes_every_sheet(void **state)
{
	static const char *const names[] = {
		"application-640122-2026-03.csv", "notice-640122-2026-03.csv",
		"supply-640122-2026-03.csv", "review-" BATCH ".csv",
		"payment-" BATCH ".csv", "detail-" BATCH ".csv",
		"publicity-" BATCH ".csv", "bank-" BATCH ".csv",
		"anomalies-640122-2026-03.csv", "budget-2026.csv",
	};
	struct print_req	req;
	struct actor		who;
	struct stat		sb;
	char			dir[400], dir2[400];
	size_t			i;

	(void)state;
	settle(PAID);
	snprintf(dir, sizeof dir, "%s.month", fx_path);
	memset(&req, 0, sizeof req);
	req.county = "640122";
	req.month = "2026-03";
	actor_console(&who);
	assert_int_equal(print_month(&who, &req, dir, NULL, NULL, pr_msg,
	    sizeof pr_msg), NJ_OK);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		assert_int_equal(file_mode(dir, names[i]), 0600);
	assert_int_equal(files_in(dir), (int)(sizeof names / sizeof names[0]));
	/* an audit row per sheet, the detail's and the bank's in clear */
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'print' AND substr(record, 1, length(?1)) = ?1", dir, NULL),
	    (int64_t)(sizeof names / sizeof names[0]));
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'print' AND detail LIKE 'report=bank batch=" BATCH
	    "%private=clear'", NULL), 1);

	/* the county clerk: no bank file; its own county by default */
	snprintf(dir2, sizeof dir2, "%s.month2", fx_path);
	assert_int_equal(actor_load("hl_jb", &who, pr_msg, sizeof pr_msg), 0);
	req.county = NULL;
	assert_int_equal(print_month(&who, &req, dir2, NULL, NULL, pr_msg,
	    sizeof pr_msg), NJ_OK);
	assert_int_equal(files_in(dir2), 9);
	assert_int_equal(file_mode(dir2, "bank-" BATCH ".csv"), -1);
	assert_int_equal(file_mode(dir2, "detail-" BATCH ".csv"), 0600);

	/* refusals make no folder */
	snprintf(dir2, sizeof dir2, "%s.month3", fx_path);
	assert_int_equal(actor_load("yn_jb", &who, pr_msg, sizeof pr_msg), 0);
	req.county = "640122";
	assert_int_equal(print_month(&who, &req, dir2, NULL, NULL, pr_msg,
	    sizeof pr_msg), NJ_REFUSED);
	assert_non_null(strstr(pr_msg, "超出您的管辖范围"));
	assert_int_not_equal(stat(dir2, &sb), 0);
	actor_console(&who);
	req.county = NULL;
	assert_int_equal(print_month(&who, &req, dir2, NULL, NULL, pr_msg,
	    sizeof pr_msg), NJ_USAGE);
	req.county = "640122";
	req.month = NULL;
	assert_int_equal(print_month(&who, &req, dir2, NULL, NULL, pr_msg,
	    sizeof pr_msg), NJ_USAGE);
	assert_int_not_equal(stat(dir2, &sb), 0);
}

/* The progress callback hears every sheet, then the end. */
static size_t	progress_calls;
static size_t	progress_total;
static int	progress_ended;

static void
progress(void *arg, size_t done, size_t total, const char *name)
{
	(void)arg;
	assert_int_equal(done, name != NULL ? progress_calls : total);
	progress_calls++;
	progress_total = total;
	if (name == NULL)
		progress_ended = 1;
}

static void
month_end_progress_and_screens(void **state)
{
	struct print_req	req;
	struct actor		who;
	char			dir[400];
	struct stat		sb;

	(void)state;
	settle(APPROVED);
	snprintf(dir, sizeof dir, "%s.month", fx_path);
	memset(&req, 0, sizeof req);
	req.month = "2026-03";
	req.encoding = "gb18030";
	assert_int_equal(actor_load("hl_cz", &who, pr_msg, sizeof pr_msg), 0);
	assert_int_equal(print_month(&who, &req, dir, progress, NULL, pr_msg,
	    sizeof pr_msg), NJ_OK);
	assert_int_equal(progress_total, 10);	/* finance may print all */
	assert_int_equal(progress_calls, 11);
	assert_true(progress_ended);

	/* the screens: a folder in the outbox, its files as the output */
	fx_ok("hl_jb", "print", "report=all", "month=2026-03", NULL);
	assert_non_null(strstr(fx_key, "/outbox/hl_jb/all-640122-2026-03-"
	    "20260411-093000"));
	assert_int_equal(stat(fx_key, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(files_in(fx_key), 9);
	assert_int_equal(file_mode(fx_key, "payment-" BATCH ".csv"), 0600);
	assert_non_null(strstr(fx_outbuf, "detail-" BATCH ".csv"));
	assert_null(strstr(fx_outbuf, "bank-"));
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE login = "
	    "'hl_jb' AND action = 'print' AND record = ?1 AND detail = "
	    "'report=all month=2026-03'", fx_key, NULL), 1);
	fx_ok("admin", "print", "report=all", "county=640122",
	    "month=2026-03", NULL);
	assert_int_equal(files_in(fx_key), 10);
	/* refusals: no month; no county for the admin; out of scope */
	fx_refused("须填写月份", "hl_jb", "print", "report=all", NULL);
	fx_refused("须指定县", "admin", "print", "report=all", "month=2026-03",
	    NULL);
	fx_refused("超出您的管辖范围", "yn_jb", "print", "report=all",
	    "county=640122", "month=2026-03", NULL);
	{
		char	path[600], *slash;

		snprintf(path, sizeof path, "%s", fx_path);
		slash = strrchr(path, '/');
		snprintf(slash, sizeof path - (size_t)(slash - path),
		    "/outbox/yn_jb");
		assert_int_not_equal(stat(path, &sb), 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writer_numbers),
		FX_TEST(headers_are_the_seed_columns),
		FX_TEST(payment_report_and_capitals),
		FX_TEST(payment_detail_publicity_agree),
		FX_TEST(detail_one_row_per_buyer),
		FX_TEST(publicity_never_private),
		FX_TEST(bank_for_finance_only),
		FX_TEST(private_by_role_and_logged),
		FX_TEST(scope_and_filters),
		FX_TEST(budget_and_anomalies),
		FX_TEST(month_end_writes_every_sheet),
		FX_TEST(month_end_progress_and_screens),
	};

	return FX_RUN(tests);
}
