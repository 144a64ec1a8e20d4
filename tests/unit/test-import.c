/*
 * test-import.c: `njbt import` (import_text(), as the console): regions,
 * catalog, budget and users. The file's shape (unknown, duplicate and
 * missing columns, short and long rows, invalid UTF-8, a BOM), every bad
 * value named by line and column ("第 L 行第 C 列（name）：..."), the
 * programme's rules (no tier under 500 yuan, budget sums, parents before
 * children), that a refused file stores nothing, and the two real files
 * of ../shared/data (copied into tests/data) imported as they are.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#define REAL_CATALOG	"tests/data/catalog-ningxia-2014.csv"
#define REAL_BUDGET	"tests/data/budget-ningxia-2014.csv"

static char	imp_msg[NJ_MSG_MAX];
static int	imp_rows;

/* Import text of kind as actor login (NULL: the console). */
static int
imp_as(const char *login, const char *kind, const char *text, int year)
{
	struct actor	who;

	imp_msg[0] = '\0';
	imp_rows = -1;
	if (login == NULL)
		actor_console(&who);
	else
		assert_int_equal(actor_load(login, &who, imp_msg,
		    sizeof imp_msg), 0);
	return import_text(&who, kind, "test.csv", text, strlen(text), year,
	    &imp_rows, imp_msg, sizeof imp_msg);
}

static int
imp(const char *kind, const char *text, int year)
{
	return imp_as(NULL, kind, text, year);
}

/* Assert a file is refused with want in the message, and nothing stored. */
#define imp_refused(want, kind, text, year) do {			\
	uint64_t imp_before_ = fx_snapshot();				\
	int imp_rc_ = imp(kind, text, year);				\
	if (imp_rc_ != NJ_REFUSED || strstr(imp_msg, want) == NULL)	\
		fprintf(stderr, "%s:%d: rc %d, \"%s\", wanted \"%s\"\n",	\
		    __FILE__, __LINE__, imp_rc_, imp_msg, want);	\
	assert_int_equal(imp_rc_, NJ_REFUSED);				\
	assert_non_null(strstr(imp_msg, want));				\
	assert_true(fx_snapshot() == imp_before_);			\
} while (0)

#define imp_ok(kind, text, year) do {					\
	int imp_rc_ = imp(kind, text, year);				\
	if (imp_rc_ != NJ_OK)						\
		fprintf(stderr, "%s:%d: import refused: %s\n", __FILE__,	\
		    __LINE__, imp_msg);					\
	assert_int_equal(imp_rc_, NJ_OK);				\
} while (0)

#define REGIONS_HDR	"code,name,level,parent\n"
#define CATALOG_HDR	"year,class_code,class_name,subclass_code," \
	"subclass_name,item_code,item_name,tier_code,tier_name,subsidy\n"
#define BUDGET_HDR	"county_code,county_name,total_wan," \
	"machinery_subtotal_wan,central_wan,provincial_wan,work_funds_wan\n"
#define USERS_HDR	"login,name,role,region,org,password\n"

/* --- what a good file stores ------------------------------------------ */

static void
regions_stored_and_updated(void **state)
{
	(void)state;
	imp_ok("regions", REGIONS_HDR
	    "640122201,新城乡,township,640122\n"
	    "640122201001,新城村,village,640122201\n", 0);
	assert_int_equal(imp_rows, 2);
	assert_int_equal(fx_int("SELECT count(*) FROM regions WHERE "
	    "(code = '640122201' AND name = '新城乡' AND level = 'township' AND "
	    "parent = '640122') OR (code = '640122201001' AND name = '新城村' "
	    "AND level = 'village' AND parent = '640122201')", NULL), 2);
	/* one audit row for the file */
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'import.regions' AND record = 'test.csv' AND detail = 'rows=2' "
	    "AND login LIKE 'console:%'", NULL), 1);
	/* again, renamed: updated, not doubled */
	imp_ok("regions", REGIONS_HDR "640122201,新城镇,township,640122\n",
	    0);
	assert_int_equal(fx_int("SELECT count(*) FROM regions WHERE code = "
	    "'640122201' AND name = '新城镇'", NULL), 1);
	/* the new township is within 贺兰县's scope at once */
	fx_ok("hl_jb", "user.add", "login=xc_zhen", "name=新城乡站",
	    "role=township", "region=640122201", "password=init-pass", NULL);
	/* a new county sits under a city or (农垦局) the province */
	imp_ok("regions", REGIONS_HDR "640198,新区,county,640000\n", 0);
}

/* Columns by name, in any order; a header-only file stores no row. */
static void
columns_in_any_order(void **state)
{
	(void)state;
	imp_ok("regions", "parent,level,name,code\n"
	    "640122,township,新城乡,640122201\n", 0);
	assert_int_equal(fx_int("SELECT count(*) FROM regions WHERE code = "
	    "'640122201' AND parent = '640122' AND level = 'township'", NULL),
	    1);
	imp_ok("regions", REGIONS_HDR, 0);
	assert_int_equal(imp_rows, 0);
	/* the optional column may be left out */
	imp_ok("regions", "code,name,level\n640001,某省,province\n", 0);
}

