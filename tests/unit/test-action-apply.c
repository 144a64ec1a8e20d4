/*
 * test-action-apply.c: the quota-first application (先定后买, 004 附件4
 * 一、二): application.new, application.line, application.submit,
 * application.approve, application.reject and application.withdraw.
 * Every refusal of each (scope, banned buyer, the ID number kept with one
 * name, the year's flow, item and tier, quantity, 经办/审核, the county
 * budget, states), and what each stores when it succeeds: the lines with
 * their subsidy split, the budget committed and released, the notice with
 * its county and province sequence numbers and its window.
 *
 * Demo facts used: township clerks xg_zhen (640122100 习岗镇) and jg_zhen
 * (640122101 金贵镇), county clerks hl_jb and hl_sh (640122 贺兰县), yn_jb
 * and yn_sh (640121 永宁县); catalogue 2026 with 1.1.3/03 (2800 yuan),
 * 2.5.2/01 (4000 yuan + 20% item top-up), 4.3.1/02 (3500 yuan + 20%,
 * open-ended); budget 2026 for 640122: central 9,800,000 yuan, provincial
 * 300,000 yuan.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

/* Valid resident ID numbers (GB 11643) of the demo's people. */
#define ID_A	"640122198001011238"
#define ID_B	"640122197512034568"
#define ID_C	"640121199006157891"
#define ID_E	"640122199205210014"

/* The person who applies in most tests: 张三 of 习岗镇. */
#define ZHANG_SAN \
	"buyer_type=person", "buyer_name=张三", "id_no=" ID_A, \
	"township=640122100"

#define BUDGET(col, county) \
	"SELECT " col " FROM budgets WHERE year = 2026 AND region = '" \
	county "'"

/* --- helpers ------------------------------------------------------------ */

/* A person's application entered (not submitted) by clerk; number in no. */
static void
app_new(char *no, const char *clerk, const char *township, const char *id,
    const char *name, const char *item, const char *tier, const char *qty)
{
	fx_ok(clerk, "application.new", "buyer_type=person",
	    kv("buyer_name", name), kv("id_no", id), kv("township", township),
	    kv("item", item), kv("tier", tier), kv("qty", qty), NULL);
	snprintf(no, NJ_KEY_MAX, "%s", fx_key);
}

/* Enter and submit as clerk, approve as approver; the notice into notice. */
static void
app_approved(char *no, char *notice, const char *clerk, const char *approver,
    const char *township, const char *id, const char *name,
    const char *item, const char *tier, const char *qty)
{
	app_new(no, clerk, township, id, name, item, tier, qty);
	fx_ok(clerk, "application.submit", kv("application", no), NULL);
	fx_ok(approver, "application.approve", kv("application", no), NULL);
	snprintf(notice, NJ_KEY_MAX, "%s", fx_key);
}

static int64_t
committed_central(const char *county)
{
	return fx_int("SELECT committed_central FROM budgets WHERE year = 2026 "
	    "AND region = ?1", county, NULL);
}

static int64_t
committed_provincial(const char *county)
{
	return fx_int("SELECT committed_provincial FROM budgets WHERE year = "
	    "2026 AND region = ?1", county, NULL);
}

/* Leave yuan of central (or provincial) budget uncommitted in 640122. */
static void
budget_left(const char *part, int64_t yuan)
{
	char sql[256];

	snprintf(sql, sizeof sql, "UPDATE budgets SET %s = committed_%s + "
	    "%lld WHERE year = 2026 AND region = '640122'", part, part,
	    (long long)yuan * 100);
	q_exec(sql);
}

/* --- application.new ---------------------------------------------------- */

