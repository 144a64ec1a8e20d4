/*
 * tui-list.c: the list screen. A page of a named list (list_fetch) as
 * columns clipped to their widths; typing filters (the filter goes to the
 * list's query once the typing pauses, LIST_PAUSE_MS, or on Enter); Up/Down
 * choose a row, PgUp/PgDn turn pages, Home/End go to the first or last
 * page, F3 goes to the row whose number is typed in the filter; Enter on
 * a row opens its record view (tui-view.c: the row actions are offered
 * there) or, in a look-up, hands the key back to the form that asked. The
 * keys are the rows of list_keys and pick_keys.
 *
 * Issue 15 item 1: pages are fetched by list_seek from the key of the row
 * next to them (the last shown for PgDn, the first for PgUp, the edge for
 * Home and End), so that a page costs the same at row 20 and at row
 * 900,000. No total is counted: the place shown is counted from the page
 * it was paged from: from the top (第 21-40 条) after Home, from the end
 * (倒数第 20-1 条) after End, and not shown after F3.
 */
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "tui.h"

struct lscreen {
	const struct form	*form;		/* NULL for a look-up */
	const char		*list;
	const struct list_def	*def;
	char			*arg;
	struct ledit		*filter;
	char			*applied;	/* the filter of the page shown */
	int64_t			 typed;		/* ms: the last key of the filter */
	struct list_page	 page;
	int64_t			 from;		/* the page asked for: list_seek */
	int			 dir;
	int			 place;		/* of the first row from the top
						   (placed > 0), of the last from
						   the end (placed < 0) */
	int			 placed;
	int			 sel;
	int			 hcol;		/* columns scrolled past */
	int			 dirty;
	int			 pagesize;
	pick_cb			 pick;
	void			*pickarg;
	char			 err[NJ_MSG_MAX];
};

/* Typing pauses this long before the filter is applied. */
#define LIST_PAUSE_MS	250

/* Ask for the page from key from in direction dir (list_seek), placed. */
static void
list_goto(struct lscreen *ls, int64_t from, int dir, int placed, int place)
{
	ls->from = from;
	ls->dir = dir;
	ls->placed = placed;
	ls->place = place;
	ls->dirty = 1;
}

static void
list_refresh(struct tui *t, struct lscreen *ls)
{
	char	*f = ledit_text(ls->filter);
	int	 rc, n;

	if (ls->applied == NULL || strcmp(f, ls->applied) != 0) {
		/* a new filter: its first page */
		list_goto(ls, LIST_EDGE, 1, 1, 0);
		ls->sel = 0;
	}
	free(ls->applied);
	ls->applied = f;
	list_page_free(&ls->page);
	ls->err[0] = '\0';
	rc = list_seek(t->who, ls->list, f, ls->arg, ls->from, ls->dir,
	    ls->pagesize, &ls->page, ls->err, sizeof ls->err);
	if (rc == NJ_OK && ls->page.nrows == 0 && ls->from != LIST_EDGE) {
		/* its rows are gone (or the filter's are): the first page */
		list_goto(ls, LIST_EDGE, 1, 1, 0);
		rc = list_seek(t->who, ls->list, f, ls->arg, ls->from, 1,
		    ls->pagesize, &ls->page, ls->err, sizeof ls->err);
	}
	if (rc == NJ_OK && ls->dir < 0 && !ls->page.less &&
	    (int)ls->page.nrows < ls->pagesize && ls->placed >= 0) {
		/* PgUp near the top: a whole first page */
		list_goto(ls, LIST_EDGE, 1, 1, 0);
		list_page_free(&ls->page);
		rc = list_seek(t->who, ls->list, f, ls->arg, ls->from, 1,
		    ls->pagesize, &ls->page, ls->err, sizeof ls->err);
	}
	if (rc != NJ_OK)
		tui_msg(t, 1, "%s", ls->err);
	n = (int)ls->page.nrows;
	if (ls->dir < 0 && ls->placed > 0)
		ls->place -= n;
	else if (ls->dir > 0 && ls->placed < 0)
		ls->place -= n;
	if (ls->placed > 0 && ls->place < 0)
		ls->place = 0;
	if (ls->placed < 0 && ls->place < 0)
		ls->place = 0;
	/* from now on the page is the one from its first row */
	if (n > 0) {
		ls->from = ls->page.keys[0];
		ls->dir = 0;
	}
	if (ls->sel >= n)
		ls->sel = n > 0 ? n - 1 : 0;
	ls->dirty = 0;
}

