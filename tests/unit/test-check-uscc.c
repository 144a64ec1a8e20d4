/*
 * test-check-uscc.c: unit tests of check-uscc.c, the unified social credit code
 * of GB 32100-2015 with its embedded GB 11714 organisation code: valid
 * codes built for every authority and category, each refusal in its order,
 * and every single-character alteration.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "domain.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* GB 32100: the code characters, value = index */
static const char charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* GB 32100 表1: every valid authority + category pair */
static const char *const pairs[] = {
	"11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35",
	"39", "41", "49", "51", "52", "53", "59", "61", "62", "69", "71",
	"72", "73", "79", "81", "89", "91", "92", "93", "A1", "A9", "N1",
	"N2", "N3", "N9", "Y1",
};

/* Value of a code character, failing the test if it is not one. */
static int
value(char c)
{
	const char	*p = strchr(charset, c);

	assert_non_null(p);
	assert_true(c != '\0');
	return (int)(p - charset);
}

/* GB 11714: the check character of the 8 body characters at s. */
static char
org_check(const char *s)
{
	static const int w[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
	int	 i, sum = 0, c;

	for (i = 0; i < 8; i++)
		sum += (s[i] <= '9' ? s[i] - '0' : s[i] - 'A' + 10) * w[i];
	c = 11 - sum % 11;
	return c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
}

/* GB 32100: the check character of the first 17 characters at s. */
static char
uscc_checkchar(const char *s)
{
	static const int w[17] = {
		1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
	};
	int	 i, sum = 0;

	for (i = 0; i < 17; i++)
		sum += value(s[i]) * w[i];
	return charset[(31 - sum % 31) % 31];
}

/*
 * Build a code from the authority+category pair, the region and the
 * 8-character organisation body: both checks computed, unless orgbad,
 * which spoils the organisation check but keeps the final one right.
 */
static void
make_code(const char *pair, const char *region, const char *body, int orgbad,
    char *code)
{
	char	 oc;

	assert_int_equal(strlen(pair), 2);
	assert_int_equal(strlen(region), 6);
	assert_int_equal(strlen(body), 8);
	oc = org_check(body);
	if (orgbad)
		oc = oc == '1' ? '2' : '1';
	snprintf(code, 19, "%s%s%s%c", pair, region, body, oc);
	code[17] = uscc_checkchar(code);
	code[18] = '\0';
}

/* GB 32100: the public example checks both ways; lowercase normalised */
static void
test_known(void **state)
{
	char	 norm[19];

	(void)state;
	assert_int_equal(org_check("M000100Y"), '4');
	assert_int_equal(uscc_checkchar("91350100M000100Y4"), '3');
	assert_int_equal(uscc_check("91350100M000100Y43", norm, sizeof(norm)),
	    USCC_OK);
	assert_string_equal(norm, "91350100M000100Y43");
	assert_int_equal(uscc_check("91350100m000100y43", norm, sizeof(norm)),
	    USCC_OK);
	assert_string_equal(norm, "91350100M000100Y43");
	assert_int_equal(uscc_check("91350100M000100Y43", NULL, 0), USCC_OK);
}

/* GB 32100: a valid code for each authority and category */
static void
test_each_authority(void **state)
{
	static const char *const regions[] = {
		"100000", "110000", "110105", "640104", "650102", "710000",
		"810000", "820000", "830000", "540102", "230102",
	};
	static const char *const bodies[] = {
		"00000000", "12345678", "MA000001", "ABCDEFGH", "M000100Y",
		"99999999", "LA1B2C3D", "X0000001",
	};
	char	 code[19], norm[19];
	size_t	 p, r, b;

	(void)state;
	for (p = 0; p < NELEM(pairs); p++)
		for (r = 0; r < NELEM(regions); r++)
			for (b = 0; b < NELEM(bodies); b++) {
				make_code(pairs[p], regions[r], bodies[b], 0,
				    code);
				assert_int_equal(uscc_check(code, norm,
				    sizeof(norm)), USCC_OK);
				assert_string_equal(norm, code);
			}
}

/* GB 32100 表1: every other authority/category pair is refused */
static void
test_authority(void **state)
{
	char	 pair[3], code[19];
	size_t	 a, c, p;
	int	 expect, ok = 0;

	(void)state;
	for (a = 0; a < sizeof(charset) - 1; a++)
		for (c = 0; c < sizeof(charset) - 1; c++) {
			pair[0] = charset[a];
			pair[1] = charset[c];
			pair[2] = '\0';
			expect = USCC_AUTHORITY;
			for (p = 0; p < NELEM(pairs); p++)
				if (strcmp(pairs[p], pair) == 0)
					expect = USCC_OK;
			ok += expect == USCC_OK;
			make_code(pair, "640104", "12345678", 0, code);
			assert_int_equal(uscc_check(code, NULL, 0), expect);
			/* AUTHORITY before REGION, ORGCODE and CHECK */
			if (expect == USCC_AUTHORITY) {
				code[2] = 'A';
				assert_int_equal(uscc_check(code, NULL, 0),
				    USCC_AUTHORITY);
			}
		}
	assert_int_equal(ok, NELEM(pairs));
}

/* GB 32100: exactly 18 characters */
static void
test_length(void **state)
{
	static const char *const v[] = {
		"", "9", "91350100M000100Y4", "91350100M000100Y433",
		"M000100Y4", "350100M000100Y43", " 91350100M000100Y43",
		"91350100M000100Y43 ", "91350100-M000100Y43",
		"91350100M000100Y4３",
	};
	char	 norm[19];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		strcpy(norm, "junk");
		assert_int_equal(uscc_check(v[i], norm, sizeof(norm)),
		    USCC_LENGTH);
		assert_string_equal(norm, "");
	}
	assert_int_equal(uscc_check(NULL, NULL, 0), USCC_LENGTH);
}

