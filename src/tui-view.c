/*
 * tui-view.c: the record view (issue 11 item 1). Enter on a list's row
 * opens it: the record's state, its fields in two columns, its anomaly
 * flags, its related records (Up/Down choose one, Enter opens its view in
 * turn), its history, and on keys 1..9 the actions the user may take on
 * it now (record_open, action-record.c). An action that needs nothing
 * but the key runs after a confirmation naming the record; the others
 * open their form with the key filled in, a destructive one after a
 * confirmation too. When the user comes back the record is read again,
 * so the view shows its new state. A list row that is not a record of a
 * kind (a catalogue row, a key) shows its cells and the list's row
 * actions. Everything is drawn into curses' screen, which sends only
 * what changed.
 */
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "tui.h"

#define VIEW_HALF	39	/* columns of a field in the left half */

/* One thing the view can do: a record's action or a list row's form. */
struct vact {
	const struct form	*form;	/* NULL: run it directly */
	const char		*action;
	const char		*title;
	const char		*field;
	char			 key[NJ_KEY_MAX];
	const char		*field2;
	char			 value2[NJ_KEY_MAX];
	int			 destructive;
};

/* A line of the body: text, or two fields, or a related record. */
struct vline {
	char	*left;
	char	*right;
	int	 link;		/* the related record's index, -1 */
};

struct vscreen {
	char		 kind[16];	/* "" a plain list row */
	char		 key[NJ_KEY_MAX];
	struct record	 rec;
	struct vline	*lines;
	size_t		 nlines;
	struct vact	 acts[REC_ACTS_MAX];
	size_t		 nacts;
	int		 top;		/* first body line shown */
	int		 sel;		/* chosen related record */
	int		 pending;	/* the action asked about */
	int		 dirty;
};

static void
vline_add(struct vscreen *vs, const char *left, const char *right, int link)
{
	struct vline *l;

	vs->lines = realloc(vs->lines, (vs->nlines + 1) * sizeof *vs->lines);
	if (vs->lines == NULL)
		abort();
	l = &vs->lines[vs->nlines++];
	l->left = xstrdup(left);
	l->right = right != NULL ? xstrdup(right) : NULL;
	l->link = link;
}

static void
vlines_free(struct vscreen *vs)
{
	size_t i;

	for (i = 0; i < vs->nlines; i++) {
		free(vs->lines[i].left);
		free(vs->lines[i].right);
	}
	free(vs->lines);
	vs->lines = NULL;
	vs->nlines = 0;
}

/* The fields, two to a line where both fit in a half. */
static void
view_fields(struct vscreen *vs, const struct rec_field *f, size_t n)
{
	char	 buf[1024], *held = NULL;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (f[i].value[0] == '\0')
			continue;
		xsnprintf(buf, sizeof buf, "%s：%s", f[i].label, f[i].value);
		if (tui_text_width(buf) >= VIEW_HALF - 1) {
			if (held != NULL)
				vline_add(vs, held, NULL, -1);
			free(held);
			held = NULL;
			vline_add(vs, buf, NULL, -1);
		} else if (held != NULL) {
			vline_add(vs, held, buf, -1);
			free(held);
			held = NULL;
		} else
			held = xstrdup(buf);
	}
	if (held != NULL)
		vline_add(vs, held, NULL, -1);
	free(held);
}

/* The body of a record: fields, flags, related records, history. */
static void
view_build(struct tui *t, struct vscreen *vs)
{
	struct record	*r = &vs->rec;
	char		 buf[1024];
	size_t		 i;

	xsnprintf(buf, sizeof buf, "%s %s%s%s", r->kind_title, r->key,
	    r->state[0] ? "  状态：" : "", r->state);
	vline_add(vs, buf, NULL, -1);
	view_fields(vs, r->fields + 1, r->nfields - 1);
	for (i = 0; i < r->nflags; i++) {
		xsnprintf(buf, sizeof buf, "异常：%s", r->flags[i]);
		vline_add(vs, buf, NULL, -1);
	}
	if (r->nlinks > 0)
		vline_add(vs, "相关记录（上下键选择，回车打开）：", NULL, -1);
	for (i = 0; i < r->nlinks; i++)
		vline_add(vs, r->links[i].summary, NULL, (int)i);
	if (r->nphotos > 0)
		vline_add(vs, "照片：", NULL, -1);
	for (i = 0; i < r->nphotos; i++)
		vline_add(vs, r->photos[i], NULL, -1);
	if (r->nevents > 0)
		vline_add(vs, "办理经过：", NULL, -1);
	for (i = 0; i < r->nevents; i++) {
		xsnprintf(buf, sizeof buf, "%s  %s  %s", r->events[i].at,
		    r->events[i].what, r->events[i].who);
		vline_add(vs, buf, NULL, -1);
	}
	for (i = 0; i < r->nacts; i++) {
		vs->acts[i].form = forms_find(t->forms, r->acts[i].action);
		if (vs->acts[i].form != NULL &&
		    (vs->acts[i].form->kind != FORM_ACTION ||
		    !form_allowed(vs->acts[i].form, t->who)))
			vs->acts[i].form = NULL;
		vs->acts[i].action = r->acts[i].action;
		/* the title the menus and lists know it by */
		vs->acts[i].title = vs->acts[i].form != NULL ?
		    vs->acts[i].form->title : r->acts[i].title;
		vs->acts[i].field = r->acts[i].field;
		strlcpy0(vs->acts[i].key, r->acts[i].key,
		    sizeof vs->acts[i].key);
		vs->acts[i].field2 = r->acts[i].field2;
		strlcpy0(vs->acts[i].value2, r->acts[i].value2,
		    sizeof vs->acts[i].value2);
		vs->acts[i].destructive = r->acts[i].destructive;
	}
	vs->nacts = r->nacts;
}

