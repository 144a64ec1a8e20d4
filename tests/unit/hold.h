/*
 * hold.h: a child process that holds something (a lock, a slot) for a
 * test of what other processes see meanwhile (test-auth-gate.c,
 * test-tui-board.c).
 */
#ifndef NJBT_TEST_HOLD_H
#define NJBT_TEST_HOLD_H

#include <stdlib.h>
#include <unistd.h>

/*
 * A child process that runs fn(arg), tells the parent fn's byte and then
 * holds on until killed, as a session holding a lock does; its pid, once
 * fn has returned, with the byte in *got.
 */
static __attribute__((unused)) pid_t
fork_holding(char (*fn)(void *), void *arg, char *got)
{
	int	p[2];
	char	c;
	pid_t	pid;

	if (pipe(p) != 0)
		abort();
	if ((pid = fork()) == 0) {
		c = fn(arg);
		(void)!write(p[1], &c, 1);
		pause();
		_exit(0);
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1)
		abort();
	close(p[0]);
	*got = c;
	return pid;
}

#endif
