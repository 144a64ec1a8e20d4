/*
 * test-check-idcard.c: unit tests of check-idcard.c, the 18-character citizen
 * identity number of GB 11643-1999: each refusal in its order, generated
 * valid numbers and every single-character alteration.
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

/* Day number of a date the test knows to be valid. */
static int
ymd(int y, int m, int d)
{
	int	 day;

	assert_int_equal(date_from_ymd(y, m, d, &day), 0);
	return day;
}

/* Complete 17 digits into an 18-character number with its check. GB 11643 */
static void
idcard_of(const char *first17, char *id)
{
	static const int w[17] = {
		7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
	};
	static const char check[] = "10X98765432";	/* by sum % 11 */
	int	 i, sum = 0;

	assert_int_equal(strlen(first17), 17);
	for (i = 0; i < 17; i++)
		sum += (first17[i] - '0') * w[i];
	memcpy(id, first17, 17);
	id[17] = check[sum % 11];
	id[18] = '\0';
}

/* GB 11643: the known public example, and its lowercase x form */
static void
test_known(void **state)
{
	char	 norm[19];
	int	 today = ymd(2024, 6, 1);

	(void)state;
	assert_int_equal(idcard_check("11010519491231002X", today, norm,
	    sizeof(norm)), IDCARD_OK);
	assert_string_equal(norm, "11010519491231002X");
	memset(norm, 'Z', sizeof(norm));
	assert_int_equal(idcard_check("11010519491231002x", today, norm,
	    sizeof(norm)), IDCARD_OK);
	assert_string_equal(norm, "11010519491231002X");
	assert_int_equal(idcard_check("11010519491231002x", today, NULL, 0),
	    IDCARD_OK);
	assert_int_equal(idcard_gender(norm), 2);
	assert_int_equal(idcard_birth(norm), ymd(1949, 12, 31));
	/* GB 11643: right check digit, but born 1880 (< 1900) */
	assert_int_equal(idcard_check("440524188001010014", today, norm,
	    sizeof(norm)), IDCARD_BIRTH);
	assert_string_equal(norm, "");
}

/* the check digit computation matches the known example */
static void
test_make_id(void **state)
{
	char	 id[19];

	(void)state;
	idcard_of("11010519491231002", id);
	assert_string_equal(id, "11010519491231002X");
	idcard_of("44052418800101001", id);
	assert_string_equal(id, "440524188001010014");
}

/* GB 11643: generated numbers across regions, dates and genders pass */
static void
test_generated_valid(void **state)
{
	static const char *const regions[] = {
		"110101", "120101", "130102", "140105", "150102", "210102",
		"220102", "230102", "310101", "320102", "330102", "340102",
		"350102", "360102", "370102", "410102", "420102", "430102",
		"440103", "450102", "460105", "500101", "510104", "520102",
		"530102", "540102", "610102", "620102", "630102", "640104",
		"650102", "710101", "810101", "820101", "830101", "640100",
		"110001",
	};
	static const char *const births[] = {
		"19000101", "19000228", "19040229", "19491231", "19600229",
		"19991231", "20000229", "20000101", "20231231", "20240229",
		"20240601",
	};
	char	 first[40], id[19], norm[19];
	int	 today = ymd(2024, 6, 1);
	size_t	 r, b;
	int	 seq;

	(void)state;
	for (r = 0; r < NELEM(regions); r++)
		for (b = 0; b < NELEM(births); b++)
			for (seq = 0; seq < 1000; seq += 111) {
				snprintf(first, sizeof(first), "%s%s%03d",
				    regions[r], births[b], seq);
				idcard_of(first, id);
				assert_int_equal(idcard_check(id, today, norm,
				    sizeof(norm)), IDCARD_OK);
				assert_string_equal(norm, id);
				assert_int_equal(idcard_gender(id),
				    seq % 2 == 1 ? 1 : 2);
				assert_int_equal(idcard_birth(id),
				    idcard_birth(norm));
			}
}

/* GB 11643: the number is exactly 18 bytes; 15-digit numbers refused */
static void
test_length(void **state)
{
	static const char *const v[] = {
		"", "1", "110105491231002", "11010519491231002",
		"11010519491231002X0", "11010519491231002XX",
		"110105194912310020000", " 11010519491231002X",
		"11010519491231002X ", "1101051949123100",
		"１1010519491231002X",	/* fullwidth digit: 20 bytes */
	};
	char	 norm[19];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		strcpy(norm, "junk");
		assert_int_equal(idcard_check(v[i], 0, norm, sizeof(norm)),
		    IDCARD_LENGTH);
		assert_string_equal(norm, "");
	}
	assert_int_equal(idcard_check(NULL, 0, norm, sizeof(norm)),
	    IDCARD_LENGTH);
}

