/*
 * test-action-user.c: users and their keys: user.add, user.passwd,
 * user.lock, user.unlock, user.key.add and user.key.remove. Who may manage
 * whom (the admin everybody, a county clerk its townships' users, 000
 * 三(二)1), every refusal, and what each stores: argon2id hashes only,
 * must_change after a password set by someone else, locks that stop a
 * login and unlocks that forget its failures.
 *
 * Demo users: admin (province 640000), jjjc (auditor), yc_city (city
 * 640100), hl_jb and hl_sh (county 640122 贺兰县), hl_cz (finance 640122),
 * xg_zhen (township 640122100), jg_zhen (640122101), yn_jb (county 640121),
 * ss_maker, fs_dealer, js_dealer; every password njbt-demo.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>

#include "fixture.h"

#define SS	"91640100MA76E5B13Q"
#define FS	"91640122MA76F2K349"
#define PW	"njbt-demo"

/* --- helpers ------------------------------------------------------------ */

/* The password hash of login. */
static void
pwhash_of(const char *login, char *buf, size_t len)
{
	sqlite3_stmt *st;

	buf[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(store->db, "SELECT ifnull(pwhash, "
	    "'') FROM users WHERE login = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, len, "%s", (const char *)sqlite3_column_text(st,
		    0));
	sqlite3_finalize(st);
}

/* Does login's stored hash match plain? */
static int
password_is(const char *login, const char *plain)
{
	char hash[256];

	pwhash_of(login, hash, sizeof hash);
	return strncmp(hash, "$argon2id$", 10) == 0 &&
	    passwd_verify(hash, plain);
}

static int64_t
must_change(const char *login)
{
	return fx_int("SELECT must_change FROM users WHERE login = ?1", login,
	    NULL);
}

/* Big-endian length-prefixed string into an SSH wire blob. */
static size_t
put_string(unsigned char *p, const void *s, size_t n)
{
	p[0] = (unsigned char)(n >> 24);
	p[1] = (unsigned char)(n >> 16);
	p[2] = (unsigned char)(n >> 8);
	p[3] = (unsigned char)n;
	memcpy(p + 4, s, n);
	return n + 4;
}

/*
 * An OpenSSH public key line "WORD BASE64 comment" whose blob says type
 * blobtype and holds a 32-byte key made from seed; its fingerprint
 * (SHA256:base64 of the blob's SHA-256, no padding) in fp.
 */
