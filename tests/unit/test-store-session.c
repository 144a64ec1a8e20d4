/*
 * test-store-session.c: a session's connection (issue 15 items 2 and 4).
 * The connection every front end opens (db_open: the SSH session, the
 * screens, `njbt do`) keeps a small private page cache (the screens' a
 * smaller one, db_open_session) and reads the rest from the kernel's page
 * cache, never through a map of the file, and the screens give their
 * cache back when the session is idle (store_trim, at the screens'
 * tick); a draft's write is not fsynced (its own file, DB.drafts, is
 * synchronous=NORMAL) while every business write still is (FULL), and it
 * leaves the database itself as it was: another connection's cache of it
 * stays good and a business write holding it does not hold the draft up.
 * The fsyncs are counted by a VFS that wraps the default one and counts
 * xSync calls on every file of the database (main file, WAL).
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

/* ---- a VFS that counts the syncs of every file it opens ---- */

struct cnt_file {
	sqlite3_file	 base;		/* our methods */
	sqlite3_file	*real;		/* the default VFS's file, after us */
};

static sqlite3_vfs	*cnt_real;
static sqlite3_vfs	 cnt_vfs;
static int		 cnt_syncs;

#define REAL(f)	(((struct cnt_file *)(f))->real)

static int
cnt_close(sqlite3_file *f)
{
	return REAL(f)->pMethods->xClose(REAL(f));
}

static int
cnt_read(sqlite3_file *f, void *p, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), p, n, off);
}

static int
cnt_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xWrite(REAL(f), p, n, off);
}

static int
cnt_truncate(sqlite3_file *f, sqlite3_int64 n)
{
	return REAL(f)->pMethods->xTruncate(REAL(f), n);
}

static int
cnt_sync(sqlite3_file *f, int flags)
{
	cnt_syncs++;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int
cnt_size(sqlite3_file *f, sqlite3_int64 *n)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), n);
}

static int
cnt_lock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xLock(REAL(f), l);
}

static int
cnt_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}

static int
cnt_reserved(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
cnt_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int
cnt_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
cnt_caps(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int
cnt_shm_map(sqlite3_file *f, int i, int sz, int ext, void volatile **p)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), i, sz, ext, p);
}

static int
cnt_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}

static void
cnt_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int
cnt_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

static int
cnt_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
	return REAL(f)->pMethods->xFetch(REAL(f), off, n, pp);
}

static int
cnt_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	return REAL(f)->pMethods->xUnfetch(REAL(f), off, p);
}

static const sqlite3_io_methods cnt_methods = {
	3, cnt_close, cnt_read, cnt_write, cnt_truncate, cnt_sync, cnt_size,
	cnt_lock, cnt_unlock, cnt_reserved, cnt_control, cnt_sector, cnt_caps,
	cnt_shm_map, cnt_shm_lock, cnt_shm_barrier, cnt_shm_unmap, cnt_fetch,
	cnt_unfetch
};

static int
cnt_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags,
    int *out)
{
	struct cnt_file	*c = (struct cnt_file *)f;
	int		 rc;

	(void)v;
	c->real = (sqlite3_file *)(c + 1);
	rc = cnt_real->xOpen(cnt_real, name, c->real, flags, out);
	/* the real file's methods decide whether there is a file to close */
	c->base.pMethods = c->real->pMethods != NULL ? &cnt_methods : NULL;
	return rc;
}

/* Put the counting VFS in front of the default one, as the default. */
static void
cnt_register(void)
{
	if (cnt_real != NULL)
		return;
	cnt_real = sqlite3_vfs_find(NULL);
	cnt_vfs = *cnt_real;
	cnt_vfs.zName = "njbt-count";
	cnt_vfs.szOsFile = (int)sizeof(struct cnt_file) + cnt_real->szOsFile;
	cnt_vfs.xOpen = cnt_open;
	cnt_vfs.pAppData = NULL;
	if (sqlite3_vfs_register(&cnt_vfs, 1) != SQLITE_OK)
		abort();
}

/* kB of the database file resident in this process's maps (smaps). */
static long
mapped_kb(const char *path)
{
	FILE	*fp = fopen("/proc/self/smaps", "r");
	char	 line[4096];
	long	 kb, sum = 0;
	int	 in = 0;

	if (fp == NULL)
		abort();
	while (fgets(line, sizeof line, fp) != NULL) {
		/* a map's header: "start-end perms offset dev inode path" */
		if (line[strspn(line, "0123456789abcdef")] == '-')
			in = strstr(line, path) != NULL &&
			    strstr(line, "-shm") == NULL;
		else if (in && sscanf(line, "Rss: %ld kB", &kb) == 1)
			sum += kb;
	}
	fclose(fp);
	return sum;
}

