/*
 * test-action-complaint.c: complaints (issue 13 item 3;
 * action-complaint.c, action-freeze-check.c): what tests/cli/complaint.sh
 * leaves out. A complaint about a buyer is a private look-up and seals
 * the ID number; the interview's day and limit; a decision before the
 * limit with the party's reply recorded lifts a product's freeze, which
 * had stopped the sale; the city writes complaints and nothing else.
 *
 * Demo facts used: admin; county clerks hl_jb (640122) and hl_sh;
 * township clerk xg_zhen; the city yc_city; dealer fs_dealer with
 * XG26A001 of 1GQN-200 (1.1.3/03). The clock is 2026-03-02.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#define ID_A	"640122198001011238"

/* R-003-A2-13.1a a buyer complained of is looked up and sealed */
static void
complaint_about_buyer(void **state)
{
	(void)state;
	fx_refused("没有此证件号码的购机者登记", "hl_jb", "complaint.new",
	    "channel=visit", "about_type=buyer", "about=" ID_A,
	    "content=倒卖补贴机具", NULL);
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=" ID_A, "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	fx_ok("hl_jb", "complaint.new", "channel=visit", "about_type=buyer",
	    "about=" ID_A, "content=倒卖补贴机具", NULL);
	assert_string_equal(fx_key, "TS000001");
	assert_int_equal(fx_int("SELECT count(*) FROM complaints WHERE about "
	    "IS NULL AND about_id = (SELECT id FROM buyers WHERE name = "
	    "'张三') AND about_last4 = '1238' AND instr(CAST(about_enc AS "
	    "TEXT), '" ID_A "') = 0", NULL), 1);
	/* the audit log keeps the ID number masked */
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'complaint.new' AND instr(detail, '" ID_A "') > 0", NULL), 0);
	fx_refused("证件号码有误", "hl_jb", "complaint.new", "channel=visit",
	    "about_type=person", "about=640122198001011230", "content=x",
	    NULL);
}

/*
 * R-003-A2-13.3a the interview's day not after today, its limit after
 * it; R-003-A2-13.3b before the limit a decision needs the reply, which
 * is kept; R-003-A2-13.2 the product's freeze stops its sale until the
 * decision lifts it.
 */
static void
complaint_reply_before_limit(void **state)
{
	(void)state;
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=" ID_A, "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	fx_ok("xg_zhen", "application.submit",
	    "application=SQ640122202600001", NULL);
	fx_ok("hl_sh", "application.approve",
	    "application=SQ640122202600001", NULL);
	fx_ok("hl_jb", "complaint.new", "channel=web", "about_type=product",
	    "about=1GQN-200", "content=降低配置", NULL);
	fx_ok("admin", "complaint.investigate", "complaint=TS000001",
	    "findings=配置不符", "freeze=1", NULL);
	fx_refused("因投诉 TS000001 调查，产品1GQN-200", "fs_dealer",
	    "sale.new", "notice=TZ640122202600001", "id_no=" ID_A,
	    "serial=XG26A001", "price=12000", "sold_on=2026-03-02",
	    "invoice_no=12345678", NULL);
	fx_refused("约谈日期不能晚于今天", "hl_jb", "complaint.interview",
	    "complaint=TS000001", "held_on=2026-03-03",
	    "deadline=2026-03-10", NULL);
	fx_ok("hl_jb", "complaint.interview", "complaint=TS000001",
	    "held_on=2026-03-02", "deadline=2026-03-09", NULL);
	fx_refused("约谈时限至 2026-03-09 未满", "hl_jb", "complaint.decide",
	    "complaint=TS000001", "result=unfounded", NULL);
	fx_ok("hl_jb", "complaint.decide", "complaint=TS000001",
	    "result=unfounded", "reply=配置与投档一致，附检测报告",
	    "note=经复核不属实", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM complaints WHERE "
	    "state = 'decided' AND frozen = 0 AND lifted_at IS NOT NULL AND "
	    "reply LIKE '配置与投档一致%'", NULL), 1);
	fx_ok("fs_dealer", "sale.new", "notice=TZ640122202600001",
	    "id_no=" ID_A, "serial=XG26A001", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=12345678", NULL);
}

/* R-SEC-8.10 the city writes complaints of its region and nothing else */
static void
complaint_city_writes(void **state)
{
	(void)state;
	assert_int_equal(role_may_write(ROLE_CITY, "complaint.new"), 1);
	assert_int_equal(role_may_write(ROLE_CITY, "complaint.decide"), 1);
	assert_int_equal(role_may_write(ROLE_CITY, "complaintx"), 0);
	assert_int_equal(role_may_write(ROLE_CITY, "application.new"), 0);
	assert_int_equal(role_may_write(ROLE_AUDITOR, "complaint.new"), 0);
	fx_ok("yc_city", "complaint.new", "channel=phone",
	    "about_type=product", "about=SS-904", "content=铭牌不规范", NULL);
	fx_refused("", "jjjc", "complaint.new", "channel=phone",
	    "about_type=product", "about=SS-904", "content=x", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(complaint_about_buyer),
		FX_TEST(complaint_reply_before_limit),
		FX_TEST(complaint_city_writes),
	};

	return FX_RUN(tests);
}
