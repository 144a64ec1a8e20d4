/*
 * domain.h: the pure domain helpers of njbt (no I/O, no database, no
 * globals). Money in integer fen and Chinese capital numerals, check digits
 * of resident IDs, credit codes and bank cards, phone numbers, UTF-8 text,
 * calendar dates, and the subsidy computation. Each rule carries the tag of
 * the seed document it comes from; the unit tests carry the same tags.
 */
#ifndef NJBT_DOMAIN_H
#define NJBT_DOMAIN_H

#include <stddef.h>
#include <stdint.h>

/* money.c */
#define MONEY_MAX_FEN INT64_C(100000000000000) /* 1e12 yuan: refuse above */
/*
 * R-SEC-8.11c issue 8 (11): one amount entered or imported (a budget line,
 * a subsidy, a refund) is at most 1e12 fen (100 亿元), so that a sum of
 * nine million of them still fits in int64.
 */
#define MONEY_AMOUNT_MAX INT64_C(1000000000000)
int	 money_parse(const char *text, int64_t *fen);
void	 money_format(int64_t fen, char *buf, size_t len);
int	 money_capital(int64_t fen, char *buf, size_t len);
int	 ratio_parse(const char *text, int *bp);
void	 ratio_format(int bp, char *buf, size_t len);
int64_t	 money_share(int64_t fen, int bp);

/* check-idcard.c */
enum idcard_err {
	IDCARD_OK = 0,
	IDCARD_LENGTH,
	IDCARD_CHAR,
	IDCARD_REGION,
	IDCARD_BIRTH,
	IDCARD_CHECK
};
int	 idcard_check(const char *id, int today, char *norm, size_t len);
int	 idcard_gender(const char *norm);
int	 idcard_birth(const char *norm);
int	 idcard_age(const char *norm, int today);
/* R-SEC-8.11d: a buyer's age by the ID number (民法典 第十八条: 16 岁) */
#define IDCARD_AGE_MIN	16
#define IDCARD_AGE_MAX	120
const char *idcard_strerror(int err);

/* check-uscc.c */
enum uscc_err {
	USCC_OK = 0,
	USCC_LENGTH,
	USCC_CHAR,
	USCC_AUTHORITY,
	USCC_REGION,
	USCC_ORGCODE,
	USCC_CHECK
};
int	 uscc_check(const char *code, char *norm, size_t len);
const char *uscc_strerror(int err);

/* check-luhn.c */
int	 luhn_valid(const char *digits);
int	 bankcard_check(const char *text, char *norm, size_t len);
int	 account_check(const char *text, char *norm, size_t len);

/* check-phone.c */
int	 phone_check(const char *text, char *norm, size_t len);

/* text.c */
int	 utf8_valid(const char *s, size_t n);
size_t	 utf8_chars(const char *s);
int	 utf8_width(const char *s);
size_t	 utf8_decode(const char *, size_t, uint32_t *);
int	 cp_width(uint32_t);
void	 text_last4(const char *s, char *buf, size_t len);
/* R-SEC-8.11: what a text may hold; one limit for actions and imports */
#define TEXT_MAX	200	/* characters of a text without its own max */
#define TEXT_NAME_MAX	60	/* a name: of an organisation, item, region */
enum { TEXT_OK = 0, TEXT_BADUTF8, TEXT_CONTROL };
int	 text_check(const char *s, int lines);
int	 text_blank(const char *s);
const char *text_strerror(int);

/* date.c: a date is a day number, days since 1970-01-01 (civil calendar) */
int	 date_parse(const char *text, int *day);
void	 date_format(int day, char *buf, size_t len);
int	 date_from_ymd(int y, int m, int d, int *day);
void	 date_to_ymd(int day, int *y, int *m, int *d);
int	 date_add_months(int day, int months, int *out);
int	 date_weekday(int day);
int	 month_parse(const char *text, int *year, int *month);
int	 date_add_working(int day, int n, int (*is_holiday)(int, void *),
	     void *arg);
int	 date_working_between(int from, int to,
	     int (*is_holiday)(int, void *), void *arg);

/* sample.c */
size_t	 sample_draw(uint64_t, const int64_t *, size_t, size_t, int64_t *);
size_t	 sample_size(size_t, int);
void	 sample_order(uint64_t, const int64_t *, size_t, int64_t *);

/* subsidy.c: 004 三(三), 005 rules of SPEC section 5 */
struct subsidy_in {
	int64_t	 tier_central;	/* the tier's fixed amount, by who pays */
	int64_t	 tier_provincial;
	int64_t	 tier_city;
	int64_t	 tier_county;
	int64_t	 filed;		/* the product's filed subsidy, 0 = none */
	int64_t	 cap;		/* single-machine cap of the row, 0 = none */
	int64_t	 price;		/* actual price, 0 = not yet known */
	int	 share_bp;	/* per-sale share cap (bp), 0 = off (default) */
	int	 topup_bp;	/* top-ups, basis points of the limited amount */
};
struct subsidy_out {
	int64_t	 central;
	int64_t	 provincial;
	int64_t	 city;
	int64_t	 county;
	int64_t	 topup;		/* included in provincial */
	int64_t	 total;
	int	 limited_by;	/* SUBSIDY_BY_* of the limit that applied */
};
enum {
	SUBSIDY_BY_TIER = 0,
	SUBSIDY_BY_FILED,
	SUBSIDY_BY_CAP,
	SUBSIDY_BY_SHARE
};
int	 subsidy_compute(const struct subsidy_in *in, struct subsidy_out *out);

/* backup-policy.c: which scheduled backups to keep (issue 14 item 7) */
#define BACKUP_MIN_YEARS	10	/* R-001-A1-15 001 附件1 第十五条 */
#define BACKUP_MAX_YEARS	100
#define BACKUP_MAX_DAYS		3660
int	 backup_policy_check(int keep_days, int keep_years);
size_t	 backup_policy(const int *days, size_t n, int today, int keep_days,
	     int keep_years, unsigned char *del);

/* state.c: the state table per record kind */
#include "state.h"

#endif
