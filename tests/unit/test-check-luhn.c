/*
 * test-check-luhn.c: unit tests of check-luhn.c: the Luhn mod 10 check, personal
 * bank card numbers and organisations' bank account numbers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "domain.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Append the Luhn check digit to the digits in s (room for one more). */
static void
add_luhn(char *s)
{
	size_t	 n = strlen(s), i;
	int	 sum = 0, d;

	for (i = 0; i < n; i++) {
		d = s[n - 1 - i] - '0';
		if (i % 2 == 0 && (d *= 2) > 9)	/* doubled: check follows */
			d -= 9;
		sum += d;
	}
	s[n] = (char)('0' + (10 - sum % 10) % 10);
	s[n + 1] = '\0';
}

/* ISO/IEC 7812: known numbers either way */
static void
test_luhn_known(void **state)
{
	static const char *const good[] = {
		"79927398713", "4111111111111111", "5500000000000004",
		"378282246310005", "6011111111111117", "6200000000000005",
		"00", "18", "59", "0000000000000", "42",
	};
	static const char *const bad[] = {
		"79927398710", "79927398711", "4111111111111112",
		"6212261202011584349", "622202020011223", "01", "10", "19",
		"", "0", "5", "4111 1111 1111 1111", "4111-1111-1111-1111",
		"41111111111111x1", " 79927398713", "79927398713 ",
		"7992739871３",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(good); i++)
		assert_int_equal(luhn_valid(good[i]), 1);
	for (i = 0; i < NELEM(bad); i++)
		assert_int_equal(luhn_valid(bad[i]), 0);
	assert_int_equal(luhn_valid(NULL), 0);
}

/* ISO/IEC 7812: every single-digit change is caught */
static void
test_luhn_alterations(void **state)
{
	char	 s[24], t[24];
	size_t	 pos, n;
	char	 d;
	int	 len;

	(void)state;
	for (len = 1; len <= 18; len++) {
		snprintf(s, sizeof(s), "%.*s", len, "622848031234567890");
		add_luhn(s);
		assert_int_equal(luhn_valid(s), 1);
		n = strlen(s);
		for (pos = 0; pos < n; pos++)
			for (d = '0'; d <= '9'; d++) {
				if (d == s[pos])
					continue;
				strcpy(t, s);
				t[pos] = d;
				assert_int_equal(luhn_valid(t), 0);
			}
	}
}

/* a card: 12 to 19 digits, spaces ignored, Luhn-valid */
static void
test_bankcard_ok(void **state)
{
	static const struct {
		const char	*text;
		const char	*norm;
	} v[] = {
		{ "4111111111111111", "4111111111111111" },
		{ "4111 1111 1111 1111", "4111111111111111" },
		{ " 4111111111111111 ", "4111111111111111" },
		{ "4111  1111  1111  1111", "4111111111111111" },
		{ "6200000000000005", "6200000000000005" },
		{ "378282246310005", "378282246310005" },
		{ "6011 1111 1111 1117", "6011111111111117" },
	};
	char	 norm[32], s[24];
	size_t	 i;
	int	 len;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		assert_int_equal(bankcard_check(v[i].text, norm,
		    sizeof(norm)), 0);
		assert_string_equal(norm, v[i].norm);
		assert_int_equal(bankcard_check(v[i].text, NULL, 0), 0);
	}
	/* each allowed length, 12 to 19 */
	for (len = 11; len <= 18; len++) {
		snprintf(s, sizeof(s), "%.*s", len, "621226120201158434");
		add_luhn(s);
		assert_int_equal(bankcard_check(s, norm, sizeof(norm)), 0);
		assert_string_equal(norm, s);
	}
}

static void
test_bankcard_bad(void **state)
{
	static const char *const v[] = {
		"", " ", "            ", "4111111111111112",
		"4111-1111-1111-1111", "4111\t1111111111111",
		"4111111111111111x",
		"411111111111111１", "-4111111111111111", "+4111111111111111",
		"４111111111111111",
	};
	char	 norm[32], s[32];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		strcpy(norm, "junk");
		assert_int_equal(bankcard_check(v[i], norm, sizeof(norm)), -1);
		assert_string_equal(norm, "");
	}
	assert_int_equal(bankcard_check(NULL, norm, sizeof(norm)), -1);
	/* 11 and 20 digits are refused even when Luhn-valid */
	strcpy(s, "7992739871");
	add_luhn(s);
	assert_int_equal(luhn_valid(s), 1);
	assert_int_equal(bankcard_check(s, NULL, 0), -1);
	strcpy(s, "6212261202011584349");
	add_luhn(s);
	assert_int_equal(luhn_valid(s), 1);
	assert_int_equal(strlen(s), 20);
	assert_int_equal(bankcard_check(s, NULL, 0), -1);
	strcpy(s, "621226120201158434999999999");
	assert_int_equal(bankcard_check(s, NULL, 0), -1);
}

/* norm: the digits when they fit, else "" and -1 */
static void
test_bankcard_norm(void **state)
{
	char	 norm[32];

	(void)state;
	memset(norm, 'Z', sizeof(norm));
	assert_int_equal(bankcard_check("4111 1111 1111 1111", norm, 16), -1);
	assert_string_equal(norm, "");
	assert_int_equal(norm[1], 'Z');
	assert_int_equal(bankcard_check("4111 1111 1111 1111", norm, 17), 0);
	assert_string_equal(norm, "4111111111111111");
	assert_int_equal(bankcard_check("4111 1111 1111 1111", norm, 0), -1);
}

/* an organisation's account: 6 to 32 digits, spaces and '-' ignored */
static void
test_account(void **state)
{
	static const struct {
		const char	*text;
		const char	*norm;
	} ok[] = {
		{ "123456", "123456" },
		{ "12345678901234567890123456789012",
		  "12345678901234567890123456789012" },
		{ "1234 5678 9012", "123456789012" },
		{ "1234-5678-9012", "123456789012" },
		{ " 12-34 56- ", "123456" },
		{ "6402 0100 0400 1234 567", "6402010004001234567" },
		{ "000000", "000000" },
		{ "4111111111111112", "4111111111111112" },	/* no Luhn */
	};
	static const char *const bad[] = {
		"", "12345", "1234-5", "      ", "------",
		"123456789012345678901234567890123", "12345a", "A12345",
		"123456.7", "123_456", "12345\t6", "+123456", "１23456",
		"1234 5678 9012 3456 7890 1234 5678 9012 3",
	};
	char	 norm[40];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(ok); i++) {
		assert_int_equal(account_check(ok[i].text, norm, sizeof(norm)),
		    0);
		assert_string_equal(norm, ok[i].norm);
		assert_int_equal(account_check(ok[i].text, NULL, 0), 0);
	}
	for (i = 0; i < NELEM(bad); i++) {
		strcpy(norm, "junk");
		assert_int_equal(account_check(bad[i], norm, sizeof(norm)),
		    -1);
		assert_string_equal(norm, "");
	}
	assert_int_equal(account_check(NULL, norm, sizeof(norm)), -1);
	/* norm too small */
	assert_int_equal(account_check("1234-5678", norm, 8), -1);
	assert_string_equal(norm, "");
	assert_int_equal(account_check("1234-5678", norm, 9), 0);
	assert_string_equal(norm, "12345678");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_luhn_known),
		cmocka_unit_test(test_luhn_alterations),
		cmocka_unit_test(test_bankcard_ok),
		cmocka_unit_test(test_bankcard_bad),
		cmocka_unit_test(test_bankcard_norm),
		cmocka_unit_test(test_account),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
