/*
 * subsidy.c: the subsidy of one machine (004 三(三)): the fixed amount of
 * its tier (定额补贴) split by who pays, limited by the product's filed
 * amount, the single-machine cap and, only where a province has switched
 * one on, a per-sale share of the price, always taking the lowest
 * (就低不就高, 003 附件4), then the provincial top-up. The amount does not
 * move with the invoice price otherwise: the 30% share is how the tier's
 * amount was set (004 三(三)1), not a cap on a sale.
 */
#include <string.h>

#include "domain.h"

/* The smaller of a and b. */
static int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/* 1 if v is a usable amount: not negative, not above MONEY_MAX_FEN. */
static int
amount_ok(int64_t v)
{
	return v >= 0 && v <= MONEY_MAX_FEN;
}

/*
 * Compute the subsidy of in into out: 0, or -1 (out zeroed) for negative
 * or oversized inputs, shares outside 0..10000 or an empty tier.
 */
int
subsidy_compute(const struct subsidy_in *in, struct subsidy_out *out)
{
	int64_t	 base, limit, rest, share;

	if (out == NULL)
		return -1;
	memset(out, 0, sizeof(*out));
	if (in == NULL || !amount_ok(in->tier_central) ||
	    !amount_ok(in->tier_provincial) || !amount_ok(in->tier_city) ||
	    !amount_ok(in->tier_county) || !amount_ok(in->filed) ||
	    !amount_ok(in->cap) || !amount_ok(in->price) ||
	    in->share_bp < 0 || in->share_bp > 10000 ||
	    in->topup_bp < 0 || in->topup_bp > 10000)
		return -1;

	/* R-004-M-3.3.1 004 三(三)1: the tier's fixed amount, central to county */
	base = in->tier_central + in->tier_provincial + in->tier_city +
	    in->tier_county;
	if (base <= 0)
		return -1;
	limit = base;
	out->limited_by = SUBSIDY_BY_TIER;

	/* R-003-A4-7b 003 附件4 就低不就高: the filed amount, the cap, the price share */
	if (in->filed > 0 && in->filed < limit) {
		limit = in->filed;
		out->limited_by = SUBSIDY_BY_FILED;
	}
	/* R-004-M-3.3.2 004 三(三)2: the single-machine cap */
	if (in->cap > 0 && in->cap < limit) {
		limit = in->cap;
		out->limited_by = SUBSIDY_BY_CAP;
	}
	/*
	 * R-004-M-3.3.1a 004 三(三)1: the share is how the tier's amount is
	 * set, not a per-sale cap; a year may switch one on (share_bp > 0)
	 */
	if (in->price > 0 && in->share_bp > 0 &&
	    (share = money_share(in->price, in->share_bp)) < limit) {
		limit = share;
		out->limited_by = SUBSIDY_BY_SHARE;
	}

	/* the limited amount goes to central first, then down the tiers */
	rest = limit;
	out->central = min64(in->tier_central, rest);
	rest -= out->central;
	out->provincial = min64(in->tier_provincial, rest);
	rest -= out->provincial;
	out->city = min64(in->tier_city, rest);
	rest -= out->city;
	out->county = min64(in->tier_county, rest);

	/* R-004-M-3.3.3 R-004-M-3.3.4 004 三(三)3,4: provincial top-up, within the cap and the price */
	out->topup = money_share(limit, in->topup_bp);
	if (in->cap > 0 && limit + out->topup > in->cap)
		out->topup = in->cap - limit;
	if (in->price > 0 && limit + out->topup > in->price)
		out->topup = in->price > limit ? in->price - limit : 0;
	out->provincial += out->topup;

	out->total = out->central + out->provincial + out->city + out->county;
	return 0;
}
