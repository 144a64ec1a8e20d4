/*
 * test-date.c: unit tests of date.c: day numbers, strict parsing of dates
 * and months, formatting, weekdays, and working days with the 2024
 * national holiday calendar (法定节假日 and 调休) as callback.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "domain.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Day number of a date the test knows to be valid. */
static int
day_of(const char *text)
{
	int	 day;

	assert_int_equal(date_parse(text, &day), 0);
	return day;
}

static void
test_parse_ok(void **state)
{
	static const struct {
		const char	*text;
		int		 day;
	} v[] = {
		{ "1970-01-01", 0 },
		{ "1970-01-02", 1 },
		{ "1969-12-31", -1 },
		{ "1949-12-31", -7306 },
		{ "1900-01-01", -25567 },
		{ "2000-02-29", 11016 },
		{ "2014-01-01", 16071 },
		{ "2024-06-01", 19875 },
		{ "2024-09-30", 19996 },
		{ "2999-12-31", 376199 },
		{ "1904-02-29", -24048 },
		{ "2400-02-29", 157113 },
	};
	size_t	 i;
	int	 day;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		day = 12345;
		assert_int_equal(date_parse(v[i].text, &day), 0);
		assert_int_equal(day, v[i].day);
	}
	assert_int_equal(date_parse("2024-06-01", NULL), 0);
}

static void
test_parse_bad(void **state)
{
	static const char *const v[] = {
		"", "1900-02-29", "2100-02-29", "2200-02-29", "2023-02-29",
		"2024-02-30", "2024-04-31", "2024-06-31", "2024-09-31",
		"2024-11-31", "2024-01-32", "2024-01-00", "2024-00-01",
		"2024-13-01", "1899-12-31", "3000-01-01", "0000-01-01",
		"2024-6-1", "2024-06-1", "2024-6-01", "24-06-01", "20240601",
		"2024/06/01", "2024.06.01", "2024-06-01 ", " 2024-06-01",
		"2024-06-01T00:00", "2024-06-011", "+024-06-01", "-024-06-01",
		"2024-+6-01", "2024-0a-01", "2024-06-0x", "2O24-06-01",
		"２024-06-01", "2024-06", "2024--06-01", "2024-06--1",
		"2024 06 01", "2024-1-001",
	};
	size_t	 i;
	int	 day;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		day = 12345;
		assert_int_equal(date_parse(v[i], &day), -1);
		assert_int_equal(day, 12345);
	}
	assert_int_equal(date_parse(NULL, &day), -1);
}

/* every day of 1900..2999: ymd, day number, text all agree */
static void
test_every_day(void **state)
{
	char	 buf[16], text[48];
	int	 y, m, d, day, prev = 0, first = 1, yy, mm, dd, days;
	int	 leap;

	(void)state;
	for (y = 1900; y <= 2999; y++) {
		leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		for (m = 1; m <= 12; m++) {
			days = m == 2 ? 28 + leap :
			    (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
			for (d = 1; d <= 32; d++) {
				snprintf(text, sizeof(text), "%04d-%02d-%02d",
				    y, m, d);
				if (d > days) {
					assert_int_equal(date_from_ymd(y, m, d,
					    &day), -1);
					assert_int_equal(date_parse(text, &day),
					    -1);
					continue;
				}
				assert_int_equal(date_from_ymd(y, m, d, &day),
				    0);
				if (!first)
					assert_int_equal(day, prev + 1);
				first = 0;
				prev = day;
				date_to_ymd(day, &yy, &mm, &dd);
				assert_int_equal(yy, y);
				assert_int_equal(mm, m);
				assert_int_equal(dd, d);
				date_format(day, buf, sizeof(buf));
				assert_string_equal(buf, text);
				assert_int_equal(day_of(text), day);
			}
		}
	}
	assert_int_equal(prev, 376199);
}

static void
test_from_ymd_bad(void **state)
{
	static const int v[][3] = {
		{ 1899, 12, 31 }, { 3000, 1, 1 }, { 2024, 0, 1 },
		{ 2024, 13, 1 }, { 2024, 1, 0 }, { 2024, 1, 32 },
		{ 2024, -1, 1 }, { 2024, 1, -1 }, { INT_MIN, 1, 1 },
		{ INT_MAX, 1, 1 }, { 2024, INT_MAX, 1 }, { 2024, 1, INT_MAX },
		{ 1900, 2, 29 }, { 2100, 2, 29 }, { 2023, 2, 29 },
	};
	size_t	 i;
	int	 day;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		day = 12345;
		assert_int_equal(date_from_ymd(v[i][0], v[i][1], v[i][2],
		    &day), -1);
		assert_int_equal(day, 12345);
	}
	assert_int_equal(date_from_ymd(2000, 2, 29, NULL), 0);
}

