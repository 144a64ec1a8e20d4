/*
 * test-action-record.c: the record view's read side (action-record.c,
 * issue 11 item 1) on settle.h's March journey: the fields a role sees,
 * private data masked as the lists mask it (and the clear view logged),
 * the state in words, related records both ways, the history from the
 * audit log with the actions' titles, the actions offered by role, post
 * and state, and refusals across counties, townships and dealers that
 * write nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "settle.h"
#include "record.h"
#include "state.h"

static struct record	rec;
static char		rec_msg[NJ_MSG_MAX];

/* Open kind/key as login into rec (freed first); the return code. */
static int
open_as(const char *login, const char *kind, const char *key)
{
	struct actor	who;
	char		copy[NJ_KEY_MAX];

	snprintf(copy, sizeof copy, "%s", key);	/* key may be rec's */
	key = copy;
	record_free(&rec);
	rec_msg[0] = '\0';
	assert_int_equal(actor_load(login, &who, rec_msg, sizeof rec_msg), 0);
	return record_open(&who, kind, key, &rec, rec_msg, sizeof rec_msg);
}

static const char *
field(const char *label)
{
	size_t i;

	for (i = 0; i < rec.nfields; i++)
		if (strcmp(rec.fields[i].label, label) == 0)
			return rec.fields[i].value;
	fail_msg("no field %s", label);
	return NULL;
}

static int
offers(const char *action)
{
	size_t i;

	for (i = 0; i < rec.nacts; i++)
		if (strcmp(rec.acts[i].action, action) == 0)
			return 1;
	return 0;
}

static const char *
link_to(const char *kind)
{
	size_t i;

	for (i = 0; i < rec.nlinks; i++)
		if (strcmp(rec.links[i].kind, kind) == 0)
			return rec.links[i].key;
	return NULL;
}

static int
has_event(const char *what, const char *who)
{
	size_t i;

	for (i = 0; i < rec.nevents; i++)
		if (strcmp(rec.events[i].what, what) == 0 &&
		    strstr(rec.events[i].who, who) != NULL)
			return 1;
	return 0;
}

static size_t
count_events(const char *what)
{
	size_t i, n = 0;

	for (i = 0; i < rec.nevents; i++)
		if (strcmp(rec.events[i].what, what) == 0)
			n++;
	return n;
}

static int
rec_teardown(void **state)
{
	record_free(&rec);
	return st_teardown(state);
}
#define REC_TEST(f) cmocka_unit_test_setup_teardown(f, fx_setup, rec_teardown)

/* An application submitted by xg_zhen for 张三; its number into app. */
static void
submitted(char *app)
{
	now("2026-03-02T09:30:00");
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=" ID1, "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", "bank_name=黄河农村商业银行",
	    "bank_account=" ACCT1, NULL);
	snprintf(app, NJ_KEY_MAX, "%s", fx_key);
	fx_ok("xg_zhen", "application.submit", kv("application", app), NULL);
}

/*
 * The approver sees what he decides: buyer, item, tier, amount, state;
 * approve and reject are offered to him, not to the handler; after the
 * approval the state reads approved, the notice is a related record, and
 * the history names who did what.
 */
