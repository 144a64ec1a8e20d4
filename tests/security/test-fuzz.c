/*
 * test-fuzz.c: what the fuzz harnesses of fuzz/ found, kept as tests.
 * fuzz-import and fuzz-form cut a Chinese message in the middle of a
 * character: a long column name in an import, a long word in a form file,
 * filled the message buffer and snprintf stopped inside a character, so
 * the clerk's terminal and the server log got a broken byte. Messages are
 * now cut only between characters (util.c xsnprintf, vxsnprintf).
 * R-SEC-8.11z issue 8 (11, Tests): a message about bad input never
 * carries a broken character.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "form.h"

#define LONG_WORD_CHARS	300	/* 900 bytes: longer than any buffer here */

static void
long_word(char *buf, size_t len, const char *prefix)
{
	size_t i, used = strlen(prefix);

	memcpy(buf, prefix, used);
	for (i = 0; i < LONG_WORD_CHARS && used + 4 < len; i++) {
		memcpy(buf + used, "字", 3);
		used += 3;
	}
	buf[used] = '\0';
}

/* R-SEC-8.11z: a cut is between characters, and keeps a prefix. */
static void
xsnprintf_never_splits_a_character(void **state)
{
	const char	*text = "金额应以元为单位𠀀 ok";
	char		 buf[64];
	size_t		 len;

	(void)state;
	for (len = 1; len <= strlen(text) + 1; len++) {
		int n = xsnprintf(buf, len, "%s", text);

		assert_true(utf8_valid(buf, strlen(buf)));
		assert_true(strncmp(buf, text, strlen(buf)) == 0);
		assert_true(len - strlen(buf) <= 4);
		assert_int_equal(n, len > strlen(text) ? (int)strlen(text) : -1);
	}
}

/* R-SEC-8.11z: the attack of fuzz-form: a form file with a long word. */
static void
form_error_with_a_long_word_stays_utf8(void **state)
{
	char		 text[1200], err[2048], small[100];
	struct forms	*f;

	(void)state;
	long_word(text, sizeof text, "");
	err[0] = small[0] = '\0';	/* the caller starts them empty */
	f = forms_new();
	assert_true(forms_parse(f, "t.form", text, strlen(text), err,
	    sizeof err) > 0);
	assert_true(utf8_valid(err, strlen(err)));
	forms_free(&f);
	f = forms_new();
	assert_true(forms_parse(f, "t.form", text, strlen(text), small,
	    sizeof small) > 0);
	assert_true(utf8_valid(small, strlen(small)));
	forms_free(&f);
}

/* R-SEC-8.11z: the attack of fuzz-import: a CSV with a long column name. */
static void
import_error_with_a_long_column_stays_utf8(void **state)
{
	char		text[1200], msg[NJ_MSG_MAX];
	struct actor	who;
	int		rows;

	(void)state;
	actor_console(&who);
	long_word(text, sizeof text, "code,name,");
	strcat(text, "\n");
	assert_int_equal(import_text(&who, "regions", "t.csv", text,
	    strlen(text), 2026, &rows, msg, sizeof msg), NJ_REFUSED);
	assert_true(strstr(msg, "未知的列名") != NULL);
	assert_true(utf8_valid(msg, strlen(msg)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xsnprintf_never_splits_a_character),
		cmocka_unit_test(form_error_with_a_long_word_stays_utf8),
		cmocka_unit_test(import_error_with_a_long_column_stays_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
