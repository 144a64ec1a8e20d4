/*
 * money.c: amounts of money in integer fen (1 yuan = 100 fen): parsing and
 * formatting of decimal amounts, Chinese capital numerals (人民币大写),
 * shares in basis points and the share of an amount rounded down.
 * No floating point anywhere.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "domain.h"

/* Output into a caller buffer that remembers overflow instead of cutting. */
struct out {
	char	*buf;
	size_t	 len;
	size_t	 pos;
	int	 bad;
};

/* Append a NUL-terminated string to o, flagging overflow instead of cutting. */
static void
out_put(struct out *o, const char *s)
{
	size_t	 n = strlen(s);

	if (o->bad)
		return;
	if (o->len - o->pos <= n) {
		o->bad = 1;
		return;
	}
	memcpy(o->buf + o->pos, s, n + 1);
	o->pos += n;
}

/* Parse "123", "123.4" or "123.45" yuan into fen: no sign, space, comma. */
int
money_parse(const char *text, int64_t *fen)
{
	const char	*p = text;
	int64_t		 yuan = 0, frac = 0;
	int		 nint = 0, nfrac = 0;

	if (text == NULL || fen == NULL)
		return -1;
	for (; *p >= '0' && *p <= '9'; p++, nint++) {
		yuan = yuan * 10 + (*p - '0');
		if (yuan > MONEY_MAX_FEN / 100)
			return -1;
	}
	if (nint == 0)
		return -1;		/* empty, sign, ".5", junk */
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++, nfrac++) {
			if (nfrac == 2)
				return -1;
			frac = frac * 10 + (*p - '0');
		}
		if (nfrac == 0)
			return -1;	/* "5." */
		if (nfrac == 1)
			frac *= 10;
	}
	if (*p != '\0')
		return -1;
	if (yuan * 100 + frac > MONEY_MAX_FEN)
		return -1;
	*fen = yuan * 100 + frac;
	return 0;
}

/* Format fen as yuan with exactly two decimals, "-" when negative. */
void
money_format(int64_t fen, char *buf, size_t len)
{
	uint64_t	 mag;

	if (buf == NULL || len == 0)
		return;
	mag = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
	snprintf(buf, len, "%s%llu.%02llu", fen < 0 ? "-" : "",
	    (unsigned long long)(mag / 100), (unsigned long long)(mag % 100));
}

/* 支付结算办法 附件一: the capital digits and the units within a section. */
static const char *const cap_digit[10] = {
	"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"
};
static const char *const cap_unit[4] = { "", "拾", "佰", "仟" };

/*
 * Write 1..9999 digit by digit from its highest nonzero digit: a run of
 * zeros between nonzero digits gives one 零, trailing zeros give nothing,
 * and 拾 always carries its digit (壹拾). 支付结算办法 附件一
 */
static void
cap_section(struct out *o, unsigned n)
{
	unsigned	 div = 1000;
	int		 pos = 3, started = 0, zero = 0;

	for (; div > 0; div /= 10, pos--) {
		unsigned d = (n / div) % 10;

		if (d == 0) {
			if (started)
				zero = 1;
			continue;
		}
		if (zero)
			out_put(o, cap_digit[0]);
		out_put(o, cap_digit[d]);
		out_put(o, cap_unit[pos]);
		started = 1;
		zero = 0;
	}
}

/*
 * Write a positive integer with the section units 万 and 亿: the part below
 * a section unit gets one leading 零 when its highest digit is 0, and an
 * all-zero part writes nothing (100010000 -> 壹亿零壹万). 支付结算办法 附件一
 */
