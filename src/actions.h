/*
 * actions.h: the rows of the action table (one per action-*.c file) and
 * the look-ups and scope rules the actions share (action-find.c). Included
 * by action code only.
 */
#ifndef NJBT_ACTIONS_H
#define NJBT_ACTIONS_H

#include "store.h"

/* action-user.c: the user's colour setting (session_colour asks it) */
int	 user_colour(const struct actor *);

/*
 * draft.c: drafts kept per user, form and window (R-SEC-8.9); the screens
 * reach them through action-session.c (session.h)
 */
void	 draft_window_new(char *, size_t);
int	 draft_save(const struct actor *, const char *, const char *,
	     const char *);
char	*draft_load(const struct actor *, const char *, const char *);
int	 draft_drop(const struct actor *, const char *, const char *);
int	 draft_remove_in(const struct actor *, const char *, const char *);
int	 draft_other(const struct actor *, const char *, const char *,
	     struct draft_info *);
int	 draft_take(const struct actor *, const char *, const char *,
	     const char *);

/* action-outbox.c: printed sheets kept so many days (R-SEC-8.12d) */
#define OUTBOX_DAYS	30
#define OUTBOX_DAYS_MAX	3650
int	 outbox_days(void);
int	 outbox_sweep(const char *, time_t);
/* issue 12: a user's outbox holds 100 MB at most (action-outbox.c) */
#define OUTBOX_BYTES_MAX	(100LL * 1024 * 1024)
int64_t	 outbox_max(void);
int	 outbox_over(const char *);
/* action-print.c: text as a piece of a file name */
void	 name_part(char *, size_t, const char *, size_t);

/* embedded files (generated from db/ at build time) */
struct embedded {
	const char	*name;
	const char	*text;
	size_t		 len;
};
extern const struct embedded demo_files[];
extern const size_t ndemo_files;


struct tier_row;

/* action-program.c */
extern const struct action action_program_set;
struct program_row {
	int	 year;
	char	 flow[16];
	int	 notice_days;
	int	 publicity_days;
	int	 publicity_working;
	int	 max_ratio_bp;
	int	 review_sample_bp;
	int	 finance_sample_bp;
	int64_t	 key_threshold;
	int	 ban_years;
	int	 flag_buyer_units;
	int	 flag_dealer_units;
	int	 flag_dealer_days;
	int	 flag_ratio_bp;
};
int	 program_get(int, struct program_row *);

/* action-maker.c */
extern const struct action action_maker_add;

/* action-dealer.c */
extern const struct action action_dealer_register;
extern const struct action action_dealer_pick;
extern const struct action action_dealer_authorize;
extern const struct action action_dealer_unpick;
extern const struct action action_dealer_contest;

/* action-product.c */
extern const struct action action_product_add;

/* action-supply.c */
extern const struct action action_supply_new;
extern const struct action action_supply_bulk;
extern const struct action action_supply_return;

/* action-user.c */
extern const struct action action_user_add;
extern const struct action action_user_passwd;
extern const struct action action_user_lock;
extern const struct action action_user_unlock;
extern const struct action action_user_prefs;
/* action-post.c */
extern const struct action action_user_post;
const char *post_label(const char *);

/* action-current.c: "（今天是 2026-03-02）" for a refusal that compares
 * with today (issue 11 (4)) */
const char *act_today(const struct act *);
int	 post_for_new(struct act *, int, const char **);
int	 post_record_new(struct act *, int64_t, const char *);
int	 decide_check(struct act *, const char *, int64_t, int64_t);
int	 review_check(struct act *, const char *, int64_t);
/* action-key.c */
extern const struct action action_user_key_add;
extern const struct action action_user_key_remove;
int	 key_parse(const char *, char *, size_t, char *, size_t, char *,
	     size_t, char *, size_t);

/* action-buyer.c */
struct buyer_in {
	const char	*kind;		/* person, org; NULL: must exist */
	const char	*name;
	const char	*idno;		/* normalised */
	const char	*gender;
	const char	*legal_rep;
	const char	*township;
	const char	*village;
	const char	*address;
	const char	*phone;
	const char	*bank_name;
	const char	*account;
};
struct buyer_row {
	int64_t	 id;
	char	 name[NJ_NAME_MAX];
	char	 kind[8];
	char	 banned[16];	/* banned until, "" if not */
	int	 service_org;
	char	 township[NJ_REGION_MAX];
};
int	 buyer_get(struct act *, const struct buyer_in *, struct buyer_row *);
int	 unit_subsidy(struct act *, const struct tier_row *, int64_t, int64_t,
	     int, struct subsidy_out *);
