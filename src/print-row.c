/*
 * print-row.c: the rows of a sheet: the header, each row of a statement
 * as the printer's column table says (private columns opened or masked),
 * the totals row (合计).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "print.h"

void
print_header(struct print_job *j)
{
	size_t i;

	for (i = 0; i < j->ncols; i++)
		csvw_text(j->w, j->def->cols[i].label);
	csvw_end(j->w);
}

/*
 * A private cell: opened for those allowed, ***1234 for the others. Its
 * SQL columns are the blob, its last four and the id of its row.
 */
static void
print_private(struct print_job *j, sqlite3_stmt *st, int col,
    const struct print_col *c)
{
	char buf[256];

	if (sqlite3_column_type(st, col) == SQLITE_NULL) {
		csvw_text(j->w, "");
		return;
	}
	if (!j->clear) {
		xsnprintf(buf, sizeof buf, "***%s", sql_col(st, col + 1));
		csvw_text(j->w, buf);
		return;
	}
	/* R-SEC-8.5a issue 8 (5): opened only in the row it was sealed for */
	if (crypt_open(sqlite3_column_blob(st, col),
	    (size_t)sqlite3_column_bytes(st, col), c->ad,
	    sqlite3_column_int64(st, col + 2), buf, sizeof buf) != 0)
		csvw_text(j->w, "（无法解密）");
	else
		csvw_text(j->w, buf);
	memset(buf, 0, sizeof buf);
}

/* One row of the statement, its columns as the printer's table says. */
void
print_row(struct print_job *j, sqlite3_stmt *st)
{
	const struct print_col	*c;
	size_t			 i;
	int64_t			 v;
	int			 col = 0, agg = 0;

	for (i = 0; i < j->ncols; i++) {
		c = &j->def->cols[i];
		if (c->flags & PC_BLANK)
			csvw_text(j->w, "");
		else if (c->flags & PC_STAMP)
			csvw_text(j->w, j->stamp);
		else if (c->flags & PC_SEQ)
			csvw_int(j->w, j->rows + 1);
		else if (c->flags & PC_PRIVATE) {
			print_private(j, st, col, c);
			col += 3;	/* the blob, its last four, its row */
		} else if (c->flags & (PC_MONEY | PC_NUM)) {
			v = sqlite3_column_int64(st, col++);
			if ((c->flags & PC_AGG) && agg < j->nagg)
				v = j->agg[agg++];
			if (c->flags & PC_SUM)
				j->sums[i] += v;
			if (c->flags & PC_MONEY)
				csvw_money(j->w, v);
			else
				csvw_int(j->w, v);
		} else
			csvw_text(j->w, sql_col(st, col++));
	}
	csvw_end(j->w);
	j->rows++;
}

/* The totals row (合计), for printers with columns that add up. */
void
print_totals(struct print_job *j)
{
	const struct print_col	*c;
	size_t			 i;
	int			 any = 0;

	for (i = 0; i < j->ncols; i++)
		any |= (j->def->cols[i].flags & PC_SUM) != 0;
	if (!any)
		return;
	for (i = 0; i < j->ncols; i++) {
		c = &j->def->cols[i];
		if (i == 0)
			csvw_text(j->w, "合计");
		else if (!(c->flags & PC_SUM))
			csvw_text(j->w, "");
		else if (c->flags & PC_MONEY)
			csvw_money(j->w, j->sums[i]);
		else
			csvw_int(j->w, j->sums[i]);
	}
	csvw_end(j->w);
}

/* Header, every row of st as it comes, totals. */
int
print_stream(struct print_job *j, sqlite3_stmt *st)
{
	int rc;

	print_header(j);
	while ((rc = sql_step(st)) == 1)
		print_row(j, st);
	sqlite3_reset(st);
	if (rc < 0)
		return print_dberr(j);
	print_totals(j);
	return NJ_OK;
}
