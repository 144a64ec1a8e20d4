/*
 * check-idcard.c: the 18-character citizen identity number of GB 11643-1999
 * (公民身份号码): region, date of birth, sequence and the ISO 7064
 * MOD 11-2 check character; gender and birth date read from it.
 */
#include <limits.h>
#include <string.h>

#include "domain.h"

#define IDCARD_LEN	18

/* GB 11643 / GB/T 2260: the province-level region codes, as ranges. */
static const struct {
	int	 lo, hi;
} provinces[] = {
	{ 11, 15 }, { 21, 23 }, { 31, 37 }, { 41, 46 }, { 50, 54 },
	{ 61, 65 }, { 71, 71 }, { 81, 83 },
};

/* GB 11643: ISO 7064 MOD 11-2 weights of the first 17 digits. */
static const int id_weight[17] = {
	7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
};

/* Copy s (n bytes) into norm as a string, or "" if it does not fit. */
static void
set_norm(char *norm, size_t len, const char *s, size_t n)
{
	if (norm == NULL || len == 0)
		return;
	if (s == NULL || len <= n) {
		norm[0] = '\0';
		return;
	}
	memcpy(norm, s, n);
	norm[n] = '\0';
}

/* 1 if the two digits at s are a province-level code. GB/T 2260 */
static int
is_province(const char *s)
{
	int	 v = (s[0] - '0') * 10 + (s[1] - '0');
	size_t	 i;

	for (i = 0; i < sizeof(provinces) / sizeof(provinces[0]); i++)
		if (v >= provinces[i].lo && v <= provinces[i].hi)
			return 1;
	return 0;
}

/* The check character of 17 digits: ISO 7064 MOD 11-2. GB 11643 */
static char
id_checkchar(const char *s)
{
	int	 sum = 0, i, c;

	for (i = 0; i < 17; i++)
		sum += (s[i] - '0') * id_weight[i];
	c = (12 - sum % 11) % 11;
	return c == 10 ? 'X' : (char)('0' + c);
}

/* Value of n digits at s (the caller has checked they are digits). */
static int
num(const char *s, int n)
{
	int	 v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

/*
 * Check an 18-character identity number, errors in the order of enum
 * idcard_err; norm gets the number with an upper-case X. GB 11643
 */
int
idcard_check(const char *id, int today, char *norm, size_t len)
{
	char	 buf[IDCARD_LEN + 1];
	int	 i, day;

	set_norm(norm, len, NULL, 0);
	if (id == NULL || strlen(id) != IDCARD_LEN)
		return IDCARD_LENGTH;
	memcpy(buf, id, sizeof(buf));
	for (i = 0; i < 17; i++)
		if (buf[i] < '0' || buf[i] > '9')
			return IDCARD_CHAR;
	if (buf[17] == 'x')
		buf[17] = 'X';
	if ((buf[17] < '0' || buf[17] > '9') && buf[17] != 'X')
		return IDCARD_CHAR;
	/* GB 11643: digits 1-6 the address code, county level */
	if (!is_province(buf) || memcmp(buf + 2, "0000", 4) == 0)
		return IDCARD_REGION;
	/* GB 11643: digits 7-14 the date of birth YYYYMMDD */
	if (date_from_ymd(num(buf + 6, 4), num(buf + 10, 2), num(buf + 12, 2),
	    &day) == -1 || (today > 0 && day > today))
		return IDCARD_BIRTH;
	if (id_checkchar(buf) != buf[17])
		return IDCARD_CHECK;
	set_norm(norm, len, buf, IDCARD_LEN);
	return IDCARD_OK;
}

/* GB 11643: the 17th digit (sequence code) is odd for men, even for women. */
int
idcard_gender(const char *norm)
{
	if (norm == NULL || strlen(norm) < 17 || norm[16] < '0' ||
	    norm[16] > '9')
		return 0;
	return (norm[16] - '0') % 2 == 1 ? 1 : 2;
}

/* The day number of the birth date in a checked number; INT_MIN if none. */
int
idcard_birth(const char *norm)
{
	int	 i, day;

	if (norm == NULL || strlen(norm) < 14)
		return INT_MIN;
	for (i = 6; i < 14; i++)
		if (norm[i] < '0' || norm[i] > '9')
			return INT_MIN;
	if (date_from_ymd(num(norm + 6, 4), num(norm + 10, 2),
	    num(norm + 12, 2), &day) == -1)
		return INT_MIN;
	return day;
}

/*
 * Full years of age on day today of the holder of a checked number, or -1
 * if the number holds no date (R-SEC-8.11d).
 */
int
idcard_age(const char *norm, int today)
{
	int	 birth = idcard_birth(norm), by, bm, bd, ty, tm, td, age;

	if (birth == INT_MIN || today < birth)
		return -1;
	date_to_ymd(birth, &by, &bm, &bd);
	date_to_ymd(today, &ty, &tm, &td);
	age = ty - by;
	if (tm < bm || (tm == bm && td < bd))
		age--;
	return age;
}

/* The Chinese message of an idcard_check result. */
const char *
idcard_strerror(int err)
{
	static const char *const msg[] = {
		[IDCARD_OK] = "",
		[IDCARD_LENGTH] = "身份证号码应为18位",
		[IDCARD_CHAR] = "身份证号码前17位应为数字，末位为数字或X",
		[IDCARD_REGION] = "身份证号码的地区码无效",
		[IDCARD_BIRTH] = "身份证号码中的出生日期无效",
		[IDCARD_CHECK] = "身份证号码校验位错误",
	};

	if (err < 0 || (size_t)err >= sizeof(msg) / sizeof(msg[0]))
		return "身份证号码无效";
	return msg[err];
}