/* R-004-A4-1 004 附件4 一: buyer and line stored; the application waits (draft). */
static void
new_stores_buyer_application_and_line(void **state)
{
	(void)state;
	fx_ok("xg_zhen", "application.new", ZHANG_SAN,
	    "item=1.1.3", "tier=03", "qty=2", "village=习岗村三组",
	    "address=贺兰县习岗镇习岗村", "phone=13995011111",
	    "bank_name=黄河农村商业银行", "note=自愿申请", NULL);
	assert_string_equal(fx_key, "SQ640122202600001");
	assert_int_equal(fx_int("SELECT count(*) FROM applications a JOIN "
	    "users u ON u.id = a.entered_by WHERE a.no = 'SQ640122202600001' "
	    "AND a.year = 2026 AND a.flow = 'quota-first' AND a.county = "
	    "'640122' AND a.township = '640122100' AND a.state = 'draft' AND "
	    "a.note = '自愿申请' AND u.login = 'xg_zhen' AND a.entered_at = "
	    "'2026-03-02 09:30:00' AND a.submitted_by IS NULL AND "
	    "a.decided_by IS NULL", NULL), 1);
	/* R-004-M-3.3.1 004 三(三)1: the tier's fixed amount per unit, central */
	assert_int_equal(fx_int("SELECT count(*) FROM application_lines l "
	    "JOIN applications a ON a.id = l.app_id JOIN tiers t ON t.id = "
	    "l.tier_id WHERE a.no = 'SQ640122202600001' AND t.item_code = "
	    "'1.1.3' AND t.code = '03' AND t.year = 2026 AND l.qty = 2 AND "
	    "l.used = 0 AND l.central = 280000 AND l.provincial = 0 AND "
	    "l.city = 0 AND l.county = 0", NULL), 1);
	/* the buyer: private data sealed, gender from the ID number */
	assert_int_equal(fx_int("SELECT count(*) FROM buyers WHERE kind = "
	    "'person' AND name = '张三' AND idno_last4 = '1238' AND gender = "
	    "'男' AND township = '640122100' AND village = '习岗村三组' AND "
	    "phone_last4 = '1111' AND bank_name = '黄河农村商业银行' AND "
	    "service_org = 0 AND banned_until IS NULL", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM buyers WHERE "
	    "instr(CAST(idno_enc AS TEXT), '" ID_A "') OR "
	    "instr(CAST(phone_enc AS TEXT), '13995011111')", NULL), 0);
	/* nothing committed before approval */
	assert_int_equal(committed_central("640122"), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM notices", NULL), 0);
	/* the second application of the county takes the next number */
	fx_ok("hl_jb", "application.new", "buyer_type=person",
	    "buyer_name=李四", "id_no=" ID_B, "township=640122101",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	assert_string_equal(fx_key, "SQ640122202600002");
	/* a known buyer is found again, not added twice */
	fx_ok("hl_jb", "application.new", ZHANG_SAN,
	    "item=4.3.1", "tier=02", "qty=1", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM buyers", NULL), 2);
	assert_int_equal(fx_int("SELECT count(*) FROM applications a JOIN "
	    "buyers b ON b.id = a.buyer_id WHERE b.name = '张三'", NULL), 2);
	/* another county numbers from 1 */
	fx_ok("yn_jb", "application.new", "buyer_type=person",
	    "buyer_name=王五", "id_no=" ID_C, "township=640121100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	assert_string_equal(fx_key, "SQ640121202600001");
}

/* R-004-M-3.3.4 004 三(三)3,4: the item top-up rides on the line, provincial part. */
static void
new_line_carries_item_topup(void **state)
{
	char no[NJ_KEY_MAX];

	(void)state;
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "4.3.1", "02", "1");
	assert_int_equal(fx_int("SELECT count(*) FROM application_lines l "
	    "JOIN applications a ON a.id = l.app_id WHERE a.no = ?1 AND "
	    "l.central = 350000 AND l.provincial = 70000", no, NULL), 1);
	app_new(no, "xg_zhen", "640122100", ID_B, "李四", "2.5.2", "01", "1");
	assert_int_equal(fx_int("SELECT count(*) FROM application_lines l "
	    "JOIN applications a ON a.id = l.app_id WHERE a.no = ?1 AND "
	    "l.central = 400000 AND l.provincial = 80000", no, NULL), 1);
}

/* R-004-M-3.3.3 004 三(三)3: a recognised service organisation's own top-up. */
static void
new_service_org_topup(void **state)
{
	char uscc[20], no[NJ_KEY_MAX];

	(void)state;
	q_exec("INSERT INTO topups(year, kind, bp, note) VALUES (2026, "
	    "'service_org', 2000, '农机作业服务组织累加补贴')");
	make_uscc(uscc, "93", "640122", 31);
	fx_ok("hl_jb", "application.new", "buyer_type=org",
	    "buyer_name=贺兰县丰源农机专业合作社", kv("id_no", uscc),
	    "township=640122100", "item=1.1.3", "tier=03", "qty=1",
	    "legal_rep=马海", "service_org=1", NULL);
	snprintf(no, sizeof no, "%s", fx_key);
	assert_int_equal(fx_int("SELECT count(*) FROM buyers WHERE kind = "
	    "'org' AND service_org = 1 AND legal_rep = '马海' AND gender IS "
	    "NULL", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM application_lines l "
	    "JOIN applications a ON a.id = l.app_id WHERE a.no = ?1 AND "
	    "l.central = 280000 AND l.provincial = 56000", no, NULL), 1);
	/* an item with its own top-up gets both */
	fx_ok("hl_jb", "application.line", kv("application", no),
	    "item=4.3.1", "tier=02", "qty=1", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM application_lines l "
	    "JOIN applications a ON a.id = l.app_id WHERE a.no = ?1 AND "
	    "l.central = 350000 AND l.provincial = 140000", no, NULL), 1);
	/* a person cannot be a service organisation */
	fx_refused("农机作业服务组织须为组织", "hl_jb", "application.new",
	    ZHANG_SAN, "item=1.1.3", "tier=03", "qty=1",
	    "service_org=1", NULL);
}

/* 004 附件4 一, SPEC 1: a township clerk its township, a county its county. */
static void
new_refused_out_of_scope(void **state)
{
	char no[NJ_KEY_MAX];

	(void)state;
	fx_refused("超出您的管辖范围：640122101", "xg_zhen", "application.new",
	    "buyer_type=person", "buyer_name=张三", "id_no=" ID_A,
	    "township=640122101", "item=1.1.3", "tier=03", "qty=1", NULL);
	assert_string_equal(fx_field, "township");
	fx_refused("超出您的管辖范围：640122100", "yn_jb", "application.new",
	    ZHANG_SAN, "item=1.1.3", "tier=03", "qty=1", NULL);
	fx_refused("超出您的管辖范围：640121100", "hl_jb", "application.new",
	    "buyer_type=person", "buyer_name=王五", "id_no=" ID_C,
	    "township=640121100", "item=1.1.3", "tier=03", "qty=1", NULL);
	/* a county is not a township */
	fx_refused("不是乡镇级行政区划", "hl_jb", "application.new",
	    "buyer_type=person", "buyer_name=张三", "id_no=" ID_A,
	    "township=640122", "item=1.1.3", "tier=03", "qty=1", NULL);
	fx_refused("未知的行政区划代码：640122999", "hl_jb", "application.new",
	    "buyer_type=person", "buyer_name=张三", "id_no=" ID_A,
	    "township=640122999", "item=1.1.3", "tier=03", "qty=1", NULL);
	/* roles that do not take applications */
	fx_refused("无权执行", "fs_dealer", "application.new",
	    ZHANG_SAN, "item=1.1.3", "tier=03", "qty=1", NULL);
	fx_refused("无权执行", "hl_cz", "application.new",
	    ZHANG_SAN, "item=1.1.3", "tier=03", "qty=1", NULL);
	/* within scope: the county clerk for any of its townships */
	app_new(no, "hl_jb", "640122101", ID_A, "张三", "1.1.3", "03", "1");
	app_new(no, "jg_zhen", "640122101", ID_B, "李四", "1.1.3", "03", "1");
}

/* R-003-A2-8.2 SPEC 5 (003 附件2 第八条): a banned buyer cannot apply. */
static void
new_refused_banned_buyer(void **state)
{
	char no[NJ_KEY_MAX];

	(void)state;
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "1.1.3", "03", "1");
	q_exec("UPDATE buyers SET banned_until = '2028-12-31' WHERE name = "
	    "'张三'");
	fx_refused("该购机者因违规被禁止申请补贴", "xg_zhen",
	    "application.new", ZHANG_SAN, "item=1.1.3", "tier=03",
	    "qty=1", NULL);
	assert_string_equal(fx_field, "id_no");
	/* the last day of the ban still counts */
	q_exec("UPDATE buyers SET banned_until = '2026-03-02' WHERE name = "
	    "'张三'");
	fx_refused("该购机者因违规被禁止申请补贴", "hl_jb",
	    "application.new", ZHANG_SAN, "item=4.3.1", "tier=02",
	    "qty=1", NULL);
	/* a ban that ended yesterday no longer bars */
	q_exec("UPDATE buyers SET banned_until = '2026-03-01' WHERE name = "
	    "'张三'");
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "1.1.3", "03", "1");
}

