/*
 * tmuxgate.c: one tmux control-mode client per e2e test, through which
 * the test's captures and keys go (waitscreen -d starts it, waitscreen -c
 * and waitscreen's own looks use it; tests/e2e/ssh-lib.inc tm and screen).
 *
 * A tmux command-line client costs about 5.6 ms of CPU on the suite's
 * machine (a process that loads tmux and its libraries, then the server's
 * welcome of a new client); the e2e tests ran some 2,900 of them, a
 * tenth of their CPU. The gate is a process that holds one
 * `tmux -C new-session -A -s _waitscreen` (control mode: commands in
 * on a pipe, their output back between %begin and %end lines) and
 * listens on a Unix socket. A request is the words of one tmux command,
 * each ended by a NUL; the answer is one byte, '0' (done) or '1' (tmux's
 * error), then what tmux printed, or '2' when the gate has no tmux any
 * more (nothing was sent: the caller runs tmux itself). Requests are
 * served one at a time, in the order they come. The gate ends when its
 * tmux ends (kill-server) or the shell that started it does.
 */
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tmuxgate.h"

#define GATE_REQ_MAX	(64 * 1024)	/* a request's words */
#define GATE_WAIT_MS	10000		/* tmux's answer, at most */
#define GATE_READY	"WAITSCREEN-GATE-READY"

extern char **environ;

/* The gate's end of its tmux: its stdin, its stdout and what was read. */
static int	 to_tmux = -1, from_tmux = -1;
static char	 inbuf[1 << 17];
static size_t	 inlen;

