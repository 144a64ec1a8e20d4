/*
 * auth.c: logging in and out, for the SSH server (ssh-login.c) and for
 * `njbt tui`. Passwords are checked against the argon2id hashes of the
 * users table, public keys against user_keys; repeated password failures
 * lock the account for a while (users.locked_until), beside the lock an
 * admin sets (users.locked, which only an admin lifts). Live sessions are
 * rows of the sessions table, so that a user's number of sessions can be
 * limited (users.max_sessions); rows left by a process that died are
 * dropped by checking its pid. Every login, failure, lock, refused
 * session and logout is an audit row, written in the same transaction as
 * the bookkeeping it goes with (a new session's row follows the login's
 * audit row). This login bookkeeping is one of the few writers outside
 * the action engine ("Who writes" at the top of action.c).
 *
 * Issue 8 item 8: wrong passwords lock the pair (login, client address)
 * first (policy max_failures, 5 in 15 minutes) and the account only at a
 * higher count from any address (account_failures, 20), so that an
 * outsider cannot lock the admin out. Whatever the reason of a refusal
 * (unknown login, wrong password, locked pair, locked account) the client
 * reads the same text; the real reason is told only to whoever gives the
 * right password, and only while few wrong passwords were tried during
 * the lock (AUTH_LOCKED_TRIES), so that a lock cannot be used to test
 * passwords.
 *
 * The plain password goes no further than passwd_verify(); what comes
 * from the client (the login name) is checked before it is looked up and
 * made printable before it is logged.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store.h"
#include "actions.h"
#include "log.h"

/* What logging in needs of a user row. */
struct auth_user {
	int64_t	 id;
	char	 pwhash[PASSWD_HASH_MAX];
	int	 role;
	int	 locked;
	char	 until[32];		/* locked_until, "" for none */
	int	 must_change;
	int	 max_sessions;
};

/* A login as the client sent it, made safe to log: printable ASCII. */
static void
auth_clean_login(const char *login, char *buf, size_t len)
{
	size_t i;

	for (i = 0; login[i] != '\0' && i + 1 < len && i < NJ_LOGIN_MAX; i++)
		buf[i] = login[i] > 0x20 && login[i] < 0x7f ? login[i] : '?';
	buf[i] = '\0';
	if (i == 0)
		strlcpy0(buf, "?", len);
}

/* Is login spelled like a login at all (see ft_login in action-field.c)? */
static int
auth_login_valid(const char *login)
{
	size_t	n = strlen(login), i;

	if (n < 2 || n > NJ_LOGIN_MAX || login[0] < 'a' || login[0] > 'z')
		return 0;
	for (i = 0; i < n; i++)
		if (!((login[i] >= 'a' && login[i] <= 'z') ||
		    (login[i] >= '0' && login[i] <= '9') || login[i] == '_' ||
		    login[i] == '.' || login[i] == '-'))
			return 0;
	return 1;
}

/* Look the user up: 1 found, 0 no such user, -1 a database error. */
static int
auth_user_get(const char *login, struct auth_user *u)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(u, 0, sizeof *u);
	if (!auth_login_valid(login))
		return 0;
	st = sql_query(SQL_AUTH_USER, login);
	rc = sql_step(st);
	if (rc == 1) {
		u->id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, u->pwhash, sizeof u->pwhash);
		u->role = role_parse(sql_col(st, 2));
		u->locked = sqlite3_column_int(st, 3);
		sql_col_copy(st, 4, u->until, sizeof u->until);
		u->must_change = sqlite3_column_int(st, 5);
		u->max_sessions = sqlite3_column_int(st, 6);
	}
	sqlite3_reset(st);
	if (rc < 0)
		log_error("auth: %s", store_errmsg());
	return rc;
}

/* A stand-in actor for audit rows about a login that is not (yet) one. */
static void
auth_stranger(const char *login, const char *addr, struct actor *who)
{
	memset(who, 0, sizeof *who);
	auth_clean_login(login, who->login, sizeof who->login);
	xsnprintf(who->from, sizeof who->from, "ssh %s", addr);
	who->role = -1;
}

