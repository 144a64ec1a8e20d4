/*
 * ssh-local.c: ForceCommand mode (issue 14 item 6). Sites that keep the
 * system's OpenSSH give each clerk a Unix account and run `njbt tui` as
 * its ForceCommand; the database and its key file stay readable by the
 * njbt user only. So the clerk's process never opens them:
 *
 *   client  (`njbt tui --socket PATH`, run as the clerk): connects to
 *           the server's Unix socket, sends a hello ("njbt-local-1",
 *           TERM, LANG) with its terminal (fd 0) attached (SCM_RIGHTS),
 *           and waits: a window change becomes one byte 'w'; the server's
 *           last line is "E<why>" (refused), "X<status>", or "G<goodbye>"
 *           when the server stops (the line is shown, status 0);
 *   server  (`njbt serve --socket PATH`, a process per connection forked
 *           by ssh-server.c): takes the peer's uid from the kernel
 *           (SO_PEERCRED, never from the client), maps its Unix name to a
 *           login by the file FILE.db.unix-users beside the database
 *           ("unixname login" lines; owned by the database's owner or
 *           root, writable by no one else), and runs the screens of that
 *           login (cmd_tui_session) in a child on the passed terminal;
 *           SIGWINCH on a 'w', SIGHUP when the client goes.
 *
 * The mapping itself, and the rule for batch commands of other Unix
 * accounts, are unix-users.c.
 */
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cmd.h"
#include "log.h"
#include "ssh-server.h"

#define LOCAL_HELLO	"njbt-local-1"

static volatile sig_atomic_t local_winch, local_chld, local_term;

static void
local_signal(int sig)
{
	if (sig == SIGWINCH)
		local_winch = 1;
	else if (sig == SIGCHLD)
		local_chld = 1;
	else
		local_term = 1;
}

