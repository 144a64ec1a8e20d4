/*
 * test-print.c: the printers (SPEC section 6; print.c, action-print.c):
 * 附表1 application, 附表2 notice, 附表3 supply (the settlement printers
 * and month end: test-print-settle.c). The data is made through
 * the real actions (application.new/line/submit/approve, sale.new,
 * verify.pass/fail) on the demo province; the sheets are read back as
 * bytes. What is checked: the headers are the seed's column names; the
 * BOM is there for utf-8-bom only; GB18030 is GB18030; formula cells are
 * guarded and quoting is RFC 4180; the notice never carries an ID number
 * or phone (004 附表2 三4), whoever prints it; private columns are masked
 * for a dealer and in clear for the county, and such a print is logged
 * (001 查询日志化); scope refusals; totals rows; the print action's file
 * in the outbox.
 *
 * Demo facts used: township clerks xg_zhen (640122100) and jg_zhen
 * (640122101), county clerks hl_jb and hl_sh (640122), yn_jb (640121),
 * city yc_city (640100), finance hl_cz, auditor jjjc, admin; dealers
 * fs_dealer and js_dealer, maker ss_maker; stock XG26A001.. (1GQN-200,
 * 1.1.3/03, 2800 yuan), TL26A001.. (SS-904, 9.1.1/03, key, licensed,
 * engine ETL26A001..), XG26B001.. at js_dealer; 4.3.1/02 gets a 20% top-up
 * (3500 + 700 yuan).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <iconv.h>
#include <sys/stat.h>

#include "fixture.h"
#include "printed.h"
#include "print.h"
#include "form.h"

#define ID1	"640122198001011238"	/* 张三, 习岗镇 */
#define ID2	"640122197512034568"	/* 李四, 金贵镇 */
#define PHONE1	"13995011234"
#define ACCT1	"6228480402564890018"

static char	app1[NJ_KEY_MAX], notice1[NJ_KEY_MAX], sale1[NJ_KEY_MAX];

/* --- helpers ------------------------------------------------------------ */

/*
 * 张三 applies in 习岗镇 for two 1.1.3/03 and one 4.3.1/02, the county
 * approves, fs_dealer sells XG26A001 on the notice, hl_jb checks it.
 */
static void
journey(void)
{
	char	a[200], n[200], s[200];

	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=" ID1, "township=640122100",
	    "item=1.1.3", "tier=03", "qty=2", "phone=" PHONE1,
	    "village=新平村", "address=习岗镇新平村3队", "bank_name=黄河银行",
	    "bank_account=" ACCT1, "note=自用", NULL);
	snprintf(app1, sizeof app1, "%s", fx_key);
	snprintf(a, sizeof a, "application=%s", app1);
	fx_ok("xg_zhen", "application.line", a, "item=4.3.1", "tier=02",
	    "qty=1", NULL);
	fx_ok("xg_zhen", "application.submit", a, NULL);
	fx_ok("hl_sh", "application.approve", a, NULL);
	snprintf(notice1, sizeof notice1, "%s", fx_key);
	snprintf(n, sizeof n, "notice=%s", notice1);
	fx_ok("fs_dealer", "sale.new", n, "id_no=" ID1, "serial=XG26A001",
	    "price=12000", "sold_on=2026-03-02",
	    "invoice_no==HYPERLINK(\"http://x\",\"y\")", NULL);
	snprintf(sale1, sizeof sale1, "%s", fx_key);
	snprintf(s, sizeof s, "sale=%s", sale1);
	fx_ok("hl_jb", "verify.pass", s, "method=office", "check_identity=1", "check_invoice=1",
	    "check_nameplate=1", "check_dealer=1", "check_licence=1",
	    "check_account=1", "check_promise=1",
	    "partner=hl_sh", NULL);
}

/* 李四 applies in 金贵镇 (jg_zhen); approved; key is the notice number. */
static void
second_buyer(const char *item, const char *tier, const char *address)
{
	char a[200], ad[128], it[32], ti[32];

	snprintf(ad, sizeof ad, "address=%s", address);
	snprintf(it, sizeof it, "item=%s", item);
	snprintf(ti, sizeof ti, "tier=%s", tier);
	fx_ok("jg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=李四", "id_no=" ID2, "township=640122101", it, ti,
	    "qty=1", ad, "bank_name=黄河农村商业银行",
	    "bank_account=6228480402564890125", NULL);
	snprintf(a, sizeof a, "application=%s", fx_key);
	fx_ok("jg_zhen", "application.submit", a, NULL);
	/* R-SEC-8.6: only an approver decides; hl_jb is made one here */
	fx_ok("admin", "user.post", "login=hl_jb", "post=approver", NULL);
	fx_ok("hl_jb", "application.approve", a, NULL);
}

