/*
 * tui-draw.c: drawing into curses' virtual screen: UTF-8 text clipped to a
 * number of columns without ever splitting a wide character, the frame
 * every screen shares (title line, message line, key line) and the few
 * attributes used when colour is on. Plain mode uses no attributes at all:
 * every screen is usable without them and costs fewer bytes.
 */
#include <string.h>

#include "tui.h"

/* tui_put hands curses code points as wide characters */
#ifndef __STDC_ISO_10646__
#error "wchar_t is not a Unicode code point here"
#endif

/*
 * How many bytes of s fit in maxcols columns (whole characters; none
 * after a control character); the columns they take in *cols (may be
 * NULL). With wbuf, their code points too, at most wcap, *nw of them.
 */
static size_t
tui_fit_wide(const char *s, int maxcols, int *cols, wchar_t *wbuf,
    int wcap, int *nw)
{
	uint32_t	 cp;
	size_t		 n = strlen(s), k, bytes = 0;
	int		 used = 0, w, got = 0;

	while (bytes < n && (wbuf == NULL || got < wcap)) {
		if ((k = utf8_decode(s + bytes, n - bytes, &cp)) == 0)
			break;
		w = cp_width(cp);
		if (w < 0 || used + w > maxcols)
			break;
		used += w;
		bytes += k;
		if (wbuf != NULL)
			wbuf[got++] = (wchar_t)cp;
	}
	if (cols != NULL)
		*cols = used;
	if (nw != NULL)
		*nw = got;
	return bytes;
}

static size_t
tui_fit(const char *s, int maxcols, int *cols)
{
	return tui_fit_wide(s, maxcols, cols, NULL, 0, NULL);
}

/*
 * Draw what of s fits in maxcols columns at (y, x); the columns it takes.
 * Curses is handed wide characters (wchar_t is a code point in glibc,
 * and the screens run in C.UTF-8): given UTF-8 bytes it decodes them
 * again, byte by byte, a fifth of a list's redraw.
 */
int
tui_put(int y, int x, const char *s, int maxcols)
{
	wchar_t	 wbuf[1024];	/* a line of the widest terminal */
	int	 used, nw;

	tui_fit_wide(s, maxcols, &used, wbuf,
	    (int)(sizeof wbuf / sizeof wbuf[0]), &nw);
	if (nw > 0)
		mvaddnwstr(y, x, wbuf, nw);
	else
		move(y, x);
	return used;
}

/* Draw n code points at (y, x); the columns they take. */
int
tui_put_cps(int y, int x, const uint32_t *cps, int n)
{
	wchar_t	wbuf[1024];
	int	i, w, cols = 0;

	for (i = 0; i < n && i < (int)(sizeof wbuf / sizeof wbuf[0]); i++) {
		wbuf[i] = (wchar_t)cps[i];
		if ((w = cp_width(cps[i])) > 0)
			cols += w;
	}
	mvaddnwstr(y, x, wbuf, i);
	return cols;
}

void
tui_fill(int y, int x, int n)
{
	move(y, x);
	while (n-- > 0)
		addch(' ');
}

int
tui_text_width(const char *s)
{
	int w = utf8_width(s);

	return w < 0 ? 0 : w;
}

static const struct {
	attr_t	 attr;
	short	 pair;
} tui_attrs[] = {
	[TA_TITLE] =	{ A_REVERSE, 1 },
	[TA_ERROR] =	{ A_BOLD, 2 },
	[TA_FIELD] =	{ A_NORMAL, 0 },
	[TA_SELECT] =	{ A_REVERSE, 0 },
	[TA_HEAD] =	{ A_BOLD, 0 },
};

void
tui_attr_on(struct tui *t, int a)
{
	if (!t->colour)
		return;
	attron(tui_attrs[a].attr);
	if (tui_attrs[a].pair)
		attron(COLOR_PAIR(tui_attrs[a].pair));
}

void
tui_attr_off(struct tui *t, int a)
{
	if (!t->colour)
		return;
	attroff(tui_attrs[a].attr);
	if (tui_attrs[a].pair)
		attroff(COLOR_PAIR(tui_attrs[a].pair));
}

/*
 * The frame: line 0 the system, the screen and who is logged in; the
 * second last line the message; the last line the keys of this screen.
 */
/*
 * Issue 12 (3): a message cut for a second line is not cut inside a path
 * or a number (an ASCII word: /outbox/NAME): the word goes down whole
 * when it fits there.
 */
