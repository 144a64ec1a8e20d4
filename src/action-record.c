/*
 * action-record.c: the record view's read side (record.h, issue 11 item
 * 1). Each record kind is a row of rec_kinds: who may open it (the roles
 * of the list it is like), its statement (store-sql-view.def: one row in
 * the viewer's scope, or none), its fields as list columns (so private
 * ones are opened or masked by list.c exactly as in the lists), its state
 * kind (state.c), its related records and flags, which audit rows are its
 * history, and its actions (rec_actions rows: by role, post and state).
 * Opening writes nothing, except one "read" row in the audit log when the
 * record holds private data (001 查询日志化, R-SEC-8.2b; issue 13 (4)).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "label.h"
#include "lists.h"
#include "record.h"
#include "state.h"

/*
 * The fields of each kind, in the order of its statement's columns, as
 * list columns (list.c opens or masks them), and one flag of the view's.
 */
#define LC_POST		0x100	/* a county user's post: post_label */
static const struct list_col app_fields[] = {
	{ "申请编号", 0, LC_KEY, NULL },
	{ "购机者", 0, 0, NULL },
	{ "购机者类型", 0, 0, NULL },
	{ "证件号", 0, LC_PRIVATE, "buyers.idno" },
	{ "乡镇", 0, 0, NULL },
	{ "村组", 0, 0, NULL },
	{ "申购品目", 0, 0, NULL },
	{ "分档与台数", 0, 0, NULL },
	{ "补贴额", 0, LC_MONEY, NULL },
	{ "年度", 0, 0, NULL },
	{ "实施方式", 0, 0, NULL },
	{ "备注", 0, 0, NULL },
	{ "退回原因", 0, 0, NULL },
	{ "录入人", 0, 0, NULL },
	{ "录入时间", 0, 0, NULL },
	{ "上报人", 0, 0, NULL },
	{ "上报时间", 0, 0, NULL },
	{ "审核人", 0, 0, NULL },
	{ "审核时间", 0, 0, NULL },
	{ NULL, 0, 0, NULL }
};

static const struct list_col notice_fields[] = {
	{ "通知书编号", 0, LC_KEY, NULL },
	{ "申请编号", 0, 0, NULL },
	{ "购机者", 0, 0, NULL },
	{ "申购品目", 0, 0, NULL },
	{ "分档与台数", 0, 0, NULL },
	{ "发放日期", 0, 0, NULL },
	{ "有效期自", 0, 0, NULL },
	{ "有效期至", 0, 0, NULL },
	{ NULL, 0, 0, NULL }
};

static const struct list_col sale_fields[] = {
	{ "销售号", 0, LC_KEY, NULL },
	{ "购机者", 0, 0, NULL },
	{ "证件号", 0, LC_PRIVATE, "buyers.idno" },
	{ "县区", 0, 0, NULL },
	{ "经销商", 0, 0, NULL },
	{ "品目", 0, 0, NULL },
	{ "分档", 0, 0, NULL },
	{ "型号", 0, 0, NULL },
	{ "出厂编号", 0, 0, NULL },
	{ "发动机号", 0, 0, NULL },
	{ "售价", 0, LC_MONEY, NULL },
	{ "补贴额", 0, LC_MONEY, NULL },
	{ "购机日期", 0, 0, NULL },
	{ "发票号", 0, 0, NULL },
	{ "牌证号", 0, 0, NULL },
	{ "重点机具", 0, 0, NULL },
	{ "登记时间", 0, 0, NULL },
	{ "核验", 0, 0, NULL },
	{ "支付", 0, 0, NULL },
	{ "退货", 0, 0, NULL },
	{ NULL, 0, 0, NULL }
};

static const struct list_col batch_fields[] = {
	{ "结算批次", 0, LC_KEY, NULL },
	{ "县区", 0, 0, NULL },
	{ "月份", 0, 0, NULL },
	{ "台数", 0, 0, NULL },
	{ "补贴额", 0, LC_MONEY, NULL },
	{ "公示期", 0, 0, NULL },
	{ "汇总人", 0, 0, NULL },
	{ "汇总时间", 0, 0, NULL },
	{ "报财政时间", 0, 0, NULL },
	{ "财政审核时间", 0, 0, NULL },
	{ "支付时间", 0, 0, NULL },
	{ NULL, 0, 0, NULL }
};

