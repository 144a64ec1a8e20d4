/*
 * test-store.c: attacks on the store by someone with the database file but
 * not the key (issue 8 items 4 and 5), at the store's own level: a sealed
 * value moved to another row, security columns changed by a connection
 * without njbt's triggers, an anchor moved back, and the upgrade of a
 * database sealed the old way (column-only associated data) to version 5.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

/* An outside connection: the sqlite3 shell has no key and no triggers. */
static void
outside(const char *sql)
{
	sqlite3	*db;
	char	*emsg = NULL;

	assert_int_equal(sqlite3_open(fx_path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	if (sqlite3_exec(db, sql, NULL, NULL, &emsg) != SQLITE_OK)
		fail_msg("%s: %s", sql, emsg);
	sqlite3_close(db);
}

static int
mac_bad(char *detail, size_t len)
{
	return mac_verify(detail, len);
}

/* R-SEC-8.5a issue 8 (5): a sealed value opens only in its own row. */
static void
sealed_value_bound_to_row(void **state)
{
	struct sealed	s;
	char		out[64];

	(void)state;
	sealed_make(&s, "buyers.account", 3, "account", "6228480402564890018");
	assert_int_equal(crypt_open(s.blob, s.len, "buyers.account", 3, out,
	    sizeof out), 0);
	assert_string_equal(out, "6228480402564890018");
	assert_int_equal(crypt_open(s.blob, s.len, "buyers.account", 4, out,
	    sizeof out), -1);
	assert_int_equal(crypt_open(s.blob, s.len, "buyers.phone", 3, out,
	    sizeof out), -1);
	/* nor under the old, column-only associated data */
	assert_int_equal(crypt_open_ad(s.blob, s.len, "buyers.account", out,
	    sizeof out), -1);
	sealed_free(&s);
}

/* Two buyers through the real action; one's account copied to the other. */
static void
copied_account_fails_to_open_and_check_names_it(void **state)
{
	char	detail[NJ_MSG_MAX];
	int64_t	b1, b2;

	(void)state;
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=张三", "id_no=640122198001011238",
	    "township=640122100", "item=1.1.3", "tier=03", "qty=1",
	    "bank_name=黄河银行", "bank_account=6228480402564890018", NULL);
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=李四", "id_no=640122198002021235",
	    "township=640122100", "item=1.1.3", "tier=03", "qty=1",
	    "bank_name=黄河银行", "bank_account=6228480402564890026", NULL);
	b1 = fx_int("SELECT id FROM buyers WHERE name = '张三'", NULL);
	b2 = fx_int("SELECT id FROM buyers WHERE name = '李四'", NULL);
	assert_true(b1 > 0 && b2 > 0 && b1 != b2);
	assert_int_equal(sealed_verify(detail, sizeof detail), 0);
	assert_int_equal(mac_bad(detail, sizeof detail), 0);
	outside("UPDATE buyers SET account_enc = (SELECT account_enc FROM "
	    "buyers WHERE name = '张三') WHERE name = '李四'");
	assert_int_equal(sealed_verify(detail, sizeof detail), 1);
	assert_non_null(strstr(detail, "购机者 id="));
}

/* R-SEC-8.5b issue 8 (5): roles, amounts, states changed outside njbt. */
static void
outside_changes_break_the_mac(void **state)
{
	char	detail[NJ_MSG_MAX], want[64];
	int64_t	u;

	(void)state;
	assert_int_equal(mac_bad(detail, sizeof detail), 0);
	/* through njbt's own connection, the triggers keep the MACs */
	fx_int("UPDATE users SET max_sessions = 3 WHERE login = 'xg_zhen'",
	    NULL);
	assert_int_equal(mac_bad(detail, sizeof detail), 0);
	u = fx_int("SELECT id FROM users WHERE login = 'xg_zhen'", NULL);
	outside("UPDATE users SET role = 'admin', region = NULL "
	    "WHERE login = 'xg_zhen'");
	assert_int_equal(mac_bad(detail, sizeof detail), 1);
	snprintf(want, sizeof want, "用户表 id=%lld 的安全字段被篡改",
	    (long long)u);
	assert_non_null(strstr(detail, want));
	/* put back by hand, the same values: the MAC fits again */
	outside("UPDATE users SET role = 'township', region = '640122100' "
	    "WHERE login = 'xg_zhen'");
	/* (004's trigger moved the epoch with each change: back too) */
	outside("UPDATE users SET auth_epoch = auth_epoch - 2 "
	    "WHERE login = 'xg_zhen'");
	assert_int_equal(mac_bad(detail, sizeof detail), 0);
	outside("UPDATE budgets SET paid_central = paid_central + 1 "
	    "WHERE region = (SELECT min(region) FROM budgets)");
	assert_int_equal(mac_bad(detail, sizeof detail), 1);
	assert_non_null(strstr(detail, "资金计划表"));
}