/*
 * Is a filter typed but not applied, its typing not paused yet? Then the
 * rows stay as they are, and the main loop wakes at the pause.
 */
static int
list_typing(struct tui *t, struct lscreen *ls)
{
	char	*f;
	int64_t	 left = ls->typed + LIST_PAUSE_MS - tui_ms();
	int	 same;

	if (!ls->dirty || ls->typed == 0 || left <= 0)
		return 0;
	f = ledit_text(ls->filter);
	same = ls->applied != NULL && strcmp(f, ls->applied) == 0;
	free(f);
	if (same)
		return 0;
	if (t->wake == 0 || tui_ms() + left < t->wake)
		t->wake = tui_ms() + left;
	return 1;
}

/*
 * The row actions this user may take, for the line above the help line
 * (issue 11 (3): row actions are listed in the footer; Enter opens the
 * record's view, where they are taken). Their number; 0 for none.
 */
static int
list_row_titles(struct tui *t, const struct lscreen *ls, char *buf,
    size_t len)
{
	size_t	 i, off;
	int	 n = 0;

	strlcpy0(buf, "回车查看后可办：", len);
	off = strlen(buf);
	if (ls->form == NULL || ls->pick != NULL)
		return 0;
	for (i = 0; i < ls->form->nrows && off < len; i++) {
		if (!form_allowed(ls->form->rows[i].form, t->who))
			continue;
		off += (size_t)snprintf(buf + off, len - off, "%s%s",
		    n++ ? "、" : "", ls->form->rows[i].form->title);
	}
	return n;
}

static void
list_draw(struct tui *t, struct screen *scr)
{
	struct lscreen	*ls = scr->data;
	uint32_t	 view[LEDIT_VIEWMAX(24, 40)];
	struct tcols	 tc;
	size_t		 c, r;
	int		 x, y, nout, curcol, rows = t->lines - 4, room;
	char		 foot[128], acts[256];
	const char	*side;

	if (list_row_titles(t, ls, acts, sizeof acts) > 0) {
		rows--;		/* their line, above the help line */
		tui_put(t->lines - 2, 1, acts, t->cols - 2);
	}
	if (rows != ls->pagesize) {
		ls->pagesize = rows;
		ls->dirty = 1;
	}
	if (ls->dirty && !list_typing(t, ls))
		list_refresh(t, ls);
	/* line 1 the filter and where we are, 2 the heads, then the rows */
	tui_put(1, 2, "筛选：[", 8);
	ledit_view(ls->filter, 24, view, &nout, &curcol);
	tui_put_cps(1, 9, view, nout);
	tui_put(1, 33, "]", 1);
	if (ls->page.nrows == 0 || ls->placed == 0)
		xsnprintf(foot, sizeof foot, "%s", ls->page.more ?
		    "PgDn 下一页" : "");
	else if (ls->placed > 0)
		xsnprintf(foot, sizeof foot, "第 %d-%d 条%s", ls->place + 1,
		    ls->place + (int)ls->page.nrows, ls->page.more ?
		    "，PgDn 下一页" : "");
	else
		xsnprintf(foot, sizeof foot, "倒数第 %d-%d 条%s", ls->place +
		    (int)ls->page.nrows, ls->place + 1, ls->page.less ?
		    "，PgUp 上一页" : "");
	/* the columns that fit whole; the others a Left/Right away */
	tcols_fit(ls->def, t->cols - 3, ls->hcol, &tc);
	while (ls->hcol > 0 && tc.right == 0) {	/* a wider terminal */
		struct tcols wider;

		if (tcols_fit(ls->def, t->cols - 3, ls->hcol - 1, &wider) ==
		    0 || wider.right > 0)
			break;
		ls->hcol--;
		tc = wider;
	}
	side = tc.left && tc.right ? "左右键 更多列" : tc.right ?
	    "右键 更多列" : tc.left ? "左键 前面的列" : "";
	room = t->cols - 37 - (*side ? tui_text_width(side) + 2 : 0);
	tui_put(1, 36, foot, room);
	if (*side)
		tui_put(1, t->cols - 1 - tui_text_width(side), side,
		    tui_text_width(side));
	t->cy = 1;
	t->cx = 9 + curcol;
	tui_attr_on(t, TA_HEAD);
	for (c = 0, x = 2; c < tc.n && x < t->cols - 1; c++) {
		tcols_put(2, x, list_col_label(ls->def, tc.col[c]),
		    t->cols - x - 1 < tc.width[c] ? t->cols - x - 1 :
		    tc.width[c]);
		x += tc.width[c] + 1;
	}
	tui_attr_off(t, TA_HEAD);
	for (r = 0; r < ls->page.nrows; r++) {
		y = 3 + (int)r;
		if ((int)r == ls->sel) {
			tui_attr_on(t, TA_SELECT);
			tui_put(y, 0, ">", 1);
		}
		for (c = 0, x = 2; c < tc.n && x < t->cols - 1; c++) {
			tcols_put(y, x, list_cellv(&ls->page, r, tc.col[c]),
			    t->cols - x - 1 < tc.width[c] ? t->cols - x - 1 :
			    tc.width[c]);
			x += tc.width[c] + 1;
		}
		if ((int)r == ls->sel)
			tui_attr_off(t, TA_SELECT);
	}
	if (ls->page.nrows == 0)
		tui_put(3, 2, ls->err[0] ? ls->err : "（没有记录）", t->cols - 4);
}