/* DESIGN import formats: UTF-8, a BOM is accepted (Excel, WPS). */
static void
bom_and_crlf_accepted(void **state)
{
	(void)state;
	imp_ok("regions", "\xef\xbb\xbf" "code,name,level,parent\r\n"
	    "640122201,新城乡,township,640122\r\n", 0);
	assert_int_equal(imp_rows, 1);
	assert_int_equal(fx_int("SELECT count(*) FROM regions WHERE code = "
	    "'640122201' AND name = '新城乡' AND parent = '640122'", NULL), 1);
	/* quoted cells, spaces around values */
	imp_ok("regions", REGIONS_HDR
	    "\"640122202\", \"新城,二乡\" ,township,640122\n", 0);
	assert_int_equal(fx_int("SELECT count(*) FROM regions WHERE code = "
	    "'640122202' AND name = '新城,二乡'", NULL), 1);
}

/* --- the file's shape ------------------------------------------------- */

/* DESIGN import formats: unknown columns are an error naming the column */
static void
refused_unknown_column(void **state)
{
	(void)state;
	imp_refused("第 1 行第 5 列：未知的列名“remark”", "regions",
	    "code,name,level,parent,remark\n640122201,新城乡,township,640122,"
	    "x\n", 0);
	imp_refused("未知的列名“区划代码”", "regions",
	    "区划代码,name,level,parent\n640122201,新城乡,township,640122\n",
	    0);
	/* a column of another kind */
	imp_refused("第 1 行第 2 列：未知的列名“tier_code”", "budget",
	    "county_code,tier_code\n640122,01\n", 2026);
}

/* DESIGN import formats: columns by name, each once */
static void
refused_duplicate_column(void **state)
{
	(void)state;
	imp_refused("第 1 行第 3 列：列名“code”重复", "regions",
	    "code,name,code,level,parent\n640122201,新城乡,640122201,township,"
	    "640122\n", 0);
}

/* DESIGN import formats: the kind's required columns */
static void
refused_missing_column(void **state)
{
	(void)state;
	imp_refused("第 1 行：缺少列“level”", "regions",
	    "code,name,parent\n640122201,新城乡,640122\n", 0);
	imp_refused("缺少列“item_code”", "catalog",
	    "class_code,class_name,subclass_code,subclass_name,item_name\n"
	    "1,耕整地机械,1.1,耕地机械,铧式犁\n", 2026);
	imp_refused("缺少列“county_code”", "budget",
	    "county_name,central_wan\n贺兰县,980\n", 2026);
	imp_refused("缺少列“password”", "users",
	    "login,name,role,region\nlg_zhen,冯立,township,640122102\n", 0);
}

/* DESIGN import formats: a bad row names its line */
static void
refused_short_or_long_row(void **state)
{
	(void)state;
	imp_refused("第 3 行：有 3 列，表头有 4 列", "regions", REGIONS_HDR
	    "640122201,新城乡,township,640122\n"
	    "640122202,新城二乡,township\n", 0);
	imp_refused("第 2 行：有 5 列，表头有 4 列", "regions", REGIONS_HDR
	    "640122201,新城乡,township,640122,多余\n", 0);
}

/* SPEC 7: a GBK file (Excel's default) is refused, not stored garbled. */
static void
refused_invalid_utf8(void **state)
{
	(void)state;
	/* 常信乡 in GBK */
	imp_refused("第 2 行第 11 个字符：不是有效的 UTF-8 编码", "regions",
	    REGIONS_HDR "640122201,\xb3\xa3\xd0\xc5\xcf\xe7,township,640122\n",
	    0);
	imp_refused("请另存为 UTF-8", "catalog", CATALOG_HDR
	    "2026,1,\xb8\xfb,1.1,x,1.1.1,y,,,\n", 0);
	/* a truncated UTF-8 sequence at the end, a NUL byte */
	imp_refused("第 2 行", "regions", REGIONS_HDR
	    "640122201,新城\xe4\xb9", 0);
	{
		static const char nul[] = REGIONS_HDR "640122201,a\0b,township,"
		    "640122\n";
		struct actor who;
		uint64_t before = fx_snapshot();

		actor_console(&who);
		assert_int_equal(import_text(&who, "regions", "nul.csv", nul,
		    sizeof nul - 1, 0, &imp_rows, imp_msg, sizeof imp_msg),
		    NJ_REFUSED);
		assert_non_null(strstr(imp_msg, "不是有效的 UTF-8"));
		assert_true(fx_snapshot() == before);
	}
}

static void
refused_bad_csv_and_empty(void **state)
{
	(void)state;
	imp_refused("第 2 行：CSV 格式错误", "regions", REGIONS_HDR
	    "640122201,\"新城乡,township,640122\n", 0);
	imp_refused("第 4 行：CSV 格式错误", "regions", REGIONS_HDR
	    "640122201,新城乡,township,640122\n\n"
	    "\"640122202,新城二乡,township,640122\n", 0);
	imp_refused("第 3 行：CSV 格式错误", "regions", REGIONS_HDR
	    "640122201,新城乡,township,640122\n"
	    "640122202,新\"城\"二乡,township,640122\n", 0);
	imp_refused("文件为空", "regions", "", 0);
	imp_refused("文件为空", "regions", "\xef\xbb\xbf", 0);
}

