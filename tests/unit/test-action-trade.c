/*
 * test-action-trade.c: the trade side (SPEC section 4): maker.add,
 * dealer.register, dealer.pick, dealer.unpick, dealer.authorize,
 * product.add, supply.new, supply.bulk and supply.return. Every refusal of
 * every one of them, and what each stores when it succeeds.
 *
 * Demo facts used: maker ss_maker (USCC SS), dealers fs_dealer (FS) and
 * js_dealer (JS), both picked by ss_maker; models 1GQN-200 (1.1.3/03),
 * SS-904 (9.1.1/03, powered), 4LZ-6 (powered), 4U-170, 2BMSF-6; stock
 * XG26A001-006, TL26A001-004 (engines ETL26A...) at FS, XG26B001-004 and
 * TL26B001-002 at JS.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#define SS	"91640100MA76E5B13Q"
#define FS	"91640122MA76F2K349"
#define JS	"91640104MA77H8C58B"

/* --- helpers ------------------------------------------------------------ */

static void
set_maker_status(const char *uscc, const char *status)
{
	q_run("UPDATE makers SET status = ?1 WHERE uscc = ?2",
	    status, uscc, NULL);
}

static void
set_dealer_status(const char *uscc, const char *status)
{
	q_run("UPDATE dealers SET status = ?1 WHERE uscc = ?2",
	    status, uscc, NULL);
}

static void
set_machine_state(const char *serial, const char *state)
{
	q_run("UPDATE machines SET state = ?1 WHERE serial = ?2",
	    state, serial, NULL);
}

/* A second maker, login mk2, with its uscc in out. */
static void
new_maker(const char *login, char *uscc, unsigned seq)
{
	char u[32], l[64];

	make_uscc(uscc, "91", "640100", seq);
	snprintf(u, sizeof u, "uscc=%s", uscc);
	snprintf(l, sizeof l, "login=%s", login);
	fx_ok("admin", "maker.add", "name=宁夏第二农机制造有限公司", u, l,
	    "password=maker-pass", NULL);
}

static int64_t
machines(void)
{
	return fx_int("SELECT count(*) FROM machines", NULL);
}

/* --- maker.add ---------------------------------------------------------- */

/* R-001-A1-6 001 附件1 第六条; 000 一: the admin opens a manufacturer's account and its first login. */
static void
maker_add_stores_company_and_login(void **state)
{
	char uscc[20], lower[20], u[32], hash[200];
	size_t i;

	(void)state;
	make_uscc(uscc, "91", "640100", 4242);
	for (i = 0; uscc[i] != '\0'; i++)
		lower[i] = (char)(uscc[i] >= 'A' && uscc[i] <= 'Z' ?
		    uscc[i] - 'A' + 'a' : uscc[i]);
	lower[i] = '\0';
	snprintf(u, sizeof u, "uscc=%s", lower);
	fx_ok("admin", "maker.add", "name=宁夏测试机械厂", u, "login=cs_maker",
	    "password=maker-pass", "legal_rep=张三", "address=银川市",
	    "phone=13995011234", NULL);
	assert_string_equal(fx_key, "cs_maker");
	/* the code is stored in upper case */
	assert_int_equal(fx_int("SELECT count(*) FROM makers WHERE uscc = ?1 "
	    "AND name = '宁夏测试机械厂' AND legal_rep = '张三' AND address = "
	    "'银川市' AND status = 'active' AND phone_last4 = '1234' AND "
	    "created_at = '2026-03-02 09:30:00'", uscc, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM makers WHERE "
	    "instr(CAST(phone_enc AS TEXT), '13995011234')", NULL), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM users u JOIN makers m "
	    "ON m.id = u.maker_id WHERE u.login = 'cs_maker' AND m.uscc = ?1 "
	    "AND u.role = 'maker' AND u.region IS NULL AND u.dealer_id IS NULL "
	    "AND u.must_change = 1", uscc, NULL), 1);
	q_text(hash, sizeof hash, "SELECT pwhash FROM users WHERE login = "
	    "'cs_maker'", NULL);
	assert_true(passwd_verify(hash, "maker-pass"));
	/* the new login acts for its maker at once */
	fx_ok("cs_maker", "product.add", "item=1.1.3", "tier=01",
	    "model=CS-120", "name=旋耕机", NULL);
}

/* R-001-A1-16a 001 第十六条 实名制: the first login is its user's, by name. */
static void
maker_login_is_named(void **state)
{
	char uscc[20], u[32];

	(void)state;
	make_uscc(uscc, "91", "640100", 4243);
	snprintf(u, sizeof u, "uscc=%s", uscc);
	fx_ok("admin", "maker.add", "name=宁夏实名机械厂", u, "login=sm_maker",
	    "password=maker-pass", "contact=李四", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM users WHERE login = "
	    "'sm_maker' AND name = '李四'", NULL), 1);
	/* no person named: the company's name, never an empty one */
	make_uscc(uscc, "91", "640100", 4244);
	snprintf(u, sizeof u, "uscc=%s", uscc);
	fx_ok("admin", "maker.add", "name=宁夏无名机械厂", u, "login=wm_maker",
	    "password=maker-pass", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM users WHERE login = "
	    "'wm_maker' AND name = '宁夏无名机械厂'", NULL), 1);
}

static void
maker_add_by_console(void **state)
{
	char uscc[20], u[32];

	(void)state;
	make_uscc(uscc, "91", "640100", 777);
	snprintf(u, sizeof u, "uscc=%s", uscc);
	fx_ok(NULL, "maker.add", "name=控制台开设的企业", u, "login=con_maker",
	    "password=maker-pass", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM users WHERE login = "
	    "'con_maker' AND role = 'maker'", NULL), 1);
}

