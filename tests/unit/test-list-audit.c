/*
 * test-list-audit.c: the audit log for the auditor and the admin (issue
 * 13 item 4; list-audit.c, the record kind audit of action-record.c):
 * the search as typed (terms, a day, one word), each term finding its
 * rows newest first, the roles refused (a county clerk, a dealer,
 * finance, the city), an audit row's view with its detail in full, the
 * chain's state at the head of the screen, and 查询日志化 of the lists:
 * the console's page of private data in clear is logged naming the
 * columns, a masked page is not (R-001-A1-16c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "lists.h"
#include "record.h"

/* One audit row as login did it, in its own transaction. */
static void
logged(const char *login, const char *action, const char *record,
    const char *detail)
{
	struct actor	who;
	char		msg[NJ_MSG_MAX];

	assert_int_equal(actor_load(login, &who, msg, sizeof msg), 0);
	assert_int_equal(store_begin(), 0);
	assert_int_equal(audit_write(&who, action, record, detail), NJ_OK);
	assert_int_equal(store_commit(), 0);
}

/* A page of audit_log as login for filter; its return code. */
static int
page_as(const char *login, const char *filter, struct list_page *p)
{
	struct actor	who;
	char		msg[NJ_MSG_MAX];

	assert_int_equal(actor_load(login, &who, msg, sizeof msg), 0);
	return list_fetch(&who, "audit_log", filter, NULL, 0, 50, p, msg,
	    sizeof msg);
}

/* The column labelled label of row r. */
static const char *
cell(const struct list_page *p, size_t r, const char *label)
{
	size_t c;

	for (c = 0; c < p->ncols; c++)
		if (strcmp(list_col_label(p->def, c), label) == 0)
			return list_cellv(p, r, c);
	fail_msg("no column %s", label);
	return NULL;
}

/* Every row of p has column label equal to want; how many rows. */
static size_t
all_are(const struct list_page *p, const char *label, const char *want)
{
	size_t r;

	for (r = 0; r < p->nrows; r++)
		assert_string_equal(cell(p, r, label), want);
	return p->nrows;
}

static void
search_parses_terms(void **state)
{
	struct audit_search	s;
	char			msg[NJ_MSG_MAX];

	(void)state;
	assert_int_equal(audit_search_parse("user=hl_jb 操作：print "
	    "记录=XS1 from=2026-03-01 至=2026-03-31 地区:640122", &s, msg,
	    sizeof msg), NJ_OK);
	assert_string_equal(s.login, "hl_jb");
	assert_string_equal(s.action, "print");
	assert_string_equal(s.record, "XS1");
	assert_string_equal(s.from, "2026-03-01");
	assert_string_equal(s.to, "2026-03-31");
	assert_string_equal(s.region, "640122");
	assert_int_equal(audit_search_parse(" 2026-03-02  admin ", &s, msg,
	    sizeof msg), NJ_OK);
	assert_string_equal(s.from, "2026-03-02");
	assert_string_equal(s.to, "2026-03-02");
	assert_string_equal(s.word, "admin");
	assert_int_equal(audit_search_parse("", &s, msg, sizeof msg), NJ_OK);
	assert_int_equal(audit_search_parse("admin hl_jb", &s, msg,
	    sizeof msg), NJ_REFUSED);
	assert_int_equal(audit_search_parse("who=admin", &s, msg, sizeof msg),
	    NJ_REFUSED);
	assert_non_null(strstr(msg, "未知的查询条件：who"));
	assert_int_equal(audit_search_parse("from=2026-02-30", &s, msg,
	    sizeof msg), NJ_REFUSED);
	assert_non_null(strstr(msg, "YYYY-MM-DD"));
}

