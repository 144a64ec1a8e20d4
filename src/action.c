/*
 * action.c: the actions layer's engine. One table of actions (each row
 * defined in its action-*.c file: name, roles, fields, function); one table
 * of field types with their checks. action_run() is the only way anything
 * is written: it checks the role, validates every field by its type, runs
 * the action in one write transaction, appends the audit row and commits;
 * when the action refuses, nothing is written and a Chinese reason comes
 * back. The screens and `njbt do` both come here, by action name.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "actions.h"
#include "log.h"

/* The table of actions; adding an action is adding a row here. */
static const struct action *const action_table[] = {
	&action_program_set,
	&action_maker_add,
	&action_dealer_register,
	&action_dealer_pick,
	&action_dealer_authorize,
	&action_dealer_unpick,
	&action_product_add,
	&action_supply_new,
	&action_supply_bulk,
	&action_supply_return,
	&action_user_add,
	&action_user_passwd,
	&action_user_lock,
	&action_user_unlock,
	&action_user_prefs,
	&action_application_new,
	&action_application_line,
	&action_application_submit,
	&action_application_approve,
	&action_application_reject,
	&action_application_withdraw,
	&action_sale_new,
	&action_claim_new,
	&action_verify_pass,
	&action_verify_fail,
	&action_batch_new,
	&action_batch_publicize,
	&action_objection_new,
	&action_objection_resolve,
	&action_batch_review,
	&action_batch_submit,
	&action_finance_sample,
	&action_finance_check,
	&action_finance_approve,
	&action_finance_pay,
	&action_return_new,
	&action_return_refund,
	&action_return_confirm,
	&action_user_key_add,
	&action_user_key_remove,
	&action_print,
	&action_buyer_update,
	&action_user_post,
	&action_dealer_contest,
	&action_outbox_days,
};
#define NACTIONS (sizeof action_table / sizeof action_table[0])

const struct action *
action_find(const char *name)
{
	size_t i;

	for (i = 0; i < NACTIONS; i++)
		if (name != NULL && strcmp(action_table[i]->name, name) == 0)
			return action_table[i];
	return NULL;
}

const struct action *
action_at(size_t i)
{
	return i < NACTIONS ? action_table[i] : NULL;
}

int
action_allowed(const struct action *def, const struct actor *who)
{
	/* R-SEC-8.10 issue 8 (10): the auditor and the city only read */
	if (!def->readonly && !role_may_write(who->role, def->name))
		return 0;
	if (who->role == ROLE_CONSOLE)
		return (def->roles & R(ROLE_CONSOLE)) != 0 ||
		    (def->roles & R(ROLE_ADMIN)) != 0;
	return (def->roles & R(who->role)) != 0;
}

int
action_field_index(const struct action *def, const char *name)
{
	int i;

	for (i = 0; def->fields[i].name != NULL; i++)
		if (strcmp(def->fields[i].name, name) == 0)
			return i;
	return -1;
}

/* --- field types ------------------------------------------------------ */

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
static int
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

/* --- running ---------------------------------------------------------- */

static const char *
act_sibling(void *arg, const char *name)
{
	const struct act *a = arg;

	if (action_field_index(a->def, name) < 0)
		return NULL;
	return act_str(a, name);
}

const char *
act_str(const struct act *a, const char *name)
{
	int i = action_field_index(a->def, name);

	if (i < 0)
		abort();
	return a->own[i] != NULL ? a->own[i] : a->val[i];
}

int64_t
act_num(const struct act *a, const char *name)
{
	int i = action_field_index(a->def, name);

	if (i < 0)
		abort();
	return a->num[i];
}

int
act_has(const struct act *a, const char *name)
{
	return act_str(a, name) != NULL;
}

int
act_refuse(struct act *a, const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vxsnprintf(a->err, sizeof a->err, fmt, ap);
	va_end(ap);
	strlcpy0(a->errfield, field ? field : "", sizeof a->errfield);
	return NJ_REFUSED;
}

/* A database failure inside an action: logged to stderr, reported. */
int
act_fail(struct act *a, const char *what)
{
	log_error("%s: %s: %s", a->def->name, what,
	    store_errmsg());
	xsnprintf(a->err, sizeof a->err, "数据库错误（%s），操作未保存", what);
	return NJ_ERROR;
}