/* 001 实名制: one ID number, one name (and one kind). */
static void
new_refused_same_id_other_name(void **state)
{
	char no[NJ_KEY_MAX], uscc[20];

	(void)state;
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "1.1.3", "03", "1");
	fx_refused("证件号码与姓名（名称）不符",
	    "hl_jb", "application.new", "buyer_type=person",
	    "buyer_name=张叁", "id_no=" ID_A, "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	assert_string_equal(fx_field, "buyer_name");
	make_uscc(uscc, "93", "640122", 77);
	fx_ok("hl_jb", "application.new", "buyer_type=org",
	    "buyer_name=立岗镇农机合作社", kv("id_no", uscc),
	    "township=640122102", "item=1.1.3", "tier=03", "qty=1", NULL);
	fx_refused("证件号码与姓名（名称）不符", "hl_jb",
	    "application.new", "buyer_type=org", "buyer_name=立岗合作社",
	    kv("id_no", uscc), "township=640122102", "item=1.1.3", "tier=03",
	    "qty=1", NULL);
}

/* 003 附件3 第七条(一) 受理申请 after purchase (SPEC 3): no application first. */
static void
new_refused_in_buy_first_year(void **state)
{
	(void)state;
	fx_ok("admin", "program.set", "year=2026", "flow=buy-first", NULL);
	fx_refused("2026 年度实行先购后补", "xg_zhen", "application.new",
	    ZHANG_SAN, "item=1.1.3", "tier=03", "qty=1", NULL);
	fx_ok("admin", "program.set", "year=2026", "flow=quota-first", NULL);
	fx_ok("xg_zhen", "application.new", ZHANG_SAN,
	    "item=1.1.3", "tier=03", "qty=1", NULL);
}

/* R-004-M-3.1 004 三(一): only items and tiers of the year's catalogue. */
static void
new_refused_unknown_item_or_tier(void **state)
{
	(void)state;
	fx_refused("2026 年度补贴目录中没有品目 1.1.99", "xg_zhen",
	    "application.new", ZHANG_SAN, "item=1.1.99", "tier=01",
	    "qty=1", NULL);
	assert_string_equal(fx_field, "item");
	fx_refused("品目 1.1.3 没有分档 09", "xg_zhen", "application.new",
	    ZHANG_SAN, "item=1.1.3", "tier=09", "qty=1", NULL);
	assert_string_equal(fx_field, "tier");
	/* an item listed without tiers (田园管理机) has nothing to apply for */
	fx_refused("品目 1.1.5 没有分档 01", "xg_zhen", "application.new",
	    ZHANG_SAN, "item=1.1.5", "tier=01", "qty=1", NULL);
	fx_refused("请填写：分档", "xg_zhen", "application.new",
	    ZHANG_SAN, "item=1.1.3", "qty=1", NULL);
}

/* 004 附表1 数量（台）: at least one unit, at most 99 on a line. */
static void
new_refused_quantity(void **state)
{
	(void)state;
	fx_refused("数量至少为 1", "xg_zhen", "application.new",
	    ZHANG_SAN, "item=1.1.3", "tier=03", "qty=0", NULL);
	assert_string_equal(fx_field, "qty");
	fx_refused("应为非负整数", "xg_zhen", "application.new",
	    ZHANG_SAN, "item=1.1.3", "tier=03", "qty=-1", NULL);
	fx_refused("不能大于 99", "xg_zhen", "application.new",
	    ZHANG_SAN, "item=1.1.3", "tier=03", "qty=100", NULL);
	fx_refused("请填写：数量", "xg_zhen", "application.new",
	    ZHANG_SAN, "item=1.1.3", "tier=03", NULL);
}

/* 004 附件4 一 持身份证; GB 11643: a wrong check digit is refused. */
static void
new_refused_bad_id_number(void **state)
{
	(void)state;
	fx_refused("身份证号", "xg_zhen", "application.new",
	    "buyer_type=person", "buyer_name=张三",
	    "id_no=640122198001011239", "township=640122100", "item=1.1.3",
	    "tier=03", "qty=1", NULL);
	assert_string_equal(fx_field, "id_no");
}

/* --- application.line --------------------------------------------------- */

