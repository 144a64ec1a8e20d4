/*
 * njbt.h: the common header of njbt, the information system of the
 * farm-machinery purchase subsidy programme, and all a front end sees of
 * the layers below it: the types every layer shares, the clock, and what
 * the actions layer offers the front ends (the action engine, lists,
 * printers, log-in, the session API of session.h, opening, checking and
 * backing up the database), grouped by file. It declares nothing of the
 * store: store.h is the store's (the actions include it through
 * actions.h); drafts and display settings reach the store only through
 * session.h. It includes no SQLite and no curses.
 *
 * Layers, each calling only downwards:
 *   front ends (cmd-*.c, ssh-*.c, tui-*.c, main.c) -> actions (action-*.c,
 *   list-*.c, print-*.c, auth.c, draft.c, import.c, db.c, ...) -> domain
 *   helpers (domain.h) -> store (store-*.c) -> base (util, log, clock).
 * `make layers` checks it by the symbols each object references
 * (tests/layers): a front end that called a store function or SQLite,
 * even through a declaration of its own, fails the build's check.
 *
 * Only the front ends write to the terminal. Below them nothing calls
 * fprintf(stderr), printf, puts or perror (`make layers` checks it): what
 * the operator should read goes to log_info/log_warn/log_error (log.h),
 * and each front end sets where that goes: stderr for batch commands,
 * syslog and stderr for `njbt serve`, syslog alone for a session's
 * screens, whose stderr is the user's terminal.
 */
#ifndef NJBT_H
#define NJBT_H

#include <sys/types.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "domain.h"

#define NJ_OK		0	/* done */
#define NJ_REFUSED	1	/* a rule refused it; a Chinese reason is set */
#define NJ_USAGE	2	/* unknown action, field or option */
#define NJ_ERROR	(-1)	/* the system failed (database, key, memory) */

#define NJ_LOGIN_MAX	32
#define NJ_NAME_MAX	128
#define NJ_REGION_MAX	16
#define NJ_MSG_MAX	512
#define NJ_KEY_MAX	128

/* Roles (SPEC section 1); bits so that an action can name several. */
enum role {
	ROLE_ADMIN = 0,
	ROLE_CITY,
	ROLE_COUNTY,
	ROLE_TOWNSHIP,
	ROLE_FINANCE,
	ROLE_MAKER,
	ROLE_DEALER,
	ROLE_AUDITOR,
	ROLE_REGISTER,
	ROLE_CONSOLE,		/* the operator at the server's shell */
	ROLE__COUNT
};
#define R(r)		(1u << (r))
#define R_ANY		0xffffu

/* Who is acting: a logged-in user, or the console operator. */
struct actor {
	int64_t	 id;			/* users.id, 0 for the console */
	char	 login[NJ_LOGIN_MAX + 1];
	char	 name[NJ_NAME_MAX];
	int	 role;
	char	 region[NJ_REGION_MAX];	/* scope: region code */
	int64_t	 org;			/* makers.id or dealers.id */
	char	 from[64];		/* "console", "ssh 10.0.0.5", ... */
	char	 post[16];		/* county: handler, approver; "" */
	int64_t	 epoch;			/* users.auth_epoch at login */
};

/* Field types of actions; the screens pick an editor by type. */
enum ftype {
	FT_TEXT = 0,
	FT_INT,
	FT_YEAR,
	FT_MONEY,
	FT_RATIO,
	FT_DATE,
	FT_MONTH,
	FT_CHOICE,
	FT_REF,
	FT_IDNO,	/* resident ID, or credit code for an organisation */
	FT_USCC,
	FT_ACCOUNT,	/* bank card (person) or account (organisation) */
	FT_PHONE,
	FT_LOGIN,
	FT_PASSWORD,
	FT_LIST,	/* comma separated list */
	FT_LINES,	/* one item a line (or comma separated) */
	FT__COUNT
};

#define FF_REQ		0x01	/* required */
#define FF_PRIVATE	0x02	/* private: masked in the audit log */
#define FF_SECRET	0x04	/* never logged at all (passwords) */

struct field {
	const char	*name;
	enum ftype	 type;
	unsigned	 flags;
	const char	*label;		/* Chinese label */
	const char	*arg;		/* choices "a:甲,b:乙" or a look-up kind */
	int		 max;		/* longest value in characters */
};