static void
refused_kind_and_actor(void **state)
{
	uint64_t before = fx_snapshot();

	(void)state;
	assert_int_equal(imp("towns", REGIONS_HDR, 0), NJ_USAGE);
	assert_non_null(strstr(imp_msg, "未知的导入类型：towns"));
	/* only the admin (or the console) imports */
	assert_int_equal(imp_as("hl_jb", "regions", REGIONS_HDR
	    "640122201,新城乡,township,640122\n", 0), NJ_REFUSED);
	assert_non_null(strstr(imp_msg, "只有省级管理员可以导入行政区划"));
	assert_int_equal(imp_as("ss_maker", "catalog", CATALOG_HDR, 2026),
	    NJ_REFUSED);
	assert_true(fx_snapshot() == before);
	assert_int_equal(imp_as("admin", "regions", REGIONS_HDR
	    "640122201,新城乡,township,640122\n", 0), NJ_OK);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'import.regions' AND login = 'admin'", NULL), 1);
}

/* --- regions ---------------------------------------------------------- */

/* SPEC 2: GB/T 2260 codes (6 digits), townships 9, villages 12 */
static void
regions_refused_values(void **state)
{
	(void)state;
	imp_refused("第 2 行第 3 列（level）：级别“town”有误", "regions",
	    REGIONS_HDR "640122201,新城乡,town,640122\n", 0);
	/* the column is the file's, not the kind's */
	imp_refused("第 2 行第 1 列（level）：级别“town”有误", "regions",
	    "level,name,code,parent\ntown,新城乡,640122201,640122\n", 0);
	imp_refused("第 2 行第 1 列（code）：代码“640122”有误，township级区划代码"
	    "应为 9 位数字", "regions", REGIONS_HDR
	    "640122,新城乡,township,640122\n", 0);
	imp_refused("第 2 行第 1 列（code）：代码“64012A”有误", "regions",
	    REGIONS_HDR "64012A,某县,county,640100\n", 0);
	imp_refused("第 2 行第 2 列（name）：名称不能为空", "regions",
	    REGIONS_HDR "640122201, ,township,640122\n", 0);
	imp_refused("第 2 行第 4 列（parent）：省级区划没有上级", "regions",
	    REGIONS_HDR "650000,新疆,province,640000\n", 0);
	imp_refused("第 2 行第 4 列（parent）：上级区划“640199”未知", "regions",
	    REGIONS_HDR "640199201,某乡,township,640199\n", 0);
	imp_refused("第 2 行第 4 列（parent）：上级区划“640100”的级别（city）"
	    "不对", "regions", REGIONS_HDR "640100201,某乡,township,640100\n",
	    0);
	imp_refused("第 2 行第 4 列（parent）：上级区划“”未知", "regions",
	    REGIONS_HDR "640122201,新城乡,township,\n", 0);
}

/* The line named is the file's line, blank lines and multi-line cells too. */
static void
regions_refused_names_file_line(void **state)
{
	(void)state;
	imp_refused("第 5 行第 3 列（level）", "regions", REGIONS_HDR "\n"
	    "640122201,新城乡,township,640122\n\n"
	    "640122202,新城二乡,乡,640122\n", 0);
	/* R-SEC-8.11a: a cell over two lines is now refused itself (a
	 * control character in a name), named by the line its row begins */
	imp_refused("第 3 行第 2 列（name）：含有控制字符", "regions",
	    REGIONS_HDR "\n640122201,\"新城\n乡\",township,640122\n"
	    "640122202,新城二乡,乡,640122\n", 0);
	imp_refused("第 4 行：有 3 列，表头有 4 列", "regions", REGIONS_HDR
	    "\r\n640122201,新城乡,township,640122\r\n640122202,新城二乡,"
	    "township\r\n", 0);
}

/* Parents are listed before their children. */
static void
regions_refused_child_before_parent(void **state)
{
	(void)state;
	imp_refused("第 3 行第 4 列（parent）：上级区划“640122201”未知（上级应先于"
	    "下级列出）", "regions", REGIONS_HDR
	    "640122202,新城二乡,township,640122\n"
	    "640122201001,新城村,village,640122201\n"
	    "640122201,新城乡,township,640122\n", 0);
	assert_int_equal(fx_int("SELECT count(*) FROM regions WHERE code IN "
	    "('640122201', '640122202', '640122201001')", NULL), 0);
}

/* A bad line late in the file: the good lines before it are not kept. */
static void
bad_file_stores_nothing(void **state)
{
	(void)state;
	imp_refused("第 4 行第 3 列（level）", "regions", REGIONS_HDR
	    "640122201,新城乡,township,640122\n"
	    "640122202,新城二乡,township,640122\n"
	    "640122203,新城三乡,乡,640122\n", 0);
	assert_int_equal(fx_int("SELECT count(*) FROM regions WHERE code IN "
	    "('640122201', '640122202', '640122203')", NULL), 0);
	/* a users file whose second user is bad adds neither */
	imp_refused("第 3 行", "users", USERS_HDR
	    "lg_zhen,冯立,township,640122102,,init-pass\n"
	    "hx_zhen,胡新,township,640122103,,short\n", 0);
	assert_int_equal(fx_int("SELECT count(*) FROM users WHERE login = "
	    "'lg_zhen'", NULL), 0);
}

/* --- catalogue -------------------------------------------------------- */

/*
 * R-002-M-3 002 三: 非安装类小型机具 may be checked by video: a tier is
 * installed equipment as the column installed says, or, without it, when
 * its class is 设施... (设施农业设备).
 */
