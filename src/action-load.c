/*
 * action-load.c: one row loader per record kind. A kind's columns are a
 * table (the column's name as SQLite reports it, its type, where it goes
 * in the row struct) that load_row() walks; the statements that load the
 * kind select one shared column list (REGION_ROW_COLS, SALE_ROW_COLS ...
 * in store-sql*.def), and load_uses[] names every such statement so that
 * test-action-load can check, statement by statement, that the columns
 * SQLite reports are the ones the table expects, in the same order.
 */
#include <stddef.h>
#include <string.h>

#include "actions.h"

#define L_I64(s, name, f)	{ name, LD_I64, offsetof(struct s, f), 0 }
#define L_INT(s, name, f)	{ name, LD_INT, offsetof(struct s, f), 0 }
#define L_ROLE(s, name, f)	{ name, LD_ROLE, offsetof(struct s, f), 0 }
#define L_TEXT(s, name, f)	{ name, LD_TEXT, offsetof(struct s, f), \
	sizeof(((struct s *)0)->f) }
#define L_BLOB(s, name, f)	{ name, LD_BLOB, offsetof(struct s, f), \
	sizeof(((struct s *)0)->f) }
#define L_KIND(name, cols) \
	{ name, cols, sizeof cols / sizeof cols[0] }

static const struct load_col region_cols[] = {	/* REGION_ROW_COLS */
	L_TEXT(region_row, "code", code),
	L_TEXT(region_row, "name", name),
	L_TEXT(region_row, "level", level),
	L_TEXT(region_row, "parent", parent),
};

static const struct load_col org_cols[] = {	/* ORG_ROW_COLS */
	L_I64(org_row, "id", id),
	L_TEXT(org_row, "name", name),
	L_TEXT(org_row, "uscc", uscc),
	L_TEXT(org_row, "status", status),
};

static const struct load_col tier_cols[] = {	/* TIER_ROW_COLS */
	L_I64(tier_row, "id", id),
	L_INT(tier_row, "year", year),
	L_TEXT(tier_row, "item_code", item),
	L_TEXT(tier_row, "code", code),
	L_TEXT(tier_row, "name", name),
	L_I64(tier_row, "central", central),
	L_I64(tier_row, "provincial", provincial),
	L_I64(tier_row, "city", city),
	L_I64(tier_row, "county", county),
	L_I64(tier_row, "cap", cap),
	L_INT(tier_row, "is_key", is_key),
	L_INT(tier_row, "licensed", licensed),
	L_INT(tier_row, "open_ended", open_ended),
};

static const struct load_col product_cols[] = {	/* PRODUCT_ROW_COLS */
	L_I64(product_row, "id", id),
	L_I64(product_row, "maker_id", maker_id),
	L_I64(product_row, "tier_id", tier_id),
	L_TEXT(product_row, "model", model),
	L_TEXT(product_row, "name", name),
	L_I64(product_row, "subsidy", subsidy),
	L_INT(product_row, "powered", powered),
	L_TEXT(product_row, "status", status),
};

static const struct load_col user_cols[] = {	/* USER_ROW_COLS */
	L_I64(user_row, "id", id),
	L_TEXT(user_row, "login", login),
	L_TEXT(user_row, "name", name),
	L_ROLE(user_row, "role", role),
	L_TEXT(user_row, "region", region),
	L_INT(user_row, "locked", locked),
};

static const struct load_col batch_cols[] = {	/* BATCH_ROW_COLS */
	L_I64(batch_row, "id", id),
	L_TEXT(batch_row, "no", no),
	L_TEXT(batch_row, "county", county),
	L_INT(batch_row, "year", year),
	L_TEXT(batch_row, "month", month),
	L_INT(batch_row, "seq", seq),
	L_TEXT(batch_row, "state", state),
	L_TEXT(batch_row, "pub_from", pub_from),
	L_TEXT(batch_row, "pub_to", pub_to),
	L_TEXT(batch_row, "created", created),
	L_TEXT(batch_row, "approved", approved),
};

