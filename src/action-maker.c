/*
 * action-maker.c: maker.add. The provincial admin opens a manufacturer's
 * account (R-001-A1-6 001 附件1 第六条; 000 一; SPEC section 4): the company and its first login.
 */
#include "actions.h"

static const struct field maker_fields[] = {
	{ "name", FT_TEXT, FF_REQ, "企业名称", NULL, 60 },
	{ "uscc", FT_USCC, FF_REQ, "统一社会信用代码", NULL, 18 },
	{ "login", FT_LOGIN, FF_REQ, "登录名", NULL, 32 },
	{ "password", FT_PASSWORD, FF_REQ | FF_SECRET, "初始密码", NULL, 128 },
	{ "legal_rep", FT_TEXT, 0, "法定代表人", NULL, 20 },
	{ "address", FT_TEXT, 0, "地址", NULL, 80 },
	{ "phone", FT_PHONE, FF_PRIVATE, "联系电话", NULL, 20 },
	{ "contact", FT_TEXT, 0, "账号使用人姓名", NULL, 20 },
	/* issue 13 item 2: checked against the blacklist */
	{ "legal_rep_id", FT_IDNO, FF_PRIVATE, "法定代表人身份证号", NULL, 18 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static const struct org_kind maker_kind = {
	"生产企业", ROLE_MAKER, SQL_MAKER_ID_BY_USCC, SQL_MAKER_INSERT,
	"makers.phone", "已存在"
};

static int
maker_add(struct act *a)
{
	int rc;

	/* R-003-A2-8.3b: not a blacklisted company or legal representative */
	if ((rc = party_rep_register(a, SQL_VIO_MAKER_REP, 0)) != NJ_OK)
		return rc;
	/* R-001-A1-16a 001 实名制: the login belongs to a person, the company if unnamed */
	if ((rc = org_open(a, &maker_kind, act_has(a, "contact") ?
	    act_str(a, "contact") : act_str(a, "name"), 1)) != NJ_OK)
		return rc;
	return party_rep_register(a, SQL_VIO_MAKER_REP, 1);
}

const struct action action_maker_add = {
	"maker.add", "开设生产企业账号", R(ROLE_ADMIN), maker_fields,
	maker_add, 0, NULL, "已开设"
};
