/*
 * action-buyer-rec.c: a buyer's record as a clerk may change it (issue 8
 * item 1, R-SEC-8.1): the changeable fields in one table, the record read
 * for comparison (buyer_find), a change written with its history, masked,
 * and the version moved on (buyer_change, used by buyer.update), and what
 * an application or a claim for a known buyer may do with what the clerk
 * typed (buyer_keep: fill in what is empty on record in the buyer's own
 * area, refuse any other difference, change nothing).
 */
#include <stddef.h>
#include <string.h>

#include "actions.h"

/*
 * What a clerk may change on a buyer's record (R-SEC-8.1 issue 8 (1)):
 * the action's field, its label, how it is stored and compared, its
 * statement, where the record's plain value sits, where an application's
 * value sits (struct buyer_in), and whether an application carries its
 * own value (the township: a different one is not the buyer's change).
 */
enum bf_kind { BF_PLAIN, BF_PHONE, BF_ACCOUNT };
static const struct bfield {
	const char	*name;
	const char	*label;
	enum bf_kind	 kind;
	enum sql	 set;
	size_t		 off;
	size_t		 in;
	int		 app_own;
} bfields[] = {
	{ "township", "乡镇", BF_PLAIN, SQL_BUYER_SET_TOWNSHIP,
	    offsetof(struct buyer_rec, township),
	    offsetof(struct buyer_in, township), 1 },
	{ "village", "村组", BF_PLAIN, SQL_BUYER_SET_VILLAGE,
	    offsetof(struct buyer_rec, village),
	    offsetof(struct buyer_in, village), 0 },
	{ "address", "住址", BF_PLAIN, SQL_BUYER_SET_ADDRESS,
	    offsetof(struct buyer_rec, address),
	    offsetof(struct buyer_in, address), 0 },
	{ "phone", "联系电话", BF_PHONE, SQL_BUYER_SET_PHONE,
	    offsetof(struct buyer_rec, phone),
	    offsetof(struct buyer_in, phone), 0 },
	{ "bank_name", "开户行", BF_PLAIN, SQL_BUYER_SET_BANK,
	    offsetof(struct buyer_rec, bank_name),
	    offsetof(struct buyer_in, bank_name), 0 },
	{ "bank_account", "账号", BF_ACCOUNT, SQL_BUYER_SET_ACCOUNT, 0,
	    offsetof(struct buyer_in, account), 0 },
	{ "legal_rep", "法定代表人", BF_PLAIN, SQL_BUYER_SET_REP,
	    offsetof(struct buyer_rec, legal_rep),
	    offsetof(struct buyer_in, legal_rep), 0 },
};
#define NBFIELDS (sizeof bfields / sizeof bfields[0])

static const char *
bf_text(const struct buyer_rec *r, size_t i)
{
	return (const char *)r + bfields[i].off;
}

/*
 * The buyer with this (normalised) ID number or credit code into r.
 * Returns 1 found, 0 not, NJ_ERROR (reported) on a database error.
 */