struct act;
struct action {
	const char		*name;
	const char		*title;		/* Chinese */
	unsigned		 roles;
	const struct field	*fields;
	int			(*run)(struct act *);
	int			 readonly;	/* writes nothing but the log */
	/* what the screen shows as the user fills the form (may be NULL) */
	void			(*preview)(struct act *, char *, size_t);
	/* issue 11 (5): the verb of the message after a run (已批准 ...) */
	const char		*done;
};

#define ACT_MAXF	24

/* One run of an action: its input, its output, its message. */
struct act {
	const struct actor	*who;
	const struct action	*def;
	const char		*val[ACT_MAXF];	/* trimmed text or NULL */
	char			*own[ACT_MAXF];	/* normalised copies */
	int64_t			 num[ACT_MAXF];	/* fen, day, year, bp, ... */
	time_t			 now;
	int			 today;		/* day number */
	char			 key[NJ_KEY_MAX];	/* record key for the log */
	char			*out;		/* keys, one a line */
	size_t			 outlen;
	size_t			 outcap;
	char			 err[NJ_MSG_MAX];
	char			 errfield[32];
	/* R-SEC-8.2b issue 8 (2): a look-up by a private value */
	int			 lookup;	/* made: a refusal is audited */
	int			 lookup_miss;	/* it is what refused: counted */
	char			 lookup_what[64];	/* field=***1234 */
	char			 audit_note[512];	/* appended to the audit detail */
	/* issue 10 (1): what the user must be told on success (a subsidy
	 * lowered by a rule: both amounts and why) */
	char			 note[NJ_MSG_MAX];
	/* issue 11 (5): the record the run names (kind, number, who/what:
	 * act_what) and the sentence the user reads after it, the same on
	 * the screen and from `njbt do` (action-done.c) */
	char			 what[NJ_MSG_MAX];
	char			 done[NJ_MSG_MAX];
	/* R-SEC-8.9: the form's draft, removed in the save's transaction */
	const struct draft_ref	*draft;
	/* what the caller hands the action whole, not as fields: an import's
	   parsed file (action_run_input); NULL from forms and `njbt do` */
	void			*input;
	/* issue 12 item 4: an upload attached (action-photo.c), removed
	   from the inbox only once the action has committed; "" none */
	char			 unlink_after[4096];
};

/* The draft of a form in a window (draft.c), for action_run_draft. */
struct draft_ref {
	const char	*form;
	const char	*win;
};

/* action.c */
const struct action *action_find(const char *name);
const struct action *action_at(size_t);
const char *ftype_name(enum ftype);
int	 action_allowed(const struct action *, const struct actor *);
int	 action_on_screens(const struct action *);
int	 action_field_index(const struct action *, const char *);
int	 action_check_field(const struct action *, int, const char *,
	     const char *(*)(void *, const char *), void *, char *, size_t);
int	 action_run(const struct actor *, const char *, int,
	     const char *const *, const char *const *, struct act **);
int	 action_run_draft(const struct actor *, const char *, int,
	     const char *const *, const char *const *, const struct draft_ref *,
	     struct act **);
int	 action_nested(const struct actor *, const char *, int,
	     const char *const *, const char *const *, struct act **);
int	 action_preview(const struct actor *, const char *, int,
	     const char *const *, const char *const *, char *, size_t);
int	 action_batch_begin(void);
int	 action_batch_end(const struct actor *, int, const char *,
	     const char *, const char *);
void	 act_free(struct act **);
const char *act_str(const struct act *, const char *);
int64_t	 act_num(const struct act *, const char *);
int	 act_has(const struct act *, const char *);
int	 act_refuse(struct act *, const char *, const char *, ...)
	     __attribute__((format(printf, 3, 4)));
int	 act_fail(struct act *, const char *);
void	 act_key(struct act *, const char *, ...)
	     __attribute__((format(printf, 2, 3)));
void	 act_out(struct act *, const char *, ...)
	     __attribute__((format(printf, 2, 3)));
void	 act_note(struct act *, const char *, ...)
	     __attribute__((format(printf, 2, 3)));
