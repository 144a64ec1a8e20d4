/*
 * test-subsidy.c: unit tests of subsidy.c (004 三(三)): the tier's fixed
 * amount, limits by filed amount, single-machine cap and share of price
 * (003 附件4 就低不就高), allocation by who pays, the provincial top-up
 * with its clipping (004 三(三)3,4), and refused inputs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "domain.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define Y(yuan)		((int64_t)(yuan) * 100)		/* yuan to fen */

struct vec {
	const char		*name;
	struct subsidy_in	 in;
	struct subsidy_out	 out;
};

/* Run each vector and compare every output field, naming a failure. */
static void
run(const struct vec *v, size_t n)
{
	struct subsidy_out	 out;
	const struct subsidy_out *w;
	size_t			 i;

	for (i = 0; i < n; i++) {
		w = &v[i].out;
		memset(&out, 0x55, sizeof(out));
		assert_int_equal(subsidy_compute(&v[i].in, &out), 0);
		if (out.central != w->central ||
		    out.provincial != w->provincial || out.city != w->city ||
		    out.county != w->county || out.topup != w->topup ||
		    out.total != w->total || out.limited_by != w->limited_by)
			fail_msg("%s: got %lld %lld %lld %lld topup %lld "
			    "total %lld by %d", v[i].name,
			    (long long)out.central, (long long)out.provincial,
			    (long long)out.city, (long long)out.county,
			    (long long)out.topup, (long long)out.total,
			    out.limited_by);
	}
}

/* R-004-M-3.3.1 R-003-A4-7b 004 三(三)1: the tier's fixed amount and the filed amount */
static void
test_tier_and_filed(void **state)
{
	static const struct vec v[] = {
		{ "tier only",
		  { Y(10000), 0, 0, 0, 0, 0, 0, 0, 0 },
		  { Y(10000), 0, 0, 0, 0, Y(10000), SUBSIDY_BY_TIER } },
		{ "tier split by payer",
		  { Y(6000), Y(2000), Y(1000), Y(1000), 0, 0, 0, 0, 0 },
		  { Y(6000), Y(2000), Y(1000), Y(1000), 0, Y(10000),
		    SUBSIDY_BY_TIER } },
		{ "provincial tier only",
		  { 0, Y(3000), 0, 0, 0, 0, 0, 0, 0 },
		  { 0, Y(3000), 0, 0, 0, Y(3000), SUBSIDY_BY_TIER } },
		{ "county tier only",
		  { 0, 0, 0, 1, 0, 0, 0, 0, 0 },
		  { 0, 0, 0, 1, 0, 1, SUBSIDY_BY_TIER } },
		{ "filed below the tier",
		  { Y(6000), Y(2000), Y(1000), Y(1000), Y(8000), 0, 0, 0, 0 },
		  { Y(6000), Y(2000), 0, 0, 0, Y(8000), SUBSIDY_BY_FILED } },
		{ "filed one fen below the tier",
		  { Y(10000), 0, 0, 0, Y(10000) - 1, 0, 0, 0, 0 },
		  { Y(10000) - 1, 0, 0, 0, 0, Y(10000) - 1,
		    SUBSIDY_BY_FILED } },
		{ "filed equal to the tier: not a limit",
		  { Y(10000), 0, 0, 0, Y(10000), 0, 0, 0, 0 },
		  { Y(10000), 0, 0, 0, 0, Y(10000), SUBSIDY_BY_TIER } },
		{ "filed above the tier",
		  { Y(10000), 0, 0, 0, Y(12000), 0, 0, 0, 0 },
		  { Y(10000), 0, 0, 0, 0, Y(10000), SUBSIDY_BY_TIER } },
		{ "filed of one fen",
		  { Y(10000), Y(500), 0, 0, 1, 0, 0, 0, 0 },
		  { 1, 0, 0, 0, 0, 1, SUBSIDY_BY_FILED } },
	};

	(void)state;
	run(v, NELEM(v));
}

