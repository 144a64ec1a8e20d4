/*
 * test-tui-edit.c: unit tests of tui-edit.c. The line editor: widths of
 * CJK and mixed text, editing in the middle, wide characters and combining
 * marks moved and removed whole, the maxchars limit, refused input, and the
 * view of a field, checked exhaustively (many strings, every cursor
 * position, reached from either side, field widths 1..20, plus random edit
 * sequences) against an independent reckoning: exactly cols columns, the
 * cursor visible, no wide character cut, the same view when asked twice,
 * and scrolling by half a field rather than a column per key. The diff of
 * two views. The UTF-8 input decoder: every code point, every 2- and 3-byte
 * string against utf8_decode(), 4-byte strings, GBK input reported without
 * losing the byte that follows, pending and reset.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "encode.h"
#include "tui-edit.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Decode the UTF-8 string s into v (room for max); the count. */
static int
decode_all(const char *s, uint32_t *v, int max)
{
	size_t	 n = strlen(s), k;
	int	 len = 0;

	while (n > 0) {
		k = utf8_decode(s, n, &v[len]);
		assert_true(k > 0);
		assert_true(len < max);
		len++;
		s += k;
		n -= k;
	}
	return len;
}

/* Assert that the editor holds text s. */
static void
assert_text(const struct ledit *e, const char *s)
{
	char	*t;

	t = ledit_text(e);
	assert_non_null(t);
	assert_string_equal(t, s);
	free(t);
}

/* Insert every code point of the UTF-8 string s; all must be taken. */
static void
type(struct ledit *e, const char *s)
{
	uint32_t	 v[256];
	int		 i, n;

	n = decode_all(s, v, NELEM(v));
	for (i = 0; i < n; i++)
		assert_int_equal(ledit_insert(e, v[i]), 0);
}

static void
test_new_free(void **state)
{
	struct ledit	*e;

	(void)state;
	assert_null(ledit_new(0));
	assert_null(ledit_new(-1));
	e = ledit_new(10);
	assert_non_null(e);
	assert_int_equal(ledit_len(e), 0);
	assert_int_equal(ledit_width(e), 0);
	assert_int_equal(ledit_cursor(e), 0);
	assert_text(e, "");
	ledit_free(&e);
	assert_null(e);
	ledit_free(&e);
	ledit_free(NULL);
}

/* widths of CJK, fullwidth, mixed text and combining marks */
static void
test_set_widths(void **state)
{
	static const struct {
		const char	*s;
		int		 len, width;
	} v[] = {
		{ "", 0, 0 },
		{ "abc", 3, 3 },
		{ "张三", 2, 4 },
		{ "宁夏回族自治区", 7, 14 },
		{ "abc张三", 5, 7 },
		{ "a张b三c", 5, 7 },
		{ "ＡＢ１", 3, 6 },		/* fullwidth */
		{ "한국", 2, 4 },
		{ "𠀀a", 2, 3 },		/* plane 2 */
		{ "e\xCC\x81", 2, 1 },		/* e + U+0301 */
		{ "张\xCC\x81三", 3, 4 },
		{ "No.1 张三 (经销商)", 13, 18 },
		{ "\xC2\xA0x", 2, 2 },		/* no-break space */
	};
	struct ledit	*e;
	size_t		 i;

	(void)state;
	e = ledit_new(64);
	for (i = 0; i < NELEM(v); i++) {
		assert_int_equal(ledit_set(e, v[i].s), 0);
		assert_int_equal(ledit_len(e), v[i].len);
		assert_int_equal(ledit_width(e), v[i].width);
		assert_int_equal(ledit_width(e), utf8_width(v[i].s));
		assert_int_equal(ledit_cursor(e), v[i].len);
		assert_text(e, v[i].s);
	}
	assert_int_equal(ledit_set(e, NULL), 0);
	assert_int_equal(ledit_len(e), 0);
	ledit_free(&e);
}

/* malformed UTF-8, controls, a mark with no base, too long: text kept */
static void
test_set_refused(void **state)
{
	static const char *const bad[] = {
		"\x80", "a\xBF", "\xC0\x80", "\xE0\x80\x80", "\xED\xA0\x80",
		"\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "张\xE4",
		"\xD5\xC5\xC8\xFD",		/* 张三 in GBK */
		"a\tb", "a\nb", "\r", "\x1B[A", "x\x7F", "\xC2\x85",
		"\xC2\x9F", "\xCC\x81\x65", "\xE2\x80\x8B\x61",
		"12345678901",			/* 11 > maxchars */
		"张三李四王五赵六钱七孙",
	};
	struct ledit	*e;
	size_t		 i;

	(void)state;
	e = ledit_new(10);
	assert_int_equal(ledit_set(e, "原值张三"), 0);
	assert_int_equal(ledit_left(e), 1);
	for (i = 0; i < NELEM(bad); i++) {
		assert_int_equal(ledit_set(e, bad[i]), -1);
		assert_text(e, "原值张三");
		assert_int_equal(ledit_cursor(e), 3);
	}
	assert_int_equal(ledit_set(e, "1234567890"), 0);	/* exactly 10 */
	assert_int_equal(ledit_set(e, "张三李四王五赵六钱七"), 0);
	assert_int_equal(ledit_width(e), 20);
	ledit_free(&e);
}

/* insertion at the start, in the middle and at the end */
static void
test_insert_middle(void **state)
{
	struct ledit	*e;

	(void)state;
	e = ledit_new(20);
	assert_int_equal(ledit_set(e, "张三"), 0);
	assert_int_equal(ledit_home(e), 1);
	assert_int_equal(ledit_right(e), 1);
	assert_int_equal(ledit_cursor(e), 1);
	assert_int_equal(ledit_insert(e, 0x5C0F), 0);		/* 小 */
	assert_text(e, "张小三");
	assert_int_equal(ledit_cursor(e), 2);
	assert_int_equal(ledit_insert(e, 'a'), 0);
	assert_text(e, "张小a三");
	assert_int_equal(ledit_width(e), 7);
	assert_int_equal(ledit_home(e), 1);
	assert_int_equal(ledit_insert(e, 0x20000), 0);
	assert_text(e, "𠀀张小a三");
	assert_int_equal(ledit_end(e), 1);
	assert_int_equal(ledit_insert(e, 0x3002), 0);		/* 。 */
	assert_text(e, "𠀀张小a三。");
	assert_int_equal(ledit_cursor(e), 6);
	assert_int_equal(ledit_width(e), 11);
	ledit_free(&e);
}

