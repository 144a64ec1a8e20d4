/*
 * store-photo.c: the photos' files (issue 12 item 4). A photo is kept
 * once, by the SHA-256 of its content, beside the database and never in
 * it:
 *   <directory of the database>/photos/<first 2 hex>/<64 hex>   (0600)
 * or, when there is a folder <database>.photos (a backup's: `njbt backup
 * FILE` copies the photos into FILE.photos/ with the same names), there.
 * The photos table (migration 013) links a hash to records. photo_put
 * stores bytes (written to a temporary name, then linked into place:
 * the same content uploaded again finds its file there and writes
 * nothing); photo_verify re-hashes every file the table names for
 * `njbt check`; photo_copy copies them beside a backup.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "store.h"

/* What the first bytes say the photo is: "jpeg", "png", or NULL. */
const char *
photo_type(const unsigned char *p, size_t n)
{
	static const unsigned char jpeg[] = { 0xFF, 0xD8, 0xFF };
	static const unsigned char png[] = { 0x89, 0x50, 0x4E, 0x47, 0x0D,
	    0x0A, 0x1A, 0x0A };

	if (n >= sizeof jpeg && memcmp(p, jpeg, sizeof jpeg) == 0)
		return "jpeg";
	if (n >= sizeof png && memcmp(p, png, sizeof png) == 0)
		return "png";
	return NULL;
}

/*
 * The photos' folder of the database: <database>.photos when it is a
 * folder (not a link), else <dir of the database>/photos.
 */
static int
photo_root(char *real, size_t len)
{
	char		copy[4096];
	struct stat	sb;
	int		n;

	n = snprintf(real, len, "%s.photos", store->path);
	if (n > 0 && (size_t)n < len && lstat(real, &sb) == 0 &&
	    S_ISDIR(sb.st_mode))
		return 0;
	strlcpy0(copy, store->path, sizeof copy);
	if (len < PATH_MAX || realpath(dirname(copy), real) == NULL)
		return -1;
	n = (int)strlen(real);
	if ((size_t)n + sizeof "/photos" > len)
		return -1;
	memcpy(real + n, "/photos", sizeof "/photos");
	return 0;
}

/* <photos' folder>[/<2 hex>[/<hash>]] into buf; -1 if none. */
static int
photo_path(char *buf, size_t len, const char *hex, int depth)
{
	char	real[PATH_MAX];
	int	n;

	if (photo_root(real, sizeof real) != 0)
		return -1;
	if (depth == 0)
		n = snprintf(buf, len, "%s", real);
	else if (depth == 1)
		n = snprintf(buf, len, "%s/%.2s", real, hex);
	else
		n = snprintf(buf, len, "%s/%.2s/%s", real, hex, hex);
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

static void
photo_hash(const unsigned char *p, size_t n, char hex[PHOTO_HEX])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, p, n);
	sodium_bin2hex(hex, PHOTO_HEX, h, sizeof h);
}

static int
mkdir0700(const char *dir)
{
	return mkdir(dir, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

/*
 * Keep the n bytes at p: their hash into hex; the file written unless one
 * of that content is there already. 0, or -1 with errno.
 */
int
photo_put(const unsigned char *p, size_t n, char hex[PHOTO_HEX])
{
	char	path[PATH_MAX], tmp[PATH_MAX + 16];
	int	fd;

	if (sodium_init() < 0)
		return -1;
	photo_hash(p, n, hex);
	if (photo_path(path, sizeof path, hex, 0) != 0 || mkdir0700(path) ||
	    photo_path(path, sizeof path, hex, 1) != 0 || mkdir0700(path) ||
	    photo_path(path, sizeof path, hex, 2) != 0)
		return -1;
	if (access(path, F_OK) == 0)
		return 0;		/* stored once */
	/* a name of its own (mkstemp: 0600, O_EXCL) per writer */
	xsnprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0)
		return -1;
	if (write(fd, p, n) != (ssize_t)n || fsync(fd) != 0) {
		close(fd);
		unlink(tmp);
		return -1;
	}
	close(fd);
	/* link, not rename: a file of this content written meanwhile stays */
	if (link(tmp, path) != 0 && errno != EEXIST) {
		unlink(tmp);
		return -1;
	}
	unlink(tmp);
	return 0;
}

/* The file of hex re-hashed: 0 same, 1 missing, 2 changed. */
static int
photo_file_ok(const char *hex, int64_t size)
{
	char		 path[PATH_MAX], got[PHOTO_HEX];
	struct stat	 sb;
	unsigned char	*buf;
	int		 fd, rc = 2;

	if (photo_path(path, sizeof path, hex, 2) != 0 ||
	    (fd = open(path, O_RDONLY | O_NOFOLLOW)) < 0)
		return 1;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_size != size || size <= 0 || size > PHOTO_MAX) {
		close(fd);
		return 2;
	}
	buf = xcalloc(1, (size_t)size);
	if (read(fd, buf, (size_t)size) == (ssize_t)size) {
		photo_hash(buf, (size_t)size, got);
		rc = strcmp(got, hex) == 0 ? 0 : 2;
	}
	free(buf);
	close(fd);
	return rc;
}