static void
record_application(void **state)
{
	char		 app[NJ_KEY_MAX], notice[NJ_KEY_MAX];
	int64_t		 before;

	(void)state;
	submitted(app);
	before = fx_int("SELECT count(*) FROM audit", NULL);
	assert_int_equal(open_as("hl_sh", "application", app), NJ_OK);
	/*
	 * R-001-A1-16d 001 查询日志化: opening a record of a person is one
	 * "read" row naming its private fields, shown masked; nothing else
	 */
	assert_int_equal(fx_int("SELECT count(*) FROM audit", NULL),
	    (int64_t)before + 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'read' AND login = 'hl_sh' AND record = ?1 AND detail = "
	    "'view=application fields=证件号 private=masked'", app, NULL), 1);
	assert_string_equal(rec.key, app);
	assert_string_equal(field("购机者"), "张三");
	assert_string_equal(rec.name, "张三");
	assert_non_null(strstr(field("申购品目"), "1.1.3"));
	assert_non_null(strstr(field("分档与台数"), "03"));
	assert_non_null(strstr(field("分档与台数"), "×1"));
	assert_string_equal(field("补贴额"), "2800.00");
	/* R-SEC-8.5a: masked as the lists mask it */
	assert_string_equal(field("证件号"), "***1238");
	assert_string_equal(rec.state, state_long("application", "submitted"));
	assert_string_equal(rec.state_code, "submitted");
	/* R-SEC-8.6a: only an approver is offered the decision */
	assert_true(offers("application.approve"));
	assert_true(offers("application.reject"));
	assert_false(offers("application.submit"));
	assert_int_equal(open_as("hl_jb", "application", app), NJ_OK);
	assert_false(offers("application.approve"));
	assert_true(offers("application.withdraw"));
	/* the auditor reads it and may do nothing */
	assert_int_equal(open_as("jjjc", "application", app), NJ_OK);
	assert_int_equal(rec.nacts, 0);

	fx_ok("hl_sh", "application.approve", kv("application", app), NULL);
	snprintf(notice, sizeof notice, "%s", fx_key);
	assert_int_equal(open_as("hl_sh", "application", app), NJ_OK);
	assert_string_equal(rec.state, state_long("application", "approved"));
	assert_false(offers("application.approve"));
	assert_non_null(link_to("notice"));
	assert_non_null(link_to("buyer"));
	assert_true(has_event(action_find("application.new")->title,
	    "xg_zhen"));
	assert_true(has_event(action_find("application.submit")->title,
	    "xg_zhen"));
	assert_true(has_event(action_find("application.approve")->title,
	    "hl_sh"));
	/* and back: the notice leads to its application */
	assert_int_equal(open_as("hl_sh", "notice", link_to("notice")), NJ_OK);
	assert_string_equal(link_to("application"), app);
	assert_string_equal(rec.state, state_long("notice", "valid"));
	assert_true(offers("notice.handback"));
	assert_true(offers("application.withdraw"));
	assert_string_equal(rec.acts[1].key, app);
}

/*
 * The chain both ways: a sale leads to its application, notice, batch,
 * machine and buyer; the batch lists its sales; the batch's actions
 * follow its state and the user's role.
 */
static void
record_chain(void **state)
{
	size_t i, n = 0;

	(void)state;
	st_settle(ST_BATCHED, 0);
	assert_int_equal(open_as("hl_jb", "sale", st_xg1), NJ_OK);
	assert_non_null(link_to("application"));
	assert_non_null(link_to("notice"));
	assert_string_equal(link_to("batch"), BATCH);
	assert_string_equal(link_to("machine"), "XG26A001");
	assert_non_null(link_to("buyer"));
	assert_non_null(link_to("dealer"));
	assert_string_equal(field("出厂编号"), "XG26A001");
	assert_string_equal(field("补贴额"), "2800.00");
	assert_non_null(strstr(field("核验"), "核实通过"));
	assert_true(has_event(action_find("sale.new")->title, "fs_dealer"));
	assert_true(has_event(action_find("verify.pass")->title, "hl_jb"));
	/* in a batch: no verification any more; the review for an approver
	   only, with the sale's batch filled in too */
	assert_false(offers("verify.pass"));
	assert_false(offers("batch.review"));
	assert_int_equal(open_as("hl_sh", "sale", st_xg1), NJ_OK);
	assert_true(offers("batch.review"));
	for (i = 0; i < rec.nacts; i++)
		if (strcmp(rec.acts[i].action, "batch.review") == 0) {
			assert_string_equal(rec.acts[i].key, st_xg1);
			assert_string_equal(rec.acts[i].field2, "batch");
			assert_string_equal(rec.acts[i].value2, BATCH);
		}
	assert_int_equal(open_as("hl_jb", "sale", st_xg1), NJ_OK);
	/* its own history only: not that of a record whose key is the same
	   text (a buyer's id, another sale) */
	assert_int_equal(count_events(action_find("sale.new")->title), 1);
	assert_int_equal(open_as("hl_jb", "sale", st_xg2), NJ_OK);
	assert_int_equal(count_events(action_find("sale.new")->title), 1);
	assert_int_equal(count_events(action_find("verify.pass")->title), 1);

	assert_int_equal(open_as("hl_cz", "batch", BATCH), NJ_OK);
	for (i = 0; i < rec.nlinks; i++)
		if (strcmp(rec.links[i].kind, "sale") == 0)
			n++;
	assert_int_equal(n, 4);
	assert_string_equal(rec.state, state_long("batch", "open"));
	/* finance has nothing to do on a batch not yet sent to it */
	assert_int_equal(rec.nacts, 0);
	assert_int_equal(open_as("hl_jb", "batch", BATCH), NJ_OK);
	assert_true(offers("batch.publicize"));
	assert_false(offers("batch.submit"));
	assert_true(has_event(action_find("batch.new")->title, "hl_jb"));

	/* the machine and the buyer lead back to the sale */
	assert_int_equal(open_as("hl_jb", "machine", "XG26A001"), NJ_OK);
	assert_string_equal(link_to("sale"), st_xg1);
	assert_int_equal(open_as("hl_jb", "sale", st_xg1), NJ_OK);
	assert_int_equal(open_as("hl_jb", "buyer", link_to("buyer")), NJ_OK);
	assert_non_null(link_to("sale"));
}

