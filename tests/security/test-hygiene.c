/*
 * test-hygiene.c: the attacks of issue 8's hygiene part, each written as
 * the attack (it got through before the fix):
 *   - R-SEC-8.9: two windows of one user on one form shared one draft (the
 *     second was filled in silently); a save left its draft behind when
 *     the removal failed after the commit;
 *   - R-SEC-8.11a: control characters (C0, DEL, C1, bidi overrides) went
 *     into texts through actions and through every kind of import;
 *   - R-SEC-8.11b: names of nothing but spaces (U+3000 and the like);
 *   - R-SEC-8.11c: amounts whose sums overflow (a budget of 10^18 fen),
 *     prices of 0.5 元 or a billion;
 *   - R-SEC-8.11d: buyers not yet born enough, or 150 years old;
 *   - R-SEC-8.12a: a township clerk listed the whole county's sales.
 *
 * Demo facts used: township clerks xg_zhen (640122100 习岗镇) and jg_zhen
 * (640122101 金贵镇) of 贺兰县 (640122), its county clerks hl_jb and hl_sh,
 * dealer fs_dealer holding XG26A001 and XG26A002 (item 1.1.3, tier 03).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#define ID_A	"640122198001011238"
#define ID_B	"640122197512034568"

/* application.new of a person by xg_zhen, with the buyer's name given. */
#define APP_NEW(name) "buyer_type=person", kv("buyer_name", name), \
	"id_no=" ID_A, "township=640122100", "item=1.1.3", "tier=03", "qty=1"

static char	imp_msg[NJ_MSG_MAX];

/* Import text of kind as the console; its message in imp_msg. */
static int
imp(const char *kind, const char *text)
{
	struct actor	who;
	int		rows;

	actor_console(&who);
	imp_msg[0] = '\0';
	return import_text(&who, kind, "attack.csv", text, strlen(text), 2026,
	    &rows, imp_msg, sizeof imp_msg);
}

/* The file is refused with want in the message, and nothing is stored. */
#define imp_refused(want, kind, text) do {				\
	uint64_t imp_before_ = fx_snapshot();				\
	int imp_rc_ = imp(kind, text);					\
	if (imp_rc_ != NJ_REFUSED || strstr(imp_msg, want) == NULL)	\
		fprintf(stderr, "%s:%d: rc %d, \"%s\", wanted \"%s\"\n",	\
		    __FILE__, __LINE__, imp_rc_, imp_msg, want);	\
	assert_int_equal(imp_rc_, NJ_REFUSED);				\
	assert_non_null(strstr(imp_msg, want));				\
	assert_true(fx_snapshot() == imp_before_);			\
} while (0)

/* --- R-SEC-8.11a: control characters ------------------------------------ */

/* Every control character, as UTF-8, into buf: C0 but NUL, DEL, C1. */
static int
controls(char out[][8])
{
	int	n = 0, c;

	for (c = 0x01; c <= 0x1F; c++)
		snprintf(out[n++], 8, "%c", c);
	snprintf(out[n++], 8, "\x7f");
	for (c = 0x80; c <= 0x9F; c++)
		snprintf(out[n++], 8, "\xc2%c", c);
	/* the bidi override that turns "张三" round on a printed sheet */
	snprintf(out[n++], 8, "\xe2\x80\xae");
	snprintf(out[n++], 8, "\xe2\x80\xa8");	/* line separator */
	return n;
}

/* R-SEC-8.11a issue 8 (11): every class, in a name typed by a clerk. */
static void
action_text_refuses_every_control(void **state)
{
	char	c[80][8], name[32];
	int	i, n = controls(c);

	(void)state;
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof name, "张%s三", c[i]);
		fx_refused("控制字符", "xg_zhen", "application.new",
		    APP_NEW(name), NULL);
		assert_string_equal(fx_field, "buyer_name");
	}
	/* the same name, clean, is taken */
	fx_ok("xg_zhen", "application.new", APP_NEW("张三"), NULL);
}

