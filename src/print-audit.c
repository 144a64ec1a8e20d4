/*
 * print-audit.c: the audit log printer (issue 13 item 4), for the
 * auditor and the admin (and the console): `njbt print audit [--from D
 * --to D --user L --action A --record R --county C --month M]`, the rows
 * of the audit log's search (list-audit.c: the same statements, each
 * through its index) newest first, as CSV or xlsx. --county is the
 * acting user's region (its townships' users too); --month is the days
 * of that month. The print itself is logged as every print is.
 */
#include <string.h>

#include "lists.h"
#include "print.h"

const struct print_col print_auditlog_cols[] = {
	{ "序号", PC_NUM, NULL },
	{ "时间", 0, NULL },
	{ "用户", 0, NULL },
	{ "操作", 0, NULL },
	{ "记录", PC_TEXT, NULL },
	{ "姓名", 0, NULL },
	{ "地区", 0, NULL },
	{ "来源", 0, NULL },
	{ "详情", 0, NULL },
	{ NULL, 0, NULL }
};

static void
term(char *dst, const char *src)
{
	strlcpy0(dst, src != NULL ? src : "", AUDIT_TERM_MAX);
}

int
print_auditlog(struct print_job *j)
{
	const struct print_req	*r = j->req;
	struct audit_search	 s;
	int			 last;

	memset(&s, 0, sizeof s);
	term(s.login, r->user);
	term(s.action, r->action);
	term(s.record, r->record);
	term(s.from, r->from);
	term(s.to, r->to);
	term(s.region, j->scope.county);
	if (r->month != NULL && s.from[0] == '\0' && s.to[0] == '\0' &&
	    date_parse(j->scope.to, &last) == 0) {
		term(s.from, j->scope.from);
		date_format(last - 1, s.to, sizeof s.to);
	}
	if (audit_search_check(&s, j->msg, j->msglen) != NJ_OK)
		return NJ_REFUSED;
	return print_stream(j, audit_search_query(&s, -1, 0));
}
