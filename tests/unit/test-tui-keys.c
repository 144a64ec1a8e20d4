/*
 * test-tui-keys.c: unit tests of the screens' key tables (tui-bind.c and
 * the tables beside each screen). For every table: each row has a handler
 * and keys, no key is bound by two rows, at most one row takes any key;
 * every row with a help text not hidden on purpose is on the help line
 * built from the table, the line fits the 80-column terminal (as drawn,
 * from column 1 to the second last) and, for the screens that have one,
 * is the same line byte for byte as the screens showed before the tables.
 * Keys find their rows: a character bound alone before any character, any
 * key where a row takes it, nothing where no row binds the key.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "domain.h"
#include "tui.h"

/* Whether keys a and b are the same key. */
static int
same_key(const struct tbkey *a, const struct tbkey *b)
{
	return a->k == b->k && a->ch == b->ch;
}

static void
test_rows_well_formed(void **state)
{
	const struct tkeys	*tk;
	size_t			 t, i, j;
	int			 any;

	(void)state;
	for (t = 0; (tk = tkeys_all[t]) != NULL; t++) {
		assert_non_null(tk->name);
		assert_true(tk->n > 0);
		for (i = 0, any = 0; i < tk->n; i++) {
			assert_non_null(tk->v[i].fn);
			if (tk->v[i].flags & TB_ANY)
				any++;
			else
				assert_int_not_equal(tk->v[i].keys[0].k,
				    TK_NONE);
			/* a character named alone is only with TK_CHAR */
			for (j = 0; j < TB_MAXKEYS; j++)
				if (tk->v[i].keys[j].k != TK_CHAR)
					assert_int_equal(tk->v[i].keys[j].ch,
					    0);
		}
		assert_true(any <= 1);
	}
}

/* No key is bound twice, within a row or across rows. */
static void
test_no_key_twice(void **state)
{
	const struct tkeys	*tk;
	const struct tbkey	*a, *b;
	size_t			 t, i, j, i2, j2;

	(void)state;
	for (t = 0; (tk = tkeys_all[t]) != NULL; t++)
		for (i = 0; i < tk->n; i++)
			for (j = 0; j < TB_MAXKEYS; j++) {
				a = &tk->v[i].keys[j];
				if (a->k == TK_NONE)
					break;
				for (i2 = i; i2 < tk->n; i2++)
					for (j2 = i2 == i ? j + 1 : 0;
					    j2 < TB_MAXKEYS; j2++) {
						b = &tk->v[i2].keys[j2];
						if (b->k == TK_NONE)
							break;
						if (same_key(a, b))
							fail_msg("%s: key %d/%u"
							    " bound twice",
							    tk->name, (int)a->k,
							    (unsigned)a->ch);
					}
			}
}

/* Every shown help text is on the line, and the line fits. */
static void
test_help_line_from_rows(void **state)
{
	const struct tkeys	*tk;
	char			 line[TUI_KEYLINE_MAX];
	size_t			 t, i, len;

	(void)state;
	for (t = 0; (tk = tkeys_all[t]) != NULL; t++) {
		len = tkeys_line(tk, line, sizeof line);
		assert_int_equal(len, strlen(line));
		assert_true(len + 1 < sizeof line);	/* not cut */
		assert_true(utf8_width(line) >= 0);
		assert_true(utf8_width(line) <= TUI_MIN_COLS - 2);
		for (i = 0; i < tk->n; i++) {
			if (tk->v[i].help == NULL)
				continue;
			assert_true(utf8_width(tk->v[i].help) > 0);
			if (tk->v[i].flags & TB_HIDE)
				continue;
			if (strstr(line, tk->v[i].help) == NULL)
				fail_msg("%s: \"%s\" not on \"%s\"", tk->name,
				    tk->v[i].help, line);
		}
	}
}

/* The lines the e2e tests read and wire.sh measures, unchanged. */
static void
test_help_lines_unchanged(void **state)
{
	static const struct {
		const struct tkeys	*tk;
		const char		*line;
	} want[] = {
		{ &menu_keys, "上下键选择  回车 打开  或按编号  F10 退出登录" },
		{ &list_keys, "输入文字筛选  上下键选择  回车 打开  PgUp/PgDn 翻页"
		    "  左右键 翻列  F10 返回" },
		{ &pick_keys, "输入文字筛选  上下键选择  回车 选定  PgUp/PgDn 翻页"
		    "  左右键 翻列  F10 取消" },
		/* issue 11 (4): F6 fills today's date */
		{ &form_keys, "Tab/回车 下一项  F2 保存  F4 选择  F6 今天  F1 帮助"
		    "  F10 返回" },
		{ &whoami_keys, "按任意键返回" },
		{ &ask_keys, "" },	/* the caller's prompt says it */
		{ &choose_keys, "" },
	};
	char	line[TUI_KEYLINE_MAX];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		tkeys_line(want[i].tk, line, sizeof line);
		assert_string_equal(line, want[i].line);
	}
}