static void
make_key(char *line, size_t len, const char *word, const char *blobtype,
    unsigned char seed, const char *comment, char *fp, size_t fplen)
{
	unsigned char	blob[128], key[32], h[crypto_hash_sha256_BYTES];
	char		b64[256];
	size_t		n = 0, i;

	for (i = 0; i < sizeof key; i++)
		key[i] = (unsigned char)(seed + i * 7);
	n += put_string(blob + n, blobtype, strlen(blobtype));
	n += put_string(blob + n, key, sizeof key);
	sodium_bin2base64(b64, sizeof b64, blob, n,
	    sodium_base64_VARIANT_ORIGINAL);
	snprintf(line, len, "%s %s%s%s", word, b64, comment ? " " : "",
	    comment ? comment : "");
	crypto_hash_sha256(h, blob, n);
	snprintf(fp, fplen, "SHA256:");
	sodium_bin2base64(fp + 7, fplen - 7, h, sizeof h,
	    sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
}

static void
ed25519(char *line, size_t len, unsigned char seed, const char *comment,
    char *fp, size_t fplen)
{
	make_key(line, len, "ssh-ed25519", "ssh-ed25519", seed, comment, fp,
	    fplen);
}

/* A township user of 永宁县 (640121), outside 贺兰县's scope. */
static void
add_yn_township_user(void)
{
	fx_ok("admin", "user.add", "login=yh_zhen", "name=何亮",
	    "role=township", "region=640121100", "password=" PW, NULL);
}

/* --- user.add ----------------------------------------------------------- */

/* 001 实名制: one named person, one role, one scope. */
static void
admin_adds_each_role(void **state)
{
	(void)state;
	fx_ok("admin", "user.add", "login=xq_jb", "name=钱进", "role=county",
	    "region=640104", "password=init-pass", "post=handler", NULL);
	assert_string_equal(fx_key, "xq_jb");
	assert_int_equal(fx_int("SELECT count(*) FROM users WHERE login = "
	    "'xq_jb' AND name = '钱进' AND role = 'county' AND region = "
	    "'640104' AND maker_id IS NULL AND dealer_id IS NULL AND "
	    "must_change = 1 AND locked = 0 AND "
	    "created_at = '2026-03-02 09:30:00'", NULL), 1);
	assert_true(password_is("xq_jb", "init-pass"));
	fx_ok("admin", "user.add", "login=szs_city", "name=孙中", "role=city",
	    "region=640200", "password=init-pass", NULL);
	fx_ok("admin", "user.add", "login=xq_cz", "name=许清",
	    "role=县级财政部门", "region=640104", "password=init-pass", NULL);
	fx_ok("admin", "user.add", "login=jj2", "name=纪二", "role=auditor",
	    "region=640000", "password=init-pass", NULL);
	fx_ok("admin", "user.add", "login=admin2", "name=管二", "role=admin",
	    "region=640000", "password=init-pass", NULL);
	fx_ok("admin", "user.add", "login=zz_zhen", "name=赵真",
	    "role=township", "region=640104100", "password=init-pass", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM users WHERE "
	    "(login = 'szs_city' AND role = 'city' AND region = '640200') OR "
	    "(login = 'xq_cz' AND role = 'finance' AND region = '640104') OR "
	    "(login = 'jj2' AND role = 'auditor' AND region = '640000') OR "
	    "(login = 'admin2' AND role = 'admin' AND region = '640000') OR "
	    "(login = 'zz_zhen' AND role = 'township' AND "
	    "region = '640104100')", NULL), 5);
	/* makers' and dealers' users belong to their company, no region */
	fx_ok("admin", "user.add", "login=ss_clerk", "name=塞上文员",
	    "role=maker", "org=" SS, "region=640100", "password=init-pass",
	    NULL);
	fx_ok("admin", "user.add", "login=fs_clerk", "name=丰收文员",
	    "role=dealer", "org=" FS, "password=init-pass", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM users u JOIN makers m "
	    "ON m.id = u.maker_id WHERE u.login = 'ss_clerk' AND m.uscc = '"
	    SS "' AND u.region IS NULL AND u.dealer_id IS NULL", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM users u JOIN dealers d "
	    "ON d.id = u.dealer_id WHERE u.login = 'fs_clerk' AND d.uscc = '"
	    FS "' AND u.region IS NULL AND u.maker_id IS NULL", NULL), 1);
	/* and act for it */
	fx_ok("fs_clerk", "supply.return", "serial=XG26A001", "reason=错发",
	    NULL);
}

/* 000 三(二)1: 乡镇用户管理 by the county. */
static void
county_adds_own_township_user(void **state)
{
	(void)state;
	fx_ok("hl_jb", "user.add", "login=lg_zhen", "name=冯立",
	    "role=township", "region=640122102", "password=init-pass", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM users WHERE login = "
	    "'lg_zhen' AND role = 'township' AND region = '640122102' AND "
	    "must_change = 1", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'user.add' AND login = 'hl_jb' AND record = 'lg_zhen' AND "
	    "detail NOT LIKE '%init-pass%'", NULL), 1);
}

/* R-000-M-3.2.1 000 三(二)1: a county opens its own townships' users and nobody else. */
static void
county_refused_outside_its_townships(void **state)
{
	(void)state;
	fx_refused("县级用户只能开设乡镇用户", "hl_jb", "user.add",
	    "login=hl_x", "name=某人", "role=county", "region=640122",
	    "password=init-pass", NULL);
	assert_string_equal(fx_field, "role");
	fx_refused("县级用户只能开设乡镇用户", "hl_jb", "user.add",
	    "login=hl_x", "name=某人", "role=finance", "region=640122",
	    "password=init-pass", NULL);
	fx_refused("县级用户只能开设乡镇用户", "hl_jb", "user.add",
	    "login=hl_x", "name=某人", "role=admin", "region=640000",
	    "password=init-pass", NULL);
	fx_refused("县级用户只能开设乡镇用户", "hl_jb", "user.add",
	    "login=hl_x", "name=某人", "role=maker", "org=" SS,
	    "password=init-pass", NULL);
	/* a township of another county */
	fx_refused("超出您的管辖范围：640121100", "hl_jb", "user.add",
	    "login=hl_x", "name=某人", "role=township", "region=640121100",
	    "password=init-pass", NULL);
	assert_string_equal(fx_field, "region");
	fx_refused("超出您的管辖范围：640104100", "yn_jb", "user.add",
	    "login=hl_x", "name=某人", "role=township", "region=640104100",
	    "password=init-pass", NULL);
}

