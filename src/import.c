/*
 * import.c: `njbt import regions|catalog|budget|users|holidays|penalties
 * FILE.csv`.
 * CSV with a header row, UTF-8 (a BOM is accepted), columns by name in any
 * order. A file is all or nothing: it is read and checked whole, then
 * written by the action import.KIND (rows of the action table, defined
 * here) run through the engine with the parsed file as its input: one
 * transaction and one audit row (record: the file's name, detail: rows=N).
 * An unknown column, a short row, invalid UTF-8 or a bad value refuses the
 * file and names line and column. Nothing here writes outside an action's
 * run (see "Who writes" at the top of action.c).
 *
 * Each kind is a row of a table: its columns and a function per data row.
 * Users go through the user.add action, nested in the import's own
 * transaction, so an imported user is checked exactly like one added on
 * the screen.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "actions.h"

struct import;

struct icol {
	const char	*name;
	int		 req;
	int		 max;		/* longest value in characters */
};

struct ikind {
	const char		*name;
	const char		*label;
	const struct icol	*cols;
	int			(*row)(struct import *);
};

struct import {
	const struct ikind	*kind;
	const struct actor	*who;
	int			 year;		/* --year, 0 if none */
	char			**cells;	/* all cells, row-major */
	size_t			 ncells, capcells;
	size_t			*rowstart;	/* first cell of each row */
	size_t			*rowlen;
	size_t			*rowline;	/* each row's line in the file */
	size_t			 nrows, caprows;
	size_t			 line;		/* while parsing */
	int			 colmap[32];	/* kind column -> file column */
	int			 ncols;		/* columns in the header */
	size_t			 row;		/* the data row being stored */
	const char		*name;		/* the file's name, for the log */
	char			*msg;
	size_t			 msglen;
	int			 stored;
};

/* --- cells ------------------------------------------------------------- */

static void
imp_cell_cb(void *s, size_t len, void *arg)
{
	struct import	*imp = arg;
	char		*c = xcalloc(1, len + 1);

	memcpy(c, s, len);
	/* a row not placed by parse_csv (lines ended by CR alone) */
	if (imp->rowline[imp->nrows] == 0)
		imp->rowline[imp->nrows] = imp->line;
	if (imp->ncells == imp->capcells) {
		imp->capcells = imp->capcells ? imp->capcells * 2 : 256;
		imp->cells = realloc(imp->cells, imp->capcells *
		    sizeof *imp->cells);
		if (imp->cells == NULL)
			abort();
	}
	imp->cells[imp->ncells++] = c;
	imp->rowlen[imp->nrows]++;
}

static void
imp_row_grow(struct import *imp)
{
	if (imp->nrows + 1 >= imp->caprows) {
		imp->caprows = imp->caprows ? imp->caprows * 2 : 64;
		imp->rowstart = realloc(imp->rowstart, imp->caprows *
		    sizeof *imp->rowstart);
		imp->rowlen = realloc(imp->rowlen, imp->caprows *
		    sizeof *imp->rowlen);
		imp->rowline = realloc(imp->rowline, imp->caprows *
		    sizeof *imp->rowline);
		if (imp->rowstart == NULL || imp->rowlen == NULL ||
		    imp->rowline == NULL)
			abort();
	}
	imp->rowstart[imp->nrows] = imp->ncells;
	imp->rowlen[imp->nrows] = 0;
	imp->rowline[imp->nrows] = 0;
}

static void
imp_row_cb(int c, void *arg)
{
	struct import *imp = arg;

	(void)c;
	imp->nrows++;
	imp_row_grow(imp);
}

static void
imp_free(struct import *imp)
{
	size_t i;

	for (i = 0; i < imp->ncells; i++)
		free(imp->cells[i]);
	free(imp->cells);
	free(imp->rowstart);
	free(imp->rowlen);
	free(imp->rowline);
}

/* The cell of kind column name in the current row, trimmed; "" if none. */
static const char *
cell(struct import *imp, const char *name)
{
	const struct icol	*c;
	int			 k, col;
	char			*v;

	for (k = 0, c = imp->kind->cols; c->name != NULL; c++, k++)
		if (strcmp(c->name, name) == 0)
			break;
	if (c->name == NULL)
		abort();
	if ((col = imp->colmap[k]) < 0)
		return "";
	v = imp->cells[imp->rowstart[imp->row] + (size_t)col];
	return trim(v);
}

static int
column_of(struct import *imp, const char *name)
{
	const struct icol	*c;
	int			 k;

	for (k = 0, c = imp->kind->cols; c->name != NULL; c++, k++)
		if (strcmp(c->name, name) == 0)
			return imp->colmap[k] + 1;
	return 0;
}

