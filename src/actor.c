/*
 * actor.c: who is acting. Loads a user by login into a struct actor (role,
 * scope region, organisation), or makes the console operator, who may run
 * every admin action from the server's shell (njbt user, njbt import).
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
	sqlite3_stmt	*st = sql_query(SQL_ACTOR_BY_LOGIN, "t", login);
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
