/*
 * test-label.c: the enumeration kinds (label.c, issue 9 item 4). Every
 * code the schema's CHECK constraint allows in a labelled column has a
 * row; kinds are named once, apart from state.c's, and each code once in
 * its kind; every anomaly bit of sales.flags (actions.h) has its mark;
 * and njbt_state, the one SQL function, reads both tables. That no SQL
 * statement keeps its own copy of a label is tests/cli/labels.sh's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "label.h"

/* The codes CHECK (column IN (...)) of table allows, comma-joined. */
static void
checked_codes(const char *table, const char *column, char *out, size_t len)
{
	sqlite3_stmt	*st;
	char		 check[64];
	const char	*p, *q;
	size_t		 n = 0;

	out[0] = '\0';
	snprintf(check, sizeof check, "CHECK (%s IN", column);
	assert_int_equal(sqlite3_prepare_v2(store->db, "SELECT sql FROM "
	    "sqlite_master WHERE type = 'table' AND name = ?1", -1, &st,
	    NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	p = strstr((const char *)sqlite3_column_text(st, 0), check);
	if (p == NULL)
		fprintf(stderr, "%s.%s has no CHECK\n", table, column);
	assert_non_null(p);
	p = strchr(p + strlen(check), '(');
	assert_non_null(p);
	for (p++; *p != ')' && *p != '\0'; p++) {
		if (*p != '\'')
			continue;
		q = strchr(p + 1, '\'');
		assert_non_null(q);
		n += (size_t)snprintf(out + n, len - n, "%s%.*s", n ? "," : "",
		    (int)(q - p - 1), p + 1);
		assert_true(n < len);
		p = q;
	}
	sqlite3_finalize(st);
}

/* Every code the schema allows in a labelled column has both labels. */
static void
every_checked_code_has_labels(void **state)
{
	const struct label_kind	*k;
	const struct state_code	*c;
	char			 codes[512], one[64];
	const char		*p, *e;
	int			 checked = 0;

	(void)state;
	for (k = label_kinds; k->kind != NULL; k++) {
		if (k->table == NULL)
			continue;
		checked++;
		checked_codes(k->table, k->column, codes, sizeof codes);
		assert_true(codes[0] != '\0');
		for (p = codes; *p != '\0'; p = *e ? e + 1 : e) {
			e = strchr(p, ',');
			if (e == NULL)
				e = p + strlen(p);
			snprintf(one, sizeof one, "%.*s", (int)(e - p), p);
			c = label_code(k->kind, one);
			if (c == NULL)
				fprintf(stderr, "%s: %s has no row\n", k->kind,
				    one);
			assert_non_null(c);
			assert_non_null(c->label);
			assert_non_null(c->long_label);
		}
	}
	assert_true(checked >= 8);
}

/* Kinds are named once and not as a state kind; codes once per kind. */
static void
kinds_and_codes_are_named_once(void **state)
{
	const struct label_kind	*k, *j;
	const struct state_code	*c, *d;

	(void)state;
	for (k = label_kinds; k->kind != NULL; k++) {
		assert_null(state_kind(k->kind));
		assert_ptr_equal(label_kind(k->kind), k);
		for (j = k + 1; j->kind != NULL; j++)
			assert_string_not_equal(k->kind, j->kind);
		assert_non_null(k->codes[0].code);
		assert_true((k->table == NULL) == (k->column == NULL));
		for (c = k->codes; c->code != NULL; c++) {
			assert_non_null(c->label);
			assert_non_null(c->long_label);
			for (d = c + 1; d->code != NULL; d++)
				assert_string_not_equal(c->code, d->code);
		}
	}
}

/* Each anomaly bit of sales.flags has a one-character mark. */
static void
every_anomaly_bit_has_a_mark(void **state)
{
	static const int bits[] = { AN_BUYER_UNITS, AN_DEALER_BURST,
	    AN_REPEAT_ITEM, AN_ENGINE_DUP, AN_RATIO, AN_WINDOW, AN_PRICE };
	const struct state_code	*c;
	char			 code[16];
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof bits / sizeof bits[0]; i++) {
		snprintf(code, sizeof code, "%d", bits[i]);
		c = label_code("flag_mark", code);
		assert_non_null(c);
		assert_int_equal(utf8_width(c->label), 2);
	}
	assert_string_equal(label_short("flag_mark", "0"), "");
	assert_string_equal(label_short("key_mark", "1"), "重");
}

/* njbt_state reads label.c's kinds as it reads state.c's, and writes
 * nothing. */
static void
sql_function_reads_both_tables(void **state)
{
	const struct label_kind	*k;
	const struct state_code	*c;
	char			 got[128];
	uint64_t		 before = fx_snapshot();

	(void)state;
	for (k = label_kinds; k->kind != NULL; k++) {
		for (c = k->codes; c->code != NULL; c++) {
			q_text(got, sizeof got, "SELECT njbt_state(?1, ?2)",
			    k->kind, c->code, NULL);
			assert_string_equal(got, c->label);
			q_text(got, sizeof got, "SELECT njbt_state(?1, ?2, 1)",
			    k->kind, c->code, NULL);
			assert_string_equal(got, c->long_label);
		}
	}
	q_text(got, sizeof got, "SELECT njbt_state('flag_mark', 17 & 16)",
	    NULL);
	assert_string_equal(got, "比");
	q_text(got, sizeof got, "SELECT njbt_state('flow', 'buy-first', 1)",
	    NULL);
	assert_string_equal(got, "先购后补、定额补贴、县级结算、直补到卡");
	q_text(got, sizeof got, "SELECT njbt_state('batch', 'open')", NULL);
	assert_string_equal(got, "已汇总");
	q_text(got, sizeof got, "SELECT njbt_state('anomaly', 'nothing')",
	    NULL);
	assert_string_equal(got, "nothing");
	assert_int_equal(fx_int("SELECT njbt_state('review', NULL) IS NULL",
	    NULL), 1);
	assert_true(fx_snapshot() == before);
}

/* njbt_state keeps a constant kind's codes over the rows of a statement
 * (sqlite3_set_auxdata) and looks a kind that changes from row to row up
 * on each row: every row still gets its own kind's label. */
static void
sql_function_kind_over_rows(void **state)
{
	char	got[512], want[512];

	(void)state;
	q_text(got, sizeof got, "SELECT group_concat(njbt_state('batch', c), "
	    "'|') FROM (SELECT column1 AS c FROM (VALUES ('open'), "
	    "('nothing'), ('open'), (NULL), ('open')))", NULL);
	snprintf(want, sizeof want, "%s|nothing|%s|%s",
	    label_short("batch", "open"), label_short("batch", "open"),
	    label_short("batch", "open"));
	assert_string_equal(got, want);
	q_text(got, sizeof got, "SELECT group_concat(njbt_state(k, c, l), "
	    "'|') FROM (SELECT column1 AS k, column2 AS c, column3 AS l FROM "
	    "(VALUES ('batch', 'open', 0), ('flow', 'buy-first', 1), "
	    "('flag_mark', '16', 0), ('nosuch', 'open', 0), "
	    "('batch', 'open', 1)))", NULL);
	snprintf(want, sizeof want, "%s|%s|%s|open|%s",
	    label_short("batch", "open"), label_long("flow", "buy-first"),
	    label_short("flag_mark", "16"), label_long("batch", "open"));
	assert_string_equal(got, want);
	q_text(got, sizeof got, "SELECT group_concat(njbt_state('nosuch', c), "
	    "'|') FROM (SELECT column1 AS c FROM (VALUES ('open'), ('x')))",
	    NULL);
	assert_string_equal(got, "open|x");
	/* one statement run again with another kind bound: that kind's
	 * label, not the codes kept from the run before (a clerk must never
	 * read one record kind's state in another's words) */
	{
		sqlite3_stmt	*st;
		const char	*kinds[] = { "batch", "flow", "batch" };
		const char	*codes[] = { "open", "buy-first", "open" };
		size_t		 i;

		assert_int_equal(sqlite3_prepare_v2(store->db,
		    "SELECT njbt_state(?1, ?2)", -1, &st, NULL), SQLITE_OK);
		for (i = 0; i < 3; i++) {
			sqlite3_bind_text(st, 1, kinds[i], -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, codes[i], -1, SQLITE_STATIC);
			assert_int_equal(sqlite3_step(st), SQLITE_ROW);
			assert_string_equal((const char *)sqlite3_column_text(
			    st, 0), label_short(kinds[i], codes[i]));
			sqlite3_reset(st);
		}
		sqlite3_finalize(st);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(every_checked_code_has_labels),
		FX_TEST(kinds_and_codes_are_named_once),
		FX_TEST(every_anomaly_bit_has_a_mark),
		FX_TEST(sql_function_reads_both_tables),
		FX_TEST(sql_function_kind_over_rows),
	};

	return FX_RUN(tests);
}
