/*
 * test-tui-board.c: the menus' status lines shared by the session
 * processes of one server (issue 15, src/tui-board.c), between processes
 * as the sessions are (fork after board_open). The first process to ask
 * for a key reads it (BOARD_MINE) and the others wait for its line rather
 * than read it too; a line younger than the bound is taken as it is; an
 * older one is read anew by one process while the others keep the last
 * line; a process killed in the middle of its read leaves nothing held; a
 * slow read cannot put an older line over a newer one; no board (`njbt
 * tui`) or a full one means each reads its own.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "njbt.h"
#include "hold.h"
#include "tui-board.h"

#define MIN	60000	/* a bound no test reaches: 60 s */

static int
setup(void **state)
{
	(void)state;
	return board_open();
}

static int
teardown(void **state)
{
	(void)state;
	board_close();
	return 0;
}

struct ask {
	const char	*key;
	int64_t		 max_age;
};

/* In the child: what board_get found for the key. */
static char
ask(void *arg)
{
	struct ask	*a = arg;
	char		 text[BOARD_TEXT_MAX];
	int64_t		 at;

	return (char)board_get(a->key, a->max_age, text, sizeof text, &at);
}

/* A child that asks for key and holds what it got; returns once it has. */
static pid_t
asker(const char *key, int64_t max_age, enum board_found *got)
{
	struct ask	 a = { key, max_age };
	char		 c;
	pid_t		 pid = fork_holding(ask, &a, &c);

	*got = (enum board_found)c;
	return pid;
}