void	 act_what(struct act *, const char *, ...)
	     __attribute__((format(printf, 2, 3)));

/* passwd.c */
#define PASSWD_HASH_MAX	128
int	 passwd_hash(const char *, char *, size_t);
int	 passwd_verify(const char *, const char *);
void	 passwd_random(char *, size_t);

/* list.c: pages of named lists, for the screens and `njbt list` */
struct list_def;
struct list_page {
	const struct list_def	*def;
	size_t			 ncols;
	size_t			 nrows;
	char			**cells;
	int			 more;		/* rows after this page */
	/* list_seek (issue 15 item 1): each row's key, rows before it */
	int64_t			*keys;
	int			 less;
};
const struct list_def *list_find(const char *);
const struct list_def *list_at(size_t);
int	 list_allowed(const struct list_def *, const struct actor *);
int	 list_fetch(const struct actor *, const char *, const char *,
	     const char *, int, int, struct list_page *, char *, size_t);
const char *list_cellv(const struct list_page *, size_t, size_t);
/* the viewer's scope region, ?1 of every list ('' province-wide) */
const char *list_scope(const struct actor *);
/* list-seek.c: a page after (dir > 0) or before (dir < 0) a row's key */
#define LIST_EDGE	INT64_MIN	/* from the first or the last row */
int	 list_seek(const struct actor *, const char *, const char *,
	     const char *, int64_t, int, int, struct list_page *, char *,
	     size_t);
int	 list_by_key(const struct list_def *);
const char *list_name(const struct list_def *);
const char *list_title(const struct list_def *);
void	 list_headline(const struct list_def *, char *, size_t);
size_t	 list_ncols(const struct list_def *);
const char *list_col_label(const struct list_def *, size_t);
int	 list_col_width(const struct list_def *, size_t);
size_t	 list_key_col(const struct list_def *);
int	 list_col_kept(const struct list_def *, size_t);
const char *list_col_kind(const struct list_def *, size_t, int *);
void	 list_page_free(struct list_page *);

/*
 * print.c: the printers, CSV sheets of the seed's forms (SPEC section 6).
 * print_file() prints one report as who into path (NULL: stdout) in one
 * read snapshot, then writes the audit row; NJ_OK, NJ_REFUSED (why in msg,
 * Chinese), NJ_USAGE (unknown report, encoding or filter) or NJ_ERROR.
 */
struct print_req {
	const char	*report;	/* application, notice, supply, ... */
	const char	*id;		/* one record by its public key */
	const char	*county;	/* or an area: a county (code) */
	const char	*month;		/* ... and a month, YYYY-MM */
	const char	*batch;		/* a settlement batch (number) */
	const char	*encoding;	/* utf-8-bom (NULL), utf-8, gb18030 */
	const char	*format;	/* csv (NULL) or xlsx (print-xlsx.c) */
	/* issue 13 item 4: the audit log's search (print-audit.c) */
	const char	*from;		/* YYYY-MM-DD */
	const char	*to;
	const char	*user;		/* a login */
	const char	*action;	/* an action's name prefix */
	const char	*record;	/* a record's key */
};
int	 print_file(const struct actor *, const struct print_req *,
	     const char *, char *, size_t);
const char *print_name_at(size_t, const char **);

/*
 * print-month.c: month end, every sheet of a county's month (req's county
 * and month) into a folder: one file per printer and batch, then an audit
 * row per sheet. progress (may be NULL) hears (arg, sheets done, sheets
 * in all, the next file's name or NULL at the end). Codes as print_file().
 */
int	 print_month(const struct actor *, const struct print_req *,
	     const char *, void (*)(void *, size_t, size_t, const char *),
	     void *, char *, size_t);

/*
 * auth.c: logging in and out (the SSH server and `njbt tui` call these).
 * Each returns NJ_OK, NJ_REFUSED with what the user should read in msg
 * (Chinese; empty when the refusal is silent, as for a public key the
 * user does not have), or NJ_ERROR. addr is the client's address; the
 * actor comes back with from = "ssh ADDR". Logins, failures, locks and
 * logouts are written to the audit log.
 */