/* read(2) or write(2) of all of buf; -1 on error. */
static int
write_all(int fd, const char *buf, size_t len)
{
	ssize_t	w;

	while (len > 0) {
		w = write(fd, buf, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

/*
 * The next line of tmux's output into line (without its newline, NUL-
 * terminated, cut at len - 1); waits at most ms (-1: forever, 0: only
 * what is there). 1 with a line, 0 when there was none in time, -1 when
 * tmux has gone.
 */
static int
tmux_line(char *line, size_t len, int ms)
{
	struct pollfd	 p = { .fd = from_tmux, .events = POLLIN };
	char		*nl;
	size_t		 n;
	ssize_t		 r;

	for (;;) {
		if ((nl = memchr(inbuf, '\n', inlen)) != NULL) {
			n = (size_t)(nl - inbuf);
			memcpy(line, inbuf, n < len ? n : len - 1);
			line[n < len ? n : len - 1] = '\0';
			memmove(inbuf, nl + 1, inlen - n - 1);
			inlen -= n + 1;
			return 1;
		}
		if (inlen == sizeof inbuf)	/* a line too long: cut */
			inlen = 0;
		if (poll(&p, 1, ms) <= 0)
			return 0;
		r = read(from_tmux, inbuf + inlen, sizeof inbuf - inlen);
		if (r < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (r <= 0)
			return -1;
		inlen += (size_t)r;
	}
}

/* Word w appended to cmd (at *n, of len) in tmux's double quotes. */
static int
quote(char *cmd, size_t *n, size_t len, const char *w)
{
	const char	*esc;

	if (*n + 1 >= len)
		return -1;
	cmd[(*n)++] = '"';
	for (; *w != '\0'; w++) {
		esc = *w == '\n' ? "\\n" : *w == '\r' ? "\\r" :
		    *w == '"' ? "\\\"" : *w == '\\' ? "\\\\" :
		    *w == '$' ? "\\$" : NULL;
		if (*n + 3 >= len)
			return -1;
		if (esc != NULL) {
			cmd[(*n)++] = esc[0];
			cmd[(*n)++] = esc[1];
		} else
			cmd[(*n)++] = *w;
	}
	cmd[(*n)++] = '"';
	return 0;
}

/*
 * Run the command whose words are req (len bytes, each word NUL-ended)
 * through tmux; its answer to fd. 0, or -1 when tmux has gone.
 */
static int
serve_one(int fd, const char *req, size_t len)
{
	static char	 cmd[GATE_REQ_MAX * 2 + 8], line[1 << 16];
	static char	 out[1 << 17];
	char		 head[128];
	const char	*w;
	size_t		 n = 0, on = 1, l;
	char		 st = '2';

	for (w = req; w < req + len; w += strlen(w) + 1) {
		if (n > 0)
			cmd[n++] = ' ';
		if (quote(cmd, &n, sizeof cmd - 1, w) != 0)
			goto answer;	/* too long: as tmux's error */
	}
	cmd[n++] = '\n';
	if (n == 1 || write_all(to_tmux, cmd, n) != 0)
		goto answer;
	/* its block: %begin TIME NUMBER FLAGS ... %end (or %error) and the
	   same three words (a screen's own "%end" line is not the end) */
	do {
		if (tmux_line(line, sizeof line, GATE_WAIT_MS) <= 0)
			return -1;
	} while (strncmp(line, "%begin ", 7) != 0);
	if ((l = strlen(line + 7)) >= sizeof head)
		l = sizeof head - 1;
	memcpy(head, line + 7, l);
	head[l] = '\0';
	for (;;) {
		if (tmux_line(line, sizeof line, GATE_WAIT_MS) <= 0)
			return -1;
		if ((strncmp(line, "%end ", 5) == 0 &&
		    strcmp(line + 5, head) == 0) ||
		    (strncmp(line, "%error ", 7) == 0 &&
		    strcmp(line + 7, head) == 0))
			break;
		l = strlen(line);
		if (on + l + 1 < sizeof out) {
			memcpy(out + on, line, l);
			out[on + l] = '\n';
			on += l + 1;
		}
	}
	st = line[1] == 'e' && line[2] == 'n' ? '0' : '1';
answer:
	out[0] = st;
	(void)write_all(fd, out, st == '2' ? 1 : on);
	return 0;
}

/* A request from the socket into buf; its length, or -1. */
static ssize_t
read_request(int fd, char *buf, size_t len)
{
	struct pollfd	p = { .fd = fd, .events = POLLIN };
	size_t		n = 0;
	ssize_t		r;

	for (;;) {
		if (poll(&p, 1, GATE_WAIT_MS) <= 0)
			return -1;
		r = read(fd, buf + n, len - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			return (ssize_t)n;
		if ((n += (size_t)r) == len)
			return -1;
	}
}

/* tmux's notifications between requests: read, and dropped; -1 when
   tmux has gone. */
static int
drain(void)
{
	static char	line[1 << 16];
	int		r;

	while ((r = tmux_line(line, sizeof line, 0)) > 0)
		;
	return r;
}

/* The gate's loop; it returns 0 when its tmux has gone, 1 when its shell
   has (the test is over). */
static int
gate_loop(int ls, pid_t shell)
{
	static char	 req[GATE_REQ_MAX];
	struct pollfd	 p[2];
	ssize_t		 n;
	int		 fd;

	p[0].fd = ls;
	p[0].events = POLLIN;
	p[1].fd = from_tmux;
	p[1].events = POLLIN;
	for (;;) {
		if (kill(shell, 0) != 0 && errno == ESRCH)
			return 1;
		if (poll(p, 2, 1000) < 0 && errno != EINTR)
			return 0;
		if (p[1].revents != 0 && drain() != 0)
			return 0;
		if (!(p[0].revents & POLLIN))
			continue;
		if ((fd = accept(ls, NULL, NULL)) < 0)
			continue;
		n = read_request(fd, req, sizeof req);
		if (n <= 0 || req[n - 1] != '\0')
			(void)write_all(fd, "1", 1);
		else if (serve_one(fd, req, (size_t)n) != 0) {
			close(fd);
			return 0;
		}
		close(fd);
	}
}

int
gate_daemon(const char *sock, const char *path)
{
	/* its session and window named so that no target of a test (a
	   session's name, which tmux looks up as a window of the current
	   session first, even by its start: "b" finds "bash") finds them */
	const char		*words[] = { "tmux", "-L", sock, "-C",
				    "new-session", "-A", "-s", "_waitscreen",
				    "-n", "_waitscreen", "-x", "80", "-y", "24",
				    "exec sleep 2147483647" };
	char			*argv[sizeof words / sizeof words[0] + 1];
	char			 w[sizeof words / sizeof words[0]][32];
	char			 line[256], ok = 'n';
	posix_spawn_file_actions_t fa;
	struct sockaddr_un	 sa;
	pid_t			 shell = getppid(), pid, server;
	int			 ready[2], in[2], out[2], ls, null, i, over;

	if (strlen(path) >= sizeof sa.sun_path || pipe(ready) != 0)
		return 2;
	if ((pid = fork()) < 0)
		return 2;
	if (pid > 0) {			/* the caller: wait for the gate */
		close(ready[1]);
		while (read(ready[0], &ok, 1) < 0 && errno == EINTR)
			;
		return ok == 'y' ? 0 : 1;
	}
	close(ready[0]);
	setsid();
	signal(SIGPIPE, SIG_IGN);
	if ((null = open("/dev/null", O_RDWR)) >= 0) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
	}
	/* none of the shell's other files (a pipe a caller waits on) */
	for (i = STDERR_FILENO + 1; i < 1024; i++)
		if (i != ready[1])
			close(i);
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path, strlen(path));
	unlink(path);
	if ((ls = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0 ||
	    bind(ls, (struct sockaddr *)&sa, sizeof sa) != 0 ||
	    listen(ls, 128) != 0)
		_exit(1);
	/* (-Wwrite-strings: the words in arrays of our own) */
	for (i = 0; i < (int)(sizeof words / sizeof words[0]); i++) {
		if (strlen(words[i]) >= sizeof w[i])
			_exit(1);
		argv[i] = strcpy(w[i], words[i]);
	}
	argv[i] = NULL;
	if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0)
		_exit(1);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], STDIN_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
	if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) != 0)
		_exit(1);
	close(in[0]);
	close(out[1]);
	to_tmux = in[1];
	from_tmux = out[0];
	/* ready when tmux answers a first command of ours (with the tmux
	   server's process id) */
	if (write_all(to_tmux, "display-message -p \"" GATE_READY " #{pid}\"\n",
	    sizeof "display-message -p \"" GATE_READY " #{pid}\"\n" - 1) != 0)
		_exit(1);
	do {
		if (tmux_line(line, sizeof line, GATE_WAIT_MS) <= 0)
			_exit(1);
	} while (strncmp(line, GATE_READY " ", sizeof GATE_READY) != 0);
	server = (pid_t)strtol(line + sizeof GATE_READY, NULL, 10);
	do {
		if (tmux_line(line, sizeof line, GATE_WAIT_MS) <= 0)
			_exit(1);
	} while (strncmp(line, "%end ", 5) != 0);
	(void)write_all(ready[1], "y", 1);
	close(ready[1]);
	over = gate_loop(ls, shell);
	unlink(path);
	close(ls);
	/* the test's shell has gone and left its tmux server (its cleanup's
	   kill-server did not come or did not end it): the server goes too,
	   nobody else uses it */
	if (over)
		(void)write_all(to_tmux, "kill-server\n", 12);
	close(to_tmux);			/* tmux -C detaches and ends */
	fcntl(from_tmux, F_SETFL, O_NONBLOCK);
	for (i = 0; i < 40 && waitpid(pid, NULL, WNOHANG) == 0; i++) {
		if (drain() != 0)	/* its last lines, then its end */
			inlen = 0;
		usleep(50000);
	}
	if (i == 40) {			/* still there after 2 s */
		kill(pid, SIGKILL);
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
		if (over && server > 0)
			kill(server, SIGTERM);
	}
	close(from_tmux);
	_exit(0);
}

