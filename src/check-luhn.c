/*
 * check-luhn.c: the Luhn mod 10 check (ISO/IEC 7812), personal bank card
 * numbers (12-19 digits with a Luhn check digit) and organisations' bank
 * accounts (对公账户: digits only, no check digit in China).
 */
#include <string.h>

#include "domain.h"

#define CARD_MIN	12
#define CARD_MAX	19
#define ACCOUNT_MIN	6
#define ACCOUNT_MAX	32

/*
 * Collect the digits of text into out (room for max digits), skipping the
 * characters of skip; the count, or -1 on any other character or too many.
 */
static int
collect(const char *text, const char *skip, char *out, int max)
{
	int	 n = 0;

	if (text == NULL)
		return -1;
	for (; *text != '\0'; text++) {
		if (strchr(skip, *text) != NULL)
			continue;
		if (*text < '0' || *text > '9' || n == max)
			return -1;
		out[n++] = *text;
	}
	out[n] = '\0';
	return n;
}

/* Copy s into norm, or "" and -1 if it does not fit; 0 if it fits. */
static int
set_norm(char *norm, size_t len, const char *s)
{
	size_t	 n = strlen(s);

	if (norm == NULL)
		return 0;
	if (len <= n) {
		if (len > 0)
			norm[0] = '\0';
		return -1;
	}
	memcpy(norm, s, n + 1);
	return 0;
}

/* ISO/IEC 7812 Luhn: double every second digit from the right. */
int
luhn_valid(const char *digits)
{
	size_t	 n, i;
	int	 sum = 0, d;

	if (digits == NULL || (n = strlen(digits)) < 2)
		return 0;
	for (i = 0; i < n; i++) {
		if (digits[n - 1 - i] < '0' || digits[n - 1 - i] > '9')
			return 0;
		d = digits[n - 1 - i] - '0';
		if (i % 2 == 1 && (d *= 2) > 9)
			d -= 9;
		sum += d;
	}
	return sum % 10 == 0;
}

/* A personal bank card: spaces removed, 12-19 digits, Luhn-valid. */
int
bankcard_check(const char *text, char *norm, size_t len)
{
	char	 d[CARD_MAX + 1];
	int	 n;

	if (norm != NULL && len > 0)
		norm[0] = '\0';
	n = collect(text, " ", d, CARD_MAX);
	if (n < CARD_MIN || !luhn_valid(d))
		return -1;
	return set_norm(norm, len, d);
}

/* An organisation's account: spaces and '-' removed, 6-32 digits. */
int
account_check(const char *text, char *norm, size_t len)
{
	char	 d[ACCOUNT_MAX + 1];
	int	 n;

	if (norm != NULL && len > 0)
		norm[0] = '\0';
	n = collect(text, " -", d, ACCOUNT_MAX);
	if (n < ACCOUNT_MIN)
		return -1;
	return set_norm(norm, len, d);
}
