/*
 * bench/drive.h: the SSH side of bench/sessions and bench/peakday
 * (issue 15 item 6): starting and stopping a server (njbt serve over the
 * bench's copy of a database, or bench/echo-server), logging in as the
 * county clerk hl_jb with a key made for the run, driving the open
 * sessions with the keys of a round from one process (libssh's client,
 * one poll over every socket) and measuring what the server used
 * (CPU of its process tree, PSS of its sessions, from /proc). Static
 * functions, as million.h: each bench includes it once.
 */
#ifndef NJBT_BENCH_DRIVE_H
#define NJBT_BENCH_DRIVE_H

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libssh/libssh.h>

#include "million.h"
#include "timing.h"
#define LOGIN		"hl_jb"
/* the key logins' clerks: bench0001... , each a copy of hl_jb (a clerk
 * of his own, with drafts of his own: hl_jb's sessions would find each
 * other's application drafts and stop at "continue the draft?") */
#define CLERKS		1000
#define STR_(x)		#x
#define STR(x)		STR_(x)
#define PASSWORD	"njbt-demo"
#define QUIET_MS	30	/* an answer is over after this much silence */
#define LOST_MS		3000	/* a key with no answer by then is lost */
#define READY_MS	30000	/* a login's first screen, at most */

/* The keys of one round, in order, each with what it is (for the keys
 * lost); KEY_LIST is the menu key of 机具核验. */
#define KEY_LIST	NULL
static const struct {
	const char	*key;
	const char	*name;
} round_keys[] = {
	{ "1", "1 (录入补贴申请)" },
	{ "\t", "Tab" }, { "\xe5\xbc\xa0", "张" }, { "\xe4\xb8\x89", "三" },
	{ "\t", "Tab" }, { "6", "6" }, { "4", "4" }, { "0", "0" },
	{ "\t", "Tab" },
	{ "\033[21~", "F10" }, { "n", "n (放弃)" },
	{ KEY_LIST, "机具核验" },
	{ "\033[B", "Down" }, { "\033[B", "Down" }, { "\033[B", "Down" },
	{ "\033[A", "Up" },
	{ "\033[6~", "PgDn" }, { "\033[6~", "PgDn" }, { "\033[5~", "PgUp" },
	{ "\033[5~", "PgUp" }, { "\033[B", "Down" },
	{ "\xe8\xb4\xad", "购 (筛选)" }, { "\x7f", "Backspace" },
	{ "\033[21~", "F10 (菜单)" },
};
#define NROUND	(sizeof round_keys / sizeof round_keys[0])

struct server {
	const char	*name;		/* "echo" or "njbt" */
	const char	*ready;		/* on the first screen */
	pid_t		 pid;
	int		 port;
	char		 listkey[8];	/* njbt: the menu key of 机具核验 */
};

struct sess {
	ssh_session	 s;
	ssh_channel	 ch;
	int		 fd;
	size_t		 step;
	int		 waiting, got;
	int		 dead;		/* the server ended it */
	double		 next_at, sent_at, last_at;
};

struct result {
	int	 n;			/* sessions open */
	double	 login_s;		/* wall seconds of the key logins */
	long	 keys, lost, ended;	/* ended: sessions the server closed */
	long	 lost_at[NROUND];	/* lost, by key of the round */
	long	 slow_at[NROUND];	/* the slowest 1%, by key of the round */
	double	 p50, p99, cpu_key_ms, pss_kb;
};

static const char	*db_copy, *njbt_bin, *echo_bin, *hostkey, *keyfile;
static char		 tmpdir[256];
static pid_t		 live_server;
static ssh_key		 privkey;

/* Stop the server, remove the run's folder (async-signal-safe calls:
 * on a signal too). */
static void
bench_cleanup(void)
{
	pid_t rm = -1;

	if (live_server > 0)
		kill(live_server, SIGTERM);
	if (tmpdir[0] != '\0' && (rm = fork()) == 0) {
		execl("/bin/rm", "rm", "-rf", tmpdir, (char *)NULL);
		_exit(127);
	} else if (rm > 0)
		waitpid(rm, NULL, 0);
}

static void
die(const char *what)
{
	fprintf(stderr, "bench: %s\n", what);
	bench_cleanup();
	exit(1);
}

static void
on_alarm(int sig)
{
	static const char	 late[] = "bench: out of time, stopped\n";
	static const char	 term[] = "bench: stopped\n";

	if (sig == SIGALRM)
		(void)!write(2, late, sizeof late - 1);
	else
		(void)!write(2, term, sizeof term - 1);
	bench_cleanup();
	_exit(3);
}

