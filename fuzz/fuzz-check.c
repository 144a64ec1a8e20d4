/*
 * fuzz-check.c: the check digits and numbers of check-*.c on any text: the
 * resident ID (GB 11643), the unified social credit code (GB 32100), Luhn,
 * bank cards and accounts, phone numbers. What passes must come out
 * normalised so that it passes again to the same text (what is stored is
 * checked again when read), and every error must have its message.
 */
#include "fuzz.h"

static void
fz_idcard(const char *s)
{
	char	norm[32], again[32];
	int	e, today = 20514;	/* 2026-03-02 */

	e = idcard_check(s, today, norm, sizeof norm);
	fz_need(idcard_strerror(e) != NULL);
	if (e != IDCARD_OK)
		return;
	fz_need(strlen(norm) == 18);
	fz_need(idcard_check(norm, today, again, sizeof again) == IDCARD_OK);
	fz_need(strcmp(norm, again) == 0);
	fz_need(idcard_gender(norm) == 1 || idcard_gender(norm) == 2);
	fz_need(idcard_birth(norm) <= today);
	/* a buffer too small gets nothing, never a cut number */
	idcard_check(s, today, again, 10);
	fz_need(again[0] == '\0');
}

static void
fz_uscc(const char *s)
{
	char	norm[32], again[32];
	int	e;

	e = uscc_check(s, norm, sizeof norm);
	fz_need(uscc_strerror(e) != NULL);
	if (e != USCC_OK)
		return;
	fz_need(strlen(norm) == 18);
	fz_need(uscc_check(norm, again, sizeof again) == USCC_OK);
	fz_need(strcmp(norm, again) == 0);
}

static void
fz_cards(const char *s)
{
	char	norm[64], again[64];

	(void)luhn_valid(s);
	if (bankcard_check(s, norm, sizeof norm) == 0) {
		fz_need(strspn(norm, "0123456789") == strlen(norm));
		fz_need(luhn_valid(norm));
		fz_need(bankcard_check(norm, again, sizeof again) == 0);
		fz_need(strcmp(norm, again) == 0);
	}
	if (account_check(s, norm, sizeof norm) == 0) {
		fz_need(account_check(norm, again, sizeof again) == 0);
		fz_need(strcmp(norm, again) == 0);
	}
	(void)bankcard_check(s, norm, 4);
	(void)account_check(s, norm, 4);
}

static void
fz_phone(const char *s)
{
	char	norm[32], again[32];

	if (phone_check(s, norm, sizeof norm) != 0)
		return;
	fz_need(phone_check(norm, again, sizeof again) == 0);
	fz_need(strcmp(norm, again) == 0);
	(void)phone_check(s, again, 5);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fz_str(data, size);

	fz_idcard(s);
	fz_uscc(s);
	fz_cards(s);
	fz_phone(s);
	free(s);
	return 0;
}
