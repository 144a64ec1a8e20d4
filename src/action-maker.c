/*
 * action-maker.c: maker.add. The provincial admin opens a manufacturer's
 * account (000 一; SPEC section 4): the company and its first login.
 */
#include <stdlib.h>

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
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static int
maker_add(struct act *a)
{
	struct sealed	 phone;
	int64_t		 id;
	char		 at[32];
	int		 rc;

	rc = sql_int(&id, SQL_MAKER_ID_BY_USCC, "t", act_str(a, "uscc"));
	if (rc < 0)
		return act_fail(a, "查询生产企业");
	if (rc == 1)
		return act_refuse(a, "uscc", "统一社会信用代码 %s 的生产企业已存在",
		    act_str(a, "uscc"));
	if ((rc = login_free(a, "login", act_str(a, "login"))) != NJ_OK)
		return rc;
	clock_stamp(a->now, at, sizeof at);
	sealed_make(&phone, "makers.phone", "phone", act_str(a, "phone"));
	rc = sql_exec(SQL_MAKER_INSERT, "ttttbtt", act_str(a, "name"),
	    act_str(a, "uscc"), act_str(a, "legal_rep"), act_str(a, "address"),
	    phone.blob, phone.len, SEALED_LAST4(&phone), at);
	sealed_free(&phone);
	if (rc != 0)
		return act_fail(a, "保存生产企业");
	id = store_last_id();
	/* 001 实名制: the login belongs to a person, the company if unnamed */
	rc = user_insert(a, act_str(a, "login"), act_has(a, "contact") ?
	    act_str(a, "contact") : act_str(a, "name"), ROLE_MAKER, NULL, id,
	    0, act_str(a, "password"), 1);
	if (rc != NJ_OK)
		return rc;
	act_key(a, "%s", act_str(a, "login"));
	return NJ_OK;
}

const struct action action_maker_add = {
	"maker.add", "开设生产企业账号", R(ROLE_ADMIN), maker_fields,
	maker_add, 0, NULL
};