int
buyer_find(struct act *a, const char *idno, struct buyer_rec *r)
{
	sqlite3_stmt	*st;
	unsigned char	 h[CRYPT_HASH_LEN];
	int		 rc, ok = 0;

	memset(r, 0, sizeof *r);
	crypt_hash("idno", idno, h);
	st = sql_query(SQL_BUYER_REC, SQL_BLOB(h, sizeof h));
	if ((rc = sql_step(st)) == 1) {
		r->id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, r->name, sizeof r->name);
		sql_col_copy(st, 2, r->kind, sizeof r->kind);
		sql_col_copy(st, 3, r->banned, sizeof r->banned);
		r->service_org = sqlite3_column_int(st, 4);
		sql_col_copy(st, 5, r->township, sizeof r->township);
		sql_col_copy(st, 6, r->village, sizeof r->village);
		sql_col_copy(st, 7, r->address, sizeof r->address);
		if (sqlite3_column_type(st, 8) != SQLITE_NULL) {
			r->has_phone = 1;
			if (crypt_open(sqlite3_column_blob(st, 8),
			    (size_t)sqlite3_column_bytes(st, 8), "buyers.phone",
			    r->id, r->phone, sizeof r->phone) != 0)
				ok = -1;
		}
		sql_col_copy(st, 9, r->bank_name, sizeof r->bank_name);
		if (sqlite3_column_bytes(st, 10) == CRYPT_HASH_LEN) {
			r->has_account = 1;
			memcpy(r->account_hash, sqlite3_column_blob(st, 10),
			    CRYPT_HASH_LEN);
		}
		sql_col_copy(st, 11, r->legal_rep, sizeof r->legal_rep);
		r->version = sqlite3_column_int64(st, 12);
		sql_col_copy(st, 13, r->phone_last4, sizeof r->phone_last4);
		sql_col_copy(st, 14, r->account_last4, sizeof r->account_last4);
	}
	sqlite3_reset(st);
	if (rc < 0 || ok < 0)
		return act_fail(a, "查询购机者");
	return rc;
}

/* Is field i empty on the record? Does the record hold value v? */
static int
bf_empty(const struct buyer_rec *r, size_t i)
{
	switch (bfields[i].kind) {
	case BF_PHONE:
		return !r->has_phone;
	case BF_ACCOUNT:
		return !r->has_account;
	default:
		return bf_text(r, i)[0] == '\0';
	}
}

static int
bf_same(const struct buyer_rec *r, size_t i, const char *v)
{
	unsigned char h[CRYPT_HASH_LEN];

	if (bfields[i].kind == BF_ACCOUNT) {
		if (!r->has_account)
			return 0;
		crypt_hash("account", v, h);
		return memcmp(h, r->account_hash, sizeof h) == 0;
	}
	if (bfields[i].kind == BF_PHONE && !r->has_phone)
		return 0;
	return strcmp(bf_text(r, i), v) == 0;
}

/* The record's value of field i as it may be shown: private ones masked. */
static void
bf_old_masked(const struct buyer_rec *r, size_t i, char *buf, size_t len)
{
	if (bf_empty(r, i))
		strlcpy0(buf, "（空）", len);
	else if (bfields[i].kind == BF_PHONE)
		xsnprintf(buf, len, "***%s", r->phone_last4);
	else if (bfields[i].kind == BF_ACCOUNT)
		xsnprintf(buf, len, "***%s", r->account_last4);
	else
		strlcpy0(buf, bf_text(r, i), len);
}

static void
bf_new_masked(size_t i, const char *v, char *buf, size_t len)
{
	char last4[32];

	if (bfields[i].kind == BF_PLAIN) {
		strlcpy0(buf, v, len);
		return;
	}
	text_last4(v, last4, sizeof last4);
	xsnprintf(buf, len, "***%s", last4);
}

/* Store value v of field i on buyer r, sealing the private ones. */
static int
bf_write(struct act *a, const struct buyer_rec *r, size_t i, const char *v)
{
	struct sealed	s;
	int		rc;

	switch (bfields[i].kind) {
	case BF_PHONE:
		sealed_make(&s, "buyers.phone", r->id, "phone", v);
		rc = sql_exec(bfields[i].set, SQL_BLOB(s.blob, s.len), s.last4,
		    r->id);
		sealed_free(&s);
		break;
	case BF_ACCOUNT:
		sealed_make(&s, "buyers.account", r->id, "account", v);
		rc = sql_exec(bfields[i].set, SQL_BLOB(s.blob, s.len),
		    SQL_BLOB(s.hash, CRYPT_HASH_LEN), s.last4, r->id);
		sealed_free(&s);
		break;
	default:
		rc = sql_exec(bfields[i].set, v, r->id);
		break;
	}
	return rc == 0 ? NJ_OK : act_fail(a, "保存购机者");
}