/* R-004-M-3.3.2 004 三(三)2: single-machine caps (Ningxia: 5, 12, 15, 25 万元) */
static void
test_caps(void **state)
{
	static const struct vec v[] = {
		{ "general cap 50,000",
		  { Y(60000), 0, 0, 0, 0, Y(50000), 0, 0, 0 },
		  { Y(50000), 0, 0, 0, 0, Y(50000), SUBSIDY_BY_CAP } },
		{ "cap 120,000",
		  { Y(100000), Y(30000), 0, 0, 0, Y(120000), 0, 0, 0 },
		  { Y(100000), Y(20000), 0, 0, 0, Y(120000),
		    SUBSIDY_BY_CAP } },
		{ "cap 150,000",
		  { Y(160000), 0, 0, 0, 0, Y(150000), 0, 0, 0 },
		  { Y(150000), 0, 0, 0, 0, Y(150000), SUBSIDY_BY_CAP } },
		{ "cap 250,000",
		  { Y(200000), Y(50000), Y(10000), 0, 0, Y(250000), 0, 0, 0 },
		  { Y(200000), Y(50000), 0, 0, 0, Y(250000),
		    SUBSIDY_BY_CAP } },
		{ "cap equal to the tier: not a limit",
		  { Y(50000), 0, 0, 0, 0, Y(50000), 0, 0, 0 },
		  { Y(50000), 0, 0, 0, 0, Y(50000), SUBSIDY_BY_TIER } },
		{ "cap above the tier",
		  { Y(30000), 0, 0, 0, 0, Y(50000), 0, 0, 0 },
		  { Y(30000), 0, 0, 0, 0, Y(30000), SUBSIDY_BY_TIER } },
		{ "cap below the filed amount",
		  { Y(70000), 0, 0, 0, Y(60000), Y(50000), 0, 0, 0 },
		  { Y(50000), 0, 0, 0, 0, Y(50000), SUBSIDY_BY_CAP } },
		{ "cap equal to the filed amount: filed stays",
		  { Y(70000), 0, 0, 0, Y(50000), Y(50000), 0, 0, 0 },
		  { Y(50000), 0, 0, 0, 0, Y(50000), SUBSIDY_BY_FILED } },
		{ "cap above the filed amount",
		  { Y(70000), 0, 0, 0, Y(40000), Y(50000), 0, 0, 0 },
		  { Y(40000), 0, 0, 0, 0, Y(40000), SUBSIDY_BY_FILED } },
	};

	(void)state;
	run(v, NELEM(v));
}