static size_t
msg_cut(const char *msg, size_t cut, int w)
{
	size_t	k = cut;

	if (msg[cut] == '\0' || msg[cut] == ' ' || (unsigned char)msg[cut] >=
	    0x80)
		return cut;
	while (k > 0 && msg[k - 1] != ' ' && (unsigned char)msg[k - 1] < 0x80)
		k--;
	return k > 0 && tui_text_width(msg + k) <= w ? k : cut;
}

void
tui_frame(struct tui *t, const struct screen *s)
{
	char	right[NJ_NAME_MAX * 2], head[NJ_MSG_MAX];
	size_t	cut;
	int	x = 1, w, more = 0;

	tui_attr_on(t, TA_TITLE);
	tui_fill(0, 0, t->cols);
	/* a long name (a company's) gives way to the login */
	xsnprintf(right, sizeof right, "%s（%s%s%s）", tui_text_width(
	    t->who->name) > 12 ? t->who->login : t->who->name,
	    role_label(t->who->role), t->who->post[0] ? "，" : "",
	    action_post_label(t->who));
	w = tui_text_width(right);
	x += tui_put(0, x, "农机购置补贴信息管理系统", t->cols - 2);
	x += 1 + tui_put(0, x + 1, "|", 1);
	x += 1 + tui_put(0, x + 1, s->title, t->cols - x - w - 4);
	if (x + 2 < t->cols - w - 1)
		tui_put(0, t->cols - w - 1, right, w);
	tui_attr_off(t, TA_TITLE);
	if (t->msg[0] != '\0') {
		if (t->msgerr)
			tui_attr_on(t, TA_ERROR);
		cut = msg_cut(t->msg, tui_fit(t->msg, t->cols - 2, NULL), t->cols - 2);
		xsnprintf(head, sizeof head, "%.*s", (int)cut, t->msg);
		tui_put(t->lines - (s->compact ? 1 : 2), 1, s->compact ?
		    t->msg : head, t->cols - 2);
		/* issue 11 (5): what was done, with both amounts, may need a
		 * second line: the key line's until the next key */
		if (!s->compact && t->msg[cut] != '\0') {
			tui_fill(t->lines - 1, 0, t->cols);
			tui_put(t->lines - 1, 1, t->msg + cut, t->cols - 2);
			more = 1;
		}
		if (t->msgerr)
			tui_attr_off(t, TA_ERROR);
	}
	if (s->keys != NULL && !more && !(s->compact && t->msg[0] != '\0'))
		tui_put(t->lines - 1, 1, s->keys, t->cols - 2);
}

/* The column where the character covering column x of row y starts. */
static int
tui_cell_start(int y, int x)
{
	cchar_t	 cc;
	wchar_t	 wc[CCHARW_MAX + 1];
	attr_t	 a;
	short	 pair;
	int	 c = 0, w;

	while (c < x) {
		w = 1;
		if (mvin_wch(y, c, &cc) != ERR &&
		    getcchar(&cc, wc, &a, &pair, NULL) != ERR && wc[0] != 0 &&
		    (w = cp_width((uint32_t)wc[0])) < 1)
			w = 1;
		if (c + w > x)
			return c;
		c += w;
	}
	return x;
}

/*
 * A box of h rows and w columns at (y, x), blank inside, with an ASCII
 * border; records it in t so that the rows are sent again when it
 * closes (tui-main.c). A wide character of the screen beneath that a
 * border would cut in half is blanked whole, so that no terminal is left
 * to guess what half a character looks like.
 */
void
tui_box(struct tui *t, int y, int x, int h, int w)
{
	int i, left, right;

	for (i = 0; i < h; i++) {
		left = tui_cell_start(y + i, x);
		right = x + w < t->cols ? tui_cell_start(y + i, x + w) : x + w;
		if (left < x)
			tui_fill(y + i, left, x - left);
		tui_fill(y + i, x, w);
		if (right < x + w)	/* a wide character across the edge */
			tui_fill(y + i, x + w, 1);
		mvaddch(y + i, x, i == 0 || i == h - 1 ? '+' : '|');
		mvaddch(y + i, x + w - 1, i == 0 || i == h - 1 ? '+' : '|');
	}
	for (i = 1; i < w - 1; i++) {
		mvaddch(y, x + i, '-');
		mvaddch(y + h - 1, x + i, '-');
	}
	t->box_y = y;
	t->box_h = h;
}
