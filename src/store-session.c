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
