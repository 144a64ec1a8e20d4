/*
 * test-action-finance.c: the county finance bureau's part of settlement
 * (004 附件4 四(五)、(六); 004 六(一)2(3); SPEC section 3 step 6;
 * action-finance.c), through the real actions on the demo province:
 * finance.sample draws at least 10% of a submitted batch's machines,
 * rounded up, every machine with an objection included, from a seed
 * recorded with the list so that anyone can draw it again; finance.check
 * records each sampled machine (a failed one leaves the batch);
 * finance.approve once every sampled machine is checked; finance.pay
 * makes one payment per machine of its frozen subsidy, marked 农机购置补贴,
 * and the budget's paid parts grow by the same. Finance acts in its own
 * county only.
 *
 * The batch is settle.h's March journey; with extra = 8, 王五's eight more
 * 旋耕机 and a 马铃薯收获机 (3500 central + 700 provincial top-up) make
 * thirteen machines.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "settle.h"

/* The batch's sale ids, ascending, into v; how many. */
static size_t
batch_ids(int64_t *v, size_t max)
{
	sqlite3_stmt	*st;
	size_t		 n = 0;

	assert_int_equal(sqlite3_prepare_v2(store->db, "SELECT x.sale_id FROM "
	    "batch_sales x JOIN batches b ON b.id = x.batch_id WHERE b.no = '"
	    BATCH "' ORDER BY x.sale_id", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW && n < max)
		v[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* ids as "1,2,3" */
static void
id_list(char *buf, size_t len, const int64_t *v, size_t n)
{
	size_t	i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%lld",
		    i ? "," : "", (long long)v[i]);
}

/* The recorded draw and the checks made of it, as "1,2,3". */
static void
recorded(char *drawn, size_t dlen, char *checks, size_t clen)
{
	q_text(drawn, dlen, "SELECT drawn FROM finance_samples f JOIN batches b "
	    "ON b.id = f.batch_id WHERE b.no = '" BATCH "'", NULL);
	q_text(checks, clen, "SELECT group_concat(sale_id) FROM (SELECT "
	    "c.sale_id FROM finance_checks c JOIN batches b ON b.id = "
	    "c.batch_id WHERE b.no = '" BATCH "' ORDER BY c.sale_id)", NULL);
}

/* --- finance.sample ------------------------------------------------------- */

/*
 * R-004-M-6.1.2.3 004 六(一)2(3): 不低于10%. 13 machines at 10%: 2 (1.3 rounded up), from
 * seed 7; the seed, the share and the list are recorded, a check waits
 * for each, and the output names them.
 */
static void
sample_stores_seed_and_draw(void **state)
{
	int64_t	ids[64], want[64];
	char	list[256], drawn[256], checks[256], out[256];
	size_t	n, k, i, used = 0;

	(void)state;
	st_settle(ST_SUBMITTED, 8);
	n = batch_ids(ids, 64);
	assert_int_equal(n, 13);
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, "seed=7", NULL);
	assert_string_equal(fx_key, BATCH);
	k = sample_draw(7, ids, n, sample_size(n, 1000), want);
	assert_int_equal(k, 2);
	id_list(list, sizeof list, want, k);
	recorded(drawn, sizeof drawn, checks, sizeof checks);
	assert_string_equal(drawn, list);
	assert_string_equal(checks, list);
	for (i = 0; i < k; i++)
		used += (size_t)snprintf(out + used, sizeof out - used, "%lld\n",
		    (long long)want[i]);
	assert_string_equal(fx_outbuf, out);
	assert_int_equal(fx_int("SELECT count(*) FROM finance_samples f JOIN "
	    "batches b ON b.id = f.batch_id JOIN users u ON u.id = f.by_user "
	    "WHERE b.no = '" BATCH "' AND f.seed = 7 AND f.ratio_bp = 1000 AND "
	    "u.login = 'hl_cz' AND f.at = '2026-04-11 09:30:00'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM finance_checks WHERE "
	    "result IS NULL AND by_user IS NULL AND at IS NULL", NULL), 2);
	/* the batch waits, unchanged, for the checks */
	assert_int_equal(fx_int("SELECT count(*) FROM batches WHERE state = "
	    "'submitted'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM batch_sales", NULL), 13);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'finance.sample' AND record = '" BATCH "' AND login = 'hl_cz' AND "
	    "detail = 'batch=" BATCH " seed=7'", NULL), 1);
}

