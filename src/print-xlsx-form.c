/*
 * print-xlsx-form.c: the per-person forms as xlsx, one record per page
 * laid out as the seed's form (issue 12 item 2): 004 附表1 申请表, 附表2
 * 确认通知书, 附表3 供货与核实表, 附表4 复核表 and 003 附件3's 核验记录表
 * (the printer "verification").
 * The printer streams its rows as for CSV (print-row.c); the writer keeps
 * one record's cells and, at its end, writes the form block: the form's
 * number and title, the labelled cells in the form's grid (label, value,
 * label, value), the form's fixed text and its signature and seal lines;
 * a manual page break before each next record. A4 portrait, four columns
 * whose widths fit the page's width at 100% (fit-to-page would override
 * the page breaks). Excel holds 1023 page breaks a worksheet: every 1024
 * records go on a worksheet of their own. The header record and the
 * totals record (合计) of the CSV have no page of their own.
 */
#include <stdlib.h>
#include <string.h>

#include "print-xlsx.h"

/*
 * A form: the printer, its number and title on the page, its grid and
 * its signature lines. A grid line is
 *   "=TEXT"   a section heading across the four columns;
 *   "A|B"     label A, its value, label B, its value;
 *   "A"       label A, its value across the three other columns;
 *   "!A"      label A across three columns, its value in the fourth;
 *   "~TEXT"   the form's fixed text across the four columns, where
 *             "{L}" is the value of the column labelled L.
 * Labels are those of the printer's column table (print-form.c,
 * print-settle.c); a column the grid does not name is added at its end.
 */
#define FORM_LINES	40
#define FORM_SIGNS	6

struct xlsx_form {
	const char	*printer;
	const char	*no;		/* 附表1 ... */
	const char	*title;
	const char	*grid[FORM_LINES];
	const char	*sign[FORM_SIGNS];
};

/* The buyer block of 附表1 and 附表3. */
#define FORM_BUYER \
	"姓名/组织|申请购机者身份", \
	"性别/性质|身份证/组织机构代码证号", \
	"乡镇|村组", \
	"身份证地址", \
	"现居住地址"

