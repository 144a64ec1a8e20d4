/*
 * helpers.h: small helpers the action tests share (included by fixture.h):
 * "k=v" arguments, moving the clock, SQL the test controls, and valid
 * resident ID numbers (GB 11643), credit codes (GB 32100) and bank cards
 * (Luhn) made on demand. Each is marked unused: not every test program
 * needs all of them.
 */
#ifndef NJBT_TEST_HELPERS_H
#define NJBT_TEST_HELPERS_H

#define FX_UNUSED	__attribute__((unused))

/* "k=v" in one of a ring of buffers, for the argument lists of fx_do. */
static FX_UNUSED const char *
kv(const char *k, const char *v)
{
	static char	buf[32][1100];
	static int	n;
	char		*b = buf[n++ % 32];

	snprintf(b, 1100, "%s=%s", k, v);
	return b;
}

/* "k=N" likewise. */
static FX_UNUSED const char *
kvi(const char *k, long long v)
{
	char n[32];

	snprintf(n, sizeof n, "%lld", v);
	return kv(k, n);
}

static FX_UNUSED void
now(const char *t)
{
	setenv("NJBT_NOW", t, 1);
}

/*
 * SQL the test controls stands for what no action does (yet): a maker
 * suspended, a sale marked paid, a batch undone. The state table's guards
 * (db.c's TEMP triggers) are lifted for it and put back after.
 */
static FX_UNUSED void
q_unguard(void)
{
	const struct state_kind	*k;
	char			 sql[128];

	for (k = state_kinds; k->kind != NULL; k++) {
		snprintf(sql, sizeof sql, "DROP TRIGGER IF EXISTS "
		    "temp.state_%s", k->table);
		if (sqlite3_exec(store->db, sql, NULL, NULL, NULL) !=
		    SQLITE_OK)
			fail();
	}
}

static FX_UNUSED void
q_reguard(void)
{
	char err[NJ_MSG_MAX];

	if (db_state_guard(err, sizeof err) != 0) {
		fprintf(stderr, "q_reguard: %s\n", err);
		fail();
	}
}

/* Run SQL the test controls. */
static FX_UNUSED void
q_exec(const char *sql)
{
	char	*err = NULL;
	int	 rc;

	q_unguard();
	rc = sqlite3_exec(store->db, sql, NULL, NULL, &err);
	q_reguard();
	if (rc != SQLITE_OK) {
		fprintf(stderr, "q_exec: %s: %s\n", sql, err);
		sqlite3_free(err);
		fail();
	}
}

/* Run SQL the test controls with ?1, ?2... bound to the texts after it
 * (NULL-terminated). */
static FX_UNUSED void
q_run(const char *sql, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;
	int		 rc;

	q_unguard();
	va_start(ap, sql);
	st = fx_stmt(sql, ap);
	va_end(ap);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	q_reguard();
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "q_run: %s: %s\n", sql,
		    sqlite3_errmsg(store->db));
		fail();
	}
}

/* The first column of a query's first row as text ("" if none). */
static FX_UNUSED void
q_text(char *buf, size_t len, const char *sql, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;

	buf[0] = '\0';
	va_start(ap, sql);
	st = fx_stmt(sql, ap);
	va_end(ap);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, len, "%s", (const char *)sqlite3_column_text(st,
		    0));
	sqlite3_finalize(st);
}

/* A valid resident ID number (GB 11643): region, birth day, sequence. */
static FX_UNUSED void
make_id(char *out, const char *region, const char *birth, unsigned seq)
{
	static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5,
	    8, 4, 2 };
	int	i, sum = 0, c;

	snprintf(out, 19, "%.6s%.8s%03u", region, birth, seq % 1000);
	for (i = 0; i < 17; i++)
		sum += (out[i] - '0') * w[i];
	c = (12 - sum % 11) % 11;
	out[17] = c == 10 ? 'X' : (char)('0' + c);
	out[18] = '\0';
	assert_int_equal(idcard_check(out, 0, NULL, 0), IDCARD_OK);
}

