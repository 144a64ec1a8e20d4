/*
 * test-action-program.c: program.set, the year's programme (实施方案):
 * who may set it, every refusal of its values, what it stores (all
 * settings, or only those given over the year's current ones), and
 * program_get()'s defaults for a year nobody has set (Ningxia 2014, 004).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "actions.h"

#define PROGRAM_ROW(y) \
	"SELECT count(*) FROM programs WHERE year = " y " AND "

static void
set_stores_every_setting(void **state)
{
	int64_t before = fx_int("SELECT count(*) FROM audit", NULL);

	(void)state;
	fx_ok("admin", "program.set", "year=2027", "flow=buy-first",
	    "notice_days=15", "publicity_days=5", "publicity_working_days=1",
	    "max_ratio=0.35", "review_sample=0.2", "finance_sample=15%",
	    "key_threshold=5000", "ban_years=5", "flag_buyer_units=4",
	    "flag_dealer_units=30", "flag_dealer_days=10", "flag_ratio=0.4",
	    NULL);
	assert_string_equal(fx_key, "2027");
	assert_int_equal(fx_int(PROGRAM_ROW("2027") "flow = 'buy-first' AND "
	    "notice_days = 15 AND publicity_days = 5 AND "
	    "publicity_working_days = 1 AND max_ratio_bp = 3500 AND "
	    "review_sample_bp = 2000 AND finance_sample_bp = 1500 AND "
	    "key_threshold = 500000 AND ban_years = 5 AND "
	    "flag_buyer_units = 4 AND flag_dealer_units = 30 AND "
	    "flag_dealer_days = 10 AND flag_ratio_bp = 4000 AND "
	    "updated_at = '2026-03-02 09:30:00'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit", NULL),
	    before + 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'program.set' AND record = '2027' AND login = 'admin'", NULL), 1);
}

/* A year not yet set starts from the defaults; a set year keeps the rest. */
static void
set_changes_only_what_is_given(void **state)
{
	struct program_row p;

	(void)state;
	fx_ok("admin", "program.set", "year=2028", "notice_days=30", NULL);
	assert_int_equal(fx_int(PROGRAM_ROW("2028") "flow = 'quota-first' "
	    "AND notice_days = 30 AND publicity_days = 7 AND "
	    "publicity_working_days = 0 AND max_ratio_bp = 0 AND "
	    "finance_sample_bp = 1000 AND key_threshold = 1000000 AND "
	    "ban_years = 3", NULL), 1);
	fx_ok("admin", "program.set", "year=2028", "flow=先购后补",
	    "publicity_working_days=工作日", NULL);
	assert_int_equal(fx_int(PROGRAM_ROW("2028") "flow = 'buy-first' AND "
	    "notice_days = 30 AND publicity_working_days = 1", NULL), 1);
	assert_int_equal(program_get(2028, &p), 1);
	assert_string_equal(p.flow, "buy-first");
	assert_int_equal(p.notice_days, 30);
	assert_int_equal(p.publicity_working, 1);
	/* the demo's year was set by the demo loader */
	assert_int_equal(fx_int("SELECT count(*) FROM programs WHERE year = "
	    "2026 AND flow = 'quota-first'", NULL), 1);
}

/* 004 附件4: the defaults of a year nobody has set are Ningxia 2014's. */
static void
get_defaults_of_unset_year(void **state)
{
	struct program_row p;

	(void)state;
	assert_int_equal(program_get(2031, &p), 0);
	assert_int_equal(p.year, 2031);
	assert_string_equal(p.flow, "quota-first");
	assert_int_equal(p.notice_days, 20);		/* R-004-A4-2a 004 附件4 二 */
	assert_int_equal(p.publicity_days, 7);		/* R-004-A4-4.2 004 附件4 四(二) */
	assert_int_equal(p.publicity_working, 0);
	/* R-004-M-3.3.1a 004 三(三)1: no per-sale share cap unless switched on */
	assert_int_equal(p.max_ratio_bp, 0);
	assert_int_equal(p.finance_sample_bp, 1000);	/* R-004-M-6.1.2.3 004 六(一)2(3) */
	assert_int_equal(p.key_threshold, 1000000);	/* R-003-A3-7.3.1 003 附件3 */
	assert_int_equal(p.ban_years, 3);
	assert_int_equal(fx_int("SELECT count(*) FROM programs WHERE year = "
	    "2031", NULL), 0);
}

