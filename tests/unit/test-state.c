/*
 * test-state.c: the one state table per record kind (state.c, issue 9
 * item 4). Every state the schema allows (the CHECK constraints of a
 * freshly initialised database) has a short and a long label, and every
 * code of the table is one the schema allows; every table with a state
 * column has its kind; the short labels fit the list columns they are
 * shown in at 80x24; njbt_state returns the table's labels; every
 * connection has its guards; and on a database where the whole March
 * journey has run (applied, sold, verified, batched, paid), an UPDATE to
 * a state pair the table lacks is refused by the store while every pair
 * it lists passes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "actions.h"
#include "lists.h"
#include "settle.h"

/* The codes the schema's CHECK (col IN (...)) allows, comma-joined. */
static void
schema_codes(const struct state_kind *k, char *out, size_t len)
{
	char		 sql[128], check[64];
	const char	*p, *q;
	size_t		 n = 0;

	out[0] = '\0';
	q_text(sql, sizeof sql, "SELECT 1 FROM sqlite_master WHERE type = "
	    "'table' AND name = ?1", k->table, NULL);
	assert_string_equal(sql, "1");
	snprintf(check, sizeof check, "CHECK (%s IN", k->column);
	{
		sqlite3_stmt	*st;

		assert_int_equal(sqlite3_prepare_v2(store->db, "SELECT sql "
		    "FROM sqlite_master WHERE type = 'table' AND name = ?1",
		    -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, k->table, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		p = strstr((const char *)sqlite3_column_text(st, 0), check);
		assert_non_null(p);
		p = strchr(p + strlen(check), '(');
		assert_non_null(p);
		for (p++; *p != ')' && *p != '\0'; p++) {
			if (*p != '\'')
				continue;
			q = strchr(p + 1, '\'');
			assert_non_null(q);
			n += (size_t)snprintf(out + n, len - n, "%s%.*s",
			    n ? "," : "", (int)(q - p - 1), p + 1);
			assert_true(n < len);
			p = q;
		}
		sqlite3_finalize(st);
	}
}

static int
in_list(const char *code, const char *list)
{
	size_t n = strlen(code);

	while (*list != '\0') {
		if (strncmp(list, code, n) == 0 && (list[n] == ',' ||
		    list[n] == '\0'))
			return 1;
		list = strchr(list, ',');
		if (list == NULL)
			return 0;
		list++;
	}
	return 0;
}

/* Every state the schema allows has both labels; no code is stale. */
static void
every_schema_state_has_labels(void **state)
{
	const struct state_kind	*k;
	const struct state_code	*c;
	char			 codes[512], one[64];
	const char		*p, *e;

	(void)state;
	for (k = state_kinds; k->kind != NULL; k++) {
		schema_codes(k, codes, sizeof codes);
		assert_true(codes[0] != '\0');
		for (p = codes; *p != '\0'; p = *e ? e + 1 : e) {
			e = strchr(p, ',');
			if (e == NULL)
				e = p + strlen(p);
			snprintf(one, sizeof one, "%.*s", (int)(e - p), p);
			c = state_code(k->kind, one);
			if (c == NULL)
				fprintf(stderr, "%s: %s has no row\n", k->kind,
				    one);
			assert_non_null(c);
			assert_true(c->label != NULL && c->label[0] != '\0');
			assert_true(c->long_label != NULL &&
			    c->long_label[0] != '\0');
		}
		for (c = k->codes; c->code != NULL; c++)
			assert_true(in_list(c->code, codes));
	}
}

/* Every table of the schema with a state (or status) column has a kind. */
static void
every_stateful_table_has_a_kind(void **state)
{
	sqlite3_stmt		*st;
	const struct state_kind	*k;
	const char		*name, *sql;

	(void)state;
	assert_int_equal(sqlite3_prepare_v2(store->db, "SELECT name, sql FROM "
	    "sqlite_master WHERE type = 'table' AND sql IS NOT NULL", -1, &st,
	    NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(st, 0);
		sql = (const char *)sqlite3_column_text(st, 1);
		if (strstr(sql, "CHECK (state IN") == NULL &&
		    strstr(sql, "CHECK (status IN") == NULL)
			continue;
		for (k = state_kinds; k->kind != NULL; k++)
			if (strcmp(k->table, name) == 0)
				break;
		if (k->kind == NULL)
			fprintf(stderr, "%s has states but no kind\n", name);
		assert_non_null(k->kind);
	}
	sqlite3_finalize(st);
}

/* Moves name codes of their kind; no move stays put. */
static void
moves_name_known_codes(void **state)
{
	const struct state_kind	*k;
	const struct state_move	*m;

	(void)state;
	for (k = state_kinds; k->kind != NULL; k++) {
		assert_ptr_equal(state_kind(k->kind), k);
		for (m = k->moves; m->from != NULL; m++) {
			assert_non_null(state_code(k->kind, m->from));
			assert_non_null(state_code(k->kind, m->to));
			assert_string_not_equal(m->from, m->to);
			assert_true(state_may(k->kind, m->from, m->to));
		}
		assert_false(state_may(k->kind, k->codes[0].code,
		    k->codes[0].code));
	}
	assert_false(state_may("batch", "paid", "open"));
	assert_false(state_may("nothing", "open", "paid"));
	assert_string_equal(state_label("batch", "open"), "已汇总");
	assert_string_equal(state_long("batch", "open"), "已汇总，待公示");
	assert_string_equal(state_label("batch", "nothing"), "nothing");
}

/* The lists that show a state, and the kind each shows. */
static const struct {
	const struct list_def	*list;
	const char		*kind;
} state_lists[] = {
	{ &list_dealers,	"dealer" },
	{ &list_my_dealers,	"dealer" },
	{ &list_models,		"product" },
	{ &list_supplied,	"machine" },
	{ &list_applications,	"application" },
	{ &list_approve_queue,	"application" },
	{ &list_notices,	"notice" },
	{ &list_verify_queue,	"sale" },
	{ &list_sales,		"sale" },
	{ &list_my_sales,	"sale" },
	{ &list_batches,	"batch" },
	{ &list_finance_queue,	"batch" },
};

/* Short labels fit the 状态 column of every list that shows them. */
static void
short_labels_fit_their_columns(void **state)
{
	const struct state_kind	*k;
	const struct state_code	*c;
	const struct list_col	*col;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof state_lists / sizeof state_lists[0]; i++) {
		k = state_kind(state_lists[i].kind);
		assert_non_null(k);
		for (col = state_lists[i].list->cols; col->label != NULL; col++)
			if (strcmp(col->label, "状态") == 0)
				break;
		assert_non_null(col->label);
		for (c = k->codes; c->code != NULL; c++) {
			if (utf8_width(c->label) > col->width)
				fprintf(stderr, "%s %s: %s wider than %d\n",
				    state_lists[i].list->name, c->code,
				    c->label, col->width);
			assert_true(utf8_width(c->label) <= col->width);
		}
	}
}

/* njbt_state gives the table's labels, short and long. */
static void
sql_function_returns_the_labels(void **state)
{
	const struct state_kind	*k;
	const struct state_code	*c;
	char			 got[128];

	(void)state;
	for (k = state_kinds; k->kind != NULL; k++) {
		for (c = k->codes; c->code != NULL; c++) {
			q_text(got, sizeof got, "SELECT njbt_state(?1, ?2)",
			    k->kind, c->code, NULL);
			assert_string_equal(got, c->label);
			q_text(got, sizeof got, "SELECT njbt_state(?1, ?2, 1)",
			    k->kind, c->code, NULL);
			assert_string_equal(got, c->long_label);
		}
	}
	q_text(got, sizeof got, "SELECT njbt_state('sale', 'nothing')", NULL);
	assert_string_equal(got, "nothing");
	assert_int_equal(fx_int("SELECT njbt_state('sale', NULL) IS NULL",
	    NULL), 1);
	assert_int_equal(fx_int("SELECT njbt_state_ok('batch', 'open', "
	    "'publicized')", NULL), 1);
	assert_int_equal(fx_int("SELECT njbt_state_ok('batch', 'open', "
	    "'paid')", NULL), 0);
}

/* db_open put a guard on every table with a state. */
static void
every_connection_has_its_guards(void **state)
{
	const struct state_kind	*k;
	char			 name[64];

	(void)state;
	for (k = state_kinds; k->kind != NULL; k++) {
		snprintf(name, sizeof name, "state_%s", k->table);
		assert_int_equal(fx_int("SELECT count(*) FROM sqlite_temp_master "
		    "WHERE type = 'trigger' AND name = ?1 AND tbl_name = ?2",
		    name, k->table, NULL), 1);
	}
}

/*
 * Try one UPDATE of a row in state from to state to, and undo it: 0 when
 * the store took it, -1 when the guard refused it.
 */
static int
try_move(const struct state_kind *k, const char *from, const char *to)
{
	char		 sql[512];
	sqlite3_stmt	*st;
	int		 rc;

	assert_int_equal(sqlite3_exec(store->db, "SAVEPOINT try_move", NULL,
	    NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof sql, "UPDATE \"%s\" SET %s = ?1 WHERE rowid = "
	    "(SELECT rowid FROM \"%s\" WHERE %s = ?2 LIMIT 1)", k->table,
	    k->column, k->table, k->column);
	assert_int_equal(sqlite3_prepare_v2(store->db, sql, -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		assert_non_null(strstr(sqlite3_errmsg(store->db),
		    "状态变更不在状态表中"));
	sqlite3_finalize(st);
	sqlite3_exec(store->db, "ROLLBACK TO try_move; RELEASE try_move",
	    NULL, NULL, NULL);
	return rc == SQLITE_DONE ? 0 : -1;
}

/*
 * After a whole month's journey: for every state a record is in, every
 * move the table lists passes and every other is refused by the store.
 */
static void
store_refuses_moves_the_table_lacks(void **state)
{
	const struct state_kind	*k;
	const struct state_code	*to;
	sqlite3_stmt		*st;
	char			 sql[256], from[32];
	int			 kinds = 0, refused = 0, passed = 0;

	(void)state;
	st_settle(ST_PAID, 0);
	for (k = state_kinds; k->kind != NULL; k++) {
		snprintf(sql, sizeof sql, "SELECT DISTINCT %s FROM \"%s\"",
		    k->column, k->table);
		assert_int_equal(sqlite3_prepare_v2(store->db, sql, -1, &st,
		    NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			snprintf(from, sizeof from, "%s",
			    (const char *)sqlite3_column_text(st, 0));
			kinds++;
			for (to = k->codes; to->code != NULL; to++) {
				if (strcmp(to->code, from) == 0)
					continue;
				if (state_may(k->kind, from, to->code)) {
					assert_int_equal(try_move(k, from,
					    to->code), 0);
					passed++;
				} else {
					assert_int_equal(try_move(k, from,
					    to->code), -1);
					refused++;
				}
			}
		}
		sqlite3_finalize(st);
	}
	/* makers, dealers, products, machines, applications, notices,
	 * sales and batches each had a record */
	assert_true(kinds >= 8);
	assert_true(refused > 0 && passed > 0);
	/* an UPDATE that keeps the state is no move */
	assert_int_equal(sqlite3_exec(store->db, "SAVEPOINT keep", NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(store->db, "UPDATE batches SET state = "
	    "state", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(store->db, "RELEASE keep", NULL, NULL,
	    NULL), SQLITE_OK);
}

/* An action's refusal names the state by the table's short label. */
static void
refusals_use_the_short_label(void **state)
{
	(void)state;
	st_settle(ST_BATCHED, 0);
	fx_refused("结算批次 " BATCH " 的状态为“已汇总”，不能报送财政部门",
	    "hl_jb", "batch.submit", kv("batch", BATCH), NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(every_schema_state_has_labels),
		FX_TEST(every_stateful_table_has_a_kind),
		FX_TEST(moves_name_known_codes),
		FX_TEST(short_labels_fit_their_columns),
		FX_TEST(sql_function_returns_the_labels),
		FX_TEST(every_connection_has_its_guards),
		FX_TEST(store_refuses_moves_the_table_lacks),
		FX_TEST(refusals_use_the_short_label),
	};

	return FX_RUN(tests);
}