static const struct list_col machine_fields[] = {
	{ "出厂编号", 0, LC_KEY, NULL },
	{ "产品", 0, 0, NULL },
	{ "生产企业", 0, 0, NULL },
	{ "经销商", 0, 0, NULL },
	{ "发动机号", 0, 0, NULL },
	{ "发货单号", 0, 0, NULL },
	{ "出厂日期", 0, 0, NULL },
	{ "供货时间", 0, 0, NULL },
	{ "退回原因", 0, 0, NULL },
	{ NULL, 0, 0, NULL }
};

static const struct list_col buyer_fields[] = {
	{ "编号", 0, LC_KEY, NULL },
	{ "购机者", 0, 0, NULL },
	{ "类型", 0, 0, NULL },
	{ "证件号", 0, LC_PRIVATE, "buyers.idno" },
	{ "乡镇", 0, 0, NULL },
	{ "村组", 0, 0, NULL },
	{ "住址", 0, 0, NULL },
	{ "联系电话", 0, LC_PRIVATE, "buyers.phone" },
	{ "开户行", 0, 0, NULL },
	{ "账号", 0, LC_PRIVATE, "buyers.account" },
	{ "禁止补贴至", 0, 0, NULL },
	{ NULL, 0, 0, NULL }
};

static const struct list_col dealer_fields[] = {
	{ "信用代码", 0, LC_KEY, NULL },
	{ "名称", 0, 0, NULL },
	{ "法定代表人", 0, 0, NULL },
	{ "地址", 0, 0, NULL },
	{ NULL, 0, 0, NULL }
};

static const struct list_col product_fields[] = {
	{ "型号", 0, LC_KEY, NULL },
	{ "名称", 0, 0, NULL },
	{ "生产企业", 0, 0, NULL },
	{ "品目", 0, 0, NULL },
	{ "分档", 0, 0, NULL },
	{ "补贴额", 0, LC_MONEY, NULL },
	/* issue 13 item 1: the filing */
	{ "鉴定证书", 0, 0, NULL },
	{ "审核结果", 0, 0, NULL },
	{ "不通过理由", 0, 0, NULL },
	{ "审核结果公示", 0, 0, NULL },
	{ "投档异议", 0, 0, NULL },
	{ NULL, 0, 0, NULL }
};

/* issue 13 item 2: a maker, with its violations */
static const struct list_col maker_fields[] = {
	{ "信用代码", 0, LC_KEY, NULL },
	{ "名称", 0, 0, NULL },
	{ "法定代表人", 0, 0, NULL },
	{ "地址", 0, 0, NULL },
	{ "暂停至", 0, 0, NULL },
	{ NULL, 0, 0, NULL }
};

/* issue 13 item 2: a violation */
static const struct list_col violation_fields[] = {
	{ "违规编号", 0, LC_KEY, NULL },
	{ "当事方类别", 0, 0, NULL },
	{ "当事方", 0, 0, NULL },
	{ "信用代码/型号", 0, 0, NULL },
	{ "违规等级", 0, 0, NULL },
	{ "违规事实", 0, 0, NULL },
	{ "查实日期", 0, 0, NULL },
	{ "处理措施", 0, 0, NULL },
	{ "起始日期", 0, 0, NULL },
	{ "截止日期", 0, 0, NULL },
	{ "登记地区", 0, 0, NULL },
	{ "外省决定", 0, 0, NULL },
	{ NULL, 0, 0, NULL }
};

static const struct list_col user_fields[] = {
	{ "登录名", 0, LC_KEY, NULL },
	{ "姓名", 0, 0, NULL },
	{ "角色", 0, LC_ROLE, NULL },
	{ "地区", 0, 0, NULL },
	{ "岗位", 0, LC_POST, NULL },
	{ "开户时间", 0, 0, NULL },
	{ NULL, 0, 0, NULL }
};

/* issue 13 item 3: a complaint, in the order of SQL_REC_GET_COMPLAINT */
static const struct list_col complaint_fields[] = {
	{ "投诉编号", 0, LC_KEY, NULL },
	{ "被投诉对象", 0, 0, NULL },
	{ "受理单位", 0, 0, NULL },
	{ "受理渠道", 0, 0, NULL },
	{ "对象类别", 0, 0, NULL },
	{ "对象证件号", 0, LC_PRIVATE, "complaints.about" },
	{ "投诉内容", 0, 0, NULL },
	{ "投诉人", 0, 0, NULL },
	{ "联系电话", 0, LC_PRIVATE, "complaints.phone" },
	{ "登记人", 0, 0, NULL },
	{ "登记时间", 0, 0, NULL },
	{ "不予登记理由", 0, 0, NULL },
	{ "调查核实情况", 0, 0, NULL },
	{ "先行封闭", 0, 0, NULL },
	{ "约谈日期", 0, 0, NULL },
	{ "约谈时限", 0, 0, NULL },
	{ "陈述申辩", 0, 0, NULL },
	{ "处理结果", 0, 0, NULL },
	{ "违规编号", 0, 0, NULL },
	{ "处理意见", 0, 0, NULL },
	{ "处理人", 0, 0, NULL },
	{ "处理时间", 0, 0, NULL },
	{ NULL, 0, 0, NULL }
};

