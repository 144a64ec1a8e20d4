/*
 * fuzz-money.c: money.c on any text: yuan parsed into fen (no sign, at
 * most two decimals, at most MONEY_MAX_FEN), formatted back to the same
 * fen, written in capital numerals (支付结算办法 附件一) into buffers of every
 * size; shares parsed into basis points and the share of an amount, never
 * above the amount (003 附件4 就低不就高). The last 8 bytes of a long input
 * also make a raw amount, so that negative and huge ones are tried.
 */
#include "fuzz.h"

static void
fz_amount(int64_t fen)
{
	char	buf[256], small[24];
	int64_t	back;
	size_t	n;

	money_format(fen, buf, sizeof buf);
	if (fen >= 0 && fen <= MONEY_MAX_FEN) {
		fz_need(money_parse(buf, &back) == 0);
		fz_need(back == fen);
	}
	if (money_capital(fen, buf, sizeof buf) == 0) {
		fz_need(utf8_valid(buf, strlen(buf)));
		fz_need(strlen(buf) > 0);
	}
	for (n = 1; n < sizeof small; n += 5)
		if (money_capital(fen, small, n) == 0)
			fz_need(strlen(small) < n);
		else
			fz_need(small[0] == '\0');
	money_format(fen, small, 6);
	fz_need(strlen(small) < 6);
}

static void
fz_ratio(const char *s, int64_t fen)
{
	char	buf[32];
	int	bp, back;
	int64_t	share;

	if (ratio_parse(s, &bp) != 0)
		return;
	fz_need(bp >= 0 && bp <= 10000);
	ratio_format(bp, buf, sizeof buf);
	fz_need(ratio_parse(buf, &back) == 0 && back == bp);
	share = money_share(fen, bp);
	if (fen >= 0)
		fz_need(share >= 0 && share <= fen);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s = fz_str(data, size);
	int64_t	 fen = 0;
	uint64_t raw = 0;
	size_t	 i;

	if (money_parse(s, &fen) == 0) {
		fz_need(fen >= 0 && fen <= MONEY_MAX_FEN);
		fz_amount(fen);
	}
	fz_ratio(s, fen);
	if (size >= 8) {
		for (i = size - 8; i < size; i++)
			raw = raw << 8 | data[i];
		fz_amount((int64_t)raw);
		(void)money_share((int64_t)raw, (int)(raw >> 48) - 10000);
	}
	free(s);
	return 0;
}