/* R-SEC-8.11a: a list of lines takes newlines, nothing else of C0/C1. */
static void
action_lines_take_newline_only(void **state)
{
	const struct action	*def = action_find("supply.bulk");
	char			 msg[NJ_MSG_MAX];
	int			 i = action_field_index(def, "serials");

	(void)state;
	assert_true(i >= 0);
	assert_int_equal(action_check_field(def, i, "XG1\nXG2", NULL, NULL,
	    msg, sizeof msg), NJ_OK);
	assert_int_equal(action_check_field(def, i, "XG1\tXG2", NULL, NULL,
	    msg, sizeof msg), NJ_REFUSED);
	assert_int_equal(action_check_field(def, i, "XG1\xc2\x85XG2", NULL,
	    NULL, msg, sizeof msg), NJ_REFUSED);
	assert_non_null(strstr(msg, "控制字符"));
	/* a password, too, is a text */
	fx_refused("控制字符", "xg_zhen", "user.passwd", "login=xg_zhen",
	    "old_password=njbt-demo", "password=new-pass\x1b[2J", NULL);
}

/* R-SEC-8.11a: each kind of import, the same check as the actions. */
static void
import_refuses_controls_in_every_kind(void **state)
{
	(void)state;
	imp_refused("第 2 行第 2 列（name）：含有控制字符", "regions",
	    "code,name,level,parent\n640122201,新城\x1b[31m乡,township,"
	    "640122\n");
	imp_refused("（item_name）：含有控制字符", "catalog",
	    "class_code,class_name,subclass_code,subclass_name,item_code,"
	    "item_name\n1,耕整地机械,1.1,耕地机械,1.1.9,犁\xc2\x9b机\n");
	imp_refused("（county_name）：含有控制字符", "budget",
	    "county_code,county_name,central_wan\n640122,贺兰\x7f县,1\n");
	imp_refused("（name）：含有控制字符", "users",
	    "login,name,role,region,org,password\nnew_user,王\x08五,"
	    "township,640122100,,pass-word-1\n");
	imp_refused("（name）：含有控制字符", "holidays",
	    "day,kind,name\n2026-10-01,holiday,国庆\xe2\x80\xae节\n");
	/* a tab in a note, a cell over two lines: C0 too */
	imp_refused("（note）：含有控制字符", "catalog",
	    "class_code,class_name,subclass_code,subclass_name,item_code,"
	    "item_name,note\n1,耕整地机械,1.1,耕地机械,1.1.9,犁,\"a\tb\"\n");
	/* R-SEC-8.11a: an unknown column's name is not echoed raw */
	imp_refused("第 1 行第 2 列：列名含有控制字符", "regions",
	    "code,\x1b]0;pwned\x07name,level,parent\n");
	assert_null(strchr(imp_msg, '\x1b'));
}

/* --- R-SEC-8.11b: names of spaces only ------------------------------------ */

static void
names_of_spaces_refused(void **state)
{
	static const char *const blanks[] = {
		"\xe3\x80\x80",			/* U+3000 ideographic space */
		"\xe3\x80\x80\xe3\x80\x80\xe3\x80\x80",
		"\xc2\xa0",			/* no-break space */
		"\xe2\x80\x83\xe2\x80\x8b",	/* em space, zero width */
		"\xe3\x80\x80 \xef\xbb\xbf",
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof blanks / sizeof blanks[0]; i++) {
		fx_refused("不能只含空格", "xg_zhen", "application.new",
		    APP_NEW(blanks[i]), NULL);
		assert_string_equal(fx_field, "buyer_name");
	}
	fx_refused("不能只含空格", "ss_maker", "product.add",
	    "model=\xe3\x80\x80", "name=拖拉机", "item=1.1.3", "tier=03",
	    NULL);
	imp_refused("（name）：不能只含空格", "regions",
	    "code,name,level,parent\n640122201,\xe3\x80\x80\xe3\x80\x80,"
	    "township,640122\n");
	imp_refused("（item_name）：不能只含空格", "catalog",
	    "class_code,class_name,subclass_code,subclass_name,item_code,"
	    "item_name\n1,耕整地机械,1.1,耕地机械,1.1.9,\xc2\xa0\n");
	/* a name with a space inside is a name */
	fx_ok("xg_zhen", "application.new", APP_NEW("阿依\xe3\x80\x80古丽"),
	    NULL);
}

/* R-SEC-8.11: lengths in imports are those of the actions. */
static void
import_lengths_bounded(void **state)
{
	char	text[1024], name[400];
	int	i;

	(void)state;
	name[0] = '\0';
	for (i = 0; i < TEXT_NAME_MAX + 1; i++)
		strcat(name, "乡");
	snprintf(text, sizeof text, "code,name,level,parent\n640122201,%s,"
	    "township,640122\n", name);
	imp_refused("（name）：不能超过 60 个字", "regions", text);
}

/* --- R-SEC-8.11c: amounts ------------------------------------------------- */

