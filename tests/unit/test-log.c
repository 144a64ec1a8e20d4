/*
 * test-log.c: unit tests of log.c, the one log. Through the test hook
 * (log_set_writer) every level arrives with its own tag and a long message
 * is cut only between UTF-8 characters; with fd 2 sent to a file, the batch
 * sink writes "njbt: what", the server's sink "time njbt[pid]: login
 * address what", and a session's sink nothing at all (its stderr is the
 * user's terminal, where a line would paint over the form).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "njbt.h"
#include "log.h"
#include "ssh-server.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* What the writer took: the last message of each call, in order. */
struct seen {
	int	 n;
	int	 level[8];
	char	 msg[8][LOG_LINE_MAX + 1];
};

static void
seen_write(enum log_level level, const char *msg, void *arg)
{
	struct seen *s = arg;

	assert_true(s->n < (int)NELEM(s->level));
	s->level[s->n] = (int)level;
	assert_true(strlen(msg) <= LOG_LINE_MAX);
	strcpy(s->msg[s->n], msg);
	s->n++;
}

/* Back to the defaults after each test. */
static int
log_reset(void **state)
{
	(void)state;
	log_set_writer(NULL, NULL);
	log_set_who("", "");
	log_set_sink(LOG_SINK_STDERR);
	return 0;
}

/* Run fn with fd 2 sent to a file; what it wrote there, in buf. */
static void
capture_fd2(void (*fn)(void), char *buf, size_t len)
{
	FILE	*f;
	int	 saved;
	size_t	 n;

	assert_non_null(f = tmpfile());
	fflush(stderr);
	assert_true((saved = dup(2)) >= 0);
	assert_int_equal(dup2(fileno(f), 2), 2);
	fn();
	fflush(stderr);
	assert_int_equal(dup2(saved, 2), 2);
	close(saved);
	rewind(f);
	n = fread(buf, 1, len - 1, f);
	buf[n] = '\0';
	fclose(f);
}

static void
test_levels(void **state)
{
	struct seen s;

	(void)state;
	memset(&s, 0, sizeof s);
	log_set_writer(seen_write, &s);
	log_info("info %d", 1);
	log_warn("warn %s", "二");
	log_error("error %c", '3');
	log_who(LOG_LEVEL_WARN, "hl_jb", "10.0.0.5", "who %d", 4);
	assert_int_equal(s.n, 4);
	assert_int_equal(s.level[0], LOG_LEVEL_INFO);
	assert_string_equal(s.msg[0], "info 1");
	assert_int_equal(s.level[1], LOG_LEVEL_WARN);
	assert_string_equal(s.msg[1], "warn 二");
	assert_int_equal(s.level[2], LOG_LEVEL_ERROR);
	assert_string_equal(s.msg[2], "error 3");
	assert_int_equal(s.level[3], LOG_LEVEL_WARN);
	assert_string_equal(s.msg[3], "who 4");
}

/* A message far longer than a line keeps whole characters only. */
static void
test_utf8_cut(void **state)
{
	struct seen	 s;
	char		 big[3 * LOG_LINE_MAX + 8];
	size_t		 i, n;

	(void)state;
	big[0] = 'x';			/* shifts the cut off a multiple of 3 */
	for (i = 1; i + 3 < sizeof big; i += 3)
		memcpy(big + i, "张", 3);
	big[i] = '\0';
	memset(&s, 0, sizeof s);
	log_set_writer(seen_write, &s);
	log_error("%s", big);
	assert_int_equal(s.n, 1);
	n = strlen(s.msg[0]);
	assert_true(n < LOG_LINE_MAX);
	assert_true(n > LOG_LINE_MAX - 4);
	assert_true(utf8_valid(s.msg[0], n));
	assert_int_equal((n - 1) % 3, 0);
	assert_memory_equal(s.msg[0], big, n);
}

static void
emit_batch(void)
{
	log_error("SQL %s: %s", "X", "disk I/O error");
	log_warn("auth: %s", "没有这个用户");
}