/* Append one audit row in a transaction of its own. */
static int
auth_audit(const struct actor *who, const char *what, const char *detail)
{
	if (action_batch_begin() != NJ_OK) {
		log_error("auth: %s: %s", what, store_errmsg());
		return NJ_ERROR;
	}
	if (action_batch_end(who, 1, what, who->login, detail) != NJ_OK) {
		log_error("auth: %s: %s", what, store_errmsg());
		return NJ_ERROR;
	}
	return NJ_OK;
}

/* R-SEC-8.8e issue 8 (8): the one answer to every refused password. */
static const char auth_refused_text[] = "用户名或密码不正确。";

/*
 * Is msg, from a refused login (rc), meant for whoever proved the
 * credential only, rather than the one answer every refused password gets
 * (R-SEC-8.8e)? A lock's reason after the right password (R-SEC-8.8f) is,
 * and so is AUTH_GATE_BUSY (no password checked: the same for anyone);
 * the SSH server tells such a reason on the terminal after accepting the
 * login, and opens nothing (issue 11 item 8, ssh-login.c). 1 or 0.
 */
int
auth_refusal_told(int rc, const char *msg)
{
	return rc == NJ_REFUSED && msg != NULL && msg[0] != '\0' &&
	    strcmp(msg, auth_refused_text) != 0;
}

/* Wrong passwords during a lock after which even the right one is told
 * no more than auth_refused_text (R-SEC-8.8f). */
#define AUTH_LOCKED_TRIES	3

/* "2026-03-02 09:45:00" -> "2026-03-02 09:45" for a message. */
static void
auth_until_text(const char *until, char *buf, size_t len)
{
	strlcpy0(buf, until, len);
	if (strlen(buf) == 19)
		buf[16] = '\0';
}

/*
 * Is the account locked now? An admin's lock (locked) stays until an
 * admin lifts it; the clock's (locked_until) until that time passes.
 * Returns 1 with the message for the user, else 0.
 */
static int
auth_is_locked(const struct auth_user *u, char *msg, size_t msglen)
{
	char now[32], until[32];

	if (u->locked) {
		xsnprintf(msg, msglen, "账号已被管理员锁定，请联系管理员解锁。");
		return 1;
	}
	clock_stamp(clock_now(), now, sizeof now);
	if (u->until[0] != '\0' && strcmp(u->until, now) > 0) {
		auth_until_text(u->until, until, sizeof until);
		xsnprintf(msg, msglen, "密码错误次数过多，账号已锁定至 %s。"
		    "请到时再试，或请管理员解锁。", until);
		return 1;
	}
	return 0;
}

/* Fill who from the user row (actor.c) and say where they come from. */
static int
auth_actor(const char *login, const char *from, struct actor *who,
    char *msg, size_t msglen)
{
	char err[NJ_MSG_MAX];

	if (actor_load(login, who, err, sizeof err) != 0) {
		log_warn("auth: %s", err);
		xsnprintf(msg, msglen, "%s", err);
		return NJ_REFUSED;
	}
	strlcpy0(who->from, from, sizeof who->from);
	return NJ_OK;
}

/*
 * A successful login: forget the failures, write the audit row, and load
 * the actor. method is "password", "publickey", "none" or "local".
 */
static int
auth_success(const struct auth_user *u, const char *login, const char *from,
    const char *detail, struct actor *who, char *msg, size_t msglen)
{
	int rc;

	if ((rc = auth_actor(login, from, who, msg, msglen)) != NJ_OK)
		return rc;
	if (action_batch_begin() != NJ_OK)
		goto fail;
	if (sql_exec(SQL_LOGIN_FAILURES_CLEAR, u->id) != 0) {
		action_batch_end(who, 0, NULL, NULL, NULL);
		goto fail;
	}
	if (action_batch_end(who, 1, "login", who->login, detail) != NJ_OK)
		goto fail;
	return NJ_OK;
fail:
	log_error("auth: login: %s", store_errmsg());
	xsnprintf(msg, msglen, "系统繁忙，请稍后再登录。");
	return NJ_ERROR;
}

