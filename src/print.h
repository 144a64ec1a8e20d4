/*
 * print.h: the printers of the actions layer (SPEC section 6): the sheets
 * the offices sign and publish, as CSV. One table of printers (print.c):
 * name, Chinese title, who may print it, who sees its private columns in
 * clear, which filters it takes, its columns and its function. A printer's
 * function finds what to print (one record by --id, or an area), checks
 * the scope and streams the rows through the helpers below; adding a
 * printer is adding a row, a column table and a function.
 *
 * Included by printer code and action-print.c only; never by the screens
 * or the batch commands (they call print_file() of njbt.h).
 */
#ifndef NJBT_PRINT_H
#define NJBT_PRINT_H

#include <stdio.h>

#include "actions.h"

/*
 * The choices of the print action's fields (action-print.c): one per row
 * of the printer table, and the encodings. Kept beside the table; a unit
 * test checks they agree.
 */
#define PRINT_CHOICES "application:农业机械购置补贴申请表," \
	"notice:指标确认通知书,supply:补贴机具供货与核实表"
#define PRINT_ENCODINGS "utf-8-bom:UTF-8（Excel、WPS）," \
	"utf-8:UTF-8（无BOM）,gb18030:GB18030"

/* Columns: a label (the seed's column name) and how its cell is made. */
#define PC_MONEY	0x01	/* fen, written as yuan with two decimals */
#define PC_PRIVATE	0x02	/* sealed under ad; the next SQL column is
				   its last four, for the masked form */
#define PC_SUM		0x04	/* added up in the totals row (合计) */
#define PC_NUM		0x08	/* a number of ours: written as it is */
#define PC_BLANK	0x10	/* filled by hand on paper: no SQL column */
#define PC_STAMP	0x20	/* the time of printing: no SQL column */

struct print_col {
	const char	*label;
	unsigned	 flags;
	const char	*ad;		/* PC_PRIVATE: "buyers.idno", ... */
};

/* Filters a printer takes; any other given is a usage error. */
#define PF_ID		0x01	/* --id */
#define PF_AREA		0x02	/* --county, --month */
#define PF_BATCH	0x04	/* --batch */

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
};

/* The area to print, from the filters and the printing user's scope. */
struct print_scope {
	char		 county[NJ_REGION_MAX];	/* '' any */
	char		 township[NJ_REGION_MAX];
	char		 city[NJ_REGION_MAX];	/* counties under it */
	int64_t		 dealer;		/* 0 any */
	char		 from[16];		/* --month: first day */
	char		 to[16];		/* first day of the next month */
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

/* print.c: what a printer's function uses */
int	 print_refuse(struct print_job *, const char *, ...)
	     __attribute__((format(printf, 2, 3)));
int	 print_locate(struct print_job *, sqlite3_stmt *, const char *);
sqlite3_stmt *print_area(struct print_job *, enum sql);
int	 print_stream(struct print_job *, sqlite3_stmt *);
void	 print_header(struct print_job *);
void	 print_row(struct print_job *, sqlite3_stmt *);
void	 print_totals(struct print_job *);

/*
 * print.c: the streaming CSV writer. Cells are added one by one and a
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

#endif
