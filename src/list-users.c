/*
 * list-users.c: the list of users: the admin sees everybody, a county
 * clerk the users of its county and its townships.
 */
#include "lists.h"

static const struct list_col user_cols[] = {
	{ "登录名", 14, LC_KEY, NULL },
	{ "姓名", 10, 0, NULL },
	{ "角色", 12, LC_ROLE, NULL },
	{ "行政区划", 16, 0, NULL },
	{ "所属企业", 20, 0, NULL },
	{ "状态", 8, LC_STATE, "user_status" },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_users = {
	"users", "用户列表", R(ROLE_ADMIN) | R(ROLE_COUNTY) | R(ROLE_AUDITOR), 0,
	SQL_LIST_USERS, user_cols, "user"
};