/*
 * Is the pair (login, addr) locked now? 1 with its since and until (unix
 * times), 0 not, -1 a database error.
 */
static int
auth_pair_locked(const struct auth_user *u, const char *addr, int64_t now,
    int64_t *since, int64_t *until)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = sql_query(SQL_SRV_PAIR_LOCK_GET, u->id, addr, now);
	rc = sql_step(st);
	if (rc == 1) {
		*since = sqlite3_column_int64(st, 0);
		*until = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc;
}

/*
 * A wrong password from addr: count it; when it is the policy's
 * max_failures-th of this (login, address) within the window, lock the
 * pair (R-SEC-8.8c); when it is the account_failures-th from any address,
 * lock the account (R-SEC-8.8d) until now + lock_seconds. Failures go on
 * counting during a lock, so guessing keeps it on. The user reads the
 * same text as for an unknown login (R-SEC-8.8e).
 */
static int
auth_failure(const struct auth_user *u, const struct actor *who,
    const char *addr, const struct auth_policy *pol, char *msg,
    size_t msglen)
{
	time_t	 now = clock_now();
	int64_t	 pair = 0, total = 0, since = (int64_t)now - pol->window;
	int64_t	 was_since, was_until;
	char	 until[32], detail[160], nowtext[32];
	const char *what = "login.fail";
	int	 was;

	xsnprintf(msg, msglen, "%s", auth_refused_text);
	xsnprintf(detail, sizeof detail, "reason=password");
	if (action_batch_begin() != NJ_OK)
		goto fail;
	if (sql_exec(SQL_AUTH_FAILURE_PRUNE, u->id, since) != 0 ||
	    sql_exec(SQL_SRV_PAIR_LOCK_PRUNE, u->id, (int64_t)now) != 0 ||
	    sql_exec(SQL_AUTH_FAILURE_INSERT, u->id, (int64_t)now,
	    addr) != 0 ||
	    sql_int(&pair, SQL_SRV_FAILURE_COUNT_PAIR, u->id, addr,
	    since) != 1 ||
	    sql_int(&total, SQL_AUTH_FAILURE_COUNT, u->id, since) != 1 ||
	    (was = auth_pair_locked(u, addr, (int64_t)now, &was_since,
	    &was_until)) < 0)
		goto fail_rollback;
	/* R-SEC-8.8c issue 8 (8): the pair (login, address) first */
	if (pol->max_failures > 0 && pair >= pol->max_failures) {
		if (sql_exec(SQL_SRV_PAIR_LOCK_SET, u->id, addr,
		    (int64_t)now, (int64_t)now + pol->lock_seconds) != 0)
			goto fail_rollback;
		clock_stamp(now + pol->lock_seconds, until, sizeof until);
		what = was ? "login.fail" : "login.lock";
		xsnprintf(detail, sizeof detail, "reason=password scope=addr "
		    "addr=%s failures=%lld until=%s%s", addr, (long long)pair,
		    until, was ? " locked" : "");
	}
	/* R-SEC-8.8d issue 8 (8): the account only at a higher count */
	clock_stamp(now, nowtext, sizeof nowtext);
	if (pol->account_failures > 0 && total >= pol->account_failures &&
	    !(u->until[0] != '\0' && strcmp(u->until, nowtext) > 0)) {
		if (strcmp(what, "login.lock") == 0 &&
		    audit_write(who, what, who->login, detail) != NJ_OK)
			goto fail_rollback;
		clock_stamp(now + pol->lock_seconds, until, sizeof until);
		if (sql_exec(SQL_AUTH_LOCK_UNTIL, until, u->id) != 0)
			goto fail_rollback;
		what = "login.lock";
		xsnprintf(detail, sizeof detail, "reason=password scope=account "
		    "failures=%lld until=%s", (long long)total, until);
	}
	if (action_batch_end(who, 1, what, who->login, detail) != NJ_OK)
		goto fail;
	/* issue 14 (4): a lock is a warning of the server's log too */
	if (strcmp(what, "login.lock") == 0)
		log_who(LOG_LEVEL_WARN, who->login, addr, "login.lock %s",
		    detail);
	return NJ_REFUSED;
fail_rollback:
	action_batch_end(who, 0, NULL, NULL, NULL);
fail:
	log_error("auth: failure: %s", store_errmsg());
	return NJ_REFUSED;
}