/* R-004-M-3.3.1a 004 三(三)1: at most a share of the price, rounded down (003 附件4) */
static void
test_share_of_price(void **state)
{
	static const struct vec v[] = {
		{ "30% of 100,000",
		  { Y(40000), 0, 0, 0, 0, 0, Y(100000), 3000, 0 },
		  { Y(30000), 0, 0, 0, 0, Y(30000), SUBSIDY_BY_SHARE } },
		{ "35% of 100,000",
		  { Y(40000), 0, 0, 0, 0, 0, Y(100000), 3500, 0 },
		  { Y(35000), 0, 0, 0, 0, Y(35000), SUBSIDY_BY_SHARE } },
		{ "30% share above the tier",
		  { Y(20000), 0, 0, 0, 0, 0, Y(100000), 3000, 0 },
		  { Y(20000), 0, 0, 0, 0, Y(20000), SUBSIDY_BY_TIER } },
		{ "30% share equal to the tier: not a limit",
		  { Y(30000), 0, 0, 0, 0, 0, Y(100000), 3000, 0 },
		  { Y(30000), 0, 0, 0, 0, Y(30000), SUBSIDY_BY_TIER } },
		{ "30% rounded down: 999,999.9 fen",
		  { Y(20000), 0, 0, 0, 0, 0, 3333333, 3000, 0 },
		  { 999999, 0, 0, 0, 0, 999999, SUBSIDY_BY_SHARE } },
		{ "35% rounded down: 1 fen price",
		  { Y(20000), 0, 0, 0, 0, 0, 1, 3500, 0 },
		  { 0, 0, 0, 0, 0, 0, SUBSIDY_BY_SHARE } },
		{ "price unknown: no share limit",
		  { Y(40000), 0, 0, 0, 0, 0, 0, 3000, 0 },
		  { Y(40000), 0, 0, 0, 0, Y(40000), SUBSIDY_BY_TIER } },
		{ "no share: the price alone does not limit",
		  { Y(40000), 0, 0, 0, 0, 0, Y(100000), 0, 0 },
		  { Y(40000), 0, 0, 0, 0, Y(40000), SUBSIDY_BY_TIER } },
		{ "share below cap below filed below tier",
		  { Y(90000), 0, 0, 0, Y(80000), Y(50000), Y(100000), 3000,
		    0 },
		  { Y(30000), 0, 0, 0, 0, Y(30000), SUBSIDY_BY_SHARE } },
		{ "cap below share below filed",
		  { Y(90000), 0, 0, 0, Y(80000), Y(50000), Y(200000), 3000,
		    0 },
		  { Y(50000), 0, 0, 0, 0, Y(50000), SUBSIDY_BY_CAP } },
		{ "share equal to the cap: cap stays",
		  { Y(90000), 0, 0, 0, 0, Y(50000), Y(200000), 2500, 0 },
		  { Y(50000), 0, 0, 0, 0, Y(50000), SUBSIDY_BY_CAP } },
		{ "share 100%",
		  { Y(90000), 0, 0, 0, 0, 0, Y(1000), 10000, 0 },
		  { Y(1000), 0, 0, 0, 0, Y(1000), SUBSIDY_BY_SHARE } },
		{ "share limits the split tier",
		  { Y(5000), Y(3000), Y(1500), Y(500), 0, 0, Y(30000), 3000,
		    0 },
		  { Y(5000), Y(3000), Y(1000), 0, 0, Y(9000),
		    SUBSIDY_BY_SHARE } },
	};

	(void)state;
	run(v, NELEM(v));
}

/* the limited amount goes central, provincial, city, county in order */
static void
test_allocation(void **state)
{
	static const struct vec v[] = {
		{ "all parts",
		  { Y(5000), Y(3000), Y(1500), Y(500), 0, 0, 0, 0, 0 },
		  { Y(5000), Y(3000), Y(1500), Y(500), 0, Y(10000),
		    SUBSIDY_BY_TIER } },
		{ "county cut short",
		  { Y(5000), Y(3000), Y(1500), Y(500), Y(9800), 0, 0, 0, 0 },
		  { Y(5000), Y(3000), Y(1500), Y(300), 0, Y(9800),
		    SUBSIDY_BY_FILED } },
		{ "county empty",
		  { Y(5000), Y(3000), Y(1500), Y(500), Y(9500), 0, 0, 0, 0 },
		  { Y(5000), Y(3000), Y(1500), 0, 0, Y(9500),
		    SUBSIDY_BY_FILED } },
		{ "city cut short",
		  { Y(5000), Y(3000), Y(1500), Y(500), Y(8500), 0, 0, 0, 0 },
		  { Y(5000), Y(3000), Y(500), 0, 0, Y(8500),
		    SUBSIDY_BY_FILED } },
		{ "provincial cut short",
		  { Y(5000), Y(3000), Y(1500), Y(500), Y(6000), 0, 0, 0, 0 },
		  { Y(5000), Y(1000), 0, 0, 0, Y(6000), SUBSIDY_BY_FILED } },
		{ "central only",
		  { Y(5000), Y(3000), Y(1500), Y(500), Y(4000), 0, 0, 0, 0 },
		  { Y(4000), 0, 0, 0, 0, Y(4000), SUBSIDY_BY_FILED } },
		{ "no central part: provincial first",
		  { 0, Y(3000), Y(1500), Y(500), Y(4000), 0, 0, 0, 0 },
		  { 0, Y(3000), Y(1000), 0, 0, Y(4000), SUBSIDY_BY_FILED } },
		{ "only city and county",
		  { 0, 0, Y(1500), Y(500), Y(1800), 0, 0, 0, 0 },
		  { 0, 0, Y(1500), Y(300), 0, Y(1800), SUBSIDY_BY_FILED } },
	};

	(void)state;
	run(v, NELEM(v));
}

