/*
 * tui.h: the terminal screens (ncursesw). A session is a stack of screens;
 * each screen is a small class in the manner of htop's panels: it draws
 * itself into curses' virtual screen and handles keys, and the main loop
 * sends one update to the terminal after draining all pending input, so
 * only what changed crosses the wire. Screens reach data only through the
 * actions layer (action_run, action_check_field, list_fetch, drafts).
 */
#ifndef NJBT_TUI_H
#define NJBT_TUI_H

#include "tui-lib.h"

#include "form.h"
#include "tui-edit.h"

#define TUI_MIN_COLS	80
#define TUI_MIN_LINES	24
#define TUI_DEPTH	16
#define TUI_TICK_MS	2000	/* the user is re-checked this often */
#define TUI_TRIM_TICKS	3	/* ticks without a key before the store
				   gives back its pages (store_trim) */
#define TUI_KEYLINE_MAX	192	/* bytes of a screen's help line */

/* Keys, after decoding bytes and escape sequences. */
enum tk {
	TK_NONE = 0,
	TK_CHAR,		/* a character in ch */
	TK_ENTER,
	TK_TAB,
	TK_BTAB,
	TK_UP,
	TK_DOWN,
	TK_LEFT,
	TK_RIGHT,
	TK_HOME,
	TK_END,
	TK_BS,
	TK_DEL,
	TK_PGUP,
	TK_PGDN,
	TK_F1,
	TK_F2,
	TK_F3,
	TK_F4,
	TK_F5,
	TK_F10,
	TK_TODAY,		/* F6 or Ctrl-T: today's date into a date field */
	TK_ESC,
	TK_KILL,		/* Ctrl-U: clear the field */
	TK_KILLEND,		/* Ctrl-K */
	TK_REDRAW,		/* Ctrl-L */
	TK_RESIZE,
	TK_BADUTF8,		/* bytes that are not UTF-8 (a GBK client) */
	TK_IDLE,		/* nothing typed for too long */
	TK_EOF,			/* the terminal is gone */
	TK_TICK			/* nothing typed for TUI_TICK_MS */
};

struct tkey {
	enum tk		 k;
	uint32_t	 ch;
};

struct tui;
struct screen;

/*
 * A screen's key bindings as rows, in the manner of htop's Action.c and
 * dialog's binding tables: the keys (a TK_CHAR with ch 0 is any
 * character), the handler (it returns an SK_ code) and the text the help
 * line shows for it. The help line is built from the same rows, in their
 * order, so that it cannot drift from what the keys do.
 */
#define TB_HIDE		0x1	/* left off the help line on purpose */
#define TB_ANY		0x2	/* any key no other row binds */
#define TB_MAXKEYS	4

typedef int (*tb_fn)(struct tui *, struct screen *, const struct tkey *);

struct tbkey {
	enum tk		 k;
	uint32_t	 ch;		/* with TK_CHAR: this one, 0 any */
};

struct tbind {
	struct tbkey	 keys[TB_MAXKEYS];	/* TK_NONE ends */
	tb_fn		 fn;
	const char	*help;		/* "F2 保存"; NULL none */
	int		 flags;
};

struct tkeys {
	const char		*name;
	const struct tbind	*v;
	size_t			 n;
};

#define TKEYS(name, rows)	{ name, rows, sizeof rows / sizeof rows[0] }

/* What a screen's key handler asks the main loop to do. */
enum {
	SK_STAY = 0,
	SK_POP,			/* close this screen */
	SK_QUIT			/* end the session */
};

struct screen_type {
	const char	*name;
	void		(*draw)(struct tui *, struct screen *);
	int		(*key)(struct tui *, struct screen *,
			    const struct tkey *);
	void		(*resume)(struct tui *, struct screen *);
	void		(*free)(struct screen *);
	int		 popup;		/* drawn over the screen beneath */
};

struct screen {
	const struct screen_type *type;
	void			*data;
	char			 title[NJ_NAME_MAX];
	const char		*keys;		/* the help line */
	const struct tkeys	*bind;		/* its keys (tui-bind.c) */
	char			 keyline[TUI_KEYLINE_MAX];
	int			 compact;	/* a message takes the key line */
	/* once pushed, may push a question over itself (may be NULL) */
	void			(*opened)(struct tui *, struct screen *);
};