/* 000 一(一)2: accounts come from the province; GB 32100 codes */
static void
maker_add_refusals(void **state)
{
	char uscc[20], u[32];

	(void)state;
	make_uscc(uscc, "91", "640100", 4243);
	snprintf(u, sizeof u, "uscc=%s", uscc);
	/* only the admin opens maker accounts */
	fx_refused("无权执行", "hl_jb", "maker.add", "name=某公司", u,
	    "login=mm", "password=abcdefgh", NULL);
	fx_refused("无权执行", "ss_maker", "maker.add", "name=某公司", u,
	    "login=mm", "password=abcdefgh", NULL);
	fx_refused("无权执行", "register", "maker.add", "name=某公司", u,
	    "login=mm", "password=abcdefgh", NULL);
	/* required fields */
	fx_refused("请填写：企业名称", "admin", "maker.add", u, "login=mm",
	    "password=abcdefgh", NULL);
	fx_refused("请填写：统一社会信用代码", "admin", "maker.add",
	    "name=某公司", "login=mm", "password=abcdefgh", NULL);
	fx_refused("请填写：登录名", "admin", "maker.add", "name=某公司", u,
	    "password=abcdefgh", NULL);
	fx_refused("请填写：初始密码", "admin", "maker.add", "name=某公司", u,
	    "login=mm", NULL);
	/* GB 32100: check character, characters, length */
	fx_refused("统一社会信用代码校验位错误", "admin", "maker.add",
	    "name=某公司", "uscc=91640100MA76E5B13P", "login=mm",
	    "password=abcdefgh", NULL);
	fx_refused("无效字符", "admin", "maker.add", "name=某公司",
	    "uscc=91640100MA76E5BI3Q", "login=mm", "password=abcdefgh", NULL);
	fx_refused("应为18位", "admin", "maker.add", "name=某公司",
	    "uscc=91640100MA76E5B13", "login=mm", "password=abcdefgh", NULL);
	/* a company already open */
	fx_refused("统一社会信用代码 " SS " 的生产企业已存在", "admin",
	    "maker.add", "name=某公司", "uscc=" SS, "login=mm",
	    "password=abcdefgh", NULL);
	assert_string_equal(fx_field, "uscc");
	/* a login taken or reserved */
	fx_refused("登录名 hl_jb 已被使用", "admin", "maker.add", "name=某公司",
	    u, "login=hl_jb", "password=abcdefgh", NULL);
	fx_refused("登录名 register 为系统保留", "admin", "maker.add",
	    "name=某公司", u, "login=register", "password=abcdefgh", NULL);
	fx_refused("登录名 root 为系统保留", "admin", "maker.add",
	    "name=某公司", u, "login=root", "password=abcdefgh", NULL);
	fx_refused("电话号码有误", "admin", "maker.add", "name=某公司", u,
	    "login=mm", "password=abcdefgh", "phone=1399501", NULL);
}

/* --- dealer.register ---------------------------------------------------- */

/* R-000-M-2.1.4 000 二(一)4: a dealer registers itself and waits to be picked. */
static void
register_stores_pending_dealer(void **state)
{
	char uscc[20], hash[200];

	(void)state;
	fx_new_dealer("xn_dealer", uscc, 5001);
	assert_string_equal(fx_key, "xn_dealer");
	assert_int_equal(fx_int("SELECT count(*) FROM dealers WHERE uscc = ?1 "
	    "AND name = '贺兰县新农农机有限公司' AND legal_rep = '李四' AND "
	    "address = '贺兰县习岗镇' AND status = 'pending' AND "
	    "phone_last4 = '2345'", uscc, NULL), 1);
	/* its login: the legal representative, its own password */
	assert_int_equal(fx_int("SELECT count(*) FROM users u JOIN dealers d "
	    "ON d.id = u.dealer_id WHERE u.login = 'xn_dealer' AND d.uscc = ?1 "
	    "AND u.role = 'dealer' AND u.name = '李四' AND u.must_change = 0 "
	    "AND u.maker_id IS NULL", uscc, NULL), 1);
	q_text(hash, sizeof hash, "SELECT pwhash FROM users WHERE login = "
	    "'xn_dealer'", NULL);
	assert_true(passwd_verify(hash, "dealer-pass"));
	/* nobody picked it: it cannot act as a dealer yet */
	fx_refused("尚未被生产企业选择为补贴经销商", "xn_dealer",
	    "supply.return", "serial=XG26A001", "reason=试", NULL);
}

/* R-000-M-2.1.4 000 二(一)4: 带“*”标的均为必填项 */
static void
register_refusals(void **state)
{
	char uscc[20], u[32];

	(void)state;
	make_uscc(uscc, "91", "640122", 5002);
	snprintf(u, sizeof u, "uscc=%s", uscc);
	fx_refused("请填写：法定代表人", "register", "dealer.register",
	    "name=某农机店", u, "address=贺兰县", "phone=13895012345",
	    "login=dd", "password=abcdefgh", NULL);
	fx_refused("请填写：经营地址", "register", "dealer.register",
	    "name=某农机店", u, "legal_rep=李四", "phone=13895012345",
	    "login=dd", "password=abcdefgh", NULL);
	fx_refused("请填写：联系电话", "register", "dealer.register",
	    "name=某农机店", u, "legal_rep=李四", "address=贺兰县",
	    "login=dd", "password=abcdefgh", NULL);
	fx_refused("请填写：统一社会信用代码", "register", "dealer.register",
	    "name=某农机店", "legal_rep=李四", "address=贺兰县",
	    "phone=13895012345", "login=dd", "password=abcdefgh", NULL);
	fx_refused("统一社会信用代码校验位错误", "register", "dealer.register",
	    "name=某农机店", "uscc=91640122MA76F2K348", "legal_rep=李四",
	    "address=贺兰县", "phone=13895012345", "login=dd",
	    "password=abcdefgh", NULL);
	fx_refused("电话号码有误", "register", "dealer.register",
	    "name=某农机店", u, "legal_rep=李四", "address=贺兰县",
	    "phone=0951", "login=dd", "password=abcdefgh", NULL);
	fx_refused("密码至少 8 位", "register", "dealer.register",
	    "name=某农机店", u, "legal_rep=李四", "address=贺兰县",
	    "phone=13895012345", "login=dd", "password=short", NULL);
	/* registered already */
	fx_refused("统一社会信用代码 " FS " 的经销商已注册", "register",
	    "dealer.register", "name=某农机店", "uscc=" FS, "legal_rep=李四",
	    "address=贺兰县", "phone=13895012345", "login=dd",
	    "password=abcdefgh", NULL);
	fx_refused("登录名 fs_dealer 已被使用", "register", "dealer.register",
	    "name=某农机店", u, "legal_rep=李四", "address=贺兰县",
	    "phone=13895012345", "login=fs_dealer", "password=abcdefgh", NULL);
	fx_refused("为系统保留", "register", "dealer.register",
	    "name=某农机店", u, "legal_rep=李四", "address=贺兰县",
	    "phone=13895012345", "login=root", "password=abcdefgh", NULL);
}

/* SPEC 1/DESIGN: the register login runs dealer.register and nothing else. */
static void
register_login_runs_only_registration(void **state)
{
	const struct action	*a;
	size_t			 i;

	(void)state;
	for (i = 0; (a = action_at(i)) != NULL; i++) {
		if (strcmp(a->name, "dealer.register") == 0)
			continue;
		fx_refused("无权执行", "register", a->name, NULL);
	}
}

/* --- dealer.pick -------------------------------------------------------- */

/* R-000-M-1.2.1a 000 一(二)1: 自行指定经销商 */
static void
pick_activates_dealer(void **state)
{
	char uscc[20], d[32];

	(void)state;
	fx_new_dealer("xn_dealer", uscc, 5003);
	snprintf(d, sizeof d, "dealer=%s", uscc);
	fx_ok("ss_maker", "dealer.pick", d, NULL);
	assert_string_equal(fx_key, uscc);
	assert_int_equal(fx_int("SELECT count(*) FROM maker_dealers md JOIN "
	    "makers m ON m.id = md.maker_id JOIN dealers d ON d.id = "
	    "md.dealer_id WHERE m.uscc = '" SS "' AND d.uscc = ?1 AND "
	    "md.picked_at = '2026-03-02 09:30:00'", uscc, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM dealers WHERE uscc = ?1 "
	    "AND status = 'active'", uscc, NULL), 1);
}

