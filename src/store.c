/*
 * store.c: the process's one database handle. Opening (WAL, foreign keys,
 * full sync, a busy handler that retries so that "database is locked"
 * never reaches a caller), migrations under PRAGMA user_version, each in one
 * transaction, and write transactions (always BEGIN IMMEDIATE, so that two
 * writers queue instead of failing on upgrade).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "store.h"

struct store *store;

/* How long a writer waits for the lock before it gives up, in ms. */
#define STORE_BUSY_MAX_MS	(180 * 1000)

static int64_t
store_ms(void)
{
	return clock_ms();
}

/*
 * Busy handler: sleep a short, growing, jittered time and retry, for up to
 * STORE_BUSY_MAX_MS. Jitter keeps many processes from waking together.
 */
static int
store_busy(void *arg, int count)
{
	static int64_t	 start;
	int64_t		 now = store_ms();
	unsigned	 ms;
	struct timespec	 ts;

	(void)arg;
	if (count == 0)
		start = now;
	if (now - start > STORE_BUSY_MAX_MS)
		return 0;
	ms = count < 6 ? 1u << count : 40;
	ms += (unsigned)(rand() % 4);
	ts.tv_sec = 0;
	ts.tv_nsec = (long)ms * 250000L;	/* quarter-millisecond steps */
	nanosleep(&ts, NULL);
	return 1;
}

static int
store_pragmas(char *err, size_t errlen)
{
	static const char *const pragmas[] = {
		"PRAGMA journal_mode=WAL",
		"PRAGMA synchronous=FULL",
		"PRAGMA foreign_keys=ON",
		"PRAGMA trusted_schema=OFF",
		"PRAGMA temp_store=MEMORY",
		/* issue 15 item 2: a small private cache (2 MiB) */
		"PRAGMA cache_size=-2048",
	};
	size_t i;

	for (i = 0; i < sizeof pragmas / sizeof pragmas[0]; i++) {
		if (sqlite3_exec(store->db, pragmas[i], NULL, NULL, NULL) !=
		    SQLITE_OK) {
			xsnprintf(err, errlen, "数据库设置失败：%s",
			    sqlite3_errmsg(store->db));
			return NJ_ERROR;
		}
	}
	return NJ_OK;
}

/*
 * The database remembers a hash made with its key; a different key file is
 * a clear error, not garbage.
 */
int
store_key_check(char *err, size_t errlen)
{
	unsigned char	 h[CRYPT_HASH_LEN];
	char		 hex[2 * CRYPT_HASH_LEN + 1], have[64];
	int		 rc;

	crypt_hash_key(store->khash, "key-check", "njbt", h);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	rc = sql_text(have, sizeof have, SQL_META_GET, "key_check");
	if (rc < 0)
		goto fail;
	if (rc == 0) {
		if (sql_exec(SQL_META_SET, "key_check", hex) != 0)
			goto fail;
		return 0;
	}
	if (strcmp(have, hex) != 0) {
		xsnprintf(err, errlen, "密钥文件与数据库不匹配：个人信息无法读取"
		    "（请使用创建该数据库时的密钥文件）");
		return -1;
	}
	return 0;
fail:
	xsnprintf(err, errlen, "数据库错误：%s", store_errmsg());
	return -1;
}

/*
 * Open the database at path as the process's one handle. With STORE_CREATE
 * a missing file is created (empty, version 0) with its key file beside it;
 * otherwise the file and its key must exist. Unless STORE_ANYVER, the file
 * must be at the latest version.
 */
/*
 * Issue 14 item 7: the key file the next store_open reads instead of the
 * one beside the database (a backup copy is checked, and restored, with
 * the live database's key, which is never inside a backup); NULL: beside.
 */
static char store_keyfile[4096];

void
store_use_keyfile(const char *path)
{
	strlcpy0(store_keyfile, path ? path : "", sizeof store_keyfile);
}