/* The run's own folder, $TMPDIR/njbt-NAME-XXXXXX (/tmp without it). */
static void
tmp_make(const char *name)
{
	const char *t = getenv("TMPDIR");

	snprintf(tmpdir, sizeof tmpdir, "%s/njbt-%s-XXXXXX", t != NULL &&
	    *t != '\0' && strlen(t) < 200 ? t : "/tmp", name);
	if (mkdtemp(tmpdir) == NULL)
		die("mkdtemp");
}

/* --- the servers' processes, from /proc -------------------------------- */

/* utime+stime+cutime+cstime in ticks and the parent of pid; -1 if gone. */
static long
proc_stat(pid_t pid, pid_t *ppid)
{
	char	 path[64], buf[1024], *p;
	long	 f[20];
	FILE	*fp;
	int	 i;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	if (fgets(buf, sizeof buf, fp) == NULL || (p = strrchr(buf, ')')) ==
	    NULL) {
		fclose(fp);
		return -1;
	}
	fclose(fp);
	/* after ")": state, ppid (field 4) ... utime (14) .. cstime (17) */
	p += 2;
	for (i = 3; i <= 17 && *p; i++) {
		if (i == 3)
			f[i] = 0;
		else
			f[i] = strtol(p, NULL, 10);
		p = strchr(p, ' ');
		if (p == NULL)
			break;
		p++;
	}
	if (i <= 17)
		return -1;
	*ppid = (pid_t)f[4];
	return f[14] + f[15] + f[16] + f[17];
}

static long
proc_pss(pid_t pid)
{
	char	 path[64], line[256];
	FILE	*fp;
	long	 kb = 0;

	snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(line, sizeof line, fp) != NULL)
		if (sscanf(line, "Pss: %ld", &kb) == 1)
			break;
	fclose(fp);
	return kb;
}

/*
 * The CPU seconds of root and everything under it, and the PSS (kB) of
 * everything under it (not root: the listener is not a session).
 */
static void
tree(pid_t root, double *cpu, long *pss)
{
	static pid_t	 pids[65536], ppids[65536];
	static long	 ticks[65536];
	static char	 in[65536];
	struct dirent	*d;
	DIR		*dir;
	size_t		 n = 0, i;
	int		 more = 1;
	long		 t = 0;

	if ((dir = opendir("/proc")) == NULL)
		die("/proc");
	while ((d = readdir(dir)) != NULL && n < 65536) {
		pid_t pid = (pid_t)atoi(d->d_name), pp;
		long c;

		if (pid <= 0 || (c = proc_stat(pid, &pp)) < 0)
			continue;
		pids[n] = pid;
		ppids[n] = pp;
		ticks[n] = c;
		in[n] = pid == root;
		n++;
	}
	closedir(dir);
	while (more) {		/* mark descendants until nothing changes */
		more = 0;
		for (i = 0; i < n; i++) {
			size_t j;

			if (in[i])
				continue;
			for (j = 0; j < n; j++)
				if (in[j] && pids[j] == ppids[i]) {
					in[i] = 1;
					more = 1;
					break;
				}
		}
	}
	*pss = 0;
	for (i = 0; i < n; i++)
		if (in[i]) {
			t += ticks[i];
			if (pids[i] != root)
				*pss += proc_pss(pids[i]);
		}
	*cpu = (double)t / (double)sysconf(_SC_CLK_TCK);
}

static long
mem_available_kb(void)
{
	char	 line[256];
	long	 kb = 0;
	FILE	*fp = fopen("/proc/meminfo", "r");

	if (fp == NULL)
		return 0;
	while (fgets(line, sizeof line, fp) != NULL)
		if (sscanf(line, "MemAvailable: %ld", &kb) == 1)
			break;
	fclose(fp);
	return kb;
}

/* --- starting and stopping a server ------------------------------------ */

static int
free_port(void)
{
	struct sockaddr_in	a;
	socklen_t		len = sizeof a;
	int			fd = socket(AF_INET, SOCK_STREAM, 0), port;

	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 ||
	    getsockname(fd, (struct sockaddr *)&a, &len) != 0)
		die("no free port");
	port = ntohs(a.sin_port);
	close(fd);
	return port;
}