/* A dealer may work for several makers. */
static void
pick_by_second_maker(void **state)
{
	char mk[20];

	(void)state;
	new_maker("mk2", mk, 6001);
	fx_ok("mk2", "dealer.pick", "dealer=" FS, NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM maker_dealers md JOIN "
	    "dealers d ON d.id = md.dealer_id WHERE d.uscc = '" FS "'", NULL),
	    2);
	assert_int_equal(fx_int("SELECT count(*) FROM dealers WHERE uscc = '"
	    FS "' AND status = 'active'", NULL), 1);
}

/* R-000-M-1.2.1a 000 一(二)1: 自行指定经销商, once, a registered one */
static void
pick_refusals(void **state)
{
	char uscc[20], d[32];

	(void)state;
	make_uscc(uscc, "91", "640122", 5004);
	snprintf(d, sizeof d, "dealer=%s", uscc);
	fx_refused("无权执行", "admin", "dealer.pick", "dealer=" FS, NULL);
	fx_refused("无权执行", "fs_dealer", "dealer.pick", "dealer=" JS, NULL);
	fx_refused("无权执行", NULL, "dealer.pick", "dealer=" FS, NULL);
	fx_refused("请填写：经销商", "ss_maker", "dealer.pick", NULL);
	fx_refused("未知的经销商：", "ss_maker", "dealer.pick", d, NULL);
	assert_string_equal(fx_field, "dealer");
	fx_refused("未知的经销商：不是代码", "ss_maker", "dealer.pick",
	    "dealer=不是代码", NULL);
	fx_refused("已选择过经销商 贺兰县丰收农机销售有限公司", "ss_maker",
	    "dealer.pick", "dealer=" FS, NULL);
}

/* R-003-A2-8a SPEC 5: suspended or blacklisted makers and dealers cannot act. */
static void
pick_refused_when_suspended(void **state)
{
	char uscc[20], d[32];

	(void)state;
	fx_new_dealer("xn_dealer", uscc, 5005);
	snprintf(d, sizeof d, "dealer=%s", uscc);
	set_maker_status(SS, "suspended");
	fx_refused("已被暂停补贴资格", "ss_maker", "dealer.pick", d, NULL);
	set_maker_status(SS, "blacklisted");
	fx_refused("已被列入黑名单", "ss_maker", "dealer.pick", d, NULL);
	set_maker_status(SS, "active");
	set_dealer_status(uscc, "suspended");
	fx_refused("贺兰县新农农机有限公司已被暂停补贴资格", "ss_maker",
	    "dealer.pick", d, NULL);
	assert_string_equal(fx_field, "dealer");
	set_dealer_status(uscc, "blacklisted");
	fx_refused("贺兰县新农农机有限公司已被列入黑名单", "ss_maker",
	    "dealer.pick", d, NULL);
	/* a maker login that belongs to no maker */
	q_exec("UPDATE users SET maker_id = NULL WHERE login = 'ss_maker'");
	fx_refused("当前用户不属于任何生产企业", "ss_maker", "dealer.pick",
	    "dealer=" FS, NULL);
}

/* --- dealer.unpick ------------------------------------------------------ */

/* R-000-M-1.2.1b 000 一(二)1: 取消合作: settings go, stock stays, nobody's dealer pends. */
static void
unpick_drops_settings_keeps_stock(void **state)
{
	(void)state;
	assert_true(fx_int("SELECT count(*) FROM dealer_products dp JOIN "
	    "dealers d ON d.id = dp.dealer_id WHERE d.uscc = '" FS "'", NULL) >
	    0);
	fx_ok("ss_maker", "dealer.unpick", "dealer=" FS, NULL);
	assert_string_equal(fx_key, FS);
	assert_int_equal(fx_int("SELECT count(*) FROM maker_dealers md JOIN "
	    "dealers d ON d.id = md.dealer_id WHERE d.uscc = '" FS "'", NULL),
	    0);
	assert_int_equal(fx_int("SELECT count(*) FROM dealer_products dp JOIN "
	    "dealers d ON d.id = dp.dealer_id WHERE d.uscc = '" FS "'", NULL),
	    0);
	assert_int_equal(fx_int("SELECT count(*) FROM dealers WHERE uscc = '"
	    FS "' AND status = 'pending'", NULL), 1);
	/* JS keeps its settings */
	assert_true(fx_int("SELECT count(*) FROM dealer_products dp JOIN "
	    "dealers d ON d.id = dp.dealer_id WHERE d.uscc = '" JS "'", NULL) >
	    0);
	/* the units it holds stay with it ... */
	assert_int_equal(fx_int("SELECT count(*) FROM machines m JOIN dealers "
	    "d ON d.id = m.dealer_id WHERE d.uscc = '" FS "' AND m.state = "
	    "'supplied'", NULL), 18);
	/* ... until it sends them back, which it still may; nothing else */
	fx_refused("尚未被生产企业选择为补贴经销商", "fs_dealer",
	    "supply.return", "serial=XG26B001", "reason=停止合作", NULL);
	fx_ok("fs_dealer", "supply.return", "serial=XG26A001",
	    "reason=停止合作", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM machines WHERE serial = "
	    "'XG26A001' AND state = 'returned'", NULL), 1);
	/* it is no longer supplied */
	fx_refused("未被本企业选择为补贴经销商", "ss_maker", "supply.new",
	    "dealer=" FS, "model=1GQN-200", "serial=XG26C001", NULL);
	/* and it may be picked again */
	fx_ok("ss_maker", "dealer.pick", "dealer=" FS, NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM dealers WHERE uscc = '"
	    FS "' AND status = 'active'", NULL), 1);
}

/* A dealer another maker still picks stays active. */
static void
unpick_by_one_of_two_makers(void **state)
{
	char mk[20];
	int64_t settings;

	(void)state;
	new_maker("mk2", mk, 6002);
	fx_ok("mk2", "dealer.pick", "dealer=" FS, NULL);
	settings = fx_int("SELECT count(*) FROM dealer_products", NULL);
	fx_ok("mk2", "dealer.unpick", "dealer=" FS, NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM dealers WHERE uscc = '"
	    FS "' AND status = 'active'", NULL), 1);
	/* ss_maker's settings for FS are not touched */
	assert_int_equal(fx_int("SELECT count(*) FROM dealer_products", NULL),
	    settings);
}

