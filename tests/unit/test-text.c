/*
 * test-text.c: unit tests of text.c: strict UTF-8 validation (checked
 * exhaustively over short sequences), code point counts, terminal display
 * widths at the edges of every wide and zero-width range, and the last four
 * characters of a string.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "domain.h"
#include "encode.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static void
test_valid_vectors(void **state)
{
	static const char *const good[] = {
		"", "abc", "张三", "宁夏回族自治区", "\xC2\x80", "\xDF\xBF",
		"\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF",
		"\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "€", "𠀀",
		"\x7F", "\x01",
	};
	static const char *const bad[] = {
		"\x80", "\xBF", "a\x80", "\xC0\x80", "\xC0\xAF", "\xC1\xBF",
		"\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\xAD\xBF",
		"\xED\xBF\xBF", "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF",
		"\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF7\xBF\xBF\xBF",
		"\xF8\x88\x80\x80\x80", "\xFC\x84\x80\x80\x80\x80", "\xFE",
		"\xFF", "\xC2", "\xE5\xBC", "\xF0\x90\x80", "\xE5\x41\x80",
		"\xC2\xC2\x80", "\xE5\xBC\xA0\xA0", "张\xE4",
		"\xF0\x90\x80\x41",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(good); i++)
		assert_int_equal(utf8_valid(good[i], strlen(good[i])), 1);
	for (i = 0; i < NELEM(bad); i++)
		assert_int_equal(utf8_valid(bad[i], strlen(bad[i])), 0);
}

/* n bounds the check; NUL bytes inside n are invalid */
static void
test_valid_length(void **state)
{
	(void)state;
	assert_int_equal(utf8_valid("张三", 6), 1);
	assert_int_equal(utf8_valid("张三", 3), 1);
	assert_int_equal(utf8_valid("张三", 4), 0);	/* cut in 三 */
	assert_int_equal(utf8_valid("张三", 5), 0);
	assert_int_equal(utf8_valid("张三", 0), 1);
	assert_int_equal(utf8_valid("a\0b", 3), 0);
	assert_int_equal(utf8_valid("ab", 3), 0);	/* its NUL */
	assert_int_equal(utf8_valid("\0", 1), 0);
	assert_int_equal(utf8_valid(NULL, 0), 1);
	assert_int_equal(utf8_valid(NULL, 1), 0);
	assert_int_equal(utf8_valid("\xC2\x80\xFF", 2), 1);
}

/* every code point: valid unless a surrogate (or NUL) */
static void
test_valid_all_codepoints(void **state)
{
	char		 s[8];
	uint32_t	 c;
	size_t		 n;

	(void)state;
	for (c = 0; c <= 0x10FFFF; c++) {
		n = enc(c, s);
		assert_int_equal(utf8_valid(s, n),
		    c != 0 && (c < 0xD800 || c > 0xDFFF));
	}
}

/* every 1- and 2-byte string, every 3-byte string led by E0..EF */
static void
test_valid_exhaustive(void **state)
{
	unsigned char	 b[4];
	unsigned	 x, y, z;
	int		 want, count;

	(void)state;
	for (x = 0; x < 256; x++) {
		b[0] = (unsigned char)x;
		assert_int_equal(utf8_valid((char *)b, 1), x >= 1 && x < 0x80);
	}
	for (x = 0; x < 256; x++)
		for (y = 0; y < 256; y++) {
			b[0] = (unsigned char)x;
			b[1] = (unsigned char)y;
			want = (x >= 1 && x < 0x80 && y >= 1 && y < 0x80) ||
			    (x >= 0xC2 && x <= 0xDF && y >= 0x80 && y <= 0xBF);
			assert_int_equal(utf8_valid((char *)b, 2), want);
		}
	/* three-byte sequences: count them against the known total */
	count = 0;
	for (x = 0xE0; x <= 0xEF; x++)
		for (y = 0; y < 256; y++)
			for (z = 0; z < 256; z++) {
				b[0] = (unsigned char)x;
				b[1] = (unsigned char)y;
				b[2] = (unsigned char)z;
				count += utf8_valid((char *)b, 3);
			}
	/* U+0800..U+FFFF less the 2048 surrogates */
	assert_int_equal(count, 0x10000 - 0x800 - 0x800);
}