static const struct xlsx_form xlsx_forms[] = {
	{ "application", "附表1", "农业机械购置补贴申请表", {
	    "申请编号|确认书编号",
	    "购机方式|状态",
	    "=申请购机者基本情况",
	    FORM_BUYER,
	    "=申购机具情况（单台补贴额：设施类机具按合计补贴显示）",
	    "机具大类|中央补贴",
	    "机具小类|省级补贴",
	    "机具品目|市级补贴",
	    "数量|县级补贴",
	    "设备类实际数量|单台补贴合计(元)",
	    "分档名称|补贴额合计(元)",
	    "备注|报废补贴额(元)",
	    "=审批情况",
	    "县农机局审批情况|申请日期",
	    NULL }, {
	    "县财政局审批情况（签字、盖章）：                      年    月    日",
	    "乡镇农机站审批情况（选填，签字、盖章）：              年    月    日",
	    "乡镇财政所审批情况（选填，签字、盖章）：              年    月    日",
	    "申请购机者确认情况（签字、手印）：                    年    月    日",
	    "获取打印日期时间：{获取打印日期时间}",
	    NULL } },
	{ "notice", "附表2", "农机购置补贴指标确认通知书", {
	    "编号|状态",
	    "县排序|省排序",
	    "购机方式|签发日期",
	    "=一、补贴对象基本情况",
	    "姓名或组织名称|联系电话（手填）",
	    "住址",
	    "=二、补贴机具及补贴金额（元）",
	    "大类|数量（台）",
	    "小类|合计",
	    "品目|中央",
	    "分档名称|省",
	    "购机期限起|市",
	    "购机期限止|县",
	    "=三、其它说明",
	    "~1．补贴对象须在{购机期限起}至{购机期限止}期间购机，补贴产品必须是已列入"
	    "国家支持推广目录和省级支持推广目录的产品。",
	    "~2．如放弃购机，应在本通知规定的时间至少10天前向县级农机化主管部门交回"
	    "本通知。",
	    "~3．本通知一式三份。县级农机化主管部门和财政部门各一份，补贴对象一份。"
	    "本通知签字盖章后生效。",
	    "~4．身份证号码和联系电话作为内部工作资料妥善保存，不得存入农机购置补贴"
	    "管理信息系统，严防信息泄露，谨防电话诈骗。",
	    NULL }, {
	    "补贴对象签字（手印）：        县级农机化主管部门（盖章）：        "
	    "县级财政部门（盖章）：",
	    "日期：    年  月  日          日期：    年  月  日              "
	    "日期：    年  月  日",
	    NULL } },
	{ "supply", "附表3", "补贴机具供货与核实表", {
	    "销售编号|确认书编号",
	    "=购机者信息",
	    FORM_BUYER,
	    "=购买机具信息（单台补贴额：设施类机具按合计补贴显示）",
	    "机具大类|中央补贴",
	    "机具小类|省级补贴",
	    "机具品目|市级补贴",
	    "生产企业|县级补贴",
	    "机具型号|单台补贴合计(元)",
	    "功率(千瓦)|补贴额合计(元)",
	    "数量(设备类实际数量)|报废补贴额(元)",
	    "分档名称|备注",
	    "经销商|销售总价(元)",
	    "经销商备注",
	    "出厂编号[发动机号]|发票号",
	    "购机日期|经销商录入时间",
	    "=管理部门核实",
	    "核实结果|核实时间",
	    "核实人|核实单位",
	    NULL }, {
	    "经销商供货情况：已供货（盖章）                        年    月    日",
	    "管理部门核实：已对机具、购机者、发票等信息进行现场核对确认无误。（盖章）",
	    "核实人：                单  位：                      年    月    日",
	    "购机者确认情况（手印、盖章）：                        年    月    日",
	    NULL } },
	{ "review", "附表4", "农机购置补贴机具复核表", {
	    "结算批次|销售编号",
	    "=一、购机者情况",
	    "姓名|联系电话",
	    "家庭住址",
	    "身份证号码",
	    "=二、补贴机具情况",
	    "机具名称|规格型号",
	    "数量|生产企业",
	    "经销商|购机日期",
	    "机具价格|补贴金额",
	    "发动机号码|出厂编号",
	    "行驶证号码",
	    "~购机者本人确认以上信息属实    签字：",
	    "=三、复核内容",
	    "!1、购机人与补贴指标申领人是否一致",
	    "!2、是否与《农机购置补贴指标确认通知书》的品目相符",
	    "!3、机具是否有永久性铭牌",
	    "!4、出厂编号、发动机号是否与《补贴机具供货与核实表》一致",
	    "=四、县农机部门复核人员意见",
	    "!实际购机与申请补贴信息（材料）",
	    "复核人员意见|复核原因",
	    "复核人|复核日期",
	    NULL }, {
	    "验货人对本表申请内容的真实性和合法性承担法律责任。",
	    "复核人签字：                                          年    月    日",
	    "五、县农机部门复核意见    负责人签字：            县农机管理部门（公章）",
	    "                                                      年    月    日",
	    NULL } },
	{ "verification", "附件3", "补贴机具核验记录表", {
	    "销售编号|核验时间",
	    "核验方式|核验结果",
	    "=一、购机者身份信息",
	    "购机者|身份证/统一社会信用代码",
	    "=二、购买信息",
	    "发票号|购机日期",
	    "销售总价(元)|补贴额(元)",
	    "经销商",
	    "=三、机具信息",
	    "机具品目|生产企业",
	    "机具型号|出厂编号",
	    "发动机号",
	    "=四、其他信息",
	    "银行卡（折）账号",
	    "=核验内容（相符、不符）",
	    "!购机者本人与身份证件、申请人一致",
	    "!发票上的购机者姓名（名称）与金额",
	    "!铭牌与发票、系统一致（生产企业、型号、出厂编号、发动机号）",
	    "!发票上的经销商与系统一致",
	    "!牌证材料（行驶证或登记证书）",
	    "!银行卡（折）账号、开户名与购机者一致",
	    "!购机者签署购机价格真实性承诺",
	    "存在问题",
	    "核验人|第二核验人",
	    "~购机者确认：购机税控发票上的购机金额与实际全部支付给经销企业的资金一致；"
	    "隐瞒不报、提供虚假信息的，承担违规责任。",
	    NULL }, {
	    "核验人员（签字）：                  购机者（签字、手印）：",
	    "        年    月    日                      年    月    日",
	    NULL } },
};
#define NFORMS (sizeof xlsx_forms / sizeof xlsx_forms[0])