int
store_open(const char *path, int flags, char *err, size_t errlen)
{
	struct stat	 sb;
	int		 exists, r = NJ_ERROR, v;
	char		 kpath[4096];

	if (store != NULL)
		abort();
	exists = stat(path, &sb) == 0;
	if (!exists && !(flags & STORE_CREATE)) {
		xsnprintf(err, errlen, "数据库文件不存在：%s（请先运行 njbt init）",
		    path);
		return NJ_ERROR;
	}
	store = xcalloc(1, sizeof *store);
	strlcpy0(store->path, path, sizeof store->path);
	srand((unsigned)(getpid() ^ time(NULL)));

	if (!(flags & STORE_NOKEY)) {
		/* the subkeys in the order of their ids (store-crypt.c) */
		unsigned char *const sub[] = { store->kenc, store->khash,
		    store->kaudit, store->kmac, store->kanchor };

		if (*store_keyfile != '\0')
			strlcpy0(kpath, store_keyfile, sizeof kpath);
		else if (crypt_keyfile_path(path, kpath, sizeof kpath) != 0)
			goto fail_msg_path;
		if (!exists && (flags & STORE_CREATE) &&
		    access(kpath, F_OK) != 0) {
			if (crypt_create_key(kpath, err, errlen) != 0)
				goto out;
		}
		if (crypt_load_key(kpath, sub, sizeof sub / sizeof sub[0], err,
		    errlen) != 0)
			goto out;
		store->haskey = 1;
	}
	if (sqlite3_open_v2(path, &store->db, SQLITE_OPEN_READWRITE |
	    (flags & STORE_CREATE ? SQLITE_OPEN_CREATE : 0), NULL) !=
	    SQLITE_OK) {
		xsnprintf(err, errlen, "无法打开数据库 %s：%s", path,
		    store->db ? sqlite3_errmsg(store->db) : "内存不足");
		goto out;
	}
	if (!exists)
		chmod(path, 0600);
	sqlite3_busy_handler(store->db, store_busy, NULL);
	sqlite3_extended_result_codes(store->db, 1);
	if (store_pragmas(err, errlen) != 0)
		goto out;
	/* issue 15 item 4: the drafts' file beside it (store-session.c) */
	if (store_drafts_attach(flags & STORE_COPY ? ":memory:" : path,
	    flags & (STORE_CREATE | STORE_SCREENS), err, errlen) != NJ_OK)
		goto out;
	/* issue 15 item 2: the screens' own cache is smaller; they read
	 * from the kernel's page cache, shared by every session
	 * (store-session.c) */
	if ((flags & STORE_SCREENS) && store_screens(err, errlen) != NJ_OK)
		goto out;
	if (mac_register() != NJ_OK) {
		xsnprintf(err, errlen, "数据库设置失败：%s", store_errmsg());
		goto out;
	}

	v = store_version();
	if (v < 0) {
		xsnprintf(err, errlen, "不是 njbt 数据库：%s", path);
		goto out;
	}
	if (v > store_latest()) {
		xsnprintf(err, errlen, "数据库版本 %d 比本程序（%d）新，请升级程序",
		    v, store_latest());
		goto out;
	}
	if (v < store_latest() && !(flags & STORE_ANYVER)) {
		xsnprintf(err, errlen, "数据库版本 %d 需要升级到 %d：请运行 njbt init",
		    v, store_latest());
		goto out;
	}
	if (store->haskey && store_version() > 0 &&
	    store_key_check(err, errlen) != 0)
		goto out;
	/* R-SEC-8.5b issue 8 (5): this connection keeps the row MACs; its
	 * triggers are made table by table before its first write of the
	 * table (mac_need), so that a process pays for the tables it
	 * writes only */
	store->macs_due = v == store_latest() && store->haskey;
	r = NJ_OK;
	goto out;
fail_msg_path:
	xsnprintf(err, errlen, "数据库路径过长");
out:
	if (r != NJ_OK)
		store_close();
	return r;
}

