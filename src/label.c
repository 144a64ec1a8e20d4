/*
 * label.c: the enumeration kinds. A stored code that is not a record's
 * state (state.c holds those) but is shown in Chinese has its labels
 * here, one row per code: the short one for lists, the long one for
 * printed sheets (the same text when both show the same). Lists and
 * printers read them through njbt_state(kind, code [, long]) (db.c), so
 * no SQL statement carries its own copy of a label. Some codes stand for
 * what a statement computes rather than stores (a review not yet done,
 * a batch in its publicity days): the statement picks the code by its
 * conditions and the table says how it reads. Rows, not ladders.
 */
#include <stddef.h>
#include <string.h>

#include "label.h"

/* 性别/性质 of an organisation (buyers.kind; a person's is the gender) */
static const struct state_code buyer_nature_codes[] = {
	{ "org",	"法人",		"法人" },
	{ NULL, NULL, NULL }
};

/* 修改的字段 (buyer_changes.field; action-buyer-rec.c's fields) */
static const struct state_code buyer_field_codes[] = {
	{ "township",	"乡镇",		"乡镇" },
	{ "village",	"村组",		"村组" },
	{ "address",	"住址",		"住址" },
	{ "phone",	"联系电话",	"联系电话" },
	{ "bank_name",	"开户行",	"开户行" },
	{ "bank_account", "账号",	"账号" },
	{ "legal_rep",	"法定代表人",	"法定代表人" },
	{ NULL, NULL, NULL }
};

/* 申请购机者身份 (buyers.kind; an organisation with service_org set reads
 * as service_org) */
static const struct state_code buyer_kind_codes[] = {
	{ "person",	"个人",		"个人" },
	{ "org",	"组织",		"组织" },
	{ "service_org", "农机作业服务组织", "农机作业服务组织" },
	{ NULL, NULL, NULL }
};

/* 购机方式 (programs.flow, applications.flow): long as 附表2 prints it */
static const struct state_code flow_codes[] = {
	{ "quota-first", "先定后买",	"自主购机、定额补贴、县级结算、直补到卡" },
	{ "buy-first",	"先购后补",	"先购后补、定额补贴、县级结算、直补到卡" },
	{ NULL, NULL, NULL }
};

/* 审批意见 of 附表1, by the application's state (a rejection's reason
 * follows its label) */
static const struct state_code opinion_codes[] = {
	{ "draft",	"",		"" },
	{ "submitted",	"",		"" },
	{ "approved",	"同意",		"同意" },
	{ "rejected",	"不同意：",	"不同意：" },
	{ "withdrawn",	"",		"" },
	{ "used",	"同意",		"同意" },
	{ "cancelled",	"",		"" },
	{ NULL, NULL, NULL }
};

/* 核实情况 of 附表3 (verifications.result; "half" one on-site pass of
 * two, "none" none yet; a failure's problems follow its label) */
static const struct state_code verification_codes[] = {
	{ "pass",	"核实通过",	"核实通过" },
	{ "fail",	"核实未通过：",	"核实未通过：" },
	{ "half",	"待第二人现场核实", "待第二人现场核实" },
	{ "none",	"待核实",	"待核实" },
	{ NULL, NULL, NULL }
};

/* 附表4's four questions, answered at once by the review's result
 * (reviews.result; NULL, pending, is blank) */
static const struct state_code review_answer_codes[] = {
	{ "pass",	"是",		"是" },
	{ "fail",	"否",		"否" },
	{ NULL, NULL, NULL }
};

/* 复核结论 (reviews.result; "" while pending) */
static const struct state_code review_codes[] = {
	{ "",		"待复核",	"待复核" },
	{ "pass",	"一致",		"一致" },
	{ "fail",	"不一致",	"不一致" },
	{ NULL, NULL, NULL }
};

/* why a machine must be reviewed (reviews.required_why, action-batch.c) */
static const struct state_code review_why_codes[] = {
	{ "key",	"重点机具",	"重点机具" },
	{ "licensed",	"牌证机具",	"牌证管理机具" },
	{ "sample",	"抽样",		"随机抽查" },
	{ NULL, NULL, NULL }
};

/* 财政抽查核实 (finance_checks.result; "" while pending) */
static const struct state_code finance_check_codes[] = {
	{ "",		"待核实",	"待核实" },
	{ "pass",	"属实",		"属实" },
	{ "fail",	"不属实",	"不属实" },
	{ NULL, NULL, NULL }
};