/* date_to_ymd works for any day, also outside 1900..2999 */
static void
test_to_ymd_far(void **state)
{
	static const struct {
		int	 day, y, m, d;
	} v[] = {
		{ 0, 1970, 1, 1 },
		{ -719468, 0, 3, 1 },
		{ -719469, 0, 2, 29 },
		{ -25568, 1899, 12, 31 },
		{ 376200, 3000, 1, 1 },
		{ 2932896, 9999, 12, 31 },
		{ -719528, 0, 1, 1 },
		{ -719529, -1, 12, 31 },
	};
	char	 buf[16];
	size_t	 i;
	int	 y, m, d;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		date_to_ymd(v[i].day, &y, &m, &d);
		assert_int_equal(y, v[i].y);
		assert_int_equal(m, v[i].m);
		assert_int_equal(d, v[i].d);
	}
	date_to_ymd(0, NULL, NULL, NULL);
	date_format(2932896, buf, sizeof(buf));
	assert_string_equal(buf, "9999-12-31");
	date_format(-25568, buf, sizeof(buf));
	assert_string_equal(buf, "1899-12-31");
}

static void
test_format_truncates(void **state)
{
	char	 buf[16];

	(void)state;
	memset(buf, 'Z', sizeof(buf));
	date_format(0, buf, 5);
	assert_string_equal(buf, "1970");
	assert_int_equal(buf[5], 'Z');
	date_format(0, buf, 11);
	assert_string_equal(buf, "1970-01-01");
	memset(buf, 'Z', sizeof(buf));
	date_format(0, buf, 0);
	assert_int_equal(buf[0], 'Z');
	date_format(0, NULL, 11);
}

static void
test_weekday(void **state)
{
	static const struct {
		const char	*text;
		int		 wd;
	} v[] = {
		{ "1970-01-01", 4 },
		{ "1969-12-31", 3 },
		{ "1969-12-28", 0 },
		{ "1969-12-27", 6 },
		{ "1900-01-01", 1 },
		{ "1949-10-01", 6 },
		{ "2000-01-01", 6 },
		{ "2014-01-01", 3 },
		{ "2024-06-01", 6 },
		{ "2024-06-02", 0 },
		{ "2024-06-03", 1 },
		{ "2024-09-30", 1 },
		{ "2999-12-31", 2 },
	};
	size_t	 i;
	int	 day;

	(void)state;
	for (i = 0; i < NELEM(v); i++)
		assert_int_equal(date_weekday(day_of(v[i].text)), v[i].wd);
	/* one step a day, over negative and positive days */
	for (day = -30000; day < 30000; day++)
		assert_int_equal(date_weekday(day + 1),
		    (date_weekday(day) + 1) % 7);
	assert_true(date_weekday(INT_MIN) >= 0 && date_weekday(INT_MIN) < 7);
	assert_true(date_weekday(INT_MAX) >= 0 && date_weekday(INT_MAX) < 7);
}

static void
test_month_parse(void **state)
{
	static const char *const bad[] = {
		"", "2024-6", "2024-13", "2024-00", "1899-12", "3000-01",
		"202406", "2024-06-01", "2024/06", "2024-06 ", " 2024-06",
		"2024-0a", "+024-06", "24-06", "2024-006", "２024-06",
	};
	size_t	 i;
	int	 y, m;

	(void)state;
	assert_int_equal(month_parse("2024-06", &y, &m), 0);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 6);
	assert_int_equal(month_parse("1900-01", &y, &m), 0);
	assert_int_equal(y, 1900);
	assert_int_equal(m, 1);
	assert_int_equal(month_parse("2999-12", &y, &m), 0);
	assert_int_equal(y, 2999);
	assert_int_equal(m, 12);
	assert_int_equal(month_parse("2024-02", NULL, NULL), 0);
	for (i = 0; i < NELEM(bad); i++) {
		y = m = 77;
		assert_int_equal(month_parse(bad[i], &y, &m), -1);
		assert_int_equal(y, 77);
		assert_int_equal(m, 77);
	}
	assert_int_equal(month_parse(NULL, &y, &m), -1);
}

