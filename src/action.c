/*
 * action.c: the actions layer's engine. One table of actions (each row
 * defined in its action-*.c file: name, roles, fields, function); the
 * field types and their checks are in action-field.c. action_run() checks
 * the role,
 * validates every field by its type, runs the action in one write
 * transaction, appends the audit row and commits; when the action refuses,
 * nothing is written and a Chinese reason comes back. The screens, `njbt
 * do`, `njbt import` (the import.* actions) and `njbt init --demo`
 * (demo.load) all come here, by name.
 *
 * Who writes. Every change of business data is an action run here; code
 * that only such a run calls writes too ("run:" below). Outside the
 * engine only the writers named "own:" write to the database, each with
 * what it writes and its audit row (or why it has none). The engine also
 * writes the audit row of a refused look-up (action_refusal_log).
 * tests/writers (run by tests/cli/writers.sh) reads this list: a
 * writing statement of src/store-sql*.def used, a write transaction
 * opened or an audit row appended in any file that is not action.c, an
 * action-*.c or named here fails it.
 *
 *   run: import.c        the import.* actions (njbt import, the demo)
 *   run: anomaly.c       a sale's anomaly flags (sale.new, verify.*)
 *   run: demo.c          the action demo.load (njbt init --demo)
 *   own: auth.c          login bookkeeping: failures, locks, sessions;
 *                        audit rows login, login.fail, login.lock,
 *                        login.refused and logout, each in the same
 *                        transaction as its change (a new session's row
 *                        follows the login's audit row)
 *   own: draft.c         drafts, sealed: no audit row, a draft is the
 *                        user's unfinished typing, kept as the cursor
 *                        leaves each field, not a record; the save is
 *                        the audited action and removes it in its own
 *                        transaction
 *   own: list.c          audit row read.private (a private look-up)
 *   own: print.c         audit row print (a printed report)
 *   own: store-audit.c   the audit rows themselves (audit_write)
 *   own: store.c         migrations, init and the key check, with
 *   own: store-mac.c     store-mac.c (row MACs) and store-reseal.c
 *   own: store-reseal.c  (re-sealing, migration 005): no audit row,
 *                        they run before anyone logs in; the
 *                        trace is PRAGMA user_version and the anchor
 *   own: store-session.c draft.c's transactions, under synchronous=NORMAL
 *                        (issue 15 item 4); no statement of its own
 *
 * A backup (store_backup) writes a copy, never this database.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"
#include "actions.h"
#include "log.h"

/* The table of actions; adding an action is adding a row here. */
static const struct action *const action_table[] = {
	&action_program_set,
	&action_maker_add,
	&action_dealer_register,
	&action_dealer_pick,
	&action_dealer_authorize,
	&action_dealer_unpick,
	&action_product_add,
	&action_supply_new,
	&action_supply_bulk,
	&action_supply_return,
	&action_user_add,
	&action_user_passwd,
	&action_user_lock,
	&action_user_unlock,
	&action_user_prefs,
	&action_application_new,
	&action_application_line,
	&action_application_submit,
	&action_application_approve,
	&action_application_reject,
	&action_application_withdraw,
	&action_sale_new,
	&action_claim_new,
	&action_verify_pass,
	&action_verify_fail,
	&action_batch_new,
	&action_batch_publicize,
	&action_objection_new,
	&action_objection_resolve,
	&action_batch_review,
	&action_batch_submit,
	&action_finance_sample,
	&action_finance_check,
	&action_finance_approve,
	&action_finance_pay,
	&action_return_new,
	&action_return_refund,
	&action_return_confirm,
	&action_user_key_add,
	&action_user_key_remove,
	&action_print,
	&action_buyer_update,
	&action_user_post,
	&action_dealer_contest,
	&action_outbox_days,
	&action_photo_attach,
	&action_import_regions,
	&action_import_catalog,
	&action_import_budget,
	&action_import_users,
	&action_import_holidays,
	&action_demo_load,
	&action_tier_amount,
	&action_buyer_service_org,
	&action_buyer_ban,
	&action_notice_handback,
	&action_notice_expire,
	&action_lottery_draw,
	/* issue 13 item 2: violations and penalties */
	&action_violation_new,
	&action_violation_decide,
	&action_violation_restore,
	&action_import_penalties,
	/* issue 13 item 3: complaints */
	&action_complaint_new,
	&action_complaint_decline,
	&action_complaint_investigate,
	&action_complaint_interview,
	&action_complaint_decide,
	/* issue 13 item 1: product filing */
	&action_product_review,
	&action_filing_publicize,
	&action_filing_objection,
	&action_filing_resolve,
	&action_filing_publish,
};
#define NACTIONS (sizeof action_table / sizeof action_table[0])

