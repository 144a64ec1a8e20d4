/*
 * backup-copy.c: the files of a backup (issue 8 (12), issue 14 item 7),
 * for `njbt backup` and `njbt restore` (cmd-backup.c, cmd-restore.c): the
 * copy of the open database, private (0600) from its first byte, with its
 * anchor; the photos (photos/<2 hex>/<64 hex> beside a database) linked or
 * copied from one database's side to another's, never removed; and the
 * check of a copy with a key file that is not beside it.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "njbt.h"

/* Make path a private file (0600) before anything is written into it. */
static int
backup_prepare(const char *path, char *msg, size_t len)
{
	int	fd;

	fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || fchmod(fd, 0600) != 0) {
		xsnprintf(msg, len, "无法创建备份文件 %s：%s", path,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

/* Remove path and what SQLite and the anchor put beside it. */
void
backup_remove(const char *path)
{
	static const char *const tails[] = { "", ".anchor", "-journal",
	    "-wal", "-shm" };
	char	 p[PATH_MAX];
	size_t	 i;

	for (i = 0; i < sizeof tails / sizeof tails[0]; i++)
		if (xsnprintf(p, sizeof p, "%s%s", path, tails[i]) > 0)
			unlink(p);
}

/*
 * Copy the open database into path (0600, umask 077) with its anchor at
 * path.anchor; on failure nothing of it is left.
 */
int
backup_copy(const char *path, char *msg, size_t len)
{
	mode_t	 mask = umask(077);
	int	 rc;

	if ((rc = backup_prepare(path, msg, len)) == 0 &&
	    (rc = db_backup(path, msg, len)) != 0)
		backup_remove(path);
	umask(mask);
	return rc;
}

/* Copy the file from into to (0600) through a temporary name. */
static int
backup_copy_file(const char *from, const char *to, char *msg, size_t len)
{
	char	 tmp[PATH_MAX], buf[65536];
	ssize_t	 n = 0;
	int	 in, out = -1, rc = -1;

	if (xsnprintf(tmp, sizeof tmp, "%s.tmp", to) < 0)
		return -1;
	if ((in = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0 ||
	    (out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
	    O_CLOEXEC, 0600)) < 0)
		goto out;
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n) {
			n = -1;
			break;
		}
	if (n == 0 && fsync(out) == 0 && close(out) == 0) {
		out = -1;
		rc = rename(tmp, to);
	}
out:
	if (rc != 0)
		xsnprintf(msg, len, "无法复制照片 %s：%s", from, strerror(errno));
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	if (rc != 0)
		unlink(tmp);
	return rc;
}

/* The photos directory beside the database file db. */
static int
backup_photo_dir(const char *db, char *buf, size_t len)
{
	const char	*slash = strrchr(db, '/');

	if (slash == NULL)
		return xsnprintf(buf, len, "photos") < 0 ? -1 : 0;
	return xsnprintf(buf, len, "%.*s/photos", (int)(slash - db), db) < 0 ?
	    -1 : 0;
}

/* One photo subdirectory from/sub into to/sub: link, else copy. */
static int
backup_photo_sub(const char *from, const char *to, const char *sub,
    char *msg, size_t len)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 sb;
	char		 src[PATH_MAX], dst[PATH_MAX];
	int		 rc = 0;

	if (xsnprintf(src, sizeof src, "%s/%s", from, sub) < 0 ||
	    xsnprintf(dst, sizeof dst, "%s/%s", to, sub) < 0 ||
	    (d = opendir(src)) == NULL)
		return -1;
	if (mkdir(dst, 0700) != 0 && errno != EEXIST) {
		xsnprintf(msg, len, "无法创建目录 %s：%s", dst, strerror(errno));
		closedir(d);
		return -1;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		/* photos are named by their 64-hex hash: nothing else */
		if (strlen(e->d_name) != 64 || strspn(e->d_name,
		    "0123456789abcdef") != 64)
			continue;
		xsnprintf(src, sizeof src, "%s/%s/%s", from, sub, e->d_name);
		xsnprintf(dst, sizeof dst, "%s/%s/%s", to, sub, e->d_name);
		if (lstat(dst, &sb) == 0 || lstat(src, &sb) != 0 ||
		    !S_ISREG(sb.st_mode))
			continue;
		if (link(src, dst) != 0)
			rc = backup_copy_file(src, dst, msg, len);
	}
	closedir(d);
	return rc;
}

/*
 * The photos beside database from that are not yet beside to, linked or
 * copied (issue 12 item 4's layout photos/<2 hex>/<64 hex>). Photos are
 * never removed (R-002-A3-2.6 002 附件3 二(六): kept five years at least).
 */
int
backup_photos(const char *from_db, const char *to_db, char *msg, size_t len)
{
	DIR		*d;
	struct dirent	*e;
	char		 from[PATH_MAX], to[PATH_MAX];
	int		 rc = 0;

	if (backup_photo_dir(from_db, from, sizeof from) != 0 ||
	    backup_photo_dir(to_db, to, sizeof to) != 0)
		return -1;
	if ((d = opendir(from)) == NULL)
		return errno == ENOENT ? 0 : -1;
	if (mkdir(to, 0700) != 0 && errno != EEXIST) {
		xsnprintf(msg, len, "无法创建目录 %s：%s", to, strerror(errno));
		closedir(d);
		return -1;
	}
	while (rc == 0 && (e = readdir(d)) != NULL)
		if (strlen(e->d_name) == 2 && strspn(e->d_name,
		    "0123456789abcdef") == 2)
			rc = backup_photo_sub(from, to, e->d_name, msg, len);
	closedir(d);
	return rc;
}

/* check_run's callback: keep the first failure. */
static void
backup_check_line(void *arg, int ok, const char *what, const char *detail)
{
	char *first = arg;

	if (!ok && *first == '\0')
		xsnprintf(first, NJ_MSG_MAX, "%s：%s", what, detail);
}

/*
 * Check the copy path (closing the open database first) with the key file
 * keyfile, as `njbt check` does. 0 if it passes, else -1 and why in msg.
 */
int
backup_verify(const char *path, const char *keyfile, char *msg, size_t len)
{
	char	 first[NJ_MSG_MAX] = "";
	int	 rc;

	db_close();
	if (db_open_copy(path, keyfile, msg, len) != 0)
		return -1;
	rc = check_run(backup_check_line, first);
	db_close();
	if (rc != 0)
		xsnprintf(msg, len, "%s", *first ? first : "检查未通过");
	return rc == 0 ? 0 : -1;
}
