/*
 * test-action-engine.c: the actions engine itself: the table, role checks,
 * field validation by type, one transaction per action, the audit row and
 * its chain, refusals that write nothing, private data encrypted at rest,
 * and the key file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

static void
unknown_action_is_usage(void **state)
{
	(void)state;
	assert_int_equal(fx_do("admin", "no.such", NULL), NJ_USAGE);
	assert_non_null(strstr(fx_err, "未知的操作"));
	assert_int_equal(fx_do("admin", "program.set", "year=2026",
	    "colour=red", NULL), NJ_USAGE);
	assert_non_null(strstr(fx_err, "没有字段"));
}

static void
role_outside_is_refused(void **state)
{
	(void)state;
	fx_refused("无权执行", "hl_jb", "program.set", "year=2026", NULL);
	fx_refused("无权执行", "fs_dealer", "supply.new",
	    "dealer=91640122MA76F2K349", "model=1GQN-200", "serial=X1", NULL);
	/* the register login may run dealer.register and nothing else */
	fx_refused("无权执行", "register", "user.passwd", "login=register",
	    "password=abcdefgh", NULL);
	fx_refused("无权执行", "register", "program.set", "year=2026", NULL);
}

static void
required_and_types(void **state)
{
	(void)state;
	fx_refused("请填写：年度", "admin", "program.set", "flow=buy-first",
	    NULL);
	assert_string_equal(fx_field, "year");
	fx_refused("年度应为四位数字", "admin", "program.set", "year=26", NULL);
	fx_refused("应为以下之一：先定后买、先购后补", "admin", "program.set",
	    "year=2026", "flow=sideways", NULL);
	fx_refused("比例应在 0 到 1 之间", "admin", "program.set",
	    "year=2026", "max_ratio=1.5", NULL);
	fx_refused("统一社会信用代码校验位错误", "admin", "maker.add",
	    "name=某公司", "uscc=91640100MA76E5B13R", "login=mm",
	    "password=abcdefgh", NULL);
	fx_refused("电话号码有误", "admin", "maker.add", "name=某公司",
	    "uscc=91640100MA76E5B13Q", "login=mm", "password=abcdefgh",
	    "phone=12345", NULL);
	fx_refused("密码至少 8 位", "admin", "maker.add", "name=某公司",
	    "uscc=91640100MA76E5B13Q", "login=mm", "password=abc", NULL);
	fx_refused("登录名应为", "admin", "maker.add", "name=某公司",
	    "uscc=91640100MA76E5B13Q", "login=Mm!", "password=abcdefgh",
	    NULL);
	fx_refused("不能超过 60 个字", "admin", "maker.add",
	    "name=一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
	    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十多",
	    "uscc=91640100MA76E5B13Q", "login=mm", "password=abcdefgh", NULL);
	/* a choice is accepted by its Chinese label too */
	fx_ok("admin", "program.set", "year=2027", "flow=先购后补", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM programs WHERE year = "
	    "2027 AND flow = 'buy-first'", NULL), 1);
}

static void
invalid_utf8_refused(void **state)
{
	(void)state;
	/* GBK bytes of 张三 typed by a GBK client */
	fx_refused("无效字符", "admin", "maker.add", "name=\xd5\xc5\xc8\xfd",
	    "uscc=91640100MA76E5B13Q", "login=mm", "password=abcdefgh", NULL);
	fx_refused("控制字符", "admin", "maker.add", "name=a\x1b[2Jb",
	    "uscc=91640100MA76E5B13Q", "login=mm", "password=abcdefgh", NULL);
}

static void
audit_row_per_action_and_chain(void **state)
{
	int64_t	before = fx_int("SELECT count(*) FROM audit", NULL), rows, bad;
	char	err[NJ_MSG_MAX];

	(void)state;
	fx_ok("admin", "program.set", "year=2026", "notice_days=30", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM audit", NULL), before + 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE login = "
	    "'admin' AND action = 'program.set' AND record = '2026' AND "
	    "detail LIKE '%notice_days=30%'", NULL), 1);
	assert_int_equal(audit_verify(&rows, &bad, err, sizeof err), 0);
	assert_int_equal(rows, before + 1);
	/* editing any row afterwards breaks the chain at that row */
	sqlite3_exec(store->db, "UPDATE audit SET detail = 'x' WHERE id = 3",
	    NULL, NULL, NULL);
	assert_int_equal(audit_verify(&rows, &bad, err, sizeof err), 1);
	assert_int_equal(bad, 3);
}

