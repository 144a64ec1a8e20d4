/*
 * ssh-server.c: the listening process of `njbt serve`. It makes the host
 * key on first start (ed25519, mode 0600), listens, and for each accepted
 * connection forks a session process (ssh-session.c), so that a crash or
 * a hang ends one session, never the server. It never opens the database:
 * SQLite is opened in the session processes only, after fork.
 *
 * New connections are limited per client address (a token bucket of
 * `rate` a minute, kept in this process's memory); one over the limit is
 * closed at once. Issue 8 item 8 (R-SEC-8.8): connections that have not
 * logged in yet are capped, in all (max_preauth) and per address
 * (max_preauth_addr); one over a cap is closed at once, before any fork
 * or key exchange, and logged. A session process tells this one when
 * its user has logged in (its pid down a pipe); one that has not within
 * the login grace (and a margin) is killed. The sessions of the register
 * login are capped too (max_register): each holds a slot of a small
 * table shared with the sessions (mmap), claimed by the session and
 * freed here when its process is reaped, so a crash cannot leak one.
 * Issue 15 item 5: password hashes are capped across the sessions by
 * slots of a memory file made here before any fork (auth-gate.c).
 * SIGTERM (or SIGINT) stops accepting and passes SIGTERM
 * to every session, which says goodbye to its user; the server waits for
 * them and exits 0.
 */
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ssh-lib.h"

#include "log.h"
#include "ssh-server.h"
#include "tui-board.h"

/* Seconds the sessions get to say goodbye before they are killed. */
#define SERVER_STOP_WAIT	10
/* Addresses the rate limiter remembers at most. */
#define SERVER_RATE_MAX		4096

static volatile sig_atomic_t	server_stop_flag;
static volatile sig_atomic_t	server_child_flag;
static volatile sig_atomic_t	server_reload_flag;	/* SIGHUP came */
static int			server_wake[2] = { -1, -1 };

/* Seconds past the login grace after which a session not logged in is
 * killed (its own time-out should have ended it). */
#define SERVER_PREAUTH_MARGIN	15

/* The live session processes. */
struct server_kid {
	pid_t	 pid;
	int	 authed;		/* its user has logged in */
	double	 deadline;		/* monotonic; kill if not authed */
	char	 addr[64];
};
static struct server_kid	*server_kids;
static size_t			 server_nkids, server_capkids;

/* Sessions -> listener: the pid of each session whose user logged in. */
static int	 server_authed[2] = { -1, -1 };
/* Shared with the sessions: the pids holding a register slot. */
static int	*server_regslots;
static int	 server_nregslots;
/* Refusals over a cap since the last line logged about them. */
static int	 server_capped;
static double	 server_capped_logged;

/* One client address's bucket of new connections. */
struct server_rate {
	char	 addr[64];
	double	 tokens;
	double	 last;			/* monotonic seconds */
};
static struct server_rate	*server_rates;
static size_t			 server_nrates;

/*
 * One line for the operator: login, address, what (log.c adds the time
 * and the pid, and writes it to syslog and stderr under LOG_SINK_SERVER).
 */
void
server_log(const char *login, const char *addr, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	log_vwho(sess_level(fmt), login != NULL ? login : "",
	    addr != NULL ? addr : "", fmt, ap);
	va_end(ap);
}

static double
server_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * May addr open another connection? A bucket of `rate` tokens per
 * address, refilled at rate a minute; a connection takes one.
 */
