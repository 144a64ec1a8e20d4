/*
 * db.c: opening the database for the front ends: where it is (--db, then
 * $NJBT_DB, then ./var/njbt.db), opening it at the latest version, and
 * `njbt init`'s create-or-upgrade.
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store.h"

const char *
db_default_path(void)
{
	const char *p = getenv("NJBT_DB");

	return p != NULL && *p != '\0' ? p : "./var/njbt.db";
}

int
db_open(const char *path, char *err, size_t errlen)
{
	return store_open(path, 0, err, errlen);
}

void
db_close(void)
{
	store_close();
}

/*
 * Create the database (and its directory and key file) or upgrade it in
 * place; *from and *to are the versions before and after.
 */
int
db_init(const char *path, int *from, int *to, char *err, size_t errlen)
{
	char	*dir, *copy = xstrdup(path);

	dir = dirname(copy);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		xsnprintf(err, errlen, "无法创建目录 %s：%s", dir, strerror(errno));
		free(copy);
		return -1;
	}
	free(copy);
	if (store_open(path, STORE_CREATE | STORE_ANYVER, err, errlen) != 0)
		return -1;
	*from = store_version();
	if (store_migrate(err, errlen) != 0 || store_key_check(err, errlen) !=
	    0) {
		store_close();
		return -1;
	}
	*to = store_version();
	return 0;
}

int
db_backup(const char *path, char *err, size_t errlen)
{
	return store_backup(path, err, errlen);
}

/* The audit anchor in one line, for the server's log (R-SEC-8.4). */
int
db_anchor_line(char *buf, size_t len)
{
	return anchor_describe(buf, len);
}
