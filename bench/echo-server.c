/*
 * bench/echo-server.c: the baseline of bench/sessions (issue 15 item 6):
 * the least an SSH server with ncurses screens can do, built the way
 * `njbt serve` is (a listener that forks a process per connection; that
 * process does the key exchange, accepts any password or public key,
 * wants a pty and a shell, and bridges the channel to a pty whose slave
 * runs the screen in a child of its own), but the screen only echoes:
 * each key read with get_wch() is drawn on the line below a fixed title
 * ("ECHO READY") and refreshed. No database, no forms.
 *
 *   build/bench-echo-server ADDR PORT HOSTKEY
 *
 * It runs until SIGTERM (or, as every benchmark process, its alarm: an
 * hour at most); the sessions end when their clients close.
 */
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utmp.h>
#include <wchar.h>

#include <curses.h>
#include <libssh/libssh.h>
#include <libssh/server.h>

/* libssh's message API, the shortest way to a server, is marked deprecated */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#define ECHO_ALARM	3600	/* seconds: the server stops by itself */

static volatile sig_atomic_t	echo_stop;

static void
echo_signal(int sig)
{
	(void)sig;
	echo_stop = 1;
}

/* The screen: a title, then each key on the line below it. */
static void
echo_screen(void)
{
	wint_t	wc;
	wchar_t	w[2] = { 0, 0 };
	long	nkeys = 0;
	int	r, col = 0;

	setlocale(LC_ALL, "C.UTF-8");
	initscr();
	raw();
	noecho();
	keypad(stdscr, TRUE);
	mvaddstr(0, 0, "ECHO READY");
	refresh();
	while ((r = get_wch(&wc)) != ERR) {
		if (col >= COLS - 2) {
			move(2, 0);
			clrtoeol();
			col = 0;
		}
		if (r == KEY_CODE_YES)		/* counted: each one shows */
			mvprintw(1, 0, "key %d #%ld   ", (int)wc, ++nkeys);
		else if (wc == 4)		/* Ctrl-D: the end */
			break;
		else {
			w[0] = wc >= 0x20 ? (wchar_t)wc : L'^';
			mvaddwstr(2, col, w);
			col += wcwidth(w[0]) > 1 ? 2 : 1;
		}
		refresh();
	}
	endwin();
	_exit(0);
}

/* Accept any password or key; then one session channel with pty+shell. */
static ssh_channel
echo_login(ssh_session s, int *cols, int *rows)
{
	ssh_message	m;
	ssh_channel	ch = NULL;
	int		shell = 0;

	while (!shell && (m = ssh_message_get(s)) != NULL) {
		int type = ssh_message_type(m), sub = ssh_message_subtype(m);

		if (type == SSH_REQUEST_AUTH && sub == SSH_AUTH_METHOD_PASSWORD)
			ssh_message_auth_reply_success(m, 0);
		else if (type == SSH_REQUEST_AUTH &&
		    sub == SSH_AUTH_METHOD_PUBLICKEY) {
			if (ssh_message_auth_publickey_state(m) ==
			    SSH_PUBLICKEY_STATE_VALID)
				ssh_message_auth_reply_success(m, 0);
			else
				ssh_message_auth_reply_pk_ok_simple(m);
		} else if (type == SSH_REQUEST_AUTH) {
			ssh_message_auth_set_methods(m, SSH_AUTH_METHOD_PASSWORD |
			    SSH_AUTH_METHOD_PUBLICKEY);
			ssh_message_reply_default(m);
		} else if (type == SSH_REQUEST_CHANNEL_OPEN && ch == NULL &&
		    sub == SSH_CHANNEL_SESSION)
			ch = ssh_message_channel_request_open_reply_accept(m);
		else if (type == SSH_REQUEST_CHANNEL && ch != NULL &&
		    sub == SSH_CHANNEL_REQUEST_PTY) {
			*cols = ssh_message_channel_request_pty_width(m);
			*rows = ssh_message_channel_request_pty_height(m);
			ssh_message_channel_request_reply_success(m);
		} else if (type == SSH_REQUEST_CHANNEL && ch != NULL &&
		    sub == SSH_CHANNEL_REQUEST_SHELL) {
			ssh_message_channel_request_reply_success(m);
			shell = 1;
		} else
			ssh_message_reply_default(m);
		ssh_message_free(m);
	}
	return shell ? ch : NULL;
}