/* controls, surrogates, out of range and orphan marks are refused */
static void
test_insert_refused(void **state)
{
	static const uint32_t bad[] = {
		0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x110000, 0xFFFFFFFF,
	};
	struct ledit	*e;
	uint32_t	 c;
	size_t		 i;

	(void)state;
	e = ledit_new(10);
	assert_int_equal(ledit_set(e, "ab"), 0);
	for (c = 0; c < 0x20; c++)
		assert_int_equal(ledit_insert(e, c), -1);
	for (c = 0x7F; c <= 0x9F; c++)
		assert_int_equal(ledit_insert(e, c), -1);
	for (i = 0; i < NELEM(bad); i++)
		assert_int_equal(ledit_insert(e, bad[i]), -1);
	assert_text(e, "ab");
	/* a mark needs a character before it */
	assert_int_equal(ledit_home(e), 1);
	assert_int_equal(ledit_insert(e, 0x301), -1);
	assert_int_equal(ledit_insert(e, 0x200B), -1);
	assert_text(e, "ab");
	assert_int_equal(ledit_kill_line(e), 1);
	assert_int_equal(ledit_insert(e, 0x301), -1);
	assert_int_equal(ledit_len(e), 0);
	ledit_free(&e);
}

/* backspace and delete of wide characters, with the edges */
static void
test_backspace_delete_wide(void **state)
{
	struct ledit	*e;

	(void)state;
	e = ledit_new(20);
	assert_int_equal(ledit_set(e, "a张b三"), 0);
	assert_int_equal(ledit_delete(e), 0);		/* at the end */
	assert_int_equal(ledit_backspace(e), 1);
	assert_text(e, "a张b");
	assert_int_equal(ledit_width(e), 4);
	assert_int_equal(ledit_left(e), 1);
	assert_int_equal(ledit_backspace(e), 1);
	assert_text(e, "ab");
	assert_int_equal(ledit_cursor(e), 1);
	assert_int_equal(ledit_width(e), 2);
	assert_int_equal(ledit_set(e, "张三李"), 0);
	assert_int_equal(ledit_home(e), 1);
	assert_int_equal(ledit_backspace(e), 0);	/* at the start */
	assert_int_equal(ledit_delete(e), 1);
	assert_text(e, "三李");
	assert_int_equal(ledit_cursor(e), 0);
	assert_int_equal(ledit_right(e), 1);
	assert_int_equal(ledit_delete(e), 1);
	assert_text(e, "三");
	assert_int_equal(ledit_delete(e), 0);
	assert_int_equal(ledit_backspace(e), 1);
	assert_int_equal(ledit_backspace(e), 0);
	assert_text(e, "");
	ledit_free(&e);
}

/* a combining mark moves and goes with its base */
static void
test_combining(void **state)
{
	struct ledit	*e;

	(void)state;
	e = ledit_new(20);
	assert_int_equal(ledit_set(e, "e\xCC\x81x"), 0);	/* éx */
	assert_int_equal(ledit_cursor(e), 3);
	assert_int_equal(ledit_left(e), 1);
	assert_int_equal(ledit_cursor(e), 2);
	assert_int_equal(ledit_left(e), 1);
	assert_int_equal(ledit_cursor(e), 0);		/* over e and U+0301 */
	assert_int_equal(ledit_right(e), 1);
	assert_int_equal(ledit_cursor(e), 2);
	assert_int_equal(ledit_backspace(e), 1);	/* both go */
	assert_text(e, "x");
	assert_int_equal(ledit_cursor(e), 0);

	assert_int_equal(ledit_set(e, "e\xCC\x81"), 0);
	assert_int_equal(ledit_backspace(e), 1);
	assert_text(e, "");

	/* stacked marks, delete from the front */
	assert_int_equal(ledit_set(e, "a\xCC\x81\xCC\x82" "b"), 0);
	assert_int_equal(ledit_home(e), 1);
	assert_int_equal(ledit_delete(e), 1);
	assert_text(e, "b");

	/* a mark typed after a base, wide or narrow, joins it */
	assert_int_equal(ledit_set(e, "张b"), 0);
	assert_int_equal(ledit_left(e), 1);
	assert_int_equal(ledit_insert(e, 0x301), 0);
	assert_text(e, "张\xCC\x81" "b");
	assert_int_equal(ledit_cursor(e), 2);
	assert_int_equal(ledit_width(e), 3);
	assert_int_equal(ledit_insert(e, 0x302), 0);
	assert_int_equal(ledit_left(e), 1);
	assert_int_equal(ledit_cursor(e), 0);
	assert_int_equal(ledit_kill_end(e), 1);
	assert_text(e, "");
	ledit_free(&e);
}

/* the moves and kills say whether anything changed */
static void
test_moves_changed(void **state)
{
	struct ledit	*e;

	(void)state;
	e = ledit_new(20);
	assert_int_equal(ledit_left(e), 0);
	assert_int_equal(ledit_right(e), 0);
	assert_int_equal(ledit_home(e), 0);
	assert_int_equal(ledit_end(e), 0);
	assert_int_equal(ledit_backspace(e), 0);
	assert_int_equal(ledit_delete(e), 0);
	assert_int_equal(ledit_kill_line(e), 0);
	assert_int_equal(ledit_kill_end(e), 0);
	assert_int_equal(ledit_set(e, "张三abc"), 0);
	assert_int_equal(ledit_end(e), 0);
	assert_int_equal(ledit_right(e), 0);
	assert_int_equal(ledit_kill_end(e), 0);
	assert_int_equal(ledit_home(e), 1);
	assert_int_equal(ledit_home(e), 0);
	assert_int_equal(ledit_left(e), 0);
	assert_int_equal(ledit_right(e), 1);
	assert_int_equal(ledit_right(e), 1);
	assert_int_equal(ledit_kill_end(e), 1);
	assert_text(e, "张三");
	assert_int_equal(ledit_cursor(e), 2);
	assert_int_equal(ledit_kill_end(e), 0);
	assert_int_equal(ledit_home(e), 1);
	assert_int_equal(ledit_kill_line(e), 1);
	assert_text(e, "");
	assert_int_equal(ledit_cursor(e), 0);
	assert_int_equal(ledit_kill_line(e), 0);
	ledit_free(&e);
}