/* 004 附表1 申购机具情况: more lines before 申请上报, at most ten. */
static void
line_adds_to_draft_only(void **state)
{
	char no[NJ_KEY_MAX];
	int i;

	(void)state;
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "1.1.3", "03", "1");
	fx_ok("xg_zhen", "application.line", kv("application", no),
	    "item=4.3.1", "tier=02", "qty=2", NULL);
	assert_string_equal(fx_key, no);
	assert_int_equal(fx_int("SELECT count(*) FROM application_lines l "
	    "JOIN applications a ON a.id = l.app_id WHERE a.no = ?1", no,
	    NULL), 2);
	fx_refused("品目 4.3.1 没有分档 07", "xg_zhen", "application.line",
	    kv("application", no), "item=4.3.1", "tier=07", "qty=1", NULL);
	fx_refused("数量至少为 1", "xg_zhen", "application.line",
	    kv("application", no), "item=4.3.1", "tier=02", "qty=0", NULL);
	fx_refused("未知的申请编号：SQ640122202699999", "xg_zhen",
	    "application.line", "application=SQ640122202699999", "item=4.3.1",
	    "tier=02", "qty=1", NULL);
	/* another township's clerk does not see it */
	fx_refused("超出您的管辖范围：640122100", "jg_zhen", "application.line",
	    kv("application", no), "item=4.3.1", "tier=02", "qty=1", NULL);
	fx_refused("超出您的管辖范围：640122", "yn_jb", "application.line",
	    kv("application", no), "item=4.3.1", "tier=02", "qty=1", NULL);
	/* at most ten lines */
	for (i = 2; i < 10; i++)
		fx_ok("hl_jb", "application.line", kv("application", no),
		    "item=1.1.1", "tier=01", "qty=1", NULL);
	fx_refused("一份申请最多 10 行机具", "hl_jb", "application.line",
	    kv("application", no), "item=1.1.1", "tier=01", "qty=1", NULL);
	/* once submitted, no more lines */
	app_new(no, "xg_zhen", "640122100", ID_B, "李四", "1.1.3", "03", "1");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_refused("的状态为“已上报待审核”，不能增加申购机具", "xg_zhen",
	    "application.line", kv("application", no), "item=4.3.1",
	    "tier=02", "qty=1", NULL);
}

/* --- application.submit ------------------------------------------------- */

/* R-004-A4-1 004 附件4 一: 申请上报. */
static void
submit_stores_who_and_when(void **state)
{
	char no[NJ_KEY_MAX];

	(void)state;
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "1.1.3", "03", "1");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	assert_string_equal(fx_key, no);
	assert_int_equal(fx_int("SELECT count(*) FROM applications a JOIN "
	    "users u ON u.id = a.submitted_by WHERE a.no = ?1 AND a.state = "
	    "'submitted' AND u.login = 'xg_zhen' AND a.submitted_at = "
	    "'2026-03-02 09:30:00'", no, NULL), 1);
	/* submitting commits nothing */
	assert_int_equal(committed_central("640122"), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'application.submit' AND record = ?1 AND login = 'xg_zhen'", no,
	    NULL), 1);
}

/* 004 附件4 一 申请上报: by a clerk within scope, once. */
static void
submit_refusals(void **state)
{
	char no[NJ_KEY_MAX];

	(void)state;
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "1.1.3", "03", "1");
	fx_refused("超出您的管辖范围：640122100", "jg_zhen",
	    "application.submit", kv("application", no), NULL);
	fx_refused("超出您的管辖范围：640122", "yn_jb", "application.submit",
	    kv("application", no), NULL);
	fx_refused("无权执行", "fs_dealer", "application.submit",
	    kv("application", no), NULL);
	fx_refused("未知的申请编号：SQ1", "xg_zhen", "application.submit",
	    "application=SQ1", NULL);
	/* the county may submit what its township entered */
	fx_ok("hl_jb", "application.submit", kv("application", no), NULL);
	fx_refused("的状态为“已上报待审核”，不能上报申请", "xg_zhen",
	    "application.submit", kv("application", no), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	fx_refused("的状态为“已批准”，不能上报申请", "xg_zhen",
	    "application.submit", kv("application", no), NULL);
}

/* --- application.approve ------------------------------------------------ */

/* 004 附件4 一、二, 附表2: the notice, numbered, with its window. */
static void
approve_issues_notice_and_commits_budget(void **state)
{
	char no[NJ_KEY_MAX], notice[NJ_KEY_MAX];
	int64_t c0 = committed_central("640122");
	int64_t p0 = committed_provincial("640122");

	(void)state;
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "1.1.3", "03", "2");
	fx_ok("xg_zhen", "application.line", kv("application", no),
	    "item=2.5.2", "tier=01", "qty=1", NULL);
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	snprintf(notice, sizeof notice, "%s", fx_key);
	assert_string_equal(notice, "TZ640122202600001");
	assert_string_equal(fx_outbuf, "SQ640122202600001\n");
	assert_int_equal(fx_int("SELECT count(*) FROM applications a JOIN "
	    "users u ON u.id = a.decided_by WHERE a.no = ?1 AND a.state = "
	    "'approved' AND u.login = 'hl_sh' AND a.decided_at = "
	    "'2026-03-02 09:30:00'", no, NULL), 1);
	/* R-004-A4-2a 004 附件4 二: 20 days from the day it is handed out */
	assert_int_equal(fx_int("SELECT count(*) FROM notices n JOIN "
	    "applications a ON a.id = n.app_id WHERE n.no = ?1 AND a.no = ?2 "
	    "AND n.county_seq = 1 AND n.province_seq = 1 AND n.issued_on = "
	    "'2026-03-02' AND n.valid_from = '2026-03-02' AND n.valid_to = "
	    "'2026-03-21' AND n.state = 'valid'", notice, no, NULL), 1);
	/* 004 附件2: central 2 x 2800 + 4000, provincial the 800 top-up */
	assert_int_equal(committed_central("640122"), c0 + 960000);
	assert_int_equal(committed_provincial("640122"), p0 + 80000);
	assert_int_equal(committed_central("640121"), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'application.approve' AND record = ?1 AND login = 'hl_sh'",
	    notice, NULL), 1);
}

