/*
 * tui-edit.c: the line editor and the UTF-8 input decoder of the screens,
 * pure computation (no curses, no I/O, no globals); tui code draws what
 * these compute. We keep our own editor because the ncurses form library
 * mishandles CJK (DESIGN.md, "Known ground").
 *
 * The editor holds code points. A "character" here is a base code point
 * with the zero-width marks that follow it (cp_width() == 0): the cursor
 * moves over, and backspace and delete remove, a whole character. Widths
 * are terminal columns by cp_width(): 2 for CJK, 1, 0 for marks.
 *
 * Scrolling: when the whole text and the cursor fit in the field it is
 * shown from its start. Otherwise the first visible character stays put
 * while the cursor remains visible, with the character before it when
 * there is hidden text to the left (so backspace never removes what cannot
 * be seen); when the cursor would leave the field, the view jumps so that
 * the cursor lands near the middle of the field, about half a field at a
 * time, so a clerk typing at the end of a long value, or backspacing over
 * it, costs one field redraw per half field, not one per key. The view
 * always begins on a character, so nothing is cut at the left edge; a wide
 * character that would cross the right edge is drawn as spaces.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "tui-edit.h"

struct ledit {
	uint32_t	*cp;		/* the text, len of max code points */
	int		 len;
	int		 max;
	int		 cur;		/* cursor, a code point index */
	int		 off;		/* first visible code point */
};

/* 1 if c is a zero-width code point (a combining mark and the like). */
static int
zerowidth(uint32_t c)
{
	return cp_width(c) == 0;
}

/* Index just past the character that starts at i. */
static int
char_end(const struct ledit *e, int i)
{
	if (i >= e->len)
		return e->len;
	for (i++; i < e->len && zerowidth(e->cp[i]); i++)
		;
	return i;
}

/* Start of the character that ends at i (i > 0). */
static int
char_start(const struct ledit *e, int i)
{
	for (i--; i > 0 && zerowidth(e->cp[i]); i--)
		;
	return i;
}

/* Columns of the code points from a up to b. */
static int
columns(const struct ledit *e, int a, int b)
{
	int	 w = 0;

	for (; a < b; a++)
		w += cp_width(e->cp[a]);
	return w;
}

/* Remove the code points from a up to b, keeping cursor and view on text. */
static void
cut(struct ledit *e, int a, int b)
{
	int	 n = b - a;

	memmove(e->cp + a, e->cp + b, (size_t)(e->len - b) * sizeof(*e->cp));
	e->len -= n;
	if (e->cur >= b)
		e->cur -= n;
	else if (e->cur > a)
		e->cur = a;
	if (e->off >= b)
		e->off -= n;
	else if (e->off > a)
		e->off = a;
}

/* A new empty editor holding at most maxchars code points; NULL if none. */
struct ledit *
ledit_new(int maxchars)
{
	struct ledit	*e;

	if (maxchars < 1 || (size_t)maxchars > SIZE_MAX / sizeof(uint32_t))
		return NULL;
	if ((e = calloc(1, sizeof(*e))) == NULL)
		return NULL;
	if ((e->cp = calloc((size_t)maxchars, sizeof(*e->cp))) == NULL) {
		free(e);
		return NULL;
	}
	e->max = maxchars;
	return e;
}

void
ledit_free(struct ledit **ep)
{
	if (ep == NULL || *ep == NULL)
		return;
	free((*ep)->cp);
	free(*ep);
	*ep = NULL;
}

/*
 * Replace the text by utf8 (NULL is empty), cursor at the end. -1, with the
 * text unchanged, if utf8 is malformed, holds a control character, begins
 * with a zero-width mark (it has no base) or has more than maxchars code
 * points.
 */
int
ledit_set(struct ledit *e, const char *utf8)
{
	const char	*s;
	size_t		 n, k;
	uint32_t	 c;
	int		 pass, len;

	if (utf8 == NULL)
		utf8 = "";
	for (pass = 0; pass < 2; pass++) {
		s = utf8;
		n = strlen(s);
		len = 0;
		while (n > 0) {
			if ((k = utf8_decode(s, n, &c)) == 0)
				return -1;
			if (cp_width(c) < 0 || (len == 0 && zerowidth(c)) ||
			    len == e->max)
				return -1;
			if (pass == 1)
				e->cp[len] = c;
			len++;
			s += k;
			n -= k;
		}
	}
	e->len = e->cur = len;
	e->off = 0;
	return 0;
}