/* 000 三(二)1, SPEC 1: only the admin and the county add users */
static void
add_refused_roles(void **state)
{
	(void)state;
	fx_refused("无权执行", "xg_zhen", "user.add", "login=hl_x",
	    "name=某人", "role=township", "region=640122100",
	    "password=init-pass", NULL);
	fx_refused("无权执行", "yc_city", "user.add", "login=hl_x",
	    "name=某人", "role=township", "region=640122100",
	    "password=init-pass", NULL);
	fx_refused("无权执行", "hl_cz", "user.add", "login=hl_x",
	    "name=某人", "role=township", "region=640122100",
	    "password=init-pass", NULL);
	fx_refused("无权执行", "jjjc", "user.add", "login=hl_x",
	    "name=某人", "role=township", "region=640122100",
	    "password=init-pass", NULL);
	fx_refused("无权执行", "ss_maker", "user.add", "login=hl_x",
	    "name=某人", "role=maker", "org=" SS, "password=init-pass", NULL);
	fx_refused("无权执行", "fs_dealer", "user.add", "login=hl_x",
	    "name=某人", "role=dealer", "org=" FS, "password=init-pass", NULL);
	fx_refused("无权执行", "register", "user.add", "login=hl_x",
	    "name=某人", "role=dealer", "org=" FS, "password=init-pass", NULL);
}

/* R-001-A1-16a 001 第十六条 实名制: a named person, a login of its own */
static void
add_refused_login_and_fields(void **state)
{
	(void)state;
	fx_refused("登录名 xg_zhen 已被使用", "admin", "user.add",
	    "login=xg_zhen", "name=某人", "role=township", "region=640122100",
	    "password=init-pass", NULL);
	assert_string_equal(fx_field, "login");
	fx_refused("登录名 register 为系统保留", "admin", "user.add",
	    "login=register", "name=某人", "role=township",
	    "region=640122100", "password=init-pass", NULL);
	fx_refused("登录名 root 为系统保留", "hl_jb", "user.add", "login=root",
	    "name=某人", "role=township", "region=640122100",
	    "password=init-pass", NULL);
	fx_refused("登录名应为", "admin", "user.add", "login=Wang Fang",
	    "name=某人", "role=township", "region=640122100",
	    "password=init-pass", NULL);
	fx_refused("登录名应为", "admin", "user.add", "login=1abc",
	    "name=某人", "role=township", "region=640122100",
	    "password=init-pass", NULL);
	fx_refused("请填写：姓名", "admin", "user.add", "login=hl_x",
	    "role=township", "region=640122100", "password=init-pass", NULL);
	fx_refused("请填写：角色", "admin", "user.add", "login=hl_x",
	    "name=某人", "region=640122100", "password=init-pass", NULL);
	fx_refused("请填写：初始密码", "admin", "user.add", "login=hl_x",
	    "name=某人", "role=township", "region=640122100", NULL);
	fx_refused("角色：应为以下之一：省级管理员", "admin", "user.add",
	    "login=hl_x", "name=某人", "role=register", "password=init-pass",
	    NULL);
	fx_refused("角色：应为以下之一", "admin", "user.add", "login=hl_x",
	    "name=某人", "role=console", "password=init-pass", NULL);
	fx_refused("密码至少 8 位", "admin", "user.add", "login=hl_x",
	    "name=某人", "role=township", "region=640122100",
	    "password=1234567", NULL);
	fx_refused("无效字符", "admin", "user.add", "login=hl_x",
	    "name=\xd5\xc5\xc8\xfd", "role=township", "region=640122100",
	    "password=init-pass", NULL);
}