#define FORM_NCOLS	4
static const double form_widths[FORM_NCOLS] = { 18, 30, 18, 30 };

const struct xlsx_form *
xlsx_form_find(const char *printer)
{
	size_t i;

	for (i = 0; i < NFORMS; i++)
		if (strcmp(xlsx_forms[i].printer, printer) == 0)
			return &xlsx_forms[i];
	return NULL;
}

/* The column labelled label, or -1. */
static int
form_col(const struct xlsxw *x, const char *label, size_t n)
{
	size_t i;

	for (i = 0; i < x->j->ncols; i++)
		if (strlen(x->j->def->cols[i].label) == n &&
		    strncmp(x->j->def->cols[i].label, label, n) == 0)
			return (int)i;
	return -1;
}

/* A worksheet's page: A4 portrait, the form's columns. */
static int
form_sheet(struct xlsxw *x)
{
	lxw_col_t c;

	if (x->sheets > 0 &&
	    (x->ws = workbook_add_worksheet(x->wb, NULL)) == NULL)
		return -1;
	x->sheets++;
	x->pages = 0;
	x->row = 0;
	for (c = 0; c < FORM_NCOLS; c++)
		worksheet_set_column(x->ws, c, c, form_widths[c], NULL);
	worksheet_set_paper(x->ws, 9);		/* A4, portrait */
	worksheet_set_margins(x->ws, 0.4, 0.4, 0.5, 0.5);
	worksheet_center_horizontally(x->ws);
	return 0;
}

int
xlsx_form_start(struct xlsxw *x)
{
	x->cells = xcalloc(x->j->ncols + 1, sizeof *x->cells);
	x->breaks = xcalloc(LXW_BREAKS_MAX + 1, sizeof *x->breaks);
	x->f_bold = xlsx_fmt(x->wb, 1, 1, NULL);	/* labels */
	format_set_align(x->f_head, LXW_ALIGN_VERTICAL_CENTER);
	x->f_htop = xlsx_fmt(x->wb, 0, 0, NULL);	/* fixed text */
	format_set_text_wrap(x->f_htop);
	return form_sheet(x);
}

static void
cells_clear(struct xlsxw *x)
{
	size_t i;

	for (i = 0; i < x->j->ncols; i++) {
		free(x->cells[i].s);
		x->cells[i].s = NULL;
	}
	x->col = 0;
}

void
xlsx_form_cell(struct xlsxw *x, int kind, const char *s, int64_t v)
{
	struct xlsx_cell *c;

	if (x->col >= x->j->ncols)
		return;
	c = &x->cells[x->col++];
	c->kind = kind;
	c->v = v;
	free(c->s);
	c->s = s != NULL ? xstrdup(s) : NULL;
}

static void
form_check(struct xlsxw *x, lxw_error e)
{
	if (e != LXW_NO_ERROR)
		x->err = 1;
}