/*
 * Enter on a row: in a look-up, hand its key back; else open the row's
 * record view (tui-view.c), never an action: the view offers the actions
 * (issue 11 items 1 and 3).
 */
static int
list_row_action(struct tui *t, struct screen *scr, struct lscreen *ls)
{
	const char	*key, *kind;

	(void)scr;
	if (ls->page.nrows == 0)
		return SK_STAY;
	key = list_cellv(&ls->page, (size_t)ls->sel, list_key_col(ls->def));
	if (ls->pick != NULL) {
		ls->pick(t, ls->pickarg, key);
		ls->pick = NULL;	/* handed over: not freed twice */
		return SK_POP;
	}
	if ((kind = record_list_kind(ls->def)) != NULL)
		tui_push(t, view_new(t, kind, key));
	else if (ls->form != NULL)
		tui_push(t, view_row_new(t, ls->form, &ls->page,
		    (size_t)ls->sel));
	return SK_STAY;
}

/* Keys act on the rows as they are now, not as last drawn. */
static void
list_fresh(struct tui *t, struct lscreen *ls)
{
	if (ls->dirty)
		list_refresh(t, ls);
}

/* The page after the one shown (PgDn, Down past the last row). */
static void
list_next(struct lscreen *ls)
{
	int n = (int)ls->page.nrows;

	if (n == 0)
		return;
	list_goto(ls, ls->page.keys[n - 1], 1, ls->placed, ls->placed > 0 ?
	    ls->place + n : ls->place);
	ls->sel = 0;
}

/* The page before (PgUp, Up past the first row); sel on its last row. */
static void
list_prev(struct lscreen *ls)
{
	if (ls->page.nrows == 0)
		return;
	list_goto(ls, ls->page.keys[0], -1, ls->placed, ls->placed < 0 ?
	    ls->place + (int)ls->page.nrows : ls->place);
}

/* Up / Down: the row above or below, into the page before or after. */
static int
list_move(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct lscreen *ls = scr->data;

	list_fresh(t, ls);
	if (k->k == TK_UP) {
		if (ls->sel > 0)
			ls->sel--;
		else if (ls->page.less) {
			list_prev(ls);
			ls->sel = ls->pagesize - 1;
		}
	} else if (ls->sel + 1 < (int)ls->page.nrows)
		ls->sel++;
	else if (ls->page.more)
		list_next(ls);
	return SK_STAY;
}

/* PgUp / PgDn: the page before or after. */
static int
list_turn(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct lscreen *ls = scr->data;

	list_fresh(t, ls);
	if (k->k == TK_PGDN) {
		if (ls->page.more)
			list_next(ls);
	} else if (ls->page.less) {
		list_prev(ls);
		ls->sel = 0;
	}
	return SK_STAY;
}

/* Home / End: the first page, the last. */
static int
list_edge(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct lscreen *ls = scr->data;

	list_fresh(t, ls);
	if (k->k == TK_HOME) {
		list_goto(ls, LIST_EDGE, 1, 1, 0);
		ls->sel = 0;
	} else {
		list_goto(ls, LIST_EDGE, -1, -1, 0);
		ls->sel = ls->pagesize - 1;
	}
	return SK_STAY;
}

/*
 * F3: go to the row whose number (the list's key column: a sale's,
 * an application's number ...) is typed in the filter, the filter then
 * cleared: the page from that row, found by its index, not counted to.
 */
