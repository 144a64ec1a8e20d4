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

/* A line and the words it splits into. */
static const struct {
	const char	*line;
	int		 n;
	const char	*want[W_MAX];
} splits[] = {
	/* blanks separate */
	{ "sale.new serial=S1 qty=2", 3, { "sale.new", "serial=S1", "qty=2" } },
	{ "  \tsale.new   serial=S1\tqty=2  ", 3,
	    { "sale.new", "serial=S1", "qty=2" } },
	{ "", 0, { NULL } },
	{ "   \t ", 0, { NULL } },
	/* quotes */
	{ "a.b 'note=张三 李四' x=it\\'s", 3,
	    { "a.b", "note=张三 李四", "x=it's" } },
	{ "a.b note=\"张三 李四\" \"x=it's\"", 3,
	    { "a.b", "note=张三 李四", "x=it's" } },
	{ "a.b note='' v=\"a\\\"b\\\\c\\$d\\`e\"", 3,
	    { "a.b", "note=", "v=a\"b\\c$d`e" } },
	/* outside quotes a backslash keeps the next character; in double
	 * quotes one before another character stays */
	{ "a.b v=x\\ y w=\"\\n\"", 3, { "a.b", "v=x y", "w=\\n" } },
	{ "a.b v='say \"hi\"'", 2, { "a.b", "v=say \"hi\"" } },
	/* nothing expanded */
	{ "a.b v=$HOME w=* x=~ y=a;b|c", 5,
	    { "a.b", "v=$HOME", "w=*", "x=~", "y=a;b|c" } },
	/* comments: # at the start of a word only */
	{ "# a comment", 0, { NULL } },
	{ "   # indented", 0, { NULL } },
	{ "a.b v=1 # the rest", 2, { "a.b", "v=1" } },
	{ "a.b v=#1 'w=#2'", 3, { "a.b", "v=#1", "w=#2" } },
	/* as many words as allowed */
	{ "a b c d e f g h", 8, { "a", "b", "c", "d", "e", "f", "g", "h" } },
};

/* A malformed line and what its refusal says. */
static const struct {
	const char	*line;
	const char	*why;
} refusals[] = {
	{ "a.b v='x", "引号未闭合" },
	{ "a.b v=\"x", "引号未闭合" },
	{ "a.b v=x\\", "反斜杠" },
	{ "a b c d e f g h i", "字段过多" },
};

static void
test_splits(void **state)
{
	char		 line[256];
	char		*w[W_MAX];
	const char	*why;
	size_t		 t;
	int		 i, got;

	(void)state;
	for (t = 0; t < sizeof splits / sizeof splits[0]; t++) {
		strcpy(line, splits[t].line);
		why = NULL;
		got = cmd_words(line, w, W_MAX, &why);
		if (got != splits[t].n)
			fail_msg("[%s]: %d words, want %d (%s)", splits[t].line,
			    got, splits[t].n, why ? why : "");
		for (i = 0; i < got; i++)
			assert_string_equal(w[i], splits[t].want[i]);
	}
}

static void
test_refusals(void **state)
{
	char		 line[256];
	char		*w[W_MAX];
	const char	*why;
	size_t		 t;

	(void)state;
	for (t = 0; t < sizeof refusals / sizeof refusals[0]; t++) {
		strcpy(line, refusals[t].line);
		why = NULL;
		assert_int_equal(cmd_words(line, w, W_MAX, &why), -1);
		assert_non_null(why);
		assert_non_null(strstr(why, refusals[t].why));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_splits),
		cmocka_unit_test(test_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
