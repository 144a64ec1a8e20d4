/*
 * fuzz-text.c: text.c's UTF-8 functions on any bytes. utf8_valid() must
 * agree with a walk of utf8_decode() and with the screens' byte-at-a-time
 * decoder (tui-edit.c's u8in), so that what a form accepts is what the
 * action accepts; widths and counts of valid text add up; text_last4()
 * (the masked tail of private values in the audit log) gives whole code
 * points, at most four, into a buffer of any size.
 */
#include "fuzz.h"
#include "tui-edit.h"

/* 1 if the byte-at-a-time decoder takes all n bytes without an error. */
static int
fz_u8in_ok(const uint8_t *s, size_t n, size_t *ncp)
{
	struct u8in	u;
	uint32_t	cp;
	size_t		i;
	int		r;

	u8in_init(&u);
	*ncp = 0;
	for (i = 0; i < n; i++) {
		if ((r = u8in_feed(&u, s[i], &cp)) < 0)
			return 0;
		if (r == 1)
			(*ncp)++;
	}
	return !u8in_pending(&u);
}

static void
fz_last4(const char *s)
{
	char	buf[32];
	size_t	len;

	for (len = 1; len <= sizeof buf; len += 3) {
		text_last4(s, buf, len);
		fz_need(strlen(buf) < len);
		fz_need(utf8_valid(buf, strlen(buf)));
		fz_need(utf8_chars(buf) <= 4);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*s = fz_str(data, size);
	size_t		 n = strlen(s), at = 0, k, ncp = 0, nu8;
	uint32_t	 cp;
	int		 valid, walk = 1, width = 0, w;

	valid = utf8_valid(s, n);
	while (at < n) {
		if ((k = utf8_decode(s + at, n - at, &cp)) == 0) {
			walk = 0;
			break;
		}
		fz_need(k <= 4 && at + k <= n);
		fz_need(cp != 0 && cp <= 0x10FFFF);
		w = cp_width(cp);
		fz_need(w >= -1 && w <= 2);
		width = w < 0 || width < 0 ? -1 : width + w;
		at += k;
		ncp++;
	}
	fz_need(valid == walk);
	fz_need(valid == fz_u8in_ok(data, n, &nu8));
	if (valid) {
		fz_need(utf8_chars(s) == ncp && nu8 == ncp);
		fz_need(utf8_width(s) == width);
		fz_last4(s);
	} else
		fz_need(utf8_width(s) == -1);
	free(s);
	return 0;
}
