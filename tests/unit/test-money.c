/*
 * test-money.c: unit tests of money.c: parsing and formatting amounts in
 * fen, capital numerals (支付结算办法 附件一), ratios in basis points and the
 * rounded-down share (003 附件4 就低不就高).
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
test_parse_ok(void **state)
{
	static const struct {
		const char	*text;
		int64_t		 fen;
	} v[] = {
		{ "0", 0 },
		{ "00", 0 },
		{ "0.0", 0 },
		{ "0.00", 0 },
		{ "0.01", 1 },
		{ "0.1", 10 },
		{ "0.05", 5 },
		{ "1", 100 },
		{ "123", 12300 },
		{ "123.4", 12340 },
		{ "123.45", 12345 },
		{ "007.50", 750 },
		{ "0000000000000000000001", 100 },
		{ "16409.02", 1640902 },
		{ "999999999999.99", INT64_C(99999999999999) },
		{ "1000000000000", MONEY_MAX_FEN },
		{ "1000000000000.0", MONEY_MAX_FEN },
		{ "1000000000000.00", MONEY_MAX_FEN },
	};
	size_t	 i;
	int64_t	 fen;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		fen = -7;
		assert_int_equal(money_parse(v[i].text, &fen), 0);
		assert_int_equal(fen, v[i].fen);
	}
}

static void
test_parse_bad(void **state)
{
	static const char *const v[] = {
		"", "+1", "-1", "+0", "-0", " 1", "1 ", "1\t", "\t1", "1 000",
		".5", ".", "5.", "..", "1..2", "1.2.3", "1.234", "0.001",
		"1.2345", "1,000", "1,000.00", "1_000", "1e3", "1E3", "0x10",
		"abc", "12a", "a12", "1.a", "1.-2", "1.+2", "１", "¥1", "1元",
		"1000000000000.01", "1000000000001", "1000000000010",
		"9999999999999", "99999999999999999999999999",
		"18446744073709551616", "92233720368547758.07",
	};
	size_t	 i;
	int64_t	 fen;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		fen = -7;
		assert_int_equal(money_parse(v[i], &fen), -1);
		assert_int_equal(fen, -7);	/* untouched on refusal */
	}
	assert_int_equal(money_parse(NULL, &fen), -1);
	assert_int_equal(money_parse("1", NULL), -1);
}

static void
test_format(void **state)
{
	static const struct {
		int64_t		 fen;
		const char	*text;
	} v[] = {
		{ 0, "0.00" },
		{ 1, "0.01" },
		{ 5, "0.05" },
		{ 10, "0.10" },
		{ 99, "0.99" },
		{ 100, "1.00" },
		{ 1640902, "16409.02" },
		{ -150, "-1.50" },
		{ -5, "-0.05" },
		{ -100, "-1.00" },
		{ MONEY_MAX_FEN, "1000000000000.00" },
		{ INT64_MAX, "92233720368547758.07" },
		{ INT64_MIN, "-92233720368547758.08" },
	};
	char	 buf[64];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		money_format(v[i].fen, buf, sizeof(buf));
		assert_string_equal(buf, v[i].text);
	}
}

static void
test_format_truncates(void **state)
{
	char	 buf[16];

	(void)state;
	memset(buf, 'Z', sizeof(buf));
	money_format(1640902, buf, 5);
	assert_string_equal(buf, "1640");
	assert_int_equal(buf[5], 'Z');
	money_format(1640902, buf, 1);
	assert_string_equal(buf, "");
	memset(buf, 'Z', sizeof(buf));
	money_format(1640902, buf, 0);		/* nothing written */
	assert_int_equal(buf[0], 'Z');
	money_format(1640902, NULL, 10);	/* no crash */
	money_format(1640902, buf, 9);		/* exact fit */
	assert_string_equal(buf, "16409.02");
}

/* parse(format(x)) == x over a spread of amounts */
static void
test_parse_format_roundtrip(void **state)
{
	char	 buf[64];
	int64_t	 fen, back;

	(void)state;
	for (fen = 0; fen < 100000; fen += 7) {
		money_format(fen, buf, sizeof(buf));
		assert_int_equal(money_parse(buf, &back), 0);
		assert_int_equal(back, fen);
	}
	for (fen = 1; fen <= MONEY_MAX_FEN / 3; fen = fen * 3 + 1) {
		money_format(fen, buf, sizeof(buf));
		assert_int_equal(money_parse(buf, &back), 0);
		assert_int_equal(back, fen);
	}
}

