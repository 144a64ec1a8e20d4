/*
 * tests/tools/closefirst.c: a client that closes its channel before the
 * server does and hangs up a moment later (tests/e2e/hangup.sh).
 *
 *	closefirst PORT LOGIN PASSWORD MS
 *
 * With libssh's client: logs in to 127.0.0.1:PORT by password, opens a
 * session channel, asks for the SFTP subsystem, then sends its EOF and its
 * close, as PuTTY's pscp does when it has both ends' EOF before it has
 * read the server's close. Then, for MS milliseconds, it reads the raw
 * connection (libssh no longer): the server's own close may come, its
 * hang-up must not. Exit 0 and "client" when the server waited for the
 * client to hang up (which it then does, without a disconnect message);
 * 1 and "server MS" when the server hung up first, MS milliseconds after
 * the close (a client that never hangs up is hung up on: hangup.sh runs
 * one with an MS longer than the server's wait); 2 when it could not get
 * that far.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <libssh/libssh.h>

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
main(int argc, char **argv)
{
	ssh_session	 s;
	ssh_channel	 c;
	char		 buf[4096];
	long long	 start, end;
	unsigned int	 port;
	long		 timeout = 20;
	int		 no = 0, fd, ms;
	ssize_t		 n;

	if (argc != 5) {
		fprintf(stderr, "usage: closefirst PORT LOGIN PASSWORD MS\n");
		return 2;
	}
	port = (unsigned int)atoi(argv[1]);
	ms = atoi(argv[4]);
	if ((s = ssh_new()) == NULL)
		return 2;
	ssh_options_set(s, SSH_OPTIONS_HOST, "127.0.0.1");
	ssh_options_set(s, SSH_OPTIONS_PORT, &port);
	ssh_options_set(s, SSH_OPTIONS_USER, argv[2]);
	ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &no);
	ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
	ssh_options_set(s, SSH_OPTIONS_STRICTHOSTKEYCHECK, &no);
	ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeout);
	if (ssh_connect(s) != SSH_OK ||
	    ssh_userauth_password(s, NULL, argv[3]) != SSH_AUTH_SUCCESS) {
		fprintf(stderr, "login: %s\n", ssh_get_error(s));
		return 2;
	}
	if ((c = ssh_channel_new(s)) == NULL ||
	    ssh_channel_open_session(c) != SSH_OK ||
	    ssh_channel_request_subsystem(c, "sftp") != SSH_OK) {
		fprintf(stderr, "channel: %s\n", ssh_get_error(s));
		return 2;
	}
	/* our EOF and close first; libssh waits for no answer */
	if (ssh_channel_send_eof(c) != SSH_OK ||
	    ssh_channel_close(c) != SSH_OK) {
		fprintf(stderr, "close: %s\n", ssh_get_error(s));
		return 2;
	}
	fd = ssh_get_fd(s);
	start = now_ms();
	end = start + ms;
	while (now_ms() < end) {
		struct pollfd p = { fd, POLLIN, 0 };

		if (poll(&p, 1, (int)(end - now_ms())) <= 0)
			continue;
		n = recv(fd, buf, sizeof buf, 0);
		if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
			printf("server %lld\n", now_ms() - start);
			return 1;
		}
	}
	printf("client\n");
	/* the hang-up, no disconnect message */
	shutdown(fd, SHUT_RDWR);
	close(fd);
	return 0;
}