/* SPEC 1: each role's scope is a region of its level */
static void
add_refused_region(void **state)
{
	(void)state;
	fx_refused("请填写：所属行政区划", "admin", "user.add", "login=hl_x",
	    "name=某人", "role=county", "password=init-pass", NULL);
	assert_string_equal(fx_field, "region");
	fx_refused("请填写：所属行政区划", "hl_jb", "user.add", "login=hl_x",
	    "name=某人", "role=township", "password=init-pass", NULL);
	fx_refused("未知的行政区划代码：640199", "admin", "user.add",
	    "login=hl_x", "name=某人", "role=county", "region=640199",
	    "password=init-pass", NULL);
	fx_refused("习岗镇（640122100）不是县级行政区划", "admin", "user.add",
	    "login=hl_x", "name=某人", "role=county", "region=640122100",
	    "password=init-pass", NULL);
	fx_refused("贺兰县（640122）不是乡镇级行政区划", "hl_jb", "user.add",
	    "login=hl_x", "name=某人", "role=township", "region=640122",
	    "password=init-pass", NULL);
	fx_refused("不是市级行政区划", "admin", "user.add", "login=hl_x",
	    "name=某人", "role=city", "region=640122", "password=init-pass",
	    NULL);
	fx_refused("不是省级行政区划", "admin", "user.add", "login=hl_x",
	    "name=某人", "role=auditor", "region=640100",
	    "password=init-pass", NULL);
	fx_refused("不是县级行政区划", "admin", "user.add", "login=hl_x",
	    "name=某人", "role=finance", "region=640100",
	    "password=init-pass", NULL);
}

/* SPEC 1: makers' and dealers' users belong to their company */
static void
add_refused_org(void **state)
{
	(void)state;
	fx_refused("请填写：所属企业（信用代码）", "admin", "user.add",
	    "login=hl_x", "name=某人", "role=maker", "password=init-pass",
	    NULL);
	assert_string_equal(fx_field, "org");
	fx_refused("请填写：所属企业（信用代码）", "admin", "user.add",
	    "login=hl_x", "name=某人", "role=dealer", "password=init-pass",
	    NULL);
	fx_refused("未知的生产企业：91640100MA76E5B13X", "admin", "user.add",
	    "login=hl_x", "name=某人", "role=maker",
	    "org=91640100MA76E5B13X", "password=init-pass", NULL);
	/* a dealer is not a maker, and the other way round */
	fx_refused("未知的生产企业：" FS, "admin", "user.add", "login=hl_x",
	    "name=某人", "role=maker", "org=" FS, "password=init-pass", NULL);
	fx_refused("未知的经销商：" SS, "admin", "user.add", "login=hl_x",
	    "name=某人", "role=dealer", "org=" SS, "password=init-pass", NULL);
}

/* --- user.passwd -------------------------------------------------------- */

/* Users change their own password with the old one. */
static void
self_change_with_old_password(void **state)
{
	(void)state;
	q_exec("UPDATE users SET must_change = 1 WHERE login = 'hl_jb'");
	fx_ok("hl_jb", "user.passwd", "login=hl_jb", "password=new-secret-1",
	    "old_password=" PW, NULL);
	assert_string_equal(fx_key, "hl_jb");
	assert_true(password_is("hl_jb", "new-secret-1"));
	assert_false(password_is("hl_jb", PW));
	assert_int_equal(must_change("hl_jb"), 0);
	/* the audit row has neither password */
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'user.passwd' AND record = 'hl_jb' AND detail NOT LIKE "
	    "'%new-secret%' AND detail NOT LIKE '%" PW "%'", NULL), 1);
	/* every role may change its own */
	fx_ok("fs_dealer", "user.passwd", "login=fs_dealer",
	    "password=new-secret-2", "old_password=" PW, NULL);
	fx_ok("jjjc", "user.passwd", "login=jjjc", "password=new-secret-3",
	    "old_password=" PW, NULL);
	/* even the admin needs its old password for its own */
	fx_refused("原密码不正确", "admin", "user.passwd", "login=admin",
	    "password=new-secret-4", NULL);
}

/*
 * Issue 11 (6): the new password typed twice (password2, the form asks
 * for it): two that differ are refused at the second, nothing written;
 * the same twice is the change; a script may leave it out.
 */
static void
self_change_typed_twice(void **state)
{
	(void)state;
	fx_refused("两次输入的新密码不一致", "hl_jb", "user.passwd", "login=hl_jb",
	    "password=new-secret-1", "password2=new-secret-2",
	    "old_password=" PW, NULL);
	assert_string_equal(fx_field, "password2");
	assert_true(password_is("hl_jb", PW));
	fx_ok("hl_jb", "user.passwd", "login=hl_jb", "password=new-secret-1",
	    "password2=new-secret-1", "old_password=" PW, NULL);
	assert_true(password_is("hl_jb", "new-secret-1"));
	/* neither is in the log */
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'user.passwd' AND detail LIKE '%new-secret%'", NULL), 0);
}