/* R-000-M-1.2.1b 000 一(二)1: 取消合作, of its own dealers only */
static void
unpick_refusals(void **state)
{
	char mk[20], uscc[20], d[32];

	(void)state;
	new_maker("mk2", mk, 6003);
	make_uscc(uscc, "91", "640122", 5006);
	snprintf(d, sizeof d, "dealer=%s", uscc);
	fx_refused("无权执行", "admin", "dealer.unpick", "dealer=" FS, NULL);
	fx_refused("无权执行", "fs_dealer", "dealer.unpick", "dealer=" FS,
	    NULL);
	fx_refused("经销商 贺兰县丰收农机销售有限公司 未被本企业选择为补贴经销商",
	    "mk2", "dealer.unpick", "dealer=" FS, NULL);
	fx_refused("未知的经销商", "ss_maker", "dealer.unpick", d, NULL);
	set_maker_status(SS, "suspended");
	fx_refused("已被暂停补贴资格", "ss_maker", "dealer.unpick",
	    "dealer=" FS, NULL);
}

/* --- dealer.authorize --------------------------------------------------- */

/* R-000-M-1.2.2a 000 一(二)2: 为每个经销商分配销售产品及销售区域 */
static void
authorize_stores_counties(void **state)
{
	(void)state;
	fx_ok("ss_maker", "dealer.authorize", "dealer=" JS, "model=4U-170",
	    "counties=640104，640105、640106", NULL);
	assert_string_equal(fx_key, JS "/4U-170");
	assert_int_equal(fx_int("SELECT count(*) FROM dealer_products dp JOIN "
	    "dealers d ON d.id = dp.dealer_id JOIN products p ON p.id = "
	    "dp.product_id WHERE d.uscc = '" JS "' AND p.model = '4U-170' AND "
	    "dp.county IN ('640104', '640105', '640106') AND "
	    "dp.set_at = '2026-03-02 09:30:00'", NULL), 3);
	/* again, and with one more: nothing doubled */
	fx_ok("ss_maker", "dealer.authorize", "dealer=" JS, "model=4U-170",
	    "counties=640104 640181", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM dealer_products dp JOIN "
	    "dealers d ON d.id = dp.dealer_id JOIN products p ON p.id = "
	    "dp.product_id WHERE d.uscc = '" JS "' AND p.model = '4U-170'",
	    NULL), 4);
}

/* R-000-M-1.2.2a 000 一(二)2: 为每个自行指定的经销商分配销售产品及销售区域 */
static void
authorize_refused_dealer(void **state)
{
	char mk[20], uscc[20], d[32];

	(void)state;
	fx_new_dealer("xn_dealer", uscc, 5007);
	snprintf(d, sizeof d, "dealer=%s", uscc);
	fx_refused("无权执行", "admin", "dealer.authorize", "dealer=" JS,
	    "model=4U-170", "counties=640104", NULL);
	fx_refused("无权执行", "js_dealer", "dealer.authorize", "dealer=" JS,
	    "model=4U-170", "counties=640104", NULL);
	fx_refused("请填写：销售区域", "ss_maker", "dealer.authorize",
	    "dealer=" JS, "model=4U-170", NULL);
	fx_refused("列表为空", "ss_maker", "dealer.authorize", "dealer=" JS,
	    "model=4U-170", "counties=，、", NULL);
	/* a registered dealer nobody picked */
	fx_refused("未被本企业选择为补贴经销商", "ss_maker",
	    "dealer.authorize", d, "model=4U-170", "counties=640122", NULL);
	/* a dealer picked by another maker only */
	new_maker("mk2", mk, 6004);
	fx_refused("未被本企业选择为补贴经销商", "mk2", "dealer.authorize",
	    "dealer=" FS, "model=4U-170", "counties=640122", NULL);
	set_dealer_status(JS, "suspended");
	fx_refused("银川市金穗农机经销部已被暂停补贴资格", "ss_maker",
	    "dealer.authorize", "dealer=" JS, "model=4U-170",
	    "counties=640104", NULL);
	set_dealer_status(JS, "blacklisted");
	fx_refused("已被列入黑名单", "ss_maker", "dealer.authorize",
	    "dealer=" JS, "model=4U-170", "counties=640104", NULL);
	set_dealer_status(JS, "active");
	set_maker_status(SS, "blacklisted");
	fx_refused("已被列入黑名单", "ss_maker", "dealer.authorize",
	    "dealer=" JS, "model=4U-170", "counties=640104", NULL);
}

/* R-000-M-1.2.2a 000 一(二)2: its own products, in counties (县代码) */
static void
authorize_refused_model_and_county(void **state)
{
	char mk[20];

	(void)state;
	fx_refused("未知的机具型号：XX-1", "ss_maker", "dealer.authorize",
	    "dealer=" JS, "model=XX-1", "counties=640104", NULL);
	assert_string_equal(fx_field, "model");
	/* a maker acting on another maker's model */
	new_maker("mk2", mk, 6005);
	fx_ok("mk2", "dealer.pick", "dealer=" JS, NULL);
	fx_refused("型号 1GQN-200 不是本企业投档的产品", "mk2",
	    "dealer.authorize", "dealer=" JS, "model=1GQN-200",
	    "counties=640104", NULL);
	/* a county code that is unknown, a city, a township */
	fx_refused("未知的行政区划代码：640199", "ss_maker",
	    "dealer.authorize", "dealer=" JS, "model=4U-170",
	    "counties=640199", NULL);
	assert_string_equal(fx_field, "counties");
	fx_refused("银川市（640100）不是县级行政区划", "ss_maker",
	    "dealer.authorize", "dealer=" JS, "model=4U-170",
	    "counties=640100", NULL);
	fx_refused("习岗镇（640122100）不是县级行政区划", "ss_maker",
	    "dealer.authorize", "dealer=" JS, "model=4U-170",
	    "counties=640122100", NULL);
	/* one bad county: the good ones before it are not stored either */
	fx_refused("未知的行政区划代码：640199", "ss_maker",
	    "dealer.authorize", "dealer=" JS, "model=4U-170",
	    "counties=640104,640105,640199", NULL);
	/* R-003-A2-8b a product whose filing failed or is suspended */
	q_exec("UPDATE products SET status = 'failed' WHERE model = '4U-170'");
	fx_refused("型号 4U-170 的投档未通过", "ss_maker",
	    "dealer.authorize", "dealer=" JS, "model=4U-170",
	    "counties=640104", NULL);
	q_exec("UPDATE products SET status = 'suspended' WHERE model = "
	    "'4U-170'");
	fx_refused("型号 4U-170已被暂停补贴资格", "ss_maker",
	    "dealer.authorize", "dealer=" JS, "model=4U-170",
	    "counties=640104", NULL);
}

/* --- product.add -------------------------------------------------------- */

/* 003 附件4: 投档 under a tier of the year's catalogue. */
static void
product_add_stores_filing(void **state)
{
	(void)state;
	fx_ok("ss_maker", "product.add", "item=1.1.3", "tier=02",
	    "model=1GQN-180", "name=旋耕机", "subsidy=1500.5",
	    "cert_no=NJ-2026-0001", "cert_until=2028-12-31",
	    "params=工作幅宽1.8米", NULL);
	assert_string_equal(fx_key, "1GQN-180");
	assert_int_equal(fx_int("SELECT count(*) FROM products p JOIN makers "
	    "m ON m.id = p.maker_id JOIN tiers t ON t.id = p.tier_id WHERE "
	    "p.model = '1GQN-180' AND m.uscc = '" SS "' AND t.year = 2026 AND "
	    "t.item_code = '1.1.3' AND t.code = '02' AND p.name = '旋耕机' AND "
	    "p.subsidy = 150050 AND p.cert_no = 'NJ-2026-0001' AND "
	    "p.cert_until = '2028-12-31' AND p.params = '工作幅宽1.8米' AND "
	    "p.powered = 0 AND p.status = 'filed' AND "
	    "p.created_at = '2026-03-02 09:30:00'", NULL), 1);
}