/* Refuse the file at the current row and column name. */
static int
imp_err(struct import *imp, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
imp_err(struct import *imp, const char *name, const char *fmt, ...)
{
	va_list	ap;
	char	why[NJ_MSG_MAX];
	int	col = name ? column_of(imp, name) : 0;

	va_start(ap, fmt);
	vxsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	if (col > 0)
		xsnprintf(imp->msg, imp->msglen, "第 %zu 行第 %d 列（%s）：%s",
		    imp->rowline[imp->row], col, name, why);
	else
		xsnprintf(imp->msg, imp->msglen, "第 %zu 行：%s",
		    imp->rowline[imp->row], why);
	return NJ_REFUSED;
}

/* --- values ------------------------------------------------------------ */

static int
cell_money(struct import *imp, const char *name, int64_t *fen)
{
	const char *v = cell(imp, name);

	*fen = 0;
	if (*v == '\0')
		return NJ_OK;
	if (money_parse(v, fen) != 0)
		return imp_err(imp, name, "金额“%s”有误，应为数字，最多两位小数",
		    v);
	/* R-SEC-8.11c issue 8 (11): as an action's money field */
	if (*fen > MONEY_AMOUNT_MAX)
		return imp_err(imp, name, "金额“%s”过大，不能超过 100 亿元", v);
	return NJ_OK;
}

static int
cell_flag(struct import *imp, const char *name, int *flag)
{
	const char *v = cell(imp, name);

	*flag = 0;
	if (*v == '\0' || strcmp(v, "0") == 0)
		return NJ_OK;
	if (strcmp(v, "1") == 0) {
		*flag = 1;
		return NJ_OK;
	}
	return imp_err(imp, name, "应为 0 或 1，而不是“%s”", v);
}

static int
row_year(struct import *imp, int *year)
{
	const char	*v = cell(imp, "year");
	int64_t		 y;

	if (*v == '\0') {
		if (imp->year == 0)
			return imp_err(imp, "year", "缺少年度：请在文件中提供 year "
			    "列，或使用 --year");
		*year = imp->year;
		return NJ_OK;
	}
	if (parse_int(v, &y) != 0 || y < 2000 || y > 2100)
		return imp_err(imp, "year", "年度“%s”有误", v);
	*year = (int)y;
	return NJ_OK;
}

static int
db_fail(struct import *imp)
{
	return imp_err(imp, NULL, "数据库错误：%s", store_errmsg());
}

/* --- regions ----------------------------------------------------------- */

static const struct icol region_cols[] = {
	{ "code", 1, 12 }, { "name", 1, TEXT_NAME_MAX }, { "level", 1, 16 },
	{ "parent", 0, 12 },
	{ NULL, 0, 0 }
};

static const struct {
	const char	*level;
	size_t		 len;		/* digits of the code */
	const char	*parent;	/* level of the parent */
} region_levels[] = {
	{ "province", 6, NULL },
	{ "city", 6, "province" },
	{ "county", 6, "city" },
	{ "township", 9, "county" },
	{ "village", 12, "township" },
};

/* GB/T 2260 codes (6 digits) and township/village codes (9, 12 digits). */
static int
region_row(struct import *imp)
{
	const char	*code = cell(imp, "code"), *level = cell(imp, "level");
	const char	*parent = cell(imp, "parent"), *name = cell(imp, "name");
	char		 plevel[16];
	size_t		 i, k;
	int		 rc;

	for (i = 0; i < sizeof region_levels / sizeof region_levels[0]; i++)
		if (strcmp(region_levels[i].level, level) == 0)
			break;
	if (i == sizeof region_levels / sizeof region_levels[0])
		return imp_err(imp, "level", "级别“%s”有误，应为 province、city、"
		    "county、township 或 village", level);
	for (k = 0; code[k] >= '0' && code[k] <= '9'; k++)
		;
	if (code[k] != '\0' || k != region_levels[i].len)
		return imp_err(imp, "code", "代码“%s”有误，%s级区划代码应为 %zu "
		    "位数字", code, level, region_levels[i].len);
	if (*name == '\0')
		return imp_err(imp, "name", "名称不能为空");
	if (region_levels[i].parent == NULL) {
		if (*parent != '\0')
			return imp_err(imp, "parent", "省级区划没有上级");
		parent = NULL;
	} else {
		rc = sql_text(plevel, sizeof plevel, SQL_REGION_LEVEL,
		    parent);
		if (rc < 0)
			return db_fail(imp);
		if (rc == 0)
			return imp_err(imp, "parent", "上级区划“%s”未知（上级应先于"
			    "下级列出）", parent);
		/* 农垦局 and the like sit under a province or a city */
		if (strcmp(plevel, region_levels[i].parent) != 0 &&
		    !(strcmp(level, "county") == 0 &&
		    strcmp(plevel, "province") == 0))
			return imp_err(imp, "parent", "上级区划“%s”的级别（%s）不对",
			    parent, plevel);
		/* GB/T 2260, GB/T 10114: a code begins with its parent's */
		for (k = strlen(parent); k > 2 && strncmp(parent + k - 2, "00",
		    2) == 0 && k <= 6; k -= 2)
			;
		if (strncmp(code, parent, k) != 0)
			return imp_err(imp, "code", "代码“%s”与上级区划“%s”不符",
			    code, parent);
	}
	if (sql_exec(SQL_REGION_UPSERT, code, name, level, parent) != 0)
		return db_fail(imp);
	return NJ_OK;
}

/* --- catalogue --------------------------------------------------------- */

static const struct icol catalog_cols[] = {
	{ "year", 0, 4 }, { "class_code", 1, 20 },
	{ "class_name", 1, TEXT_NAME_MAX }, { "subclass_code", 1, 20 },
	{ "subclass_name", 1, TEXT_NAME_MAX }, { "item_code", 1, 20 },
	{ "item_name", 1, TEXT_NAME_MAX }, { "note", 0, TEXT_MAX },
	{ "tier_code", 0, 20 }, { "tier_name", 0, TEXT_NAME_MAX },
	{ "tier_params", 0, TEXT_MAX }, { "subsidy", 0, 20 },
	{ "subsidy_provincial", 0, 20 }, { "subsidy_city", 0, 20 },
	{ "subsidy_county", 0, 20 }, { "cap", 0, 20 }, { "key", 0, 1 },
	{ "licensed", 0, 1 }, { "open", 0, 1 }, { "three_in_one", 0, 1 },
	{ "region_limit", 0, TEXT_MAX }, { "topup", 0, 8 },
	{ "installed", 0, 1 }, { "limit_regions", 0, TEXT_MAX },
	{ NULL, 0, 0 }
};

/* A code: digits and dots for the catalogue, letters too for tiers. */
static int
code_ok(const char *s, int letters)
{
	if (*s == '\0' || strlen(s) > 20)
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= '0' && *s <= '9') || *s == '.' || (letters &&
		    ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    *s == '-' || *s == '_'))))
			return 0;
	return 1;
}

