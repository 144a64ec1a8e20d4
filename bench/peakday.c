/*
 * bench/peakday.c: a province's peak day (issue 15 item 6) — 20,000
 * sales, 20,000 verifications, 2,000 applications and 300 clerks on the
 * screens — through the real front ends, compressed into minutes, over a
 * copy of the million-sale database. What the day needs beforehand (the
 * buyers' approved applications with their notices, the machines in the
 * dealer's stock) goes into the copy by raw inserts, as million.h makes
 * its data. Then, paced evenly over the run, single `njbt do` processes
 * (JOBS at once): fs_dealer's sale.new on each notice, hl_jb's
 * verify.pass of each sale once entered, xg_zhen's application.new of
 * new buyers; meanwhile `njbt serve` holds the clerks' SSH sessions (key
 * logins as hl_jb), driven at a real clerk's pace (a key every -k ms)
 * with the keys of bench/drive.h.
 *
 * It prints the CPU seconds of the server (its process tree) and of the
 * batch processes, the share of the machine they used during the run
 * (CPU / (wall x cores)) and, as the day is compressed, the share of a
 * real working day (-H hours): the batch's CPU (divided by -f when only
 * a fraction of the day ran) plus the sessions' CPU a second for the
 * whole day, over (day x cores). The target (under 5%) is for the day.
 *
 *   build/bench-peakday [-f FRACTION] [-w SECONDS] [-c SESSIONS] [-j JOBS]
 *       [-k MS] [-H HOURS] [-n SALES] [-d DB] [-s NJBT]
 *
 * Defaults: a fifth of the day (-f 0.2) in 300 s, 300 sessions, 2 jobs, a
 * key every 3000 ms, an 8-hour day, /tmp/njbt-million.db of 1,000,000
 * sales. (The whole day's 42,000 processes take some 700 s of CPU: on 2
 * cores they cannot run in 300 s, and the run was cut at 4 x 300 s with
 * the setup's minutes before it; a fifth takes about a quarter of the
 * machine, and the day's figure scales its batch CPU up.)
 * Every run stops by itself (alarm).
 */
#include "drive.h"

#include <sys/time.h>

#define DAY_SALES	20000
#define DAY_VERIFY	20000
#define DAY_APPS	2000
#define DAY_SESSIONS	300
#define MAX_JOBS	16
#define LAG		20	/* a sale is verified LAG sales later */

enum kind { SALE, VERIFY, APPLY };
static const char *const kind_names[] = { "sale.new", "verify.pass",
    "application.new" };

struct task {
	enum kind	kind;
	int		k;		/* the kind's own index */
};

static int64_t	first_sale;	/* the id the day's first sale gets */
static int64_t	last_app;	/* the last application before the day */

/* An 18-digit ID number of 贺兰县 whose last character idcard_check
 * takes, k < 300,000. */
static void
idno(char *buf, size_t len, int k)
{
	static const char	 last[] = "0123456789X";
	char			 norm[32];
	int			 d = k / 1000, i;

	snprintf(buf, len, "640122%04d%02d%02d%03d0", 1950 + d / 336,
	    1 + d % 336 / 28, 1 + d % 28, k % 1000);
	for (i = 0; last[i] != '\0'; i++) {
		buf[17] = last[i];
		if (idcard_check(buf, 0, norm, sizeof norm) == IDCARD_OK)
			return;
	}
	die("no ID number");
}

/* A 19-digit card number whose last digit luhn_valid takes. */
static void
card(char *buf, size_t len, int k)
{
	snprintf(buf, len, "622848%012d0", k);
	while (!luhn_valid(buf) && buf[18] < '9')
		buf[18]++;
}

/*
 * The day's preconditions in the copy: n buyers of 习岗镇 with an
 * approved application for one 1.1.3/03 machine and its valid notice,
 * and n machines of model 1GQN-200 in fs_dealer's stock.
 */
