/*
 * test-passwd-gate.c: issue 15 item 4, an action that hashes a password
 * takes a slot of the server's cap on hashes at once (action.c,
 * auth-gate.c), as a login does. With the process's gate set (what the
 * server does before it forks its sessions) and max_hashes 1: while
 * another process holds the slot, a password change waits hash_wait and
 * is refused with the cap's sentence, nothing written, nothing hashed;
 * with the slot free it is saved, and the slot is free again after. An
 * action with no password ignores the cap.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <signal.h>
#include <sys/wait.h>

#include "fixture.h"
#include "actions.h"

/* Another process takes slot 0 of fd and holds it until *release closes. */
static pid_t
holder(int fd, int *release)
{
	struct flock	fl;
	int		go[2], done[2];
	pid_t		pid;
	char		c;

	assert_int_equal(pipe(go), 0);
	assert_int_equal(pipe(done), 0);
	if ((pid = fork()) == 0) {
		memset(&fl, 0, sizeof fl);
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		fl.l_len = 1;
		close(go[0]);
		close(done[1]);
		c = fcntl(fd, F_SETLK, &fl) == 0 ? 'y' : 'n';
		if (write(go[1], &c, 1) != 1)
			_exit(1);
		/* until the parent closes its end */
		_exit(read(done[0], &c, 1) < 0 ? 1 : 0);
	}
	close(go[1]);
	close(done[0]);
	assert_int_equal(read(go[0], &c, 1), 1);
	assert_int_equal(c, 'y');
	close(go[0]);
	*release = done[1];
	return pid;
}

/* Can another process take slot 0 now? */
static int
slot_free(int fd)
{
	struct flock	fl;
	pid_t		pid;
	int		st;

	if ((pid = fork()) == 0) {
		memset(&fl, 0, sizeof fl);
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		fl.l_len = 1;
		_exit(fcntl(fd, F_SETLK, &fl) == 0 ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static void
change_waits_for_the_slot(void **state)
{
	struct auth_policy	pol;
	int			release, st;
	pid_t			pid;

	(void)state;
	memset(&pol, 0, sizeof pol);
	pol.hash_fd = auth_gate_open();
	pol.max_hashes = 1;
	pol.hash_wait = 1;
	assert_true(pol.hash_fd > 0);
	auth_gate_process(&pol);

	/* the slot held elsewhere: refused after hash_wait, nothing
	   written; the admin's reset and a new user alike */
	pid = holder(pol.hash_fd, &release);
	fx_refused(AUTH_GATE_BUSY, "hl_jb", "user.passwd", "login=hl_jb",
	    "password=new-secret-1", "password2=new-secret-1",
	    "old_password=njbt-demo", NULL);
	fx_refused(AUTH_GATE_BUSY, "admin", "user.passwd", "login=hl_jb",
	    "password=new-secret-2", NULL);
	/* an action with no password does not queue */
	fx_ok("hl_jb", "user.prefs", "colour=0", NULL);
	close(release);
	assert_int_equal(waitpid(pid, &st, 0), pid);

	/* the slot free: saved, and the slot free again after */
	fx_ok("hl_jb", "user.passwd", "login=hl_jb", "password=new-secret-1",
	    "password2=new-secret-1", "old_password=njbt-demo", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'user.passwd' AND login = 'hl_jb'", NULL), 1);
	assert_true(slot_free(pol.hash_fd));
	auth_gate_process(NULL);
	close(pol.hash_fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(change_waits_for_the_slot),
	};

	return FX_RUN(tests);
}