int	 tier_by_id(struct act *, int64_t, struct tier_row *);
int	 budget_commit(struct act *, const char *, const char *, int, int64_t,
	     int64_t, int);
int	 buyer_not_banned(struct act *, const char *, int64_t);
int	 county_of(struct act *, const char *, const char *, char *, size_t);

/* action-buyer-rec.c: R-SEC-8.1/8.2 issue 8, a buyer's record as a
 * change compares it */
struct buyer_rec {
	int64_t		 id;
	char		 name[NJ_NAME_MAX];
	char		 kind[8];
	char		 banned[16];
	int		 service_org;
	char		 township[NJ_REGION_MAX];
	char		 village[256];
	char		 address[512];
	char		 phone[32];
	int		 has_phone;
	char		 phone_last4[32];
	char		 bank_name[256];
	unsigned char	 account_hash[CRYPT_HASH_LEN];
	int		 has_account;
	char		 account_last4[32];
	char		 legal_rep[256];
	int64_t		 version;
};
/*
 * A buyer's place and contact, as claim.new and buyer.update ask for them
 * (application.new asks the same, with the township required): one set of
 * field rows, so that the two forms check them alike.
 */
#define FIELDS_BUYER_CONTACT						\
	{ "buyer_type", FT_CHOICE, 0, "购机者类型", "person:个人,org:组织", 0 }, \
	{ "township", FT_REF, 0, "乡镇", "townships", 12 },		\
	FIELDS_BUYER_ADDRESS
#define FIELDS_BUYER_ADDRESS						\
	{ "village", FT_TEXT, 0, "村组", NULL, 30 },			\
	{ "address", FT_TEXT, 0, "住址", NULL, 80 },			\
	{ "phone", FT_PHONE, FF_PRIVATE, "联系电话", NULL, 20 },		\
	{ "bank_name", FT_TEXT, 0, "开户行", NULL, 40 },		\
	{ "bank_account", FT_ACCOUNT, FF_PRIVATE, "账号", NULL, 32 }

#define BUYER_MISMATCH	"证件号码与姓名（名称）不符"
#define BUYER_UNKNOWN	"本县（乡镇）没有此证件号码的购机者"
#define BUYER_STALE	"购机者信息已被他人修改，请重新打开后再改"
#define BUYER_BANNED	"该购机者因违规被禁止申请补贴，禁止期未满"
#define LOOKUP_THROTTLED "查询过于频繁，已报告管理员"
int	 buyer_find(struct act *, const char *, struct buyer_rec *);
int	 buyer_keep(struct act *, const struct buyer_in *,
	     const struct buyer_rec *);
int	 buyer_change(struct act *, const struct buyer_rec *,
	     const char *const *, const char *, unsigned *);
int	 buyer_field(const char *);
int	 buyer_account_changed(unsigned);
/* action-lookup.c */
int	 lookup_begin(struct act *, const char *, const char *);
int	 lookup_miss(struct act *, const char *, const char *);

int	 user_insert(struct act *, const char *, const char *, int,
	     const char *, int64_t, int64_t, const char *, int);
struct org_kind {
	const char	*what;		/* 生产企业, 经销商 */
	int		 role;
	enum sql	 exists;	/* its id by credit code */
	enum sql	 insert;
	const char	*phone_ad;	/* the phone's sealed column */
	const char	*dup;		/* what a second one is told */
};
int	 org_open(struct act *, const struct org_kind *, const char *, int);

/* action-buyer-update.c */
extern const struct action action_buyer_update;

/* action-apply.c */
extern const struct action action_application_new;
extern const struct action action_application_line;
extern const struct action action_application_submit;
extern const struct action action_application_approve;
extern const struct action action_application_reject;
extern const struct action action_application_withdraw;

/* action-sale.c */
extern const struct action action_sale_new;
extern const struct action action_claim_new;

/* action-limit.c: regional limits (issue 10 item 3) */
#define LIMIT_REGION	0	/* the region list only */
#define LIMIT_CONFIRM	1	/* and a condition confirmed (confirm_limit) */
#define FIELD_CONFIRM_LIMIT \
	{ "confirm_limit", FT_CHOICE, 0, "已核实符合限制条件", "0:否,1:是", 0 }
int	 limit_check(struct act *, const char *, int64_t, const char *, int,
	     int *);
