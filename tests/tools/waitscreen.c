/*
 * waitscreen.c: the e2e tests' wait for a terminal to show a text
 * (tests/e2e/ssh-lib.inc wait_screen, when make build-all built it as
 * build/waitscreen).
 *
 *   waitscreen [-p] SOCKET TARGET TEXT TENTHS [OUTPUT]
 *   waitscreen -k SOCKET TARGET TENTHS OUTPUT KEY...
 *   waitscreen -d SOCKET PATH
 *   waitscreen -c SOCKET TMUX-ARGS...
 *
 * It looks through `tmux -L SOCKET capture-pane -p -J -t TARGET`. With
 * OUTPUT, the file that tmux's pipe-pane appends the pane's output to
 * (ssh-lib.inc term), it looks when the pane has had output since the
 * last look and has then been quiet for QUIET_MS, watching the file's
 * size (a stat every 10 ms) instead of forking a capture every 0.1 or
 * 0.3 s: a text is seen as soon as it is drawn, and a wait costs a look
 * or two. Once the text shows, the pane must stay quiet for SETTLE_MS
 * more (else it looks again), so that a screen still being drawn is not
 * taken for the whole of it; a look every second keeps it honest if the
 * file misses something. Without OUTPUT (or when it is not there), it
 * looks every 0.1 s for a second, then every 0.3 s.
 *
 * With -p, it prints the capture that showed TEXT.
 * With -k, it sends the KEYs (tmux send-keys) and waits until the pane
 * has drawn its answer: OUTPUT grew, then was quiet for SETTLE_MS (in
 * place of a send-keys and a fixed sleep).
 *
 * With -d, it starts the test's gate to tmux (tmuxgate.c: one control-
 * mode client, on the Unix socket PATH) and exits 0 once it serves; with
 * -c, it runs one tmux command through the gate ($WAITSCREEN_GATE) as
 * `tmux -L SOCKET TMUX-ARGS...` would, or runs that tmux where there is
 * no gate. Its looks and keys go through the gate too, where there is one.
 *
 * Exits 0 when a capture contains TEXT (or, with -k, when the answer was
 * drawn), 1 when TENTHS tenths of a second have passed without it, 2 on a
 * usage or system error.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tmuxgate.h"

#define QUIET_MS	15	/* output then this quiet: look */
#define SETTLE_MS	40	/* quiet after a match: the drawing is done */
#define STEP_MS		10	/* how often the output's size is read */
#define ANYWAY_MS	1000	/* a look at least this often */

extern char **environ;

static char	*sock, *target, *text;
static int	 print;		/* -p: print the capture that matched */
/* the words of the tmux command line (-Wwrite-strings: not literals) */
static char	 w_tmux[] = "tmux", w_l[] = "-L", w_cp[] = "capture-pane",
		 w_p[] = "-p", w_j[] = "-J", w_t[] = "-t",
		 w_sk[] = "send-keys";