/* A stamp as a time, or fallback if it is not one. */
static time_t
auth_stamp_time(const char *text, time_t fallback)
{
	time_t t = clock_unstamp(text);

	return t == (time_t)-1 ? fallback : t;
}

/*
 * Which lock keeps u out when logging in with a password from addr:
 * 0 none; else 1 with the reason in msg (for a user who gave the right
 * password) and in *since when the lock began, for counting the wrong
 * passwords tried during it, and in *pair whether the count is the pair's.
 */
static int
auth_lock_reason(const struct auth_user *u, const char *addr,
    const struct auth_policy *pol, int64_t *since, int *pair, char *msg,
    size_t msglen)
{
	time_t	now = clock_now();
	int64_t	until;
	char	text[32];

	*pair = 0;
	if (auth_is_locked(u, msg, msglen)) {
		/* an admin's lock has no start: the window counts */
		*since = u->locked ? (int64_t)now - pol->window :
		    (int64_t)auth_stamp_time(u->until, now) - pol->lock_seconds;
		return 1;
	}
	if (auth_pair_locked(u, addr, (int64_t)now, since, &until) == 1) {
		*pair = 1;
		clock_stamp((time_t)until, text, sizeof text);
		auth_until_text(text, text, sizeof text);
		xsnprintf(msg, msglen, "从 %s 输入密码错误次数过多，本账号从该地址"
		    "登录已锁定至 %s。请到时再试，或请管理员解锁。", addr, text);
		return 1;
	}
	return 0;
}

/*
 * The right password for a locked account or pair: refused all the same.
 * R-SEC-8.8f issue 8 (8): the reason is told only now, after the right
 * password, and only while fewer than AUTH_LOCKED_TRIES wrong passwords
 * were tried during the lock; past that, the common text, so that a lock
 * cannot be used to test passwords.
 */
static int
auth_locked_refusal(const struct auth_user *u, const struct actor *who,
    const char *addr, int64_t since, int pair, char *msg, size_t msglen)
{
	int64_t	tried = 0;
	int	rc;

	rc = pair ? sql_int(&tried, SQL_SRV_FAILURE_COUNT_PAIR_SINCE,
	    u->id, addr, since) : sql_int(&tried, SQL_SRV_FAILURE_COUNT_SINCE,
	    u->id, since);
	if (rc != 1 || tried >= AUTH_LOCKED_TRIES)
		xsnprintf(msg, msglen, "%s", auth_refused_text);
	auth_audit(who, "login.fail", pair ? "reason=locked scope=addr "
	    "method=password" : "reason=locked method=password");
	return NJ_REFUSED;
}

/*
 * Spend about as long on an unknown login as on a known one, so that the
 * time taken does not tell which logins exist.
 */
static void
auth_dummy_verify(const char *password)
{
	static char dummy[PASSWD_HASH_MAX];

	if (dummy[0] == '\0' && passwd_hash("njbt-dummy-password", dummy,
	    sizeof dummy) != 0)
		return;
	(void)passwd_verify(dummy, password);
}