/* 异常情形 (anomalies.kind, anomaly.c's table; SPEC section 5) */
static const struct state_code anomaly_codes[] = {
	{ "buyer_units", "单人多台套",	"单人多台套" },
	{ "dealer_burst", "短期内大批量", "短期内大批量" },
	{ "repeat_item", "同人连年购置同类机具", "同人连年购置同类机具" },
	{ "engine_dup",	"发动机号重复",	"发动机号重复" },
	{ "ratio",	"补贴售价比偏高", "补贴售价比偏高" },
	{ "window",	"超出有效期录入", "超出确认通知书有效期" },
	{ "price",	"售价随补贴变动", "售价随补贴额变动" },
	{ NULL, NULL, NULL }
};

/* the list's marks: a key machine (sales.is_key <> 0) ... */
static const struct state_code key_mark_codes[] = {
	{ "0",		"",		"" },
	{ "1",		"重",		"重" },
	{ NULL, NULL, NULL }
};

/* ... a machine not verified within its week (R-000-M-3.2.4a) */
static const struct state_code late_mark_codes[] = {
	{ "0",		"",		"" },
	{ "1",		"逾",		"逾" },
	{ NULL, NULL, NULL }
};

/* ... and each anomaly bit of sales.flags (actions.h's AN_*), by value */
static const struct state_code flag_mark_codes[] = {
	{ "0",		"",		"" },
	{ "1",		"多",		"多" },
	{ "2",		"批",		"批" },
	{ "4",		"连",		"连" },
	{ "8",		"号",		"号" },
	{ "16",		"比",		"比" },
	{ "32",		"期",		"期" },
	{ "64",		"价",		"价" },
	{ NULL, NULL, NULL }
};

/* a batch's next step, by its state; "publicizing" its publicity days
 * (the last day follows), "sampling" and "checking" the finance
 * bureau's sample not yet drawn or not yet checked */
static const struct state_code batch_next_codes[] = {
	{ "late",	"逾期",		"逾期" },	/* past its due date */
	{ "open",	"公示",		"公示" },
	{ "publicizing", "公示至",	"公示至" },
	{ "publicized",	"报送财政",	"报送财政" },
	{ "sampling",	"财政抽查",	"财政抽查" },
	{ "checking",	"抽查核实",	"抽查核实" },
	{ "submitted",	"财政审核",	"财政审核" },
	{ "approved",	"支付",		"支付" },
	{ "paid",	"",		"" },
	{ NULL, NULL, NULL }
};

/* issue 11 (5): a publicized batch's state as the calendar reads it (the
 * stored state stays publicized until batch.submit moves it): its
 * publicity over, or not begun yet; during it the state's own label */
static const struct state_code batch_shown_codes[] = {
	{ "over",	"公示期满",	"公示期满，待报送财政" },
	{ "due",	"待公示",	"公示尚未开始" },
	{ NULL, NULL, NULL }
};

/* what holds a machine in its batch: an objection not yet settled, else
 * a review not yet done ("" neither) */
static const struct state_code batch_sale_mark_codes[] = {
	{ "",		"",		"" },
	{ "objection",	"异议",		"异议" },
	{ "review",	"待复核",	"待复核" },
	{ NULL, NULL, NULL }
};

/* 公示异议 (objections.upheld: "" pending, 1 upheld, 0 not; the
 * resolution follows) */
static const struct state_code objection_codes[] = {
	{ "",		"待处理",	"待处理" },
	{ "1",		"成立：",	"成立：" },
	{ "0",		"不成立：",	"不成立：" },
	{ NULL, NULL, NULL }
};

/* a user's sign-in status (users.locked, then users.must_change) */
static const struct state_code user_status_codes[] = {
	{ "locked",	"已锁定",	"已锁定" },
	{ "must_change", "待改密码",	"待改密码" },
	{ "ok",		"正常",		"正常" },
	{ NULL, NULL, NULL }
};

/* a sale's tier amount: "" the year's first (003 附件1 分段结算) */
static const struct state_code segment_codes[] = {
	{ "",		"年初补贴额",	"年初补贴额" },
	{ NULL, NULL, NULL }
};

/* whose a deadline is (004 附件4 四): the county's office or finance */
static const struct state_code office_codes[] = {
	{ "county",	"县级农机部门",	"县级农机部门" },
	{ "finance",	"县级财政部门",	"县级财政部门" },
	{ NULL, NULL, NULL }
};

