/*
 * list-audit.c: the audit log for the auditor and the admin (issue 13
 * item 4; 001 附件1 第十六条 查询日志化). The list audit_log, newest
 * first, searched by who (login), what (an action's name prefix), which
 * record (its key), when (from and to, days) and where (the acting user's
 * region: a county finds its townships' users too); the same search
 * feeds the printer (print-audit.c). The search is typed as words:
 *
 *   user=hl_jb action=print record=XS640122202600001 from=2026-03-01
 *   to=2026-03-31 region=640122      (用户= 操作= 记录= 从= 至= 地区=)
 *   2026-03-02                       a day
 *   hl_jb                            a login, a record key or a prefix
 *   1234                             ... or a row's 序号 (F3 goes there)
 *
 * Each search reads the audit log through one of its indexes (migration
 * 017), chosen here by the most telling of its terms, so that no page of
 * it walks the whole log; pages go by key through that index (issue 15:
 * store-sql-seek2.def, list-seek.c), as deep as they go. The
 * head of the screen says whether the chain holds (audit_verify, as
 * `njbt check`), computed once when the screen opens.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lists.h"

static const struct list_col audit_cols[] = {
	{ "序号", 6, LC_KEY, NULL },
	{ "时间", 19, 0, NULL },
	{ "用户", 10, 0, NULL },
	{ "操作", 16, 0, NULL },
	{ "记录", 18, 0, NULL },
	{ "姓名", 6, 0, NULL },
	{ "地区", 12, 0, NULL },
	{ "来源", 12, 0, NULL },
	{ "详情", 40, 0, NULL },
	{ NULL, 0, 0, NULL }
};

/* Its statement is one of several: list-seek.c asks list_audit_seek. */
const struct list_def list_audit_log = {
	"audit_log", "审计日志", R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0,
	SQL_AUDITLOG_ALL, audit_cols, "audit"
};

/* The search's terms by name: English, then the screen's Chinese. */
static const struct {
	const char	*name;
	size_t		 off;
} audit_terms[] = {
	{ "user", offsetof(struct audit_search, login) },
	{ "login", offsetof(struct audit_search, login) },
	{ "用户", offsetof(struct audit_search, login) },
	{ "action", offsetof(struct audit_search, action) },
	{ "操作", offsetof(struct audit_search, action) },
	{ "record", offsetof(struct audit_search, record) },
	{ "记录", offsetof(struct audit_search, record) },
	{ "from", offsetof(struct audit_search, from) },
	{ "从", offsetof(struct audit_search, from) },
	{ "to", offsetof(struct audit_search, to) },
	{ "至", offsetof(struct audit_search, to) },
	{ "region", offsetof(struct audit_search, region) },
	{ "county", offsetof(struct audit_search, region) },
	{ "地区", offsetof(struct audit_search, region) },
};
#define NTERMS (sizeof audit_terms / sizeof audit_terms[0])

static int
audit_day_ok(const char *text, const char *what, char *msg, size_t msglen)
{
	int day;

	if (*text == '\0' || date_parse(text, &day) == 0)
		return NJ_OK;
	xsnprintf(msg, msglen, "%s日期应为 YYYY-MM-DD：%s", what, text);
	return NJ_REFUSED;
}

/* Set the term named name (len bytes) to value; NJ_REFUSED if unknown. */
static int
audit_term(struct audit_search *s, const char *name, size_t len,
    const char *value, char *msg, size_t msglen)
{
	size_t i;

	for (i = 0; i < NTERMS; i++)
		if (strlen(audit_terms[i].name) == len &&
		    memcmp(audit_terms[i].name, name, len) == 0) {
			strlcpy0((char *)s + audit_terms[i].off, value,
			    AUDIT_TERM_MAX);
			return NJ_OK;
		}
	xsnprintf(msg, msglen, "未知的查询条件：%.*s（可用 用户= 操作= 记录= "
	    "从= 至= 地区=）", (int)len, name);
	return NJ_REFUSED;
}

/*
 * Parse the search text into s: words "name=value" (or name:value,
 * name：value), a day, or one bare word. NJ_OK or NJ_REFUSED (msg).
 */