/*
 * R-004-M-3.1b 004 三(一): a regional limit as data (issue 10 item 3):
 * limit_regions lists the county or city codes where the row may be
 * subsidised (comma, semicolon or space between them), each a region
 * known by then; it needs the limit's label in region_limit. The codes
 * go into *out joined by commas.
 */
static int
cell_regions(struct import *imp, char *out, size_t len)
{
	struct region_row	 r;
	char			*list, *code, *save = NULL;
	size_t			 n = 0;
	int			 rc = NJ_OK, got;

	out[0] = '\0';
	if (*cell(imp, "limit_regions") == '\0')
		return NJ_OK;
	if (*cell(imp, "region_limit") == '\0')
		return imp_err(imp, "limit_regions", "限定区域须同时填写限制说明"
		    "（region_limit，如“限南部山区”）");
	list = xstrdup(cell(imp, "limit_regions"));
	for (code = strtok_r(list, ",; ", &save); code != NULL;
	    code = strtok_r(NULL, ",; ", &save)) {
		sqlite3_stmt *st = sql_query(SQL_REGION_GET, code);

		if ((got = sql_step(st)) == 1)
			load_region(st, &r);
		sqlite3_reset(st);
		if (got < 0) {
			rc = db_fail(imp);
			break;
		}
		if (got == 0 || (strcmp(r.level, "county") != 0 &&
		    strcmp(r.level, "city") != 0)) {
			rc = imp_err(imp, "limit_regions", "限定区域“%s”不是已知"
			    "的市或县级行政区划", code);
			break;
		}
		if (n + strlen(code) + 2 > len) {
			rc = imp_err(imp, "limit_regions", "限定区域过长");
			break;
		}
		n += (size_t)snprintf(out + n, len - n, "%s%s", n ? "," : "",
		    code);
	}
	free(list);
	return rc;
}

