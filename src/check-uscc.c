/*
 * check-uscc.c: the 18-character unified social credit code of GB 32100-2015
 * (统一社会信用代码): registration authority and category, region code, the
 * embedded GB 11714 organisation code and the MOD 31 check character.
 */
#include <string.h>

#include "domain.h"

#define USCC_LEN	18

/* GB 32100: the 31 code characters (no I O Z S V); value = index. */
static const char charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* GB 32100 表1: registration authority and its institution categories. */
static const struct {
	char		 authority;
	const char	*categories;
} authorities[] = {
	{ '1', "1239" },	/* 机构编制 */
	{ '2', "19" },		/* 外交 */
	{ '3', "123459" },	/* 司法行政 */
	{ '4', "19" },		/* 文化 */
	{ '5', "1239" },	/* 民政 */
	{ '6', "129" },		/* 旅游 */
	{ '7', "1239" },	/* 宗教 */
	{ '8', "19" },		/* 工会 */
	{ '9', "123" },		/* 工商 */
	{ 'A', "19" },		/* 中央军委改革和编制办公室 */
	{ 'N', "1239" },	/* 农业 */
	{ 'Y', "1" },		/* 其他 */
};

/* GB 32100: weights of the first 17 characters for the check character. */
static const int uscc_weight[17] = {
	1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

/* GB 11714: weights of the 8 body characters of an organisation code. */
static const int org_weight[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };

/* GB 32100 / GB/T 2260: province-level codes, plus 10 for central bodies. */
static const struct {
	int	 lo, hi;
} regions[] = {
	{ 10, 15 }, { 21, 23 }, { 31, 37 }, { 41, 46 }, { 50, 54 },
	{ 61, 65 }, { 71, 71 }, { 81, 83 },
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

/* Charset index of c, or -1 if c is not a code character. GB 32100 */
static int
char_value(char c)
{
	const char	*p;

	if (c == '\0' || (p = strchr(charset, c)) == NULL)
		return -1;
	return (int)(p - charset);
}

/* 1 if the authority/category pair is in the table. GB 32100 */
static int
authority_ok(char authority, char category)
{
	size_t	 i;

	for (i = 0; i < sizeof(authorities) / sizeof(authorities[0]); i++)
		if (authorities[i].authority == authority)
			return strchr(authorities[i].categories, category) !=
			    NULL;
	return 0;
}

/* 1 if the six characters at s are digits starting with a known province. */
static int
region_ok(const char *s)
{
	int	 i, v;
	size_t	 j;

	for (i = 0; i < 6; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	v = (s[0] - '0') * 10 + (s[1] - '0');
	for (j = 0; j < sizeof(regions) / sizeof(regions[0]); j++)
		if (v >= regions[j].lo && v <= regions[j].hi)
			return 1;
	return 0;
}

/*
 * 1 if the nine characters at s are an organisation code whose ninth is its
 * check character: digits count 0-9, letters A=10 .. Z=35. GB 11714
 */
static int
orgcode_ok(const char *s)
{
	int	 sum = 0, i, v, c;
	char	 want;

	for (i = 0; i < 8; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			v = s[i] - '0';
		else if (s[i] >= 'A' && s[i] <= 'Z')
			v = s[i] - 'A' + 10;
		else
			return 0;
		sum += v * org_weight[i];
	}
	c = 11 - sum % 11;
	want = c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
	return s[8] == want;
}

/*
 * Check a unified social credit code, errors in the order of enum uscc_err;
 * norm gets the code in upper case. GB 32100
 */
int
uscc_check(const char *code, char *norm, size_t len)
{
	char	 buf[USCC_LEN + 1];
	int	 val[USCC_LEN], i, sum = 0, c;

	set_norm(norm, len, NULL, 0);
	if (code == NULL || strlen(code) != USCC_LEN)
		return USCC_LENGTH;
	memcpy(buf, code, sizeof(buf));
	for (i = 0; i < USCC_LEN; i++) {
		if (buf[i] >= 'a' && buf[i] <= 'z')
			buf[i] = (char)(buf[i] - 'a' + 'A');
		if ((val[i] = char_value(buf[i])) == -1)
			return USCC_CHAR;
	}
	if (!authority_ok(buf[0], buf[1]))
		return USCC_AUTHORITY;
	if (!region_ok(buf + 2))
		return USCC_REGION;
	/*
	 * GB 32100: 农业 (N) codes of rural collective economic organisations
	 * are assigned by agriculture departments, not GB 11714: no check.
	 */
	if (buf[0] != 'N' && !orgcode_ok(buf + 8))
		return USCC_ORGCODE;
	for (i = 0; i < 17; i++)
		sum += val[i] * uscc_weight[i];
	c = 31 - sum % 31;
	if (c == 31)
		c = 0;
	if (val[17] != c)
		return USCC_CHECK;
	set_norm(norm, len, buf, USCC_LEN);
	return USCC_OK;
}

/* The Chinese message of a uscc_check result. */
const char *
uscc_strerror(int err)
{
	static const char *const msg[] = {
		[USCC_OK] = "",
		[USCC_LENGTH] = "统一社会信用代码应为18位",
		[USCC_CHAR] =
		    "统一社会信用代码含有无效字符（不使用I、O、Z、S、V）",
		[USCC_AUTHORITY] =
		    "统一社会信用代码的登记管理部门或机构类别代码无效",
		[USCC_REGION] = "统一社会信用代码的行政区划码无效",
		[USCC_ORGCODE] = "统一社会信用代码中的组织机构代码校验位错误",
		[USCC_CHECK] = "统一社会信用代码校验位错误",
	};

	if (err < 0 || (size_t)err >= sizeof(msg) / sizeof(msg[0]))
		return "统一社会信用代码无效";
	return msg[err];
}
