/*
 * print-xlsx.h: the xlsx writer's state, shared by print-xlsx.c (sheets
 * of rows) and print-xlsx-form.c (the per-person forms, one record per
 * page: 004 附表1-4, 003 附件3). Included by those two files only.
 */
#ifndef NJBT_PRINT_XLSX_H
#define NJBT_PRINT_XLSX_H

#include "print.h"
#include "xlsx-lib.h"

/* A cell of a record kept for its form: text, money (fen) or a number. */
struct xlsx_cell {
	int	 kind;			/* 0 text, 1 money, 2 number */
	char	*s;
	int64_t	 v;
};

struct xlsx_form;

struct xlsxw {
	struct print_out	*out;
	const struct print_job	*j;
	lxw_workbook		*wb;
	lxw_worksheet		*ws;
	lxw_format		*f_title, *f_head, *f_text, *f_money, *f_int;
	lxw_format		*f_bold, *f_bmoney, *f_bint, *f_plain;
	lxw_format		*f_htop, *f_hbot;	/* a column's label
							   over two rows */
	char			**hdr;		/* the header's labels */
	int			 levels;	/* header rows: 1 or 2 */
	char			 tmp[64];
	lxw_row_t		 row;
	lxw_col_t		 col;
	lxw_row_t		 head;		/* the header row */
	int			 total;		/* this record is a 合计 */
	int			 err;
	char			 title[512], sub[512];	/* each sheet's */
	/* a per-person form (print-xlsx-form.c); NULL: a sheet of rows */
	const struct xlsx_form	*form;
	struct xlsx_cell	*cells;		/* the record, per column */
	int			 records;	/* records seen, header too */
	int			 pages;		/* forms on this worksheet */
	int			 sheets;	/* worksheets */
	lxw_row_t		*breaks;	/* this worksheet's, 0-ended */
};

/* print-xlsx.c */
lxw_format *xlsx_fmt(lxw_workbook *, int, int, const char *);
double	 xlsx_yuan(int64_t);

/* print-xlsx-form.c */
const struct xlsx_form *xlsx_form_find(const char *);
int	 xlsx_form_start(struct xlsxw *);
void	 xlsx_form_cell(struct xlsxw *, int, const char *, int64_t);
void	 xlsx_form_end(struct xlsxw *);
void	 xlsx_form_finish(struct xlsxw *);
void	 xlsx_form_free(struct xlsxw *);

#endif
