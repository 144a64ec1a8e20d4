/*
 * test-action-dup.c: a second open application of one ID number for one
 * item is flagged, never refused (issue 10 item 9; action-dup.c), and
 * the county finds it in the list app_flags (申请异常情形).
 *
 * Demo facts used: township clerk xg_zhen (640122100), county clerks
 * hl_jb, hl_sh (640122) and yn_jb (640121); catalogue 2026 1.1.3/02 and
 * 1.1.3/03 (旋耕机), 2.5.2/01.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#define ID_A	"640122198001011238"
#define ID_B	"640122197512034568"

#define ZHANG_SAN \
	"buyer_type=person", "buyer_name=张三", "id_no=" ID_A, \
	"township=640122100"

/* The rows of a list as login sees it. */
static size_t
list_rows(const char *login, const char *list, char *first, size_t len)
{
	struct list_page	page;
	struct actor		who;
	char			msg[NJ_MSG_MAX];
	size_t			n;

	assert_int_equal(actor_load(login, &who, msg, sizeof msg), 0);
	memset(&page, 0, sizeof page);
	assert_int_equal(list_fetch(&who, list, "", "", 0, 50, &page, msg,
	    sizeof msg), NJ_OK);
	n = page.nrows;
	if (first != NULL && n > 0)
		snprintf(first, len, "%s %s", page.cells[0], page.cells[1]);
	list_page_free(&page);
	return n;
}

/*
 * R-002-A2-10.3b 002 附件2 第十条(三) 重复报补: 张三's second application for
 * 旋耕机 (another tier) while the first is open is stored and flagged;
 * another item, another person, or a first application closed, is not.
 */
static void
second_open_application_flagged(void **state)
{
	char first[NJ_KEY_MAX], second[NJ_KEY_MAX], row[512];

	(void)state;
	fx_ok("xg_zhen", "application.new", ZHANG_SAN, "item=1.1.3",
	    "tier=03", "qty=1", NULL);
	snprintf(first, sizeof first, "%s", fx_key);
	assert_int_equal(fx_int("SELECT count(*) FROM application_flags",
	    NULL), 0);
	/* another item, another person: no flag */
	fx_ok("xg_zhen", "application.new", ZHANG_SAN, "item=2.5.2",
	    "tier=01", "qty=1", NULL);
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=李四", "id_no=" ID_B, "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM application_flags",
	    NULL), 0);
	/* a refused second application leaves no flag either */
	fx_refused("数量至少为 1", "hl_jb", "application.new", ZHANG_SAN,
	    "item=1.1.3", "tier=02", "qty=0", NULL);
	/* the same ID number, the same item: stored, flagged, told */
	fx_ok("hl_jb", "application.new", ZHANG_SAN, "item=1.1.3", "tier=02",
	    "qty=1", NULL);
	snprintf(second, sizeof second, "%s", fx_key);
	assert_non_null(strstr(fx_outbuf, "同一身份证号已有未办结的品目 1.1.3 "
	    "申请"));
	assert_non_null(strstr(fx_outbuf, first));
	assert_int_equal(fx_int("SELECT count(*) FROM application_flags f "
	    "JOIN applications a ON a.id = f.app_id WHERE a.no = ?1 AND "
	    "f.kind = 'dup_open' AND instr(f.detail, ?2) > 0", second, first,
	    NULL), 1);
	/* the county's list shows it; another county's does not */
	assert_int_equal(list_rows("hl_sh", "app_flags", row, sizeof row), 1);
	assert_non_null(strstr(row, second));
	assert_non_null(strstr(row, "重复申请"));
	assert_int_equal(list_rows("yn_jb", "app_flags", NULL, 0), 0);
	/* both withdrawn or rejected: a new one is not flagged */
	fx_ok("hl_jb", "application.withdraw", kv("application", first),
	    "reason=放弃", NULL);
	fx_ok("hl_jb", "application.withdraw", kv("application", second),
	    "reason=放弃", NULL);
	fx_ok("xg_zhen", "application.new", ZHANG_SAN, "item=1.1.3",
	    "tier=03", "qty=1", NULL);
	assert_null(strstr(fx_outbuf, "同一身份证号"));
	assert_int_equal(fx_int("SELECT count(*) FROM application_flags",
	    NULL), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(second_open_application_flagged),
	};

	return FX_RUN(tests);
}