static void
console_may_set(void **state)
{
	(void)state;
	fx_ok(NULL, "program.set", "year=2029", "notice_days=25", NULL);
	assert_int_equal(fx_int(PROGRAM_ROW("2029") "notice_days = 25", NULL),
	    1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'program.set' AND login LIKE 'console:%'", NULL), 1);
}

/* Only the provincial admin sets the programme. */
static void
refused_outside_admin(void **state)
{
	(void)state;
	fx_refused("无权执行", "hl_jb", "program.set", "year=2026", NULL);
	fx_refused("无权执行", "xg_zhen", "program.set", "year=2026", NULL);
	fx_refused("无权执行", "hl_cz", "program.set", "year=2026", NULL);
	fx_refused("无权执行", "yc_city", "program.set", "year=2026", NULL);
	fx_refused("无权执行", "jjjc", "program.set", "year=2026", NULL);
	fx_refused("无权执行", "ss_maker", "program.set", "year=2026", NULL);
	fx_refused("无权执行", "fs_dealer", "program.set", "year=2026", NULL);
	fx_refused("无权执行", "register", "program.set", "year=2026", NULL);
}

static void
refused_year(void **state)
{
	(void)state;
	fx_refused("请填写：年度", "admin", "program.set", "notice_days=20",
	    NULL);
	assert_string_equal(fx_field, "year");
	fx_refused("年度应为四位数字", "admin", "program.set", "year=1999",
	    NULL);
	fx_refused("年度应为四位数字", "admin", "program.set", "year=2101",
	    NULL);
	fx_refused("年度应为四位数字", "admin", "program.set", "year=二〇二六",
	    NULL);
}

static void
refused_flow_and_working_days(void **state)
{
	(void)state;
	fx_refused("实施方式：应为以下之一：先定后买、先购后补", "admin",
	    "program.set", "year=2026", "flow=both", NULL);
	assert_string_equal(fx_field, "flow");
	fx_refused("公示按工作日：应为以下之一：自然日、工作日", "admin",
	    "program.set", "year=2026", "publicity_working_days=2", NULL);
}

/* R-004-A4-2a 004 附件4 二: the notice window is at least a day. */
static void
refused_notice_days(void **state)
{
	(void)state;
	fx_refused("确认书有效天数至少 1 天", "admin", "program.set",
	    "year=2026", "notice_days=0", NULL);
	assert_string_equal(fx_field, "notice_days");
	fx_refused("确认书有效天数：不能大于 365", "admin", "program.set",
	    "year=2026", "notice_days=366", NULL);
	fx_refused("确认书有效天数：应为非负整数", "admin", "program.set",
	    "year=2026", "notice_days=-1", NULL);
	fx_refused("确认书有效天数：应为非负整数", "admin", "program.set",
	    "year=2026", "notice_days=二十", NULL);
}

/* R-004-A4-4.2 004 附件4 四(二): publicity of at least a day (7 in Ningxia). */
static void
refused_publicity_days(void **state)
{
	(void)state;
	fx_refused("公示天数至少 1 天", "admin", "program.set", "year=2026",
	    "publicity_days=0", NULL);
	assert_string_equal(fx_field, "publicity_days");
	fx_refused("公示天数：不能大于 90", "admin", "program.set",
	    "year=2026", "publicity_days=91", NULL);
}

/*
 * R-004-M-3.3.1a 004 三(三)1: the per-sale share cap is a ratio of 0 to 1,
 * 0 being off (the default); a province may switch it on and off again.
 */
static void
refused_max_ratio(void **state)
{
	(void)state;
	fx_ok("admin", "program.set", "year=2026", "max_ratio=0.30", NULL);
	assert_int_equal(fx_int(PROGRAM_ROW("2026") "max_ratio_bp = 3000",
	    NULL), 1);
	fx_ok("admin", "program.set", "year=2026", "max_ratio=0", NULL);
	assert_int_equal(fx_int(PROGRAM_ROW("2026") "max_ratio_bp = 0",
	    NULL), 1);
	fx_refused("比例应在 0 到 1 之间", "admin", "program.set",
	    "year=2026", "max_ratio=-0.1", NULL);
	assert_string_equal(fx_field, "max_ratio");
	fx_refused("比例应在 0 到 1 之间", "admin", "program.set",
	    "year=2026", "max_ratio=1.01", NULL);
	fx_refused("比例应在 0 到 1 之间", "admin", "program.set",
	    "year=2026", "review_sample=-0.1", NULL);
	fx_refused("比例应在 0 到 1 之间", "admin", "program.set",
	    "year=2026", "flag_ratio=abc", NULL);
}

/* R-004-M-6.1.2.3 004 六(一)2(3): 财政部门按不低于10%的比例抽查 */
static void
refused_finance_sample_below_ten_percent(void **state)
{
	(void)state;
	fx_refused("财政抽查比例不得低于 10%", "admin", "program.set",
	    "year=2026", "finance_sample=0.0999", NULL);
	assert_string_equal(fx_field, "finance_sample");
	fx_refused("财政抽查比例不得低于 10%", "admin", "program.set",
	    "year=2026", "finance_sample=0", NULL);
	fx_ok("admin", "program.set", "year=2026", "finance_sample=0.10",
	    NULL);
	assert_int_equal(fx_int(PROGRAM_ROW("2026") "finance_sample_bp = 1000",
	    NULL), 1);
}

/* SPEC 5: the anomaly thresholds are at least 1. */
static void
refused_flag_thresholds(void **state)
{
	(void)state;
	fx_refused("预警阈值至少为 1", "admin", "program.set", "year=2026",
	    "flag_buyer_units=0", NULL);
	fx_refused("预警阈值至少为 1", "admin", "program.set", "year=2026",
	    "flag_dealer_units=0", NULL);
	fx_refused("预警阈值至少为 1", "admin", "program.set", "year=2026",
	    "flag_dealer_days=0", NULL);
	fx_refused("短期大批量天数：不能大于 366", "admin", "program.set",
	    "year=2026", "flag_dealer_days=367", NULL);
	fx_refused("严重违规禁购年限：不能大于 20", "admin", "program.set",
	    "year=2026", "ban_years=21", NULL);
}

static void
refused_key_threshold(void **state)
{
	(void)state;
	fx_refused("金额应以元为单位", "admin", "program.set", "year=2026",
	    "key_threshold=1万", NULL);
	fx_refused("金额应以元为单位", "admin", "program.set", "year=2026",
	    "key_threshold=10000.001", NULL);
	assert_string_equal(fx_field, "key_threshold");
}

/*
 * R-002-M-3 R-002-A3-2.3a 002 三; 附件3 二(三): the video threshold (2,000
 * yuan unless set) and the check mode (双人交叉核验 unless set); what is
 * not given stays.
 */
static void
set_verify_settings(void **state)
{
	(void)state;
	fx_ok("admin", "program.set", "year=2027", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM programs WHERE year = "
	    "2027 AND video_max = 200000 AND verify_mode = 'pair'", NULL), 1);
	fx_ok("admin", "program.set", "year=2027", "video_max=1500", NULL);
	fx_ok("admin", "program.set", "year=2027", "verify_mode=review", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM programs WHERE year = "
	    "2027 AND video_max = 150000 AND verify_mode = 'review'", NULL), 1);
	fx_ok("admin", "program.set", "year=2027", "notice_days=15", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM programs WHERE year = "
	    "2027 AND video_max = 150000 AND verify_mode = 'review'", NULL), 1);
	fx_refused("应为以下之一", "admin", "program.set", "year=2027",
	    "verify_mode=alone", NULL);
}