/* Column k's value into (row, c), across to c2 when c2 > c. */
static void
form_value(struct xlsxw *x, int k, lxw_col_t c, lxw_col_t c2)
{
	const struct xlsx_cell	*v = k >= 0 ? &x->cells[k] : NULL;
	lxw_format		*f = v == NULL || v->kind == 0 ? x->f_text :
	    v->kind == 1 ? x->f_money : x->f_int;

	if (c2 > c)
		form_check(x, worksheet_merge_range(x->ws, x->row, c, x->row,
		    c2, "", f));
	if (v == NULL || v->kind == 0)
		form_check(x, worksheet_write_string(x->ws, x->row, c,
		    v != NULL && v->s != NULL ? v->s : "", f));
	else
		form_check(x, worksheet_write_number(x->ws, x->row, c,
		    v->kind == 1 ? xlsx_yuan(v->v) : (double)v->v, f));
}

/* A label (a column's, or given) into (row, c) .. c2. */
static void
form_label(struct xlsxw *x, const char *label, size_t n, lxw_col_t c,
    lxw_col_t c2)
{
	char buf[256];

	xsnprintf(buf, sizeof buf, "%.*s", (int)n, label);
	if (c2 > c)
		form_check(x, worksheet_merge_range(x->ws, x->row, c, x->row,
		    c2, buf, x->f_bold));
	else
		form_check(x, worksheet_write_string(x->ws, x->row, c, buf,
		    x->f_bold));
}

/* Text across the four columns, "{L}" replaced by column L's value. */
static void
form_text(struct xlsxw *x, const char *t, lxw_format *f, char *used)
{
	char		 buf[1024];
	const char	*e;
	size_t		 n = 0;
	int		 k;

	while (*t != '\0' && n + 1 < sizeof buf) {
		if (*t == '{' && (e = strchr(t, '}')) != NULL &&
		    (k = form_col(x, t + 1, (size_t)(e - t - 1))) >= 0) {
			used[k] = 1;
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s",
			    x->cells[k].kind == 0 && x->cells[k].s != NULL ?
			    x->cells[k].s : "");
			if (n >= sizeof buf)
				n = sizeof buf - 1;
			t = e + 1;
		} else
			buf[n++] = *t++;
	}
	buf[n] = '\0';
	form_check(x, worksheet_merge_range(x->ws, x->row, 0, x->row,
	    FORM_NCOLS - 1, buf, f));
	x->row++;
}

/* Mark the columns text names as "{L}". */
static void
form_marks(const struct xlsxw *x, const char *t, char *used)
{
	const char	*e;
	int		 k;

	while ((t = strchr(t, '{')) != NULL && (e = strchr(t, '}')) != NULL) {
		if ((k = form_col(x, t + 1, (size_t)(e - t - 1))) >= 0)
			used[k] = 1;
		t = e + 1;
	}
}

/* One line of the grid. */
static void
form_line(struct xlsxw *x, const char *g, char *used)
{
	const char	*bar = strchr(g, '|');
	int		 k;

	if (*g == '=') {
		form_check(x, worksheet_merge_range(x->ws, x->row, 0, x->row,
		    FORM_NCOLS - 1, g + 1, x->f_head));
		x->row++;
		return;
	}
	if (*g == '~') {
		form_text(x, g + 1, x->f_htop, used);
		return;
	}
	if (*g == '!') {
		k = form_col(x, g + 1, strlen(g + 1));
		form_label(x, g + 1, strlen(g + 1), 0, FORM_NCOLS - 2);
		form_value(x, k, FORM_NCOLS - 1, FORM_NCOLS - 1);
	} else if (bar == NULL) {
		k = form_col(x, g, strlen(g));
		form_label(x, g, strlen(g), 0, 0);
		form_value(x, k, 1, FORM_NCOLS - 1);
	} else {
		k = form_col(x, g, (size_t)(bar - g));
		form_label(x, g, (size_t)(bar - g), 0, 0);
		form_value(x, k, 1, 1);
		if (k >= 0)
			used[k] = 1;
		k = form_col(x, bar + 1, strlen(bar + 1));
		form_label(x, bar + 1, strlen(bar + 1), 2, 2);
		form_value(x, k, 3, 3);
	}
	if (k >= 0)
		used[k] = 1;
	x->row++;
}

