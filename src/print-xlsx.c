/*
 * print-xlsx.c: the printers' sheets as xlsx (issue 12 (2)), fed by the
 * same csvw_* calls as the CSV writer. One worksheet laid out as the
 * seed form: the title with the province, county, year and batch ("宁夏
 * 贺兰县 2026年第2批农业机械购置补贴资金支付报告单"), 单位：元 (or the
 * publicity's 公告单位/公告时间), the header rows (two where the form groups
 * columns: 附表4, 5, 6, 附件2) repeated on every page,
 * money as numbers "#,##0.00", the PC_TEXT columns (ID, account, invoice,
 * serial, phone) as text so no digit is lost, 合计 rows bold, then the
 * form's signature and seal lines. A4, landscape when wide, fit to the
 * page's width. libxlsxwriter writes in constant-memory mode into a
 * temporary file, copied to the printer's output when the writer is
 * freed, so that `-o -` and the screens' outbox get the same bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


#include "print-xlsx.h"

/*
 * The form's lines under the sheet, per printer (004 附表5-7, 附件2; the
 * per-person forms' are in print-xlsx-form.c).
 */
static const struct xlsx_foot {
	const char	*printer;
	const char	*lines[4];
} xlsx_feet[] = {
	{ "payment", {
	    "县农机化中心（章）    单位法人（签字）：        "
	    "项目负责人（签字）：        经办人（签字）：        "
	    "年    月    日",
	    "县农牧局（章）        单位法人（签字）：        "
	    "分管领导（签字）：          经办人（签字）：        "
	    "年    月    日",
	    "县财政局（章）        负责人（签字）：          "
	    "分管领导（签字）：          经办人（签字）：        "
	    "年    月    日", NULL } },
	{ "detail", {
	    "申请结算单位（盖章）：            负责人（签字）：            "
	    "经办人（签字）：            年    月    日", NULL, NULL, NULL } },
	{ "publicity", {
	    "监督举报电话：                    公告单位（盖章）", NULL, NULL,
	    NULL } },
	{ "bank", {
	    "县财政局（章）        负责人（签字）：            "
	    "经办人（签字）：            年    月    日", NULL, NULL, NULL } },
	{ "budget", {
	    "编制单位（盖章）：        负责人（签字）：        "
	    "经办人（签字）：        年    月    日", NULL, NULL, NULL } },
};
#define NFEET (sizeof xlsx_feet / sizeof xlsx_feet[0])

/*
 * Two-level headers where the form has them: columns first..first+n-1 of
 * the printer's table under one group label, each with its own label in
 * the second row (NULL: the column's label).
 */
static const struct xlsx_group {
	const char	*printer;
	int		 first;
	int		 n;
	const char	*label;
	const char	*sub[4];
} xlsx_groups[] = {
	{ "payment", 4, 3, "财政补贴金额", { "合计", "中央", "地方", NULL } },
	{ "detail", 8, 3, "补贴金额", { "合计", "国补金额", "自治区补金额",
	    NULL } },
	{ "review", 17, 4, "复核情况", { NULL, NULL, NULL, NULL } },
	{ "budget", 1, 4, "计划", { "中央", "省级", "工作经费", "合计" } },
	{ "budget", 5, 2, "已占用", { "中央", "省级", NULL, NULL } },
	{ "budget", 7, 2, "已支付", { "中央", "省级", NULL, NULL } },
	{ "budget", 9, 2, "结余", { "中央", "省级", NULL, NULL } },
};
#define NGROUPS (sizeof xlsx_groups / sizeof xlsx_groups[0])


static const char *const formats[] = { "csv", "xlsx" };

/* 0 csv (NULL or empty too), 1 xlsx, -1 unknown. */
int
print_format(const char *name)
{
	size_t i;

	if (name == NULL || *name == '\0')
		return 0;
	for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(formats[i], name) == 0)
			return (int)i;
	return -1;
}

/* "宁夏回族自治区" -> "宁夏", as the forms write the province. */
static void
xlsx_province(char *name)
{
	static const char *const tails[] = { "回族自治区", "壮族自治区",
	    "维吾尔自治区", "自治区", "省" };
	size_t	i;
	char	*p;

	for (i = 0; i < sizeof tails / sizeof tails[0]; i++)
		if ((p = strstr(name, tails[i])) != NULL && p != name) {
			*p = '\0';
			return;
		}
}

