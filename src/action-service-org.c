/*
 * action-service-org.c: buyer.service_org, the county records whether an
 * organisation buyer is a recognised agricultural-machinery service
 * organisation (004 三(三)3 自治区确定的农机作业服务组织所需机具，在国家补贴
 * 的基础上再累加补贴20%). The flag is what gives the buyer's lines and
 * sales the service_org top-up (topups kind service_org, unit_subsidy);
 * the change is audited like every action. Only the county where the
 * buyer is registered may set it; anyone else is told the same as for an
 * unknown code (R-SEC-8.2a issue 8 (2)).
 */
#include <string.h>

#include "actions.h"

static const struct field service_org_fields[] = {
	{ "uscc", FT_USCC, FF_REQ, "统一社会信用代码", NULL, 18 },
	{ "recognised", FT_CHOICE, FF_REQ, "农机作业服务组织", "0:否,1:是", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* R-004-M-3.3.3a 004 三(三)3: the county recognises (or no longer) the buyer. */
static int
buyer_service_org(struct act *a)
{
	struct buyer_rec	r;
	int			rc, on;

	on = strcmp(act_str(a, "recognised"), "1") == 0;

	if ((rc = lookup_begin(a, "uscc", act_str(a, "uscc"))) != NJ_OK)
		return rc;
	if ((rc = buyer_find(a, act_str(a, "uscc"), &r)) < 0)
		return rc;
	/* scope: the buyer's county; out of scope looks like unknown */
	if (rc == 0 || strcmp(r.kind, "org") != 0 || r.township[0] == '\0' ||
	    (rc = scope_has(a, a->who, r.township)) == 0)
		return lookup_miss(a, "uscc", BUYER_UNKNOWN);
	if (rc < 0)
		return act_fail(a, "查询管辖范围");
	if (r.service_org == on)
		return act_refuse(a, "recognised", "%s%s农机作业服务组织", r.name,
		    on ? "已认定为" : "本未认定为");
	if (sql_exec(SQL_BUYER_SERVICE_SET, on, r.id) != 0 ||
	    store_changes() != 1)
		return act_fail(a, "保存购机者");
	act_out(a, "%s：%s农机作业服务组织", r.name, on ? "认定为" :
	    "取消认定");
	act_key(a, "%s", act_str(a, "uscc"));
	return NJ_OK;
}

const struct action action_buyer_service_org = {
	"buyer.service_org", "认定农机作业服务组织", R(ROLE_COUNTY),
	service_org_fields, buyer_service_org, 0, NULL, "已认定"
};
