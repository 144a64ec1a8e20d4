/*
 * store-anchor.c: the audit chain's anchor outside the database
 * (R-SEC-8.4 issue 8 (4)). FILE.db.anchor, beside the key file, mode 0600,
 * holds the chain's head (id and hash), its row count and the time, under
 * a keyed MAC (a subkey of the master key). It moves forward after every
 * committed transaction that appended to the log, under an flock on the
 * key file so that concurrent writers never move it back; it is written
 * to a temporary file, synced and renamed over the old one. `njbt check`
 * compares the database with it, so that a log cut short, all rows
 * deleted or the database put back to an older copy are seen. Backups get
 * their own anchor (BACKUP.anchor) and the server logs it at intervals.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "store.h"
#include "log.h"

#define ANCHOR_MAGIC	"njbt-anchor-1\n"
#define ANCHOR_MAX	512

int
anchor_path(const char *db, char *buf, size_t len)
{
	return xsnprintf(buf, len, "%s.anchor", db) < 0 ? -1 : 0;
}

/* The signed body of an anchor: everything before its mac line. */
static int
anchor_body(const struct anchor *a, char *buf, size_t len)
{
	char hex[2 * 32 + 1];

	sodium_bin2hex(hex, sizeof hex, a->hash, sizeof a->hash);
	return xsnprintf(buf, len, "%shead=%" PRId64 "\nhash=%s\ncount=%"
	    PRId64 "\nat=%s\n", ANCHOR_MAGIC, a->head, hex, a->count, a->at);
}

static void
anchor_mac(const char *body, unsigned char *out)
{
	crypto_generichash(out, 32, (const unsigned char *)body, strlen(body),
	    store->kanchor, sizeof store->kanchor);
}

/*
 * Read and verify the anchor at path. 0 if good, 1 if there is none, -1
 * if it is damaged or its MAC does not fit (err says which).
 */
int
anchor_read(const char *path, struct anchor *a, char *err, size_t errlen)
{
	char		 text[ANCHOR_MAX + 1], body[ANCHOR_MAX], hex[65];
	unsigned char	 mac[32], want[32];
	size_t		 bin;
	ssize_t		 n;
	int		 fd;
	long long	 head, count;
	char		 at[32];

	memset(a, 0, sizeof *a);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1) {
		if (errno == ENOENT)
			return 1;
		xsnprintf(err, errlen, "无法读取审计锚点 %s：%s", path,
		    strerror(errno));
		return -1;
	}
	n = read(fd, text, ANCHOR_MAX);
	close(fd);
	if (n < 0)
		n = 0;
	text[n] = '\0';
	if (strncmp(text, ANCHOR_MAGIC, strlen(ANCHOR_MAGIC)) != 0 ||
	    sscanf(text + strlen(ANCHOR_MAGIC), "head=%lld\nhash=%64[0-9a-f]\n"
	    "count=%lld\nat=%31[^\n]\nmac=%64[0-9a-f]", &head, hex, &count, at,
	    body) != 5)
		goto bad;
	a->head = head;
	a->count = count;
	strlcpy0(a->at, at, sizeof a->at);
	if (sodium_hex2bin(a->hash, sizeof a->hash, hex, strlen(hex), NULL,
	    &bin, NULL) != 0 || bin != sizeof a->hash ||
	    sodium_hex2bin(mac, sizeof mac, body, strlen(body), NULL, &bin,
	    NULL) != 0 || bin != sizeof mac)
		goto bad;
	sodium_bin2hex(a->mac, sizeof a->mac, mac, sizeof mac);
	anchor_body(a, body, sizeof body);
	anchor_mac(body, want);
	if (sodium_memcmp(mac, want, sizeof mac) != 0) {
		xsnprintf(err, errlen, "审计锚点 %s 的校验值不符（被改动或不是本密钥"
		    "所写）", path);
		return -1;
	}
	return 0;
bad:
	xsnprintf(err, errlen, "审计锚点 %s 已损坏", path);
	return -1;
}

/* Write a to path: a temporary file, synced, renamed over the old one. */
int
anchor_write(const char *path, struct anchor *a, char *err, size_t errlen)
{
	char		 body[ANCHOR_MAX], text[ANCHOR_MAX], tmp[4200];
	unsigned char	 mac[32];
	int		 fd, n;

	anchor_body(a, body, sizeof body);
	anchor_mac(body, mac);
	sodium_bin2hex(a->mac, sizeof a->mac, mac, sizeof mac);
	n = xsnprintf(text, sizeof text, "%smac=%s\n", body, a->mac);
	if (n < 0 || xsnprintf(tmp, sizeof tmp, "%s.%ld.tmp", path,
	    (long)getpid()) < 0)
		goto fail;
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd == -1)
		goto fail;
	if (write(fd, text, (size_t)n) != n || fsync(fd) != 0) {
		close(fd);
		unlink(tmp);
		goto fail;
	}
	close(fd);
	if (rename(tmp, path) != 0) {
		unlink(tmp);
		goto fail;
	}
	return 0;
fail:
	xsnprintf(err, errlen, "无法写入审计锚点 %s：%s", path, strerror(errno));
	return -1;
}

/* The head of this connection's view of the chain into a. */
int
anchor_from_db(struct anchor *a)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(a, 0, sizeof *a);
	if (sql_int(&a->count, SQL_AUDIT_HEAD) < 0)
		return -1;
	st = sql_query(SQL_AUDIT_LAST);
	rc = sql_step(st);
	if (rc == 1) {
		a->head = sqlite3_column_int64(st, 0);
		if (sqlite3_column_bytes(st, 1) == (int)sizeof a->hash)
			memcpy(a->hash, sqlite3_column_blob(st, 1),
			    sizeof a->hash);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	clock_stamp(clock_now(), a->at, sizeof a->at);
	return 0;
}

