/*
 * ssh-session.c: one SSH connection, in a process of its own (forked by
 * ssh-server.c after accept). In order:
 *
 *   1. libssh key exchange, bounded by SSH_OPTIONS_TIMEOUT (the login
 *      grace), on a socket with TCP_NODELAY and keepalives;
 *   2. logging in through auth.c: password, public key, keyboard-
 *      interactive (asking "密码 Password: "; libssh 0.10 has no server
 *      callback for it, so the message callback does it) and "none" for
 *      the built-in register login. What a refused user should read (a wrong
 *      password) goes out as a userauth banner, which OpenSSH (7.3 on, in
 *      a UTF-8 locale, below LogLevel=ERROR), PuTTY and Xshell show
 *      whatever method the client uses; a reason for the holder of the
 *      credential only (a locked account, the register login full) on
 *      the terminal of a login accepted only for that (sess_deny);
 *   3. one session channel, which must ask for a pty and a shell. Only
 *      TERM (from pty-req) and LANG (env) are taken from the client;
 *      other env requests are refused, exec and subsystem requests get a
 *      Chinese line on stderr and the channel closes; but the "sftp"
 *      subsystem, which ssh-sftp.c serves in place of the screens (5),
 *      under the same session limit (4) and idle time (6);
 *   4. the per-user session limit (auth_session_begin);
 *   5. the screens: a pty, and a child on its slave (login_tty) that opens
 *      its own database handle and runs tui_main(). This process closes
 *      its handle before that fork and bridges channel <-> pty master;
 *      window-change becomes TIOCSWINSZ;
 *   6. the end: the user quits, the connection drops, the user is idle
 *      too long (input only counts; this process keeps that time, as
 *      it sees what comes over the wire: the screens get idle 0), or the
 *      server is stopping
 *      (SIGTERM). The screens get SIGTERM (idle, shutdown: they may save
 *      and put the terminal back; SIGKILL after 3 s) or SIGHUP (the
 *      connection is gone), a goodbye line goes to the user, and the
 *      logout is written.
 *
 * With $NJBT_WIRE_LOG set, every write of channel data is appended to
 * that file with its time (see wire_log), for the benchmarks.
 *
 * This file holds the process, the screens and the loop (1, 4-6);
 * logging in (2) is in ssh-login.c, the channel (3) and what is written
 * to it in ssh-channel.c, the log lines in ssh-log.c. The listener is
 * reached only through the session_link it passed in.
 */
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <utmp.h>

#include "ssh-lib.h"

#include "log.h"
#include "ssh-server.h"
#include "ssh-session.h"
#include "tui-board.h"

static const char *const sess_end_names[] = {
	"", "quit", "closed", "idle", "shutdown", "crash", "refused", "revoked"
};

static volatile sig_atomic_t	sess_term_flag;
static volatile sig_atomic_t	sess_child_flag;
static int			sess_wake[2] = { -1, -1 };

static void
sess_signal(int sig)
{
	int saved = errno;

	if (sig == SIGCHLD)
		sess_child_flag = 1;
	else
		sess_term_flag = 1;
	(void)!write(sess_wake[1], "x", 1);
	errno = saved;
}

/* --- the screens ------------------------------------------------------- */

/* Is there a terminfo entry for term? Else the screens get "xterm". */
static int
sess_terminfo(const char *term)
{
	static const char *const dirs[] = {
		"/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo",
		"/usr/lib/terminfo"
	};
	char		 path[4096];
	const char	*env = getenv("TERMINFO");
	struct stat	 sb;
	size_t		 i;

	if (env != NULL && *env != '\0') {
		xsnprintf(path, sizeof path, "%s/%c/%s", env, term[0], term);
		if (stat(path, &sb) == 0)
			return 1;
	}
	for (i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		xsnprintf(path, sizeof path, "%s/%c/%s", dirs[i], term[0],
		    term);
		if (stat(path, &sb) == 0)
			return 1;
		xsnprintf(path, sizeof path, "%s/%02x/%s", dirs[i],
		    (unsigned char)term[0], term);
		if (stat(path, &sb) == 0)
			return 1;
	}
	return 0;
}