/* The attack: a budget of 10^18 fen overflowed the budget sheet's total. */
static void
budget_overflow_refused(void **state)
{
	(void)state;
	imp_refused("（central_wan）：金额“1000000000000”", "budget",
	    "county_code,central_wan\n640122,1000000000000\n");
	imp_refused("（provincial_wan）：金额“1000001”万元过大", "budget",
	    "county_code,central_wan,provincial_wan\n640122,1000000,"
	    "1000001\n");
	/* 100 亿元 a line still goes in */
	assert_int_equal(imp("budget", "county_code,central_wan\n640122,"
	    "1000000\n"), NJ_OK);
	assert_int_equal(fx_int("SELECT central FROM budgets WHERE year = 2026 "
	    "AND region = '640122'", NULL), MONEY_AMOUNT_MAX);
	/* a catalogue amount as well */
	imp_refused("（subsidy）：金额“10000000001”过大", "catalog",
	    "class_code,class_name,subclass_code,subclass_name,item_code,"
	    "item_name,tier_code,tier_name,subsidy\n1,耕整地机械,1.1,耕地机械,"
	    "1.1.9,犁,01,一档,10000000001\n");
}

/* Money fields of actions: at most 100 亿元; a price 1 元 to 1000 万元. */
static void
money_fields_bounded(void **state)
{
	char	notice[NJ_KEY_MAX];

	(void)state;
	fx_refused("不能超过 100 亿元", "admin", "program.set", "year=2026",
	    "key_threshold=10000000000.01", NULL);
	fx_ok("xg_zhen", "application.new", APP_NEW("张三"), NULL);
	snprintf(notice, sizeof notice, "%s", fx_key);
	fx_ok("xg_zhen", "application.submit", kv("application", notice), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", notice), NULL);
	snprintf(notice, sizeof notice, "%s", fx_key);
	fx_refused("销售价格（元）：应在 1 元至 10000000 元之间", "fs_dealer",
	    "sale.new", kv("notice", notice), "id_no=" ID_A,
	    "serial=XG26A001", "price=0.50", "sold_on=2026-03-02",
	    "invoice_no=FP1", NULL);
	fx_refused("销售价格（元）：应在 1 元至 10000000 元之间", "fs_dealer",
	    "sale.new", kv("notice", notice), "id_no=" ID_A,
	    "serial=XG26A001", "price=10000000.01", "sold_on=2026-03-02",
	    "invoice_no=FP1", NULL);
	fx_ok("fs_dealer", "sale.new", kv("notice", notice), "id_no=" ID_A,
	    "serial=XG26A001", "price=12000", "sold_on=2026-03-02",
	    "invoice_no=FP1", NULL);
}

/* --- R-SEC-8.11d: ages ---------------------------------------------------- */

static void
buyer_age_plausible(void **state)
{
	const struct action	*def = action_find("application.new");
	int			 i = action_field_index(def, "id_no");
	char			 id[20], msg[NJ_MSG_MAX];

	(void)state;
	make_id(id, "640122", "20150101", 11);		/* 11 years old */
	fx_refused("购机者应年满 16 周岁", "xg_zhen", "application.new",
	    "buyer_type=person", "buyer_name=小明", kv("id_no", id),
	    "township=640122100", "item=1.1.3", "tier=03", "qty=1", NULL);
	make_id(id, "640122", "19000101", 12);		/* 126 years old */
	fx_refused("年龄超过 120 岁", "xg_zhen", "application.new",
	    "buyer_type=person", "buyer_name=老寿星", kv("id_no", id),
	    "township=640122100", "item=1.1.3", "tier=03", "qty=1", NULL);
	/* 16 today (FX_NOW 2026-03-02), and 120 the day before 121 */
	make_id(id, "640122", "20100302", 13);
	assert_int_equal(action_check_field(def, i, id, NULL, NULL, msg,
	    sizeof msg), NJ_OK);
	make_id(id, "640122", "20100303", 14);
	assert_int_equal(action_check_field(def, i, id, NULL, NULL, msg,
	    sizeof msg), NJ_REFUSED);
	make_id(id, "640122", "19050303", 15);
	assert_int_equal(action_check_field(def, i, id, NULL, NULL, msg,
	    sizeof msg), NJ_OK);
	make_id(id, "640122", "19050302", 16);
	assert_int_equal(action_check_field(def, i, id, NULL, NULL, msg,
	    sizeof msg), NJ_REFUSED);
	/* born in the future: refused as before */
	make_id(id, "640122", "20270101", 17);
	assert_int_equal(action_check_field(def, i, id, NULL, NULL, msg,
	    sizeof msg), NJ_REFUSED);
}

/* --- R-SEC-8.12a: the township's sales list ------------------------------- */

/* A sale by fs_dealer on an application of township's clerk. */
static void
sale_of(const char *clerk, const char *township, const char *id,
    const char *name, const char *serial, const char *invoice)
{
	char no[NJ_KEY_MAX];

	fx_ok(clerk, "application.new", "buyer_type=person",
	    kv("buyer_name", name), kv("id_no", id), kv("township", township),
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	snprintf(no, sizeof no, "%s", fx_key);
	fx_ok(clerk, "application.submit", kv("application", no), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	snprintf(no, sizeof no, "%s", fx_key);
	fx_ok("fs_dealer", "sale.new", kv("notice", no), kv("id_no", id),
	    kv("serial", serial), "price=12000", "sold_on=2026-03-02",
	    kv("invoice_no", invoice), NULL);
}

/* The buyers' names of login's `sales` list, joined by ",". */
static void
sales_seen(const char *login, char *out, size_t len)
{
	struct actor		who;
	struct list_page	p;
	char			msg[NJ_MSG_MAX];
	size_t			r;

	out[0] = '\0';
	assert_int_equal(actor_load(login, &who, msg, sizeof msg), 0);
	assert_int_equal(list_fetch(&who, "sales", "", NULL, 0, 50, &p, msg,
	    sizeof msg), NJ_OK);
	for (r = 0; r < p.nrows; r++)
		snprintf(out + strlen(out), len - strlen(out), "%s%s",
		    r ? "," : "", list_cellv(&p, r, 1));
	list_page_free(&p);
}

/* R-SEC-8.12a issue 8 (12): 习岗镇's clerk saw 金贵镇's sales. */
static void
township_sales_list_in_scope(void **state)
{
	char seen[512];

	(void)state;
	sale_of("xg_zhen", "640122100", ID_A, "张三", "XG26A001", "FP1");
	sale_of("jg_zhen", "640122101", ID_B, "李四", "XG26A002", "FP2");
	sales_seen("xg_zhen", seen, sizeof seen);
	assert_string_equal(seen, "张三");
	sales_seen("jg_zhen", seen, sizeof seen);
	assert_string_equal(seen, "李四");
	sales_seen("hl_jb", seen, sizeof seen);
	assert_string_equal(seen, "李四,张三");
	sales_seen("yc_city", seen, sizeof seen);
	assert_string_equal(seen, "李四,张三");
	sales_seen("yn_jb", seen, sizeof seen);
	assert_string_equal(seen, "");
}

/* --- R-SEC-8.9: one draft per window -------------------------------------- */

static void
who_is(const char *login, struct actor *who)
{
	char msg[NJ_MSG_MAX];

	assert_int_equal(actor_load(login, who, msg, sizeof msg), 0);
}

/*
 * R-SEC-8.9 issue 8 (9): window B of the same user does not get window
 * A's draft filled in; it is offered, and once taken by B no other window
 * (A's or a third) can take it again.
 */
static void
two_windows_never_share_a_draft(void **state)
{
	struct actor		who;
	struct draft_info	d;
	char			a[DRAFT_WIN_LEN], b[DRAFT_WIN_LEN];
	char			c[DRAFT_WIN_LEN], *v;

	(void)state;
	who_is("xg_zhen", &who);
	draft_window_new(a, sizeof a);
	draft_window_new(b, sizeof b);
	draft_window_new(c, sizeof c);
	assert_string_not_equal(a, b);
	assert_int_equal(draft_save(&who, "application.new", a,
	    "buyer_name=马小兵\n"), NJ_OK);
	/* B's form opens empty: A's draft is not B's */
	assert_null(draft_load(&who, "application.new", b));
	/* it is offered, with when it was saved */
	assert_true(draft_other(&who, "application.new", b, &d));
	assert_string_equal(d.win, a);
	assert_string_equal(d.form, "application.new");
	assert_true(d.at[0] != '\0');
	/* B and C are both offered it; B takes it first */
	assert_true(draft_other(&who, "application.new", c, &d));
	assert_int_equal(draft_take(&who, "application.new", a, b), NJ_OK);
	assert_int_equal(draft_take(&who, "application.new", a, c),
	    NJ_REFUSED);
	v = draft_load(&who, "application.new", b);
	assert_non_null(v);
	assert_string_equal(v, "buyer_name=马小兵\n");
	free(v);
	assert_null(draft_load(&who, "application.new", a));
	assert_null(draft_load(&who, "application.new", c));
	/* A typing again keeps a draft of its own, B's stays B's */
	assert_int_equal(draft_save(&who, "application.new", a,
	    "buyer_name=王五\n"), NJ_OK);
	v = draft_load(&who, "application.new", b);
	assert_string_equal(v, "buyer_name=马小兵\n");
	free(v);
	assert_int_equal(fx_int("SELECT count(*) FROM drafts", NULL), 2);
	/* another user is offered nothing of these */
	who_is("jg_zhen", &who);
	assert_false(draft_other(&who, "application.new", c, &d));
}

/* Run application.new with APP_NEW("张三") as who, saved from window win. */
static int
save_from(const struct actor *who, const char *win, char *err, size_t len)
{
	static const char *const names[] = { "buyer_type", "buyer_name",
	    "id_no", "township", "item", "tier", "qty" };
	static const char *const values[] = { "person", "张三", ID_A,
	    "640122100", "1.1.3", "03", "1" };
	struct draft_ref	 d = { "application.new", win };
	struct act		*a = NULL;
	int			 rc;

	rc = action_run_draft(who, "application.new", 7, names, values, &d,
	    &a);
	snprintf(err, len, "%s", a->err);
	act_free(&a);
	return rc;
}

/*
 * R-SEC-8.9: the draft goes in the save's own transaction. Before, the
 * screen removed it in a transaction of its own after the commit: a crash
 * (or a failure) between the two left a saved form's draft to be saved a
 * second time. Here the removal is made to fail: the save must fail with
 * it, and nothing be stored.
 */
static void
draft_removed_in_the_save_transaction(void **state)
{
	struct actor	who;
	char		win[DRAFT_WIN_LEN], other[DRAFT_WIN_LEN];
	char		err[NJ_MSG_MAX];
	int64_t		apps;

	(void)state;
	who_is("xg_zhen", &who);
	draft_window_new(win, sizeof win);
	draft_window_new(other, sizeof other);
	assert_int_equal(draft_save(&who, "application.new", win,
	    "buyer_name=张三\n"), NJ_OK);
	assert_int_equal(draft_save(&who, "application.new", other,
	    "buyer_name=李四\n"), NJ_OK);
	apps = fx_int("SELECT count(*) FROM applications", NULL);

	/* the removal fails: the save is undone with it */
	q_exec("CREATE TEMP TRIGGER no_draft_delete BEFORE DELETE ON drafts "
	    "BEGIN SELECT RAISE(ABORT, 'draft removal failed'); END");
	assert_int_equal(save_from(&who, win, err, sizeof err), NJ_ERROR);
	assert_int_equal(fx_int("SELECT count(*) FROM applications", NULL),
	    apps);
	assert_int_equal(fx_int("SELECT count(*) FROM drafts", NULL), 2);
	q_exec("DROP TRIGGER no_draft_delete");

	/* saved: the draft of this window is gone in the same commit */
	assert_int_equal(save_from(&who, win, err, sizeof err), NJ_OK);
	assert_int_equal(fx_int("SELECT count(*) FROM applications", NULL),
	    apps + 1);
	assert_null(draft_load(&who, "application.new", win));
	/* the other window's draft is not this save's */
	assert_int_equal(fx_int("SELECT count(*) FROM drafts", NULL), 1);

	/* a refused save keeps the draft */
	assert_int_equal(draft_save(&who, "application.new", win,
	    "buyer_name=张三\n"), NJ_OK);
	fx_ok("admin", "program.set", "year=2026", "flow=buy-first", NULL);
	assert_int_equal(save_from(&who, win, err, sizeof err), NJ_REFUSED);
	assert_int_equal(fx_int("SELECT count(*) FROM drafts", NULL), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(action_text_refuses_every_control),
		FX_TEST(action_lines_take_newline_only),
		FX_TEST(import_refuses_controls_in_every_kind),
		FX_TEST(names_of_spaces_refused),
		FX_TEST(import_lengths_bounded),
		FX_TEST(budget_overflow_refused),
		FX_TEST(money_fields_bounded),
		FX_TEST(buyer_age_plausible),
		FX_TEST(township_sales_list_in_scope),
		FX_TEST(two_windows_never_share_a_draft),
		FX_TEST(draft_removed_in_the_save_transaction),
	};

	return FX_RUN(tests);
}