static void
test_stderr_sink(void **state)
{
	char buf[4096];

	(void)state;
	log_set_sink(LOG_SINK_STDERR);
	capture_fd2(emit_batch, buf, sizeof buf);
	assert_string_equal(buf, "njbt: SQL X: disk I/O error\n"
	    "njbt: auth: 没有这个用户\n");
}

static void
emit_server(void)
{
	server_log(NULL, "10.0.0.5", "listening on %s", "127.0.0.1:2222");
	log_set_who("hl_jb", "10.0.0.6");
	log_error("auth: %s", "busy");
}

static void
test_server_sink(void **state)
{
	char	buf[4096], want[128];

	(void)state;
	log_set_sink(LOG_SINK_SERVER);
	capture_fd2(emit_server, buf, sizeof buf);
	/* "YYYY-MM-DD HH:MM:SS njbt[pid]: login address what" */
	assert_true(strlen(buf) > 20 && buf[4] == '-' && buf[10] == ' ');
	snprintf(want, sizeof want, " njbt[%d]: - 10.0.0.5 listening on "
	    "127.0.0.1:2222\n", (int)getpid());
	assert_non_null(strstr(buf, want));
	snprintf(want, sizeof want, " njbt[%d]: hl_jb 10.0.0.6 auth: busy\n",
	    (int)getpid());
	assert_non_null(strstr(buf, want));
}

static void
emit_session(void)
{
	char big[4 * LOG_LINE_MAX];

	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	log_info("login %s", "hl_jb");
	log_warn("auth: %s", "没有这个用户");
	log_error("%s: commit: %s", "sale.add", "database is locked");
	log_error("%s", big);
	log_who(LOG_LEVEL_ERROR, "hl_jb", "tty", "%s", "x");
	server_log("hl_jb", "tty", "logout %s", "quit");
}

/* A session's screens: syslog only, not one byte on fd 2. */
static void
test_session_sink_quiet(void **state)
{
	char buf[4096];

	(void)state;
	log_set_sink(LOG_SINK_SESSION);
	assert_int_equal(log_get_sink(), LOG_SINK_SESSION);
	capture_fd2(emit_session, buf, sizeof buf);
	assert_string_equal(buf, "");
}

/* Under systemd: $JOURNAL_STREAM names fd 2 (set once it is the file). */
static void
emit_journal(void)
{
	struct stat	st;
	char		js[64];

	assert_int_equal(fstat(2, &st), 0);
	snprintf(js, sizeof js, "%llu:%llu", (unsigned long long)st.st_dev,
	    (unsigned long long)st.st_ino);
	setenv("JOURNAL_STREAM", js, 1);
	log_set_sink(LOG_SINK_SERVER);
	server_log(NULL, "10.0.0.5", "login %s", "password");
	server_log("hl_jb", "10.0.0.5", "login.fail %s", "password");
	server_log(NULL, NULL, "fork: %s", "no memory");
	log_warn("auth: %s", "busy");
	log_set_sink(LOG_SINK_STDERR);		/* a batch command */
	log_error("backup: %s", "disk full");
	log_set_sink(LOG_SINK_SESSION);		/* never: stderr is the pty */
	log_error("x");
	unsetenv("JOURNAL_STREAM");
}

/* Issue 14 (4): journald reads each line's priority, "<N>" first (sd-daemon
 * (3)): failures, locks and refusals warnings, what broke errors. */
static void
test_journal_priorities(void **state)
{
	char buf[4096];

	(void)state;
	capture_fd2(emit_journal, buf, sizeof buf);
	assert_string_equal(buf, "<6>- 10.0.0.5 login password\n"
	    "<4>hl_jb 10.0.0.5 login.fail password\n"
	    "<3>- - fork: no memory\n"
	    "<4>- - auth: busy\n"
	    "<3>njbt: backup: disk full\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_levels, log_reset),
		cmocka_unit_test_teardown(test_utf8_cut, log_reset),
		cmocka_unit_test_teardown(test_stderr_sink, log_reset),
		cmocka_unit_test_teardown(test_server_sink, log_reset),
		cmocka_unit_test_teardown(test_session_sink_quiet, log_reset),
		cmocka_unit_test_teardown(test_journal_priorities, log_reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
