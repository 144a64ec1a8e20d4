/*
 * test-auth-gate.c: the cap on password hashes at once (issue 15 item 5,
 * src/auth-gate.c), between processes as the server's sessions are. A
 * process holding the only slot makes a login wait, and past hash_wait
 * refuses it with AUTH_GATE_BUSY, no hash made and no failure counted;
 * killed while it holds the slot (a session dying mid-hash), the slot is
 * free again at once; a login with no gate (`njbt tui`) never waits.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <sys/wait.h>

#include "fixture.h"
#include "hold.h"

static struct auth_policy pol = {
	AUTH_MAX_FAILURES, AUTH_WINDOW, AUTH_LOCK_SECONDS,
	AUTH_ACCOUNT_FAILURES, 0, 1, 1	/* gate, one slot, 1 s */
};

/* In the child: take the only slot; 1 if it did. */
static char
take_slot(void *arg)
{
	int slot;

	(void)arg;
	unsetenv("NJBT_TEST_HASH_MS");
	return auth_gate_enter(&pol, &slot) == NJ_OK && slot == 0;
}

/* A child that takes the slot and sleeps; returns once it holds it. */
static pid_t
holder(void)
{
	char	got;
	pid_t	pid = fork_holding(take_slot, NULL, &got);

	if (got != 1)
		abort();
	return pid;
}

static int
login(const char *login, char *msg, size_t len)
{
	struct actor who;

	return auth_password(login, "njbt-demo", "10.1.1.1", &pol, &who, msg,
	    len);
}

static void
gate_busy_then_freed(void **state)
{
	char		msg[NJ_MSG_MAX];
	uint64_t	before;
	pid_t		pid;
	int		status;

	(void)state;
	pol.hash_fd = auth_gate_open();
	assert_true(pol.hash_fd > 0);
	assert_int_equal(auth_gate_slots(&pol), 1);

	/* free: the login goes through */
	assert_int_equal(login("hl_jb", msg, sizeof msg), NJ_OK);

	/* busy past hash_wait: refused, told, nothing written (no failure
	 * counted, no audit row) */
	pid = holder();
	before = fx_snapshot();
	assert_int_equal(login("hl_jb", msg, sizeof msg), NJ_REFUSED);
	assert_string_equal(msg, AUTH_GATE_BUSY);
	assert_int_equal(auth_refusal_told(NJ_REFUSED, msg), 1);
	/* an unknown login queues the same: its dummy hash is capped too */
	assert_int_equal(login("nobody-here", msg, sizeof msg), NJ_REFUSED);
	assert_string_equal(msg, AUTH_GATE_BUSY);
	assert_true(fx_snapshot() == before);

	/* the holder dies mid-hash: its slot is free again */
	kill(pid, SIGKILL);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(login("hl_sh", msg, sizeof msg), NJ_OK);

	/* no gate (njbt tui, a policy without one): no wait */
	close(pol.hash_fd);
	pol.hash_fd = 0;
	assert_int_equal(login("hl_jb", msg, sizeof msg), NJ_OK);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'login.fail'", NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(gate_busy_then_freed),
	};

	return FX_RUN(tests);
}
