/*
 * list-seek.c: issue 15 item 1, the lists over big tables at any depth.
 * A seekable list (a row below) pages by its rows' keys: the page after
 * the last key shown, or before the first, is one index seek whatever
 * its depth (store-sql-seek.def), never an OFFSET that reads the rows
 * before it. A filter is led by the indexes (the _FIND statements) unless
 * it is in many names or serials: then, as an empty one, it walks the
 * list's order (a common text soon fills a page).
 * The audit log (list-audit.c) is seekable too, its statement picked by
 * its search (a seek row's query). The other lists are small: list_seek
 * pages them by row number (their key is the row's place), End counting
 * their rows.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "lists.h"

/* a text in this many names or more is common: walk (store-sql-seek.def) */
#define SEEK_COMMON	2000

static const struct seek_row {
	const struct list_def	*def;
	enum sql		 walk, walk_back, find, find_back;
	int			 desc;	/* newest first */
	int			 serials; /* its filter finds serials */
	/* a list whose statement its search picks (NULL: the four above):
	   filter, key, dir (0: from that row on), limit, offset, msg */
	sqlite3_stmt		*(*query)(const char *, int64_t, int, int, int,
				    char *, size_t);
} seek_rows[] = {
#define SEEK(def, stmt, desc, serials)					\
	{ &def, stmt, stmt##_BACK, stmt##_FIND, stmt##_FIND_BACK, desc,	\
	  serials, NULL }
	SEEK(list_sales, SQL_LIST_SALES_SCOPED, 1, 1),
	SEEK(list_my_sales, SQL_LIST_MY_SALES, 1, 1),
	SEEK(list_verify_queue, SQL_LIST_VERIFY_QUEUE, 0, 1),
	SEEK(list_claims, SQL_LIST_CLAIMS, 0, 1),
	SEEK(list_applications, SQL_LIST_APPLICATIONS, 1, 0),
	SEEK(list_notices, SQL_LIST_NOTICES, 1, 0),
	SEEK(list_buyers, SQL_LIST_BUYERS, 1, 0),
	SEEK(list_supplied, SQL_LIST_SUPPLIED, 1, 0),
	SEEK(list_anomalies, SQL_LIST_ANOMALIES, 1, 0),
	SEEK(list_app_flags, SQL_LIST_APP_FLAGS, 1, 0),
	SEEK(list_buyer_changes, SQL_LIST_BUYER_CHANGES, 1, 0),
	SEEK(list_batch_sales, SQL_LIST_BATCH_SALES, 0, 0),
	SEEK(list_review_queue, SQL_LIST_REVIEW_QUEUE, 0, 0),
	SEEK(list_refunds, SQL_LIST_REFUNDS, 0, 0),
	/* issue 15 item 2 */
	SEEK(list_violations, SQL_LIST_VIOLATIONS, 1, 0),
#undef SEEK
	/* issue 15: the audit log by its rows' ids, newest first */
	{ &list_audit_log, SQL_AUDITLOG_ALL_SEEK, SQL_AUDITLOG_ALL_SEEK_BACK,
	  SQL_AUDITLOG_ALL_SEEK, SQL_AUDITLOG_ALL_SEEK_BACK, 1, 0,
	  list_audit_seek },
};

static const struct seek_row *
seek_row(const struct list_def *def)
{
	size_t i;

	for (i = 0; i < sizeof seek_rows / sizeof seek_rows[0]; i++)
		if (seek_rows[i].def == def)
			return &seek_rows[i];
	return NULL;
}

/*
 * Does list def page by its rows' keys (its statements' first column),
 * else by their places?
 */
int
list_by_key(const struct list_def *def)
{
	return seek_row(def) != NULL;
}

/*
 * The statement of a seekable list's page, bound (NULL: def does not
 * seek, or msg set: its search is refused): limit rows (and one more)
 * after key from (dir > 0) or before it (dir < 0, the nearest first),
 * from the edge for LIST_EDGE; skipping offset rows (list_fetch's
 * paging); dir 0 (a list with its own query): from the row whose key is
 * from on.
 */