/* 支付结算办法 附件一: 正确填写票据和结算凭证的基本规定 */
static const struct {
	int64_t		 fen;
	const char	*text;
} capital[] = {
	/* the required vectors */
	{ 1640902, "壹万陆仟肆佰零玖元零贰分" },
	{ 10000000000, "壹亿元整" },
	{ 101010, "壹仟零壹拾元壹角" },
	{ 5, "伍分" },
	{ 0, "零元整" },
	{ 1000, "壹拾元整" },
	{ 10000000, "壹拾万元整" },
	{ 10700053, "壹拾万柒仟元伍角叁分" },
	{ 10050000, "壹拾万零伍佰元整" },
	{ 1000000100, "壹仟万零壹元整" },
	{ 10001000000, "壹亿零壹万元整" },
	{ 11000000000, "壹亿壹仟万元整" },
	{ 168032, "壹仟陆佰捌拾元叁角贰分" },
	{ 50, "伍角" },
	{ 55, "伍角伍分" },
	{ 100, "壹元整" },
	{ 105, "壹元零伍分" },
	{ 20000000, "贰拾万元整" },
	{ 100000050, "壹佰万元伍角" },
	{ 1001, "壹拾元零壹分" },
	{ 2000, "贰拾元整" },
	{ 11000, "壹佰壹拾元整" },
	{ 1001000, "壹万零壹拾元整" },
	/* fractions alone: no 元, no 零 */
	{ 1, "壹分" },
	{ 9, "玖分" },
	{ 10, "壹角" },
	{ 99, "玖角玖分" },
	{ 90, "玖角" },
	/* within one section */
	{ 200, "贰元整" },
	{ 1100, "壹拾壹元整" },
	{ 1900, "壹拾玖元整" },
	{ 10000, "壹佰元整" },
	{ 10100, "壹佰零壹元整" },
	{ 11100, "壹佰壹拾壹元整" },
	{ 100000, "壹仟元整" },
	{ 100100, "壹仟零壹元整" },
	{ 101000, "壹仟零壹拾元整" },
	{ 110000, "壹仟壹佰元整" },
	{ 100110, "壹仟零壹元壹角" },
	{ 999999, "玖仟玖佰玖拾玖元玖角玖分" },
	{ 1020304, "壹万零贰佰零叁元零肆分" },
	/* section boundaries: 万 */
	{ 1000000, "壹万元整" },
	{ 1010000, "壹万零壹佰元整" },
	{ 1000100, "壹万零壹元整" },
	{ 1100000, "壹万壹仟元整" },
	{ 30005000, "叁拾万零伍拾元整" },
	{ 100000000, "壹佰万元整" },
	{ 1000000000, "壹仟万元整" },
	{ 2000001000, "贰仟万零壹拾元整" },
	{ 1234567800, "壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元整" },
	/* section boundaries: 亿, all-zero 万 section carries its 零 */
	{ 10000000100, "壹亿零壹元整" },
	{ 10000010000, "壹亿零壹佰元整" },
	{ 10000100000, "壹亿零壹仟元整" },
	{ 10100000000, "壹亿零壹佰万元整" },
	{ 10010000000, "壹亿零壹拾万元整" },
	{ 12000000000, "壹亿贰仟万元整" },
	{ 100000000000, "壹拾亿元整" },
	{ 1000000000000, "壹佰亿元整" },
	{ 10000000000000, "壹仟亿元整" },
	{ 50000000000000, "伍仟亿元整" },
	{ 10000000000001, "壹仟亿元零壹分" },
	{ 10000000010000, "壹仟亿零壹佰元整" },
	{ 10001000000000, "壹仟亿壹仟万元整" },
	{ 10010000000000, "壹仟零壹亿元整" },
	{ 10000100000000, "壹仟亿零壹佰万元整" },
	{ 12345678901234,
	  "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分" },
	{ 99999999999999,
	  "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分" },
	/* the largest amount: 万亿 */
	{ MONEY_MAX_FEN, "壹万亿元整" },
	/* negative amounts */
	{ -150, "负壹元伍角" },
	{ -5, "负伍分" },
	{ -1640902, "负壹万陆仟肆佰零玖元零贰分" },
	{ -MONEY_MAX_FEN, "负壹万亿元整" },
};