/* 001 第十七条: 妥善保管登陆账号和密码 — the old one to change it */
static void
self_change_refused_wrong_old(void **state)
{
	(void)state;
	fx_refused("原密码不正确", "hl_jb", "user.passwd", "login=hl_jb",
	    "password=new-secret-1", "old_password=njbt-dem0", NULL);
	assert_string_equal(fx_field, "old_password");
	fx_refused("原密码不正确", "hl_jb", "user.passwd", "login=hl_jb",
	    "password=new-secret-1", NULL);
	fx_refused("密码至少 8 位", "hl_jb", "user.passwd", "login=hl_jb",
	    "password=short", "old_password=" PW, NULL);
	assert_true(password_is("hl_jb", PW));
}

/* A password set by someone else must be changed at the next login. */
static void
admin_reset_sets_must_change(void **state)
{
	(void)state;
	assert_int_equal(must_change("hl_jb"), 0);
	fx_ok("admin", "user.passwd", "login=hl_jb", "password=reset-pass-1",
	    NULL);
	assert_true(password_is("hl_jb", "reset-pass-1"));
	assert_int_equal(must_change("hl_jb"), 1);
	/* the user then changes it with the reset one */
	fx_ok("hl_jb", "user.passwd", "login=hl_jb", "password=own-pass-1",
	    "old_password=reset-pass-1", NULL);
	assert_int_equal(must_change("hl_jb"), 0);
	/* the console resets anybody, the admin too */
	fx_ok(NULL, "user.passwd", "login=admin", "password=reset-pass-2",
	    NULL);
	assert_true(password_is("admin", "reset-pass-2"));
	assert_int_equal(must_change("admin"), 1);
}

/* 000 三(二)1: a county resets its townships' users' passwords. */
static void
county_resets_own_township_user(void **state)
{
	(void)state;
	fx_ok("hl_jb", "user.passwd", "login=xg_zhen", "password=reset-pass-1",
	    NULL);
	assert_true(password_is("xg_zhen", "reset-pass-1"));
	assert_int_equal(must_change("xg_zhen"), 1);
}

/* 000 三(二)1: the admin anybody, a county its townships, no one else */
static void
passwd_refused_outside_scope(void **state)
{
	(void)state;
	add_yn_township_user();
	fx_refused("无权管理用户 yh_zhen", "hl_jb", "user.passwd",
	    "login=yh_zhen", "password=reset-pass-1", NULL);
	assert_string_equal(fx_field, "login");
	fx_refused("无权管理用户 hl_sh", "hl_jb", "user.passwd", "login=hl_sh",
	    "password=reset-pass-1", NULL);
	fx_refused("无权管理用户 admin", "hl_jb", "user.passwd", "login=admin",
	    "password=reset-pass-1", NULL);
	fx_refused("无权管理用户 hl_cz", "hl_jb", "user.passwd", "login=hl_cz",
	    "password=reset-pass-1", NULL);
	fx_refused("无权管理用户 jg_zhen", "xg_zhen", "user.passwd",
	    "login=jg_zhen", "password=reset-pass-1", NULL);
	fx_refused("无权管理用户 hl_jb", "yc_city", "user.passwd",
	    "login=hl_jb", "password=reset-pass-1", NULL);
	fx_refused("无权管理用户 fs_dealer", "ss_maker", "user.passwd",
	    "login=fs_dealer", "password=reset-pass-1", NULL);
	fx_refused("无权管理用户 js_dealer", "fs_dealer", "user.passwd",
	    "login=js_dealer", "password=reset-pass-1", NULL);
	fx_refused("无权管理用户 admin", "jjjc", "user.passwd", "login=admin",
	    "password=reset-pass-1", NULL);
	fx_refused("未知的用户：nobody", "admin", "user.passwd",
	    "login=nobody", "password=reset-pass-1", NULL);
	fx_refused("无权执行", "register", "user.passwd", "login=register",
	    "password=reset-pass-1", NULL);
}

/* --- user.lock, user.unlock --------------------------------------------- */

