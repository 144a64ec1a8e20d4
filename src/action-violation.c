/*
 * action-violation.c: violations and penalties (issue 13 item 2; 003
 * 附件2; 001 附件2, 附件3). violation.new records a violation of a maker,
 * a dealer, a product, a buyer or a person (WG000012), escalated by 003
 * 第七条 when the party already had two of its level within the year;
 * violation.decide applies one measure (warning, 通报, suspension for a
 * number of months within the level's range, cancellation, blacklisting
 * of the company and its legal representative, a buyer's ban);
 * violation.restore lifts a suspension on a written request made within
 * six months of its end. Whether a party may act is action-party-check.c's
 * question; the rows here say which measure suits which party and level.
 * Penalties of other provinces come in through `njbt import penalties`
 * (import.c), as these same actions nested.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "label.h"
#include "state.h"

#define VIO_PARTIES	"maker:生产企业,dealer:经销企业,product:产品," \
			"buyer:购机者,person:个人"
#define VIO_LEVELS	"minor:轻微,serious:较重,severe:严重"
#define FIELD_VIOLATION \
	{ "violation", FT_TEXT, FF_REQ, "违规编号（WG）", NULL, 8 }
#define VIO_MEASURES	"warning:警告,notice:通报,suspend:暂停资格," \
			"cancel:取消资格,blacklist:列入黑名单,ban:禁购"

/* A party as resolved from party_type and party. */
struct vparty {
	const char	*type;
	int64_t		 id;		/* makers, dealers, products */
	char		 key[64];	/* credit code, model; "" private */
	char		 idno[32];	/* buyer, person: normalised ID */
	char		 name[NJ_NAME_MAX];
	char		 region[NJ_REGION_MAX];	/* "" none */
	char		 status[16];
	char		 rep[NJ_NAME_MAX];	/* legal representative */
	unsigned char	 rephash[CRYPT_HASH_LEN];
	int		 hasrep;
};

/* A violation as loaded by its number. */
struct vrow {
	int64_t	 id;
	char	 no[16];
	char	 type[16];
	char	 key[64];
	char	 name[NJ_NAME_MAX];
	char	 region[NJ_REGION_MAX];
	char	 level[16];
	char	 state[16];
	char	 measure[16];
	char	 until[16];
	char	 idno[32];	/* opened, buyer and person */
	int64_t	 by;		/* who recorded it (users.id), 0 none */
};

/*
 * R-003-A2-8a 003 附件2 第八条, 第十条: which measure suits which party and
 * level. Suspensions only for minor (3-12 months) and serious (12-24);
 * a severe violation is met by cancellation and the blacklist (第八条(三));
 * a buyer's ban from a serious one on (第八条(二)).
 */
static const struct vmeasure {
	const char	*measure;
	const char	*parties;	/* space separated */
	const char	*levels;
	int		 min, max;	/* months, suspend only */
	const char	*status;	/* the party's status it sets */
} vmeasures[] = {
	{ "warning", "maker dealer product buyer person",
	    "minor serious severe", 0, 0, NULL },
	{ "notice", "maker dealer product buyer person",
	    "minor serious severe", 0, 0, NULL },
	{ "suspend", "maker dealer product", "minor", 3, 12, "suspended" },
	{ "suspend", "maker dealer product", "serious", 12, 24, "suspended" },
	{ "cancel", "maker dealer product", "serious severe", 0, 0,
	    "suspended" },
	{ "blacklist", "maker dealer person", "severe", 0, 0, "blacklisted" },
	{ "ban", "buyer person", "serious severe", 0, 0, NULL },
};

/* The parties' tables: how each is found and its status set. */
static const struct vkind {
	const char	*type;
	enum sql	 get;
	enum sql	 set;
	const char	*label;
	const char	*restored;	/* the status a restore gives back */
	enum sql	 settle;	/* then, by the party's id, the rule
					   its status also follows (SQL__COUNT
					   none) */
} vkinds[] = {
	{ "maker", SQL_VIO_MAKER, SQL_VIO_MAKER_STATUS, "生产企业", "active",
	    SQL__COUNT },
	/* R-000-M-1.2.1b: a dealer nobody picks is pending (dealer.unpick's
	 * statement): one its makers dropped while suspended too */
	{ "dealer", SQL_VIO_DEALER, SQL_VIO_DEALER_STATUS, "经销企业",
	    "active", SQL_DEALER_MAYBE_PENDING },
	{ "product", SQL_VIO_PRODUCT, SQL_VIO_PRODUCT_STATUS, "产品",
	    "published", SQL__COUNT },
};