/* Milliseconds of the monotonic clock. */
static long long
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
sleep_ms(long ms)
{
	struct timespec	ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* One capture of the pane into buf (NUL-terminated); -1 on error. */
static int
capture(char *buf, size_t len)
{
	char				*argv[] = { w_tmux, w_l, sock, w_cp,
					    w_p, w_j, w_t, target, NULL };
	posix_spawn_file_actions_t	 fa;
	pid_t				 pid;
	size_t				 n = 0;
	ssize_t				 r;
	int				 fd[2], st, rc = -1;

	/* through the gate (tmux's error: an empty screen, as below) */
	switch (gate_call(5, argv + 3, buf, len)) {
	case GATE_OK:
		return 0;
	case GATE_TMUX_ERROR:
		buf[0] = '\0';
		return 0;
	default:
		break;
	}
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

/* The size of the pane's output so far; -1 if there is no such file. */
static long long
out_size(const char *path)
{
	struct stat	sb;

	return stat(path, &sb) == 0 ? (long long)sb.st_size : -1;
}

/* The text is shown: 0, and with -p the capture on stdout. */
static int
shown(const char *buf)
{
	if (print && (fputs(buf, stdout) == EOF || fflush(stdout) == EOF))
		return 2;
	return 0;
}

/* Look every 0.1 s for a second, then every 0.3 s. */
static int
poll_loop(long lim)
{
	static char	buf[1 << 16];
	long		i = 0, d = 1;

	while (i < lim) {
		if (capture(buf, sizeof buf) != 0)
			return 2;
		if (strstr(buf, text) != NULL)
			return shown(buf);
		if (i >= 10)
			d = 3;
		sleep_ms(d * 100);
		i += d;
	}
	return 1;
}

/*
 * Whether the pane draws: the output file grows past *seen before until,
 * then stays quiet for quiet ms, all before deadline. 0 when it did not
 * grow by until, or grew but was not quiet by deadline.
 */
static int
drawn(const char *out, long long *seen, long long until, long quiet,
    long long deadline)
{
	long long	size, t, changed = -1;

	for (;;) {
		t = now_ms();
		size = out_size(out);
		if (size != *seen) {
			*seen = size;
			changed = t;
		}
		if (changed >= 0 && t >= changed + quiet)
			return 1;
		if (t >= deadline || (changed < 0 && t >= until))
			return 0;
		sleep_ms(STEP_MS);
	}
}

static long long
min_ll(long long a, long long b)
{
	return a < b ? a : b;
}

/* Look when the output file says the pane has drawn something. */
static int
watch_loop(const char *out, long long deadline)
{
	static char	 buf[1 << 16];
	long long	 seen, t;

	for (;;) {
		seen = out_size(out);	/* what this look will show */
		if (capture(buf, sizeof buf) != 0)
			return 2;
		t = now_ms();
		if (strstr(buf, text) != NULL) {
			/* shown, and quiet since: the drawing is done */
			if (!drawn(out, &seen, min_ll(t + SETTLE_MS, deadline),
			    QUIET_MS, deadline))
				return shown(buf);
			continue;	/* drawn on: look again */
		}
		if (t >= deadline)
			return 1;
		/* drawn, then quiet; or a look anyway after ANYWAY_MS */
		drawn(out, &seen, min_ll(t + ANYWAY_MS, deadline), QUIET_MS,
		    deadline);
	}
}

/* -k: send the keys, then wait for their answer to be drawn. */
static int
keys(int argc, char **argv)
{
	static char	 answer[4096];
	char		*av[64];
	pid_t		 pid;
	long long	 seen, deadline;
	long		 lim;
	int		 i, n = 0, st;

	if (argc < 6 || argc - 5 > 64 - 7 ||
	    (lim = strtol(argv[3], NULL, 10)) <= 0) {
		fprintf(stderr,
		    "usage: waitscreen -k SOCKET TARGET TENTHS OUTPUT KEY...\n");
		return 2;
	}
	av[n++] = w_tmux;
	av[n++] = w_l;
	av[n++] = argv[1];
	av[n++] = w_sk;
	av[n++] = w_t;
	av[n++] = argv[2];
	for (i = 5; i < argc; i++)
		av[n++] = argv[i];
	av[n] = NULL;
	seen = out_size(argv[4]);
	switch (gate_call(n - 3, av + 3, answer, sizeof answer)) {
	case GATE_OK:
	case GATE_TMUX_ERROR:
		break;
	case GATE_NONE:
		if (posix_spawnp(&pid, av[0], NULL, NULL, av, environ) != 0)
			return 2;
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
		break;
	default:
		return 2;
	}
	if (seen < 0) {			/* no output file: as before */
		sleep_ms(300);
		return 0;
	}
	deadline = now_ms() + lim * 100;
	return drawn(argv[4], &seen, deadline, SETTLE_MS, deadline) ? 0 : 1;
}

/* -c: one tmux command, through the gate or by tmux itself. */
static int
command(int argc, char **argv)
{
	static char	 buf[1 << 17];
	char		*av[256];
	int		 i;

	if (argc < 3 || argc > 250) {
		fprintf(stderr, "usage: waitscreen -c SOCKET TMUX-ARGS...\n");
		return 2;
	}
	switch (gate_call(argc - 2, argv + 2, buf, sizeof buf)) {
	case GATE_OK:
		return fputs(buf, stdout) == EOF || fflush(stdout) == EOF;
	case GATE_TMUX_ERROR:
		fputs(buf, stderr);
		return 1;
	case GATE_NONE:
		break;
	default:
		fprintf(stderr, "waitscreen: the gate to tmux did not answer\n");
		return 1;
	}
	av[0] = w_tmux;
	av[1] = w_l;
	for (i = 1; i < argc; i++)
		av[i + 1] = argv[i];
	av[argc + 1] = NULL;
	execvp(av[0], av);
	perror("waitscreen: tmux");
	return 1;
}

int
main(int argc, char **argv)
{
	long	lim;

	if (argc > 1 && strcmp(argv[1], "-k") == 0)
		return keys(argc - 1, argv + 1);
	if (argc == 4 && strcmp(argv[1], "-d") == 0)
		return gate_daemon(argv[2], argv[3]);
	if (argc > 1 && strcmp(argv[1], "-c") == 0)
		return command(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "-p") == 0) {
		print = 1;
		argc--;
		argv++;
	}
	if ((argc != 5 && argc != 6) ||
	    (lim = strtol(argv[4], NULL, 10)) <= 0) {
		fprintf(stderr,
		    "usage: waitscreen [-p] SOCKET TARGET TEXT TENTHS [OUTPUT]\n");
		return 2;
	}
	sock = argv[1];
	target = argv[2];
	text = argv[3];
	if (argc == 6 && out_size(argv[5]) >= 0)
		return watch_loop(argv[5], now_ms() + lim * 100);
	return poll_loop(lim);
}
