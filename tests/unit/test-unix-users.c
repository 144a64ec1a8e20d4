/*
 * test-unix-users.c: unit tests of unix-users.c, the mapping of Unix accounts
 * to logins (issue 14 item 6): FILE.db.unix-users is read line by line
 * ("unixname login", comments, blank lines, tabs); an account not in it
 * has no login; a file others may write is not trusted; the owner of the
 * database (this process, here) may act as anyone.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "njbt.h"

static char	 dir[64], db[128], map[160];

static int
setup(void **state)
{
	FILE *f;

	(void)state;
	strcpy(dir, "/tmp/njbt-local-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(db, sizeof db, "%s/njbt.db", dir);
	snprintf(map, sizeof map, "%s.unix-users", db);
	if ((f = fopen(db, "w")) == NULL)
		return -1;
	fclose(f);
	if ((f = fopen(map, "w")) == NULL)
		return -1;
	fputs("# unix login\n\n  wangfang\thl_jb  \nzhao hl_sh\n"
	    "lonely\n#zhou yn_jb\n", f);
	fclose(f);
	return chmod(map, 0644);
}

static int
teardown(void **state)
{
	(void)state;
	unlink(map);
	unlink(db);
	rmdir(dir);
	return 0;
}

static void
test_map(void **state)
{
	char	 login[64], msg[NJ_MSG_MAX];

	(void)state;
	assert_int_equal(unix_users_map(db, "wangfang", login, sizeof login, msg,
	    sizeof msg), 0);
	assert_string_equal(login, "hl_jb");
	assert_int_equal(unix_users_map(db, "zhao", login, sizeof login, msg,
	    sizeof msg), 0);
	assert_string_equal(login, "hl_sh");
	/* a line without a login, a comment, a prefix: none */
	assert_int_equal(unix_users_map(db, "lonely", login, sizeof login, msg,
	    sizeof msg), 1);
	assert_int_equal(unix_users_map(db, "zhou", login, sizeof login, msg,
	    sizeof msg), 1);
	assert_int_equal(unix_users_map(db, "wang", login, sizeof login, msg,
	    sizeof msg), 1);
	assert_non_null(strstr(msg, "没有对应的 njbt 用户"));
}

/* A mapping file others may write maps no one. */
static void
test_untrusted(void **state)
{
	char	 login[64], msg[NJ_MSG_MAX];

	(void)state;
	assert_int_equal(chmod(map, 0666), 0);
	assert_int_equal(unix_users_map(db, "wangfang", login, sizeof login, msg,
	    sizeof msg), -1);
	assert_non_null(strstr(msg, "不安全"));
	assert_int_equal(chmod(map, 0620), 0);
	assert_int_equal(unix_users_map(db, "wangfang", login, sizeof login, msg,
	    sizeof msg), -1);
	assert_int_equal(chmod(map, 0644), 0);
}

/* The database's owner acts as anyone, the console too. */
static void
test_owner(void **state)
{
	char	 msg[NJ_MSG_MAX];

	(void)state;
	assert_int_equal(unix_users_may_act(db, "admin", msg, sizeof msg), 0);
	assert_int_equal(unix_users_may_act(db, NULL, msg, sizeof msg), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_untrusted),
		cmocka_unit_test(test_owner),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
