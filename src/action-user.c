/*
 * action-user.c: user management. Every user is a real, named person with
 * one role and one scope (001 实名制). The admin adds users of any role; a
 * county clerk adds and locks the township users of its county (000 三(二)1
 * 乡镇用户管理). Passwords are stored as argon2id hashes only; a user given
 * a password by someone else must change it at the first login. A county
 * user carries a post (经办/审核, action-post.c). A lock holds at the
 * level of whoever set it (issue 8 item 7), and whatever someone else
 * changes of a user (lock, password) ends the user's open sessions
 * (issue 8 item 3: users.auth_epoch, actor.c).
 */
#include <stdlib.h>
#include <string.h>

#include "actions.h"

/* Insert a user row; pwhash is an argon2id hash or NULL. */
int
user_insert(struct act *a, const char *login, const char *name, int role,
    const char *region, int64_t maker, int64_t dealer, const char *pwhash,
    int must_change)
{
	char at[32];

	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_USER_INSERT, login, name,
	    role_name(role), region, maker, dealer, pwhash, must_change,
	    at) != 0)
		return act_fail(a, "保存用户");
	return NJ_OK;
}

/*
 * Open an organisation's account (a maker's, a dealer's) from the action's
 * fields name, uscc, legal_rep, address, phone, login, password: the
 * organisation once per credit code, and its first login, held by person.
 */
int
org_open(struct act *a, const struct org_kind *k, const char *person,
    int must_change)
{
	struct sealed	 phone;
	int64_t		 id;
	char		 at[32];
	int		 rc;

	rc = sql_int(&id, k->exists, act_str(a, "uscc"));
	if (rc < 0)
		return act_fail(a, k->what);
	if (rc == 1)
		return act_refuse(a, "uscc", "统一社会信用代码 %s 的%s%s",
		    act_str(a, "uscc"), k->what, k->dup);
	if ((rc = login_free(a, "login", act_str(a, "login"))) != NJ_OK)
		return rc;
	clock_stamp(a->now, at, sizeof at);
	/* R-SEC-8.5a issue 8 (5): sealed for the row about to be inserted */
	if ((id = store_next_id(k->phone_ad)) <= 0)
		return act_fail(a, k->what);
	sealed_make(&phone, k->phone_ad, id, "phone", act_str(a, "phone"));
	rc = sql_exec(k->insert, act_str(a, "name"),
	    act_str(a, "uscc"), act_str(a, "legal_rep"), act_str(a, "address"),
	    SQL_BLOB(phone.blob, phone.len), SEALED_LAST4(&phone), at);
	sealed_free(&phone);
	if (rc != 0 || store_last_id() != id)
		return act_fail(a, k->what);
	if ((rc = user_insert(a, act_str(a, "login"), person, k->role, NULL,
	    k->role == ROLE_MAKER ? id : 0, k->role == ROLE_DEALER ? id : 0,
	    act_str(a, "password"), must_change)) != NJ_OK)
		return rc;
	act_key(a, "%s", act_str(a, "login"));
	return NJ_OK;
}

