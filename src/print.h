/*
 * print.h: the printers of the actions layer (SPEC section 6): the sheets
 * the offices sign and publish, as CSV. One table of printers (print.c):
 * name, Chinese title, who may print it, who sees its private columns in
 * clear, which filters it takes, its columns and its function. A printer's
 * function finds what to print (one record by --id, or an area), checks
 * the scope and streams the rows through the helpers below; adding a
 * printer is adding a row, a column table and a function.
 *
 * The table and the running of a printer live in print.c; the printers of
 * the buyer's journey (附表1-3) in print-form.c; the scope (the role
 * filter) in print-scope.c; the rows of a sheet in print-row.c; the CSV
 * writer in print-csv.c, the xlsx one in print-xlsx.c; those of settlement (附表4-7, 附件2, the bank file, the
 * anomalies) in print-settle.c; the deadlines in print-calendar.c; the
 * month-end run that writes every sheet of a county's month into a folder
 * in print-month.c.
 *
 * Included by printer code and action-print.c only; never by the screens
 * or the batch commands (they call print_file() and print_month() of
 * njbt.h).
 */
#ifndef NJBT_PRINT_H
#define NJBT_PRINT_H

#include <stdio.h>

#include "actions.h"

/*
 * The choices of the print action's fields (action-print.c): one per row
 * of the printer table and month end (PRINT_ALL), and the encodings. Kept
 * beside the table; a unit test checks they agree.
 */
#define PRINT_CHOICES "application:农业机械购置补贴申请表," \
	"notice:指标确认通知书,supply:补贴机具供货与核实表," \
	"review:补贴机具复核表,payment:资金支付报告单," \
	"detail:补贴机具结算明细表,publicity:享受补贴农户信息公示表," \
	"budget:资金计划表,bank:银行支付文件,anomalies:异常情形," \
	"deadlines:结算期限," \
	"lottery:公开摇号结果," \
	"violations:违规处理通报,blacklist:黑名单," \
	"complaints:投诉举报处理通报," \
	"audit:审计日志," \
	"products:补贴机具信息表,filing:投档审核结果公示表," \
	"verification:补贴机具核验记录表," \
	PRINT_ALL ":月末全部报表"
/* Not a printer: every sheet of a county's month (print-month.c). */
#define PRINT_ALL "all"
#define PRINT_FORMATS "csv:CSV（供程序读取）,xlsx:Excel 表格（xlsx，按表样排版）"
#define PRINT_ENCODINGS "utf-8-bom:UTF-8（Excel、WPS）," \
	"utf-8:UTF-8（无BOM）,gb18030:GB18030"

/* Columns: a label (the seed's column name) and how its cell is made. */
#define PC_MONEY	0x01	/* fen, written as yuan with two decimals */
#define PC_PRIVATE	0x02	/* sealed under ad; the next SQL columns
				   are its last four, for the masked form,
				   and the id of the row it was sealed for */
#define PC_SUM		0x04	/* added up in the totals row (合计) */
#define PC_NUM		0x08	/* a number of ours: written as it is */
#define PC_BLANK	0x10	/* filled by hand on paper: no SQL column */
#define PC_STAMP	0x20	/* the time of printing: no SQL column */
#define PC_SEQ		0x40	/* the row's number (序号): no SQL column */
#define PC_AGG		0x80	/* a sum over a group of records: taken
				   from the job's agg[] when it has them */
#define PC_TEXT		0x100	/* digits that are not a number (ID,
				   account, invoice, serial, phone): a
				   text cell in xlsx, no digit lost */

struct print_col {
	const char	*label;
	unsigned	 flags;
	const char	*ad;		/* PC_PRIVATE: "buyers.idno", ... */
};

/* Filters a printer takes; any other given is a usage error. */
#define PF_ID		0x01	/* --id */
#define PF_AREA		0x02	/* --county, --month */
#define PF_BATCH	0x04	/* --batch */
#define PF_AUDIT	0x08	/* --from, --to, --user, --action, --record */

/* What a printer makes in the month-end run (print-month.c). */
enum print_month_kind {
	PM_AREA = 0,	/* one sheet of the county's month */
	PM_BATCH,	/* one sheet per settlement batch of the month */
	PM_YEAR,	/* one sheet of the year */
	PM_NONE		/* not a sheet of the month end (deadlines, lottery) */
};

