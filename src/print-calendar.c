/*
 * print-calendar.c: the deadlines printer (issue 10 item 8): the
 * settlement steps not yet done in the printing user's area, each with
 * its due date from the calendar (004 附件4 四: collect by the 5th,
 * publicise by the 10th, to finance by the 20th, paid by the 10th of the
 * month after, 节假日顺延; 000 三(二)4: ordinary buyers verified within a
 * week), who must act and the days left (negative: late). --month keeps
 * the items due in that month. It marks; nothing is blocked by it.
 */
#include "print.h"

const struct print_col print_deadline_cols[] = {
	{ "事项", 0, NULL },
	{ "县区", 0, NULL },
	{ "责任单位", 0, NULL },
	{ "截止日期", 0, NULL },
	{ "剩余天数", PC_NUM, NULL },
	{ "期限", 0, NULL },
	{ NULL, 0, NULL }
};

int
print_deadlines(struct print_job *j)
{
	const struct print_scope	*s = &j->scope;
	char				 today[16];

	date_format(clock_today(), today, sizeof today);
	return print_stream(j, sql_query(SQL_PRINT_DEADLINES, s->county,
	    s->township, s->city, s->dealer, s->from, s->to, today));
}