/* A valid credit code (GB 32100): kind "91" firm, "93" cooperative. */
static FX_UNUSED void
make_uscc(char *out, const char *kind, const char *region, unsigned seq)
{
	static const char	cs[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int	ow[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
	static const int	uw[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20,
	    29, 25, 13, 8, 24, 10, 30, 28 };
	char			body[16], check;
	int			i, sum = 0, c;

	snprintf(body, sizeof body, "%08u", seq % 100000000u);
	for (i = 0; i < 8; i++)
		sum += (body[i] - '0') * ow[i];
	c = 11 - sum % 11;
	check = c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
	snprintf(out, 19, "%.2s%.6s%.8s%c", kind, region, body, check);
	for (sum = 0, i = 0; i < 17; i++)
		sum += (int)(strchr(cs, out[i]) - cs) * uw[i];
	out[17] = cs[(31 - sum % 31) % 31];
	out[18] = '\0';
	assert_int_equal(uscc_check(out, NULL, 0), USCC_OK);
}

/* A bank card number of 19 digits from an 18-digit body, Luhn digit last. */
static FX_UNUSED void
make_card(char *out, const char *body18)
{
	int	i, d, sum = 0;

	snprintf(out, 20, "%.18s0", body18);
	for (i = 17; i >= 0; i--) {
		d = out[i] - '0';
		if ((17 - i) % 2 == 0 && (d *= 2) > 9)
			d -= 9;
		sum += d;
	}
	out[18] = (char)('0' + (10 - sum % 10) % 10);
	assert_int_equal(luhn_valid(out), 1);
}

/*
 * A dealer registered through the register login, pending until a maker
 * picks it (贺兰县新农农机有限公司, 李四, password dealer-pass), with a
 * fresh credit code in uscc.
 */
static FX_UNUSED void
fx_new_dealer(const char *login, char *uscc, unsigned seq)
{
	char u[32], l[64];

	make_uscc(uscc, "91", "640122", seq);
	snprintf(u, sizeof u, "uscc=%s", uscc);
	snprintf(l, sizeof l, "login=%s", login);
	fx_ok("register", "dealer.register", "name=贺兰县新农农机有限公司", u,
	    "legal_rep=李四", "address=贺兰县习岗镇", "phone=13895012345", l,
	    "password=dealer-pass", NULL);
}

/*
 * Issue 13 item 1: the admin reviews the filed model (pass), publicises
 * it over the 20 days before today and publishes it, so that it may be
 * supplied and sold (a filing needs a certificate valid today to pass).
 */
static FX_UNUSED void
fx_publish(const char *model)
{
	char	from[32], to[32], day[16];
	int	today = clock_today();

	fx_ok("admin", "product.review", kv("model", model), "result=pass",
	    NULL);
	date_format(today - 20, day, sizeof day);
	snprintf(from, sizeof from, "from=%s", day);
	date_format(today - 1, day, sizeof day);
	snprintf(to, sizeof to, "to=%s", day);
	fx_ok("admin", "filing.publicize", from, to, NULL);
	fx_ok("admin", "filing.publish", kv("publicity", fx_key), NULL);
}

/*
 * An approved application of a person in 640122 (entered and submitted by
 * xg_zhen, approved by hl_sh); its notice number into notice.
 */
static FX_UNUSED void
fx_notice_for(char *notice, const char *id, const char *name, const char *item,
    const char *tier, const char *qty)
{
	char no[NJ_KEY_MAX];

	/* R-SEC-8.1c issue 8 (1): no pass without the buyer's account */
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    kv("buyer_name", name), kv("id_no", id), "township=640122100",
	    kv("item", item), kv("tier", tier), kv("qty", qty),
	    "bank_name=黄河农村商业银行", "bank_account=6228480402564890018",
	    NULL);
	snprintf(no, sizeof no, "%s", fx_key);
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	snprintf(notice, NJ_KEY_MAX, "%s", fx_key);
}

/*
 * The whole text of file rel, a path from the unit tests' folder (found
 * from __FILE__: the tests run from the project's root), in memory the
 * caller frees.
 */
static FX_UNUSED char *
fx_slurp(const char *rel)
{
	char		 path[512], *text;
	const char	*slash = strrchr(__FILE__, '/');
	FILE		*f;
	long		 n;

	snprintf(path, sizeof path, "%.*s/%s", slash != NULL ?
	    (int)(slash - __FILE__) : 1, slash != NULL ? __FILE__ : ".", rel);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	text = calloc(1, (size_t)n + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return text;
}

#endif
