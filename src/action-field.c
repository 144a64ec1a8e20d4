/*
 * action-field.c: the field types of the actions (text, money, date, ID
 * number, credit code, choice, list ...), one table of checks walked by
 * type: each normalises what was typed or says in Chinese why not. The
 * engine (action.c) checks every field of an action with field_check()
 * before the action runs; the screens check one field as it is left
 * (action_check_field).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"

static const char *const ftype_names[FT__COUNT] = {
	[FT_TEXT] = "text",
	[FT_INT] = "int",
	[FT_YEAR] = "year",
	[FT_MONEY] = "money",
	[FT_RATIO] = "ratio",
	[FT_DATE] = "date",
	[FT_MONTH] = "month",
	[FT_CHOICE] = "choice",
	[FT_REF] = "ref",
	[FT_IDNO] = "idno",
	[FT_USCC] = "uscc",
	[FT_ACCOUNT] = "account",
	[FT_PHONE] = "phone",
	[FT_LOGIN] = "login",
	[FT_PASSWORD] = "password",
	[FT_LIST] = "list",
	[FT_LINES] = "lines",
};

const char *
ftype_name(enum ftype t)
{
	return (unsigned)t < FT__COUNT ? ftype_names[t] : "?";
}

struct fcheck {
	const struct field	*f;
	const char		*in;
	char			*norm;		/* malloc'd normalised value */
	int64_t			 num;
	const char		*(*sib)(void *, const char *);
	void			*arg;
	int			 today;
	int			 want;		/* the normalised value is used */
	char			*msg;
	size_t			 msglen;
};

