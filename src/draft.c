/*
 * draft.c: half-filled forms (SPEC section 7: a dropped connection loses at
 * most the field being typed). The screens keep what was typed as the
 * cursor leaves each field; the next login offers to resume it. A draft is
 * the user's own scratch, not a record of the programme, so it is written
 * here without an audit row; it may hold an ID number, so it is sealed
 * like every private value.
 */
#include <stdlib.h>
#include <string.h>

#include "store.h"

/*
 * A draft's row is (user, form): it is sealed as column
 * "drafts.data:FORM" of row user (R-SEC-8.5a issue 8 (5)).
 */
static void
draft_col(const char *form, char *buf, size_t len)
{
	xsnprintf(buf, len, "drafts.data:%s", form);
}

/* Keep data as the draft of form for who (one draft per form). */
int
draft_save(const struct actor *who, const char *form, const char *data)
{
	struct sealed	s;
	char		at[32], col[128];
	int		rc = NJ_ERROR;

	if (who->id == 0)
		return NJ_OK;
	clock_stamp(clock_now(), at, sizeof at);
	draft_col(form, col, sizeof col);
	sealed_make(&s, col, who->id, "draft", data);
	if (store_begin() != 0)
		goto out;
	if (sql_exec(SQL_DRAFT_SAVE, "itbt", who->id, form, s.blob, s.len,
	    at) != 0) {
		store_rollback();
		goto out;
	}
	rc = store_commit() == 0 ? NJ_OK : NJ_ERROR;
out:
	sealed_free(&s);
	return rc;
}

/* The draft of form, malloc'd, or NULL if there is none. */
char *
draft_load(const struct actor *who, const char *form)
{
	sqlite3_stmt	*st = sql_query(SQL_DRAFT_GET, "it", who->id, form);
	char		*buf = NULL, col[128];
	size_t		 n;

	draft_col(form, col, sizeof col);
	if (sql_step(st) == 1) {
		n = (size_t)sqlite3_column_bytes(st, 0) + 1;
		buf = xcalloc(1, n);
		if (crypt_open(sqlite3_column_blob(st, 0), n - 1, col, who->id,
		    buf, n) != 0) {
			free(buf);
			buf = NULL;
		}
	}
	sqlite3_reset(st);
	return buf;
}

int
draft_drop(const struct actor *who, const char *form)
{
	if (store_begin() != 0)
		return NJ_ERROR;
	if (sql_exec(SQL_DRAFT_DROP, "it", who->id, form) != 0) {
		store_rollback();
		return NJ_ERROR;
	}
	return store_commit() == 0 ? NJ_OK : NJ_ERROR;
}

/* The newest draft of who: its form name into buf and when it was saved. */
int
draft_latest(const struct actor *who, char *form, size_t flen, char *at,
    size_t alen)
{
	sqlite3_stmt	*st = sql_query(SQL_DRAFT_LATEST, "i", who->id);
	int		 rc = sql_step(st);

	if (rc == 1) {
		sql_col_copy(st, 0, form, flen);
		sql_col_copy(st, 1, at, alen);
	}
	sqlite3_reset(st);
	return rc == 1;
}
