/*
 * test-form.c: the forms/ parser (njbt-forms(5)): the project's own forms
 * load without an error, and every kind of mistake in a form file is
 * refused with its file:line.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "form.h"

/* Parse text as file "t.form": the number of errors, err the messages. */
static int
parse(const char *text, char *err, size_t len, struct forms **out)
{
	struct forms	*f = forms_new();
	int		 n;

	err[0] = '\0';
	n = forms_parse(f, "t.form", text, strlen(text), err, len);
	if (n == 0)
		n = forms_resolve(f, err, len);
	if (out != NULL)
		*out = f;
	else
		forms_free(&f);
	return n;
}

static void
project_forms_load(void **state)
{
	struct forms	*f;
	char		 err[4096];

	(void)state;
	assert_int_equal(forms_load("forms", &f, err, sizeof err), 0);
	assert_non_null(forms_find(f, "supply.new"));
	assert_non_null(forms_find(f, "passwd"));
	forms_free(&f);
	assert_null(f);
}

static void
good_form(void **state)
{
	struct forms		*f;
	const struct form	*x;
	char			 err[1024];

	(void)state;
	assert_int_equal(parse("# a comment\n"
	    "form s1\n"
	    "  title \"供货 \\\"单台\\\"\"   # trailing comment\n"
	    "  action supply.new\n"
	    "  menu \"供货管理\" 5\n"
	    "  field dealer label \"经销商\" width 19 lookup my_dealers keep\n"
	    "  field model\n"
	    "  field serial help \"铭牌上的编号\"\n"
	    "end\n"
	    "list l1\n  source stock\n  row s1 serial 1\nend\n", err,
	    sizeof err, &f), 0);
	x = forms_find(f, "s1");
	assert_non_null(x);
	assert_string_equal(x->title, "供货 \"单台\"");
	assert_int_equal(x->order, 5);
	assert_int_equal(x->nfields, 3);
	assert_string_equal(x->fields[0].label, "经销商");
	assert_int_equal(x->fields[0].width, 19);
	assert_true(x->fields[0].keep);
	assert_string_equal(x->fields[2].help, "铭牌上的编号");
	assert_ptr_equal(forms_find(f, "l1")->rows[0].form, x);
	forms_free(&f);
}

static const struct {
	const char *text;
	const char *want;
} bad[] = {
	{ "form a\n action supply.new\n colour red\nend\n",
	    "t.form:3: 未知的关键字“colour”" },
	{ "form a\n action no.such\nend\n", "t.form:2: 未知的操作“no.such”" },
	{ "form a\n action supply.new\n field dealer\n field model\n"
	    " field serial\n field wheels\nend\n",
	    "t.form:6: 操作 supply.new 没有字段“wheels”" },
	{ "form a\n action supply.new\n field dealer\n field model\nend\n",
	    "t.form:5: 表单“a”缺少操作 supply.new 的必填字段 serial" },
	{ "form a\n action supply.new\n field dealer lookup nolist\nend\n",
	    "t.form:3: 未知的列表“nolist”" },
	{ "form a\n action supply.new\n field dealer width 99\nend\n",
	    "t.form:3: “99”应为 1 到 60 之间的整数" },
	{ "form a\n action supply.new\n field dealer\n field dealer\nend\n",
	    "t.form:4: 字段“dealer”重复" },
	{ "form a\n action supply.new\n field dealer\n", "块“a”没有以 end 结束" },
	{ "form a\nend\n", "t.form:2: 表单“a”没有指定 action" },
	{ "end\n", "t.form:1: 多余的 end" },
	{ "title \"x\"\n", "t.form:1: “title”应写在 form 或 list 块内" },
	{ "form a\n title \"x\n", "t.form:2: 引号没有闭合" },
	{ "list l\n source nolist\nend\n", "t.form:2: 未知的列表“nolist”" },
	{ "list l\n source stock\n row nosuch serial\nend\n",
	    "t.form:3: 未知的表单“nosuch”" },
	{ "list l\n source stock\n action supply.new\nend\n",
	    "t.form:3: “action”只能用于 form 块" },
	{ "form a\n action supply.return\n field serial\n field reason\nend\n"
	    "form a\n action supply.return\n field serial\n field reason\nend\n",
	    "t.form:6: 名称“a”已在 t.form:1 定义" },
	{ "form a\n action supply.return\n roles emperor\nend\n",
	    "t.form:3: 未知的角色“emperor”" },
	{ "form \xd5\xc5\nend\n", "t.form:1: 文件不是有效的 UTF-8 编码" },
};

