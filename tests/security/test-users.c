/*
 * test-users.c: the attacks on who may act (issue 8 items 3, 6, 7, 10),
 * each written as the attack, on the demo province:
 *
 *   - a session opened before its user was locked (by an admin, by failed
 *     logins), demoted, moved, given a new password by an admin, or
 *     removed goes on acting with the copy of the user made at login
 *     (R-SEC-8.3);
 *   - a county clerk opens a township login, enters and submits through
 *     it, and approves himself; a handler (经办) approves; a county user
 *     is opened without a post (R-SEC-8.6, 8.6a, 8.6b);
 *   - a county lifts a lock set by the province (R-SEC-8.7);
 *   - the auditor and the city write (R-SEC-8.10).
 *
 * Demo users: admin, jjjc (auditor), yc_city (city), hl_jb (county 贺兰县,
 * 经办), hl_sh (county 贺兰县, 审核), xg_zhen (township 习岗镇); every
 * password njbt-demo.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "settle.h"

#define ID_A	ID1
#define ID_B	ID2
#define PW	"njbt-demo"

/* Run action as the actor who (a session's copy, made earlier). */
static int
as_actor(const struct actor *who, const char *action, ...)
{
	const char	*names[16], *values[16], *arg;
	char		 buf[16][512], *eq;
	struct act	*a = NULL;
	va_list		 ap;
	int		 n = 0, rc;

	va_start(ap, action);
	while ((arg = va_arg(ap, const char *)) != NULL && n < 16) {
		snprintf(buf[n], sizeof buf[n], "%s", arg);
		if ((eq = strchr(buf[n], '=')) == NULL)
			abort();
		*eq = '\0';
		names[n] = buf[n];
		values[n] = eq + 1;
		n++;
	}
	va_end(ap);
	rc = action_run(who, action, n, names, values, &a);
	snprintf(fx_err, sizeof fx_err, "%s", a->err);
	snprintf(fx_key, sizeof fx_key, "%s", a->key);
	act_free(&a);
	return rc;
}

/* A session's actor for login, as logging in makes it. */
static void
session_of(const char *login, struct actor *who)
{
	char err[NJ_MSG_MAX];

	assert_int_equal(actor_load(login, who, err, sizeof err), 0);
	assert_true(session_still_valid(who));
}

