/*
 * test-action-violation.c: violation.new, violation.decide and
 * violation.restore (issue 13 item 2; action-violation.c) and the one
 * party check (action-party-check.c): the refusal paths of each action,
 * each writing nothing, and the dates of a suspension.
 *
 * Demo facts used: admin; county hl_jb/hl_sh (640122), yn_sh (640121);
 * city yc_city; maker ss_maker (91640100MA76E5B13Q); dealers fs_dealer
 * (91640122MA76F2K349), js_dealer (91640104MA77H8C58B); models 1GQN-200,
 * 4U-170. The clock is 2026-03-02.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#define MAKER	"91640100MA76E5B13Q"
#define FS	"91640122MA76F2K349"
#define JS	"91640104MA77H8C58B"
#define ID_A	"640122198001011238"

/* violation.new's refusals: each names its field and writes nothing. */
static void
test_new_refusals(void **state)
{
	(void)state;
	/* R-003-A2-5: the city and county record; the others do not */
	fx_refused("无权执行", "fs_dealer", "violation.new",
	    "party_type=maker", "party=" MAKER, "level=minor", "facts=x",
	    NULL);
	fx_refused("无权执行", "jjjc", "violation.new", "party_type=maker",
	    "party=" MAKER, "level=minor", "facts=x", NULL);
	fx_refused("统一社会信用代码有误", "admin", "violation.new",
	    "party_type=dealer", "party=91640122MA76F2K340", "level=minor",
	    "facts=x", NULL);
	fx_refused("本省没有此产品", "admin", "violation.new",
	    "party_type=product", "party=NO-SUCH", "level=minor", "facts=x",
	    NULL);
	fx_refused("没有此证件号码的购机者", "admin", "violation.new",
	    "party_type=buyer", "party=" ID_A, "level=minor", "facts=x", NULL);
	fx_refused("请填写当事人姓名", "admin", "violation.new",
	    "party_type=person", "party=" ID_A, "level=severe", "facts=x",
	    NULL);
	fx_refused("查实日期不能晚于今天", "admin", "violation.new",
	    "party_type=maker", "party=" MAKER, "level=minor", "facts=x",
	    "found_on=2026-03-03", NULL);
	fx_refused("投诉编号应为 TS 加 6 位数字", "admin", "violation.new",
	    "party_type=maker", "party=" MAKER, "level=minor", "facts=x",
	    "complaint=TS12", NULL);
	fx_refused("没有投诉 TS000001", "admin", "violation.new",
	    "party_type=maker", "party=" MAKER, "level=minor", "facts=x",
	    "complaint=TS000001", NULL);
	fx_refused("只有省级管理员可以录入外省的处理决定", "hl_jb",
	    "violation.new", "party_type=maker", "party=" MAKER,
	    "level=minor", "facts=x", "province=甘肃省", NULL);
	/* js_dealer sells in 640104 and 640122, not in 永宁 640121 */
	fx_refused("不在您的管辖范围内销售", "yn_jb", "violation.new",
	    "party_type=dealer", "party=" JS, "level=minor", "facts=x", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM violations", NULL), 0);
}

/* The numbers, and what a county records is its region's. */
static void
test_new_numbers(void **state)
{
	(void)state;
	fx_ok("hl_jb", "violation.new", "party_type=dealer", "party=" FS,
	    "level=minor", "facts=未及时上传人机合影", NULL);
	assert_string_equal(fx_key, "WG000001");
	fx_ok("yc_city", "violation.new", "party_type=dealer", "party=" FS,
	    "level=minor", "facts=未培训", NULL);
	assert_string_equal(fx_key, "WG000002");
	assert_int_equal(fx_int("SELECT count(*) FROM violations WHERE "
	    "region = '640122' AND no = 'WG000001'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM violations WHERE "
	    "region = '640100' AND no = 'WG000002'", NULL), 1);
}

/* violation.decide's refusals: who, which measure, how many months. */
static void
test_decide_refusals(void **state)
{
	(void)state;
	fx_ok("admin", "violation.new", "party_type=maker", "party=" MAKER,
	    "level=serious", "facts=x", NULL);
	fx_ok("admin", "violation.new", "party_type=product",
	    "party=4U-170", "level=severe", "facts=y", NULL);
	/* R-003-A2-8.1: a county decides the minor ones only */
	fx_refused("县级农机化主管部门只能处理轻微违规", "hl_sh",
	    "violation.decide", "violation=WG000001", "measure=warning", NULL);
	fx_refused("无权执行", "yc_city", "violation.decide",
	    "violation=WG000001", "measure=warning", NULL);
	/* R-003-A2-10b: 12-24 months for a serious one */
	fx_refused("较重违规的暂停期为 12 至 24 个月（含），不能为 11 个月",
	    "admin", "violation.decide", "violation=WG000001",
	    "measure=suspend", "months=11", NULL);
	fx_refused("不能为 25 个月", "admin", "violation.decide",
	    "violation=WG000001", "measure=suspend", "months=25", NULL);
	fx_refused("不能为 0 个月", "admin", "violation.decide",
	    "violation=WG000001", "measure=suspend", NULL);
	fx_refused("只有暂停措施需要填写月数", "admin", "violation.decide",
	    "violation=WG000001", "measure=warning", "months=3", NULL);
	/* R-003-A2-8a: the measures that suit the party and the level */
	fx_refused("对生产企业不能采取“禁购”措施", "admin",
	    "violation.decide", "violation=WG000001", "measure=ban", NULL);
	fx_refused("较重违规不能采取“黑名单”措施", "admin",
	    "violation.decide", "violation=WG000001", "measure=blacklist",
	    NULL);
	/* R-003-A2-10a: no suspension of a severe one */
	fx_refused("严重违规不设暂停期", "admin", "violation.decide",
	    "violation=WG000002", "measure=suspend", "months=12", NULL);
	fx_refused("没有违规记录 WG000009", "admin", "violation.decide",
	    "violation=WG000009", "measure=warning", NULL);
	fx_ok("hl_jb", "violation.new", "party_type=dealer", "party=" FS,
	    "level=minor", "facts=z", NULL);
	fx_refused("只有省级管理员可以指定起始日期", "hl_sh",
	    "violation.decide", "violation=WG000003", "measure=warning",
	    "from=2026-01-01", NULL);
	fx_refused("超出您的管辖范围", "yn_sh", "violation.decide",
	    "violation=WG000003", "measure=warning", NULL);
	/* R-SEC-8.6: the handler who recorded it does not decide it */
	fx_refused("经办", "hl_jb", "violation.decide", "violation=WG000003",
	    "measure=warning", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM violations WHERE "
	    "state <> 'open'", NULL), 0);
	fx_ok("admin", "violation.decide", "violation=WG000001",
	    "measure=warning", NULL);
	fx_refused("已作出处理决定", "admin", "violation.decide",
	    "violation=WG000001", "measure=warning", NULL);
}