static int
listening(int port)
{
	struct sockaddr_in	a;
	int			fd = socket(AF_INET, SOCK_STREAM, 0), ok;

	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons((uint16_t)port);
	ok = connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
	close(fd);
	return ok;
}

static void
server_start(struct server *sv)
{
	char	port[16], log[300];
	int	i, fd;

	sv->port = free_port();
	snprintf(port, sizeof port, "%d", sv->port);
	snprintf(log, sizeof log, "%s/%s.log", tmpdir, sv->name);
	if ((sv->pid = fork()) < 0)
		die("fork");
	if (sv->pid == 0) {
		char listen[64];

		if ((fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600)) >= 0)
			dup2(fd, 2);
		snprintf(listen, sizeof listen, "127.0.0.1:%s", port);
		if (strcmp(sv->name, "echo") == 0 && echo_bin != NULL)
			execl(echo_bin, echo_bin, "127.0.0.1", port, hostkey,
			    (char *)NULL);
		else if (njbt_bin != NULL)	/* --idle 0: the first
						 * sessions wait for the others'
						 * logins, longer than 900 s */
			execl(njbt_bin, njbt_bin, "serve", "--db", db_copy,
			    "--listen", listen, "--rate", "0", "--idle", "0",
			    "--max-preauth", "256", "--max-preauth-addr", "64",
			    (char *)NULL);
		_exit(127);
	}
	live_server = sv->pid;
	for (i = 0; i < 400 && !listening(sv->port); i++) {
		if (waitpid(sv->pid, NULL, WNOHANG) == sv->pid) {
			fprintf(stderr, "bench-sessions: %s server died; see "
			    "%s\n", sv->name, log);
			exit(1);
		}
		usleep(25000);
	}
	if (i == 400)
		die("the server does not listen");
}

static void
server_stop(struct server *sv)
{
	int i;

	kill(sv->pid, SIGTERM);
	for (i = 0; i < 300; i++) {
		if (waitpid(sv->pid, NULL, WNOHANG) == sv->pid)
			break;
		usleep(50000);
	}
	if (i == 300) {
		kill(sv->pid, SIGKILL);
		waitpid(sv->pid, NULL, 0);
	}
	live_server = 0;
}

/* --- one client session ------------------------------------------------- */

/*
 * Connect from 127.0.1.x (x from i: the server's limits are per client
 * address), log in (with the key, or the password), ask for a pty and a
 * shell and wait for the first screen; its bytes in out (NUL-ended, the
 * last len - 1). 0, or -1.
 */