static void
test_chars(void **state)
{
	static const struct {
		const char	*s;
		size_t		 n;
	} v[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "张三", 2 },
		{ "11010519491231002X", 18 },
		{ "宁夏回族自治区", 7 },
		{ "a张b𠀀", 4 },
		{ "e\xCC\x81", 2 },	/* e + combining acute */
		{ "€€", 2 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++)
		assert_int_equal(utf8_chars(v[i].s), v[i].n);
	assert_int_equal(utf8_chars(NULL), 0);
}

/* display width at the edges of every range */
static void
test_width_codepoints(void **state)
{
	static const struct {
		uint32_t	 c;
		int		 w;
	} v[] = {
		{ 0x20, 1 }, { 0x41, 1 }, { 0x7E, 1 }, { 0xA0, 1 },
		{ 0xE9, 1 }, { 0x20AC, 1 },
		/* combining and zero-width */
		{ 0x2FF, 1 }, { 0x300, 0 }, { 0x301, 0 }, { 0x36F, 0 },
		{ 0x370, 1 }, { 0x483, 0 }, { 0x489, 0 }, { 0x591, 0 },
		{ 0x64B, 0 }, { 0x1AB0, 0 }, { 0x1DC0, 0 }, { 0x1DFF, 0 },
		{ 0x200A, 1 }, { 0x200B, 0 }, { 0x200D, 0 }, { 0x200F, 0 },
		{ 0x2010, 1 }, { 0x20D0, 0 }, { 0x20FF, 0 }, { 0xFE00, 0 },
		{ 0xFE0F, 0 }, { 0xFE20, 0 }, { 0xFE2F, 0 }, { 0xFEFF, 0 },
		{ 0x3099, 0 }, { 0x309A, 0 }, { 0x302A, 0 }, { 0xE0100, 0 },
		/* wide */
		{ 0x10FF, 1 }, { 0x1100, 2 }, { 0x115F, 2 }, { 0x1160, 1 },
		{ 0x2E7F, 1 }, { 0x2E80, 2 }, { 0x2FDF, 2 }, { 0x2FE0, 1 },
		{ 0x2FFF, 1 }, { 0x3000, 2 }, { 0x3001, 2 }, { 0x3002, 2 },
		{ 0x303F, 2 }, { 0x3040, 2 }, { 0x3042, 2 }, { 0x30A2, 2 },
		{ 0x3131, 2 }, { 0x3400, 2 }, { 0x4DB5, 2 }, { 0x4E00, 2 },
		{ 0x5F20, 2 }, { 0x9FA5, 2 }, { 0x9FFF, 2 }, { 0xA4CF, 2 },
		{ 0xA4D0, 1 }, { 0xABFF, 1 }, { 0xAC00, 2 }, { 0xD7A3, 2 },
		{ 0xD7A4, 1 }, { 0xE000, 1 }, { 0xF8FF, 1 }, { 0xF900, 2 },
		{ 0xFAFF, 2 }, { 0xFB00, 1 }, { 0xFE30, 2 }, { 0xFE4F, 2 },
		{ 0xFE50, 1 }, { 0xFF00, 2 }, { 0xFF0C, 2 }, { 0xFF21, 2 },
		{ 0xFF60, 2 }, { 0xFF61, 1 }, { 0xFF71, 1 }, { 0xFFDF, 1 },
		{ 0xFFE0, 2 }, { 0xFFE6, 2 }, { 0xFFE7, 1 }, { 0xFFFD, 1 },
		{ 0x1F600, 1 }, { 0x1FFFF, 1 }, { 0x20000, 2 }, { 0x2A6D6, 2 },
		{ 0x3FFFD, 2 }, { 0x3FFFE, 1 }, { 0x40000, 1 },
		{ 0x10FFFF, 1 },
	};
	char	 s[8];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		enc(v[i].c, s);
		assert_int_equal(utf8_width(s), v[i].w);
	}
}