static void
outside_delete_and_insert_are_seen(void **state)
{
	char detail[NJ_MSG_MAX];

	(void)state;
	outside("DELETE FROM topups WHERE id = (SELECT max(id) FROM topups)");
	assert_int_equal(mac_bad(detail, sizeof detail), 1);
	assert_non_null(strstr(detail, "累加补贴表有 1 行在 njbt 之外被删除"));
	/* a row in its place takes the orphan MAC: it does not fit */
	outside("INSERT INTO topups(year, kind, item_code, bp) "
	    "VALUES (2014, 'item', '1.1.3', 9000)");
	assert_int_equal(mac_bad(detail, sizeof detail), 1);
	assert_non_null(strstr(detail, "被篡改"));
	outside("INSERT INTO topups(id, year, kind, item_code, bp) "
	    "VALUES (9999, 2014, 'item', '1.1.3', 9000)");
	assert_int_equal(mac_bad(detail, sizeof detail), 1);
	assert_non_null(strstr(detail, "（共 2 处）"));
	assert_non_null(strstr(detail, "累加补贴表 id=9999 的安全字段没有校验值"));
}

/* R-SEC-8.4 issue 8 (4): the anchor follows commits, never goes back. */
static void
anchor_moves_forward_only(void **state)
{
	struct anchor	 a, now;
	struct actor	 who;
	char		 apath[400], err[NJ_MSG_MAX];
	uint64_t	 h;

	(void)state;
	snprintf(apath, sizeof apath, "%s.anchor", fx_path);
	assert_int_equal(anchor_read(apath, &a, err, sizeof err), 0);
	assert_true(a.head > 0);
	assert_int_equal(anchor_verify(err, sizeof err), 0);

	/* a rolled-back append leaves the anchor (and all) where it was */
	h = fx_snapshot();
	memset(&who, 0, sizeof who);
	strlcpy0(who.login, "xg_zhen", sizeof who.login);
	strlcpy0(who.from, "test", sizeof who.from);
	assert_int_equal(store_begin(), 0);
	assert_int_equal(audit_write(&who, "test.rollback", "", ""), 0);
	store_rollback();
	assert_true(fx_snapshot() == h);
	assert_int_equal(anchor_read(apath, &now, err, sizeof err), 0);
	assert_int_equal(now.head, a.head);

	/* a committed one moves it to the new head */
	assert_int_equal(store_begin(), 0);
	assert_int_equal(audit_write(&who, "test.commit", "", ""), 0);
	assert_int_equal(store_commit(), 0);
	assert_int_equal(anchor_read(apath, &now, err, sizeof err), 0);
	assert_int_equal(now.head, a.head + 1);
	assert_int_equal(now.count, a.count + 1);

	/* a writer with an older head (a slower process) never moves it back */
	assert_int_equal(anchor_advance(&a, 0, err, sizeof err), 0);
	assert_int_equal(anchor_read(apath, &now, err, sizeof err), 0);
	assert_int_equal(now.head, a.head + 1);

	/* the last row cut off by hand: check says so */
	outside("DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)");
	assert_int_equal(anchor_verify(err, sizeof err), 1);
	assert_non_null(strstr(err, "审计日志被截断"));
}

/*
 * The upgrade: a database at version 2 whose values were sealed the old
 * way (column name alone) opens at version 5 with each value bound to its
 * row, with MACs for every row and an anchor; check passes.
 */