static int
sess_open(struct sess *c, const struct server *sv, int i, int password,
    char *out, size_t len)
{
	char		bind[32], user[32];
	int		no = 0, yes = 1, port = sv->port, n;
	long		timeout = 20;
	size_t		have = 0;
	double		t0;

	memset(c, 0, sizeof *c);
	snprintf(bind, sizeof bind, "127.0.%d.%d", 1 + i / 250, 1 + i % 250);
	if ((c->s = ssh_new()) == NULL)
		return -1;
	ssh_options_set(c->s, SSH_OPTIONS_HOST, "127.0.0.1");
	ssh_options_set(c->s, SSH_OPTIONS_PORT, &port);
	if (password)
		snprintf(user, sizeof user, "%s", LOGIN);
	else
		snprintf(user, sizeof user, "bench%04d", 1 + i % CLERKS);
	ssh_options_set(c->s, SSH_OPTIONS_USER, user);
	ssh_options_set(c->s, SSH_OPTIONS_BINDADDR, bind);
	ssh_options_set(c->s, SSH_OPTIONS_PROCESS_CONFIG, &no);
	ssh_options_set(c->s, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
	ssh_options_set(c->s, SSH_OPTIONS_STRICTHOSTKEYCHECK, &no);
	ssh_options_set(c->s, SSH_OPTIONS_TIMEOUT, &timeout);
	ssh_options_set(c->s, SSH_OPTIONS_NODELAY, &yes);
	if (ssh_connect(c->s) != SSH_OK)
		goto fail;
	if (password ? ssh_userauth_password(c->s, NULL, PASSWORD) !=
	    SSH_AUTH_SUCCESS : ssh_userauth_publickey(c->s, NULL, privkey) !=
	    SSH_AUTH_SUCCESS)
		goto fail;
	if ((c->ch = ssh_channel_new(c->s)) == NULL ||
	    ssh_channel_open_session(c->ch) != SSH_OK ||
	    ssh_channel_request_pty_size(c->ch, "xterm", 80, 24) != SSH_OK ||
	    ssh_channel_request_shell(c->ch) != SSH_OK)
		goto fail;
	out[0] = '\0';
	t0 = now_ms();
	while (now_ms() - t0 < READY_MS) {
		n = ssh_channel_read_timeout(c->ch, out + have, (uint32_t)(len -
		    1 - have), 0, 500);
		if (n < 0 || (n == 0 && ssh_channel_is_eof(c->ch)))
			goto fail;
		have += (size_t)n;
		out[have] = '\0';
		if (strstr(out, sv->ready) != NULL)
			break;
		if (have >= len - 1)	/* keep the last half */
			memmove(out, out + len / 2, have -= len / 2);
	}
	if (strstr(out, sv->ready) == NULL)
		goto fail;
	c->fd = ssh_get_fd(c->s);
	return 0;
fail:
	fprintf(stderr, "bench-sessions: %s login %d: %s\n", sv->name, i,
	    ssh_get_error(c->s));
	if (c->ch != NULL)
		ssh_channel_free(c->ch);
	ssh_free(c->s);
	c->s = NULL;
	return -1;
}

static void
sess_close(struct sess *c)
{
	if (c->s == NULL)
		return;
	ssh_set_blocking(c->s, 1);
	ssh_channel_close(c->ch);
	ssh_channel_free(c->ch);
	ssh_disconnect(c->s);
	ssh_free(c->s);
	c->s = NULL;
}

/* The key of a menu line "K  TITLE" on the first screen, or dflt. */
static void
menu_key(const char *screen, const char *title, const char *dflt,
    char *key, size_t len)
{
	const char *p = strstr(screen, title);

	if (p != NULL && p - screen >= 3 && p[-1] == ' ' && p[-2] == ' ' &&
	    p[-3] > ' ' && p[-3] < 0x7f)
		snprintf(key, len, "%c", p[-3]);
	else
		snprintf(key, len, "%s", dflt);
}

/* Log s sessions in, one after another, with the key; how many did. */
static int
sessions_open(struct server *sv, struct sess *c, int s)
{
	char	*screen = malloc(65536);
	int	 i;

	if (screen == NULL)
		die("memory");
	for (i = 0; i < s; i++) {
		if (sess_open(&c[i], sv, i, 0, screen, 65536) != 0)
			break;
		if (i == 0 && strcmp(sv->name, "njbt") == 0)
			menu_key(screen, "  \xe6\x9c\xba\xe5\x85\xb7\xe6\xa0\xb8"
			    "\xe9\xaa\x8c", "7", sv->listkey,
			    sizeof sv->listkey);	/* 机具核验 */
	}
	free(screen);
	return i;
}

static void
sessions_close(struct sess *c, int n)
{
	int i;

	for (i = 0; i < n; i++)
		sess_close(&c[i]);
}

/* --- driving ------------------------------------------------------------ */

/* A key's latency and which key of the round it was. */
struct lat {
	double	 ms;
	size_t	 at;
};

static int
latcmp(const void *a, const void *b)
{
	const struct lat *x = a, *y = b;

	return (x->ms > y->ms) - (x->ms < y->ms);
}

/* One more latency into the growing array. */
static void
lat_add(struct lat **lat, size_t *n, size_t *cap, double ms, size_t at)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4096;
		if ((*lat = realloc(*lat, *cap * sizeof **lat)) == NULL)
			die("memory");
	}
	(*lat)[*n].ms = ms;
	(*lat)[(*n)++].at = at % NROUND;
}

/*
 * Drive the open sessions for secs; the latencies into r. The sessions'
 * first keys are spread over spread mean intervals, and only the keys
 * sent after the first spread - 1 of them are measured (and the CPU from
 * then): with spread 1 every key, from the start; with more, the
 * sessions are at different keys of the round when the measuring
 * begins, as clerks at work are, not all opening the same form at once.
 */
