/*
 * store-scratch.c: write transactions of scratch, not of the programme
 * (issue 15 item 4): a form's draft (draft.c), written each time the
 * cursor leaves a field. In WAL mode PRAGMA synchronous is the
 * connection's own, so such a transaction runs under NORMAL (its commit
 * reaches the WAL without an fsync: it survives the process dying, and a
 * power cut may lose the last drafts) and the connection is set back to
 * FULL at its end, whichever way it ends, before any business write. The
 * next FULL commit syncs the WAL, drafts and all.
 */
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