/*
 * Print as login (NULL: the console) into this test's file and read it
 * into pr_buf. Returns print_file()'s code.
 */
static int
pr(const char *login, const char *report, const char *id,
    const char *county, const char *month, const char *enc)
{
	struct print_req	 req;

	memset(&req, 0, sizeof req);
	req.report = report;
	req.id = id;
	req.county = county;
	req.month = month;
	req.encoding = enc;
	return pr_req(login, &req);
}

/* The last line (the totals row) of pr_buf. */
static void
last_line(char *out, size_t len)
{
	line_at(lines() - 1, out, len);
}

/* --- the writer ------------------------------------------------------- */

/* DESIGN "Known ground": formula cells guarded; RFC 4180 quoting. */
static void
writer_guards_and_quotes(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "=1+2", "'=1+2" },
		{ "+86", "'+86" },
		{ "-5", "'-5" },
		{ "@SUM(A1)", "'@SUM(A1)" },
		{ "\tx", "'\tx" },
		{ "\rx", "\"'\rx\"" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "=HYPERLINK(\"u\",\"y\")", "\"'=HYPERLINK(\"\"u\"\",\"\"y\"\")\"" },
		{ "two\nlines", "\"two\nlines\"" },
		{ "张三", "张三" },
		{ "", "" },
		{ "1=1", "1=1" },
	};
	struct print_out out;
	struct csvw	*w;
	char		*buf = NULL, want[128];
	size_t		 len = 0, i;
	FILE		*fp;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fp = open_memstream(&buf, &len);
		memset(&out, 0, sizeof out);
		out.fp = fp;
		w = csvw_new(&out, "utf-8");
		csvw_text(w, cases[i].in);
		csvw_money(w, -1250);
		csvw_end(w);
		assert_int_equal(csvw_free(&w), 0);
		fclose(fp);
		snprintf(want, sizeof want, "%s,-12.50\r\n", cases[i].out);
		assert_string_equal(buf, want);
		free(buf);
		buf = NULL;
	}
	assert_int_equal(csvw_encoding(NULL), 0);
	assert_int_equal(csvw_encoding("gb18030"), 2);
	assert_int_equal(csvw_encoding("latin1"), -1);
	assert_null(csvw_new(&out, "latin1"));
}

/* --- headers: the seed's column names ---------------------------------- */

static void
headers_are_the_seed_columns(void **state)
{
	char line[4096];

	(void)state;
	journey();
	pr_ok("hl_jb", "application", app1, NULL, NULL, NULL);
	line_at(0, line, sizeof line);
	assert_string_equal(line, "申请编号,确认书编号,购机方式,姓名/组织,"
	    "申请购机者身份,性别/性质,身份证/组织机构代码证号,乡镇,村组,"
	    "身份证地址,现居住地址,机具大类,机具小类,机具品目,数量,"
	    "设备类实际数量,分档名称,备注,中央补贴,省级补贴,市级补贴,县级补贴,"
	    "单台补贴合计(元),补贴额合计(元),报废补贴额(元),县农机局审批情况,"
	    "申请日期,状态,获取打印日期时间");
	pr_ok("hl_jb", "notice", notice1, NULL, NULL, NULL);
	line_at(0, line, sizeof line);
	assert_string_equal(line, "编号,县排序,省排序,购机方式,姓名或组织名称,"
	    "住址,联系电话（手填）,大类,小类,品目,分档名称,数量（台）,合计,中央,"
	    "省,市,县,购机期限起,购机期限止,签发日期,状态");
	pr_ok("hl_jb", "supply", sale1, NULL, NULL, NULL);
	line_at(0, line, sizeof line);
	assert_string_equal(line, "销售编号,确认书编号,姓名/组织,申请购机者身份,"
	    "性别/性质,身份证/组织机构代码证号,乡镇,村组,身份证地址,现居住地址,"
	    "机具大类,机具小类,机具品目,生产企业,机具型号,功率(千瓦),"
	    "数量(设备类实际数量),分档名称,备注,中央补贴,省级补贴,市级补贴,"
	    "县级补贴,单台补贴合计(元),补贴额合计(元),报废补贴额(元),经销商,"
	    "销售总价(元),经销商备注,出厂编号[发动机号],发票号,购机日期,"
	    "经销商录入时间,核实结果,核实人,核实单位,核实时间");
}