/*
 * The TERM the screens get: the client's when there is a terminfo entry
 * for it; "xterm" for a name without one that is one of the xterm-like
 * families (Debian has no entry for putty and some others); else the
 * name as it is, so that the screens say they cannot draw on it
 * (R-SEC-8.12f issue 8 (12), tui-main.c) rather than guess.
 */
static const char *
sess_term_name(const char *term)
{
	static const char *const xtermish[] = {
		"putty", "xterm", "screen", "tmux", "rxvt", "konsole",
		"gnome", "vte", "kitty", "alacritty", "iterm", "mintty",
		"cygwin", "ms-terminal", "st-", "foot", "wezterm", "linux"
	};
	size_t i;

	if (sess_terminfo(term))
		return term;
	for (i = 0; i < sizeof xtermish / sizeof xtermish[0]; i++)
		if (strncmp(term, xtermish[i], strlen(xtermish[i])) == 0)
			return "xterm";
	return term;
}

/*
 * In the child, on the pty slave: the screens, with a database handle of
 * their own. Never returns.
 */
static void
sess_child(struct sess *s, int slave, int must_change)
{
	static struct auth_policy gate;
	struct tui_opts	 t;
	char		 err[NJ_MSG_MAX];
	int		 rc, keep;

	close(s->master);
	if (login_tty(slave) != 0)
		_exit(127);
	/* issue 15 item 4: the slots of password hashes (auth-gate.c) stay,
	   as descriptor 3, for the password changes saved here */
	gate = s->o->policy;
	if (gate.hash_fd > 0 && dup2(gate.hash_fd, 3) == 3) {
		fcntl(3, F_SETFD, FD_CLOEXEC);
		gate.hash_fd = 3;
	} else
		gate.hash_fd = -1;
	auth_gate_process(&gate);
	keep = gate.hash_fd == 3 ? 4 : 3;
	/* issue 15: and the menus' shared status lines (tui-board.c) */
	if (board_keep(keep) == 0)
		keep++;
	closefrom(keep);
	/* the pty is this process's stderr: the log goes to syslog only
	 * (and syslog's descriptor, closed just now, is opened again) */
	log_set_sink(LOG_SINK_SESSION);
	signal(SIGTERM, SIG_DFL);
	/* R-SEC-8.12e issue 8 (12): Ctrl-C, Ctrl-\ or Ctrl-Z typed before
	 * the screens have set raw mode must not end them */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	signal(SIGHUP, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	setenv("TERM", sess_term_name(s->term), 1);
	if (s->lang[0] != '\0')
		setenv("LANG", s->lang, 1);
	unsetenv("COLUMNS");
	unsetenv("LINES");
	if (db_open_session(s->o->db, err, sizeof err) != 0) {
		printf("%s\r\n", err);
		fflush(stdout);
		_exit(1);
	}
	memset(&t, 0, sizeof t);
	t.colour = -1;
	t.idle = 0;		/* this process keeps the idle time: see sess_bridge */
	t.must_change = must_change;
	rc = tui_main(&s->who, &t);
	db_close();
	fflush(NULL);
	_exit(rc == 0 || rc == TUI_REVOKED ? rc : 1);
}

/* Make the pty and start the screens on it: 0, or -1. */
static int
sess_start(struct sess *s, int must_change)
{
	struct termios	t;
	int		slave;
	pid_t		pid;

	if (openpty(&s->master, &slave, NULL, NULL, &s->ws) != 0) {
		sess_log(s->who.login, s->addr, "openpty: %s",
		    strerror(errno));
		s->master = -1;
		return -1;
	}
	if (tcgetattr(slave, &t) == 0) {
		t.c_iflag |= IUTF8;
		/* R-SEC-8.12e issue 8 (12): keys typed while the screens
		 * start (a clerk's Ctrl-C after the password) are keys,
		 * never signals: the pty makes no SIGINT/SIGQUIT/SIGTSTP */
		t.c_lflag &= ~(tcflag_t)ISIG;
		tcsetattr(slave, TCSANOW, &t);
	}
	if ((pid = fork()) < 0) {
		sess_log(s->who.login, s->addr, "fork: %s", strerror(errno));
		close(slave);
		close(s->master);
		s->master = -1;
		return -1;
	}
	if (pid == 0)
		sess_child(s, slave, must_change);
	close(slave);
	fcntl(s->master, F_SETFD, FD_CLOEXEC);
	fcntl(s->master, F_SETFL, fcntl(s->master, F_GETFL) | O_NONBLOCK);
	s->child = pid;
	return 0;
}

/*
 * Output of the screens to the client. When the slave side has closed,
 * read gives EIO (or 0) and poll POLLHUP for ever: the fd is marked and
 * taken out of the event by the loop, never inside its own callback.
 */
static int
cb_master(socket_t fd, int revents, void *arg)
{
	struct sess	*s = arg;
	char		 buf[4096];
	ssize_t		 n;

	if (revents & POLLIN) {
		n = read(fd, buf, sizeof buf);
		if (n > 0) {
			sess_send(s, buf, (size_t)n, 0);
			return 0;
		}
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			return 0;
	} else if (!(revents & (POLLHUP | POLLERR | POLLNVAL)))
		return 0;
	s->pty_closed = 1;
	return 0;
}

static int
cb_wake(socket_t fd, int revents, void *arg)
{
	char buf[64];

	(void)revents;
	(void)arg;
	while (read(fd, buf, sizeof buf) > 0)
		;
	return 0;
}

static void
sess_unwatch_master(struct sess *s)
{
	if (s->master_watched) {
		ssh_event_remove_fd(s->ev, s->master);
		s->master_watched = 0;
	}
	if (s->master >= 0) {
		close(s->master);
		s->master = -1;
	}
}

static void
sess_reap(struct sess *s)
{
	int status;

	sess_child_flag = 0;
	if (s->child > 0 && !s->child_done &&
	    waitpid(s->child, &status, WNOHANG) == s->child) {
		s->child_done = 1;
		s->child_status = status;
	}
}

/* Poll once; -1 when the connection is gone. */
static int
sess_poll(struct sess *s, int ms)
{
	int rc = ssh_event_dopoll(s->ev, ms);

	if (sess_child_flag)
		sess_reap(s);
	if (s->pty_closed && s->master >= 0)
		sess_unwatch_master(s);
	if (rc == SSH_ERROR || !ssh_is_connected(s->ssh)) {
		s->client_gone = s->hung_up = 1;
		return -1;
	}
	return 0;
}

/*
 * Bridge the client and the screens until the session ends; why it did.
 */
static enum sess_end
sess_bridge(struct sess *s)
{
	int64_t	now, left, child_end = 0;
	int	ms;

	s->last_input = sess_ms();
	for (;;) {
		if (sess_term_flag)
			return END_SHUTDOWN;
		if (s->client_gone)
			return END_CLOSED;
		if (s->pty_closed) {
			if (!s->child_done)
				sess_reap(s);
			return s->child_done && WIFSIGNALED(s->child_status) ?
			    END_CRASH : END_QUIT;
		}
		now = sess_ms();
		/* the screens ended but something holds the pty */
		if (s->child_done && child_end == 0)
			child_end = now + 1000;
		if (child_end != 0 && now >= child_end)
			return WIFSIGNALED(s->child_status) ? END_CRASH :
			    END_QUIT;
		ms = 60000;
		if (s->o->idle > 0) {
			left = s->last_input + (int64_t)s->o->idle * 1000 - now;
			if (left <= 0)
				return END_IDLE;
			if (left < ms)
				ms = (int)left + 1;
		}
		if (child_end != 0 && child_end - now < ms)
			ms = (int)(child_end - now) + 1;
		if (s->inlen > 0) {
			sess_flush_input(s);
			if (s->inlen > 0 && ms > 20)
				ms = 20;
		}
		if (sess_poll(s, ms) < 0)
			return END_CLOSED;
	}
}

/*
 * End the screens: SIGTERM, and keep passing their output (so that they
 * can put the terminal back) until the pty closes or SESS_STOP_WAIT;
 * then SIGKILL. When the client is gone there is no one to draw for:
 * SIGHUP and close the pty at once.
 */
static void
sess_stop_child(struct sess *s, enum sess_end why)
{
	int64_t	end = sess_ms() + SESS_STOP_WAIT;
	int	status;

	if (s->child <= 0)
		return;
	if (!s->child_done) {
		if (why == END_CLOSED) {
			kill(s->child, SIGHUP);
			sess_unwatch_master(s);
		} else if (!s->pty_closed) {
			kill(s->child, SIGTERM);
			while (!s->pty_closed && !s->client_gone &&
			    sess_ms() < end)
				if (sess_poll(s, 100) < 0)
					break;
		}
	}
	while (!s->child_done && sess_ms() < end) {
		sess_reap(s);
		if (!s->child_done)
			poll(NULL, 0, 20);
	}
	if (!s->child_done) {
		kill(s->child, SIGKILL);
		if (waitpid(s->child, &status, 0) == s->child) {
			s->child_done = 1;
			s->child_status = status;
		}
	}
	sess_unwatch_master(s);
}

/* The last words to the user, by why the session ended. */
static void
sess_goodbye(struct sess *s, enum sess_end why)
{
	char line[NJ_MSG_MAX];

	if (s->chan == NULL || s->client_gone)
		return;
	/* screens that were killed left the terminal as it was */
	if (s->child_done && WIFSIGNALED(s->child_status))
		sess_say(s, "\033[0m\033[?25h\033[?1049l", 0);
	switch (why) {
	case END_IDLE:
		if (s->o->idle % 60 == 0)
			xsnprintf(line, sizeof line, "\r\n您已 %d 分钟没有操作，"
			    "已自动退出登录。再见。\r\n", s->o->idle / 60);
		else
			xsnprintf(line, sizeof line, "\r\n您已 %d 秒没有操作，"
			    "已自动退出登录。再见。\r\n", s->o->idle);
		break;
	case END_SHUTDOWN:
		xsnprintf(line, sizeof line, "\r\n服务器正在关闭，再见。\r\n");
		break;
	case END_CRASH:
		xsnprintf(line, sizeof line, "\r\n程序出错，会话已结束。请重新"
		    "登录；如再出现，请联系管理员。\r\n");
		break;
	default:
		return;
	}
	sess_say(s, line, 0);
}

/* Free the channel, its callbacks first (libssh answers a client's close
 * that has not been answered yet with ours). */
static void
sess_drop_channel(struct sess *s)
{
	if (s->chan == NULL)
		return;
	ssh_remove_channel_callbacks(s->chan, &s->ccb);
	ssh_channel_free(s->chan);
	s->chan = NULL;
}

/*
 * Close the channel with an exit status (or, when the client closed it
 * first, answer its close) and let the bytes go out; then wait for the
 * client to hang up (SESS_HANGUP_MS at most, and one look past that, for
 * a server held off the processor that long). Hanging up first, with the
 * client's last bytes unread, resets the connection; a client that had
 * not yet read the exit status loses it (ssh exits 255 instead); and
 * PuTTY's pscp, psftp and plink, reading the end of our stream with our
 * close, before they have acted on it, exit 1 ("Remote side unexpectedly
 * closed network connection"). So the wait is for the hang-up, not for
 * the client's close: a client sends that as soon as it has both ends'
 * EOF, which may be before it has read our close (the flake of pscp).
 */
static void
sess_close_channel(struct sess *s, int status)
{
	int64_t	end;

	if (s->chan == NULL || s->hung_up || !ssh_is_connected(s->ssh))
		return;
	if (s->client_closed || ssh_channel_is_closed(s->chan))
		sess_drop_channel(s);
	else {
		ssh_channel_request_send_exit_status(s->chan, status);
		ssh_channel_send_eof(s->chan);
		ssh_channel_close(s->chan);
	}
	ssh_blocking_flush(s->ssh, SESS_HANGUP_MS);
	end = sess_ms() + SESS_HANGUP_MS;
	while (!s->hung_up)
		if (sess_poll(s, 100) != 0 || sess_ms() >= end)
			break;
}

/* --- the connection ---------------------------------------------------- */

static void
sess_sockopts(int fd)
{
	int		one = 1, idle = 60, intvl = 15, cnt = 4;
	unsigned int	uto = 120 * 1000;

	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
	setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
	setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl, sizeof intvl);
	setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof cnt);
	setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &uto, sizeof uto);
}