/* R-004-M-3.3.3 R-004-M-3.3.4 004 三(三)3,4: the provincial top-up, clipped by the cap and the price */
static void
test_topup(void **state)
{
	static const struct vec v[] = {
		{ "20% top-up",
		  { Y(10000), 0, 0, 0, 0, 0, 0, 0, 2000 },
		  { Y(10000), Y(2000), 0, 0, Y(2000), Y(12000),
		    SUBSIDY_BY_TIER } },
		{ "20% top-up onto a provincial part",
		  { Y(6000), Y(4000), 0, 0, 0, 0, 0, 0, 2000 },
		  { Y(6000), Y(6000), 0, 0, Y(2000), Y(12000),
		    SUBSIDY_BY_TIER } },
		{ "20% of the limited amount, not of the tier",
		  { Y(10000), 0, 0, 0, Y(8000), 0, 0, 0, 2000 },
		  { Y(8000), Y(1600), 0, 0, Y(1600), Y(9600),
		    SUBSIDY_BY_FILED } },
		{ "20% top-up clipped by the cap",
		  { Y(10000), 0, 0, 0, 0, Y(11000), 0, 0, 2000 },
		  { Y(10000), Y(1000), 0, 0, Y(1000), Y(11000),
		    SUBSIDY_BY_TIER } },
		{ "20% top-up fits under the cap",
		  { Y(10000), 0, 0, 0, 0, Y(12000), 0, 0, 2000 },
		  { Y(10000), Y(2000), 0, 0, Y(2000), Y(12000),
		    SUBSIDY_BY_TIER } },
		{ "20% top-up nothing left under the cap",
		  { Y(60000), 0, 0, 0, 0, Y(50000), 0, 0, 2000 },
		  { Y(50000), 0, 0, 0, 0, Y(50000), SUBSIDY_BY_CAP } },
		{ "20% top-up clipped by the price",
		  { Y(10000), 0, 0, 0, 0, 0, Y(11500), 0, 2000 },
		  { Y(10000), Y(1500), 0, 0, Y(1500), Y(11500),
		    SUBSIDY_BY_TIER } },
		{ "20% top-up: price below the limit gives none",
		  { Y(10000), 0, 0, 0, 0, 0, Y(9000), 0, 2000 },
		  { Y(10000), 0, 0, 0, 0, Y(10000), SUBSIDY_BY_TIER } },
		{ "20% top-up: price equal to the limit",
		  { Y(10000), 0, 0, 0, 0, 0, Y(10000), 0, 2000 },
		  { Y(10000), 0, 0, 0, 0, Y(10000), SUBSIDY_BY_TIER } },
		{ "20% top-up after a 30% share, within the price",
		  { Y(40000), 0, 0, 0, 0, 0, Y(100000), 3000, 2000 },
		  { Y(30000), Y(6000), 0, 0, Y(6000), Y(36000),
		    SUBSIDY_BY_SHARE } },
		{ "cap then price clipping",
		  { Y(10000), 0, 0, 0, 0, Y(11500), Y(11000), 0, 2000 },
		  { Y(10000), Y(1000), 0, 0, Y(1000), Y(11000),
		    SUBSIDY_BY_TIER } },
		{ "top-up rounded down",
		  { 12346, 0, 0, 0, 0, 0, 0, 0, 2000 },
		  { 12346, 2469, 0, 0, 2469, 14815, SUBSIDY_BY_TIER } },
		{ "top-up under one fen",
		  { 4, 0, 0, 0, 0, 0, 0, 0, 2000 },
		  { 4, 0, 0, 0, 0, 4, SUBSIDY_BY_TIER } },
		{ "100% top-up",
		  { Y(10000), Y(1000), 0, 0, 0, 0, 0, 0, 10000 },
		  { Y(10000), Y(12000), 0, 0, Y(11000), Y(22000),
		    SUBSIDY_BY_TIER } },
		{ "top-up with every part",
		  { Y(5000), Y(3000), Y(1500), Y(500), 0, Y(50000), Y(100000),
		    3000, 2000 },
		  { Y(5000), Y(5000), Y(1500), Y(500), Y(2000), Y(12000),
		    SUBSIDY_BY_TIER } },
	};

	(void)state;
	run(v, NELEM(v));
}