/* 支付结算办法 附件一 */
static void
test_capital(void **state)
{
	char	 buf[512];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(capital); i++) {
		memset(buf, 'Z', sizeof(buf));
		assert_int_equal(money_capital(capital[i].fen, buf,
		    sizeof(buf)), 0);
		assert_string_equal(buf, capital[i].text);
	}
}

/* 支付结算办法 附件一: amounts above MONEY_MAX_FEN and bad buffers */
static void
test_capital_refused(void **state)
{
	char	 buf[512];

	(void)state;
	strcpy(buf, "junk");
	assert_int_equal(money_capital(MONEY_MAX_FEN + 1, buf, sizeof(buf)),
	    -1);
	assert_string_equal(buf, "");
	strcpy(buf, "junk");
	assert_int_equal(money_capital(-MONEY_MAX_FEN - 1, buf, sizeof(buf)),
	    -1);
	assert_string_equal(buf, "");
	strcpy(buf, "junk");
	assert_int_equal(money_capital(INT64_MAX, buf, sizeof(buf)), -1);
	assert_string_equal(buf, "");
	strcpy(buf, "junk");
	assert_int_equal(money_capital(INT64_MIN, buf, sizeof(buf)), -1);
	assert_string_equal(buf, "");
	assert_int_equal(money_capital(100, NULL, 10), -1);
	assert_int_equal(money_capital(100, buf, 0), -1);
}

/* every too-small buffer is refused with "", the exact size accepted */
static void
test_capital_buffer(void **state)
{
	char	 buf[512];
	size_t	 i, need, len;

	(void)state;
	for (i = 0; i < NELEM(capital); i++) {
		need = strlen(capital[i].text) + 1;
		for (len = 1; len < need; len++) {
			memset(buf, 'Z', sizeof(buf));
			assert_int_equal(money_capital(capital[i].fen, buf,
			    len), -1);
			assert_string_equal(buf, "");
			assert_int_equal(buf[len], 'Z');  /* no overrun */
		}
		assert_int_equal(money_capital(capital[i].fen, buf, need), 0);
		assert_string_equal(buf, capital[i].text);
	}
}

/*
 * Structural rules over many amounts: never two 零 in a row, never 零 before
 * 元/万/亿 or at the end, 整 only after 元, 拾 always preceded by a digit.
 */
static void
test_capital_rules(void **state)
{
	static const char *const bad[] = {
		"零零", "零元", "零万", "零亿", "角整", "分整", "元元",
	};
	char	 buf[512];
	int64_t	 fen;
	size_t	 i, n;

	(void)state;
	for (fen = 1; fen <= MONEY_MAX_FEN; fen = fen * 7 + 3) {
		int64_t	 f;

		for (f = fen; f < fen + 300 && f <= MONEY_MAX_FEN; f++) {
			assert_int_equal(money_capital(f, buf, sizeof(buf)),
			    0);
			for (i = 0; i < NELEM(bad); i++)
				assert_null(strstr(buf, bad[i]));
			n = strlen(buf);
			assert_true(n >= 3);
			assert_true(strcmp(buf + n - 3, "零") != 0);
			assert_true(strncmp(buf, "拾", 3) != 0);
			assert_true(strncmp(buf, "零", 3) != 0);
		}
	}
}

static void
test_ratio_parse_ok(void **state)
{
	static const struct {
		const char	*text;
		int		 bp;
	} v[] = {
		{ "0.30", 3000 },
		{ "0.3", 3000 },
		{ "1", 10000 },
		{ "1.00", 10000 },
		{ "1.0000", 10000 },
		{ "0", 0 },
		{ "0.0", 0 },
		{ "0.125", 1250 },
		{ "0.0001", 1 },
		{ "0.9999", 9999 },
		{ "0.35", 3500 },
		{ "00.5", 5000 },
		{ "30%", 3000 },
		{ "12.5%", 1250 },
		{ "12.50%", 1250 },
		{ "100%", 10000 },
		{ "100.00%", 10000 },
		{ "0%", 0 },
		{ "0.01%", 1 },
		{ "35%", 3500 },
		{ "99.99%", 9999 },
		{ "20%", 2000 },
		{ "0100%", 10000 },
	};
	size_t	 i;
	int	 bp;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		bp = -7;
		assert_int_equal(ratio_parse(v[i].text, &bp), 0);
		assert_int_equal(bp, v[i].bp);
	}
}