struct tui {
	const struct actor	*who;
	struct forms		*forms;
	int			 colour;
	int			 lines, cols;
	struct screen		*stack[TUI_DEPTH];
	int			 depth;
	char			 msg[NJ_MSG_MAX];
	int			 msgerr;
	struct u8in		 in;
	int			 idle;
	int64_t			 last_key;	/* ms, monotonic */
	int			 cy, cx;	/* cursor after drawing, -1 hide */
	int			 forced;	/* must change password first */
	int			 revoked;	/* the user is no longer valid */
	char			 win[DRAFT_WIN_LEN];	/* this window's id */
	struct draft_info	 offer;	/* another window's draft offered */
	int			 guard;	/* a box closed: drop the keys typed ahead */
	int64_t			 backed;	/* ms: a screen left by F10/Esc */
	int64_t			 lastf10;	/* ms: the last F10 */
	int			 box_y, box_h;	/* the last box drawn (a popup) */
	int64_t			 wake;	/* ms: a screen waits for this time
					   (a list's typing pause), 0 none */
	unsigned		 acted;	/* actions this session saved */
	int			 idle_ticks;	/* ticks since the last key */
};

/* F10 twice within this: the second does not ask to log out. */
#define TUI_DOUBLE_MS	250

/* tui-main.c */
void	 tui_push(struct tui *, struct screen *);
struct screen *tui_detach(struct tui *);
void	 tui_msg(struct tui *, int, const char *, ...)
	     __attribute__((format(printf, 3, 4)));
int	 tui_open_form(struct tui *, const struct form *, const char *,
	     const char *);
void	 tui_one_write(void);

/* tui-keys.c */
int64_t	 tui_ms(void);
void	 tui_keys_init(void);
int	 tui_key(struct tui *, struct tkey *, int);

/* tui-bind.c */
const struct tbind *tkeys_find(const struct tkeys *, const struct tkey *);
int	 tkeys_key(struct tui *, struct screen *, const struct tkey *);
size_t	 tkeys_line(const struct tkeys *, char *, size_t);
void	 tkeys_use(struct screen *, const struct tkeys *);
extern const struct tkeys *const tkeys_all[];

/* the tables, each beside its screen */
extern const struct tkeys menu_keys, list_keys, pick_keys, form_keys,
	     ask_keys, whoami_keys, choose_keys, view_keys;
extern const struct tkeys sheet_keys, outbox_keys;	/* issue 12 (3) */

/* tui-draw.c */
int	 tui_put(int, int, const char *, int);
int	 tui_put_cps(int, int, const uint32_t *, int);
void	 tui_fill(int, int, int);
void	 tui_frame(struct tui *, const struct screen *);
void	 tui_box(struct tui *, int, int, int, int);
int	 tui_text_width(const char *);
void	 tui_attr_on(struct tui *, int);
void	 tui_attr_off(struct tui *, int);
enum { TA_TITLE = 0, TA_ERROR, TA_FIELD, TA_SELECT, TA_HEAD };

/* tui-menu.c */
struct screen *menu_new(struct tui *);

/* tui-form.c */
struct screen *form_screen_new(struct tui *, const struct form *,
	     const char *, const char *, int);
int	 form_screen_set(struct screen *, const char *, const char *);

/* tui-list.c */
typedef void (*pick_cb)(struct tui *, void *, const char *);
struct screen *list_screen_new(struct tui *, const struct form *);
struct screen *list_screen_arg(struct tui *, const struct form *,
	     const char *);
struct screen *picker_new(struct tui *, const char *, const char *,
	     const char *, pick_cb, void *);

/* tui-view.c */
struct screen *view_new(struct tui *, const char *, const char *);
struct screen *view_row_new(struct tui *, const struct form *,
	     const struct list_page *, size_t);
/* tui-cols.c: the columns of a list that fit, and cut cells */
#define TCOLS_MAX	32
struct tcols {
	size_t	 col[TCOLS_MAX];	/* the columns shown, in order */
	int	 width[TCOLS_MAX];	/* each one's width on screen */
	size_t	 n;
	int	 left;			/* scrolling columns hidden left */
	int	 right;			/* ... and right */
};
size_t	 tcols_fit(const struct list_def *, int, int, struct tcols *);
int	 tcols_clip(const char *, int, char *, size_t);
int	 tcols_put(int, int, const char *, int);

/* tui-ask.c */
typedef int (*ask_cb)(struct tui *, void *, int);
struct screen *ask_new(const char *, const char *, const char *, ask_cb,
	     void *);
struct screen *whoami_new(struct tui *);
struct screen *sheet_screen_new(const char *, const char *,
	     struct sheet *);
struct screen *outbox_screen_new(struct tui *);
struct screen *choose_new(const char *, const char *const *, size_t, ask_cb,
	     void *);

#endif