static int
catalog_tier(struct import *imp, int year, const char *item)
{
	char		 regions[TEXT_MAX + 1];
	const char	*tier = cell(imp, "tier_code"), *name = cell(imp,
	    "tier_name");
	int64_t		 c, p, ci, co, cap;
	int		 key, lic, open, three, rc, bp = 0;
	const char	*topup = cell(imp, "topup");

	if (!code_ok(tier, 1))
		return imp_err(imp, "tier_code", "分档代码“%s”有误", tier);
	if (*name == '\0')
		return imp_err(imp, "tier_name", "分档名称不能为空");
	if ((rc = cell_money(imp, "subsidy", &c)) != NJ_OK ||
	    (rc = cell_money(imp, "subsidy_provincial", &p)) != NJ_OK ||
	    (rc = cell_money(imp, "subsidy_city", &ci)) != NJ_OK ||
	    (rc = cell_money(imp, "subsidy_county", &co)) != NJ_OK ||
	    (rc = cell_money(imp, "cap", &cap)) != NJ_OK ||
	    (rc = cell_flag(imp, "key", &key)) != NJ_OK ||
	    (rc = cell_flag(imp, "licensed", &lic)) != NJ_OK ||
	    (rc = cell_flag(imp, "open", &open)) != NJ_OK ||
	    (rc = cell_flag(imp, "three_in_one", &three)) != NJ_OK ||
	    (rc = cell_regions(imp, regions, sizeof regions)) != NJ_OK)
		return rc;
	/* R-004-M-3.2 004 三(二): 补贴额低于500元的机具不列入补贴范围 */
	if (c + p + ci + co < 50000)
		return imp_err(imp, "subsidy", "分档补贴额合计低于 500 元，不列入"
		    "补贴范围");
	if (cap == 0)
		cap = 5000000;	/* R-004-M-3.3.2 004 三(三)2: 一般机具单机限额 5 万元 */
	if (cap < c + p + ci + co)
		return imp_err(imp, "cap", "单机补贴限额低于分档补贴额");
	if (*topup != '\0' && (ratio_parse(topup, &bp) != 0 || bp > 10000))
		return imp_err(imp, "topup", "累加补贴比例“%s”有误，如 0.20",
		    topup);
	if (sql_exec(SQL_TIER_UPSERT, year, item, tier,
	    name, cell(imp, "tier_params"), c, p, ci, co, cap, key, lic, open,
	    three, cell(imp, "region_limit")) != 0)
		return db_fail(imp);
	/* issue 10 item 5: installed equipment, from the column or the class */
	if (strcmp(cell(imp, "installed"), "") != 0 &&
	    strcmp(cell(imp, "installed"), "0") != 0 &&
	    strcmp(cell(imp, "installed"), "1") != 0)
		return imp_err(imp, "installed", "installed 应为 0 或 1");
	if (sql_exec(SQL_TIER_SET_INSTALLED, cell(imp, "installed"),
	    year, item, tier) != 0 ||
	    sql_exec(SQL_TIER_SET_LIMIT_REGIONS, regions, year, item,
	    tier) != 0)
		return db_fail(imp);
	if (*topup != '\0' && (sql_exec(SQL_TOPUP_ITEM_DELETE, year,
	    item) != 0 || (bp > 0 && sql_exec(SQL_TOPUP_ITEM_INSERT, year,
	    item, bp) != 0)))
		return db_fail(imp);
	return NJ_OK;
}

static int
catalog_row(struct import *imp)
{
	const char	*cc = cell(imp, "class_code"), *sc = cell(imp,
	    "subclass_code"), *ic = cell(imp, "item_code");
	int		 year, rc;

	if ((rc = row_year(imp, &year)) != NJ_OK)
		return rc;
	if (!code_ok(cc, 0))
		return imp_err(imp, "class_code", "大类代码“%s”有误", cc);
	if (!code_ok(sc, 0) || strncmp(sc, cc, strlen(cc)) != 0 ||
	    sc[strlen(cc)] != '.')
		return imp_err(imp, "subclass_code", "小类代码“%s”应以大类代码 "
		    "%s. 开头", sc, cc);
	if (!code_ok(ic, 0) || strncmp(ic, sc, strlen(sc)) != 0 ||
	    ic[strlen(sc)] != '.')
		return imp_err(imp, "item_code", "品目代码“%s”应以小类代码 %s. "
		    "开头", ic, sc);
	if (*cell(imp, "class_name") == '\0' || *cell(imp, "subclass_name") ==
	    '\0' || *cell(imp, "item_name") == '\0')
		return imp_err(imp, *cell(imp, "class_name") == '\0' ?
		    "class_name" : *cell(imp, "subclass_name") == '\0' ?
		    "subclass_name" : "item_name", "名称不能为空");
	if (sql_exec(SQL_CLASS_UPSERT, year, cc, cell(imp,
	    "class_name")) != 0 || sql_exec(SQL_SUBCLASS_UPSERT, year,
	    sc, cc, cell(imp, "subclass_name")) != 0 ||
	    sql_exec(SQL_ITEM_UPSERT, year, ic, sc, cell(imp,
	    "item_name"), cell(imp, "note"), (int)imp->row) != 0)
		return db_fail(imp);
	if (*cell(imp, "tier_code") == '\0') {
		if (*cell(imp, "subsidy") != '\0')
			return imp_err(imp, "tier_code", "有补贴额的行须填写分档代码");
		return NJ_OK;
	}
	return catalog_tier(imp, year, ic);
}

/* --- budget ------------------------------------------------------------ */

static const struct icol budget_cols[] = {
	{ "year", 0, 4 }, { "county_code", 1, 12 },
	{ "county_name", 0, TEXT_NAME_MAX }, { "total_wan", 0, 20 },
	{ "machinery_subtotal_wan", 0, 20 }, { "central_wan", 0, 20 },
	{ "provincial_wan", 0, 20 }, { "work_funds_wan", 0, 20 },
	{ NULL, 0, 0 }
};

/*
 * An amount in 万元 (10,000 yuan) as fen. R-SEC-8.11c issue 8 (11): at
 * most MONEY_AMOUNT_MAX fen (100 亿元) once multiplied, so that the budget
 * sheet's totals cannot overflow (a budget of 10^18 fen did).
 */