static void
audit_masks_private_and_secret(void **state)
{
	(void)state;
	fx_ok("register", "dealer.register", "name=测试农机", "uscc="
	    "93640122MA7812N63W", "legal_rep=张三", "address=贺兰县",
	    "phone=13912345678", "login=cs_dealer", "password=secret-pass",
	    NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'dealer.register' AND detail LIKE '%phone=***5678%' AND detail "
	    "NOT LIKE '%13912345678%' AND detail NOT LIKE '%secret%'", NULL), 1);
	/* the phone is not in the database in clear */
	assert_int_equal(fx_int("SELECT count(*) FROM dealers WHERE "
	    "instr(CAST(phone_enc AS TEXT), '13912345678')", NULL), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM dealers WHERE "
	    "phone_last4 = '5678'", NULL), 1);
	/* the password is an argon2id hash */
	assert_int_equal(fx_int("SELECT count(*) FROM users WHERE login = "
	    "'cs_dealer' AND pwhash LIKE '$argon2id$%'", NULL), 1);
}

static void
sealed_values_open_only_with_the_key(void **state)
{
	struct sealed	s;
	char		out[64];

	(void)state;
	sealed_make(&s, "buyers.idno", 7, "idno", "11010519491231002X");
	assert_int_equal(crypt_open(s.blob, s.len, "buyers.idno", 7, out,
	    sizeof out), 0);
	assert_string_equal(out, "11010519491231002X");
	/* under another column's name it does not open */
	assert_int_equal(crypt_open(s.blob, s.len, "buyers.phone", 7, out,
	    sizeof out), -1);
	/* nor in another row: R-SEC-8.5a issue 8 (5) */
	assert_int_equal(crypt_open(s.blob, s.len, "buyers.idno", 8, out,
	    sizeof out), -1);
	s.blob[s.len - 1] ^= 1;
	assert_int_equal(crypt_open(s.blob, s.len, "buyers.idno", 7, out,
	    sizeof out), -1);
	assert_string_equal(s.last4, "002X");
	sealed_free(&s);
}

static void
missing_or_wrong_key_is_a_clear_error(void **state)
{
	char	err[NJ_MSG_MAX], key[400], cmd[2048];
	int	from, to;

	(void)state;
	db_close();
	snprintf(key, sizeof key, "%s.key", fx_path);
	snprintf(cmd, sizeof cmd, "mv '%s' '%s.away'", key, key);
	assert_int_equal(system(cmd), 0);
	assert_int_not_equal(db_open(fx_path, err, sizeof err), 0);
	assert_non_null(strstr(err, "找不到密钥文件"));
	/* another database's key does not fit */
	snprintf(cmd, sizeof cmd, "%s.other", fx_path);
	assert_int_equal(db_init(cmd, &from, &to, err, sizeof err), 0);
	db_close();
	snprintf(cmd, sizeof cmd, "cp '%s.other.key' '%s'", fx_path, key);
	assert_int_equal(system(cmd), 0);
	assert_int_not_equal(db_open(fx_path, err, sizeof err), 0);
	assert_non_null(strstr(err, "密钥文件与数据库不匹配"));
	/* a key readable by others is refused */
	snprintf(cmd, sizeof cmd, "mv '%s.away' '%s' && chmod 644 '%s'", key,
	    key, key);
	assert_int_equal(system(cmd), 0);
	assert_int_not_equal(db_open(fx_path, err, sizeof err), 0);
	assert_non_null(strstr(err, "权限过宽"));
	snprintf(cmd, sizeof cmd, "chmod 600 '%s'", key);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(db_open(fx_path, err, sizeof err), 0);
}

static void
actions_table_is_consistent(void **state)
{
	const struct action	*a;
	const struct field	*f, *g;
	size_t			 i;

	(void)state;
	for (i = 0; (a = action_at(i)) != NULL; i++) {
		assert_non_null(a->title);
		assert_ptr_equal(action_find(a->name), a);
		assert_non_null(a->run);
		for (f = a->fields; f->name != NULL; f++) {
			assert_non_null(f->label);
			assert_true(f->type < FT__COUNT);
			for (g = f + 1; g->name != NULL; g++)
				assert_string_not_equal(f->name, g->name);
		}
		assert_true(f - a->fields <= ACT_MAXF);
		/* only dealer registration is open to the register login */
		if (strcmp(a->name, "dealer.register") != 0)
			assert_false(a->roles & R(ROLE_REGISTER));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(unknown_action_is_usage),
		FX_TEST(role_outside_is_refused),
		FX_TEST(required_and_types),
		FX_TEST(invalid_utf8_refused),
		FX_TEST(audit_row_per_action_and_chain),
		FX_TEST(audit_masks_private_and_secret),
		FX_TEST(sealed_values_open_only_with_the_key),
		FX_TEST(missing_or_wrong_key_is_a_clear_error),
		FX_TEST(actions_table_is_consistent),
	};

	return FX_RUN(tests);
}