/* --- the rows ----------------------------------------------------------- */

/* 附表1: one row per line, subsidy per unit and in all, yuan. */
static void
application_rows(void **state)
{
	char line[4096], want[4096];

	(void)state;
	journey();
	pr_ok("xg_zhen", "application", app1, NULL, NULL, NULL);
	assert_int_equal(lines(), 4);		/* header, 2 lines, 合计 */
	line_at(1, line, sizeof line);
	snprintf(want, sizeof want, "%s,%s,自主购机、定额补贴、县级结算、"
	    "直补到卡,张三,个人,男," ID1 ",习岗镇,新平村,习岗镇新平村3队,"
	    "习岗镇新平村3队,耕整地机械,耕地机械,旋耕机,2,,2米及以上,自用,"
	    "2800.00,0.00,0.00,0.00,2800.00,5600.00,,同意,2026-03-02,已批准,"
	    "2026-03-02 09:30:00", app1, notice1);
	assert_string_equal(line, want);
	line_at(2, line, sizeof line);
	assert_non_null(strstr(line, ",收获机械,根茎作物收获机械,薯类收获机,1,,"
	    "双行及以上薯类收获机,自用,3500.00,700.00,0.00,0.00,4200.00,4200.00,"));
	/* 合计: units and the subsidy in all; per-unit columns stay empty */
	last_line(line, sizeof line);
	assert_string_equal(line, "合计,,,,,,,,,,,,,,3,,,,,,,,,9800.00,,,,,");
}

/* 附表2: lines with the split 合计/中央/省/市/县, the window, 购机方式. */
static void
notice_rows_and_totals(void **state)
{
	char line[4096], want[4096];

	(void)state;
	journey();
	pr_ok("hl_jb", "notice", notice1, NULL, NULL, NULL);
	assert_int_equal(lines(), 4);
	line_at(1, line, sizeof line);
	/* one of the two 旋耕机 is sold: the notice is still valid */
	snprintf(want, sizeof want, "%s,1,1,自主购机、定额补贴、县级结算、直补到卡,"
	    "张三,习岗镇新平村3队,,耕整地机械,耕地机械,旋耕机,2米及以上,2,"
	    "5600.00,5600.00,0.00,0.00,0.00,2026-03-02,2026-03-21,2026-03-02,"
	    "有效", notice1);
	assert_string_equal(line, want);
	last_line(line, sizeof line);
	assert_string_equal(line, "合计,,,,,,,,,,,3,9800.00,9100.00,700.00,"
	    "0.00,0.00,,,,");
}