/* out zeroed and -1 for every refused input */
static void
test_refused(void **state)
{
	static const struct subsidy_in ok = {
		Y(5000), Y(3000), Y(1500), Y(500), Y(9000), Y(50000),
		Y(100000), 3000, 2000
	};
	static const struct subsidy_out zero;
	struct subsidy_in	 in;
	struct subsidy_out	 out;
	int64_t			*field[] = {
		&in.tier_central, &in.tier_provincial, &in.tier_city,
		&in.tier_county, &in.filed, &in.cap, &in.price,
	};
	int			 bad_bp[] = { -1, 10001, INT32_MIN, INT32_MAX };
	size_t			 i;

	(void)state;
	assert_int_equal(subsidy_compute(&ok, &out), 0);
	/* an empty tier */
	in = ok;
	in.tier_central = in.tier_provincial = in.tier_city =
	    in.tier_county = 0;
	memset(&out, 0x55, sizeof(out));
	assert_int_equal(subsidy_compute(&in, &out), -1);
	assert_memory_equal(&out, &zero, sizeof(out));
	/* each amount negative, or above MONEY_MAX_FEN */
	for (i = 0; i < NELEM(field); i++) {
		int64_t	 bad[] = { -1, INT64_MIN, MONEY_MAX_FEN + 1,
		    INT64_MAX };
		size_t	 j;

		for (j = 0; j < NELEM(bad); j++) {
			in = ok;
			*field[i] = bad[j];
			memset(&out, 0x55, sizeof(out));
			assert_int_equal(subsidy_compute(&in, &out), -1);
			assert_memory_equal(&out, &zero, sizeof(out));
		}
		in = ok;
		*field[i] = MONEY_MAX_FEN;	/* the largest is fine */
		assert_int_equal(subsidy_compute(&in, &out), 0);
	}
	/* a negative part may not be hidden by the others */
	in = ok;
	in.tier_city = -Y(100);
	assert_int_equal(subsidy_compute(&in, &out), -1);
	/* shares outside 0..10000 */
	for (i = 0; i < NELEM(bad_bp); i++) {
		in = ok;
		in.share_bp = bad_bp[i];
		memset(&out, 0x55, sizeof(out));
		assert_int_equal(subsidy_compute(&in, &out), -1);
		assert_memory_equal(&out, &zero, sizeof(out));
		in = ok;
		in.topup_bp = bad_bp[i];
		memset(&out, 0x55, sizeof(out));
		assert_int_equal(subsidy_compute(&in, &out), -1);
		assert_memory_equal(&out, &zero, sizeof(out));
	}
	/* the bounds themselves are fine */
	in = ok;
	in.share_bp = 0;
	in.topup_bp = 0;
	assert_int_equal(subsidy_compute(&in, &out), 0);
	in.share_bp = 10000;
	in.topup_bp = 10000;
	assert_int_equal(subsidy_compute(&in, &out), 0);
	/* NULL pointers */
	assert_int_equal(subsidy_compute(NULL, &out), -1);
	assert_memory_equal(&out, &zero, sizeof(out));
	assert_int_equal(subsidy_compute(&ok, NULL), -1);
}

