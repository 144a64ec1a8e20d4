/*
 * action-complaint.c: complaints (投诉举报, issue 13 item 3; 003 附件2
 * 第十三条, 004 八(三)三), handled by the province, a city or a county in
 * its own region: complaint.new registers one (受理登记) in the clerk's
 * region; complaint.decline declines an anonymous one without a concrete
 * lead (不予登记, kept all the same); complaint.investigate records what
 * was found (调查核实) and may freeze the product or company concerned
 * (先行封闭: no new supply or sale, action-freeze-check.c);
 * complaint.interview records the interview (约谈告知) and its time
 * limit; complaint.decide decides (处理通报, printed by `njbt print
 * complaints`), may name the violation opened, and lifts the freeze.
 * A complaint out of the clerk's region reads as one that does not
 * exist. R-003-A2-13.5 003 附件2 第十三条(五) 调查材料保存期5-10年:
 * nothing deletes a complaint, and migration 016's trigger refuses a
 * DELETE.
 */
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "label.h"
#include "state.h"

#define COMPLAINT_ROLES	(R(ROLE_ADMIN) | R(ROLE_CITY) | R(ROLE_COUNTY))
#define COMPLAINT_UNKNOWN "没有此投诉（或不属于您的管辖范围）：%s"
#define FIELD_COMPLAINT \
	{ "complaint", FT_REF, FF_REQ, "投诉编号", "complaints", 8 }

struct complaint_row {
	int64_t	 id;
	char	 no[16];
	char	 region[NJ_REGION_MAX];
	char	 state[16];
	char	 about_type[16];
	char	 about[64];
	int	 anonymous;
	int	 frozen;
	char	 deadline[16];
	char	 held_on[16];
};

/*
 * The complaint of field's number, within the acting user's region
 * (003 附件2 第十三条: 本行政区域内). Out of scope or unknown: the same
 * refusal, so that a clerk learns nothing of another region's complaints.
 */
static int
complaint_find(struct act *a, struct complaint_row *c)
{
	const char	*no = act_str(a, "complaint");
	sqlite3_stmt	*st = sql_query(SQL_COMPLAINT_GET, no);
	int		 rc = sql_step(st);

	memset(c, 0, sizeof *c);
	if (rc == 1) {
		c->id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, c->no, sizeof c->no);
		sql_col_copy(st, 2, c->region, sizeof c->region);
		sql_col_copy(st, 3, c->state, sizeof c->state);
		sql_col_copy(st, 4, c->about_type, sizeof c->about_type);
		sql_col_copy(st, 5, c->about, sizeof c->about);
		c->anonymous = sqlite3_column_int(st, 6);
		c->frozen = sqlite3_column_int(st, 7);
		sql_col_copy(st, 8, c->deadline, sizeof c->deadline);
		sql_col_copy(st, 9, c->held_on, sizeof c->held_on);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询投诉");
	if (rc == 1 && (rc = scope_has(a, a->who, c->region)) < 0)
		return act_fail(a, "查询管辖范围");
	if (rc == 0)
		return act_refuse(a, "complaint", COMPLAINT_UNKNOWN, no);
	act_key(a, "%s", c->no);
	act_what(a, "投诉 %s", c->no);
	return NJ_OK;
}

/*
 * The complaint of field complaint (complaint_find), refused unless it is
 * in one of the states (comma list), saying why.
 */
static int
complaint_open(struct act *a, struct complaint_row *c, const char *states,
    const char *why)
{
	const char	*p;
	size_t		 n;
	int		 rc;

	if ((rc = complaint_find(a, c)) != NJ_OK)
		return rc;
	p = strstr(states, c->state);
	n = strlen(c->state);
	if (p != NULL && (p == states || p[-1] == ',') &&
	    (p[n] == ',' || p[n] == '\0'))
		return NJ_OK;
	return act_refuse(a, "complaint", "投诉 %s %s，%s", c->no,
	    state_label("complaint", c->state), why);
}

/*
 * What the complaint is about, by its type: a maker's or dealer's credit
 * code, a product's model (each must be known: *id its row), a buyer's ID
 * number (a private look-up, as every one) or a person's (checked, never
 * looked up). *norm gets the normalised key.
 */
