/*
 * tui-list.c: the list screen. A page of a named list (list_fetch) as
 * columns clipped to their widths; typing filters (the filter goes to the
 * list's query, once per burst of keys); Up/Down choose a row, PgUp/PgDn
 * turn pages; Enter on a row opens its record view (tui-view.c: the row
 * actions are offered there) or, in a look-up, hands the key back to the
 * form that asked. The keys are the rows of list_keys and pick_keys.
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
	struct list_page	 page;
	int			 offset;
	int			 sel;
	int			 hcol;		/* columns scrolled past */
	int			 dirty;
	int			 pagesize;
	pick_cb			 pick;
	void			*pickarg;
	char			 err[NJ_MSG_MAX];
};

static void
list_refresh(struct tui *t, struct lscreen *ls)
{
	char	*f = ledit_text(ls->filter);
	int	 rc;

	if (ls->applied == NULL || strcmp(f, ls->applied) != 0) {
		ls->offset = 0;
		ls->sel = 0;
	}
	free(ls->applied);
	ls->applied = f;
	list_page_free(&ls->page);
	ls->err[0] = '\0';
	rc = list_fetch(t->who, ls->list, f, ls->arg, ls->offset,
	    ls->pagesize, &ls->page, ls->err, sizeof ls->err);
	if (rc != NJ_OK)
		tui_msg(t, 1, "%s", ls->err);
	if (ls->sel >= (int)ls->page.nrows)
		ls->sel = ls->page.nrows > 0 ? (int)ls->page.nrows - 1 : 0;
	ls->dirty = 0;
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
	if (ls->dirty)
		list_refresh(t, ls);
	/* line 1 the filter and where we are, 2 the heads, then the rows */
	tui_put(1, 2, "筛选：[", 8);
	ledit_view(ls->filter, 24, view, &nout, &curcol);
	tui_put_cps(1, 9, view, nout);
	tui_put(1, 33, "]", 1);
	xsnprintf(foot, sizeof foot, "第 %d-%d 条%s", ls->page.nrows ?
	    ls->offset + 1 : 0, ls->offset + (int)ls->page.nrows,
	    ls->page.more ? "，PgDn 下一页" : "");
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

/* Up / Down: the row above or below, into the page before or after. */
static int
list_move(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct lscreen *ls = scr->data;

	list_fresh(t, ls);
	if (k->k == TK_UP) {
		if (ls->sel > 0)
			ls->sel--;
		else if (ls->offset > 0) {
			ls->offset -= ls->pagesize;
			if (ls->offset < 0)
				ls->offset = 0;
			ls->sel = ls->pagesize - 1;
			ls->dirty = 1;
		}
	} else if (ls->sel + 1 < (int)ls->page.nrows)
		ls->sel++;
	else if (ls->page.more) {
		ls->offset += ls->pagesize;
		ls->sel = 0;
		ls->dirty = 1;
	}
	return SK_STAY;
}

/* PgUp / PgDn: the page before or after. */
static int
list_turn(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct lscreen *ls = scr->data;

	(void)t;
	if (k->k == TK_PGDN) {
		if (ls->page.more) {
			ls->offset += ls->pagesize;
			ls->sel = 0;
			ls->dirty = 1;
		}
	} else if (ls->offset > 0) {
		ls->offset -= ls->pagesize;
		if (ls->offset < 0)
			ls->offset = 0;
		ls->sel = 0;
		ls->dirty = 1;
	}
	return SK_STAY;
}

static int
list_enter(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)k;
	list_fresh(t, scr->data);
	return list_row_action(t, scr, scr->data);
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
	if (changed)
		ls->dirty = 1;
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