void
act_key(struct act *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vxsnprintf(a->key, sizeof a->key, fmt, ap);
	va_end(ap);
}

/* Add one output line (printed before the key by `njbt do`). */
void
act_out(struct act *a, const char *fmt, ...)
{
	va_list	 ap;
	char	 line[512];
	size_t	 n;

	va_start(ap, fmt);
	vxsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	n = strlen(line);
	if (a->outlen + n + 2 > a->outcap) {
		a->outcap = (a->outcap + n + 2) * 2;
		a->out = realloc(a->out, a->outcap);
		if (a->out == NULL)
			abort();
	}
	memcpy(a->out + a->outlen, line, n);
	a->outlen += n;
	a->out[a->outlen++] = '\n';
	a->out[a->outlen] = '\0';
}

void
act_free(struct act **ap)
{
	struct act	*a = *ap;
	int		 i;

	if (a == NULL)
		return;
	for (i = 0; i < ACT_MAXF; i++) {
		free(a->own[i]);
		free((char *)a->val[i]);
	}
	free(a->out);
	free(a);
	*ap = NULL;
}

/* The audit detail: field=value, private values masked, secrets left out. */
static void
act_detail(const struct act *a, char *buf, size_t len)
{
	const struct field	*f;
	const char		*v;
	char			 last4[32];
	size_t			 used = 0;
	int			 i, n;

	buf[0] = '\0';
	for (i = 0; a->def->fields[i].name != NULL; i++) {
		f = &a->def->fields[i];
		v = a->own[i] != NULL ? a->own[i] : a->val[i];
		if (v == NULL || (f->flags & FF_SECRET))
			continue;
		if (f->flags & FF_PRIVATE) {
			text_last4(v, last4, sizeof last4);
			n = snprintf(buf + used, len - used, "%s%s=***%s",
			    used ? " " : "", f->name, last4);
		} else
			n = snprintf(buf + used, len - used, "%s%s=%s",
			    used ? " " : "", f->name, v);
		if (n < 0 || (size_t)n >= len - used) {
			buf[used] = '\0';
			return;
		}
		used += (size_t)n;
	}
	/* R-SEC-8.1 issue 8 (1): what changed, old and new masked */
	if (a->audit_note[0] != '\0')
		snprintf(buf + used, len - used, "%s%s", used ? " " : "",
		    a->audit_note);
}

/*
 * Prepare a run: find the action, take the named values, check the role
 * and every field. Returns NJ_OK or the refusal; *out is always set.
 */
static int
action_prepare(const struct actor *who, const char *name, int n,
    const char *const *names, const char *const *values, struct act **out)
{
	struct act		*a = xcalloc(1, sizeof *a);
	const struct field	*f;
	char			*v, *t;
	int			 i, k;

	*out = a;
	a->who = who;
	a->now = clock_now();
	a->today = clock_today();
	if ((a->def = action_find(name)) == NULL) {
		xsnprintf(a->err, sizeof a->err, "未知的操作：%s", name);
		return NJ_USAGE;
	}
	for (k = 0; k < n; k++) {
		if ((i = action_field_index(a->def, names[k])) < 0) {
			xsnprintf(a->err, sizeof a->err, "操作 %s 没有字段 %s",
			    name, names[k]);
			return NJ_USAGE;
		}
		if (a->val[i] != NULL) {
			xsnprintf(a->err, sizeof a->err, "字段 %s 重复", names[k]);
			return NJ_USAGE;
		}
		v = xstrdup(values[k]);
		t = trim(v);
		memmove(v, t, strlen(t) + 1);
		if (*v == '\0') {
			free(v);
			continue;
		}
		a->val[i] = v;
	}
	if (!action_allowed(a->def, who))
		return act_refuse(a, NULL, "您的角色（%s）无权执行“%s”",
		    role_label(who->role), a->def->title);
	for (i = 0; a->def->fields[i].name != NULL; i++) {
		f = &a->def->fields[i];
		if (a->val[i] == NULL) {
			if (f->flags & FF_REQ)
				return act_refuse(a, f->name, "请填写：%s",
				    f->label);
			continue;
		}
		if (field_check(f, a->val[i], act_sibling, a, a->today,
		    &a->own[i], &a->num[i], a->err, sizeof a->err) != NJ_OK) {
			strlcpy0(a->errfield, f->name, sizeof a->errfield);
			return NJ_REFUSED;
		}
	}
	return NJ_OK;
}