static int
list_jump(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct lscreen		*ls = scr->data;
	struct list_page	 one;
	char			*f = ledit_text(ls->filter), msg[NJ_MSG_MAX];
	const char		*key;
	size_t			 r;
	int			 found = -1;

	(void)k;
	if (f[0] == '\0') {
		tui_msg(t, 1, "先在筛选栏输入要跳到的编号，再按 F3");
		free(f);
		return SK_STAY;
	}
	/* the rows the number finds (it may also be a name): its own */
	if (!list_by_key(ls->def)) {	/* a small list: its row number */
		if (atoi(f) >= 1) {
			ledit_kill_line(ls->filter);
			free(ls->applied);
			ls->applied = xstrdup("");
			list_goto(ls, atoi(f) - 1, 0, 1, atoi(f) - 1);
		} else
			tui_msg(t, 1, "请输入行号");
		free(f);
		return SK_STAY;
	}
	if (list_seek(t->who, ls->list, f, ls->arg, LIST_EDGE, 1, 20, &one,
	    msg, sizeof msg) != NJ_OK) {
		tui_msg(t, 1, "%s", msg);
		free(f);
		return SK_STAY;
	}
	for (r = 0; r < one.nrows && found < 0; r++) {
		key = list_cellv(&one, r, list_key_col(ls->def));
		if (strcmp(key, f) == 0)
			found = (int)r;
	}
	if (found < 0)
		tui_msg(t, 1, "没有编号为 %s 的记录", f);
	else {
		ledit_kill_line(ls->filter);
		free(ls->applied);
		ls->applied = xstrdup("");
		list_goto(ls, one.keys[found], 0, 0, 0);
		ls->sel = 0;
	}
	list_page_free(&one);
	free(f);
	return SK_STAY;
}

static int
list_enter(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct lscreen	*ls = scr->data;
	char		*f = ledit_text(ls->filter);

	(void)k;
	free(f);
	/* a filter typed and not applied yet is applied first, so that
	 * Enter acts on the row the whole filter finds, as when every key
	 * filtered (scripts and quick typists type ahead) */
	list_fresh(t, ls);
	return list_row_action(t, scr, ls);
}

/* Left / Right: the columns before or after those shown (tui-cols.c). */
static int
list_side(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct lscreen	*ls = scr->data;
	struct tcols	 tc;

	tcols_fit(ls->def, t->cols - 3, ls->hcol, &tc);
	if (k->k == TK_RIGHT && tc.right > 0)
		ls->hcol++;
	else if (k->k == TK_LEFT && ls->hcol > 0)
		ls->hcol--;
	return SK_STAY;
}

/* F5: fetch the page again. */
static int
list_reload(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)t;
	(void)k;
	((struct lscreen *)scr->data)->dirty = 1;
	return SK_STAY;
}

static int
list_back(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)t;
	(void)scr;
	(void)k;
	return SK_POP;
}

static int
list_badutf8(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)scr;
	(void)k;
	tui_msg(t, 1, "输入的不是 UTF-8 字符，已忽略");
	return SK_STAY;
}

/* Typing, Backspace and Ctrl-U edit the filter. */
static int
list_filter(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct lscreen	*ls = scr->data;
	int		 changed;

	(void)t;
	if (k->k == TK_CHAR)
		changed = ledit_insert(ls->filter, k->ch) == 0;
	else
		changed = k->k == TK_BS ? ledit_backspace(ls->filter) :
		    ledit_kill_line(ls->filter);
	if (changed) {
		ls->dirty = 1;
		ls->typed = tui_ms();
	}
	return SK_STAY;
}

/* A list and a look-up differ only in what Enter and F10 are called. */
#define LIST_ROWS(enter, back)						\
	{ { { TK_CHAR, 0 } }, list_filter, "输入文字筛选", 0 },		\
	{ { { TK_UP, 0 }, { TK_DOWN, 0 } }, list_move, "上下键选择", 0 },	\
	{ { { TK_ENTER, 0 } }, list_enter, enter, 0 },			\
	{ { { TK_PGUP, 0 }, { TK_PGDN, 0 } }, list_turn,			\
	    "PgUp/PgDn 翻页", 0 },					\
	{ { { TK_LEFT, 0 }, { TK_RIGHT, 0 } }, list_side, "左右键 翻列", 0 },	\
	{ { { TK_F10, 0 }, { TK_ESC, 0 } }, list_back, back, 0 },		\
	/* not on the help line (it is full at 80 columns): the manual */	\
	{ { { TK_HOME, 0 }, { TK_END, 0 } }, list_edge, NULL, 0 },		\
	{ { { TK_F3, 0 } }, list_jump, NULL, 0 },			\
	{ { { TK_BS, 0 }, { TK_KILL, 0 } }, list_filter, NULL, 0 },		\
	{ { { TK_F5, 0 } }, list_reload, NULL, 0 },			\
	{ { { TK_BADUTF8, 0 } }, list_badutf8, NULL, 0 }

