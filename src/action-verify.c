/*
 * action-verify.c: the county checks papers and machine, unit by unit
 * (逐台核实, 004 附件4 三; SPEC step 4): identity, the invoice's name and
 * amount, the nameplate against the system (maker, model, serial, engine
 * number), the dealer on the invoice, licence papers for licensed
 * machines. A key machine (subsidy >= the year's threshold, or flagged in
 * the catalogue) needs an on-site check by two different people (003
 * 附件3). A failed check records every problem at once (一次性告知), so
 * the buyer can mend them all; the sale can then be checked again. The
 * pass freezes the buyer's bank account on the sale: payment goes there
 * and nowhere else (R-SEC-8.1c issue 8 (1)).
 */
#include <stdio.h>
#include <string.h>

#include "actions.h"

/* R-004-A4-3 004 附件4 三 逐台核实. The checklist: field, what it checks, the words for a problem. */
static const struct {
	const char	*field;
	const char	*problem;
} checklist[] = {
	{ "check_identity",	"购机者身份与申请人不一致" },
	{ "check_invoice",	"发票姓名或金额与登记不符" },
	{ "check_nameplate",	"铭牌（生产企业、型号、出厂编号、发动机号）与系统不符" },
	{ "check_dealer",	"发票上的经销商与系统不符" },
	{ "check_licence",	"牌证材料不全或不符" },
};

#define CHECK_FIELD(name, label) \
	{ name, FT_CHOICE, 0, label, "1:相符,0:不符", 0 }

static int
find_sale(struct act *a, struct sale_row *s)
{
	sqlite3_stmt	*st;
	int64_t		 id;
	int		 rc;

	if (parse_int(act_str(a, "sale"), &id) != 0 || id <= 0)
		return act_refuse(a, "sale", "销售编号应为数字");
	st = sql_query(SQL_SALE_GET, id);
	rc = sql_step(st);
	if (rc == 1)
		load_sale(st, s);
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询销售");
	if (rc == 0)
		return act_refuse(a, "sale", "未知的销售编号：%lld", (long long)id);
	return need_scope(a, "sale", a->who->role == ROLE_TOWNSHIP &&
	    s->township[0] ? s->township : s->county);
}

/* Only sales waiting for a check (or failed, to check again). */
static int
verifiable(struct act *a, const struct sale_row *s)
{
	if (strcmp(s->state, "recorded") == 0 && s->app == 0)
		return act_refuse(a, "sale", "先购后补的销售须先受理补贴申请，再核验");
	if (strcmp(s->state, "recorded") != 0 && strcmp(s->state, "claimed") !=
	    0 && strcmp(s->state, "failed") != 0)
		return act_refuse(a, "sale", "销售 %lld 已核验或已结算，不能再核验",
		    (long long)s->id);
	return NJ_OK;
}

/* The problems the checklist names, joined; the count. */
static int
problems(struct act *a, char *buf, size_t len)
{
	size_t	i, used = 0;
	int	n = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof checklist / sizeof checklist[0]; i++) {
		if (!act_has(a, checklist[i].field) ||
		    strcmp(act_str(a, checklist[i].field), "0") != 0)
			continue;
		used += (size_t)snprintf(buf + used, used < len ? len - used : 0,
		    "%s%d. %s", n ? "；" : "", n + 1, checklist[i].problem);
		n++;
	}
	return n;
}

