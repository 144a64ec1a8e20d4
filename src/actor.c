/*
 * actor.c: who is acting. Loads a user by login into a struct actor (role,
 * scope region, organisation, post, and the epoch of the user's rights),
 * or makes the console operator, who may run every admin action from the
 * server's shell (njbt user, njbt import). actor_current() re-reads the
 * user inside every action (issue 8 item 3): a session holds a copy made
 * at login, and what was true then may not be now.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"

/* Load login as the actor: 0, or -1 with a Chinese reason in err. */
int
actor_load(const char *login, struct actor *who, char *err, size_t errlen)
{
	sqlite3_stmt	*st = sql_query(SQL_ACTOR_LOAD, login);
	int		 rc = sql_step(st);

	memset(who, 0, sizeof *who);
	if (rc != 1) {
		sqlite3_reset(st);
		xsnprintf(err, errlen, rc < 0 ? "数据库错误：%s" : "未知的用户：%s",
		    rc < 0 ? store_errmsg() : login);
		return -1;
	}
	who->id = sqlite3_column_int64(st, 0);
	sql_col_copy(st, 1, who->login, sizeof who->login);
	sql_col_copy(st, 2, who->name, sizeof who->name);
	who->role = role_parse(sql_col(st, 3));
	sql_col_copy(st, 4, who->region, sizeof who->region);
	who->org = sqlite3_column_int64(st, 5);
	rc = sqlite3_column_int(st, 6);
	sql_col_copy(st, 7, who->post, sizeof who->post);
	who->epoch = sqlite3_column_int64(st, 8);
	sqlite3_reset(st);
	strlcpy0(who->from, "console", sizeof who->from);
	if (who->role < 0) {
		xsnprintf(err, errlen, "用户 %s 的角色无效", login);
		return -1;
	}
	if (rc) {
		xsnprintf(err, errlen, "账号 %s 已被锁定，请联系管理员解锁", login);
		return -1;
	}
	return 0;
}

/* The operator at the server's shell, named by the Unix user. */
void
actor_console(struct actor *who)
{
	const char *u = getenv("USER");

	memset(who, 0, sizeof *who);
	who->role = ROLE_CONSOLE;
	xsnprintf(who->login, sizeof who->login, "console:%s",
	    u != NULL && *u != '\0' ? u : "root");
	strlcpy0(who->name, "服务器控制台", sizeof who->name);
	strlcpy0(who->from, "console", sizeof who->from);
}

/*
 * Is who still the user that logged in? Re-read the row (inside the
 * caller's transaction, when there is one): refused when the user was
 * removed, locked by someone (users.locked) or by failed logins
 * (locked_until still to come), or given another role, scope,
 * organisation or post, or when someone else bumped the epoch (a lock
 * lifted again, a password set by an admin). The console is always
 * itself. Returns NJ_OK, NJ_REFUSED or NJ_ERROR.
 * R-SEC-8.3 issue 8 (3)
 */
int
actor_current(const struct actor *who)
{
	sqlite3_stmt	*st;
	char		 login[NJ_LOGIN_MAX + 1], region[NJ_REGION_MAX];
	char		 until[32], post[16], now[32];
	int64_t		 org, epoch;
	int		 rc, role, locked;

	if (who->role == ROLE_CONSOLE || who->id == 0)
		return NJ_OK;
	st = sql_query(SQL_ACTOR_NOW, who->id);
	if ((rc = sql_step(st)) != 1) {
		sqlite3_reset(st);
		return rc < 0 ? NJ_ERROR : NJ_REFUSED;
	}
	sql_col_copy(st, 0, login, sizeof login);
	role = role_parse(sql_col(st, 1));
	sql_col_copy(st, 2, region, sizeof region);
	org = sqlite3_column_int64(st, 3);
	locked = sqlite3_column_int(st, 4);
	sql_col_copy(st, 5, until, sizeof until);
	sql_col_copy(st, 6, post, sizeof post);
	epoch = sqlite3_column_int64(st, 7);
	sqlite3_reset(st);
	clock_stamp(clock_now(), now, sizeof now);
	if (locked || (until[0] != '\0' && strcmp(until, now) > 0) ||
	    epoch != who->epoch || role != who->role ||
	    strcmp(login, who->login) != 0 ||
	    strcmp(region, who->region) != 0 || org != who->org ||
	    strcmp(post, who->post) != 0)
		return NJ_REFUSED;
	return NJ_OK;
}

/*
 * For an open session's screens, every few seconds: 1 while who may go
 * on, 0 when the session must end. One indexed read outside any
 * transaction; a database too busy to answer is no reason to end it.
 */
int
session_still_valid(const struct actor *who)
{
	return actor_current(who) != NJ_REFUSED;
}
