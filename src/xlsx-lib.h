/*
 * xlsx-lib.h: libxlsxwriter, loaded when a sheet is first written as
 * xlsx. Like libssh (ssh-lib.h), it is not linked: it brings libcrypto
 * and minizip with it, which every batch command would otherwise load at
 * start. print-xlsx.c includes this header instead of xlsxwriter.h; its
 * calls go through a table that xlsx-lib.c fills from the library, the
 * declarations being the library's own (typeof). xlsx_lib_load() must
 * have succeeded before any of them is called.
 */
#ifndef NJBT_XLSX_LIB_H
#define NJBT_XLSX_LIB_H

#include <stddef.h>
#include <xlsxwriter.h>

#define XLSX_LIB_SONAME	"libxlsxwriter.so.4"

#define XLSX_LIB_FUNCS(X) \
	X(format_set_align) \
	X(format_set_bold) \
	X(format_set_border) \
	X(format_set_bottom) \
	X(format_set_font_name) \
	X(format_set_font_size) \
	X(format_set_num_format) \
	X(format_set_text_wrap) \
	X(format_set_top) \
	X(workbook_add_format) \
	X(workbook_add_worksheet) \
	X(workbook_close) \
	X(workbook_new_opt) \
	X(worksheet_center_horizontally) \
	X(worksheet_fit_to_pages) \
	X(worksheet_merge_range) \
	X(worksheet_repeat_rows) \
	X(worksheet_set_column) \
	X(worksheet_set_h_pagebreaks) \
	X(worksheet_set_landscape) \
	X(worksheet_set_margins) \
	X(worksheet_set_paper) \
	X(worksheet_set_row) \
	X(worksheet_write_blank) \
	X(worksheet_write_number) \
	X(worksheet_write_string) \
	/* end */

struct xlsx_lib {
#define XLSX_LIB_PTR(f)	__typeof__(f) *f;
	XLSX_LIB_FUNCS(XLSX_LIB_PTR)
#undef XLSX_LIB_PTR
};

/* xlsx-lib.c: 0 when the library is loaded (once), else -1 and why */
int	 xlsx_lib_load(char *, size_t);
extern struct xlsx_lib xlsx_lib;

/* every call below goes through the table (not in xlsx-lib.c) */
#ifndef XLSX_LIB_FILL
#define format_set_align	(xlsx_lib.format_set_align)
#define format_set_bold	(xlsx_lib.format_set_bold)
#define format_set_border	(xlsx_lib.format_set_border)
#define format_set_bottom	(xlsx_lib.format_set_bottom)
#define format_set_font_name	(xlsx_lib.format_set_font_name)
#define format_set_font_size	(xlsx_lib.format_set_font_size)
#define format_set_num_format	(xlsx_lib.format_set_num_format)
#define format_set_text_wrap	(xlsx_lib.format_set_text_wrap)
#define format_set_top	(xlsx_lib.format_set_top)
#define workbook_add_format	(xlsx_lib.workbook_add_format)
#define workbook_add_worksheet	(xlsx_lib.workbook_add_worksheet)
#define workbook_close	(xlsx_lib.workbook_close)
#define workbook_new_opt	(xlsx_lib.workbook_new_opt)
#define worksheet_center_horizontally	(xlsx_lib.worksheet_center_horizontally)
#define worksheet_fit_to_pages	(xlsx_lib.worksheet_fit_to_pages)
#define worksheet_merge_range	(xlsx_lib.worksheet_merge_range)
#define worksheet_repeat_rows	(xlsx_lib.worksheet_repeat_rows)
#define worksheet_set_column	(xlsx_lib.worksheet_set_column)
#define worksheet_set_h_pagebreaks	(xlsx_lib.worksheet_set_h_pagebreaks)
#define worksheet_set_landscape	(xlsx_lib.worksheet_set_landscape)
#define worksheet_set_margins	(xlsx_lib.worksheet_set_margins)
#define worksheet_set_paper	(xlsx_lib.worksheet_set_paper)
#define worksheet_set_row	(xlsx_lib.worksheet_set_row)
#define worksheet_write_blank	(xlsx_lib.worksheet_write_blank)
#define worksheet_write_number	(xlsx_lib.worksheet_write_number)
#define worksheet_write_string	(xlsx_lib.worksheet_write_string)
#endif /* XLSX_LIB_FILL */

#endif