/* The filed subsidy defaults to the tier's amount; equal to it is fine. */
static void
product_add_subsidy_default_and_equal(void **state)
{
	(void)state;
	fx_ok("ss_maker", "product.add", "item=1.1.3", "tier=02",
	    "model=1GQN-160", "name=旋耕机", NULL);
	assert_int_equal(fx_int("SELECT subsidy FROM products WHERE model = "
	    "'1GQN-160'", NULL), 160000);
	fx_ok("ss_maker", "product.add", "item=1.1.3", "tier=02",
	    "model=1GQN-170", "name=旋耕机", "subsidy=1600.00", NULL);
	assert_int_equal(fx_int("SELECT subsidy FROM products WHERE model = "
	    "'1GQN-170'", NULL), 160000);
	/* a certificate valid until today is still valid */
	fx_ok("ss_maker", "product.add", "item=1.1.3", "tier=02",
	    "model=1GQN-175", "name=旋耕机", "cert_until=2026-03-02", NULL);
}

/* R-004-M-8.2.6a 004 八(二)六: licensed machines (tractors, harvesters) are powered. */
static void
product_add_powered(void **state)
{
	(void)state;
	fx_ok("ss_maker", "product.add", "item=9.1.1", "tier=02",
	    "model=SS-604", "name=轮式拖拉机", NULL);
	assert_int_equal(fx_int("SELECT powered FROM products WHERE model = "
	    "'SS-604'", NULL), 1);
	fx_ok("ss_maker", "product.add", "item=1.1.7", "tier=01",
	    "model=1S-3", "name=深松机", NULL);
	assert_int_equal(fx_int("SELECT powered FROM products WHERE model = "
	    "'1S-3'", NULL), 0);
	fx_ok("ss_maker", "product.add", "item=1.1.4", "tier=01",
	    "model=1WG-4", "name=微耕机", "powered=是", NULL);
	assert_int_equal(fx_int("SELECT powered FROM products WHERE model = "
	    "'1WG-4'", NULL), 1);
}

/* R-003-A4-7a 003 附件4 第七条: 投档补贴额就低不就高 */
static void
product_add_refused_above_tier(void **state)
{
	(void)state;
	fx_refused("申报补贴额 1600.01 元高于该档补贴额 1600.00 元（就低不就高）",
	    "ss_maker", "product.add", "item=1.1.3", "tier=02",
	    "model=1GQN-180", "name=旋耕机", "subsidy=1600.01", NULL);
	assert_string_equal(fx_field, "subsidy");
	fx_refused("就低不就高", "ss_maker", "product.add", "item=9.1.1",
	    "tier=03", "model=SS-905", "name=轮式拖拉机", "subsidy=20000",
	    NULL);
	fx_refused("申报补贴额应大于 0", "ss_maker", "product.add",
	    "item=1.1.3", "tier=02", "model=1GQN-180", "name=旋耕机",
	    "subsidy=0", NULL);
	fx_refused("金额应以元为单位", "ss_maker", "product.add", "item=1.1.3",
	    "tier=02", "model=1GQN-180", "name=旋耕机", "subsidy=1500.555",
	    NULL);
	fx_refused("金额应以元为单位", "ss_maker", "product.add", "item=1.1.3",
	    "tier=02", "model=1GQN-180", "name=旋耕机", "subsidy=-5", NULL);
}

/* 003 附件4: 投档 under an item and tier of the year's catalogue */
static void
product_add_refused_unknown_item_or_tier(void **state)
{
	(void)state;
	fx_refused("2026 年度补贴目录中没有品目 1.1.99", "ss_maker",
	    "product.add", "item=1.1.99", "tier=01", "model=X-1", "name=某机",
	    NULL);
	assert_string_equal(fx_field, "item");
	fx_refused("品目 1.1.3 没有分档 09", "ss_maker", "product.add",
	    "item=1.1.3", "tier=09", "model=X-1", "name=某机", NULL);
	assert_string_equal(fx_field, "tier");
	/* an item listed without tiers has nothing to file under */
	fx_refused("品目 1.1.5 没有分档 01", "ss_maker", "product.add",
	    "item=1.1.5", "tier=01", "model=X-1", "name=某机", NULL);
	/* the catalogue is per year */
	fx_refused("2025 年度补贴目录中没有品目 1.1.3", "ss_maker",
	    "product.add", "item=1.1.3", "tier=02", "model=X-1", "name=某机",
	    "year=2025", NULL);
	fx_refused("请填写：分档", "ss_maker", "product.add", "item=1.1.3",
	    "model=X-1", "name=某机", NULL);
	fx_refused("请填写：产品名称", "ss_maker", "product.add",
	    "item=1.1.3", "tier=02", "model=X-1", NULL);
}

/* 002 第八条(五) 003 附件4: one filing per model, a valid certificate */
static void
product_add_refused_model_or_cert(void **state)
{
	char mk[20];

	(void)state;
	fx_refused("型号 1GQN-200 已投档", "ss_maker", "product.add",
	    "item=1.1.3", "tier=03", "model=1GQN-200", "name=旋耕机", NULL);
	assert_string_equal(fx_field, "model");
	/* a model is one maker's: another cannot file it again */
	new_maker("mk2", mk, 6006);
	fx_refused("型号 1GQN-200 已投档", "mk2", "product.add", "item=1.1.3",
	    "tier=03", "model=1GQN-200", "name=旋耕机", NULL);
	fx_refused("证书已过有效期", "ss_maker", "product.add", "item=1.1.3",
	    "tier=02", "model=1GQN-180", "name=旋耕机",
	    "cert_until=2026-03-01", NULL);
	assert_string_equal(fx_field, "cert_until");
	fx_refused("日期应为 YYYY-MM-DD", "ss_maker", "product.add",
	    "item=1.1.3", "tier=02", "model=1GQN-180", "name=旋耕机",
	    "cert_until=2026-02-30", NULL);
	fx_refused("不能超过 40 个字", "ss_maker", "product.add",
	    "item=1.1.3", "tier=02",
	    "model=ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJK", "name=旋耕机",
	    NULL);
}

