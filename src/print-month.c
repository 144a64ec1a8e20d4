/*
 * print-month.c: month end (SPEC section 3 steps 5-7). Every sheet of a
 * county's month, written into one folder (0700) as one file per printer
 * and per settlement batch (0600 each, as they may hold private data):
 *
 *   payment-JS640122202605-01.csv  detail-...  publicity-...  review-...
 *   bank-... (once finance approved the batch)
 *   application-640122-2026-05.csv  notice-...  supply-...  anomalies-...
 *   budget-2026.csv
 * (.xlsx instead of .csv with --format xlsx, print-xlsx.c)
 *
 * Which sheets: every printer of print.c's table that the user may print,
 * in the table's order; a per-batch printer once for each batch of the
 * county whose month (the month of the sales it collects) is the month.
 * All sheets come from one read snapshot, so they agree with each other.
 * `njbt print --all` (print_month(), with a progress callback) writes an
 * audit row per sheet after the snapshot; the screens' print action with
 * report=all (action-print.c) runs print_month_write() inside the action
 * engine's snapshot and the engine writes its row.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "print.h"
#include "log.h"

/* A batch of the month: its number and state. */
struct month_batch {
	char	 no[64];
	char	 state[16];
};

/* text as a piece of a file name: letters, digits, - and _ only. */
static void
month_name_part(char *out, size_t len, const char *text)
{
	size_t i;

	for (i = 0; text[i] != '\0' && i + 1 < len; i++) {
		out[i] = text[i];
		if (!((text[i] >= 'a' && text[i] <= 'z') ||
		    (text[i] >= 'A' && text[i] <= 'Z') ||
		    (text[i] >= '0' && text[i] <= '9') || text[i] == '_' ||
		    text[i] == '-'))
			out[i] = '_';
	}
	out[i] = '\0';
}

/* The batches of the scope's county and month, in order; -1 on error. */
static int
month_batches(const struct print_scope *s, struct month_batch **out,
    size_t *n)
{
	sqlite3_stmt		*st;
	struct month_batch	*v = NULL, *b;
	int			 rc;

	*n = 0;
	st = sql_query(SQL_PRINT_BATCH_AREA, s->county, "", "",
	    (int64_t)0, s->from, s->to, (int64_t)0);
	while ((rc = sql_step(st)) == 1) {
		if ((v = realloc(v, (*n + 1) * sizeof *v)) == NULL)
			abort();
		b = &v[(*n)++];
		sql_col_copy(st, 1, b->no, sizeof b->no);
		sql_col_copy(st, 4, b->state, sizeof b->state);
	}
	sqlite3_reset(st);
	*out = v;
	return rc < 0 ? -1 : 0;
}

static struct print_sheet *
month_add(struct print_month *m, const struct printer *def,
    const struct print_req *req)
{
	struct print_sheet *sh;

	if ((m->v = realloc(m->v, (m->n + 1) * sizeof *m->v)) == NULL)
		abort();
	sh = &m->v[m->n++];
	memset(sh, 0, sizeof *sh);
	sh->def = def;
	sh->req.report = def->name;
	sh->req.encoding = req->encoding;
	sh->req.format = req->format;
	return sh;
}

/*
 * The list of sheets for who: the printers allowed, per batch for those
 * of a batch (in the states they apply to), once for the others.
 */
static void
month_plan(const struct actor *who, const struct print_req *req,
    const struct print_scope *s, const struct month_batch *b, size_t nb,
    struct print_month *m)
{
	const struct printer	*def;
	struct print_sheet	*sh;
	char			 county[NJ_REGION_MAX], no[64];
	const char		*ext = print_format(req->format) == 1 ?
	    "xlsx" : "csv";
	size_t			 i, k;

	month_name_part(county, sizeof county, s->county);
	for (i = 0; (def = print_at(i)) != NULL; i++) {
		if (!print_allowed(def, who))
			continue;
		switch (def->month) {
		case PM_NONE:
			break;
		case PM_BATCH:
			for (k = 0; k < nb; k++) {
				if (def->states != NULL &&
				    !print_state_in(b[k].state, def->states))
					continue;
				sh = month_add(m, def, req);
				strlcpy0(sh->batch, b[k].no, sizeof sh->batch);
				month_name_part(no, sizeof no, b[k].no);
				xsnprintf(sh->name, sizeof sh->name, "%s-%s.%s",
				    def->name, no, ext);
			}
			break;
		case PM_YEAR:
			sh = month_add(m, def, req);
			sh->req.county = req->county;
			sh->req.month = req->month;
			xsnprintf(sh->name, sizeof sh->name, "%s-%.4s.%s",
			    def->name, s->from, ext);
			break;
		default:
			sh = month_add(m, def, req);
			sh->req.county = req->county;
			sh->req.month = req->month;
			xsnprintf(sh->name, sizeof sh->name, "%s-%s-%.7s.%s",
			    def->name, county, s->from, ext);
			break;
		}
	}
	/* the array has stopped moving: point each request at its batch */
	for (i = 0; i < m->n; i++)
		if (m->v[i].batch[0] != '\0')
			m->v[i].req.batch = m->v[i].batch;
}

