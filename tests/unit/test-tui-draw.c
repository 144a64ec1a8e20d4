/*
 * test-tui-draw.c: the boxes of questions and choices (tui-draw.c's
 * tui_box, issue 11 item 7) on a curses screen that writes to /dev/null.
 * A border that would cut a CJK character in half blanks the whole
 * character, on the left edge and on the right, and leaves the
 * characters it does not touch as they were; the box is recorded so
 * that its rows are sent again when it closes. Text (tui_put, which
 * hands curses wide characters) lands in the cells its widths say, is cut
 * before a wide character that would not fit, and stops at a control
 * character or at bytes that are not UTF-8: an escape sequence in a
 * stored name never reaches the terminal, and a text longer than any
 * line (wide characters, or combining marks that take no column)
 * overflows nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tui.h"

/* The character at (y, x) of the virtual screen. */
static wchar_t
at(int y, int x)
{
	cchar_t	 cc;
	wchar_t	 wc[CCHARW_MAX + 1];
	attr_t	 a;
	short	 pair;

	assert_int_not_equal(mvin_wch(y, x, &cc), ERR);
	assert_int_not_equal(getcchar(&cc, wc, &a, &pair, NULL), ERR);
	return wc[0];
}

/* A curses screen that writes to /dev/null, and its files. */
struct scr {
	FILE	*out, *in;
	SCREEN	*sc;
};

static void
scr_open(struct scr *s, struct tui *t)
{
	s->out = fopen("/dev/null", "w");
	s->in = fopen("/dev/null", "r");
	assert_non_null(s->out);
	assert_non_null(s->in);
	setlocale(LC_ALL, "C.UTF-8");
	s->sc = newterm("xterm", s->out, s->in);
	assert_non_null(s->sc);
	set_term(s->sc);
	memset(t, 0, sizeof *t);
	getmaxyx(stdscr, t->lines, t->cols);
}

static void
scr_close(struct scr *s)
{
	endwin();
	delscreen(s->sc);
	fclose(s->out);
	fclose(s->in);
}

static void
box_blanks_cut_characters(void **state)
{
	struct tui	 t;
	struct scr	 s;

	(void)state;
	scr_open(&s, &t);
	/* 一 0-1, 二 2-3, 三 4-5, 四 6-7, 五 8-9 */
	mvaddstr(5, 0, "一二三四五");
	mvaddstr(6, 0, "x一二三四五");
	/* borders at columns 3 and 6 */
	tui_box(&t, 4, 3, 4, 4);
	/* row 5: 二 cut by the left border, 四 by the right: both blank */
	assert_true(at(5, 0) == L'一');
	assert_true(at(5, 2) == L' ');
	assert_true(at(5, 3) == L'|');
	assert_true(at(5, 6) == L'|');
	assert_true(at(5, 7) == L' ');
	assert_true(at(5, 8) == L'五');
	/* row 6: 一 1-2, 二 3-4 (border on its first half), 四 7-8 (whole) */
	assert_true(at(6, 0) == L'x');
	assert_true(at(6, 1) == L'一');
	assert_true(at(6, 3) == L'|');
	assert_true(at(6, 4) == L' ');
	assert_true(at(6, 6) == L'|');
	assert_true(at(6, 7) == L'四');
	/* corners and edges, and the box remembered */
	assert_true(at(4, 3) == L'+');
	assert_true(at(4, 4) == L'-');
	assert_true(at(7, 6) == L'+');
	assert_int_equal(t.box_y, 4);
	assert_int_equal(t.box_h, 4);
	scr_close(&s);
}

static void
put_lands_in_its_cells(void **state)
{
	struct tui	 t;
	struct scr	 s;
	char		 longtext[3 * 2000 + 1];
	int		 i;

	(void)state;
	scr_open(&s, &t);
	/* 王 0-1, a 2, 芳 3-4 */
	assert_int_equal(tui_put(1, 0, "王a芳", 10), 5);
	assert_true(at(1, 0) == L'王' && at(1, 2) == L'a' && at(1, 3) == L'芳');
	/* 4 columns: 芳 would take 3-4, so it is left out whole */
	assert_int_equal(tui_put(2, 0, "王a芳x", 4), 3);
	assert_true(at(2, 2) == L'a' && at(2, 3) == L' ');
	/* an escape sequence in a stored text: drawn up to it, never sent */
	assert_int_equal(tui_put(3, 0, "张三\x1b[2J\x1b]0;x\a", 20), 4);
	assert_true(at(3, 0) == L'张' && at(3, 2) == L'三' && at(3, 4) == L' ');
	/* bytes that are not UTF-8 (GB18030 for 张 from an import) */
	assert_int_equal(tui_put(4, 0, "ab\xd5\xc5" "cd", 20), 2);
	assert_true(at(4, 1) == L'b' && at(4, 2) == L' ');
	/* a text of 2,000 wide characters in a wide allowance: one line's
	   worth drawn, nothing past the buffer written (ASan) */
	for (i = 0; i < 2000; i++)
		memcpy(longtext + 3 * i, "长", 3);
	longtext[3 * 2000] = '\0';
	assert_int_equal(tui_put(5, 0, longtext, t.cols), t.cols / 2 * 2);
	assert_true(at(5, 0) == L'长');
	assert_true(tui_put(6, 0, longtext, 100000) > 0);
	/* a name of one letter and 2,000 combining marks (they take no
	   column, so the width never stops them): the buffer's bound does,
	   and the letter keeps its cell (row 0: the line above wrapped
	   over the rows below it) */
	longtext[0] = 'a';
	for (i = 0; i < 2000; i++)
		memcpy(longtext + 1 + 2 * i, "\xcc\x81", 2);	/* U+0301 */
	longtext[1 + 2 * 2000] = '\0';
	assert_int_equal(tui_put(0, 0, longtext, t.cols), 1);
	assert_true(at(0, 0) == L'a' && at(0, 1) == L' ');
	scr_close(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(box_blanks_cut_characters),
		cmocka_unit_test(put_lands_in_its_cells),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