/* Key exchange on fd: 0, or -1 (logged). */
static int
sess_handshake(struct sess *s, int fd)
{
	ssh_bind	b;
	long		timeout = s->o->grace;
	bool		no = false;
	int		rc;

	if ((b = ssh_bind_new()) == NULL ||
	    (s->ssh = ssh_new()) == NULL) {
		sess_log(NULL, s->addr, "out of memory");
		ssh_bind_free(b);
		close(fd);
		return -1;
	}
	ssh_bind_options_set(b, SSH_BIND_OPTIONS_PROCESS_CONFIG, &no);
	if (ssh_bind_options_set(b, SSH_BIND_OPTIONS_HOSTKEY,
	    s->o->hostkey) != SSH_OK) {
		sess_log(NULL, s->addr, "host key: %s", ssh_get_error(b));
		ssh_bind_free(b);
		close(fd);
		return -1;
	}
	ssh_options_set(s->ssh, SSH_OPTIONS_PROCESS_CONFIG, &no);
	ssh_options_set(s->ssh, SSH_OPTIONS_TIMEOUT, &timeout);
	rc = ssh_bind_accept_fd(b, s->ssh, fd);
	if (rc != SSH_OK) {
		sess_log(NULL, s->addr, "accept: %s", ssh_get_error(b));
		ssh_bind_free(b);
		close(fd);
		return -1;
	}
	ssh_bind_free(b);

	memset(&s->scb, 0, sizeof s->scb);
	s->scb.userdata = s;
	s->scb.auth_password_function = cb_auth_password;
	s->scb.auth_pubkey_function = cb_auth_pubkey;
	s->scb.auth_none_function = cb_auth_none;
	s->scb.channel_open_request_session_function = cb_channel_open;
	ssh_callbacks_init(&s->scb);
	ssh_set_server_callbacks(s->ssh, &s->scb);
	ssh_set_message_callback(s->ssh, cb_message, s);
	ssh_set_auth_methods(s->ssh, SSH_AUTH_METHOD_PUBLICKEY |
	    SSH_AUTH_METHOD_INTERACTIVE | SSH_AUTH_METHOD_PASSWORD);
	if (ssh_handle_key_exchange(s->ssh) != SSH_OK) {
		sess_log(NULL, s->addr, "key exchange: %s",
		    ssh_get_error(s->ssh));
		return -1;
	}
	return 0;
}