/* GB 11643: seventeen digits, then a digit or X */
static void
test_char(void **state)
{
	static const char *const v[] = {
		"A1010519491231002X", "1101051949123100AX",
		"11010519491231002Y", "11010519491231002 ",
		" 1010519491231002X", "1101051949-231002X",
		"11010519491231002*", "110105194912310x2X",
		"X1010519491231002X",
		"11010519491231002\x80", "++010519491231002X",
		/* CHAR before REGION, BIRTH, CHECK */
		"00000000000000000A", "9901051949123100X0",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++)
		assert_int_equal(idcard_check(v[i], 0, NULL, 0), IDCARD_CHAR);
}

/* GB/T 2260: province-level codes only, and not "0000" below them */
static void
test_region(void **state)
{
	static const int good[] = {
		11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
		41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64,
		65, 71, 81, 82, 83,
	};
	char	 first[40], id[19];
	int	 p, expect;
	size_t	 i;

	(void)state;
	for (p = 0; p <= 99; p++) {
		expect = IDCARD_REGION;
		for (i = 0; i < NELEM(good); i++)
			if (good[i] == p)
				expect = IDCARD_OK;
		snprintf(first, sizeof(first), "%02d010519491231002", p);
		idcard_of(first, id);
		assert_int_equal(idcard_check(id, 0, NULL, 0), expect);
		/* digits 3-6 all zero */
		snprintf(first, sizeof(first), "%02d000019491231002", p);
		idcard_of(first, id);
		assert_int_equal(idcard_check(id, 0, NULL, 0), IDCARD_REGION);
	}
	/* REGION before BIRTH and CHECK */
	assert_int_equal(idcard_check("990105194913310020", 0, NULL, 0),
	    IDCARD_REGION);
}

/* GB 11643: digits 7-14 a real date, from 1900, not after today */
static void
test_birth(void **state)
{
	static const char *const bad[] = {
		"18991231", "18800101", "00000000", "19000229", "19490229",
		"20010229", "21000229", "20000230", "20000431", "20000631",
		"20000931", "20001131", "20000132", "20000100", "20001301",
		"20000001", "19491232", "99999999", "30000101",
	};
	char	 first[40], id[19];
	size_t	 i;
	int	 today = ymd(2024, 6, 1);

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		snprintf(first, sizeof(first), "110105%s002", bad[i]);
		idcard_of(first, id);
		assert_int_equal(idcard_check(id, today, NULL, 0),
		    IDCARD_BIRTH);
		assert_int_equal(idcard_check(id, 0, NULL, 0), IDCARD_BIRTH);
		assert_int_equal(idcard_birth(id), INT_MIN);
	}
	/* born today is fine, tomorrow is not */
	idcard_of("11010520240601002", id);
	assert_int_equal(idcard_check(id, today, NULL, 0), IDCARD_OK);
	assert_int_equal(idcard_check(id, today - 1, NULL, 0), IDCARD_BIRTH);
	assert_int_equal(idcard_birth(id), today);
	idcard_of("11010520240602002", id);
	assert_int_equal(idcard_check(id, today, NULL, 0), IDCARD_BIRTH);
	/* today <= 0: the future is not checked */
	assert_int_equal(idcard_check(id, 0, NULL, 0), IDCARD_OK);
	assert_int_equal(idcard_check(id, -1, NULL, 0), IDCARD_OK);
	assert_int_equal(idcard_check(id, INT_MIN, NULL, 0), IDCARD_OK);
	idcard_of("11010529991231002", id);
	assert_int_equal(idcard_check(id, 0, NULL, 0), IDCARD_OK);
	assert_int_equal(idcard_check(id, today, NULL, 0), IDCARD_BIRTH);
	/* today = 1 (1970-01-02) does check */
	idcard_of("11010519700103002", id);
	assert_int_equal(idcard_check(id, 1, NULL, 0), IDCARD_BIRTH);
	idcard_of("11010519700102002", id);
	assert_int_equal(idcard_check(id, 1, NULL, 0), IDCARD_OK);
	/* BIRTH before CHECK */
	assert_int_equal(idcard_check("110105194902300020", 0, NULL, 0),
	    IDCARD_BIRTH);
}

/* GB 11643: ISO 7064 MOD 11-2 check character */
static void
test_check(void **state)
{
	static const char checks[] = "0123456789X";
	char	 id[19], first[40];
	size_t	 i;
	int	 n = 0;

	(void)state;
	idcard_of("11010519491231002", id);
	for (i = 0; i < 11; i++) {
		id[17] = checks[i];
		assert_int_equal(idcard_check(id, 0, NULL, 0),
		    checks[i] == 'X' ? IDCARD_OK : IDCARD_CHECK);
	}
	/* each of the eleven check characters occurs and is honoured */
	for (i = 0; i < 400; i++) {
		snprintf(first, sizeof(first), "64010419800101%03zu", i);
		idcard_of(first, id);
		assert_int_equal(idcard_check(id, 0, NULL, 0), IDCARD_OK);
		if (id[17] == 'X') {
			n++;
			id[17] = 'x';
			assert_int_equal(idcard_check(id, 0, NULL, 0),
			    IDCARD_OK);
		}
	}
	assert_true(n > 0);
}