/* GB 32100: no I O Z S V, nothing outside 0-9 A-Z */
static void
test_char(void **state)
{
	static const char bad[] = "IOZSVioszv -_.*/#\x7f\x80";
	char	 code[19];
	size_t	 pos, b;

	(void)state;
	for (pos = 0; pos < 18; pos++)
		for (b = 0; b < sizeof(bad) - 1; b++) {
			strcpy(code, "91350100M000100Y43");
			code[pos] = bad[b];
			assert_int_equal(uscc_check(code, NULL, 0), USCC_CHAR);
		}
	/* CHAR before AUTHORITY */
	assert_int_equal(uscc_check("ZZ350100M000100Y43", NULL, 0), USCC_CHAR);
	assert_int_equal(uscc_check("00000000000000000I", NULL, 0),
	    USCC_CHAR);
}

/* GB 32100: six digits, province-level or 10 (central) first */
static void
test_region(void **state)
{
	static const int good[] = {
		10, 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36,
		37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
		64, 65, 71, 81, 82, 83,
	};
	static const char *const nondigit[] = {
		"A10105", "1A0105", "11A105", "110A05", "1101A5", "11010A",
		"MA0000", "YYYYYY",
	};
	char	 region[16], code[19];
	int	 r, expect;
	size_t	 i;

	(void)state;
	for (r = 0; r <= 99; r++) {
		expect = USCC_REGION;
		for (i = 0; i < NELEM(good); i++)
			if (good[i] == r)
				expect = USCC_OK;
		snprintf(region, sizeof(region), "%02d0105", r);
		make_code("91", region, "12345678", 0, code);
		assert_int_equal(uscc_check(code, NULL, 0), expect);
		snprintf(region, sizeof(region), "%02d0000", r);
		make_code("91", region, "12345678", 0, code);
		assert_int_equal(uscc_check(code, NULL, 0), expect);
	}
	for (i = 0; i < NELEM(nondigit); i++) {
		make_code("91", nondigit[i], "12345678", 0, code);
		assert_int_equal(uscc_check(code, NULL, 0), USCC_REGION);
		/* REGION before ORGCODE */
		make_code("91", nondigit[i], "12345678", 1, code);
		assert_int_equal(uscc_check(code, NULL, 0), USCC_REGION);
	}
}

/* GB 11714: the organisation code check, 10 -> X and 11 -> 0 */
static void
test_orgcode(void **state)
{
	char	 body[9], code[19], bad[19];
	int	 i, seen_x = 0, seen_0 = 0;
	size_t	 p;

	(void)state;
	for (i = 0; i < 2000; i++) {
		snprintf(body, sizeof(body), "MA%06d", i * 37);
		make_code("91", "640104", body, 0, code);
		assert_int_equal(uscc_check(code, NULL, 0), USCC_OK);
		seen_x += code[16] == 'X';
		seen_0 += code[16] == '0';
		/* a wrong organisation check with a right final check */
		make_code("91", "640104", body, 1, bad);
		assert_int_equal(uscc_check(bad, NULL, 0), USCC_ORGCODE);
		/* ORGCODE before CHECK */
		bad[17] = bad[17] == '0' ? '1' : '0';
		assert_int_equal(uscc_check(bad, NULL, 0), USCC_ORGCODE);
	}
	assert_true(seen_x > 0);
	assert_true(seen_0 > 0);
	/* every authority but N checks the organisation code */
	for (p = 0; p < NELEM(pairs); p++) {
		make_code(pairs[p], "110105", "12345678", 1, code);
		assert_int_equal(uscc_check(code, NULL, 0),
		    pairs[p][0] == 'N' ? USCC_OK : USCC_ORGCODE);
	}
}