struct print_job;
struct printer {
	const char		*name;
	const char		*title;		/* Chinese, as on the form */
	unsigned		 roles;		/* who may print it */
	unsigned		 private_roles;	/* who sees private columns */
	unsigned		 filters;
	const char		*id_label;	/* what --id names */
	const struct print_col	*cols;		/* NULL-label ended */
	int			(*run)(struct print_job *);
	enum print_month_kind	 month;
	const char		*states;	/* PF_BATCH: the states of a
						   batch it is printed in,
						   comma list; NULL any */
};

/* The area to print, from the filters and the printing user's scope. */
struct print_scope {
	char		 county[NJ_REGION_MAX];	/* '' any */
	char		 township[NJ_REGION_MAX];
	char		 city[NJ_REGION_MAX];	/* counties under it */
	int64_t		 dealer;		/* 0 any */
	char		 from[16];		/* --month: first day */
	char		 to[16];		/* first day of the next month */
	int64_t		 batch;			/* --batch: its id; 0 any */
};

/*
 * Where a sheet goes. fp is opened by open() when the first line is
 * written (unless the caller set it), so that a refused print makes no
 * file at all; open() returns 0, or -1 with the reason in msg.
 */
struct print_out {
	FILE	*fp;
	int	(*open)(struct print_out *);
	void	*arg;
	char	 msg[NJ_MSG_MAX];
};

struct csvw;

/* One printing: the request, the writer, the sums of the totals row. */
struct print_job {
	const struct actor	*who;
	const struct printer	*def;
	const struct print_req	*req;
	struct print_scope	 scope;
	struct csvw		*w;
	int			 clear;		/* private columns in clear */
	int64_t			 rows;
	int64_t			*sums;		/* per column */
	size_t			 ncols;
	char			 stamp[32];
	int64_t			 agg[8];	/* PC_AGG values, in order */
	int			 nagg;		/* ... when set for this row */
	char			*msg;
	size_t			 msglen;
};

/* print.c: the table */
const struct printer *print_find(const char *);
const struct printer *print_at(size_t);
int	 print_allowed(const struct printer *, const struct actor *);
int	 print_sees_private(const struct printer *, const struct actor *);

/* print.c: running a printer inside the caller's read snapshot */
int	 print_write(const struct actor *, const struct print_req *,
	     struct print_out *, int64_t *, int *, char *, size_t);
int	 print_check(const struct actor *, const struct print_req *, char *,
	     size_t);
int	 print_to_path(const struct actor *, const struct print_req *,
	     const char *, int64_t *, int *, char *, size_t);
int	 print_audit(const struct actor *, const struct print_req *,
	     const char *, int64_t, int, char *, size_t);

/* print-scope.c: the role filter, what a printer's function uses */
int	 print_state_in(const char *, const char *);
int	 print_scope_of(const struct actor *, const struct print_req *,
	     struct print_scope *, char *, size_t);
int	 print_resolve(struct print_job *);
int	 print_batch_locate(struct print_job *);
int	 print_refuse(struct print_job *, const char *, ...)
	     __attribute__((format(printf, 2, 3)));
int	 print_locate(struct print_job *, sqlite3_stmt *, const char *);
sqlite3_stmt *print_area(struct print_job *, enum sql);
sqlite3_stmt *print_batch_area(struct print_job *, enum sql);
int	 print_dberr(struct print_job *);

/* print-row.c: the rows of a sheet */
int	 print_stream(struct print_job *, sqlite3_stmt *);
void	 print_header(struct print_job *);
void	 print_row(struct print_job *, sqlite3_stmt *);
void	 print_totals(struct print_job *);

/* print-form.c: the journey's printers (附表1-3), rows of print.c's table */
extern const struct print_col print_application_cols[];
extern const struct print_col print_notice_cols[];
extern const struct print_col print_supply_cols[];
int	 print_application(struct print_job *);
int	 print_notice(struct print_job *);
int	 print_supply(struct print_job *);
/* issue 12: 003 附件3 核验记录表 */
extern const struct print_col print_verification_cols[];
int	 print_verification(struct print_job *);