/* 附表3: machine, dealer, price, split, serial, invoice, the check. */
static void
supply_rows_and_totals(void **state)
{
	char	line[4096], want[4096], n[200], s[200], sale2[NJ_KEY_MAX];

	(void)state;
	journey();
	pr_ok("hl_jb", "supply", sale1, NULL, NULL, NULL);
	line_at(1, line, sizeof line);
	snprintf(want, sizeof want, "%s,%s,张三,个人,男," ID1 ",习岗镇,新平村,"
	    "习岗镇新平村3队,习岗镇新平村3队,耕整地机械,耕地机械,旋耕机,"
	    "宁夏塞上农业机械有限公司,1GQN-200,,1,2米及以上,自用,2800.00,0.00,"
	    "0.00,0.00,2800.00,2800.00,,贺兰县丰收农机销售有限公司,12000.00,,"
	    "XG26A001,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2026-03-02,"
	    "2026-03-02 09:30:00,核实通过,王芳、赵强,贺兰县,2026-03-02 09:30:00",
	    "XS640122202600001", notice1);
	assert_string_equal(line, want);
	/* issue 11 (5): the sheet shows the sale's number, and takes it */
	pr_ok("hl_jb", "supply", "XS640122202600001", NULL, NULL, NULL);
	line_at(1, line, sizeof line);
	assert_string_equal(line, want);

	/* a key machine: two on-site checkers; the engine number */
	second_buyer("9.1.1", "03", "金贵镇关渠村");
	snprintf(n, sizeof n, "notice=%s", fx_key);
	fx_ok("fs_dealer", "sale.new", n, "id_no=" ID2, "serial=TL26A001",
	    "price=150000", "sold_on=2026-03-02", "invoice_no=FP-0002", NULL);
	snprintf(sale2, sizeof sale2, "%s", fx_key);
	snprintf(s, sizeof s, "sale=%s", sale2);
	fx_ok("hl_jb", "verify.pass", s, "method=onsite",
	    "licence_no=宁A-12345", "check_identity=1", "check_invoice=1",
	    "check_nameplate=1", "check_dealer=1", "check_licence=1",
	    "check_account=1", "check_promise=1", NULL);
	pr_ok("hl_sh", "supply", sale2, NULL, NULL, NULL);
	assert_true(has(",TL26A001[ETL26A001],FP-0002,"));
	assert_true(has(",待第二人现场核实,王芳,贺兰县,"));
	fx_ok("hl_sh", "verify.pass", s, "method=onsite", "check_identity=1", "check_invoice=1",
	    "check_nameplate=1", "check_dealer=1", "check_licence=1",
	    "check_account=1", "check_promise=1",
	    NULL);
	pr_ok("hl_sh", "supply", sale2, NULL, NULL, NULL);
	assert_true(has(",核实通过,王芳、赵强,贺兰县,2026-03-02 09:30:00\r\n"));

	/* the county's month: both, and the totals of both */
	pr_ok("hl_jb", "supply", NULL, "640122", "2026-03", NULL);
	assert_int_equal(lines(), 4);
	last_line(line, sizeof line);
	assert_string_equal(line, "合计,,,,,,,,,,,,,,,,2,,,20800.00,0.00,0.00,"
	    "0.00,20800.00,20800.00,,,162000.00,,,,,,,,,");
}

/* A failed check prints its problems, told at once (一次性告知). */
static void
supply_failed_check(void **state)
{
	char s[200];

	(void)state;
	journey();
	second_buyer("1.1.3", "03", "金贵镇");
	{
		char n[200];

		snprintf(n, sizeof n, "notice=%s", fx_key);
		fx_ok("fs_dealer", "sale.new", n, "id_no=" ID2,
		    "serial=XG26A002", "price=12000", "sold_on=2026-03-02",
		    "invoice_no=FP-0003", NULL);
	}
	snprintf(s, sizeof s, "sale=%s", fx_key);
	fx_ok("hl_jb", "verify.fail", s, "reason=发票金额与售价不符",
	    "check_invoice=0", NULL);
	pr_ok("hl_jb", "supply", fx_key, NULL, NULL, NULL);
	assert_true(has(",核实未通过：1. 发票姓名或金额与登记不符；发票金额与售价"
	    "不符,王芳,贺兰县,"));
}

/* --- encodings ---------------------------------------------------------- */

static void
bom_by_encoding(void **state)
{
	(void)state;
	journey();
	pr_ok("hl_jb", "supply", NULL, NULL, NULL, NULL);
	assert_memory_equal(pr_buf, "\xef\xbb\xbf销售编号,", 3 + 13);
	pr_ok("hl_jb", "supply", NULL, NULL, NULL, "utf-8-bom");
	assert_memory_equal(pr_buf, "\xef\xbb\xbf", 3);
	pr_ok("hl_jb", "supply", NULL, NULL, NULL, "utf-8");
	assert_memory_equal(pr_buf, "销售编号,", 13);
	pr_ok("hl_jb", "supply", NULL, NULL, NULL, "gb18030");
	assert_true(pr_len > 3);
	assert_memory_not_equal(pr_buf, "\xef\xbb\xbf", 3);
}

