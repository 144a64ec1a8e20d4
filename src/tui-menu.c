/*
 * tui-menu.c: the main menu, built from forms/: every form and list with a
 * "menu" line that the user's role may use, grouped by section and
 * ordered; then the user's own entries. Up/Down and Enter, or the entry's
 * key (1-9, a-z): the rows of menu_keys. The county's and finance's menu
 * says on its last line what of the settlement calendar is due for them
 * (the deadlines list, issue 10 item 8), fetched anew each time the menu
 * comes back. Issue 11 (6): only the entries of the year's flow (a form's
 * "flow" lines), under that flow's title, and of a county user's post; a
 * menu longer than the screen scrolls and says what is above and below.
 * A dealer no maker has picked sees what to do instead of a menu.
 */
#include <stdlib.h>
#include <string.h>

#include "tui.h"
#include "tui-board.h"

enum { ME_FORM = 0, ME_OUTBOX, ME_WHOAMI, ME_LOGOUT };

struct mentry {
	int			 kind;
	const struct form	*form;
	const char		*section;
	const char		*title;
	int			 order;
	size_t			 seq;
};

struct menu {
	struct mentry	*v;
	size_t		 n;
	int		 sel;
	int		 top;
	char		 due[256];	/* what is due, '' none */
	char		 flow[16];	/* the year's flow it was built for */
	int64_t		 due_at;	/* ms: when due was read */
	unsigned	 due_acted;	/* the session's actions by then */
};

/*
 * The line of what is due is read again on the way back to the menu
 * when the session has saved an action since, or after this long: a
 * county's deadlines take tens of ms at a million sales, and a hundred
 * clerks going back to their menus at once queued behind them (issue
 * 15, bench/sessions: the key back to the menu was the slowest of all).
 * What others did shows within it; the sessions of one server share
 * their readings (menu_status, tui-board.c).
 */
#define MENU_DUE_MS	60000

/* issue 11 (2): capitals too, so that a long menu's last entries have keys */
static const char hotkeys[] =
    "123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

static int
section_rank(const struct menu *m, const char *section)
{
	size_t	i;
	int	best = 1000;

	for (i = 0; i < m->n; i++)
		if (m->v[i].kind == ME_FORM && strcmp(m->v[i].section,
		    section) == 0 && m->v[i].order < best)
			best = m->v[i].order;
	return best;
}

static const struct menu *sort_menu;

static int
entry_cmp(const void *a, const void *b)
{
	const struct mentry	*x = a, *y = b;
	int			 rx, ry, c;

	if (x->kind != y->kind && (x->kind != ME_FORM || y->kind != ME_FORM))
		return x->kind - y->kind;
	rx = section_rank(sort_menu, x->section);
	ry = section_rank(sort_menu, y->section);
	if (rx != ry)
		return rx - ry;
	if ((c = strcmp(x->section, y->section)) != 0)
		return c;
	if (x->order != y->order)
		return x->order - y->order;
	return x->seq < y->seq ? -1 : 1;
}

static void
menu_add(struct menu *m, int kind, const struct form *f, const char *section,
    const char *title, int order)
{
	struct mentry *e;

	m->v = realloc(m->v, (m->n + 1) * sizeof *m->v);
	if (m->v == NULL)
		abort();
	e = &m->v[m->n];
	e->kind = kind;
	e->form = f;
	e->section = section;
	e->title = title;
	e->order = order;
	e->seq = m->n++;
}

/* Rows of the menu: a section title before each new section. */
static int
menu_row_of(const struct menu *m, size_t i)
{
	size_t	k;
	int	row = 0;

	for (k = 0; k <= i; k++) {
		if (k == 0 || strcmp(m->v[k].section, m->v[k - 1].section) != 0)
			row++;
		if (k < i)
			row++;
	}
	return row;
}