/*
 * Log in and get the channel's requests, within the login grace:
 * 0 with a shell or a request to refuse, -1 to hang up.
 */
static int
sess_login(struct sess *s)
{
	int64_t	end = sess_ms() + (int64_t)s->o->grace * 1000;

	for (;;) {
		if ((s->authed || s->deny[0] != '\0') && s->chan != NULL &&
		    (s->shell || s->sftp || s->refuse != NULL))
			return 0;
		if (sess_term_flag || s->client_gone)
			return -1;
		if (sess_ms() >= end) {
			sess_log(s->authed ? s->who.login : NULL, s->addr,
			    "login timed out");
			return -1;
		}
		if (!s->authed && s->deny[0] == '\0' &&
		    (s->fails >= SESS_MAX_FAILS ||
		    s->tries > SESS_MAX_TRIES)) {
			sess_log(NULL, s->addr, "too many login attempts");
			return -1;
		}
		if (sess_poll(s, 500) < 0)
			return -1;
	}
}

static void
sess_wire_open(struct sess *s)
{
	char text[160];

	s->wire = -1;
	if (s->o->wirelog == NULL || *s->o->wirelog == '\0')
		return;
	s->wire = open(s->o->wirelog, O_WRONLY | O_APPEND | O_CREAT |
	    O_CLOEXEC, 0600);
	if (s->wire < 0) {
		sess_log(s->who.login, s->addr, "wire log %s: %s",
		    s->o->wirelog, strerror(errno));
		return;
	}
	xsnprintf(text, sizeof text, "%s %dx%d %s", s->who.login,
	    s->ws.ws_col, s->ws.ws_row, s->term);
	wire_note(s, "start", text);
}