/* The share given, or the year's; at least 10%, always rounded up. */
static void
sample_share_rounded_up(void **state)
{
	char	drawn[256], checks[256];

	(void)state;
	st_settle(ST_SUBMITTED, 8);
	/* 30% of 13 is 3.9: 4 */
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, "ratio=0.3", "seed=11",
	    NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM finance_checks", NULL), 4);
	assert_int_equal(fx_int("SELECT ratio_bp FROM finance_samples", NULL),
	    3000);
	recorded(drawn, sizeof drawn, checks, sizeof checks);
	assert_string_equal(drawn, checks);
}

/* The year's share (program finance_sample) when none is given. */
static void
sample_share_of_the_year(void **state)
{
	(void)state;
	st_settle(ST_SUBMITTED, 0);
	fx_ok("admin", "program.set", "year=2026", "finance_sample=0.5", NULL);
	/* half of 4: 2; the seed made up and recorded */
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM finance_checks", NULL), 2);
	assert_int_equal(fx_int("SELECT count(*) FROM finance_samples WHERE "
	    "ratio_bp = 5000 AND seed >= 0", NULL), 1);
}

/* A share below the floor, a batch not submitted, twice, out of scope. */
static void
sample_refusals(void **state)
{
	(void)state;
	st_settle(ST_PUBLICIZED, 0);
	fx_refused("结算批次 " BATCH " 的状态为“公示中”，不能抽查取样", "hl_cz",
	    "finance.sample", "batch=" BATCH, "seed=7", NULL);
	now("2026-04-11T09:30:00");
	st_review_all("hl_fh", BATCH);
	fx_ok("hl_jb", "batch.submit", "batch=" BATCH, NULL);
	/* finance of that county only */
	fx_refused("超出您的管辖范围：640122", "yn_cz", "finance.sample",
	    "batch=" BATCH, "seed=7", NULL);
	assert_string_equal(fx_field, "batch");
	fx_refused("无权执行“抽查取样”", "hl_jb", "finance.sample",
	    "batch=" BATCH, "seed=7", NULL);
	fx_refused("无权执行“抽查取样”", "admin", "finance.sample",
	    "batch=" BATCH, "seed=7", NULL);
	fx_refused("未知的结算批次：JS1", "hl_cz", "finance.sample", "batch=JS1",
	    NULL);
	/* 不低于10% */
	fx_refused("抽查比例不得低于 10%", "hl_cz", "finance.sample",
	    "batch=" BATCH, "ratio=0.05", NULL);
	assert_string_equal(fx_field, "ratio");
	fx_refused("抽查比例不得低于 10%", "hl_cz", "finance.sample",
	    "batch=" BATCH, "ratio=0.0999", NULL);
	fx_refused("比例应在 0 到 1 之间", "hl_cz", "finance.sample",
	    "batch=" BATCH, "ratio=1.5", NULL);
	fx_refused("应为非负整数", "hl_cz", "finance.sample", "batch=" BATCH,
	    "seed=-3", NULL);
	/* nor may the year's share go below it */
	fx_refused("财政抽查比例不得低于 10%", "admin", "program.set",
	    "year=2026", "finance_sample=0.05", NULL);
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, "ratio=0.1", NULL);
	fx_refused("结算批次 " BATCH " 已抽查取样", "hl_cz", "finance.sample",
	    "batch=" BATCH, "ratio=0.5", NULL);
}

/*
 * Every machine that had an objection is checked too, besides the draw;
 * not one that an upheld objection took out of the batch.
 */