/* GB 11643: every single-character alteration of valid numbers is caught */
static void
test_alterations(void **state)
{
	static const char *const valid17[] = {
		"11010519491231002", "64010419800101123", "44030620000229456",
		"83010119991231007", "54010219000101000",
	};
	static const char alphabet[] = "0123456789Xx";
	char	 id[19], orig[19];
	size_t	 v, pos, a;

	(void)state;
	for (v = 0; v < NELEM(valid17); v++) {
		idcard_of(valid17[v], orig);
		assert_int_equal(idcard_check(orig, 0, NULL, 0), IDCARD_OK);
		for (pos = 0; pos < 18; pos++)
			for (a = 0; a < sizeof(alphabet) - 1; a++) {
				if (alphabet[a] == orig[pos] ||
				    (pos == 17 && orig[17] == 'X' &&
				    alphabet[a] == 'x'))
					continue;
				strcpy(id, orig);
				id[pos] = alphabet[a];
				assert_int_not_equal(idcard_check(id, 0, NULL,
				    0), IDCARD_OK);
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
	assert_int_equal(idcard_check("11010519491231002x", 0, norm, 18),
	    IDCARD_OK);
	assert_string_equal(norm, "");
	assert_int_equal(norm[1], 'Z');
	assert_int_equal(idcard_check("11010519491231002x", 0, norm, 19),
	    IDCARD_OK);
	assert_string_equal(norm, "11010519491231002X");
	assert_int_equal(idcard_check("11010519491231002x", 0, norm, 0),
	    IDCARD_OK);
	assert_string_equal(norm, "11010519491231002X");	/* untouched */
	assert_int_equal(idcard_check("11010519491231002Y", 0, norm,
	    sizeof(norm)), IDCARD_CHAR);
	assert_string_equal(norm, "");
}

/* GB 11643: 17th digit odd for men, even for women */
static void
test_gender(void **state)
{
	char	 first[40], id[19];
	int	 d;

	(void)state;
	for (d = 0; d <= 9; d++) {
		snprintf(first, sizeof(first), "1101051949123100%d", d);
		idcard_of(first, id);
		assert_int_equal(idcard_gender(id), d % 2 == 1 ? 1 : 2);
	}
	assert_int_equal(idcard_gender(NULL), 0);
	assert_int_equal(idcard_gender(""), 0);
	assert_int_equal(idcard_gender("1101051949123100"), 0);
	assert_int_equal(idcard_gender("1101051949123100A"), 0);
}

static void
test_birth_day(void **state)
{
	(void)state;
	assert_int_equal(idcard_birth("11010519491231002X"),
	    ymd(1949, 12, 31));
	assert_int_equal(idcard_birth("110105197001010010"), 0);
	assert_int_equal(idcard_birth("110105200002290010"),
	    ymd(2000, 2, 29));
	assert_int_equal(idcard_birth("110105190001010010"),
	    ymd(1900, 1, 1));
	assert_int_equal(idcard_birth(NULL), INT_MIN);
	assert_int_equal(idcard_birth("1101051949"), INT_MIN);
	assert_int_equal(idcard_birth("1101051949A231002X"), INT_MIN);
}

static void
test_strerror(void **state)
{
	(void)state;
	assert_string_equal(idcard_strerror(IDCARD_OK), "");
	assert_string_equal(idcard_strerror(IDCARD_LENGTH),
	    "身份证号码应为18位");
	assert_string_equal(idcard_strerror(IDCARD_CHAR),
	    "身份证号码前17位应为数字，末位为数字或X");
	assert_string_equal(idcard_strerror(IDCARD_REGION),
	    "身份证号码的地区码无效");
	assert_string_equal(idcard_strerror(IDCARD_BIRTH),
	    "身份证号码中的出生日期无效");
	assert_string_equal(idcard_strerror(IDCARD_CHECK),
	    "身份证号码校验位错误");
	assert_string_equal(idcard_strerror(-1), "身份证号码无效");
	assert_string_equal(idcard_strerror(IDCARD_CHECK + 1),
	    "身份证号码无效");
	assert_string_equal(idcard_strerror(INT_MAX), "身份证号码无效");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known),
		cmocka_unit_test(test_make_id),
		cmocka_unit_test(test_generated_valid),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_char),
		cmocka_unit_test(test_region),
		cmocka_unit_test(test_birth),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_alterations),
		cmocka_unit_test(test_norm),
		cmocka_unit_test(test_gender),
		cmocka_unit_test(test_birth_day),
		cmocka_unit_test(test_strerror),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
