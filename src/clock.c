/*
 * clock.c: what time it is for the programme. NJBT_NOW=YYYY-MM-DD or
 * YYYY-MM-DDTHH:MM:SS fixes the clock (tests only, SPEC section 5); times
 * are the server's local time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "njbt.h"

/* A local time from its parts. */
static time_t
clock_mk(int y, int mo, int d, int h, int mi, int sec)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* The fixed time of NJBT_NOW, or -1 if unset or malformed. */
static time_t
clock_fixed(void)
{
	const char	*s = getenv("NJBT_NOW");
	int		 y, mo, d, h = 9, mi = 0, sec = 0, day;
	char		 tail;

	if (s == NULL || *s == '\0')
		return -1;
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &sec,
	    &tail) != 6 && (sscanf(s, "%4d-%2d-%2d%c", &y, &mo, &d, &tail) != 3
	    || strlen(s) != 10))
		return -1;
	if (date_from_ymd(y, mo, d, &day) != 0 || h > 23 || mi > 59 ||
	    sec > 59 || h < 0 || mi < 0 || sec < 0)
		return -1;
	return clock_mk(y, mo, d, h, mi, sec);
}

/* "YYYY-MM-DD HH:MM:SS" (local time, as clock_stamp writes), or -1. */
time_t
clock_unstamp(const char *text)
{
	int	y, mo, d, h, mi, sec;

	if (sscanf(text, "%4d-%2d-%2d %2d:%2d:%2d", &y, &mo, &d, &h, &mi,
	    &sec) != 6)
		return -1;
	return clock_mk(y, mo, d, h, mi, sec);
}

time_t
clock_now(void)
{
	time_t t = clock_fixed();

	return t != -1 ? t : time(NULL);
}

/* Today as a day number (see date.c). */
int
clock_today(void)
{
	time_t	 t = clock_now();
	struct tm tm;
	int	 day = 0;

	localtime_r(&t, &tm);
	date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &day);
	return day;
}

void
clock_stamp(time_t t, char *buf, size_t len)
{
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%d %H:%M:%S", &tm);
}

/* Milliseconds of the monotonic clock, for waits and time-outs. */
int64_t
clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