struct auth_policy {
	int	 max_failures;		/* failures that lock (login, address): 5 */
	int	 window;		/* ... within this many seconds: 900 */
	int	 lock_seconds;		/* how long the clock keeps it locked */
	int	 account_failures;	/* failures from any address that lock
					   the account itself: 20 */
	/* issue 15 item 5: password hashes at once (auth-gate.c) */
	int	 hash_fd;		/* the listener's slots; <= 0 no cap */
	int	 max_hashes;		/* slots; 0 the number of cores */
	int	 hash_wait;		/* seconds a login queues at most */
};
#define AUTH_MAX_FAILURES	5
#define AUTH_ACCOUNT_FAILURES	20
#define AUTH_WINDOW		900
#define AUTH_LOCK_SECONDS	900
int	 auth_password(const char *, const char *, const char *,
	     const struct auth_policy *, struct actor *, char *, size_t);
/* auth-gate.c: the cap on password hashes at once (issue 15 item 5) */
#define AUTH_GATE_BUSY	"登录的人较多，请稍后再试。"
int	 auth_gate_open(void);
int	 auth_gate_slots(const struct auth_policy *);
int	 auth_gate_enter(const struct auth_policy *, int *);
void	 auth_gate_leave(const struct auth_policy *, int);
void	 auth_gate_process(const struct auth_policy *);
const struct auth_policy *auth_gate_current(void);
int	 auth_pubkey(const char *, const char *, const char *, const char *,
	     int, struct actor *, char *, size_t);
int	 auth_none(const char *, const char *, struct actor *, char *, size_t);
int	 auth_refusal_told(int, const char *);
int	 auth_local(const char *, const char *, struct actor *, char *,
	     size_t);
int	 auth_must_change(const struct actor *);
int	 auth_session_begin(const struct actor *, int, const char *, char *,
	     size_t);
void	 auth_session_end(const struct actor *, int, const char *);
int	 auth_keys(const char *, void (*)(void *, const char *, const char *,
	     const char *, const char *), void *, char *, size_t);

/* action-session.c: what a session's screens keep in the store */
#include "session.h"

/* action-outbox.c: sweep every outbox of sheets older than the setting */
int	 outbox_sweep_all(time_t);
/* action-outbox.c: a user's outbox or inbox (box "outbox"/"inbox"),
 * made 0700 if missing, into buf: 0, or -1 (errno) */
int	 box_dir(const char *, const char *, char *, size_t);

/*
 * action-sheet.c: issue 12 (3), the sheets on the screens. A sheet is its
 * CSV's rows of cells (UTF-8), read-only: a print previewed without a
 * file (the print action's fields by name; logged as the print is), or a
 * CSV of the user's own outbox. The outbox is listed (newest first) and a
 * file of it deleted by its name there ("x.csv" or "folder/x.csv"; no
 * other path is taken). Each returns NJ_OK, or NJ_REFUSED / NJ_ERROR with
 * the reason in msg.
 */
#define SHEET_ROWS_MAX	20000	/* rows kept for the screen (the bytes
				   are bounded by SHEET_BYTES_MAX) */
struct sheet {
	char	***cell;	/* cell[row][col] */
	size_t	 *ncell;	/* cells of each row */
	size_t	  nrows;
	size_t	  ncols;	/* the widest row's */
	int	  cut;		/* rows past SHEET_ROWS_MAX left out */
};
struct outbox_file {
	char	 name[256];	/* relative to the outbox */
	int64_t	 size;
	time_t	 mtime;
	long	 mtime_ns;	/* orders two of the same second */
};
int	 sheet_preview(const struct actor *, int, const char *const *,
	     const char *const *, struct sheet *, char *, size_t);
int	 sheet_outbox(const struct actor *, const char *, struct sheet *,
	     char *, size_t);
void	 sheet_free(struct sheet *);
int	 outbox_list(const struct actor *, struct outbox_file **, size_t *,
	     char *, size_t);
int	 outbox_delete(const struct actor *, const char *, char *, size_t);

/* action-notice.c: lapsed notices the server's sweep should expire */
int	 notice_lapsed_count(void);

/* tui-main.c: the screens of one session on the current terminal */
struct tui_opts {
	int	 colour;		/* -1 the user's setting, 0 off, 1 on */
	int	 idle;			/* seconds without input; 0 none */
	int	 must_change;		/* ask for a new password first */
};
#define TUI_REVOKED	3	/* tui_main: the user was locked or changed */
int	 tui_main(const struct actor *, const struct tui_opts *);
int	 tui_stop_signal(void);