/* 000 一(一)4: 如遇用户名、密码锁定，请联系...工作人员 */
static void
lock_stops_login_unlock_restores(void **state)
{
	char err[NJ_MSG_MAX];
	struct actor who;

	(void)state;
	fx_ok("admin", "user.lock", "login=hl_jb", "reason=离岗", NULL);
	assert_string_equal(fx_key, "hl_jb");
	assert_int_equal(fx_int("SELECT locked FROM users WHERE login = "
	    "'hl_jb'", NULL), 1);
	assert_int_not_equal(actor_load("hl_jb", &who, err, sizeof err), 0);
	assert_non_null(strstr(err, "账号 hl_jb 已被锁定"));
	fx_refused("已被锁定", "hl_jb", "user.passwd", "login=hl_jb",
	    "password=new-secret-1", "old_password=" PW, NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'user.lock' AND record = 'hl_jb' AND detail LIKE '%reason=离岗%'",
	    NULL), 1);
	/* failed logins and a timed lock, as the server records them */
	q_exec("UPDATE users SET locked_until = '2026-03-02 10:00:00' WHERE "
	    "login = 'hl_jb'");
	q_exec("INSERT INTO login_failures(user_id, at, addr) SELECT id, "
	    "1772400000 + n, 'ssh 10.0.0.5' FROM users, (SELECT 1 AS n UNION "
	    "SELECT 2 UNION SELECT 3) WHERE login IN ('hl_jb', 'hl_sh')");
	fx_ok("admin", "user.unlock", "login=hl_jb", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM users WHERE login = "
	    "'hl_jb' AND locked = 0 AND locked_until IS NULL", NULL), 1);
	/* unlock clears its login failures, and only its own */
	assert_int_equal(fx_int("SELECT count(*) FROM login_failures f JOIN "
	    "users u ON u.id = f.user_id WHERE u.login = 'hl_jb'", NULL), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM login_failures f JOIN "
	    "users u ON u.id = f.user_id WHERE u.login = 'hl_sh'", NULL), 3);
	assert_int_equal(actor_load("hl_jb", &who, err, sizeof err), 0);
	fx_ok("hl_jb", "user.passwd", "login=hl_jb", "password=new-secret-1",
	    "old_password=" PW, NULL);
}

/* Unlocking an unlocked user forgets its failures all the same. */
static void
unlock_clears_failures_of_unlocked_user(void **state)
{
	(void)state;
	q_exec("INSERT INTO login_failures(user_id, at, addr) SELECT id, "
	    "1772400000, 'ssh 10.0.0.6' FROM users WHERE login = 'xg_zhen'");
	fx_ok("hl_jb", "user.unlock", "login=xg_zhen", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM login_failures", NULL),
	    0);
}

/* 000 三(二)1: the county locks and unlocks its townships' users. */
static void
county_locks_own_township_user(void **state)
{
	(void)state;
	fx_ok("hl_jb", "user.lock", "login=xg_zhen", NULL);
	assert_int_equal(fx_int("SELECT locked FROM users WHERE login = "
	    "'xg_zhen'", NULL), 1);
	fx_refused("用户 xg_zhen 已被锁定", "hl_sh", "user.lock",
	    "login=xg_zhen", NULL);
	fx_ok("hl_sh", "user.unlock", "login=xg_zhen", NULL);
	assert_int_equal(fx_int("SELECT locked FROM users WHERE login = "
	    "'xg_zhen'", NULL), 0);
}

/* 000 一(一)4: 用户名、密码锁定 by those who manage the user */
static void
lock_refusals(void **state)
{
	(void)state;
	add_yn_township_user();
	fx_refused("不能锁定自己的账号", "admin", "user.lock", "login=admin",
	    NULL);
	fx_refused("无权管理用户 yh_zhen", "hl_jb", "user.lock",
	    "login=yh_zhen", NULL);
	fx_refused("无权管理用户 hl_sh", "hl_jb", "user.lock", "login=hl_sh",
	    NULL);
	fx_refused("无权管理用户 admin", "hl_jb", "user.lock", "login=admin",
	    NULL);
	fx_refused("无权管理用户 hl_jb", "hl_jb", "user.lock", "login=hl_jb",
	    NULL);
	fx_refused("无权管理用户 ss_maker", "yn_jb", "user.lock",
	    "login=ss_maker", NULL);
	fx_refused("未知的用户：nobody", "admin", "user.lock", "login=nobody",
	    NULL);
	fx_refused("请填写：登录名", "admin", "user.lock", "reason=x", NULL);
	fx_refused("无权执行", "xg_zhen", "user.lock", "login=jg_zhen", NULL);
	fx_refused("无权执行", "yc_city", "user.lock", "login=hl_jb", NULL);
	fx_refused("无权执行", "ss_maker", "user.lock", "login=fs_dealer",
	    NULL);
	fx_refused("无权执行", "jjjc", "user.lock", "login=hl_jb", NULL);
	fx_ok("admin", "user.lock", "login=hl_sh", NULL);
	fx_refused("用户 hl_sh 已被锁定", "admin", "user.lock", "login=hl_sh",
	    NULL);
}

