/*
 * store-session.c: what keeps a session's connection cheap (issue 15).
 *
 * Item 4, scratch transactions: writes of scratch, not of the programme,
 * such as a form's draft (draft.c), written each time the cursor leaves a
 * field. In WAL mode PRAGMA synchronous is the connection's own, so such a
 * transaction runs under NORMAL (its commit reaches the WAL without an
 * fsync: it survives the process dying, and a power cut may lose the last
 * drafts) and the connection is set back to FULL at its end, whichever way
 * it ends, before any business write. The next FULL commit syncs the WAL,
 * drafts and all.
 *
 * Item 2, the screens' connection (store_open's STORE_MMAP, db.c's
 * db_open_session) reads the file through a memory map
 * (STORE_MMAP_PRAGMA), so pages come from the kernel's page cache shared
 * by every session, not copied into each one's cache; batch commands
 * read without one (a print streaming the whole file would count all of
 * it in its resident set); but each page a query touched stays mapped, counted in
 * the process's resident set, until the map is dropped. store_trim, called
 * when a session is idle, drops the map (the pages stay in the kernel's
 * cache; the next read maps again), frees the private page cache and
 * gives the freed heap back to the system.
 */
#include <malloc.h>
#include <stdlib.h>

#include "store.h"

/* Set the connection's synchronous; FULL must hold, or the process ends. */
static int
scratch_sync(const char *pragma, int must)
{
	if (sqlite3_exec(store->db, pragma, NULL, NULL, NULL) == SQLITE_OK)
		return NJ_OK;
	if (must)
		abort();	/* business data would no longer be synced */
	return NJ_ERROR;
}

/* Start a scratch write transaction (store_begin under NORMAL). */
int
store_scratch_begin(void)
{
	if (store->intx)
		abort();
	if (scratch_sync("PRAGMA synchronous=NORMAL", 0) != NJ_OK)
		return NJ_ERROR;
	if (store_begin() != NJ_OK) {
		scratch_sync("PRAGMA synchronous=FULL", 1);
		return NJ_ERROR;
	}
	return NJ_OK;
}

/* Commit it (no fsync); the connection is FULL again after. */
int
store_scratch_commit(void)
{
	int rc = store_commit();

	scratch_sync("PRAGMA synchronous=FULL", 1);
	return rc;
}

/* Roll it back; the connection is FULL again after. */
void
store_scratch_rollback(void)
{
	store_rollback();
	scratch_sync("PRAGMA synchronous=FULL", 1);
}

/* Read through the memory map (store_open's STORE_MMAP). */
int
store_mmap(char *err, size_t errlen)
{
	if (sqlite3_exec(store->db, STORE_MMAP_PRAGMA, NULL, NULL, NULL) ==
	    SQLITE_OK)
		return NJ_OK;
	xsnprintf(err, errlen, "数据库设置失败：%s", sqlite3_errmsg(store->db));
	return NJ_ERROR;
}

/* The connection's map limit: 0 when it reads without a map. */
static int64_t
store_mmap_size(void)
{
	sqlite3_int64 v = -1;	/* -1: only tell */

	if (sqlite3_file_control(store->db, "main", SQLITE_FCNTL_MMAP_SIZE,
	    &v) != SQLITE_OK)
		return 0;
	return v;
}

/*
 * An idle session gives back what its reads left resident: the mapped
 * pages (mmap_size set to 0 unmaps; set again, the next read maps anew)
 * and its private page cache. Not inside a transaction.
 */
void
store_trim(void)
{
	if (store == NULL || store->db == NULL || store->intx)
		return;
	if (store_mmap_size() > 0 && sqlite3_exec(store->db,
	    "PRAGMA mmap_size=0", NULL, NULL, NULL) == SQLITE_OK)
		sqlite3_exec(store->db, STORE_MMAP_PRAGMA, NULL, NULL, NULL);
	sqlite3_db_release_memory(store->db);
	malloc_trim(0);		/* and the heap the cache was freed into */
}
