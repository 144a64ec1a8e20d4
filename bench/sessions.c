/*
 * bench/sessions.c: many SSH sessions at once (issue 15 item 6). Starts
 * `njbt serve` on a loopback port over a copy of the million-sale
 * database (million.h makes and caches it), opens S sessions as the
 * county clerk hl_jb with a public key, one after another (key logins a
 * second), drives keys in them for a fixed time from this one process
 * (libssh's client, one poll over every socket) — the verification
 * queue (moves, pages, a filter typed and erased) and the application
 * form (fields typed, the form left without a draft) — and prints the
 * keystroke latency (first byte of the answer; p50, p99), the server's
 * CPU per key (the listener and every session process under it, from
 * /proc/PID/stat) and the PSS per session (/proc/PID/smaps_rollup of the
 * session processes). The baseline, in the same run, is
 * bench/echo-server.c (libssh + ncurses, a process per connection, the
 * screen only echoes), driven with the same keys. Then P password
 * logins at once, on each server (logins a second; njbt's hash is the
 * real argon2id of the release build).
 *
 *   build/bench-sessions [-S 100,500,1000] [-t SECONDS] [-k MS] [-p P]
 *       [-n SALES] [-d DB] [-s NJBT]
 *
 * -t: seconds of driving at each S (20), measured after the first keys
 * are spread over half a round's intervals (so that the sessions are at
 * different keys of the round, as clerks at work are); -k: each
 * session's mean time between keys (2000 ms, jittered); -n/-d: the database (1000000 sales,
 * /tmp/njbt-million.db; -n 0 takes DB as it is). An S the memory cannot
 * hold (MemAvailable against the PSS measured so far) or the open-file
 * limit cannot is skipped, and said. Every run stops by itself (alarm).
 */
#include "drive.h"

/* S key logins, secs of keys, the figures; the sessions closed again. */
static int
run_level(struct server *sv, int s, double secs, double key_ms,
    struct result *r)
{
	struct sess	*c = calloc((size_t)s, sizeof *c);
	double		 t0;

	if (c == NULL)
		die("memory");
	memset(r, 0, sizeof *r);
	server_start(sv);
	t0 = now_ms();
	r->n = sessions_open(sv, c, s);
	r->login_s = (now_ms() - t0) / 1000;
	if (r->n == s)
		drive(sv, c, r->n, secs, key_ms, (int)NROUND / 2, r);
	sessions_close(c, r->n);
	server_stop(sv);
	free(c);
	return r->n == s ? 0 : -1;
}

/* P password logins at once (a process each); logins a second, or 0. */
static double
password_logins(struct server *sv, int p)
{
	double	t0, secs;
	int	i, ok = 0, st;

	server_start(sv);
	t0 = now_ms();
	for (i = 0; i < p; i++) {
		if (fork() == 0) {
			struct sess	c;
			char		screen[65536];

			alarm(60);
			if (sess_open(&c, sv, 500 + i, 1, screen,
			    sizeof screen) != 0)
				_exit(1);
			sess_close(&c);
			_exit(0);
		}
	}
	for (i = 0; i < p; i++)
		if (wait(&st) > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0)
			ok++;
	secs = (now_ms() - t0) / 1000;
	server_stop(sv);
	return ok == p && secs > 0 ? p / secs : 0;
}

/* What a count by key of the round holds, the keys with any. */
static void
by_key(const char *what, const long *at)
{
	size_t	i;
	long	sum = 0;

	for (i = 0; i < NROUND; i++)
		sum += at[i];
	if (sum == 0)
		return;
	printf("        %s, by key of the round:", what);
	for (i = 0; i < NROUND; i++)
		if (at[i] > 0)
			printf(" %s %ld;", round_keys[i].name, at[i]);
	printf("\n");
}

static void
print_level(const char *name, const struct result *r)
{
	char	ended[48] = "";

	if (r->ended > 0)
		snprintf(ended, sizeof ended, ", %ld ended by the server",
		    r->ended);
	printf("  %-5s %5d sessions: key logins %6.1f/s | keys %7ld "
	    "(lost %ld%s) | p50 %7.2f ms  p99 %s%7.2f ms | CPU/key %6.3f ms | "
	    "PSS/session %7.0f kB\n", name, r->n, r->login_s > 0 ? r->n /
	    r->login_s : 0, r->keys, r->lost, ended, r->p50, r->p99 >= LOST_MS ?
	    ">=" : "", r->p99, r->cpu_key_ms,
	    r->pss_kb);
	by_key("lost", r->lost_at);
	by_key("the slowest 1%", r->slow_at);
}