/*
 * R-SEC-8.1 issue 8 (1): change the buyer's record: every value of want
 * (indexed as bfields, NULL: unchanged) that differs is written, with a
 * row in buyer_changes (masked old and new) and a note for the audit row;
 * the version moves on only from the one read (r->version), so that the
 * second of two clerks changing one buyer is refused. *changed gets a
 * mask of the bfields written (bit i: row i). A change of nothing writes nothing.
 */
int
buyer_change(struct act *a, const struct buyer_rec *r,
    const char *const *want, const char *reason, unsigned *changed)
{
	char	at[32], o[200], n[200], note[300];
	size_t	i, used = strlen(a->audit_note);
	int	rc;

	*changed = 0;
	clock_stamp(a->now, at, sizeof at);
	for (i = 0; i < NBFIELDS; i++) {
		if (want[i] == NULL || bf_same(r, i, want[i]))
			continue;
		bf_old_masked(r, i, o, sizeof o);
		bf_new_masked(i, want[i], n, sizeof n);
		if ((rc = bf_write(a, r, i, want[i])) != NJ_OK)
			return rc;
		if (sql_exec(SQL_BUYER_CHANGE_INSERT, r->id, at,
		    a->who->login, bfields[i].name, o, n, reason,
		    r->version + 1) != 0)
			return act_fail(a, "保存修改记录");
		xsnprintf(note, sizeof note, "%s%s: %s -> %s", used ? "; " :
		    "changed ", bfields[i].name, o, n);
		strlcpy0(a->audit_note + used, note, sizeof a->audit_note -
		    used);
		used = strlen(a->audit_note);
		*changed |= 1u << i;
	}
	if (*changed == 0)
		return NJ_OK;
	if (sql_exec(SQL_BUYER_BUMP, r->id, r->version) != 0)
		return act_fail(a, "保存购机者");
	if (store_changes() != 1)
		return act_refuse(a, "version", "%s", BUYER_STALE);
	return NJ_OK;
}

/* The index of field name in the buyer's changeable fields (or -1). */
int
buyer_field(const char *name)
{
	size_t i;

	for (i = 0; i < NBFIELDS; i++)
		if (strcmp(bfields[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* Did a change (buyer_change's mask) touch the bank or the account? */
int
buyer_account_changed(unsigned changed)
{
	size_t i;

	for (i = 0; i < NBFIELDS; i++)
		if ((changed & (1u << i)) && (strcmp(bfields[i].name,
		    "bank_name") == 0 || bfields[i].kind == BF_ACCOUNT))
			return 1;
	return 0;
}

/*
 * An application (or claim) for a known buyer never changes the buyer
 * (R-SEC-8.1a issue 8 (1)). A value typed that the record holds already
 * is fine; a value for a field empty on record is filled in when the
 * buyer is of this clerk's county (or township), or has no township yet
 * (a buyer a dealer registered); the township the application carries is
 * its own, so a different one is not written. Any other difference is
 * refused with the way to change it (buyer.update, in the buyer's own
 * county): nothing typed is lost silently.
 */
int
buyer_keep(struct act *a, const struct buyer_in *in,
    const struct buyer_rec *r)
{
	const char	*want[NBFIELDS], *typed;
	char		 msg[NJ_MSG_MAX];
	unsigned	 changed;
	size_t		 i;
	int		 mine;

	mine = r->township[0] == '\0' || scope_has(a, a->who,
	    r->township) == 1;
	for (i = 0; i < NBFIELDS; i++) {
		want[i] = NULL;
		typed = *(const char *const *)((const char *)in +
		    bfields[i].in);
		if (typed == NULL || bf_same(r, i, typed))
			continue;
		if (bf_empty(r, i) && mine)
			want[i] = typed;
		else if (!bfields[i].app_own) {
			xsnprintf(msg, sizeof msg, "所填%s与购机者登记的不同：本申请"
			    "不能修改购机者信息，如需修改，请由购机者所在县（乡镇）"
			    "使用“修改购机者信息”办理", bfields[i].label);
			return lookup_miss(a, bfields[i].name, msg);
		}
	}
	return buyer_change(a, r, want, a->def->title, &changed);
}