static int
server_rate_ok(const char *addr, int rate)
{
	struct server_rate	*r = NULL;
	double			 now = server_mono(), cap = rate;
	size_t			 i, j;

	if (rate <= 0)
		return 1;
	for (i = 0; i < server_nrates; i++) {
		r = &server_rates[i];
		r->tokens += (now - r->last) * cap / 60.0;
		if (r->tokens > cap)
			r->tokens = cap;
		r->last = now;
	}
	for (i = 0, r = NULL; i < server_nrates; i++)
		if (strcmp(server_rates[i].addr, addr) == 0) {
			r = &server_rates[i];
			break;
		}
	if (r == NULL) {
		if (server_nrates == SERVER_RATE_MAX) {
			/* forget the addresses whose buckets are full */
			for (i = j = 0; i < server_nrates; i++)
				if (server_rates[i].tokens < cap)
					server_rates[j++] = server_rates[i];
			server_nrates = j;
			if (server_nrates == SERVER_RATE_MAX)
				return 0;	/* under attack from many */
		}
		if (server_rates == NULL)
			server_rates = xcalloc(SERVER_RATE_MAX,
			    sizeof *server_rates);
		r = &server_rates[server_nrates++];
		strlcpy0(r->addr, addr, sizeof r->addr);
		r->tokens = cap;
		r->last = now;
	}
	if (r->tokens < 1.0)
		return 0;
	r->tokens -= 1.0;
	return 1;
}

static void
server_signal(int sig)
{
	int saved = errno;

	if (sig == SIGCHLD)
		server_child_flag = 1;
	else if (sig == SIGHUP)
		server_reload_flag = 1;
	else
		server_stop_flag = 1;
	(void)!write(server_wake[1], "x", 1);
	errno = saved;
}

static void
server_kid_add(pid_t pid, const char *addr, int grace)
{
	struct server_kid *k;

	if (server_nkids == server_capkids) {
		server_capkids = server_capkids ? server_capkids * 2 : 64;
		server_kids = realloc(server_kids, server_capkids *
		    sizeof *server_kids);
		if (server_kids == NULL)
			abort();
	}
	k = &server_kids[server_nkids++];
	memset(k, 0, sizeof *k);
	k->pid = pid;
	k->deadline = server_mono() + grace + SERVER_PREAUTH_MARGIN;
	strlcpy0(k->addr, addr, sizeof k->addr);
}

/*
 * In a session process: tell the listener that the user has logged in,
 * so that the session no longer counts against the pre-auth caps. One
 * write of a pid, atomic on a pipe.
 */
static void
server_tell_authed(void)
{
	pid_t pid = getpid();

	if (server_authed[1] >= 0)
		(void)!write(server_authed[1], &pid, sizeof pid);
}

/*
 * In a session process of the register login: take a free slot of the
 * shared table (R-SEC-8.8b issue 8 (8)). 1 taken (or no cap), 0 all
 * max_register are held. The listener frees the slot when the process
 * is reaped.
 */