void	 limit_label(int64_t, char *, size_t);

/* action-dup.c: a second open application flagged (issue 10 item 9) */
int	 dup_flag(struct act *, int64_t, const char *);

/* action-verify.c */
extern const struct action action_verify_pass;
extern const struct action action_verify_fail;

/* action-print.c */
extern const struct action action_print;

/* action-account.c */
int	 account_batch_check(struct act *, int64_t, const char *);

/* action-batch.c */
extern const struct action action_batch_new;
extern const struct action action_batch_publicize;
extern const struct action action_objection_new;
extern const struct action action_objection_resolve;
extern const struct action action_batch_review;
extern const struct action action_batch_submit;
struct batch_row {
	int64_t	 id;
	char	 no[32];
	char	 county[NJ_REGION_MAX];
	int	 year;
	char	 month[8];
	int	 seq;
	char	 state[16];
	char	 pub_from[16];
	char	 pub_to[16];
	char	 created[16];
	char	 approved[16];
};
int	 find_batch(struct act *, const char *, struct batch_row *);
int	 batch_in_state(struct act *, const struct batch_row *, const char *);
int	 batch_may(struct act *, const struct batch_row *, const char *);
int	 batch_take_out(struct act *, int64_t, const char *);
int	 batch_record_check(struct act *, enum sql, int64_t, int64_t,
	     const char *, const char *);
int	 publicity_length(struct act *, const struct program_row *, int,
	     int);

/* action-finance.c */
extern const struct action action_finance_sample;
extern const struct action action_finance_check;
extern const struct action action_finance_approve;
extern const struct action action_finance_pay;

/* action-return.c */
extern const struct action action_return_new;
extern const struct action action_return_refund;
extern const struct action action_return_confirm;

/* anomaly.c */
#define AN_BUYER_UNITS	0x01	/* 单人多台套 */
#define AN_DEALER_BURST	0x02	/* 短期内大批量 */
#define AN_REPEAT_ITEM	0x04	/* 同人连年购置同类机具 */
#define AN_ENGINE_DUP	0x08	/* 发动机号重复 */
#define AN_RATIO	0x10	/* 补贴占售价比例偏高 */
#define AN_WINDOW	0x20	/* 超出确认通知书有效期 */
#define AN_PRICE	0x40	/* 售价随补贴额变动 */
int	 anomaly_check(struct act *, int64_t);

/* action-find.c: look-ups that refuse with a Chinese reason */
struct region_row {
	char	 code[NJ_REGION_MAX];
	char	 name[NJ_NAME_MAX];
	char	 level[16];
	char	 parent[NJ_REGION_MAX];
};
struct org_row {
	int64_t	 id;
	char	 name[NJ_NAME_MAX];
	char	 uscc[24];
	char	 status[16];
};
struct tier_row {
	int64_t	 id;
	int	 year;
	char	 item[32];
	char	 code[32];
	char	 name[NJ_NAME_MAX];
	int64_t	 central, provincial, city, county, cap;
	int	 is_key, licensed, open_ended;
	char	 segment[16];	/* issue 10 (10): first day of the amount in
				 * force (tier_at), "" = the catalogue's */
};
struct product_row {
	int64_t	 id;
	int64_t	 maker_id;
	int64_t	 tier_id;
	char	 model[64];
	char	 name[NJ_NAME_MAX];
	int64_t	 subsidy;
	int	 powered;
	char	 status[16];
};
struct user_row {
	int64_t	 id;
	char	 login[NJ_LOGIN_MAX + 1];
	char	 name[NJ_NAME_MAX];
	int	 role;
	char	 region[NJ_REGION_MAX];
	int	 locked;
};

int	 find_region(struct act *, const char *, const char *, const char *,
	     struct region_row *);
int	 find_maker_uscc(struct act *, const char *, const char *,
	     struct org_row *);
int	 find_maker_id(struct act *, int64_t, struct org_row *);
int	 find_dealer_uscc(struct act *, const char *, const char *,
	     struct org_row *);
int	 find_dealer_id(struct act *, int64_t, struct org_row *);
int	 find_tier(struct act *, const char *, int, const char *,
	     const char *, struct tier_row *);
int	 find_product(struct act *, const char *, const char *,
	     struct product_row *);
int	 find_user(struct act *, const char *, const char *,
	     struct user_row *);