/* The 2024 calendar of the State Council (国务院办公厅 2024 年节假日安排). */
struct calendar {
	const char *const	*holidays;	/* non-working weekdays */
	const char *const	*workdays;	/* 调休 worked weekends */
	int			 calls;
};

static const char *const holidays2024[] = {
	"2024-01-01", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13",
	"2024-02-14", "2024-02-15", "2024-02-16", "2024-02-17", "2024-04-04",
	"2024-04-05", "2024-04-06", "2024-05-01", "2024-05-02", "2024-05-03",
	"2024-05-04", "2024-05-05", "2024-06-10", "2024-09-15", "2024-09-16",
	"2024-09-17", "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04",
	"2024-10-05", "2024-10-06", "2024-10-07", NULL,
};
static const char *const workdays2024[] = {
	"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11",
	"2024-09-14", "2024-09-29", "2024-10-12", NULL,
};

/* is_holiday callback over a struct calendar. */
static int
cal_cb(int day, void *arg)
{
	struct calendar	*cal = arg;
	char		 buf[16];
	size_t		 i;

	cal->calls++;
	date_format(day, buf, sizeof(buf));
	for (i = 0; cal->holidays[i] != NULL; i++)
		if (strcmp(cal->holidays[i], buf) == 0)
			return 1;
	for (i = 0; cal->workdays[i] != NULL; i++)
		if (strcmp(cal->workdays[i], buf) == 0)
			return -1;
	return 0;
}

/* A callback that calls every day a holiday. */
static int
all_off(int day, void *arg)
{
	(void)day;
	(void)arg;
	return 1;
}

/* A callback that calls every day an adjusted working day. */
static int
all_on(int day, void *arg)
{
	(void)day;
	(void)arg;
	return -1;
}

/* weekends only, no callback */
static void
test_add_working_weekends(void **state)
{
	static const struct {
		const char	*from;
		int		 n;
		const char	*to;
	} v[] = {
		{ "2024-05-31", 1, "2024-06-03" },	/* Fri -> Mon */
		{ "2024-06-01", 1, "2024-06-03" },	/* Sat -> Mon */
		{ "2024-06-02", 1, "2024-06-03" },	/* Sun -> Mon */
		{ "2024-06-03", 1, "2024-06-04" },
		{ "2024-06-03", 5, "2024-06-10" },
		{ "2024-06-03", 10, "2024-06-17" },
		{ "2024-06-01", 0, "2024-06-01" },	/* n == 0: day */
		{ "2024-06-03", -1, "2024-05-31" },	/* Mon <- Fri */
		{ "2024-06-02", -1, "2024-05-31" },
		{ "2024-06-03", -5, "2024-05-27" },
		{ "2024-12-31", 1, "2025-01-01" },
		{ "1969-12-31", 1, "1970-01-01" },
	};
	char	 buf[16];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		date_format(date_add_working(day_of(v[i].from), v[i].n, NULL,
		    NULL), buf, sizeof(buf));
		assert_string_equal(buf, v[i].to);
	}
}

/* 法定节假日 and 调休 through the callback and its argument */
static void
test_add_working_calendar(void **state)
{
	static const struct {
		const char	*from;
		int		 n;
		const char	*to;
	} v[] = {
		{ "2024-09-30", 1, "2024-10-08" },	/* over National Day */
		{ "2024-09-27", 1, "2024-09-29" },	/* worked Sunday */
		{ "2024-09-27", 2, "2024-09-30" },
		{ "2024-02-08", 1, "2024-02-09" },
		{ "2024-02-08", 3, "2024-02-19" },	/* Spring Festival */
		{ "2024-04-30", 1, "2024-05-06" },
		{ "2024-04-30", 5, "2024-05-10" },
		{ "2024-06-07", 1, "2024-06-11" },	/* Dragon Boat */
		{ "2024-02-09", 15, "2024-03-07" },
		{ "2024-10-08", -1, "2024-09-30" },
		{ "2024-10-01", 0, "2024-10-01" },
		{ "2024-12-31", 1, "2025-01-01" },
	};
	struct calendar	 cal = { holidays2024, workdays2024, 0 };
	char		 buf[16];
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		date_format(date_add_working(day_of(v[i].from), v[i].n, cal_cb,
		    &cal), buf, sizeof(buf));
		assert_string_equal(buf, v[i].to);
	}
	assert_true(cal.calls > 0);
}

