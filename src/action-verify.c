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
 *
 * Issue 10 item 5 (002 附件3, 003 附件3): the checklist is required, item
 * by item, and stored so (verification_checks); a video check only for a
 * machine below the year's video threshold and never for installed
 * equipment (tiers.installed); an organisation's machine on site (000);
 * every check by two people: a second verifier named on the pass, or (as
 * the year sets) one verifier and a recorded collective review (集体会审).
 */
#include <stdio.h>
#include <string.h>

#include "actions.h"

/*
 * R-004-A4-3 004 附件4 三 逐台核实; R-002-A3-2.2 R-002-A3-2.3 002 附件3
 * 二(二)、(三); 003 附件3 第七条(二)、(三). The checklist: field, the item
 * as a clerk ticks it, the words for a problem, and whether only licensed
 * machines have it.
 */
static const struct {
	const char	*field;
	const char	*item;
	const char	*problem;
	int		 licensed_only;
} checklist[] = {
	{ "check_identity", "购机者本人与身份证件、申请人一致",
	    "购机者身份与申请人不一致", 0 },
	{ "check_invoice", "发票上的购机者姓名（名称）与金额",
	    "发票姓名或金额与登记不符", 0 },
	{ "check_nameplate", "铭牌与发票、系统一致（生产企业、型号、出厂编号、"
	    "发动机号）", "铭牌（生产企业、型号、出厂编号、发动机号）与系统不符", 0 },
	{ "check_dealer", "发票上的经销商与系统一致",
	    "发票上的经销商与系统不符", 0 },
	{ "check_licence", "牌证材料（行驶证或登记证书）",
	    "牌证材料不全或不符", 1 },
	{ "check_account", "银行卡（折）账号、开户名与购机者一致",
	    "银行卡（折）账号或开户名与购机者不符", 0 },
	{ "check_promise", "购机者签署购机价格真实性承诺",
	    "购机者未签署购机价格真实性承诺", 0 },
};
#define NCHECKS	(sizeof checklist / sizeof checklist[0])

