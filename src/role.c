/*
 * role.c: the table of roles (SPEC section 1): the name stored in the
 * users table, the Chinese label the screens show, the level a role
 * locks and unlocks at (issue 8 item 7) and whether it only reads
 * (issue 8 item 10).
 */
#include <string.h>

#include "njbt.h"

static const struct {
	const char	*name;
	const char	*label;
	int		 level;		/* 3 province, 2 city, 1 county */
	int		 reads;		/* 1: writes only its own settings */
} roles[ROLE__COUNT] = {
	[ROLE_ADMIN] =		{ "admin",	"省级管理员", 3, 0 },
	[ROLE_CITY] =		{ "city",	"市级监管", 2, 1 },
	[ROLE_COUNTY] =		{ "county",	"县级农机部门", 1, 0 },
	[ROLE_TOWNSHIP] =	{ "township",	"乡镇农机站", 0, 0 },
	[ROLE_FINANCE] =	{ "finance",	"县级财政部门", 0, 0 },
	[ROLE_MAKER] =		{ "maker",	"生产企业", 0, 0 },
	[ROLE_DEALER] =		{ "dealer",	"补贴经销商", 0, 0 },
	[ROLE_AUDITOR] =	{ "auditor",	"纪检监察", 0, 1 },
	[ROLE_REGISTER] =	{ "register",	"经销商注册", 0, 0 },
	[ROLE_CONSOLE] =	{ "console",	"服务器控制台", 3, 0 },
};

/*
 * What a read-only role may still write: its own password, its own keys,
 * its display settings (the actions check that it is its own).
 * R-SEC-8.10 issue 8 (10)
 */
static const char *const self_service[] = {
	"user.passwd", "user.key.add", "user.key.remove", "user.prefs",
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

/*
 * The level a role locks at: a lock is lifted only from its level or
 * above (province 3 > city 2 > county 1). R-SEC-8.7 issue 8 (7)
 */
int
role_level(int r)
{
	return r >= 0 && r < ROLE__COUNT ? roles[r].level : 0;
}

/*
 * May role r run the writing action named action? Every role but the
 * read-only ones (the auditor, the city) may, as far as this rule goes;
 * those only the self-service actions. R-SEC-8.10 issue 8 (10)
 */
int
role_may_write(int r, const char *action)
{
	size_t i;

	if (r < 0 || r >= ROLE__COUNT || !roles[r].reads)
		return 1;
	for (i = 0; i < sizeof self_service / sizeof self_service[0]; i++)
		if (strcmp(self_service[i], action) == 0)
			return 1;
	return 0;
}
