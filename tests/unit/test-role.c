/*
 * test-role.c: unit tests of role.c's scope table (issue 9 item 5) and
 * of its consumers: every role has a row; the province-wide roles; the
 * region scope of the city, county, finance and township; the makers and
 * dealers by organisation; the read-only roles. Then one attack per
 * consumer that reads the table (scope_has for the actions, list_scope
 * for the lists, the printers' scope): a county reaching into another
 * county's records is refused or sees nothing, where its own county's
 * clerk is served. R-SEC-9.5 issue 9 (5)
 *
 * The demo province: hl_jb (county 640122), xg_zhen (township 640122100
 * in it), yn_jb (county 640121), yn_cz (finance 640121), admin, jjjc
 * (auditor).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "print.h"

/* R-SEC-9.5: every role has a row, and the rows are whole */
static void
every_role_has_a_row(void **state)
{
	const struct role_scope	*sc;
	int			 r;

	(void)state;
	for (r = 0; r < ROLE__COUNT; r++) {
		sc = role_scope(r);
		assert_non_null(sc);
		assert_non_null(sc->own);
		assert_string_not_equal(role_name(r), "?");
		assert_true(sc->reach == ROLE_REACH_NONE ||
		    sc->reach == ROLE_REACH_ALL ||
		    sc->reach == ROLE_REACH_REGION);
		/* a region scope names the level of the user's region */
		if (sc->reach != ROLE_REACH_NONE)
			assert_non_null(sc->level);
		else
			assert_null(sc->level);
		/* an organisation's scope has no region */
		if (sc->org != ROLE_ORG_NONE)
			assert_int_equal(sc->reach, ROLE_REACH_NONE);
	}
	/* out of range: no scope at all */
	assert_int_equal(role_scope(-1)->reach, ROLE_REACH_NONE);
	assert_int_equal(role_scope(ROLE__COUNT)->org, ROLE_ORG_NONE);
	assert_int_equal(role_scope(ROLE__COUNT)->every, 0);
}

/* R-SEC-9.5: the admin, the auditor and the console see the province */
static void
province_wide_roles(void **state)
{
	int r;

	(void)state;
	for (r = 0; r < ROLE__COUNT; r++) {
		int wide = r == ROLE_ADMIN || r == ROLE_AUDITOR ||
		    r == ROLE_CONSOLE;

		assert_int_equal(role_scope(r)->reach == ROLE_REACH_ALL, wide);
		if (wide)
			assert_string_equal(role_scope(r)->level, "province");
	}
	/* only the console opens every list and printer */
	for (r = 0; r < ROLE__COUNT; r++)
		assert_int_equal(role_scope(r)->every, r == ROLE_CONSOLE);
}