/* The record's page: number, title, grid, what the grid left, signs. */
static void
form_block(struct xlsxw *x)
{
	const struct xlsx_form	*f = x->form;
	const struct print_col	*cols = x->j->def->cols;
	char			*used = xcalloc(x->j->ncols + 1, 1);
	size_t			 i;
	int			 left = -1;

	if (x->pages == LXW_BREAKS_MAX + 1) {
		worksheet_set_h_pagebreaks(x->ws, x->breaks);
		memset(x->breaks, 0, (LXW_BREAKS_MAX + 1) * sizeof *x->breaks);
		if (form_sheet(x) != 0) {
			x->err = 1;
			free(used);
			return;
		}
	}
	if (x->pages > 0)
		x->breaks[x->pages - 1] = x->row;
	x->pages++;
	form_check(x, worksheet_write_string(x->ws, x->row++, 0, f->no,
	    x->f_plain));
	worksheet_set_row(x->ws, x->row, 30, NULL);
	form_check(x, worksheet_merge_range(x->ws, x->row, 0, x->row,
	    FORM_NCOLS - 1, f->title, x->f_title));
	x->row += 2;
	for (i = 0; i < FORM_LINES && f->grid[i] != NULL; i++)
		form_line(x, f->grid[i], used);
	for (i = 0; i < FORM_SIGNS && f->sign[i] != NULL; i++)
		form_marks(x, f->sign[i], used);
	/* what the grid does not name, in pairs at its end */
	for (i = 0; i < x->j->ncols; i++) {
		if (used[i])
			continue;
		if (left < 0) {
			left = (int)i;
			continue;
		}
		form_label(x, cols[left].label, strlen(cols[left].label), 0, 0);
		form_value(x, left, 1, 1);
		form_label(x, cols[i].label, strlen(cols[i].label), 2, 2);
		form_value(x, (int)i, 3, 3);
		x->row++;
		left = -1;
	}
	if (left >= 0) {
		form_label(x, cols[left].label, strlen(cols[left].label), 0, 0);
		form_value(x, left, 1, FORM_NCOLS - 1);
		x->row++;
	}
	x->row++;
	for (i = 0; i < FORM_SIGNS && f->sign[i] != NULL; i++)
		form_text(x, f->sign[i], x->f_plain, used);
	x->row++;
	free(used);
}

/*
 * The end of a record: the first is the header (the labels are the
 * column table's), a 合计 record has no page; any other is a form.
 */
void
xlsx_form_end(struct xlsxw *x)
{
	const struct xlsx_cell *c0 = &x->cells[0];

	if (x->records++ > 0 && !(c0->kind == 0 && c0->s != NULL &&
	    strcmp(c0->s, "合计") == 0))
		form_block(x);
	cells_clear(x);
}

/* After the last record: the page breaks; a page saying none if none. */
void
xlsx_form_finish(struct xlsxw *x)
{
	if (x->records == 1) {
		form_check(x, worksheet_merge_range(x->ws, 0, 0, 0,
		    FORM_NCOLS - 1, x->form->title, x->f_title));
		form_check(x, worksheet_write_string(x->ws, 2, 0,
		    "没有可打印的记录。", x->f_plain));
	}
	if (x->pages > 1)
		worksheet_set_h_pagebreaks(x->ws, x->breaks);
}

void
xlsx_form_free(struct xlsxw *x)
{
	if (x->cells != NULL)
		cells_clear(x);
	free(x->cells);
	free(x->breaks);
	x->cells = NULL;
	x->breaks = NULL;
}
