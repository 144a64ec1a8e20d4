/*
 * store-fn.c: functions of SQL that the layers above define and the store
 * registers on its connection (the state table's njbt_state and
 * njbt_state_ok, db.c). The store knows their names and arity only: it
 * never references what they compute, so it stays below the actions.
 */
#include "store.h"

/*
 * Register fn as the SQL function name (nargs arguments, -1 for any) on
 * the process's connection. Deterministic and innocuous: it reads nothing
 * but its arguments.
 */
int
store_function(const char *name, int nargs, store_fn fn)
{
	if (store == NULL || store->db == NULL)
		return NJ_ERROR;
	return sqlite3_create_function(store->db, name, nargs, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, fn, NULL, NULL) ==
	    SQLITE_OK ? NJ_OK : NJ_ERROR;
}