static void
stop(pid_t pid)
{
	int status;

	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

/* no board, as in `njbt tui` under OpenSSH: each reads its own */
static void
board_none_without_board(void **state)
{
	char	text[BOARD_TEXT_MAX];
	int64_t	at;

	(void)state;
	board_close();
	assert_int_equal(board_get("county/640122", MIN, text, sizeof text,
	    &at), BOARD_NONE);
	board_put("county/640122", clock_ms(), "到期提醒 1项");	/* harmless */
	assert_int_equal(board_open(), 0);
}

/* the first reads, puts; the next within the bound takes its line */
static void
board_first_reads_then_shared(void **state)
{
	char		 text[BOARD_TEXT_MAX];
	int64_t		 at, t0 = clock_ms();
	enum board_found got;
	pid_t		 pid;

	(void)state;
	assert_int_equal(board_get("county/640105", MIN, text, sizeof text,
	    &at), BOARD_MINE);
	assert_string_equal(text, "");
	board_put("county/640105", t0, "到期提醒 2项，逾期1项");
	/* another process (another clerk's session) */
	pid = asker("county/640105", MIN, &got);
	stop(pid);
	assert_int_equal(got, BOARD_FRESH);
	assert_int_equal(board_get("county/640105", MIN, text, sizeof text,
	    &at), BOARD_FRESH);
	assert_string_equal(text, "到期提醒 2项，逾期1项");
	assert_true(at == t0);
	/* the finance office of the same county is another key */
	assert_int_equal(board_get("finance/640105", MIN, text, sizeof text,
	    &at), BOARD_MINE);
	assert_string_equal(text, "");
	board_put("finance/640105", clock_ms(), NULL);	/* read failed */
	assert_int_equal(board_get("finance/640105", MIN, text, sizeof text,
	    &at), BOARD_MINE);
	board_put("finance/640105", clock_ms(), "");
	assert_int_equal(board_get("finance/640105", MIN, text, sizeof text,
	    &at), BOARD_FRESH);
	assert_string_equal(text, "");
}

/* past the bound: one process reads anew, the others keep the last line */
static void
board_stale_read_once(void **state)
{
	char		 text[BOARD_TEXT_MAX];
	int64_t		 at;
	enum board_found got;
	pid_t		 pid;

	(void)state;
	assert_int_equal(board_get("county/640106", MIN, text, sizeof text,
	    &at), BOARD_MINE);
	board_put("county/640106", clock_ms(), "旧");
	usleep(5000);
	/* a child finds it older than 1 ms: it is the one to read */
	pid = asker("county/640106", 1, &got);
	assert_int_equal(got, BOARD_MINE);
	/* meanwhile this process keeps the last line, not a second read */
	assert_int_equal(board_get("county/640106", 1, text, sizeof text,
	    &at), BOARD_STALE);
	assert_string_equal(text, "旧");
	/* killed in the middle of its read: the refresh is free at once */
	stop(pid);
	assert_int_equal(board_get("county/640106", 1, text, sizeof text,
	    &at), BOARD_MINE);
	board_put("county/640106", clock_ms(), "新");
	assert_int_equal(board_get("county/640106", MIN, text, sizeof text,
	    &at), BOARD_FRESH);
	assert_string_equal(text, "新");
}

/* a slow read that began before the last line cannot put over it */
static void
board_older_read_loses(void **state)
{
	char	text[BOARD_TEXT_MAX];
	int64_t	at, early = clock_ms();

	(void)state;
	assert_int_equal(board_get("city/6402", MIN, text, sizeof text, &at),
	    BOARD_MINE);
	usleep(2000);
	board_put("city/6402", clock_ms(), "投诉未办结 1件");	/* own action */
	board_put("city/6402", early, "投诉未办结 3件");	/* the slow read */
	assert_int_equal(board_get("city/6402", MIN, text, sizeof text, &at),
	    BOARD_FRESH);
	assert_string_equal(text, "投诉未办结 1件");
}

/* before there is any line, the others wait for the reader's */
static void
board_first_line_waited_for(void **state)
{
	char		 text[BOARD_TEXT_MAX], c;
	int64_t		 at;
	int		 p[2], status;
	pid_t		 pid;

	(void)state;
	assert_int_equal(board_get("admin/", MIN, text, sizeof text, &at),
	    BOARD_MINE);
	if (pipe(p) != 0)
		abort();
	if ((pid = fork()) == 0) {
		/* blocks until the parent puts: then its line, no read */
		c = board_get("admin/", MIN, text, sizeof text, &at) ==
		    BOARD_FRESH && strcmp(text, "投诉未办结 2件") == 0;
		_exit(c ? 0 : 1);
	}
	usleep(50000);
	assert_int_equal(waitpid(pid, &status, WNOHANG), 0);	/* waiting */
	board_put("admin/", clock_ms(), "投诉未办结 2件");
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(p[0]);
	close(p[1]);
}

/* a full board, or a key too long: each reads its own */
static void
board_full_none(void **state)
{
	char	text[BOARD_TEXT_MAX], key[BOARD_KEY_MAX + 8];
	int64_t	at;
	int	i, none = 0;

	(void)state;
	memset(key, 'x', sizeof key - 1);
	key[sizeof key - 1] = '\0';
	assert_int_equal(board_get(key, MIN, text, sizeof text, &at),
	    BOARD_NONE);
	assert_int_equal(board_get("", MIN, text, sizeof text, &at),
	    BOARD_NONE);
	for (i = 0; i < BOARD_SLOTS + 2; i++) {
		snprintf(key, sizeof key, "county/%06d", i);
		switch (board_get(key, MIN, text, sizeof text, &at)) {
		case BOARD_NONE:
			none++;
			break;
		case BOARD_MINE:
			board_put(key, clock_ms(), key);
			break;
		default:
			break;
		}
	}
	assert_true(none >= 2);
	/* the keys it has still answer */
	assert_int_equal(board_get("county/640105", MIN, text, sizeof text,
	    &at), BOARD_FRESH);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(board_none_without_board),
		cmocka_unit_test(board_first_reads_then_shared),
		cmocka_unit_test(board_stale_read_once),
		cmocka_unit_test(board_older_read_loses),
		cmocka_unit_test(board_first_line_waited_for),
		cmocka_unit_test(board_full_none),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