static void
sample_includes_objections(void **state)
{
	int64_t	ids[64], want[64], x, y, z;
	char	o1[NJ_KEY_MAX], o2[NJ_KEY_MAX], o3[NJ_KEY_MAX], s[32];
	char	drawn[256], checks[256], list[256];
	size_t	n, k, i;
	int	seed;

	(void)state;
	st_settle(ST_PUBLICIZED, 8);
	x = atoll(st_xg1);
	y = atoll(st_xg3);
	z = atoll(st_xg2);
	now("2026-04-05T10:00:00");
	fx_ok("hl_jb", "objection.new", kv("sale", st_xg1), "text=异议一", NULL);
	snprintf(o1, sizeof o1, "%s", fx_key);
	fx_ok("hl_jb", "objection.new", kv("sale", st_xg3), "text=异议二", NULL);
	snprintf(o2, sizeof o2, "%s", fx_key);
	fx_ok("hl_jb", "objection.new", kv("sale", st_xg2), "text=异议三", NULL);
	snprintf(o3, sizeof o3, "%s", fx_key);
	fx_ok("hl_sh", "objection.resolve", kv("objection", o1), "upheld=0",
	    "resolution=不属实", NULL);
	fx_ok("hl_sh", "objection.resolve", kv("objection", o2), "upheld=0",
	    "resolution=不属实", NULL);
	fx_ok("hl_sh", "objection.resolve", kv("objection", o3), "upheld=1",
	    "resolution=属实", NULL);
	now("2026-04-11T09:30:00");
	st_review_all("hl_fh", BATCH);
	fx_ok("hl_jb", "batch.submit", "batch=" BATCH, NULL);
	n = batch_ids(ids, 64);
	assert_int_equal(n, 12);
	/* a seed whose draw has neither machine of the dismissed objections */
	for (seed = 1; seed < 1000; seed++) {
		k = sample_draw((uint64_t)seed, ids, n, sample_size(n, 1000),
		    want);
		for (i = 0; i < k && want[i] != x && want[i] != y; i++)
			;
		if (i == k)
			break;
	}
	assert_true(seed < 1000);
	assert_int_equal(k, 2);
	snprintf(s, sizeof s, "%d", seed);
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, kv("seed", s), NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM finance_checks", NULL), 4);
	assert_int_equal(fx_int("SELECT count(*) FROM finance_checks WHERE "
	    "sale_id = ?1", st_xg1, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM finance_checks WHERE "
	    "sale_id = ?1", st_xg3, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM finance_checks WHERE "
	    "sale_id = ?1", st_xg2, NULL), 0);
	(void)z;
	/* the list records the draw, then the objections' machines */
	want[k++] = x;
	want[k++] = y;
	id_list(list, sizeof list, want, k);
	recorded(drawn, sizeof drawn, checks, sizeof checks);
	assert_string_equal(drawn, list);
}

/*
 * Reproducible: the recorded seed on a copy of the batch draws the same
 * machines, whoever draws them and whenever.
 */
static void
sample_reproducible_on_a_copy(void **state)
{
	int64_t	ids[64], want[64], seed;
	char	copy[400], err[NJ_MSG_MAX], cmd[2048], a[256], b[256], c[256];
	char	s[32];
	size_t	n, k;

	(void)state;
	st_settle(ST_SUBMITTED, 8);
	snprintf(copy, sizeof copy, "%s.copy", fx_path);
	assert_int_equal(db_backup(copy, err, sizeof err), 0);
	snprintf(cmd, sizeof cmd, "cp '%s.key' '%s.key'", fx_path, copy);
	assert_int_equal(system(cmd), 0);
	/* no seed given: one is made up, and recorded */
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, NULL);
	seed = fx_int("SELECT seed FROM finance_samples", NULL);
	recorded(a, sizeof a, c, sizeof c);
	n = batch_ids(ids, 64);
	k = sample_draw((uint64_t)seed, ids, n, sample_size(n, 1000), want);
	id_list(b, sizeof b, want, k);
	assert_string_equal(a, b);
	/* the copy, a month later, by hand with the recorded seed */
	db_close();
	assert_int_equal(db_open(copy, err, sizeof err), 0);
	now("2026-05-11T15:00:00");
	assert_int_equal(fx_int("SELECT count(*) FROM finance_samples", NULL),
	    0);
	snprintf(s, sizeof s, "%lld", (long long)seed);
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, kv("seed", s), NULL);
	recorded(b, sizeof b, c, sizeof c);
	assert_string_equal(a, b);
	assert_string_equal(c, b);
	db_close();
	snprintf(cmd, sizeof cmd, "rm -f '%s' '%s.key' '%s-wal' '%s-shm' "
	    "'%s.anchor'", copy, copy, copy, copy, copy);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(db_open(fx_path, err, sizeof err), 0);
}