/* One connection: log in, start the screen, bridge channel <-> pty. */
static void
echo_session(ssh_session s)
{
	struct winsize	 ws = { 24, 80, 0, 0 };
	struct pollfd	 p[2];
	ssh_channel	 ch;
	char		 buf[4096];
	int		 master, cols = 80, rows = 24, n;
	pid_t		 kid;
	int		 one = 1;

	/* as njbt's sessions: no Nagle delay on small writes */
	setsockopt(ssh_get_fd(s), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	ssh_set_blocking(s, 1);
	if (ssh_handle_key_exchange(s) != SSH_OK ||
	    (ch = echo_login(s, &cols, &rows)) == NULL)
		_exit(1);
	ws.ws_col = (unsigned short)cols;
	ws.ws_row = (unsigned short)rows;
	if ((kid = forkpty(&master, NULL, NULL, &ws)) < 0)
		_exit(1);
	if (kid == 0) {
		setenv("TERM", "xterm", 1);
		echo_screen();
	}
	p[0].fd = ssh_get_fd(s);
	p[0].events = POLLIN;
	p[1].fd = master;
	p[1].events = POLLIN;
	for (;;) {
		while ((n = ssh_channel_read_nonblocking(ch, buf, sizeof buf,
		    0)) > 0)
			if (write(master, buf, (size_t)n) != n)
				goto out;
		if (n < 0 || ssh_channel_is_eof(ch) || ssh_channel_is_closed(ch))
			break;
		if (poll(p, 2, 1000) < 0 && errno != EINTR)
			break;
		if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
			if ((n = (int)read(master, buf, sizeof buf)) <= 0)
				break;
			if (ssh_channel_write(ch, buf, (uint32_t)n) != n)
				break;
		}
	}
out:
	kill(kid, SIGHUP);
	waitpid(kid, NULL, 0);
	ssh_channel_close(ch);
	ssh_disconnect(s);
	_exit(0);
}

int
main(int argc, char **argv)
{
	struct sigaction	sa;
	ssh_bind		b;
	ssh_session		s;

	if (argc != 4) {
		fprintf(stderr, "usage: bench-echo-server ADDR PORT HOSTKEY\n");
		return 2;
	}
	alarm(ECHO_ALARM);
	setpgid(0, 0);		/* its sessions: a group of their own */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = echo_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = SA_NOCLDWAIT;	/* sessions reap themselves */
	sigaction(SIGCHLD, &sa, NULL);
	b = ssh_bind_new();
	ssh_bind_options_set(b, SSH_BIND_OPTIONS_BINDADDR, argv[1]);
	ssh_bind_options_set(b, SSH_BIND_OPTIONS_BINDPORT_STR, argv[2]);
	ssh_bind_options_set(b, SSH_BIND_OPTIONS_HOSTKEY, argv[3]);
	if (ssh_bind_listen(b) != SSH_OK) {
		fprintf(stderr, "bench-echo-server: %s\n", ssh_get_error(b));
		return 1;
	}
	fprintf(stderr, "bench-echo-server: listening on %s:%s\n", argv[1],
	    argv[2]);
	while (!echo_stop) {
		s = ssh_new();
		if (ssh_bind_accept(b, s) != SSH_OK) {
			ssh_free(s);
			continue;
		}
		switch (fork()) {
		case 0:
			ssh_bind_free(b);
			alarm(ECHO_ALARM);
			echo_session(s);
			break;
		case -1:
			perror("bench-echo-server: fork");
			break;
		}
		ssh_free(s);
	}
	/* SIGTERM: the sessions go with the process group */
	signal(SIGTERM, SIG_IGN);
	kill(0, SIGTERM);
	ssh_bind_free(b);
	return 0;
}