static void
test_width_strings(void **state)
{
	static const struct {
		const char	*s;
		int		 w;
	} v[] = {
		{ "", 0 },
		{ " ", 1 },
		{ "abc", 3 },
		{ "张三", 4 },
		{ "宁夏回族自治区", 14 },
		{ "张三 13800138000", 16 },
		{ "e\xCC\x81", 1 },
		{ "（一）", 6 },
		{ "ＡＢＣ", 6 },
		{ "ｱｲｳ", 3 },
		{ "¥100", 4 },
		{ "￥100", 5 },
		{ "가나다", 6 },
		{ "𠀀𠀁", 4 },
		{ "a\xE2\x80\x8B" "b", 2 },	/* zero width space */
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++)
		assert_int_equal(utf8_width(v[i].s), v[i].w);
}

/* control characters and invalid UTF-8 give -1 */
static void
test_width_refused(void **state)
{
	static const char *const v[] = {
		"\t", "\n", "\r", "a\tb", "\x01", "\x1B[0m", "\x1F", "\x7F",
		"张\x7F", "\xC2\x80", "\xC2\x85", "\xC2\x9F", "\xFF",
		"\xC0\x80",
		"\xED\xA0\x80", "张\xE4", "\xE5\xBC", "a\x80",
	};
	char	 s[8];
	uint32_t c;
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++)
		assert_int_equal(utf8_width(v[i]), -1);
	assert_int_equal(utf8_width(NULL), -1);
	for (c = 1; c < 0xA0; c++) {
		enc(c, s);
		assert_int_equal(utf8_width(s),
		    c < 0x20 || (c >= 0x7F && c <= 0x9F) ? -1 : 1);
	}
}

static void
test_last4(void **state)
{
	static const struct {
		const char	*s;
		const char	*last;
	} v[] = {
		{ "11010519491231002X", "002X" },
		{ "张三", "张三" },
		{ "", "" },
		{ "a", "a" },
		{ "abcd", "abcd" },
		{ "abcde", "bcde" },
		{ "宁夏回族自治区", "族自治区" },
		{ "a𠀀b张c", "𠀀b张c" },
		{ "6222020200112233445", "3445" },
		{ "欧阳娜娜", "欧阳娜娜" },
	};
	char	 buf[32];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		strcpy(buf, "junk");
		text_last4(v[i].s, buf, sizeof(buf));
		assert_string_equal(buf, v[i].last);
	}
}

/* a small buffer keeps whole code points only */
static void
test_last4_buffer(void **state)
{
	char	 buf[32];

	(void)state;
	memset(buf, 'Z', sizeof(buf));
	text_last4("宁夏回族自治区", buf, 13);
	assert_string_equal(buf, "族自治区");
	text_last4("宁夏回族自治区", buf, 12);
	assert_string_equal(buf, "族自治");
	text_last4("宁夏回族自治区", buf, 5);
	assert_string_equal(buf, "族");
	text_last4("宁夏回族自治区", buf, 3);
	assert_string_equal(buf, "");
	memset(buf, 'Z', sizeof(buf));
	text_last4("11010519491231002X", buf, 3);
	assert_string_equal(buf, "00");
	assert_int_equal(buf[3], 'Z');
	text_last4("11010519491231002X", buf, 1);
	assert_string_equal(buf, "");
	memset(buf, 'Z', sizeof(buf));
	text_last4("11010519491231002X", buf, 0);
	assert_int_equal(buf[0], 'Z');
	text_last4(NULL, buf, sizeof(buf));
	assert_string_equal(buf, "");
	text_last4("abc", NULL, 10);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_vectors),
		cmocka_unit_test(test_valid_length),
		cmocka_unit_test(test_valid_all_codepoints),
		cmocka_unit_test(test_valid_exhaustive),
		cmocka_unit_test(test_chars),
		cmocka_unit_test(test_width_codepoints),
		cmocka_unit_test(test_width_strings),
		cmocka_unit_test(test_width_refused),
		cmocka_unit_test(test_last4),
		cmocka_unit_test(test_last4_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