/* maxchars counts code points, marks included */
static void
test_maxchars(void **state)
{
	struct ledit	*e;

	(void)state;
	e = ledit_new(3);
	assert_int_equal(ledit_insert(e, 0x5F20), 0);
	assert_int_equal(ledit_insert(e, 'a'), 0);
	assert_int_equal(ledit_insert(e, 0x301), 0);
	assert_int_equal(ledit_insert(e, 'b'), -1);
	assert_int_equal(ledit_insert(e, 0x4E09), -1);
	assert_int_equal(ledit_insert(e, 0x302), -1);
	assert_int_equal(ledit_len(e), 3);
	assert_text(e, "张a\xCC\x81");
	assert_int_equal(ledit_home(e), 1);
	assert_int_equal(ledit_insert(e, 'x'), -1);
	assert_int_equal(ledit_cursor(e), 0);
	assert_int_equal(ledit_delete(e), 1);
	assert_int_equal(ledit_insert(e, 'x'), 0);
	assert_text(e, "xa\xCC\x81");
	assert_int_equal(ledit_set(e, "abcd"), -1);
	assert_int_equal(ledit_set(e, "张三李"), 0);
	ledit_free(&e);

	e = ledit_new(1);
	assert_int_equal(ledit_insert(e, 'a'), 0);
	assert_int_equal(ledit_insert(e, 'b'), -1);
	assert_text(e, "a");
	ledit_free(&e);
}

/* text through set, insert and text again, every plane */
static void
test_text_roundtrip(void **state)
{
	static const char *const v[] = {
		"", "a", "张三", "𠀀𪚥", "Ωé€", "e\xCC\x81\xCC\x82",
		"内蒙古自治区呼和浩特市", "ｶﾀｶﾅ", "\xEF\xBF\xBD",
	};
	struct ledit	*e, *f;
	char		*t;
	size_t		 i;
	int		 n;

	(void)state;
	e = ledit_new(32);
	f = ledit_new(32);
	for (i = 0; i < NELEM(v); i++) {
		assert_int_equal(ledit_set(e, v[i]), 0);
		assert_text(e, v[i]);
		n = ledit_len(f) > 0;
		assert_int_equal(ledit_kill_line(f), n);
		type(f, v[i]);
		t = ledit_text(f);
		assert_string_equal(t, v[i]);
		free(t);
	}
	ledit_free(&e);
	ledit_free(&f);
}

/*
 * Check one view of e in a field cols wide against a reckoning of our own
 * from the text and the cursor, then ask again: the same view must come.
 * The first visible code point.
 */
static int
check_view(struct ledit *e, int maxchars, int cols)
{
	uint32_t	 text[512];
	uint32_t	*out, *again;
	char		*s;
	int		 len, cur, off, n, n2, cc, cc2, off2;
	int		 i, j, k, w, pos, total, curw;

	s = ledit_text(e);
	len = decode_all(s, text, NELEM(text));
	free(s);
	cur = ledit_cursor(e);
	assert_int_equal(len, ledit_len(e));
	assert_true(len <= maxchars);
	assert_true(len == 0 || cp_width(text[0]) > 0);
	assert_true(cur == len || cp_width(text[cur]) > 0);

	out = malloc(LEDIT_VIEWMAX(cols, maxchars) * sizeof(*out));
	again = malloc(LEDIT_VIEWMAX(cols, maxchars) * sizeof(*again));
	assert_non_null(out);
	assert_non_null(again);
	n = cc = -1;
	off = ledit_view(e, cols, out, &n, &cc);
	assert_true(off >= 0 && off <= cur);
	assert_true(off == len || cp_width(text[off]) > 0);
	assert_true(n >= (cols + 1) / 2 && n <= LEDIT_VIEWMAX(cols, maxchars));

	/* exactly cols columns, the cursor inside */
	for (total = 0, i = 0; i < n; i++) {
		assert_true(cp_width(out[i]) >= 0);
		total += cp_width(out[i]);
	}
	assert_int_equal(total, cols);
	assert_true(cc >= 0 && cc < cols);
	for (w = 0, i = off; i < cur; i++)
		w += cp_width(text[i]);
	assert_int_equal(cc, w);

	/* whole characters from off while they fit, then only spaces */
	pos = 0;
	k = 0;
	for (i = off; i < len; i = j) {
		for (j = i + 1; j < len && cp_width(text[j]) == 0; j++)
			;
		for (w = 0, k = i; k < j; k++)
			w += cp_width(text[k]);
		if (pos + w > cols)
			break;
		pos += w;
	}
	for (i = off, k = 0; i < len && k < n; i++, k++) {
		if (out[k] != text[i])
			break;
	}
	/* k code points of text shown, the rest spaces */
	for (w = 0, i = off; i < off + k; i++)
		w += cp_width(text[i]);
	assert_int_equal(w, pos);
	for (i = k; i < n; i++)
		assert_int_equal(out[i], ' ');
	assert_int_equal(n - k, cols - pos);

	/* the character under the cursor shows whole if it can */
	curw = 1;
	if (cur < len) {
		for (curw = 0, j = cur; j < len; j++) {
			if (j > cur && cp_width(text[j]) > 0)
				break;
			curw += cp_width(text[j]);
		}
	}
	if (curw <= cols)
		assert_true(cc + curw <= cols);

	/* hidden text to the left: the character before the cursor shows */
	if (off > 0 && cc == 0) {
		assert_int_equal(off, cur);
		for (j = cur - 1; j > 0 && cp_width(text[j]) == 0; j--)
			;
		for (w = 0, i = j; i < cur; i++)
			w += cp_width(text[i]);
		assert_true(w + curw > cols);
	}

	/* a text that fits is shown from its start */
	if (ledit_width(e) < cols)
		assert_int_equal(off, 0);

	/* stable */
	off2 = ledit_view(e, cols, again, &n2, &cc2);
	assert_int_equal(off2, off);
	assert_int_equal(n2, n);
	assert_int_equal(cc2, cc);
	assert_memory_equal(out, again, (size_t)n * sizeof(*out));
	assert_int_equal(ledit_diff(out, n, again, n2, &i, &j), 0);
	free(out);
	free(again);
	return off;
}