static void
bad_forms_name_file_and_line(void **state)
{
	char	err[1024];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (parse(bad[i].text, err, sizeof err, NULL) == 0 ||
		    strstr(err, bad[i].want) == NULL)
			fprintf(stderr, "case %zu: got \"%s\"\n", i, err);
		assert_non_null(strstr(err, bad[i].want));
	}
}

static void
every_error_is_counted(void **state)
{
	char err[1024];

	(void)state;
	assert_int_equal(parse("form a\n colour\n size\n action supply.return\n"
	    " field serial\n field reason\nend\n", err, sizeof err, NULL), 2);
	assert_non_null(strstr(err, "t.form:2:"));
	assert_non_null(strstr(err, "\nt.form:3:"));
}

/* Issue 12 (3): "default" fills a field when the form opens; a choice's
 * default must be one of its keys. */
static void
default_is_a_choice(void **state)
{
	struct forms	*f;
	char		 err[512];

	(void)state;
	assert_int_equal(parse("form p\n action print\n set report budget\n"
	    " field format default xlsx\nend\n", err, sizeof err, &f), 0);
	assert_string_equal(forms_find(f, "p")->fields[0].dflt, "xlsx");
	forms_free(&f);
	assert_int_equal(parse("form p\n action print\n set report budget\n"
	    " field format default pdf\nend\n", err, sizeof err, NULL), 1);
	assert_non_null(strstr(err, "“pdf”不是字段的选项"));
}

static void
roles_narrow_the_menu(void **state)
{
	struct forms	*f;
	struct actor	 who;
	char		 err[512];

	(void)state;
	assert_int_equal(parse("form r\n action dealer.register\n roles register\n"
	    " field name\n field uscc\n field legal_rep\n field address\n"
	    " field phone\n field login\n field password\nend\n", err,
	    sizeof err, &f), 0);
	memset(&who, 0, sizeof who);
	who.role = ROLE_REGISTER;
	assert_true(form_allowed(forms_find(f, "r"), &who));
	who.role = ROLE_MAKER;
	assert_false(form_allowed(forms_find(f, "r"), &who));
	forms_free(&f);
}

/*
 * Issue 11 (6): "flow" offers a form in a year of that flow, under its
 * title; "post" narrows county users to their post (not users without
 * one); "required" is a field the form asks for; each is checked.
 */
static void
flow_post_and_required(void **state)
{
	struct forms		*f;
	const struct form	*a, *b;
	struct actor		 who;
	char			 err[512];

	(void)state;
	assert_int_equal(parse("form a\n action application.approve\n"
	    " flow quota-first \"批准\"\n post approver\n field application\n"
	    "end\nform b\n action user.passwd\n flow buy-first\n"
	    " field login self\n field password\n field password2 required\n"
	    "end\n", err, sizeof err, &f), 0);
	a = forms_find(f, "a");
	b = forms_find(f, "b");
	assert_true(form_in_flow(a, FLOW_QUOTA));
	assert_false(form_in_flow(a, FLOW_BUY));
	assert_true(form_in_flow(a, -1));	/* unknown: offered */
	assert_false(form_in_flow(b, FLOW_QUOTA));
	assert_string_equal(form_title(a, FLOW_QUOTA), "批准");
	assert_string_equal(form_title(b, FLOW_BUY), "修改密码");
	assert_int_equal(form_flow("buy-first"), FLOW_BUY);
	assert_int_equal(form_flow("both"), -1);
	assert_true(b->fields[2].required);
	assert_false(b->fields[1].required);
	memset(&who, 0, sizeof who);
	who.role = ROLE_COUNTY;
	strcpy(who.post, "handler");
	assert_false(form_allowed(a, &who));
	strcpy(who.post, "approver");
	assert_true(form_allowed(a, &who));
	forms_free(&f);
	/* a flow or post that does not exist, a flow twice */
	assert_int_not_equal(parse("form a\n action application.approve\n"
	    " flow both\n post boss\n flow quota-first\n flow quota-first\n"
	    " field application\nend\n", err, sizeof err, &f), 0);
	assert_non_null(strstr(err, "未知的实施方式“both”"));
	assert_non_null(strstr(err, "用法：post handler|approver"));
	assert_non_null(strstr(err, "实施方式“quota-first”重复"));
	forms_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(project_forms_load),
		cmocka_unit_test(good_form),
		cmocka_unit_test(bad_forms_name_file_and_line),
		cmocka_unit_test(every_error_is_counted),
		cmocka_unit_test(default_is_a_choice),
		cmocka_unit_test(roles_narrow_the_menu),
		cmocka_unit_test(flow_post_and_required),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