static void
menu_draw(struct tui *t, struct screen *scr)
{
	struct menu	*m = scr->data;
	char		 line[NJ_NAME_MAX + 16];
	size_t		 i, below;
	int		 rows = t->lines - (m->due[0] != '\0' ? 6 : 5), row, y;

	row = menu_row_of(m, (size_t)m->sel);
	if (row < m->top + 1)
		m->top = row > 0 ? row - 1 : 0;
	if (row >= m->top + rows)
		m->top = row - rows + 1;
	t->cy = t->cx = -1;
	if (m->due[0] != '\0')
		tui_put(2 + rows, 2, m->due, t->cols - 4);
	/* issue 11 (2): a menu longer than the screen says so */
	for (i = 0, below = 0; i < m->n; i++)
		if (menu_row_of(m, i) >= m->top + rows)
			below++;
	if (m->top > 0)
		tui_put(1, 2, "（上面还有，按上键或 PgUp）", t->cols - 4);
	if (below > 0) {
		xsnprintf(line, sizeof line, "（下面还有 %zu 项，按下键或 PgDn）",
		    below);
		tui_put(t->lines - 3, 2, line, t->cols - 4);
	}
	for (i = 0; i < m->n; i++) {
		row = menu_row_of(m, i);
		if (i == 0 || strcmp(m->v[i].section, m->v[i - 1].section) !=
		    0) {
			y = 2 + row - 1 - m->top;
			/* not a section's title without its first entry */
			if (y >= 2 && y + 1 < 2 + rows) {
				xsnprintf(line, sizeof line, "【%s】",
				    m->v[i].section);
				tui_put(y, 2, line, t->cols - 4);
			}
		}
		y = 2 + row - m->top;
		if (y < 2 || y >= 2 + rows)
			continue;
		xsnprintf(line, sizeof line, "%c  %s", i < sizeof hotkeys - 1 ?
		    hotkeys[i] : ' ', m->v[i].title);
		if ((int)i == m->sel) {
			tui_attr_on(t, TA_SELECT);
			tui_put(y, 3, ">", 1);
			t->cy = y;
			t->cx = 3;
		}
		tui_put(y, 5, line, t->cols - 7);
		if ((int)i == m->sel)
			tui_attr_off(t, TA_SELECT);
	}
}

static int
logout_answer(struct tui *t, void *arg, int answer)
{
	(void)t;
	(void)arg;
	return answer == 'y' ? SK_QUIT : SK_STAY;
}

static int
menu_open(struct tui *t, struct menu *m)
{
	const struct mentry	*e = &m->v[m->sel];
	struct screen		*s;

	switch (e->kind) {
	case ME_OUTBOX:
		tui_push(t, outbox_screen_new(t));
		break;
	case ME_WHOAMI:
		tui_push(t, whoami_new(t));
		break;
	case ME_LOGOUT:
		tui_push(t, ask_new("退出登录", "确定要退出登录吗？",
		    "Y 退出  N 返回", logout_answer, NULL));
		break;
	default:
		if (e->form->kind == FORM_LIST) {
			if ((s = list_screen_new(t, e->form)) != NULL)
				tui_push(t, s);
		} else
			tui_push(t, form_screen_new(t, e->form, NULL, NULL, 0));
		break;
	}
	return SK_STAY;
}

/* Up / Down and Tab: the entry above or below, round the ends. */
static int
menu_step(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct menu *m = scr->data;

	(void)t;
	if (k->k == TK_UP)
		m->sel = m->sel > 0 ? m->sel - 1 : (int)m->n - 1;
	else
		m->sel = m->sel + 1 < (int)m->n ? m->sel + 1 : 0;
	return SK_STAY;
}

/* Home: the first entry; End: the last; PgUp / PgDn: a page. */
static int
menu_jump(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct menu	*m = scr->data;
	int		 page = t->lines - 8 > 1 ? t->lines - 8 : 1;

	if (k->k == TK_HOME)
		m->sel = 0;
	else if (k->k == TK_END)
		m->sel = (int)m->n - 1;
	else if (k->k == TK_PGUP)
		m->sel = m->sel > page ? m->sel - page : 0;
	else
		m->sel = m->sel + page < (int)m->n ? m->sel + page :
		    (int)m->n - 1;
	return SK_STAY;
}

static int
menu_enter(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)k;
	return menu_open(t, scr->data);
}

/*
 * F10 / Esc: the last entry, logging out (which asks first). Not the
 * second of a double F10 that brought the user back here (issue 11 (3)).
 */
static int
menu_back(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct menu *m = scr->data;

	(void)k;
	if (t->backed != 0 && tui_ms() - t->backed < TUI_DOUBLE_MS)
		return SK_STAY;
	m->sel = (int)m->n - 1;
	return menu_open(t, m);
}

