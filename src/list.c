/*
 * list.c: the read side of the actions layer. One table of named lists
 * (what a screen's list or `njbt list` shows): title, who may see it, its
 * statement and columns. Every list statement takes the same parameters:
 *   ?1 the viewer's scope region ('' for the province-wide roles),
 *   ?2 the viewer's organisation (maker or dealer id),
 *   ?3 a filter text ('' for none), ?4 a limit, ?5 an offset,
 *   ?6 an argument (a record key the list is about, '' for none),
 *   ?7 this year by the programme's clock, ?8 today (YYYY-MM-DD).
 * Private columns arrive encrypted; they are opened only for roles that
 * may see them and each such page is logged; others see ***1234.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lists.h"

static const struct list_def *const list_table[] = {
	&list_users,
	&list_dealers,
	&list_my_dealers,
	&list_models,
	&list_stock,
	&list_supplied,
	&list_items,
	&list_tiers,
	&list_counties,
	&list_townships,
	&list_regions,
	&list_mykeys,
	&list_applications,
	&list_approve_queue,
	&list_notices,
	&list_verify_queue,
	&list_sales,
	&list_my_sales,
	&list_claims,
	&list_anomalies,
	&list_app_flags,
	&list_batches,
	&list_finance_queue,
	&list_batch_sales,
	&list_review_queue,
	&list_finance_checks,
	&list_refunds,
	&list_objections,
	&list_buyer_changes,
	&list_lookup_refusals,
	&list_buyers,
	&list_tier_amounts,
	&list_deadlines,
	/* issue 13 item 2 */
	&list_violations,
	/* issue 13 item 3: complaints */
	&list_complaints,
	/* issue 13 item 4: the audit log */
	&list_audit_log,
	/* issue 13 item 1: product filing */
	&list_filing_queue,
	&list_my_filings,
	&list_filing_publicities,
	&list_filing_objections,
};
#define NLISTS (sizeof list_table / sizeof list_table[0])

/*
 * Lists with a line for the head of their screen, computed when it
 * opens (the audit log's page is its search's: list-seek.c).
 */
static const struct list_hook {
	const struct list_def	*def;
	int			(*headline)(char *, size_t);
} list_hooks[] = {
	{ &list_audit_log, list_audit_headline },
};

static const struct list_hook *
list_hook(const struct list_def *def)
{
	size_t i;

	for (i = 0; i < sizeof list_hooks / sizeof list_hooks[0]; i++)
		if (list_hooks[i].def == def)
			return &list_hooks[i];
	return NULL;
}

/* The line for the head of list def's screen into buf ("" none). */
void
list_headline(const struct list_def *def, char *buf, size_t len)
{
	const struct list_hook *h = list_hook(def);

	buf[0] = '\0';
	if (h != NULL && h->headline != NULL)
		h->headline(buf, len);
}

const struct list_def *
list_find(const char *name)
{
	size_t i;

	for (i = 0; i < NLISTS; i++)
		if (name != NULL && strcmp(list_table[i]->name, name) == 0)
			return list_table[i];
	return NULL;
}

const struct list_def *
list_at(size_t i)
{
	return i < NLISTS ? list_table[i] : NULL;
}

int
list_allowed(const struct list_def *def, const struct actor *who)
{
	if (role_scope(who->role)->every)
		return 1;
	return (def->roles & R(who->role)) != 0;
}

/* May who see the private columns of def in clear? */
int
list_sees_private(const struct list_def *def, const struct actor *who)
{
	if (role_scope(who->role)->every)
		return 1;
	return (def->private_roles & R(who->role)) != 0;
}

/*
 * The viewer's region for ?1: '' for the province-wide roles and for the
 * makers and dealers (their statements narrow by ?2, the organisation),
 * else the viewer's own region (role.c's scope table).
 */
const char *
list_scope(const struct actor *who)
{
	const struct role_scope *sc = role_scope(who->role);

	if (sc->reach == ROLE_REACH_ALL || sc->org != ROLE_ORG_NONE)
		return "";
	return who->region;
}

void
list_page_free(struct list_page *p)
{
	size_t i;

	if (p->cells != NULL)
		for (i = 0; i < p->nrows * p->ncols; i++)
			free(p->cells[i]);
	free(p->cells);
	free(p->keys);
	memset(p, 0, sizeof *p);
}

/* One cell as text: a private one opened or masked (the record view too). */
char *
list_cell(sqlite3_stmt *st, int col, const struct list_col *c, int clear)
{
	char	 buf[256], last4[32];

	if (c->flags & LC_ROLE)
		return xstrdup(role_label(role_parse(sql_col(st, col))));
	if (c->flags & LC_MONEY) {
		money_format(sqlite3_column_int64(st, col), buf, sizeof buf);
		return xstrdup(buf);
	}
	if (!(c->flags & LC_PRIVATE))
		return xstrdup(sql_col(st, col));
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return xstrdup("");
	if (clear) {
		/* R-SEC-8.5a issue 8 (5): only in the row it was sealed for */
		if (crypt_open(sqlite3_column_blob(st, col),
		    (size_t)sqlite3_column_bytes(st, col), c->ad,
		    sqlite3_column_int64(st, col + 2), buf, sizeof buf) != 0)
			return xstrdup("（无法解密）");
		return xstrdup(buf);
	}
	/* the masked form needs the last four, which sit in the next column */
	strlcpy0(last4, sql_col(st, col + 1), sizeof last4);
	xsnprintf(buf, sizeof buf, "***%s", last4);
	return xstrdup(buf);
}

