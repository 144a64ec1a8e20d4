/*
 * test-dlib.c: unit tests of dlib.c, the loader of the libraries loaded
 * when first needed (libssh, ncursesw, libxlsxwriter): a library found
 * fills every slot by name; a missing library, or one without a symbol,
 * is refused with the reason in Chinese naming the package to install.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "njbt.h"
#include "dlib.h"

/* libc's strlen and strcmp, under names of the table's own */
struct libc_table {
	size_t	(*len)(const char *);
	int	(*cmp)(const char *, const char *);
};

static const struct dlib	libc = { "libc.so.6", "C 程序库", "libc6" };
static struct libc_table	t;
static char			why[NJ_MSG_MAX];

/* dlib_load of lib's symbols named first and second into t. */
static int
load(const struct dlib *lib, const char *first, const char *second)
{
	const char *const	 names[] = { first, second };
	void **const		 slots[] = { DLIB_SLOT(t, len)
				    DLIB_SLOT(t, cmp) };

	memset(&t, 0, sizeof t);
	why[0] = '\0';
	return dlib_load(lib, names, slots, 2, why, sizeof why);
}

static void
test_found(void **state)
{
	(void)state;
	assert_int_equal(load(&libc, "strlen", "strcmp"), 0);
	assert_non_null(t.len);
	assert_int_equal(t.len("农机"), 6);
	assert_int_equal(t.cmp("a", "a"), 0);
}

static void
test_missing_library(void **state)
{
	static const struct dlib none = { "libnjbt-none.so.9", "终端程序库",
	    "libnjbt-none9" };

	(void)state;
	assert_int_equal(load(&none, "strlen", "strcmp"), -1);
	/* Chinese, then a Latin name: no space; the package named */
	assert_non_null(strstr(why, "无法加载终端程序库 libnjbt-none.so.9"
	    "（请安装 libnjbt-none9）："));
	assert_null(t.len);
}

static void
test_missing_symbol(void **state)
{
	(void)state;
	assert_int_equal(load(&libc, "strlen", "njbt_none"), -1);
	assert_string_equal(why,
	    "C 程序库 libc.so.6 缺少 njbt_none（请安装 libc6）");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_found),
		cmocka_unit_test(test_missing_library),
		cmocka_unit_test(test_missing_symbol),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
