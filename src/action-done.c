/*
 * action-done.c: what the user reads after an action was done (issue 11
 * item 5). Each action's row carries its verb (struct action's done:
 * 已上报, 已批准, 已支付 ...); the action names the record it acted on
 * with act_what() (its kind, its readable number and a word that tells
 * it apart: the buyer and the machine, a batch's month), or one of the
 * helpers below does it from the store; the engine then builds the one
 * sentence "<verb>：<record>" and appends the notes (a subsidy lowered by
 * a rule, work left for someone else). The screens show that sentence on
 * their status line and `njbt do` prints it on stderr (cmd-do.c), so the
 * two say the same.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"

/* Name the record the run acted on (and what changed about it). */
void
act_what(struct act *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vxsnprintf(a->what, sizeof a->what, fmt, ap);
	va_end(ap);
}

/*
 * The record a run keyed, when the action named none itself: by the
 * key's kind (an application SQ..., a notice TZ..., a batch JS...), else
 * the sale the action took (its "sale" field, an id by now: act_numbers)
 * or made (sale.new's key is the sale's id).
 */
static void
done_guess(struct act *a)
{
	const char	*sale = NULL;
	int64_t		 id;

	if (action_field_index(a->def, "sale") >= 0)
		sale = act_str(a, "sale");
	else if (strcmp(a->def->name, "sale.new") == 0)
		sale = a->key;
	if (strncmp(a->key, "SQ", 2) == 0)
		done_app_no(a, a->key, NULL);
	else if (strncmp(a->key, "TZ", 2) == 0)
		done_notice(a, a->key, NULL);
	else if (strncmp(a->key, "JS", 2) == 0)
		done_batch(a, a->key, NULL);
	else if (sale != NULL && parse_int(sale, &id) == 0)
		done_sale(a, id, NULL);
}

/*
 * The sentence after a run: the verb, the record (by default the form's
 * title and the key), then the notes. An action that names nothing and
 * keys nothing reads "<verb>：<title>".
 */
void
act_done_build(struct act *a)
{
	const char	*verb = a->def->done != NULL ? a->def->done : "已保存";
	size_t		 n;

	if (a->what[0] == '\0' && a->key[0] != '\0')
		done_guess(a);
	if (a->what[0] != '\0')
		xsnprintf(a->done, sizeof a->done, "%s：%s", verb, a->what);
	else
		xsnprintf(a->done, sizeof a->done, "%s：%s%s%s", verb,
		    a->def->title, a->key[0] ? " " : "", a->key);
	if (a->note[0] != '\0') {
		n = strlen(a->done);
		xsnprintf(a->done + n, sizeof a->done - n, "。%s", a->note);
	}
}

/* An application's number, buyer and first item, into no, name, item. */
static int
app_words(int64_t id, char *no, size_t nolen, char *name, size_t namelen,
    char *item, size_t itemlen)
{
	sqlite3_stmt	*st = sql_query(SQL_DONE_APP, id);
	int		 rc = sql_step(st);

	no[0] = name[0] = item[0] = '\0';
	if (rc == 1) {
		sql_col_copy(st, 0, no, nolen);
		sql_col_copy(st, 1, name, namelen);
		sql_col_copy(st, 2, item, itemlen);
	}
	sqlite3_reset(st);
	return no[0] != '\0';
}

/* An application named: "申请 SQ...（马小兵 旋耕机）", then tail. */
void
done_app(struct act *a, int64_t id, const char *tail)
{
	char	no[40], name[NJ_NAME_MAX], item[NJ_NAME_MAX];

	if (!app_words(id, no, sizeof no, name, sizeof name, item,
	    sizeof item))
		return;
	act_what(a, "申请 %s（%s%s%s）%s", no, name, item[0] ? " " : "", item,
	    tail != NULL ? tail : "");
}

/* An application named by its number. */
void
done_app_no(struct act *a, const char *no, const char *tail)
{
	int64_t id;

	if (sql_int(&id, SQL_DONE_APP_BY_NO, no) == 1)
		done_app(a, id, tail);
}

/*
 * A notice named with its buyer, item and application:
 * "确认通知书 TZ...（马小兵 旋耕机，申请 SQ...）", then tail.
 */
void
done_notice(struct act *a, const char *no, const char *tail)
{
	int64_t	id;
	char	app[40], name[NJ_NAME_MAX], item[NJ_NAME_MAX];

	if (sql_int(&id, SQL_DONE_NOTICE, no) != 1 || !app_words(id, app,
	    sizeof app, name, sizeof name, item, sizeof item))
		return;
	act_what(a, "确认通知书 %s（%s%s%s，申请 %s）%s", no, name,
	    item[0] ? " " : "", item, app, tail != NULL ? tail : "");
}

/*
 * A sale named: "销售 XS...（马小兵 旋耕机）" (the serial left out: with a
 * lowered amount's note the sentence must still fit two lines of 80).
 */
void
done_sale(struct act *a, int64_t id, const char *tail)
{
	sqlite3_stmt	*st = sql_query(SQL_DONE_SALE, id);
	char		 no[40] = "", name[NJ_NAME_MAX] = "";
	char		 item[NJ_NAME_MAX] = "";

	if (sql_step(st) == 1) {
		sql_col_copy(st, 0, no, sizeof no);
		sql_col_copy(st, 1, name, sizeof name);
		sql_col_copy(st, 2, item, sizeof item);
	}
	sqlite3_reset(st);
	if (no[0] == '\0')
		return;
	act_what(a, "销售 %s（%s %s）%s", no, name, item,
	    tail != NULL ? tail : "");
}

/* A batch named: "结算批次 JS...（2026-03，4 台，补贴 26400.00 元）". */
void
done_batch(struct act *a, const char *no, const char *tail)
{
	sqlite3_stmt	*st = sql_query(SQL_DONE_BATCH, no);
	char		 month[16] = "", sum[32] = "";
	int64_t		 n = 0;

	if (sql_step(st) == 1) {
		sql_col_copy(st, 1, month, sizeof month);
		n = sqlite3_column_int64(st, 2);
		money_format(sqlite3_column_int64(st, 3), sum, sizeof sum);
	}
	sqlite3_reset(st);
	if (month[0] == '\0')
		return;
	act_what(a, "结算批次 %s（%s，%lld 台，补贴 %s 元）%s", no, month,
	    (long long)n, sum, tail != NULL ? tail : "");
}
