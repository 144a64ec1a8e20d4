/*
 * test-list-calendar.c: the settlement calendar's due days (issue 10 item
 * 8; store-sql-tui.def's SQL_WORKDAY_ON, which the deadlines list, its
 * printer and the late marks use). R-004-A4-4.1a 004 附件4 四(一)
 * "节假日顺延，下同": a due day on a weekend or a public holiday rolls on
 * to the next working day, an adjusted working day (调休) counts; the SQL
 * agrees with date.c's working days (what batch.publicize counts) on every
 * day of a year with holidays and adjusted working days in it. And the
 * batch due dates: R-004-A4-4.2b publicised by the 10th, R-004-A4-4.4b with
 * finance by the 20th, R-004-A4-4.6b paid by the 10th of the month after.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "actions.h"

/* date.c's callback, from the holidays table as action-batch.c reads it */
static int
kind_of(int day, void *arg)
{
	char	text[16], kind[16];

	(void)arg;
	date_format(day, text, sizeof text);
	q_text(kind, sizeof kind, "SELECT kind FROM holidays WHERE day = ?1",
	    text, NULL);
	if (kind[0] == '\0')
		return 0;
	return strcmp(kind, "holiday") == 0 ? 1 : -1;
}

static void
holidays(void)
{
	static const char *const v[][2] = {
		{ "2026-01-01", "holiday" }, { "2026-01-02", "holiday" },
		{ "2026-01-04", "workday" },
		{ "2026-04-04", "holiday" }, { "2026-04-05", "holiday" },
		{ "2026-04-06", "holiday" },
		{ "2026-05-01", "holiday" }, { "2026-05-02", "holiday" },
		{ "2026-05-03", "holiday" }, { "2026-05-04", "holiday" },
		{ "2026-05-05", "holiday" }, { "2026-05-09", "workday" },
		{ "2026-05-10", "workday" },
		{ "2026-10-01", "holiday" }, { "2026-10-02", "holiday" },
		{ "2026-10-03", "holiday" }, { "2026-10-04", "holiday" },
		{ "2026-10-05", "holiday" }, { "2026-10-06", "holiday" },
		{ "2026-10-07", "holiday" }, { "2026-10-08", "holiday" },
		{ "2026-10-10", "workday" },
	};
	size_t	i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		q_run("INSERT OR REPLACE INTO holidays(day, kind, name) "
		    "VALUES (?1, ?2, '')", v[i][0], v[i][1], NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM holidays", NULL),
	    (int64_t)(sizeof v / sizeof v[0]));
}

/* R-004-A4-4.1a the SQL's due day is date.c's first working day on or after */
static void
sql_rolls_as_date_does(void **state)
{
	char	text[16], got[16], want[16];
	int	first, day;

	(void)state;
	holidays();
	assert_int_equal(date_parse("2026-01-01", &first), 0);
	for (day = first; day < first + 365; day++) {
		date_format(day, text, sizeof text);
		date_format(date_add_working(day - 1, 1, kind_of, NULL), want,
		    sizeof want);
		q_text(got, sizeof got, "SELECT " SQL_WORKDAY_ON("?1"), text,
		    NULL);
		if (strcmp(got, want) != 0)
			fprintf(stderr, "%s: sql %s, date.c %s\n", text, got,
			    want);
		assert_string_equal(got, want);
	}
	/* the longest holiday: 1-8 October, a Thursday to a Thursday */
	q_text(got, sizeof got, "SELECT " SQL_WORKDAY_ON("?1"), "2026-10-01",
	    NULL);
	assert_string_equal(got, "2026-10-09");
	/* Saturday 9 May worked: its own due day */
	q_text(got, sizeof got, "SELECT " SQL_WORKDAY_ON("?1"), "2026-05-09",
	    NULL);
	assert_string_equal(got, "2026-05-09");
}

/* R-004-A4-4.2b R-004-A4-4.4b R-004-A4-4.6b a batch's due day by its state */
static void
batch_due_by_state(void **state)
{
	static const struct {
		const char	*month, *state, *due;
	} v[] = {
		{ "2026-03", "open", "2026-04-10" },		/* a Friday */
		{ "2026-03", "publicized", "2026-04-20" },	/* a Monday */
		{ "2026-03", "submitted", "2026-05-11" },	/* Sun 10 May */
		{ "2026-03", "approved", "2026-05-11" },
		{ "2026-09", "open", "2026-10-12" },		/* Sat 10 Oct */
		{ "2026-12", "publicized", "2027-01-20" },	/* the year on */
		{ "2026-12", "submitted", "2027-02-10" },
		{ "2026-03", "paid", "" },			/* nothing due */
	};
	char		got[16];
	size_t		i;
	uint64_t	before = fx_snapshot();

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		q_text(got, sizeof got, "SELECT " SQL_BATCH_DUE " FROM (SELECT "
		    "?1 AS month, ?2 AS state) b", v[i].month, v[i].state,
		    NULL);
		if (strcmp(got, v[i].due) != 0)
			fprintf(stderr, "%s %s: %s, want %s\n", v[i].month,
			    v[i].state, got, v[i].due);
		assert_string_equal(got, v[i].due);
	}
	/* a due date marks; reading it writes nothing */
	assert_true(fx_snapshot() == before);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(batch_due_by_state),
		FX_TEST(sql_rolls_as_date_does),
	};

	return FX_RUN(tests);
}
