/*
 * ssh-channel.c: the session channel of a session process
 * (ssh-session.c): its requests (pty, window change, shell; exec,
 * the "sftp" subsystem (ssh-sftp.c); exec, other subsystems and env
 * refused but TERM and LANG), the keys that come in
 * and what is sent out, with the wire log of $NJBT_WIRE_LOG.
 */
#include <sys/ioctl.h>
#include <sys/time.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "ssh-session.h"

/* Now, in ms of the monotonic clock: the times of input and of the end. */
int64_t
sess_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Append one record to the wire log: "SECONDS.MICROS PID KIND N [BYTES]",
 * KIND out (channel data sent), err (its stderr) or in (received), the
 * bytes escaped C-style (\xNN for control bytes and \\), so that a
 * record is one line; "start LOGIN COLSxROWS TERM" and "end REASON" notes
 * frame each session. One write(2) per record, the file opened O_APPEND,
 * so the records of many sessions interleave whole. Input is logged by
 * its length only: it may hold passwords.
 */
void
wire_log(struct sess *s, const char *kind, const void *data, size_t len,
    int with_bytes)
{
	const unsigned char	*p = data;
	struct timeval		 tv;
	char			*buf;
	size_t			 cap = 128 + (with_bytes ? len * 4 : 0), n, i;

	if (s->wire < 0)
		return;
	buf = xcalloc(1, cap);
	gettimeofday(&tv, NULL);
	n = (size_t)snprintf(buf, cap, "%lld.%06ld %d %s %zu",
	    (long long)tv.tv_sec, (long)tv.tv_usec, (int)getpid(), kind, len);
	if (with_bytes) {
		buf[n++] = ' ';
		for (i = 0; i < len; i++) {
			if (p[i] < 0x20 || p[i] == 0x7f) {
				snprintf(buf + n, cap - n, "\\x%02x", p[i]);
				n += 4;
			} else if (p[i] == '\\') {
				buf[n++] = '\\';
				buf[n++] = '\\';
			} else
				buf[n++] = (char)p[i];
		}
	}
	buf[n++] = '\n';
	(void)!write(s->wire, buf, n);
	free(buf);
}

/* A note in the wire log: "SECONDS.MICROS PID start|end TEXT". */
void
wire_note(struct sess *s, const char *kind, const char *text)
{
	struct timeval	tv;
	char		line[256];
	int		n;

	if (s->wire < 0)
		return;
	gettimeofday(&tv, NULL);
	n = snprintf(line, sizeof line, "%lld.%06ld %d %s %s\n",
	    (long long)tv.tv_sec, (long)tv.tv_usec, (int)getpid(), kind, text);
	if (n > 0 && (size_t)n < sizeof line)
		(void)!write(s->wire, line, (size_t)n);
}

/* Send data to the client's terminal, logging it to the wire log. */
void
sess_send(struct sess *s, const void *data, size_t len, int err)
{
	if (s->chan == NULL || len == 0 || ssh_channel_is_closed(s->chan))
		return;
	if (err)
		ssh_channel_write_stderr(s->chan, data, (uint32_t)len);
	else
		ssh_channel_write(s->chan, data, (uint32_t)len);
	wire_log(s, err ? "err" : "out", data, len, 1);
}

void
sess_say(struct sess *s, const char *text, int err)
{
	sess_send(s, text, strlen(text), err);
}