static void
catalog_installed(void **state)
{
	(void)state;
	imp_ok("catalog", "class_code,class_name,subclass_code,subclass_name,"
	    "item_code,item_name,tier_code,tier_name,subsidy,installed\n"
	    "12,测试机械,12.1,测试小类,12.1.2,滴灌设备,01,小型,1200,1\n"
	    "12,测试机械,12.1,测试小类,12.1.2,滴灌设备,02,大型,2400,\n"
	    "13,设施农业设备,13.1,温室设备,13.1.1,卷帘机,01,卷帘机,900,\n"
	    "13,设施农业设备,13.1,温室设备,13.1.1,卷帘机,02,大卷帘机,1900,0\n",
	    2027);
	assert_int_equal(fx_int("SELECT count(*) FROM tiers WHERE year = 2027 "
	    "AND ((item_code = '12.1.2' AND code = '01' AND installed = 1) OR "
	    "(item_code = '12.1.2' AND code = '02' AND installed = 0) OR "
	    "(item_code = '13.1.1' AND code = '01' AND installed = 1) OR "
	    "(item_code = '13.1.1' AND code = '02' AND installed = 0))", NULL),
	    4);
	imp_refused("installed", "catalog", "class_code,class_name,"
	    "subclass_code,subclass_name,item_code,item_name,tier_code,"
	    "tier_name,subsidy,installed\n"
	    "12,测试机械,12.1,测试小类,12.1.2,滴灌设备,01,小型,1200,2\n", 2027);
}

static void
catalog_stored(void **state)
{
	(void)state;
	imp_ok("catalog", "class_code,class_name,subclass_code,subclass_name,"
	    "item_code,item_name,note,tier_code,tier_name,tier_params,subsidy,"
	    "subsidy_provincial,cap,key,licensed,open,three_in_one,"
	    "region_limit,topup\n"
	    "12,测试机械,12.1,测试小类,12.1.1,测试品目,仅限测试,,,,,,,,,,,,\n"
	    "12,测试机械,12.1,测试小类,12.1.2,测试品目二,,01,小型,幅宽1米,"
	    "1200.50,300,,1,1,0,1,限南部山区,0.20\n"
	    "12,测试机械,12.1,测试小类,12.1.2,测试品目二,,02,大型,幅宽3米,"
	    "60000,,150000,1,0,1,0,,\n", 2027);
	assert_int_equal(imp_rows, 3);
	assert_int_equal(fx_int("SELECT count(*) FROM catalog_classes WHERE "
	    "year = 2027 AND code = '12' AND name = '测试机械'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM catalog_subclasses "
	    "WHERE year = 2027 AND code = '12.1' AND class_code = '12'", NULL),
	    1);
	assert_int_equal(fx_int("SELECT count(*) FROM catalog_items WHERE "
	    "year = 2027 AND subclass_code = '12.1' AND ((code = '12.1.1' AND "
	    "note = '仅限测试') OR (code = '12.1.2' AND name = '测试品目二'))",
	    NULL), 2);
	assert_int_equal(fx_int("SELECT count(*) FROM tiers WHERE year = 2027 "
	    "AND item_code = '12.1.1'", NULL), 0);
	/* amounts in fen; the general cap of 50,000 yuan when none given */
	assert_int_equal(fx_int("SELECT count(*) FROM tiers WHERE year = 2027 "
	    "AND item_code = '12.1.2' AND code = '01' AND name = '小型' AND "
	    "params = '幅宽1米' AND central = 120050 AND provincial = 30000 "
	    "AND cap = 5000000 AND is_key = 1 AND licensed = 1 AND "
	    "open_ended = 0 AND three_in_one = 1 AND "
	    "region_limit = '限南部山区'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM tiers WHERE year = 2027 "
	    "AND item_code = '12.1.2' AND code = '02' AND central = 6000000 "
	    "AND cap = 15000000 AND is_key = 1 AND licensed = 0 AND "
	    "open_ended = 1", NULL), 1);
	/* 累加补贴 +20% for the item */
	assert_int_equal(fx_int("SELECT bp FROM topups WHERE year = 2027 AND "
	    "kind = 'item' AND item_code = '12.1.2'", NULL), 2000);
	/* the year column, when given, is the row's */
	imp_ok("catalog", CATALOG_HDR
	    "2028,12,测试机械,12.1,测试小类,12.1.3,测试品目三,,,\n", 2027);
	assert_int_equal(fx_int("SELECT count(*) FROM catalog_items WHERE "
	    "year = 2028 AND code = '12.1.3'", NULL), 1);
}

/* R-004-M-3.2 004 三(二): 补贴额低于500元的机具不列入补贴范围 */
static void
catalog_refused_tier_under_500(void **state)
{
	(void)state;
	imp_refused("第 2 行第 10 列（subsidy）：分档补贴额合计低于 500 元，不列入"
	    "补贴范围", "catalog", CATALOG_HDR
	    "2027,12,测试机械,12.1,测试小类,12.1.1,测试品目,01,小型,499.99\n",
	    0);
	imp_refused("分档补贴额合计低于 500 元", "catalog", CATALOG_HDR
	    "2027,12,测试机械,12.1,测试小类,12.1.1,测试品目,01,小型,\n", 0);
	/* 500 in all, from two purses, is in */
	imp_ok("catalog", "year,class_code,class_name,subclass_code,"
	    "subclass_name,item_code,item_name,tier_code,tier_name,subsidy,"
	    "subsidy_provincial\n"
	    "2027,12,测试机械,12.1,测试小类,12.1.1,测试品目,01,小型,300,200\n",
	    0);
	imp_ok("catalog", CATALOG_HDR
	    "2027,12,测试机械,12.1,测试小类,12.1.1,测试品目,02,中型,500\n", 0);
	assert_int_equal(fx_int("SELECT count(*) FROM tiers WHERE year = 2027 "
	    "AND item_code = '12.1.1'", NULL), 2);
}

