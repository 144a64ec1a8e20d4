/*
 * action-post.c: the posts of county users, 经办 (handler: enters,
 * submits, verifies) and 审核 (approver: decides), set by the level above
 * (the province for county users), and the rule that makes the split
 * real: an approver decides nothing that he entered or submitted, nor
 * anything entered, submitted or verified through an account he opened
 * (issue 8 item 6; 003 附件1 经办/审核分设). user.post changes a county
 * user's post; decide_check() and review_check() are called by the
 * actions that decide (application.approve/reject, batch.review).
 */
#include <string.h>

#include "actions.h"

/* The posts: what users.post holds and what the screens show. */
static const struct {
	const char	*name;
	const char	*label;
} posts[] = {
	{ "handler",	"经办" },
	{ "approver",	"审核" },
};

const char *
post_label(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof posts / sizeof posts[0]; i++)
		if (name != NULL && strcmp(posts[i].name, name) == 0)
			return posts[i].label;
	return "";
}

/*
 * The post a new user of role gets from the action's "post" field: a
 * county user must be given one, nobody else may (R-SEC-8.6a). Only the
 * admin opens county users, so only the province sets their post.
 * *post is "" for none. NJ_OK or the refusal.
 */
int
post_for_new(struct act *a, int role, const char **post)
{
	*post = act_has(a, "post") ? act_str(a, "post") : "";
	/* R-SEC-8.6a issue 8 (6): county users carry their post */
	if (role == ROLE_COUNTY && **post == '\0')
		return act_refuse(a, "post", "请填写：岗位（县级用户须设经办或审核）");
	if (role != ROLE_COUNTY && **post != '\0')
		return act_refuse(a, "post", "只有县级用户设岗位（经办或审核）");
	return NJ_OK;
}

/* Record who opened user id and the post it got (R-SEC-8.6b). */
int
post_record_new(struct act *a, int64_t id, const char *post)
{
	if (sql_exec(SQL_USER_SET_OPENED, a->who->id, post, id) != 0)
		return act_fail(a, "保存用户");
	return NJ_OK;
}

/* Is the acting user a county approver? NJ_OK or the refusal. */
static int
need_approver(struct act *a, const char *field)
{
	char	post[16] = "";
	int	rc;

	if (a->who->role == ROLE_CONSOLE)
		return NJ_OK;
	/* R-SEC-8.6 issue 8 (6): only 审核 decides; read now, not at login */
	rc = sql_text(post, sizeof post, SQL_USER_POST, a->who->id);
	if (rc < 0)
		return act_fail(a, "查询岗位");
	if (strcmp(post, "approver") != 0)
		return act_refuse(a, field, "只有审核岗位人员可以%s（您的岗位：%s）",
		    a->def->title, post[0] ? post_label(post) : "未设");
	return NJ_OK;
}

/* Did the acting user open the account of user id? 1, 0, or -1. */
static int
opened_by_me(struct act *a, int64_t id)
{
	int64_t one;

	if (id == 0)
		return 0;
	return sql_int(&one, SQL_USER_OPENED_BY, id, a->who->id);
}

/*
 * May the acting user decide a record entered by enterer and submitted
 * by submitter (users.id, 0 for none)? Not the one who entered or
 * submitted it (R-003-A1-1a 003 附件1), not the one who opened either's account
 * (R-SEC-8.6b), and only an approver (R-SEC-8.6). NJ_OK or the refusal.
 */
int
decide_check(struct act *a, const char *field, int64_t enterer,
    int64_t submitter)
{
	int rc;

	if (a->who->id == enterer || a->who->id == submitter)
		return act_refuse(a, field, "经办人不能审核自己录入或上报的申请"
		    "（经办与审核须由不同人员担任）");
	/* R-SEC-8.6b issue 8 (6): no deciding through a puppet account */
	if ((rc = opened_by_me(a, enterer)) == 0)
		rc = opened_by_me(a, submitter);
	if (rc < 0)
		return act_fail(a, "查询开户人");
	if (rc == 1)
		return act_refuse(a, field, "不能审核由您开设的账号录入或上报的申请"
		    "（经办与审核须由不同人员担任）");
	return need_approver(a, field);
}

/*
 * May the acting user review sale (复核)? Not through an account he
 * opened that verified it (R-SEC-8.6b), and only an approver (R-SEC-8.6).
 * The caller has already refused the verifier himself.
 */
int
review_check(struct act *a, const char *field, int64_t sale)
{
	int64_t	one;
	int	rc;

	/* R-SEC-8.6b issue 8 (6): no reviewing through a puppet account */
	rc = sql_int(&one, SQL_REVIEW_VERIFIER_OPENED, sale, a->who->id);
	if (rc < 0)
		return act_fail(a, "查询核验");
	if (rc == 1)
		return act_refuse(a, field, "复核人员不能复核由其开设的账号核验的机具");
	return need_approver(a, field);
}

static const struct field post_fields[] = {
	{ "login", FT_REF, FF_REQ, "登录名", "user", 32 },
	{ "post", FT_CHOICE, FF_REQ, "岗位", "handler:经办,approver:审核", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * Change a county user's post. Only the province (the level above the
 * county) may; the user's open sessions end (R-SEC-8.3).
 */
static int
user_post(struct act *a)
{
	struct user_row	u;
	int		rc;

	if ((rc = find_user(a, "login", act_str(a, "login"), &u)) != NJ_OK)
		return rc;
	/* R-SEC-8.6a issue 8 (6): posts are for county users */
	if (u.role != ROLE_COUNTY)
		return act_refuse(a, "login", "只有县级用户设岗位（经办或审核）");
	if (sql_exec(SQL_USER_SET_POST, act_str(a, "post"), u.id) != 0)
		return act_fail(a, "保存岗位");
	act_key(a, "%s", u.login);
	return NJ_OK;
}

/* R-SEC-8.6a issue 8 (6): only the level above sets a county's post */
const struct action action_user_post = {
	"user.post", "设置岗位", R(ROLE_ADMIN), post_fields, user_post, 0,
	NULL, "已设置岗位"
};