/* Encode c as UTF-8 at o; the number of bytes. */
static size_t
encode(uint32_t c, unsigned char *o)
{
	if (c < 0x80) {
		o[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (unsigned char)(0xC0 | c >> 6);
		o[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (unsigned char)(0xE0 | c >> 12);
		o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | c >> 18);
	o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
	o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
	o[3] = (unsigned char)(0x80 | (c & 0x3F));
	return 4;
}

/* The text as a malloc'ed UTF-8 string; NULL if out of memory. */
char *
ledit_text(const struct ledit *e)
{
	unsigned char	*s;
	size_t		 n = 0;
	int		 i;

	if ((s = malloc((size_t)e->len * 4 + 1)) == NULL)
		return NULL;
	for (i = 0; i < e->len; i++)
		n += encode(e->cp[i], s + n);
	s[n] = '\0';
	return (char *)s;
}

/*
 * Insert c at the cursor and move past it. -1 if c is a control character,
 * a surrogate or beyond U+10FFFF, if the text is full, or if c is a
 * zero-width mark with no character before the cursor to attach to.
 */
int
ledit_insert(struct ledit *e, uint32_t c)
{
	int	 w;

	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) ||
	    (w = cp_width(c)) < 0 || e->len == e->max ||
	    (w == 0 && e->cur == 0))
		return -1;
	memmove(e->cp + e->cur + 1, e->cp + e->cur,
	    (size_t)(e->len - e->cur) * sizeof(*e->cp));
	e->cp[e->cur] = c;
	e->len++;
	if (e->off > e->cur)
		e->off++;
	e->cur++;
	return 0;
}

/* Remove the character before the cursor; 1 if there was one. */
int
ledit_backspace(struct ledit *e)
{
	if (e->cur == 0)
		return 0;
	cut(e, char_start(e, e->cur), e->cur);
	return 1;
}

/* Remove the character under the cursor; 1 if there was one. */
int
ledit_delete(struct ledit *e)
{
	if (e->cur == e->len)
		return 0;
	cut(e, e->cur, char_end(e, e->cur));
	return 1;
}

int
ledit_left(struct ledit *e)
{
	if (e->cur == 0)
		return 0;
	e->cur = char_start(e, e->cur);
	return 1;
}

int
ledit_right(struct ledit *e)
{
	if (e->cur == e->len)
		return 0;
	e->cur = char_end(e, e->cur);
	return 1;
}

int
ledit_home(struct ledit *e)
{
	if (e->cur == 0)
		return 0;
	e->cur = 0;
	return 1;
}

int
ledit_end(struct ledit *e)
{
	if (e->cur == e->len)
		return 0;
	e->cur = e->len;
	return 1;
}

/* Clear the text; 1 if there was any. */
int
ledit_kill_line(struct ledit *e)
{
	if (e->len == 0)
		return 0;
	e->len = e->cur = e->off = 0;
	return 1;
}

/* Remove from the cursor to the end; 1 if there was anything. */
int
ledit_kill_end(struct ledit *e)
{
	if (e->cur == e->len)
		return 0;
	cut(e, e->cur, e->len);
	return 1;
}

/*
 * 1 if a view of cols columns starting at code point off shows the cursor:
 * the whole character under it (a blank at the end of the text), or its
 * first column if that character is wider than the field.
 */
static int
view_fits(const struct ledit *e, int off, int cols)
{
	int	 need;

	if (off > e->cur)
		return 0;
	need = e->cur < e->len ? columns(e, e->cur, char_end(e, e->cur)) : 1;
	if (need > cols)
		need = cols;
	return columns(e, off, e->cur) + need <= cols;
}

/*
 * 1 if a view starting at off can stay: it shows the cursor, and unless it
 * starts at the beginning of the text, the character before the cursor too
 * (what backspace would remove), when the field is wide enough for both.
 */