static const struct load_col sale_cols[] = {	/* SALE_ROW_COLS */
	L_I64(sale_row, "id", id),
	L_INT(sale_row, "year", year),
	L_TEXT(sale_row, "county", county),
	L_I64(sale_row, "dealer_id", dealer),
	L_I64(sale_row, "machine_id", machine),
	L_I64(sale_row, "buyer_id", buyer),
	L_I64(sale_row, "app_id", app),
	L_I64(sale_row, "line_id", line),
	L_I64(sale_row, "notice_id", notice),
	L_I64(sale_row, "tier_id", tier),
	L_I64(sale_row, "price", price),
	L_TEXT(sale_row, "sold_on", sold_on),
	L_I64(sale_row, "central", central),
	L_I64(sale_row, "provincial", provincial),
	L_I64(sale_row, "city", city),
	L_I64(sale_row, "county_part", county_part),
	L_I64(sale_row, "subsidy", subsidy),
	L_INT(sale_row, "is_key", is_key),
	L_INT(sale_row, "licensed", licensed),
	L_TEXT(sale_row, "state", state),
	L_TEXT(sale_row, "licence_no", licence),
	L_TEXT(sale_row, "entered_at", entered),
	L_BLOB(sale_row, "idno_hash", idno_hash),
	L_TEXT(sale_row, "township", township),
	L_I64(sale_row, "entered_by", entered_by),
};

static const struct load_col buyer_cols[] = {	/* BUYER_ROW_COLS */
	L_I64(buyer_row, "id", id),
	L_TEXT(buyer_row, "name", name),
	L_TEXT(buyer_row, "kind", kind),
	L_TEXT(buyer_row, "banned_until", banned),
	L_INT(buyer_row, "service_org", service_org),
	L_TEXT(buyer_row, "township", township),
};

static const struct load_col app_cols[] = {	/* APP_ROW_COLS */
	L_I64(app_row, "id", id),
	L_TEXT(app_row, "no", no),
	L_INT(app_row, "year", year),
	L_TEXT(app_row, "flow", flow),
	L_TEXT(app_row, "county", county),
	L_TEXT(app_row, "township", township),
	L_I64(app_row, "buyer_id", buyer),
	L_TEXT(app_row, "state", state),
	L_I64(app_row, "entered_by", entered_by),
	L_I64(app_row, "submitted_by", submitted_by),
};

static const struct load_col notice_cols[] = {	/* NOTICE_ROW_COLS */
	L_I64(notice_row, "id", id),
	L_I64(notice_row, "app_id", app),
	L_TEXT(notice_row, "state", state),
	L_TEXT(notice_row, "valid_from", valid_from),
	L_TEXT(notice_row, "valid_to", valid_to),
	L_TEXT(notice_row, "county", county),
	L_I64(notice_row, "buyer_id", buyer),
	L_INT(notice_row, "year", year),
	L_BLOB(notice_row, "idno_hash", idno_hash),
	L_TEXT(notice_row, "township", township),
};

const struct load_kind load_kinds[LOAD__COUNT] = {
	[LOAD_REGION] =		L_KIND("region", region_cols),
	[LOAD_ORG] =		L_KIND("org", org_cols),
	[LOAD_TIER] =		L_KIND("tier", tier_cols),
	[LOAD_PRODUCT] =	L_KIND("product", product_cols),
	[LOAD_USER] =		L_KIND("user", user_cols),
	[LOAD_BATCH] =		L_KIND("batch", batch_cols),
	[LOAD_SALE] =		L_KIND("sale", sale_cols),
	[LOAD_BUYER] =		L_KIND("buyer", buyer_cols),
	[LOAD_APP] =		L_KIND("application", app_cols),
	[LOAD_NOTICE] =		L_KIND("notice", notice_cols),
};