/* Bytes of page cache the connection holds now. */
static int
cache_used(void)
{
	int cur = 0, hi = 0;

	if (sqlite3_db_status(store->db, SQLITE_DBSTATUS_CACHE_USED, &cur, &hi,
	    0) != SQLITE_OK)
		abort();
	return cur;
}

/*
 * Issue 15 item 2: every connection's own page cache is 2 MiB at most (a
 * negative cache_size is KiB), the screens' (db_open_session, as
 * ssh-session.c opens it) 1 MiB, in WAL mode with synchronous=FULL;
 * neither maps the file (each page a session process first touched
 * through a map cost a fault: bench/sessions at 500 sessions lost 696
 * keys with the map, 1 without). An idle session's cache is given back.
 */
static void
session_pragmas(void **state)
{
	char	err[NJ_MSG_MAX];
	int	full;

	(void)state;
	/* fx_setup's connection is a batch command's */
	assert_int_equal(fx_int("PRAGMA cache_size", NULL), -2048);
	assert_int_equal(fx_int("PRAGMA mmap_size", NULL), 0);
	assert_int_equal(fx_int("PRAGMA synchronous", NULL), 2);

	db_close();
	assert_int_equal(db_open_session(fx_path, err, sizeof err), 0);
	assert_int_equal(fx_int("PRAGMA cache_size", NULL), -1024);
	assert_int_equal(fx_int("PRAGMA mmap_size", NULL), 0);
	assert_int_equal(fx_int("PRAGMA synchronous", NULL), 2);
	assert_int_equal(fx_int("SELECT journal_mode = 'wal' FROM "
	    "pragma_journal_mode", NULL), 1);
	assert_int_equal(fx_int("PRAGMA foreign_keys", NULL), 1);
	/* a list page's reads fill the cache, never a map */
	assert_true(fx_int("SELECT count(*) FROM users", NULL) > 10);
	assert_true(fx_int("SELECT count(*) FROM audit WHERE detail LIKE "
	    "'%x%'", NULL) >= 0);
	assert_int_equal(mapped_kb(fx_path), 0);
	full = cache_used();
	assert_true(full > 32 * 1024);
	assert_true(full <= 1024 * 1024 + 256 * 1024);	/* 1 MiB, and its
							   headers */
	/* what the reads left is given back when the session is idle; the
	 * next read works and fills it again */
	store_trim();
	assert_true(cache_used() < full / 4);
	assert_true(fx_int("SELECT count(*) FROM users", NULL) > 10);
	assert_true(cache_used() > 0);
	assert_int_equal(mapped_kb(fx_path), 0);
}

/*
 * Issue 15 item 4: a draft's commit syncs nothing; the connection is FULL
 * again at once, and the next business write syncs the WAL (and with it
 * the drafts before it).
 */
static void
draft_not_synced(void **state)
{
	struct actor	who;
	struct draft_info d;
	char		msg[NJ_MSG_MAX], data[64], *back;
	int		before, i;

	(void)state;
	assert_int_equal(actor_load("xg_zhen", &who, msg, sizeof msg), 0);
	/* twenty fields left: at most the one sync of the WAL's header
	 * when the first write starts the WAL afresh */
	before = cnt_syncs;
	for (i = 0; i < 20; i++) {
		snprintf(data, sizeof data, "buyer_name=张三%d", i);
		assert_int_equal(draft_save(&who, "apply", "win-a", data),
		    NJ_OK);
	}
	assert_int_equal(draft_save(&who, "apply", "win-a", "buyer_name=张三丰"),
	    NJ_OK);
	assert_true(cnt_syncs - before <= 1);
	before = cnt_syncs;
	assert_int_equal(fx_int("PRAGMA synchronous", NULL), 2);
	back = draft_load(&who, "apply", "win-a");
	assert_non_null(back);
	assert_string_equal(back, "buyer_name=张三丰");
	free(back);

	/* taken into another window: a scratch write too */
	assert_int_equal(draft_other(&who, "apply", "win-b", &d), 1);
	assert_int_equal(draft_take(&who, "apply", "win-a", "win-b"), NJ_OK);
	/* taken again: refused, rolled back, FULL again */
	assert_int_equal(draft_take(&who, "apply", "win-a", "win-c"),
	    NJ_REFUSED);
	assert_int_equal(draft_drop(&who, "apply", "win-b"), NJ_OK);
	assert_int_equal(cnt_syncs, before);
	assert_int_equal(fx_int("PRAGMA synchronous", NULL), 2);

	/* a refused action: nothing written but its refusal, FULL after */
	fx_refused("无权执行", "xg_zhen", "application.approve",
	    "application=SQ640122202600001", NULL);
	assert_int_equal(fx_int("PRAGMA synchronous", NULL), 2);

	/* business writes after the drafts: each synced, as before */
	before = cnt_syncs;
	assert_int_equal(fx_do("xg_zhen", "user.prefs", "colour=0", NULL),
	    NJ_OK);
	assert_int_equal(fx_do("xg_zhen", "user.prefs", "colour=1", NULL),
	    NJ_OK);
	assert_true(cnt_syncs - before >= 2);
	assert_int_equal(fx_int("PRAGMA synchronous", NULL), 2);
}