static int
cell_wan(struct import *imp, const char *name, int64_t *fen, int *given)
{
	int rc = cell_money(imp, name, fen);

	*given = *cell(imp, name) != '\0';
	if (rc == NJ_OK && *fen > MONEY_AMOUNT_MAX / 10000)
		return imp_err(imp, name, "金额“%s”万元过大，不能超过 100 亿元",
		    cell(imp, name));
	*fen *= 10000;
	return rc;
}

/* R-004-A2-0b 004 附件2: 合计 = 小计 + 工作经费; 小计 = 中央 + 自治区 */
static int
budget_row(struct import *imp)
{
	const char	*code = cell(imp, "county_code");
	int64_t		 total, sub, c, p, w;
	int		 year, rc, gt, gs, gc, gp, gw;

	if ((rc = row_year(imp, &year)) != NJ_OK)
		return rc;
	char	 level[16];

	rc = sql_text(level, sizeof level, SQL_REGION_LEVEL, code);
	if (rc < 0)
		return db_fail(imp);
	if (rc == 0)
		return imp_err(imp, "county_code", "未知的行政区划代码“%s”", code);
	/* R-004-A2-0c 004 附件2: counties, and a city or the province for their own */
	if (strcmp(level, "township") == 0 || strcmp(level, "village") == 0)
		return imp_err(imp, "county_code", "“%s”是乡镇或村，资金计划"
		    "应按县（市、区）编列", code);
	if ((rc = cell_wan(imp, "total_wan", &total, &gt)) != NJ_OK ||
	    (rc = cell_wan(imp, "machinery_subtotal_wan", &sub, &gs)) != NJ_OK ||
	    (rc = cell_wan(imp, "central_wan", &c, &gc)) != NJ_OK ||
	    (rc = cell_wan(imp, "provincial_wan", &p, &gp)) != NJ_OK ||
	    (rc = cell_wan(imp, "work_funds_wan", &w, &gw)) != NJ_OK)
		return rc;
	if (gs && sub != c + p)
		return imp_err(imp, "machinery_subtotal_wan", "小计应等于中央与"
		    "省级之和");
	if (gt && total != c + p + w)
		return imp_err(imp, "total_wan", "合计应等于补贴资金与工作经费之和");
	(void)gc;
	(void)gp;
	(void)gw;
	if (sql_exec(SQL_BUDGET_UPSERT, year, code, cell(imp,
	    "county_name"), c, p, w) != 0)
		return db_fail(imp);
	return NJ_OK;
}

/* --- users ------------------------------------------------------------- */

static const struct icol user_cols[] = {
	{ "login", 1, NJ_LOGIN_MAX }, { "name", 1, TEXT_NAME_MAX },
	{ "role", 1, 16 }, { "region", 0, 12 }, { "org", 0, 24 },
	{ "password", 1, 128 }, { "post", 0, 16 },
	{ NULL, 0, 0 }
};

/* Through user.add: the same checks as the screen's; must change at login. */
static int
user_row(struct import *imp)
{
	/* post: a county user's 经办/审核 (R-SEC-8.6a issue 8 (6)) */
	static const char *const names[] = { "login", "name", "role", "region",
	    "org", "password", "post" };
	const char	*values[7];
	struct act	*a = NULL;
	size_t		 i;
	int		 rc;

	for (i = 0; i < 7; i++)
		values[i] = cell(imp, names[i]);
	rc = action_nested(imp->who, "user.add", 7, names, values, &a);
	if (rc != NJ_OK)
		rc = imp_err(imp, a->errfield[0] ? a->errfield : NULL, "%s",
		    a->err);
	act_free(&a);
	return rc;
}

/* --- holidays ------------------------------------------------------------ */

static const struct icol holiday_cols[] = {
	{ "day", 1, 10 }, { "kind", 1, 8 }, { "name", 0, TEXT_NAME_MAX },
	{ NULL, 0, 0 }
};

/*
 * A public holiday, or a weekend day worked instead (调休), for counting
 * publicity in working days.
 */
static int
holiday_row(struct import *imp)
{
	const char	*day = cell(imp, "day"), *kind = cell(imp, "kind");
	int		 d;

	if (date_parse(day, &d) != 0)
		return imp_err(imp, "day", "日期“%s”有误，应为 YYYY-MM-DD", day);
	if (strcmp(kind, "holiday") != 0 && strcmp(kind, "workday") != 0)
		return imp_err(imp, "kind", "类别“%s”有误，应为 holiday（放假）或 "
		    "workday（调休上班）", kind);
	if (sql_exec(SQL_HOLIDAY_UPSERT, day, kind, cell(imp, "name")) !=
	    0)
		return db_fail(imp);
	return NJ_OK;
}

/* --- penalties (issue 13 item 2) ---------------------------------------- */