/*
 * Issue 11 (6): switching the year's flow while a notice of the year is
 * still valid is refused with how many, writing nothing (fx_refused
 * checks every row), unless confirmed; with none out, or the same flow,
 * nothing is asked.
 */
static void
flow_switch_with_notices_out(void **state)
{
	(void)state;
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=640122198001011238", "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	fx_ok("xg_zhen", "application.submit", kv("application", fx_key),
	    NULL);
	fx_ok("hl_sh", "application.approve", kv("application", fx_key), NULL);
	fx_refused("2026 年度还有 1 份确认通知书在有效期内未使用", "admin",
	    "program.set", "year=2026", "flow=buy-first", NULL);
	assert_string_equal(fx_field, "confirm");
	/* the same flow, or another year, asks nothing */
	fx_ok("admin", "program.set", "year=2026", "flow=quota-first", NULL);
	fx_ok("admin", "program.set", "year=2027", "flow=buy-first", NULL);
	fx_ok("admin", "program.set", "year=2026", "flow=buy-first",
	    "confirm=yes", NULL);
	assert_int_equal(fx_int(PROGRAM_ROW("2026") "flow = 'buy-first'",
	    NULL), 1);
	/* and back: the notice is still out */
	fx_refused("还有 1 份确认通知书", "admin", "program.set", "year=2026",
	    "flow=quota-first", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(set_stores_every_setting),
		FX_TEST(set_verify_settings),
		FX_TEST(flow_switch_with_notices_out),
		FX_TEST(set_changes_only_what_is_given),
		FX_TEST(get_defaults_of_unset_year),
		FX_TEST(console_may_set),
		FX_TEST(refused_outside_admin),
		FX_TEST(refused_year),
		FX_TEST(refused_flow_and_working_days),
		FX_TEST(refused_notice_days),
		FX_TEST(refused_publicity_days),
		FX_TEST(refused_max_ratio),
		FX_TEST(refused_finance_sample_below_ten_percent),
		FX_TEST(refused_flag_thresholds),
		FX_TEST(refused_key_threshold),
	};

	return FX_RUN(tests);
}