/* Read the record again (after an action, or when coming back). */
static int
view_load(struct tui *t, struct vscreen *vs, char *msg, size_t len)
{
	int rc;

	record_free(&vs->rec);
	vlines_free(vs);
	vs->nacts = 0;
	vs->dirty = 0;
	rc = record_open(t->who, vs->kind, vs->key, &vs->rec, msg, len);
	if (rc != NJ_OK)
		return rc;
	view_build(t, vs);
	if (vs->sel >= (int)vs->rec.nlinks)
		vs->sel = vs->rec.nlinks > 0 ? (int)vs->rec.nlinks - 1 : 0;
	return NJ_OK;
}

/* The body line of the chosen related record, -1 none. */
static int
view_sel_line(const struct vscreen *vs)
{
	size_t i;

	for (i = 0; i < vs->nlines; i++)
		if (vs->lines[i].link == vs->sel)
			return (int)i;
	return -1;
}

static void
view_draw(struct tui *t, struct screen *scr)
{
	struct vscreen	*vs = scr->data;
	char		 line[1024], one[160], msg[NJ_MSG_MAX];
	int		 rows = t->lines - 3, y, i, sl;
	size_t		 k, used;

	if (vs->dirty && vs->kind[0] != '\0' &&
	    view_load(t, vs, msg, sizeof msg) != NJ_OK)
		tui_msg(t, 1, "%s", msg);
	/* keep the chosen related record on the screen */
	if ((sl = view_sel_line(vs)) >= 0) {
		if (sl < vs->top)
			vs->top = sl;
		else if (sl >= vs->top + rows)
			vs->top = sl - rows + 1;
	}
	for (y = 1, i = vs->top; y <= rows && i < (int)vs->nlines; y++, i++) {
		if (vs->lines[i].link >= 0 && vs->lines[i].link == vs->sel) {
			tui_attr_on(t, TA_SELECT);
			tui_put(y, 0, ">", 1);
			tui_put(y, 2, vs->lines[i].left, t->cols - 3);
			tui_attr_off(t, TA_SELECT);
			continue;
		}
		tui_put(y, vs->lines[i].link >= 0 ? 2 : 1, vs->lines[i].left,
		    vs->lines[i].right ? VIEW_HALF - 1 : t->cols - 2);
		if (vs->lines[i].right != NULL)
			tui_put(y, VIEW_HALF + 1, vs->lines[i].right,
			    t->cols - VIEW_HALF - 2);
	}
	if (vs->top + rows < (int)vs->nlines)
		tui_put(rows, t->cols - 10, "（PgDn）", 8);
	/* the actions, on their keys, above the help line */
	line[0] = '\0';
	for (k = 0, used = 0; k < vs->nacts; k++) {
		xsnprintf(one, sizeof one, "%s%zu  %s", k ? "   " : "", k + 1,
		    vs->acts[k].title);
		used = strlen(line);
		xsnprintf(line + used, sizeof line - used, "%s", one);
	}
	if (vs->nacts == 0)
		strlcpy0(line, "（您现在不能对此记录办理什么）", sizeof line);
	if (t->msg[0] == '\0')
		tui_put(t->lines - 2, 2, line, t->cols - 3);
	t->cy = -1;
}

/* The key an action made or changed besides the record's, "" none. */
static const char *
view_made(const struct act *a, const char *key)
{
	return strcmp(a->key, key) == 0 ? "" : a->key;
}