/* The year's settings of a check (programs, migration 009). */
struct verify_settings {
	int64_t	 video_max;	/* fen: video only below it */
	char	 mode[8];	/* pair: 双人交叉核验; review: 集体会审 */
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
	st = sql_query(SQL_VERIFY_SALE_MORE, id);
	if ((rc = sql_step(st)) == 1) {
		s->subsidy = sqlite3_column_int64(st, 0);
		s->installed = sqlite3_column_int(st, 1);
		sql_col_copy(st, 2, s->kind, sizeof s->kind);
		sql_col_copy(st, 3, s->buyer_name, sizeof s->buyer_name);
	}
	sqlite3_reset(st);
	if (rc != 1)
		return act_fail(a, "查询销售");
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
		return act_refuse(a, "sale", "销售 %s 已核验或已结算，不能再核验",
		    sale_ref(s->id));
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
	{ "sale", FT_REF, FF_REQ, "销售编号", "verify_queue", 20 },
	{ "method", FT_CHOICE, FF_REQ, "核验方式",
	    "onsite:现场核验,office:室内核验,video:视频核验", 0 },
	{ "licence_no", FT_TEXT, 0, "牌证号码", NULL, 30 },
	CHECK_FIELD("check_identity", "购机者身份"),
	CHECK_FIELD("check_invoice", "发票姓名与金额"),
	CHECK_FIELD("check_nameplate", "铭牌与系统一致"),
	CHECK_FIELD("check_dealer", "经销商与发票一致"),
	CHECK_FIELD("check_licence", "牌证材料"),
	CHECK_FIELD("check_account", "银行卡账号与开户名"),
	CHECK_FIELD("check_promise", "购机价格真实性承诺"),
	{ "partner", FT_LOGIN, 0, "第二核验人（登录名）", NULL, 32 },
	{ "review_no", FT_TEXT, 0, "集体会审记录编号", NULL, 40 },
	/* issue 12 item 4: the 人机合照 taken at the check, from /inbox */
	{ "photo", FT_TEXT, 0, "人机合照文件", NULL, 120 },
	{ "account_holder", FT_TEXT, 0, "开户名（银行卡所示）", NULL, 60 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* The year's video threshold and check mode; the defaults if not set. */
static int
verify_settings_get(int year, struct verify_settings *v)
{
	sqlite3_stmt	*st = sql_query(SQL_VERIFY_SETTINGS, year);
	int		 rc = sql_step(st);

	v->video_max = 200000;	/* R-002-M-3 002 三: 补贴额小于2000元 */
	strlcpy0(v->mode, "pair", sizeof v->mode);
	if (rc == 1) {
		v->video_max = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, v->mode, sizeof v->mode);
	}
	sqlite3_reset(st);
	return rc < 0 ? -1 : 0;
}

/*
 * R-002-A3-2.2 R-002-A3-2.3 002 附件3 二(二)、(三): every item of the
 * checklist ticked (相符) for a pass; licence papers only for a licensed
 * machine. The items left unticked, named, into buf; their count.
 */
static int
unticked(struct act *a, const struct sale_row *s, char *buf, size_t len)
{
	size_t	i, used = 0;
	int	n = 0;

	buf[0] = '\0';
	for (i = 0; i < NCHECKS; i++) {
		if (checklist[i].licensed_only && !s->licensed)
			continue;
		if (act_has(a, checklist[i].field) &&
		    strcmp(act_str(a, checklist[i].field), "1") == 0)
			continue;
		used += (size_t)snprintf(buf + used, used < len ? len - used : 0,
		    "%s%s", n ? "、" : "", checklist[i].item);
		n++;
	}
	return n;
}

/*
 * How the machine may be checked: R-000-M-3.2.4b 000 三(二)4: an
 * organisation's machine on site (合作组织购买情况需派人实际逐台核实);
 * R-002-M-3 002 三: by video only below the year's threshold and never
 * installed equipment (补贴额小于2000元的非安装类小型机具).
 */
static int
method_allowed(struct act *a, const struct sale_row *s,
    const struct verify_settings *v)
{
	char	max[32], sub[32];

	if (strcmp(s->kind, "org") == 0 && strcmp(act_str(a, "method"),
	    "onsite") != 0)
		return act_refuse(a, "method", "农业生产经营组织购买的机具须派人"
		    "现场逐台核实");
	if (strcmp(act_str(a, "method"), "video") != 0)
		return NJ_OK;
	if (s->installed)
		return act_refuse(a, "method", "设施安装类机具不得视频核验，"
		    "须现场核验");
	if (s->subsidy >= v->video_max) {
		money_format(v->video_max, max, sizeof max);
		money_format(s->subsidy, sub, sizeof sub);
		return act_refuse(a, "method", "视频核验仅限补贴额低于 %s 元的机具，"
		    "本机补贴 %s 元，须现场或室内核验", max, sub);
	}
	return NJ_OK;
}

/*
 * R-002-A3-2.3a R-003-A3-7b 002 附件3 二(三); 003 附件3 第七条: 双人交叉核验
 * or 个人核验 + 单位内部集体会审, as the year sets. A key machine is checked
 * by two passes of two people anyway (R-003-A3-7a). The second verifier's
 * id into partner (0 if none).
 */
static int
second_check(struct act *a, const struct sale_row *s,
    const struct verify_settings *v, int64_t *partner)
{
	int	rc;

	*partner = 0;
	if (act_has(a, "partner")) {
		rc = sql_int(partner, SQL_VERIFY_PARTNER,
		    act_str(a, "partner"), s->county);
		if (rc < 0)
			return act_fail(a, "查询核验人员");
		if (rc == 0)
			return act_refuse(a, "partner", "第二核验人 %s 不是本县"
			    "（乡镇）可核验的人员", act_str(a, "partner"));
		if (*partner == a->who->id)
			return act_refuse(a, "partner", "第二核验人不能是本人："
			    "须双人交叉核验");
	}
	if (s->is_key)
		return NJ_OK;
	if (strcmp(v->mode, "review") == 0) {
		if (!act_has(a, "review_no"))
			return act_refuse(a, "review_no", "本年度实行个人核验与"
			    "单位内部集体会审：请填写集体会审记录编号");
	} else if (*partner == 0)
		return act_refuse(a, "partner", "本年度实行双人交叉核验：请填写"
		    "第二核验人");
	return NJ_OK;
}

/*
 * The checklist of verification vid, item by item; the second person and
 * the collective review (either may be 0 or NULL).
 */
static int
checks_store(struct act *a, int64_t vid, int64_t partner, const char *review)
{
	size_t	i;

	for (i = 0; i < NCHECKS; i++)
		if (act_has(a, checklist[i].field) &&
		    sql_exec(SQL_VERIFY_CHECK_INSERT, vid,
		    checklist[i].field, strcmp(act_str(a, checklist[i].field),
		    "1") == 0) != 0)
			return -1;
	if ((partner != 0 || review != NULL) && sql_exec(SQL_VERIFY_SET_SECOND,
	    partner, review, vid) != 0)
		return -1;
	return 0;
}

/*
 * R-004-A4-3c 004 附件4 三: 核实无误后……拍摄人机合影. The photo given
 * with the pass (photo=NAME, from the clerk's /inbox) is attached to the
 * verification; a year whose programme sets photo_required completes no
 * check without a 人机合照 on the sale (the dealer's or the check's).
 */
static int
photo_needed(struct act *a, const struct sale_row *s)
{
	char	key[24];
	int64_t	need = 0, has = 0;
	int	rc;

	xsnprintf(key, sizeof key, "%lld", (long long)s->id);
	if (act_has(a, "photo") && (rc = photo_add(a, "photo", act_str(a,
	    "photo"), "verification", key, "person")) != NJ_OK)
		return rc;
	if (sql_int(&need, SQL_PHOTO_REQUIRED, (int64_t)s->year) < 0 ||
	    sql_int(&has, SQL_PHOTO_SALE_PERSON, key) < 0)
		return act_fail(a, "查询照片");
	if (need && !has)
		return act_refuse(a, "photo", "本年度实施方案要求核验时留存人机合照"
		    "（004 附件4 三）：请先上传照片到 /inbox，再在“人机合照”"
		    "填写文件名，或使用“添加照片”");
	return NJ_OK;
}

static int
verify_pass(struct act *a)
{
	struct sale_row		 s;
	struct verify_settings	 v;
	sqlite3_stmt		*st;
	char			 at[32], why[512];
	int64_t			 user, has = 0, partner, vid;
	int			 rc, others = 0, mine = 0;

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
	/* R-002-A3-2.2 R-002-A3-2.3 002 附件3 二(二)、(三): every item ticked */
	if (unticked(a, &s, why, sizeof why) > 0)
		return act_refuse(a, NULL, "核验清单未逐项核对：%s（002 附件3 二）",
		    why);
	if (verify_settings_get(s.year, &v) < 0)
		return act_fail(a, "查询年度方案");
	if ((rc = method_allowed(a, &s, &v)) != NJ_OK ||
	    (rc = second_check(a, &s, &v, &partner)) != NJ_OK)
		return rc;
	/* R-002-A3-2.2.2 002 附件3 二(二)二: 开户名 as the card shows it */
	if (act_has(a, "account_holder") && strcmp(s.buyer_name,
	    act_str(a, "account_holder")) != 0)
		return act_refuse(a, "account_holder", "开户名“%s”与购机者“%s”"
		    "不一致", act_str(a, "account_holder"), s.buyer_name);
	if ((rc = photo_needed(a, &s)) != NJ_OK)
		return rc;
	if (sql_exec(SQL_VERIFY_INSERT, s.id, a->who->id, at,
	    act_str(a, "method"), "pass", SQL_NULL, SQL_NULL) != 0)
		return act_fail(a, "保存核验");
	vid = store_last_id();
	if (checks_store(a, vid, partner, act_has(a, "review_no") ?
	    act_str(a, "review_no") : NULL) != 0)
		return act_fail(a, "保存核验清单");
	if (s.is_key && others == 0) {
		if (act_has(a, "licence_no") && sql_exec(SQL_SALE_SET_LICENCE,
		    act_str(a, "licence_no"), s.id) != 0)
			return act_fail(a, "保存核验");
		/* checked again after a failure: waiting for the second */
		if (sql_exec(SQL_SALE_REOPEN, s.id) != 0)
			return act_fail(a, "保存核验");
		/* issue 11 (5): in the sentence too: someone else must act */
		act_note(a, "已记录第一人现场核验，还需另一名人员现场核验");
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
	pass_fields, verify_pass, 0, NULL, "已核验"
};

static const struct field fail_fields[] = {
	{ "sale", FT_REF, FF_REQ, "销售编号", "verify_queue", 20 },
	{ "reason", FT_TEXT, FF_REQ, "需要购机者补正的事项", NULL, 200 },
	{ "method", FT_CHOICE, 0, "核验方式",
	    "onsite:现场核验,office:室内核验,video:视频核验", 0 },
	CHECK_FIELD("check_identity", "购机者身份"),
	CHECK_FIELD("check_invoice", "发票姓名与金额"),
	CHECK_FIELD("check_nameplate", "铭牌与系统一致"),
	CHECK_FIELD("check_dealer", "经销商与发票一致"),
	CHECK_FIELD("check_licence", "牌证材料"),
	CHECK_FIELD("check_account", "银行卡账号与开户名"),
	CHECK_FIELD("check_promise", "购机价格真实性承诺"),
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
	    checks_store(a, store_last_id(), 0, NULL) != 0 ||
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
	fail_fields, verify_fail, 0, NULL, "已记录核验不通过"
};