/* SPEC 2: class > subclass > item > tier, codes nested */
static void
catalog_refused_values(void **state)
{
	(void)state;
	imp_refused("第 2 行第 10 列（subsidy）：金额“12.345”有误", "catalog",
	    CATALOG_HDR
	    "2027,12,测试机械,12.1,测试小类,12.1.1,测试品目,01,小型,12.345\n",
	    0);
	imp_refused("（subsidy）：金额“一千”有误", "catalog", CATALOG_HDR
	    "2027,12,测试机械,12.1,测试小类,12.1.1,测试品目,01,小型,一千\n", 0);
	imp_refused("第 2 行第 4 列（subclass_code）：小类代码“2.1”应以大类代码 "
	    "12. 开头", "catalog", CATALOG_HDR
	    "2027,12,测试机械,2.1,测试小类,12.1.1,测试品目,,,\n", 0);
	imp_refused("第 2 行第 6 列（item_code）：品目代码“12.2.1”应以小类代码 "
	    "12.1. 开头", "catalog", CATALOG_HDR
	    "2027,12,测试机械,12.1,测试小类,12.2.1,测试品目,,,\n", 0);
	imp_refused("第 2 行第 2 列（class_code）：大类代码“十二”有误", "catalog",
	    CATALOG_HDR "2027,十二,测试机械,12.1,测试小类,12.1.1,测试品目,,,\n",
	    0);
	imp_refused("第 2 行第 7 列（item_name）：名称不能为空", "catalog",
	    CATALOG_HDR "2027,12,测试机械,12.1,测试小类,12.1.1,,,,\n", 0);
	imp_refused("第 2 行第 8 列（tier_code）：分档代码“0 1”有误", "catalog",
	    CATALOG_HDR
	    "2027,12,测试机械,12.1,测试小类,12.1.1,测试品目,0 1,小型,800\n", 0);
	imp_refused("第 2 行第 9 列（tier_name）：分档名称不能为空", "catalog",
	    CATALOG_HDR
	    "2027,12,测试机械,12.1,测试小类,12.1.1,测试品目,01,,800\n", 0);
	imp_refused("第 2 行第 8 列（tier_code）：有补贴额的行须填写分档代码",
	    "catalog", CATALOG_HDR
	    "2027,12,测试机械,12.1,测试小类,12.1.1,测试品目,,,800\n", 0);
	imp_refused("第 2 行第 1 列（year）：年度“14”有误", "catalog",
	    CATALOG_HDR "14,12,测试机械,12.1,测试小类,12.1.1,测试品目,,,\n", 0);
	imp_refused("第 2 行第 1 列（year）：缺少年度", "catalog", CATALOG_HDR
	    ",12,测试机械,12.1,测试小类,12.1.1,测试品目,,,\n", 0);
	imp_refused("第 2 行：缺少年度：请在文件中提供 year 列，或使用 --year",
	    "catalog", "class_code,class_name,subclass_code,subclass_name,"
	    "item_code,item_name\n12,测试机械,12.1,测试小类,12.1.1,测试品目\n",
	    0);
}

/* SPEC 2: key, licensed, open are flags; top-ups ratios (SPEC 5) */
static void
catalog_refused_flags(void **state)
{
	(void)state;
	imp_refused("第 2 行第 11 列（key）：应为 0 或 1，而不是“是”", "catalog",
	    "year,class_code,class_name,subclass_code,subclass_name,item_code,"
	    "item_name,tier_code,tier_name,subsidy,key\n"
	    "2027,12,测试机械,12.1,测试小类,12.1.1,测试品目,01,小型,800,是\n",
	    0);
	imp_refused("（open）：应为 0 或 1，而不是“2”", "catalog",
	    "year,class_code,class_name,subclass_code,subclass_name,item_code,"
	    "item_name,tier_code,tier_name,subsidy,open\n"
	    "2027,12,测试机械,12.1,测试小类,12.1.1,测试品目,01,小型,800,2\n",
	    0);
	imp_refused("（topup）：累加补贴比例“二成”有误", "catalog",
	    "year,class_code,class_name,subclass_code,subclass_name,item_code,"
	    "item_name,tier_code,tier_name,subsidy,topup\n"
	    "2027,12,测试机械,12.1,测试小类,12.1.1,测试品目,01,小型,800,二成\n",
	    0);
	imp_refused("（cap）：金额“-1”有误", "catalog",
	    "year,class_code,class_name,subclass_code,subclass_name,item_code,"
	    "item_name,tier_code,tier_name,subsidy,cap\n"
	    "2027,12,测试机械,12.1,测试小类,12.1.1,测试品目,01,小型,800,-1\n",
	    0);
}