int
audit_search_parse(const char *text, struct audit_search *s, char *msg,
    size_t msglen)
{
	char		 word[AUDIT_TERM_MAX * 2];
	const char	*p = text != NULL ? text : "", *sep;
	size_t		 n, nlen;
	int		 day;

	memset(s, 0, sizeof *s);
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		n = strcspn(p, " \t");
		if (n >= sizeof word) {
			xsnprintf(msg, msglen, "查询条件过长");
			return NJ_REFUSED;
		}
		memcpy(word, p, n);
		word[n] = '\0';
		p += n;
		nlen = strcspn(word, "=:");
		sep = strstr(word, "：");
		if (sep != NULL && (size_t)(sep - word) < nlen) {
			nlen = (size_t)(sep - word);
			sep += strlen("：");
		} else
			sep = word[nlen] != '\0' ? word + nlen + 1 : NULL;
		if (sep != NULL) {
			if (audit_term(s, word, nlen, sep, msg, msglen) != NJ_OK)
				return NJ_REFUSED;
		} else if (date_parse(word, &day) == 0) {
			strlcpy0(s->from, word, sizeof s->from);
			strlcpy0(s->to, word, sizeof s->to);
		} else if (s->word[0] != '\0') {
			xsnprintf(msg, msglen, "只能有一个不带条件名的查询词；"
			    "其余请写成 用户=、操作=、记录= 等");
			return NJ_REFUSED;
		} else
			strlcpy0(s->word, word, sizeof s->word);
	}
	return audit_search_check(s, msg, msglen);
}

/* Are the days of s days? NJ_OK or NJ_REFUSED (msg). */
int
audit_search_check(const struct audit_search *s, char *msg, size_t msglen)
{
	if (audit_day_ok(s->from, "起始", msg, msglen) != NJ_OK ||
	    audit_day_ok(s->to, "截止", msg, msglen) != NJ_OK)
		return NJ_REFUSED;
	return NJ_OK;
}

/*
 * A term that finds at most this many rows drives the search through its
 * index and its rows are sorted newest first; one that finds more only
 * filters the walk of the log newest first, which meets a page of them
 * within some (offset + page) * log / AUDIT_SORT_MAX rows.
 */
#define AUDIT_SORT_MAX	5000

static int
audit_few(enum sql id, const char *term, const char *hi)
{
	int64_t n = 0;
	int	rc;

	if (id == SQL_AUDITLOG_MANY_ACTION)
		rc = sql_int(&n, id, term, hi, (int64_t)AUDIT_SORT_MAX + 1);
	else
		rc = sql_int(&n, id, term, (int64_t)AUDIT_SORT_MAX + 1);
	return rc == 1 && n <= AUDIT_SORT_MAX;
}

/*
 * The driver of search s (an index into audit_drivers): the record or
 * the login (their rows come newest first from the index), else the bare
 * word, the action or the region if it finds few, else the time (the
 * time index in order), else the walk of the whole log newest first,
 * filtered.
 */
static const struct {
	enum sql	stream, seek, seek_back;
} audit_drivers[] = {
#define DRIVER(id)	{ id, id##_SEEK, id##_SEEK_BACK }
	DRIVER(SQL_AUDITLOG_BY_RECORD),
	DRIVER(SQL_AUDITLOG_BY_LOGIN),
	DRIVER(SQL_AUDITLOG_BY_WORD),
	DRIVER(SQL_AUDITLOG_BY_ACTION),
	DRIVER(SQL_AUDITLOG_BY_REGION),
	DRIVER(SQL_AUDITLOG_BY_TIME),
	DRIVER(SQL_AUDITLOG_ALL),
#undef DRIVER
};
#define AUDIT_BY_TIME	5

static size_t
audit_driver(const struct audit_search *s, const char *hi)
{
	if (s->record[0])
		return 0;
	if (s->login[0])
		return 1;
	if (s->word[0] && audit_few(SQL_AUDITLOG_MANY_WORD, s->word, NULL))
		return 2;
	if (s->action[0] && audit_few(SQL_AUDITLOG_MANY_ACTION, s->action,
	    hi))
		return 3;
	if (s->region[0] && audit_few(SQL_AUDITLOG_MANY_REGION, s->region,
	    NULL))
		return 4;
	if (s->from[0] || s->to[0])
		return AUDIT_BY_TIME;
	return 6;
}

/*
 * The statement of search s, bound: the stream (the printer: key
 * LIST_EDGE, dir 1, limit -1) or a page of limit rows after key from
 * (dir > 0, newest first) or before it (dir < 0, the nearest first),
 * skipping offset rows; from is an audit row id, or the largest or
 * smallest integer for an edge (list-seek.c).
 */