/* Each term finds its rows, newest first; the terms narrow each other. */
static void
search_finds_rows(void **state)
{
	struct list_page	p;
	size_t			r;

	(void)state;
	logged("hl_jb", "application.new", "SQ640122202600901", "x=1");
	logged("xg_zhen", "print", "preview", "report=application");
	logged("yn_jb", "print", "stdout", "report=notice");
	logged("hl_jb", "read", "17", "view=buyer");
	assert_int_equal(page_as("jjjc", "", &p), NJ_OK);
	assert_true(p.nrows > 4);
	for (r = 1; r < p.nrows; r++)
		assert_true(atoll(cell(&p, r - 1, "序号")) >
		    atoll(cell(&p, r, "序号")));
	assert_string_equal(cell(&p, 0, "操作"), "read");
	list_page_free(&p);
	assert_int_equal(page_as("admin", "用户=hl_jb", &p), NJ_OK);
	assert_int_equal(all_are(&p, "用户", "hl_jb"), 2);
	assert_string_equal(cell(&p, 1, "操作"), "application.new");
	list_page_free(&p);
	/* one word: the login, or a record of that key (user.add hl_jb) */
	assert_int_equal(page_as("jjjc", "hl_jb", &p), NJ_OK);
	assert_true(p.nrows >= 2);
	for (r = 0; r < p.nrows; r++)
		assert_true(strcmp(cell(&p, r, "用户"), "hl_jb") == 0 ||
		    strcmp(cell(&p, r, "记录"), "hl_jb") == 0);
	list_page_free(&p);
	assert_int_equal(page_as("jjjc", "操作=print", &p), NJ_OK);
	assert_int_equal(all_are(&p, "操作", "print"), 2);
	list_page_free(&p);
	assert_int_equal(page_as("jjjc", "action=application.", &p), NJ_OK);
	assert_true(all_are(&p, "操作", "application.new") >= 1);
	list_page_free(&p);
	assert_int_equal(page_as("jjjc", "SQ640122202600901", &p), NJ_OK);
	assert_int_equal(all_are(&p, "记录", "SQ640122202600901"), 1);
	list_page_free(&p);
	/* a county finds its own and its townships' users, not others' */
	assert_int_equal(page_as("jjjc", "地区=640122 操作=print", &p), NJ_OK);
	assert_int_equal(all_are(&p, "用户", "xg_zhen"), 1);
	list_page_free(&p);
	assert_int_equal(page_as("jjjc", "region=640121 action=print", &p),
	    NJ_OK);
	assert_int_equal(all_are(&p, "用户", "yn_jb"), 1);
	list_page_free(&p);
	/* the day of the fixture's clock, and the day before it */
	assert_int_equal(page_as("jjjc", "2026-03-02 user=yn_jb", &p), NJ_OK);
	assert_int_equal(p.nrows, 1);
	list_page_free(&p);
	assert_int_equal(page_as("jjjc", "至=2026-03-01 user=yn_jb", &p),
	    NJ_OK);
	assert_int_equal(p.nrows, 0);
	list_page_free(&p);
	assert_int_equal(page_as("jjjc", "从=2026-03-02", &p), NJ_OK);
	assert_true(p.nrows >= 4);
	list_page_free(&p);
	assert_int_equal(page_as("jjjc", "who=x", &p), NJ_REFUSED);
	/* the search is bound, never SQL: a quote finds nothing */
	assert_int_equal(page_as("jjjc", "user=x'OR'1'='1", &p), NJ_OK);
	assert_int_equal(p.nrows, 0);
	list_page_free(&p);
	assert_int_equal(page_as("jjjc", "x'OR'1'--", &p), NJ_OK);
	assert_int_equal(p.nrows, 0);
	list_page_free(&p);
}

/*
 * Attackers: a county clerk, a township clerk, a dealer, finance and the
 * city may neither list the log nor open a row of it; nothing written.
 */
static void
others_refused(void **state)
{
	static const char *const who[] = { "hl_jb", "xg_zhen", "fs_dealer",
	    "hl_cz", "yc_city", "ss_maker" };
	struct list_page	p;
	struct record		r;
	struct actor		a;
	char			msg[NJ_MSG_MAX];
	uint64_t		before = fx_snapshot();
	size_t			i;

	(void)state;
	for (i = 0; i < sizeof who / sizeof who[0]; i++) {
		assert_int_equal(page_as(who[i], "", &p), NJ_REFUSED);
		assert_int_equal(p.nrows, 0);
		assert_int_equal(actor_load(who[i], &a, msg, sizeof msg), 0);
		assert_int_equal(record_open(&a, "audit", "1", &r, msg,
		    sizeof msg), NJ_REFUSED);
		assert_int_equal(r.nfields, 0);
	}
	assert_true(fx_snapshot() == before);
}