/* A small deterministic pseudo-random generator for the sweep. */
static uint64_t
next_rand(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return *s >> 33;
}

/* 003 附件4: invariants over many generated inputs */
static void
test_invariants(void **state)
{
	struct subsidy_in	 in;
	struct subsidy_out	 out;
	uint64_t		 s = 2014;
	int64_t			 limit, base;
	int			 i;

	(void)state;
	for (i = 0; i < 200000; i++) {
		in.tier_central = (int64_t)(next_rand(&s) % 4) *
		    (int64_t)(next_rand(&s) % Y(100000));
		in.tier_provincial = (int64_t)(next_rand(&s) % 2) *
		    (int64_t)(next_rand(&s) % Y(30000));
		in.tier_city = (int64_t)(next_rand(&s) % 2) *
		    (int64_t)(next_rand(&s) % Y(10000));
		in.tier_county = (int64_t)(next_rand(&s) % 2) *
		    (int64_t)(next_rand(&s) % Y(10000));
		in.filed = (int64_t)(next_rand(&s) % 2) *
		    (int64_t)(next_rand(&s) % Y(150000));
		in.cap = (int64_t)(next_rand(&s) % 2) *
		    (int64_t)(next_rand(&s) % Y(250000));
		in.price = (int64_t)(next_rand(&s) % 2) *
		    (int64_t)(next_rand(&s) % Y(600000));
		in.share_bp = (int)(next_rand(&s) % 2) *
		    (int)(next_rand(&s) % 10001);
		in.topup_bp = (int)(next_rand(&s) % 2) *
		    (int)(next_rand(&s) % 10001);
		base = in.tier_central + in.tier_provincial + in.tier_city +
		    in.tier_county;
		if (base == 0) {
			assert_int_equal(subsidy_compute(&in, &out), -1);
			continue;
		}
		assert_int_equal(subsidy_compute(&in, &out), 0);
		limit = out.total - out.topup;
		/* 就低不就高: no limit exceeded */
		assert_true(limit >= 0 && limit <= base);
		if (in.filed > 0)
			assert_true(limit <= in.filed);
		if (in.cap > 0)
			assert_true(out.total <= in.cap);
		if (in.price > 0 && in.share_bp > 0) {
			assert_true(limit <= money_share(in.price,
			    in.share_bp));
			assert_true(out.total <= in.price);
		}
		/* one of the limits is the amount */
		switch (out.limited_by) {
		case SUBSIDY_BY_TIER:
			assert_int_equal(limit, base);
			break;
		case SUBSIDY_BY_FILED:
			assert_int_equal(limit, in.filed);
			break;
		case SUBSIDY_BY_CAP:
			assert_int_equal(limit, in.cap);
			break;
		case SUBSIDY_BY_SHARE:
			assert_int_equal(limit, money_share(in.price,
			    in.share_bp));
			break;
		default:
			fail();
		}
		/* the parts: within their tiers, filled in order */
		assert_true(out.central <= in.tier_central);
		assert_true(out.provincial - out.topup <= in.tier_provincial);
		assert_true(out.city <= in.tier_city);
		assert_true(out.county <= in.tier_county);
		if (out.provincial - out.topup > 0)
			assert_int_equal(out.central, in.tier_central);
		if (out.city > 0)
			assert_int_equal(out.provincial - out.topup,
			    in.tier_provincial);
		if (out.county > 0)
			assert_int_equal(out.city, in.tier_city);
		assert_int_equal(out.total, out.central + out.provincial +
		    out.city + out.county);
		/* the top-up: never more than its share, never negative */
		assert_true(out.topup >= 0);
		assert_true(out.topup <= money_share(limit, in.topup_bp));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tier_and_filed),
		cmocka_unit_test(test_caps),
		cmocka_unit_test(test_share_of_price),
		cmocka_unit_test(test_allocation),
		cmocka_unit_test(test_topup),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_invariants),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