/* issue 13 item 4: one row of the audit log, the detail in full */
static const struct list_col audit_fields[] = {
	{ "序号", 0, LC_KEY, NULL },
	{ "时间", 0, 0, NULL },
	{ "用户", 0, 0, NULL },
	{ "操作", 0, 0, NULL },
	{ "记录", 0, 0, NULL },
	{ "姓名", 0, 0, NULL },
	{ "地区", 0, 0, NULL },
	{ "来源", 0, 0, NULL },
	{ "详情", 0, 0, NULL },
	{ NULL, 0, 0, NULL }
};

/* Which audit rows are a kind's history: its actions' name prefixes. */
static const char *const app_hist[] = { "application.", "claim.", NULL };
static const char *const notice_hist[] = { "application.approve", "notice.",
	NULL };
static const char *const sale_hist[] = { "sale.", "verify.", "photo.",
	"batch.review", "return.", NULL };
static const char *const batch_hist[] = { "batch.new", "batch.publicize",
	"batch.submit", "finance.sample", "finance.approve", NULL };
static const char *const machine_hist[] = { "supply.", NULL };
static const char *const buyer_hist[] = { "buyer.", NULL };
static const char *const dealer_hist[] = { "dealer.", NULL };
static const char *const product_hist[] = { "product.", "photo.",
    NULL };
static const char *const user_hist[] = { "user.", NULL };
static const char *const violation_hist[] = { "violation.", NULL };
static const char *const maker_hist[] = { "maker.", NULL };
static const char *const complaint_hist[] = { "complaint.", NULL };
static const char *const audit_hist[] = { NULL };

struct rec_kind {
	const char		*kind;
	const char		*title;
	const struct list_def	*like;	/* whose roles it takes */
	unsigned		 also;	/* roles beyond the list's */
	enum sql		 get;
	const struct list_col	*fields;
	const char		*states;	/* state.c kind, NULL none */
	int			 name_field;	/* what it is about */
	enum sql		 links;
	enum sql		 flags;
	const char *const	*hist;
	const char		*hist_link;	/* a related kind whose key
						   logs its actions too */
};