/* Issue 13: a filing publicity's number and period, under its title. */
static void
xlsx_filing_sub(const char *no, char *sub, size_t slen)
{
	sqlite3_stmt	*st = sql_query(SQL_FILING_PUB_BY_NO, no);
	char		 from[16] = "", to[16] = "";

	if (sql_step(st) == 1) {
		sql_col_copy(st, 1, from, sizeof from);
		sql_col_copy(st, 2, to, sizeof to);
	}
	sqlite3_reset(st);
	xsnprintf(sub, slen, "公示编号：%s    公示期：%s至%s    单位：元", no,
	    from, to);
}

/*
 * The title and the line under it: the batch's province, county, year
 * and number when one batch is printed, the county and month of an area,
 * else the form's title alone.
 */
static void
xlsx_title(const struct print_job *j, char *title, size_t tlen, char *sub,
    size_t slen)
{
	const char	*unit = "单位：元";
	char		 prov[NJ_NAME_MAX] = "", county[NJ_NAME_MAX] = "";
	char		 from[32] = "", to[32] = "", when[64] = "";
	sqlite3_stmt	*st = NULL;
	int		 year = 0, seq = 0, pub;

	pub = strcmp(j->def->name, "publicity") == 0;
	if (j->scope.batch != 0)
		st = sql_query(SQL_XLSX_BATCH_TITLE, j->scope.batch);
	else if (j->scope.county[0] != '\0')
		st = sql_query(SQL_XLSX_COUNTY_TITLE, j->scope.county);
	if (st != NULL && sql_step(st) == 1) {
		sql_col_copy(st, 0, prov, sizeof prov);
		sql_col_copy(st, 1, county, sizeof county);
		year = sqlite3_column_int(st, 2);
		seq = sqlite3_column_int(st, 3);
		sql_col_copy(st, 4, from, sizeof from);
		sql_col_copy(st, 5, to, sizeof to);
	}
	if (st != NULL)
		sqlite3_reset(st);
	xlsx_province(prov);
	if (seq > 0)
		xsnprintf(when, sizeof when, "%d年第%d批", year, seq);
	else if (j->req->month != NULL && strlen(j->req->month) == 7)
		xsnprintf(when, sizeof when, "%.4s年%d月", j->req->month,
		    atoi(j->req->month + 5));
	if (county[0] != '\0')
		xsnprintf(title, tlen, "%s%s%s %s%s", prov, prov[0] ? " " : "",
		    county, when, j->def->title);
	else
		xsnprintf(title, tlen, "%s%s", when, j->def->title);
	if (pub)
		xsnprintf(sub, slen, "公告单位：%s农机管理部门    公告时间：%s%s%s",
		    county, from, to[0] ? "至" : "", to);
	else if (strcmp(j->def->name, "filing") == 0 && j->req->id != NULL)
		xlsx_filing_sub(j->req->id, sub, slen);
	else
		xsnprintf(sub, slen, "%s", unit);
}

lxw_format *
xlsx_fmt(lxw_workbook *wb, int bold, int border, const char *num)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, "宋体");
	format_set_font_size(f, 10);
	if (bold)
		format_set_bold(f);
	if (border) {
		format_set_border(f, LXW_BORDER_THIN);
		format_set_text_wrap(f);
		format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	}
	if (num != NULL)
		format_set_num_format(f, num);
	return f;
}

/* Widths in characters: what the column holds. */
static double
xlsx_width(const struct print_col *c)
{
	if (c->flags & PC_TEXT)
		return 21;
	if (c->flags & PC_MONEY)
		return 14;
	if (c->flags & (PC_NUM | PC_SEQ))
		return 8;
	return 12;
}

/*
 * A worksheet's page, title and 单位 line, the rows its header will take
 * repeated on every page; the next row is the header's.
 */