static const struct field pass_fields[] = {
	{ "sale", FT_REF, FF_REQ, "销售编号", "verify_queue", 12 },
	{ "method", FT_CHOICE, FF_REQ, "核验方式",
	    "onsite:现场核验,office:室内核验,video:视频核验", 0 },
	{ "licence_no", FT_TEXT, 0, "牌证号码", NULL, 30 },
	CHECK_FIELD("check_identity", "购机者身份"),
	CHECK_FIELD("check_invoice", "发票姓名与金额"),
	CHECK_FIELD("check_nameplate", "铭牌与系统一致"),
	CHECK_FIELD("check_dealer", "经销商与发票一致"),
	CHECK_FIELD("check_licence", "牌证材料"),
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static int
verify_pass(struct act *a)
{
	struct sale_row	 s;
	sqlite3_stmt	*st;
	char		 at[32], why[512];
	int64_t		 user, has = 0;
	int		 rc, others = 0, mine = 0;

	if ((rc = find_sale(a, &s)) != NJ_OK ||
	    (rc = verifiable(a, &s)) != NJ_OK)
		return rc;
	if (problems(a, why, sizeof why) > 0)
		return act_refuse(a, NULL, "核验有不符项（%s），请使用“核验不通过”"
		    "一次性告知购机者", why);
	/* R-SEC-8.1c issue 8 (1): the account paid into is checked here */
	if (sql_int(&has, SQL_SALE_BUYER_ACCOUNT, s.id) < 0)
		return act_fail(a, "查询购机者");
	if (!has)
		return act_refuse(a, "sale", "购机者没有登记银行账号，不能核验通过："
		    "请由购机者所在县（乡镇）使用“修改购机者信息”登记账号后再核验");
	/* R-004-M-8.2.6 004 八(二)六: 拖拉机、联合收割机须办理牌证 */
	if (s.licensed && s.licence[0] == '\0' && !act_has(a, "licence_no"))
		return act_refuse(a, "licence_no", "牌证管理的机具须填写牌证号码");
	if (s.is_key && strcmp(act_str(a, "method"), "onsite") != 0)
		return act_refuse(a, "method", "重点机具须现场核验");
	clock_stamp(a->now, at, sizeof at);
	if (s.is_key) {
		/* R-003-A3-7a 003 附件3 第七条: two different people check a key machine */
		st = sql_query(SQL_VERIFY_PASSES, s.id);
		while ((rc = sql_step(st)) == 1) {
			user = sqlite3_column_int64(st, 0);
			if (user == a->who->id)
				mine++;
			else
				others++;
		}
		sqlite3_reset(st);
		if (rc < 0)
			return act_fail(a, "查询核验");
		if (mine > 0)
			return act_refuse(a, "sale", "重点机具须由两名不同人员现场核验，"
			    "您已核验过");
	}
	if (sql_exec(SQL_VERIFY_INSERT, s.id, a->who->id, at,
	    act_str(a, "method"), "pass", SQL_NULL, SQL_NULL) != 0)
		return act_fail(a, "保存核验");
	if (s.is_key && others == 0) {
		if (act_has(a, "licence_no") && sql_exec(SQL_SALE_SET_LICENCE,
		    act_str(a, "licence_no"), s.id) != 0)
			return act_fail(a, "保存核验");
		/* checked again after a failure: waiting for the second */
		if (sql_exec(SQL_SALE_REOPEN, s.id) != 0)
			return act_fail(a, "保存核验");
		act_out(a, "已记录第一人现场核验，还需另一名人员现场核验");
	} else {
		/* R-SEC-8.1c issue 8 (1): the account (bank, holder, sealed
		 * number) is frozen on the sale, like the subsidy */
		if (sql_exec(SQL_SALE_VERIFIED, at, act_str(a,
		    "licence_no"), s.id) != 0 || sql_exec(SQL_SALE_FREEZE,
		    s.id) != 0 || sql_exec(SQL_MACHINE_OF_SALE,
		    "verified", s.id) != 0)
			return act_fail(a, "保存核验");
	}
	if ((rc = anomaly_check(a, s.id)) != NJ_OK)
		return rc;
	act_key(a, "%lld", (long long)s.id);
	return NJ_OK;
}

const struct action action_verify_pass = {
	"verify.pass", "核验通过", R(ROLE_COUNTY) | R(ROLE_TOWNSHIP),
	pass_fields, verify_pass, 0, NULL
};

static const struct field fail_fields[] = {
	{ "sale", FT_REF, FF_REQ, "销售编号", "verify_queue", 12 },
	{ "reason", FT_TEXT, FF_REQ, "需要购机者补正的事项", NULL, 200 },
	{ "method", FT_CHOICE, 0, "核验方式",
	    "onsite:现场核验,office:室内核验,video:视频核验", 0 },
	CHECK_FIELD("check_identity", "购机者身份"),
	CHECK_FIELD("check_invoice", "发票姓名与金额"),
	CHECK_FIELD("check_nameplate", "铭牌与系统一致"),
	CHECK_FIELD("check_dealer", "经销商与发票一致"),
	CHECK_FIELD("check_licence", "牌证材料"),
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* R-003-A3-7.2 003 附件3 第七条(二) 一次性告知: every problem, the checklist's and the clerk's, at once. */
static int
verify_fail(struct act *a)
{
	struct sale_row	s;
	char		at[32], list[512], all[1024];
	int		rc, n;

	if ((rc = find_sale(a, &s)) != NJ_OK ||
	    (rc = verifiable(a, &s)) != NJ_OK)
		return rc;
	n = problems(a, list, sizeof list);
	xsnprintf(all, sizeof all, "%s%s%s", list, n ? "；" : "",
	    act_str(a, "reason"));
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_VERIFY_INSERT, s.id, a->who->id, at,
	    act_str(a, "method"), "fail", all, list) != 0 ||
	    sql_exec(SQL_SALE_SET_STATE, "failed", s.id) != 0)
		return act_fail(a, "保存核验");
	if ((rc = anomaly_check(a, s.id)) != NJ_OK)
		return rc;
	act_out(a, "%s", all);
	act_key(a, "%lld", (long long)s.id);
	return NJ_OK;
}

const struct action action_verify_fail = {
	"verify.fail", "核验不通过（一次性告知）", R(ROLE_COUNTY) | R(ROLE_TOWNSHIP),
	fail_fields, verify_fail, 0, NULL
};
