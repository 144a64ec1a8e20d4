/*
 * test-cmd-words.c: unit tests of cmd-words.c, the splitting of a batch
 * file's line (`njbt do --file`, issue 15 (3)) into words with the command
 * line's quoting: what sh(1) would hand `njbt do` as its arguments, with
 * nothing expanded; malformed lines are refused with a reason.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "cmd.h"

#define W_MAX	8

/* Split text; check it gives the n words of want. */
static void
split_as(const char *text, int n, const char *const *want)
{
	char		 line[256];
	char		*w[W_MAX];
	const char	*why = NULL;
	int		 i, got;

	assert_true(strlen(text) < sizeof line);
	strcpy(line, text);
	got = cmd_words(line, w, W_MAX, &why);
	if (got != n)
		fail_msg("[%s]: %d words, want %d (%s)", text, got, n,
		    why ? why : "");
	for (i = 0; i < n; i++)
		assert_string_equal(w[i], want[i]);
}

/* Split text; check it is refused with why containing want. */
static void
refused(const char *text, const char *want)
{
	char		 line[256];
	char		*w[W_MAX];
	const char	*why = NULL;

	strcpy(line, text);
	assert_int_equal(cmd_words(line, w, W_MAX, &why), -1);
	assert_non_null(why);
	assert_non_null(strstr(why, want));
}

static void
test_plain(void **state)
{
	const char *const a[] = { "sale.new", "serial=S1", "qty=2" };

	(void)state;
	split_as("sale.new serial=S1 qty=2", 3, a);
	split_as("  \tsale.new   serial=S1\tqty=2  ", 3, a);
	split_as("", 0, NULL);
	split_as("   \t ", 0, NULL);
}

static void
test_quotes(void **state)
{
	const char *const a[] = { "a.b", "note=张三 李四", "x=it's" };
	const char *const b[] = { "a.b", "note=", "v=a\"b\\c$d`e" };
	const char *const c[] = { "a.b", "v=x y", "w=\\n" };
	const char *const d[] = { "a.b", "v=say \"hi\"" };

	(void)state;
	split_as("a.b 'note=张三 李四' x=it\\'s", 3, a);
	split_as("a.b note=\"张三 李四\" \"x=it's\"", 3, a);
	split_as("a.b note='' v=\"a\\\"b\\\\c\\$d\\`e\"", 3, b);
	/* outside quotes a backslash keeps the next character; in double
	 * quotes one before another character stays */
	split_as("a.b v=x\\ y w=\"\\n\"", 3, c);
	split_as("a.b v='say \"hi\"'", 2, d);
}

static void
test_nothing_expanded(void **state)
{
	const char *const a[] = { "a.b", "v=$HOME", "w=*", "x=~", "y=a;b|c" };

	(void)state;
	split_as("a.b v=$HOME w=* x=~ y=a;b|c", 5, a);
}

static void
test_comments(void **state)
{
	const char *const a[] = { "a.b", "v=1" };
	const char *const b[] = { "a.b", "v=#1", "w=#2" };

	(void)state;
	split_as("# a comment", 0, NULL);
	split_as("   # indented", 0, NULL);
	split_as("a.b v=1 # the rest", 2, a);
	split_as("a.b v=#1 'w=#2'", 3, b);
}

static void
test_malformed(void **state)
{
	(void)state;
	refused("a.b v='x", "引号未闭合");
	refused("a.b v=\"x", "引号未闭合");
	refused("a.b v=x\\", "反斜杠");
	refused("a b c d e f g h i", "字段过多");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_nothing_expanded),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