sqlite3_stmt *
list_seek_query(const struct actor *who, const struct list_def *def,
    const char *pattern, const char *arg, int64_t from, int dir, int limit,
    int offset, char *msg, size_t msglen)
{
	const struct seek_row	*sr = seek_row(def);
	enum sql		 id;
	char			 today[16];
	int64_t			 many = 0;
	int			 y, find;

	msg[0] = '\0';
	if (sr == NULL)
		return NULL;
	if (from == LIST_EDGE && dir == 0)
		dir = 1;
	if (from == LIST_EDGE)
		from = (dir > 0) == (sr->desc != 0) ? INT64_MAX : INT64_MIN;
	if (sr->query != NULL)
		return sr->query(pattern, from, dir, limit + 1, offset, msg,
		    msglen);
	/* a filter in few names (or serials) is found by the indexes; one in
	   many walks, and soon fills a page along the way (a rare one would
	   walk the whole scope: a prefix typed that starts no name) */
	find = pattern[0] != '\0' && (sql_int(&many, SQL_SEEK_NAMES_MANY,
	    SEEK_COMMON, sr->serials ? "serials" : "", pattern) != 1 ||
	    many < SEEK_COMMON);
	id = dir > 0 ? (find ? sr->find : sr->walk) :
	    (find ? sr->find_back : sr->walk_back);
	list_today(&y, today, sizeof today);
	return sql_query_shared(id, list_scope(who), who->org, pattern,
	    limit + 1, offset, arg ? arg : "", y, today, from);
}

/* A page with no rows (rows after it: more). */
static int
seek_none(struct list_page *page, int more)
{
	page->more = more;
	return NJ_OK;
}

/*
 * A page of list name for who: up to limit rows after the row whose key
 * is from (dir > 0) or before it (dir < 0), in the list's order;
 * LIST_EDGE: the first rows or the last. page->keys hold the rows' keys
 * (for the next call), page->more and page->less whether rows follow or
 * come before. dir 0: the rows from the row whose key is from on. Returns
 * as list_fetch.
 */
int
list_seek(const struct actor *who, const char *name, const char *filter,
    const char *arg, int64_t from, int dir, int limit,
    struct list_page *page, char *msg, size_t msglen)
{
	const struct list_def	*def;
	sqlite3_stmt		*st;
	char			 where[48];
	const char		*pattern = filter ? filter : "";
	int64_t			 off, n;
	int			 rc;

	if ((def = list_open(who, name, page, &rc, msg, msglen)) == NULL)
		return rc;
	if (dir == 0 && from == LIST_EDGE)
		dir = 1;
	if (dir == 0 && !list_by_key(def))	/* from that row on */
		return list_fetch(who, name, pattern, arg, (int)from, limit,
		    page, msg, msglen);
	if (dir == 0 && seek_row(def)->query == NULL) {
		/* from that row on: after the key next to it */
		from += seek_row(def)->desc ? 1 : -1;
		dir = 1;
	}
	if (!list_by_key(def)) {
		/* a small list: its rows' places are their keys */
		if (dir > 0)
			return list_fetch(who, name, pattern, arg, from ==
			    LIST_EDGE ? 0 : (int)from + 1, limit, page, msg,
			    msglen);
		if (from == LIST_EDGE) {
			if ((n = list_count(who, def, pattern, arg)) < 0) {
				xsnprintf(msg, msglen, "数据库错误：%s",
				    store_errmsg());
				return NJ_ERROR;
			}
			from = n;
		}
		off = from > limit ? from - limit : 0;
		if (from - off <= 0)
			return seek_none(page, from > 0);
		return list_fetch(who, name, pattern, arg, (int)off,
		    (int)(from - off), page, msg, msglen);
	}
	if ((st = list_seek_query(who, def, pattern, arg, from, dir, limit, 0,
	    msg, msglen)) == NULL) {
		list_page_free(page);
		return NJ_REFUSED;
	}
	if (from == LIST_EDGE)
		xsnprintf(where, sizeof where, "%s", dir > 0 ? "first" :
		    "last");
	else
		xsnprintf(where, sizeof where, "%s=%lld", dir >= 0 ? "after" :
		    "before", (long long)from);
	rc = list_read(who, st, 1, dir < 0, limit, pattern, where, page, msg,
	    msglen);
	if (rc == NJ_OK)
		*(dir >= 0 ? &page->less : &page->more) = from != LIST_EDGE;
	return rc;
}