static int
view_keeps(const struct ledit *e, int off, int cols)
{
	if (!view_fits(e, off, cols))
		return 0;
	return off == 0 || off < e->cur ||
	    !view_fits(e, char_start(e, e->cur), cols);
}

/*
 * The first code point of a new view that puts the cursor about cols / 2
 * columns into the field: the first character starting at or after that
 * point or, when the cursor left by the left edge (left), the last one
 * starting at or before it, for more of what lies left. It begins at least
 * one character before the cursor, then moves right until the cursor fits.
 */
static int
view_scroll(const struct ledit *e, int cols, int left)
{
	int	 target, off, next, col, w;

	target = columns(e, 0, e->cur) - cols / 2;
	for (off = 0, col = 0; off < e->cur; off = next, col += w) {
		next = char_end(e, off);
		w = columns(e, off, next);
		if (left ? col + w > target : col >= target)
			break;
	}
	if (off == e->cur && off > 0)
		off = char_start(e, off);
	while (!view_fits(e, off, cols))
		off = char_end(e, off);
	return off;
}

/*
 * What to draw in a field cols columns wide: the code points in out (room
 * for LEDIT_VIEWMAX(cols, maxchars)), *nout of them, covering exactly cols
 * columns with U+0020 padding and in place of a wide character cut by the
 * right edge; *curcol the cursor's column in the field. The first visible
 * code point, or -1 if cols < 1. Without edits in between, the same view
 * comes again.
 */
int
ledit_view(struct ledit *e, int cols, uint32_t *out, int *nout, int *curcol)
{
	int	 i, j, k, w, n = 0, pos = 0;

	if (cols < 1)
		return -1;
	if (e->off > e->len)
		e->off = e->len;
	if (e->off > 0 && e->off < e->len && zerowidth(e->cp[e->off]))
		e->off = char_start(e, e->off);
	if (ledit_width(e) < cols)
		e->off = 0;
	else if (!view_keeps(e, e->off, cols))
		e->off = view_scroll(e, cols, e->cur <= e->off);
	for (i = e->off; i < e->len; i = j) {
		j = char_end(e, i);
		w = columns(e, i, j);
		if (pos + w > cols)
			break;
		for (k = i; k < j; k++)
			out[n++] = e->cp[k];
		pos += w;
	}
	for (; pos < cols; pos++)
		out[n++] = ' ';
	*nout = n;
	*curcol = columns(e, e->off, e->cur);
	return e->off;
}

/* Display columns of the whole text. */
int
ledit_width(const struct ledit *e)
{
	return columns(e, 0, e->len);
}

int
ledit_len(const struct ledit *e)
{
	return e->len;
}

int
ledit_cursor(const struct ledit *e)
{
	return e->cur;
}

/* Columns of a code point in a view; a stray control counts one. */
static int
view_width(uint32_t c)
{
	int	 w = cp_width(c);

	return w < 0 ? 1 : w;
}

/* Index past the cell (a code point and its marks) at i of the n in v. */
static int
cell_end(const uint32_t *v, int n, int i)
{
	for (i++; i < n && view_width(v[i]) == 0; i++)
		;
	return i;
}

/* Start of the cell that ends at i (i > 0) in v. */
static int
cell_start(const uint32_t *v, int i)
{
	for (i--; i > 0 && view_width(v[i]) == 0; i--)
		;
	return i;
}

/* Columns of the code points from a up to b of v. */
static int
cells_width(const uint32_t *v, int a, int b)
{
	int	 w = 0;

	for (; a < b; a++)
		w += view_width(v[a]);
	return w;
}

/* 1 if the cells a[i..ei) and b[j..ej) are the same. */
static int
same_cell(const uint32_t *a, int i, int ei, const uint32_t *b, int j, int ej)
{
	return ei - i == ej - j &&
	    memcmp(a + i, b + j, (size_t)(ei - i) * sizeof(*a)) == 0;
}

/*
 * Compare two views (of ledit_view) cell by cell: 0 if they are the same,
 * else 1 and the columns to redraw, from_col <= column < to_col. Views of
 * different widths differ up to the wider one's end.
 */