static int
cb_pty(ssh_session ssh, ssh_channel chan, const char *term, int cols,
    int rows, int pxw, int pxh, void *arg)
{
	struct sess	*s = arg;
	size_t		 i;

	(void)ssh;
	(void)chan;
	if (s->pty || s->shell)
		return -1;
	s->pty = 1;
	strlcpy0(s->term, "xterm", sizeof s->term);
	if (term != NULL && *term != '\0' && strlen(term) < sizeof s->term) {
		for (i = 0; term[i] != '\0'; i++)
			if (!((term[i] >= 'a' && term[i] <= 'z') ||
			    (term[i] >= 'A' && term[i] <= 'Z') ||
			    (term[i] >= '0' && term[i] <= '9') ||
			    strchr("._+-", term[i]) != NULL))
				break;
		if (term[i] == '\0')
			strlcpy0(s->term, term, sizeof s->term);
	}
	s->ws.ws_col = cols > 0 && cols < 1000 ? (unsigned short)cols : 80;
	s->ws.ws_row = rows > 0 && rows < 1000 ? (unsigned short)rows : 24;
	s->ws.ws_xpixel = pxw > 0 && pxw < 65536 ? (unsigned short)pxw : 0;
	s->ws.ws_ypixel = pxh > 0 && pxh < 65536 ? (unsigned short)pxh : 0;
	return 0;
}

static int
cb_window(ssh_session ssh, ssh_channel chan, int cols, int rows, int pxw,
    int pxh, void *arg)
{
	struct sess	*s = arg;

	(void)ssh;
	(void)chan;
	if (cols > 0 && cols < 1000)
		s->ws.ws_col = (unsigned short)cols;
	if (rows > 0 && rows < 1000)
		s->ws.ws_row = (unsigned short)rows;
	s->ws.ws_xpixel = pxw > 0 && pxw < 65536 ? (unsigned short)pxw : 0;
	s->ws.ws_ypixel = pxh > 0 && pxh < 65536 ? (unsigned short)pxh : 0;
	if (s->master >= 0)
		ioctl(s->master, TIOCSWINSZ, &s->ws);
	return 0;
}

static int
cb_shell(ssh_session ssh, ssh_channel chan, void *arg)
{
	struct sess *s = arg;

	(void)ssh;
	(void)chan;
	if (s->shell || s->sftp || s->refuse != NULL)
		return -1;
	s->shell = 1;
	return 0;
}

/*
 * exec and subsystem: the request is taken (so that the client shows our
 * line rather than its own English one), then the line goes to stderr
 * and the channel closes with exit status 1.
 */
static int
sess_refuse(struct sess *s, const char *what, const char *arg,
    const char *line)
{
	char text[64];

	if (s->shell || s->sftp || s->refuse != NULL)
		return -1;
	sess_clean(arg, text, sizeof text);
	sess_log(s->who.login, s->addr, "refused %s %s", what, text);
	s->refuse = line;
	return 0;
}

static int
cb_exec(ssh_session ssh, ssh_channel chan, const char *cmd, void *arg)
{
	(void)ssh;
	(void)chan;
	return sess_refuse(arg, "exec", cmd,
	    "本系统只提供交互式界面，不能执行命令。");
}

/*
 * The "sftp" subsystem, for a logged-in user (issue 12 (1)): the session
 * serves the user's outbox and inbox (ssh-sftp.c) in place of the
 * screens; its data stays with libssh for the SFTP reader (cb_data takes
 * none). Other subsystems are refused.
 */
static int
cb_subsystem(ssh_session ssh, ssh_channel chan, const char *name, void *arg)
{
	struct sess *s = arg;

	(void)ssh;
	(void)chan;
	if (name != NULL && strcmp(name, "sftp") == 0 && s->authed &&
	    s->deny[0] == '\0' && !s->shell && !s->sftp && !s->pty &&
	    s->refuse == NULL) {
		s->sftp = 1;
		return 0;
	}
	return sess_refuse(arg, "subsystem", name,
	    "本系统只提供交互式界面和文件传输（SFTP），不提供其他子系统。");
}

