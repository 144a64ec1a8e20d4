/*
 * list-calendar.c: the deadlines list (issue 10 item 8): every settlement
 * step not yet done with its due date from the calendar (004 附件4 四,
 * 000 三(二)4), whose it is and the days left or late. It marks, never
 * blocks. The county, its finance office, the city and the province see
 * their own counties' items.
 */
#include "lists.h"

static const struct list_col deadline_cols[] = {
	{ "事项", 30, 0, NULL },
	{ "县区", 10, 0, NULL },
	{ "责任单位", 12, LC_STATE, "office" },
	{ "截止日期", 10, 0, NULL },
	{ "期限", 10, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_deadlines = {
	"deadlines", "结算期限", R(ROLE_COUNTY) | R(ROLE_FINANCE) |
	    R(ROLE_CITY) | R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0,
	SQL_LIST_DEADLINES, deadline_cols, NULL
};