static int
complaint_about(struct act *a, const char *type, int64_t *id, char *norm,
    size_t len)
{
	const char		*about = act_str(a, "about");
	struct org_row		 o;
	struct product_row	 p;
	struct buyer_rec	 b;
	int			 rc;

	*id = 0;
	memset(&o, 0, sizeof o);
	if (strcmp(type, "product") == 0) {
		if ((rc = find_product(a, "about", about, &p)) != NJ_OK)
			return rc;
		*id = p.id;
		strlcpy0(norm, p.model, len);
		return NJ_OK;
	}
	if (strcmp(type, "maker") == 0 || strcmp(type, "dealer") == 0) {
		if (uscc_check(about, norm, len) != USCC_OK)
			return act_refuse(a, "about", "统一社会信用代码有误："
			    "%s", about);
		rc = type[0] == 'm' ? find_maker_uscc(a, "about", norm, &o) :
		    find_dealer_uscc(a, "about", norm, &o);
		*id = o.id;
		return rc;
	}
	if (idcard_check(about, a->today, norm, len) != IDCARD_OK &&
	    (strcmp(type, "buyer") != 0 || uscc_check(about, norm, len) !=
	    USCC_OK))
		return act_refuse(a, "about", "证件号码有误");
	if (strcmp(type, "person") == 0)
		return NJ_OK;
	if ((rc = lookup_begin(a, "about", norm)) != NJ_OK)
		return rc;
	if ((rc = buyer_find(a, norm, &b)) < 0)
		return rc;
	if (rc == 0)
		return lookup_miss(a, "about", "没有此证件号码的购机者登记");
	*id = b.id;
	return NJ_OK;
}