/* callbacks that mark everything */
static void
test_add_working_extremes(void **state)
{
	int	 d = day_of("2024-06-01");

	(void)state;
	/* every day worked, weekends included */
	assert_int_equal(date_add_working(d, 1, all_on, NULL), d + 1);
	assert_int_equal(date_add_working(d, 10, all_on, NULL), d + 10);
	assert_int_equal(date_working_between(d, d + 6, all_on, NULL), 7);
	/* no day ever worked: no answer rather than a loop */
	assert_int_equal(date_add_working(d, 1, all_off, NULL), INT_MIN);
	assert_int_equal(date_add_working(d, -1, all_off, NULL), INT_MIN);
	assert_int_equal(date_add_working(d, 0, all_off, NULL), d);
	assert_int_equal(date_working_between(d, d + 365, all_off, NULL), 0);
}

static void
test_working_between(void **state)
{
	static const struct {
		const char	*from, *to;
		int		 plain, cal;
	} v[] = {
		{ "2024-10-01", "2024-10-31", 23, 19 },
		{ "2024-02-01", "2024-02-29", 21, 18 },
		{ "2024-05-01", "2024-05-31", 23, 21 },
		{ "2024-01-01", "2024-12-31", 262, 251 },
		{ "2024-06-03", "2024-06-03", 1, 1 },	/* one Monday */
		{ "2024-06-01", "2024-06-01", 0, 0 },	/* one Saturday */
		{ "2024-09-29", "2024-09-29", 0, 1 },	/* worked Sunday */
		{ "2024-06-10", "2024-06-10", 1, 0 },	/* Dragon Boat */
		{ "2024-06-03", "2024-06-02", 0, 0 },	/* to < from */
		{ "2024-12-31", "2024-01-01", 0, 0 },
	};
	struct calendar	 cal = { holidays2024, workdays2024, 0 };
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		assert_int_equal(date_working_between(day_of(v[i].from),
		    day_of(v[i].to), NULL, NULL), v[i].plain);
		assert_int_equal(date_working_between(day_of(v[i].from),
		    day_of(v[i].to), cal_cb, &cal), v[i].cal);
	}
}

/* date_add_working and date_working_between agree */
static void
test_working_consistent(void **state)
{
	struct calendar	 cal = { holidays2024, workdays2024, 0 };
	int		 start = day_of("2024-01-01"), day, n, to;

	(void)state;
	for (day = start; day < start + 366; day += 3)
		for (n = 1; n <= 40; n += 7) {
			to = date_add_working(day, n, cal_cb, &cal);
			assert_int_equal(date_working_between(day + 1, to,
			    cal_cb, &cal), n);
			assert_int_equal(date_working_between(to, to, cal_cb,
			    &cal), 1);
			assert_int_equal(date_add_working(to, -n, cal_cb,
			    &cal) <= day, 1);
			to = date_add_working(day, n, NULL, NULL);
			assert_int_equal(date_working_between(day + 1, to,
			    NULL, NULL), n);
		}
}

/*
 * Issue 13: months later, the month's last day when it is short (a
 * suspension's end, the six months to restore, the year before).
 */
static void
test_add_months(void **state)
{
	static const struct {
		const char	*from;
		int		 months;
		const char	*want;
	} cases[] = {
		{ "2026-03-03", 3, "2026-06-03" },
		{ "2026-06-02", 6, "2026-12-02" },
		{ "2026-01-31", 1, "2026-02-28" },
		{ "2028-01-31", 1, "2028-02-29" },
		{ "2026-03-02", 12, "2027-03-02" },
		{ "2026-03-31", -1, "2026-02-28" },
		{ "2026-03-02", -12, "2025-03-02" },
		{ "2026-11-30", 3, "2027-02-28" },
	};
	char	buf[16];
	size_t	i;
	int	out;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		assert_int_equal(date_add_months(day_of(cases[i].from),
		    cases[i].months, &out), 0);
		date_format(out, buf, sizeof buf);
		assert_string_equal(buf, cases[i].want);
	}
	/* out of the calendar's years */
	assert_int_equal(date_add_months(day_of("2999-12-01"), 1, &out), -1);
	assert_int_equal(date_add_months(day_of("1900-01-01"), -1, &out), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_ok),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_every_day),
		cmocka_unit_test(test_from_ymd_bad),
		cmocka_unit_test(test_to_ymd_far),
		cmocka_unit_test(test_format_truncates),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_month_parse),
		cmocka_unit_test(test_add_working_weekends),
		cmocka_unit_test(test_add_working_calendar),
		cmocka_unit_test(test_add_working_extremes),
		cmocka_unit_test(test_working_between),
		cmocka_unit_test(test_working_consistent),
		cmocka_unit_test(test_add_months),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
