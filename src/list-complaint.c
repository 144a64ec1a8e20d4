/*
 * list-complaint.c: the complaints list (issue 13 item 3): the
 * complaints of the viewer's region (a county its own, a city its own and
 * its counties', the province all), open ones first by the interview's
 * time limit, with state, channel, what they are about, whether named
 * (the complainant's name only in the record view) and the phone masked
 * for every role; arg "open" keeps the open ones (the main menu's line).
 */
#include "lists.h"

static const struct list_col complaint_cols[] = {
	{ "投诉编号", 8, LC_KEY, NULL },
	{ "状态", 8, LC_STATE, "complaint" },
	{ "约谈时限", 10, 0, NULL },
	{ "渠道", 4, LC_STATE, "complaint_channel" },
	{ "对象类别", 8, LC_STATE, "complaint_about" },
	{ "被投诉对象", 24, 0, NULL },
	{ "投诉人", 6, LC_STATE, "complaint_from" },
	{ "联系电话", 8, LC_PRIVATE, "complaints.phone" },
	{ "封闭", 6, LC_STATE, "complaint_freeze" },
	{ "受理单位", 10, 0, NULL },
	{ "登记日期", 10, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_complaints = {
	"complaints", "投诉举报", R(ROLE_ADMIN) | R(ROLE_CITY) |
	    R(ROLE_COUNTY) | R(ROLE_AUDITOR), 0, SQL_LIST_COMPLAINTS, complaint_cols,
	"complaint"
};