/*
 * Move the database's anchor forward to a, if a is ahead of it: under an
 * flock on the key file, so that of two writers the later head wins and
 * the anchor never goes back. A missing anchor is created only when
 * create is set (njbt init); otherwise a deleted anchor stays missing
 * and `njbt check` keeps saying so.
 */
int
anchor_advance(struct anchor *a, int create, char *err, size_t errlen)
{
	struct anchor	 have;
	char		 kpath[4200], apath[4200], e[NJ_MSG_MAX];
	int		 fd, rc, r = 0;

	if (!store->haskey || crypt_keyfile_path(store->path, kpath,
	    sizeof kpath) != 0 || anchor_path(store->path, apath,
	    sizeof apath) != 0)
		return 0;
	fd = open(kpath, O_RDONLY | O_CLOEXEC);
	if (fd == -1 || flock(fd, LOCK_EX) != 0) {
		xsnprintf(err, errlen, "无法锁定密钥文件 %s：%s", kpath,
		    strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	rc = anchor_read(apath, &have, e, sizeof e);
	/* forward only; a missing or damaged one is replaced only by init */
	if ((rc == 0 && a->head > have.head) || (rc != 0 && create))
		r = anchor_write(apath, a, err, errlen);
	flock(fd, LOCK_UN);
	close(fd);
	return r;
}

/* After a commit that appended to the log: the anchor follows. */
void
anchor_after_commit(void)
{
	struct anchor	a;
	char		err[NJ_MSG_MAX];

	if (store->audit_head <= 0)
		return;
	memset(&a, 0, sizeof a);
	a.head = store->audit_head;
	a.count = store->audit_head;	/* ids run 1, 2, ... without gaps */
	memcpy(a.hash, store->audit_hash, sizeof a.hash);
	clock_stamp(clock_now(), a.at, sizeof a.at);
	store->audit_head = 0;
	if (anchor_advance(&a, 0, err, sizeof err) != 0)
		log_error("%s", err);
}

/*
 * `njbt check`: the database against its anchor. 0 if it reaches the
 * anchor with the same hash, 1 if not (detail says how), -1 on an error.
 */
int
anchor_verify(char *detail, size_t len)
{
	struct anchor	 a;
	sqlite3_stmt	*st;
	char		 apath[4200], err[NJ_MSG_MAX];
	int64_t		 rows = 0, maxid = 0;
	int		 rc, same;

	if (anchor_path(store->path, apath, sizeof apath) != 0)
		return -1;
	st = sql_query(SQL_AUDIT_HEAD);
	if (sql_step(st) != 1) {
		sqlite3_reset(st);
		xsnprintf(detail, len, "数据库错误：%s", store_errmsg());
		return -1;
	}
	rows = sqlite3_column_int64(st, 0);
	maxid = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	rc = anchor_read(apath, &a, err, sizeof err);
	if (rc < 0) {
		xsnprintf(detail, len, "%s", err);
		return 1;
	}
	if (rc == 1) {
		/* R-SEC-8.4 issue 8 (4): a missing anchor never passes */
		if (rows == 0)
			xsnprintf(detail, len, "缺少审计锚点 %s（审计日志为空）",
			    apath);
		else
			xsnprintf(detail, len, "缺少审计锚点 %s：无法确认审计日志"
			    "未被截断（共 %lld 条）", apath, (long long)rows);
		return 1;
	}
	if (rows < a.count || maxid < a.head) {
		xsnprintf(detail, len, "审计日志被截断或数据库被换成旧副本：锚点记"
		    "有 %lld 条（至第 %lld 条，%s），数据库只有 %lld 条",
		    (long long)a.count, (long long)a.head, a.at,
		    (long long)rows);
		return 1;
	}
	if (a.head > 0) {
		st = sql_query(SQL_AUDIT_HASH_AT, a.head);
		rc = sql_step(st);
		same = rc == 1 && sqlite3_column_bytes(st, 0) ==
		    (int)sizeof a.hash && memcmp(sqlite3_column_blob(st, 0),
		    a.hash, sizeof a.hash) == 0;
		sqlite3_reset(st);
		if (rc < 0) {
			xsnprintf(detail, len, "数据库错误：%s", store_errmsg());
			return -1;
		}
		if (!same) {
			xsnprintf(detail, len, "审计日志第 %lld 条与锚点不符：数据库"
			    "被换成旧副本或日志被改写", (long long)a.head);
			return 1;
		}
	}
	xsnprintf(detail, len, "锚点至第 %lld 条（%s），数据库共 %lld 条",
	    (long long)a.head, a.at, (long long)rows);
	return 0;
}

/* One line for the server's log: the anchor's head, count and MAC. */
int
anchor_describe(char *buf, size_t len)
{
	struct anchor	a;
	char		apath[4200], err[NJ_MSG_MAX];
	int		rc;

	if (anchor_path(store->path, apath, sizeof apath) != 0)
		return -1;
	rc = anchor_read(apath, &a, err, sizeof err);
	if (rc == 1)
		xsnprintf(buf, len, "audit anchor %s missing", apath);
	else if (rc < 0)
		xsnprintf(buf, len, "audit anchor %s invalid", apath);
	else
		xsnprintf(buf, len, "audit anchor head=%lld count=%lld at=%s "
		    "mac=%.16s", (long long)a.head, (long long)a.count, a.at,
		    a.mac);
	return rc == 0 ? 0 : -1;
}