static void
xlsx_sheet(struct xlsxw *x)
{
	const struct print_job	*j = x->j;
	size_t			 i;

	for (i = 0; i < j->ncols; i++)
		worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i,
		    xlsx_width(&j->def->cols[i]),
		    (j->def->cols[i].flags & PC_TEXT) ? x->f_text : NULL);
	worksheet_set_paper(x->ws, 9);		/* A4 */
	if (j->ncols > 8)
		worksheet_set_landscape(x->ws);
	worksheet_fit_to_pages(x->ws, 1, 0);
	worksheet_set_margins(x->ws, 0.4, 0.4, 0.5, 0.5);
	worksheet_set_row(x->ws, 0, 30, NULL);
	if (j->ncols > 1)
		worksheet_merge_range(x->ws, 0, 0, 0,
		    (lxw_col_t)(j->ncols - 1), x->title, x->f_title);
	else
		worksheet_write_string(x->ws, 0, 0, x->title, x->f_title);
	worksheet_write_string(x->ws, 1, (lxw_col_t)(strcmp(x->sub,
	    "单位：元") == 0 && j->ncols > 1 ? j->ncols - 1 : 0), x->sub,
	    x->f_plain);
	x->row = x->head;
	worksheet_repeat_rows(x->ws, x->head, x->head +
	    (lxw_row_t)x->levels - 1);
}

/*
 * The rows a worksheet holds: Excel's 1,048,576, less the rows of the
 * totals and the signature lines; NJBT_XLSX_ROWS may lower it (tests).
 */
static lxw_row_t
xlsx_rows_max(void)
{
	const char	*e = getenv("NJBT_XLSX_ROWS");
	long		 n = e != NULL ? atol(e) : 0;

	return (lxw_row_t)(n >= 20 && n < LXW_ROW_MAX ? n : LXW_ROW_MAX) - 8;
}

struct xlsxw *
xlsxw_new(struct print_out *out, struct print_job *j)
{
	lxw_workbook_options	 opt;
	struct xlsxw		*x;
	const char		*dir = getenv("TMPDIR");
	size_t			 i;
	int			 fd;

	if (dir == NULL || *dir == '\0' || strlen(dir) > 40)
		dir = "/tmp";
	x = xcalloc(1, sizeof *x);
	x->out = out;
	x->j = j;
	xsnprintf(x->tmp, sizeof x->tmp, "%s/njbt-xlsx.XXXXXX", dir);
	if ((fd = mkstemp(x->tmp)) < 0) {
		free(x);
		return NULL;
	}
	close(fd);
	memset(&opt, 0, sizeof opt);
	opt.constant_memory = LXW_TRUE;
	opt.tmpdir = (char *)dir;
	opt.use_zip64 = LXW_TRUE;
	if ((x->wb = workbook_new_opt(x->tmp, &opt)) == NULL ||
	    (x->ws = workbook_add_worksheet(x->wb, NULL)) == NULL) {
		if (x->wb != NULL)
			workbook_close(x->wb);
		unlink(x->tmp);
		free(x);
		return NULL;
	}
	x->f_title = xlsx_fmt(x->wb, 1, 0, NULL);
	format_set_font_size(x->f_title, 16);
	format_set_align(x->f_title, LXW_ALIGN_CENTER);
	x->f_plain = xlsx_fmt(x->wb, 0, 0, NULL);
	x->f_head = xlsx_fmt(x->wb, 1, 1, NULL);
	format_set_align(x->f_head, LXW_ALIGN_CENTER);
	x->f_htop = xlsx_fmt(x->wb, 1, 1, NULL);
	format_set_align(x->f_htop, LXW_ALIGN_CENTER);
	format_set_bottom(x->f_htop, LXW_BORDER_NONE);
	x->f_hbot = xlsx_fmt(x->wb, 1, 1, NULL);
	format_set_top(x->f_hbot, LXW_BORDER_NONE);
	x->f_text = xlsx_fmt(x->wb, 0, 1, "@");
	x->f_money = xlsx_fmt(x->wb, 0, 1, "#,##0.00");
	x->f_int = xlsx_fmt(x->wb, 0, 1, "0");
	x->f_bold = xlsx_fmt(x->wb, 1, 1, "@");
	x->f_bmoney = xlsx_fmt(x->wb, 1, 1, "#,##0.00");
	x->f_bint = xlsx_fmt(x->wb, 1, 1, "0");
	/* 附表1-4, 附件3: one record per page, laid out as the form */
	if ((x->form = xlsx_form_find(j->def->name)) != NULL) {
		if (xlsx_form_start(x) != 0) {
			workbook_close(x->wb);
			unlink(x->tmp);
			free(x);
			return NULL;
		}
		return x;
	}
	xlsx_title(j, x->title, sizeof x->title, x->sub, sizeof x->sub);
	x->head = 2;
	x->levels = 1;
	for (i = 0; i < NGROUPS; i++)
		if (strcmp(xlsx_groups[i].printer, j->def->name) == 0 &&
		    (size_t)(xlsx_groups[i].first + xlsx_groups[i].n) <=
		    j->ncols)
			x->levels = 2;
	x->hdr = xcalloc(j->ncols + 1, sizeof *x->hdr);
	xlsx_sheet(x);
	return x;
}