static const struct rec_kind rec_kinds[] = {
	{ "application", "补贴申请", &list_applications, 0,
	    SQL_REC_GET_APPLICATION, app_fields, "application", 1,
	    SQL_REC_LINKS_APPLICATION, SQL_REC_FLAGS_APPLICATION, app_hist,
	    "notice" },
	{ "notice", "确认通知书", &list_notices, 0, SQL_REC_GET_NOTICE,
	    notice_fields, "notice", 2, SQL_REC_LINKS_NOTICE,
	    SQL_REC_FLAGS_NONE, notice_hist, NULL },
	{ "sale", "销售", &list_sales, R(ROLE_DEALER), SQL_REC_GET_SALE,
	    sale_fields, "sale", 1, SQL_REC_LINKS_SALE, SQL_REC_FLAGS_SALE,
	    sale_hist, NULL },
	{ "batch", "结算批次", &list_batches, 0, SQL_REC_GET_BATCH,
	    batch_fields, "batch", 1, SQL_REC_LINKS_BATCH, SQL_REC_FLAGS_NONE,
	    batch_hist, NULL },
	{ "machine", "机具", &list_sales, R(ROLE_DEALER) | R(ROLE_MAKER),
	    SQL_REC_GET_MACHINE, machine_fields, "machine", 1,
	    SQL_REC_LINKS_MACHINE, SQL_REC_FLAGS_NONE, machine_hist, NULL },
	{ "buyer", "购机者", &list_buyers, 0, SQL_REC_GET_BUYER, buyer_fields,
	    NULL, 1, SQL_REC_LINKS_BUYER, SQL_REC_FLAGS_VIO_BUYER, buyer_hist,
	    NULL },
	{ "dealer", "经销商", &list_dealers, R(ROLE_DEALER) | R(ROLE_COUNTY) |
	    R(ROLE_TOWNSHIP) | R(ROLE_CITY) | R(ROLE_FINANCE),
	    SQL_REC_GET_DEALER, dealer_fields, "dealer", 1,
	    SQL_REC_LINKS_VIO_DEALER, SQL_REC_FLAGS_VIO_DEALER, dealer_hist,
	    NULL },
	{ "product", "产品", &list_models, R(ROLE_DEALER) | R(ROLE_COUNTY) |
	    R(ROLE_TOWNSHIP) | R(ROLE_CITY) | R(ROLE_FINANCE) | R(ROLE_ADMIN) |
	    R(ROLE_AUDITOR), SQL_REC_GET_PRODUCT, product_fields, "product", 1,
	    SQL_REC_LINKS_VIO_PRODUCT, SQL_REC_FLAGS_VIO_PRODUCT, product_hist,
	    NULL },
	{ "user", "用户", &list_users, 0, SQL_REC_GET_USER, user_fields,
	    "user_status", 1, SQL_REC_LINKS_NONE, SQL_REC_FLAGS_NONE,
	    user_hist, NULL },
	/* issue 13 item 2 */
	{ "maker", "生产企业", &list_violations, R(ROLE_MAKER),
	    SQL_REC_GET_MAKER, maker_fields, "maker", 1,
	    SQL_REC_LINKS_VIO_MAKER, SQL_REC_FLAGS_VIO_MAKER, maker_hist, NULL },
	{ "violation", "违规行为", &list_violations, 0, SQL_REC_GET_VIOLATION,
	    violation_fields, "violation", 2, SQL_REC_LINKS_VIOLATION,
	    SQL_REC_FLAGS_NONE, violation_hist, NULL },
	/* issue 13 item 3 */
	{ "complaint", "投诉举报", &list_complaints, 0, SQL_REC_GET_COMPLAINT,
	    complaint_fields, "complaint", 1, SQL_REC_LINKS_COMPLAINT,
	    SQL_REC_FLAGS_NONE, complaint_hist, NULL },
	/* issue 13 item 4: an audit row, for the auditor and the admin */
	{ "audit", "审计日志", &list_audit_log, 0, SQL_REC_GET_AUDIT,
	    audit_fields, NULL, 2, SQL_REC_LINKS_NONE, SQL_REC_FLAGS_NONE,
	    audit_hist, NULL },
};
#define NKINDS (sizeof rec_kinds / sizeof rec_kinds[0])

/*
 * The actions a record offers, by kind: the action, the field that gets
 * the record's key (or the key of its first related record of kind
 * keyfrom), a second field filled from a related record, the states it
 * is offered in (comma list, NULL any), the post it needs and whether it
 * is destructive (a confirmation naming the record first). The action
 * itself still checks everything when it runs.
 */
struct rec_action {
	const char	*kind;
	const char	*action;
	const char	*field;
	const char	*keyfrom;
	const char	*field2;
	const char	*from2;
	const char	*states;
	const char	*post;
	int		 destructive;
};