static void
cap_integer(struct out *o, uint64_t n)
{
	static const struct {
		uint64_t	 size;
		const char	*unit;
	} sect[] = {
		{ UINT64_C(100000000), "亿" },
		{ UINT64_C(10000), "万" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(sect) / sizeof(sect[0]); i++) {
		uint64_t rest;

		if (n < sect[i].size)
			continue;
		cap_integer(o, n / sect[i].size);
		out_put(o, sect[i].unit);
		rest = n % sect[i].size;
		if (rest == 0)
			return;
		if (rest < sect[i].size / 10)
			out_put(o, cap_digit[0]);
		cap_integer(o, rest);
		return;
	}
	cap_section(o, (unsigned)n);
}

/*
 * Write fen in capital numerals with 元角分 and 整; 负 before a negative
 * amount. 支付结算办法 附件一
 */
int
money_capital(int64_t fen, char *buf, size_t len)
{
	struct out	 o = { buf, len, 0, 0 };
	uint64_t	 mag, yuan;
	unsigned	 jiao, fen1;

	if (buf == NULL || len == 0)
		return -1;
	buf[0] = '\0';
	if (fen > MONEY_MAX_FEN || fen < -MONEY_MAX_FEN)
		return -1;
	if (fen < 0)
		out_put(&o, "负");
	mag = fen < 0 ? (uint64_t)-fen : (uint64_t)fen;
	yuan = mag / 100;
	jiao = (unsigned)(mag / 10 % 10);
	fen1 = (unsigned)(mag % 10);

	if (mag == 0)
		out_put(&o, "零元整");
	if (yuan > 0) {
		cap_integer(&o, yuan);
		out_put(&o, "元");
		if (jiao == 0 && fen1 == 0)
			out_put(&o, "整");
		else if (jiao == 0)
			out_put(&o, cap_digit[0]);
	}
	if (jiao != 0) {
		out_put(&o, cap_digit[jiao]);
		out_put(&o, "角");
	}
	if (fen1 != 0) {
		out_put(&o, cap_digit[fen1]);
		out_put(&o, "分");
	}
	if (o.bad) {
		buf[0] = '\0';
		return -1;
	}
	return 0;
}

/* Parse a share ("0.3", "0.125", "30%") into basis points, 0..10000. */
int
ratio_parse(const char *text, int *bp)
{
	const char	*p = text;
	long		 ip = 0, frac = 0;
	int		 nint = 0, nfrac = 0, i, maxfrac, scale;
	long		 v;

	if (text == NULL || bp == NULL)
		return -1;
	for (; *p >= '0' && *p <= '9'; p++, nint++) {
		ip = ip * 10 + (*p - '0');
		if (ip > 10000)
			return -1;
	}
	if (nint == 0)
		return -1;
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++, nfrac++) {
			if (nfrac == 4)
				return -1;
			frac = frac * 10 + (*p - '0');
		}
		if (nfrac == 0)
			return -1;
	}
	if (*p == '%') {
		p++;
		maxfrac = 2;		/* 12.34% = 0.1234 */
		scale = 100;
	} else {
		maxfrac = 4;
		scale = 10000;
	}
	if (*p != '\0' || nfrac > maxfrac)
		return -1;
	for (i = nfrac; i < maxfrac; i++)
		frac *= 10;
	v = ip * scale + frac;
	if (v > 10000)
		return -1;
	*bp = (int)v;
	return 0;
}

/* Format basis points with two decimals, more only when needed. */
void
ratio_format(int bp, char *buf, size_t len)
{
	char		 frac[5];
	unsigned	 mag;
	int		 n = 4;

	if (buf == NULL || len == 0)
		return;
	mag = bp < 0 ? 0u - (unsigned)bp : (unsigned)bp;
	snprintf(frac, sizeof(frac), "%04u", mag % 10000);
	while (n > 2 && frac[n - 1] == '0')
		n--;
	frac[n] = '\0';
	snprintf(buf, len, "%s%u.%s", bp < 0 ? "-" : "", mag / 10000, frac);
}

/*
 * The share bp/10000 of fen rounded down, never up (就低不就高); computed in
 * two parts so that no product overflows. Outside the contract a negative
 * fen or bp gives 0 and bp above 10000 counts as 10000. 003 附件4
 */
int64_t
money_share(int64_t fen, int bp)
{
	if (fen <= 0 || bp <= 0)
		return 0;
	if (bp > 10000)
		bp = 10000;
	return fen / 10000 * bp + fen % 10000 * bp / 10000;
}