/* An entry's key (1-9, a-z) opens it. */
static int
menu_hotkey(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct menu	*m = scr->data;
	const char	*p;

	if (k->ch < 0x80 && k->ch != 0 && (p = strchr(hotkeys, (int)k->ch)) !=
	    NULL && (size_t)(p - hotkeys) < m->n) {
		m->sel = (int)(p - hotkeys);
		return menu_open(t, m);
	}
	return SK_STAY;
}

static const struct tbind menu_rows[] = {
	{ { { TK_UP, 0 }, { TK_DOWN, 0 }, { TK_TAB, 0 } }, menu_step,
	    "上下键选择", 0 },
	{ { { TK_HOME, 0 }, { TK_PGUP, 0 }, { TK_END, 0 }, { TK_PGDN, 0 } },
	    menu_jump, NULL, 0 },
	{ { { TK_ENTER, 0 } }, menu_enter, "回车 打开", 0 },
	{ { { TK_CHAR, 0 } }, menu_hotkey, "或按编号", 0 },
	{ { { TK_F10, 0 }, { TK_ESC, 0 } }, menu_back, "F10 退出登录", 0 },
};

const struct tkeys menu_keys = TKEYS("menu", menu_rows);

static void
menu_free(struct screen *scr)
{
	struct menu *m = scr->data;

	free(m->v);
	free(m);
	free(scr);
}

/*
 * Open complaints on the handler's line (issue 13 item 3): for the
 * province, a city and a county, how many of their region's complaints
 * are open and the soonest interview time limit, put before what else
 * is due so that the line's cut never hides it. 0, or -1 if unread.
 */
static int
menu_complaints(struct tui *t, struct menu *m)
{
	struct list_page	 page;
	char			 msg[NJ_MSG_MAX], rest[256];
	const char		*limit;

	if (t->who->role != ROLE_ADMIN && t->who->role != ROLE_CITY &&
	    t->who->role != ROLE_COUNTY)
		return 0;
	if (list_fetch(t->who, "complaints", "", "open", 0, 100, &page, msg,
	    sizeof msg) != NJ_OK)
		return -1;
	if (page.nrows > 0) {
		limit = list_cellv(&page, 0, 2);
		strlcpy0(rest, m->due, sizeof rest);
		xsnprintf(m->due, sizeof m->due, "投诉未办结 %zu%s件%s%s%s%s",
		    page.nrows, page.more ? "余" : "", limit[0] ? "，最近约谈"
		    "时限 " : "", limit, rest[0] ? "；" : "", rest);
	}
	list_page_free(&page);
	return 0;
}

/*
 * The line of what is due (R-004-A4-4.2b 004 附件4 四 and R-000-M-3.2.4a
 * 000 三(二)4): for the county and its finance office, their own items of
 * the deadlines list, how many, how many late, and the soonest. 0, or -1
 * if unread.
 */
static int
menu_due(struct tui *t, struct menu *m)
{
	struct list_page	 page;
	char			 msg[NJ_MSG_MAX];
	size_t			 i, late = 0;

	m->due[0] = '\0';
	if (t->who->role != ROLE_COUNTY && t->who->role != ROLE_FINANCE)
		return 0;
	if (list_fetch(t->who, "deadlines", "", role_name(t->who->role), 0,
	    100, &page, msg, sizeof msg) != NJ_OK)
		return -1;
	for (i = 0; i < page.nrows; i++)
		if (strncmp(list_cellv(&page, i, 4), "逾期", 6) == 0)
			late++;
	if (page.nrows > 0)
		xsnprintf(m->due, sizeof m->due, "到期提醒 %zu%s项，"
		    "逾期%zu项；最近：%s %s截止，%s", page.nrows,
		    page.more ? "余" : "", late, list_cellv(&page, 0, 0),
		    list_cellv(&page, 0, 3), list_cellv(&page, 0, 4));
	list_page_free(&page);
	return 0;
}

/*
 * The menu's status line: what is due and the open complaints. Both
 * lists depend on the role and its scope region alone, so every session
 * of the server with the same pair shares one reading of them (the
 * board, tui-board.c): the first to find the board's line older than
 * MENU_DUE_MS reads it anew, the others meanwhile keep the last one. A
 * session that has saved an action since its last line (own) reads it
 * itself and puts it on the board: a clerk sees his own work at once.
 */
