/*
 * test-check-phone.c: unit tests of check-phone.c: mobile numbers (1[3-9] and 9
 * more digits) and landlines (010, 02X or 0[3-9]XX, then 7 or 8 digits not
 * starting with 0 or 1), with their normal forms.
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

static void
test_ok(void **state)
{
	static const struct {
		const char	*text;
		const char	*norm;
	} v[] = {
		/* mobile */
		{ "13800138000", "13800138000" },
		{ "13012345678", "13012345678" },
		{ "14512345678", "14512345678" },
		{ "15912345678", "15912345678" },
		{ "16612345678", "16612345678" },
		{ "17712345678", "17712345678" },
		{ "18912345678", "18912345678" },
		{ "19912345678", "19912345678" },
		{ "13999999999", "13999999999" },
		/* landline, four-character area code */
		{ "0951-5169850", "0951-5169850" },
		{ "09515169850", "0951-5169850" },
		{ "0951 5169850", "0951-5169850" },
		{ "0951-51698501", "0951-51698501" },
		{ "095151698501", "0951-51698501" },
		{ "0311-86012345", "0311-86012345" },
		{ "0999-2000000", "0999-2000000" },
		{ "0300-9999999", "0300-9999999" },
		/* landline, three-character area code: 010 and 02X */
		{ "010-62345678", "010-62345678" },
		{ "01062345678", "010-62345678" },
		{ "010 62345678", "010-62345678" },
		{ "010-6234567", "010-6234567" },
		{ "021-52345678", "021-52345678" },
		{ "02052345678", "020-52345678" },
		{ "029-8765432", "029-8765432" },
		{ "022 23456789", "022-23456789" },
	};
	char	 norm[32];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		strcpy(norm, "junk");
		assert_int_equal(phone_check(v[i].text, norm, sizeof(norm)),
		    0);
		assert_string_equal(norm, v[i].norm);
		assert_int_equal(phone_check(v[i].text, NULL, 0), 0);
	}
}

static void
test_mobile_bad(void **state)
{
	static const char *const v[] = {
		"", "1", "1380013800", "138001380000", "10012345678",
		"11012345678", "12012345678", "23800138000", "1380013800a",
		"138 0013 8000", "138-0013-8000", "+8613800138000",
		"8613800138000", " 13800138000", "13800138000 ",
		"１3800138000",
	};
	size_t	 i;
	char	 norm[32];

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		strcpy(norm, "junk");
		assert_int_equal(phone_check(v[i], norm, sizeof(norm)), -1);
		assert_string_equal(norm, "");
	}
	assert_int_equal(phone_check(NULL, norm, sizeof(norm)), -1);
}

static void
test_landline_bad(void **state)
{
	static const char *const v[] = {
		/* area codes that do not exist: 00X, 01X other than 010 */
		"000-62345678", "0012345678", "011-62345678", "019-6234567",
		"0162345678",
		/* area code shapes */
		"0", "01", "010", "010-", "0951", "0951-", "095-5169850",
		"951-5169850", "1951-5169850", "0A51-5169850",
		/* local numbers: 7 or 8 digits, not starting with 0 or 1 */
		"0951-516985", "0951-516985012", "0951-0169850",
		"0951-1169850", "010-12345678", "010-02345678",
		"010-623456789", "010-623456", "0951-51698a0",
		"0951-5169850 ", " 0951-5169850",
		/* separators: at most one '-' or ' ' */
		"0951--5169850", "0951 -5169850", "0951- 5169850",
		"0951_5169850", "0951.5169850", "0951/5169850",
		"(0951)5169850", "0951-516-9850", "0951\t5169850",
		"+86-951-5169850", "0951-5169850-123",
	};
	size_t	 i;
	char	 norm[32];

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		strcpy(norm, "junk");
		assert_int_equal(phone_check(v[i], norm, sizeof(norm)), -1);
		assert_string_equal(norm, "");
	}
}

/* the area code length is decided by its first digits */
static void
test_area_length(void **state)
{
	char	 text[32], want[32], norm[32];
	int	 a, b;

	(void)state;
	for (a = 0; a <= 9; a++)
		for (b = 0; b <= 9; b++) {
			/* 0ab then 8 digits: 0ab is the area code only for
			 * 010 and 02X; else 0abX with X = 2 */
			snprintf(text, sizeof(text), "0%d%d25169850", a, b);
			if ((a == 1 && b == 0) || a == 2) {
				snprintf(want, sizeof(want), "0%d%d-25169850",
				    a, b);
			} else if (a >= 3) {
				snprintf(want, sizeof(want), "0%d%d2-5169850",
				    a, b);
			} else
				want[0] = '\0';
			assert_int_equal(phone_check(text, norm, sizeof(norm)),
			    want[0] != '\0' ? 0 : -1);
			assert_string_equal(norm, want);
		}
}

/* norm: filled when it fits, else "" and -1 */
static void
test_norm(void **state)
{
	char	 norm[32];

	(void)state;
	memset(norm, 'Z', sizeof(norm));
	assert_int_equal(phone_check("09515169850", norm, 12), -1);
	assert_string_equal(norm, "");
	assert_int_equal(norm[1], 'Z');
	assert_int_equal(phone_check("09515169850", norm, 13), 0);
	assert_string_equal(norm, "0951-5169850");
	assert_int_equal(phone_check("13800138000", norm, 11), -1);
	assert_string_equal(norm, "");
	assert_int_equal(phone_check("13800138000", norm, 12), 0);
	assert_string_equal(norm, "13800138000");
	assert_int_equal(phone_check("13800138000", norm, 0), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ok),
		cmocka_unit_test(test_mobile_bad),
		cmocka_unit_test(test_landline_bad),
		cmocka_unit_test(test_area_length),
		cmocka_unit_test(test_norm),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