/* R-003-A2-7.2.1 003 附件2 第七条(二)1, (三)1: one level up */
static const struct {
	const char	*from;
	const char	*to;
	const char	*said;
} vescalate[] = {
	{ "minor", "serious", "较重" },
	{ "serious", "severe", "严重" },
};

static const struct vkind *
vkind_of(const char *type)
{
	size_t i;

	for (i = 0; i < sizeof vkinds / sizeof vkinds[0]; i++)
		if (strcmp(vkinds[i].type, type) == 0)
			return &vkinds[i];
	return NULL;
}

static int
word_in(const char *list, const char *word)
{
	size_t	n = strlen(word);
	const char *p;

	for (p = list; (p = strstr(p, word)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' ||
		    p[n] == '\0'))
			return 1;
	return 0;
}

/* A company or product by its key: 1 found, 0 not, -1 error. */
static int
vparty_load(const struct vkind *k, struct vparty *p)
{
	sqlite3_stmt	*st = sql_query(k->get, p->key);
	int		 rc = sql_step(st);

	if (rc == 1) {
		p->id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, p->name, sizeof p->name);
		sql_col_copy(st, 2, p->status, sizeof p->status);
		sql_col_copy(st, 3, p->rep, sizeof p->rep);
		if (sqlite3_column_bytes(st, 4) == CRYPT_HASH_LEN) {
			memcpy(p->rephash, sqlite3_column_blob(st, 4),
			    CRYPT_HASH_LEN);
			p->hasrep = 1;
		}
		if (strcmp(k->type, "product") == 0)
			xsnprintf(p->name, sizeof p->name, "%s（型号 %s）",
			    sql_col(st, 1), p->key);
	}
	sqlite3_reset(st);
	return rc;
}