/* R-003-A4-13.1 003 附件4 第十三条(一); 002 第八条(一), SPEC 4: blacklisted makers cannot file */
static void
product_add_refused_maker(void **state)
{
	(void)state;
	fx_refused("无权执行", "admin", "product.add", "item=1.1.3", "tier=02",
	    "model=1GQN-180", "name=旋耕机", NULL);
	fx_refused("无权执行", "fs_dealer", "product.add", "item=1.1.3",
	    "tier=02", "model=1GQN-180", "name=旋耕机", NULL);
	set_maker_status(SS, "suspended");
	fx_refused("宁夏塞上农业机械有限公司已被暂停补贴资格", "ss_maker",
	    "product.add", "item=1.1.3", "tier=02", "model=1GQN-180",
	    "name=旋耕机", NULL);
	set_maker_status(SS, "blacklisted");
	fx_refused("宁夏塞上农业机械有限公司已被列入黑名单", "ss_maker",
	    "product.add", "item=1.1.3", "tier=02", "model=1GQN-180",
	    "name=旋耕机", NULL);
}

/* --- supply.new --------------------------------------------------------- */

/* R-000-M-1.2.3 000 一(二)3: 型号、出厂编号、发货单号、发动机号（动力机械） */
static void
supply_new_stores_unit(void **state)
{
	int64_t n = machines();

	(void)state;
	fx_ok("ss_maker", "supply.new", "dealer=" JS, "model=1GQN-200",
	    "serial=XG26C001", "shipment_no=FH-2026-07", "made_on=2026-02-01",
	    NULL);
	assert_string_equal(fx_key, "XG26C001");
	assert_int_equal(machines(), n + 1);
	assert_int_equal(fx_int("SELECT count(*) FROM machines m JOIN products "
	    "p ON p.id = m.product_id JOIN dealers d ON d.id = m.dealer_id "
	    "WHERE m.serial = 'XG26C001' AND p.model = '1GQN-200' AND d.uscc = "
	    "'" JS "' AND m.state = 'supplied' AND m.engine_no IS NULL AND "
	    "m.shipment_no = 'FH-2026-07' AND m.made_on = '2026-02-01' AND "
	    "m.supplied_at = '2026-03-02 09:30:00' AND m.returned_at IS NULL",
	    NULL), 1);
	/* a powered machine with its engine number, made today */
	fx_ok("ss_maker", "supply.new", "dealer=" JS, "model=SS-904",
	    "serial=TL26C001", "engine_no=ETL26C001", "made_on=2026-03-02",
	    NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM machines WHERE serial = "
	    "'TL26C001' AND engine_no = 'ETL26C001'", NULL), 1);
}

/* R-000-M-1.2.3 000 一(二)3: 动力机械需要填写发动机号; numbers are unique. */
static void
supply_new_refused_numbers(void **state)
{
	(void)state;
	fx_refused("出厂编号 XG26A001 已存在", "ss_maker", "supply.new",
	    "dealer=" JS, "model=1GQN-200", "serial=XG26A001", NULL);
	assert_string_equal(fx_field, "serial");
	/* a unit at another dealer is no less taken */
	fx_refused("出厂编号 XG26B001 已存在", "ss_maker", "supply.new",
	    "dealer=" FS, "model=1GQN-200", "serial=XG26B001", NULL);
	fx_refused("发动机号 ETL26A001 已存在", "ss_maker", "supply.new",
	    "dealer=" JS, "model=SS-904", "serial=TL26C001",
	    "engine_no=ETL26A001", NULL);
	fx_refused("型号 SS-904 为动力机械，须填写发动机号", "ss_maker",
	    "supply.new", "dealer=" JS, "model=SS-904", "serial=TL26C001",
	    NULL);
	fx_refused("出厂编号 XG#26 有误", "ss_maker", "supply.new",
	    "dealer=" JS, "model=1GQN-200", "serial=XG#26", NULL);
	fx_refused("出厂编号 编号一 有误", "ss_maker", "supply.new",
	    "dealer=" JS, "model=1GQN-200", "serial=编号一", NULL);
	fx_refused("发动机号 E 1 有误", "ss_maker", "supply.new",
	    "dealer=" JS, "model=SS-904", "serial=TL26C001",
	    "engine_no=E 1", NULL);
	fx_refused("出厂编号：不能超过 40 个字", "ss_maker", "supply.new",
	    "dealer=" JS, "model=1GQN-200",
	    "serial=ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJK", NULL);
	fx_refused("生产日期不能晚于今天", "ss_maker", "supply.new",
	    "dealer=" JS, "model=1GQN-200", "serial=XG26C001",
	    "made_on=2026-03-03", NULL);
	assert_string_equal(fx_field, "made_on");
	fx_refused("请填写：出厂编号", "ss_maker", "supply.new", "dealer=" JS,
	    "model=1GQN-200", NULL);
}

/* R-000-M-1.2.3 000 一(二)3: 所分配给的经销商, its own filed models */
static void
supply_new_refused_dealer_or_model(void **state)
{
	char mk[20], uscc[20], d[32];

	(void)state;
	fx_new_dealer("xn_dealer", uscc, 5008);
	snprintf(d, sizeof d, "dealer=%s", uscc);
	fx_refused("未知的经销商：", "ss_maker", "supply.new",
	    "dealer=91640122MA76F2K34X", "model=1GQN-200", "serial=XG26C001",
	    NULL);
	fx_refused("未被本企业选择为补贴经销商", "ss_maker", "supply.new", d,
	    "model=1GQN-200", "serial=XG26C001", NULL);
	fx_refused("未知的机具型号：NO-1", "ss_maker", "supply.new",
	    "dealer=" JS, "model=NO-1", "serial=XG26C001", NULL);
	new_maker("mk2", mk, 6007);
	fx_refused("经销商 贺兰县丰收农机销售有限公司 未被本企业选择为补贴经销商",
	    "mk2", "supply.new", "dealer=" FS, "model=1GQN-200",
	    "serial=XG26C001", NULL);
	fx_ok("mk2", "dealer.pick", "dealer=" FS, NULL);
	fx_refused("型号 1GQN-200 不是本企业投档的产品", "mk2", "supply.new",
	    "dealer=" FS, "model=1GQN-200", "serial=XG26C001", NULL);
	assert_string_equal(fx_field, "model");
	q_exec("UPDATE products SET status = 'suspended' WHERE model = "
	    "'1GQN-200'");
	fx_refused("型号 1GQN-200已被暂停补贴资格", "ss_maker",
	    "supply.new", "dealer=" JS, "model=1GQN-200", "serial=XG26C001",
	    NULL);
}