/* Enter on a row: every field, the detail in full over several lines. */
static void
audit_row_view(void **state)
{
	struct actor	a;
	struct record	r;
	char		msg[NJ_MSG_MAX], id[32], detail[1024], joined[1024] = "";
	size_t		i;
	int		n;

	(void)state;
	for (i = 0, n = 0; i < 30; i++)
		n += snprintf(detail + n, sizeof detail - (size_t)n,
		    "%sfield%zu=value%zu", i ? " " : "", i, i);
	logged("hl_sh", "application.approve", "SQ640122202600902", detail);
	q_text(id, sizeof id, "SELECT max(id) FROM audit", NULL);
	assert_int_equal(actor_load("jjjc", &a, msg, sizeof msg), 0);
	assert_int_equal(record_open(&a, "audit", id, &r, msg, sizeof msg),
	    NJ_OK);
	assert_string_equal(r.kind_title, "审计日志");
	assert_string_equal(r.fields[0].value, id);
	assert_string_equal(r.fields[2].value, "hl_sh");
	assert_string_equal(r.fields[3].value, "application.approve");
	assert_string_equal(r.fields[4].value, "SQ640122202600902");
	assert_true(r.nfields > 9);
	for (i = 8; i < r.nfields; i++) {
		assert_string_equal(r.fields[i].label, "详情");
		assert_true(strlen(r.fields[i].value) <= 60);
		snprintf(joined + strlen(joined), sizeof joined -
		    strlen(joined), "%s%s", i > 8 ? " " : "",
		    r.fields[i].value);
	}
	assert_string_equal(joined, detail);
	record_free(&r);
	assert_int_equal(actor_load("admin", &a, msg, sizeof msg), 0);
	assert_int_equal(record_open(&a, "audit", "999999", &r, msg,
	    sizeof msg), NJ_REFUSED);
}

/* The head of the screen: the chain holds, then where it broke. */
static void
chain_headline(void **state)
{
	char	line[NJ_MSG_MAX], want[64];

	(void)state;
	list_headline(&list_audit_log, line, sizeof line);
	snprintf(want, sizeof want, "审计链完整（%lld 条）",
	    (long long)fx_int("SELECT count(*) FROM audit", NULL));
	assert_string_equal(line, want);
	q_run("UPDATE audit SET detail = 'changed' WHERE id = 3", NULL);
	list_headline(&list_audit_log, line, sizeof line);
	assert_non_null(strstr(line, "审计链断裂"));
	assert_non_null(strstr(line, "第 3 条"));
	/* other lists have no head line */
	list_headline(&list_buyers, line, sizeof line);
	assert_string_equal(line, "");
}

/*
 * R-001-A1-16c 001 查询日志化: the console's page of the buyers in clear
 * (`njbt list buyers` at the server) is one read.private row naming the
 * columns; a county clerk's masked page of the same list is none.
 */
static void
list_reads_logged(void **state)
{
	struct actor		a;
	struct list_page	p;
	char			msg[NJ_MSG_MAX];
	int64_t			n;

	(void)state;
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=640122198001011238",
	    "township=640122100", "item=1.1.3", "tier=03", "qty=1",
	    "bank_name=黄河农村商业银行", "bank_account=6228480402564890018",
	    NULL);
	n = fx_int("SELECT count(*) FROM audit", NULL);
	assert_int_equal(actor_load("hl_jb", &a, msg, sizeof msg), 0);
	assert_int_equal(list_fetch(&a, "buyers", "", NULL, 0, 20, &p, msg,
	    sizeof msg), NJ_OK);
	list_page_free(&p);
	assert_int_equal(fx_int("SELECT count(*) FROM audit", NULL), n);
	actor_console(&a);
	assert_int_equal(list_fetch(&a, "buyers", "", NULL, 0, 20, &p, msg,
	    sizeof msg), NJ_OK);
	assert_true(p.nrows > 0);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE "
	    "action = 'read.private' AND record = 'buyers' AND "
	    "login LIKE 'console:%' AND detail LIKE '%fields=证件号,"
	    "联系电话,账号'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit", NULL), n + 1);
	list_page_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(search_parses_terms),
		FX_TEST(search_finds_rows),
		FX_TEST(others_refused),
		FX_TEST(audit_row_view),
		FX_TEST(chain_headline),
		FX_TEST(list_reads_logged),
	};

	return FX_RUN(tests);
}
