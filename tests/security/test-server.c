/*
 * test-server.c: attacks on logging in and on dealer registration (issue 8
 * item 8), at the level of auth.c and the actions, each written as the
 * attack: an outsider's wrong passwords from one address lock the admin
 * out; a refusal tells an unknown login from a locked one; a lock lets a
 * guesser test passwords; a registration squatting a credit code and a
 * login for ever; nobody able to free a credit code a fake registration
 * holds.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

static const struct auth_policy pol = {
	AUTH_MAX_FAILURES, AUTH_WINDOW, AUTH_LOCK_SECONDS,
	AUTH_ACCOUNT_FAILURES, 0, 0, 30		/* no cap on hashes */
};

static char	msg[NJ_MSG_MAX];

/* One password login; its result, the text for the client in msg. */
static int
try_pw(const char *login, const char *password, const char *addr)
{
	struct actor who;

	return auth_password(login, password, addr, &pol, &who, msg,
	    sizeof msg);
}

static int64_t
account_locked(const char *login)
{
	return fx_int("SELECT count(*) FROM users WHERE login = ?1 AND "
	    "ifnull(locked_until, '') > '2026-03-02 09:30:00'", login, NULL);
}

/*
 * R-SEC-8.8c issue 8 (8): 10 wrong passwords for the admin from one
 * address (an outsider) lock the pair (admin, that address), not the
 * account: the admin still logs in from the office's address.
 */
static void
outsider_cannot_lock_admin_out(void **state)
{
	char	pw[32];
	int	i;

	(void)state;
	for (i = 0; i < 10; i++) {
		snprintf(pw, sizeof pw, "guess-%d", i);
		assert_int_equal(try_pw("admin", pw, "10.9.9.9"), NJ_REFUSED);
	}
	assert_int_equal(account_locked("admin"), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM login_pair_locks p "
	    "JOIN users u ON u.id = p.user_id WHERE u.login = 'admin' AND "
	    "p.addr = '10.9.9.9'", NULL), 1);
	assert_int_equal(try_pw("admin", "njbt-demo", "192.168.1.10"), NJ_OK);
	/* from the outsider's address even the right password is refused */
	assert_int_equal(try_pw("admin", "njbt-demo", "10.9.9.9"), NJ_REFUSED);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'login.lock' AND login = 'admin' AND detail LIKE "
	    "'%scope=addr addr=10.9.9.9%'", NULL), 1);
}

/* R-SEC-8.8d issue 8 (8): the account at 20 failures from any address. */
static void
account_locked_at_higher_count(void **state)
{
	char	addr[32];
	int	i;

	(void)state;
	for (i = 0; i < AUTH_ACCOUNT_FAILURES - 1; i++) {
		snprintf(addr, sizeof addr, "10.0.%d.1", i / 4);
		assert_int_equal(try_pw("hl_sh", "wrong", addr), NJ_REFUSED);
	}
	assert_int_equal(account_locked("hl_sh"), 0);
	assert_int_equal(try_pw("hl_sh", "wrong", "10.0.99.1"), NJ_REFUSED);
	assert_int_equal(account_locked("hl_sh"), 1);
	assert_string_equal(msg, "用户名或密码不正确。");
	assert_int_equal(try_pw("hl_sh", "njbt-demo", "192.168.1.10"),
	    NJ_REFUSED);
	assert_non_null(strstr(msg, "账号已锁定至 2026-03-02 09:45"));
}

/*
 * R-SEC-8.8e issue 8 (8): an unknown login, a wrong password, a locked
 * account and a locked pair are answered with the same text; the reason
 * only after the right password.
 */
static void
no_enumeration(void **state)
{
	char	unknown[NJ_MSG_MAX], wrong[NJ_MSG_MAX];
	int	i;

	(void)state;
	assert_int_equal(try_pw("no_such_user", "x", "10.1.1.1"), NJ_REFUSED);
	snprintf(unknown, sizeof unknown, "%s", msg);
	assert_int_equal(try_pw("hl_cz", "x", "10.1.1.1"), NJ_REFUSED);
	snprintf(wrong, sizeof wrong, "%s", msg);
	assert_string_equal(unknown, wrong);
	/* an admin's lock */
	fx_ok("admin", "user.lock", "login=hl_cz", "reason=测试", NULL);
	assert_int_equal(try_pw("hl_cz", "x", "10.1.1.2"), NJ_REFUSED);
	assert_string_equal(msg, unknown);
	assert_int_equal(try_pw("hl_cz", "njbt-demo", "10.1.1.2"), NJ_REFUSED);
	assert_non_null(strstr(msg, "管理员锁定"));
	/* the 5th failure of a pair is not announced either */
	for (i = 0; i < AUTH_MAX_FAILURES; i++) {
		assert_int_equal(try_pw("yn_cz", "x", "10.1.1.3"), NJ_REFUSED);
		assert_string_equal(msg, unknown);
	}
	assert_int_equal(try_pw("yn_cz", "x", "10.1.1.3"), NJ_REFUSED);
	assert_string_equal(msg, unknown);
}