const struct action *
action_find(const char *name)
{
	size_t i;

	for (i = 0; i < NACTIONS; i++)
		if (name != NULL && strcmp(action_table[i]->name, name) == 0)
			return action_table[i];
	return NULL;
}

const struct action *
action_at(size_t i)
{
	return i < NACTIONS ? action_table[i] : NULL;
}

int
action_allowed(const struct action *def, const struct actor *who)
{
	/* R-SEC-8.10 issue 8 (10): the auditor and the city only read */
	if (!def->readonly && !role_may_write(who->role, def->name))
		return 0;
	if (who->role == ROLE_CONSOLE)
		return (def->roles & R(ROLE_CONSOLE)) != 0 ||
		    (def->roles & R(ROLE_ADMIN)) != 0;
	return (def->roles & R(who->role)) != 0;
}

/*
 * The fields of an action that runs only on what its caller hands it
 * whole (a->input: the import.* actions, on a file): none a form could
 * ask for, so no screen offers such an action.
 */
const struct field action_input_fields[] = {
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* May a screen offer def (the list of what the user may do)? */
int
action_on_screens(const struct action *def)
{
	return def->fields != action_input_fields;
}

int
action_field_index(const struct action *def, const char *name)
{
	int i;

	for (i = 0; def->fields[i].name != NULL; i++)
		if (strcmp(def->fields[i].name, name) == 0)
			return i;
	return -1;
}

/* --- running ---------------------------------------------------------- */

static const char *
act_sibling(void *arg, const char *name)
{
	const struct act *a = arg;

	if (action_field_index(a->def, name) < 0)
		return NULL;
	return act_str(a, name);
}

const char *
act_str(const struct act *a, const char *name)
{
	int i = action_field_index(a->def, name);

	if (i < 0)
		abort();
	return a->own[i] != NULL ? a->own[i] : a->val[i];
}

int64_t
act_num(const struct act *a, const char *name)
{
	int i = action_field_index(a->def, name);

	if (i < 0)
		abort();
	return a->num[i];
}

int
act_has(const struct act *a, const char *name)
{
	return act_str(a, name) != NULL;
}

int
act_refuse(struct act *a, const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vxsnprintf(a->err, sizeof a->err, fmt, ap);
	va_end(ap);
	strlcpy0(a->errfield, field ? field : "", sizeof a->errfield);
	return NJ_REFUSED;
}

/* A database failure inside an action: logged to stderr, reported. */
int
act_fail(struct act *a, const char *what)
{
	log_error("%s: %s: %s", a->def->name, what,
	    store_errmsg());
	xsnprintf(a->err, sizeof a->err, "数据库错误（%s），操作未保存", what);
	return NJ_ERROR;
}

void
act_key(struct act *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vxsnprintf(a->key, sizeof a->key, fmt, ap);
	va_end(ap);
}

/* Add one output line (printed before the key by `njbt do`). */
void
act_out(struct act *a, const char *fmt, ...)
{
	va_list	 ap;
	char	 line[512];
	size_t	 n;

	va_start(ap, fmt);
	vxsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	n = strlen(line);
	if (a->outlen + n + 2 > a->outcap) {
		a->outcap = (a->outcap + n + 2) * 2;
		a->out = realloc(a->out, a->outcap);
		if (a->out == NULL)
			abort();
	}
	memcpy(a->out + a->outlen, line, n);
	a->outlen += n;
	a->out[a->outlen++] = '\n';
	a->out[a->outlen] = '\0';
}

/*
 * A note the user must read although the action was done (a subsidy
 * lowered by a rule, issue 10 (1)): an output line for `njbt do`, and
 * kept for the screen's status line, notes joined by "；".
 */
void
act_note(struct act *a, const char *fmt, ...)
{
	va_list	 ap;
	char	 line[NJ_MSG_MAX];
	size_t	 n = strlen(a->note);

	va_start(ap, fmt);
	vxsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	act_out(a, "%s", line);
	xsnprintf(a->note + n, sizeof a->note - n, "%s%s", n ? "；" : "",
	    line);
}

void
act_free(struct act **ap)
{
	struct act	*a = *ap;
	int		 i;

	if (a == NULL)
		return;
	for (i = 0; i < ACT_MAXF; i++) {
		free(a->own[i]);
		free((char *)a->val[i]);
	}
	free(a->out);
	free(a);
	*ap = NULL;
}

/* The audit detail: field=value, private values masked, secrets left out. */
static void
act_detail(const struct act *a, char *buf, size_t len)
{
	const struct field	*f;
	const char		*v;
	char			 last4[32];
	size_t			 used = 0;
	int			 i, n;

	buf[0] = '\0';
	for (i = 0; a->def->fields[i].name != NULL; i++) {
		f = &a->def->fields[i];
		v = a->own[i] != NULL ? a->own[i] : a->val[i];
		if (v == NULL || (f->flags & FF_SECRET))
			continue;
		if (f->flags & FF_PRIVATE) {
			text_last4(v, last4, sizeof last4);
			n = snprintf(buf + used, len - used, "%s%s=***%s",
			    used ? " " : "", f->name, last4);
		} else
			n = snprintf(buf + used, len - used, "%s%s=%s",
			    used ? " " : "", f->name, v);
		if (n < 0 || (size_t)n >= len - used) {
			buf[used] = '\0';
			return;
		}
		used += (size_t)n;
	}
	/* R-SEC-8.1 issue 8 (1): what changed, old and new masked */
	if (a->audit_note[0] != '\0')
		snprintf(buf + used, len - used, "%s%s", used ? " " : "",
		    a->audit_note);
}

/*
 * Prepare a run: find the action, take the named values, check the role
 * and every field. Returns NJ_OK or the refusal; *out is always set.
 */
static int
action_prepare(const struct actor *who, const char *name, int n,
    const char *const *names, const char *const *values, struct act **out)
{
	struct act		*a = xcalloc(1, sizeof *a);
	const struct field	*f;
	char			*v, *t;
	int			 i, k;

	*out = a;
	a->who = who;
	a->now = clock_now();
	a->today = clock_today();
	if ((a->def = action_find(name)) == NULL) {
		xsnprintf(a->err, sizeof a->err, "未知的操作：%s", name);
		return NJ_USAGE;
	}
	for (k = 0; k < n; k++) {
		if ((i = action_field_index(a->def, names[k])) < 0) {
			xsnprintf(a->err, sizeof a->err, "操作 %s 没有字段 %s",
			    name, names[k]);
			return NJ_USAGE;
		}
		if (a->val[i] != NULL) {
			xsnprintf(a->err, sizeof a->err, "字段 %s 重复", names[k]);
			return NJ_USAGE;
		}
		v = xstrdup(values[k]);
		t = trim(v);
		memmove(v, t, strlen(t) + 1);
		if (*v == '\0') {
			free(v);
			continue;
		}
		a->val[i] = v;
	}
	if (!action_allowed(a->def, who))
		return act_refuse(a, NULL, "您的角色（%s）无权执行“%s”",
		    role_label(who->role), a->def->title);
	for (i = 0; a->def->fields[i].name != NULL; i++) {
		f = &a->def->fields[i];
		if (a->val[i] == NULL) {
			if (f->flags & FF_REQ)
				return act_refuse(a, f->name, "请填写：%s",
				    f->label);
			continue;
		}
		if (field_check(f, a->val[i], act_sibling, a, a->today,
		    &a->own[i], &a->num[i], a->err, sizeof a->err) != NJ_OK) {
			strlcpy0(a->errfield, f->name, sizeof a->errfield);
			return NJ_REFUSED;
		}
	}
	return NJ_OK;
}

/* Run a prepared action inside the open transaction, with its audit row. */
static int
action_body(struct act *a)
{
	char	detail[2048];
	int	rc;

	/* R-SEC-8.3 issue 8 (3): the user as it is now, not at login */
	if ((rc = actor_current(a->who)) != NJ_OK)
		rc = rc == NJ_REFUSED ? act_refuse(a, NULL, ACTOR_CHANGED) :
		    act_fail(a, "查询用户");
	else if ((rc = act_numbers(a)) == NJ_OK)
		rc = a->def->run(a);
	if (rc == NJ_OK) {
		/* issue 11 (5): what happened, named, before the reset */
		act_done_build(a);
		act_detail(a, detail, sizeof detail);
		if (audit_write(a->who, a->def->name, a->key, detail) != NJ_OK)
			rc = act_fail(a, "审计日志");
	}
	/* R-SEC-8.9 issue 8 (9): the saved form's draft goes in the same
	 * transaction, so a crash cannot leave it to be saved twice */
	if (rc == NJ_OK && a->draft != NULL && draft_remove_in(a->who,
	    a->draft->form, a->draft->win) != NJ_OK)
		rc = act_fail(a, "草稿");
	sql_reset_all();
	return rc;
}

/*
 * A read-only action (a printer) reads in one consistent snapshot without
 * holding the write lock, then writes its audit row in a short
 * transaction of its own (R-001-A1-16b 001 查询日志化).
 */
static int
action_readonly(struct act *a)
{
	char	detail[2048];
	int	rc;

	if (store_begin_read() != 0) {
		xsnprintf(a->err, sizeof a->err, "系统繁忙，请稍后重试");
		return NJ_ERROR;
	}
	/* R-SEC-8.3 issue 8 (3): the user as it is now, not at login */
	if ((rc = actor_current(a->who)) != NJ_OK)
		rc = rc == NJ_REFUSED ? act_refuse(a, NULL, ACTOR_CHANGED) :
		    act_fail(a, "查询用户");
	else if ((rc = a->def->run(a)) == NJ_OK)
		act_done_build(a);
	sql_reset_all();
	store_rollback();
	if (rc != NJ_OK)
		return rc;
	act_detail(a, detail, sizeof detail);
	if (store_begin() != 0 ||
	    audit_write(a->who, a->def->name, a->key, detail) != NJ_OK ||
	    (a->draft != NULL && draft_remove_in(a->who, a->draft->form,
	    a->draft->win) != NJ_OK)) {
		store_rollback();
		return act_fail(a, "审计日志");
	}
	if (store_commit() != 0)
		return act_fail(a, "审计日志");
	return NJ_OK;
}

/*
 * R-SEC-8.2b issue 8 (2): an action that looked up private data and was
 * refused leaves a trace all the same (001 查询日志化 covers failed
 * look-ups): after the rollback, in a transaction of its own, an audit
 * row "<action> refused" with the masked value looked up and the reason,
 * and, when the look-up itself was refused, a row in lookup_refusals that
 * the rate limit counts (action-buyer.c, lookup_begin).
 */
static void
action_refusal_log(struct act *a)
{
	char	name[96], detail[2048], at[32];

	if (!a->lookup)
		return;
	xsnprintf(name, sizeof name, "%s refused", a->def->name);
	xsnprintf(detail, sizeof detail, "%s reason=%s", a->lookup_what,
	    a->err);
	clock_stamp(a->now, at, sizeof at);
	sql_reset_all();
	if (store_begin() != 0)
		goto fail;
	if (audit_write(a->who, name, a->key, detail) != NJ_OK ||
	    (a->lookup_miss && sql_exec(SQL_LOOKUP_REFUSED_INSERT,
	    a->who->login, at, a->def->name, a->lookup_what, a->err) != 0)) {
		sql_reset_all();
		store_rollback();
		goto fail;
	}
	sql_reset_all();
	if (store_commit() == 0)
		return;
fail:
	log_error("%s: refused look-up not logged: %s",
	    a->def->name, store_errmsg());
}

/*
 * Issue 15 item 4: does a run of action name with these values hash a
 * password (argon2id: a new one's hash in its field check, the old one's
 * and the second typing's checks in user.passwd)? Such a run takes a
 * slot of the server's cap on hashes at once (auth-gate.c), the one the
 * logins take, for the whole run, before its transaction: a storm of
 * password changes queues as a storm of logins does, and no slot is
 * waited for while holding the write lock.
 */
static int
action_hashes(const char *name, int n, const char *const *names,
    const char *const *values)
{
	const struct action	*def = action_find(name);
	int			 i, k;

	for (k = 0; def != NULL && k < n; k++)
		if ((i = action_field_index(def, names[k])) >= 0 &&
		    def->fields[i].type == FT_PASSWORD && values[k] != NULL &&
		    values[k][0] != '\0')
			return 1;
	return 0;
}

static int action_go_in(const struct actor *, const char *, int,
    const char *const *, const char *const *, const struct draft_ref *,
    void *, struct act **);

/* action_go_in inside a slot of the cap on hashes if it hashes. */
static int
action_go(const struct actor *who, const char *name, int n,
    const char *const *names, const char *const *values,
    const struct draft_ref *d, void *input, struct act **out)
{
	const struct auth_policy	*gate = auth_gate_current();
	int				 slot = -1, rc;

	if (gate != NULL && action_hashes(name, n, names, values) &&
	    auth_gate_enter(gate, &slot) != NJ_OK) {
		*out = xcalloc(1, sizeof **out);
		(*out)->who = who;
		(*out)->def = action_find(name);
		xsnprintf((*out)->err, sizeof (*out)->err, "%s",
		    AUTH_GATE_BUSY);
		return NJ_REFUSED;
	}
	rc = action_go_in(who, name, n, names, values, d, input, out);
	auth_gate_leave(gate, slot);
	return rc;
}

/* One run in a transaction of its own, with a draft or an input or none. */
static int
action_go_in(const struct actor *who, const char *name, int n,
    const char *const *names, const char *const *values,
    const struct draft_ref *d, void *input, struct act **out)
{
	struct act	*a;
	int		 rc;

	if ((rc = action_prepare(who, name, n, names, values, out)) != NJ_OK)
		return rc;
	a = *out;
	a->draft = d;
	a->input = input;
	if (a->def->readonly)
		return action_readonly(a);
	if (store_begin() != 0) {
		xsnprintf(a->err, sizeof a->err, "系统繁忙，请稍后重试");
		return NJ_ERROR;
	}
	if ((rc = action_body(a)) != NJ_OK) {
		store_rollback();
		if (rc == NJ_REFUSED)
			action_refusal_log(a);
		return rc;
	}
	if (store_commit() != 0) {
		log_error("%s: commit: %s", name, store_errmsg());
		xsnprintf(a->err, sizeof a->err, "数据库错误，操作未保存");
		return NJ_ERROR;
	}
	/* issue 12 item 4: the attached upload leaves the inbox now */
	if (a->unlink_after[0] != '\0')
		unlink(a->unlink_after);
	return NJ_OK;
}

/*
 * Run action name as who, with n named text values, in a transaction of
 * its own. On return *out holds the result (keys, message); the caller
 * frees it with act_free(). Returns NJ_OK, NJ_REFUSED (nothing written),
 * NJ_USAGE or NJ_ERROR.
 */
int
action_run(const struct actor *who, const char *name, int n,
    const char *const *names, const char *const *values, struct act **out)
{
	return action_run_draft(who, name, n, names, values, NULL, out);
}

/*
 * action_run for a form saved from a window: with d, the form's draft in
 * that window is removed inside the action's transaction (R-SEC-8.9).
 */
int
action_run_draft(const struct actor *who, const char *name, int n,
    const char *const *names, const char *const *values,
    const struct draft_ref *d, struct act **out)
{
	return action_go(who, name, n, names, values, d, NULL, out);
}

/*
 * action_run with input handed to the action whole (a->input): an
 * import's parsed file, written in the action's one transaction.
 */
int
action_run_input(const struct actor *who, const char *name, int n,
    const char *const *names, const char *const *values, void *input,
    struct act **out)
{
	return action_go(who, name, n, names, values, NULL, input, out);
}

/*
 * Run an action inside the caller's transaction: the demo loader's batch
 * (action_batch_begin) runs many actions as one, and an import.* action
 * runs user.add for each row of a users file, all or nothing.
 */
int
action_nested(const struct actor *who, const char *name, int n,
    const char *const *names, const char *const *values, struct act **out)
{
	return action_nested_input(who, name, n, names, values, NULL, out);
}

/* action_nested with input handed to the action whole (an import's file). */
int
action_nested_input(const struct actor *who, const char *name, int n,
    const char *const *names, const char *const *values, void *input,
    struct act **out)
{
	int rc;

	if ((rc = action_prepare(who, name, n, names, values, out)) != NJ_OK)
		return rc;
	(*out)->input = input;
	return action_body(*out);
}

int
action_batch_begin(void)
{
	return store_begin() == 0 ? NJ_OK : NJ_ERROR;
}

/*
 * End a batch: with ok, write its own audit row (what, which record, a
 * detail) and commit; otherwise roll everything back.
 */
int
action_batch_end(const struct actor *who, int ok, const char *name,
    const char *record, const char *detail)
{
	sql_reset_all();
	if (!ok) {
		store_rollback();
		return NJ_OK;
	}
	if (audit_write(who, name, record, detail) != NJ_OK) {
		store_rollback();
		return NJ_ERROR;
	}
	return store_commit() == 0 ? NJ_OK : NJ_ERROR;
}

/*
 * What a half-filled form would come to (the subsidy as the clerk chooses
 * item and tier): the action's preview with every field that is present
 * and valid, in a read snapshot. buf is "" when there is nothing to say.
 */
int
action_preview(const struct actor *who, const char *name, int n,
    const char *const *names, const char *const *values, char *buf,
    size_t len)
{
	struct act	*a = xcalloc(1, sizeof *a);
	int		 i, k;

	buf[0] = '\0';
	a->who = who;
	a->now = clock_now();
	a->today = clock_today();
	if ((a->def = action_find(name)) == NULL || a->def->preview == NULL ||
	    !action_allowed(a->def, who)) {
		act_free(&a);
		return NJ_OK;
	}
	for (k = 0; k < n; k++)
		if ((i = action_field_index(a->def, names[k])) >= 0 &&
		    a->val[i] == NULL && values[k] != NULL && *values[k])
			a->val[i] = xstrdup(values[k]);
	for (i = 0; a->def->fields[i].name != NULL; i++) {
		char msg[NJ_MSG_MAX];

		if (a->val[i] != NULL && field_check(&a->def->fields[i],
		    a->val[i], act_sibling, a, a->today, &a->own[i],
		    &a->num[i], msg, sizeof msg) != NJ_OK) {
			free((char *)a->val[i]);
			a->val[i] = NULL;
		}
	}
	if (store_begin_read() == 0) {
		a->def->preview(a, buf, len);
		sql_reset_all();
		store_rollback();
	}
	act_free(&a);
	return NJ_OK;
}