static const struct icol penalty_cols[] = {
	{ "party_type", 1, 8 }, { "party", 1, 40 }, { "name", 0, 60 },
	{ "level", 1, 8 }, { "measure", 1, 10 }, { "months", 0, 2 },
	{ "from", 1, 10 }, { "province", 1, 20 }, { "facts", 1, 200 },
	{ NULL, 0, 0 }
};

/* One nested action of a penalty's row; its refusal names the row. */
static int
penalty_step(struct import *imp, const char *action, int n,
    const char *const *names, const char *const *values, char *key,
    size_t keylen)
{
	struct act	*a = NULL;
	int		 rc;

	rc = action_nested(imp->who, action, n, names, values, &a);
	if (rc != NJ_OK)
		rc = imp_err(imp, a->errfield[0] ? a->errfield : NULL, "%s",
		    a->err);
	else if (key != NULL)
		strlcpy0(key, a->key, keylen);
	act_free(&a);
	return rc;
}

/*
 * R-003-A2-8.3c 003 附件2 第八条(三) 在全国范围进行联动处理: a decision
 * of another province, recorded and applied as violation.new and
 * violation.decide would, nested in the import's one transaction (a
 * company unknown here is recorded by its credit code and name).
 */
static int
penalty_row(struct import *imp)
{
	static const char *const vn[] = { "party_type", "party", "level",
	    "facts", "found_on", "party_name", "province" };
	static const char *const dn[] = { "violation", "measure", "months",
	    "from", "note" };
	const char	*vv[7], *dv[5];
	char		 no[NJ_KEY_MAX], note[80];
	int		 rc;

	vv[0] = cell(imp, "party_type");
	vv[1] = cell(imp, "party");
	vv[2] = cell(imp, "level");
	vv[3] = cell(imp, "facts");
	vv[4] = cell(imp, "from");
	vv[5] = cell(imp, "name");
	vv[6] = cell(imp, "province");
	if ((rc = penalty_step(imp, "violation.new", 7, vn, vv, no,
	    sizeof no)) != NJ_OK)
		return rc;
	xsnprintf(note, sizeof note, "%s决定", cell(imp, "province"));
	dv[0] = no;
	dv[1] = cell(imp, "measure");
	dv[2] = cell(imp, "months");
	dv[3] = cell(imp, "from");
	dv[4] = note;
	return penalty_step(imp, "violation.decide", 5, dn, dv, NULL, 0);
}

/* --- the actions -------------------------------------------------------- */

/*
 * The run of every import.* action: the rows of the file parsed and
 * checked by import_do (a->input), in the engine's one transaction, which
 * then writes the audit row (record: the file's name; detail: rows=N).
 * The file comes only from import_do: a form or `njbt do` hands none.
 */
static int
import_run(struct act *a)
{
	struct import	*imp = a->input;
	int		 rc;

	if (imp == NULL || strncmp(a->def->name, "import.", 7) != 0 ||
	    strcmp(a->def->name + 7, imp->kind->name) != 0)
		return act_refuse(a, NULL, "请用 njbt import 命令导入文件");
	for (imp->row = 1; imp->row < imp->nrows; imp->row++)
		if ((rc = imp->kind->row(imp)) != NJ_OK)
			return rc;
	act_key(a, "%s", imp->name);
	xsnprintf(a->audit_note, sizeof a->audit_note, "rows=%zu",
	    imp->nrows - 1);
	return NJ_OK;
}

/* No fields: the file is the action's input (action_input_fields keeps
 * the actions off the screens). Who imports: the admin (and the console,
 * as the admin). */
const struct action action_import_regions = {
	"import.regions", "导入行政区划", R(ROLE_ADMIN),
	action_input_fields, import_run, 0, NULL, "已导入行政区划"
};

const struct action action_import_catalog = {
	"import.catalog", "导入补贴额一览表", R(ROLE_ADMIN),
	action_input_fields, import_run, 0, NULL, "已导入补贴额一览表"
};

const struct action action_import_budget = {
	"import.budget", "导入资金计划", R(ROLE_ADMIN),
	action_input_fields, import_run, 0, NULL, "已导入资金计划"
};

const struct action action_import_users = {
	"import.users", "导入用户", R(ROLE_ADMIN),
	action_input_fields, import_run, 0, NULL, "已导入用户"
};

const struct action action_import_holidays = {
	"import.holidays", "导入节假日", R(ROLE_ADMIN),
	action_input_fields, import_run, 0, NULL, "已导入节假日"
};

const struct action action_import_penalties = {
	"import.penalties", "导入外省违规处理决定", R(ROLE_ADMIN),
	action_input_fields, import_run, 0, NULL, "已导入外省违规处理决定"
};

static const struct ikind ikinds[] = {
	{ "regions", "行政区划", region_cols, region_row },
	{ "catalog", "补贴额一览表", catalog_cols, catalog_row },
	{ "budget", "资金计划", budget_cols, budget_row },
	{ "users", "用户", user_cols, user_row },
	{ "holidays", "节假日", holiday_cols, holiday_row },
	{ "penalties", "外省违规处理决定", penalty_cols, penalty_row },
};