/* Free everything libssh holds, callbacks before the channel. */
static void
sess_free(struct sess *s)
{
	if (s->ev != NULL) {
		if (sess_wake[0] >= 0)
			ssh_event_remove_fd(s->ev, sess_wake[0]);
		sess_unwatch_master(s);
		ssh_event_remove_session(s->ev, s->ssh);
	}
	sess_drop_channel(s);
	if (s->ev != NULL) {
		ssh_event_free(s->ev);
		s->ev = NULL;
	}
	if (s->ssh != NULL) {
		/* a client that closed its channel hangs up itself: no
		 * disconnect message, which it might read first (PuTTY then
		 * fails), only our close, flushed, and the end of the stream */
		if (s->client_closed) {
			ssh_blocking_flush(s->ssh, SESS_HANGUP_MS);
			ssh_silent_disconnect(s->ssh);
		} else
			ssh_disconnect(s->ssh);
		ssh_free(s->ssh);
		s->ssh = NULL;
	}
	if (s->wire >= 0)
		close(s->wire);
}

/*
 * The session, after the login: refuse what is not a terminal session,
 * hold to the session limit, run the screens, say goodbye, log out.
 * Returns the exit status for the channel.
 */
static int
sess_serve(struct sess *s)
{
	char		msg[NJ_MSG_MAX + 40], err[NJ_MSG_MAX];
	enum sess_end	why;
	int		must_change, status = 0;

	/* accepted only to be told why not (ssh-login.c, sess_deny): the
	 * reason, exit status 1, and nothing else; never logged in, so no
	 * session row and no logout */
	if (s->deny[0] != '\0') {
		xsnprintf(msg, sizeof msg, "%s%s", s->deny,
		    s->pty ? "\r\n" : "\n");
		sess_say(s, msg, 1);
		sess_close_channel(s, 1);
		return 1;
	}
	/* no files for the register login (no one in particular), nor for
	 * a password to change first (only the screens can change it) */
	if (s->refuse == NULL && s->sftp && s->who.role == ROLE_REGISTER) {
		sess_log(s->who.login, s->addr, "refused sftp: register login");
		s->refuse = "注册账号不能使用文件传输（SFTP）。";
	} else if (s->refuse == NULL && s->sftp &&
	    auth_must_change(&s->who)) {
		sess_log(s->who.login, s->addr, "refused sftp: password to change");
		s->refuse = "请先用终端登录并修改密码，再使用文件传输（SFTP）。";
	}
	if (s->refuse == NULL && !s->pty && !s->sftp) {
		sess_log(s->who.login, s->addr, "refused shell without pty");
		s->refuse = "本系统需要交互式终端，请用 ssh -t 或 PuTTY 登录。";
	}
	if (s->refuse != NULL) {
		xsnprintf(msg, sizeof msg, "%s%s", s->refuse,
		    s->pty ? "\r\n" : "\n");
		sess_say(s, msg, 1);
		why = END_REFUSED;
		status = 1;
		goto out;
	}
	if (auth_session_begin(&s->who, (int)getpid(), s->addr, err,
	    sizeof err) != NJ_OK) {
		sess_log(s->who.login, s->addr, "refused: %s", err);
		xsnprintf(msg, sizeof msg, "%s\r\n", err);
		sess_say(s, msg, 1);
		why = END_REFUSED;
		status = 1;
		goto out;
	}
	if (s->sftp) {
		why = sftp_serve(s, &sess_term_flag);
		status = why == END_CRASH ? 1 : 0;
		goto out;
	}
	must_change = auth_must_change(&s->who);
	sess_wire_open(s);
	/* the screens open their own handle: none may cross the fork */
	db_close();
	s->dbopen = 0;
	if (sess_start(s, must_change) != 0) {
		sess_say(s, "系统错误，无法打开终端，请稍后再试。\r\n", 1);
		why = END_CRASH;
		status = 1;
	} else {
		if (ssh_event_add_fd(s->ev, s->master, POLLIN, cb_master, s) ==
		    SSH_OK)
			s->master_watched = 1;
		why = sess_bridge(s);
		sess_stop_child(s, why);
		sess_goodbye(s, why);
		if (why == END_QUIT)
			status = s->child_done && WIFEXITED(s->child_status) ?
			    WEXITSTATUS(s->child_status) : 1;
		else
			status = why == END_IDLE || why == END_SHUTDOWN ? 0 : 1;
		/* R-SEC-8.3 issue 8 (3): the screens ended a revoked session */
		if (why == END_QUIT && status == TUI_REVOKED)
			why = END_REVOKED;
	}
	if (db_open(s->o->db, err, sizeof err) == 0)
		s->dbopen = 1;
	else
		sess_log(s->who.login, s->addr, "logout: %s", err);
out:
	if (s->wire >= 0)
		wire_note(s, "end", sess_end_names[why]);
	sess_close_channel(s, status);
	if (s->dbopen)
		auth_session_end(&s->who, (int)getpid(), sess_end_names[why]);
	sess_log(s->who.login, s->addr, "logout %s", sess_end_names[why]);
	return status;
}