/* an application's flag (R-002-A2-10.3b): another open one, same item */
static const struct state_code app_flag_codes[] = {
	{ "dup_open",	"重复申请",	"重复申请" },
	{ NULL, NULL, NULL }
};

/* a candidate of a draw by lot (R-004-M-4.1, R-004-M-3.2b) */
static const struct state_code lottery_priority_codes[] = {
	{ "0",		"",		"" },
	{ "1",		"上年未中签优先", "上年未中签优先" },
	{ NULL, NULL, NULL }
};
static const struct state_code lottery_drawn_codes[] = {
	{ "0",		"未中签",	"未中签（下一年度优先补贴）" },
	{ "1",		"中签",		"中签" },
	{ NULL, NULL, NULL }
};

/* 照片内容 (photos.what, migration 013; 003 附件4 第八条, 004 附件4 二、三) */
static const struct state_code photo_what_codes[] = {
	{ "person",	"人机合照",	"人机合照" },
	{ "plate",	"铭牌",		"铭牌" },
	{ "front",	"正面",		"正面" },
	{ "side",	"侧面",		"侧面" },
	{ "back",	"背面",		"背面" },
	{ NULL, NULL, NULL }
};

/* issue 12 (forms): 核验方式 (verifications.method), as the record prints it */
static const struct state_code verify_method_codes[] = {
	{ "onsite",	"现场核验",	"现场核验" },
	{ "office",	"室内核验",	"室内核验" },
	{ "video",	"视频核验",	"视频核验" },
	{ "",		"",		"" },
	{ NULL, NULL, NULL }
};

/* issue 12 (forms): an item of a check (verification_checks.result) */
static const struct state_code verify_check_codes[] = {
	{ "1",		"相符",		"相符" },
	{ "0",		"不符",		"不符" },
	{ "",		"未核",		"未核" },
	{ NULL, NULL, NULL }
};

/* 照片所属 (photos.record) */
static const struct state_code photo_record_codes[] = {
	{ "sale",	"销售",		"销售" },
	{ "verification", "核验",	"核验" },
	{ "product",	"产品",		"产品" },
	{ NULL, NULL, NULL }
};

/* issue 13 item 2 (violations, action-violation.c): the party, level and
 * measure of a violation (003 附件2 第七条, 第八条) */
static const struct state_code vio_party_codes[] = {
	{ "maker",	"生产企业",	"生产企业" },
	{ "dealer",	"经销企业",	"经销企业" },
	{ "product",	"产品",		"补贴产品" },
	{ "buyer",	"购机者",	"购机者" },
	{ "person",	"个人",		"相关人员" },
	{ NULL, NULL, NULL }
};
static const struct state_code vio_level_codes[] = {
	{ "minor",	"轻微",		"轻微违规" },
	{ "serious",	"较重",		"较重违规" },
	{ "severe",	"严重",		"严重违规" },
	{ NULL, NULL, NULL }
};
static const struct state_code vio_measure_codes[] = {
	{ "warning",	"警告",		"警告" },
	{ "notice",	"通报",		"通报" },
	{ "suspend",	"暂停资格",	"暂停补贴资格" },
	{ "cancel",	"取消资格",	"取消补贴资格" },
	{ "blacklist",	"黑名单",	"列入黑名单" },
	{ "ban",	"禁购",		"禁止享受补贴" },
	{ NULL, NULL, NULL }
};

/* issue 13 item 3, complaints: 受理渠道 (complaints.channel) */
static const struct state_code complaint_channel_codes[] = {
	{ "phone",	"电话",		"电话" },
	{ "letter",	"信函",		"信函" },
	{ "web",	"网络",		"网络" },
	{ "visit",	"来访",		"来访" },
	{ NULL, NULL, NULL }
};

/* 被投诉对象类别 (complaints.about_type; as violation.new's party_type) */
static const struct state_code complaint_about_codes[] = {
	{ "maker",	"生产企业",	"生产企业" },
	{ "dealer",	"经销商",	"经销商" },
	{ "product",	"产品",		"产品" },
	{ "buyer",	"购机者",	"购机者" },
	{ "person",	"个人",		"个人" },
	{ NULL, NULL, NULL }
};

/* 处理结果 (complaints.result) */
static const struct state_code complaint_result_codes[] = {
	{ "founded",	"属实",		"投诉属实" },
	{ "unfounded",	"不属实",	"投诉不属实" },
	{ NULL, NULL, NULL }
};