/* A buyer or a person by ID number; a buyer must exist. */
static int
vparty_person(struct act *a, struct vparty *p)
{
	unsigned char	 h[CRYPT_HASH_LEN];
	sqlite3_stmt	*st;
	char		 norm[32];
	int		 rc;

	if (idcard_check(act_str(a, "party"), a->today, norm,
	    sizeof norm) != 0 && (strcmp(p->type, "buyer") != 0 ||
	    uscc_check(act_str(a, "party"), norm, sizeof norm) != 0))
		return act_refuse(a, "party", "身份证号码（或组织的统一社会信用代码）"
		    "有误");
	strlcpy0(p->idno, norm, sizeof p->idno);
	if ((rc = lookup_begin(a, "party", norm)) != NJ_OK)
		return rc;
	crypt_hash("idno", norm, h);
	st = sql_query(SQL_VIO_BUYER, SQL_BLOB(h, sizeof h));
	if ((rc = sql_step(st)) == 1) {
		sql_col_copy(st, 0, p->name, sizeof p->name);
		sql_col_copy(st, 1, p->region, sizeof p->region);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询购机者");
	if (rc == 0 && strcmp(p->type, "buyer") == 0)
		return lookup_miss(a, "party", "没有此证件号码的购机者");
	if (rc == 0 && !act_has(a, "party_name"))
		return act_refuse(a, "party_name", "请填写当事人姓名");
	if (rc == 0)
		strlcpy0(p->name, act_str(a, "party_name"), sizeof p->name);
	memcpy(p->rephash, h, sizeof h);
	p->hasrep = 1;
	strlcpy0(p->rep, p->name, sizeof p->rep);
	/* city and county: a buyer of their region only */
	if (p->region[0] != '\0' && strcmp(p->type, "buyer") == 0)
		return need_scope(a, "party", p->region);
	return NJ_OK;
}

/*
 * The party of party_type and party. An imported penalty (province
 * given) may name a company this province does not know: it is recorded
 * by its credit code under party_name.
 */
static int
vparty_find(struct act *a, struct vparty *p)
{
	const struct vkind	*k;
	int64_t			 one;
	int			 rc;

	memset(p, 0, sizeof *p);
	p->type = act_str(a, "party_type");
	if ((k = vkind_of(p->type)) == NULL)
		return vparty_person(a, p);
	if (strcmp(p->type, "product") == 0)
		strlcpy0(p->key, act_str(a, "party"), sizeof p->key);
	else if (uscc_check(act_str(a, "party"), p->key, sizeof p->key) != 0)
		return act_refuse(a, "party", "统一社会信用代码有误");
	if ((rc = vparty_load(k, p)) < 0)
		return act_fail(a, "查询当事方");
	if (rc == 0 && act_has(a, "province") && act_has(a, "party_name") &&
	    strcmp(p->type, "product") != 0) {
		strlcpy0(p->name, act_str(a, "party_name"), sizeof p->name);
		return NJ_OK;
	}
	if (rc == 0)
		return act_refuse(a, "party", "本省没有此%s：%s", k->label,
		    act_str(a, "party"));
	/* a dealer: a county or city only where it sells (issue 13) */
	if (strcmp(p->type, "dealer") != 0 || a->who->role == ROLE_ADMIN ||
	    a->who->role == ROLE_CONSOLE)
		return NJ_OK;
	if ((rc = sql_int(&one, SQL_VIO_DEALER_IN_REGION, p->id,
	    a->who->region)) < 0)
		return act_fail(a, "查询经销商");
	if (rc == 0)
		return act_refuse(a, "party", "经销商%s不在您的管辖范围内销售",
		    p->name);
	return NJ_OK;
}

/* R-003-A2-7.2.1: two of the level within the year before: one up. */
static int
vio_escalate(struct act *a, const struct vparty *p, int found,
    const char **level)
{
	unsigned char	h[CRYPT_HASH_LEN];
	char		from[16], to[16];
	int64_t		n;
	size_t		i;
	int		start;

	if (date_add_months(found, -12, &start) != 0)
		return NJ_OK;
	date_format(start, from, sizeof from);
	date_format(found, to, sizeof to);
	if (p->idno[0] != '\0')
		crypt_hash("idno", p->idno, h);
	for (i = 0; i < sizeof vescalate / sizeof vescalate[0]; i++) {
		if (strcmp(*level, vescalate[i].from) != 0)
			continue;
		if (sql_int(&n, SQL_VIO_LEVEL_COUNT, p->type, p->key[0] ?
		    p->key : NULL, p->idno[0] ? SQL_BLOB(h, sizeof h) :
		    SQL_NULL, from, to, *level) < 0)
			return act_fail(a, "查询违规记录");
		if (n < 2)
			return NJ_OK;
		act_note(a, "%s一年内已有 %lld 次%s违规，本次按%s违规记录"
		    "（003 附件2 第七条）", p->name, (long long)n,
		    strcmp(*level, "minor") == 0 ? "轻微" : "较重",
		    vescalate[i].said);
		*level = vescalate[i].to;
		return NJ_OK;
	}
	return NJ_OK;
}

/* The record a run names (its number and party) and its key. */
static int
vio_done(struct act *a, const char *no, const char *name)
{
	act_what(a, "违规 %s（%s）", no, name);
	act_key(a, "%s", no);
	return NJ_OK;
}

/* A complaint number TS000012: its id, or refused. */
static int
vio_complaint(struct act *a, int64_t *id)
{
	const char	*t = act_str(a, "complaint");
	int64_t		 one;
	size_t		 i;
	int		 rc;

	*id = 0;
	if (t == NULL)
		return NJ_OK;
	if (strlen(t) != 8 || strncmp(t, "TS", 2) != 0)
		return act_refuse(a, "complaint", "投诉编号应为 TS 加 6 位数字");
	for (i = 2; i < 8; i++)
		if (t[i] < '0' || t[i] > '9')
			return act_refuse(a, "complaint", "投诉编号应为 TS 加 6 位"
			    "数字");
	*id = strtoll(t + 2, NULL, 10);
	if ((rc = sql_int(&one, SQL_VIO_COMPLAINT, *id)) < 0)
		return act_fail(a, "查询投诉");
	if (rc == 0)
		return act_refuse(a, "complaint", "没有投诉 %s", t);
	return NJ_OK;
}

/*
 * violation.new: R-003-A2-5 003 附件2 第五条 (three levels, by their
 * duties): the admin anywhere, a city or a county for a buyer of its
 * region or a dealer selling there; makers and products are the
 * province's (they sell everywhere), so any of them records those.
 */
static int
violation_new(struct act *a)
{
	struct vparty	 p;
	struct sealed	 s;
	const char	*level = act_str(a, "level");
	char		 no[16], at[32], found[16];
	int64_t		 id, complaint;
	int		 rc, day;

	if (act_has(a, "province") && a->who->role != ROLE_ADMIN &&
	    a->who->role != ROLE_CONSOLE)
		return act_refuse(a, "province", "只有省级管理员可以录入外省的处理决定");
	day = act_has(a, "found_on") ? (int)act_num(a, "found_on") : a->today;
	if (day > a->today)
		return act_refuse(a, "found_on", "查实日期不能晚于今天%s",
		    act_today(a));
	if ((rc = vparty_find(a, &p)) != NJ_OK ||
	    (rc = vio_complaint(a, &complaint)) != NJ_OK ||
	    (rc = vio_escalate(a, &p, day, &level)) != NJ_OK)
		return rc;
	if (sql_int(&id, SQL_VIO_NEXT_ID) != 1)
		return act_fail(a, "编号");
	xsnprintf(no, sizeof no, "WG%06lld", (long long)id);
	date_format(day, found, sizeof found);
	clock_stamp(a->now, at, sizeof at);
	if (p.region[0] == '\0' && a->who->role != ROLE_ADMIN &&
	    a->who->role != ROLE_CONSOLE)
		strlcpy0(p.region, a->who->region, sizeof p.region);
	sealed_make(&s, "violations.party", id, "idno", p.idno[0] ? p.idno :
	    NULL);
	rc = sql_exec(SQL_VIO_INSERT, id, no, p.type, p.key[0] ? p.key : NULL,
	    s.set ? SQL_BLOB(s.hash, sizeof s.hash) : SQL_NULL,
	    SEALED_LAST4(&s), p.name, p.region[0] ? p.region : NULL, level,
	    act_str(a, "level"), act_str(a, "facts"), found,
	    complaint, act_has(a, "province") ? act_str(a, "province") : "",
	    a->who->id, at, s.set ? SQL_BLOB(s.blob, s.len) : SQL_NULL);
	sealed_free(&s);
	if (rc != 0)
		return act_fail(a, "保存违规记录");
	return vio_done(a, no, p.name);
}

static const struct field new_fields[] = {
	{ "party_type", FT_CHOICE, FF_REQ, "当事方类别", VIO_PARTIES, 0 },
	{ "party", FT_TEXT, FF_REQ | FF_PRIVATE,
	    "当事方（信用代码/型号/身份证号）", NULL, 40 },
	{ "level", FT_CHOICE, FF_REQ, "违规等级", VIO_LEVELS, 0 },
	{ "facts", FT_TEXT, FF_REQ, "违规事实", NULL, 200 },
	{ "found_on", FT_DATE, 0, "查实日期", NULL, 0 },
	{ "complaint", FT_TEXT, 0, "投诉编号（TS）", NULL, 8 },
	{ "party_name", FT_TEXT, 0, "当事人姓名（个人）", NULL, 60 },
	{ "province", FT_TEXT, 0, "作出决定的省份（外省）", NULL, 20 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

const struct action action_violation_new = {
	"violation.new", "登记违规行为",
	R(ROLE_ADMIN) | R(ROLE_CITY) | R(ROLE_COUNTY), new_fields,
	violation_new, 0, NULL, "已登记"
};

/* A violation by its number into v; NJ_OK or refused. */
static int
vio_load(struct act *a, struct vrow *v)
{
	sqlite3_stmt	*st = sql_query(SQL_VIO_GET, act_str(a, "violation"));
	int		 rc = sql_step(st);

	memset(v, 0, sizeof *v);
	if (rc == 1) {
		v->id = sqlite3_column_int64(st, 0);
		strlcpy0(v->no, act_str(a, "violation"), sizeof v->no);
		sql_col_copy(st, 1, v->type, sizeof v->type);
		sql_col_copy(st, 2, v->key, sizeof v->key);
		sql_col_copy(st, 3, v->name, sizeof v->name);
		sql_col_copy(st, 4, v->region, sizeof v->region);
		sql_col_copy(st, 5, v->level, sizeof v->level);
		sql_col_copy(st, 6, v->state, sizeof v->state);
		sql_col_copy(st, 7, v->measure, sizeof v->measure);
		sql_col_copy(st, 8, v->until, sizeof v->until);
		v->by = sqlite3_column_int64(st, 11);
		if (sqlite3_column_type(st, 9) == SQLITE_BLOB &&
		    crypt_open(sqlite3_column_blob(st, 9),
		    (size_t)sqlite3_column_bytes(st, 9), "violations.party",
		    v->id, v->idno, sizeof v->idno) != 0)
			rc = -1;
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询违规记录");
	if (rc == 0)
		return act_refuse(a, "violation", "没有违规记录 %s",
		    act_str(a, "violation"));
	return NJ_OK;
}

/* The row of measure for the violation's party and level, or refused. */
static int
vio_measure(struct act *a, const struct vrow *v, const struct vmeasure **mp)
{
	const char	*m = act_str(a, "measure");
	size_t		 i;
	int		 party = 0;

	for (i = 0; i < sizeof vmeasures / sizeof vmeasures[0]; i++) {
		if (strcmp(vmeasures[i].measure, m) != 0 ||
		    !word_in(vmeasures[i].parties, v->type))
			continue;
		party = 1;
		if (word_in(vmeasures[i].levels, v->level)) {
			*mp = &vmeasures[i];
			return NJ_OK;
		}
	}
	if (!party)
		return act_refuse(a, "measure", "对%s不能采取“%s”措施",
		    label_short("vio_party", v->type), label_short("vio_measure",
		    m));
	/* R-003-A2-10a 003 附件2 第十条: no suspension for a severe one */
	if (strcmp(m, "suspend") == 0)
		return act_refuse(a, "measure", "严重违规不设暂停期，应取消资格或"
		    "列入黑名单（003 附件2 第八条(三)、第十条）");
	return act_refuse(a, "measure", "%s违规不能采取“%s”措施（003 附件2 "
	    "第八条）", label_short("vio_level", v->level),
	    label_short("vio_measure", m));
}

/* The party's status set to status (until: its last day), as allowed. */
static int
vio_set_status(struct act *a, const struct vrow *v, const char *status,
    const char *until)
{
	const struct vkind	*k = vkind_of(v->type);
	struct vparty		 p;
	int			 rc;

	if (k == NULL)
		return NJ_OK;
	memset(&p, 0, sizeof p);
	strlcpy0(p.key, v->key, sizeof p.key);
	if ((rc = vparty_load(k, &p)) < 0)
		return act_fail(a, "查询当事方");
	/* a party of another province, or a state that cannot move so
	 * (a product still in filing): the violation alone rules */
	if (rc == 0 || !state_may(v->type, p.status, status))
		return NJ_OK;
	if (sql_exec(k->set, v->key, status, until) != 0 ||
	    (k->settle != SQL__COUNT && sql_exec(k->settle, p.id) != 0))
		return act_fail(a, "保存当事方状态");
	return NJ_OK;
}

/*
 * R-003-A2-8.3a 003 附件2 第八条(三): the company AND its legal
 * representative go on the blacklist (the representative's ID number
 * when the company registered it, or rep_id), or the person.
 */
static int
vio_blacklist(struct act *a, const struct vrow *v, const char *from)
{
	const struct vkind	*k = vkind_of(v->type);
	struct vparty		 p;
	unsigned char		 h[CRYPT_HASH_LEN];
	char			 last4[32] = "";
	int			 has = 0;

	memset(&p, 0, sizeof p);
	strlcpy0(p.key, v->key, sizeof p.key);
	if (k != NULL && vparty_load(k, &p) < 0)
		return act_fail(a, "查询当事方");
	if (act_has(a, "rep_id")) {
		party_rep_hash(act_str(a, "rep_id"), h);
		text_last4(act_str(a, "rep_id"), last4, sizeof last4);
		has = 1;
	} else if (p.hasrep) {
		memcpy(h, p.rephash, sizeof h);
		has = 1;
	} else if (v->idno[0] != '\0') {
		party_rep_hash(v->idno, h);
		text_last4(v->idno, last4, sizeof last4);
		has = 1;
	}
	if (k == NULL)
		strlcpy0(p.rep, v->name, sizeof p.rep);
	if (sql_exec(SQL_VIO_BLACKLIST_INSERT, v->id, v->type, k != NULL ?
	    v->key : NULL, v->name, p.rep[0] ? p.rep : NULL,
	    has ? SQL_BLOB(h, sizeof h) : SQL_NULL, last4[0] ? last4 : NULL,
	    from) != 0)
		return act_fail(a, "保存黑名单");
	return NJ_OK;
}

/* R-003-A2-8.1 003 附件2 第八条(一): a county decides the minor ones of its region. */
static int
vio_may_decide(struct act *a, const struct vrow *v)
{
	int rc;

	if (a->who->role != ROLE_COUNTY)
		return NJ_OK;
	if (strcmp(v->level, "minor") != 0)
		return act_refuse(a, "violation", "县级农机化主管部门只能处理轻微违规，"
		    "%s为%s违规，应报自治区农业农村厅处理（003 附件2 第八条）",
		    v->no, label_short("vio_level", v->level));
	if (v->region[0] == '\0')
		return act_refuse(a, "violation", "违规 %s 由省级登记，县级不能处理",
		    v->no);
	if ((rc = need_scope(a, "violation", v->region)) != NJ_OK)
		return rc;
	/* R-SEC-8.6 issue 8 (6): an approver, not the one who recorded it */
	return decide_check(a, "violation", v->by, 0);
}

/*
 * violation.decide: one measure on an open violation. R-003-A2-10b 003
 * 附件2 第十条: a suspension's months within the level's range, from the
 * day given (an imported decision's) or today.
 */
static int
violation_decide(struct act *a)
{
	const struct vmeasure	*m = NULL;
	struct vrow		 v;
	char			 from[16], until[16] = "", at[32];
	int64_t			 months = 0, buyer;
	int			 rc, day, last;

	if ((rc = vio_load(a, &v)) != NJ_OK || (rc = vio_may_decide(a,
	    &v)) != NJ_OK || (rc = vio_measure(a, &v, &m)) != NJ_OK)
		return rc;
	if (strcmp(v.state, "open") != 0)
		return act_refuse(a, "violation", "违规 %s 已作出处理决定", v.no);
	if (act_has(a, "from") && a->who->role != ROLE_ADMIN &&
	    a->who->role != ROLE_CONSOLE)
		return act_refuse(a, "from", "只有省级管理员可以指定起始日期");
	day = act_has(a, "from") ? (int)act_num(a, "from") : a->today;
	date_format(day, from, sizeof from);
	if (m->max > 0) {
		months = act_has(a, "months") ? act_num(a, "months") : 0;
		if (months < m->min || months > m->max)
			return act_refuse(a, "months", "%s违规的暂停期为 %d 至 %d 个月"
			    "（含），不能为 %lld 个月（003 附件2 第十条）",
			    label_short("vio_level", v.level), m->min, m->max,
			    (long long)months);
		if (date_add_months(day, (int)months, &last) != 0)
			return act_refuse(a, "months", "暂停期超出日期范围");
		date_format(last - 1, until, sizeof until);
	} else if (act_has(a, "months"))
		return act_refuse(a, "months", "只有暂停措施需要填写月数");
	if (strcmp(m->measure, "ban") == 0) {
		if (v.idno[0] == '\0')
			return act_refuse(a, "violation", "该记录没有证件号码");
		if ((rc = buyer_ban_apply(a, "violation", v.idno, day, &buyer,
		    until)) != NJ_OK)
			return rc;
	}
	if (strcmp(m->measure, "blacklist") == 0 &&
	    (rc = vio_blacklist(a, &v, from)) != NJ_OK)
		return rc;
	if (m->status != NULL && (rc = vio_set_status(a, &v, m->status,
	    until[0] ? until : NULL)) != NJ_OK)
		return rc;
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_VIO_DECIDE, v.id, m->measure, months ? months :
	    (int64_t)0, from, until[0] ? until : NULL, act_has(a, "note") ?
	    act_str(a, "note") : "", a->who->id, at) != 0)
		return act_fail(a, "保存处理决定");
	if (until[0] != '\0')
		act_note(a, "%s：%s至 %s", v.name, label_short("vio_measure",
		    m->measure), until);
	return vio_done(a, v.no, v.name);
}

static const struct field decide_fields[] = {
	FIELD_VIOLATION,
	{ "measure", FT_CHOICE, FF_REQ, "处理措施", VIO_MEASURES, 0 },
	{ "months", FT_INT, 0, "暂停月数", NULL, 120 },
	{ "note", FT_TEXT, 0, "处理意见", NULL, 200 },
	{ "from", FT_DATE, 0, "起始日期（外省决定）", NULL, 0 },
	{ "rep_id", FT_IDNO, FF_PRIVATE, "法定代表人身份证号", NULL,
	    18 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

const struct action action_violation_decide = {
	"violation.decide", "作出违规处理决定", R(ROLE_ADMIN) | R(ROLE_COUNTY),
	decide_fields, violation_decide, 0, NULL, "已决定处理措施"
};

/*
 * violation.restore: R-003-A2-11b 003 附件2 第十一条: a suspended party
 * is restored on its written request made after the suspension ended
 * and within six months of the end; later it is refused as 已逾期. A
 * dealer comes back active only while a maker picks it (R-000-M-1.2.1b
 * 000 一(二)1): one its makers dropped while suspended is pending.
 */
static int
violation_restore(struct act *a)
{
	const struct vkind	*k;
	struct vrow		 v;
	char			 req[16], last[16];
	int			 rc, end, lapse, day = (int)act_num(a,
	    "requested_on");

	if ((rc = vio_load(a, &v)) != NJ_OK)
		return rc;
	if (strcmp(v.state, "decided") != 0 || strcmp(v.measure,
	    "suspend") != 0)
		return act_refuse(a, "violation", "违规 %s 不是暂停处理，无须恢复",
		    v.no);
	if (day > a->today)
		return act_refuse(a, "requested_on", "申请日期不能晚于今天%s",
		    act_today(a));
	if (date_parse(v.until, &end) != 0 ||
	    date_add_months(end, 6, &lapse) != 0)
		return act_fail(a, "读取暂停期");
	date_format(day, req, sizeof req);
	date_format(lapse, last, sizeof last);
	if (day <= end)
		return act_refuse(a, "requested_on", "暂停期至 %s，尚未届满，"
		    "期满后方可申请恢复", v.until);
	if (day > lapse)
		return act_refuse(a, "requested_on", "已逾期：暂停期于 %s 届满，"
		    "恢复申请应在 %s 前提出，申请日期为 %s（003 附件2 第十一条）",
		    v.until, last, req);
	if (sql_exec(SQL_VIO_RESTORE, v.id, req) != 0)
		return act_fail(a, "保存恢复");
	if ((k = vkind_of(v.type)) != NULL &&
	    (rc = vio_set_status(a, &v, k->restored, NULL)) != NJ_OK)
		return rc;
	return vio_done(a, v.no, v.name);
}

static const struct field restore_fields[] = {
	FIELD_VIOLATION,
	{ "requested_on", FT_DATE, FF_REQ, "书面申请日期", NULL, 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

const struct action action_violation_restore = {
	"violation.restore", "恢复补贴资格", R(ROLE_ADMIN), restore_fields,
	violation_restore, 0, NULL, "已恢复"
};