/* Every statement a loader reads, and the kind it loads. */
const struct load_use load_uses[] = {
	{ SQL_REGION_GET,	LOAD_REGION },
	{ SQL_MAKER_BY_USCC,	LOAD_ORG },
	{ SQL_MAKER_BY_ID,	LOAD_ORG },
	{ SQL_DEALER_BY_USCC,	LOAD_ORG },
	{ SQL_DEALER_BY_ID,	LOAD_ORG },
	{ SQL_TIER_GET,		LOAD_TIER },
	{ SQL_TIER_BY_ID,	LOAD_TIER },
	{ SQL_PRODUCT_BY_MODEL,	LOAD_PRODUCT },
	{ SQL_USER_BY_LOGIN,	LOAD_USER },
	{ SQL_BATCH_BY_NO,	LOAD_BATCH },
	{ SQL_SALE_GET,		LOAD_SALE },
	{ SQL_BUYER_BY_HASH,	LOAD_BUYER },
	{ SQL_BUYER_BY_ID,	LOAD_BUYER },
	{ SQL_APP_BY_NO,	LOAD_APP },
	{ SQL_NOTICE_BY_NO,	LOAD_NOTICE },
};
const size_t load_nuses = sizeof load_uses / sizeof load_uses[0];

/*
 * Fill row from the current row of st, column by column as kind's table
 * says: integers as they are, texts copied ("" for NULL), a blob copied
 * into its fixed size (zeros past its end), a role parsed.
 */
void
load_row(sqlite3_stmt *st, enum load_kind_id kind, void *row)
{
	const struct load_kind	*k = &load_kinds[kind];
	const struct load_col	*c;
	unsigned char		*at;
	const void		*b;
	size_t			 i, n;

	for (i = 0; i < k->ncols; i++) {
		c = &k->cols[i];
		at = (unsigned char *)row + c->off;
		switch (c->type) {
		case LD_I64:
			*(int64_t *)(void *)at =
			    sqlite3_column_int64(st, (int)i);
			break;
		case LD_INT:
			*(int *)(void *)at = sqlite3_column_int(st, (int)i);
			break;
		case LD_ROLE:
			*(int *)(void *)at = role_parse(sql_col(st, (int)i));
			break;
		case LD_TEXT:
			sql_col_copy(st, (int)i, (char *)at, c->size);
			break;
		case LD_BLOB:
			b = sqlite3_column_blob(st, (int)i);
			n = (size_t)sqlite3_column_bytes(st, (int)i);
			memset(at, 0, c->size);
			if (b != NULL)
				memcpy(at, b, n < c->size ? n : c->size);
			break;
		}
	}
}

void
load_region(sqlite3_stmt *st, struct region_row *r)
{
	load_row(st, LOAD_REGION, r);
}

void
load_org(sqlite3_stmt *st, struct org_row *o)
{
	load_row(st, LOAD_ORG, o);
}

void
load_tier(sqlite3_stmt *st, struct tier_row *t)
{
	load_row(st, LOAD_TIER, t);
}

void
load_product(sqlite3_stmt *st, struct product_row *p)
{
	load_row(st, LOAD_PRODUCT, p);
}

void
load_user(sqlite3_stmt *st, struct user_row *u)
{
	load_row(st, LOAD_USER, u);
}

void
load_batch(sqlite3_stmt *st, struct batch_row *b)
{
	load_row(st, LOAD_BATCH, b);
}

void
load_sale(sqlite3_stmt *st, struct sale_row *s)
{
	load_row(st, LOAD_SALE, s);
}

void
load_buyer(sqlite3_stmt *st, struct buyer_row *b)
{
	load_row(st, LOAD_BUYER, b);
}

void
load_app(sqlite3_stmt *st, struct app_row *r)
{
	load_row(st, LOAD_APP, r);
}

void
load_notice(sqlite3_stmt *st, struct notice_row *n)
{
	load_row(st, LOAD_NOTICE, n);
}