static const struct rec_action rec_actions[] = {
	{ "application", "application.submit", "application", NULL, NULL,
	    NULL, "draft", NULL, 0 },
	{ "application", "application.line", "application", NULL, NULL, NULL,
	    "draft", NULL, 0 },
	{ "application", "application.approve", "application", NULL, NULL,
	    NULL, "submitted", "approver", 0 },
	{ "application", "application.reject", "application", NULL, NULL, NULL,
	    "submitted", "approver", 1 },
	{ "application", "application.withdraw", "application", NULL, NULL,
	    NULL, "draft,submitted,approved", NULL, 1 },
	{ "notice", "notice.handback", "notice", NULL, NULL, NULL, "valid",
	    NULL, 1 },
	{ "notice", "application.withdraw", "application", "application",
	    NULL, NULL, "valid", NULL, 1 },
	{ "sale", "verify.pass", "sale", NULL, NULL, NULL,
	    "recorded,claimed,failed", NULL, 0 },
	{ "sale", "verify.fail", "sale", NULL, NULL, NULL,
	    "recorded,claimed,failed", NULL, 1 },
	{ "sale", "batch.review", "sale", NULL, "batch", "batch", "batched",
	    "approver", 0 },
	{ "sale", "objection.new", "sale", NULL, NULL, NULL, "batched", NULL,
	    0 },
	{ "sale", "finance.check", "sale", NULL, NULL, NULL, "batched", NULL,
	    0 },
	{ "sale", "return.confirm", "sale", NULL, NULL, NULL, "batched", NULL,
	    0 },
	{ "sale", "return.new", "sale", NULL, NULL, NULL,
	    "recorded,claimed,verified,failed,batched,paid", NULL, 1 },
	{ "sale", "return.refund", "sale", NULL, NULL, NULL, "paid", NULL,
	    0 },
	/* issue 12 item 4: a photo from /inbox (the action checks who) */
	{ "sale", "photo.attach", "sale", NULL, NULL, NULL, NULL, NULL, 0 },
	{ "batch", "batch.publicize", "batch", NULL, NULL, NULL, "open", NULL,
	    0 },
	{ "batch", "batch.submit", "batch", NULL, NULL, NULL, "publicized",
	    NULL, 0 },
	{ "batch", "finance.sample", "batch", NULL, NULL, NULL, "submitted",
	    NULL, 0 },
	{ "batch", "finance.approve", "batch", NULL, NULL, NULL, "submitted",
	    NULL, 0 },
	{ "batch", "finance.pay", "batch", NULL, NULL, NULL, "approved", NULL,
	    0 },
	{ "machine", "claim.new", "serial", NULL, NULL, NULL, "sold", NULL, 0 },
	{ "machine", "supply.return", "serial", NULL, NULL, NULL, "supplied",
	    NULL, 1 },
	{ "dealer", "dealer.pick", "dealer", NULL, NULL, NULL,
	    "pending,active", NULL, 0 },
	{ "dealer", "dealer.unpick", "dealer", NULL, NULL, NULL, "active", NULL,
	    1 },
	{ "product", "supply.new", "model", NULL, NULL, NULL, "published",
	    NULL, 0 },
	{ "product", "product.review", "model", NULL, NULL, NULL, "filed", NULL,
	    0 },
	{ "product", "photo.attach", "product", NULL, NULL, NULL, NULL, NULL,
	    0 },
	{ "user", "user.lock", "login", NULL, NULL, NULL, "ok,must_change",
	    NULL, 1 },
	{ "user", "user.unlock", "login", NULL, NULL, NULL, "locked", NULL, 0 },
	/* issue 13 item 2 */
	{ "violation", "violation.decide", "violation", NULL, NULL, NULL,
	    "open", NULL, 0 },
	{ "violation", "violation.restore", "violation", NULL, NULL, NULL,
	    "decided", NULL, 0 },
	/* issue 13 item 3: a complaint's next steps */
	{ "complaint", "complaint.investigate", "complaint", NULL, NULL, NULL,
	    "registered,investigating", NULL, 0 },
	{ "complaint", "complaint.decline", "complaint", NULL, NULL, NULL,
	    "registered", NULL, 1 },
	{ "complaint", "complaint.interview", "complaint", NULL, NULL, NULL,
	    "investigating", NULL, 0 },
	{ "complaint", "complaint.decide", "complaint", NULL, NULL, NULL,
	    "investigating,interviewed", NULL, 0 },
	/* issue 13 item 1: the maker objects to its filing's review */
	{ "product", "filing.objection", "model", NULL, NULL, NULL, "filed",
	    NULL, 0 },
};
#define NACTIONS (sizeof rec_actions / sizeof rec_actions[0])

static const struct rec_kind *
rec_kind(const char *kind)
{
	size_t i;

	for (i = 0; kind != NULL && i < NKINDS; i++)
		if (strcmp(rec_kinds[i].kind, kind) == 0)
			return &rec_kinds[i];
	return NULL;
}

const char *
record_kind_title(const char *kind)
{
	const struct rec_kind *k = rec_kind(kind);

	return k != NULL ? k->title : NULL;
}

/* The record kind of a list's rows (NULL: its rows are not records). */
const char *
record_list_kind(const struct list_def *def)
{
	return def != NULL ? def->kind : NULL;
}

static int
rec_may_open(const struct rec_kind *k, const struct actor *who)
{
	return list_allowed(k->like, who) || (k->also & R(who->role)) != 0;
}

/* Is code one of the comma list? */
static int
in_list(const char *list, const char *code)
{
	size_t n = strlen(code);
	const char *p;

	if (list == NULL)
		return 1;
	for (p = list; (p = strstr(p, code)) != NULL; p += n)
		if ((p == list || p[-1] == ',') && (p[n] == ',' ||
		    p[n] == '\0'))
			return 1;
	return 0;
}