/* GB18030: 张 = D5 C5, 三 = C8 FD; and it reads back as the UTF-8 sheet. */
static void
gb18030_bytes(void **state)
{
	static char	utf8[1 << 16], back[1 << 16];
	size_t		ulen, inleft, outleft;
	char		*in, *out;
	iconv_t		cd;

	(void)state;
	journey();
	pr_ok("hl_jb", "application", NULL, NULL, NULL, "utf-8");
	ulen = pr_len;
	memcpy(utf8, pr_buf, pr_len);
	pr_ok("hl_jb", "application", NULL, NULL, NULL, "gb18030");
	assert_true(has("\xd5\xc5\xc8\xfd"));			/* 张三 */
	assert_true(has("\xc9\xea\xc7\xeb\xb1\xe0\xba\xc5"));	/* 申请编号 */
	assert_false(has("张"));
	cd = iconv_open("UTF-8", "GB18030");
	assert_true(cd != (iconv_t)-1);
	in = pr_buf;
	inleft = pr_len;
	out = back;
	outleft = sizeof back;
	assert_true(iconv(cd, &in, &inleft, &out, &outleft) != (size_t)-1);
	iconv_close(cd);
	assert_int_equal((size_t)(out - back), ulen);
	assert_memory_equal(back, utf8, ulen);
}

/* --- private data --------------------------------------------------------- */

/* R-004-T2-3.4 004 附表2 三4: no ID number, no phone on the notice, whoever prints. */
static void
notice_never_has_id_or_phone(void **state)
{
	static const char *const who[] = { NULL, "admin", "jjjc", "hl_jb",
	    "xg_zhen" };
	static const char *const enc[] = { "utf-8-bom", "gb18030" };
	size_t i, k;

	(void)state;
	journey();
	for (i = 0; i < sizeof who / sizeof who[0]; i++)
		for (k = 0; k < 2; k++) {
			pr_ok(who[i], "notice", NULL, NULL, NULL, enc[k]);
			assert_true(lines() >= 3);
			assert_false(has(ID1));
			assert_false(has(PHONE1));
			assert_false(has("1238"));	/* not even masked */
			assert_false(has("1234"));
			pr_ok(who[i], "notice", notice1, NULL, NULL, enc[k]);
			assert_false(has(ID1));
			assert_false(has(PHONE1));
		}
	/* nor the file the screens write */
	fx_ok("hl_jb", "print", "report=notice", NULL);
	{
		FILE	*fp = fopen(fx_key, "rb");

		assert_non_null(fp);
		pr_len = fread(pr_buf, 1, sizeof pr_buf - 1, fp);
		fclose(fp);
		assert_true(pr_len > 0);
		assert_false(has(ID1));
		assert_false(has(PHONE1));
	}
}

/* Masked (***1238) for a dealer, the city and finance; clear for the county. */
static void
private_masked_or_clear_by_role(void **state)
{
	static const char *const masked[] = { "fs_dealer", "yc_city", "hl_cz" };
	static const char *const clear[] = { NULL, "hl_jb", "xg_zhen", "admin",
	    "jjjc" };
	size_t i;

	(void)state;
	journey();
	for (i = 0; i < sizeof masked / sizeof masked[0]; i++) {
		pr_ok(masked[i], "supply", sale1, NULL, NULL, NULL);
		assert_true(has(",***1238,"));
		assert_false(has(ID1));
		assert_false(has(PHONE1));
		assert_false(has(ACCT1));
	}
	for (i = 0; i < sizeof clear / sizeof clear[0]; i++) {
		pr_ok(clear[i], "supply", sale1, NULL, NULL, NULL);
		assert_true(has("," ID1 ","));
		assert_false(has("***1238"));
		pr_ok(clear[i], "application", app1, NULL, NULL, NULL);
		assert_true(has("," ID1 ","));
	}
	pr_ok("yc_city", "application", app1, NULL, NULL, NULL);
	assert_true(has(",***1238,"));
	assert_false(has(ID1));
}

/* R-001-A1-16b 001 查询日志化: a print of private data in clear writes who, what, which. */
static void
private_print_is_logged(void **state)
{
	(void)state;
	journey();
	assert_int_equal(audit_rows("hl_jb", "%"), 0);
	pr_ok("hl_jb", "supply", NULL, "640122", "2026-03", NULL);
	assert_int_equal(audit_rows("hl_jb", "report=supply county=640122 "
	    "month=2026-03 encoding=utf-8-bom rows=1 private=clear"), 1);
	pr_ok("hl_jb", "application", app1, NULL, NULL, "gb18030");
	assert_int_equal(audit_rows("hl_jb", "report=application id=" "SQ%"
	    " encoding=gb18030 rows=2 private=clear"), 1);
	pr_ok("fs_dealer", "supply", sale1, NULL, NULL, NULL);
	assert_int_equal(audit_rows("fs_dealer", "%private=masked"), 1);
	pr_ok(NULL, "supply", NULL, NULL, NULL, NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'print' AND login LIKE 'console:%' AND detail LIKE "
	    "'%private=clear'", NULL), 1);
	/* the record is the file written */
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'print' AND login = 'hl_jb' AND record LIKE '%.csv'", NULL), 2);
	/* a refused print logs nothing */
	pr_refused("超出您的管辖范围", "yn_jb", "supply", sale1, NULL, NULL,
	    NULL);
	assert_int_equal(audit_rows("yn_jb", "%"), 0);
	/* the audit chain still holds */
	{
		int64_t bad = 0, n = 0;
		char	msg[NJ_MSG_MAX];

		assert_int_equal(audit_verify(&n, &bad, msg, sizeof msg), 0);
	}
}