/* GB 32100: N (农业) codes skip the organisation code check */
static void
test_rural_collective(void **state)
{
	char	 code[19], norm[19];
	int	 i;

	(void)state;
	for (i = 0; i < 200; i++) {
		char	 body[9];

		snprintf(body, sizeof(body), "%08d", i * 4999);
		make_code("N2", "640104", body, 1, code);
		assert_int_not_equal(org_check(body), code[16]);
		assert_int_equal(uscc_check(code, norm, sizeof(norm)),
		    USCC_OK);
		assert_string_equal(norm, code);
		/* the final check still applies */
		code[17] = code[17] == 'Y' ? 'X' : 'Y';
		assert_int_equal(uscc_check(code, NULL, 0), USCC_CHECK);
	}
	/* the body may even hold characters no GB 11714 code has */
	make_code("N1", "640104", "12345678", 0, code);
	code[16] = 'Y';
	code[17] = uscc_checkchar(code);
	assert_int_equal(uscc_check(code, NULL, 0), USCC_OK);
}

/* GB 32100: the final MOD 31 check character, all 31 values */
static void
test_check(void **state)
{
	char	 code[19];
	size_t	 c;

	(void)state;
	for (c = 0; c < sizeof(charset) - 1; c++) {
		strcpy(code, "91350100M000100Y43");
		code[17] = charset[c];
		assert_int_equal(uscc_check(code, NULL, 0),
		    charset[c] == '3' ? USCC_OK : USCC_CHECK);
	}
}

/* GB 32100: every single-character alteration of valid codes is refused */
static void
test_alterations(void **state)
{
	static const char alt[] =
	    "0123456789ABCDEFGHJKLMNPQRTUWXYabcdefghjklmnpqrtuwxyIOZSVioszv";
	const char	*valid[4];
	char		 c1[19], c2[19], c3[19], code[19];
	size_t		 v, pos, a;

	(void)state;
	make_code("N2", "640104", "00012345", 1, c1);
	make_code("Y1", "100000", "MA1B2C3D", 0, c2);
	make_code("31", "830000", "00000000", 0, c3);
	valid[0] = "91350100M000100Y43";
	valid[1] = c1;
	valid[2] = c2;
	valid[3] = c3;
	for (v = 0; v < NELEM(valid); v++) {
		assert_int_equal(uscc_check(valid[v], NULL, 0), USCC_OK);
		for (pos = 0; pos < 18; pos++)
			for (a = 0; a < sizeof(alt) - 1; a++) {
				char	 up = alt[a];

				if (up >= 'a' && up <= 'z')
					up = (char)(up - 'a' + 'A');
				if (up == valid[v][pos])
					continue;	/* same, or its case */
				strcpy(code, valid[v]);
				code[pos] = alt[a];
				assert_int_not_equal(uscc_check(code, NULL, 0),
				    USCC_OK);
			}
	}
}

/* norm: filled only on success, "" when it does not fit */
static void
test_norm(void **state)
{
	char	 norm[32];

	(void)state;
	memset(norm, 'Z', sizeof(norm));
	assert_int_equal(uscc_check("91350100m000100y43", norm, 18), USCC_OK);
	assert_string_equal(norm, "");
	assert_int_equal(norm[1], 'Z');
	assert_int_equal(uscc_check("91350100m000100y43", norm, 0), USCC_OK);
	assert_string_equal(norm, "");		/* untouched */
	assert_int_equal(uscc_check("91350100m000100y43", norm, 19), USCC_OK);
	assert_string_equal(norm, "91350100M000100Y43");
	assert_int_equal(uscc_check("91350100M000100Y44", norm, sizeof(norm)),
	    USCC_CHECK);
	assert_string_equal(norm, "");
}

static void
test_strerror(void **state)
{
	(void)state;
	assert_string_equal(uscc_strerror(USCC_OK), "");
	assert_string_equal(uscc_strerror(USCC_LENGTH),
	    "统一社会信用代码应为18位");
	assert_string_equal(uscc_strerror(USCC_CHAR),
	    "统一社会信用代码含有无效字符（不使用I、O、Z、S、V）");
	assert_string_equal(uscc_strerror(USCC_AUTHORITY),
	    "统一社会信用代码的登记管理部门或机构类别代码无效");
	assert_string_equal(uscc_strerror(USCC_REGION),
	    "统一社会信用代码的行政区划码无效");
	assert_string_equal(uscc_strerror(USCC_ORGCODE),
	    "统一社会信用代码中的组织机构代码校验位错误");
	assert_string_equal(uscc_strerror(USCC_CHECK),
	    "统一社会信用代码校验位错误");
	assert_string_equal(uscc_strerror(-1), "统一社会信用代码无效");
	assert_string_equal(uscc_strerror(USCC_CHECK + 1),
	    "统一社会信用代码无效");
	assert_string_equal(uscc_strerror(INT_MIN), "统一社会信用代码无效");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known),
		cmocka_unit_test(test_each_authority),
		cmocka_unit_test(test_authority),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_char),
		cmocka_unit_test(test_region),
		cmocka_unit_test(test_orgcode),
		cmocka_unit_test(test_rural_collective),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_alterations),
		cmocka_unit_test(test_norm),
		cmocka_unit_test(test_strerror),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