static const char *
rec_link_key(const struct record *r, const char *kind)
{
	size_t i;

	for (i = 0; i < r->nlinks; i++)
		if (strcmp(r->links[i].kind, kind) == 0)
			return r->links[i].key;
	return NULL;
}

/* The actions who may take on r now: role, post, state (rows above). */
static void
rec_offer(const struct actor *who, struct record *r)
{
	const struct rec_action	*ra;
	const struct action	*def;
	struct rec_act		*o;
	const char		*key, *v2;
	size_t			 i;

	for (i = 0; i < NACTIONS && r->nacts < REC_ACTS_MAX; i++) {
		ra = &rec_actions[i];
		if (strcmp(ra->kind, r->kind) != 0 ||
		    !in_list(ra->states, r->state_code))
			continue;
		if ((def = action_find(ra->action)) == NULL ||
		    !action_allowed(def, who))
			continue;
		/* R-SEC-8.6a issue 8 (6): only an approver decides */
		if (ra->post != NULL && strcmp(who->post, ra->post) != 0)
			continue;
		key = ra->keyfrom ? rec_link_key(r, ra->keyfrom) : r->key;
		v2 = ra->from2 ? rec_link_key(r, ra->from2) : NULL;
		if (key == NULL || (ra->from2 != NULL && v2 == NULL))
			continue;
		o = &r->acts[r->nacts++];
		o->action = def->name;
		o->title = def->title;
		o->field = ra->field;
		strlcpy0(o->key, key, sizeof o->key);
		o->field2 = ra->field2;
		strlcpy0(o->value2, v2 ? v2 : "", sizeof o->value2);
		o->destructive = ra->destructive;
	}
}

static void *
grow(void *v, size_t n, size_t size)
{
	void *p = realloc(v, (n + 1) * size);

	if (p == NULL)
		abort();
	return p;
}

static void
rec_set(char **v, const char *text)
{
	char *copy = xstrdup(text);

	free(*v);
	*v = copy;
}

/* The fields of the record's one row; 0 when out of scope or unknown. */
static int
rec_fields(const struct rec_kind *k, sqlite3_stmt *st, int clear,
    struct record *r)
{
	const struct list_col	*c;
	int			 col = 1;

	strlcpy0(r->state_code, sql_col(st, 0), sizeof r->state_code);
	/* a record's state (state.c), or a status of label.c's (a user's) */
	if (k->states != NULL && r->state_code[0] != '\0')
		strlcpy0(r->state, state_kind(k->states) != NULL ?
		    state_long(k->states, r->state_code) :
		    label_long(k->states, r->state_code), sizeof r->state);
	for (c = k->fields; c->label != NULL; c++) {
		r->fields = grow(r->fields, r->nfields, sizeof *r->fields);
		r->fields[r->nfields].label = c->label;
		r->fields[r->nfields].value = list_cell(st, col, c, clear);
		if (c->flags & LC_POST)	/* a county user's post, in words */
			rec_set(&r->fields[r->nfields].value,
			    post_label(r->fields[r->nfields].value));
		r->nfields++;
		col += c->flags & LC_PRIVATE ? 3 : 1;
	}
	strlcpy0(r->name, r->fields[k->name_field].value, sizeof r->name);
	return NJ_OK;
}

static int
rec_links(const struct rec_kind *k, struct record *r)
{
	sqlite3_stmt	*st = sql_query(k->links, r->key);
	struct rec_link	*l;
	int		 rc;

	while ((rc = sql_step(st)) == 1) {
		r->links = grow(r->links, r->nlinks, sizeof *r->links);
		l = &r->links[r->nlinks++];
		strlcpy0(l->kind, sql_col(st, 0), sizeof l->kind);
		strlcpy0(l->key, sql_col(st, 1), sizeof l->key);
		l->summary = xstrdup(sql_col(st, 2));
	}
	sqlite3_reset(st);
	if (rc < 0)
		return NJ_ERROR;
	st = sql_query(k->flags, r->key);
	while ((rc = sql_step(st)) == 1) {
		r->flags = grow(r->flags, r->nflags, sizeof *r->flags);
		r->flags[r->nflags++] = xstrdup(sql_col(st, 0));
	}
	sqlite3_reset(st);
	return rc < 0 ? NJ_ERROR : NJ_OK;
}