/* 004 附件3: the real 2014 catalogue, as it is, year from --year. */
static void
catalog_real_file(void **state)
{
	char	msg[NJ_MSG_MAX];
	struct actor who;
	int	rows, rc;

	(void)state;
	assert_int_equal(access(REAL_CATALOG, R_OK), 0);
	actor_console(&who);
	rc = import_file(&who, "catalog", REAL_CATALOG, 2014, &rows, msg,
	    sizeof msg);
	if (rc != NJ_OK)
		fprintf(stderr, "%s: %s\n", REAL_CATALOG, msg);
	assert_int_equal(rc, NJ_OK);
	assert_int_equal(rows, 94);
	assert_int_equal(fx_int("SELECT count(*) FROM catalog_items WHERE "
	    "year = 2014", NULL), 94);
	assert_int_equal(fx_int("SELECT count(*) FROM catalog_subclasses "
	    "WHERE year = 2014", NULL), 31);
	assert_int_equal(fx_int("SELECT count(*) FROM catalog_classes WHERE "
	    "year = 2014", NULL), 11);
	assert_int_equal(fx_int("SELECT count(*) FROM tiers WHERE year = 2014",
	    NULL), 0);
	/* the seed's restrictions are kept in note */
	assert_true(fx_int("SELECT count(*) FROM catalog_items WHERE year = "
	    "2014 AND note LIKE '%限南部山区%'", NULL) > 0);
	/* the demo year is untouched */
	assert_true(fx_int("SELECT count(*) FROM tiers WHERE year = 2026",
	    NULL) > 0);
	/* a second import changes nothing */
	assert_int_equal(import_file(&who, "catalog", REAL_CATALOG, 2014,
	    &rows, msg, sizeof msg), NJ_OK);
	assert_int_equal(fx_int("SELECT count(*) FROM catalog_items WHERE "
	    "year = 2014", NULL), 94);
	/* without a year it is refused, naming the first line */
	assert_int_equal(import_file(&who, "catalog", REAL_CATALOG, 0, &rows,
	    msg, sizeof msg), NJ_REFUSED);
	assert_non_null(strstr(msg, "第 2 行：缺少年度"));
}

/* --- budget ----------------------------------------------------------- */

static void
budget_stored(void **state)
{
	(void)state;
	imp_ok("budget", BUDGET_HDR "640122,贺兰县,1020.5,1010.5,980.25,30.25,"
	    "10\n", 2027);
	assert_int_equal(fx_int("SELECT count(*) FROM budgets WHERE year = "
	    "2027 AND region = '640122' AND name = '贺兰县' AND "
	    "central = 980250000 AND provincial = 30250000 AND "
	    "work_funds = 10000000 AND committed_central = 0", NULL), 1);
	/* again: updated, not doubled */
	imp_ok("budget", BUDGET_HDR "640122,贺兰县,1030,1020,990,30,10\n",
	    2027);
	assert_int_equal(fx_int("SELECT central FROM budgets WHERE year = 2027 "
	    "AND region = '640122'", NULL), INT64_C(990) * 1000000);
	assert_int_equal(fx_int("SELECT count(*) FROM budgets WHERE year = "
	    "2027", NULL), 1);
	/* sums left out are not checked */
	imp_ok("budget", "county_code,central_wan\n640121,100\n", 2027);
}

/* R-004-A2-0b 004 附件2: 合计 = 小计 + 工作经费; 小计 = 中央 + 自治区 */
static void
budget_refused_sums(void **state)
{
	(void)state;
	imp_refused("第 2 行第 4 列（machinery_subtotal_wan）：小计应等于中央与省级"
	    "之和", "budget", BUDGET_HDR "640122,贺兰县,1020,1011,980,30,10\n",
	    2027);
	imp_refused("第 3 行第 3 列（total_wan）：合计应等于补贴资金与工作经费之和",
	    "budget", BUDGET_HDR "640121,永宁县,1050,1040,1000,40,10\n"
	    "640122,贺兰县,1021,1010,980,30,10\n", 2027);
	imp_refused("（total_wan）：合计应等于", "budget",
	    "county_code,total_wan,central_wan\n640122,1000,980\n", 2027);
}

/* R-004-A2-0c 004 附件2: per county, in 万元 */
static void
budget_refused_values(void **state)
{
	(void)state;
	imp_refused("第 2 行第 1 列（county_code）：未知的行政区划代码“640199”",
	    "budget", BUDGET_HDR "640199,某县,10,10,10,0,0\n", 2027);
	imp_refused("（county_code）：未知的行政区划代码“”", "budget",
	    BUDGET_HDR ",某县,10,10,10,0,0\n", 2027);
	imp_refused("第 2 行第 5 列（central_wan）：金额“九百八十”有误",
	    "budget", BUDGET_HDR "640122,贺兰县,1020,1010,九百八十,30,10\n",
	    2027);
	imp_refused("（provincial_wan）：金额“-30”有误", "budget",
	    BUDGET_HDR "640122,贺兰县,1020,1010,980,-30,10\n", 2027);
	imp_refused("第 2 行第 1 列（year）：缺少年度", "budget",
	    "year," BUDGET_HDR ",640122,贺兰县,1020,1010,980,30,10\n", 0);
}