static void
upgrade_reseals_old_values(void **state)
{
	char		 path[400], err[NJ_MSG_MAX], *d;
	int		 from, to, i;
	unsigned char	*b[4];
	size_t		 n[4];
	sqlite3_stmt	*st;
	struct actor	 who;
	static const char *const plain[4] = { "640122198001011238",
	    "13995011234", "6228480402564890018", "13895012345" };
	static const char *const ad[4] = { "buyers.idno", "buyers.phone",
	    "buyers.account", "makers.phone" };
	char		 out[64], cmd[2400];

	(void)state;
	db_close();
	snprintf(path, sizeof path, "%s.old.db", fx_tmpl);
	setenv("NJBT_MIGRATE_TO", "2", 1);
	assert_int_equal(db_init(path, &from, &to, err, sizeof err), 0);
	unsetenv("NJBT_MIGRATE_TO");
	assert_int_equal(to, 2);
	/* rows as the version-2 binary sealed them */
	for (i = 0; i < 4; i++)
		crypt_seal_ad(plain[i], ad[i], &b[i], &n[i]);
	assert_int_equal(sqlite3_prepare_v2(store->db, "INSERT INTO buyers(id, "
	    "kind, name, idno_enc, idno_hash, idno_last4, phone_enc, "
	    "account_enc, created_at) VALUES (7, 'person', '张三', ?1, "
	    "x'00', '1238', ?2, ?3, 'x')", -1, &st, NULL), SQLITE_OK);
	for (i = 0; i < 3; i++)
		sqlite3_bind_blob(st, i + 1, b[i], (int)n[i], SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(store->db, "INSERT INTO makers(id, "
	    "name, uscc, phone_enc, created_at) VALUES (5, 'm', "
	    "'91640100MA76E5B13Q', ?1, 'x')", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_blob(st, 1, b[3], (int)n[3], SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	free(b[3]);
	crypt_seal_ad("{\"name\":\"x\"}", "drafts.data", &b[3], &n[3]);
	assert_int_equal(sqlite3_prepare_v2(store->db, "INSERT INTO drafts("
	    "user_id, form, data, saved_at) VALUES (1, 'application.new', ?1, "
	    "'x')", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_blob(st, 1, b[3], (int)n[3], SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	for (i = 0; i < 4; i++)
		free(b[i]);
	db_close();

	/* njbt init upgrades in place */
	assert_int_equal(db_init(path, &from, &to, err, sizeof err), 0);
	assert_int_equal(from, 2);
	assert_int_equal(to, store_latest());
	assert_int_equal(sqlite3_prepare_v2(store->db, "SELECT idno_enc, "
	    "phone_enc, account_enc FROM buyers WHERE id = 7", -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	for (i = 0; i < 3; i++) {
		assert_int_equal(crypt_open(sqlite3_column_blob(st, i),
		    (size_t)sqlite3_column_bytes(st, i), ad[i], 7, out,
		    sizeof out), 0);
		assert_string_equal(out, plain[i]);
		assert_int_equal(crypt_open_ad(sqlite3_column_blob(st, i),
		    (size_t)sqlite3_column_bytes(st, i), ad[i], out,
		    sizeof out), -1);
	}
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(store->db, "SELECT phone_enc FROM "
	    "makers WHERE id = 5", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(crypt_open(sqlite3_column_blob(st, 0),
	    (size_t)sqlite3_column_bytes(st, 0), "makers.phone", 5, out,
	    sizeof out), 0);
	assert_string_equal(out, plain[3]);
	sqlite3_finalize(st);
	memset(&who, 0, sizeof who);
	who.id = 1;
	d = draft_load(&who, "application.new", "");	/* 007: no window */
	assert_non_null(d);
	assert_string_equal(d, "{\"name\":\"x\"}");
	free(d);
	/* every row has its MAC, and the anchor is there */
	assert_int_equal(sealed_verify(err, sizeof err), 0);
	assert_int_equal(mac_verify(err, sizeof err), 0);
	assert_int_equal(sqlite3_prepare_v2(store->db, "SELECT count(*) FROM "
	    "row_macs WHERE tbl IN ('buyers', 'makers', 'users')", -1, &st,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_true(sqlite3_column_int(st, 0) >= 3);
	sqlite3_finalize(st);
	assert_int_equal(anchor_verify(err, sizeof err), 0);
	db_close();
	snprintf(cmd, sizeof cmd, "rm -f '%s' '%s.key' '%s.anchor' '%s-wal' "
	    "'%s-shm'", path, path, path, path, path);
	assert_int_equal(system(cmd), 0);
	/* the fixture's teardown closes this test's own database */
	assert_int_equal(db_open(fx_path, err, sizeof err), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(sealed_value_bound_to_row),
		FX_TEST(copied_account_fails_to_open_and_check_names_it),
		FX_TEST(outside_changes_break_the_mac),
		FX_TEST(outside_delete_and_insert_are_seen),
		FX_TEST(anchor_moves_forward_only),
		FX_TEST(upgrade_reseals_old_values),
	};

	return FX_RUN(tests);
}