/* The format of the next cell: totals or a body row. */
static lxw_format *
xlsx_cell(struct xlsxw *x, lxw_format *body, lxw_format *bold)
{
	return x->total ? bold : body;
}

void
xlsxw_text(struct xlsxw *x, const char *s)
{
	if (x->form != NULL) {
		xlsx_form_cell(x, 0, s, 0);
		return;
	}
	if (x->row == x->head) {	/* the header: written at its end */
		if (x->col < x->j->ncols && x->hdr[x->col] == NULL)
			x->hdr[x->col] = xstrdup(s);
		x->col++;
		return;
	}
	if (strncmp(s, "合计", 6) == 0 || strncmp(s, "总计", 6) == 0)
		x->total = 1;
	if (worksheet_write_string(x->ws, x->row, x->col, s,
	    xlsx_cell(x, x->f_text, x->f_bold)) != LXW_NO_ERROR)
		x->err = 1;
	x->col++;
}

/*
 * Money stays integer fen up to here; only the cell becomes yuan, because
 * a spreadsheet's numbers are doubles (exact to the fen below 2^53 fen).
 * Totals are the printers' own integer sums, never the sheet's. The one
 * place fen turn into a cell's yuan (sheets and per-person forms).
 */
double
xlsx_yuan(int64_t fen)
{
	return (double)fen / 100.0;
}

void
xlsxw_money(struct xlsxw *x, int64_t fen)
{
	if (x->form != NULL) {
		xlsx_form_cell(x, 1, NULL, fen);
		return;
	}
	if (worksheet_write_number(x->ws, x->row, x->col, xlsx_yuan(fen),
	    xlsx_cell(x, x->f_money, x->f_bmoney)) != LXW_NO_ERROR)
		x->err = 1;
	x->col++;
}

void
xlsxw_int(struct xlsxw *x, int64_t v)
{
	if (x->form != NULL) {
		xlsx_form_cell(x, 2, NULL, v);
		return;
	}
	if (worksheet_write_number(x->ws, x->row, x->col, (double)v,
	    xlsx_cell(x, x->f_int, x->f_bint)) != LXW_NO_ERROR)
		x->err = 1;
	x->col++;
}

/*
 * The end of a record. A totals row (a cell 合计 or 总计) was written
 * bold only from that cell on: in constant-memory mode a row cannot be
 * rewritten, which is why the printers put 合计 first.
 */
/* The group a column is in, or NULL. */
static const struct xlsx_group *
xlsx_group_of(const struct xlsxw *x, size_t col)
{
	size_t i;

	for (i = 0; i < NGROUPS; i++)
		if (strcmp(xlsx_groups[i].printer, x->j->def->name) == 0 &&
		    (int)col >= xlsx_groups[i].first &&
		    (int)col < xlsx_groups[i].first + xlsx_groups[i].n)
			return &xlsx_groups[i];
	return NULL;
}

/*
 * The header: one row of labels, or two where the form groups columns
 * (the group's label across them, theirs under it; another column's label
 * over both rows, drawn without the line between them: constant-memory
 * mode writes rows in order, so no merge spans the two).
 */