/* --- the file ---------------------------------------------------------- */

/* Refuse invalid UTF-8, naming the line and column of the first bad byte. */
static int
check_utf8(struct import *imp, const char *buf, size_t len)
{
	size_t	i = 0, line = 1, col = 1, n;
	unsigned char c;

	while (i < len) {
		c = (unsigned char)buf[i];
		n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) ==
		    0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
		if (n == 0 || i + n > len || !utf8_valid(buf + i, n) ||
		    c == 0) {
			xsnprintf(imp->msg, imp->msglen, "第 %zu 行第 %zu 个字符："
			    "不是有效的 UTF-8 编码（请另存为 UTF-8）", line, col);
			return NJ_REFUSED;
		}
		if (c == '\n') {
			line++;
			col = 1;
		} else
			col++;
		i += n;
	}
	return NJ_OK;
}

/*
 * R-SEC-8.11a, R-SEC-8.11b issue 8 (11): every cell as an action's text
 * field is checked (text_check: no control character; not only spaces;
 * the column's length), before anything is stored.
 */
static int
check_cells(struct import *imp)
{
	const struct icol	*c;
	const char		*v;
	int			 e;

	for (imp->row = 1; imp->row < imp->nrows; imp->row++)
		for (c = imp->kind->cols; c->name != NULL; c++) {
			v = cell(imp, c->name);
			if ((e = text_check(v, 0)) != TEXT_OK)
				return imp_err(imp, c->name, "%s",
				    text_strerror(e));
			if (text_blank(v))
				return imp_err(imp, c->name, "不能只含空格");
			if ((int)utf8_chars(v) > c->max)
				return imp_err(imp, c->name, "不能超过 %d 个字",
				    c->max);
		}
	return NJ_OK;
}

/* Map the header to the kind's columns; refuse unknown or missing ones. */
static int
map_header(struct import *imp)
{
	const struct icol	*c;
	size_t			 i, n;
	int			 k;
	char			*h;

	for (k = 0; k < 32; k++)
		imp->colmap[k] = -1;
	if (imp->nrows == 0) {
		xsnprintf(imp->msg, imp->msglen, "文件为空");
		return NJ_REFUSED;
	}
	n = imp->rowlen[0];
	imp->ncols = (int)n;
	for (i = 0; i < n; i++) {
		h = trim(imp->cells[imp->rowstart[0] + i]);
		for (k = 0, c = imp->kind->cols; c->name != NULL; c++, k++)
			if (strcmp(c->name, h) == 0)
				break;
		/* R-SEC-8.11a: a name with control characters is not echoed */
		if (c->name == NULL && text_check(h, 0) != 0) {
			xsnprintf(imp->msg, imp->msglen, "第 1 行第 %zu 列：列名"
			    "含有控制字符", i + 1);
			return NJ_REFUSED;
		}
		if (c->name == NULL) {
			xsnprintf(imp->msg, imp->msglen, "第 1 行第 %zu 列：未知的"
			    "列名“%s”", i + 1, h);
			return NJ_REFUSED;
		}
		if (imp->colmap[k] >= 0) {
			xsnprintf(imp->msg, imp->msglen, "第 1 行第 %zu 列：列名"
			    "“%s”重复", i + 1, h);
			return NJ_REFUSED;
		}
		imp->colmap[k] = (int)i;
	}
	for (k = 0, c = imp->kind->cols; c->name != NULL; c++, k++)
		if (c->req && imp->colmap[k] < 0) {
			xsnprintf(imp->msg, imp->msglen, "第 1 行：缺少列“%s”",
			    c->name);
			return NJ_REFUSED;
		}
	return NJ_OK;
}

/*
 * Parse the file a line at a time, so that each row knows the file's line
 * it began on (blank lines and cells over several lines count).
 */
static int
parse_csv(struct import *imp, const char *buf, size_t len)
{
	struct csv_parser p;
	const char	*nl;
	size_t		 at = 0, n, k, line;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		abort();
	imp_row_grow(imp);
	for (imp->line = 1; at < len; at += n) {
		nl = memchr(buf + at, '\n', len - at);
		n = nl != NULL ? (size_t)(nl - buf - at) + 1 : len - at;
		/* a row begins on the next line that is not blank */
		for (k = 0; k < n && (buf[at + k] == '\r' || buf[at + k] == '\n');
		    k++)
			;
		if (imp->rowline[imp->nrows] == 0 && k < n)
			imp->rowline[imp->nrows] = imp->line;
		if (csv_parse(&p, buf + at, n, imp_cell_cb, imp_row_cb, imp) !=
		    n) {
			line = imp->line;
			goto bad;
		}
		if (nl != NULL)
			imp->line++;
	}
	if (csv_fini(&p, imp_cell_cb, imp_row_cb, imp) != 0) {
		line = imp->rowline[imp->nrows];	/* an open quote */
		goto bad;
	}
	csv_free(&p);
	return NJ_OK;
bad:
	xsnprintf(imp->msg, imp->msglen, "第 %zu 行：CSV 格式错误（%s）", line,
	    csv_strerror(csv_error(&p)));
	csv_free(&p);
	return NJ_REFUSED;
}