/* 004 附件2: the real 2014 fund plan, as it is, year from --year. */
static void
budget_real_file(void **state)
{
	char	msg[NJ_MSG_MAX];
	struct actor who;
	int	rows, rc;

	(void)state;
	assert_int_equal(access(REAL_BUDGET, R_OK), 0);
	actor_console(&who);
	rc = import_file(&who, "budget", REAL_BUDGET, 2014, &rows, msg,
	    sizeof msg);
	if (rc != NJ_OK)
		fprintf(stderr, "%s: %s\n", REAL_BUDGET, msg);
	assert_int_equal(rc, NJ_OK);
	assert_int_equal(rows, 24);
	assert_int_equal(fx_int("SELECT count(*) FROM budgets WHERE year = "
	    "2014", NULL), 24);
	/* column totals in 万元: 17000, 1070, 230; 18070; 18300 */
	assert_int_equal(fx_int("SELECT sum(central) FROM budgets WHERE year = "
	    "2014", NULL), INT64_C(17000) * 1000000);
	assert_int_equal(fx_int("SELECT sum(provincial) FROM budgets WHERE "
	    "year = 2014", NULL), INT64_C(1070) * 1000000);
	assert_int_equal(fx_int("SELECT sum(work_funds) FROM budgets WHERE "
	    "year = 2014", NULL), INT64_C(230) * 1000000);
	assert_int_equal(fx_int("SELECT sum(central + provincial) FROM budgets "
	    "WHERE year = 2014", NULL), INT64_C(18070) * 1000000);
	assert_int_equal(fx_int("SELECT sum(central + provincial + work_funds) "
	    "FROM budgets WHERE year = 2014", NULL), INT64_C(18300) * 1000000);
	assert_int_equal(fx_int("SELECT central FROM budgets WHERE year = 2014 "
	    "AND region = '640122' AND name = '贺兰县'", NULL),
	    INT64_C(980) * 1000000);
}

/* --- users ------------------------------------------------------------ */

/* R-001-A1-16a 001 第十六条 实名制: users go through user.add */
static void
users_stored(void **state)
{
	(void)state;
	/* a county user carries a post (R-SEC-8.6a): the optional column */
	imp_ok("users", "login,name,role,region,org,password,post\n"
	    "lg_zhen,冯立,township,640122102,,init-pass,\n"
	    "ss_clerk,塞上文员,maker,,91640100MA76E5B13Q,init-pass,\n"
	    "xq_jb,钱进,县级农机部门,640104,,init-pass,经办\n", 0);
	assert_int_equal(imp_rows, 3);
	assert_int_equal(fx_int("SELECT count(*) FROM users WHERE login = "
	    "'xq_jb' AND post = 'handler'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM users WHERE must_change "
	    "= 1 AND pwhash LIKE '$argon2id$%' AND ((login = 'lg_zhen' AND "
	    "role = 'township' AND region = '640122102') OR (login = "
	    "'ss_clerk' AND role = 'maker' AND maker_id IS NOT NULL AND "
	    "region IS NULL) OR (login = 'xq_jb' AND role = 'county' AND "
	    "region = '640104'))", NULL), 3);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'import.users' AND detail = 'rows=3'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'user.add' AND record IN ('lg_zhen', 'ss_clerk', 'xq_jb') AND "
	    "detail NOT LIKE '%init-pass%'", NULL), 3);
}

/* 001 第十六条: imported users are checked as user.add checks */
static void
users_refused_values(void **state)
{
	(void)state;
	imp_refused("第 2 行第 3 列（role）：角色：应为以下之一", "users",
	    USERS_HDR "lg_zhen,冯立,boss,640122102,,init-pass\n", 0);
	imp_refused("第 2 行第 4 列（region）：未知的行政区划代码：640199100",
	    "users", USERS_HDR "lg_zhen,冯立,township,640199100,,init-pass\n",
	    0);
	imp_refused("第 2 行第 4 列（region）：请填写：所属行政区划", "users",
	    USERS_HDR "lg_zhen,冯立,township,,,init-pass\n", 0);
	imp_refused("第 2 行第 5 列（org）：未知的生产企业", "users", USERS_HDR
	    "mk_clerk,某人,maker,,91640100MA76E5B13X,init-pass\n", 0);
	imp_refused("第 2 行第 6 列（password）：初始密码：密码至少 8 位", "users",
	    USERS_HDR "lg_zhen,冯立,township,640122102,,short\n", 0);
	imp_refused("第 2 行第 1 列（login）：登录名 hl_jb 已被使用", "users",
	    USERS_HDR "hl_jb,冯立,township,640122102,,init-pass\n", 0);
	/* the same login twice in one file */
	imp_refused("第 3 行第 1 列（login）：登录名 lg_zhen 已被使用", "users",
	    USERS_HDR "lg_zhen,冯立,township,640122102,,init-pass\n"
	    "lg_zhen,冯立二,township,640122103,,init-pass\n", 0);
	imp_refused("第 2 行第 2 列（name）：请填写：姓名", "users", USERS_HDR
	    "lg_zhen,,township,640122102,,init-pass\n", 0);
}

/* --- imports are actions (issue 9 item 2) ------------------------------ */

/*
 * An import is the action import.KIND run through the engine: its row
 * in the action table says who may import; without a file (`njbt do`, a
 * form) it is refused and writes nothing; no screen offers it; a refused
 * file leaves no audit row; the demo's files were each imported as one.
 */