static const struct field new_fields[] = {
	{ "channel", FT_CHOICE, FF_REQ, "受理渠道",
	    "phone:电话,letter:信函,web:网络,visit:来访", 0 },
	{ "about_type", FT_CHOICE, FF_REQ, "被投诉对象类别",
	    "maker:生产企业,dealer:经销商,product:产品,buyer:购机者,"
	    "person:个人", 0 },
	{ "about", FT_TEXT, FF_REQ | FF_PRIVATE,
	    "被投诉对象（信用代码、型号或证件号）", NULL, 40 },
	{ "content", FT_TEXT, FF_REQ, "投诉内容", NULL, 500 },
	{ "complainant", FT_TEXT, 0, "投诉人（空为匿名）", NULL, 30 },
	{ "phone", FT_PHONE, FF_PRIVATE, "联系电话", NULL, 20 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-003-A2-13.1a 003 附件2 第十三条(一) 受理登记: registered in the
 * clerk's region (a county, a city, or the province for the admin); the
 * complainant and phone are optional (anonymous), the phone sealed to the
 * row like every phone, a buyer's or person's ID number too.
 */
static int
complaint_new(struct act *a)
{
	const char	*type = act_str(a, "about_type");
	struct sealed	 phone, idno;
	char		 norm[64], no[16], at[32];
	int64_t		 id, about_id;
	int		 rc, person;

	if (a->who->region[0] == '\0')
		return act_refuse(a, NULL, "您的账户没有所属地区，不能受理"
		    "投诉");
	if ((rc = complaint_about(a, type, &about_id, norm, sizeof norm)) !=
	    NJ_OK)
		return rc;
	if (sql_int(&id, SQL_COMPLAINT_NEXT_ID) != 1)
		return act_fail(a, "保存投诉");
	person = strcmp(type, "buyer") == 0 || strcmp(type, "person") == 0;
	sealed_make(&phone, "complaints.phone", id, "phone",
	    act_str(a, "phone"));
	sealed_make(&idno, "complaints.about", id, "idno", person ? norm :
	    NULL);
	xsnprintf(no, sizeof no, "TS%06lld", (long long)id);
	clock_stamp(a->now, at, sizeof at);
	rc = sql_exec(SQL_COMPLAINT_INSERT, id, no, a->who->region,
	    act_str(a, "channel"), type, person ? NULL : norm,
	    about_id ? sql_arg_int(about_id) : SQL_NULL,
	    SQL_BLOB(idno.blob, idno.len),
	    SEALED_LAST4(&idno), act_str(a, "content"),
	    act_str(a, "complainant"), SQL_BLOB(phone.blob, phone.len),
	    SEALED_LAST4(&phone), a->who->id, at);
	sealed_free(&phone);
	sealed_free(&idno);
	if (rc != 0)
		return act_fail(a, "保存投诉");
	act_what(a, "投诉 %s（%s）", no, act_has(a, "complainant") ?
	    "实名" : "匿名");
	act_key(a, "%s", no);
	return NJ_OK;
}

const struct action action_complaint_new = {
	"complaint.new", "投诉举报受理登记", COMPLAINT_ROLES, new_fields,
	complaint_new, 0, NULL, "已受理登记"
};

static const struct field decline_fields[] = {
	FIELD_COMPLAINT,
	{ "reason", FT_TEXT, FF_REQ, "不予登记理由", NULL, 200 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-003-A2-13.1b 003 附件2 第十三条(一) 匿名反映且无具体线索的，可不予
 * 登记: only an anonymous complaint, only before it is investigated; the
 * row and its reason are kept (第十三条(五) 未经受理登记的相关材料亦应留存).
 */
static int
complaint_decline(struct act *a)
{
	struct complaint_row	c;
	char			at[32];
	int			rc;

	if ((rc = complaint_open(a, &c, "registered", "不能再不予登记")) !=
	    NJ_OK)
		return rc;
	if (!c.anonymous)
		return act_refuse(a, "complaint", "投诉 %s 为实名投诉，应予登记"
		    "调查，不能不予登记", c.no);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_COMPLAINT_DECLINE, c.id, act_str(a, "reason"),
	    a->who->id, at) != 0 || store_changes() != 1)
		return act_fail(a, "保存投诉");
	return NJ_OK;
}

const struct action action_complaint_decline = {
	"complaint.decline", "投诉不予登记", COMPLAINT_ROLES, decline_fields,
	complaint_decline, 0, NULL, "已不予登记"
};

static const struct field investigate_fields[] = {
	FIELD_COMPLAINT,
	{ "findings", FT_TEXT, FF_REQ, "调查核实情况", NULL, 500 },
	{ "freeze", FT_CHOICE, 0, "先行封闭", "0:否,1:是（暂停供货和销售）",
	    0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-003-A2-13.2 003 附件2 第十三条(二) 调查核实: findings are added (it
 * may be investigated again as more is found). 对有具体违规线索且违规
 * 嫌疑较大的企业，由自治区农业农村厅...对涉及的产品或企业先行采取封闭:
 * the freeze is the province's (admin) and only of a product, a maker
 * or a dealer; it holds until the complaint is decided.
 */
static int
complaint_investigate(struct act *a)
{
	struct complaint_row	c;
	char			at[32];
	int			rc, freeze = act_has(a, "freeze") &&
	    strcmp(act_str(a, "freeze"), "1") == 0;

	if ((rc = complaint_open(a, &c, "registered,investigating",
	    "不能再调查核实")) != NJ_OK)
		return rc;
	if (freeze && a->who->role != ROLE_ADMIN)
		return act_refuse(a, "freeze", "先行封闭由自治区农业农村厅"
		    "（省级管理员）决定");
	if (freeze && (strcmp(c.about_type, "buyer") == 0 ||
	    strcmp(c.about_type, "person") == 0))
		return act_refuse(a, "freeze", "先行封闭只适用于涉及的产品或"
		    "企业");
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_COMPLAINT_INVESTIGATE, c.id, act_str(a, "findings"),
	    freeze, a->who->id, at) != 0 || store_changes() != 1)
		return act_fail(a, "保存投诉");
	if (freeze && !c.frozen)
		act_out(a, "已先行封闭%s %s：处理决定作出前不能供货和销售",
		    label_short("complaint_about", c.about_type), c.about);
	return NJ_OK;
}

const struct action action_complaint_investigate = {
	"complaint.investigate", "投诉调查核实", COMPLAINT_ROLES,
	investigate_fields, complaint_investigate, 0, NULL, "已记录调查核实"
};

static const struct field interview_fields[] = {
	FIELD_COMPLAINT,
	{ "held_on", FT_DATE, FF_REQ, "约谈日期", NULL, 0 },
	{ "deadline", FT_DATE, FF_REQ, "约谈时限（逾期视同无异议）", NULL, 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-003-A2-13.3a 003 附件2 第十三条(三) 约谈告知: after the investigation,
 * on a day not after today, with a time limit after that day.
 */
static int
complaint_interview(struct act *a)
{
	struct complaint_row	c;
	int			rc;

	if ((rc = complaint_open(a, &c, "investigating",
	    "约谈须在调查核实之后、处理决定之前")) != NJ_OK)
		return rc;
	if (act_num(a, "held_on") > a->today)
		return act_refuse(a, "held_on", "约谈日期不能晚于今天%s",
		    act_today(a));
	if (act_num(a, "deadline") <= act_num(a, "held_on"))
		return act_refuse(a, "deadline", "约谈时限应晚于约谈日期");
	if (sql_exec(SQL_COMPLAINT_INTERVIEW, c.id, act_str(a, "held_on"),
	    act_str(a, "deadline"), a->who->id) != 0 || store_changes() != 1)
		return act_fail(a, "保存投诉");
	return NJ_OK;
}

const struct action action_complaint_interview = {
	"complaint.interview", "投诉约谈告知", COMPLAINT_ROLES,
	interview_fields, complaint_interview, 0, NULL, "已记录约谈"
};

static const struct field decide_fields[] = {
	FIELD_COMPLAINT,
	{ "result", FT_CHOICE, FF_REQ, "处理结果",
	    "founded:属实,unfounded:不属实", 0 },
	{ "violation", FT_REF, 0, "违规编号（WG+6位）", "violations", 8 },
	{ "note", FT_TEXT, 0, "处理意见", NULL, 500 },
	{ "reply", FT_TEXT, 0, "涉事方陈述申辩（约谈时限内答复的）", NULL,
	    500 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* The violation of field violation (WG + 6 digits): its id, which exists. */
static int
complaint_violation(struct act *a, int64_t *id)
{
	const char	*v = act_str(a, "violation");
	int64_t		 one;
	int		 n = 0, rc;
	long long	 x;

	*id = 0;
	if (v == NULL)
		return NJ_OK;
	if (strcmp(act_str(a, "result"), "founded") != 0)
		return act_refuse(a, "violation", "投诉不属实，不能关联违规"
		    "记录");
	if (strlen(v) != 8 || sscanf(v, "WG%6lld%n", &x, &n) != 1 || n != 8 ||
	    x <= 0)
		return act_refuse(a, "violation", "违规编号应为 WG 加 6 位"
		    "数字：%s", v);
	if ((rc = sql_int(&one, SQL_COMPLAINT_VIOLATION, (int64_t)x)) < 0)
		return act_fail(a, "查询违规记录");
	if (rc == 0)
		return act_refuse(a, "violation", "没有此违规记录：%s", v);
	*id = x;
	return NJ_OK;
}

/*
 * R-003-A2-13.4 003 附件2 第十三条(四) 处理通报: decided after the
 * investigation (never before it); a founded complaint only after the
 * interview (R-003-A2-13.3b 第十三条(三) 作出处理决定前，应履行约谈
 * 程序), and, before the interview's time limit has passed, only with the
 * party's reply recorded: after it, silence counts as no objection
 * (视同无异议). The decision lifts the freeze.
 */
static int
complaint_decide(struct act *a)
{
	struct complaint_row	c;
	char			at[32];
	int64_t			viol;
	int			rc, deadline = 0;

	if ((rc = complaint_open(a, &c, "investigating,interviewed",
	    "处理决定须在调查核实之后作出")) != NJ_OK)
		return rc;
	if (strcmp(act_str(a, "result"), "founded") == 0 &&
	    strcmp(c.state, "interviewed") != 0)
		return act_refuse(a, "result", "投诉 %s 尚未约谈告知：作出"
		    "处理决定前应履行约谈程序", c.no);
	if (c.deadline[0] != '\0' && date_parse(c.deadline, &deadline) == 0 &&
	    a->today <= deadline && !act_has(a, "reply"))
		return act_refuse(a, "reply", "约谈时限至 %s 未满%s：请记录"
		    "涉事方的陈述申辩，或待时限届满（逾期视同无异议）",
		    c.deadline, act_today(a));
	if ((rc = complaint_violation(a, &viol)) != NJ_OK)
		return rc;
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_COMPLAINT_DECIDE, c.id, act_str(a, "result"),
	    viol ? sql_arg_int(viol) : SQL_NULL, act_str(a, "note"),
	    act_str(a, "reply"),
	    a->who->id, at) != 0 || store_changes() != 1)
		return act_fail(a, "保存投诉");
	if (c.deadline[0] != '\0' && !act_has(a, "reply"))
		act_out(a, "约谈时限 %s 已过，涉事方未陈述申辩，视同无异议",
		    c.deadline);
	if (c.frozen)
		act_out(a, "已解除先行封闭：%s %s",
		    label_short("complaint_about", c.about_type), c.about);
	return NJ_OK;
}

const struct action action_complaint_decide = {
	"complaint.decide", "投诉处理决定", COMPLAINT_ROLES, decide_fields,
	complaint_decide, 0, NULL, "已作出处理决定"
};
