/*
 * draft.c: half-filled forms (SPEC section 7: a dropped connection loses at
 * most the field being typed). The screens keep what was typed as the
 * cursor leaves each field. A draft is the user's own scratch, not a record
 * of the programme, so it is written here, outside the action engine and
 * without an audit row (one of the writers named in "Who writes" at the
 * top of action.c: an audit row at every field the cursor leaves would
 * bury the log, and could not say what was typed); it may hold an ID
 * number, so it is sealed like every private value. What is audited is
 * the save of the form, the action, which removes the draft.
 *
 * R-SEC-8.9 issue 8 (9): one draft per window. Each window (session of the
 * screens) has a random id made when it starts; a draft is kept under the
 * user, the form and that id, so two windows of one user never share one.
 * A draft of another window (a dropped connection, or a second login) is
 * only ever offered; taking it moves it to the taking window, so that no
 * other window can take it too. Saving the form removes its draft inside
 * the action's own transaction (draft_remove_in, called by action_run_draft).
 *
 * Issue 15 item 4: a draft is written at every field the cursor leaves, so
 * its writes are the store's scratch transactions (store-session.c):
 * synchronous=NORMAL, no fsync each, the connection FULL again after.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "actions.h"

/* A new window's id: 16 random bytes in hex (len at least 33). */
void
draft_window_new(char *buf, size_t len)
{
	unsigned char	raw[16];

	if (len < 2 * sizeof raw + 1 || sodium_init() < 0)
		abort();
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(buf, len, raw, sizeof raw);
}


/*
 * A draft's row is (user, form): it is sealed as column
 * "drafts.data:FORM" of row user (R-SEC-8.5a issue 8 (5)).
 */
static void
draft_col(const char *form, char *buf, size_t len)
{
	xsnprintf(buf, len, "drafts.data:%s", form);
}

/* Keep data as the draft of form in window win of who. */
int
draft_save(const struct actor *who, const char *form, const char *win,
    const char *data)
{
	struct sealed	s;
	char		at[32], col[128];
	int		rc = NJ_ERROR;

	if (who->id == 0)
		return NJ_OK;
	clock_stamp(clock_now(), at, sizeof at);
	draft_col(form, col, sizeof col);
	sealed_make(&s, col, who->id, "draft", data);
	if (store_scratch_begin() != 0)
		goto out;
	if (sql_exec(SQL_DRAFT_WIN_SAVE, who->id, form, win, SQL_BLOB(s.blob,
	    s.len), at) != 0) {
		store_scratch_rollback();
		goto out;
	}
	rc = store_scratch_commit() == 0 ? NJ_OK : NJ_ERROR;
out:
	sealed_free(&s);
	return rc;
}

/* The draft of form in window win, malloc'd, or NULL if there is none. */
char *
draft_load(const struct actor *who, const char *form, const char *win)
{
	sqlite3_stmt	*st = sql_query(SQL_DRAFT_WIN_GET, who->id,
			    form, win);
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

/* Remove the draft of form in window win. */
int
draft_drop(const struct actor *who, const char *form, const char *win)
{
	if (store_scratch_begin() != 0)
		return NJ_ERROR;
	if (sql_exec(SQL_DRAFT_WIN_DROP, who->id, form, win) != 0) {
		store_scratch_rollback();
		return NJ_ERROR;
	}
	return store_scratch_commit() == 0 ? NJ_OK : NJ_ERROR;
}

/*
 * Inside the caller's transaction (the save of the form): remove the
 * draft, so that the save and the removal commit or fail together.
 */
int
draft_remove_in(const struct actor *who, const char *form, const char *win)
{
	if (who->id == 0)
		return NJ_OK;
	return sql_exec(SQL_DRAFT_WIN_DROP, who->id, form, win) == 0 ?
	    NJ_OK : NJ_ERROR;
}

/*
 * The newest draft of who kept by a window other than win, of form (any
 * form if form is NULL): its form, when it was saved and its window.
 * Returns 1 if there is one.
 */
int
draft_other(const struct actor *who, const char *form, const char *win,
    struct draft_info *d)
{
	sqlite3_stmt	*st = sql_query(SQL_DRAFT_WIN_OTHER, who->id,
			    win, form != NULL ? form : "");
	int		 rc = sql_step(st);

	if (rc == 1) {
		sql_col_copy(st, 0, d->form, sizeof d->form);
		sql_col_copy(st, 1, d->at, sizeof d->at);
		sql_col_copy(st, 2, d->win, sizeof d->win);
	}
	sqlite3_reset(st);
	return rc == 1;
}

/*
 * Take the draft of form kept by window from into window to (replacing a
 * draft to may have of it). Returns NJ_OK if taken, NJ_REFUSED if another
 * window took it first, NJ_ERROR on a database failure.
 */
int
draft_take(const struct actor *who, const char *form, const char *from,
    const char *to)
{
	int	rc = NJ_ERROR;

	if (store_scratch_begin() != 0)
		return NJ_ERROR;
	if (sql_exec(SQL_DRAFT_WIN_DROP, who->id, form, to) != 0 ||
	    sql_exec(SQL_DRAFT_WIN_MOVE, who->id, form, from, to) != 0)
		goto fail;
	if (store_changes() != 1) {
		rc = NJ_REFUSED;
		goto fail;
	}
	return store_scratch_commit() == 0 ? NJ_OK : NJ_ERROR;
fail:
	store_scratch_rollback();
	return rc;
}