static const char *const view_strings[] = {
	"", "a", "张", "张三", "abc", "a张b三c", "宁夏回族自治区农业农村厅",
	"e\xCC\x81", "张\xCC\x81三", "ab张cd三ef李gh四", "𠀀𠀁a", "ＡＢＣａｂ",
	"x\xCC\x81\xCC\x82y张\xCC\x83", "1234567890123456789012345",
	"a\xCC\x80\xCC\x81\xCC\x82\xCC\x83\x62\xCC\x84",
	"张a张a张a张a张a张a张a张a张a张a",
	"aa张张aaa张张张aaaa张张张张",
	"江苏省常州市武进区湖塘镇 No.88 农机合作社 (东区)",
};

/* every string, every cursor position from either side, widths 1..20 */
static void
test_view_exhaustive(void **state)
{
	struct ledit	*e;
	size_t		 i;
	int		 cols, max, p, q, n;

	(void)state;
	for (i = 0; i < NELEM(view_strings); i++) {
		max = (int)utf8_chars(view_strings[i]) + 1;
		e = ledit_new(max);
		assert_non_null(e);
		for (cols = 1; cols <= 20; cols++) {
			/* sweep right from the start */
			assert_int_equal(ledit_set(e, view_strings[i]), 0);
			ledit_home(e);
			check_view(e, max, cols);
			while (ledit_right(e))
				check_view(e, max, cols);
			/* sweep left from the end */
			ledit_end(e);
			check_view(e, max, cols);
			while (ledit_left(e))
				check_view(e, max, cols);
			/* jump from the end, and from the start, to each */
			/* n characters, n + 1 cursor positions */
			ledit_end(e);
			for (n = 0; ledit_left(e); n++)
				;
			for (p = 0; p <= n; p++) {
				ledit_end(e);
				check_view(e, max, cols);
				ledit_home(e);
				for (q = 0; q < p; q++)
					ledit_right(e);
				check_view(e, max, cols);
				ledit_home(e);
				check_view(e, max, cols);
				for (q = 0; q < p; q++)
					ledit_right(e);
				check_view(e, max, cols);
				/* and type there */
				if (ledit_insert(e, 0x5F20) == 0)
					check_view(e, max, cols);
				if (ledit_backspace(e))
					check_view(e, max, cols);
			}
		}
		ledit_free(&e);
	}
}

/* random edits, random field widths, every view checked */
static void
test_view_random(void **state)
{
	static const uint32_t pool[] = {
		'a', 'Z', ' ', '1', 0x5F20, 0x4E09, 0x3002, 0x301, 0x302,
		0x20000, 0xFF21, 0x200B,
	};
	struct ledit	*e;
	uint32_t	 x = 12345;
	int		 step, op, cols = 8, max = 40, w;

	(void)state;
	e = ledit_new(max);
	for (step = 0; step < 40000; step++) {
		x = x * 1103515245 + 12345;
		op = (int)(x >> 16) % 24;
		if (op < 10)
			(void)ledit_insert(e, pool[(x >> 8) % NELEM(pool)]);
		else if (op < 12)
			ledit_backspace(e);
		else if (op < 14)
			ledit_delete(e);
		else if (op < 17)
			ledit_left(e);
		else if (op < 20)
			ledit_right(e);
		else if (op == 20)
			ledit_home(e);
		else if (op == 21)
			ledit_end(e);
		else if (op == 22 && (x & 0x300) == 0)
			ledit_kill_end(e);
		else if (op == 23 && (x & 0x700) == 0)
			ledit_kill_line(e);
		if (step % 500 == 0)
			cols = 1 + (int)((x >> 4) % 20);
		check_view(e, max, cols);
		w = ledit_width(e);
		assert_true(w >= 0 && w <= 2 * max);
	}
	ledit_free(&e);
}

/* a wide character at the right edge is blanked; left edge stays whole */
static void
test_view_wide_edges(void **state)
{
	struct ledit	*e;
	uint32_t	 out[32];
	int		 n, cc;

	(void)state;
	e = ledit_new(20);
	assert_int_equal(ledit_set(e, "张三李四"), 0);	/* 8 columns */
	assert_int_equal(ledit_view(e, 5, out, &n, &cc), 3);
	assert_int_equal(n, 4);
	assert_int_equal(out[0], 0x56DB);		/* 四 */
	assert_int_equal(out[1], ' ');
	assert_int_equal(cc, 2);
	ledit_home(e);
	assert_int_equal(ledit_view(e, 5, out, &n, &cc), 0);
	assert_int_equal(n, 3);
	assert_int_equal(out[0], 0x5F20);
	assert_int_equal(out[1], 0x4E09);
	assert_int_equal(out[2], ' ');			/* not half of 李 */
	assert_int_equal(cc, 0);

	/* a field one column wide */
	assert_int_equal(ledit_set(e, "张"), 0);
	assert_int_equal(ledit_view(e, 1, out, &n, &cc), 1);
	assert_int_equal(n, 1);
	assert_int_equal(out[0], ' ');
	assert_int_equal(cc, 0);
	ledit_home(e);
	assert_int_equal(ledit_view(e, 1, out, &n, &cc), 0);
	assert_int_equal(n, 1);
	assert_int_equal(out[0], ' ');
	assert_int_equal(cc, 0);

	/* odd field, all CJK: a blank at the right edge */
	assert_int_equal(ledit_set(e, "宁夏回族"), 0);
	ledit_home(e);
	assert_int_equal(ledit_view(e, 7, out, &n, &cc), 0);
	assert_int_equal(n, 4);
	assert_int_equal(out[2], 0x56DE);
	assert_int_equal(out[3], ' ');
	assert_int_equal(ledit_view(e, 0, out, &n, &cc), -1);
	ledit_free(&e);
}