static int
server_register_claim(const struct serve_opts *o)
{
	int	i, free_, me = (int)getpid();

	if (o->max_register <= 0 || server_regslots == NULL)
		return 1;
	for (i = 0; i < server_nregslots; i++) {
		free_ = 0;
		if (__atomic_compare_exchange_n(&server_regslots[i], &free_, me,
		    0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			return 1;
	}
	return 0;
}

/* What a session process is given to tell the listener (ssh-server.h). */
static const struct session_link server_link = {
	server_tell_authed, server_register_claim
};

/* The sessions that have told us they logged in. */
static void
server_read_authed(void)
{
	pid_t	pids[64];
	ssize_t	n, i;
	size_t	j;

	while ((n = read(server_authed[0], pids, sizeof pids)) > 0)
		for (i = 0; i < n / (ssize_t)sizeof pids[0]; i++)
			for (j = 0; j < server_nkids; j++)
				if (server_kids[j].pid == pids[i])
					server_kids[j].authed = 1;
}

/* Sessions not logged in: in all, and from addr. */
static void
server_preauth_count(const char *addr, int *all, int *from)
{
	size_t i;

	*all = *from = 0;
	for (i = 0; i < server_nkids; i++)
		if (!server_kids[i].authed) {
			(*all)++;
			if (strcmp(server_kids[i].addr, addr) == 0)
				(*from)++;
		}
}

/* Kill the sessions that have not logged in within their time. */
static void
server_preauth_expire(void)
{
	double	now = server_mono();
	size_t	i;

	for (i = 0; i < server_nkids; i++)
		if (!server_kids[i].authed && server_kids[i].deadline != 0 &&
		    now >= server_kids[i].deadline) {
			server_log(NULL, server_kids[i].addr, "killing session "
			    "process %d: not logged in in time",
			    (int)server_kids[i].pid);
			kill(server_kids[i].pid, SIGKILL);
			server_kids[i].deadline = 0;
		}
}

/*
 * May a connection from addr be served, by the pre-auth caps? Refusals
 * are logged, but at most one line a second under a flood.
 */
static int
server_preauth_ok(const struct serve_opts *o, const char *addr)
{
	int	all, from;
	double	now;

	server_read_authed();
	server_preauth_count(addr, &all, &from);
	if ((o->max_preauth <= 0 || all < o->max_preauth) &&
	    (o->max_preauth_addr <= 0 || from < o->max_preauth_addr))
		return 1;
	server_capped++;
	now = server_mono();
	if (now - server_capped_logged >= 1.0) {
		server_log(NULL, addr, "refused: too many connections not "
		    "logged in (%d in all, %d from this address; caps %d, %d); "
		    "%d refused since the last such line", all, from,
		    o->max_preauth, o->max_preauth_addr, server_capped);
		server_capped = 0;
		server_capped_logged = now;
	}
	return 0;
}

/* Reap every session process that has ended. */
static void
server_reap(void)
{
	pid_t	pid;
	size_t	i;
	int	status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (i = 0; i < server_nkids; i++)
			if (server_kids[i].pid == pid) {
				server_kids[i] = server_kids[--server_nkids];
				break;
			}
		for (i = 0; i < (size_t)server_nregslots; i++)
			if (server_regslots[i] == (int)pid)
				__atomic_store_n(&server_regslots[i], 0,
				    __ATOMIC_SEQ_CST);
		if (WIFSIGNALED(status) && WTERMSIG(status) != SIGTERM)
			server_log(NULL, NULL, "session process %d died of "
			    "signal %d", (int)pid, WTERMSIG(status));
	}
}

/*
 * Make sure the host key exists: load it, or make an ed25519 one under
 * umask 077. Its public half goes beside it (FILE.pub) for the
 * operator to hand to users' known_hosts. fp gets its SHA256 fingerprint.
 */
int
server_hostkey(const char *path, char *fp, size_t fplen, char *err,
    size_t errlen)
{
	ssh_key		 key = NULL;
	struct stat	 sb;
	unsigned char	*hash = NULL;
	size_t		 hlen = 0;
	char		*text = NULL, *b64 = NULL, pub[4200];
	mode_t		 old;
	FILE		*f;
	int		 r = -1;

	if (stat(path, &sb) == 0) {
		if ((sb.st_mode & 077) != 0) {
			xsnprintf(err, errlen, "主机密钥 %s 的权限过宽（应为 0600）",
			    path);
			return -1;
		}
		if (ssh_pki_import_privkey_file(path, NULL, NULL, NULL, &key) !=
		    SSH_OK) {
			xsnprintf(err, errlen, "无法读取主机密钥 %s", path);
			return -1;
		}
	} else {
		old = umask(077);
		if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK ||
		    ssh_pki_export_privkey_file(key, NULL, NULL, NULL, path) !=
		    SSH_OK) {
			umask(old);
			xsnprintf(err, errlen, "无法生成主机密钥 %s", path);
			goto out;
		}
		umask(old);
		chmod(path, 0600);
		if (ssh_pki_export_pubkey_base64(key, &b64) == SSH_OK) {
			xsnprintf(pub, sizeof pub, "%s.pub", path);
			if ((f = fopen(pub, "w")) != NULL) {
				fprintf(f, "%s %s njbt\n",
				    ssh_key_type_to_char(ssh_key_type(key)),
				    b64);
				fclose(f);
			}
		}
		server_log(NULL, NULL, "made host key %s", path);
	}
	if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash,
	    &hlen) != 0 || (text = ssh_get_fingerprint_hash(
	    SSH_PUBLICKEY_HASH_SHA256, hash, hlen)) == NULL) {
		xsnprintf(err, errlen, "无法计算主机密钥指纹");
		goto out;
	}
	strlcpy0(fp, text, fplen);
	r = 0;