/*
 * R-003-A2-10b the suspension's last day; R-003-A2-8a the refusal says
 * until when and ends by the date; R-003-A2-11b the restore's window.
 */
static void
test_suspend_lapse_restore(void **state)
{
	(void)state;
	fx_ok("admin", "violation.new", "party_type=product",
	    "party=1GQN-200", "level=minor", "facts=x", NULL);
	fx_ok("admin", "violation.decide", "violation=WG000001",
	    "measure=suspend", "months=3", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM violations WHERE "
	    "until_day = '2026-06-01'", NULL), 1);
	fx_refused("型号 1GQN-200已被暂停补贴资格，暂停至 2026-06-01", "ss_maker",
	    "supply.new", "dealer=" FS, "model=1GQN-200", "serial=XG26Q001",
	    NULL);
	now("2026-06-01T18:00:00");
	fx_refused("暂停至 2026-06-01", "ss_maker", "supply.new",
	    "dealer=" FS, "model=1GQN-200", "serial=XG26Q001", NULL);
	now("2026-06-02T08:00:00");
	fx_ok("ss_maker", "supply.new", "dealer=" FS, "model=1GQN-200",
	    "serial=XG26Q001", NULL);
	fx_refused("尚未届满", "admin", "violation.restore",
	    "violation=WG000001", "requested_on=2026-06-01", NULL);
	fx_refused("申请日期不能晚于今天", "admin", "violation.restore",
	    "violation=WG000001", "requested_on=2026-06-03", NULL);
	now("2026-12-02T08:00:00");
	fx_refused("已逾期：暂停期于 2026-06-01 届满，恢复申请应在 2026-12-01 前提出",
	    "admin", "violation.restore", "violation=WG000001",
	    "requested_on=2026-12-02", NULL);
	/* R-003-A2-11a: six months passed without a request */
	fx_refused("不予恢复", "ss_maker", "supply.new", "dealer=" FS,
	    "model=1GQN-200", "serial=XG26Q002", NULL);
	fx_ok("admin", "violation.restore", "violation=WG000001",
	    "requested_on=2026-12-01", NULL);
	fx_ok("ss_maker", "supply.new", "dealer=" FS, "model=1GQN-200",
	    "serial=XG26Q002", NULL);
	now(FX_NOW);
}

/* R-003-A2-8.3b: the blacklist by credit code, ID number or name. */
static void
test_blacklist_registration(void **state)
{
	(void)state;
	fx_ok("admin", "violation.new", "party_type=maker", "party=" MAKER,
	    "level=severe", "facts=骗补", NULL);
	fx_ok("admin", "violation.decide", "violation=WG000001",
	    "measure=blacklist", "rep_id=" ID_A, NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM makers WHERE "
	    "status = 'blacklisted'", NULL), 1);
	/* the same representative by ID number, under another name */
	fx_refused("列入补贴产品经营黑名单", "register", "dealer.register",
	    "name=新农农机", "uscc=91640122MA7AB0CD1F", "legal_rep=何某",
	    "address=贺兰县", "phone=13995000001", "login=xn_dealer",
	    "password=njbt-demo-9", "legal_rep_id=" ID_A, NULL);
	/* by name when the registration gives no ID number */
	fx_refused("列入补贴产品经营黑名单", "register", "dealer.register",
	    "name=新农农机", "uscc=91640122MA7AB0CD1F", "legal_rep=何建军",
	    "address=贺兰县", "phone=13995000001", "login=xn_dealer",
	    "password=njbt-demo-9", NULL);
	/* another person of the same name, told apart by the ID number */
	fx_ok("register", "dealer.register", "name=新农农机",
	    "uscc=91640122MA7AB0CD1F", "legal_rep=何建军", "address=贺兰县",
	    "phone=13995000001", "login=xn_dealer", "password=njbt-demo-9",
	    "legal_rep_id=640122199001011232", NULL);
	fx_refused("已被列入黑名单", "ss_maker", "product.add", "item=1.1.3",
	    "tier=03", "model=X-1", "name=试验机", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(test_new_refusals),
		FX_TEST(test_new_numbers),
		FX_TEST(test_decide_refusals),
		FX_TEST(test_suspend_lapse_restore),
		FX_TEST(test_blacklist_registration),
	};

	return FX_RUN(tests);
}