/* text narrower than the field: padded, from the start */
static void
test_view_fits(void **state)
{
	struct ledit	*e;
	uint32_t	 out[32];
	int		 n, cc;

	(void)state;
	e = ledit_new(20);
	assert_int_equal(ledit_set(e, "a张"), 0);
	assert_int_equal(ledit_view(e, 6, out, &n, &cc), 0);
	assert_int_equal(n, 5);
	assert_int_equal(out[0], 'a');
	assert_int_equal(out[1], 0x5F20);
	assert_int_equal(out[4], ' ');
	assert_int_equal(cc, 3);
	ledit_left(e);
	assert_int_equal(ledit_view(e, 6, out, &n, &cc), 0);
	assert_int_equal(cc, 1);
	/* exactly the width: the cursor at the end needs a column more */
	assert_int_equal(ledit_set(e, "abcdef"), 0);
	assert_int_equal(ledit_view(e, 6, out, &n, &cc), 3);
	assert_int_equal(cc, 3);
	ledit_home(e);
	assert_int_equal(ledit_view(e, 6, out, &n, &cc), 0);
	assert_int_equal(out[5], 'f');
	ledit_free(&e);
}

/*
 * Type into a narrow field: the cursor stays visible, and the view jumps
 * by at least half the field, so few redraws; likewise backspacing.
 */
static void
test_view_scroll(void **state)
{
	static const struct {
		uint32_t	 c;
		int		 cols;
	} v[] = {
		{ 'a', 10 }, { 0x5F20, 10 }, { 'a', 7 }, { 0x5F20, 7 },
		{ 'a', 20 }, { 0x5F20, 20 }, { 'a', 4 }, { 0x5F20, 4 },
	};
	struct ledit	*e;
	uint32_t	 out[128];
	size_t		 i;
	int		 k, n, cc, off = 0, last, lastcol, col, scrolls, cw;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		e = ledit_new(60);
		cw = cp_width(v[i].c);
		last = lastcol = scrolls = 0;
		for (k = 0; k < 60; k++) {
			assert_int_equal(ledit_insert(e, v[i].c), 0);
			off = ledit_view(e, v[i].cols, out, &n, &cc);
			assert_true(cc < v[i].cols);
			if (off != last) {
				col = off * cw;
				assert_true(col - lastcol >= v[i].cols / 2 -
				    cw + 1);
				scrolls++;
				last = off;
				lastcol = col;
			}
		}
		/* 60 characters, a jump every half field at most */
		assert_true(scrolls <= 60 * cw / (v[i].cols / 2 - cw + 1));
		assert_true(scrolls >= 1);
		/* and back */
		scrolls = 0;
		for (k = 0; k < 60; k++) {
			assert_int_equal(ledit_backspace(e), 1);
			off = ledit_view(e, v[i].cols, out, &n, &cc);
			if (off != last) {
				scrolls++;
				last = off;
			}
		}
		assert_int_equal(off, 0);
		assert_true(scrolls <= 60 * cw / (v[i].cols / 2 - cw + 1) + 1);
		ledit_free(&e);
	}
}

/* edits before the view keep the same text in view */
static void
test_view_edit_left(void **state)
{
	struct ledit	*e;
	uint32_t	 out[64];
	int		 n, cc, off, k;

	(void)state;
	e = ledit_new(40);
	assert_int_equal(ledit_set(e, "0123456789abcdefghij"), 0);
	off = ledit_view(e, 10, out, &n, &cc);
	assert_int_equal(off, 15);			/* "fghij" + cursor */
	assert_int_equal(out[0], 'f');
	assert_int_equal(ledit_left(e), 1);
	assert_int_equal(ledit_view(e, 10, out, &n, &cc), 15);
	assert_int_equal(cc, 4);
	/* left to the edge: no scroll while a character shows before it */
	assert_int_equal(ledit_set(e, "0123456789abcdefghij"), 0);
	assert_int_equal(ledit_view(e, 10, out, &n, &cc), 15);
	for (k = 0; k < 4; k++)
		assert_int_equal(ledit_left(e), 1);
	assert_int_equal(ledit_view(e, 10, out, &n, &cc), 15);
	assert_int_equal(cc, 1);
	assert_int_equal(ledit_left(e), 1);
	assert_int_equal(ledit_view(e, 10, out, &n, &cc), 10);
	assert_int_equal(cc, 5);
	assert_int_equal(out[0], 'a');
	/* a character removed before the view keeps the same text shown */
	assert_int_equal(ledit_set(e, "0123456789abcdefghij"), 0);
	assert_int_equal(ledit_view(e, 10, out, &n, &cc), 15);
	for (k = 0; k < 3; k++)
		assert_int_equal(ledit_left(e), 1);
	ledit_home(e);
	assert_int_equal(ledit_delete(e), 1);
	assert_int_equal(ledit_end(e), 1);
	assert_int_equal(ledit_view(e, 10, out, &n, &cc), 14);
	assert_int_equal(out[0], 'f');
	ledit_free(&e);
}