/* Finance's actions follow the batch: sample and approve once it is sent. */
static void
record_finance_actions(void **state)
{
	(void)state;
	st_settle(ST_SUBMITTED, 0);
	assert_int_equal(open_as("hl_cz", "batch", BATCH), NJ_OK);
	assert_true(offers("finance.sample"));
	assert_true(offers("finance.approve"));
	assert_false(offers("finance.pay"));
	assert_false(offers("batch.submit"));
	/* the county has nothing more to do on it */
	assert_int_equal(open_as("hl_jb", "batch", BATCH), NJ_OK);
	assert_false(offers("batch.submit"));
	assert_false(offers("finance.approve"));
}

/*
 * R-SEC-8.12a issue 8 (12): a user opens only records in his scope. A
 * clerk of 640121 is refused a 640122 record, a township clerk another
 * township's application, a dealer a sale of another dealer; the
 * refusal names no data and writes nothing. The dealer opens his own.
 */
static void
record_refused_out_of_scope(void **state)
{
	char		 app[NJ_KEY_MAX];
	uint64_t	 before;
	int64_t		 reads;

	(void)state;
	st_settle(ST_VERIFIED, 0);
	q_text(app, sizeof app, "SELECT a.no FROM applications a JOIN sales s "
	    "ON s.app_id = a.id WHERE s.id = ?1", st_xg1, NULL);
	before = fx_snapshot();
	assert_int_equal(open_as("yn_jb", "application", app), NJ_REFUSED);
	assert_non_null(strstr(rec_msg, "不在您的管辖范围内"));
	assert_null(strstr(rec_msg, "张三"));
	assert_int_equal(rec.nfields, 0);
	assert_int_equal(open_as("yn_sh", "sale", st_xg1), NJ_REFUSED);
	assert_int_equal(open_as("yn_cz", "sale", st_xg1), NJ_REFUSED);
	assert_int_equal(open_as("jg_zhen", "application", app), NJ_REFUSED);
	assert_int_equal(open_as("js_dealer", "sale", st_xg1), NJ_REFUSED);
	assert_int_equal(open_as("js_dealer", "machine", "XG26A001"),
	    NJ_REFUSED);
	assert_int_equal(open_as("fs_dealer", "application", app), NJ_REFUSED);
	assert_non_null(strstr(rec_msg, "无权查看"));
	assert_int_equal(open_as("hl_jb", "sale", "999999"), NJ_REFUSED);
	assert_int_equal(open_as("hl_jb", "nosuchkind", "1"), NJ_REFUSED);
	assert_true(fx_snapshot() == before);
	reads = fx_int("SELECT count(*) FROM audit WHERE action = 'read'",
	    NULL);
	/* in scope: his own sale, masked; the township's own application */
	assert_int_equal(open_as("fs_dealer", "sale", st_xg1), NJ_OK);
	assert_string_equal(field("证件号"), "***1238");
	/* issue 12 item 4: only a photo (人机合照) for his own sale */
	assert_int_equal(rec.nacts, 1);
	assert_string_equal(rec.acts[0].action, "photo.attach");
	assert_int_equal(open_as("xg_zhen", "application", app), NJ_OK);
	assert_int_equal(open_as("yc_city", "sale", st_xg1), NJ_OK);
	/* users: the admin sees a county user's status and post in words */
	assert_int_equal(open_as("admin", "user", "hl_sh"), NJ_OK);
	assert_string_equal(rec.state, "正常");
	assert_string_equal(field("岗位"), "审核");
	assert_true(offers("user.lock"));
	assert_false(offers("user.unlock"));
	assert_int_equal(open_as("hl_jb", "user", "yn_jb"), NJ_REFUSED);
	/* R-001-A1-16d: the three records of a person opened are read rows */
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'read'", NULL), reads + 3);
}

