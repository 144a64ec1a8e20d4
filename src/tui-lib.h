/*
 * tui-lib.h: ncursesw, loaded when the screens first need it. Only the
 * screens (`njbt tui`, the server's sessions) draw on a terminal, and
 * loading libncursesw and libtinfo costs every batch command (`njbt do`,
 * `njbt list` ...) time at start; so njbt is not linked with them (as with
 * libssh, ssh-lib.h): tui.h includes this header instead of curses.h, and
 * every curses function the tui-* files call goes through a pointer that
 * tui-lib.c fills from libncursesw.so.6 on the first call. The
 * declarations are curses' own (typeof), so the compiler checks every call
 * as before. A function used by the screens must be listed in
 * TUI_LIB_FUNCS, a variable in TUI_LIB_VARS (the link fails if it is not).
 */
#ifndef NJBT_TUI_LIB_H
#define NJBT_TUI_LIB_H

#include <curses.h>

#define TUI_LIB_SONAME	"libncursesw.so.6"

#define TUI_LIB_FUNCS(X) \
	X(clearok) \
	X(curs_set) \
	X(define_key) \
	X(delscreen) \
	X(doupdate) \
	X(endwin) \
	X(getcchar) \
	X(has_colors) \
	X(init_pair) \
	X(keypad) \
	X(meta) \
	X(newterm) \
	X(noecho) \
	X(nonl) \
	X(raw) \
	X(set_escdelay) \
	X(set_term) \
	X(start_color) \
	X(tigetstr) \
	X(ungetch) \
	X(use_default_colors) \
	X(waddch) \
	X(waddnstr) \
	X(waddnwstr) \
	X(wattr_off) \
	X(wattr_on) \
	X(werase) \
	X(wgetch) \
	X(win_wch) \
	X(wmove) \
	X(wnoutrefresh) \
	X(wredrawln) \
	X(wtimeout) \
	/* end */
#define TUI_LIB_VARS(X) \
	X(curscr) \
	X(stdscr) \
	/* end */

struct tui_lib {
#define TUI_LIB_PTR(f)	__typeof__(f) *f;
	TUI_LIB_FUNCS(TUI_LIB_PTR)
	TUI_LIB_VARS(TUI_LIB_PTR)
#undef TUI_LIB_PTR
};

/* tui-lib.c: the table, filled on first use (exits if it cannot be) */
const struct tui_lib *tui_lib(void);

/*
 * every call below goes through the table (not in tui-lib.c, which fills
 * it); function-like, so that a member or variable named like a curses
 * function (raw, meta) is left alone
 */
#ifndef TUI_LIB_FILL
#define clearok(...)	(tui_lib()->clearok)(__VA_ARGS__)
#define curs_set(...)	(tui_lib()->curs_set)(__VA_ARGS__)
#define define_key(...)	(tui_lib()->define_key)(__VA_ARGS__)
#define delscreen(...)	(tui_lib()->delscreen)(__VA_ARGS__)
#define doupdate(...)	(tui_lib()->doupdate)(__VA_ARGS__)
#define endwin(...)	(tui_lib()->endwin)(__VA_ARGS__)
#define getcchar(...)	(tui_lib()->getcchar)(__VA_ARGS__)
#define has_colors(...)	(tui_lib()->has_colors)(__VA_ARGS__)
#define init_pair(...)	(tui_lib()->init_pair)(__VA_ARGS__)
#define keypad(...)	(tui_lib()->keypad)(__VA_ARGS__)
#define meta(...)	(tui_lib()->meta)(__VA_ARGS__)
#define newterm(...)	(tui_lib()->newterm)(__VA_ARGS__)
#define noecho(...)	(tui_lib()->noecho)(__VA_ARGS__)
#define nonl(...)	(tui_lib()->nonl)(__VA_ARGS__)
#define raw(...)	(tui_lib()->raw)(__VA_ARGS__)
#define set_escdelay(...)	(tui_lib()->set_escdelay)(__VA_ARGS__)
#define set_term(...)	(tui_lib()->set_term)(__VA_ARGS__)
#define start_color(...)	(tui_lib()->start_color)(__VA_ARGS__)
#define tigetstr(...)	(tui_lib()->tigetstr)(__VA_ARGS__)
#define ungetch(...)	(tui_lib()->ungetch)(__VA_ARGS__)
#define use_default_colors(...)	(tui_lib()->use_default_colors)(__VA_ARGS__)
#define waddch(...)	(tui_lib()->waddch)(__VA_ARGS__)
#define waddnstr(...)	(tui_lib()->waddnstr)(__VA_ARGS__)
#define waddnwstr(...)	(tui_lib()->waddnwstr)(__VA_ARGS__)
#define wattr_off(...)	(tui_lib()->wattr_off)(__VA_ARGS__)
#define wattr_on(...)	(tui_lib()->wattr_on)(__VA_ARGS__)
#define werase(...)	(tui_lib()->werase)(__VA_ARGS__)
#define wgetch(...)	(tui_lib()->wgetch)(__VA_ARGS__)
#define win_wch(...)	(tui_lib()->win_wch)(__VA_ARGS__)
#define wmove(...)	(tui_lib()->wmove)(__VA_ARGS__)
#define wnoutrefresh(...)	(tui_lib()->wnoutrefresh)(__VA_ARGS__)
#define wredrawln(...)	(tui_lib()->wredrawln)(__VA_ARGS__)
#define wtimeout(...)	(tui_lib()->wtimeout)(__VA_ARGS__)
#define curscr	(*tui_lib()->curscr)
#define stdscr	(*tui_lib()->stdscr)
#endif /* TUI_LIB_FILL */

#endif
