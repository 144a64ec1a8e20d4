/*
 * store-sql.c: the one table of SQL statements (rows in store-sql.def),
 * each prepared on first use and kept for the life of the connection, and
 * the small helpers that bind typed arguments (struct sql_arg, made by the
 * _Generic macros of store-sql.h) and step. The count of arguments is
 * checked against the statement's parameters.
 * No SQL is ever built from user text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "log.h"

static const char *const sql_table[SQL__COUNT] = {
#define SQL(name, text) [name] = text,
#include "store-sql.def"
#undef SQL
};

static const char *const sql_names[SQL__COUNT] = {
#define SQL(name, text) [name] = #name,
#include "store-sql.def"
#undef SQL
};

/* The statement, prepared on first use, reset and with no bindings. */
sqlite3_stmt *
sql_get(enum sql id)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((unsigned)id >= SQL__COUNT)
		abort();
	st = store->stmt[id];
	if (st == NULL) {
		mac_watch_begin();
		rc = sqlite3_prepare_v3(store->db, sql_table[id], -1,
		    SQLITE_PREPARE_PERSISTENT, &st, NULL);
		store->wmask[id] = mac_watch_end();
		if (rc != SQLITE_OK) {
			/* a statement of ours that does not compile is a bug */
			log_error("SQL %s: %s", sql_names[id],
			    sqlite3_errmsg(store->db));
			abort();
		}
		store->stmt[id] = st;
	} else {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	/* R-SEC-8.5b issue 8 (5): no write before its tables' MAC triggers */
	if ((store->wmask[id] & ~store->macs) != 0 &&
	    mac_need(store->wmask[id]) != NJ_OK) {
		log_error("SQL %s: row MAC triggers: %s", sql_names[id],
		    sqlite3_errmsg(store->db));
		abort();	/* only out of memory: never write un-MACed */
	}
	return st;
}

const char *
sql_name(enum sql id)
{
	if ((unsigned)id >= SQL__COUNT)
		abort();
	return sql_names[id];
}

/* Bind n typed arguments to ?1..?n of st; a failure to bind aborts. */
static void
sql_bind(enum sql id, sqlite3_stmt *st, const struct sql_arg *args, int n)
{
	const struct sql_arg	*a;
	int			 i, rc = SQLITE_OK;

	for (i = 0; i < n && rc == SQLITE_OK; i++) {
		a = &args[i];
		if (a->kind == SQL_K_INT)
			rc = sqlite3_bind_int64(st, i + 1, a->i);
		else if (a->kind == SQL_K_TEXT && a->p != NULL)
			rc = sqlite3_bind_text(st, i + 1, a->p, -1,
			    SQLITE_TRANSIENT);
		else if (a->kind == SQL_K_BLOB && a->p != NULL)
			rc = sqlite3_bind_blob64(st, i + 1, a->p, a->n,
			    SQLITE_TRANSIENT);
		else
			rc = sqlite3_bind_null(st, i + 1);
	}
	if (rc != SQLITE_OK) {
		log_error("SQL %s: bind %d: %s", sql_names[id], i,
		    sqlite3_errmsg(store->db));
		abort();
	}
}

/*
 * The statement with its parameters bound. The count of arguments must be
 * the statement's count of parameters (its highest ?N): anything else is
 * a bug of ours, logged, and the process aborts.
 */
sqlite3_stmt *
sql_query_n(enum sql id, const struct sql_arg *args, int n)
{
	sqlite3_stmt	*st = sql_get(id);
	int		 max = sqlite3_bind_parameter_count(st);

	if (n != max) {
		log_error("SQL %s: %d parameters, %d arguments",
		    sql_names[id], max, n);
		abort();
	}
	sql_bind(id, st, args, n);
	return st;
}

/*
 * A statement of a family that shares one set of arguments (the lists'
 * scope, organisation, pattern, page, argument and day, list.c): the
 * statement uses the first of them, ?1..?k with k <= n, and the rest are
 * not bound. Fewer arguments than parameters still abort.
 */
sqlite3_stmt *
sql_query_shared_n(enum sql id, const struct sql_arg *args, int n)
{
	sqlite3_stmt	*st = sql_get(id);
	int		 max = sqlite3_bind_parameter_count(st);

	if (n < max) {
		log_error("SQL %s: %d parameters, %d shared arguments",
		    sql_names[id], max, n);
		abort();
	}
	sql_bind(id, st, args, max);
	return st;
}

/* Step: 1 a row, 0 done, -1 an error (constraint, I/O). */
int
sql_step(sqlite3_stmt *st)
{
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		return 1;
	case SQLITE_DONE:
		return 0;
	default:
		return -1;
	}
}

/* Run a statement that returns no rows: 0, or -1 with the SQLite error. */
int
sql_exec_n(enum sql id, const struct sql_arg *args, int n)
{
	sqlite3_stmt	*st = sql_query_n(id, args, n);
	int		 rc;

	while ((rc = sql_step(st)) == 1)
		;
	if (rc == 0)
		sqlite3_reset(st);
	return rc;
}

/* The first column of the first row as an integer: 1 found, 0 none, -1. */
int
sql_int_n(int64_t *v, enum sql id, const struct sql_arg *args, int n)
{
	sqlite3_stmt	*st = sql_query_n(id, args, n);
	int		 rc;

	rc = sql_step(st);
	if (rc == 1)
		*v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc;
}

/* The first column of the first row as text: 1 found, 0 none, -1. */
int
sql_text_n(char *buf, size_t len, enum sql id, const struct sql_arg *args,
    int n)
{
	sqlite3_stmt	*st = sql_query_n(id, args, n);
	int		 rc;

	rc = sql_step(st);
	if (rc == 1)
		sql_col_copy(st, 0, buf, len);
	sqlite3_reset(st);
	return rc;
}

/* A text column, "" for NULL. */
const char *
sql_col(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t ? (const char *)t : "";
}

void
sql_col_copy(sqlite3_stmt *st, int col, char *buf, size_t len)
{
	strlcpy0(buf, sql_col(st, col), len);
}

void
sql_finalize_all(void)
{
	size_t i;

	for (i = 0; i < SQL__COUNT; i++) {
		if (store->stmt[i] != NULL)
			sqlite3_finalize(store->stmt[i]);
		store->stmt[i] = NULL;
	}
}

/* Reset every statement still holding a row, so no read lingers. */
void
sql_reset_all(void)
{
	size_t i;

	for (i = 0; i < SQL__COUNT; i++)
		if (store->stmt[i] != NULL && sqlite3_stmt_busy(store->stmt[i]))
			sqlite3_reset(store->stmt[i]);
}
