/*
 * test-list-cols.c: every column of every list is readable at 80x24
 * (issue 11 item 2). Walks every list of list.c: each state column
 * (LC_STATE) names a kind of state.c or label.c and is as wide as the
 * widest short label of that kind, so that adding a longer label breaks
 * this test, not a clerk's screen; a role column fits every role's
 * label; every head fits its column. Then the screens' choice of columns
 * (tui-cols.c): at 80 columns, at every sideways position, the columns
 * shown fit the line, the key and the state columns are always among
 * them, and Left/Right reach every column; at 200 columns everything is
 * shown with nothing to scroll. Cut cells keep their head, end in the
 * mark and never split a wide character.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "lists.h"
#include "label.h"
#include "tui.h"

/* The widest short label of kind (state.c first, then label.c). */
static int
widest_label(const char *kind)
{
	const struct state_kind	*sk = state_kind(kind);
	const struct label_kind	*lk = label_kind(kind);
	const struct state_code	*c;
	int			 w = -1;

	if (sk != NULL)
		c = sk->codes;
	else if (lk != NULL)
		c = lk->codes;
	else
		return -1;
	for (; c->code != NULL; c++)
		if (utf8_width(c->label) > w)
			w = utf8_width(c->label);
	return w;
}

/* Every state column is as wide as its kind's widest short label. */
static void
state_columns_fit_their_labels(void **state)
{
	const struct list_def	*def;
	const char		*kind;
	size_t			 i, c;
	int			 w, states = 0;

	(void)state;
	for (i = 0; (def = list_at(i)) != NULL; i++)
		for (c = 0; c < list_ncols(def); c++) {
			if ((kind = list_col_kind(def, c, NULL)) == NULL)
				continue;
			states++;
			w = widest_label(kind);
			if (w < 0)
				fail_msg("%s/%s: no kind %s", list_name(def),
				    list_col_label(def, c), kind);
			if (w > list_col_width(def, c))
				fail_msg("%s/%s: a label of %s is %d wide, the "
				    "column %d", list_name(def),
				    list_col_label(def, c), kind, w,
				    list_col_width(def, c));
		}
	/* the lists that show a state say so (test-state.c's list, and more) */
	assert_true(states >= 20);
	assert_non_null(list_col_kind(list_find("applications"), 6, NULL));
	assert_string_equal(list_col_kind(list_find("approve_queue"), 6, NULL),
	    "application");
	/* what waits comes before the batch (issue 11 (5)) */
	assert_string_equal(list_col_kind(list_find("review_queue"), 5, NULL),
	    "review_why");
}

/* A role column fits every role's label; every head fits its column. */
static void
roles_and_heads_fit(void **state)
{
	const struct list_def	*def;
	size_t			 i, c;
	int			 r;

	(void)state;
	for (i = 0; (def = list_at(i)) != NULL; i++)
		for (c = 0; c < list_ncols(def); c++) {
			if (utf8_width(list_col_label(def, c)) >
			    list_col_width(def, c))
				fail_msg("%s: head %s wider than %d",
				    list_name(def), list_col_label(def, c),
				    list_col_width(def, c));
			if (!(def->cols[c].flags & LC_ROLE))
				continue;
			for (r = 0; r < ROLE__COUNT; r++)
				assert_true(utf8_width(role_label(r)) <=
				    list_col_width(def, c));
		}
}

