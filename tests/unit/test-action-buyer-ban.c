/*
 * test-action-buyer-ban.c: buyer.ban (issue 10 item 9; action-buyer-ban.c):
 * a buyer found in a serious violation is banned for the year's
 * ban_years (3 by default, 5 as Jiangsu sets it), from the day the
 * violation was established, and cannot apply until the ban ends.
 *
 * Demo facts used: admin; township clerk xg_zhen (640122100); county
 * clerk hl_jb (640122); catalogue 2026 1.1.3/03. The clock is
 * 2026-03-02.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#define ID_A	"640122198001011238"
#define ID_B	"640122197512034568"
#define ID_C	"640121199006157891"

/* A person known to the system through an application. */
static void
known_buyer(const char *id, const char *name)
{
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    kv("buyer_name", name), kv("id_no", id), "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
}

static void
banned_until(char *buf, size_t len, const char *name)
{
	q_text(buf, len, "SELECT ifnull(banned_until, '') FROM buyers WHERE "
	    "name = ?1", name, NULL);
}

/*
 * R-001-A2-2.4 001 附件2 二(四) 5年内不得享受农机购置补贴: the ban's length is
 * the year's ban_years: 3 years by default, 5 once the year says 5.
 */
static void
ban_length_follows_ban_years(void **state)
{
	char until[32];

	(void)state;
	known_buyer(ID_A, "张三");
	known_buyer(ID_B, "李四");
	fx_ok("admin", "buyer.ban", "id_no=" ID_A, "facts=虚假发票骗取补贴",
	    "found_on=2026-03-02", NULL);
	banned_until(until, sizeof until, "张三");
	assert_string_equal(until, "2029-03-01");
	assert_non_null(strstr(fx_outbuf, "3 年内不得享受农机购置补贴"));
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'buyer.ban'", NULL), 1);
	fx_refused("该购机者因违规被禁止申请补贴", "xg_zhen", "application.new",
	    "buyer_type=person", "buyer_name=张三", "id_no=" ID_A,
	    "township=640122100", "item=1.1.3", "tier=03", "qty=1", NULL);
	/* Jiangsu: 5 years */
	fx_ok("admin", "program.set", "year=2026", "ban_years=5", NULL);
	fx_ok("admin", "buyer.ban", "id_no=" ID_B, "facts=倒卖补贴机具",
	    "found_on=2026-01-15", NULL);
	banned_until(until, sizeof until, "李四");
	assert_string_equal(until, "2031-01-14");
	/* a second, longer ban of 张三 replaces the shorter */
	fx_ok("admin", "buyer.ban", "id_no=" ID_A, "facts=再次违规", NULL);
	banned_until(until, sizeof until, "张三");
	assert_string_equal(until, "2031-03-01");
	/* the year of the finding gives the length: 2025 keeps 3 */
	known_buyer(ID_C, "王五");
	fx_ok("admin", "buyer.ban", "id_no=" ID_C, "facts=虚假资料",
	    "found_on=2025-12-31", NULL);
	banned_until(until, sizeof until, "王五");
	assert_string_equal(until, "2028-12-30");
}

/* R-001-A2-2.4: refusals of buyer.ban, nothing written. */
static void
ban_refusals(void **state)
{
	(void)state;
	known_buyer(ID_A, "张三");
	fx_refused("本县（乡镇）没有此证件号码的购机者", "admin", "buyer.ban",
	    "id_no=" ID_B, "facts=虚假资料", NULL);
	fx_refused("查实日期不能晚于今天", "admin", "buyer.ban", "id_no=" ID_A,
	    "facts=虚假资料", "found_on=2026-03-03", NULL);
	fx_refused("", "hl_jb", "buyer.ban", "id_no=" ID_A, "facts=虚假资料",
	    NULL);
	fx_ok("admin", "buyer.ban", "id_no=" ID_A, "facts=虚假资料", NULL);
	fx_refused("该购机者已被禁止申请补贴至 2029-03-01", "admin",
	    "buyer.ban", "id_no=" ID_A, "facts=同一事实", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(ban_length_follows_ban_years),
		FX_TEST(ban_refusals),
	};

	return FX_RUN(tests);
}