/*
 * 001 查询日志化, R-SEC-8.2b: private data is masked in the view exactly
 * as in the lists (no screen role opens the sale or buyer lists' private
 * columns today, the province's admin included), so opening writes no
 * look-up row; the console alone sees them in clear, unlogged as in
 * list.c.
 */
static void
record_private_masked(void **state)
{
	struct actor	console;
	char		buyer[NJ_KEY_MAX];
	int64_t		logged;

	(void)state;
	st_settle(ST_SOLD, 0);
	logged = fx_int("SELECT count(*) FROM audit", NULL);
	assert_int_equal(open_as("hl_jb", "sale", st_xg1), NJ_OK);
	/* a sale not yet verified: verification is offered */
	assert_string_equal(rec.state_code, "recorded");
	assert_true(offers("verify.pass"));
	assert_true(offers("verify.fail"));
	assert_false(offers("return.refund"));
	snprintf(buyer, sizeof buyer, "%s", link_to("buyer"));
	assert_int_equal(open_as("hl_jb", "buyer", buyer), NJ_OK);
	assert_string_equal(field("证件号"), "***1238");
	assert_string_equal(field("账号"), "***0018");
	assert_int_equal(open_as("admin", "sale", st_xg1), NJ_OK);
	assert_string_equal(field("证件号"), "***1238");
	assert_int_equal(open_as("admin", "buyer", buyer), NJ_OK);
	assert_string_equal(field("账号"), "***0018");
	/* R-001-A1-16d: each opening of a record of a person is one row:
	 * two sales and two buyers, none of them in clear */
	assert_int_equal(fx_int("SELECT count(*) FROM audit", NULL),
	    logged + 4);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'read' AND record = ?1 AND detail = 'view=buyer fields=证件号,"
	    "联系电话,账号 private=masked'", buyer, NULL), 2);
	record_free(&rec);
	actor_console(&console);
	assert_int_equal(record_open(&console, "buyer", buyer, &rec, rec_msg,
	    sizeof rec_msg), NJ_OK);
	assert_string_equal(field("证件号"), ID1);
	assert_string_equal(field("账号"), ACCT1);
	/* the console's clear read is logged too, as such */
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'read' AND record = ?1 AND login LIKE 'console:%' AND detail = "
	    "'view=buyer fields=证件号,联系电话,账号 private=clear'", buyer,
	    NULL), 1);
	/* a record of no person (a batch, a user) is no private read */
	logged = fx_int("SELECT count(*) FROM audit", NULL);
	assert_int_equal(open_as("hl_jb", "user", "xg_zhen"), NJ_OK);
	assert_int_equal(fx_int("SELECT count(*) FROM audit", NULL), logged);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		REC_TEST(record_application),
		REC_TEST(record_chain),
		REC_TEST(record_finance_actions),
		REC_TEST(record_refused_out_of_scope),
		REC_TEST(record_private_masked),
	};

	return FX_RUN(tests);
}