/* The stale session who is refused an application, and writes nothing. */
static void
stale_refused(const struct actor *who)
{
	uint64_t before = fx_snapshot();

	assert_false(session_still_valid(who));
	assert_int_equal(as_actor(who, "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=" ID_A, "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL), NJ_REFUSED);
	assert_string_equal(fx_err, ACTOR_CHANGED);
	/* even a setting of his own */
	assert_int_equal(as_actor(who, "user.prefs", "colour=0", NULL),
	    NJ_REFUSED);
	assert_string_equal(fx_err, ACTOR_CHANGED);
	assert_true(fx_snapshot() == before);
}

/* Enter an application as clerk; its number into no. */
static void
app_new(char *no, const char *clerk, const char *id, const char *name)
{
	fx_ok(clerk, "application.new", "buyer_type=person",
	    kv("buyer_name", name), kv("id_no", id), "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	snprintf(no, NJ_KEY_MAX, "%s", fx_key);
}

/* --- R-SEC-8.3: a lock takes effect at once ---------------------------- */

/* R-SEC-8.3 issue 8 (3): an admin's lock stops an open session's next action */
static void
locked_user_open_session_refused(void **state)
{
	struct actor who;

	(void)state;
	session_of("hl_jb", &who);
	fx_ok("admin", "user.lock", "login=hl_jb", "reason=离职", NULL);
	stale_refused(&who);
	/* unlocked again: the old session stays ended (epoch), a new one works */
	fx_ok("admin", "user.unlock", "login=hl_jb", NULL);
	stale_refused(&who);
	fx_ok("hl_jb", "user.prefs", "colour=0", NULL);
}

/* R-SEC-8.3 issue 8 (3): the lock by failed logins, and the console's lock */
static void
failure_and_console_locks_refused(void **state)
{
	struct actor who, who2;

	(void)state;
	session_of("xg_zhen", &who);
	q_exec("UPDATE users SET locked_until = '2026-03-02 10:00:00' "
	    "WHERE login = 'xg_zhen'");
	stale_refused(&who);
	q_exec("UPDATE users SET locked_until = '2026-03-02 09:00:00' "
	    "WHERE login = 'xg_zhen'");
	assert_true(session_still_valid(&who));
	session_of("hl_sh", &who2);
	fx_ok(NULL, "user.lock", "login=hl_sh", NULL);
	stale_refused(&who2);
}

/* R-SEC-8.3 issue 8 (3): demoted, moved, given a new post, or removed */
static void
demoted_user_refused(void **state)
{
	struct actor who;

	(void)state;
	session_of("hl_sh", &who);
	fx_ok("admin", "user.post", "login=hl_sh", "post=handler", NULL);
	stale_refused(&who);

	session_of("hl_jb", &who);
	q_exec("UPDATE users SET role = 'township', region = '640122100' "
	    "WHERE login = 'hl_jb'");
	stale_refused(&who);

	session_of("yn_jb", &who);
	q_exec("UPDATE users SET region = '640122' WHERE login = 'yn_jb'");
	stale_refused(&who);

	/* demoted and promoted again: the session made before stays ended */
	session_of("yn_sh", &who);
	q_exec("UPDATE users SET role = 'township', region = '640121100' "
	    "WHERE login = 'yn_sh'");
	q_exec("UPDATE users SET role = 'county', region = '640121' "
	    "WHERE login = 'yn_sh'");
	stale_refused(&who);

	session_of("jg_zhen", &who);
	q_exec("PRAGMA foreign_keys = OFF");
	q_exec("DELETE FROM users WHERE login = 'jg_zhen'");
	stale_refused(&who);
}

/*
 * R-SEC-8.3 issue 8 (3): a password set by an admin ends the open sessions;
 * one the user changes himself does not end his own.
 */
static void
admin_password_change_refused(void **state)
{
	struct actor who;

	(void)state;
	session_of("hl_jb", &who);
	assert_int_equal(as_actor(&who, "user.passwd", "login=hl_jb",
	    "password=new-pass-123", "old_password=" PW, NULL), NJ_OK);
	assert_true(session_still_valid(&who));
	fx_ok("admin", "user.passwd", "login=hl_jb", "password=reset-pass-1",
	    NULL);
	stale_refused(&who);
}

/* --- R-SEC-8.6: 经办/审核 and no puppet accounts ----------------------- */

/*
 * R-SEC-8.6b issue 8 (6): the puppet attack. A county clerk opens a
 * township login, enters and submits through it, then approves himself.
 */
static void
puppet_account_refused(void **state)
{
	char no[NJ_KEY_MAX], no2[NJ_KEY_MAX];

	(void)state;
	/* as a handler (经办) */
	fx_ok("hl_jb", "user.add", "login=puppet1", "name=傀儡一",
	    "role=township", "region=640122100", "password=puppet-pass-1",
	    NULL);
	app_new(no, "puppet1", ID_A, "张三");
	fx_ok("puppet1", "application.submit", kv("application", no), NULL);
	fx_refused("不能审核由您开设的账号录入或上报的申请", "hl_jb",
	    "application.approve", kv("application", no), NULL);
	fx_refused("不能审核由您开设的账号", "hl_jb", "application.reject",
	    kv("application", no), "reason=材料不全", NULL);
	/* made an approver: still not what his own puppet entered */
	fx_ok("admin", "user.post", "login=hl_jb", "post=approver", NULL);
	fx_refused("不能审核由您开设的账号", "hl_jb", "application.approve",
	    kv("application", no), NULL);
	fx_ok("admin", "user.post", "login=hl_jb", "post=handler", NULL);
	/* as an approver (审核): still not what his own puppet entered */
	fx_ok("hl_sh", "user.add", "login=puppet2", "name=傀儡二",
	    "role=township", "region=640122100", "password=puppet-pass-2",
	    NULL);
	assert_int_equal(fx_int("SELECT u.created_by = c.id FROM users u, "
	    "users c WHERE u.login = 'puppet2' AND c.login = 'hl_sh'", NULL), 1);
	app_new(no2, "puppet2", ID_B, "李四");
	fx_ok("puppet2", "application.submit", kv("application", no2), NULL);
	fx_refused("不能审核由您开设的账号录入或上报的申请", "hl_sh",
	    "application.approve", kv("application", no2), NULL);
	fx_refused("不能审核由您开设的账号", "hl_sh", "application.reject",
	    kv("application", no2), "reason=材料不全", NULL);
	/* entered by a real township clerk, submitted by the puppet */
	app_new(no2, "xg_zhen", "640122199205210014", "赵六");
	fx_ok("puppet2", "application.submit", kv("application", no2), NULL);
	fx_refused("不能审核由您开设的账号", "hl_sh", "application.approve",
	    kv("application", no2), NULL);
	/* what the puppet of another clerk entered, the approver decides */
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
}

/*
 * R-SEC-8.6b issue 8 (6): the puppet attack on 复核. The reviewer hl_fh
 * opens a township login, verifies a machine through it, then reviews
 * the machine himself. A handler (经办) reviews nothing.
 */
static void
puppet_review_refused(void **state)
{
	(void)state;
	st_settle(ST_SOLD, 0);
	fx_ok("hl_fh", "user.add", "login=puppet3", "name=傀儡三",
	    "role=township", "region=640122100", "password=puppet-pass-3",
	    NULL);
	st_verify("puppet3", st_xg1);
	st_verify("hl_jb", st_xg2);
	st_verify("hl_sh", st_xg3);
	st_verify_key(st_tl, "宁A-12345");
	now("2026-04-02T09:30:00");
	fx_ok("hl_jb", "batch.new", "month=2026-03", NULL);
	fx_ok("hl_jb", "batch.publicize", "batch=" BATCH, "from=2026-04-03",
	    "to=2026-04-10", NULL);
	now("2026-04-11T09:30:00");
	fx_refused("复核人员不能复核由其开设的账号核验的机具", "hl_fh",
	    "batch.review", "batch=" BATCH, kv("sale", st_xg1), "result=pass",
	    NULL);
	fx_refused("只有审核岗位人员", "hl_jb", "batch.review", "batch=" BATCH,
	    kv("sale", st_xg3), "result=pass", NULL);
	/* what a puppet did not verify, the approver reviews */
	fx_ok("hl_fh", "batch.review", "batch=" BATCH, kv("sale", st_xg3),
	    "result=pass", NULL);
}

/* R-SEC-8.6 issue 8 (6): only 审核 approves, and the post is read now */
static void
handler_may_not_approve(void **state)
{
	char no[NJ_KEY_MAX];

	(void)state;
	app_new(no, "xg_zhen", ID_A, "张三");
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_refused("只有审核岗位人员", "hl_jb", "application.approve",
	    kv("application", no), NULL);
	/* only the province sets a county's post */
	fx_refused("无权", "hl_sh", "user.post", "login=hl_jb",
	    "post=approver", NULL);
	fx_refused("无权", "hl_jb", "user.post", "login=hl_jb",
	    "post=approver", NULL);
	fx_refused("只有县级用户设岗位", "admin", "user.post", "login=xg_zhen",
	    "post=approver", NULL);
	fx_ok("admin", "user.post", "login=hl_jb", "post=approver", NULL);
	fx_ok("hl_jb", "application.approve", kv("application", no), NULL);
}

/* R-SEC-8.6a issue 8 (6): county users carry a post; nobody else does */
static void
county_user_needs_post(void **state)
{
	(void)state;
	fx_refused("岗位", "admin", "user.add", "login=hl_new", "name=新人",
	    "role=county", "region=640122", "password=new-pass-123", NULL);
	fx_refused("只有县级用户设岗位", "admin", "user.add", "login=tw_new",
	    "name=新人", "role=township", "region=640122100",
	    "password=new-pass-123", "post=approver", NULL);
	fx_refused("只有县级用户设岗位", "hl_jb", "user.add", "login=tw_new",
	    "name=新人", "role=township", "region=640122100",
	    "password=new-pass-123", "post=handler", NULL);
	fx_ok("admin", "user.add", "login=hl_new", "name=新人", "role=county",
	    "region=640122", "password=new-pass-123", "post=审核", NULL);
	assert_int_equal(fx_int("SELECT post = 'approver' AND created_by = "
	    "(SELECT id FROM users WHERE login = 'admin') FROM users "
	    "WHERE login = 'hl_new'", NULL), 1);
}

/* --- R-SEC-8.7: locks by level ------------------------------------------ */

/* R-SEC-8.7 issue 8 (7): the county lifting a province lock */
static void
county_may_not_lift_province_lock(void **state)
{
	(void)state;
	fx_ok("admin", "user.lock", "login=xg_zhen", NULL);
	fx_refused("由省级锁定", "hl_jb", "user.unlock", "login=xg_zhen", NULL);
	fx_ok("admin", "user.unlock", "login=xg_zhen", NULL);

	/* the console is the province too */
	fx_ok(NULL, "user.lock", "login=xg_zhen", NULL);
	fx_refused("由省级锁定", "hl_jb", "user.unlock", "login=xg_zhen", NULL);
	fx_ok(NULL, "user.unlock", "login=xg_zhen", NULL);

	/* a county lifts its own lock, and the province any */
	fx_ok("hl_jb", "user.lock", "login=xg_zhen", NULL);
	assert_int_equal(fx_int("SELECT lock_level FROM users "
	    "WHERE login = 'xg_zhen'", NULL), 1);
	fx_ok("hl_sh", "user.unlock", "login=xg_zhen", NULL);
	fx_ok("hl_jb", "user.lock", "login=xg_zhen", NULL);
	fx_ok("admin", "user.unlock", "login=xg_zhen", NULL);
	assert_int_equal(fx_int("SELECT locked + lock_level FROM users "
	    "WHERE login = 'xg_zhen'", NULL), 0);
	/* and only what it may lock */
	fx_ok("admin", "user.lock", "login=yn_jb", NULL);
	fx_refused("无权管理用户", "hl_jb", "user.unlock", "login=yn_jb", NULL);
}

/* --- R-SEC-8.10: read-only roles read ----------------------------------- */

/* What the auditor and the city may still write: their own settings. */
static int
self_service(const char *name)
{
	static const char *const ok[] = {
		"user.passwd", "user.key.add", "user.key.remove", "user.prefs"
	};
	size_t i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (strcmp(ok[i], name) == 0)
			return 1;
	return 0;
}

/*
 * What the city records as well as reads (issue 13; 003 附件2 第五条:
 * the three levels investigate violations in their regions; 第十三条:
 * and handle the complaints of their regions).
 */
static int
city_records(const char *login, const char *name)
{
	return strcmp(login, "yc_city") == 0 &&
	    (strcmp(name, "violation.new") == 0 ||
	    strncmp(name, "complaint.", strlen("complaint.")) == 0);
}

/*
 * R-SEC-8.10 issue 8 (10): walk every action; for the auditor and the
 * city each is read-only, self-service, or refused by the role check
 * (the city's records of violations aside).
 */
static void
readonly_roles_walk_every_action(void **state)
{
	static const char *const logins[] = { "jjjc", "yc_city" };
	const struct action	*def;
	struct actor		 who;
	size_t			 i, k;

	(void)state;
	for (k = 0; k < 2; k++) {
		session_of(logins[k], &who);
		for (i = 0; (def = action_at(i)) != NULL; i++) {
			if (!action_allowed(def, &who) || def->readonly ||
			    self_service(def->name) ||
			    city_records(logins[k], def->name))
				continue;
			fprintf(stderr, "%s may run %s\n", logins[k],
			    def->name);
			fail();
		}
	}
}

/* R-SEC-8.10 issue 8 (10): the auditor writing */
static void
auditor_writing_refused(void **state)
{
	(void)state;
	fx_refused("无权执行", "jjjc", "dealer.register", "name=某农机公司",
	    "uscc=91640100MA76E5B13Q", "legal_rep=某人", "address=银川",
	    "phone=13900000000", "login=jj_dealer", "password=dealer-pass-1",
	    NULL);
	fx_refused("无权执行", "yc_city", "dealer.register", "name=某农机公司",
	    "uscc=91640100MA76E5B13Q", "legal_rep=某人", "address=银川",
	    "phone=13900000000", "login=jj_dealer", "password=dealer-pass-1",
	    NULL);
	fx_refused("无权管理用户", "jjjc", "user.passwd", "login=hl_jb",
	    "password=taken-over-1", NULL);
	fx_refused("无权管理用户", "yc_city", "user.passwd", "login=hl_jb",
	    "password=taken-over-1", NULL);
	fx_refused("无权执行", "jjjc", "user.lock", "login=hl_jb", NULL);
	fx_refused("无权执行", "yc_city", "user.add", "login=yc_x",
	    "name=某人", "role=township", "region=640122100",
	    "password=new-pass-123", NULL);
	/* their own settings they may change */
	fx_ok("jjjc", "user.passwd", "login=jjjc", "password=new-pass-123",
	    "old_password=" PW, NULL);
	fx_ok("yc_city", "user.prefs", "colour=0", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(locked_user_open_session_refused),
		FX_TEST(failure_and_console_locks_refused),
		FX_TEST(demoted_user_refused),
		FX_TEST(admin_password_change_refused),
		FX_TEST(puppet_account_refused),
		FX_TEST(puppet_review_refused),
		FX_TEST(handler_may_not_approve),
		FX_TEST(county_user_needs_post),
		FX_TEST(county_may_not_lift_province_lock),
		FX_TEST(readonly_roles_walk_every_action),
		FX_TEST(auditor_writing_refused),
	};

	return FX_RUN(tests);
}
