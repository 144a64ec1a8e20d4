/*
 * test-sample.c: reproducible samples (004 六(一)2(3) 财政抽查不低于10%;
 * 004 附件4 四(三) 复核): the same seed draws the same machines whatever
 * order they come in, every draw is distinct and within the set, sizes
 * round up, and the draw spreads over the set; a lottery's whole order
 * (004 四(一)) likewise.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "domain.h"

static void
sizes_round_up(void **state)
{
	(void)state;
	assert_int_equal(sample_size(0, 1000), 0);
	assert_int_equal(sample_size(10, 0), 0);
	assert_int_equal(sample_size(1, 1000), 1);
	assert_int_equal(sample_size(9, 1000), 1);
	assert_int_equal(sample_size(10, 1000), 1);
	assert_int_equal(sample_size(11, 1000), 2);
	assert_int_equal(sample_size(200, 1000), 20);
	assert_int_equal(sample_size(201, 1000), 21);
	assert_int_equal(sample_size(7, 10000), 7);
	assert_int_equal(sample_size(3, 3333), 1);
}

static void
same_seed_same_draw(void **state)
{
	int64_t	ids[50], rev[50], a[10], b[10], c[10];
	size_t	i;

	(void)state;
	for (i = 0; i < 50; i++) {
		ids[i] = (int64_t)(i * 7 + 3);
		rev[49 - i] = ids[i];
	}
	assert_int_equal(sample_draw(42, ids, 50, 10, a), 10);
	assert_int_equal(sample_draw(42, rev, 50, 10, b), 10);
	assert_memory_equal(a, b, sizeof a);
	sample_draw(43, ids, 50, 10, c);
	assert_memory_not_equal(a, c, sizeof a);
	/* ascending, distinct, members */
	for (i = 0; i < 10; i++) {
		if (i > 0)
			assert_true(a[i] > a[i - 1]);
		assert_int_equal((a[i] - 3) % 7, 0);
		assert_true(a[i] >= 3 && a[i] <= 3 + 49 * 7);
	}
	/* the input is left as it was */
	assert_int_equal(rev[0], 3 + 49 * 7);
}

static void
whole_and_more(void **state)
{
	int64_t ids[5] = { 9, 1, 5, 3, 7 }, out[5];

	(void)state;
	assert_int_equal(sample_draw(1, ids, 5, 9, out), 5);
	assert_int_equal(out[0], 1);
	assert_int_equal(out[4], 9);
	assert_int_equal(sample_draw(1, ids, 5, 0, out), 0);
}

static void
spreads_over_the_set(void **state)
{
	int64_t	ids[100], out[10];
	int	hits[100];
	size_t	i, k;
	uint64_t seed;

	(void)state;
	memset(hits, 0, sizeof hits);
	for (i = 0; i < 100; i++)
		ids[i] = (int64_t)i;
	for (seed = 0; seed < 2000; seed++) {
		sample_draw(seed, ids, 100, 10, out);
		for (k = 0; k < 10; k++)
			hits[out[k]]++;
	}
	/* 2000 draws of 10 of 100: each id about 200 times */
	for (i = 0; i < 100; i++)
		assert_true(hits[i] > 120 && hits[i] < 290);
}

/*
 * R-004-M-4.1 004 四(一) 公开摇号: a lottery's order is drawn from its
 * public seed: the same seed gives the same order whatever order the
 * candidates come in; every candidate once; another seed another order.
 */
static void
lottery_order_from_seed(void **state)
{
	const int64_t	a[8] = { 11, 12, 13, 14, 15, 16, 17, 18 };
	const int64_t	b[8] = { 18, 13, 11, 16, 12, 17, 15, 14 };
	int64_t		x[8], y[8], z[8];
	int		i, j, seen, moved = 0;

	(void)state;
	sample_order(20260302, a, 8, x);
	sample_order(20260302, b, 8, y);
	assert_memory_equal(x, y, sizeof x);
	for (i = 0; i < 8; i++) {
		for (seen = 0, j = 0; j < 8; j++)
			seen += x[j] == a[i];
		assert_int_equal(seen, 1);
	}
	sample_order(20260303, a, 8, z);
	for (i = 0; i < 8; i++)
		moved += z[i] != x[i];
	assert_true(moved > 0);
	sample_order(1, a, 0, z);	/* nothing to order: nothing written */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sizes_round_up),
		cmocka_unit_test(same_seed_same_draw),
		cmocka_unit_test(whole_and_more),
		cmocka_unit_test(spreads_over_the_set),
		cmocka_unit_test(lottery_order_from_seed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