/* the columns that differ between two views */
static void
test_diff(void **state)
{
	static const struct {
		const char	*a, *b;
		int		 changed, from, to;
	} v[] = {
		{ "", "", 0, 0, 0 },
		{ "abc  ", "abc  ", 0, 0, 0 },
		{ "张三 ", "张三 ", 0, 0, 0 },
		{ "abc  ", "abX  ", 1, 2, 3 },
		{ "abc  ", "Xbc  ", 1, 0, 1 },
		{ "abc  ", "abcd ", 1, 3, 4 },
		{ "张三 ", "张a三", 1, 2, 5 },
		{ "张三 ", "张李 ", 1, 2, 4 },
		{ "ab", "abc", 1, 2, 3 },
		{ "", "a", 1, 0, 1 },
		{ "张", "", 1, 0, 2 },
		{ "e\xCC\x81x", "ex", 1, 0, 1 },
		{ "ex", "ex\xCC\x81", 1, 1, 2 },
		{ "a张b", "a  b", 1, 1, 3 },
		{ "abcdefghij", "fghij     ", 1, 0, 10 },
		{ "a b c d e ", "a b X d E ", 1, 4, 9 },
	};
	uint32_t	 a[32], b[32];
	size_t		 i;
	int		 na, nb, from, to;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		na = decode_all(v[i].a, a, NELEM(a));
		nb = decode_all(v[i].b, b, NELEM(b));
		from = to = -1;
		assert_int_equal(ledit_diff(a, na, b, nb, &from, &to),
		    v[i].changed);
		if (!v[i].changed)
			continue;
		assert_int_equal(from, v[i].from);
		assert_int_equal(to, v[i].to);
		assert_int_equal(ledit_diff(b, nb, a, na, &from, &to), 1);
		assert_int_equal(from, v[i].from);
		assert_int_equal(to, v[i].to);
	}
}

/* diffs of real views: typing redraws one cell, moving none */
static void
test_diff_views(void **state)
{
	struct ledit	*e;
	uint32_t	 a[64], b[64];
	int		 na, nb, cc, from, to;

	(void)state;
	e = ledit_new(40);
	assert_int_equal(ledit_set(e, "张三"), 0);
	ledit_view(e, 12, a, &na, &cc);
	assert_int_equal(ledit_insert(e, 0x4E30), 0);	/* 丰 */
	ledit_view(e, 12, b, &nb, &cc);
	assert_int_equal(ledit_diff(a, na, b, nb, &from, &to), 1);
	assert_int_equal(from, 4);
	assert_int_equal(to, 6);
	ledit_left(e);
	ledit_view(e, 12, a, &na, &cc);
	assert_int_equal(ledit_diff(a, na, b, nb, &from, &to), 0);
	assert_int_equal(cc, 4);
	/* insert in the middle: the rest shifts */
	ledit_home(e);
	assert_int_equal(ledit_insert(e, 'x'), 0);
	ledit_view(e, 12, b, &nb, &cc);
	assert_int_equal(ledit_diff(a, na, b, nb, &from, &to), 1);
	assert_int_equal(from, 0);
	assert_int_equal(to, 7);
	ledit_free(&e);
}

/*
 * Feed the n bytes of s through a decoder, feeding again on -2 as the
 * header says; the code points in cp, the count of errors in *err.
 */
static int
feed_all(struct u8in *u, const char *s, size_t n, uint32_t *cp, int max,
    int *err)
{
	uint32_t	 c;
	size_t		 i;
	int		 r, ncp = 0;

	*err = 0;
	for (i = 0; i < n; i++) {
		r = u8in_feed(u, (unsigned char)s[i], &c);
		if (r == -2) {
			(*err)++;
			assert_int_equal(u8in_pending(u), 0);
			r = u8in_feed(u, (unsigned char)s[i], &c);
			assert_int_not_equal(r, -2);
		}
		if (r == -1) {
			(*err)++;
			assert_int_equal(u8in_pending(u), 0);
		} else if (r == 1) {
			assert_true(ncp < max);
			cp[ncp++] = c;
			assert_int_equal(u8in_pending(u), 0);
		} else
			assert_int_equal(r, 0);
	}
	return ncp;
}

/* each byte from an empty decoder, ASCII controls as keys */
static void
test_u8in_first_byte(void **state)
{
	struct u8in	 u;
	uint32_t	 c;
	unsigned	 b;
	int		 want;

	(void)state;
	for (b = 0; b < 256; b++) {
		u8in_init(&u);
		c = 0xFFFF;
		if (b < 0x80)
			want = 1;
		else if (b >= 0xC2 && b <= 0xF4)
			want = 0;
		else
			want = -1;	/* continuation, C0, C1, F5..FF */
		assert_int_equal(u8in_feed(&u, (unsigned char)b, &c), want);
		if (want == 1)
			assert_int_equal(c, b);
		assert_int_equal(u8in_pending(&u), want == 0);
	}
}

/* every code point comes out of its encoding, at its last byte */
static void
test_u8in_all_codepoints(void **state)
{
	struct u8in	 u;
	char		 s[8];
	uint32_t	 c, got;
	size_t		 n, i;

	(void)state;
	u8in_init(&u);
	for (c = 0; c <= 0x10FFFF; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		n = enc(c, s);
		for (i = 0; i + 1 < n; i++) {
			assert_int_equal(u8in_feed(&u, (unsigned char)s[i],
			    &got), 0);
			assert_int_equal(u8in_pending(&u), (int)i + 1);
		}
		got = 0xFFFFFFFF;
		assert_int_equal(u8in_feed(&u, (unsigned char)s[n - 1], &got),
		    1);
		assert_int_equal(got, c);
		assert_int_equal(u8in_pending(&u), 0);
	}
}

/*
 * Every 2-byte string and every 3-byte string led by a non-ASCII byte:
 * exactly one code point and no error iff utf8_decode() takes all of it.
 */