/* Run a prepared action inside the open transaction, with its audit row. */
static int
action_body(struct act *a)
{
	char	detail[2048];
	int	rc;

	/* R-SEC-8.3 issue 8 (3): the user as it is now, not at login */
	if ((rc = actor_current(a->who)) != NJ_OK)
		rc = rc == NJ_REFUSED ? act_refuse(a, NULL, ACTOR_CHANGED) :
		    act_fail(a, "查询用户");
	else
		rc = a->def->run(a);
	if (rc == NJ_OK) {
		act_detail(a, detail, sizeof detail);
		if (audit_write(a->who, a->def->name, a->key, detail) != NJ_OK)
			rc = act_fail(a, "审计日志");
	}
	/* R-SEC-8.9 issue 8 (9): the saved form's draft goes in the same
	 * transaction, so a crash cannot leave it to be saved twice */
	if (rc == NJ_OK && a->draft != NULL && draft_remove_in(a->who,
	    a->draft->form, a->draft->win) != NJ_OK)
		rc = act_fail(a, "草稿");
	sql_reset_all();
	return rc;
}

/*
 * A read-only action (a printer) reads in one consistent snapshot without
 * holding the write lock, then writes its audit row in a short
 * transaction of its own (001 查询日志化).
 */
static int
action_readonly(struct act *a)
{
	char	detail[2048];
	int	rc;

	if (store_begin_read() != 0) {
		xsnprintf(a->err, sizeof a->err, "系统繁忙，请稍后重试");
		return NJ_ERROR;
	}
	/* R-SEC-8.3 issue 8 (3): the user as it is now, not at login */
	if ((rc = actor_current(a->who)) != NJ_OK)
		rc = rc == NJ_REFUSED ? act_refuse(a, NULL, ACTOR_CHANGED) :
		    act_fail(a, "查询用户");
	else
		rc = a->def->run(a);
	sql_reset_all();
	store_rollback();
	if (rc != NJ_OK)
		return rc;
	act_detail(a, detail, sizeof detail);
	if (store_begin() != 0 ||
	    audit_write(a->who, a->def->name, a->key, detail) != NJ_OK ||
	    (a->draft != NULL && draft_remove_in(a->who, a->draft->form,
	    a->draft->win) != NJ_OK)) {
		store_rollback();
		return act_fail(a, "审计日志");
	}
	if (store_commit() != 0)
		return act_fail(a, "审计日志");
	return NJ_OK;
}

/*
 * R-SEC-8.2b issue 8 (2): an action that looked up private data and was
 * refused leaves a trace all the same (001 查询日志化 covers failed
 * look-ups): after the rollback, in a transaction of its own, an audit
 * row "<action> refused" with the masked value looked up and the reason,
 * and, when the look-up itself was refused, a row in lookup_refusals that
 * the rate limit counts (action-buyer.c, lookup_begin).
 */
static void
action_refusal_log(struct act *a)
{
	char	name[96], detail[2048], at[32];

	if (!a->lookup)
		return;
	xsnprintf(name, sizeof name, "%s refused", a->def->name);
	xsnprintf(detail, sizeof detail, "%s reason=%s", a->lookup_what,
	    a->err);
	clock_stamp(a->now, at, sizeof at);
	sql_reset_all();
	if (store_begin() != 0)
		goto fail;
	if (audit_write(a->who, name, a->key, detail) != NJ_OK ||
	    (a->lookup_miss && sql_exec(SQL_LOOKUP_REFUSED_INSERT, "ttttt",
	    a->who->login, at, a->def->name, a->lookup_what, a->err) != 0)) {
		sql_reset_all();
		store_rollback();
		goto fail;
	}
	sql_reset_all();
	if (store_commit() == 0)
		return;
fail:
	log_error("%s: refused look-up not logged: %s",
	    a->def->name, store_errmsg());
}