/*
 * Check password against hash (NULL: the dummy's) inside a slot of the
 * cap on hashes at once (auth-gate.c, issue 15 item 5): 1 matches, 0
 * not, -1 no slot came free in time (nothing hashed; msg says so, the
 * same for every login and password, so it is told on the terminal as
 * a lock's reason is, and PuTTY users read it too; no failure counted).
 */
static int
auth_verify_gated(const char *hash, const char *password,
    const struct auth_policy *pol, char *msg, size_t msglen)
{
	int slot, ok;

	if (auth_gate_enter(pol, &slot) != NJ_OK) {
		xsnprintf(msg, msglen, "%s", AUTH_GATE_BUSY);
		return -1;
	}
	if (hash == NULL) {
		auth_dummy_verify(password);
		ok = 0;
	} else
		ok = hash[0] != '\0' && passwd_verify(hash, password);
	auth_gate_leave(pol, slot);
	return ok;
}

/*
 * Log in with a password (also what keyboard-interactive answers). The
 * register login takes any password: it only opens dealer registration.
 */
int
auth_password(const char *login, const char *password, const char *addr,
    const struct auth_policy *pol, struct actor *who, char *msg,
    size_t msglen)
{
	struct auth_user	u;
	struct actor		tmp;
	char			from[64], reason[NJ_MSG_MAX];
	int64_t			since = 0;
	int			rc, locked, pair;

	msg[0] = '\0';
	xsnprintf(from, sizeof from, "ssh %s", addr);
	auth_stranger(login, addr, &tmp);
	if ((rc = auth_user_get(login, &u)) < 0) {
		xsnprintf(msg, msglen, "系统繁忙，请稍后再登录。");
		return NJ_ERROR;
	}
	if (rc == 0) {
		if (auth_verify_gated(NULL, password, pol, msg, msglen) < 0)
			return NJ_REFUSED;
		auth_audit(&tmp, "login.fail", "reason=unknown");
		xsnprintf(msg, msglen, "%s", auth_refused_text);
		return NJ_REFUSED;
	}
	locked = auth_lock_reason(&u, addr, pol, &since, &pair, reason,
	    sizeof reason);
	if (u.role == ROLE_REGISTER) {
		if (locked) {
			auth_audit(&tmp, "login.fail", "reason=locked");
			xsnprintf(msg, msglen, "%s", auth_refused_text);
			return NJ_REFUSED;
		}
		return auth_success(&u, login, from, "method=password", who,
		    msg, msglen);
	}
	if ((rc = auth_verify_gated(u.pwhash, password, pol, msg,
	    msglen)) < 0)
		return NJ_REFUSED;
	if (rc == 0)
		return auth_failure(&u, &tmp, addr, pol, msg, msglen);
	if (locked) {
		xsnprintf(msg, msglen, "%s", reason);
		return auth_locked_refusal(&u, &tmp, addr, since, pair, msg,
		    msglen);
	}
	return auth_success(&u, login, from, "method=password", who, msg,
	    msglen);
}

/*
 * Log in with a public key: keyblob is its base64 as in an OpenSSH .pub
 * line. The client first asks whether the key would do (signed 0: no
 * audit, nothing written), then proves it holds it (signed 1). A key the
 * user does not have is not a failure: clients try every key they hold.
 */
int
auth_pubkey(const char *login, const char *keytype, const char *keyblob,
    const char *addr, int signed_, struct actor *who, char *msg,
    size_t msglen)
{
	struct auth_user	 u;
	struct actor		 tmp;
	char			 fp[80], from[64], detail[160];
	int			 rc;

	msg[0] = '\0';
	xsnprintf(from, sizeof from, "ssh %s", addr);
	if ((rc = auth_user_get(login, &u)) <= 0)
		return rc < 0 ? NJ_ERROR : NJ_REFUSED;
	if (u.role == ROLE_REGISTER)
		return NJ_REFUSED;
	rc = sql_text(fp, sizeof fp, SQL_AUTH_KEY_FIND, u.id, keyblob);
	if (rc < 0) {
		log_error("auth: key: %s", store_errmsg());
		return NJ_ERROR;
	}
	if (rc == 0)
		return NJ_REFUSED;
	if (!signed_)
		return NJ_OK;
	/* R-SEC-8.8e issue 8 (8): a lock is told only to the key's holder */
	if (auth_is_locked(&u, msg, msglen)) {
		xsnprintf(detail, sizeof detail, "reason=locked "
		    "method=publickey key=%s", fp);
		auth_stranger(login, addr, &tmp);
		auth_audit(&tmp, "login.fail", detail);
		return NJ_REFUSED;
	}
	xsnprintf(detail, sizeof detail, "method=publickey type=%s key=%s",
	    keytype, fp);
	return auth_success(&u, login, from, detail, who, msg, msglen);
}