/* print-settle.c: the settlement printers, rows of print.c's table */
extern const struct print_col print_review_cols[];
extern const struct print_col print_payment_cols[];
extern const struct print_col print_detail_cols[];
extern const struct print_col print_publicity_cols[];
extern const struct print_col print_budget_cols[];
extern const struct print_col print_lottery_cols[];
extern const struct print_col print_bank_cols[];
extern const struct print_col print_anomaly_cols[];
int	 print_review(struct print_job *);
int	 print_payment(struct print_job *);
int	 print_detail(struct print_job *);
int	 print_publicity(struct print_job *);
int	 print_budget(struct print_job *);
int	 print_lottery(struct print_job *);
int	 print_bank(struct print_job *);
int	 print_anomalies(struct print_job *);

/* print-violation.c: the 通报 and the blacklist (issue 13 item 5) */
extern const struct print_col print_violation_cols[];
extern const struct print_col print_blacklist_cols[];
int	 print_violations(struct print_job *);
int	 print_blacklist(struct print_job *);
/* print-audit.c: the audit log's search (issue 13 item 4) */
extern const struct print_col print_auditlog_cols[];
int	 print_auditlog(struct print_job *);

/* print-calendar.c: the settlement calendar's due items */
extern const struct print_col print_deadline_cols[];
int	 print_deadlines(struct print_job *);
/* print-complaint.c: complaints' 处理通报 (issue 13 item 3) */
extern const struct print_col print_complaint_cols[];
int	 print_complaints(struct print_job *);

/* print-filing.c: issue 13, the published products, a filing publicity */
extern const struct print_col print_products_cols[];
extern const struct print_col print_filing_cols[];
int	 print_products(struct print_job *);
int	 print_filing(struct print_job *);

/* print-month.c: every sheet of a county's month, inside a snapshot */
struct print_sheet {
	const struct printer	*def;
	struct print_req	 req;
	char			 name[96];	/* the file's name */
	char			 batch[64];
	char			 path[4096 + 128];
	int64_t			 rows;
	int			 clear;
	int			 done;
};
struct print_month {
	struct print_sheet	*v;
	size_t			 n;
};
int	 print_month_write(const struct actor *, const struct print_req *,
	     const char *, struct print_month *,
	     void (*)(void *, size_t, size_t, const char *), void *, char *,
	     size_t);
void	 print_month_free(struct print_month *);

/*
 * print-csv.c: the streaming CSV writer. Cells are added one by one and a
 * record is written (converted to the encoding) when it ends, so a sheet
 * of any length needs the memory of one record. Text cells are guarded
 * against formula injection (a leading = + - @ tab or CR gets an
 * apostrophe) and quoted as RFC 4180 says; lines end with CRLF.
 */
int	 csvw_encoding(const char *);
struct csvw *csvw_new(struct print_out *, const char *);
void	 csvw_text(struct csvw *, const char *);
void	 csvw_number(struct csvw *, const char *);
void	 csvw_money(struct csvw *, int64_t);
void	 csvw_int(struct csvw *, int64_t);
void	 csvw_end(struct csvw *);
int	 csvw_free(struct csvw **);

/*
 * print-xlsx.c: the xlsx writer (libxlsxwriter, constant-memory mode) fed
 * by the same csvw_* calls: csvw_xlsx() makes a writer whose records go
 * into one worksheet laid out as the printer's form (title with county,
 * year and batch, 单位：元, the header row repeated on every page, money as
 * numbers "#,##0.00", PC_TEXT columns as text, 合计 rows bold, the form's
 * signature and seal lines), written to out when the writer is freed.
 */
struct xlsxw;
int	 print_format(const char *);		/* 0 csv, 1 xlsx, -1 unknown */
struct csvw *csvw_xlsx(struct print_out *, struct print_job *);
struct xlsxw *xlsxw_new(struct print_out *, struct print_job *);
void	 xlsxw_text(struct xlsxw *, const char *);
void	 xlsxw_money(struct xlsxw *, int64_t);
void	 xlsxw_int(struct xlsxw *, int64_t);
void	 xlsxw_end(struct xlsxw *);
int	 xlsxw_free(struct xlsxw **);

#endif