int	 scope_has(struct act *, const struct actor *, const char *);
int	 need_scope(struct act *, const char *, const char *);
int	 login_free(struct act *, const char *, const char *);
int	 year_of(struct act *, const char *);
int	 own_maker(struct act *, struct org_row *);
int	 own_dealer(struct act *, struct org_row *);
int	 active_dealer(struct act *, const char *, struct org_row *);
int	 dealer_picked(int64_t, int64_t);
int	 picked_by_me(struct act *, const char *, const struct org_row *);
int	 my_product(struct act *, const char *, struct product_row *);
void	 serial_norm(const char *, char *, size_t);

/* action-buyer-ban.c: a buyer's ban (buyer.ban, violation.decide) */
int	 buyer_ban_apply(struct act *, const char *, const char *, int,
	     int64_t *, char *);
/* action-violation.c: violations and penalties (issue 13 item 2) */
extern const struct action action_violation_new;
extern const struct action action_violation_decide;
extern const struct action action_violation_restore;
/* action-party-check.c: may a party act? (issue 13 item 2) */
int	 party_check(struct act *, const char *, const char *, const char *,
	     const char *, const char *);
void	 party_rep_hash(const char *, unsigned char *);
int	 party_not_blacklisted(struct act *, const char *, const char *,
	     const char *);
int	 party_rep_register(struct act *, enum sql, int);

/* action-outbox.c */
extern const struct action action_outbox_days;
/* action-photo.c: photos on records (issue 12 item 4) */
extern const struct action action_photo_attach;
int	 photo_add(struct act *, const char *, const char *, const char *,
	     const char *, const char *);
int	 photo_waiting(struct act *, const char *);

/* action-complaint.c: complaints (issue 13 item 3) */
extern const struct action action_complaint_new;
extern const struct action action_complaint_decline;
extern const struct action action_complaint_investigate;
extern const struct action action_complaint_interview;
extern const struct action action_complaint_decide;
/* action-freeze-check.c: a complaint's freeze (先行封闭) refuses supply
 * and sales of the dealer, product or maker */
int	 freeze_check(struct act *, const char *, int64_t, int64_t);

/* action.c: the fields of an action that runs on its caller's input only
 * (a file): no screen offers it */
extern const struct field action_input_fields[];

/* import.c: `njbt import KIND FILE` as actions, one per kind */
extern const struct action action_import_regions;
extern const struct action action_import_catalog;
extern const struct action action_import_budget;
extern const struct action action_import_users;
extern const struct action action_import_holidays;
extern const struct action action_import_penalties;	/* issue 13 */

/* demo.c: `njbt init --demo`, the console's only */
extern const struct action action_demo_load;

/*
 * action.c: action_run and action_nested with input, what the caller
 * hands the action whole (a->input), not as fields: an import's parsed
 * file. The engine neither reads nor logs it.
 */
int	 action_run_input(const struct actor *, const char *, int,
	     const char *const *, const char *const *, void *, struct act **);
int	 action_nested_input(const struct actor *, const char *, int,
	     const char *const *, const char *const *, void *, struct act **);