/* R-SEC-9.5: the city, county, finance and township by their region */
static void
region_scopes(void **state)
{
	static const struct {
		int		 role;
		const char	*level;
		const char	*own;
	} want[] = {
		{ ROLE_CITY,	 "city",	"本市" },
		{ ROLE_COUNTY,	 "county",	"本县" },
		{ ROLE_FINANCE,	 "county",	"本县" },
		{ ROLE_TOWNSHIP, "township",	"本乡镇" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct role_scope *sc = role_scope(want[i].role);

		assert_int_equal(sc->reach, ROLE_REACH_REGION);
		assert_string_equal(sc->level, want[i].level);
		assert_string_equal(sc->own, want[i].own);
		assert_int_equal(sc->org, ROLE_ORG_NONE);
	}
}

/* R-SEC-9.5: makers and dealers by their organisation; register nothing */
static void
org_scopes(void **state)
{
	(void)state;
	assert_int_equal(role_scope(ROLE_MAKER)->org, ROLE_ORG_MAKER);
	assert_int_equal(role_scope(ROLE_DEALER)->org, ROLE_ORG_DEALER);
	assert_int_equal(role_scope(ROLE_MAKER)->reach, ROLE_REACH_NONE);
	assert_int_equal(role_scope(ROLE_DEALER)->reach, ROLE_REACH_NONE);
	assert_string_equal(role_scope(ROLE_DEALER)->own, "本店的销售");
	assert_int_equal(role_scope(ROLE_REGISTER)->reach, ROLE_REACH_NONE);
	assert_int_equal(role_scope(ROLE_REGISTER)->org, ROLE_ORG_NONE);
}

/* The read-only roles write only their own settings (R-SEC-8.10) */
static void
read_only_roles(void **state)
{
	int r;

	(void)state;
	for (r = 0; r < ROLE__COUNT; r++) {
		int ro = r == ROLE_AUDITOR || r == ROLE_CITY;

		assert_int_equal(role_may_write(r, "apply.new"), !ro);
		assert_int_equal(role_may_write(r, "user.passwd"), 1);
		assert_int_equal(role_may_write(r, "user.prefs"), 1);
	}
}

static void
load(const char *login, struct actor *who)
{
	char err[NJ_MSG_MAX];

	if (login == NULL)
		actor_console(who);
	else
		assert_int_equal(actor_load(login, who, err, sizeof err), 0);
}

/* R-SEC-9.5 actions: scope_has asks the table what kind the role has */
static void
attack_action_scope(void **state)
{
	static const struct {
		const char	*login;
		const char	*code;
		int		 want;
	} cases[] = {
		{ "hl_jb", "640122100", 1 },	/* its own township */
		{ "yn_jb", "640122100", 0 },	/* another county's */
		{ "yn_cz", "640122", 0 },
		{ "xg_zhen", "640122101", 0 },	/* a neighbour township */
		{ "admin", "640122100", 1 },
		{ "jjjc", "640122100", 1 },
		{ NULL, "640122100", 1 },	/* the console */
	};
	struct actor	who;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		load(cases[i].login, &who);
		assert_int_equal(scope_has(NULL, &who, cases[i].code),
		    cases[i].want);
	}
	/* through an action: a county locks another county's clerk */
	fx_refused("无权管理用户 xg_zhen", "yn_jb", "user.lock",
	    "login=xg_zhen", "reason=离岗", NULL);
	assert_int_equal(fx_int("SELECT locked FROM users WHERE login = ?1",
	    "xg_zhen", NULL), 0);
	fx_ok("hl_jb", "user.lock", "login=xg_zhen", "reason=离岗", NULL);
	assert_int_equal(fx_int("SELECT locked FROM users WHERE login = ?1",
	    "xg_zhen", NULL), 1);
}

static size_t
list_rows(const char *login, const char *list, const char *filter)
{
	struct list_page	page;
	struct actor		who;
	char			msg[NJ_MSG_MAX];
	size_t			n;

	load(login, &who);
	memset(&page, 0, sizeof page);
	assert_int_equal(list_fetch(&who, list, filter, "", 0, 50, &page, msg,
	    sizeof msg), NJ_OK);
	n = page.nrows;
	list_page_free(&page);
	return n;
}

/* R-SEC-9.5 lists: another county's users are not in a county's list */
static void
attack_list_scope(void **state)
{
	(void)state;
	assert_int_equal(list_rows("hl_jb", "users", "xg_zhen"), 1);
	assert_int_equal(list_rows("yn_jb", "users", "xg_zhen"), 0);
	assert_int_equal(list_rows("admin", "users", "xg_zhen"), 1);
	assert_int_equal(list_rows(NULL, "users", "xg_zhen"), 1);
}

/* R-SEC-9.5 printers: a county prints its own county, not another's */
static void
attack_print_scope(void **state)
{
	struct print_req	req;
	struct print_scope	s;
	struct actor		who;
	char			msg[NJ_MSG_MAX];

	(void)state;
	memset(&req, 0, sizeof req);
	req.report = "application";
	req.county = "640122";
	load("yn_jb", &who);
	assert_int_equal(print_scope_of(&who, &req, &s, msg, sizeof msg),
	    NJ_REFUSED);
	assert_non_null(strstr(msg, "超出您的管辖范围"));
	assert_non_null(strstr(msg, "本县"));
	load("hl_jb", &who);
	assert_int_equal(print_scope_of(&who, &req, &s, msg, sizeof msg),
	    NJ_OK);
	assert_string_equal(s.county, "640122");
	/* a township prints its township only, a maker nothing */
	load("xg_zhen", &who);
	assert_int_equal(print_scope_of(&who, &req, &s, msg, sizeof msg),
	    NJ_OK);
	assert_string_equal(s.township, "640122100");
	load("admin", &who);
	assert_int_equal(print_scope_of(&who, &req, &s, msg, sizeof msg),
	    NJ_OK);
	assert_string_equal(s.township, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_role_has_a_row),
		cmocka_unit_test(province_wide_roles),
		cmocka_unit_test(region_scopes),
		cmocka_unit_test(org_scopes),
		cmocka_unit_test(read_only_roles),
		FX_TEST(attack_action_scope),
		FX_TEST(attack_list_scope),
		FX_TEST(attack_print_scope),
	};

	return FX_RUN(tests);
}