/*
 * Every photo file the table names, re-hashed: the rows into *rows; the
 * missing and changed ones counted (and the first named) in detail.
 * Returns the number of bad files, or -1 on a database error.
 */
int
photo_verify(int64_t *rows, char *detail, size_t len)
{
	sqlite3_stmt	*st;
	char		 first[80] = "";
	int		 rc, bad = 0, missing = 0, r;

	*rows = 0;
	if (sodium_init() < 0)
		return -1;
	st = sql_query(SQL_PHOTO_FILES);
	while ((rc = sql_step(st)) == 1) {
		*rows += sqlite3_column_int64(st, 2);
		r = photo_file_ok(sql_col(st, 0), sqlite3_column_int64(st, 1));
		if (r == 0)
			continue;
		bad++;
		missing += r == 1;
		if (first[0] == '\0')
			xsnprintf(first, sizeof first, "%.12s…%s",
			    sql_col(st, 0), r == 1 ? "缺失" : "已被改动");
	}
	sqlite3_reset(st);
	if (rc < 0) {
		xsnprintf(detail, len, "%s", store_errmsg());
		return -1;
	}
	if (bad > 0)
		xsnprintf(detail, len, "%d 个照片文件缺失、%d 个已被改动（如 %s）",
		    missing, bad - missing, first);
	return bad;
}

/* Copy the file from to the new file to (0600, never through a link). */
static int
photo_copy_file(const char *from, const char *to)
{
	char	buf[65536];
	ssize_t	n;
	int	in, out, rc = 0;

	if ((in = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return -1;
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (out < 0) {
		close(in);
		return -1;
	}
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n) {
			rc = -1;
			break;
		}
	if (n < 0 || fsync(out) != 0)
		rc = -1;
	close(in);
	if (close(out) != 0)
		rc = -1;
	return rc;
}

/*
 * Issue 12: every photo file the table names copied into dest (a backup's
 * FILE.photos), under the same names: dest/<2 hex>/<hash>, folders 0700,
 * files 0600. *files gets the number copied. 0, or -1 with msg set.
 */
int
photo_copy(const char *dest, int64_t *files, char *msg, size_t len)
{
	sqlite3_stmt	*st;
	char		 from[PATH_MAX], to[PATH_MAX + 80];
	const char	*hex;
	struct stat	 sb;
	int		 rc;

	*files = 0;
	memset(&sb, 0, sizeof sb);
	if (mkdir0700(dest) != 0 || lstat(dest, &sb) != 0 ||
	    !S_ISDIR(sb.st_mode)) {
		xsnprintf(msg, len, "无法建立照片备份目录 %s：%s", dest,
		    S_ISDIR(sb.st_mode) ? strerror(errno) : "不是目录");
		return -1;
	}
	st = sql_query(SQL_PHOTO_FILES);
	while ((rc = sql_step(st)) == 1) {
		hex = sql_col(st, 0);
		if (strlen(hex) != PHOTO_HEX - 1 ||
		    photo_path(from, sizeof from, hex, 2) != 0)
			continue;
		xsnprintf(to, sizeof to, "%s/%.2s", dest, hex);
		if (mkdir0700(to) != 0) {
			xsnprintf(msg, len, "无法建立目录 %s：%s", to,
			    strerror(errno));
			break;
		}
		xsnprintf(to, sizeof to, "%s/%.2s/%s", dest, hex, hex);
		if (photo_copy_file(from, to) != 0) {
			xsnprintf(msg, len, "无法复制照片 %.12s…：%s", hex,
			    strerror(errno));
			break;
		}
		(*files)++;
	}
	sqlite3_reset(st);
	if (rc < 0)
		xsnprintf(msg, len, "%s", store_errmsg());
	return rc == 0 ? 0 : -1;
}