/* 附表2 县排序/省排序: county numbers per county, province across all. */
static void
approve_numbers_notices_by_county_and_province(void **state)
{
	char no[NJ_KEY_MAX], n1[NJ_KEY_MAX], n2[NJ_KEY_MAX], n3[NJ_KEY_MAX];

	(void)state;
	app_approved(no, n1, "xg_zhen", "hl_sh", "640122100", ID_A, "张三",
	    "1.1.3", "03", "1");
	app_approved(no, n2, "yn_jb", "yn_sh", "640121100", ID_C, "王五",
	    "1.1.3", "03", "1");
	app_approved(no, n3, "hl_jb", "hl_sh", "640122101", ID_B, "李四",
	    "1.1.3", "03", "1");
	assert_string_equal(n1, "TZ640122202600001");
	assert_string_equal(n2, "TZ640121202600001");
	assert_string_equal(n3, "TZ640122202600002");
	assert_int_equal(fx_int("SELECT county_seq * 10 + province_seq FROM "
	    "notices WHERE no = ?1", n1, NULL), 11);
	assert_int_equal(fx_int("SELECT county_seq * 10 + province_seq FROM "
	    "notices WHERE no = ?1", n2, NULL), 12);
	assert_int_equal(fx_int("SELECT county_seq * 10 + province_seq FROM "
	    "notices WHERE no = ?1", n3, NULL), 23);
	/* a withdrawn notice keeps its number: the next one goes on */
	fx_ok("hl_jb", "application.withdraw", kv("application", no),
	    "reason=放弃购机", NULL);
	app_approved(no, n3, "hl_jb", "hl_sh", "640122101", ID_E, "赵六",
	    "1.1.3", "03", "1");
	assert_string_equal(n3, "TZ640122202600003");
	assert_int_equal(fx_int("SELECT province_seq FROM notices WHERE no = "
	    "?1", n3, NULL), 4);
}

/* R-004-A4-2a 004 附件4 二: the window is the year's notice_days. */
static void
approve_window_is_notice_days(void **state)
{
	char no[NJ_KEY_MAX], notice[NJ_KEY_MAX];

	(void)state;
	fx_ok("admin", "program.set", "year=2026", "notice_days=30", NULL);
	app_approved(no, notice, "xg_zhen", "hl_sh", "640122100", ID_A, "张三",
	    "1.1.3", "03", "1");
	assert_int_equal(fx_int("SELECT count(*) FROM notices WHERE no = ?1 "
	    "AND valid_from = '2026-03-02' AND valid_to = '2026-03-31'",
	    notice, NULL), 1);
	fx_ok("admin", "program.set", "year=2026", "notice_days=1", NULL);
	app_approved(no, notice, "xg_zhen", "hl_sh", "640122100", ID_B, "李四",
	    "1.1.3", "03", "1");
	assert_int_equal(fx_int("SELECT count(*) FROM notices WHERE no = ?1 "
	    "AND valid_from = '2026-03-02' AND valid_to = '2026-03-02'",
	    notice, NULL), 1);
}

/* R-003-A1-1a 003 附件1 经办/审核: who entered or submitted it may not approve it. */
static void
approve_refused_to_the_clerk(void **state)
{
	char no[NJ_KEY_MAX];

	(void)state;
	/* entered and submitted by hl_jb */
	app_new(no, "hl_jb", "640122100", ID_A, "张三", "1.1.3", "03", "1");
	fx_ok("hl_jb", "application.submit", kv("application", no), NULL);
	fx_refused("经办人不能审核自己录入或上报的申请", "hl_jb",
	    "application.approve", kv("application", no), NULL);
	fx_refused("经办与审核须由不同人员担任", "hl_jb",
	    "application.reject", kv("application", no), "reason=材料不全",
	    NULL);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	/* entered by the township, submitted by hl_sh: hl_sh may not */
	app_new(no, "xg_zhen", "640122100", ID_B, "李四", "1.1.3", "03", "1");
	fx_ok("hl_sh", "application.submit", kv("application", no), NULL);
	fx_refused("经办人不能审核自己录入或上报的申请", "hl_sh",
	    "application.approve", kv("application", no), NULL);
	fx_refused("经办人不能审核自己录入或上报的申请", "hl_sh",
	    "application.reject", kv("application", no), "reason=材料不全",
	    NULL);
	/* R-SEC-8.6: only an approver decides; hl_jb is made one here */
	fx_ok("admin", "user.post", "login=hl_jb", "post=approver", NULL);
	fx_ok("hl_jb", "application.approve", kv("application", no), NULL);
	/* entered by hl_sh, submitted by hl_jb: neither */
	app_new(no, "hl_sh", "640122100", ID_E, "赵六", "1.1.3", "03", "1");
	fx_ok("hl_jb", "application.submit", kv("application", no), NULL);
	fx_refused("经办人不能审核", "hl_sh", "application.approve",
	    kv("application", no), NULL);
	fx_refused("经办人不能审核", "hl_jb", "application.approve",
	    kv("application", no), NULL);
}

/* 004 附件4 一 审查: the county of the application, after 上报, once. */
static void
approve_refused_role_scope_state(void **state)
{
	char no[NJ_KEY_MAX];

	(void)state;
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "1.1.3", "03", "1");
	fx_refused("的状态为“未上报”，不能审核批准申请", "hl_sh",
	    "application.approve", kv("application", no), NULL);
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	/* a township clerk does not approve (SPEC 1: county) */
	fx_refused("无权执行", "jg_zhen", "application.approve",
	    kv("application", no), NULL);
	fx_refused("无权执行", "hl_cz", "application.approve",
	    kv("application", no), NULL);
	/* another county's approver */
	fx_refused("超出您的管辖范围：640122", "yn_sh", "application.approve",
	    kv("application", no), NULL);
	fx_refused("未知的申请编号：SQ640122202600009", "hl_sh",
	    "application.approve", "application=SQ640122202600009", NULL);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	fx_refused("的状态为“已批准”，不能审核批准申请", "hl_sh",
	    "application.approve", kv("application", no), NULL);
	fx_refused("的状态为“已批准”，不能退回申请", "hl_sh",
	    "application.reject", kv("application", no), "reason=重复", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM notices", NULL), 1);
}

/*
 * R-003-A2-8.2 003 附件2 第八条(二): 3年内不得享受农机购置补贴: a buyer banned after
 * the application was entered gets no notice.
 */
static void
approve_refused_buyer_banned_since(void **state)
{
	char no[NJ_KEY_MAX];
	int64_t c0 = committed_central("640122");

	(void)state;
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "1.1.3", "03", "1");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	q_exec("UPDATE buyers SET banned_until = '2029-03-01' WHERE name = "
	    "'张三'");
	fx_refused("该购机者因违规被禁止申请补贴", "hl_sh",
	    "application.approve", kv("application", no), NULL);
	assert_int_equal(committed_central("640122"), c0);
	/* rejecting it is still possible */
	fx_ok("hl_sh", "application.reject", kv("application", no),
	    "reason=购机者已被禁止享受补贴", NULL);
	/* a ban that has run out does not stand in the way */
	app_new(no, "xg_zhen", "640122100", ID_B, "李四", "1.1.3", "03", "1");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	q_exec("UPDATE buyers SET banned_until = '2026-03-01' WHERE name = "
	    "'李四'");
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
}