/* A second connection to the test's database, as another session's. */
static sqlite3 *
other_open(void)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open_v2(fx_path, &db, SQLITE_OPEN_READWRITE,
	    NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	return db;
}

static int
other_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*st;
	int		 v;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * Issue 15 item 4: drafts live in their own file. Another session's
 * connection sees the database unchanged by them (its data_version, which
 * moves when another connection commits and on which SQLite drops a
 * reader's whole page cache, stays), and a draft is kept while another
 * session holds the database's write lock (a business write in its
 * fsync): a draft's transaction never locks the database.
 */
static void
drafts_apart(void **state)
{
	struct actor	 who;
	sqlite3		*other = other_open();
	char		 msg[NJ_MSG_MAX], dpath[512], *back;
	struct stat	 sb;
	int		 v, i;

	(void)state;
	/* a batch connection makes no drafts' file (they keep none); the
	   screens' does */
	snprintf(dpath, sizeof dpath, "%s.drafts", fx_path);
	assert_int_equal(access(dpath, F_OK), -1);
	db_close();
	assert_int_equal(db_open_session(fx_path, msg, sizeof msg), 0);
	assert_int_equal(access(dpath, F_OK), 0);
	assert_int_equal(actor_load("xg_zhen", &who, msg, sizeof msg), 0);
	v = other_int(other, "PRAGMA data_version");
	for (i = 0; i < 5; i++)
		assert_int_equal(draft_save(&who, "apply", "win-a",
		    "buyer_name=张三"), NJ_OK);
	assert_int_equal(draft_drop(&who, "apply", "win-a"), NJ_OK);
	assert_int_equal(other_int(other, "PRAGMA data_version"), v);
	/* a business write does move it */
	assert_int_equal(fx_do("xg_zhen", "user.prefs", "colour=0", NULL),
	    NJ_OK);
	assert_int_not_equal(other_int(other, "PRAGMA data_version"), v);

	/* the other session writes the database and holds it */
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE; UPDATE users "
	    "SET colour = colour WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(draft_save(&who, "apply", "win-a", "buyer_name=李四"),
	    NJ_OK);
	back = draft_load(&who, "apply", "win-a");
	assert_non_null(back);
	assert_string_equal(back, "buyer_name=李四");
	free(back);
	assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(other);

	/* the file: beside the database, the owner's alone; the database
	   has no drafts table of its own any more (migration 020) */
	assert_int_equal(stat(dpath, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(fx_int("SELECT count(*) FROM main.sqlite_schema "
	    "WHERE name = 'drafts'", NULL), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM dr.drafts", NULL), 1);
}

/*
 * The drafts' file is opened without following a link: one planted at
 * DB.drafts (to have drafts written, sealed as they are, where another
 * user reads, or over a file of the admin's) stops the open.
 */
static void
drafts_no_link(void **state)
{
	char	err[NJ_MSG_MAX], dpath[512], target[512];
	int	fd;

	(void)state;
	db_close();
	snprintf(dpath, sizeof dpath, "%s.drafts", fx_path);
	snprintf(target, sizeof target, "%s.elsewhere", fx_path);
	unlink(dpath);
	assert_int_equal(symlink(target, dpath), 0);
	/* the screens', which make it, and a batch command's, which take it */
	assert_int_not_equal(db_open_session(fx_path, err, sizeof err), 0);
	assert_non_null(strstr(err, "草稿文件"));
	assert_int_not_equal(db_open(fx_path, err, sizeof err), 0);
	assert_non_null(strstr(err, "草稿文件"));
	assert_int_equal(access(target, F_OK), -1);
	unlink(dpath);
	/* and without the link, the database opens again */
	assert_int_equal(db_open_session(fx_path, err, sizeof err), 0);
	fd = open(dpath, O_RDONLY | O_NOFOLLOW);
	assert_true(fd >= 0);
	close(fd);
}

static int
group_setup(void **state)
{
	cnt_register();
	return fx_group_setup(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(session_pragmas, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(draft_not_synced, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(drafts_apart, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(drafts_no_link, fx_setup,
		    fx_teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, fx_group_teardown);
}