/*
 * R-SEC-8.8f issue 8 (8): a lock cannot be used to test passwords: after
 * AUTH_LOCKED_TRIES (3) wrong passwords during a lock, even the right one
 * gets the common text.
 */
static void
lock_is_no_password_oracle(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < AUTH_MAX_FAILURES; i++)
		try_pw("hl_jb", "x", "10.2.2.2");
	/* the clerk who mistyped is told after the right password */
	assert_int_equal(try_pw("hl_jb", "njbt-demo", "10.2.2.2"), NJ_REFUSED);
	assert_non_null(strstr(msg, "从该地址登录已锁定至"));
	/* a guesser goes on */
	setenv("NJBT_NOW", "2026-03-02T09:31:00", 1);
	for (i = 0; i < 3; i++)
		try_pw("hl_jb", "guess", "10.2.2.2");
	assert_int_equal(try_pw("hl_jb", "njbt-demo", "10.2.2.2"), NJ_REFUSED);
	assert_string_equal(msg, "用户名或密码不正确。");
	/* the guesses kept the lock on: 15 minutes from the last */
	setenv("NJBT_NOW", "2026-03-02T09:45:30", 1);
	assert_int_equal(try_pw("hl_jb", "njbt-demo", "10.2.2.2"), NJ_REFUSED);
	setenv("NJBT_NOW", "2026-03-02T09:46:30", 1);
	assert_int_equal(try_pw("hl_jb", "njbt-demo", "10.2.2.2"), NJ_OK);
	setenv("NJBT_NOW", FX_NOW, 1);
}

/* user.unlock lifts the pair locks too. */
static void
unlock_lifts_pair_locks(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < AUTH_MAX_FAILURES; i++)
		try_pw("jg_zhen", "x", "10.3.3.3");
	assert_int_equal(try_pw("jg_zhen", "njbt-demo", "10.3.3.3"),
	    NJ_REFUSED);
	fx_ok("admin", "user.unlock", "login=jg_zhen", NULL);
	assert_int_equal(try_pw("jg_zhen", "njbt-demo", "10.3.3.3"), NJ_OK);
}

static void
register_again(const char *login, const char *uscc)
{
	char u[32], l[64];

	snprintf(u, sizeof u, "uscc=%s", uscc);
	snprintf(l, sizeof l, "login=%s", login);
	fx_ok("register", "dealer.register", "name=贺兰县真实农机有限公司", u,
	    "legal_rep=赵六", "address=贺兰县立岗镇", "phone=13895099999", l,
	    "password=real-pass", NULL);
}

/*
 * R-SEC-8.8g issue 8 (8): a registration no maker picks within 30 days
 * expires; its credit code and login are free again, and the expiry is
 * audited.
 */
static void
registration_expires(void **state)
{
	char uscc[20];

	(void)state;
	fx_new_dealer("squat", uscc, 4242);
	setenv("NJBT_NOW", "2026-03-31T09:00:00", 1);	/* 29 days */
	{
		char u[32];

		snprintf(u, sizeof u, "uscc=%s", uscc);
		fx_refused("已注册", "register", "dealer.register",
		    "name=贺兰县真实农机有限公司", u, "legal_rep=赵六",
		    "address=贺兰县立岗镇", "phone=13895099999", "login=real",
		    "password=real-pass", NULL);
	}
	setenv("NJBT_NOW", "2026-04-02T09:31:00", 1);	/* 31 days */
	register_again("squat", uscc);
	assert_int_equal(fx_int("SELECT count(*) FROM dealers WHERE uscc = ?1 "
	    "AND legal_rep = '赵六'", uscc, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'dealer.expire' AND record = ?1 AND detail LIKE "
	    "'%logins=squat%'", uscc, NULL), 1);
	setenv("NJBT_NOW", FX_NOW, 1);
}

