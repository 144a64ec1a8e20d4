/*
 * tui-keys.c: keys. Bytes come from curses one at a time (wgetch, so that
 * we decode UTF-8 ourselves and can tell a GBK client that its bytes are
 * not UTF-8); escape sequences of the usual terminals become keys through
 * a table, including PuTTY's F1-F4 (ESC[11~ .. ESC[14~) and Home/End,
 * which Debian's xterm terminfo lacks. 0x08, 0x7F and KEY_BACKSPACE are
 * all backspace.
 */
#include <string.h>
#include <time.h>

#include "tui.h"

/* Sequences some clients send that the terminfo entry may not know. */
static const struct {
	const char	*seq;
	int		 key;
} extra_keys[] = {
	{ "\033[11~", KEY_F(1) },  { "\033[12~", KEY_F(2) },
	{ "\033[13~", KEY_F(3) },  { "\033[14~", KEY_F(4) },
	{ "\033OP", KEY_F(1) },    { "\033OQ", KEY_F(2) },
	{ "\033OR", KEY_F(3) },    { "\033OS", KEY_F(4) },
	{ "\033[15~", KEY_F(5) },  { "\033[21~", KEY_F(10) },
	{ "\033[[A", KEY_F(1) },   { "\033[[B", KEY_F(2) },
	{ "\033[[C", KEY_F(3) },   { "\033[[D", KEY_F(4) },
	{ "\033[[E", KEY_F(5) },   { "\033[17~", KEY_F(6) },
	{ "\033[1~", KEY_HOME },   { "\033[4~", KEY_END },
	{ "\033[H", KEY_HOME },    { "\033[F", KEY_END },
	{ "\033OH", KEY_HOME },    { "\033OF", KEY_END },
	{ "\033[7~", KEY_HOME },   { "\033[8~", KEY_END },
	{ "\033[2~", KEY_IC },     { "\033[3~", KEY_DC },
	{ "\033[5~", KEY_PPAGE },  { "\033[6~", KEY_NPAGE },
	{ "\033[Z", KEY_BTAB },
	{ "\033[A", KEY_UP },      { "\033[B", KEY_DOWN },
	{ "\033[C", KEY_RIGHT },   { "\033[D", KEY_LEFT },
	{ "\033OA", KEY_UP },      { "\033OB", KEY_DOWN },
	{ "\033OC", KEY_RIGHT },   { "\033OD", KEY_LEFT },
};

/* What each curses key or control byte means here. */
static const struct {
	int		 in;
	enum tk		 k;
} key_map[] = {
	{ KEY_UP, TK_UP },		{ KEY_DOWN, TK_DOWN },
	{ KEY_LEFT, TK_LEFT },		{ KEY_RIGHT, TK_RIGHT },
	{ KEY_HOME, TK_HOME },		{ KEY_END, TK_END },
	{ KEY_BACKSPACE, TK_BS },	{ KEY_DC, TK_DEL },
	{ KEY_PPAGE, TK_PGUP },		{ KEY_NPAGE, TK_PGDN },
	{ KEY_F(1), TK_F1 },		{ KEY_F(2), TK_F2 },
	{ KEY_F(3), TK_F3 },		{ KEY_F(4), TK_F4 },
	{ KEY_F(5), TK_F5 },		{ KEY_F(10), TK_F10 },
	{ KEY_F(6), TK_TODAY },		{ 0x14, TK_TODAY },
	{ KEY_BTAB, TK_BTAB },		{ KEY_ENTER, TK_ENTER },
	{ KEY_RESIZE, TK_RESIZE },
	{ '\r', TK_ENTER },		{ '\n', TK_ENTER },
	{ '\t', TK_TAB },		{ 0x08, TK_BS },
	{ 0x7f, TK_BS },		{ 0x1b, TK_ESC },
	{ 0x15, TK_KILL },		{ 0x0b, TK_KILLEND },
	{ 0x0c, TK_REDRAW },
};

void
tui_keys_init(void)
{
	size_t i;

	for (i = 0; i < sizeof extra_keys / sizeof extra_keys[0]; i++)
		define_key(extra_keys[i].seq, extra_keys[i].key);
}

int64_t
tui_ms(void)
{
	return clock_ms();
}

/*
 * Read one key. wait_ms < 0 waits for one, but no longer than TUI_TICK_MS
 * (then TK_TICK, so that the session can re-check its user) or the idle
 * limit (TK_IDLE) or t->wake (TK_TICK); 0 does not block. Returns 1 with a key in *k, 0 if
 * nothing is waiting.
 */
int
tui_key(struct tui *t, struct tkey *k, int wait_ms)
{
	uint32_t	cp;
	size_t		i;
	int64_t		start = tui_ms(), left;
	int		c, r, ms = TUI_TICK_MS;

	memset(k, 0, sizeof *k);
	if (t->last_key == 0)
		t->last_key = start;
	if (wait_ms < 0) {
		if (t->idle > 0) {
			left = t->last_key + (int64_t)t->idle * 1000 - start;
			if (left <= 0) {
				k->k = TK_IDLE;
				return 1;
			}
			if (left < ms)
				ms = (int)left;
		}
		/* a screen's wake (tui.h): at least 20 ms, then a tick */
		if (t->wake > 0 && t->wake - start < ms)
			ms = t->wake - start < 20 ? 20 : (int)(t->wake - start);
		wtimeout(stdscr, ms);
	} else
		wtimeout(stdscr, wait_ms);
	c = wgetch(stdscr);
	if (c == ERR) {
		if (wait_ms >= 0)
			return 0;
		/* a wait that ends early: the terminal is gone, or a signal */
		k->k = tui_ms() - start >= ms / 2 ? TK_TICK : TK_EOF;
		return 1;
	}
	t->last_key = tui_ms();
	for (;;) {
		if (c >= KEY_MIN || (c < 0x80 && !u8in_pending(&t->in))) {
			if (u8in_pending(&t->in)) {
				/* a key in the middle of a character */
				u8in_reset(&t->in);
				k->k = TK_BADUTF8;
				return 1;
			}
			for (i = 0; i < sizeof key_map / sizeof key_map[0]; i++)
				if (key_map[i].in == c) {
					k->k = key_map[i].k;
					return 1;
				}
			if (c >= 0x20 && c < 0x7f) {
				k->k = TK_CHAR;
				k->ch = (uint32_t)c;
				return 1;
			}
			return 0;	/* a key we do not use */
		}
		r = u8in_feed(&t->in, (unsigned char)c, &cp);
		if (r == 1) {
			k->k = TK_CHAR;
			k->ch = cp;
			return 1;
		}
		if (r == -1 || r == -2) {
			u8in_reset(&t->in);
			k->k = TK_BADUTF8;
			if (r == -2 && c < 0x80) {
				ungetch(c);	/* an ASCII key after a bad byte */
				return 1;
			}
			/* swallow the rest of the bad stretch */
			wtimeout(stdscr, 30);
			while ((c = wgetch(stdscr)) != ERR && c >= 0x80 &&
			    c < KEY_MIN)
				;
			if (c != ERR)
				ungetch(c);
			return 1;
		}
		/* more bytes of this character should follow at once */
		wtimeout(stdscr, 200);
		if ((c = wgetch(stdscr)) == ERR) {
			u8in_reset(&t->in);
			k->k = TK_BADUTF8;
			return 1;
		}
	}
}
