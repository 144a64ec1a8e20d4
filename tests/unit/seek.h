/*
 * seek.h: what the keyset paging tests (test-list-seek.c,
 * test-audit-seek.c) share: the keys of a straight query to compare the
 * pages with, a user to page as, and the walk of a list's every page
 * against those keys. Include after fixture.h and lists.h.
 */
#ifndef NJBT_TEST_SEEK_H
#define NJBT_TEST_SEEK_H

/* The keys of a straight query (its first column), in its order, with
 * ?1 bound to arg if not NULL; how many. */
static size_t
straight(int64_t **keys, const char *sql, const char *arg)
{
	sqlite3_stmt	*st;
	size_t		 n = 0, cap = 1024;

	*keys = malloc(cap * sizeof **keys);
	assert_int_equal(sqlite3_prepare_v2(store->db, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap)
			*keys = realloc(*keys, (cap *= 2) * sizeof **keys);
		(*keys)[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

static void
who_is(struct actor *who, const char *login)
{
	char err[NJ_MSG_MAX];

	assert_int_equal(actor_load(login, who, err, sizeof err), 0);
}

/*
 * Page list for who with filter forward from the top (pages of size),
 * every key against want[] in order, to the last page; then End and
 * PgUp twice against the end of want[].
 */
static void
pages_match(const struct actor *who, const char *list, const char *filter,
    const int64_t *want, size_t nwant, int size)
{
	struct list_page	 p;
	char			 msg[NJ_MSG_MAX];
	size_t			 at = 0, r, end;
	int64_t			 from = LIST_EDGE;
	int			 turn;

	do {
		assert_int_equal(list_seek(who, list, filter, "", from, 1, size,
		    &p, msg, sizeof msg), NJ_OK);
		assert_int_equal(p.less, at > 0);
		for (r = 0; r < p.nrows; r++, at++) {
			assert_true(at < nwant);
			assert_true(p.keys[r] == want[at]);
			/* the audit log's key is the row's 序号 */
			if (strcmp(list, "audit_log") == 0)
				assert_int_equal(atoll(list_cellv(&p, r, 0)),
				    p.keys[r]);
		}
		if (p.nrows > 0)
			from = p.keys[p.nrows - 1];
		turn = p.more;
		list_page_free(&p);
	} while (turn);
	assert_int_equal(at, nwant);
	/* End, then PgUp from the first row shown, twice */
	end = nwant;
	from = LIST_EDGE;
	for (turn = 0; turn < 3 && end > 0; turn++) {
		assert_int_equal(list_seek(who, list, filter, "", from, -1, 20,
		    &p, msg, sizeof msg), NJ_OK);
		assert_int_equal(p.nrows, end < 20 ? end : 20);
		for (r = 0; r < p.nrows; r++)
			assert_true(p.keys[r] == want[end - p.nrows + r]);
		assert_int_equal(p.more, turn > 0);
		assert_int_equal(p.less, end > 20);
		end -= p.nrows;
		from = p.nrows > 0 ? p.keys[0] : from;
		list_page_free(&p);
	}
}

#endif