static int
fc_msg(struct fcheck *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fc_msg(struct fcheck *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vxsnprintf(c->msg, c->msglen, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * Is this an organisation? By the buyer_type beside the field; without
 * one, by the look of the number: a resident ID is 17 digits and a digit
 * or X, a credit code has letters in the middle.
 */
static int
fc_is_org(struct fcheck *c)
{
	const char	*t = c->sib ? c->sib(c->arg, "buyer_type") : NULL;
	size_t		 i;

	if (t != NULL)
		return strcmp(t, "org") == 0 || strcmp(t, "组织") == 0;
	for (i = 0; i < 17; i++)
		if (c->in[i] < '0' || c->in[i] > '9')
			return strlen(c->in) == 18;
	return 0;
}

/*
 * A text: strict UTF-8 without control characters (C0, DEL, C1; a newline
 * only where lines are allowed), not only spaces, at most max characters.
 * R-SEC-8.11a, R-SEC-8.11b issue 8 (11): the same text_check() as imports.
 */
static int
ft_text(struct fcheck *c)
{
	int	max = c->f->max > 0 ? c->f->max : TEXT_MAX;
	int	e;

	if ((e = text_check(c->in, c->f->type == FT_LINES)) != TEXT_OK)
		return fc_msg(c, "%s", text_strerror(e));
	if (text_blank(c->in))
		return fc_msg(c, "不能只含空格");
	if ((int)utf8_chars(c->in) > max)
		return fc_msg(c, "不能超过 %d 个字", max);
	c->norm = xstrdup(c->in);
	return 0;
}

static int
ft_int(struct fcheck *c)
{
	if (parse_int(c->in, &c->num) != 0 || c->num < 0)
		return fc_msg(c, "应为非负整数");
	if (c->f->max > 0 && c->num > c->f->max)
		return fc_msg(c, "不能大于 %d", c->f->max);
	return 0;
}

static int
ft_year(struct fcheck *c)
{
	if (parse_int(c->in, &c->num) != 0 || c->num < 2000 || c->num > 2100)
		return fc_msg(c, "年度应为四位数字，如 2026");
	return 0;
}

/*
 * An amount in yuan, as fen. R-SEC-8.11c issue 8 (11): at most
 * MONEY_AMOUNT_MAX, or within the field's own range "LO-HI" (yuan, in
 * the field's arg: a machine's price).
 */
static int
ft_money(struct fcheck *c)
{
	long long	lo, hi;

	if (money_parse(c->in, &c->num) != 0)
		return fc_msg(c, "金额应以元为单位，最多两位小数，如 12345.67");
	if (c->f->arg != NULL && sscanf(c->f->arg, "%lld-%lld", &lo, &hi) ==
	    2) {
		if (c->num < lo * 100 || c->num > hi * 100)
			return fc_msg(c, "应在 %lld 元至 %lld 元之间", lo, hi);
	} else if (c->num > MONEY_AMOUNT_MAX)
		return fc_msg(c, "金额过大，不能超过 100 亿元");
	return 0;
}

static int
ft_ratio(struct fcheck *c)
{
	int bp;

	if (ratio_parse(c->in, &bp) != 0)
		return fc_msg(c, "比例应在 0 到 1 之间，如 0.30");
	c->num = bp;
	return 0;
}

static int
ft_date(struct fcheck *c)
{
	int day;

	if (date_parse(c->in, &day) != 0)
		return fc_msg(c, "日期应为 YYYY-MM-DD 格式的有效日期");
	c->num = day;
	return 0;
}

static int
ft_month(struct fcheck *c)
{
	int y, m;

	if (month_parse(c->in, &y, &m) != 0)
		return fc_msg(c, "月份应为 YYYY-MM 格式，如 2026-05");
	c->num = y * 100 + m;
	return 0;
}

/* A choice: the key or its Chinese label, normalised to the key. */
static int
ft_choice(struct fcheck *c)
{
	const char	*p = c->f->arg, *colon, *end;
	size_t		 klen, llen, n = strlen(c->in);
	char		 list[256];
	size_t		 used = 0;

	while (p != NULL && *p != '\0') {
		colon = strchr(p, ':');
		end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		if (colon == NULL || colon > end)
			abort();
		klen = (size_t)(colon - p);
		llen = (size_t)(end - colon - 1);
		if ((n == klen && strncmp(c->in, p, klen) == 0) ||
		    (n == llen && strncmp(c->in, colon + 1, llen) == 0)) {
			c->norm = xcalloc(1, klen + 1);
			memcpy(c->norm, p, klen);
			return 0;
		}
		if (used + llen + 4 < sizeof list) {
			if (used > 0) {
				memcpy(list + used, "、", 3);
				used += 3;
			}
			memcpy(list + used, colon + 1, llen);
			used += llen;
		}
		p = *end ? end + 1 : end;
	}
	list[used] = '\0';
	return fc_msg(c, "应为以下之一：%s", list);
}

static int
ft_idno(struct fcheck *c)
{
	char	norm[32];
	int	e;

	if (fc_is_org(c)) {
		if ((e = uscc_check(c->in, norm, sizeof norm)) != USCC_OK)
			return fc_msg(c, "%s", uscc_strerror(e));
	} else if ((e = idcard_check(c->in, c->today, norm, sizeof norm)) !=
	    IDCARD_OK)
		return fc_msg(c, "%s", idcard_strerror(e));
	/* R-SEC-8.11d issue 8 (11): an age a buyer can have */
	else if (c->today > 0 && (e = idcard_age(norm, c->today)) >= 0) {
		if (e > IDCARD_AGE_MAX)
			return fc_msg(c, "身份证号码中的出生日期表明年龄超过 %d "
			    "岁，请核对", IDCARD_AGE_MAX);
		if (e < IDCARD_AGE_MIN)
			return fc_msg(c, "购机者应年满 %d 周岁（按身份证号码中的"
			    "出生日期）", IDCARD_AGE_MIN);
	}
	c->norm = xstrdup(norm);
	return 0;
}

static int
ft_uscc(struct fcheck *c)
{
	char	norm[32];
	int	e;

	if ((e = uscc_check(c->in, norm, sizeof norm)) != USCC_OK)
		return fc_msg(c, "%s", uscc_strerror(e));
	c->norm = xstrdup(norm);
	return 0;
}

static int
ft_account(struct fcheck *c)
{
	char norm[64];

	if (fc_is_org(c)) {
		if (account_check(c->in, norm, sizeof norm) != 0)
			return fc_msg(c, "银行账号应为 6-32 位数字");
	} else if (bankcard_check(c->in, norm, sizeof norm) != 0)
		return fc_msg(c, "银行卡号有误（应为 12-19 位数字，校验位正确）");
	c->norm = xstrdup(norm);
	return 0;
}

static int
ft_phone(struct fcheck *c)
{
	char norm[32];

	if (phone_check(c->in, norm, sizeof norm) != 0)
		return fc_msg(c, "电话号码有误（手机 11 位，或区号-号码）");
	c->norm = xstrdup(norm);
	return 0;
}

static int
ft_login(struct fcheck *c)
{
	const char	*p;
	size_t		 n = strlen(c->in);

	if (n < 2 || n > NJ_LOGIN_MAX || c->in[0] < 'a' || c->in[0] > 'z')
		goto bad;
	for (p = c->in; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '_' || *p == '.' || *p == '-'))
			goto bad;
	c->norm = xstrdup(c->in);
	return 0;
bad:
	return fc_msg(c, "登录名应为 2-32 位小写字母、数字或 _ . -，以字母开头");
}

/*
 * A new password. Its normalised value is its argon2id hash, made here,
 * before the transaction starts, so that no lock is held while hashing and
 * the plain text goes no further.
 */
static int
ft_password(struct fcheck *c)
{
	size_t	n = utf8_chars(c->in);
	char	hash[PASSWD_HASH_MAX];
	int	e;

	if ((e = text_check(c->in, 0)) != TEXT_OK)	/* R-SEC-8.11a */
		return fc_msg(c, "%s", text_strerror(e));
	if (n < 8)
		return fc_msg(c, "密码至少 8 位");
	if (n > 128)
		return fc_msg(c, "密码不能超过 128 位");
	if (!c->want)
		return 0;
	if (passwd_hash(c->in, hash, sizeof hash) != 0)
		return fc_msg(c, "无法计算密码摘要");
	c->norm = xstrdup(hash);
	return 0;
}

/* A list: items separated by commas (also Chinese ones), spaces or lines. */
static int
ft_list(struct fcheck *c)
{
	char	*out, *o;
	const char *p = c->in;
	int	 items = 0, e;

	/* R-SEC-8.11a: lines are allowed, no other control character */
	if ((e = text_check(c->in, 1)) != TEXT_OK)
		return fc_msg(c, "%s", text_strerror(e));
	o = out = xcalloc(1, strlen(c->in) + 1);
	while (*p != '\0') {
		if (*p == ',' || *p == ' ' || *p == '\n' || *p == '\r' ||
		    *p == '\t' || *p == ';') {
			p++;
			continue;
		}
		if (strncmp(p, "，", 3) == 0 || strncmp(p, "、", 3) == 0) {
			p += 3;
			continue;
		}
		if (items++ > 0)
			*o++ = ',';
		while (*p != '\0' && *p != ',' && *p != ' ' && *p != '\n' &&
		    *p != '\r' && *p != '\t' && *p != ';' &&
		    strncmp(p, "，", 3) != 0 && strncmp(p, "、", 3) != 0) {
			if ((unsigned char)*p < 0x20) {
				free(out);
				return fc_msg(c, "含有控制字符");
			}
			*o++ = *p++;
		}
	}
	*o = '\0';
	if (items == 0) {
		free(out);
		return fc_msg(c, "列表为空");
	}
	if (c->f->max > 0 && items > c->f->max) {
		free(out);
		return fc_msg(c, "最多 %d 项", c->f->max);
	}
	c->norm = out;
	c->num = items;
	return 0;
}

static int (*const ftype_check[FT__COUNT])(struct fcheck *) = {
	[FT_TEXT] = ft_text,
	[FT_INT] = ft_int,
	[FT_YEAR] = ft_year,
	[FT_MONEY] = ft_money,
	[FT_RATIO] = ft_ratio,
	[FT_DATE] = ft_date,
	[FT_MONTH] = ft_month,
	[FT_CHOICE] = ft_choice,
	[FT_REF] = ft_text,
	[FT_IDNO] = ft_idno,
	[FT_USCC] = ft_uscc,
	[FT_ACCOUNT] = ft_account,
	[FT_PHONE] = ft_phone,
	[FT_LOGIN] = ft_login,
	[FT_PASSWORD] = ft_password,
	[FT_LIST] = ft_list,
	[FT_LINES] = ft_list,
};

/*
 * Check one field's value as the cursor leaves it (screens) or before an
 * action runs. sib looks up the value of another field of the same form.
 * Returns 0, or NJ_REFUSED with "label：reason" in msg.
 */
int
field_check(const struct field *f, const char *in,
    const char *(*sib)(void *, const char *), void *arg, int today,
    char **norm, int64_t *num, char *msg, size_t msglen)
{
	struct fcheck	c;
	char		why[NJ_MSG_MAX];

	memset(&c, 0, sizeof c);
	c.f = f;
	c.in = in;
	c.sib = sib;
	c.arg = arg;
	c.today = today;
	c.want = norm != NULL;
	c.msg = why;
	c.msglen = sizeof why;
	why[0] = '\0';
	if (ftype_check[f->type](&c) != 0) {
		free(c.norm);
		xsnprintf(msg, msglen, "%s：%s", f->label, why);
		return NJ_REFUSED;
	}
	if (norm != NULL)
		*norm = c.norm;
	else
		free(c.norm);
	if (num != NULL)
		*num = c.num;
	return NJ_OK;
}

int
action_check_field(const struct action *def, int i, const char *in,
    const char *(*sib)(void *, const char *), void *arg, char *msg,
    size_t msglen)
{
	msg[0] = '\0';
	if (in == NULL || *in == '\0')
		return NJ_OK;
	return field_check(&def->fields[i], in, sib, arg, clock_today(), NULL,
	    NULL, msg, msglen);
}
