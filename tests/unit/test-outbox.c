/*
 * test-outbox.c: the sheets on the screens (action-sheet.c, issue 12 (3)):
 * a CSV printed into hl_jb's outbox is listed and read back as rows; the
 * delete takes only names of the outbox (../, absolute paths, folders
 * deeper than one, a planted link: refused, nothing removed); a month-end
 * sheet cannot be previewed; a preview gives the rows without a file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libgen.h>
#include <sys/stat.h>

#include "fixture.h"

static void
outbox_names_refused(void **state)
{
	struct actor		 who;
	struct outbox_file	*v = NULL;
	struct sheet		 sh;
	char			 msg[NJ_MSG_MAX], dir[4096], other[4096 + 64],
			 link[4096 + 64];
	uint64_t		 before;
	const char		*bad[] = { "../hl_sh/x.csv", "/etc/passwd", "..",
	    ".", "a/b/c.csv", "planted.csv", "x/../../hl_sh/y.csv", "", "a b" };
	const char		*pn[] = { "report" }, *pv[] = { "all" };
	const char		*qn[] = { "report" }, *qv[] = { "budget" };
	size_t			 n = 0, i;
	FILE			*fp;

	(void)state;
	assert_int_equal(actor_load("hl_jb", &who, msg, sizeof msg), 0);
	assert_int_equal(fx_do("hl_jb", "print", "report=budget", "format=csv",
	    NULL), NJ_OK);
	/* another user's sheet, and a link to it planted in hl_jb's outbox */
	assert_int_equal(box_dir("outbox", "hl_sh", dir, sizeof dir), 0);
	snprintf(other, sizeof other, "%s/x.csv", dir);
	assert_non_null(fp = fopen(other, "w"));
	fputs("a,b\r\n", fp);
	fclose(fp);
	assert_int_equal(box_dir("outbox", "hl_jb", dir, sizeof dir), 0);
	snprintf(link, sizeof link, "%s/planted.csv", dir);
	assert_int_equal(symlink(other, link), 0);

	assert_int_equal(outbox_list(&who, &v, &n, msg, sizeof msg), NJ_OK);
	assert_int_equal(n, 1);	/* not the link, not hl_sh's */
	assert_true(strncmp(v[0].name, "budget-", 7) == 0);
	assert_true(v[0].size > 0);
	assert_int_equal(sheet_outbox(&who, v[0].name, &sh, msg, sizeof msg),
	    NJ_OK);
	assert_true(sh.nrows >= 2);
	assert_string_equal(sh.cell[0][0], "县区");
	sheet_free(&sh);

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(outbox_delete(&who, bad[i], msg, sizeof msg),
		    NJ_REFUSED);
		assert_int_equal(sheet_outbox(&who, bad[i], &sh, msg,
		    sizeof msg), NJ_REFUSED);
	}
	assert_int_equal(access(other, F_OK), 0);

	assert_int_equal(sheet_preview(&who, 1, pn, pv, &sh, msg, sizeof msg),
	    NJ_REFUSED);
	assert_int_equal(sheet_preview(&who, 1, qn, qv, &sh, msg, sizeof msg),
	    NJ_OK);
	assert_string_equal(sh.cell[0][0], "县区");
	sheet_free(&sh);
	/* R-001-A1-16b: a preview is logged as a print is */
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'print' AND login = 'hl_jb' AND record = 'preview'"), 1);

	/* a file is not business data: deleting it writes nothing */
	before = fx_snapshot();
	assert_int_equal(outbox_delete(&who, v[0].name, msg, sizeof msg), NJ_OK);
	assert_true(fx_snapshot() == before);
	free(v);
	assert_int_equal(outbox_list(&who, &v, &n, msg, sizeof msg), NJ_OK);
	assert_int_equal(n, 0);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(outbox_names_refused),
	};

	return FX_RUN(tests);
}