/*
 * The session process of one accepted connection on fd, from addr.
 * Never returns.
 */
void
session_run(const struct serve_opts *o, const struct session_link *link,
    int fd, const char *addr)
{
	struct sigaction	sa;
	struct sess		s;
	char			err[NJ_MSG_MAX];
	int			code = 1;

	memset(&s, 0, sizeof s);
	s.o = o;
	s.link = link;
	s.master = -1;
	s.wire = -1;
	strlcpy0(s.addr, addr, sizeof s.addr);
	setsid();
	signal(SIGPIPE, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	sess_sockopts(fd);

	/* until the key exchange is done, SIGTERM just ends the process */
	if (sess_handshake(&s, fd) != 0)
		goto out;
	if (pipe2(sess_wake, O_CLOEXEC | O_NONBLOCK) != 0)
		goto out;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = sess_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	if ((s.ev = ssh_event_new()) == NULL ||
	    ssh_event_add_session(s.ev, s.ssh) != SSH_OK ||
	    ssh_event_add_fd(s.ev, sess_wake[0], POLLIN, cb_wake, NULL) !=
	    SSH_OK)
		goto out;
	if (db_open(o->db, err, sizeof err) != 0) {
		sess_log(NULL, addr, "database: %s", err);
		goto out;
	}
	s.dbopen = 1;
	if (sess_login(&s) == 0)
		code = sess_serve(&s);
	else if (s.authed) {
		auth_session_end(&s.who, (int)getpid(), sess_term_flag ?
		    "shutdown" : "closed");
		sess_log(s.who.login, addr, "logout %s", sess_term_flag ?
		    "shutdown" : "closed");
	}
	if (s.dbopen)
		db_close();
out:
	sess_free(&s);
	_exit(code == 0 ? 0 : 1);
}
