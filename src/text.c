/*
 * text.c: UTF-8 text without the C locale: strict validation, counting code
 * points, terminal display width (East Asian wide characters count two
 * columns, combining marks none) and the last four characters of a string
 * (for masking identity and card numbers).
 */
#include <stdint.h>
#include <string.h>

#include "domain.h"

struct range {
	uint32_t	 lo, hi;
};

/* Zero-width: combining marks, zero-width spaces and joiners, selectors. */
static const struct range zero_width[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x0610, 0x061A }, { 0x064B, 0x065F }, { 0x1AB0, 0x1AFF },
	{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x20D0, 0x20FF },
	{ 0x302A, 0x302F }, { 0x3099, 0x309A }, { 0xFE00, 0xFE0F },
	{ 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF }, { 0xE0100, 0xE01EF },
};

/* East Asian Wide and Fullwidth: two terminal columns. */
static const struct range wide[] = {
	{ 0x1100, 0x115F }, { 0x2E80, 0x2FDF }, { 0x3000, 0x303F },
	{ 0x3040, 0xA4CF }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF },
	{ 0xFE30, 0xFE4F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 },
	{ 0x20000, 0x3FFFD },
};

/* 1 if c lies in one of the n ranges of r. */
static int
in_ranges(uint32_t c, const struct range *r, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (c >= r[i].lo && c <= r[i].hi)
			return 1;
	return 0;
}

/*
 * Decode one strict UTF-8 sequence of at most n bytes at s into *cp; its
 * length, or 0 if it is invalid (NUL, overlong, surrogate, > U+10FFFF,
 * truncated or a stray continuation byte).
 */
size_t
utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t	 c, min;
	size_t		 len, i;

	if (n == 0 || s[0] == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		c = s[0] & 0x1F;
		min = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		c = s[0] & 0x0F;
		min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		c = s[0] & 0x07;
		min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* 1 if the n bytes at s are strict UTF-8 without NUL, else 0. */
int
utf8_valid(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 c;
	size_t			 k;

	if (s == NULL)
		return n == 0;
	while (n > 0) {
		if ((k = utf8_decode((const char *)p, n, &c)) == 0)
			return 0;
		p += k;
		n -= k;
	}
	return 1;
}

/* Code points of s: every byte that is not a continuation byte. */
size_t
utf8_chars(const char *s)
{
	size_t	 n = 0;

	if (s == NULL)
		return 0;
	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Display columns of s, or -1 for invalid UTF-8 or a control character. */
int
utf8_width(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n, k;
	uint32_t		 c;
	int			 w = 0;

	if (s == NULL)
		return -1;
	n = strlen(s);
	while (n > 0) {
		if ((k = utf8_decode((const char *)p, n, &c)) == 0)
			return -1;
		p += k;
		n -= k;
		if (cp_width(c) < 0)
			return -1;
		w += cp_width(c);
	}
	return w;
}

/* Columns of one code point: 2 wide, 1, 0 combining, -1 a control. */
int
cp_width(uint32_t c)
{
	if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
		return -1;
	/* below the first range of either table (most of a form's text
	   is ASCII): no look through them (a screen's redraw asks for
	   every character of every label and field) */
	if (c < 0x0300)
		return 1;
	if (c >= 0x4E00 && c <= 0x9FFF)	/* CJK ideographs: no mark there */
		return 2;
	if (in_ranges(c, zero_width,
	    sizeof(zero_width) / sizeof(zero_width[0])))
		return 0;
	if (in_ranges(c, wide, sizeof(wide) / sizeof(wide[0])))
		return 2;
	return 1;
}

/*
 * The last four code points of s (all of s if shorter); a buffer too small
 * gets as many whole code points from the start of those four as fit.
 */
void
text_last4(const char *s, char *buf, size_t len)
{
	const char	*p;
	size_t		 n, cut;
	int		 count = 0;

	if (buf == NULL || len == 0)
		return;
	buf[0] = '\0';
	if (s == NULL)
		return;
	p = s + strlen(s);
	while (p > s && count < 4) {
		p--;
		if (((unsigned char)*p & 0xC0) != 0x80)
			count++;
	}
	n = strlen(p);
	if (n >= len) {
		cut = len - 1;
		while (cut > 0 && ((unsigned char)p[cut] & 0xC0) == 0x80)
			cut--;
		n = cut;
	}
	memcpy(buf, p, n);
	buf[n] = '\0';
}

/*
 * R-SEC-8.11a issue 8 (11): characters no text may hold. C0 controls (but
 * a newline where lines are allowed), DEL and the C1 controls U+0080 to
 * U+009F, and also the characters that reorder or break what a terminal
 * or a printed sheet shows: the bidirectional embeddings, overrides and
 * isolates (U+202A-202E, U+2066-2069) and the line and paragraph
 * separators (U+2028, U+2029).
 */
static const struct range text_refused[] = {
	{ 0x0000, 0x001F }, { 0x007F, 0x009F }, { 0x2028, 0x2029 },
	{ 0x202A, 0x202E }, { 0x2066, 0x2069 },
};

/* R-SEC-8.11b: what counts as a space when a name is all spaces. */
static const struct range text_spaces[] = {
	{ 0x0009, 0x000D }, { 0x0020, 0x0020 }, { 0x00A0, 0x00A0 },
	{ 0x1680, 0x1680 }, { 0x180E, 0x180E }, { 0x2000, 0x200D },
	{ 0x202F, 0x202F }, { 0x205F, 0x2060 }, { 0x3000, 0x3000 },
	{ 0x3164, 0x3164 }, { 0xFEFF, 0xFEFF }, { 0xFFA0, 0xFFA0 },
};

/*
 * Is s fit to store as a text? TEXT_OK, TEXT_BADUTF8 (not strict UTF-8)
 * or TEXT_CONTROL (a refused character; with lines, '\n' is allowed).
 * Actions (every text field) and imports (every cell) both check here.
 */
int
text_check(const char *s, int lines)
{
	size_t		 n = strlen(s), k;
	uint32_t	 c;

	if (!utf8_valid(s, n))
		return TEXT_BADUTF8;
	while (n > 0) {
		k = utf8_decode(s, n, &c);
		if (in_ranges(c, text_refused, sizeof text_refused /
		    sizeof text_refused[0]) && !(lines && c == '\n'))
			return TEXT_CONTROL;
		s += k;
		n -= k;
	}
	return TEXT_OK;
}

/* 1 if s (valid UTF-8) is not empty and holds only spaces (R-SEC-8.11b). */
int
text_blank(const char *s)
{
	size_t		 n = strlen(s), k;
	uint32_t	 c;

	if (n == 0)
		return 0;
	while (n > 0) {
		if ((k = utf8_decode(s, n, &c)) == 0)
			return 0;
		if (!in_ranges(c, text_spaces, sizeof text_spaces /
		    sizeof text_spaces[0]))
			return 0;
		s += k;
		n -= k;
	}
	return 1;
}

/* The Chinese reason for a text_check() result. */
const char *
text_strerror(int e)
{
	switch (e) {
	case TEXT_BADUTF8:
		return "含有无效字符（请以 UTF-8 编码输入）";
	case TEXT_CONTROL:
		return "含有控制字符（如制表符、换行或不可见的格式字符）";
	default:
		return "";
	}
}