static void
drive(struct server *sv, struct sess *c, int n, double secs, double key_ms,
    int spread, struct result *r)
{
	struct pollfd	*p = calloc((size_t)n, sizeof *p);
	struct lat	*lat = NULL;
	double		 end, now, cpu0, cpu1, from;
	int		 measuring = spread <= 1;
	size_t		 nlat = 0, caplat = 0, j;
	long		 pss;
	char		 buf[16384];
	int		 i, k;

	if (p == NULL)
		die("memory");
	from = now_ms() + key_ms * (spread - 1);
	for (i = 0; i < n; i++) {
		ssh_set_blocking(c[i].s, 0);
		c[i].step = 0;
		/* spread the first keys over spread mean intervals */
		c[i].next_at = now_ms() + key_ms * spread * (i + 0.5) / n;
	}
	tree(sv->pid, &cpu0, &pss);
	end = from + secs * 1000;
	for (;;) {
		int timeout = 5, busy = 0;

		now = now_ms();
		if (!measuring && now >= from) {
			tree(sv->pid, &cpu0, &pss);
			measuring = 1;
		}
		for (i = 0; i < n; i++) {
			struct sess *s = &c[i];
			const char *key;

			/* a key only into a quiet session: a late answer
			 * is not taken for the next key's */
			if (s->dead || s->waiting || now < s->next_at ||
			    now >= end || now - s->last_at < QUIET_MS)
				continue;
			key = round_keys[s->step % NROUND].key;
			if (key == KEY_LIST)
				key = sv->listkey;
			s->step++;
			if (ssh_channel_write(s->ch, key, (uint32_t)strlen(key))
			    < 0)
				die("write");
			s->sent_at = now;
			s->waiting = 1;
			s->got = 0;
		}
		for (i = 0; i < n; i++) {
			p[i].fd = c[i].dead ? -1 : c[i].fd;
			p[i].events = POLLIN;
			p[i].revents = 0;
			busy += c[i].waiting;
		}
		if (now >= end && busy == 0)
			break;
		if (now >= end + LOST_MS)
			break;
		if (poll(p, (nfds_t)n, timeout) < 0 && errno != EINTR)
			die("poll");
		now = now_ms();
		for (i = 0; i < n; i++) {
			struct sess *s = &c[i];

			if (!s->dead && (p[i].revents != 0 || s->waiting)) {
				while ((k = ssh_channel_read_nonblocking(s->ch,
				    buf, sizeof buf, 0)) > 0) {
					if (s->waiting && !s->got &&
					    s->sent_at >= from)
						lat_add(&lat, &nlat, &caplat,
						    now - s->sent_at,
						    s->step - 1);
					if (s->waiting)
						s->got = 1;
					s->last_at = now;
				}
				if (k < 0 || ssh_channel_is_eof(s->ch)) {
					/* counted, and left out from now */
					s->dead = 1;
					s->waiting = 0;
					r->ended++;
					continue;
				}
			}
			if (s->waiting && s->got && now - s->last_at >=
			    QUIET_MS) {
				/* the next key: a jittered interval after
				 * this one, never before the answer ended */
				s->waiting = 0;
				s->next_at = s->sent_at + key_ms *
				    (0.5 + (double)rand() / RAND_MAX);
			} else if (s->waiting && !s->got && now - s->sent_at >=
			    LOST_MS) {
				/* counted at LOST_MS: the percentiles
				 * never leave a slow key out */
				s->waiting = 0;
				s->next_at = now;
				if (s->sent_at < from)
					continue;
				r->lost++;
				r->lost_at[(s->step - 1) % NROUND]++;
				lat_add(&lat, &nlat, &caplat, LOST_MS,
				    s->step - 1);
			}
		}
	}
	tree(sv->pid, &cpu1, &pss);
	r->keys = (long)nlat;		/* answered or lost */
	qsort(lat, nlat, sizeof *lat, latcmp);
	r->p50 = nlat ? lat[nlat / 2].ms : 0;
	r->p99 = nlat ? lat[(size_t)((double)nlat * 0.99)].ms : 0;
	for (j = (size_t)((double)nlat * 0.99); j < nlat; j++)
		r->slow_at[lat[j].at]++;
	r->cpu_key_ms = nlat ? (cpu1 - cpu0) * 1000 / (double)nlat : 0;
	r->pss_kb = n ? (double)pss / n : 0;
	for (i = 0; i < n; i++)
		ssh_set_blocking(c[i].s, 1);
	free(lat);
	free(p);
}

/* --- setting up --------------------------------------------------------- */

static void
run(const char *cmd)
{
	if (system(cmd) != 0) {
		fprintf(stderr, "bench-sessions: failed: %s\n", cmd);
		die("setup");
	}
}