/* --- finance.check ---------------------------------------------------------- */

static void
check_stores_and_refusals(void **state)
{
	int64_t	first, second, other;
	char	s1[32], s2[32], so[32];

	(void)state;
	st_settle(ST_SAMPLED, 8);
	first = fx_int("SELECT min(sale_id) FROM finance_checks", NULL);
	second = fx_int("SELECT max(sale_id) FROM finance_checks", NULL);
	other = fx_int("SELECT min(sale_id) FROM batch_sales WHERE sale_id NOT "
	    "IN (SELECT sale_id FROM finance_checks)", NULL);
	snprintf(s1, sizeof s1, "%lld", (long long)first);
	snprintf(s2, sizeof s2, "%lld", (long long)second);
	snprintf(so, sizeof so, "%lld", (long long)other);
	assert_true(first > 0 && second > first && other > 0);
	/* only the sample */
	fx_refused("不在抽查样本中", "hl_cz", "finance.check", kv("sale", so),
	    "result=pass", NULL);
	assert_string_equal(fx_field, "sale");
	fx_refused("销售 99999 不在抽查样本中", "hl_cz", "finance.check",
	    "sale=99999", "result=pass", NULL);
	fx_refused("未知的销售编号：abc", "hl_cz", "finance.check", "sale=abc",
	    "result=pass", NULL);
	fx_refused("超出您的管辖范围：640122", "yn_cz", "finance.check",
	    kv("sale", s1), "result=pass", NULL);
	fx_refused("无权执行“抽查核实”", "hl_jb", "finance.check",
	    kv("sale", s1), "result=pass", NULL);
	fx_refused("应为以下之一：属实、不属实", "hl_cz", "finance.check",
	    kv("sale", s1), "result=maybe", NULL);
	/* in use as claimed */
	now("2026-04-15T14:00:00");
	fx_ok("hl_cz", "finance.check", kv("sale", s1), "result=属实",
	    "note=入户核实在用", NULL);
	assert_string_equal(fx_key, s1);
	assert_int_equal(fx_int("SELECT count(*) FROM finance_checks c JOIN "
	    "users u ON u.id = c.by_user WHERE c.sale_id = ?1 AND c.result = "
	    "'pass' AND c.note = '入户核实在用' AND u.login = 'hl_cz' AND c.at = "
	    "'2026-04-15 14:00:00'", s1, NULL), 1);
	assert_true(in_batch(s1, BATCH));
	fx_refused("已抽查核实", "hl_cz", "finance.check", kv("sale", s1),
	    "result=fail", NULL);
	/* not in use: the machine leaves the batch */
	fx_ok("hl_cz", "finance.check", kv("sale", s2), "result=fail",
	    "note=机具已转卖他人", NULL);
	assert_false(in_batch(s2, BATCH));
	assert_string_equal(sale_state(s2), "failed");
	assert_int_equal(fx_int("SELECT count(*) FROM machines m JOIN sales s ON "
	    "s.machine_id = m.id WHERE s.id = ?1 AND m.state = 'sold'", s2,
	    NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM verifications v JOIN "
	    "users u ON u.id = v.user_id WHERE v.sale_id = ?1 AND v.result = "
	    "'fail' AND v.problems = '财政抽查不属实：机具已转卖他人' AND "
	    "u.login = 'hl_cz'", s2, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM finance_checks WHERE "
	    "sale_id = ?1 AND result = 'fail'", s2, NULL), 1);
	fx_refused("已抽查核实", "hl_cz", "finance.check", kv("sale", s2),
	    "result=pass", NULL);
	/* a batch no longer in finance's hands */
	fx_ok("hl_cz", "finance.approve", "batch=" BATCH, NULL);
	fx_refused("结算批次 " BATCH " 不在财政审核中", "hl_cz",
	    "finance.check", kv("sale", s1), "result=pass", NULL);
	now("2026-04-26T09:30:00");
	fx_ok("hl_cz", "finance.pay", "batch=" BATCH, "paid_on=2026-04-25",
	    NULL);
	assert_string_equal(fx_key, "12");
	fx_refused("不在财政审核中", "hl_cz", "finance.check", kv("sale", s1),
	    "result=fail", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM payments WHERE sale_id = "
	    "?1", s2, NULL), 0);
}