/*
 * Import buf (the text of file name) of kind as who: read and check the
 * file whole (no lock is held meanwhile), then run the kind's import.*
 * action on it through the engine, in a transaction of its own or, with
 * nested, inside the caller's (the demo loader's). Returns NJ_OK with the
 * number of rows stored, or a refusal in msg with nothing stored.
 */
static int
import_do(const struct actor *who, const char *kind, const char *name,
    const char *buf, size_t len, int year, int nested, int *rows, char *msg,
    size_t msglen)
{
	const struct action	*def;
	struct import		 imp;
	struct act		*a = NULL;
	char			 aname[32];
	size_t			 i;
	int			 rc;

	memset(&imp, 0, sizeof imp);
	imp.who = who;
	imp.year = year;
	imp.name = name;
	imp.msg = msg;
	imp.msglen = msglen;
	msg[0] = '\0';
	*rows = 0;
	for (i = 0; i < sizeof ikinds / sizeof ikinds[0]; i++)
		if (strcmp(ikinds[i].name, kind) == 0)
			imp.kind = &ikinds[i];
	if (imp.kind == NULL) {
		xsnprintf(msg, msglen, "未知的导入类型：%s（应为 regions、catalog、"
		    "budget、users、holidays 或 penalties）", kind);
		return NJ_USAGE;
	}
	/* the action's row says who may import; refused before the file is
	 * read, as the engine would refuse it after */
	xsnprintf(aname, sizeof aname, "import.%s", kind);
	if ((def = action_find(aname)) == NULL)
		abort();
	if (!action_allowed(def, who)) {
		xsnprintf(msg, msglen, "只有省级管理员可以导入%s", imp.kind->label);
		return NJ_REFUSED;
	}
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if ((rc = check_utf8(&imp, buf, len)) != NJ_OK ||
	    (rc = parse_csv(&imp, buf, len)) != NJ_OK ||
	    (rc = map_header(&imp)) != NJ_OK)
		goto out;
	for (i = 1; i < imp.nrows; i++)
		if (imp.rowlen[i] != (size_t)imp.ncols) {
			xsnprintf(msg, msglen, "第 %zu 行：有 %zu 列，表头有 %d 列",
			    imp.rowline[i], imp.rowlen[i], imp.ncols);
			rc = NJ_REFUSED;
			goto out;
		}
	if ((rc = check_cells(&imp)) != NJ_OK)
		goto out;
	if (nested)
		rc = action_nested_input(who, aname, 0, NULL, NULL, &imp, &a);
	else
		rc = action_run_input(who, aname, 0, NULL, NULL, &imp, &a);
	/* a row's refusal is in msg already; the engine's own is in a->err */
	if (rc != NJ_OK && msg[0] == '\0')
		xsnprintf(msg, msglen, "%s", a->err);
	if (rc == NJ_OK)
		*rows = (int)imp.nrows - 1;
	act_free(&a);
out:
	imp_free(&imp);
	return rc;
}

int
import_text(const struct actor *who, const char *kind, const char *name,
    const char *buf, size_t len, int year, int *rows, char *msg,
    size_t msglen)
{
	return import_do(who, kind, name, buf, len, year, 0, rows, msg,
	    msglen);
}

/* Import inside the caller's transaction (a batch of the demo loader). */
int
import_nested(const struct actor *who, const char *kind, const char *name,
    const char *buf, size_t len, int year, int *rows, char *msg,
    size_t msglen)
{
	return import_do(who, kind, name, buf, len, year, 1, rows, msg,
	    msglen);
}

/* Import a file from disk (see import_text). */
int
import_file(const struct actor *who, const char *kind, const char *path,
    int year, int *rows, char *msg, size_t msglen)
{
	FILE	*f;
	char	*buf = NULL;
	size_t	 len = 0, cap = 0, n;
	int	 rc;

	if ((f = fopen(path, "rb")) == NULL) {
		xsnprintf(msg, msglen, "无法打开文件 %s：%s", path,
		    strerror(errno));
		return NJ_REFUSED;
	}
	do {
		if (len + 65536 > cap) {
			cap = cap ? cap * 2 : 131072;
			if ((buf = realloc(buf, cap)) == NULL)
				abort();
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	if (ferror(f)) {
		xsnprintf(msg, msglen, "读取文件 %s 出错", path);
		rc = NJ_REFUSED;
	} else
		rc = import_text(who, kind, path, buf, len, year, rows, msg,
		    msglen);
	fclose(f);
	free(buf);
	return rc;
}
