/*
 * unix-users.c: which njbt login a Unix account is (issue 14 item 6), by
 * the file FILE.db.unix-users beside the database: "unixname login"
 * lines, # comments. The file must belong to the database's owner or
 * root and be writable by no one else, or it maps no one.
 *
 * unix_users_may_act is the rule for the batch commands (cmd_open) run
 * by a Unix account other than the database's owner and root: only as
 * the login mapped to it, never as the console. `njbt serve --socket`
 * (ssh-local.c) maps the peer of each connection the same way.
 */
#include <sys/stat.h>

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "njbt.h"

#define UNIX_USERS_TAIL	".unix-users"

/*
 * The login mapped to the Unix user name in the file beside db: 0 and
 * the login, 1 if none, -1 if the file cannot be trusted or read (why in
 * msg). The file must belong to the database's owner or root and be
 * writable by no one else.
 */
int
unix_users_map(const char *db, const char *name, char *login, size_t len,
    char *msg, size_t mlen)
{
	struct stat	 sb, dsb;
	char		 path[4200], line[512], *u, *l, *save;
	FILE		*f;
	int		 rc = 1;

	xsnprintf(path, sizeof path, "%s" UNIX_USERS_TAIL, db);
	if ((f = fopen(path, "re")) == NULL) {
		xsnprintf(msg, mlen, "无法读取用户对应表 %s：%s", path,
		    strerror(errno));
		return errno == ENOENT ? 1 : -1;
	}
	if (fstat(fileno(f), &sb) != 0 || stat(db, &dsb) != 0 ||
	    (sb.st_uid != 0 && sb.st_uid != dsb.st_uid) ||
	    (sb.st_mode & 022) != 0) {
		xsnprintf(msg, mlen, "用户对应表 %s 的属主或权限不安全（应属于数据库"
		    "的属主，他人不可写）", path);
		fclose(f);
		return -1;
	}
	while (rc == 1 && fgets(line, sizeof line, f) != NULL) {
		if ((u = strtok_r(line, " \t\r\n", &save)) == NULL || *u == '#')
			continue;
		if ((l = strtok_r(NULL, " \t\r\n", &save)) != NULL &&
		    strcmp(u, name) == 0) {
			strlcpy0(login, l, len);
			rc = 0;
		}
	}
	fclose(f);
	if (rc == 1)
		xsnprintf(msg, mlen, "Unix 用户 %s 在 %s 中没有对应的 njbt 用户",
		    name, path);
	return rc;
}

/* The name of the Unix user uid into buf; -1 if it has none. */
int
unix_users_name(uid_t uid, char *buf, size_t len)
{
	struct passwd	*pw = getpwuid(uid);

	if (pw == NULL)
		return -1;
	strlcpy0(buf, pw->pw_name, len);
	return 0;
}

/*
 * Issue 14 item 6: may this process's Unix user act as login (NULL: the
 * console) on the database db? Root and the database's owner may act as
 * anyone; another user only as the login mapped to it, never as the
 * console. 0 if so, else -1 and why in msg.
 */
int
unix_users_may_act(const char *db, const char *login, char *msg, size_t len)
{
	struct stat	 sb;
	char		 name[256], mapped[128];
	uid_t		 uid = getuid();

	if (stat(db, &sb) != 0)
		return 0;	/* opening it says why */
	if (uid == 0 || uid == sb.st_uid)
		return 0;
	if (unix_users_name(uid, name, sizeof name) != 0) {
		xsnprintf(msg, len, "未知的 Unix 用户（uid %d）", (int)uid);
		return -1;
	}
	if (login == NULL) {
		xsnprintf(msg, len, "Unix 用户 %s 不是数据库的属主，不能以控制台身份"
		    "操作：请用 --as 对应的用户", name);
		return -1;
	}
	if (unix_users_map(db, name, mapped, sizeof mapped, msg, len) != 0)
		return -1;
	if (strcmp(mapped, login) != 0) {
		xsnprintf(msg, len, "Unix 用户 %s 只能以 %s 的身份操作，不能以 %s "
		    "的身份操作", name, mapped, login);
		return -1;
	}
	return 0;
}