static void
test_u8in_exhaustive(void **state)
{
	struct u8in	 u;
	unsigned char	 b[4];
	uint32_t	 cp[4], ref;
	unsigned	 x, y, z;
	int		 ncp, err, pend, whole, count = 0;

	(void)state;
	u8in_init(&u);
	for (x = 0; x < 256; x++)
		for (y = 0; y < 256; y++) {
			b[0] = (unsigned char)x;
			b[1] = (unsigned char)y;
			ncp = feed_all(&u, (char *)b, 2, cp, 4, &err);
			pend = u8in_pending(&u);
			u8in_reset(&u);
			whole = utf8_decode((char *)b, 2, &ref) == 2;
			assert_int_equal(ncp == 1 && err == 0 && !pend &&
			    x >= 0x80, whole);
			if (whole)
				assert_int_equal(cp[0], ref);
		}
	for (x = 0x80; x < 256; x++)
		for (y = 0; y < 256; y++)
			for (z = 0; z < 256; z++) {
				b[0] = (unsigned char)x;
				b[1] = (unsigned char)y;
				b[2] = (unsigned char)z;
				ncp = feed_all(&u, (char *)b, 3, cp, 4, &err);
				pend = u8in_pending(&u);
				u8in_reset(&u);
				whole = utf8_decode((char *)b, 3, &ref) == 3;
				assert_int_equal(ncp == 1 && err == 0 &&
				    !pend, whole);
				if (whole) {
					assert_int_equal(cp[0], ref);
					count++;
				}
			}
	/* U+0800..U+FFFF less the 2048 surrogates */
	assert_int_equal(count, 0x10000 - 0x800 - 0x800);
}

/* 4-byte strings led by F0..F7, continuation bytes and a few others */
static void
test_u8in_four(void **state)
{
	static const unsigned char other[] = { 0x00, 0x41, 0xC2, 0xE4, 0xFF };
	struct u8in	 u;
	unsigned char	 b[4], tail[64 + NELEM(other)];
	uint32_t	 cp[4], ref;
	size_t		 i, j, k, nt = 0;
	unsigned	 x;
	int		 ncp, err, pend, whole, count = 0;

	(void)state;
	for (x = 0x80; x <= 0xBF; x++)
		tail[nt++] = (unsigned char)x;
	for (i = 0; i < NELEM(other); i++)
		tail[nt++] = other[i];
	u8in_init(&u);
	for (x = 0xF0; x <= 0xF7; x++)
		for (i = 0; i < nt; i++)
			for (j = 0; j < nt; j++)
				for (k = 0; k < nt; k++) {
					b[0] = (unsigned char)x;
					b[1] = tail[i];
					b[2] = tail[j];
					b[3] = tail[k];
					ncp = feed_all(&u, (char *)b, 4, cp, 4,
					    &err);
					pend = u8in_pending(&u);
					u8in_reset(&u);
					whole = utf8_decode((char *)b, 4,
					    &ref) == 4;
					assert_int_equal(ncp == 1 && err == 0 &&
					    !pend, whole);
					if (whole) {
						assert_int_equal(cp[0], ref);
						count++;
					}
				}
	assert_int_equal(count, 0x100000);	/* U+10000..U+10FFFF */
}

/* malformed input, byte by byte: what each feed returns */
static void
test_u8in_invalid(void **state)
{
	static const struct {
		const char	*s;
		const char	*want;	/* one letter per feed */
	} v[] = {
		/* e: -1, r: -2 then fed again, m: 0 (more), k: 1 */
		{ "\x80", "e" },
		{ "\xBF\xBF", "ee" },
		{ "\xC0\x80", "ee" },			/* overlong NUL */
		{ "\xC1\xBF", "ee" },
		{ "\xE0\x80\x80", "mee" },		/* overlong */
		{ "\xE0\x9F\xBF", "mee" },
		{ "\xED\xA0\x80", "mee" },		/* surrogate */
		{ "\xED\xBF\xBF", "mee" },
		{ "\xF0\x8F\xBF\xBF", "meee" },		/* overlong */
		{ "\xF4\x90\x80\x80", "meee" },		/* > U+10FFFF */
		{ "\xF5\x80\x80\x80", "eeee" },
		{ "\xFE\xFF", "ee" },
		{ "\xE4" "a", "mrk" },
		{ "\xE4\xB8" "a", "mmrk" },
		{ "\xF0\x9F\x98" "\x1B", "mmmrk" },	/* ESC is a key */
		{ "\xE4\xB8\xE4\xB8\xAD", "mmrmmk" },	/* cut 中, then 中 */
		{ "\xC3\xC3\xA9", "mrmk" },
		{ "\xC3\xFF" "a", "mek" },
		{ "\xC3\xC0" "a", "mek" },
		{ "\xD5\xC5\xC8\xFD" "a", "mrmrmek" },	/* GBK 张三 */
		{ "a\x7F\x08\r\t", "kkkkk" },
		{ "\xC2\x85", "mk" },			/* C1: well-formed */
	};
	struct u8in	 u;
	uint32_t	 c;
	size_t		 i, j, w;
	int		 r;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		u8in_init(&u);
		for (j = 0, w = 0; v[i].s[j] != '\0'; j++) {
			r = u8in_feed(&u, (unsigned char)v[i].s[j], &c);
			assert_true(w < strlen(v[i].want));
			switch (v[i].want[w++]) {
			case 'e':
				assert_int_equal(r, -1);
				break;
			case 'r':
				assert_int_equal(r, -2);
				j--;		/* the same byte again */
				break;
			case 'm':
				assert_int_equal(r, 0);
				break;
			case 'k':
				assert_int_equal(r, 1);
				break;
			default:
				fail();
			}
		}
		assert_int_equal(w, strlen(v[i].want));
		assert_int_equal(u8in_pending(&u), 0);
	}
}

/* GBK reported; what follows the bad bytes is never lost */
static void
test_u8in_gbk(void **state)
{
	static const char *const gbk[] = {
		"\xD5\xC5\xC8\xFD",		/* 张三 */
		"\xC0\xEE\xCB\xC4",		/* 李四 */
		"\xD6\xD0\xB9\xFA",		/* 中国 */
		"\xC4\xFE\xCF\xC4",		/* 宁夏 */
		"\xC5\xA9\xBB\xFA",		/* 农机 */
	};
	static const char *const after[] = {
		"a", "\x1B", "\r", "\x7F", "张", "𠀀", "é",
	};
	struct u8in	 u;
	uint32_t	 cp[16], want[4];
	char		 buf[32];
	size_t		 i, j;
	int		 ncp, nwant, err;

	(void)state;
	for (i = 0; i < NELEM(gbk); i++)
		for (j = 0; j < NELEM(after); j++) {
			snprintf(buf, sizeof(buf), "%s%s", gbk[i], after[j]);
			u8in_init(&u);
			ncp = feed_all(&u, buf, strlen(buf), cp, NELEM(cp),
			    &err);
			assert_true(err >= 1);
			nwant = decode_all(after[j], want, NELEM(want));
			assert_true(ncp >= nwant);
			assert_memory_equal(cp + ncp - nwant, want,
			    (size_t)nwant * sizeof(*want));
			assert_int_equal(u8in_pending(&u), 0);
		}
	/* the shortest: one GBK character, then Enter */
	u8in_init(&u);
	ncp = feed_all(&u, "\xD5\xC5\r", 3, cp, NELEM(cp), &err);
	assert_int_equal(ncp, 1);
	assert_int_equal(cp[0], '\r');
	assert_int_equal(err, 2);
}