/* 004 附件4 一: as the clerk picks item and tier, the subsidy shows. */
static void
new_preview_shows_subsidy(void **state)
{
	const char *names[] = { "item", "tier", "qty" };
	const char *vals[] = { "4.3.1", "02", "2" };
	const char *bad[] = { "4.3.1", "09", "2" };
	struct actor who;
	char buf[512], err[NJ_MSG_MAX];

	(void)state;
	assert_int_equal(actor_load("xg_zhen", &who, err, sizeof err), 0);
	assert_int_equal(action_preview(&who, "application.new", 3, names,
	    vals, buf, sizeof buf), NJ_OK);
	assert_string_equal(buf, "双行及以上薯类收获机：单台补贴 4200.00 元（中央 "
	    "3500.00，地方 700.00）× 2 台 = 8400.00 元；敞开补贴");
	assert_int_equal(action_preview(&who, "application.new", 3, names,
	    bad, buf, sizeof buf), NJ_OK);
	assert_string_equal(buf, "");
}

/* R-004-A2-0a 004 附件2 资金计划表, SPEC 5: within the central part of the plan. */
static void
approve_refused_central_budget(void **state)
{
	char no[NJ_KEY_MAX];
	int64_t c0, p0;

	(void)state;
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "1.1.3", "03", "3");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	budget_left("central", 8000);
	fx_refused("中央补贴资金不足：本次需 8400.00 元，本县 2026 年度剩余 "
	    "8000.00 元", "hl_sh", "application.approve",
	    kv("application", no), NULL);
	/* exactly enough is enough */
	budget_left("central", 8400);
	c0 = committed_central("640122");
	p0 = committed_provincial("640122");
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	assert_int_equal(committed_central("640122"), c0 + 840000);
	assert_int_equal(committed_provincial("640122"), p0);
	/* now nothing is left */
	app_new(no, "xg_zhen", "640122100", ID_B, "李四", "1.1.1", "01", "1");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_refused("中央补贴资金不足：本次需 600.00 元，本县 2026 年度剩余 "
	    "0.00 元", "hl_sh", "application.approve", kv("application", no),
	    NULL);
	assert_string_equal(fx_field, "application");
	/* another county's plan is its own */
	app_new(no, "yn_jb", "640121100", ID_C, "王五", "1.1.3", "03", "3");
	fx_ok("yn_jb", "application.submit", kv("application", no), NULL);
	fx_ok("yn_sh", "application.approve", kv("application", no), NULL);
}

/* R-004-M-3.3.6 004 三(三)6, 附件2: the provincial part (top-ups) is checked on its own. */
static void
approve_refused_provincial_budget(void **state)
{
	char no[NJ_KEY_MAX];
	int64_t c0;

	(void)state;
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "2.5.2", "01", "1");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	budget_left("provincial", 500);
	c0 = committed_central("640122");
	fx_refused("省级补贴资金不足：本次需 800.00 元，本县 2026 年度剩余 "
	    "500.00 元", "hl_sh", "application.approve", kv("application", no),
	    NULL);
	/* central alone would have been enough: nothing was committed */
	assert_int_equal(committed_central("640122"), c0);
	budget_left("provincial", 800);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	assert_int_equal(fx_int("SELECT committed_provincial = provincial FROM "
	    "budgets WHERE year = 2026 AND region = '640122'", NULL), 1);
	assert_int_equal(committed_central("640122"), c0 + 400000);
	/* a line without a top-up needs no provincial money */
	app_new(no, "xg_zhen", "640122100", ID_B, "李四", "1.1.3", "03", "1");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
}

/*
 * R-004-M-3.3.5 004 三(三)5: open-ended items (敞开补贴) are approved beyond the plan:
 * committed, but never refused for want of money. R-004-M-3.3.6a 004
 * 三(三)6: their provincial top-ups stop at the provincial plan (issue 10
 * (2)); the approver is told both amounts.
 */
static void
approve_open_ended_exempt(void **state)
{
	char no[NJ_KEY_MAX];
	int64_t c0, p0;

	(void)state;
	q_exec("UPDATE budgets SET central = committed_central, provincial = "
	    "committed_provincial WHERE year = 2026 AND region = '640122'");
	c0 = committed_central("640122");
	p0 = committed_provincial("640122");
	/* 4.3.1/02: 3500 yuan central, +20% (700) provincial top-up: no
	 * provincial money is left, so no top-up */
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "4.3.1", "02", "5");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	assert_non_null(strstr(fx_outbuf, "累加补贴由每台 700.00 元降为 0.00 "
	    "元：不得突破本县 2026 年度省级累加补贴资金计划"));
	assert_int_equal(committed_central("640122"), c0 + 5 * 350000);
	assert_int_equal(committed_provincial("640122"), p0);
	assert_int_equal(fx_int("SELECT count(*) FROM application_lines l JOIN "
	    "applications a ON a.id = l.app_id WHERE a.no = ?1 AND l.central = "
	    "350000 AND l.provincial = 0 AND l.topup = 0", no, NULL), 1);
	/* 2.1.4/02 (马铃薯种植机): 6000 + 1200, of which 1000 is left */
	budget_left("provincial", 1000);
	app_new(no, "xg_zhen", "640122100", ID_B, "李四", "2.1.4", "02", "1");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	assert_non_null(strstr(fx_outbuf, "累加补贴由每台 1200.00 元降为 1000.00 "
	    "元"));
	assert_int_equal(committed_central("640122"), c0 + 5 * 350000 +
	    600000);
	assert_int_equal(fx_int("SELECT committed_provincial = provincial FROM "
	    "budgets WHERE year = 2026 AND region = '640122'", NULL), 1);
	/* but an open line does not carry a limited one through */
	app_new(no, "xg_zhen", "640122100", ID_E, "赵六", "4.3.1", "02", "1");
	fx_ok("xg_zhen", "application.line", kv("application", no),
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_refused("中央补贴资金不足：本次需 2800.00 元", "hl_sh",
	    "application.approve", kv("application", no), NULL);
	budget_left("central", 2800);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	assert_int_equal(committed_central("640122"), c0 + 6 * 350000 +
	    600000 + 280000);
	assert_int_equal(committed_provincial("640122"), p0 + 100000);
}

