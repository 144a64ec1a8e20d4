/*
 * role.c: the table of roles (SPEC section 1): the name stored in the
 * users table, the Chinese label the screens show, the level a role
 * locks and unlocks at (issue 8 item 7), whether it only reads
 * (issue 8 item 10), and its scope (issue 9 item 5): what it may see and
 * do by region, maker and dealer. Pure: no SQL; whether one region lies
 * within another is the store's question (scope_has, action-find.c).
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
 * The scope of each role (SPEC section 1), the one table that actions,
 * lists and printers read: a township clerk works in its township, a
 * county clerk and county finance in their county, a city supervisor in
 * its counties; the admin, the auditor and the console see the whole
 * province; a maker its own records, a dealer its own; the register
 * login nothing. The console at the server's shell alone opens every
 * list and printer. R-SEC-9.5 issue 9 (5)
 */
#define SCOPE_ALL	ROLE_REACH_ALL, "province", ROLE_ORG_NONE, "", 0
static const struct role_scope scopes[ROLE__COUNT] = {
	[ROLE_ADMIN] =		{ SCOPE_ALL },
	[ROLE_CITY] =		{ ROLE_REACH_REGION, "city", ROLE_ORG_NONE,
				  "本市", 0 },
	[ROLE_COUNTY] =		{ ROLE_REACH_REGION, "county", ROLE_ORG_NONE,
				  "本县", 0 },
	[ROLE_TOWNSHIP] =	{ ROLE_REACH_REGION, "township", ROLE_ORG_NONE,
				  "本乡镇", 0 },
	[ROLE_FINANCE] =	{ ROLE_REACH_REGION, "county", ROLE_ORG_NONE,
				  "本县", 0 },
	[ROLE_MAKER] =		{ ROLE_REACH_NONE, NULL, ROLE_ORG_MAKER, "", 0 },
	[ROLE_DEALER] =		{ ROLE_REACH_NONE, NULL, ROLE_ORG_DEALER,
				  "本店的销售", 0 },
	[ROLE_AUDITOR] =	{ SCOPE_ALL },
	[ROLE_REGISTER] =	{ ROLE_REACH_NONE, NULL, ROLE_ORG_NONE, "", 0 },
	[ROLE_CONSOLE] =	{ ROLE_REACH_ALL, "province", ROLE_ORG_NONE,
				  "", 1 },
};

/*
 * What a read-only role may still write: its own password, its own keys,
 * its display settings (the actions check that it is its own).
 * R-SEC-8.10 issue 8 (10)
 */
static const char *const self_service[] = {
	"user.passwd", "user.key.add", "user.key.remove", "user.prefs",
};

/*
 * What the city, read-only otherwise, records and handles itself, by
 * action name prefix: violations (003 附件2 第五条: the three levels
 * investigate violations in their regions) and the complaints of its
 * region (issue 13 item 3; 003 附件2 第十三条: 自治区、地（市）、县（区）
 * 三级农机化主管部门...受理).
 */
static const char *const city_handles[] = {
	"violation.new", "complaint.",
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
	for (i = 0; r == ROLE_CITY &&
	    i < sizeof city_handles / sizeof city_handles[0]; i++)
		if (strncmp(city_handles[i], action,
		    strlen(city_handles[i])) == 0)
			return 1;
	return 0;
}

/* The scope of role r; a role out of range has none. */
const struct role_scope *
role_scope(int r)
{
	static const struct role_scope none = {
		ROLE_REACH_NONE, NULL, ROLE_ORG_NONE, "", 0
	};

	return r >= 0 && r < ROLE__COUNT ? &scopes[r] : &none;
}
