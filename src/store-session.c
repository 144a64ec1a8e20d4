/*
 * store-session.c: what keeps a session's connection cheap (issue 15).
 *
 * Item 4, scratch transactions: writes of scratch, not of the programme,
 * such as a form's draft (draft.c), written each time the cursor leaves a
 * field. Drafts live in a file of their own beside the database
 * (DB.drafts, attached to every connection as "dr": store_drafts_attach),
 * under synchronous=NORMAL (a commit reaches its WAL without an fsync: it
 * survives the process dying, and a power cut may lose the last drafts),
 * while the database's business data stays FULL. They were in the
 * database itself, under NORMAL for their own transactions, until
 * bench/sessions showed what each such commit cost every other session:
 * SQLite drops a connection's whole page cache when another connection
 * has changed the database, and the readers contend for the WAL's read
 * marks after each change, so that at 300 sessions a draft written
 * every few keys made every session read its pages anew and wait on
 * locks (CPU/key 4.8 ms; without the drafts' writes 3.3). A scratch
 * transaction is deferred: it locks the drafts' file alone, never the
 * database, so that it neither waits for a business write's fsync nor
 * holds one up. A save of a form removes its draft inside the action's
 * transaction (draft_remove_in): both files commit together, but a power
 * cut between the two may leave the draft of a saved form (offered to
 * its window again, never saved twice by itself: the save is an action).
 *
 * Item 2, the screens' connection (store_open's STORE_SCREENS, db.c's
 * db_open_session) keeps a private page cache of 1 MiB
 * (STORE_SCREENS_CACHE, a batch command's is 2 MiB) and reads the rest
 * from the kernel's page cache, which every session shares. It read
 * through a memory map of the file until bench/sessions measured both on
 * the million-sale database: each session process pays a page fault for
 * each page it first touches through a map (on this virtual machine a
 * costly one), and with the map the screens spent 9.7 ms of CPU a key at
 * 300 sessions (p99 2.1 s) and lost 696 keys of 6,111 at 500; reading
 * into a 1 MiB cache they spend 4.3 ms (p99 37 ms) and lose 1 at 500,
 * for 0.5-0.7 MB more PSS a session (2.9 MB). store_trim, called when a
 * session is idle, frees the private cache and gives the freed heap
 * back to the system.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"

/*
 * Attach the drafts' file of the database at path (path.drafts) as "dr",
 * with its table. Before any transaction. The screens and njbt init
 * (make) make it, 0600 and owned as the database is; the other commands
 * take it if it is there, else keep drafts in memory (they keep none: a
 * look at a copy, njbt check of a backup, leaves no file beside it); a
 * database in memory has its drafts in memory.
 */
int
store_drafts_attach(const char *path, int make, char *err, size_t errlen)
{
	static const char *const pragmas[] = {
		"PRAGMA dr.journal_mode=WAL",
		"PRAGMA dr.synchronous=NORMAL",
		"PRAGMA dr.cache_size=-256",
	};
	char		 dpath[sizeof store->path + 8];
	struct stat	 db;
	size_t		 i;
	int		 fd;

	if (*path == '\0' || strcmp(path, ":memory:") == 0)
		strlcpy0(dpath, ":memory:", sizeof dpath);
	else {
		xsnprintf(dpath, sizeof dpath, "%s.drafts", path);
		fd = open(dpath, O_RDWR | O_CLOEXEC | O_NOFOLLOW |
		    (make ? O_CREAT : 0), 0600);
		if (fd < 0 && !make && errno == ENOENT) {
			strlcpy0(dpath, ":memory:", sizeof dpath);
			goto attach;
		}
		if (fd < 0)
			goto fail_file;
		/* root (an admin's njbt check, say) makes it the database
		   owner's, as SQLite does its WAL */
		if (geteuid() == 0 && stat(path, &db) == 0 &&
		    fchown(fd, db.st_uid, db.st_gid) != 0) {
			close(fd);
			goto fail_file;
		}
		close(fd);
	}
attach:
	if (sql_exec(SQL_DRAFTS_ATTACH, dpath) != 0)
		goto fail;
	for (i = 0; i < sizeof pragmas / sizeof pragmas[0]; i++)
		if (sqlite3_exec(store->db, pragmas[i], NULL, NULL, NULL) !=
		    SQLITE_OK)
			goto fail;
	if (sql_exec(SQL_DRAFTS_TABLE) != 0)
		goto fail;
	return NJ_OK;
fail_file:
	xsnprintf(err, errlen, "无法打开草稿文件 %s：%s", dpath,
	    strerror(errno));
	return NJ_ERROR;
fail:
	xsnprintf(err, errlen, "无法打开草稿文件 %s：%s", dpath,
	    store_errmsg());
	return NJ_ERROR;
}

/*
 * Start a scratch write transaction: deferred, so that its first write
 * locks the drafts' file alone.
 */
int
store_scratch_begin(void)
{
	if (store->intx)
		abort();
	store->audit_head = 0;
	if (sqlite3_exec(store->db, "BEGIN DEFERRED", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return NJ_ERROR;
	store->intx = 1;
	return NJ_OK;
}

/* Commit it (the drafts' file: no fsync). */
int
store_scratch_commit(void)
{
	return store_commit();
}

/* Roll it back. */
void
store_scratch_rollback(void)
{
	store_rollback();
}

/* The screens' smaller cache (store_open's STORE_SCREENS). */
int
store_screens(char *err, size_t errlen)
{
	if (sqlite3_exec(store->db, STORE_SCREENS_CACHE, NULL, NULL, NULL) ==
	    SQLITE_OK)
		return NJ_OK;
	xsnprintf(err, errlen, "数据库设置失败：%s", sqlite3_errmsg(store->db));
	return NJ_ERROR;
}

/*
 * An idle session gives back what its reads left resident: its private
 * page cache, and the heap it was freed into. Not inside a transaction.
 */
void
store_trim(void)
{
	if (store == NULL || store->db == NULL || store->intx)
		return;
	sqlite3_db_release_memory(store->db);
	malloc_trim(0);		/* and the heap the cache was freed into */
}