/* Only LANG is taken (TERM comes with the pty); the rest refused. */
static int
cb_env(ssh_session ssh, ssh_channel chan, const char *name,
    const char *value, void *arg)
{
	struct sess	*s = arg;
	char		 text[64];
	size_t		 i;

	(void)ssh;
	(void)chan;
	if (name != NULL && strcmp(name, "LANG") == 0 && value != NULL &&
	    *value != '\0' && strlen(value) < sizeof s->lang) {
		for (i = 0; value[i] != '\0'; i++)
			if (!((value[i] >= 'a' && value[i] <= 'z') ||
			    (value[i] >= 'A' && value[i] <= 'Z') ||
			    (value[i] >= '0' && value[i] <= '9') ||
			    strchr("._@-", value[i]) != NULL))
				break;
		if (value[i] == '\0') {
			strlcpy0(s->lang, value, sizeof s->lang);
			return 0;
		}
	}
	sess_clean(name, text, sizeof text);
	sess_log(s->who.login, s->addr, "refused env %s", text);
	return -1;
}

/* Pass the keys waiting in s->in to the screens, as far as the pty takes. */
void
sess_flush_input(struct sess *s)
{
	ssize_t n;

	while (s->inlen > 0 && s->master >= 0) {
		n = write(s->master, s->in, s->inlen);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN)
				s->inlen = 0;
			return;
		}
		memmove(s->in, s->in + n, s->inlen - (size_t)n);
		s->inlen -= (size_t)n;
	}
}

/*
 * Keys from the client to the screens. What the pty does not take at
 * once waits in s->in (a paste can be larger than the pty's buffer) and
 * the loop passes it on; when that is full too, libssh keeps the rest
 * (0 taken), which holds back the client's window. Input before the
 * screens start stays with libssh the same way.
 */
static int
cb_data(ssh_session ssh, ssh_channel chan, void *data, uint32_t len,
    int is_stderr, void *arg)
{
	struct sess	*s = arg;
	size_t		 take;

	(void)ssh;
	(void)chan;
	(void)is_stderr;
	/* SFTP: the data stays with libssh for the SFTP reader */
	if (s->sftp) {
		sftp_scan(s, data, len);
		return 0;
	}
	if (s->master < 0)
		return s->pty_closed || s->refuse != NULL ? (int)len : 0;
	s->last_input = sess_ms();
	sess_flush_input(s);
	take = sizeof s->in - s->inlen;
	if (take > len)
		take = len;
	memcpy(s->in + s->inlen, data, take);
	s->inlen += take;
	wire_log(s, "in", data, take, 0);
	sess_flush_input(s);
	return (int)take;
}

/*
 * The client closed the channel. (Its EOF only says no more input comes,
 * as with `ssh host < /dev/null`: the output still goes out.) It hangs up
 * itself once it has our close too: sess_free then owes it no disconnect.
 */
static void
cb_close(ssh_session ssh, ssh_channel chan, void *arg)
{
	struct sess *s = arg;

	(void)ssh;
	(void)chan;
	s->client_gone = 1;
	s->client_closed = 1;
}

/* One session channel per connection, after logging in (or being
 * accepted only to be told why not: the reason goes out on it). */
ssh_channel
cb_channel_open(ssh_session ssh, void *arg)
{
	struct sess *s = arg;

	if ((!s->authed && s->deny[0] == '\0') || s->chan != NULL)
		return NULL;
	if ((s->chan = ssh_channel_new(ssh)) == NULL)
		return NULL;
	memset(&s->ccb, 0, sizeof s->ccb);
	s->ccb.userdata = s;
	s->ccb.channel_data_function = cb_data;
	s->ccb.channel_close_function = cb_close;
	s->ccb.channel_pty_request_function = cb_pty;
	s->ccb.channel_shell_request_function = cb_shell;
	s->ccb.channel_pty_window_change_function = cb_window;
	s->ccb.channel_exec_request_function = cb_exec;
	s->ccb.channel_env_request_function = cb_env;
	s->ccb.channel_subsystem_request_function = cb_subsystem;
	ssh_callbacks_init(&s->ccb);
	ssh_set_channel_callbacks(s->chan, &s->ccb);
	return s->chan;
}
