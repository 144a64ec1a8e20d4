/*
 * test-action-filing.c: the refusal paths of product filing (issue 13
 * item 1; action-filing.c, action-filing-check.c) that the shell test
 * (tests/cli/filing.sh) does not walk, each writing nothing, and what a
 * second review before publicity, the publicity's period and the
 * certificate's last day do.
 *
 * Demo facts used: admin; maker ss_maker with its five published
 * products (publicity GS2026-001); catalogue 2026 1.1.3/03. The clock is
 * 2026-03-02.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

/* A filing of ss_maker's with a certificate to until. */
static void
filed(const char *model, const char *until)
{
	fx_ok("ss_maker", "product.add", "item=1.1.3", "tier=03",
	    kv("model", model), "name=旋耕机", "cert_no=NJ-2026-0001",
	    kv("cert_until", until), NULL);
}

/* R-003-A4-9: again before publicity; a changed result replaces the first */
static void
review_again_before_publicity(void **state)
{
	(void)state;
	filed("UT-1", "2030-12-31");
	fx_ok("admin", "product.review", "model=UT-1", "result=fail",
	    "reason=参数不全", NULL);
	fx_ok("admin", "product.review", "model=UT-1", "result=pass", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM filing_reviews r JOIN "
	    "products p ON p.id = r.product_id WHERE p.model = 'UT-1' AND "
	    "r.result = 'pass' AND r.publicity_id IS NULL", NULL), 1);
	fx_refused("未知的机具型号：UT-9", "admin", "product.review",
	    "model=UT-9", "result=pass", NULL);
}

/* R-003-A4-12a: a certificate valid through its last day, not after */
static void
certificate_last_day(void **state)
{
	(void)state;
	filed("UT-2", "2026-03-02");
	fx_ok("admin", "product.review", "model=UT-2", "result=pass", NULL);
	filed("UT-3", "2026-03-05");
	now("2026-03-06T09:00:00");
	fx_refused("证书已过期 2026-03-05", "admin", "product.review",
	    "model=UT-3", "result=pass", NULL);
}

/* R-003-A4-10: the period's ends, in order */
static void
publicize_refusals(void **state)
{
	(void)state;
	filed("UT-4", "2030-12-31");
	fx_ok("admin", "product.review", "model=UT-4", "result=pass", NULL);
	fx_refused("公示结束日期早于开始日期", "admin", "filing.publicize",
	    "from=2026-03-10", "to=2026-03-02", NULL);
	fx_refused("", "ss_maker", "filing.publicize", "from=2026-03-02",
	    "to=2026-03-10", NULL);
	fx_ok("admin", "filing.publicize", "from=2026-03-02", "to=2026-03-10",
	    NULL);
	assert_string_equal(fx_key, "GS2026-002");
}

/* R-003-A4-11a, R-003-A4-11b, R-003-A4-12: unknown and settled records */
static void
objection_and_publish_refusals(void **state)
{
	(void)state;
	fx_refused("型号 SS-904 的审核结果不在公示中", "ss_maker",
	    "filing.objection", "model=SS-904", "reason=异议", NULL);
	fx_refused("未知的异议编号：YY2026-009", "admin", "filing.resolve",
	    "objection=YY2026-009", "result=upheld", NULL);
	fx_refused("未知的公示编号：GS2026-009", "admin", "filing.publish",
	    "publicity=GS2026-009", NULL);
	fx_refused("公示 GS2026-001 已公布", "admin", "filing.publish",
	    "publicity=GS2026-001", NULL);
	filed("UT-5", "2030-12-31");
	fx_ok("admin", "product.review", "model=UT-5", "result=pass", NULL);
	fx_ok("admin", "filing.publicize", "from=2026-03-02", "to=2026-03-08",
	    NULL);
	fx_ok("ss_maker", "filing.objection", "model=UT-5", "reason=异议",
	    NULL);
	fx_refused("", "ss_maker", "filing.resolve", "objection=YY2026-001",
	    "result=dismissed", NULL);
	fx_ok("admin", "filing.resolve", "objection=YY2026-001",
	    "result=dismissed", "note=审核无误", NULL);
	/* dismissed: the result stays */
	assert_int_equal(fx_int("SELECT count(*) FROM filing_reviews r JOIN "
	    "products p ON p.id = r.product_id WHERE p.model = 'UT-5' AND "
	    "r.result = 'pass'", NULL), 1);
	now("2026-03-09T09:00:00");
	fx_ok("admin", "filing.publish", "publicity=GS2026-002", NULL);
	assert_string_equal(fx_key, "1");
	fx_refused("型号 UT-5 的状态为“已公布”", "admin", "product.review",
	    "model=UT-5", "result=fail", "reason=x", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(review_again_before_publicity),
		FX_TEST(certificate_last_day),
		FX_TEST(publicize_refusals),
		FX_TEST(objection_and_publish_refusals),
	};

	return FX_RUN(tests);
}