int
gate_call(int argc, char **argv, char *buf, size_t len)
{
	static char		 req[GATE_REQ_MAX];
	struct sockaddr_un	 sa;
	const char		*path = getenv("WAITSCREEN_GATE");
	size_t			 n = 0, l, got = 0;
	ssize_t			 r;
	int			 fd, i, rc = GATE_FAILED;

	if (path == NULL || *path == '\0' || strlen(path) >= sizeof sa.sun_path)
		return GATE_NONE;
	for (i = 0; i < argc; i++) {
		l = strlen(argv[i]) + 1;
		if (n + l > sizeof req)
			return GATE_NONE;
		memcpy(req + n, argv[i], l);
		n += l;
	}
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path, strlen(path));
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return GATE_NONE;
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		close(fd);
		return GATE_NONE;
	}
	if (write_all(fd, req, n) != 0 || shutdown(fd, SHUT_WR) != 0)
		goto out;
	/* the answer's first byte, then tmux's output into buf */
	{
		char	st;

		while ((r = read(fd, &st, 1)) < 0 && errno == EINTR)
			;
		if (r != 1)
			goto out;
		if (st == '2') {
			rc = GATE_NONE;
			goto out;
		}
		rc = st == '0' ? GATE_OK : GATE_TMUX_ERROR;
	}
	while (got + 1 < len &&
	    ((r = read(fd, buf + got, len - 1 - got)) > 0 ||
	    (r < 0 && errno == EINTR)))
		if (r > 0)
			got += (size_t)r;
	if (len > 0)
		buf[got] = '\0';
out:
	close(fd);
	return rc;
}