/* --- scope ---------------------------------------------------------------- */

static void
scope_refusals(void **state)
{
	char	notice2[NJ_KEY_MAX];

	(void)state;
	journey();
	second_buyer("1.1.3", "03", "金贵镇");
	snprintf(notice2, sizeof notice2, "%s", fx_key);

	/* another township, another county, another dealer */
	pr_refused("超出您的管辖范围：申请编号", "jg_zhen", "application", app1,
	    NULL, NULL, NULL);
	pr_refused("不属于本乡镇", "jg_zhen", "notice", notice1, NULL, NULL,
	    NULL);
	pr_ok("jg_zhen", "notice", notice2, NULL, NULL, NULL);
	pr_refused("不属于本乡镇", "xg_zhen", "notice", notice2, NULL, NULL,
	    NULL);
	pr_refused("不属于本县", "yn_jb", "supply", sale1, NULL, NULL, NULL);
	pr_refused("超出您的管辖范围：640122 不属于本县", "yn_jb", "supply",
	    NULL, "640122", NULL, NULL);
	pr_refused("不属于本县", "yn_jb", "notice", NULL, "640122", NULL, NULL);
	pr_refused("不属于本乡镇", "xg_zhen", "application", NULL, "640121",
	    NULL, NULL);
	pr_refused("不属于本店的销售", "js_dealer", "supply", sale1, NULL, NULL,
	    NULL);
	/* roles */
	pr_refused("无权打印“农机购置补贴指标确认通知书”", "fs_dealer", "notice",
	    notice1, NULL, NULL, NULL);
	pr_refused("无权打印", "fs_dealer", "application", NULL, NULL, NULL,
	    NULL);
	pr_refused("无权打印", "ss_maker", "supply", NULL, NULL, NULL, NULL);
	/* what the filters say */
	pr_refused("未知的申请编号：SQ000", "hl_jb", "application", "SQ000",
	    NULL, NULL, NULL);
	pr_refused("未知的确认通知书编号", "hl_jb", "notice", "TZ0", NULL,
	    NULL, NULL);
	pr_refused("未知的销售编号：999", "hl_jb", "supply", "999", NULL, NULL,
	    NULL);
	pr_refused("未知的销售编号：abc", "hl_jb", "supply", "abc", NULL, NULL,
	    NULL);
	pr_refused("未知的县级行政区划代码：640100", "admin", "supply", NULL,
	    "640100", NULL, NULL);
	pr_refused("月份应为", "hl_jb", "supply", NULL, NULL, "2026-13", NULL);
	/* usage */
	assert_int_equal(pr("hl_jb", "budgetx", NULL, NULL, NULL, NULL),
	    NJ_USAGE);
	assert_int_equal(pr("hl_jb", PRINT_ALL, NULL, NULL, NULL, NULL),
	    NJ_USAGE);
	assert_int_equal(pr("hl_jb", "supply", NULL, NULL, NULL, "latin1"),
	    NJ_USAGE);
	assert_int_equal(pr("hl_jb", "supply", sale1, "640122", NULL, NULL),
	    NJ_USAGE);
	{
		struct print_req	req = { .report = "supply",
		    .batch = "PC2026" };
		struct actor		who;

		actor_console(&who);
		assert_int_equal(print_file(&who, &req, NULL, pr_msg,
		    sizeof pr_msg), NJ_USAGE);
		assert_non_null(strstr(pr_msg, "不能按结算批次打印"));
	}
}