/* Run act directly, or open its form with the key filled in. */
static void
view_do(struct tui *t, struct vscreen *vs, const struct vact *va, int direct)
{
	const char	*names[2], *values[2];
	struct screen	*scr;
	struct act	*a = NULL;
	int		 n = 0, rc;

	if (va->form != NULL && va->form->kind == FORM_LIST) {
		tui_push(t, list_screen_arg(t, va->form, va->key));
		return;
	}
	if (!direct) {
		scr = form_screen_new(t, va->form, va->field, va->key, 0);
		if (va->field2 != NULL && va->value2[0] != '\0')
			form_screen_set(scr, va->field2, va->value2);
		tui_push(t, scr);
		return;
	}
	names[n] = va->field;
	values[n++] = va->key;
	if (va->field2 != NULL && va->value2[0] != '\0') {
		names[n] = va->field2;
		values[n++] = va->value2;
	}
	rc = action_run(t->who, va->action, n, names, values, &a);
	if (rc == NJ_OK)
		t->acted++;
	if (rc == NJ_OK && a->done[0] != '\0')	/* issue 11 (5) */
		tui_msg(t, 0, "%s", a->done);
	else if (rc == NJ_OK)
		tui_msg(t, 0, "已办理：%s %s%s%s%s%s", va->title, va->key,
		    view_made(a, va->key)[0] ? "，编号 " : "",
		    view_made(a, va->key), a->note[0] ? "。" : "", a->note);
	else
		tui_msg(t, 1, "%s", a != NULL && a->err[0] ? a->err :
		    "未能办理");
	act_free(&a);
	vs->dirty = 1;
}

/*
 * Whether act needs more than the view fills in: any other field of the
 * action, required or not (a sample's seed, a hand-back's date), is asked
 * for on its form.
 */
static int
view_needs_form(const struct vact *va)
{
	const struct action	*def = action_find(va->action);
	const struct field	*f;

	if (def == NULL)
		return 1;
	for (f = def->fields; f->name != NULL; f++)
		if (strcmp(f->name, va->field) != 0 &&
		    (va->field2 == NULL || strcmp(f->name, va->field2) != 0))
			return 1;
	return 0;
}

static int
view_confirmed(struct tui *t, void *arg, int answer)
{
	struct screen	*scr = arg;
	struct vscreen	*vs = scr->data;
	struct vact	 va;

	if (answer != 'y' || vs->pending < 0 ||
	    (size_t)vs->pending >= vs->nacts) {
		tui_msg(t, 0, "未办理");
		return SK_STAY;
	}
	va = vs->acts[vs->pending];
	view_do(t, vs, &va, va.form == NULL || (vs->kind[0] != '\0' &&
	    !view_needs_form(&va)));
	return SK_STAY;
}

/* 1..9: the action on that key. */
static int
view_act(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct vscreen	*vs = scr->data;
	const struct vact *va;
	size_t		 i = k->ch - '1';
	char		 text[NJ_MSG_MAX];
	int		 direct;

	if (i >= vs->nacts) {
		tui_msg(t, 1, "没有第 %zu 项操作", i + 1);
		return SK_STAY;
	}
	va = &vs->acts[i];
	direct = va->form == NULL || (vs->kind[0] != '\0' &&
	    !view_needs_form(va));
	if (va->form == NULL && vs->kind[0] != '\0' && view_needs_form(va)) {
		tui_msg(t, 1, "请从菜单中打开“%s”办理", va->title);
		return SK_STAY;
	}
	if (!direct && !va->destructive) {
		view_do(t, vs, va, 0);
		return SK_STAY;
	}
	vs->pending = (int)i;
	xsnprintf(text, sizeof text, "%s %s%s%s%s？", va->title, va->key,
	    vs->rec.name[0] ? "（" : "", vs->rec.name,
	    vs->rec.name[0] ? "）" : "");
	tui_push(t, ask_new(va->title, text, "Y 确认  N 取消", view_confirmed,
	    scr));
	return SK_STAY;
}

/* Up / Down: the related record above or below; else scroll. */
static int
view_move(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct vscreen *vs = scr->data;

	(void)t;
	if (vs->rec.nlinks > 0) {
		if (k->k == TK_UP && vs->sel > 0)
			vs->sel--;
		else if (k->k == TK_DOWN && vs->sel + 1 < (int)vs->rec.nlinks)
			vs->sel++;
		return SK_STAY;
	}
	if (k->k == TK_UP && vs->top > 0)
		vs->top--;
	else if (k->k == TK_DOWN && vs->top + 1 < (int)vs->nlines)
		vs->top++;
	return SK_STAY;
}

/* PgUp / PgDn: the history and the rest, a screen at a time. */
static int
view_turn(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct vscreen	*vs = scr->data;
	int		 rows = t->lines - 3;

	if (k->k == TK_PGDN) {
		if (vs->top + rows < (int)vs->nlines)
			vs->top += rows;
	} else
		vs->top = vs->top > rows ? vs->top - rows : 0;
	/* a chosen record scrolled away gives way to the page */
	if (vs->rec.nlinks > 0)
		vs->sel = -1;
	return SK_STAY;
}

