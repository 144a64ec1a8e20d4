/*
 * action-outbox.c: how long printed sheets stay in the users' outboxes
 * (R-SEC-8.12d issue 8 (12)). A sheet may hold private data (ID numbers,
 * bank accounts), so it is kept only so many days: the setting
 * `outbox_days` in the database's meta table (OUTBOX_DAYS, 30, when not
 * set), changed by the province's admin with the action outbox.days.
 * Older files (and month-end folders left empty) are removed from a
 * user's outbox each time a sheet is written to it, and from every
 * outbox when the server starts (outbox_sweep_all).
 *
 *   <directory of the database>/outbox/<login>/...
 */
#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "actions.h"

#define OUTBOX_KEY	"outbox_days"

/* The days a sheet is kept: the meta setting, else OUTBOX_DAYS. */
int
outbox_days(void)
{
	char	v[32];
	int64_t	n;

	if (sql_text(v, sizeof v, SQL_META_GET, OUTBOX_KEY) != 1 ||
	    parse_int(v, &n) != 0 || n < 1 || n > OUTBOX_DAYS_MAX)
		return OUTBOX_DAYS;
	return (int)n;
}

/* The outbox folder beside the database into buf; -1 if none. */
static int
outbox_root(char *buf, size_t len)
{
	char	copy[4096], real[PATH_MAX];

	strlcpy0(copy, store->path, sizeof copy);
	if (realpath(dirname(copy), real) == NULL)
		return -1;
	xsnprintf(buf, len, "%s/outbox", real);
	return 0;
}

/*
 * Every entry of dir, and of its folders depth levels down (each folder's
 * entries before the folder itself), given to fn with its lstat; nothing
 * is followed through a symbolic link. Returns the sum of fn's answers.
 */
typedef int64_t (*outbox_fn)(const char *, const struct stat *, void *);

static int64_t
outbox_walk(const char *dir, int depth, outbox_fn fn, void *arg)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 sb;
	char		 path[PATH_MAX];
	int64_t		 n = 0;

	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir,
		    e->d_name) >= sizeof path || lstat(path, &sb) != 0)
			continue;
		if (S_ISDIR(sb.st_mode) && depth > 0)
			n += outbox_walk(path, depth - 1, fn, arg);
		n += fn(path, &sb, arg);
	}
	closedir(d);
	return n;
}

/* What was last written before *cut removed (a folder once empty): 1. */
static int64_t
outbox_sweep_one(const char *path, const struct stat *sb, void *cut)
{
	if (sb->st_mtime >= *(time_t *)cut)
		return 0;
	return (S_ISDIR(sb->st_mode) ? rmdir(path) : unlink(path)) == 0;
}

/* A regular file's bytes. */
static int64_t
outbox_size_one(const char *path, const struct stat *sb, void *arg)
{
	(void)path;
	(void)arg;
	return S_ISREG(sb->st_mode) ? (int64_t)sb->st_size : 0;
}

/*
 * Issue 12: the bytes a user's outbox may hold (OUTBOX_BYTES_MAX; the
 * environment's NJBT_OUTBOX_MAX may lower it, for tests), and whether
 * the outbox folder dir holds more.
 */
int64_t
outbox_max(void)
{
	const char	*e = getenv("NJBT_OUTBOX_MAX");
	int64_t		 n;

	if (e == NULL || parse_int(e, &n) != 0 || n <= 0 ||
	    n >= OUTBOX_BYTES_MAX)
		return OUTBOX_BYTES_MAX;
	return n;
}

int
outbox_over(const char *dir)
{
	return outbox_walk(dir, 1, outbox_size_one, NULL) > outbox_max();
}

/*
 * Sweep the outbox of login (as a file-name part, see action-print.c)
 * at time now. Returns the entries removed.
 */
int
outbox_sweep(const char *login, time_t now)
{
	char	root[PATH_MAX], dir[PATH_MAX + NJ_LOGIN_MAX + 8];
	time_t	cut = now - (time_t)outbox_days() * 86400;

	if (outbox_root(root, sizeof root) != 0)
		return 0;
	xsnprintf(dir, sizeof dir, "%s/%s", root, login);
	/* folders (a month's sheets) one level down too, removed once empty */
	return (int)outbox_walk(dir, 1, outbox_sweep_one, &cut);
}

/*
 * The outbox or the inbox (box) of login, made 0700 if missing, into buf:
 *   <directory of the database>/<box>/<login as a file-name part>
 * (the inbox holds what the user uploads over SFTP, ssh-sftp.c).
 * 0, or -1 with errno.
 */
int
box_dir(const char *box, const char *login, char *buf, size_t len)
{
	char	root[PATH_MAX], part[NJ_LOGIN_MAX + 16];

	if (outbox_root(root, sizeof root) != 0)
		return -1;
	/* outbox_root names <dir>/outbox: the inbox is its sibling */
	root[strlen(root) - strlen("outbox")] = '\0';
	name_part(part, sizeof part, login, NJ_LOGIN_MAX + 8);
	if ((size_t)snprintf(buf, len, "%s%s", root, box) >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((mkdir(buf, 0700) != 0 && errno != EEXIST) || chmod(buf, 0700) != 0)
		return -1;
	if ((size_t)snprintf(buf, len, "%s%s/%s", root, box, part) >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((mkdir(buf, 0700) != 0 && errno != EEXIST) || chmod(buf, 0700) != 0)
		return -1;
	return 0;
}

/* Every user's outbox, at server start. Returns the entries removed. */
int
outbox_sweep_all(time_t now)
{
	char		 root[PATH_MAX], dir[PATH_MAX + 300];
	DIR		*d;
	struct dirent	*e;
	struct stat	 sb;
	time_t		 cut;
	int		 n = 0;

	if (outbox_root(root, sizeof root) != 0 ||
	    (d = opendir(root)) == NULL)
		return 0;
	cut = now - (time_t)outbox_days() * 86400;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		xsnprintf(dir, sizeof dir, "%s/%s", root, e->d_name);
		if (lstat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
			continue;
		chmod(dir, 0700);
		n += (int)outbox_walk(dir, 1, outbox_sweep_one, &cut);
	}
	closedir(d);
	chmod(root, 0700);
	return n;
}

static const struct field days_fields[] = {
	{ "days", FT_INT, FF_REQ, "打印文件保留天数", NULL, OUTBOX_DAYS_MAX },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* outbox.days: set how many days printed sheets are kept. */
static int
outbox_set_days(struct act *a)
{
	char	v[32];

	if (act_num(a, "days") < 1)
		return act_refuse(a, "days", "保留天数至少为 1 天");
	xsnprintf(v, sizeof v, "%lld", (long long)act_num(a, "days"));
	if (sql_exec(SQL_META_SET, OUTBOX_KEY, v) != 0)
		return act_fail(a, "保存设置");
	act_key(a, "%s", v);
	return NJ_OK;
}

const struct action action_outbox_days = {
	"outbox.days", "设置打印文件保留天数", R(ROLE_ADMIN), days_fields,
	outbox_set_days, 0, NULL, "已设置保留天数"
};