/* R-003-A2-8a SPEC 5: suspended or blacklisted makers and dealers cannot trade. */
static void
supply_new_refused_status(void **state)
{
	(void)state;
	fx_refused("无权执行", "fs_dealer", "supply.new", "dealer=" FS,
	    "model=1GQN-200", "serial=XG26C001", NULL);
	fx_refused("无权执行", "admin", "supply.new", "dealer=" FS,
	    "model=1GQN-200", "serial=XG26C001", NULL);
	set_dealer_status(JS, "suspended");
	fx_refused("银川市金穗农机经销部已被暂停补贴资格", "ss_maker",
	    "supply.new", "dealer=" JS, "model=1GQN-200", "serial=XG26C001",
	    NULL);
	set_dealer_status(JS, "blacklisted");
	fx_refused("银川市金穗农机经销部已被列入黑名单", "ss_maker",
	    "supply.new", "dealer=" JS, "model=1GQN-200", "serial=XG26C001",
	    NULL);
	set_maker_status(SS, "suspended");
	fx_refused("已被暂停补贴资格", "ss_maker", "supply.new", "dealer=" FS,
	    "model=1GQN-200", "serial=XG26C001", NULL);
	set_maker_status(SS, "blacklisted");
	fx_refused("已被列入黑名单", "ss_maker", "supply.new", "dealer=" FS,
	    "model=1GQN-200", "serial=XG26C001", NULL);
}

/* R-000-M-2.2.1 000 二(二)1: 退回生产企业后由生产企业重新发货 */
static void
supply_new_resupplies_returned_unit(void **state)
{
	int64_t n, id;

	(void)state;
	id = fx_int("SELECT id FROM machines WHERE serial = 'TL26A001'", NULL);
	fx_ok("fs_dealer", "supply.return", "serial=TL26A001",
	    "reason=铭牌与系统不符", NULL);
	n = machines();
	/* to another dealer, same engine: the same unit again */
	fx_ok("ss_maker", "supply.new", "dealer=" JS, "model=SS-904",
	    "serial=TL26A001", "engine_no=ETL26A001", "shipment_no=FH-9",
	    NULL);
	assert_int_equal(machines(), n);
	assert_int_equal(fx_int("SELECT count(*) FROM machines m JOIN dealers "
	    "d ON d.id = m.dealer_id WHERE m.serial = 'TL26A001' AND d.uscc = '"
	    JS "' AND m.state = 'supplied' AND m.engine_no = 'ETL26A001'",
	    NULL), 1);
	assert_int_equal(fx_int("SELECT id FROM machines WHERE serial = "
	    "'TL26A001' AND state = 'supplied' AND returned_at IS NULL AND "
	    "return_reason IS NULL AND shipment_no = 'FH-9'", NULL), id);
	/* and it is in stock again: not resuppliable */
	fx_refused("出厂编号 TL26A001 已存在", "ss_maker", "supply.new",
	    "dealer=" FS, "model=SS-904", "serial=TL26A001",
	    "engine_no=ETL26A001", NULL);
}

/* A returned serial is its maker's: another maker cannot take it. */
static void
supply_new_refused_returned_of_other_maker(void **state)
{
	char mk[20];

	(void)state;
	fx_ok("fs_dealer", "supply.return", "serial=XG26A002", "reason=错发",
	    NULL);
	new_maker("mk2", mk, 6008);
	fx_ok("mk2", "dealer.pick", "dealer=" FS, NULL);
	fx_ok("mk2", "product.add", "item=1.1.3", "tier=01", "model=MK-120",
	    "name=旋耕机", "cert_no=NJ-2026-0120", "cert_until=2030-12-31",
	    NULL);
	fx_publish("MK-120");
	fx_refused("出厂编号 XG26A002 已存在", "mk2", "supply.new",
	    "dealer=" FS, "model=MK-120", "serial=XG26A002", NULL);
	/* a sold unit is not supplied again, even by its maker */
	set_machine_state("XG26A003", "sold");
	fx_refused("出厂编号 XG26A003 已存在", "ss_maker", "supply.new",
	    "dealer=" JS, "model=1GQN-200", "serial=XG26A003", NULL);
	/* the engine of a returned unit stays its own */
	fx_ok("fs_dealer", "supply.return", "serial=TL26A002", "reason=错发",
	    NULL);
	fx_refused("发动机号 ETL26A002 已存在", "ss_maker", "supply.new",
	    "dealer=" FS, "model=SS-904", "serial=TL26C009",
	    "engine_no=ETL26A002", NULL);
}

/* --- supply.bulk -------------------------------------------------------- */

/* R-000-M-1.2.3 000 一(二)3: 供货管理二, a list of units of one model. */
static void
supply_bulk_stores_all(void **state)
{
	int64_t n = machines();

	(void)state;
	fx_ok("ss_maker", "supply.bulk", "dealer=" JS, "model=1GQN-200",
	    "serials=XG26C001,XG26C002\nXG26C003", "shipment_no=FH-10",
	    "made_on=2026-01-15", NULL);
	assert_int_equal(machines(), n + 3);
	assert_string_equal(fx_key, "XG26C003");
	assert_string_equal(fx_outbuf, "XG26C001\nXG26C002\n");
	assert_int_equal(fx_int("SELECT count(*) FROM machines m JOIN dealers "
	    "d ON d.id = m.dealer_id WHERE m.serial LIKE 'XG26C00%' AND "
	    "d.uscc = '" JS "' AND m.shipment_no = 'FH-10' AND "
	    "m.made_on = '2026-01-15' AND m.state = 'supplied'", NULL), 3);
	/* powered: SERIAL/ENGINE, Chinese commas too */
	fx_ok("ss_maker", "supply.bulk", "dealer=" JS, "model=SS-904",
	    "serials=TL26C001/ETL26C001，TL26C002/ETL26C002", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM machines WHERE "
	    "(serial = 'TL26C001' AND engine_no = 'ETL26C001') OR "
	    "(serial = 'TL26C002' AND engine_no = 'ETL26C002')", NULL), 2);
}

/* Every unit or none; a refusal names the unit's place in the list. */
static void
supply_bulk_all_or_nothing(void **state)
{
	char uscc[20], d[32];

	(void)state;
	fx_refused("第 2 台：出厂编号 XG26A002 已存在", "ss_maker",
	    "supply.bulk", "dealer=" JS, "model=1GQN-200",
	    "serials=XG26C001,XG26A002,XG26C003", NULL);
	assert_string_equal(fx_field, "serials");
	fx_refused("第 2 台：出厂编号 XG26C001 已存在", "ss_maker",
	    "supply.bulk", "dealer=" JS, "model=1GQN-200",
	    "serials=XG26C001,XG26C001", NULL);
	fx_refused("第 1 台：型号 SS-904 为动力机械，须填写发动机号",
	    "ss_maker", "supply.bulk", "dealer=" JS, "model=SS-904",
	    "serials=TL26C001", NULL);
	fx_refused("第 2 台：发动机号 E26X 已存在", "ss_maker", "supply.bulk",
	    "dealer=" JS, "model=SS-904", "serials=TL26C001/E26X,TL26C002/E26X",
	    NULL);
	fx_refused("第 3 台：出厂编号 X#3 有误", "ss_maker", "supply.bulk",
	    "dealer=" JS, "model=1GQN-200", "serials=X1,X2,X#3", NULL);
	fx_new_dealer("xn_dealer", uscc, 5009);
	snprintf(d, sizeof d, "dealer=%s", uscc);
	fx_refused("未被本企业选择为补贴经销商", "ss_maker", "supply.bulk", d,
	    "model=1GQN-200", "serials=X1", NULL);
}

