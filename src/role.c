/*
 * role.c: the table of roles (SPEC section 1): the name stored in the
 * users table and the Chinese label the screens show.
 */
#include <string.h>

#include "njbt.h"

static const struct {
	const char	*name;
	const char	*label;
} roles[ROLE__COUNT] = {
	[ROLE_ADMIN] =		{ "admin",	"省级管理员" },
	[ROLE_CITY] =		{ "city",	"市级监管" },
	[ROLE_COUNTY] =		{ "county",	"县级农机部门" },
	[ROLE_TOWNSHIP] =	{ "township",	"乡镇农机站" },
	[ROLE_FINANCE] =	{ "finance",	"县级财政部门" },
	[ROLE_MAKER] =		{ "maker",	"生产企业" },
	[ROLE_DEALER] =		{ "dealer",	"补贴经销商" },
	[ROLE_AUDITOR] =	{ "auditor",	"纪检监察" },
	[ROLE_REGISTER] =	{ "register",	"经销商注册" },
	[ROLE_CONSOLE] =	{ "console",	"服务器控制台" },
};

const char *
role_name(int r)
{
	return r >= 0 && r < ROLE__COUNT ? roles[r].name : "?";
}

const char *
role_label(int r)
{
	return r >= 0 && r < ROLE__COUNT ? roles[r].label : "?";
}

/* The role of a name, or -1. The console is not a role one can be given. */
int
role_parse(const char *name)
{
	int r;

	for (r = 0; r < ROLE_CONSOLE; r++)
		if (name != NULL && strcmp(name, roles[r].name) == 0)
			return r;
	return -1;
}