static int
rec_is_history(const struct rec_kind *k, const char *action)
{
	size_t i;

	for (i = 0; k->hist[i] != NULL; i++)
		if (strncmp(action, k->hist[i], strlen(k->hist[i])) == 0)
			return 1;
	return 0;
}

/*
 * The audit rows of the record, and those of its kind's actions logged
 * under the key of its related record of kind hist_link (an approval
 * under the notice it made): who, when, what (the action's title).
 */
static int
rec_history(const struct rec_kind *k, struct record *r)
{
	sqlite3_stmt		*st;
	const struct action	*def;
	struct rec_event	*e;
	char			*keys;
	size_t			 i, len = strlen(r->key) + 3, used;
	int			 rc;

	for (i = 0; i < r->nlinks; i++)
		len += strlen(r->links[i].key) + 1;
	keys = xcalloc(1, len);
	used = (size_t)snprintf(keys, len, "\037%s\037", r->key);
	/* only the one related kind: other kinds' keys (a buyer's id, an
	   objection's) may be the same text as this kind's */
	for (i = 0; k->hist_link != NULL && i < r->nlinks; i++)
		if (strcmp(r->links[i].kind, k->hist_link) == 0)
			used += (size_t)snprintf(keys + used, len - used,
			    "%s\037", r->links[i].key);
	st = sql_query(SQL_REC_HISTORY, keys);

	while ((rc = sql_step(st)) == 1) {
		if (!rec_is_history(k, sql_col(st, 2)))
			continue;
		def = action_find(sql_col(st, 2));
		r->events = grow(r->events, r->nevents, sizeof *r->events);
		e = &r->events[r->nevents++];
		strlcpy0(e->at, sql_col(st, 0), sizeof e->at);
		e->who = xstrdup(sql_col(st, 1));
		e->what = xstrdup(def != NULL ? def->title : sql_col(st, 2));
	}
	sqlite3_reset(st);
	free(keys);
	return rc < 0 ? NJ_ERROR : NJ_OK;
}

/*
 * Issue 12 item 4: the photos of a sale (the dealer's and its check's)
 * or a product, one line each: what, file name, size, hash head, who,
 * when.
 */
static int
rec_photos(struct record *r)
{
	sqlite3_stmt	*st;
	char		 line[512];
	int		 rc;

	if (strcmp(r->kind, "sale") != 0 && strcmp(r->kind, "product") != 0)
		return NJ_OK;
	st = sql_query(SQL_PHOTO_OF_RECORD, r->kind, r->key);
	while ((rc = sql_step(st)) == 1) {
		xsnprintf(line, sizeof line, "%s（%s） %s %lld 字节 %.12s %s %s",
		    sql_col(st, 0), sql_col(st, 6), sql_col(st, 1),
		    (long long)sqlite3_column_int64(st, 2), sql_col(st, 3),
		    sql_col(st, 4), sql_col(st, 5));
		r->photos = grow(r->photos, r->nphotos, sizeof *r->photos);
		r->photos[r->nphotos++] = xstrdup(line);
	}
	sqlite3_reset(st);
	return rc < 0 ? NJ_ERROR : NJ_OK;
}

/*
 * A long last field (an audit row's detail) cut at spaces into lines of
 * at most REC_WRAP bytes, each a field of its own under the same label,
 * so that the view shows it in full at 80 columns.
 */
#define REC_WRAP	60
static void
rec_wrap_last(struct record *r)
{
	struct rec_field	*f = &r->fields[r->nfields - 1];
	const char		*label = f->label;
	char			*all = f->value, *p = all, *cut;
	size_t			 n;

	if (strlen(all) <= REC_WRAP)
		return;
	r->nfields--;
	while (*p != '\0') {
		n = strlen(p);
		if (n > REC_WRAP) {
			for (cut = p + REC_WRAP; cut > p && *cut != ' '; cut--)
				;
			if (cut == p)	/* no space: cut between characters */
				for (cut = p + REC_WRAP; cut > p &&
				    ((unsigned char)*cut & 0xc0) == 0x80; cut--)
					;
			n = (size_t)(cut - p);
		}
		r->fields = grow(r->fields, r->nfields, sizeof *r->fields);
		r->fields[r->nfields].label = label;
		r->fields[r->nfields].value = xcalloc(1, n + 1);
		memcpy(r->fields[r->nfields].value, p, n);
		r->nfields++;
		p += n;
		while (*p == ' ')
			p++;
	}
	free(all);
}

