/*
 * test-tui-draw.c: the boxes of questions and choices (tui-draw.c's
 * tui_box, issue 11 item 7) on a curses screen that writes to /dev/null.
 * A border that would cut a CJK character in half blanks the whole
 * character, on the left edge and on the right, and leaves the
 * characters it does not touch as they were; the box is recorded so
 * that its rows are sent again when it closes.
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

static void
box_blanks_cut_characters(void **state)
{
	struct tui	 t;
	FILE		*out = fopen("/dev/null", "w"), *in = fopen("/dev/null",
			    "r");
	SCREEN		*sc;

	(void)state;
	assert_non_null(out);
	assert_non_null(in);
	setlocale(LC_ALL, "C.UTF-8");
	sc = newterm("xterm", out, in);
	assert_non_null(sc);
	set_term(sc);
	memset(&t, 0, sizeof t);
	getmaxyx(stdscr, t.lines, t.cols);
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
	endwin();
	delscreen(sc);
	fclose(out);
	fclose(in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(box_blanks_cut_characters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