static const struct tbind list_rows[] = {
	LIST_ROWS("回车 打开", "F10 返回")
};
static const struct tbind pick_rows[] = {
	LIST_ROWS("回车 选定", "F10 取消")
};

const struct tkeys list_keys = TKEYS("list", list_rows);
const struct tkeys pick_keys = TKEYS("pick", pick_rows);

static void
list_resume(struct tui *t, struct screen *scr)
{
	struct lscreen *ls = scr->data;

	(void)t;
	ls->dirty = 1;	/* a row action may have changed the rows */
}

static void
list_free(struct screen *scr)
{
	struct lscreen *ls = scr->data;

	if (ls->pick != NULL)
		ls->pick(NULL, ls->pickarg, NULL);	/* cancelled */
	list_page_free(&ls->page);
	ledit_free(&ls->filter);
	free(ls->applied);
	free(ls->arg);
	free(ls);
	free(scr);
}

static const struct screen_type list_type = {
	"list", list_draw, tkeys_key, list_resume, list_free, 0
};

static struct screen *
list_new(struct tui *t, const char *list, const char *title, const char *arg)
{
	struct screen	*scr;
	struct lscreen	*ls;
	const struct list_def *def = list_find(list);
	char		 head[NJ_NAME_MAX];

	if (def == NULL || !list_allowed(def, t->who)) {
		tui_msg(t, 1, "您无权查看此列表");
		return NULL;
	}
	scr = xcalloc(1, sizeof *scr);
	ls = xcalloc(1, sizeof *ls);
	scr->type = &list_type;
	scr->data = ls;
	tkeys_use(scr, &list_keys);
	strlcpy0(scr->title, title ? title : list_title(def), sizeof scr->title);
	/* issue 13 (4): a line of the list's own, once as it opens (the
	   audit log's chain check) */
	list_headline(def, head, sizeof head);
	if (head[0] != '\0')
		xsnprintf(scr->title + strlen(scr->title), sizeof scr->title -
		    strlen(scr->title), "  %s", head);
	ls->list = list;
	ls->def = def;
	ls->arg = arg ? xstrdup(arg) : NULL;
	ls->filter = ledit_new(40);
	ls->dirty = 1;
	ls->pagesize = t->lines - 4;
	scr->compact = 1;
	return scr;
}

/* The screen of a list block of the forms, about arg (or its own). */
struct screen *
list_screen_arg(struct tui *t, const struct form *form, const char *arg)
{
	struct screen	*scr;
	char		 title[NJ_NAME_MAX];

	if (arg == NULL)
		arg = form->arg;
	if (arg != NULL && strcmp(arg, "self") == 0)
		arg = t->who->login;
	if (arg != NULL && arg != form->arg)
		xsnprintf(title, sizeof title, "%s：%s", form->title, arg);
	else
		strlcpy0(title, form->title, sizeof title);
	if ((scr = list_new(t, form->source, title, arg)) != NULL)
		((struct lscreen *)scr->data)->form = form;
	return scr;
}

struct screen *
list_screen_new(struct tui *t, const struct form *form)
{
	return list_screen_arg(t, form, NULL);
}

/* A look-up for a form field: cb gets the picked key (NULL: cancelled). */
struct screen *
picker_new(struct tui *t, const char *list, const char *arg,
    const char *label, pick_cb cb, void *cbarg)
{
	struct screen	*scr;
	struct lscreen	*ls;
	char		 title[NJ_NAME_MAX];

	xsnprintf(title, sizeof title, "选择：%s", label);
	if ((scr = list_new(t, list, title, arg)) == NULL)
		return NULL;
	tkeys_use(scr, &pick_keys);
	ls = scr->data;
	ls->pick = cb;
	ls->pickarg = cbarg;
	return scr;
}
