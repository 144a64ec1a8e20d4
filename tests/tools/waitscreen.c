/*
 * waitscreen.c: the e2e tests' wait for a terminal to show a text
 * (tests/e2e/ssh-lib.inc wait_screen, when tests/run built it as
 * build/waitscreen). It looks as the shell loop did, through `tmux -L
 * SOCKET capture-pane -p -J -t TARGET`, every 0.1 s for a second and then
 * every 0.3 s, but one process waits instead of a subshell and a sleep
 * forked for each look (the suite looks at screens thousands of times),
 * and tmux is started with posix_spawn.
 *
 *   waitscreen SOCKET TARGET TEXT TENTHS
 *
 * Exits 0 when a capture contains TEXT, 1 when TENTHS tenths of a second
 * of looking have passed without it, 2 on a usage or system error.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* One capture of the pane into buf (NUL-terminated); -1 on error. */
static int
capture(char *const argv[], char *buf, size_t len)
{
	posix_spawn_file_actions_t	 fa;
	pid_t				 pid;
	size_t				 n = 0;
	ssize_t				 r;
	int				 fd[2], st, rc = -1;

	if (pipe(fd) != 0)
		return -1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&fa, fd[0]);
	posix_spawn_file_actions_addclose(&fa, fd[1]);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
	    O_WRONLY, 0);
	if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) != 0)
		goto out;
	close(fd[1]);
	fd[1] = -1;
	while (n + 1 < len &&
	    ((r = read(fd[0], buf + n, len - 1 - n)) > 0 ||
	    (r < 0 && errno == EINTR)))
		if (r > 0)
			n += (size_t)r;
	buf[n] = '\0';
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	rc = 0;
out:
	posix_spawn_file_actions_destroy(&fa);
	close(fd[0]);
	if (fd[1] >= 0)
		close(fd[1]);
	return rc;
}

int
main(int argc, char **argv)
{
	static char	 buf[1 << 16];
	static char	 tmux[] = "tmux", l[] = "-L", cp[] = "capture-pane",
			 p[] = "-p", j[] = "-J", t[] = "-t";
	char		*targv[] = { tmux, l, NULL, cp, p, j, t, NULL, NULL };
	long		 lim, i = 0, d = 1;

	if (argc != 5 || (lim = strtol(argv[4], NULL, 10)) <= 0) {
		fprintf(stderr, "usage: waitscreen SOCKET TARGET TEXT TENTHS\n");
		return 2;
	}
	targv[2] = argv[1];
	targv[7] = argv[2];
	while (i < lim) {
		struct timespec	ts;

		if (capture(targv, buf, sizeof buf) != 0)
			return 2;
		if (strstr(buf, argv[3]) != NULL)
			return 0;
		if (i >= 10)
			d = 3;
		ts.tv_sec = 0;
		ts.tv_nsec = d * 100000000L;
		while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
			;
		i += d;
	}
	return 1;
}