/* action-load.c: one row loader per record kind (SALE_ROW_COLS ...) */
struct sale_row {
	int64_t		 id;
	int		 year;
	char		 county[NJ_REGION_MAX];
	int64_t		 dealer, machine, buyer;
	int64_t		 app, line, notice;	/* 0 if none */
	int64_t		 tier;
	int64_t		 price;
	char		 sold_on[16];
	int64_t		 central, provincial, city, county_part, subsidy;
	int		 is_key, licensed;
	char		 state[16];
	char		 licence[40];
	char		 entered[32];
	unsigned char	 idno_hash[CRYPT_HASH_LEN];	/* the buyer's */
	char		 township[NJ_REGION_MAX];	/* app's, else buyer's */
	int64_t		 entered_by;	/* the application's, 0 if none */
	/* not loaded: action-verify.c's find_sale adds them */
	int		 installed;	/* the tier's installed flag */
	char		 kind[8];	/* the buyer's: person, org */
	char		 buyer_name[NJ_NAME_MAX];	/* the buyer's name */
};
struct app_row {
	int64_t	 id;
	char	 no[32];
	int	 year;
	char	 flow[16];
	char	 county[NJ_REGION_MAX];
	char	 township[NJ_REGION_MAX];
	int64_t	 buyer;
	char	 state[16];
	int64_t	 entered_by;
	int64_t	 submitted_by;
};
struct notice_row {
	int64_t		 id;
	int64_t		 app;
	char		 state[16];
	char		 valid_from[16], valid_to[16];
	char		 county[NJ_REGION_MAX];	/* the application's */
	int64_t		 buyer;
	int		 year;
	unsigned char	 idno_hash[CRYPT_HASH_LEN];	/* the buyer's */
	char		 township[NJ_REGION_MAX];
};
enum load_kind_id {
	LOAD_REGION,
	LOAD_ORG,
	LOAD_TIER,
	LOAD_PRODUCT,
	LOAD_USER,
	LOAD_BATCH,
	LOAD_SALE,
	LOAD_BUYER,
	LOAD_APP,
	LOAD_NOTICE,
	LOAD__COUNT
};
enum load_type { LD_I64, LD_INT, LD_ROLE, LD_TEXT, LD_BLOB };
struct load_col {
	const char	*name;	/* as sqlite3_column_name() says it */
	enum load_type	 type;
	size_t		 off, size;
};
struct load_kind {
	const char		*name;
	const struct load_col	*cols;
	size_t			 ncols;
};
struct load_use {
	enum sql		 stmt;
	enum load_kind_id	 kind;
};
extern const struct load_kind load_kinds[LOAD__COUNT];
extern const struct load_use load_uses[];
extern const size_t load_nuses;
void	 load_row(sqlite3_stmt *, enum load_kind_id, void *);
void	 load_region(sqlite3_stmt *, struct region_row *);
void	 load_org(sqlite3_stmt *, struct org_row *);
void	 load_tier(sqlite3_stmt *, struct tier_row *);
void	 load_product(sqlite3_stmt *, struct product_row *);
void	 load_user(sqlite3_stmt *, struct user_row *);
void	 load_batch(sqlite3_stmt *, struct batch_row *);
void	 load_sale(sqlite3_stmt *, struct sale_row *);
void	 load_buyer(sqlite3_stmt *, struct buyer_row *);
void	 load_app(sqlite3_stmt *, struct app_row *);
void	 load_notice(sqlite3_stmt *, struct notice_row *);

/* action-field.c: one field's check by its type, for the engine */
int	 field_check(const struct field *, const char *,
	     const char *(*)(void *, const char *), void *, int, char **,
	     int64_t *, char *, size_t);
/* action-subsidy.c: issue 10 items 1, 2 and 10 */
int	 tier_at(struct act *, struct tier_row *, int);
void	 subsidy_note(struct act *, const struct tier_row *,
	     const struct subsidy_out *);
int	 topup_fit(struct act *, const char *, int, int64_t, int64_t, int64_t,
	     struct subsidy_out *);
void	 segment_label(const char *, char *, size_t);
/* action-notice.c, action-lottery.c: issue 10 item 4 */
int	 notice_expire_due(struct act *, const char *, int *);
int	 notice_withdrawn(struct act *, int64_t, int64_t, int64_t);
extern const struct action action_notice_handback;
extern const struct action action_notice_expire;
extern const struct action action_lottery_draw;
/* action-tier.c */
extern const struct action action_tier_amount;
/* action-service-org.c */
extern const struct action action_buyer_service_org;

/* action-done.c, action-numbers.c: issue 11 item 5, what the user
 * reads after a run and the readable numbers of sales and payments */
void	 act_done_build(struct act *);
void	 done_app(struct act *, int64_t, const char *);
void	 done_app_no(struct act *, const char *, const char *);
void	 done_notice(struct act *, const char *, const char *);
void	 done_sale(struct act *, int64_t, const char *);
void	 done_batch(struct act *, const char *, const char *);
int	 number_next(struct act *, const char *, const char *, int,
	    int64_t *);
int	 sale_number(struct act *, int64_t, const char *, int);
int	 payment_numbers(struct act *, int64_t);
int	 act_numbers(struct act *);
const char *sale_ref(int64_t);

/* action-filing.c, action-filing-check.c: issue 13 item 1, the review,
 * publicity and publication of filed products (投档) */
extern const struct action action_product_review;
extern const struct action action_filing_publicize;
extern const struct action action_filing_objection;
extern const struct action action_filing_resolve;
extern const struct action action_filing_publish;
int	 product_usable(struct act *, int64_t, const char *);
int	 maker_may_file(struct act *, const char *, int64_t);
int	 cert_expired(const struct act *, const char *);

/* action-buyer-ban.c: a buyer banned for the year's ban_years */
extern const struct action action_buyer_ban;
int	 ban_last_day(int, int, int *);

#endif