static void
prepare(int n)
{
	sqlite3_stmt	*buyer, *machine, *app, *line, *notice, *st;
	char		 err[NJ_MSG_MAX], s[64], id[32], at[32], phone[16];
	char		 acct[24];
	int		 i;

	if (db_open(db_copy, err, sizeof err) != 0)
		die(err);
	sqlite3_exec(store->db, "PRAGMA synchronous=OFF", NULL, NULL, NULL);
	buyer = million_prep(MILLION_BUYER_SQL);
	machine = million_prep("INSERT INTO machines(product_id, serial, "
	    "dealer_id, state, supplied_at) VALUES (1, ?1, 1, 'supplied', ?2)");
	app = million_prep("INSERT INTO applications(no, year, flow, county, "
	    "township, buyer_id, state, entered_by, entered_at, submitted_by, "
	    "decided_by) VALUES (?1, 2026, 'quota-first', '640122', "
	    "'640122100', ?2, 'approved', 8, ?3, 8, 6)");
	line = million_prep("INSERT INTO application_lines(app_id, tier_id, "
	    "qty, used, central, provincial, city, county) VALUES "
	    "(?1, 7, 1, 0, 280000, 0, 0, 0)");
	notice = million_prep("INSERT INTO notices(no, app_id, county_seq, "
	    "province_seq, issued_on, valid_from, valid_to, state) VALUES "
	    "(?1, ?2, ?3, ?3, '2026-05-10', '2026-05-10', '2026-05-30', "
	    "'valid')");
	clock_stamp(clock_now(), at, sizeof at);
	sqlite3_exec(store->db, "BEGIN", NULL, NULL, NULL);
	for (i = 0; i < n; i++) {
		int64_t		b, a;

		idno(id, sizeof id, i);
		snprintf(s, sizeof s, "峰日购机者%05d", i);
		snprintf(phone, sizeof phone, "138%08d", i);
		card(acct, sizeof acct, i);
		b = million_buyer(buyer, s, id, "640122100", phone, acct, at);

		snprintf(s, sizeof s, "PD%07d", i);
		sqlite3_bind_text(machine, 1, s, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(machine, 2, at, -1, SQLITE_STATIC);
		million_step(machine);

		snprintf(s, sizeof s, "SQP6401222026%07d", i);
		sqlite3_bind_text(app, 1, s, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(app, 2, b);
		sqlite3_bind_text(app, 3, at, -1, SQLITE_STATIC);
		million_step(app);
		a = sqlite3_last_insert_rowid(store->db);
		sqlite3_bind_int64(line, 1, a);
		million_step(line);
		snprintf(s, sizeof s, "TZP6401222026%07d", i);
		sqlite3_bind_text(notice, 1, s, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(notice, 2, a);
		sqlite3_bind_int(notice, 3, 5000000 + i);
		million_step(notice);
	}
	sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
	sqlite3_finalize(buyer);
	sqlite3_finalize(machine);
	sqlite3_finalize(app);
	sqlite3_finalize(line);
	sqlite3_finalize(notice);
	st = million_prep("SELECT (SELECT ifnull(max(id), 0) + 1 FROM sales), "
	    "(SELECT max(id) FROM applications)");
	sqlite3_step(st);
	first_sale = sqlite3_column_int64(st, 0);
	last_app = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	sqlite3_exec(store->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL,
	    NULL);
	db_close();
}

/* What the day left in the copy: its sales, those verified, its
 * applications. */
static void
day_check(int64_t *sales, int64_t *verified, int64_t *apps)
{
	sqlite3_stmt	*st;
	char		 err[NJ_MSG_MAX];

	if (db_open(db_copy, err, sizeof err) != 0)
		die(err);
	st = million_prep("SELECT count(*), count(CASE WHEN state = "
	    "'verified' THEN 1 END), (SELECT count(*) FROM applications "
	    "WHERE id > ?2) FROM sales WHERE id >= ?1");
	sqlite3_bind_int64(st, 1, first_sale);
	sqlite3_bind_int64(st, 2, last_app);
	sqlite3_step(st);
	*sales = sqlite3_column_int64(st, 0);
	*verified = sqlite3_column_int64(st, 1);
	*apps = sqlite3_column_int64(st, 2);
	sqlite3_finalize(st);
	db_close();
}

/* Start one `njbt do` of task t; its pid. */
static pid_t
launch(const struct task *t)
{
	char	a[12][96], id[32], path[300];
	char	*argv[20];
	int	n = 0, i, fd;
	pid_t	pid;

	switch (t->kind) {
	case SALE:
		idno(id, sizeof id, t->k);
		snprintf(a[n++], sizeof a[0], "fs_dealer");
		snprintf(a[n++], sizeof a[0], "sale.new");
		snprintf(a[n++], sizeof a[0], "notice=TZP6401222026%07d", t->k);
		snprintf(a[n++], sizeof a[0], "id_no=%s", id);
		snprintf(a[n++], sizeof a[0], "serial=PD%07d", t->k);
		snprintf(a[n++], sizeof a[0], "price=9500");
		snprintf(a[n++], sizeof a[0], "sold_on=2026-05-20");
		snprintf(a[n++], sizeof a[0], "invoice_no=FPP%07d", t->k);
		break;
	case VERIFY:
		snprintf(a[n++], sizeof a[0], "hl_jb");
		snprintf(a[n++], sizeof a[0], "verify.pass");
		snprintf(a[n++], sizeof a[0], "sale=%lld",
		    (long long)(first_sale + t->k));
		snprintf(a[n++], sizeof a[0], "method=office");
		snprintf(a[n++], sizeof a[0], "check_identity=1 "
		    "check_invoice=1 check_nameplate=1 check_dealer=1");
		snprintf(a[n++], sizeof a[0], "check_licence=1 check_account=1 "
		    "check_promise=1");
		snprintf(a[n++], sizeof a[0], "partner=hl_sh");
		break;
	case APPLY:
		idno(id, sizeof id, 200000 + t->k);
		snprintf(a[n++], sizeof a[0], "xg_zhen");
		snprintf(a[n++], sizeof a[0], "application.new");
		snprintf(a[n++], sizeof a[0], "buyer_type=person");
		snprintf(a[n++], sizeof a[0], "buyer_name=峰日申请者%04d",
		    t->k);
		snprintf(a[n++], sizeof a[0], "id_no=%s", id);
		snprintf(a[n++], sizeof a[0], "township=640122100");
		snprintf(a[n++], sizeof a[0], "item=1.1.3 tier=03 qty=1");
		snprintf(a[n++], sizeof a[0], "bank_name=黄河银行");
		card(id, sizeof id, 200000 + t->k);
		snprintf(a[n++], sizeof a[0], "bank_account=%s", id);
		break;
	}
	/* the first two are the user and the action; the checks above are
	 * several fields in one string: split them at the spaces */
	argv[0] = (char *)(uintptr_t)njbt_bin;
	argv[1] = (char *)(uintptr_t)"do";
	argv[2] = (char *)(uintptr_t)"--db";
	argv[3] = (char *)(uintptr_t)db_copy;
	argv[4] = (char *)(uintptr_t)"--as";
	argv[5] = a[0];
	argv[6] = a[1];
	for (i = 2, fd = 7; i < n && fd < 18; i++) {
		char *p = a[i], *save;

		for (p = strtok_r(p, " ", &save); p != NULL && fd < 18;
		    p = strtok_r(NULL, " ", &save))
			argv[fd++] = p;
	}
	argv[fd] = NULL;
	snprintf(path, sizeof path, "%s/%s.err", tmpdir, kind_names[t->kind]);
	if ((pid = fork()) < 0)
		die("fork");
	if (pid == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) >= 0)
			dup2(fd, 1);
		if ((fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600)) >= 0)
			dup2(fd, 2);
		execv(njbt_bin, argv);
		_exit(127);
	}
	return pid;
}