/* A picked dealer never expires, nor one a maker picked and dropped. */
static void
picked_dealer_does_not_expire(void **state)
{
	char uscc[20], d[40];

	(void)state;
	fx_new_dealer("kept", uscc, 4343);
	snprintf(d, sizeof d, "dealer=%s", uscc);
	fx_ok("ss_maker", "dealer.pick", d, NULL);
	fx_ok("ss_maker", "dealer.unpick", d, NULL);
	setenv("NJBT_NOW", "2026-06-02T09:30:00", 1);
	{
		char other[20];

		fx_new_dealer("other", other, 4344);
	}
	assert_int_equal(fx_int("SELECT count(*) FROM dealers WHERE uscc = ?1",
	    uscc, NULL), 1);
	setenv("NJBT_NOW", FX_NOW, 1);
}

/*
 * R-SEC-8.8h issue 8 (8): the admin contests a credit code a pending
 * registration holds; the real company registers at once.
 */
static void
admin_contests_registration(void **state)
{
	char uscc[20], u[32];

	(void)state;
	fx_new_dealer("fake", uscc, 4545);
	snprintf(u, sizeof u, "uscc=%s", uscc);
	fx_refused("无权", "ss_maker", "dealer.contest", u, "reason=冒用",
	    NULL);
	fx_ok("admin", "dealer.contest", u, "reason=企业持营业执照原件申诉",
	    NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM dealers WHERE uscc = ?1",
	    uscc, NULL), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM users WHERE login = "
	    "'fake'", NULL), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'dealer.contest' AND record = ?1 AND detail LIKE "
	    "'%营业执照%'", uscc, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'dealer.cancel' AND record = ?1 AND detail LIKE "
	    "'%logins=fake%'", uscc, NULL), 1);
	register_again("real", uscc);
	/* a dealer in business cannot be contested away */
	fx_refused("不能撤销", "admin", "dealer.contest",
	    "uscc=91640122MA76F2K349", "reason=试试", NULL);
}

/*
 * R-SEC-8.8f issue 8 (8), issue 11 (8): the SSH server accepts a login only
 * to tell its reason on the terminal when auth_refusal_told() says the
 * reason is for the holder of the password; never for an unknown login, a
 * wrong password (for a locked account too), or a lock tried with guesses.
 */
static void
refusal_told_only_to_holder(void **state)
{
	int i, rc;

	(void)state;
	rc = try_pw("no_such_user", "njbt-demo", "10.3.3.1");
	assert_false(auth_refusal_told(rc, msg));
	rc = try_pw("hl_cz", "wrong", "10.3.3.1");
	assert_false(auth_refusal_told(rc, msg));
	fx_ok("admin", "user.lock", "login=hl_cz", "reason=测试", NULL);
	rc = try_pw("hl_cz", "wrong", "10.3.3.2");
	assert_false(auth_refusal_told(rc, msg));
	rc = try_pw("hl_cz", "njbt-demo", "10.3.3.2");
	assert_int_equal(rc, NJ_REFUSED);
	assert_true(auth_refusal_told(rc, msg));
	/* a locked pair: told to the holder, until guesses pile up */
	for (i = 0; i < AUTH_MAX_FAILURES; i++) {
		rc = try_pw("yn_jb", "x", "10.3.3.3");
		assert_false(auth_refusal_told(rc, msg));
	}
	rc = try_pw("yn_jb", "njbt-demo", "10.3.3.3");
	assert_true(auth_refusal_told(rc, msg));
	setenv("NJBT_NOW", "2026-03-02T09:31:00", 1);
	for (i = 0; i < 3; i++)
		try_pw("yn_jb", "guess", "10.3.3.3");
	rc = try_pw("yn_jb", "njbt-demo", "10.3.3.3");
	setenv("NJBT_NOW", FX_NOW, 1);
	assert_int_equal(rc, NJ_REFUSED);
	assert_false(auth_refusal_told(rc, msg));
	/* a login, and the register login with any password, are no refusal */
	rc = try_pw("hl_sh", "njbt-demo", "10.3.3.4");
	assert_int_equal(rc, NJ_OK);
	assert_false(auth_refusal_told(rc, msg));
	assert_false(auth_refusal_told(NJ_ERROR, "系统繁忙，请稍后再登录。"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(outsider_cannot_lock_admin_out),
		FX_TEST(account_locked_at_higher_count),
		FX_TEST(no_enumeration),
		FX_TEST(lock_is_no_password_oracle),
		FX_TEST(refusal_told_only_to_holder),
		FX_TEST(unlock_lifts_pair_locks),
		FX_TEST(registration_expires),
		FX_TEST(picked_dealer_does_not_expire),
		FX_TEST(admin_contests_registration),
	};

	return FX_RUN(tests);
}
