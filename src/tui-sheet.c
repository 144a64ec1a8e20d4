/*
 * tui-sheet.c: a sheet on the screen, read-only (issue 12 item 3): the
 * cells of a CSV (a print previewed, a file of the outbox; action-sheet.c
 * reads them) as columns under the sheet's first row, which stays on top.
 * Up/Down/PgUp/PgDn scroll the rows, Left/Right the columns of a wide
 * sheet; a cell wider than its column is cut with tui-cols.c's mark.
 */
#include <stdlib.h>
#include <string.h>

#include "tui.h"

#define SHEET_COL_MAX	24	/* columns of a cell at most */

struct sview {
	struct sheet	 sh;
	int		*width;		/* per column */
	int		 top;		/* first body row shown (1..) */
	int		 left;		/* first column shown */
	int		 rows;		/* body rows on screen, last drawn */
	char		 where[300];	/* the file, or that there is none */
};

static const char *
cell(const struct sheet *sh, size_t r, size_t c)
{
	return r < sh->nrows && c < sh->ncell[r] ? sh->cell[r][c] : "";
}

static void
sheet_draw(struct tui *t, struct screen *scr)
{
	struct sview	*v = scr->data;
	char		 line[256];
	size_t		 c, r, last = (size_t)v->left;
	int		 x, w, y;

	/* the header on line 3, the rows under it, the counts on lines-3 */
	v->rows = t->lines - 7;
	t->cy = t->cx = -1;
	tui_put(1, 1, v->where, t->cols - 2);
	for (y = 0; y <= v->rows; y++) {
		r = y == 0 ? 0 : (size_t)(v->top + y - 1);
		if (r >= v->sh.nrows)
			break;
		if (y == 0)
			tui_attr_on(t, TA_HEAD);
		for (c = (size_t)v->left, x = 1; c < v->sh.ncols; c++) {
			w = v->width[c];
			if (x + w > t->cols - 1) {
				if (c != (size_t)v->left)
					break;
				w = t->cols - 1 - x;
			}
			tcols_put(3 + y, x, cell(&v->sh, r, c), w);
			x += w + 1;
			if (c > last)
				last = c;
		}
		if (y == 0)
			tui_attr_off(t, TA_HEAD);
	}
	if (v->sh.nrows <= 1) {
		tui_put(4, 1, "（没有数据行）", t->cols - 2);
		return;
	}
	xsnprintf(line, sizeof line, "第 %d-%d 行，共 %zu 行；第 %d-%zu 列，共 %zu 列%s",
	    v->top, v->top + v->rows - 1 < (int)v->sh.nrows - 1 ?
	    v->top + v->rows - 1 : (int)v->sh.nrows - 1, v->sh.nrows - 1,
	    v->left + 1, last + 1, v->sh.ncols, v->sh.cut ?
	    "（太长，只显示前面部分）" : "");
	tui_put(t->lines - 3, 1, line, t->cols - 2);
}

static int
sheet_move(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct sview	*v = scr->data;
	int		 page = v->rows > 1 ? v->rows - 1 : 1;
	int		 maxtop = (int)v->sh.nrows - v->rows;

	(void)t;
	switch (k->k) {
	case TK_UP:	v->top--; break;
	case TK_DOWN:	v->top++; break;
	case TK_PGUP:	v->top -= page; break;
	case TK_PGDN:	v->top += page; break;
	case TK_HOME:	v->top = 1; v->left = 0; break;
	case TK_END:	v->top = maxtop; break;
	case TK_LEFT:	v->left--; break;
	case TK_RIGHT:	v->left++; break;
	default:	break;
	}
	if (v->top > maxtop)
		v->top = maxtop;
	if (v->top < 1)
		v->top = 1;
	if (v->left >= (int)v->sh.ncols)
		v->left = (int)v->sh.ncols - 1;
	if (v->left < 0)
		v->left = 0;
	return SK_STAY;
}

static int
sheet_back(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)t;
	(void)scr;
	(void)k;
	return SK_POP;
}

static const struct tbind sheet_rows[] = {
	{ { { TK_UP, 0 }, { TK_DOWN, 0 }, { TK_PGUP, 0 }, { TK_PGDN, 0 } },
	    sheet_move, "↑↓ PgUp PgDn 翻行", 0 },
	{ { { TK_LEFT, 0 }, { TK_RIGHT, 0 } }, sheet_move, "←→ 左右", 0 },
	{ { { TK_HOME, 0 }, { TK_END, 0 } }, sheet_move, NULL, TB_HIDE },
	{ { { TK_F10, 0 }, { TK_ESC, 0 }, { TK_ENTER, 0 } }, sheet_back,
	    "F10 返回", 0 },
};
const struct tkeys sheet_keys = TKEYS("sheet", sheet_rows);

static void
sheet_free_screen(struct screen *scr)
{
	struct sview *v = scr->data;

	sheet_free(&v->sh);
	free(v->width);
	free(v);
	free(scr);
}

static const struct screen_type sheet_type = {
	"sheet", sheet_draw, tkeys_key, NULL, sheet_free_screen, 0
};

/* A screen showing sh (taken over) under title; where names its file. */
struct screen *
sheet_screen_new(const char *title, const char *where, struct sheet *sh)
{
	struct screen	*scr = xcalloc(1, sizeof *scr);
	struct sview	*v = xcalloc(1, sizeof *v);
	size_t		 r, c;
	int		 w;

	v->sh = *sh;
	memset(sh, 0, sizeof *sh);
	v->width = xcalloc(v->sh.ncols + 1, sizeof *v->width);
	for (c = 0; c < v->sh.ncols; c++) {
		v->width[c] = 2;
		for (r = 0; r < v->sh.nrows; r++) {
			w = tui_text_width(cell(&v->sh, r, c));
			if (w > v->width[c])
				v->width[c] = w > SHEET_COL_MAX ?
				    SHEET_COL_MAX : w;
		}
	}
	v->top = 1;
	strlcpy0(v->where, where, sizeof v->where);
	scr->type = &sheet_type;
	scr->data = v;
	tkeys_use(scr, &sheet_keys);
	strlcpy0(scr->title, title, sizeof scr->title);
	return scr;
}
