/*
 * tui-edit.h: the pure parts of the screens' text entry, no curses.
 *
 * struct ledit is a one-line editor over Unicode code points, measured in
 * terminal columns (cp_width of text.c): a combining mark travels with its
 * base character, and ledit_view() says what to draw in a field of a given
 * width, scrolled so that the cursor shows and no wide character is cut.
 * ledit_diff() says which columns of a field changed between two views, so
 * that the screen redraws only those (bytes count on slow links).
 *
 * struct u8in turns the bytes typed by the user into code points, one byte
 * at a time, and reports malformed UTF-8 (a GBK client) instead of storing
 * it.
 */
#ifndef NJBT_TUI_EDIT_H
#define NJBT_TUI_EDIT_H

#include <stdint.h>

/*
 * A line editor. Its text never begins with a zero-width character and its
 * cursor (a code point index) is always at the start of a character, never
 * between a base and its combining marks.
 */
struct ledit;

/* Room that ledit_view() needs in out: a space per column, plus marks. */
#define LEDIT_VIEWMAX(cols, maxchars)	((cols) + (maxchars))

struct ledit	*ledit_new(int maxchars);
void		 ledit_free(struct ledit **);
int		 ledit_set(struct ledit *, const char *utf8);
char		*ledit_text(const struct ledit *);
int		 ledit_insert(struct ledit *, uint32_t cp);
int		 ledit_backspace(struct ledit *);
int		 ledit_delete(struct ledit *);
int		 ledit_left(struct ledit *);
int		 ledit_right(struct ledit *);
int		 ledit_home(struct ledit *);
int		 ledit_end(struct ledit *);
int		 ledit_kill_line(struct ledit *);
int		 ledit_kill_end(struct ledit *);
/* out needs LEDIT_VIEWMAX(cols, maxchars) code points; -1 if cols < 1 */
int		 ledit_view(struct ledit *, int cols, uint32_t *out, int *nout,
		    int *curcol);
int		 ledit_width(const struct ledit *);
int		 ledit_len(const struct ledit *);
int		 ledit_cursor(const struct ledit *);
/* 0 if the same, else 1: redraw columns from_col <= col < to_col */
int		 ledit_diff(const uint32_t *a, int na, const uint32_t *b,
		    int nb, int *from_col, int *to_col);

/*
 * A UTF-8 input decoder. u8in_feed() returns
 *    1  a code point is ready in *cp (ASCII control bytes, 0x00..0x1F and
 *       0x7F, come out this way too: they are keys, not errors);
 *    0  the byte was taken, more are needed;
 *   -1  malformed: the byte was taken and the partial sequence, if any,
 *       dropped;
 *   -2  malformed: the partial sequence was dropped but the byte was NOT
 *       taken, because it can begin something valid (E4 then 'a': 'a').
 *       Feed the same byte again; the decoder is empty then, so the second
 *       feed never returns -2.
 * Each malformed stretch gives exactly one -1 or -2. GBK text nearly
 * always gives one, but a GBK pair can happen to be valid UTF-8 (中 is
 * D6 D0, and D0 B9 of 中国 decodes as U+0439): on any error, tell the user
 * the terminal is not UTF-8 rather than trust what came near it.
 */
struct u8in {
	uint32_t	 cp;		/* bits of the code point so far */
	int		 have;		/* bytes taken of this sequence */
	int		 need;		/* continuation bytes still to come */
	unsigned char	 lo, hi;	/* allowed range of the next byte */
};

void		 u8in_init(struct u8in *);
int		 u8in_feed(struct u8in *, unsigned char byte, uint32_t *cp);
int		 u8in_pending(const struct u8in *);
void		 u8in_reset(struct u8in *);

#endif
