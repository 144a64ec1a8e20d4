/*
 * test-tui-main.c: the screens' output (tui-main.c's tui_one_write, issue
 * 15: cheap on the wire and on the server). Curses writes to one end of a
 * SOCK_SEQPACKET socket pair, which keeps each write(2) a message of its
 * own, so the test counts the writes: after tui_one_write a refresh of
 * 20 rows of CJK text is one write and a change of one row is one; nothing
 * reached the terminal from tui_one_write itself (its endwin's keypad
 * off, alternate screen off), and the first refresh still enters the
 * alternate screen and leaves the keypad as keypad() set it. Without it,
 * this ncurses writes at each cursor movement: the same refresh is many
 * writes (what the session's SSH side would send as many packets).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/socket.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui.h"

static int	peer = -1;		/* the terminal's end */
static int	saved_out = -1;		/* the test's own stdout */
static char	got[65536];
static size_t	gotlen;

/* The writes that reached the terminal since the last call. */
static int
writes(void)
{
	ssize_t	r;
	int	n = 0;

	gotlen = 0;
	while ((r = recv(peer, got + gotlen, sizeof got - gotlen - 1,
	    MSG_DONTWAIT)) > 0) {
		gotlen += (size_t)r;
		n++;
	}
	got[gotlen] = '\0';
	return n;
}

/* A curses screen of 80x24 xterm whose stdout is the socket pair. */
static SCREEN *
screen_open(void)
{
	int	sv[2];
	SCREEN *sc;

	assert_int_equal(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
	fflush(stdout);
	saved_out = dup(STDOUT_FILENO);
	assert_true(saved_out >= 0);
	assert_int_equal(dup2(sv[0], STDOUT_FILENO), STDOUT_FILENO);
	close(sv[0]);
	peer = sv[1];
	setlocale(LC_ALL, "C.UTF-8");
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
	sc = newterm("xterm", stdout, stdin);
	assert_non_null(sc);
	set_term(sc);
	raw();
	noecho();
	keypad(stdscr, TRUE);
	return sc;
}

static void
screen_close(SCREEN *sc)
{
	endwin();
	delscreen(sc);
	fflush(stdout);
	dup2(saved_out, STDOUT_FILENO);
	close(saved_out);
	close(peer);
	peer = saved_out = -1;
}

/* 20 rows of a list, as the verification queue draws them. */
static void
rows(int k)
{
	char	line[128];
	int	r;

	for (r = 0; r < 20; r++) {
		snprintf(line, sizeof line, "购机者%d.. 翻转犁/1GQN-.. M%09d "
		    "待核验", k, r * 1100 + k);
		wmove(stdscr, r + 2, 0);
		waddnstr(stdscr, line, -1);
	}
}

/* Send what changed (the screens' one update: wnoutrefresh, doupdate). */
static void
update(void)
{
	wnoutrefresh(stdscr);
	doupdate();
}

static void
refresh_is_one_write(void **state)
{
	SCREEN	*sc;
	int	 n0, n1, n2, smcup, smkx, rmkx, row;

	(void)state;
	/* (asserted once stdout is the test's again: cmocka prints there) */
	sc = screen_open();
	(void)writes();			/* keypad()'s, sent at once: */
	smkx = strstr(got, "\033[?1h") != NULL;	/* keypad on (smkx) */
	tui_one_write();
	n0 = writes();			/* its endwin went to /dev/null */
	rows(1);
	update();
	n1 = writes();
	/* the first refresh sets the terminal up as it always did */
	smcup = strstr(got, "\033[?1049h") != NULL;
	rmkx = strstr(got, "\033[?1l") != NULL;	/* and never off */
	row = strstr(got, "M000002201") != NULL;
	wmove(stdscr, 5, 0);
	waddnstr(stdscr, "购机者X", -1);
	update();
	n2 = writes();
	screen_close(sc);
	print_message("writes: full screen %d, one row %d\n", n1, n2);
	assert_int_equal(n0, 0);
	assert_true(smcup);
	assert_true(smkx);
	assert_false(rmkx);
	assert_true(row);
	assert_int_equal(n1, 1);
	assert_int_equal(n2, 1);
}

/* What it saves: the same screen without it (informative; a newer
 * ncurses that no longer flushes at each move makes both 1). */
static void
without_it_more_writes(void **state)
{
	SCREEN	*sc;
	int	 n1;

	(void)state;
	sc = screen_open();
	rows(1);
	update();
	n1 = writes();
	screen_close(sc);
	print_message("without tui_one_write: %d writes for the screen\n", n1);
	assert_true(n1 >= 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(refresh_is_one_write),
		cmocka_unit_test(without_it_more_writes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
