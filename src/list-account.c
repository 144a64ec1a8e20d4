/*
 * list-account.c: a user's own things: their public keys.
 */
#include "lists.h"

static const struct list_col key_cols[] = {
	{ "指纹", 50, LC_KEY, NULL },
	{ "类型", 12, 0, NULL },
	{ "注释", 16, 0, NULL },
	{ "添加时间", 19, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_mykeys = {
	"mykeys", "我的登录公钥", R_ANY & ~R(ROLE_REGISTER), 0, SQL_LIST_MYKEYS,
	key_cols, NULL
};
