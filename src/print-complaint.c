/*
 * print-complaint.c: the published 处理通报 of complaints (issue 13 item
 * 3; 003 附件2 第十三条(四) 作出有关处理决定并予以公布): every decided
 * complaint of the printing user's area (--month: decided in that month),
 * what it was about (a maker, dealer or product by name; a buyer or a
 * person by kind alone), the findings, the result, the violation opened
 * and the decision. For the public: no private column at all (no
 * complainant, no phone, no ID number), so nobody sees one.
 */
#include "print.h"

const struct print_col print_complaint_cols[] = {
	{ "投诉编号", 0, NULL },
	{ "受理单位", 0, NULL },
	{ "对象类别", 0, NULL },
	{ "被投诉对象", 0, NULL },
	{ "调查核实情况", 0, NULL },
	{ "处理结果", 0, NULL },
	{ "违规编号", 0, NULL },
	{ "处理意见", 0, NULL },
	{ "处理日期", 0, NULL },
	{ NULL, 0, NULL }
};

/* R-003-A2-13.4 the decisions, published without private data */
int
print_complaints(struct print_job *j)
{
	return print_stream(j, print_area(j, SQL_PRINT_COMPLAINTS));
}