static void
menu_status(struct tui *t, struct menu *m, int own)
{
	char			 key[BOARD_KEY_MAX];
	enum board_found	 f = BOARD_NONE;
	int64_t			 at;
	int			 ok;

	m->due_acted = t->acted;
	/* the roles whose line is always empty leave the board alone */
	if (t->who->role != ROLE_COUNTY && t->who->role != ROLE_FINANCE &&
	    t->who->role != ROLE_CITY && t->who->role != ROLE_ADMIN) {
		m->due[0] = '\0';
		m->due_at = tui_ms();
		return;
	}
	xsnprintf(key, sizeof key, "%s/%s", role_name(t->who->role),
	    list_scope(t->who));
	if (!own && ((f = board_get(key, MENU_DUE_MS, m->due, sizeof m->due,
	    &at)) == BOARD_FRESH || f == BOARD_STALE)) {
		m->due_at = at;
		return;
	}
	at = tui_ms();
	ok = menu_due(t, m) == 0;
	ok = menu_complaints(t, m) == 0 && ok;
	m->due_at = at;
	if (own || f == BOARD_MINE)
		board_put(key, at, ok ? m->due : NULL);
}

static void menu_fill(struct tui *, struct menu *);

/*
 * Back on the menu from a screen: what is due may have changed, and so
 * may the year's flow (the entries follow it).
 */
static void
menu_resume(struct tui *t, struct screen *scr)
{
	struct menu	*m = scr->data;
	char		 flow[16] = "";

	if (action_flow(flow, sizeof flow) == 0 && strcmp(flow, m->flow) != 0)
		menu_fill(t, m);
	if (m->due_acted == t->acted && tui_ms() - m->due_at < MENU_DUE_MS)
		return;
	menu_status(t, m, m->due_acted != t->acted);
}

static const struct screen_type menu_type = {
	"menu", menu_draw, tkeys_key, menu_resume, menu_free, 0
};

/*
 * Once the menu is up: a dealer no maker has picked yet is told so, his
 * credit code and which makers may pick him (issue 11 (6)).
 */
static void
menu_pending(struct tui *t, struct screen *scr)
{
	char text[1024];

	scr->opened = NULL;
	if (action_dealer_pending(t->who, text, sizeof text) == 1)
		tui_push(t, ask_new("尚未被生产企业选择", text, "按任意键继续",
		    NULL, NULL));
}

struct screen *
menu_new(struct tui *t)
{
	struct screen	*scr = xcalloc(1, sizeof *scr);
	struct menu	*m = xcalloc(1, sizeof *m);

	scr->type = &menu_type;
	scr->data = m;
	tkeys_use(scr, &menu_keys);
	strlcpy0(scr->title, "主菜单", sizeof scr->title);
	menu_fill(t, m);
	menu_status(t, m, 0);
	scr->opened = menu_pending;
	return scr;
}

/*
 * The entries: the forms and lists of the user's role (and post) offered
 * in the year's flow, under that flow's titles, then the account's own.
 */
static void
menu_fill(struct tui *t, struct menu *m)
{
	const struct form *f;
	size_t		 i;
	int		 fl;

	free(m->v);
	m->v = NULL;
	m->n = 0;
	m->flow[0] = '\0';
	if (action_flow(m->flow, sizeof m->flow) != 0)
		m->flow[0] = '\0';
	fl = form_flow(m->flow);
	for (i = 0; i < t->forms->n; i++) {
		f = t->forms->v[i];
		if (f->menu != NULL && form_allowed(f, t->who) &&
		    form_in_flow(f, fl))
			menu_add(m, ME_FORM, f, f->menu, form_title(f, fl),
			    f->order);
	}
	sort_menu = m;
	qsort(m->v, m->n, sizeof *m->v, entry_cmp);
	sort_menu = NULL;
	/* after the account forms, which forms/ orders last */
	/* issue 12 (3): the sheets printed, for whoever may print */
	if (action_allowed(action_find("print"), t->who))
		menu_add(m, ME_OUTBOX, NULL, "我的账号", "我的打印件", 0);
	menu_add(m, ME_WHOAMI, NULL, "我的账号", "我是谁，我能做什么", 0);
	menu_add(m, ME_LOGOUT, NULL, "我的账号", "退出登录", 0);
	if (m->sel >= (int)m->n)
		m->sel = 0;
}