static void
xlsx_header(struct xlsxw *x)
{
	const struct xlsx_group	*g;
	const char		*s;
	size_t			 k, n = x->j->ncols;
	lxw_row_t		 r = x->head;

	for (k = 0; k < n; k++) {
		s = x->hdr[k] != NULL ? x->hdr[k] : "";
		if (x->levels == 1)
			worksheet_write_string(x->ws, r, (lxw_col_t)k, s,
			    x->f_head);
		else if ((g = xlsx_group_of(x, k)) == NULL)
			worksheet_write_string(x->ws, r, (lxw_col_t)k, s,
			    x->f_htop);
		else if ((int)k == g->first)
			worksheet_merge_range(x->ws, r, (lxw_col_t)k, r,
			    (lxw_col_t)(k + (size_t)g->n - 1), g->label,
			    x->f_head);
	}
	if (x->levels == 1)
		return;
	for (k = 0; k < n; k++) {
		s = x->hdr[k] != NULL ? x->hdr[k] : "";
		if ((g = xlsx_group_of(x, k)) == NULL)
			worksheet_write_blank(x->ws, r + 1, (lxw_col_t)k,
			    x->f_hbot);
		else
			worksheet_write_string(x->ws, r + 1, (lxw_col_t)k,
			    g->sub[k - (size_t)g->first] != NULL ?
			    g->sub[k - (size_t)g->first] : s, x->f_head);
	}
	x->row++;
}

void
xlsxw_end(struct xlsxw *x)
{
	lxw_worksheet *ws;

	if (x->form != NULL) {
		xlsx_form_end(x);
		return;
	}
	if (x->row == x->head)
		xlsx_header(x);
	x->row++;
	x->col = 0;
	x->total = 0;
	/* a sheet past what a worksheet holds goes on in the next one, its
	   title and header written again (constant-memory mode: in order) */
	if (x->row >= xlsx_rows_max()) {
		if ((ws = workbook_add_worksheet(x->wb, NULL)) == NULL) {
			x->err = 1;	/* what follows overwrites the last row */
			x->row--;
			return;
		}
		x->ws = ws;
		xlsx_sheet(x);
		xlsx_header(x);
		x->row++;
	}
}

/* The signature and seal lines of the printer's form, under the sheet. */
static void
xlsx_feet_write(struct xlsxw *x)
{
	size_t	i, k;

	if (x->row <= x->head)
		return;
	for (i = 0; i < NFEET; i++) {
		if (strcmp(xlsx_feet[i].printer, x->j->def->name) != 0)
			continue;
		x->row++;
		for (k = 0; k < 4 && xlsx_feet[i].lines[k] != NULL; k++)
			worksheet_write_string(x->ws, x->row++, 0,
			    xlsx_feet[i].lines[k], x->f_plain);
	}
}

/* Copy the finished workbook to the printer's output. */
static int
xlsx_copy(struct xlsxw *x)
{
	struct print_out	*o = x->out;
	FILE			*in;
	char			 buf[65536];
	size_t			 n;
	int			 rc = 0;

	if (o->fp == NULL && (o->open == NULL || o->open(o) != 0 ||
	    o->fp == NULL))
		return -1;
	if ((in = fopen(x->tmp, "rb")) == NULL)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, o->fp) != n) {
			rc = -1;
			break;
		}
	if (ferror(in))
		rc = -1;
	fclose(in);
	return rc;
}

/* Close the workbook and write it out; -1 if anything failed. */
int
xlsxw_free(struct xlsxw **xp)
{
	struct xlsxw	*x = *xp;
	size_t		 i;
	int		 rc;

	if (x == NULL)
		return 0;
	if (x->form != NULL)
		xlsx_form_finish(x);
	else
		xlsx_feet_write(x);
	rc = x->err ? -1 : 0;
	if (workbook_close(x->wb) != LXW_NO_ERROR)
		rc = -1;
	/* a print refused before its header writes nothing, as in CSV */
	if (rc == 0 && (x->form != NULL ? x->records > 0 : x->row > x->head))
		rc = xlsx_copy(x);
	unlink(x->tmp);
	xlsx_form_free(x);
	for (i = 0; x->hdr != NULL && i < x->j->ncols; i++)
		free(x->hdr[i]);
	free(x->hdr);
	free(x);
	*xp = NULL;
	return rc;
}
