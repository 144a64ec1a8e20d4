/*
 * fuzz-date.c: date.c on any text: a date parses only as YYYY-MM-DD of a
 * real day and formats back to the same text; a month only as YYYY-MM;
 * day numbers and civil dates convert both ways, and working days move
 * forwards without stepping onto a holiday (weekends here). The last 4
 * bytes of a long input also make a raw day number and a count.
 */
#include "fuzz.h"

static int
fz_weekend(int day, void *arg)
{
	(void)arg;
	return date_weekday(day) == 0 || date_weekday(day) == 6;
}

static void
fz_day(int day)
{
	char	buf[32];
	int	y, m, d, back;

	date_to_ymd(day, &y, &m, &d);
	fz_need(m >= 1 && m <= 12 && d >= 1 && d <= 31);
	fz_need(date_from_ymd(y, m, d, &back) == 0 && back == day);
	fz_need(date_weekday(day) >= 0 && date_weekday(day) <= 6);
	date_format(day, buf, sizeof buf);
	if (y >= 1000 && y <= 9999)
		fz_need(date_parse(buf, &back) == 0 && back == day);
	date_format(day, buf, 5);
	fz_need(strlen(buf) < 5);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*s = fz_str(data, size), buf[32];
	int		 day, y, m, n, end;
	uint32_t	 raw = 0;
	size_t		 i;

	if (date_parse(s, &day) == 0) {
		date_format(day, buf, sizeof buf);
		fz_need(strcmp(buf, s) == 0);
		fz_day(day);
	}
	if (month_parse(s, &y, &m) == 0) {
		fz_need(y >= 1900 && y <= 2999 && m >= 1 && m <= 12);
		fz_need(date_from_ymd(y, m, 1, &day) == 0);
	}
	if (size >= 4) {
		for (i = size - 4; i < size; i++)
			raw = raw << 8 | data[i];
		/* days within 1900 .. 2999, counts up to 255 working days */
		day = (int)(raw % 401767u) - 25567;
		fz_day(day);
		n = (int)(raw >> 24);
		end = date_add_working(day, n, fz_weekend, NULL);
		fz_need(end >= day);
		if (n > 0)
			fz_need(!fz_weekend(end, NULL));
		(void)date_working_between(day, end, fz_weekend, NULL);
		(void)date_from_ymd((int)(raw >> 16) - 30000, (int)(raw >> 8 & 0xff)
		    - 100, (int)(raw & 0xff) - 100, &day);
	}
	free(s);
	return 0;
}