/* --- finance.approve ------------------------------------------------------- */

/* R-004-A4-4.5 004 附件4 四(五): approved only once the sample is checked. */
static void
approve_stores_and_refusals(void **state)
{
	int64_t	sale;

	(void)state;
	st_settle(ST_SUBMITTED, 8);
	fx_refused("结算批次 " BATCH " 尚未抽查取样", "hl_cz", "finance.approve",
	    "batch=" BATCH, NULL);
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, "ratio=0.3", "seed=3",
	    NULL);
	fx_refused("还有 4 台抽查机具未核实", "hl_cz", "finance.approve",
	    "batch=" BATCH, NULL);
	sale = fx_int("SELECT min(sale_id) FROM finance_checks", NULL);
	fx_ok("hl_cz", "finance.check", kvi("sale", sale), "result=pass", NULL);
	fx_refused("还有 3 台抽查机具未核实", "hl_cz", "finance.approve",
	    "batch=" BATCH, NULL);
	st_check_all("hl_cz", BATCH);
	fx_refused("超出您的管辖范围：640122", "yn_cz", "finance.approve",
	    "batch=" BATCH, NULL);
	fx_refused("无权执行“审核批准结算批次”", "hl_jb", "finance.approve",
	    "batch=" BATCH, NULL);
	now("2026-04-20T16:00:00");
	fx_ok("hl_cz", "finance.approve", "batch=" BATCH, NULL);
	assert_string_equal(fx_key, BATCH);
	assert_int_equal(fx_int("SELECT count(*) FROM batches b JOIN users u ON "
	    "u.id = b.approved_by WHERE b.no = '" BATCH "' AND b.state = "
	    "'approved' AND u.login = 'hl_cz' AND b.approved_at = "
	    "'2026-04-20 16:00:00' AND b.paid_at IS NULL", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM payments", NULL), 0);
	fx_refused("结算批次 " BATCH " 的状态为“财政已审核”，不能审核批准结算批次",
	    "hl_cz", "finance.approve", "batch=" BATCH, NULL);
	/* and no second sample of an approved batch */
	fx_refused("的状态为“财政已审核”，不能抽查取样", "hl_cz",
	    "finance.sample", "batch=" BATCH, "ratio=0.5", NULL);
}

/* Not before the county submitted it; nor once every machine failed. */
static void
approve_refused_unsubmitted_or_emptied(void **state)
{
	(void)state;
	st_settle(ST_PUBLICIZED, 0);
	fx_refused("的状态为“公示中”，不能审核批准结算批次", "hl_cz",
	    "finance.approve", "batch=" BATCH, NULL);
	now("2026-04-11T09:30:00");
	st_review_all("hl_fh", BATCH);
	fx_ok("hl_jb", "batch.submit", "batch=" BATCH, NULL);
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, "ratio=1", "seed=1",
	    NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM finance_checks", NULL), 4);
	while (fx_int("SELECT count(*) FROM finance_checks WHERE result IS "
	    "NULL", NULL) > 0)
		fx_ok("hl_cz", "finance.check", kvi("sale", fx_int("SELECT "
		    "min(sale_id) FROM finance_checks WHERE result IS NULL",
		    NULL)), "result=fail", "note=未见机具", NULL);
	fx_refused("结算批次 " BATCH " 中已没有机具", "hl_cz", "finance.approve",
	    "batch=" BATCH, NULL);
}

/* --- finance.pay ------------------------------------------------------------ */

/*
 * R-004-A4-4.6 004 附件4 四(六): one payment per machine, of its subsidy, marked
 * 农机购置补贴; sales and machines paid; the budget's paid parts grow.
 */
static void
pay_stores_payments(void **state)
{
	int64_t	pc, pp, cc, cp, central, local;

	(void)state;
	st_settle(ST_APPROVED, 8);
	pc = budget("paid_central");
	pp = budget("paid_provincial");
	cc = budget("committed_central");
	cp = budget("committed_provincial");
	central = fx_int("SELECT sum(central) FROM sales", NULL);
	local = fx_int("SELECT sum(subsidy - central) FROM sales", NULL);
	assert_int_equal(local, 70000);		/* the 马铃薯收获机's top-up */
	now("2026-04-26T09:30:00");
	fx_ok("hl_cz", "finance.pay", "batch=" BATCH, "paid_on=2026-04-25",
	    "ref=YH-2026-0425", NULL);
	assert_string_equal(fx_key, "13");
	assert_string_equal(fx_outbuf, BATCH "\n");
	/* one payment per machine, each its sale's frozen money */
	assert_int_equal(fx_int("SELECT count(*) FROM payments", NULL), 13);
	assert_int_equal(fx_int("SELECT count(DISTINCT sale_id) FROM payments",
	    NULL), 13);
	assert_int_equal(fx_int("SELECT count(*) FROM payments y JOIN sales s "
	    "ON s.id = y.sale_id JOIN batches b ON b.id = y.batch_id JOIN users "
	    "u ON u.id = y.by_user WHERE b.no = '" BATCH "' AND y.amount = "
	    "s.subsidy AND y.central = s.central AND y.provincial = s.subsidy "
	    "- s.central AND y.memo = '农机购置补贴' AND y.paid_on = "
	    "'2026-04-25' AND y.ref = 'YH-2026-0425' AND u.login = 'hl_cz' AND "
	    "y.at = '2026-04-26 09:30:00'", NULL), 13);
	assert_int_equal(fx_int("SELECT count(*) FROM payments y JOIN sales s "
	    "ON s.id = y.sale_id WHERE s.id = ?1 AND y.amount = 420000 AND "
	    "y.central = 350000 AND y.provincial = 70000", st_ms, NULL), 1);
	assert_int_equal(fx_int("SELECT sum(amount) FROM payments", NULL),
	    central + local);
	/* the sales, the machines, the batch */
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE state = "
	    "'paid'", NULL), 13);
	assert_int_equal(fx_int("SELECT count(*) FROM machines m JOIN sales s "
	    "ON s.machine_id = m.id WHERE m.state = 'paid'", NULL), 13);
	assert_int_equal(fx_int("SELECT count(*) FROM batches WHERE no = '"
	    BATCH "' AND state = 'paid' AND paid_at = '2026-04-26 09:30:00'",
	    NULL), 1);
	/* the budget: paid grows, committed stays */
	assert_int_equal(budget("paid_central"), pc + central);
	assert_int_equal(budget("paid_provincial"), pp + local);
	assert_int_equal(budget("committed_central"), cc);
	assert_int_equal(budget("committed_provincial"), cp);
	assert_int_equal(st_check(), 0);
	/* paid once: the same answer whatever the date */
	fx_refused("结算批次 " BATCH " 已支付，不能重复支付", "hl_cz",
	    "finance.pay", "batch=" BATCH, "paid_on=2026-04-25", NULL);
	fx_refused("结算批次 " BATCH " 已支付，不能重复支付", "hl_cz",
	    "finance.pay", "batch=" BATCH, "paid_on=2026-06-30", NULL);
	fx_refused("结算批次 " BATCH " 已支付，不能重复支付", "hl_cz",
	    "finance.pay", "batch=" BATCH, "paid_on=2026-01-01", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM payments", NULL), 13);
}