void
store_close(void)
{
	if (store == NULL)
		return;
	sql_finalize_all();
	if (store->db != NULL)
		sqlite3_close(store->db);
	sodium_memzero(store->kenc, sizeof store->kenc);
	sodium_memzero(store->khash, sizeof store->khash);
	sodium_memzero(store->kaudit, sizeof store->kaudit);
	sodium_memzero(store->kmac, sizeof store->kmac);
	sodium_memzero(store->kanchor, sizeof store->kanchor);
	free(store);
	store = NULL;
}

const char *
store_errmsg(void)
{
	return store && store->db ? sqlite3_errmsg(store->db) : "未打开数据库";
}

int
store_version(void)
{
	sqlite3_stmt	*st;
	int		 v = -1;

	if (sqlite3_prepare_v2(store->db, "PRAGMA user_version", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
store_latest(void)
{
	return nmigrations ? migrations[nmigrations - 1].version : 0;
}

/*
 * The C steps of migrations, run after the version's SQL in the same
 * transaction: what SQL cannot do (it needs the key).
 */
static const struct {
	int	 version;
	int	(*fn)(void);
} migration_steps[] = {
	{ 5, store_reseal_rows },	/* R-SEC-8.5a issue 8 (5) */
};

static int
store_migrate_step(int version)
{
	size_t i;

	for (i = 0; i < sizeof migration_steps / sizeof migration_steps[0];
	    i++)
		if (migration_steps[i].version == version &&
		    migration_steps[i].fn() != NJ_OK)
			return NJ_ERROR;
	return NJ_OK;
}

/*
 * After an upgrade: every row MAC afresh (a migration may have changed
 * rows or columns under the MAC; R-SEC-8.5b issue 8 (5)), this
 * connection's triggers, and the audit anchor (R-SEC-8.4 issue 8 (4);
 * made if missing: `njbt init` is where an anchor starts).
 */
static int
store_migrate_done(int applied, char *err, size_t errlen)
{
	struct anchor a;

	if (!store->haskey)
		return NJ_OK;
	if (applied) {
		if (store_begin() != 0)
			goto fail;
		if (mac_rebuild() != NJ_OK) {
			store_rollback();
			goto fail;
		}
		if (store_commit() != 0)
			goto fail;
	}
	if (mac_triggers() != NJ_OK || anchor_from_db(&a) != 0)
		goto fail;
	return anchor_advance(&a, 1, err, errlen) == 0 ? NJ_OK : NJ_ERROR;
fail:
	xsnprintf(err, errlen, "数据库升级失败：%s", store_errmsg());
	return NJ_ERROR;
}

/*
 * Apply every migration newer than the file, each in one transaction.
 * NJBT_MIGRATE_TO=N stops at version N, so that tests can make an old
 * database and upgrade it.
 */
int
store_migrate(char *err, size_t errlen)
{
	size_t	 i;
	char	 pragma[64], *emsg = NULL;
	int	 applied = 0;

	const char	*to = getenv("NJBT_MIGRATE_TO");	/* tests only */

	for (i = 0; i < nmigrations; i++) {
		if (migrations[i].version <= store_version())
			continue;
		if (to != NULL && migrations[i].version > atoi(to))
			break;
		if (store_begin() != 0)
			goto fail;
		if (sqlite3_exec(store->db, migrations[i].sql, NULL, NULL,
		    &emsg) != SQLITE_OK)
			goto fail_rollback;
		if (store_migrate_step(migrations[i].version) != NJ_OK)
			goto fail_rollback;
		xsnprintf(pragma, sizeof pragma, "PRAGMA user_version=%d",
		    migrations[i].version);
		if (sqlite3_exec(store->db, pragma, NULL, NULL, &emsg) !=
		    SQLITE_OK)
			goto fail_rollback;
		if (store_commit() != 0)
			goto fail;
		/* statements prepared against the old schema are stale */
		sql_finalize_all();
		applied = 1;
	}
	if (store_migrate_done(applied, err, errlen) != NJ_OK)
		return NJ_ERROR;
	return NJ_OK;
fail_rollback:
	store_rollback();
fail:
	xsnprintf(err, errlen, "数据库升级失败（%s）：%s", i < nmigrations ?
	    migrations[i].name : "?", emsg ? emsg : store_errmsg());
	sqlite3_free(emsg);
	return NJ_ERROR;
}

/* Start a write transaction; the busy handler queues us behind others. */
int
store_begin(void)
{
	if (store->intx)
		abort();
	store->audit_head = 0;
	if (sqlite3_exec(store->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return NJ_ERROR;
	store->intx = 1;
	return NJ_OK;
}

/* A read transaction: one consistent snapshot, no write lock. */
int
store_begin_read(void)
{
	if (store->intx)
		abort();
	if (sqlite3_exec(store->db, "BEGIN DEFERRED", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return NJ_ERROR;
	store->intx = 1;
	return NJ_OK;
}

int
store_commit(void)
{
	if (sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		store_rollback();
		return NJ_ERROR;
	}
	store->intx = 0;
	store->macs_tx = 0;
	anchor_after_commit();	/* R-SEC-8.4 issue 8 (4) */
	return NJ_OK;
}

void
store_rollback(void)
{
	if (sqlite3_get_autocommit(store->db) == 0)
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
	store->macs &= ~store->macs_tx;	/* TEMP triggers made in it too */
	store->macs_tx = 0;
	store->intx = 0;
	store->audit_head = 0;
}

/*
 * The id the next row of table ("buyers", or a column "buyers.phone")
 * will get, inside the caller's write transaction: the row's id is known
 * before its sealed values are made (R-SEC-8.5a issue 8 (5)). -1 on an
 * error or an unknown table.
 */
int64_t
store_next_id(const char *table)
{
	static const struct {
		const char	*name;
		enum sql	 sql;
	} next[] = {
		{ "buyers", SQL_NEXT_ID_BUYERS },
		{ "makers", SQL_NEXT_ID_MAKERS },
		{ "dealers", SQL_NEXT_ID_DEALERS },
	};
	size_t	i, n = strcspn(table, ".");
	int64_t	id;

	for (i = 0; i < sizeof next / sizeof next[0]; i++)
		if (strlen(next[i].name) == n &&
		    strncmp(next[i].name, table, n) == 0)
			return sql_int(&id, next[i].sql) == 1 ? id : -1;
	return -1;
}

int
store_changes(void)
{
	return sqlite3_changes(store->db);
}

int64_t
store_last_id(void)
{
	return sqlite3_last_insert_rowid(store->db);
}

/* An online, consistent copy of the database into path. */
int
store_backup(const char *path, char *err, size_t errlen)
{
	sqlite3		*dst = NULL;
	sqlite3_backup	*b;
	struct anchor	 a;
	char		 apath[4200];
	int		 rc;

	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		xsnprintf(err, errlen, "无法创建备份文件 %s：%s", path,
		    dst ? sqlite3_errmsg(dst) : "内存不足");
		sqlite3_close(dst);
		return -1;
	}
	chmod(path, 0600);
	/* one snapshot: the copy and the anchor written beside it agree */
	if (store_begin_read() != 0 || anchor_from_db(&a) != 0) {
		xsnprintf(err, errlen, "备份失败：%s", store_errmsg());
		store_rollback();
		sqlite3_close(dst);
		return -1;
	}
	b = sqlite3_backup_init(dst, "main", store->db, "main");
	if (b == NULL) {
		xsnprintf(err, errlen, "备份失败：%s", sqlite3_errmsg(dst));
		store_rollback();
		sqlite3_close(dst);
		return -1;
	}
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	store_rollback();	/* ends the read transaction */
	if (rc != SQLITE_DONE) {
		xsnprintf(err, errlen, "备份失败：%s", sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return -1;
	}
	sqlite3_close(dst);
	/* R-SEC-8.4 issue 8 (4): the copy verifies against its own anchor */
	if (!store->haskey)
		return 0;
	if (anchor_path(path, apath, sizeof apath) != 0)
		return -1;
	return anchor_write(apath, &a, err, errlen) == 0 ? 0 : -1;
}