static sqlite3_stmt *
audit_search_bind(const struct audit_search *s, int stream, int64_t from,
    int dir, int64_t limit, int64_t offset)
{
	char		 hi[AUDIT_TERM_MAX + 2], to[AUDIT_TERM_MAX + 2];
	size_t		 d;
	enum sql	 id;

	xsnprintf(hi, sizeof hi, "%s\x7f", s->action);
	xsnprintf(to, sizeof to, "%s%s", s->to, s->to[0] ? "~" : "");
	d = audit_driver(s, hi);
	if (stream)
		return sql_query(audit_drivers[d].stream, s->login, s->action,
		    hi, s->record, s->from, to, s->region, s->word, limit,
		    offset);
	id = dir > 0 ? audit_drivers[d].seek : audit_drivers[d].seek_back;
	return sql_query(id, s->login, s->action, hi, s->record, s->from, to,
	    s->region, s->word, limit, offset, from);
}

/* The printer's statement of search s: all its rows, newest first. */
sqlite3_stmt *
audit_search_query(const struct audit_search *s, int64_t limit,
    int64_t offset)
{
	return audit_search_bind(s, 1, 0, 1, limit, offset);
}

/*
 * A page of the list (list-seek.c's seek row of the audit log): the
 * search typed into its filter line, limit rows after or before key
 * from as audit_search_bind; dir 0: from the row whose key is from on
 * (the page after the row before it). NULL and msg: the search is
 * refused.
 */
sqlite3_stmt *
list_audit_seek(const char *filter, int64_t from, int dir, int limit,
    int offset, char *msg, size_t msglen)
{
	struct audit_search	 s;
	sqlite3_stmt		*st;

	if (audit_search_parse(filter, &s, msg, msglen) != NJ_OK)
		return NULL;
	if (dir == 0) {
		/* the row before it in the search's order, if any */
		st = audit_search_bind(&s, 0, from, -1, 1, 0);
		from = sql_step(st) == 1 ? sqlite3_column_int64(st, 0) :
		    INT64_MAX;
		sqlite3_reset(st);
		dir = 1;
	}
	return audit_search_bind(&s, 0, from, dir, limit, offset);
}

/*
 * The line at the head of the screen: 审计链完整（N 条） or where the
 * chain broke, and whether it reaches its anchor outside the database,
 * as `njbt check` says it. A log of more than AUDIT_HEAD_ROWS rows has
 * its newest AUDIT_HEAD_ROWS walked (the whole chain took 0.6 s for
 * 100 000 rows here; `njbt check` walks it all) and the anchor vouches
 * for its head: 审计链完整（末 N 条，共 M 条）.
 */
#define AUDIT_HEAD_ROWS	20000

int
list_audit_headline(char *buf, size_t len)
{
	int64_t	rows = 0, bad = 0, head = 0;
	char	err[NJ_MSG_MAX], anchor[NJ_MSG_MAX], part[64] = "";
	sqlite3_stmt *st = sql_query(SQL_AUDIT_LAST);
	int	rc;

	/* the newest row's number: the rows are numbered 1.. with no gap
	   while the chain holds (the walk checks it), so no count(*) */
	if (sql_step(st) == 1)
		head = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (head > AUDIT_HEAD_ROWS) {
		rc = audit_verify_from(head - AUDIT_HEAD_ROWS, &rows, &bad,
		    err, sizeof err);
		xsnprintf(part, sizeof part, "末 %lld 条，共 %lld 条",
		    (long long)rows, (long long)head);
	} else {
		rc = audit_verify(&rows, &bad, err, sizeof err);
		xsnprintf(part, sizeof part, "%lld 条", (long long)rows);
	}
	anchor[0] = '\0';
	if (rc == 0 && anchor_verify(anchor, sizeof anchor) != 0) {
		xsnprintf(buf, len, "审计链完整（%s），锚点不符：%s", part,
		    anchor);
		return 1;
	}
	if (rc == 0)
		xsnprintf(buf, len, "审计链完整（%s）", part);
	else if (rc > 0)
		xsnprintf(buf, len, "审计链断裂：%s", err);
	else
		xsnprintf(buf, len, "审计链无法检查：%s", err);
	return rc != 0;
}
