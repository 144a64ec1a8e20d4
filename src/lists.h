/*
 * lists.h: the named lists (the read side of the actions layer): their
 * definitions, one per list-*.c row, and what a fetched page holds.
 */
#ifndef NJBT_LISTS_H
#define NJBT_LISTS_H

#include "store.h"

#define LC_PRIVATE	0x01	/* encrypted; followed by its last four
				   and the id of the row it was sealed for */
#define LC_MONEY	0x02	/* fen, shown as yuan */
#define LC_KEY		0x04	/* the row's key, for actions on the row */
#define LC_ROLE		0x08	/* a role name, shown by its label */
#define LC_STATE	0x10	/* a short label of kind (state.c, label.c):
				   as wide as the kind's widest; kept on
				   screen when others scroll (tui-cols.c) */
#define LC_DETAIL	0x20	/* with LC_STATE: the label, then details */

/*
 * A column: its head, width and flags, and one name: for a private
 * column the column it was sealed under, for a state column the kind
 * (state.c, label.c) whose labels it shows.
 */
struct list_col {
	const char	*label;
	int		 width;		/* display columns */
	unsigned	 flags;
	const char	*ad;		/* LC_PRIVATE: sealed under; LC_STATE:
					   the kind of its labels */
};

struct list_def {
	const char		*name;
	const char		*title;
	unsigned		 roles;
	unsigned		 private_roles;
	enum sql		 stmt;
	const struct list_col	*cols;
	const char		*kind;	/* its rows' record kind (record.h) */
};

/* list.c: what the record view shares with the lists */
int	 list_sees_private(const struct list_def *, const struct actor *);
char	*list_cell(sqlite3_stmt *, int, const struct list_col *, int);
int	 list_private_cols(const struct list_col *, char *, size_t);

/* list.c and list-seek.c: a page's parts (issue 15 item 1) */
const struct list_def *list_open(const struct actor *, const char *,
	     struct list_page *, int *, char *, size_t);
void	 list_today(int *, char *, size_t);
int	 list_read(const struct actor *, sqlite3_stmt *, int, int, int,
	     const char *, const char *, struct list_page *, char *, size_t);
int64_t	 list_count(const struct actor *, const struct list_def *,
	     const char *, const char *);
sqlite3_stmt *list_seek_query(const struct actor *, const struct list_def *,
	     const char *, const char *, int64_t, int, int, int, char *,
	     size_t);

/* list-*.c */
extern const struct list_def list_users;
/* list-violation.c (issue 13 item 2) */
extern const struct list_def list_violations;
extern const struct list_def list_dealers;
extern const struct list_def list_my_dealers;
extern const struct list_def list_models;
extern const struct list_def list_stock;
extern const struct list_def list_supplied;
extern const struct list_def list_items;
extern const struct list_def list_tiers;
extern const struct list_def list_counties;
extern const struct list_def list_townships;
extern const struct list_def list_regions;
extern const struct list_def list_mykeys;
extern const struct list_def list_applications;
extern const struct list_def list_approve_queue;
extern const struct list_def list_notices;
extern const struct list_def list_verify_queue;
extern const struct list_def list_sales;
extern const struct list_def list_my_sales;
extern const struct list_def list_claims;
extern const struct list_def list_anomalies;
extern const struct list_def list_app_flags;
extern const struct list_def list_batches;
extern const struct list_def list_finance_queue;
extern const struct list_def list_batch_sales;
extern const struct list_def list_review_queue;
extern const struct list_def list_finance_checks;
extern const struct list_def list_refunds;
extern const struct list_def list_objections;
/* list-buyer.c */
extern const struct list_def list_buyer_changes;
extern const struct list_def list_lookup_refusals;
extern const struct list_def list_buyers;
extern const struct list_def list_tier_amounts;
/* list-calendar.c */
extern const struct list_def list_deadlines;
/* list-complaint.c: issue 13 item 3 */
extern const struct list_def list_complaints;
/* list-audit.c: issue 13 item 4, the audit log and its search */
extern const struct list_def list_audit_log;
#define AUDIT_TERM_MAX	64
struct audit_search {
	char	login[AUDIT_TERM_MAX];
	char	action[AUDIT_TERM_MAX];		/* a name prefix */
	char	record[AUDIT_TERM_MAX];
	char	from[AUDIT_TERM_MAX];		/* YYYY-MM-DD */
	char	to[AUDIT_TERM_MAX];
	char	region[AUDIT_TERM_MAX];		/* the acting user's */
	char	word[AUDIT_TERM_MAX];		/* login, record or prefix */
};
int	 audit_search_parse(const char *, struct audit_search *, char *,
	     size_t);
int	 audit_search_check(const struct audit_search *, char *, size_t);
sqlite3_stmt *audit_search_query(const struct audit_search *, int64_t,
	     int64_t);
sqlite3_stmt *list_audit_seek(const char *, int64_t, int, int, int, char *,
	     size_t);
int	 list_audit_headline(char *, size_t);
/* list-filing.c: issue 13 item 1 */
extern const struct list_def list_filing_queue;
extern const struct list_def list_my_filings;
extern const struct list_def list_filing_publicities;
extern const struct list_def list_filing_objections;

#endif
