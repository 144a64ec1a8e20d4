/*
 * date.c: calendar dates as day numbers (days since 1970-01-01 in the
 * proleptic Gregorian calendar, negative before), strict ISO parsing and
 * formatting, weekdays, and working days with a holiday callback (法定节假日
 * and 调休 supplied by the caller).
 */
#include <limits.h>
#include <stdio.h>

#include "domain.h"

#define YEAR_MIN	1900
#define YEAR_MAX	2999
/* no calendar has this many non-working days in a row: stop looping */
#define MAX_IDLE	3660

/* 1 if y is a Gregorian leap year. */
static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Number of days of month m (1..12) in year y. */
static int
month_days(int y, int m)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

/* Day number of a civil date, any year (H. Hinnant's days_from_civil). */
static int
days_from_civil(int y, int m, int d)
{
	int	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Value of n ASCII digits at s, or -1 if any of them is not a digit. */
static int
digits(const char *s, int n)
{
	int	 v = 0;

	for (; n > 0; n--, s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* The day number of a real date of the years 1900 to 2999; 0 or -1. */
int
date_from_ymd(int y, int m, int d, int *day)
{
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1 ||
	    d > month_days(y, m))
		return -1;
	if (day != NULL)
		*day = days_from_civil(y, m, d);
	return 0;
}

/* Year, month and day of any day number (H. Hinnant's civil_from_days). */
void
date_to_ymd(int day, int *y, int *m, int *d)
{
	long	 z = (long)day + 719468;
	long	 era = (z >= 0 ? z : z - 146096) / 146097;
	long	 doe = z - era * 146097;
	long	 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long	 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long	 mp = (5 * doy + 2) / 153;
	long	 dd = doy - (153 * mp + 2) / 5 + 1;
	long	 mm = mp < 10 ? mp + 3 : mp - 9;
	long	 yy = yoe + era * 400 + (mm <= 2);

	if (y != NULL)
		*y = (int)yy;
	if (m != NULL)
		*m = (int)mm;
	if (d != NULL)
		*d = (int)dd;
}

/*
 * The same day of the month months later (months may be negative), the
 * month's last day when it has no such day (31 January + 1 month: 28 or
 * 29 February); 0 or -1 out of range. Issue 13: a suspension's end and
 * the six months after it (003 附件2 第十条, 第十一条).
 */
int
date_add_months(int day, int months, int *out)
{
	int y, m, d, k;

	date_to_ymd(day, &y, &m, &d);
	k = y * 12 + (m - 1) + months;
	if (k < 0)
		return -1;
	y = k / 12;
	m = k % 12 + 1;
	if (y >= YEAR_MIN && y <= YEAR_MAX && d > month_days(y, m))
		d = month_days(y, m);
	return date_from_ymd(y, m, d, out);
}

/* Parse exactly "YYYY-MM-DD" into a day number; 0 or -1. */
int
date_parse(const char *text, int *day)
{
	int	 y, m, d, i;

	if (text == NULL)
		return -1;
	for (i = 0; i < 10; i++)
		if (text[i] == '\0')
			return -1;
	if (text[10] != '\0' || text[4] != '-' || text[7] != '-')
		return -1;
	if ((y = digits(text, 4)) < 0 || (m = digits(text + 5, 2)) < 0 ||
	    (d = digits(text + 8, 2)) < 0)
		return -1;
	return date_from_ymd(y, m, d, day);
}

/* Format a day number as "YYYY-MM-DD", truncated to len. */
void
date_format(int day, char *buf, size_t len)
{
	int	 y, m, d;

	if (buf == NULL || len == 0)
		return;
	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
}

/* 0 for Sunday to 6 for Saturday. */
int
date_weekday(int day)
{
	/* 1970-01-01 was a Thursday (4) */
	return (int)(((long)day % 7 + 7 + 4) % 7);
}

/* Parse exactly "YYYY-MM" (years 1900 to 2999); 0 or -1. */
int
month_parse(const char *text, int *year, int *month)
{
	int	 y, m, i;

	if (text == NULL)
		return -1;
	for (i = 0; i < 7; i++)
		if (text[i] == '\0')
			return -1;
	if (text[7] != '\0' || text[4] != '-')
		return -1;
	if ((y = digits(text, 4)) < 0 || (m = digits(text + 5, 2)) < 0)
		return -1;
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12)
		return -1;
	if (year != NULL)
		*year = y;
	if (month != NULL)
		*month = m;
	return 0;
}

/*
 * 1 if day is worked: Monday to Friday unless the callback calls it a
 * holiday (1), or any day the callback calls an adjusted working day (-1).
 */
static int
is_working(int day, int (*is_holiday)(int, void *), void *arg)
{
	int	 wd = date_weekday(day);
	int	 cb = is_holiday != NULL ? is_holiday(day, arg) : 0;

	return cb == -1 || (wd >= 1 && wd <= 5 && cb != 1);
}

/*
 * The n-th working day strictly after day (n > 0) or strictly before it
 * (n < 0); day itself for n == 0. INT_MIN if a callback keeps every day
 * off for MAX_IDLE days in a row.
 */
int
date_add_working(int day, int n, int (*is_holiday)(int, void *), void *arg)
{
	int	 step = n < 0 ? -1 : 1, idle = 0;

	while (n != 0) {
		day += step;
		if (is_working(day, is_holiday, arg)) {
			n -= step;
			idle = 0;
		} else if (++idle > MAX_IDLE)
			return INT_MIN;
	}
	return day;
}

/* Number of working days in [from, to], both ends included. */
int
date_working_between(int from, int to, int (*is_holiday)(int, void *),
    void *arg)
{
	int	 n = 0;
	long	 day;

	for (day = from; day <= to; day++)
		n += is_working((int)day, is_holiday, arg);
	return n;
}