static void
test_ratio_parse_bad(void **state)
{
	static const char *const v[] = {
		"", "1.0001", "1.01", "2", "10", "10000", "99999999999999",
		"101%", "100.01%", "1000%", "0.12345", "0.00001", "12.345%",
		"0.001%", "-0.3", "-0", "+0.3", "-30%", "abc", "0.3x", "x0.3",
		"%", "%30", "30%%", "30 %", " 0.3", "0.3 ", ".3", "3.", ".3%",
		"3.%", "0.3.", "0..3", "1e-1", "0,3", "３0%", "0.3%0",
	};
	size_t	 i;
	int	 bp;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		bp = -7;
		assert_int_equal(ratio_parse(v[i], &bp), -1);
		assert_int_equal(bp, -7);
	}
	assert_int_equal(ratio_parse(NULL, &bp), -1);
	assert_int_equal(ratio_parse("0.3", NULL), -1);
}

static void
test_ratio_format(void **state)
{
	static const struct {
		int		 bp;
		const char	*text;
	} v[] = {
		{ 3000, "0.30" },
		{ 1250, "0.125" },
		{ 1, "0.0001" },
		{ 10000, "1.00" },
		{ 0, "0.00" },
		{ 3500, "0.35" },
		{ 100, "0.01" },
		{ 10, "0.001" },
		{ 5050, "0.505" },
		{ 9999, "0.9999" },
		{ 2000, "0.20" },
	};
	char	 buf[32];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		ratio_format(v[i].bp, buf, sizeof(buf));
		assert_string_equal(buf, v[i].text);
	}
	memset(buf, 'Z', sizeof(buf));
	ratio_format(1250, buf, 4);
	assert_string_equal(buf, "0.1");
	assert_int_equal(buf[4], 'Z');
	ratio_format(1250, buf, 0);
	ratio_format(1250, NULL, 8);
}

/* every ratio survives format then parse */
static void
test_ratio_roundtrip(void **state)
{
	char	 buf[32];
	int	 bp, back;

	(void)state;
	for (bp = 0; bp <= 10000; bp++) {
		ratio_format(bp, buf, sizeof(buf));
		assert_int_equal(ratio_parse(buf, &back), 0);
		assert_int_equal(back, bp);
	}
}

/* 003 附件4 就低不就高: the share is rounded down, never up */
static void
test_share(void **state)
{
	static const struct {
		int64_t	 fen;
		int	 bp;
		int64_t	 share;
	} v[] = {
		{ 0, 3000, 0 },
		{ 100, 0, 0 },
		{ 100, 3000, 30 },
		{ 1, 3000, 0 },
		{ 3, 3333, 0 },
		{ 3333, 3000, 999 },		/* 999.9 -> 999 */
		{ 9999, 1, 0 },
		{ 10000, 1, 1 },
		{ 19999, 1, 1 },
		{ 12345, 10000, 12345 },
		{ 5000000, 3000, 1500000 },	/* 30% of 50,000.00 */
		{ 3333333, 3500, 1166666 },	/* 35%: 1166666.55 */
		{ 999999, 2000, 199999 },	/* 20%: 199999.8 */
		{ MONEY_MAX_FEN, 10000, MONEY_MAX_FEN },
		{ MONEY_MAX_FEN, 1, INT64_C(10000000000) },
		{ MONEY_MAX_FEN - 1, 9999, INT64_C(99989999999999) },
		{ INT64_MAX, 10000, INT64_MAX },
		/* outside the contract */
		{ -100, 3000, 0 },
		{ 100, -1, 0 },
		{ 100, 20000, 100 },
	};
	size_t	 i;
	int64_t	 fen;
	int	 bp;

	(void)state;
	for (i = 0; i < NELEM(v); i++)
		assert_int_equal(money_share(v[i].fen, v[i].bp), v[i].share);
	/* against the plain formula where it cannot overflow */
	for (fen = 0; fen < 40000; fen += 13)
		for (bp = 0; bp <= 10000; bp += 37)
			assert_int_equal(money_share(fen, bp),
			    fen * bp / 10000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_ok),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_truncates),
		cmocka_unit_test(test_parse_format_roundtrip),
		cmocka_unit_test(test_capital),
		cmocka_unit_test(test_capital_refused),
		cmocka_unit_test(test_capital_buffer),
		cmocka_unit_test(test_capital_rules),
		cmocka_unit_test(test_ratio_parse_ok),
		cmocka_unit_test(test_ratio_parse_bad),
		cmocka_unit_test(test_ratio_format),
		cmocka_unit_test(test_ratio_roundtrip),
		cmocka_unit_test(test_share),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