out:
	ssh_string_free_char(text);
	ssh_string_free_char(b64);
	if (hash != NULL)
		ssh_clean_pubkey_hash(&hash);
	ssh_key_free(key);
	return r;
}

/* Listen on host:port; the socket, or -1 with a message. */
static int
server_listen(const struct serve_opts *o, char *err, size_t errlen)
{
	struct addrinfo	 hints, *res = NULL, *ai;
	int		 fd = -1, one = 1, e;

	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV;
	if ((e = getaddrinfo(o->host[0] ? o->host : NULL, o->port, &hints,
	    &res)) != 0) {
		xsnprintf(err, errlen, "监听地址无效 %s:%s：%s", o->host, o->port,
		    gai_strerror(e));
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC |
		    SOCK_NONBLOCK, ai->ai_protocol);
		if (fd < 0)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
		    listen(fd, 128) == 0)
			break;
		e = errno;
		close(fd);
		fd = -1;
		errno = e;
	}
	if (fd < 0)
		xsnprintf(err, errlen, "无法监听 %s:%s：%s", o->host, o->port,
		    strerror(errno));
	freeaddrinfo(res);
	return fd;
}

/* The client's address as text; an IPv4 address mapped into IPv6 bare. */
static void
server_addr_text(const struct sockaddr_storage *ss, socklen_t len, char *buf,
    size_t buflen)
{
	if (getnameinfo((const struct sockaddr *)ss, len, buf, buflen, NULL,
	    0, NI_NUMERICHOST) != 0)
		strlcpy0(buf, "?", buflen);
	if (strncmp(buf, "::ffff:", 7) == 0 && strchr(buf + 7, '.') != NULL)
		memmove(buf, buf + 7, strlen(buf + 7) + 1);
}

/* The Unix socket's listener (ssh-local.c, issue 14 item 6), or -1. */
static int server_ufd = -1;

/* What a session process runs: session_run, local_session_run. */
typedef void session_fn(const struct serve_opts *, const struct session_link *,
    int, const char *);

/* Fork the session process of a new connection: run (fd, addr) in it. */
static void
server_spawn(const struct serve_opts *o, int lfd, int fd, const char *addr,
    session_fn *run)
{
	pid_t	pid;

	if ((pid = fork()) < 0) {
		server_log(NULL, addr, "fork: %s", strerror(errno));
		close(fd);
		return;
	}
	if (pid == 0) {
		close(lfd);
		if (server_ufd >= 0)
			close(server_ufd);
		close(server_wake[0]);
		close(server_wake[1]);
		close(server_authed[0]);
		server_authed[0] = -1;
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		signal(SIGCHLD, SIG_DFL);
		signal(SIGHUP, SIG_IGN);
		run(o, &server_link, fd, addr);
	}
	close(fd);
	server_kid_add(pid, addr, o->grace);
}

/*
 * A new connection from addr: over the rate or a cap it is closed at
 * once, else its session process runs run.
 */
static void
server_admit(const struct serve_opts *o, int lfd, int fd, const char *addr,
    session_fn *run)
{
	if (!server_rate_ok(addr, o->rate)) {
		server_log(NULL, addr, "refused: too many connections "
		    "(more than %d a minute)", o->rate);
		close(fd);
		return;
	}
	/* R-SEC-8.8a issue 8 (8): closed before fork and kex */
	if (!server_preauth_ok(o, addr)) {
		close(fd);
		return;
	}
	server_spawn(o, lfd, fd, addr, run);
}

/* Take every waiting connection. */
static void
server_accept(const struct serve_opts *o, int lfd)
{
	struct sockaddr_storage	ss;
	socklen_t		len;
	char			addr[64];
	int			fd;

	for (;;) {
		len = sizeof ss;
		fd = accept4(lfd, (struct sockaddr *)&ss, &len, SOCK_CLOEXEC);
		if (fd < 0) {
			if (errno != EAGAIN && errno != EWOULDBLOCK &&
			    errno != EINTR && errno != ECONNABORTED)
				server_log(NULL, NULL, "accept: %s",
				    strerror(errno));
			return;
		}
		server_addr_text(&ss, len, addr, sizeof addr);
		server_admit(o, lfd, fd, addr, session_run);
	}
}