/* Listen on the Unix socket path (any local user may connect). */
int
local_listen(const char *path, char *err, size_t errlen)
{
	struct sockaddr_un	 sun;
	struct stat		 sb;
	int			 fd;

	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sun.sun_path) {
		xsnprintf(err, errlen, "套接字路径太长：%s", path);
		return -1;
	}
	strlcpy0(sun.sun_path, path, sizeof sun.sun_path);
	/* a socket left by an earlier server; nothing else is removed */
	if (lstat(path, &sb) == 0 && S_ISSOCK(sb.st_mode))
		unlink(path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sun, sizeof sun) != 0 ||
	    chmod(path, 0666) != 0 || listen(fd, 64) != 0) {
		xsnprintf(err, errlen, "无法监听本地套接字 %s：%s", path,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

/* One line to the client: kind 'E' (refused) or 'X' (the end). */
static void
local_say(int fd, int kind, const char *text)
{
	char	 line[NJ_MSG_MAX + 4];
	int	 n = xsnprintf(line, sizeof line, "%c%s\n", kind, text);

	if (n > 0)
		(void)!write(fd, line, (size_t)n);
}

/* Receive the hello and the terminal within grace seconds: the fd. */
static int
local_hello(int fd, int grace, char *term, size_t tlen, char *lang,
    size_t llen)
{
	struct msghdr	 mh;
	struct iovec	 iov;
	struct cmsghdr	*c;
	struct pollfd	 p = { fd, POLLIN, 0 };
	union {
		char		buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr	align;
	} u;
	char		 data[512];
	ssize_t		 n;
	int		 tty = -1;
	size_t		 at;

	if (poll(&p, 1, grace * 1000) != 1)
		return -1;
	memset(&mh, 0, sizeof mh);
	memset(data, 0, sizeof data);
	iov.iov_base = data;
	iov.iov_len = sizeof data - 1;
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = u.buf;
	mh.msg_controllen = sizeof u.buf;
	if ((n = recvmsg(fd, &mh, MSG_CMSG_CLOEXEC)) <= 0)
		return -1;
	for (c = CMSG_FIRSTHDR(&mh); c != NULL; c = CMSG_NXTHDR(&mh, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS &&
		    c->cmsg_len == CMSG_LEN(sizeof(int)))
			memcpy(&tty, CMSG_DATA(c), sizeof tty);
	if (tty < 0)
		return -1;
	/* "njbt-local-1\0TERM\0LANG\0"; the terminal must be one */
	at = strlen(data) + 1;
	if (strcmp(data, LOCAL_HELLO) != 0 || (mh.msg_flags & MSG_CTRUNC) ||
	    at >= (size_t)n || !isatty(tty)) {
		close(tty);
		return -1;
	}
	strlcpy0(term, data + at, tlen);
	at += strlen(data + at) + 1;
	strlcpy0(lang, at < (size_t)n ? data + at : "", llen);
	return tty;
}

/* The screens of login on the terminal tty, in a child: its pid. */
static pid_t
local_screens(const struct serve_opts *o, int tty, const char *login,
    const char *name, const char *term, const char *lang)
{
	char	 from[300];
	pid_t	 pid;

	if ((pid = fork()) != 0)
		return pid;
	/* never outlive the session process (killed at the server's stop) */
	prctl(PR_SET_PDEATHSIG, SIGHUP);
	if (getppid() == 1)
		_exit(1);
	setsid();
	signal(SIGWINCH, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	if (dup2(tty, 0) < 0 || dup2(tty, 1) < 0 || dup2(tty, 2) < 0)
		_exit(1);
	if (tty > 2)
		close(tty);
	setenv("TERM", *term && strspn(term, "abcdefghijklmnopqrstuvwxyz"
	    "0123456789-.+") == strlen(term) ? term : "xterm", 1);
	if (*lang && strspn(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP"
	    "QRSTUVWXYZ0123456789_.-@") == strlen(lang))
		setenv("LANG", lang, 1);
	xsnprintf(from, sizeof from, "unix %s", name);
	_exit(cmd_tui_session(o->db, login, "unix", from, o->idle));
}

/*
 * Relay window changes to the screens until they end; their status, and
 * in why how they ended ("quit", "closed", "shutdown"). The screens get
 * SIGHUP when the client goes, SIGTERM when the server stops, and SIGKILL
 * 3 s after either if they are still there.
 */
static int
local_wait(int fd, pid_t child, const char **why)
{
	struct pollfd	 p = { fd, POLLIN, 0 };
	char		 buf[64];
	ssize_t		 n, i;
	int		 status = 0, gone = 0;

	*why = "quit";
	for (;;) {
		if (waitpid(child, &status, WNOHANG) == child)
			break;
		if (local_term) {
			local_term = 0;
			kill(child, SIGTERM);
			if (!gone)
				*why = "shutdown";
			gone = gone ? gone : 1;
		}
		if (gone && ++gone > 16)
			kill(child, SIGKILL);
		if (poll(&p, 1, gone ? 200 : 1000) < 0 && errno != EINTR)
			break;
		if (p.fd < 0 || !(p.revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		n = read(fd, buf, sizeof buf);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0) {
			/* the clerk's connection is gone */
			kill(child, SIGHUP);
			if (!gone)
				*why = "closed";
			gone = gone ? gone : 1;
			p.fd = -1;
			continue;
		}
		for (i = 0; i < n; i++)
			if (buf[i] == 'w')
				kill(child, SIGWINCH);
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

/*
 * The uid the kernel gives for a uid this process's user namespace does
 * not map (/proc/sys/kernel/overflowuid; 65534 where /proc hides it).
 */
static uid_t
local_overflow_uid(void)
{
	FILE	*f = fopen("/proc/sys/kernel/overflowuid", "re");
	int	 v = 65534;

	if (f != NULL) {
		if (fscanf(f, "%d", &v) != 1)
			v = 65534;
		fclose(f);
	}
	return (uid_t)v;
}

/*
 * A connection on the server's Unix socket, in its own process (forked
 * by ssh-server.c): who the peer is, its login, the screens.
 */
void
local_session_run(const struct serve_opts *o, const struct session_link *l,
    int fd, const char *addr)
{
	struct sigaction sa;
	struct ucred	 cr;
	socklen_t	 len = sizeof cr;
	char		 name[256], login[128], msg[NJ_MSG_MAX], term[64];
	char		 lang[64], st[16];
	const char	*why;
	int		 tty, rc;
	pid_t		 child;

	log_set_sink(LOG_SINK_SERVER);
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &len) != 0 ||
	    unix_users_name(cr.uid, name, sizeof name) != 0) {
		local_say(fd, 'E', "无法确认本地用户");
		_exit(1);
	}
	/* a server in a user namespace of its own (systemd's PrivateUsers=
	 * yes) sees every other account as the overflow uid: never a clerk */
	if (cr.uid == local_overflow_uid()) {
		log_who(LOG_LEVEL_ERROR, NULL, addr, "refused: peer uid %d is "
		    "the overflow uid: the server runs in a user namespace "
		    "(PrivateUsers=yes?); njbt serve --socket needs "
		    "PrivateUsers=no", (int)cr.uid);
		local_say(fd, 'E', "服务器配置有误，无法确认本地用户，请联系管理员");
		_exit(1);
	}
	if ((rc = unix_users_map(o->db, name, login, sizeof login, msg,
	    sizeof msg)) != 0) {
		log_who(LOG_LEVEL_WARN, NULL, addr, "refused: %s", msg);
		local_say(fd, 'E', rc == 1 ? "本 Unix 用户没有对应的 njbt 用户，"
		    "请联系管理员" : "服务器的用户对应表有误，请联系管理员");
		_exit(1);
	}
	if ((tty = local_hello(fd, o->grace, term, sizeof term, lang,
	    sizeof lang)) < 0) {
		local_say(fd, 'E', "需要交互式终端（ssh -t）");
		_exit(1);
	}
	l->authed();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = local_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	log_who(LOG_LEVEL_INFO, login, addr, "logged in as Unix user %s",
	    name);
	if ((child = local_screens(o, tty, login, name, term, lang)) < 0) {
		local_say(fd, 'E', "服务器忙，请稍后再试");
		_exit(1);
	}
	close(tty);
	rc = local_wait(fd, child, &why);
	log_who(LOG_LEVEL_INFO, login, addr, "logout %s", why);
	/* issue 14 (4): a graceful stop gives the session its goodbye line */
	if (strcmp(why, "shutdown") == 0)
		local_say(fd, 'G', "服务器正在关闭，再见。");
	else {
		xsnprintf(st, sizeof st, "%d", rc);
		local_say(fd, 'X', st);
	}
	_exit(0);
}

/* Client: send the hello with fd 0 attached. */
static int
local_send_hello(int fd)
{
	struct msghdr	 mh;
	struct iovec	 iov;
	struct cmsghdr	*c;
	union {
		char		buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr	align;
	} u;
	char		 data[256];
	const char	*term = getenv("TERM"), *lang = getenv("LANG");
	int		 n, tty = 0;

	n = xsnprintf(data, sizeof data, "%s%c%s%c%s", LOCAL_HELLO, 0,
	    term ? term : "", 0, lang ? lang : "");
	if (n < 0)
		return -1;
	memset(&mh, 0, sizeof mh);
	memset(&u, 0, sizeof u);
	iov.iov_base = data;
	iov.iov_len = (size_t)n + 1;
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = u.buf;
	mh.msg_controllen = sizeof u.buf;
	c = CMSG_FIRSTHDR(&mh);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &tty, sizeof tty);
	return sendmsg(fd, &mh, MSG_NOSIGNAL) < 0 ? -1 : 0;
}

/* Client: wait for the server's last line; window changes meanwhile. */
static int
local_client_wait(int fd)
{
	char	 line[NJ_MSG_MAX + 4];
	size_t	 at = 0;
	ssize_t	 n;

	for (;;) {
		if (local_winch) {
			local_winch = 0;
			(void)!write(fd, "w", 1);
		}
		n = read(fd, line + at, sizeof line - 1 - at);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		at += (size_t)n;
		if (at == sizeof line - 1 || memchr(line, '\n', at))
			break;
	}
	line[at] = '\0';
	line[strcspn(line, "\n")] = '\0';
	if (line[0] == 'X')
		return atoi(line + 1) == 0 ? 0 : 1;
	if (line[0] == 'G') {
		fprintf(stderr, "\r\n%s\r\n", line + 1);
		return 0;
	}
	fprintf(stderr, "njbt: %s\n", line[0] == 'E' ? line + 1 :
	    "与服务器的连接中断");
	return 1;
}

/*
 * `njbt tui --socket PATH`: hand this terminal to the server at path.
 * Keys stay keys (no
 * ISIG) while the screens run; the terminal's modes come back after.
 */
int
local_client(const char *path)
{
	struct sockaddr_un	 sun;
	struct sigaction	 sa;
	struct termios		 saved, t;
	int			 fd, rc, have;

	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	strlcpy0(sun.sun_path, path, sizeof sun.sun_path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sun, sizeof sun) != 0) {
		fprintf(stderr, "njbt: 无法连接服务器 %s：%s（服务是否在运行？）\n",
		    path, strerror(errno));
		return 1;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = local_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, NULL);
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	have = tcgetattr(0, &saved) == 0;
	if (have) {
		t = saved;
		t.c_lflag &= ~(tcflag_t)ISIG;
		t.c_iflag |= IUTF8;
		tcsetattr(0, TCSANOW, &t);
	}
	/* the server's line even when the hello could not go: a server
	 * that refuses (an unmapped account) says why and hangs up without
	 * reading it, often before it was sent (EPIPE), and its line waits
	 * in the socket */
	(void)local_send_hello(fd);
	rc = local_client_wait(fd);
	if (have)
		tcsetattr(0, TCSAFLUSH, &saved);
	close(fd);
	return rc;
}