/*
 * Open record kind/key for who into r. NJ_OK; NJ_REFUSED with msg (an
 * unknown kind, a role that may not open it, a record that does not
 * exist or lies outside who's scope: one message for both, so that the
 * refusal tells nothing of another county's records); NJ_ERROR.
 */
int
record_open(const struct actor *who, const char *kind, const char *key,
    struct record *r, char *msg, size_t msglen)
{
	const struct rec_kind		*k = rec_kind(kind);
	const struct role_scope		*sc = role_scope(who->role);
	const char			*org;
	sqlite3_stmt			*st;
	char				 detail[512], idbuf[24];
	char				 fields[256];
	int64_t				 saleid;
	int				 rc, clear;

	memset(r, 0, sizeof *r);
	if (k == NULL || key == NULL || *key == '\0') {
		xsnprintf(msg, msglen, "无法打开此记录");
		return NJ_REFUSED;
	}
	if (!rec_may_open(k, who)) {
		xsnprintf(msg, msglen, "您的角色（%s）无权查看%s",
		    role_label(who->role), k->title);
		return NJ_REFUSED;
	}
	/* a sale opened by its readable number (XS..., issue 11 (5)) is
	 * read by its id, as the lists' and the audit log's key */
	if (strcmp(k->kind, "sale") == 0 && parse_int(key, &saleid) != 0) {
		if (sql_int(&saleid, SQL_SALE_ID_BY_NO, key) != 1) {
			xsnprintf(msg, msglen, "没有%s %s，或不在您的管辖范围内",
			    k->title, key);
			return NJ_REFUSED;
		}
		xsnprintf(idbuf, sizeof idbuf, "%lld", (long long)saleid);
		key = idbuf;
	}
	r->kind = k->kind;
	r->kind_title = k->title;
	strlcpy0(r->key, key, sizeof r->key);
	org = sc->org == ROLE_ORG_MAKER ? "maker" : sc->org ==
	    ROLE_ORG_DEALER ? "dealer" : "";
	clear = list_sees_private(k->like, who) && who->role != ROLE_CONSOLE;
	/* R-SEC-8.12a issue 8 (12): only records in the viewer's scope */
	st = sql_query(k->get, key, list_scope(who), who->org, org);
	rc = sql_step(st);
	if (rc == 1)
		rec_fields(k, st, clear || who->role == ROLE_CONSOLE, r);
	sqlite3_reset(st);
	if (rc == 0) {
		xsnprintf(msg, msglen, "没有%s %s，或不在您的管辖范围内",
		    k->title, key);
		return NJ_REFUSED;
	}
	if (rc < 0 || rec_links(k, r) != NJ_OK || rec_history(k, r) != NJ_OK ||
	    rec_photos(r) != NJ_OK)
		goto fail;
	rec_offer(who, r);
	if (strcmp(k->kind, "audit") == 0)
		rec_wrap_last(r);
	/*
	 * R-001-A1-16d 001 查询日志化, R-SEC-8.2b: opening one person's
	 * record (a kind with private fields) is a query of private data,
	 * logged once per opening by anyone, the console too, naming the
	 * fields and whether they were shown in clear or masked
	 */
	if (list_private_cols(k->fields, fields, sizeof fields)) {
		xsnprintf(detail, sizeof detail, "view=%s fields=%s private=%s",
		    k->kind, fields, clear || who->role == ROLE_CONSOLE ?
		    "clear" : "masked");
		if (action_batch_begin() != NJ_OK ||
		    action_batch_end(who, 1, "read", r->key, detail) != NJ_OK)
			goto fail;
	}
	return NJ_OK;
fail:
	record_free(r);
	xsnprintf(msg, msglen, "数据库错误：%s", store_errmsg());
	return NJ_ERROR;
}

void
record_free(struct record *r)
{
	size_t i;

	for (i = 0; i < r->nfields; i++)
		free(r->fields[i].value);
	for (i = 0; i < r->nflags; i++)
		free(r->flags[i]);
	for (i = 0; i < r->nlinks; i++)
		free(r->links[i].summary);
	for (i = 0; i < r->nphotos; i++)
		free(r->photos[i]);
	free(r->photos);
	for (i = 0; i < r->nevents; i++) {
		free(r->events[i].who);
		free(r->events[i].what);
	}
	free(r->fields);
	free(r->flags);
	free(r->links);
	free(r->events);
	memset(r, 0, sizeof *r);
}