/* Each prints its own: township, county, city, dealer, province. */
static void
scope_of_an_area(void **state)
{
	(void)state;
	journey();
	second_buyer("1.1.3", "03", "金贵镇");
	pr_ok("xg_zhen", "application", NULL, NULL, NULL, NULL);
	assert_int_equal(lines(), 4);
	assert_true(has("张三"));
	assert_false(has("李四"));
	pr_ok("jg_zhen", "application", NULL, "640122", NULL, NULL);
	assert_int_equal(lines(), 3);
	assert_true(has("李四"));
	assert_false(has("张三"));
	pr_ok("hl_jb", "notice", NULL, NULL, NULL, NULL);
	assert_int_equal(lines(), 5);
	pr_ok("yc_city", "notice", NULL, NULL, NULL, NULL);
	assert_int_equal(lines(), 5);
	pr_ok("yc_city", "notice", NULL, "640122", NULL, NULL);
	assert_int_equal(lines(), 5);
	pr_ok("yn_jb", "notice", NULL, NULL, NULL, NULL);
	assert_int_equal(lines(), 2);		/* header and 合计 */
	pr_ok("admin", "application", NULL, NULL, NULL, NULL);
	assert_int_equal(lines(), 5);
	pr_ok("admin", "application", NULL, "640121", NULL, NULL);
	assert_int_equal(lines(), 2);
	/* a dealer: its own sales only, in any county */
	pr_ok("js_dealer", "supply", NULL, NULL, NULL, NULL);
	assert_int_equal(lines(), 2);
	pr_ok("fs_dealer", "supply", NULL, "640122", NULL, NULL);
	assert_int_equal(lines(), 3);
	/* months: of entry, issue, sale */
	pr_ok("hl_jb", "application", NULL, NULL, "2026-02", NULL);
	assert_int_equal(lines(), 2);
	pr_ok("hl_jb", "application", NULL, NULL, "2026-03", NULL);
	assert_int_equal(lines(), 5);
	pr_ok("hl_jb", "notice", NULL, NULL, "2026-04", NULL);
	assert_int_equal(lines(), 2);
	pr_ok("hl_jb", "supply", NULL, NULL, "2026-03", NULL);
	assert_int_equal(lines(), 3);
	pr_ok("hl_jb", "supply", NULL, NULL, "2025-12", NULL);
	assert_int_equal(lines(), 2);
}

/* --- the print action (the screens) -------------------------------------- */