void
print_month_free(struct print_month *m)
{
	free(m->v);
	m->v = NULL;
	m->n = 0;
}

/*
 * Write every sheet of req's county and month as who into dir (made
 * 0700 if missing), inside the caller's read snapshot. m gets the sheets
 * (name, path, rows, private in clear); progress, if set, hears of each
 * before it is printed and once more at the end. NJ_OK, NJ_USAGE (no
 * month, no county, unknown encoding), NJ_REFUSED or NJ_ERROR with msg.
 */
int
print_month_write(const struct actor *who, const struct print_req *req,
    const char *dir, struct print_month *m,
    void (*progress)(void *, size_t, size_t, const char *), void *arg,
    char *msg, size_t msglen)
{
	struct print_scope	 s;
	struct print_req	 area;
	struct month_batch	*b = NULL;
	struct stat		 sb;
	size_t			 nb = 0, i;
	int			 rc;

	memset(m, 0, sizeof *m);
	msg[0] = '\0';
	if (req->month == NULL || req->id != NULL || req->batch != NULL) {
		xsnprintf(msg, msglen, "月末报表按县和月份打印：须填月份，"
		    "不能指定编号或批次");
		return NJ_USAGE;
	}
	if (csvw_encoding(req->encoding) < 0) {
		xsnprintf(msg, msglen, "未知的编码：%s；可用 utf-8-bom、utf-8、"
		    "gb18030", req->encoding);
		return NJ_USAGE;
	}
	if (print_format(req->format) < 0) {
		xsnprintf(msg, msglen, "未知的格式：%s；可用 csv、xlsx",
		    req->format);
		return NJ_USAGE;
	}
	memset(&area, 0, sizeof area);
	area.county = req->county;
	area.month = req->month;
	if ((rc = print_scope_of(who, &area, &s, msg, msglen)) != NJ_OK)
		return rc;
	if (s.county[0] == '\0') {
		xsnprintf(msg, msglen, "月末报表须指定县（区）");
		return NJ_USAGE;
	}
	if (month_batches(&s, &b, &nb) != 0) {
		log_error("print all: %s", store_errmsg());
		xsnprintf(msg, msglen, "数据库错误，未能打印");
		free(b);
		return NJ_ERROR;
	}
	month_plan(who, req, &s, b, nb, m);
	free(b);
	if (m->n == 0) {
		xsnprintf(msg, msglen, "您的角色（%s）无权打印月末报表",
		    role_label(who->role));
		return NJ_REFUSED;
	}
	if (mkdir(dir, 0700) != 0 && (errno != EEXIST || stat(dir, &sb) != 0 ||
	    !S_ISDIR(sb.st_mode))) {
		xsnprintf(msg, msglen, "无法创建目录 %s：%s", dir,
		    strerror(errno == 0 ? EEXIST : errno));
		return NJ_ERROR;
	}
	for (i = 0; i < m->n; i++) {
		struct print_sheet *sh = &m->v[i];

		if (progress != NULL)
			progress(arg, i, m->n, sh->name);
		xsnprintf(sh->path, sizeof sh->path, "%s/%s", dir, sh->name);
		rc = print_to_path(who, &sh->req, sh->path, &sh->rows,
		    &sh->clear, msg, msglen);
		if (rc != NJ_OK) {
			char why[NJ_MSG_MAX];

			strlcpy0(why, msg, sizeof why);
			xsnprintf(msg, msglen, "%s：%s", sh->name, why);
			return rc;
		}
		sh->done = 1;
	}
	if (progress != NULL)
		progress(arg, m->n, m->n, NULL);
	return NJ_OK;
}

/*
 * `njbt print --all`: every sheet of req's county and month into dir, in
 * one read snapshot, then one audit row per sheet written (001
 * 查询日志化: which sheet, which file, private data in clear or not).
 */
int
print_month(const struct actor *who, const struct print_req *req,
    const char *dir, void (*progress)(void *, size_t, size_t, const char *),
    void *arg, char *msg, size_t msglen)
{
	struct print_month	m;
	size_t			i;
	int			rc, arc;
	char			amsg[NJ_MSG_MAX];

	if (store_begin_read() != 0) {
		xsnprintf(msg, msglen, "系统繁忙，请稍后重试");
		return NJ_ERROR;
	}
	rc = print_month_write(who, req, dir, &m, progress, arg, msg, msglen);
	sql_reset_all();
	store_rollback();
	for (i = 0; i < m.n; i++) {
		if (!m.v[i].done)
			continue;
		arc = print_audit(who, &m.v[i].req, m.v[i].path, m.v[i].rows,
		    m.v[i].clear, amsg, sizeof amsg);
		if (arc != NJ_OK && rc == NJ_OK) {
			strlcpy0(msg, amsg, msglen);
			rc = arc;
		}
	}
	print_month_free(&m);
	return rc;
}