/* Log in with no credential at all: only the register login may. */
int
auth_none(const char *login, const char *addr, struct actor *who, char *msg,
    size_t msglen)
{
	struct auth_user	u;
	char			from[64];
	int			rc;

	msg[0] = '\0';
	xsnprintf(from, sizeof from, "ssh %s", addr);
	if ((rc = auth_user_get(login, &u)) <= 0)
		return rc < 0 ? NJ_ERROR : NJ_REFUSED;
	if (u.role != ROLE_REGISTER)
		return NJ_REFUSED;
	if (auth_is_locked(&u, msg, msglen)) {
		msg[0] = '\0';		/* R-SEC-8.8e: nothing told */
		return NJ_REFUSED;
	}
	return auth_success(&u, login, from, "method=none", who, msg, msglen);
}

/*
 * A local session (`njbt tui --user LOGIN`, e.g. behind an OpenSSH
 * ForceCommand): whoever runs it was let in by the system; the locks
 * still hold. from says where they are, for the audit log.
 */
int
auth_local(const char *login, const char *from, struct actor *who,
    char *msg, size_t msglen)
{
	struct auth_user	u;
	int			rc;

	msg[0] = '\0';
	if ((rc = auth_user_get(login, &u)) < 0) {
		xsnprintf(msg, msglen, "数据库错误：%s", store_errmsg());
		return NJ_ERROR;
	}
	if (rc == 0) {
		xsnprintf(msg, msglen, "未知的用户：%s", login);
		return NJ_REFUSED;
	}
	if (auth_is_locked(&u, msg, msglen))
		return NJ_REFUSED;
	return auth_success(&u, login, from, "method=local", who, msg, msglen);
}

/* Must the user change the password given by someone else first? */
int
auth_must_change(const struct actor *who)
{
	struct auth_user u;

	if (auth_user_get(who->login, &u) != 1)
		return 0;
	return u.must_change && u.role != ROLE_REGISTER;
}

/*
 * Is the session process pid still alive (a row not left by a dead one)?
 * Where /proc tells, a live process of that pid must also be an njbt:
 * a pid used again by something else after a crash does not count.
 */
static int
auth_pid_alive(int64_t pid)
{
	char	 path[64], comm[64];
	FILE	*f;
	int	 ours = 1;

	if (pid <= 0 || pid > 0x7fffffff)
		return 0;
	if (kill((pid_t)pid, 0) != 0 && errno != EPERM)
		return 0;
	xsnprintf(path, sizeof path, "/proc/%lld/comm", (long long)pid);
	if ((f = fopen(path, "r")) != NULL) {
		if (fgets(comm, sizeof comm, f) != NULL)
			ours = strstr(comm, "njbt") != NULL;
		fclose(f);
	}
	return ours;
}

/*
 * A session starts in process pid: drop the user's rows of processes
 * that are gone, then refuse when the user already has max_sessions,
 * else add this one. One write transaction, so two logins at once
 * cannot both take the last place.
 */