static void
print_action_writes_the_outbox(void **state)
{
	char		 dir[400], want[600], *slash;
	struct stat	 sb;
	FILE		*fp;
	uint64_t	 before;

	(void)state;
	journey();
	snprintf(dir, sizeof dir, "%s", fx_path);
	slash = strrchr(dir, '/');
	*slash = '\0';
	fx_ok("hl_jb", "print", "report=supply", "month=2026-03",
	    "encoding=gb18030", NULL);
	snprintf(want, sizeof want, "%s/outbox/hl_jb/supply-640122-2026-03-"
	    "20260302-093000.csv", dir);
	assert_string_equal(fx_key, want);
	assert_int_equal(stat(fx_key, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	snprintf(want, sizeof want, "%s/outbox/hl_jb", dir);
	assert_int_equal(stat(want, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	snprintf(want, sizeof want, "%s/outbox", dir);
	assert_int_equal(stat(want, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	fp = fopen(fx_key, "rb");
	assert_non_null(fp);
	pr_len = fread(pr_buf, 1, sizeof pr_buf - 1, fp);
	fclose(fp);
	assert_true(has("\xd5\xc5\xc8\xfd"));	/* 张三 in GB18030 */
	assert_true(has(ID1));			/* the county sees it */
	/* the same second again: a new file beside it */
	fx_ok("hl_jb", "print", "report=supply", "month=2026-03",
	    "encoding=gb18030", NULL);
	assert_non_null(strstr(fx_key, "-093000-2.csv"));
	/* by id, a dealer: masked; the engine's audit row names the file */
	snprintf(want, sizeof want, "id=%s", sale1);
	fx_ok("fs_dealer", "print", "report=supply", want, NULL);
	snprintf(want, sizeof want, "/outbox/fs_dealer/supply-%s-20260302-"
	    "093000.csv", sale1);
	assert_non_null(strstr(fx_key, want));
	fp = fopen(fx_key, "rb");
	assert_non_null(fp);
	pr_len = fread(pr_buf, 1, sizeof pr_buf - 1, fp);
	fclose(fp);
	assert_true(has(",***1238,"));
	assert_false(has(ID1));
	snprintf(want, sizeof want, "report=supply id=%s", sale1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE login = "
	    "'fs_dealer' AND action = 'print' AND record = ?1 AND detail = ?2",
	    fx_key, want, NULL), 1);
	/* refusals: nothing written, not even a file */
	before = fx_snapshot();
	snprintf(want, sizeof want, "id=%s", sale1);
	assert_int_equal(fx_do("yn_jb", "print", "report=supply", want, NULL),
	    NJ_REFUSED);
	assert_non_null(strstr(fx_err, "超出您的管辖范围"));
	assert_int_equal(fx_do("fs_dealer", "print", "report=notice", NULL),
	    NJ_REFUSED);
	assert_int_equal(fx_do("hl_jb", "print", "report=supply", want,
	    "county=640122", NULL), NJ_REFUSED);
	assert_non_null(strstr(fx_err, "按编号打印时不能再指定县"));
	assert_int_equal(fx_do("hl_jb", "print", "report=bank", NULL),
	    NJ_REFUSED);
	assert_non_null(strstr(fx_err, "无权打印“补贴资金银行支付文件”"));
	assert_int_equal(fx_do("register", "print", "report=supply", NULL),
	    NJ_REFUSED);
	assert_true(fx_snapshot() == before);
	snprintf(want, sizeof want, "%s/outbox/yn_jb", dir);
	assert_int_not_equal(stat(want, &sb), 0);
}

/* The action's choices are the printer table; the forms load. */
static void
choices_and_forms_agree(void **state)
{
	const struct action	*act = action_find("print");
	const struct printer	*p;
	struct forms		*forms = NULL;
	const struct form	*f;
	char			 err[4096], key[64];
	size_t			 i, n = 0;
	int			 idx;

	(void)state;
	assert_non_null(act);
	assert_true(act->readonly);
	idx = action_field_index(act, "report");
	for (i = 0; (p = print_at(i)) != NULL; i++) {
		snprintf(key, sizeof key, "%s:", p->name);
		assert_non_null(strstr(act->fields[idx].arg, key));
		n++;
	}
	/* and one more: month end, every sheet (print-month.c) */
	assert_non_null(strstr(act->fields[idx].arg, PRINT_ALL ":"));
	assert_null(print_find(PRINT_ALL));
	n++;
	for (i = 0; act->fields[idx].arg[i] != '\0'; i++)
		n -= act->fields[idx].arg[i] == ':';
	assert_int_equal(n, 0);
	assert_int_equal(forms_load("forms", &forms, err, sizeof err), 0);
	f = forms_find(forms, "print.supply.dealer");
	assert_non_null(f);
	assert_ptr_equal(f->action, act);
	assert_string_equal(f->setname[0], "report");
	assert_non_null(print_find(f->setvalue[0]));
	assert_non_null(forms_find(forms, "print.application"));
	assert_non_null(forms_find(forms, "print.notice"));
	/* a form for every printer, and month end */
	for (i = 0; (p = print_at(i)) != NULL; i++) {
		snprintf(key, sizeof key, "print.%s", p->name);
		f = forms_find(forms, key);
		assert_non_null(f);
		assert_string_equal(f->setvalue[0], p->name);
	}
	f = forms_find(forms, "print.month");
	assert_non_null(f);
	assert_string_equal(f->setvalue[0], PRINT_ALL);
	forms_free(&forms);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writer_guards_and_quotes),
		FX_TEST(headers_are_the_seed_columns),
		FX_TEST(application_rows),
		FX_TEST(notice_rows_and_totals),
		FX_TEST(supply_rows_and_totals),
		FX_TEST(supply_failed_check),
		FX_TEST(bom_by_encoding),
		FX_TEST(gb18030_bytes),
		FX_TEST(notice_never_has_id_or_phone),
		FX_TEST(private_masked_or_clear_by_role),
		FX_TEST(private_print_is_logged),
		FX_TEST(scope_refusals),
		FX_TEST(scope_of_an_area),
		FX_TEST(print_action_writes_the_outbox),
		cmocka_unit_test(choices_and_forms_agree),
	};

	return FX_RUN(tests);
}