/*
 * The private columns of cols (a list's, a record kind's fields),
 * comma-separated, into buf (what a read of them names in the audit
 * log); 0 when there is none.
 */
int
list_private_cols(const struct list_col *cols, char *buf, size_t len)
{
	const struct list_col	*c;
	size_t			 used = 0;
	int			 n = 0;

	buf[0] = '\0';
	for (c = cols; c->label != NULL && used < len; c++)
		if (c->flags & LC_PRIVATE)
			used += (size_t)snprintf(buf + used, len - used, "%s%s",
			    n++ ? "," : "", c->label);
	return n > 0;
}

/*
 * The filter as the audit log keeps it: one with a run of 6 digits or
 * more (an ID number, an account, a phone typed to find a buyer) masked
 * as the actions mask private values (***1238), any other as typed.
 */
static void
list_filter_logged(const char *filter, char *buf, size_t len)
{
	char	last4[32];
	size_t	i, run = 0, most = 0;

	for (i = 0; filter[i] != '\0'; i++) {
		run = filter[i] >= '0' && filter[i] <= '9' ? run + 1 : 0;
		if (run > most)
			most = run;
	}
	if (most < 6) {
		xsnprintf(buf, len, "%s", filter);
		return;
	}
	text_last4(filter, last4, sizeof last4);
	xsnprintf(buf, len, "***%s", last4);
}

/*
 * The checks of a fetch: list name exists and who may see it; sets up
 * page (its list, its columns). NULL with msg and *rc set when refused.
 */
const struct list_def *
list_open(const struct actor *who, const char *name, struct list_page *page,
    int *rc, char *msg, size_t msglen)
{
	const struct list_def *def = list_find(name);

	memset(page, 0, sizeof *page);
	if (def == NULL) {
		xsnprintf(msg, msglen, "未知的列表：%s", name);
		*rc = NJ_USAGE;
		return NULL;
	}
	if (!list_allowed(def, who)) {
		xsnprintf(msg, msglen, "您的角色（%s）无权查看“%s”",
		    role_label(who->role), def->title);
		*rc = NJ_REFUSED;
		return NULL;
	}
	page->def = def;
	page->ncols = list_ncols(def);
	return def;
}

/* ?7 and ?8 of a list statement: this year, today. */
void
list_today(int *year, char *today, size_t len)
{
	int m, d;

	date_to_ymd(clock_today(), year, &m, &d);
	date_format(clock_today(), today, len);
}

/*
 * Step st into page: up to limit rows (one more sets page->more); with
 * keyed, the first column is the row's key (page->keys); with back, the
 * rows came nearest first and are turned into the list's order (the one
 * more then sets page->less). where says in the audit row where the page
 * was ("offset=N", "after=KEY"). Resets st. NJ_OK or NJ_ERROR.
 */
int
list_read(const struct actor *who, sqlite3_stmt *st, int keyed, int back,
    int limit, const char *pattern, const char *where,
    struct list_page *page, char *msg, size_t msglen)
{
	const struct list_def	*def = page->def;
	char			 detail[512], fields[256], logged[256];
	size_t			 c, cap = 0, r, n;
	int			 rc, clear, col;
	char			*cell;
	int64_t			 key;

	clear = list_sees_private(def, who);
	while ((rc = sql_step(st)) == 1) {
		if (page->nrows == (size_t)limit) {
			*(back ? &page->less : &page->more) = 1;
			break;
		}
		if ((page->nrows + 1) * page->ncols > cap) {
			cap = (cap + page->ncols) * 2;
			page->cells = realloc(page->cells, cap *
			    sizeof *page->cells);
			page->keys = realloc(page->keys, (cap / page->ncols +
			    1) * sizeof *page->keys);
			if (page->cells == NULL || page->keys == NULL)
				abort();
		}
		page->keys[page->nrows] = keyed ? sqlite3_column_int64(st, 0) :
		    (int64_t)page->nrows;
		for (c = 0, col = keyed; c < page->ncols; c++, col++) {
			page->cells[page->nrows * page->ncols + c] =
			    list_cell(st, col, &def->cols[c], clear);
			if (def->cols[c].flags & LC_PRIVATE)
				col += 2;	/* its last four, its row */
		}
		page->nrows++;
	}
	sqlite3_reset(st);
	if (rc < 0) {
		list_page_free(page);
		xsnprintf(msg, msglen, "数据库错误：%s", store_errmsg());
		return NJ_ERROR;
	}
	/* a page read backwards: its rows into the list's order */
	for (r = 0, n = page->nrows; back && r < n / 2; r++) {
		key = page->keys[r];
		page->keys[r] = page->keys[n - 1 - r];
		page->keys[n - 1 - r] = key;
		for (c = 0; c < page->ncols; c++) {
			cell = page->cells[r * page->ncols + c];
			page->cells[r * page->ncols + c] =
			    page->cells[(n - 1 - r) * page->ncols + c];
			page->cells[(n - 1 - r) * page->ncols + c] = cell;
		}
	}
	/*
	 * R-001-A1-16c 001 查询日志化: a page of private data in clear is
	 * logged, the console's (`njbt list` at the server) too, naming the
	 * columns read; a page that shows them masked is no private read
	 */
	if (clear && list_private_cols(def->cols, fields, sizeof fields) &&
	    page->nrows > 0) {
		list_filter_logged(pattern, logged, sizeof logged);
		xsnprintf(detail, sizeof detail, "rows=%zu %s filter=%s "
		    "fields=%s", page->nrows, where, logged, fields);
		if (action_batch_begin() != NJ_OK ||
		    action_batch_end(who, 1, "read.private", def->name,
		    detail) != NJ_OK) {
			list_page_free(page);
			xsnprintf(msg, msglen, "无法记录查询日志，未显示");
			return NJ_ERROR;
		}
	}
	return NJ_OK;
}