/* 投诉人: named (实名) or anonymous (complainant IS NULL) */
static const struct state_code complaint_from_codes[] = {
	{ "0",		"实名",		"实名" },
	{ "1",		"匿名",		"匿名" },
	{ NULL, NULL, NULL }
};

/* 先行封闭 (complaints.frozen): what the lists say of it */
static const struct state_code complaint_freeze_codes[] = {
	{ "0",		"",		"" },
	{ "1",		"封闭中",	"先行封闭中" },
	{ NULL, NULL, NULL }
};

const struct label_kind label_kinds[] = {
	{ "buyer_field", NULL, NULL, buyer_field_codes },
	{ "buyer_kind", "buyers", "kind", buyer_kind_codes },
	{ "buyer_nature", NULL, NULL, buyer_nature_codes },
	{ "flow", "programs", "flow", flow_codes },
	{ "opinion", "applications", "state", opinion_codes },
	{ "verification", "verifications", "result", verification_codes },
	{ "review_answer", "reviews", "result", review_answer_codes },
	{ "review", "reviews", "result", review_codes },
	{ "review_why", NULL, NULL, review_why_codes },
	{ "finance_check", "finance_checks", "result", finance_check_codes },
	{ "anomaly", NULL, NULL, anomaly_codes },
	{ "key_mark", NULL, NULL, key_mark_codes },
	{ "flag_mark", NULL, NULL, flag_mark_codes },
	{ "late_mark", NULL, NULL, late_mark_codes },
	{ "batch_next", "batches", "state", batch_next_codes },
	{ "batch_shown", NULL, NULL, batch_shown_codes },
	{ "batch_sale_mark", NULL, NULL, batch_sale_mark_codes },
	{ "objection", NULL, NULL, objection_codes },
	{ "user_status", NULL, NULL, user_status_codes },
	{ "segment", NULL, NULL, segment_codes },
	{ "office", NULL, NULL, office_codes },
	{ "app_flag", NULL, NULL, app_flag_codes },
	{ "lottery_priority", NULL, NULL, lottery_priority_codes },
	{ "lottery_drawn", NULL, NULL, lottery_drawn_codes },
	{ "photo_what", "photos", "what", photo_what_codes },
	{ "photo_record", "photos", "record", photo_record_codes },
	/* issue 13 item 2: violations */
	{ "vio_party", "violations", "party_type", vio_party_codes },
	{ "vio_level", "violations", "level", vio_level_codes },
	{ "vio_measure", "violations", "measure", vio_measure_codes },
	/* issue 13 item 3: complaints */
	{ "complaint_channel", "complaints", "channel",
	    complaint_channel_codes },
	{ "complaint_about", "complaints", "about_type",
	    complaint_about_codes },
	{ "complaint_result", "complaints", "result", complaint_result_codes },
	{ "complaint_freeze", NULL, NULL, complaint_freeze_codes },
	{ "complaint_from", NULL, NULL, complaint_from_codes },
	/* issue 12 (forms): the verification record (003 附件3) */
	{ "verify_method", NULL, NULL, verify_method_codes },
	{ "verify_check", NULL, NULL, verify_check_codes },
	{ NULL, NULL, NULL, NULL }
};

const struct label_kind *
label_kind(const char *kind)
{
	const struct label_kind *k;

	if (kind == NULL)
		return NULL;
	for (k = label_kinds; k->kind != NULL; k++)
		if (strcmp(k->kind, kind) == 0)
			return k;
	return NULL;
}

/*
 * The codes of kind: a state kind's (state.c) first, else an
 * enumeration's; NULL for a kind no table has.
 */
const struct state_code *
label_codes(const char *kind)
{
	const struct state_kind *s;
	const struct label_kind *k;

	if ((s = state_kind(kind)) != NULL)
		return s->codes;
	return (k = label_kind(kind)) != NULL ? k->codes : NULL;
}

/* The row of code: a state kind's (state.c) first, else an enumeration's. */
const struct state_code *
label_code(const char *kind, const char *code)
{
	return state_codes_find(label_codes(kind), code);
}

/* The short label of code; a code no table has reads as itself. */
const char *
label_short(const char *kind, const char *code)
{
	return state_text(label_code(kind, code), code, 0);
}

/* The long label of code, for printed sheets. */
const char *
label_long(const char *kind, const char *code)
{
	return state_text(label_code(kind, code), code, 1);
}