/* The order of the day: sales, each verified LAG sales later, and an
 * application every tenth sale; n of each kind as given. */
static struct task *
schedule(int nsale, int nverify, int napp, int *total)
{
	struct task	*t = calloc((size_t)(nsale + nverify + napp),
			    sizeof *t);
	int		 n = 0, s, v = 0, a = 0;

	if (t == NULL)
		die("memory");
	if (nverify > nsale)
		nverify = nsale;
	for (s = 0; n < nsale + nverify + napp; s++) {
		if (s < nsale)
			t[n++] = (struct task){ SALE, s };
		if ((s % 10 == 9 || s >= nsale) && a < napp)
			t[n++] = (struct task){ APPLY, a++ };
		if ((s >= LAG || s >= nsale) && v < nverify)
			t[n++] = (struct task){ VERIFY, v++ };
	}
	*total = n;
	return t;
}

static double
tv_s(struct timeval tv)
{
	return (double)tv.tv_sec + tv.tv_usec / 1e6;
}

int
main(int argc, char **argv)
{
	struct server	 njbt = { "njbt", "\xe4\xb8\xbb\xe8\x8f\x9c\xe5\x8d\x95",
			    0, 0, "7" };			/* 主菜单 */
	struct task	*tasks;
	struct result	 r;
	struct rusage	 ru0, ru1, ru;
	struct sess	*c;
	const char	*path = "/tmp/njbt-million.db";
	double		 f = 0.2, w = 300, key_ms = 3000, hours = 8;
	double		 t0, wall, srv0, srv1, batch, server, cores, run_share;
	double		 day_s, day_cpu, day_share, f_ran, cpu[3] = { 0, 0, 0 };
	int64_t		 dsales, dverified, dapps;
	long		 pss;
	pid_t		 jobs[MAX_JOBS], clerks;
	int		 nj = 2, nsess = DAY_SESSIONS, n = 1000000, o, i, total;
	int		 next = 0, running = 0, done[3] = { 0, 0, 0 };
	int		 refused[3] = { 0, 0, 0 }, slot[MAX_JOBS], ready[2];
	int		 nsale, nverify, napp, st, opened = 0, cut = 0;

	while ((o = getopt(argc, argv, "f:w:c:j:k:H:n:d:s:")) != -1)
		switch (o) {
		case 'f': f = atof(optarg); break;
		case 'w': w = atof(optarg); break;
		case 'c': nsess = atoi(optarg); break;
		case 'j': nj = atoi(optarg); break;
		case 'k': key_ms = atof(optarg); break;
		case 'H': hours = atof(optarg); break;
		case 'n': n = atoi(optarg); break;
		case 'd': path = optarg; break;
		case 's': njbt_bin = optarg; break;
		default:
			fprintf(stderr, "usage: bench-peakday [-f FRACTION] "
			    "[-w SECONDS] [-c SESSIONS] [-j JOBS] [-k MS] "
			    "[-H HOURS] [-n SALES] [-d DB] [-s NJBT]\n");
			return 2;
		}
	if (f <= 0 || f > 1 || w < 1 || w > 3600 || nsess < 0 ||
	    nsess > 2000 || nj < 1 || nj > MAX_JOBS || key_ms < 1 ||
	    hours <= 0)
		die("-f 0-1, -w 1-3600 s, -c 0-2000, -j 1-16, -k >= 1, -H > 0");
	nsale = (int)(DAY_SALES * f + 0.5);
	nverify = (int)(DAY_VERIFY * f + 0.5);
	napp = (int)(DAY_APPS * f + 0.5);
	/* bounded: the setup, the logins (4 s each at worst), the day (no
	 * action starts after 4 w: the figures are then the part that ran)
	 * and the stop */
	alarm((unsigned)(900 + 4 * w + 4 * nsess));
	bench_start(argv[0], "peakday", path, n);
	prepare(nsale);
	tasks = schedule(nsale, nverify, napp, &total);

	/* a session of njbt holds some 5 MB (PSS): fewer if memory is short */
	if ((double)nsess * 8192 + 1048576 > (double)mem_available_kb()) {
		int can = (int)((mem_available_kb() - 1048576) / 8192);

		printf("  only %d sessions: %d need about %d MB, %ld MB "
		    "available\n", can < 0 ? 0 : can, nsess, nsess * 8,
		    mem_available_kb() / 1024);
		nsess = can < 0 ? 0 : can;
	}
	/* the clerks: a process of their own logs them in, says so, drives
	 * them for the run's w seconds and writes its figures back */
	server_start(&njbt);
	if (pipe(ready) != 0)
		die("pipe");
	if ((clerks = fork()) == 0) {
		close(ready[0]);
		live_server = 0;
		if ((c = calloc((size_t)nsess + 1, sizeof *c)) == NULL)
			_exit(1);
		opened = sessions_open(&njbt, c, nsess);
		memset(&r, 0, sizeof r);
		r.n = opened;
		(void)!write(ready[1], &r, sizeof r);
		if (opened > 0)
			drive(&njbt, c, opened, w, key_ms, 1, &r);
		r.n = opened;
		(void)!write(ready[1], &r, sizeof r);
		sessions_close(c, opened);
		_exit(0);
	}
	close(ready[1]);
	if (read(ready[0], &r, sizeof r) != (ssize_t)sizeof r)
		die("the clerks' process ended");
	opened = r.n;

	printf("bench/peakday: over a copy of %s (%s); the day%s: %d "
	    "sales, %d verifications, %d applications (single njbt do, %d at "
	    "once) and %d of %d clerks' sessions (a key every %.0f ms), paced "
	    "over %.0f s\n", path, n > 0 ? "million.h's" : "as it is",
	    f < 1 ? ", a fraction of it" : "", nsale, nverify, napp, nj,
	    opened, nsess, key_ms, w);
	fflush(stdout);
	getrusage(RUSAGE_CHILDREN, &ru0);
	tree(njbt.pid, &srv0, &pss);
	t0 = now_ms();
	for (i = 0; i < nj; i++)
		slot[i] = -1;
	while ((next < total && !cut) || running > 0) {
		double now = now_ms(), due = t0 + w * 1000.0 * next / total;

		if (now > t0 + 4 * w * 1000)
			cut = 1;

		for (i = 0; i < nj; i++) {
			if (slot[i] >= 0 && wait4(jobs[i], &st, WNOHANG, &ru)
			    == jobs[i]) {
				enum kind k = tasks[slot[i]].kind;

				done[k]++;
				cpu[k] += tv_s(ru.ru_utime) + tv_s(ru.ru_stime);
				if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
					refused[k]++;
				slot[i] = -1;
				running--;
			}
			/* a verification waits for its sale to be in */
			if (slot[i] < 0 && next < total && !cut && now >= due &&
			    (tasks[next].kind != VERIFY ||
			    tasks[next].k < done[SALE])) {
				jobs[i] = launch(&tasks[next]);
				slot[i] = next++;
				running++;
				due = t0 + w * 1000.0 * next / total;
			}
		}
		usleep(1000);
	}
	wall = (now_ms() - t0) / 1000;
	getrusage(RUSAGE_CHILDREN, &ru1);
	tree(njbt.pid, &srv1, &pss);
	batch = tv_s(ru1.ru_utime) + tv_s(ru1.ru_stime) - tv_s(ru0.ru_utime) -
	    tv_s(ru0.ru_stime);
	server = srv1 - srv0;
	if (read(ready[0], &r, sizeof r) != (ssize_t)sizeof r)
		memset(&r, 0, sizeof r);
	waitpid(clerks, NULL, 0);
	server_stop(&njbt);

	cores = (double)sysconf(_SC_NPROCESSORS_ONLN);
	run_share = (batch + server) / (wall * cores);
	day_s = hours * 3600;
	/* the part of the day that ran (all of f, unless cut) */
	f_ran = f * (done[0] + done[1] + done[2]) / total;
	day_cpu = (f_ran > 0 ? batch / f_ran : 0) + server / (w < wall ? wall :
	    w) * day_s;
	day_share = day_cpu / (day_s * cores);
	for (i = 0; i < 3; i++)
		printf("  %-16s %6d run, %5d refused (%s/%s.err), CPU %.2f ms "
		    "each\n", kind_names[i], done[i], refused[i], tmpdir,
		    kind_names[i], done[i] ? cpu[i] * 1000 / done[i] : 0);
	day_check(&dsales, &dverified, &dapps);
	printf("  in the database after the day: %lld new sales, %lld of "
	    "them verified, %lld new applications\n", (long long)dsales,
	    (long long)dverified, (long long)dapps);
	printf("  sessions: %ld keys, p50 %.2f ms, p99 %.2f ms, %ld lost, "
	    "%ld ended by the server; server CPU %.1f s\n", r.keys, r.p50,
	    r.p99, r.lost, r.ended, server);
	printf("  the run: %.1f s wall (paced over %.0f s), CPU %.1f s "
	    "(server %.1f + batch %.1f) = %.1f%% of %d cores\n", wall, w,
	    batch + server, server, batch, 100 * run_share, (int)cores);
	if (cut)
		printf("  stopped starting actions at 4 x %.0f s: %d of %d "
		    "ran\n", w, done[0] + done[1] + done[2], total);
	printf("  the real day (%.0f hours%s): CPU %.0f s = %.2f%% of the "
	    "machine (target under 5%%): %s\n", hours, f_ran < 1 ?
	    ", the batch scaled up from the part that ran" : "", day_cpu,
	    100 * day_share, day_share < 0.05 ? "met" : "MISSED");
	if (refused[0] + refused[1] + refused[2] == 0) {
		char cmd[300];

		snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
		(void)!system(cmd);
	}
	free(tasks);
	return refused[0] + refused[1] + refused[2] == 0 && opened == nsess ?
	    0 : 1;
}