static int
view_enter(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct vscreen		*vs = scr->data;
	const struct rec_link	*l;

	(void)k;
	if (vs->sel < 0 || (size_t)vs->sel >= vs->rec.nlinks) {
		tui_msg(t, 0, "没有选中相关记录");
		return SK_STAY;
	}
	l = &vs->rec.links[vs->sel];
	tui_push(t, view_new(t, l->kind, l->key));
	return SK_STAY;
}

static int
view_reload(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)t;
	(void)k;
	((struct vscreen *)scr->data)->dirty = 1;
	return SK_STAY;
}

static int
view_back(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)t;
	(void)scr;
	(void)k;
	return SK_POP;
}

static const struct tbind view_rows[] = {
	{ { { TK_CHAR, '1' }, { TK_CHAR, '2' }, { TK_CHAR, '3' },
	    { TK_CHAR, '4' } }, view_act, "数字键 办理", 0 },
	{ { { TK_CHAR, '5' }, { TK_CHAR, '6' }, { TK_CHAR, '7' },
	    { TK_CHAR, '8' } }, view_act, NULL, TB_HIDE },
	{ { { TK_CHAR, '9' } }, view_act, NULL, TB_HIDE },
	{ { { TK_UP, 0 }, { TK_DOWN, 0 } }, view_move, "上下键选择", 0 },
	{ { { TK_ENTER, 0 } }, view_enter, "回车 打开相关记录", 0 },
	{ { { TK_PGUP, 0 }, { TK_PGDN, 0 } }, view_turn, "PgUp/PgDn 翻页",
	    0 },
	{ { { TK_F5, 0 } }, view_reload, "F5 刷新", 0 },
	{ { { TK_F10, 0 }, { TK_ESC, 0 } }, view_back, "F10 返回", 0 },
};

const struct tkeys view_keys = TKEYS("view", view_rows);

static void
view_resume(struct tui *t, struct screen *scr)
{
	(void)t;
	((struct vscreen *)scr->data)->dirty = 1;
}

static void
view_free(struct screen *scr)
{
	struct vscreen *vs = scr->data;

	record_free(&vs->rec);
	vlines_free(vs);
	free(vs);
	free(scr);
}

static const struct screen_type view_type = {
	"view", view_draw, tkeys_key, view_resume, view_free, 0
};

static struct screen *
view_alloc(const char *title)
{
	struct screen	*scr = xcalloc(1, sizeof *scr);
	struct vscreen	*vs = xcalloc(1, sizeof *vs);

	scr->type = &view_type;
	scr->data = vs;
	tkeys_use(scr, &view_keys);
	strlcpy0(scr->title, title, sizeof scr->title);
	vs->pending = -1;
	return scr;
}

/* The view of record kind/key; NULL (and a message) when refused. */
struct screen *
view_new(struct tui *t, const char *kind, const char *key)
{
	struct screen	*scr;
	struct vscreen	*vs;
	char		 msg[NJ_MSG_MAX], title[NJ_NAME_MAX];

	xsnprintf(title, sizeof title, "查看%s", record_kind_title(kind) ?
	    record_kind_title(kind) : "记录");
	scr = view_alloc(title);
	vs = scr->data;
	strlcpy0(vs->kind, kind, sizeof vs->kind);
	strlcpy0(vs->key, key, sizeof vs->key);
	if (view_load(t, vs, msg, sizeof msg) != NJ_OK) {
		tui_msg(t, 1, "%s", msg);
		view_free(scr);
		return NULL;
	}
	return scr;
}

/*
 * The view of a list row that is no record of a kind: its cells, and the
 * list's row actions (each opens its form with the row's key).
 */
struct screen *
view_row_new(struct tui *t, const struct form *list,
    const struct list_page *page, size_t row)
{
	struct screen	*scr;
	struct vscreen	*vs;
	struct rec_field f[32];
	const struct form_row *fr;
	size_t		 c, n = 0, i;

	scr = view_alloc(list->title);
	vs = scr->data;
	for (c = 0; c < page->ncols && n < 32; c++) {
		f[n].label = list_col_label(page->def, c);
		f[n++].value = (char *)list_cellv(page, row, c);
	}
	view_fields(vs, f, n);
	for (i = 0; i < list->nrows && vs->nacts < REC_ACTS_MAX; i++) {
		fr = &list->rows[i];
		if (!form_allowed(fr->form, t->who))
			continue;
		vs->acts[vs->nacts].form = fr->form;
		vs->acts[vs->nacts].action = fr->form->name;
		vs->acts[vs->nacts].title = fr->form->title;
		vs->acts[vs->nacts].field = fr->field;
		strlcpy0(vs->acts[vs->nacts].key, list_cellv(page, row,
		    (size_t)fr->col < page->ncols ? (size_t)fr->col : 0),
		    sizeof vs->acts[vs->nacts].key);
		vs->nacts++;
	}
	return scr;
}