/* 000 一(二)3: 供货管理二, at most 1000 units a list */
static void
supply_bulk_refused_over_1000(void **state)
{
	static const char *const names[] = { "dealer", "model", "serials" };
	const char	*values[3];
	struct actor	 who;
	struct act	*a = NULL;
	char		*list, err[NJ_MSG_MAX];
	size_t		 used = 0, cap = 1001 * 12 + 1;
	uint64_t	 before;
	int		 i, rc;

	(void)state;
	list = malloc(cap);
	assert_non_null(list);
	for (i = 1; i <= 1001; i++)
		used += (size_t)snprintf(list + used, cap - used, "%sQB%07d",
		    i > 1 ? "," : "", i);
	values[0] = JS;
	values[1] = "1GQN-200";
	values[2] = list;
	assert_int_equal(actor_load("ss_maker", &who, err, sizeof err), 0);
	before = fx_snapshot();
	rc = action_run(&who, "supply.bulk", 3, names, values, &a);
	assert_int_equal(rc, NJ_REFUSED);
	assert_non_null(strstr(a->err, "最多 1000 项"));
	act_free(&a);
	assert_true(fx_snapshot() == before);
	/* 1000 are fine */
	*strrchr(list, ',') = '\0';
	rc = action_run(&who, "supply.bulk", 3, names, values, &a);
	if (rc != NJ_OK)
		fprintf(stderr, "supply.bulk: %s\n", a->err);
	assert_int_equal(rc, NJ_OK);
	act_free(&a);
	assert_int_equal(fx_int("SELECT count(*) FROM machines WHERE serial "
	    "LIKE 'QB%'", NULL), 1000);
	free(list);
}

/* --- supply.return ------------------------------------------------------ */

/* R-000-M-2.2.1 000 二(二)1: the dealer sends a wrong unit back to its maker. */
static void
supply_return_stores(void **state)
{
	(void)state;
	fx_ok("fs_dealer", "supply.return", "serial=XG26A001",
	    "reason=型号不符", NULL);
	assert_string_equal(fx_key, "XG26A001");
	assert_int_equal(fx_int("SELECT count(*) FROM machines m JOIN dealers "
	    "d ON d.id = m.dealer_id WHERE m.serial = 'XG26A001' AND "
	    "m.state = 'returned' AND m.returned_at = '2026-03-02 09:30:00' "
	    "AND m.return_reason = '型号不符' AND d.uscc = '" FS "'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'supply.return' AND record = 'XG26A001' AND login = 'fs_dealer'",
	    NULL), 1);
}

/* R-000-M-2.2.1 000 二(二)1: only units it holds, unsold */
static void
supply_return_refusals(void **state)
{
	(void)state;
	fx_refused("无权执行", "ss_maker", "supply.return", "serial=XG26A001",
	    "reason=错发", NULL);
	fx_refused("无权执行", "hl_jb", "supply.return", "serial=XG26A001",
	    "reason=错发", NULL);
	fx_refused("请填写：退回原因", "fs_dealer", "supply.return",
	    "serial=XG26A001", NULL);
	/* a unit it does not hold */
	fx_refused("出厂编号 XG26A001 不在本经销商库存中", "js_dealer",
	    "supply.return", "serial=XG26A001", "reason=错发", NULL);
	assert_string_equal(fx_field, "serial");
	fx_refused("出厂编号 NOSUCH1 不在本经销商库存中", "fs_dealer",
	    "supply.return", "serial=NOSUCH1", "reason=错发", NULL);
	/* a unit already sent back */
	fx_ok("fs_dealer", "supply.return", "serial=XG26A001", "reason=错发",
	    NULL);
	fx_refused("出厂编号 XG26A001 不在本经销商库存中", "fs_dealer",
	    "supply.return", "serial=XG26A001", "reason=再退", NULL);
	/* a unit sold (or further along) */
	set_machine_state("XG26A002", "sold");
	fx_refused("出厂编号 XG26A002 已销售，不能退回生产企业", "fs_dealer",
	    "supply.return", "serial=XG26A002", "reason=错发", NULL);
	set_machine_state("XG26A003", "paid");
	fx_refused("已销售，不能退回生产企业", "fs_dealer", "supply.return",
	    "serial=XG26A003", "reason=错发", NULL);
}

/* SPEC 5: a suspended or blacklisted dealer does nothing. */
static void
supply_return_refused_status(void **state)
{
	(void)state;
	set_dealer_status(FS, "suspended");
	fx_refused("贺兰县丰收农机销售有限公司已被暂停补贴资格", "fs_dealer",
	    "supply.return", "serial=XG26A001", "reason=错发", NULL);
	set_dealer_status(FS, "blacklisted");
	fx_refused("贺兰县丰收农机销售有限公司已被列入黑名单", "fs_dealer",
	    "supply.return", "serial=XG26A001", "reason=错发", NULL);
	set_dealer_status(FS, "active");
	q_exec("UPDATE users SET dealer_id = NULL WHERE login = 'fs_dealer'");
	fx_refused("当前用户不属于任何经销商", "fs_dealer", "supply.return",
	    "serial=XG26A001", "reason=错发", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(maker_add_stores_company_and_login),
		FX_TEST(maker_login_is_named),
		FX_TEST(maker_add_by_console),
		FX_TEST(maker_add_refusals),
		FX_TEST(register_stores_pending_dealer),
		FX_TEST(register_refusals),
		FX_TEST(register_login_runs_only_registration),
		FX_TEST(pick_activates_dealer),
		FX_TEST(pick_by_second_maker),
		FX_TEST(pick_refusals),
		FX_TEST(pick_refused_when_suspended),
		FX_TEST(unpick_drops_settings_keeps_stock),
		FX_TEST(unpick_by_one_of_two_makers),
		FX_TEST(unpick_refusals),
		FX_TEST(authorize_stores_counties),
		FX_TEST(authorize_refused_dealer),
		FX_TEST(authorize_refused_model_and_county),
		FX_TEST(product_add_stores_filing),
		FX_TEST(product_add_subsidy_default_and_equal),
		FX_TEST(product_add_powered),
		FX_TEST(product_add_refused_above_tier),
		FX_TEST(product_add_refused_unknown_item_or_tier),
		FX_TEST(product_add_refused_model_or_cert),
		FX_TEST(product_add_refused_maker),
		FX_TEST(supply_new_stores_unit),
		FX_TEST(supply_new_refused_numbers),
		FX_TEST(supply_new_refused_dealer_or_model),
		FX_TEST(supply_new_refused_status),
		FX_TEST(supply_new_resupplies_returned_unit),
		FX_TEST(supply_new_refused_returned_of_other_maker),
		FX_TEST(supply_bulk_stores_all),
		FX_TEST(supply_bulk_all_or_nothing),
		FX_TEST(supply_bulk_refused_over_1000),
		FX_TEST(supply_return_stores),
		FX_TEST(supply_return_refusals),
		FX_TEST(supply_return_refused_status),
	};

	return FX_RUN(tests);
}