static void
pay_refusals(void **state)
{
	(void)state;
	st_settle(ST_SUBMITTED, 0);
	fx_refused("结算批次 " BATCH " 的状态为“已报财政”，不能支付补贴资金",
	    "hl_cz", "finance.pay", "batch=" BATCH, "paid_on=2026-04-11", NULL);
	fx_ok("hl_cz", "finance.sample", "batch=" BATCH, "seed=7", NULL);
	fx_refused("的状态为“已报财政”，不能支付补贴资金", "hl_cz",
	    "finance.pay", "batch=" BATCH, "paid_on=2026-04-11", NULL);
	st_check_all("hl_cz", BATCH);
	fx_ok("hl_cz", "finance.approve", "batch=" BATCH, NULL);
	fx_refused("支付日期不能晚于今天", "hl_cz", "finance.pay",
	    "batch=" BATCH, "paid_on=2026-04-12", NULL);
	assert_string_equal(fx_field, "paid_on");
	fx_refused("支付日期不能早于财政审核批准日期 2026-04-11", "hl_cz",
	    "finance.pay", "batch=" BATCH, "paid_on=2026-04-10", NULL);
	fx_refused("请填写：支付日期", "hl_cz", "finance.pay", "batch=" BATCH,
	    NULL);
	fx_refused("超出您的管辖范围：640122", "yn_cz", "finance.pay",
	    "batch=" BATCH, "paid_on=2026-04-11", NULL);
	fx_refused("无权执行“支付补贴资金”", "hl_jb", "finance.pay",
	    "batch=" BATCH, "paid_on=2026-04-11", NULL);
	fx_refused("无权执行“支付补贴资金”", "admin", "finance.pay",
	    "batch=" BATCH, "paid_on=2026-04-11", NULL);
	fx_refused("未知的结算批次：JS640122202603-02", "hl_cz", "finance.pay",
	    "batch=JS640122202603-02", "paid_on=2026-04-11", NULL);
	/* today will do */
	fx_ok("hl_cz", "finance.pay", "batch=" BATCH, "paid_on=2026-04-11",
	    NULL);
	assert_string_equal(fx_key, "4");
	assert_int_equal(fx_int("SELECT count(*) FROM payments WHERE ref IS "
	    "NULL AND paid_on = '2026-04-11'", NULL), 4);
	assert_int_equal(st_check(), 0);
}