/* every cut sequence, then a byte or character: that still comes out */
static void
test_u8in_cut_then(void **state)
{
	static const uint32_t whole[] = {
		0x80, 0xE9, 0x7FF, 0x800, 0x5F20, 0xD7FF, 0xE000, 0xFFFD,
		0x10000, 0x20000, 0x10FFFF,
	};
	static const uint32_t next[] = {
		'a', 0x00, 0x1B, 0x7F, 0xE9, 0x5F20, 0x20000,
	};
	struct u8in	 u;
	char		 s[16], t[8];
	uint32_t	 cp[8];
	size_t		 i, j, cutat, n, m;
	int		 ncp, err;

	(void)state;
	for (i = 0; i < NELEM(whole); i++)
		for (j = 0; j < NELEM(next); j++) {
			n = enc(whole[i], s);
			m = enc(next[j], t);
			for (cutat = 1; cutat < n; cutat++) {
				memcpy(s + cutat, t, m);
				u8in_init(&u);
				ncp = feed_all(&u, s, cutat + m, cp,
				    NELEM(cp), &err);
				assert_int_equal(err, 1);
				assert_int_equal(ncp, 1);
				assert_int_equal(cp[0], next[j]);
				enc(whole[i], s);
			}
		}
}

/* a partial sequence waits; reset drops it (timeout, function key) */
static void
test_u8in_pending_reset(void **state)
{
	struct u8in	 u;
	uint32_t	 c;

	(void)state;
	u8in_init(&u);
	assert_int_equal(u8in_pending(&u), 0);
	assert_int_equal(u8in_feed(&u, 0xE5, &c), 0);
	assert_int_equal(u8in_pending(&u), 1);
	assert_int_equal(u8in_feed(&u, 0xBC, &c), 0);
	assert_int_equal(u8in_pending(&u), 2);
	u8in_reset(&u);
	assert_int_equal(u8in_pending(&u), 0);
	assert_int_equal(u8in_feed(&u, 0xA0, &c), -1);	/* now stray */
	assert_int_equal(u8in_feed(&u, 0xE5, &c), 0);
	assert_int_equal(u8in_feed(&u, 0xBC, &c), 0);
	assert_int_equal(u8in_feed(&u, 0xA0, &c), 1);
	assert_int_equal(c, 0x5F20);
	u8in_reset(&u);
	u8in_reset(&u);
	assert_int_equal(u8in_pending(&u), 0);
	assert_int_equal(u8in_feed(&u, 0xF0, &c), 0);
	assert_int_equal(u8in_feed(&u, 0xA0, &c), 0);
	assert_int_equal(u8in_feed(&u, 0x80, &c), 0);
	assert_int_equal(u8in_pending(&u), 3);
	u8in_init(&u);
	assert_int_equal(u8in_pending(&u), 0);
	assert_int_equal(u8in_feed(&u, 'q', &c), 1);
	assert_int_equal(c, 'q');
}

/* the decoder feeding the editor: UTF-8 in, the same text out */
static void
test_u8in_to_ledit(void **state)
{
	static const char input[] = "王\xE4" "a\xD5\xC5" "b\x01" "e\xCC\x81";
	struct u8in	 u;
	struct ledit	*e;
	uint32_t	 c;
	size_t		 i;
	int		 r, errs = 0, keys = 0;

	(void)state;
	u8in_init(&u);
	e = ledit_new(20);
	for (i = 0; i < sizeof(input) - 1; i++) {
		if ((r = u8in_feed(&u, (unsigned char)input[i], &c)) == -2) {
			errs++;
			r = u8in_feed(&u, (unsigned char)input[i], &c);
		}
		if (r == -1)
			errs++;
		else if (r == 1 && (c < 0x20 || c == 0x7F))
			keys++;
		else if (r == 1)
			assert_int_equal(ledit_insert(e, c), 0);
	}
	assert_int_equal(errs, 3);
	assert_int_equal(keys, 1);
	assert_text(e, "王abe\xCC\x81");
	ledit_free(&e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_free),
		cmocka_unit_test(test_set_widths),
		cmocka_unit_test(test_set_refused),
		cmocka_unit_test(test_insert_middle),
		cmocka_unit_test(test_insert_refused),
		cmocka_unit_test(test_backspace_delete_wide),
		cmocka_unit_test(test_combining),
		cmocka_unit_test(test_moves_changed),
		cmocka_unit_test(test_maxchars),
		cmocka_unit_test(test_text_roundtrip),
		cmocka_unit_test(test_view_exhaustive),
		cmocka_unit_test(test_view_random),
		cmocka_unit_test(test_view_wide_edges),
		cmocka_unit_test(test_view_fits),
		cmocka_unit_test(test_view_scroll),
		cmocka_unit_test(test_view_edit_left),
		cmocka_unit_test(test_diff),
		cmocka_unit_test(test_diff_views),
		cmocka_unit_test(test_u8in_first_byte),
		cmocka_unit_test(test_u8in_all_codepoints),
		cmocka_unit_test(test_u8in_exhaustive),
		cmocka_unit_test(test_u8in_four),
		cmocka_unit_test(test_u8in_invalid),
		cmocka_unit_test(test_u8in_gbk),
		cmocka_unit_test(test_u8in_cut_then),
		cmocka_unit_test(test_u8in_pending_reset),
		cmocka_unit_test(test_u8in_to_ledit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