/* 000 一(一)4: 请联系...工作人员 to unlock: those who manage the user */
static void
unlock_refusals(void **state)
{
	(void)state;
	add_yn_township_user();
	fx_ok("admin", "user.lock", "login=yh_zhen", NULL);
	fx_refused("无权管理用户 yh_zhen", "hl_jb", "user.unlock",
	    "login=yh_zhen", NULL);
	fx_ok("admin", "user.lock", "login=hl_sh", NULL);
	fx_refused("无权管理用户 hl_sh", "hl_jb", "user.unlock",
	    "login=hl_sh", NULL);
	fx_refused("未知的用户：nobody", "admin", "user.unlock",
	    "login=nobody", NULL);
	fx_refused("无权执行", "xg_zhen", "user.unlock", "login=jg_zhen",
	    NULL);
	fx_refused("无权执行", "register", "user.unlock", "login=hl_sh", NULL);
}

/* --- user.key.add, user.key.remove ---------------------------------------- */

/* SPEC 1, DESIGN auth: public keys per user */
static void
key_add_own(void **state)
{
	char line[512], fp[64], k[600], stored[64];
	sqlite3_stmt *st;

	(void)state;
	ed25519(line, sizeof line, 1, "王芳的笔记本", fp, sizeof fp);
	snprintf(k, sizeof k, "key=%s", line);
	fx_ok("hl_jb", "user.key.add", "login=hl_jb", k, NULL);
	assert_string_equal(fx_key, fp);
	assert_int_equal(fx_int("SELECT count(*) FROM user_keys k JOIN users u "
	    "ON u.id = k.user_id WHERE u.login = 'hl_jb' AND k.keytype = "
	    "'ssh-ed25519' AND k.comment = '王芳的笔记本' AND k.fingerprint = "
	    "?1 AND k.added_at = '2026-03-02 09:30:00' AND ?2 LIKE "
	    "'ssh-ed25519 ' || k.keyblob || ' %'", fp, line, NULL), 1);
	assert_int_equal(sqlite3_prepare_v2(store->db, "SELECT fingerprint "
	    "FROM user_keys", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(stored, sizeof stored, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_string_equal(stored, fp);
	/* another key, no comment, and the admin adding one for a user */
	ed25519(line, sizeof line, 2, NULL, fp, sizeof fp);
	snprintf(k, sizeof k, "key=%s", line);
	fx_ok("hl_jb", "user.key.add", "login=hl_jb", k, NULL);
	ed25519(line, sizeof line, 3, "x", fp, sizeof fp);
	snprintf(k, sizeof k, "key=%s", line);
	fx_ok("admin", "user.key.add", "login=xg_zhen", k, NULL);
	fx_ok(NULL, "user.key.add", "login=fs_dealer", k, NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM user_keys", NULL), 4);
}

/* DESIGN auth: one's own keys only; the register login has none */
static void
key_add_refusals(void **state)
{
	char line[512], fp[64], k[600];

	(void)state;
	ed25519(line, sizeof line, 4, "c", fp, sizeof fp);
	snprintf(k, sizeof k, "key=%s", line);
	/* only one's own; a county's clerk not even its townships' */
	fx_refused("只能管理自己的密钥", "hl_jb", "user.key.add",
	    "login=xg_zhen", k, NULL);
	assert_string_equal(fx_field, "login");
	fx_refused("只能管理自己的密钥", "ss_maker", "user.key.add",
	    "login=fs_dealer", k, NULL);
	fx_refused("无权执行", "register", "user.key.add", "login=register",
	    k, NULL);
	fx_refused("注册账号不能使用密钥", "admin", "user.key.add",
	    "login=register", k, NULL);
	fx_refused("未知的用户：nobody", "admin", "user.key.add",
	    "login=nobody", k, NULL);
	/* not a public key line */
	fx_refused("不是有效的 OpenSSH 公钥", "hl_jb", "user.key.add",
	    "login=hl_jb", "key=ssh-ed25519", NULL);
	assert_string_equal(fx_field, "key");
	fx_refused("不是有效的 OpenSSH 公钥", "hl_jb", "user.key.add",
	    "login=hl_jb", "key=ssh-ed25519 AAAA%%%%", NULL);
	make_key(line, sizeof line, "ssh-dss", "ssh-dss", 5, NULL, fp,
	    sizeof fp);
	snprintf(k, sizeof k, "key=%s", line);
	fx_refused("不是有效的 OpenSSH 公钥", "hl_jb", "user.key.add",
	    "login=hl_jb", k, NULL);
	/* the blob says another type than the line */
	make_key(line, sizeof line, "ssh-rsa", "ssh-ed25519", 5, NULL, fp,
	    sizeof fp);
	snprintf(k, sizeof k, "key=%s", line);
	fx_refused("不是有效的 OpenSSH 公钥", "hl_jb", "user.key.add",
	    "login=hl_jb", k, NULL);
	fx_refused("请填写：公钥", "hl_jb", "user.key.add", "login=hl_jb",
	    NULL);
	/* the same key twice */
	ed25519(line, sizeof line, 6, "c", fp, sizeof fp);
	snprintf(k, sizeof k, "key=%s", line);
	fx_ok("hl_jb", "user.key.add", "login=hl_jb", k, NULL);
	ed25519(line, sizeof line, 6, "another comment", fp, sizeof fp);
	snprintf(k, sizeof k, "key=%s", line);
	fx_refused("该公钥已添加", "hl_jb", "user.key.add", "login=hl_jb", k,
	    NULL);
	assert_non_null(strstr(fx_err, fp));
}

/* DESIGN auth: one's own keys only */
static void
key_remove(void **state)
{
	char line[512], fp[64], k[600], f[100];

	(void)state;
	ed25519(line, sizeof line, 7, "c", fp, sizeof fp);
	snprintf(k, sizeof k, "key=%s", line);
	snprintf(f, sizeof f, "fingerprint=%s", fp);
	fx_ok("hl_jb", "user.key.add", "login=hl_jb", k, NULL);
	fx_ok("admin", "user.key.add", "login=hl_sh", k, NULL);
	/* not another user's, nor one it does not have */
	fx_refused("只能管理自己的密钥", "hl_sh", "user.key.remove",
	    "login=hl_jb", f, NULL);
	fx_refused("用户 hl_jb 没有指纹为 SHA256:nope 的公钥", "hl_jb",
	    "user.key.remove", "login=hl_jb", "fingerprint=SHA256:nope",
	    NULL);
	assert_string_equal(fx_field, "fingerprint");
	fx_refused("未知的用户：nobody", "admin", "user.key.remove",
	    "login=nobody", f, NULL);
	fx_refused("无权执行", "register", "user.key.remove", "login=hl_jb",
	    f, NULL);
	fx_ok("hl_jb", "user.key.remove", "login=hl_jb", f, NULL);
	assert_string_equal(fx_key, fp);
	assert_int_equal(fx_int("SELECT count(*) FROM user_keys k JOIN users u "
	    "ON u.id = k.user_id WHERE u.login = 'hl_jb'", NULL), 0);
	/* hl_sh's copy of the same key stays */
	assert_int_equal(fx_int("SELECT count(*) FROM user_keys k JOIN users u "
	    "ON u.id = k.user_id WHERE u.login = 'hl_sh'", NULL), 1);
	fx_refused("没有指纹为", "hl_jb", "user.key.remove", "login=hl_jb", f,
	    NULL);
	/* the admin removes anybody's */
	fx_ok("admin", "user.key.remove", "login=hl_sh", f, NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM user_keys", NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(admin_adds_each_role),
		FX_TEST(county_adds_own_township_user),
		FX_TEST(county_refused_outside_its_townships),
		FX_TEST(add_refused_roles),
		FX_TEST(add_refused_login_and_fields),
		FX_TEST(add_refused_region),
		FX_TEST(add_refused_org),
		FX_TEST(self_change_with_old_password),
		FX_TEST(self_change_refused_wrong_old),
		FX_TEST(admin_reset_sets_must_change),
		FX_TEST(county_resets_own_township_user),
		FX_TEST(passwd_refused_outside_scope),
		FX_TEST(lock_stops_login_unlock_restores),
		FX_TEST(unlock_clears_failures_of_unlocked_user),
		FX_TEST(county_locks_own_township_user),
		FX_TEST(lock_refusals),
		FX_TEST(unlock_refusals),
		FX_TEST(self_change_typed_twice),
		FX_TEST(key_add_own),
		FX_TEST(key_add_refusals),
		FX_TEST(key_remove),
	};

	if (sodium_init() < 0)
		return 1;
	return FX_RUN(tests);
}