/* 004 附件2 资金计划表: no plan for the year, nothing to approve against. */
static void
approve_refused_without_budget_plan(void **state)
{
	char no[NJ_KEY_MAX];

	(void)state;
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "1.1.3", "03", "1");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	q_exec("DELETE FROM budgets WHERE year = 2026 AND region = '640122'");
	fx_refused("本县 2026 年度没有资金计划", "hl_sh", "application.approve",
	    kv("application", no), NULL);
}

/* --- application.reject ------------------------------------------------- */

/* 004 附件4 一 审查; 003 附件1 经办/审核: sent back with a reason. */
static void
reject_stores_reason(void **state)
{
	char no[NJ_KEY_MAX];
	char reason[64];

	(void)state;
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "1.1.3", "03", "1");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_refused("请填写：原因", "hl_sh", "application.reject",
	    kv("application", no), NULL);
	fx_refused("无权执行", "xg_zhen", "application.reject",
	    kv("application", no), "reason=材料不全", NULL);
	fx_refused("超出您的管辖范围", "yn_sh", "application.reject",
	    kv("application", no), "reason=材料不全", NULL);
	fx_ok("hl_sh", "application.reject", kv("application", no),
	    "reason=身份证复印件不清晰", NULL);
	assert_string_equal(fx_key, no);
	q_text(reason, sizeof reason, "SELECT reason FROM applications WHERE "
	    "no = ?1", no, NULL);
	assert_string_equal(reason, "身份证复印件不清晰");
	assert_int_equal(fx_int("SELECT count(*) FROM applications a JOIN "
	    "users u ON u.id = a.decided_by WHERE a.no = ?1 AND a.state = "
	    "'rejected' AND u.login = 'hl_sh'", no, NULL), 1);
	/* nothing committed, no notice */
	assert_int_equal(committed_central("640122"), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM notices", NULL), 0);
	fx_refused("的状态为“已退回”，不能退回申请", "hl_sh",
	    "application.reject", kv("application", no), "reason=再退",
	    NULL);
	fx_refused("的状态为“已退回”，不能审核批准申请", "hl_sh",
	    "application.approve", kv("application", no), NULL);
	fx_refused("的状态为“已退回”，不能上报申请", "xg_zhen",
	    "application.submit", kv("application", no), NULL);
	/* a draft is not rejected: it was never submitted */
	app_new(no, "xg_zhen", "640122100", ID_B, "李四", "1.1.3", "03", "1");
	fx_refused("的状态为“未上报”，不能退回申请", "hl_sh",
	    "application.reject", kv("application", no), "reason=不符",
	    NULL);
}

/* --- application.withdraw ----------------------------------------------- */

/* R-004-T2-3.2 004 附表2 三2: the buyer gives up and hands the notice back. */
static void
withdraw_releases_budget_and_returns_notice(void **state)
{
	char no[NJ_KEY_MAX], notice[NJ_KEY_MAX];
	int64_t c0 = committed_central("640122");
	int64_t p0 = committed_provincial("640122");

	(void)state;
	app_approved(no, notice, "xg_zhen", "hl_sh", "640122100", ID_A, "张三",
	    "2.5.2", "01", "2");
	assert_int_equal(committed_central("640122"), c0 + 800000);
	assert_int_equal(committed_provincial("640122"), p0 + 160000);
	fx_refused("请填写：原因", "hl_jb", "application.withdraw",
	    kv("application", no), NULL);
	fx_refused("无权执行", "xg_zhen", "application.withdraw",
	    kv("application", no), "reason=放弃购机", NULL);
	fx_refused("超出您的管辖范围：640122", "yn_jb", "application.withdraw",
	    kv("application", no), "reason=放弃购机", NULL);
	fx_ok("hl_jb", "application.withdraw", kv("application", no),
	    "reason=放弃购机", NULL);
	assert_string_equal(fx_key, no);
	assert_int_equal(committed_central("640122"), c0);
	assert_int_equal(committed_provincial("640122"), p0);
	assert_int_equal(fx_int("SELECT count(*) FROM notices WHERE no = ?1 "
	    "AND state = 'returned'", notice, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM applications WHERE no = "
	    "?1 AND state = 'withdrawn' AND reason = '放弃购机'", no, NULL), 1);
	/* R-004-M-8.1 004 八(一) 谁办理、谁负责: the approver stays on record */
	assert_int_equal(fx_int("SELECT count(*) FROM applications a JOIN "
	    "users u ON u.id = a.decided_by WHERE a.no = ?1 AND u.login = "
	    "'hl_sh' AND a.decided_at = '2026-03-02 09:30:00'", no, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'application.withdraw' AND record = ?1 AND login = 'hl_jb'", no,
	    NULL), 1);
	fx_refused("的状态为“已撤销”，不能撤销", "hl_jb",
	    "application.withdraw", kv("application", no), "reason=再撤",
	    NULL);
	fx_refused("的状态为“已撤销”，不能审核批准申请", "hl_sh",
	    "application.approve", kv("application", no), NULL);
}

