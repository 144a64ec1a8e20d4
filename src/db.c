/*
 * db.c: opening the database for the front ends: where it is (--db, then
 * $NJBT_DB, then ./var/njbt.db), opening it at the latest version, and
 * `njbt init`'s create-or-upgrade. Every connection opened here gets the
 * state table's SQL face (state.c): njbt_state(kind, code [, long]) for
 * labels (of states and of label.c's enumerations), njbt_state_ok(kind,
 * from, to) and the TEMP triggers that refuse a transition the table
 * lacks.
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "conf.h"
#include "label.h"
#include "state.h"
#include "store.h"

/* the state table's guards, one per table with a state (store-sql-state.def) */
static const enum sql db_state_guards[] = {
	SQL_STATE_GUARD_MAKERS, SQL_STATE_GUARD_DEALERS,
	SQL_STATE_GUARD_PRODUCTS, SQL_STATE_GUARD_MACHINES,
	SQL_STATE_GUARD_APPLICATIONS, SQL_STATE_GUARD_NOTICES,
	SQL_STATE_GUARD_SALES, SQL_STATE_GUARD_BATCHES,
	SQL_STATE_GUARD_RETURNS, SQL_STATE_GUARD_COMPLAINTS,
	/* issue 13 item 1 */
	SQL_STATE_GUARD_FILING_REVIEWS, SQL_STATE_GUARD_FILING_PUBLICITIES,
	SQL_STATE_GUARD_FILING_OBJECTIONS,
	SQL_STATE_GUARD_VIOLATIONS,	/* issue 13 item 2 */
};

/*
 * njbt_state(kind, code [, long]): the code's short label, or with a true
 * third argument its long one, from state.c's kinds or label.c's; a code
 * the tables lack reads as itself, NULL as NULL. The kind's codes are
 * looked up once a statement where the kind is a constant of its SQL (as
 * in every list and printer): SQLite keeps them with that argument
 * (sqlite3_set_auxdata) for the rows after.
 */
static void
db_state_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const struct state_code *codes;
	const char *kind, *code, *label;

	if (argc < 2 || argc > 3) {
		sqlite3_result_error(cx, "njbt_state(kind, code [, long])", -1);
		return;
	}
	kind = (const char *)sqlite3_value_text(argv[0]);
	code = (const char *)sqlite3_value_text(argv[1]);
	if (code == NULL) {
		sqlite3_result_null(cx);
		return;
	}
	if ((codes = sqlite3_get_auxdata(cx, 0)) == NULL &&
	    (codes = label_codes(kind)) != NULL)
		sqlite3_set_auxdata(cx, 0, (void *)codes, NULL);
	label = state_text(state_codes_find(codes, code), code,
	    argc == 3 && sqlite3_value_int(argv[2]));
	sqlite3_result_text(cx, label, -1, label == code ? SQLITE_TRANSIENT :
	    SQLITE_STATIC);
}

/* njbt_state_ok(kind, from, to): 1 when state.c allows the move. */
static void
db_state_ok_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_int(cx, state_may(
	    (const char *)sqlite3_value_text(argv[0]),
	    (const char *)sqlite3_value_text(argv[1]),
	    (const char *)sqlite3_value_text(argv[2])));
}

/* The functions, before any statement that uses them is prepared. */
static int
db_state_functions(char *err, size_t errlen)
{
	if (store_function("njbt_state", -1, db_state_fn) != NJ_OK ||
	    store_function("njbt_state_ok", 3, db_state_ok_fn) != NJ_OK) {
		xsnprintf(err, errlen, "数据库设置失败：%s", store_errmsg());
		return NJ_ERROR;
	}
	return NJ_OK;
}

/*
 * The guards, once the tables are at the latest version (again after a
 * test's own SQL, which stands for what no action does yet).
 */
int
db_state_guard(char *err, size_t errlen)
{
	size_t i;

	for (i = 0; i < sizeof db_state_guards / sizeof db_state_guards[0];
	    i++) {
		if (sql_exec(db_state_guards[i]) != 0) {
			xsnprintf(err, errlen, "数据库设置失败：%s",
			    store_errmsg());
			return NJ_ERROR;
		}
	}
	return NJ_OK;
}

/* $NJBT_DB, else njbt.conf's db (conf.c: ./var/njbt.db in the source
 * tree, /var/lib/njbt/njbt.db installed). */
const char *
db_default_path(void)
{
	const char *p = getenv("NJBT_DB");

	return p != NULL && *p != '\0' ? p : conf_current()->db;
}

static int
db_open_flags(const char *path, int flags, char *err, size_t errlen)
{
	if (store_open(path, flags, err, errlen) != 0)
		return -1;
	if (db_state_functions(err, errlen) != NJ_OK ||
	    db_state_guard(err, errlen) != NJ_OK) {
		store_close();
		return -1;
	}
	return 0;
}

int
db_open(const char *path, char *err, size_t errlen)
{
	return db_open_flags(path, 0, err, errlen);
}

/* Issue 15 item 2: the screens' connection, with a smaller own cache. */
int
db_open_session(const char *path, char *err, size_t errlen)
{
	return db_open_flags(path, STORE_SCREENS, err, errlen);
}

void
db_close(void)
{
	store_close();
}

/*
 * Create the database (and its directory and key file) or upgrade it in
 * place; *from and *to are the versions before and after.
 */
int
db_init(const char *path, int *from, int *to, char *err, size_t errlen)
{
	char	*dir, *copy = xstrdup(path);

	dir = dirname(copy);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		xsnprintf(err, errlen, "无法创建目录 %s：%s", dir, strerror(errno));
		free(copy);
		return -1;
	}
	free(copy);
	if (store_open(path, STORE_CREATE | STORE_ANYVER, err, errlen) != 0)
		return -1;
	*from = store_version();
	if (db_state_functions(err, errlen) != NJ_OK ||
	    store_migrate(err, errlen) != 0 || store_key_check(err, errlen) !=
	    0 || (store_version() == store_latest() &&
	    db_state_guard(err, errlen) != NJ_OK)) {
		store_close();
		return -1;
	}
	*to = store_version();
	return 0;
}

int
db_backup(const char *path, char *err, size_t errlen)
{
	return store_backup(path, err, errlen);
}

/*
 * Issue 14 item 7: open a copy of the database (a backup) with the key
 * file keyfile, the live database's: a copy holds no key of its own.
 */
int
db_open_copy(const char *path, const char *keyfile, char *err, size_t errlen)
{
	int rc;

	store_use_keyfile(keyfile);
	/* no drafts' file beside a backup */
	rc = db_open_flags(path, STORE_COPY, err, errlen);
	store_use_keyfile(NULL);
	return rc;
}

/* The key file of the database path (FILE.key). */
int
db_keyfile(const char *path, char *buf, size_t len)
{
	return crypt_keyfile_path(path, buf, len);
}

/* The audit anchor in one line, for the server's log (R-SEC-8.4). */
int
db_anchor_line(char *buf, size_t len)
{
	return anchor_describe(buf, len);
}