/*
 * Run action name as who, with n named text values, in a transaction of
 * its own. On return *out holds the result (keys, message); the caller
 * frees it with act_free(). Returns NJ_OK, NJ_REFUSED (nothing written),
 * NJ_USAGE or NJ_ERROR.
 */
int
action_run(const struct actor *who, const char *name, int n,
    const char *const *names, const char *const *values, struct act **out)
{
	return action_run_draft(who, name, n, names, values, NULL, out);
}

/*
 * action_run for a form saved from a window: with d, the form's draft in
 * that window is removed inside the action's transaction (R-SEC-8.9).
 */
int
action_run_draft(const struct actor *who, const char *name, int n,
    const char *const *names, const char *const *values,
    const struct draft_ref *d, struct act **out)
{
	struct act	*a;
	int		 rc;

	if ((rc = action_prepare(who, name, n, names, values, out)) != NJ_OK)
		return rc;
	a = *out;
	a->draft = d;
	if (a->def->readonly)
		return action_readonly(a);
	if (store_begin() != 0) {
		xsnprintf(a->err, sizeof a->err, "系统繁忙，请稍后重试");
		return NJ_ERROR;
	}
	if ((rc = action_body(a)) != NJ_OK) {
		store_rollback();
		if (rc == NJ_REFUSED)
			action_refusal_log(a);
		return rc;
	}
	if (store_commit() != 0) {
		log_error("%s: commit: %s", name, store_errmsg());
		xsnprintf(a->err, sizeof a->err, "数据库错误，操作未保存");
		return NJ_ERROR;
	}
	return NJ_OK;
}

/*
 * Run an action inside a batch (action_batch_begin): an import or the demo
 * loader runs many actions as one transaction, all or nothing.
 */
int
action_nested(const struct actor *who, const char *name, int n,
    const char *const *names, const char *const *values, struct act **out)
{
	int rc;

	if ((rc = action_prepare(who, name, n, names, values, out)) != NJ_OK)
		return rc;
	return action_body(*out);
}

int
action_batch_begin(void)
{
	return store_begin() == 0 ? NJ_OK : NJ_ERROR;
}

/*
 * End a batch: with ok, write its own audit row (what, which record, a
 * detail) and commit; otherwise roll everything back.
 */
int
action_batch_end(const struct actor *who, int ok, const char *name,
    const char *record, const char *detail)
{
	sql_reset_all();
	if (!ok) {
		store_rollback();
		return NJ_OK;
	}
	if (audit_write(who, name, record, detail) != NJ_OK) {
		store_rollback();
		return NJ_ERROR;
	}
	return store_commit() == 0 ? NJ_OK : NJ_ERROR;
}

/*
 * What a half-filled form would come to (the subsidy as the clerk chooses
 * item and tier): the action's preview with every field that is present
 * and valid, in a read snapshot. buf is "" when there is nothing to say.
 */
int
action_preview(const struct actor *who, const char *name, int n,
    const char *const *names, const char *const *values, char *buf,
    size_t len)
{
	struct act	*a = xcalloc(1, sizeof *a);
	int		 i, k;

	buf[0] = '\0';
	a->who = who;
	a->now = clock_now();
	a->today = clock_today();
	if ((a->def = action_find(name)) == NULL || a->def->preview == NULL ||
	    !action_allowed(a->def, who)) {
		act_free(&a);
		return NJ_OK;
	}
	for (k = 0; k < n; k++)
		if ((i = action_field_index(a->def, names[k])) >= 0 &&
		    a->val[i] == NULL && values[k] != NULL && *values[k])
			a->val[i] = xstrdup(values[k]);
	for (i = 0; a->def->fields[i].name != NULL; i++) {
		char msg[NJ_MSG_MAX];

		if (a->val[i] != NULL && field_check(&a->def->fields[i],
		    a->val[i], act_sibling, a, a->today, &a->own[i],
		    &a->num[i], msg, sizeof msg) != NJ_OK) {
			free((char *)a->val[i]);
			a->val[i] = NULL;
		}
	}
	if (store_begin_read() == 0) {
		a->def->preview(a, buf, len);
		sql_reset_all();
		store_rollback();
	}
	act_free(&a);
	return NJ_OK;
}