int
ledit_diff(const uint32_t *a, int na, const uint32_t *b, int nb,
    int *from_col, int *to_col)
{
	int	 i = 0, j = 0, ei, ej, from = 0, to, wa, wb;

	for (; i < na && j < nb; i = ei, j = ej) {
		ei = cell_end(a, na, i);
		ej = cell_end(b, nb, j);
		if (!same_cell(a, i, ei, b, j, ej))
			break;
		from += cells_width(a, i, ei);
	}
	if (i == na && j == nb)
		return 0;
	wa = cells_width(a, 0, na);
	wb = cells_width(b, 0, nb);
	if (wa != wb)
		to = wa > wb ? wa : wb;
	else {
		to = wa;
		for (i = na, j = nb; i > 0 && j > 0; i = ei, j = ej) {
			ei = cell_start(a, i);
			ej = cell_start(b, j);
			if (!same_cell(a, ei, i, b, ej, j))
				break;
			to -= cells_width(a, ei, i);
		}
	}
	if (to <= from)
		to = from + 1;	/* only a zero-width mark differs */
	*from_col = from;
	*to_col = to;
	return 1;
}

/*
 * Well-formed UTF-8 lead bytes (Unicode table 3-7): how many continuation
 * bytes follow, the bits kept from the lead, and the range allowed for the
 * first continuation byte, which rules out overlongs, surrogates and code
 * points beyond U+10FFFF as soon as they show.
 */
static const struct u8lead {
	unsigned char	 lo, hi;	/* lead bytes */
	unsigned char	 need;
	unsigned char	 mask;
	unsigned char	 lo1, hi1;	/* first continuation byte */
} u8leads[] = {
	{ 0xC2, 0xDF, 1, 0x1F, 0x80, 0xBF },
	{ 0xE0, 0xE0, 2, 0x0F, 0xA0, 0xBF },
	{ 0xE1, 0xEC, 2, 0x0F, 0x80, 0xBF },
	{ 0xED, 0xED, 2, 0x0F, 0x80, 0x9F },
	{ 0xEE, 0xEF, 2, 0x0F, 0x80, 0xBF },
	{ 0xF0, 0xF0, 3, 0x07, 0x90, 0xBF },
	{ 0xF1, 0xF3, 3, 0x07, 0x80, 0xBF },
	{ 0xF4, 0xF4, 3, 0x07, 0x80, 0x8F },
};

/* The row of u8leads for lead byte b, NULL if b cannot begin a sequence. */
static const struct u8lead *
u8lead(unsigned char b)
{
	size_t	 i;

	for (i = 0; i < sizeof(u8leads) / sizeof(u8leads[0]); i++)
		if (b >= u8leads[i].lo && b <= u8leads[i].hi)
			return &u8leads[i];
	return NULL;
}

void
u8in_init(struct u8in *u)
{
	u8in_reset(u);
}

/* Drop a partial sequence, if any. */
void
u8in_reset(struct u8in *u)
{
	u->cp = 0;
	u->have = u->need = 0;
	u->lo = u->hi = 0;
}

/* Bytes of a partial sequence waiting for the rest; 0 if none. */
int
u8in_pending(const struct u8in *u)
{
	return u->have;
}

/*
 * Take one byte typed by the user; see tui-edit.h for the return values.
 * A byte that breaks off a sequence is handed back (-2) when it is ASCII
 * or a lead byte, and taken (-1) when it could only be malformed itself.
 */
int
u8in_feed(struct u8in *u, unsigned char b, uint32_t *cp)
{
	const struct u8lead	*l;

	if (u->need == 0) {
		if (b < 0x80) {
			*cp = b;
			return 1;
		}
		if ((l = u8lead(b)) == NULL)
			return -1;
		u->cp = b & l->mask;
		u->have = 1;
		u->need = l->need;
		u->lo = l->lo1;
		u->hi = l->hi1;
		return 0;
	}
	if (b < u->lo || b > u->hi) {
		u8in_reset(u);
		return b < 0x80 || u8lead(b) != NULL ? -2 : -1;
	}
	u->cp = u->cp << 6 | (b & 0x3F);
	u->have++;
	u->lo = 0x80;
	u->hi = 0xBF;
	if (--u->need > 0)
		return 0;
	*cp = u->cp;
	u8in_reset(u);
	return 1;
}
