/*
 * check-phone.c: Chinese telephone numbers: mobile (11 digits, 1[3-9]...)
 * and landline (area code 0XX or 0XXX, then a 7- or 8-digit local number),
 * normalised to "13800138000" or "0951-5169850".
 */
#include <stdio.h>
#include <string.h>

#include "domain.h"

/* 1 if the n characters at s are all digits. */
static int
all_digits(const char *s, size_t n)
{
	for (; n > 0; n--, s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/*
 * Length of the area code at s (3 or 4), or 0 if there is none: 010 and
 * 02X have three characters, 0[3-9]XX four, and no other 01X exists.
 */
static size_t
area_len(const char *s)
{
	if (s[0] != '0')
		return 0;
	if (s[1] == '1')
		return s[2] == '0' ? 3 : 0;
	if (s[1] == '2')
		return s[2] >= '0' && s[2] <= '9' ? 3 : 0;
	if (s[1] >= '3' && s[1] <= '9')
		return s[2] >= '0' && s[2] <= '9' &&
		    s[3] >= '0' && s[3] <= '9' ? 4 : 0;
	return 0;
}

/* Check a mobile or landline number; norm gets its normal form. */
int
phone_check(const char *text, char *norm, size_t len)
{
	char		 out[4 + 1 + 8 + 1];
	const char	*local;
	size_t		 n, alen, llen;

	if (norm != NULL && len > 0)
		norm[0] = '\0';
	if (text == NULL)
		return -1;
	n = strlen(text);
	if (n == 11 && text[0] == '1' && text[1] >= '3' && text[1] <= '9' &&
	    all_digits(text, 11)) {
		memcpy(out, text, 12);
	} else {
		if (n < 3 || (alen = area_len(text)) == 0)
			return -1;
		local = text + alen;
		if (*local == '-' || *local == ' ')
			local++;
		llen = strlen(local);
		if ((llen != 7 && llen != 8) || !all_digits(local, llen) ||
		    local[0] == '0' || local[0] == '1')
			return -1;
		snprintf(out, sizeof(out), "%.*s-%s", (int)alen, text, local);
	}
	if (norm == NULL)
		return 0;
	if (len <= strlen(out))
		return -1;
	memcpy(norm, out, strlen(out) + 1);
	return 0;
}