/* R-001-A1-16a 001 第十六条 实名制: a login and the name of its person. */
static const struct field add_fields[] = {
	{ "login", FT_LOGIN, FF_REQ, "登录名", NULL, 32 },
	{ "name", FT_TEXT, FF_REQ, "姓名", NULL, 20 },
	{ "role", FT_CHOICE, FF_REQ, "角色",
	    "admin:省级管理员,city:市级监管,county:县级农机部门,"
	    "township:乡镇农机站,finance:县级财政部门,maker:生产企业,"
	    "dealer:补贴经销商,auditor:纪检监察", 0 },
	{ "region", FT_REF, 0, "所属行政区划", "region", 16 },
	{ "org", FT_REF, 0, "所属企业（信用代码）", "org", 18 },
	{ "password", FT_PASSWORD, FF_REQ | FF_SECRET, "初始密码", NULL, 128 },
	{ "post", FT_CHOICE, 0, "岗位（县级用户）", "handler:经办,approver:审核",
	    0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static int
user_add(struct act *a)
{
	struct region_row	 r;
	struct org_row		 o;
	const char		*region = act_str(a, "region");
	const char		*post;
	int			 role = role_parse(act_str(a, "role"));
	const struct role_scope	*sc = role_scope(role);
	int64_t			 maker = 0, dealer = 0;
	int			 rc;

	/* the choices of the role field: every role but register, console */
	if (role < 0 || role >= ROLE_REGISTER)
		abort();
	/* R-000-M-3.2.1 000 三(二)1: a county opens its townships' users, nobody else */
	if (a->who->role == ROLE_COUNTY && role != ROLE_TOWNSHIP)
		return act_refuse(a, "role", "县级用户只能开设乡镇用户");
	if ((rc = login_free(a, "login", act_str(a, "login"))) != NJ_OK)
		return rc;
	/* R-SEC-9.5 issue 9 (5): the region's level, the role table's */
	if (sc->level != NULL) {
		if (region == NULL)
			return act_refuse(a, "region", "请填写：所属行政区划");
		if ((rc = find_region(a, "region", region,
		    sc->level, &r)) != NJ_OK)
			return rc;
		if ((rc = need_scope(a, "region", region)) != NJ_OK)
			return rc;
	} else
		region = NULL;
	if (sc->org != ROLE_ORG_NONE) {
		if (!act_has(a, "org"))
			return act_refuse(a, "org", "请填写：所属企业（信用代码）");
		rc = sc->org == ROLE_ORG_MAKER ?
		    find_maker_uscc(a, "org", act_str(a, "org"), &o) :
		    find_dealer_uscc(a, "org", act_str(a, "org"), &o);
		if (rc != NJ_OK)
			return rc;
		if (sc->org == ROLE_ORG_MAKER)
			maker = o.id;
		else
			dealer = o.id;
	}
	if ((rc = post_for_new(a, role, &post)) != NJ_OK)
		return rc;
	if ((rc = user_insert(a, act_str(a, "login"), act_str(a, "name"), role,
	    region, maker, dealer, act_str(a, "password"), 1)) != NJ_OK)
		return rc;
	/* R-SEC-8.6b issue 8 (6): who opened it, against puppet accounts */
	if ((rc = post_record_new(a, store_last_id(), post)) != NJ_OK)
		return rc;
	act_key(a, "%s", act_str(a, "login"));
	return NJ_OK;
}

const struct action action_user_add = {
	"user.add", "新增用户", R(ROLE_ADMIN) | R(ROLE_COUNTY), add_fields,
	user_add, 0, NULL, "已新增"
};

/*
 * May the acting user manage user u? The admin manages everybody; a county
 * clerk manages the township users of its county.
 */
static int
may_manage(struct act *a, const struct user_row *u)
{
	int rc;

	if (a->who->role == ROLE_ADMIN || a->who->role == ROLE_CONSOLE)
		return NJ_OK;
	if (a->who->role == ROLE_COUNTY && u->role == ROLE_TOWNSHIP) {
		if ((rc = scope_has(a, a->who, u->region)) < 0)
			return act_fail(a, "查询管辖范围");
		if (rc == 1)
			return NJ_OK;
	}
	return act_refuse(a, "login", "无权管理用户 %s", u->login);
}

static const struct field passwd_fields[] = {
	{ "login", FT_REF, FF_REQ, "登录名", "user", 32 },
	{ "password", FT_PASSWORD, FF_REQ | FF_SECRET, "新密码", NULL, 128 },
	{ "old_password", FT_TEXT, FF_SECRET, "原密码", NULL, 128 },
	/* issue 11 (6): the new one typed twice (the form asks for it) */
	{ "password2", FT_TEXT, FF_SECRET, "再次输入新密码", NULL, 128 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * Change a password. Users change their own with the old one; an admin
 * (or a county for its townships) sets one, which the user must change.
 */
static int
user_passwd(struct act *a)
{
	struct user_row	 u;
	char		 hash[PASSWD_HASH_MAX];
	int		 rc, self;

	if ((rc = find_user(a, "login", act_str(a, "login"), &u)) != NJ_OK)
		return rc;
	/* issue 11 (6): typed twice, the two must be the same */
	if (act_has(a, "password2") && !passwd_verify(act_str(a, "password"),
	    act_str(a, "password2")))
		return act_refuse(a, "password2", "两次输入的新密码不一致");
	self = strcmp(u.login, a->who->login) == 0;
	if (self && a->who->role != ROLE_CONSOLE) {
		rc = sql_text(hash, sizeof hash, SQL_USER_PWHASH, u.id);
		if (rc < 0)
			return act_fail(a, "查询用户");
		if (!act_has(a, "old_password") || !passwd_verify(hash,
		    act_str(a, "old_password")))
			return act_refuse(a, "old_password", "原密码不正确");
	} else if ((rc = may_manage(a, &u)) != NJ_OK)
		return rc;
	if (sql_exec(SQL_USER_SET_PASSWORD, act_str(a, "password"),
	    self ? 0 : 1, u.id) != 0)
		return act_fail(a, "保存密码");
	/* R-SEC-8.3 issue 8 (3): a password set by someone else ends the
	 * user's open sessions */
	if (!self && sql_exec(SQL_USER_EPOCH_BUMP, u.id) != 0)
		return act_fail(a, "保存密码");
	act_key(a, "%s", u.login);
	return NJ_OK;
}

const struct action action_user_passwd = {
	"user.passwd", "修改密码", R(ROLE_ADMIN) | R(ROLE_CITY) |
	    R(ROLE_COUNTY) | R(ROLE_TOWNSHIP) | R(ROLE_FINANCE) |
	    R(ROLE_MAKER) | R(ROLE_DEALER) | R(ROLE_AUDITOR), passwd_fields,
	user_passwd, 0, NULL, "已修改密码"
};

static const struct field lock_fields[] = {
	{ "login", FT_REF, FF_REQ, "登录名", "user", 32 },
	{ "reason", FT_TEXT, 0, "原因", NULL, 100 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static int
user_lock(struct act *a)
{
	struct user_row	u;
	int		rc;

	if ((rc = find_user(a, "login", act_str(a, "login"), &u)) != NJ_OK)
		return rc;
	if ((rc = may_manage(a, &u)) != NJ_OK)
		return rc;
	if (strcmp(u.login, a->who->login) == 0)
		return act_refuse(a, "login", "不能锁定自己的账号");
	if (u.locked)
		return act_refuse(a, "login", "用户 %s 已被锁定", u.login);
	/* R-SEC-8.7 issue 8 (7): the lock holds at the locker's level;
	 * R-SEC-8.3: the epoch moves, so open sessions end at once */
	if (sql_exec(SQL_USER_SET_LOCK_LEVEL, 1,
	    role_level(a->who->role), u.id) != 0)
		return act_fail(a, "锁定用户");
	act_key(a, "%s", u.login);
	return NJ_OK;
}

const struct action action_user_lock = {
	"user.lock", "锁定用户", R(ROLE_ADMIN) | R(ROLE_COUNTY), lock_fields,
	user_lock, 0, NULL, "已锁定"
};

/* The levels by name, for the refusal of an unlock from below. */
static const char *const level_names[] = {
	"", "县级", "市级", "省级"
};

static int
user_unlock(struct act *a)
{
	struct user_row	u;
	int64_t		level = 0;
	int		rc;

	if ((rc = find_user(a, "login", act_str(a, "login"), &u)) != NJ_OK)
		return rc;
	if ((rc = may_manage(a, &u)) != NJ_OK)
		return rc;
	if (sql_int(&level, SQL_USER_LOCK_LEVEL, u.id) < 0)
		return act_fail(a, "查询锁定");
	/* R-SEC-8.7 issue 8 (7): a lock is lifted from its level or above */
	if (u.locked && level > role_level(a->who->role))
		return act_refuse(a, "login", "用户 %s 由%s锁定，只能由%s或上级解锁",
		    u.login, level_names[level > 3 ? 3 : level],
		    level_names[level > 3 ? 3 : level]);
	if (sql_exec(SQL_USER_SET_LOCK_LEVEL, 0, 0, u.id) != 0 ||
	    sql_exec(SQL_LOGIN_FAILURES_CLEAR, u.id) != 0 ||
	    sql_exec(SQL_SRV_PAIR_LOCKS_CLEAR, u.id) != 0)
		return act_fail(a, "解锁用户");
	act_key(a, "%s", u.login);
	return NJ_OK;
}

const struct action action_user_unlock = {
	"user.unlock", "解锁用户", R(ROLE_ADMIN) | R(ROLE_COUNTY), lock_fields,
	user_unlock, 0, NULL, "已解锁"
};

static const struct field prefs_fields[] = {
	{ "colour", FT_CHOICE, FF_REQ, "彩色显示", "1:开,0:关", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* A user's own display setting: colour on or off (plain is cheapest). */
static int
user_prefs(struct act *a)
{
	if (sql_exec(SQL_USER_SET_COLOUR, strcmp(act_str(a, "colour"),
	    "1") == 0, a->who->id) != 0)
		return act_fail(a, "保存设置");
	act_key(a, "%s", a->who->login);
	return NJ_OK;
}

const struct action action_user_prefs = {
	"user.prefs", "显示设置", R(ROLE_ADMIN) | R(ROLE_CITY) |
	    R(ROLE_COUNTY) | R(ROLE_TOWNSHIP) | R(ROLE_FINANCE) |
	    R(ROLE_MAKER) | R(ROLE_DEALER) | R(ROLE_AUDITOR), prefs_fields,
	user_prefs, 0, NULL, "已更改显示设置"
};

/* The user's colour setting: 1 on, 0 off. */
int
user_colour(const struct actor *who)
{
	int64_t v = 1;

	if (sql_int(&v, SQL_USER_COLOUR, who->id) < 0)
		return 1;
	return v != 0;
}