/* A screen given a table shows its line; one without a line shows none. */
static void
test_use(void **state)
{
	struct screen scr;

	(void)state;
	memset(&scr, 0, sizeof scr);
	tkeys_use(&scr, &form_keys);
	assert_ptr_equal(scr.bind, &form_keys);
	assert_string_equal(scr.keys, scr.keyline);
	assert_non_null(strstr(scr.keys, "F2 保存"));
	tkeys_use(&scr, &ask_keys);
	assert_null(scr.keys);
}

static const struct tbind *
find(const struct tkeys *tk, enum tk k, uint32_t ch)
{
	struct tkey key;

	memset(&key, 0, sizeof key);
	key.k = k;
	key.ch = ch;
	return tkeys_find(tk, &key);
}

static void
test_find(void **state)
{
	const struct tbind *b;

	(void)state;
	/* the space of a choice, before any character */
	b = find(&form_keys, TK_CHAR, ' ');
	assert_non_null(b);
	assert_int_equal(b->keys[0].ch, ' ');
	assert_true(b->flags & TB_HIDE);
	b = find(&form_keys, TK_CHAR, 0x519c);	/* 农 */
	assert_non_null(b);
	assert_int_equal(b->keys[0].k, TK_CHAR);
	assert_int_equal(b->keys[0].ch, 0);
	/* F2 saves, Esc is F10's */
	assert_string_equal(find(&form_keys, TK_F2, 0)->help, "F2 保存");
	assert_ptr_equal(find(&form_keys, TK_ESC, 0), find(&form_keys, TK_F10,
	    0));
	assert_ptr_equal(find(&menu_keys, TK_ESC, 0), find(&menu_keys, TK_F10,
	    0));
	assert_ptr_equal(find(&list_keys, TK_PGUP, 0), find(&list_keys,
	    TK_PGDN, 0));
	assert_string_equal(find(&pick_keys, TK_ENTER, 0)->help, "回车 选定");
	/* Backspace, whichever byte sent it, edits */
	assert_non_null(find(&form_keys, TK_BS, 0));
	assert_non_null(find(&list_keys, TK_BS, 0));
	/* unbound: nothing happens */
	assert_null(find(&form_keys, TK_PGUP, 0));
	assert_null(find(&menu_keys, TK_F2, 0));
	assert_null(find(&choose_keys, TK_F5, 0));
	/* any key closes "who am I"; y answers the question, x is any key */
	assert_true(find(&whoami_keys, TK_F4, 0)->flags & TB_ANY);
	assert_false(find(&whoami_keys, TK_RESIZE, 0)->flags & TB_ANY);
	assert_false(find(&ask_keys, TK_CHAR, 'Y')->flags & TB_ANY);
	assert_true(find(&ask_keys, TK_CHAR, 'x')->flags & TB_ANY);
	/* issue 11 (3): F10 and Esc answer a question alike (the leave
	 * question then leaves); Enter answers it too (stay), never "any" */
	assert_ptr_equal(find(&ask_keys, TK_F10, 0), find(&ask_keys, TK_ESC, 0));
	assert_false(find(&ask_keys, TK_ENTER, 0)->flags & TB_ANY);
	/* issue 11 (4): F6 / Ctrl-T is today's date, shown on the line */
	assert_string_equal(find(&form_keys, TK_TODAY, 0)->help, "F6 今天");
	assert_null(find(&menu_keys, TK_TODAY, 0));
	/* issue 11 (2): PgDn pages the menu */
	assert_non_null(find(&menu_keys, TK_PGDN, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_well_formed),
		cmocka_unit_test(test_no_key_twice),
		cmocka_unit_test(test_help_line_from_rows),
		cmocka_unit_test(test_help_lines_unchanged),
		cmocka_unit_test(test_use),
		cmocka_unit_test(test_find),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