/* role.c */
const char *role_name(int);
const char *role_label(int);
int	 role_parse(const char *);
int	 role_level(int);
int	 role_may_write(int, const char *);

/*
 * role.c: the scope table, what each role may see and do (issue 9 item 5):
 * by region (the whole province, its own region and below, or none), by
 * organisation (its own maker's or dealer's records), the level of region
 * a user of the role is bound to, the word for "yours" in a refusal, and
 * whether it opens every list and printer whatever their rows say.
 * Actions (scope_has, user.add), lists and printers all read it.
 */
enum role_reach {
	ROLE_REACH_NONE = 0,	/* no region at all */
	ROLE_REACH_ALL,		/* the whole province */
	ROLE_REACH_REGION	/* the user's region and what lies within */
};
enum role_org {
	ROLE_ORG_NONE = 0,
	ROLE_ORG_MAKER,		/* its own maker's records */
	ROLE_ORG_DEALER		/* its own dealer's records */
};
struct role_scope {
	enum role_reach	 reach;
	const char	*level;		/* of the user's region; NULL none */
	enum role_org	 org;
	const char	*own;		/* what is "yours", in a refusal */
	int		 every;		/* 1: opens every list and printer,
					   private columns in clear */
};
const struct role_scope *role_scope(int);

/* clock.c */
time_t	 clock_now(void);
int	 clock_today(void);
void	 clock_stamp(time_t, char *, size_t);
time_t	 clock_unstamp(const char *);
int64_t	 clock_ms(void);

/* util.c */
void	*xcalloc(size_t, size_t);
char	*xstrdup(const char *);
int	 xsnprintf(char *, size_t, const char *, ...)
	     __attribute__((format(printf, 3, 4)));
int	 vxsnprintf(char *, size_t, const char *, va_list)
	     __attribute__((format(printf, 3, 0)));
char	*trim(char *);
void	 strlcpy0(char *, const char *, size_t);
int	 fd_lock_byte(int, int, int, short);
int	 parse_int(const char *, int64_t *);

/* db.c */
const char *db_default_path(void);
int	 db_open(const char *, char *, size_t);
int	 db_open_session(const char *, char *, size_t);	/* issue 15 (2) */
int	 db_init(const char *, int *, int *, char *, size_t);
void	 db_close(void);
int	 db_state_guard(char *, size_t);
int	 db_backup(const char *, char *, size_t);
int	 db_anchor_line(char *, size_t);
int	 db_open_copy(const char *, const char *, char *, size_t);
int	 db_keyfile(const char *, char *, size_t);

/* backup-copy.c: the files of a backup (issue 14 item 7) */
int	 backup_copy(const char *, char *, size_t);
void	 backup_remove(const char *);
int	 backup_photos(const char *, const char *, char *, size_t);
int	 backup_verify(const char *, const char *, char *, size_t);

/* unix-users.c: Unix accounts to logins (issue 14 item 6) */
int	 unix_users_map(const char *, const char *, char *, size_t, char *,
	     size_t);
int	 unix_users_name(uid_t, char *, size_t);
int	 unix_users_may_act(const char *, const char *, char *, size_t);

/* check.c */
int	 check_run(void (*)(void *, int, const char *, const char *), void *);

/* import.c */
int	 import_text(const struct actor *, const char *, const char *,
	     const char *, size_t, int, int *, char *, size_t);
int	 import_nested(const struct actor *, const char *, const char *,
	     const char *, size_t, int, int *, char *, size_t);
int	 import_file(const struct actor *, const char *, const char *, int,
	     int *, char *, size_t);

/* demo.c */
int	 demo_load(char *, size_t);
int	 demo_is_empty(void);
int	 demo_present(void);

/* actor.c */
#define ACTOR_CHANGED	"您的账号已被锁定或变更，请重新登录"
int	 actor_load(const char *login, struct actor *, char *, size_t);
void	 actor_console(struct actor *);
int	 actor_current(const struct actor *);
int	 session_still_valid(const struct actor *);

#endif