static void
import_is_an_action(void **state)
{
	static const char *const kinds[] = { "regions", "catalog", "budget",
	    "users", "holidays" };
	const struct action	*def;
	struct actor		 admin, county;
	char			 name[32];
	size_t			 i;

	(void)state;
	assert_int_equal(actor_load("admin", &admin, imp_msg,
	    sizeof imp_msg), 0);
	assert_int_equal(actor_load("hl_jb", &county, imp_msg,
	    sizeof imp_msg), 0);
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		snprintf(name, sizeof name, "import.%s", kinds[i]);
		assert_non_null(def = action_find(name));
		assert_true(action_allowed(def, &admin));
		assert_false(action_allowed(def, &county));
		assert_false(action_on_screens(def));
		fx_refused("请用 njbt import 命令导入文件", "admin", name, NULL);
	}
	assert_true(action_on_screens(action_find("user.add")));
	/* a refused file: no row, and no audit row either */
	imp_refused("第 2 行第 3 列（level）", "regions", REGIONS_HDR
	    "640122201,新城乡,town,640122\n", 0);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'import.regions' AND record = 'test.csv'", NULL), 0);
	/* the demo: one audit row per file, then demo.load's own */
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE login LIKE "
	    "'console:%' AND ((action = 'import.regions' AND record = "
	    "'regions.csv') OR (action = 'import.catalog' AND record = "
	    "'catalog.csv') OR (action = 'import.budget' AND record = "
	    "'budget.csv') OR (action = 'import.users' AND record = "
	    "'users.csv')) AND detail LIKE 'rows=%'", NULL), 4);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'demo.load' AND record = 'demo' AND id = (SELECT max(id) FROM "
	    "audit WHERE action NOT LIKE '% refused')", NULL), 1);
}

/*
 * R-004-M-3.1b 004 三(一): the optional column limit_regions gives a
 * regional limit its counties or cities (issue 10 item 3); a code that
 * is not a known city or county, or a list without its limit's label,
 * refuses the file and stores nothing.
 */
static void
catalog_limit_regions(void **state)
{
	(void)state;
	imp_ok("catalog", "class_code,class_name,subclass_code,subclass_name,"
	    "item_code,item_name,tier_code,tier_name,subsidy,region_limit,"
	    "limit_regions\n"
	    "12,测试机械,12.1,测试小类,12.1.2,测试品目二,01,小型,1200,"
	    "限南部山区,\"640400, 640522;640324\"\n"
	    "12,测试机械,12.1,测试小类,12.1.2,测试品目二,02,中型,1500,"
	    "仅限卷管式,\n", 2027);
	assert_int_equal(fx_int("SELECT count(*) FROM tiers WHERE year = 2027 "
	    "AND item_code = '12.1.2' AND code = '01' AND region_limit = "
	    "'限南部山区' AND limit_regions = '640400,640522,640324'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM tiers WHERE year = 2027 "
	    "AND code = '02' AND region_limit = '仅限卷管式' AND limit_regions "
	    "= ''", NULL), 1);
	imp_refused("限定区域“640422100”不是已知的市或县级行政区划", "catalog",
	    "class_code,class_name,subclass_code,subclass_name,item_code,"
	    "item_name,tier_code,tier_name,subsidy,region_limit,limit_regions\n"
	    "12,测试机械,12.1,测试小类,12.1.3,测试品目三,01,小型,1200,"
	    "限山区,640422100\n", 2027);
	imp_refused("限定区域“659999”不是已知", "catalog",
	    "class_code,class_name,subclass_code,subclass_name,item_code,"
	    "item_name,tier_code,tier_name,subsidy,region_limit,limit_regions\n"
	    "12,测试机械,12.1,测试小类,12.1.3,测试品目三,01,小型,1200,"
	    "限山区,659999\n", 2027);
	imp_refused("限定区域须同时填写限制说明", "catalog",
	    "class_code,class_name,subclass_code,subclass_name,item_code,"
	    "item_name,tier_code,tier_name,subsidy,region_limit,limit_regions\n"
	    "12,测试机械,12.1,测试小类,12.1.3,测试品目三,01,小型,1200,,"
	    "640400\n", 2027);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(regions_stored_and_updated),
		FX_TEST(columns_in_any_order),
		FX_TEST(bom_and_crlf_accepted),
		FX_TEST(refused_unknown_column),
		FX_TEST(refused_duplicate_column),
		FX_TEST(refused_missing_column),
		FX_TEST(refused_short_or_long_row),
		FX_TEST(refused_invalid_utf8),
		FX_TEST(refused_bad_csv_and_empty),
		FX_TEST(refused_kind_and_actor),
		FX_TEST(regions_refused_values),
		FX_TEST(regions_refused_names_file_line),
		FX_TEST(regions_refused_child_before_parent),
		FX_TEST(bad_file_stores_nothing),
		FX_TEST(catalog_stored),
		FX_TEST(catalog_installed),
		FX_TEST(catalog_limit_regions),
		FX_TEST(catalog_refused_tier_under_500),
		FX_TEST(catalog_refused_values),
		FX_TEST(catalog_refused_flags),
		FX_TEST(catalog_real_file),
		FX_TEST(budget_stored),
		FX_TEST(budget_refused_sums),
		FX_TEST(budget_refused_values),
		FX_TEST(budget_real_file),
		FX_TEST(users_stored),
		FX_TEST(users_refused_values),
		FX_TEST(import_is_an_action),
	};

	return FX_RUN(tests);
}
