/*
 * store-sql.c: the one table of SQL statements (rows in store-sql.def),
 * each prepared on first use and kept for the life of the connection, and
 * the small helpers that bind parameters by a format string and step:
 *   i int64_t, d int, t text (NULL binds NULL), b blob (pointer, size_t),
 *   n NULL (takes no argument).
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
	sqlite3_stmt *st;

	if ((unsigned)id >= SQL__COUNT)
		abort();
	st = store->stmt[id];
	if (st == NULL) {
		if (sqlite3_prepare_v3(store->db, sql_table[id], -1,
		    SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
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
	return st;
}

sqlite3_stmt *
sql_vquery(enum sql id, const char *fmt, va_list ap)
{
	sqlite3_stmt	*st = sql_get(id);
	const char	*t;
	const void	*b;
	size_t		 n;
	int64_t		 v;
	int		 i, rc = SQLITE_OK, max = sqlite3_bind_parameter_count(st);

	/* too few parameters is a bug of ours; more are taken and ignored */
	if (fmt == NULL || (int)strlen(fmt) < max) {
		log_error("SQL %s: %d parameters, format \"%s\"",
		    sql_names[id], max, fmt ? fmt : "");
		abort();
	}
	for (i = 1; *fmt != '\0' && rc == SQLITE_OK; fmt++, i++) {
		t = NULL;
		b = NULL;
		n = 0;
		v = 0;
		switch (*fmt) {
		case 'i':
			v = va_arg(ap, int64_t);
			break;
		case 'd':
			v = va_arg(ap, int);
			break;
		case 't':
			t = va_arg(ap, const char *);
			break;
		case 'b':
			b = va_arg(ap, const void *);
			n = va_arg(ap, size_t);
			break;
		case 'n':
			break;
		default:
			abort();
		}
		if (i > max)
			continue;
		if (*fmt == 'i' || *fmt == 'd')
			rc = sqlite3_bind_int64(st, i, v);
		else if (t != NULL)
			rc = sqlite3_bind_text(st, i, t, -1, SQLITE_TRANSIENT);
		else if (b != NULL)
			rc = sqlite3_bind_blob(st, i, b, (int)n,
			    SQLITE_TRANSIENT);
		else
			rc = sqlite3_bind_null(st, i);
	}
	if (rc != SQLITE_OK) {
		log_error("SQL %s: bind %d: %s", sql_names[id],
		    i - 1, sqlite3_errmsg(store->db));
		abort();
	}
	return st;
}

sqlite3_stmt *
sql_query(enum sql id, const char *fmt, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;

	va_start(ap, fmt);
	st = sql_vquery(id, fmt, ap);
	va_end(ap);
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
sql_exec(enum sql id, const char *fmt, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;
	int		 rc;

	va_start(ap, fmt);
	st = sql_vquery(id, fmt, ap);
	va_end(ap);
	while ((rc = sql_step(st)) == 1)
		;
	if (rc == 0)
		sqlite3_reset(st);
	return rc;
}

/* The first column of the first row as an integer: 1 found, 0 none, -1. */
int
sql_int(int64_t *v, enum sql id, const char *fmt, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;
	int		 rc;

	va_start(ap, fmt);
	st = sql_vquery(id, fmt, ap);
	va_end(ap);
	rc = sql_step(st);
	if (rc == 1)
		*v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc;
}

/* The first column of the first row as text: 1 found, 0 none, -1. */
int
sql_text(char *buf, size_t len, enum sql id, const char *fmt, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;
	int		 rc;

	va_start(ap, fmt);
	st = sql_vquery(id, fmt, ap);
	va_end(ap);
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