/*
 * Fetch one page of list name for who: up to limit rows from offset,
 * filtered by filter, about record arg (`njbt list`, which reads a list
 * through; the screens page by list_seek). A seekable list runs its
 * forward statement from its first row. Returns NJ_OK, NJ_REFUSED (msg
 * set) or NJ_ERROR.
 */
int
list_fetch(const struct actor *who, const char *name, const char *filter,
    const char *arg, int offset, int limit, struct list_page *page,
    char *msg, size_t msglen)
{
	const struct list_def	*def;
	sqlite3_stmt		*st;
	char			 pattern[256], today[16], where[32];
	size_t			 r;
	int			 rc, y;

	if ((def = list_open(who, name, page, &rc, msg, msglen)) == NULL)
		return rc;
	xsnprintf(pattern, sizeof pattern, "%s", filter ? filter : "");
	list_today(&y, today, sizeof today);
	if ((st = list_seek_query(who, def, pattern, arg, LIST_EDGE, 1, limit,
	    offset, msg, msglen)) == NULL && msg[0] != '\0') {
		list_page_free(page);
		return NJ_REFUSED;
	} else if (st == NULL)
		st = sql_query_shared(def->stmt, list_scope(who), who->org,
		    pattern, limit + 1, offset, arg ? arg : "", y, today);
	xsnprintf(where, sizeof where, "offset=%d", offset);
	rc = list_read(who, st, list_by_key(def), 0, limit, pattern,
	    where, page, msg, msglen);
	/* a list paged by places: a row's key is its place */
	for (r = 0; rc == NJ_OK && !list_by_key(def) && r < page->nrows; r++)
		page->keys[r] += offset;
	page->less = offset > 0;
	return rc;
}

/*
 * How many rows list def has for who with filter (the End of a list that
 * does not seek: the small ones); -1 on an error.
 */
int64_t
list_count(const struct actor *who, const struct list_def *def,
    const char *pattern, const char *arg)
{
	sqlite3_stmt		*st;
	char			 today[16];
	int64_t			 n = 0;
	int			 y, rc;

	list_today(&y, today, sizeof today);
	st = sql_query_shared(def->stmt, list_scope(who), who->org, pattern,
	    -1, 0, arg ? arg : "", y, today);
	while ((rc = sql_step(st)) == 1)
		n++;
	sqlite3_reset(st);
	return rc < 0 ? -1 : n;
}

const char *
list_cellv(const struct list_page *p, size_t row, size_t col)
{
	return p->cells[row * p->ncols + col];
}

/* What the screens may know of a list: title, columns, the key column. */
const char *
list_name(const struct list_def *def)
{
	return def->name;
}

const char *
list_title(const struct list_def *def)
{
	return def->title;
}

size_t
list_ncols(const struct list_def *def)
{
	size_t n = 0;

	while (def->cols[n].label != NULL)
		n++;
	return n;
}

const char *
list_col_label(const struct list_def *def, size_t i)
{
	return def->cols[i].label;
}

int
list_col_width(const struct list_def *def, size_t i)
{
	return def->cols[i].width;
}

size_t
list_key_col(const struct list_def *def)
{
	size_t i;

	for (i = 0; def->cols[i].label != NULL; i++)
		if (def->cols[i].flags & LC_KEY)
			return i;
	return 0;
}

/* Is column i kept on screen when the others scroll (the key, a state)? */
int
list_col_kept(const struct list_def *def, size_t i)
{
	unsigned f = def->cols[i].flags;

	return (f & LC_KEY) || ((f & LC_STATE) && !(f & LC_DETAIL));
}

/*
 * The kind whose short labels column i shows (NULL: none); *detail is
 * set when details follow the label in the cell.
 */
const char *
list_col_kind(const struct list_def *def, size_t i, int *detail)
{
	const struct list_col *c = &def->cols[i];

	if (detail != NULL)
		*detail = (c->flags & LC_DETAIL) != 0;
	return (c->flags & LC_STATE) ? c->ad : NULL;
}
