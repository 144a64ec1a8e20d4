/*
 * test-backup-policy.c: unit tests of backup-policy.c (issue 14 item 7):
 * daily copies kept keep_days days, the first copy of each year kept ten
 * years (R-001-A1-15 001 附件1 第十五条), over a simulated clock run of
 * eleven years and more, day by day, with days missed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "domain.h"

#define MAXC	64

static int
day_of(int y, int m, int d)
{
	int	 day;

	assert_int_equal(date_from_ymd(y, m, d, &day), 0);
	return day;
}

/* One day of the schedule: add today's copy, delete what the policy says. */
static void
run_day(int *days, size_t *n, int today, int keep_days, int keep_years)
{
	unsigned char	 del[MAXC];
	size_t		 i, k = 0;

	assert_true(*n < MAXC);
	days[(*n)++] = today;
	backup_policy(days, *n, today, keep_days, keep_years, del);
	for (i = 0; i < *n; i++)
		if (!del[i])
			days[k++] = days[i];
	*n = k;
}

static int
has(const int *days, size_t n, int d)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (days[i] == d)
			return 1;
	return 0;
}

/*
 * R-001-A1-15 001 附件1 第十五条: 4,100 days (2026-12-01 on), one run a
 * day: every day the last 7 dailies are there and every yearly copy
 * (the first of its year) younger than ten years; nothing else.
 */
static void
test_eleven_years(void **state)
{
	int	 days[MAXC], start = day_of(2026, 12, 1), t, d, y, m, dd;
	int	 first[40], yy, end;
	size_t	 n = 0;

	(void)state;
	memset(first, 0, sizeof first);
	for (t = start; t < start + 4100; t++) {
		run_day(days, &n, t, 7, 10);
		date_to_ymd(t, &y, &m, &dd);
		if (first[y - 2020] == 0)
			first[y - 2020] = t;
		/* the dailies */
		for (d = t - 6; d <= t; d++)
			if (d >= start)
				assert_true(has(days, n, d));
		/* the yearlies: each first of its year, ten years */
		for (yy = 2026; yy <= y; yy++) {
			end = day_of(yy + 10, 1, 1);
			if (yy == 2026)
				end = day_of(2036, 12, 1);
			assert_int_equal(has(days, n, first[yy - 2020]),
			    t <= end);
		}
		/* nothing else */
		assert_true(n <= 7 + 11);
	}
	/* 2026-12-01 was kept to 2036-12-01 and is gone after */
	assert_false(has(days, n, start));
	assert_true(has(days, n, day_of(2027, 1, 1)) == 0);
	assert_false(has(days, n, day_of(2028, 1, 1)));
	assert_true(has(days, n, day_of(2029, 1, 1)));
}

/* A year whose 1 January was missed keeps its first copy instead. */
static void
test_missed_new_year(void **state)
{
	int	 days[MAXC], t;
	size_t	 n = 0;

	(void)state;
	for (t = day_of(2030, 12, 20); t < day_of(2031, 3, 1); t++) {
		if (t == day_of(2031, 1, 1) || t == day_of(2031, 1, 2))
			continue;
		run_day(days, &n, t, 3, 10);
	}
	assert_true(has(days, n, day_of(2031, 1, 3)));
	assert_true(has(days, n, day_of(2030, 12, 20)));
	assert_int_equal(n, 2 + 3);
}

/* A copy dated after today (the clock set back) is never deleted. */
static void
test_future_kept(void **state)
{
	int		 days[3];
	unsigned char	 del[3];

	(void)state;
	days[0] = day_of(2030, 5, 1);
	days[1] = day_of(2030, 5, 2);
	days[2] = day_of(2029, 5, 3);
	assert_int_equal(backup_policy(days, 3, day_of(2030, 4, 1), 1, 10,
	    del), 0);
}

/* R-001-A1-15: fewer than ten years, or no daily copy, is refused. */
static void
test_check(void **state)
{
	(void)state;
	assert_int_equal(backup_policy_check(7, 10), 0);
	assert_int_equal(backup_policy_check(1, 30), 0);
	assert_int_equal(backup_policy_check(7, 9), -1);
	assert_int_equal(backup_policy_check(0, 10), -1);
	assert_int_equal(backup_policy_check(-3, 10), -1);
	assert_int_equal(backup_policy_check(7, 101), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eleven_years),
		cmocka_unit_test(test_missed_new_year),
		cmocka_unit_test(test_future_kept),
		cmocka_unit_test(test_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