int
main(int argc, char **argv)
{
	struct server	 echo = { "echo", "ECHO READY", 0, 0, "7" };
	struct server	 njbt = { "njbt", "\xe4\xb8\xbb\xe8\x8f\x9c\xe5\x8d\x95",
			    0, 0, "7" };			/* 主菜单 */
	struct result	 re, rn;
	struct rlimit	 rl;
	const char	*levels = "100,500,1000", *path = "/tmp/njbt-million.db";
	char		 cmd[700], *l, *save;
	char		 lv[128];
	double		 secs = 20, key_ms = 2000, pss_est = 20000;
	int		 n = 1000000, p = 8, o, s, missed = 0, done = 0;
	while ((o = getopt(argc, argv, "S:t:k:p:n:d:s:")) != -1)
		switch (o) {
		case 'S': levels = optarg; break;
		case 't': secs = atof(optarg); break;
		case 'k': key_ms = atof(optarg); break;
		case 'p': p = atoi(optarg); break;
		case 'n': n = atoi(optarg); break;
		case 'd': path = optarg; break;
		case 's': njbt_bin = optarg; break;
		default:
			fprintf(stderr, "usage: bench-sessions [-S 100,500,1000] "
			    "[-t SECONDS] [-k MS] [-p P] [-n SALES] [-d DB] "
			    "[-s NJBT]\n");
			return 2;
		}
	if (secs <= 0 || secs > 600 || key_ms < 1 || p < 0 || p > 64)
		die("-t is 0-600 seconds, -k at least 1 ms, -p 0-64");
	/* bounded: the setup, then each level on both servers (logins at
	 * 2 s each at worst, the driving, the stops) */
	{
		double	 bound = 600;
		char	 b[128], *q, *sp;

		snprintf(b, sizeof b, "%s", levels);
		for (q = strtok_r(b, ",", &sp); q != NULL;
		    q = strtok_r(NULL, ",", &sp))
			bound += 2 * (2.0 * atoi(q) + secs + 60);
		alarm((unsigned)bound);
	}
	bench_start(argv[0], "sessions", path, n);
	getrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_cur = rl.rlim_max;
	setrlimit(RLIMIT_NOFILE, &rl);
	srand(15);

	printf("bench/sessions: %s (%s), as copies of %s: each session a "
	    "clerk of its own, a key every "
	    "%.0f ms (mean) for %.0f s, after %.0f s of first keys spread; "
	    "latency = first byte of the answer, a key with none in %d ms "
	    "lost and counted at that\n", path, n > 0 ? "million.h's" :
	    "as it is", LOGIN, key_ms, secs, key_ms * ((int)NROUND / 2 - 1) /
	    1000, LOST_MS);
	printf("  the keys of a round: the application form (fields typed, "
	    "left without a draft), the verification queue (moves, pages, "
	    "a filter typed and erased)\n");
	snprintf(lv, sizeof lv, "%s", levels);
	for (l = strtok_r(lv, ",", &save); l != NULL;
	    l = strtok_r(NULL, ",", &save)) {
		long avail = mem_available_kb();

		if ((s = atoi(l)) <= 0)
			continue;
		if ((double)s * pss_est * 1.5 + 1048576 > (double)avail) {
			printf("  S=%d skipped: needs about %.0f MB "
			    "(%.0f kB a session, measured or guessed), %ld MB "
			    "available\n", s, s * pss_est * 1.5 / 1024,
			    pss_est, avail / 1024);
			continue;
		}
		if ((rlim_t)s + 64 > rl.rlim_cur) {
			printf("  S=%d skipped: %ld open files allowed\n", s,
			    (long)rl.rlim_cur);
			continue;
		}
		if (run_level(&echo, s, secs, key_ms, &re) != 0 ||
		    run_level(&njbt, s, secs, key_ms, &rn) != 0) {
			printf("  S=%d: not every session logged in (see "
			    "stderr)\n", s);
			missed = 1;
			continue;
		}
		print_level("echo", &re);
		print_level("njbt", &rn);
		printf("  S=%d: njbt p99 %s%.2f ms = %s%.1fx the echo server's "
		    "(target at 1000: within 2x): %s; PSS/session %.0f kB "
		    "(target under 4096 kB): %s\n", s, rn.p99 >= LOST_MS ?
		    ">=" : "", rn.p99, rn.p99 >= LOST_MS ? ">=" : "",
		    re.p99 > 0 ? rn.p99 / re.p99 : 0, rn.p99 <= 2 * re.p99 &&
		    rn.p99 < LOST_MS ? "met" :
		    "MISSED", rn.pss_kb, rn.pss_kb < 4096 ? "met" : "MISSED");
		fflush(stdout);
		if (rn.pss_kb > 0)
			pss_est = rn.pss_kb;
		done++;
	}
	if (p > 0) {
		double pe = password_logins(&echo, p);
		double pn = password_logins(&njbt, p);

		printf("  password logins, %d at once: echo %.1f/s, njbt "
		    "%.1f/s\n", p, pe, pn);
		if (pn == 0)
			missed = 1;
	}
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	(void)!system(cmd);
	printf("bench/sessions: %d level(s) measured%s\n", done,
	    missed ? ", some logins failed" : "");
	return missed ? 1 : 0;
}