/*
 * R-004-A4-4.6a 004 附件4 四(六): no payment row is ever written for an
 * empty account: finance.pay is refused naming the sale.
 */
static void
pay_refused_for_empty_account(void **state)
{
	char	want[160];

	(void)state;
	st_settle(ST_APPROVED, 0);
	now("2026-04-26T09:30:00");
	st_seal_account(st_xg1, "");
	snprintf(want, sizeof want, "销售 %s 没有有效的收款账户（银行账号为空）",
	    st_xg1);
	fx_refused(want, "hl_cz", "finance.pay", "batch=" BATCH,
	    "paid_on=2026-04-25", NULL);
	assert_string_equal(fx_field, "batch");
	assert_int_equal(fx_int("SELECT count(*) FROM payments", NULL), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM batches WHERE state = "
	    "'approved'", NULL), 1);
	assert_int_equal(st_check(), 0);
}

/* Every machine returned after the approval: nothing is paid. */
static void
pay_refused_when_emptied(void **state)
{
	(void)state;
	st_settle(ST_APPROVED, 0);
	now("2026-04-20T10:00:00");
	/* R-004-A5-1a 004 附件5 一: finance confirms nothing was paid first */
	fx_ok("hl_cz", "return.confirm", kv("sale", st_xg1), NULL);
	fx_ok("hl_cz", "return.confirm", kv("sale", st_xg2), NULL);
	fx_ok("hl_cz", "return.confirm", kv("sale", st_xg3), NULL);
	fx_ok("hl_cz", "return.confirm", kv("sale", st_tl), NULL);
	fx_ok("hl_jb", "return.new", kv("sale", st_xg1), "reason=退货", NULL);
	fx_ok("hl_jb", "return.new", kv("sale", st_xg2), "reason=退货", NULL);
	fx_ok("hl_jb", "return.new", kv("sale", st_xg3), "reason=退货", NULL);
	fx_ok("hl_jb", "return.new", kv("sale", st_tl), "reason=退货", NULL);
	fx_refused("结算批次 " BATCH " 中已没有机具", "hl_cz", "finance.pay",
	    "batch=" BATCH, "paid_on=2026-04-20", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM batches WHERE state = "
	    "'approved'", NULL), 1);
	assert_int_equal(st_check(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		ST_TEST(sample_stores_seed_and_draw),
		ST_TEST(sample_share_rounded_up),
		ST_TEST(sample_share_of_the_year),
		ST_TEST(sample_refusals),
		ST_TEST(sample_includes_objections),
		ST_TEST(sample_reproducible_on_a_copy),
		ST_TEST(check_stores_and_refusals),
		ST_TEST(approve_stores_and_refusals),
		ST_TEST(approve_refused_unsubmitted_or_emptied),
		ST_TEST(pay_stores_payments),
		ST_TEST(pay_refusals),
		ST_TEST(pay_refused_when_emptied),
		ST_TEST(pay_refused_for_empty_account),
	};

	return FX_RUN(tests);
}
