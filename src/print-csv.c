/*
 * print-csv.c: the streaming CSV writer of the printers (print.h). Cells
 * are added one by one and a record is converted to its encoding and
 * written when it ends, so a sheet of any length needs the memory of one
 * record; text cells are guarded against formula injection.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "print.h"

static const struct encoding {
	const char	*name;
	const char	*iconv;		/* NULL: UTF-8 as stored */
	int		 bom;
} encodings[] = {
	{ "utf-8-bom",	NULL,		1 },	/* the default */
	{ "utf-8",	NULL,		0 },
	{ "gb18030",	"GB18030",	0 },
};
#define NENCODINGS (sizeof encodings / sizeof encodings[0])

struct csvw {
	struct print_out	*out;
	const struct encoding	*enc;
	iconv_t			 cd;
	char			*rec;		/* the record being built */
	size_t			 len;
	size_t			 cap;
	size_t			 cells;
	int			 started;	/* the BOM is out */
	int			 err;
	struct xlsxw		*x;		/* xlsx: the cells go there */
};

/* The index of an encoding by name (NULL: the default), or -1. */
int
csvw_encoding(const char *name)
{
	size_t i;

	if (name == NULL || *name == '\0')
		return 0;
	for (i = 0; i < NENCODINGS; i++)
		if (strcmp(encodings[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* A writer onto out; NULL if the encoding is unknown or unavailable. */
struct csvw *
csvw_new(struct print_out *out, const char *encoding)
{
	struct csvw	*w;
	int		 e = csvw_encoding(encoding);

	if (e < 0)
		return NULL;
	w = xcalloc(1, sizeof *w);
	w->out = out;
	w->enc = &encodings[e];
	w->cd = (iconv_t)-1;
	if (w->enc->iconv != NULL &&
	    (w->cd = iconv_open(w->enc->iconv, "UTF-8")) == (iconv_t)-1) {
		free(w);
		return NULL;
	}
	return w;
}

/* A writer whose records go into an xlsx sheet (print-xlsx.c). */
struct csvw *
csvw_xlsx(struct print_out *out, struct print_job *j)
{
	struct csvw	*w;
	struct xlsxw	*x = xlsxw_new(out, j);

	if (x == NULL)
		return NULL;
	w = xcalloc(1, sizeof *w);
	w->out = out;
	w->enc = &encodings[0];
	w->cd = (iconv_t)-1;
	w->x = x;
	return w;
}

static void
rec_add(struct csvw *w, const char *p, size_t n)
{
	if (w->len + n + 1 > w->cap) {
		w->cap = (w->len + n + 1) * 2;
		if ((w->rec = realloc(w->rec, w->cap)) == NULL)
			abort();
	}
	memcpy(w->rec + w->len, p, n);
	w->len += n;
}

/*
 * One cell. A text cell that a spreadsheet would run as a formula (it
 * starts with = + - @, a tab or a CR) gets a leading apostrophe; a cell
 * with a comma, quote or line break is quoted, its quotes doubled
 * (RFC 4180).
 */
static void
csvw_cell(struct csvw *w, const char *s, int guard)
{
	const char	*q;
	int		 quote = strpbrk(s, ",\"\r\n") != NULL;

	if (w->cells++ > 0)
		rec_add(w, ",", 1);
	if (quote)
		rec_add(w, "\"", 1);
	if (guard && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL)
		rec_add(w, "'", 1);
	while ((q = strchr(s, '"')) != NULL) {
		rec_add(w, s, (size_t)(q - s) + 1);
		rec_add(w, "\"", 1);
		s = q + 1;
	}
	rec_add(w, s, strlen(s));
	if (quote)
		rec_add(w, "\"", 1);
}

void
csvw_text(struct csvw *w, const char *s)
{
	if (w->x != NULL) {
		xlsxw_text(w->x, s != NULL ? s : "");
		return;
	}
	csvw_cell(w, s != NULL ? s : "", 1);
}

/* A number we formatted ourselves: never a formula, written as it is. */
void
csvw_number(struct csvw *w, const char *s)
{
	if (w->x != NULL) {
		xlsxw_text(w->x, s);
		return;
	}
	csvw_cell(w, s, 0);
}

/*
 * Digits of v ending at end (not NUL-terminated); the first digit. Money
 * and counts are most of a big sheet's cells: no printf for them.
 */
static char *
csvw_digits(char *end, uint64_t v)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	return end;
}

/* fen as yuan with two decimals, "-" when negative (money_format()). */
void
csvw_money(struct csvw *w, int64_t fen)
{
	char		 buf[32], *p = buf + sizeof buf - 1;
	uint64_t	 mag = fen < 0 ? (uint64_t)0 - (uint64_t)fen :
	    (uint64_t)fen;

	if (w->x != NULL) {
		xlsxw_money(w->x, fen);
		return;
	}
	*p = '\0';
	*--p = (char)('0' + mag % 10);
	*--p = (char)('0' + mag / 10 % 10);
	*--p = '.';
	p = csvw_digits(p, mag / 100);
	if (fen < 0)
		*--p = '-';
	csvw_number(w, p);
}

void
csvw_int(struct csvw *w, int64_t v)
{
	char		 buf[32], *p = buf + sizeof buf - 1;
	uint64_t	 mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	if (w->x != NULL) {
		xlsxw_int(w->x, v);
		return;
	}
	*p = '\0';
	p = csvw_digits(p, mag);
	if (v < 0)
		*--p = '-';
	csvw_number(w, p);
}

static void
csvw_put(struct csvw *w, const char *p, size_t n)
{
	if (n > 0 && !w->err && fwrite(p, 1, n, w->out->fp) != n)
		w->err = 1;
}

/*
 * Write the record in the writer's encoding. GB18030 encodes every
 * Unicode character; a byte sequence that is not UTF-8 (which the actions
 * never store) becomes '?'.
 */
static void
csvw_flush(struct csvw *w)
{
	char	 out[4096], *in = w->rec, *o;
	size_t	 inleft = w->len, outleft;

	if (!w->started) {
		w->started = 1;
		if (w->out->fp == NULL && (w->out->open == NULL ||
		    w->out->open(w->out) != 0 || w->out->fp == NULL)) {
			w->err = 1;
			return;
		}
		if (w->enc->bom)
			csvw_put(w, "\xef\xbb\xbf", 3);
	}
	if (w->cd == (iconv_t)-1) {
		csvw_put(w, w->rec, w->len);
		return;
	}
	while (inleft > 0) {
		o = out;
		outleft = sizeof out;
		if (iconv(w->cd, &in, &inleft, &o, &outleft) == (size_t)-1 &&
		    errno != E2BIG) {
			/* skip one bad character */
			in++;
			inleft--;
			while (inleft > 0 && ((unsigned char)*in & 0xc0) == 0x80) {
				in++;
				inleft--;
			}
			if (outleft > 0) {
				*o++ = '?';
				outleft--;
			}
		}
		csvw_put(w, out, (size_t)(o - out));
	}
}

/* End the record: CRLF, then out it goes. */
void
csvw_end(struct csvw *w)
{
	if (w->x != NULL) {
		xlsxw_end(w->x);
		return;
	}
	rec_add(w, "\r\n", 2);
	csvw_flush(w);
	w->len = 0;
	w->cells = 0;
}

/* Free the writer (not its file); -1 if anything failed to be written. */
int
csvw_free(struct csvw **wp)
{
	struct csvw	*w = *wp;
	int		 rc;

	if (w == NULL)
		return 0;
	if (w->x != NULL)
		w->err |= xlsxw_free(&w->x) != 0;
	rc = w->err || (w->out->fp != NULL && (fflush(w->out->fp) != 0 ||
	    ferror(w->out->fp))) ? -1 : 0;
	if (w->cd != (iconv_t)-1)
		iconv_close(w->cd);
	free(w->rec);
	free(w);
	*wp = NULL;
	return rc;
}