/* The copy of the database, hl_jb's key and session limit, the keys. */
static void
copy_setup(const char *src)
{
	static char	 db[300], hk[300], kf[300];
	char		 cmd[2048], err[NJ_MSG_MAX], *b64 = NULL;
	FILE		*fp;

	snprintf(db, sizeof db, "%s/njbt.db", tmpdir);
	snprintf(hk, sizeof hk, "%s/echo.hostkey", tmpdir);
	snprintf(kf, sizeof kf, "%s/client.pub", tmpdir);
	db_copy = db;
	hostkey = hk;
	keyfile = kf;
	snprintf(cmd, sizeof cmd, "cp '%s' %s && cp '%s.key' %s.key && "
	    "{ [ ! -e '%s.anchor' ] || cp '%s.anchor' %s.anchor; }", src, db,
	    src, db, src, src, db);
	run(cmd);
	/* the bench's own copy: one clerk may hold every session */
	if (db_open(db, err, sizeof err) != 0)
		die(err);
	if (sqlite3_exec(store->db, "UPDATE users SET max_sessions = 0 "
	    "WHERE login = '" LOGIN "'", NULL, NULL, NULL) != SQLITE_OK)
		die(store_errmsg());
	db_close();
	if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &privkey) != SSH_OK ||
	    ssh_pki_export_pubkey_base64(privkey, &b64) != SSH_OK)
		die("key");
	if ((fp = fopen(kf, "w")) == NULL)
		die(kf);
	fprintf(fp, "ssh-ed25519 %s bench\n", b64);
	fclose(fp);
	ssh_string_free_char(b64);
	snprintf(cmd, sizeof cmd, "'%s' user key add --db %s %s %s > /dev/null",
	    njbt_bin, db, LOGIN, kf);
	run(cmd);
	snprintf(cmd, sizeof cmd, "ssh-keygen -q -t ed25519 -N '' -f %s "
	    "< /dev/null", hk);
	run(cmd);
	/* the clerks, hl_jb's copies with his key (their rows' MACs made
	 * by the store's triggers, as for any row written through it) */
	if (db_open(db, err, sizeof err) != 0)
		die(err);
	if (sqlite3_exec(store->db, "INSERT INTO users (login, name, role, "
	    "region, pwhash, max_sessions, created_at, post, created_by) "
	    "SELECT printf('bench%04d', k.n), u.name, u.role, u.region, "
	    "u.pwhash, 0, u.created_at, u.post, u.created_by FROM users u, "
	    "(WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k "
	    "WHERE n < " STR(CLERKS) ") SELECT n FROM k) k WHERE u.login = '"
	    LOGIN "'; INSERT INTO user_keys (user_id, keytype, keyblob, "
	    "comment, fingerprint, added_at) SELECT c.id, k.keytype, "
	    "k.keyblob, k.comment, k.fingerprint, k.added_at FROM users c, "
	    "user_keys k JOIN users h ON h.id = k.user_id AND h.login = '"
	    LOGIN "' WHERE c.login GLOB 'bench[0-9]*'", NULL, NULL, NULL) !=
	    SQLITE_OK)
		die(store_errmsg());
	db_close();
}

/*
 * What both benches do first: stop by themselves (SIGALRM), the
 * programs beside argv0 (njbt unless -s gave one, bench-echo-server),
 * the forms of the source tree, the clock of million.h's data, the run's
 * folder, the database (million.h's of n sales, or path as it is for
 * n 0) and its copy.
 */
static void
bench_start(const char *argv0, const char *name, const char *path, int n)
{
	static char	 njbt[600], echo[600];
	char		 root[512], forms[600], *l;

	signal(SIGALRM, on_alarm);
	signal(SIGTERM, on_alarm);
	signal(SIGINT, on_alarm);
	signal(SIGPIPE, SIG_IGN);
	snprintf(root, sizeof root, "%s", argv0);
	if ((l = strrchr(root, '/')) != NULL)
		*l = '\0';
	else
		snprintf(root, sizeof root, ".");
	snprintf(njbt, sizeof njbt, "%s/njbt", root);
	snprintf(echo, sizeof echo, "%s/bench-echo-server", root);
	if (njbt_bin == NULL)
		njbt_bin = njbt;
	echo_bin = echo;
	snprintf(forms, sizeof forms, "%s/../forms", root);
	setenv("NJBT_FORMS", forms, 0);
	setenv("NJBT_NOW", "2026-05-20T10:00:00", 1);
	setenv("LANG", "C.UTF-8", 1);
	tmp_make(name);
	if (n > 0)
		million_make(path, n);
	copy_setup(path);
}

#endif