int
auth_session_begin(const struct actor *who, int pid, const char *addr,
    char *msg, size_t msglen)
{
	struct auth_user	 u;
	sqlite3_stmt		*st;
	int64_t			 pids[64];
	size_t			 n = 0, i;
	int			 live = 0, rc;
	char			 at[32], detail[64];

	msg[0] = '\0';
	if (auth_user_get(who->login, &u) != 1) {
		xsnprintf(msg, msglen, "系统繁忙，请稍后再登录。");
		return NJ_ERROR;
	}
	if (action_batch_begin() != NJ_OK)
		goto fail;
	st = sql_query(SQL_SESSION_PIDS, u.id);
	while ((rc = sql_step(st)) == 1)
		if (n < sizeof pids / sizeof pids[0])
			pids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc < 0)
		goto fail_rollback;
	for (i = 0; i < n; i++) {
		if (pids[i] != pid && auth_pid_alive(pids[i]))
			live++;
		else if (sql_exec(SQL_SESSION_DELETE, pids[i]) != 0)
			goto fail_rollback;
	}
	if (u.max_sessions > 0 && live >= u.max_sessions &&
	    u.role != ROLE_REGISTER) {
		xsnprintf(detail, sizeof detail, "sessions=%d max=%d", live,
		    u.max_sessions);
		if (action_batch_end(who, 1, "login.refused", who->login,
		    detail) != NJ_OK)
			goto fail;
		xsnprintf(msg, msglen, "您的账号已有 %d 个会话在线（最多 %d 个），"
		    "请先退出其他会话再登录。", live, u.max_sessions);
		return NJ_REFUSED;
	}
	clock_stamp(clock_now(), at, sizeof at);
	if (sql_exec(SQL_SESSION_INSERT, (int64_t)pid, u.id, addr,
	    at) != 0)
		goto fail_rollback;
	sql_reset_all();
	if (store_commit() != 0)
		goto fail;
	return NJ_OK;
fail_rollback:
	action_batch_end(who, 0, NULL, NULL, NULL);
fail:
	log_error("auth: session: %s", store_errmsg());
	xsnprintf(msg, msglen, "系统繁忙，请稍后再登录。");
	return NJ_ERROR;
}

/*
 * The session of process pid ended: drop its row and write the logout,
 * with why ("quit", "idle", "shutdown", "closed", ...).
 */
void
auth_session_end(const struct actor *who, int pid, const char *why)
{
	char detail[64];

	xsnprintf(detail, sizeof detail, "reason=%s", why);
	if (action_batch_begin() != NJ_OK)
		goto fail;
	if (sql_exec(SQL_SESSION_DELETE, (int64_t)pid) != 0) {
		action_batch_end(who, 0, NULL, NULL, NULL);
		goto fail;
	}
	if (action_batch_end(who, 1, "logout", who->login, detail) != NJ_OK)
		goto fail;
	return;
fail:
	log_error("auth: logout: %s", store_errmsg());
}

/*
 * The public keys of login, for `njbt user key list`: fn gets each key's
 * type, fingerprint, comment and when it was added. Returns the number of
 * keys, or -1 with a message.
 */
int
auth_keys(const char *login, void (*fn)(void *, const char *, const char *,
    const char *, const char *), void *arg, char *msg, size_t msglen)
{
	struct auth_user	 u;
	sqlite3_stmt		*st;
	int			 rc, n = 0;

	if ((rc = auth_user_get(login, &u)) != 1) {
		xsnprintf(msg, msglen, rc < 0 ? "数据库错误：%s" : "未知的用户：%s",
		    rc < 0 ? store_errmsg() : login);
		return -1;
	}
	st = sql_query(SQL_AUTH_KEY_LIST, login);
	while ((rc = sql_step(st)) == 1) {
		fn(arg, sql_col(st, 0), sql_col(st, 1), sql_col(st, 2),
		    sql_col(st, 3));
		n++;
	}
	sqlite3_reset(st);
	if (rc < 0) {
		xsnprintf(msg, msglen, "数据库错误：%s", store_errmsg());
		return -1;
	}
	return n;
}
