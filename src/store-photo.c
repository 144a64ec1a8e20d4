/*
 * store-photo.c: the photos' files (issue 12 item 4). A photo is kept
 * once, by the SHA-256 of its content, beside the database and never in
 * it:
 *   <directory of the database>/photos/<first 2 hex>/<64 hex>   (0600)
 * The photos table (migration 013) links a hash to records. photo_put
 * stores bytes (written to a temporary name, then linked into place:
 * the same content uploaded again finds its file there and writes
 * nothing); photo_verify re-hashes every file the table names for
 * `njbt check`.
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

/* <dir of the database>/photos[/<2 hex>[/<hash>]] into buf; -1 if none. */
static int
photo_path(char *buf, size_t len, const char *hex, int depth)
{
	char	copy[4096], real[PATH_MAX];
	int	n;

	strlcpy0(copy, store->path, sizeof copy);
	if (realpath(dirname(copy), real) == NULL)
		return -1;
	if (depth == 0)
		n = snprintf(buf, len, "%s/photos", real);
	else if (depth == 1)
		n = snprintf(buf, len, "%s/photos/%.2s", real, hex);
	else
		n = snprintf(buf, len, "%s/photos/%.2s/%s", real, hex, hex);
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