/*
 * Issue 14 item 6: every waiting connection on the Unix socket, each in a
 * process of its own (ssh-local.c), counted as not logged in until its
 * peer is mapped to a login. The peer's uid stands for its address in the
 * rate and the caps, so that one local account cannot use up another's.
 */
static void
server_accept_local(const struct serve_opts *o, int lfd)
{
	struct ucred	 cr;
	socklen_t	 len = sizeof cr;
	char		 addr[64];
	int		 fd;

	while ((fd = accept4(server_ufd, NULL, NULL, SOCK_CLOEXEC)) >= 0) {
		if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &len) != 0) {
			close(fd);
			continue;
		}
		xsnprintf(addr, sizeof addr, "unix uid %d", (int)cr.uid);
		server_admit(o, lfd, fd, addr, local_session_run);
	}
}

/* Tell every session to end, wait for them, then kill what is left. */
static void
server_shutdown(void)
{
	struct pollfd	pfd;
	double		end = server_mono() + SERVER_STOP_WAIT;
	char		buf[64];
	size_t		i;

	server_log(NULL, NULL, "stopping: %zu sessions", server_nkids);
	for (i = 0; i < server_nkids; i++)
		kill(server_kids[i].pid, SIGTERM);
	server_reap();
	while (server_nkids > 0 && server_mono() < end) {
		pfd.fd = server_wake[0];
		pfd.events = POLLIN;
		if (poll(&pfd, 1, 200) > 0)
			while (read(server_wake[0], buf, sizeof buf) > 0)
				;
		server_reap();
	}
	for (i = 0; i < server_nkids; i++) {
		server_log(NULL, NULL, "killing session process %d",
		    (int)server_kids[i].pid);
		kill(server_kids[i].pid, SIGKILL);
	}
	while (server_nkids > 0 && waitpid(-1, NULL, 0) > 0)
		server_reap();
}

/*
 * R-004-T2-3.1 004 附表2 三1: the notices whose window has passed lapse,
 * in every county, as the console, and release what they committed.
 */
static void
server_expire_notices(void)
{
	struct actor	 con;
	struct act	*a = NULL;

	if (notice_lapsed_count() <= 0)
		return;
	actor_console(&con);
	if (action_run(&con, "notice.expire", 0, NULL, NULL, &a) != NJ_OK)
		server_log(NULL, NULL, "确认通知书逾期失效：%s",
		    a != NULL ? a->err : "失败");
	else if (a != NULL && strcmp(a->key, "0") != 0)
		server_log(NULL, NULL, "确认通知书逾期失效：%s 份", a->key);
	act_free(&a);
}

/*
 * Check that the database opens, in a child of its own: the server
 * itself never opens SQLite, so that no handle crosses a fork. The child
 * logs the audit anchor and lets the lapsed notices expire (at start and
 * every SERVER_ANCHOR_LOG_S).
 */
static int
server_check_db(const char *db)
{
	char	err[NJ_MSG_MAX];
	pid_t	pid;
	int	status;

	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		if (db_open(db, err, sizeof err) != 0) {
			fprintf(stderr, "njbt: %s\n", err);
			_exit(1);
		}
		/* R-SEC-8.4 issue 8 (4): the anchor, witnessed in the log */
		db_anchor_line(err, sizeof err);
		server_log(NULL, NULL, "%s", err);
		server_expire_notices();
		db_close();
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return -1;
	return 0;
}

/* How often the listener writes the audit anchor into its log. */
#define SERVER_ANCHOR_LOG_S	(10 * 60)

/*
 * Run the server until SIGTERM or SIGINT; the exit status. SIGHUP reads
 * the configuration and forms again (o->reload, issue 14 (3)) between
 * two accepts, so that every session forked after it gets them.
 */