/* R-004-M-3.3.5 004 三(三)5, 附表2 三2: an open-ended line committed nothing to free. */
static void
withdraw_releases_open_ended_too(void **state)
{
	char no[NJ_KEY_MAX], notice[NJ_KEY_MAX];
	int64_t c0, p0;

	(void)state;
	c0 = committed_central("640122");
	p0 = committed_provincial("640122");
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "4.3.1", "02", "2");
	fx_ok("xg_zhen", "application.line", kv("application", no),
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	snprintf(notice, sizeof notice, "%s", fx_key);
	/* the open-ended line is committed too (004 三(三)5), released too */
	assert_int_equal(committed_central("640122"), c0 + 2 * 350000 +
	    280000);
	assert_int_equal(committed_provincial("640122"), p0 + 2 * 70000);
	fx_ok("hl_jb", "application.withdraw", kv("application", no),
	    "reason=放弃购机", NULL);
	assert_int_equal(committed_central("640122"), c0);
	assert_int_equal(committed_provincial("640122"), p0);
	assert_int_equal(fx_int("SELECT count(*) FROM notices WHERE no = ?1 "
	    "AND state = 'returned'", notice, NULL), 1);
}

/* 001 实名制, GB 11643: a lower-case x is the same ID number and buyer. */
static void
new_id_number_with_x(void **state)
{
	char id[20], lower[20], no[NJ_KEY_MAX];
	unsigned seq;

	(void)state;
	for (seq = 1; seq < 1000; seq++) {
		make_id(id, "640122", "19880808", seq);
		if (id[17] == 'X')
			break;
	}
	assert_int_equal(id[17], 'X');
	snprintf(lower, sizeof lower, "%.17sx", id);
	app_new(no, "xg_zhen", "640122100", lower, "孙七", "1.1.3", "03", "1");
	app_new(no, "xg_zhen", "640122100", id, "孙七", "4.3.1", "02", "1");
	assert_int_equal(fx_int("SELECT count(*) FROM buyers WHERE name = "
	    "'孙七' AND idno_last4 = ?1", id + 14, NULL), 1);
	fx_refused("证件号码与姓名（名称）不符", "xg_zhen", "application.new",
	    "buyer_type=person", "buyer_name=孙 七", kv("id_no", lower),
	    "township=640122100", "item=1.1.3", "tier=03", "qty=1", NULL);
}

/* R-004-T2-3.2 004 附表2 三2: draft and submitted ones may be withdrawn; nothing to free. */
static void
withdraw_before_approval(void **state)
{
	char no[NJ_KEY_MAX];
	int64_t c0 = committed_central("640122");

	(void)state;
	app_new(no, "xg_zhen", "640122100", ID_A, "张三", "1.1.3", "03", "1");
	fx_ok("hl_jb", "application.withdraw", kv("application", no),
	    "reason=录入有误", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM applications WHERE no = "
	    "?1 AND state = 'withdrawn'", no, NULL), 1);
	app_new(no, "xg_zhen", "640122100", ID_B, "李四", "1.1.3", "03", "1");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_ok("hl_jb", "application.withdraw", kv("application", no),
	    "reason=放弃", NULL);
	assert_int_equal(committed_central("640122"), c0);
	assert_int_equal(fx_int("SELECT count(*) FROM notices", NULL), 0);
	/* a rejected one is finished already */
	app_new(no, "xg_zhen", "640122100", ID_E, "赵六", "1.1.3", "03", "1");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_ok("hl_sh", "application.reject", kv("application", no),
	    "reason=不符合条件", NULL);
	fx_refused("的状态为“已退回”，不能撤销", "hl_jb",
	    "application.withdraw", kv("application", no), "reason=放弃",
	    NULL);
}

/* 004 附件5: once a machine is bought, a return, not a withdrawal. */
static void
withdraw_refused_after_sale(void **state)
{
	char no[NJ_KEY_MAX], notice[NJ_KEY_MAX];

	(void)state;
	/* two units on the notice, one bought */
	app_approved(no, notice, "xg_zhen", "hl_sh", "640122100", ID_A, "张三",
	    "1.1.3", "03", "2");
	fx_ok("fs_dealer", "sale.new", kv("notice", notice), "id_no=" ID_A,
	    "serial=XG26A001", "price=12000", "sold_on=2026-03-02",
	    "invoice_no=FP0001", NULL);
	fx_refused("已有购机记录，请办理退货", "hl_jb", "application.withdraw",
	    kv("application", no), "reason=放弃", NULL);
	/* all bought: the application is used */
	fx_ok("fs_dealer", "sale.new", kv("notice", notice), "id_no=" ID_A,
	    "serial=XG26A002", "price=12000", "sold_on=2026-03-02",
	    "invoice_no=FP0002", NULL);
	fx_refused("的状态为“已购机”，不能撤销", "hl_jb",
	    "application.withdraw", kv("application", no), "reason=放弃",
	    NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(new_stores_buyer_application_and_line),
		FX_TEST(new_line_carries_item_topup),
		FX_TEST(new_service_org_topup),
		FX_TEST(new_refused_out_of_scope),
		FX_TEST(new_refused_banned_buyer),
		FX_TEST(new_refused_same_id_other_name),
		FX_TEST(new_refused_in_buy_first_year),
		FX_TEST(new_refused_unknown_item_or_tier),
		FX_TEST(new_refused_quantity),
		FX_TEST(new_refused_bad_id_number),
		FX_TEST(new_id_number_with_x),
		FX_TEST(new_preview_shows_subsidy),
		FX_TEST(line_adds_to_draft_only),
		FX_TEST(submit_stores_who_and_when),
		FX_TEST(submit_refusals),
		FX_TEST(approve_issues_notice_and_commits_budget),
		FX_TEST(approve_numbers_notices_by_county_and_province),
		FX_TEST(approve_window_is_notice_days),
		FX_TEST(approve_refused_to_the_clerk),
		FX_TEST(approve_refused_role_scope_state),
		FX_TEST(approve_refused_buyer_banned_since),
		FX_TEST(approve_refused_central_budget),
		FX_TEST(approve_refused_provincial_budget),
		FX_TEST(approve_open_ended_exempt),
		FX_TEST(approve_refused_without_budget_plan),
		FX_TEST(reject_stores_reason),
		FX_TEST(withdraw_releases_budget_and_returns_notice),
		FX_TEST(withdraw_releases_open_ended_too),
		FX_TEST(withdraw_before_approval),
		FX_TEST(withdraw_refused_after_sale),
	};

	return FX_RUN(tests);
}
