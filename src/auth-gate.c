/*
 * auth-gate.c: at most max_hashes password hashes at once across every
 * session process of the server (issue 15 item 5). An argon2id check
 * takes ~160 ms of a core and 64 MiB; without a cap a login storm of N
 * connections would take N x 64 MiB and starve the sessions at work.
 *
 * The slots are byte-range locks (fcntl F_SETLK, a POSIX record lock) on
 * bytes 0..max_hashes-1 of one memory file that the listener makes before
 * it forks (auth_gate_open) and every session process inherits. A POSIX
 * lock belongs to the process that took it: it is not inherited by fork,
 * and the kernel drops it when its process dies, so a session killed in
 * the middle of a hash cannot leak its slot. A login with every slot
 * busy waits in the kernel on one slot (F_SETLKW) for a short slice, then
 * tries every slot again, until its bound (hash_wait seconds); past it the
 * login is refused with AUTH_GATE_BUSY, no hash made, and the client may
 * try again. The cap may change on SIGHUP: the slots are only offsets.
 * The logins (auth.c) and every action that hashes a password (action.c:
 * the change-password form, the admin's reset, a user or a company
 * added with a password) take the same slots.
 */
#include <sys/mman.h>
#include <sys/time.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "njbt.h"

/* How long one wait in the kernel lasts before every slot is tried. */
#define GATE_SLICE_MS	100

/* The listener's memory file of slots; -1 if it cannot be made. */
int
auth_gate_open(void)
{
	return memfd_create("njbt-hash-slots", MFD_CLOEXEC);
}

/*
 * The cap of this process's every hash (issue 15 item 4): the server's
 * policy, set by the listener before it forks its sessions, which keep
 * it (the slots' file is the listener's, so one cap bounds the hashes of
 * the whole server: logins and password changes alike); NULL in `njbt
 * do`, `njbt user` and the other batch commands, one process hashing
 * one password at a time at the server's shell.
 */
static const struct auth_policy *gate_process;

void
auth_gate_process(const struct auth_policy *pol)
{
	gate_process = pol;
}

const struct auth_policy *
auth_gate_current(void)
{
	return gate_process;
}

/* The cap in force: max_hashes, or the number of cores if 0. */
int
auth_gate_slots(const struct auth_policy *pol)
{
	long n;

	if (pol->max_hashes > 0)
		return pol->max_hashes;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

static void
gate_alarm(int sig)
{
	(void)sig;		/* only to interrupt F_SETLKW */
}

/* Wait in the kernel for slot, at most ms: 0 taken, -1 not. */
static int
gate_wait(int fd, int slot, int64_t ms)
{
	struct sigaction	 sa, old;
	struct itimerval	 it, off;
	int			 rc, saved;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = gate_alarm;	/* no SA_RESTART: EINTR ends it */
	sigemptyset(&sa.sa_mask);
	memset(&it, 0, sizeof it);
	memset(&off, 0, sizeof off);
	it.it_value.tv_sec = (time_t)(ms / 1000);
	it.it_value.tv_usec = (suseconds_t)(ms % 1000) * 1000;
	if (sigaction(SIGALRM, &sa, &old) != 0)
		return -1;
	setitimer(ITIMER_REAL, &it, NULL);
	rc = fd_lock_byte(fd, slot, F_SETLKW, F_WRLCK);
	saved = errno;
	setitimer(ITIMER_REAL, &off, NULL);
	sigaction(SIGALRM, &old, NULL);
	errno = saved;
	return rc;
}

#ifdef NJBT_TEST_KDF
/*
 * Test builds only: a line appended to the file $NJBT_TEST_HASH_LOG, if
 * set, by whichever process hashes (a session's screens log to syslog
 * alone: tests/e2e/passwd-cap.sh reads this file instead).
 */
static void
gate_test_note(const char *what, int slot, int64_t v)
{
	const char	*path = getenv("NJBT_TEST_HASH_LOG");
	char		 line[96];
	int		 fd, n;

	if (path == NULL || (fd = open(path, O_WRONLY | O_APPEND | O_CREAT |
	    O_CLOEXEC, 0600)) < 0)
		return;
	n = snprintf(line, sizeof line, "hash slot %d %s %lld\n", slot, what,
	    (long long)v);
	if (write(fd, line, (size_t)n) != n)
		log_warn("NJBT_TEST_HASH_LOG: %s", strerror(errno));
	close(fd);
}

/*
 * Test builds only: $NJBT_TEST_HASH_MS holds the slot that long more, as
 * a release build's hash would, and the log says when each hash ran
 * (tests/e2e/login-cap.sh proves that they do not overlap).
 */
static void
gate_test_hold(int slot)
{
	const char	*v = getenv("NJBT_TEST_HASH_MS");
	struct timespec	 ts;
	int64_t		 ms = v != NULL ? atoi(v) : 0;

	log_info("hash slot %d start %lld", slot, (long long)clock_ms());
	gate_test_note("start", slot, clock_ms());
	if (ms > 0) {
		ts.tv_sec = (time_t)(ms / 1000);
		ts.tv_nsec = (long)(ms % 1000) * 1000000L;
		while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
			;
	}
}
#endif

/*
 * Take a slot for one hash: NJ_OK with *slot held (-1: no gate, as in
 * `njbt tui`), NJ_REFUSED when none came free within hash_wait seconds.
 */
int
auth_gate_enter(const struct auth_policy *pol, int *slot)
{
	int64_t	start = clock_ms(), end, left;
	int	n, i, k, first, queued = 0;

	*slot = -1;
	if (pol == NULL || pol->hash_fd <= 0)
		return NJ_OK;
	n = auth_gate_slots(pol);
	end = start + (int64_t)pol->hash_wait * 1000;
	first = (int)(getpid() % n);
	for (;;) {
		for (k = 0; k < n; k++) {
			i = (first + k) % n;
			if (fd_lock_byte(pol->hash_fd, i, F_SETLK, F_WRLCK) == 0)
				goto taken;
		}
		if ((left = end - clock_ms()) <= 0)
			break;
		if (!queued++)
			log_info("password queued for a slot (%d at once)", n);
		if (gate_wait(pol->hash_fd, first, n == 1 ? left :
		    (left < GATE_SLICE_MS ? left : GATE_SLICE_MS)) == 0) {
			i = first;
			goto taken;
		}
		if (errno != EINTR && errno != EAGAIN && errno != EACCES &&
		    errno != EDEADLK) {
			log_error("hash slots: %s", strerror(errno));
			return NJ_OK;	/* no gate rather than no logins */
		}
		first = (first + 1) % n;
	}
	log_warn("refused: no password slot free in %d s (%d at once)",
	    pol->hash_wait, n);
	return NJ_REFUSED;
taken:
	*slot = i;
	if (queued)	/* every queued login says how long it waited */
		log_info("password waited %lld ms for a slot (%d at once)",
		    (long long)(clock_ms() - start), n);
#ifdef NJBT_TEST_KDF
	if (queued)
		gate_test_note("waited", i, clock_ms() - start);
	gate_test_hold(i);
#endif
	return NJ_OK;
}

/* Give the slot back (after the hash). */
void
auth_gate_leave(const struct auth_policy *pol, int slot)
{
	if (slot < 0 || pol == NULL || pol->hash_fd <= 0)
		return;
#ifdef NJBT_TEST_KDF
	log_info("hash slot %d end %lld", slot, (long long)clock_ms());
	gate_test_note("end", slot, clock_ms());
#endif
	fd_lock_byte(pol->hash_fd, slot, F_SETLK, F_UNLCK);
}