int
server_run(struct serve_opts *o)
{
	struct sigaction	 sa;
	struct pollfd		 pfd[4];
	char			 err[NJ_MSG_MAX], fp[128], buf[64];
	double			 anchor_at;
	int			 lfd, all, from;

	if (server_check_db(o->db) != 0)
		return 1;
	if (server_hostkey(o->hostkey, fp, sizeof fp, err, sizeof err) != 0) {
		fprintf(stderr, "njbt: %s\n", err);
		return 1;
	}
	if (pipe2(server_wake, O_CLOEXEC | O_NONBLOCK) != 0 ||
	    pipe2(server_authed, O_CLOEXEC | O_NONBLOCK) != 0) {
		fprintf(stderr, "njbt: pipe: %s\n", strerror(errno));
		return 1;
	}
	if (o->max_register > 0) {
		server_regslots = mmap(NULL, (size_t)o->max_register *
		    sizeof *server_regslots, PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (server_regslots == MAP_FAILED) {
			fprintf(stderr, "njbt: mmap: %s\n", strerror(errno));
			return 1;
		}
		server_nregslots = o->max_register;
	}
	/* issue 15 item 5: the slots of password hashes, for every session */
	if ((o->policy.hash_fd = auth_gate_open()) < 0) {
		fprintf(stderr, "njbt: memfd: %s\n", strerror(errno));
		return 1;
	}
	/* and of the password changes in every session (action.c) */
	auth_gate_process(&o->policy);
	/* issue 15: the menus' status lines, shared by every session */
	if (board_open() != 0)
		server_log(NULL, NULL, "memfd: %s (each session reads its "
		    "menu's status line itself)", strerror(errno));
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = server_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if ((lfd = server_listen(o, err, sizeof err)) < 0) {
		fprintf(stderr, "njbt: %s\n", err);
		return 1;
	}
	server_log(NULL, NULL, "listening on %s:%s, host key %s %s",
	    o->host, o->port, o->hostkey, fp);
	server_log(NULL, NULL, "password hashes at once: %d, a login waits "
	    "%d s at most", auth_gate_slots(&o->policy), o->policy.hash_wait);
	if (o->socket[0] != '\0') {
		if ((server_ufd = local_listen(o->socket, err, sizeof err)) < 0) {
			fprintf(stderr, "njbt: %s\n", err);
			close(lfd);
			return 1;
		}
		server_log(NULL, NULL, "listening on %s for njbt tui", o->socket);
	}
	anchor_at = server_mono();
	while (!server_stop_flag) {
		pfd[0].fd = lfd;
		pfd[0].events = POLLIN;
		pfd[1].fd = server_wake[0];
		pfd[1].events = POLLIN;
		pfd[2].fd = server_authed[0];
		pfd[2].events = POLLIN;
		pfd[3].fd = server_ufd;
		pfd[3].events = POLLIN;
		pfd[3].revents = 0;
		server_read_authed();
		server_preauth_count("", &all, &from);
		/* R-SEC-8.4 issue 8 (4): the audit anchor into the log */
		if (server_mono() - anchor_at >= SERVER_ANCHOR_LOG_S) {
			anchor_at = server_mono();
			server_check_db(o->db);
		}
		if (poll(pfd, 4, all > 0 ? 1000 : 60 * 1000) < 0 && errno != EINTR) {
			server_log(NULL, NULL, "poll: %s", strerror(errno));
			break;
		}
		if (pfd[1].revents & POLLIN)
			while (read(server_wake[0], buf, sizeof buf) > 0)
				;
		if (server_child_flag) {
			server_child_flag = 0;
			server_reap();
		}
		if (server_reload_flag) {
			server_reload_flag = 0;
			if (o->reload != NULL)
				o->reload(o);
		}
		server_read_authed();
		server_preauth_expire();
		if (!server_stop_flag && (pfd[0].revents & POLLIN))
			server_accept(o, lfd);
		if (!server_stop_flag && (pfd[3].revents & POLLIN))
			server_accept_local(o, lfd);
	}
	close(lfd);
	if (server_ufd >= 0) {
		close(server_ufd);
		unlink(o->socket);
	}
	server_shutdown();
	server_log(NULL, NULL, "stopped");
	free(server_kids);
	free(server_rates);
	if (server_regslots != NULL)
		munmap(server_regslots, (size_t)server_nregslots *
		    sizeof *server_regslots);
	return 0;
}