/* At 80 columns: each position fits, keeps key and state, reaches all. */
static void
columns_fit_80_and_scroll(void **state)
{
	const struct list_def	*def;
	struct tcols		 tc;
	size_t			 i, c, k, n;
	int			 first, used, seen[TCOLS_MAX], kept;

	(void)state;
	for (i = 0; (def = list_at(i)) != NULL; i++) {
		n = list_ncols(def);
		assert_true(n <= TCOLS_MAX);
		memset(seen, 0, sizeof seen);
		for (first = 0; first < 64; first++) {
			tcols_fit(def, TUI_MIN_COLS - 3, first, &tc);
			assert_true(tc.n > 0);
			assert_int_equal(tc.left, first);
			for (k = 0, used = -1; k < tc.n; k++) {
				used += tc.width[k] + 1;
				seen[tc.col[k]] = 1;
				if (k > 0)
					assert_true(tc.col[k] > tc.col[k - 1]);
			}
			if (used > TUI_MIN_COLS - 3)
				fail_msg("%s at %d: %d columns wide",
				    list_name(def), first, used);
			for (c = 0; c < n; c++) {
				if (!list_col_kept(def, c))
					continue;
				for (k = 0, kept = 0; k < tc.n; k++)
					kept |= tc.col[k] == c;
				if (!kept)
					fail_msg("%s: kept column %s not shown",
					    list_name(def),
					    list_col_label(def, c));
			}
			if (tc.right == 0)
				break;
		}
		for (c = 0; c < n; c++)
			if (!seen[c])
				fail_msg("%s: column %s never shown",
				    list_name(def), list_col_label(def, c));
		/* wide enough: all of it, whole, nothing to scroll */
		tcols_fit(def, 200, 0, &tc);
		assert_int_equal(tc.n, n);
		assert_int_equal(tc.right, 0);
		for (k = 0; k < tc.n; k++)
			assert_int_equal(tc.width[k],
			    list_col_width(def, tc.col[k]));
	}
}

/* The lists the issue names: their state in view at 80 columns. */
static void
state_in_view_at_80(void **state)
{
	struct tcols	tc;
	size_t		k;
	int		found = 0;

	(void)state;
	tcols_fit(list_find("approve_queue"), TUI_MIN_COLS - 3, 0, &tc);
	for (k = 0; k < tc.n; k++)
		found |= strcmp(list_col_label(list_find("approve_queue"),
		    tc.col[k]), "状态") == 0;
	assert_true(found);
	/* and nothing hidden there: the application list fits whole */
	assert_int_equal(tc.right, 0);
}

/* Cut cells: the head, the mark, never half a wide character. */
static void
clip_keeps_head_and_marks(void **state)
{
	char	out[128];
	int	w;

	(void)state;
	/* fits: as it is */
	assert_int_equal(tcols_clip("宁夏", 4, out, sizeof out), 4);
	assert_string_equal(out, "宁夏");
	assert_int_equal(tcols_clip("abc", 8, out, sizeof out), 3);
	assert_string_equal(out, "abc");
	/* cut: head and mark, within the width */
	w = tcols_clip("宁夏新农机械有限公司", 16, out, sizeof out);
	assert_string_equal(out, "宁夏新农机械有..");
	assert_int_equal(w, 16);
	/* an odd width: no half character, one column left over */
	w = tcols_clip("宁夏新农机械有限公司", 15, out, sizeof out);
	assert_string_equal(out, "宁夏新农机械..");
	assert_int_equal(w, 14);
	assert_int_equal(utf8_width(out), w);
	/* mixed */
	w = tcols_clip("旋耕机/1GQN-200", 12, out, sizeof out);
	assert_string_equal(out, "旋耕机/1GQ..");
	assert_int_equal(w, 12);
	/* no room for the mark: only the head */
	w = tcols_clip("宁夏", 2, out, sizeof out);
	assert_string_equal(out, "宁");
	assert_int_equal(w, 2);
	w = tcols_clip("宁夏", 1, out, sizeof out);
	assert_string_equal(out, "");
	assert_int_equal(w, 0);
	/* every width of a long CJK text: never wider, always valid */
	for (w = 0; w < 30; w++) {
		tcols_clip("农机购置补贴信息管理系统农机购置补贴", w, out,
		    sizeof out);
		assert_true(utf8_valid(out, strlen(out)));
		assert_true(utf8_width(out) <= w);
		assert_true(utf8_width(out) >= w - 3 || w < 3);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(state_columns_fit_their_labels),
		cmocka_unit_test(roles_and_heads_fit),
		cmocka_unit_test(columns_fit_80_and_scroll),
		cmocka_unit_test(state_in_view_at_80),
		cmocka_unit_test(clip_keeps_head_and_marks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
