/*
 * tui-form.c: the form screen. One line per field of the form file: a
 * label, a plain bracketed field ([......]) and, beside it, the message of
 * the field's check, which runs as the cursor leaves the field (the same
 * check the action runs). Editors by type: text, numbers, money, dates,
 * ID / credit code / bank card: the line editor; choices: Space or the
 * arrows cycle, F4 lists them; look-ups: F4 opens the list to pick from;
 * passwords show stars. F2 saves by running the form's action; a refusal
 * shows its reason at the field it names. What is typed is kept as a
 * draft each time the cursor leaves a field. The keys are the rows of
 * form_keys.
 */
#include <stdlib.h>
#include <string.h>

#include "tui.h"

struct fslot {
	const struct form_field	*ff;
	struct ledit		*ed;
	int			 choice;	/* FT_CHOICE: index or -1 */
	char			 msg[NJ_MSG_MAX];
};

struct fscreen {
	const struct form	*form;
	struct fslot		*slots;
	size_t			 n;
	size_t			 cur;
	size_t			 top;
	char			*saved;		/* the draft as last saved */
	char			*base;		/* what the form opened with */
	struct draft_info	 offer;		/* another window's draft */
	int			 forced;	/* may not leave unsaved */
	uint32_t		*view;		/* ledit_view's buffer */
	size_t			 viewcap;
	char			 preview[NJ_MSG_MAX];
};

/* --- choices ------------------------------------------------------------ */

/* The k-th "key:label" of a choice list into key and label; -1 if none. */
static int
choice_at(const char *arg, int k, char *key, size_t klen, char *label,
    size_t llen)
{
	const char	*p = arg, *colon, *end;
	int		 i = 0;

	while (p != NULL && *p != '\0') {
		colon = strchr(p, ':');
		end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		if (i++ == k) {
			xsnprintf(key, klen, "%.*s", (int)(colon - p), p);
			xsnprintf(label, llen, "%.*s", (int)(end - colon - 1),
			    colon + 1);
			return 0;
		}
		p = *end ? end + 1 : end;
	}
	return -1;
}

static int
choice_count(const char *arg)
{
	char	k[64], l[128];
	int	n = 0;

	while (choice_at(arg, n, k, sizeof k, l, sizeof l) == 0)
		n++;
	return n;
}

static int
choice_find(const char *arg, const char *value)
{
	char	k[64], l[128];
	int	i;

	for (i = 0; choice_at(arg, i, k, sizeof k, l, sizeof l) == 0; i++)
		if (strcmp(k, value) == 0 || strcmp(l, value) == 0)
			return i;
	return -1;
}

/* --- values ------------------------------------------------------------ */

static int
is_choice(const struct fslot *s)
{
	return s->ff->f->type == FT_CHOICE;
}

/* A password, or a secret (an old password): shown as stars, never kept. */
static int
is_secret(const struct fslot *s)
{
	return s->ff->f->type == FT_PASSWORD || (s->ff->f->flags & FF_SECRET);
}

/* Must the user fill it in here? The action's or the form's word. */
static int
is_required(const struct fslot *s)
{
	return (s->ff->f->flags & FF_REQ) || s->ff->required;
}

/* The slot's value as text (malloc'd), NULL when empty. */
static char *
slot_value(const struct fslot *s)
{
	char	k[64], l[128], *v;

	if (is_choice(s)) {
		if (s->choice < 0 || choice_at(s->ff->f->arg, s->choice, k,
		    sizeof k, l, sizeof l) != 0)
			return NULL;
		return xstrdup(k);
	}
	v = ledit_text(s->ed);
	if (v == NULL || *v == '\0') {
		free(v);
		return NULL;
	}
	return v;
}

static void
slot_clear(struct fslot *s)
{
	s->choice = -1;
	if (s->ed != NULL)
		ledit_kill_line(s->ed);
	s->msg[0] = '\0';
}

static int
slot_set(struct fslot *s, const char *value)
{
	if (is_choice(s)) {
		s->choice = value ? choice_find(s->ff->f->arg, value) : -1;
		return s->choice >= 0 || value == NULL ? 0 : -1;
	}
	return ledit_set(s->ed, value ? value : "");
}

static struct fslot *
slot_named(struct fscreen *fs, const char *name)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->slots[i].ff->f->name, name) == 0)
			return &fs->slots[i];
	return NULL;
}

/* Other fields' values for a field's check (buyer_type and the like). */
struct sib {
	struct fscreen	*fs;
	char		*held[ACT_MAXF];
	int		 n;
};

static const char *
sib_get(void *arg, const char *name)
{
	struct sib	*sb = arg;
	struct fslot	*s = slot_named(sb->fs, name);

	if (s == NULL || sb->n == ACT_MAXF)
		return NULL;
	return sb->held[sb->n++] = slot_value(s);
}

static void
sib_free(struct sib *sb)
{
	while (sb->n > 0)
		free(sb->held[--sb->n]);
}

/* Beside its field, a message needs no "label：" in front. */
static void
slot_short_msg(struct fslot *s)
{
	const char	*label = s->ff->f->label;
	size_t		 n = strlen(label);

	if (strncmp(s->msg, label, n) == 0 && strncmp(s->msg + n, "：", 3) == 0)
		memmove(s->msg, s->msg + n + 3, strlen(s->msg + n + 3) + 1);
}

/* Run the field's own check (as the action will): its message, if any. */
static void
slot_check(struct fscreen *fs, struct fslot *s)
{
	struct sib	 sb;
	char		*v = slot_value(s);

	memset(&sb, 0, sizeof sb);
	sb.fs = fs;
	s->msg[0] = '\0';
	if (v == NULL)
		return;
	action_check_field(fs->form->action, s->ff->idx, v, sib_get, &sb,
	    s->msg, sizeof s->msg);
	sib_free(&sb);
	free(v);
	slot_short_msg(s);
}

/* --- drafts --------------------------------------------------------------- */

/* name=value lines, newlines and backslashes escaped. */
static char *
form_serialise(struct fscreen *fs)
{
	char	*out, *v, *p;
	size_t	 cap = 64, used = 0, i, need;

	out = xcalloc(1, cap);
	for (i = 0; i < fs->n; i++) {
		/* a password is never kept in a draft */
		if (is_secret(&fs->slots[i]) ||
		    (v = slot_value(&fs->slots[i])) == NULL)
			continue;
		need = strlen(fs->slots[i].ff->f->name) + 2 * strlen(v) + 3;
		if (used + need >= cap) {
			cap = (used + need) * 2;
			if ((out = realloc(out, cap)) == NULL)
				abort();
		}
		used += (size_t)sprintf(out + used, "%s=",
		    fs->slots[i].ff->f->name);
		for (p = v; *p != '\0'; p++) {
			if (*p == '\n' || *p == '\\')
				out[used++] = '\\';
			out[used++] = *p == '\n' ? 'n' : *p;
		}
		out[used++] = '\n';
		out[used] = '\0';
		free(v);
	}
	return out;
}

static void
form_restore(struct fscreen *fs, char *text)
{
	char		*line, *next, *eq, *o, *p;
	struct fslot	*s;

	for (line = text; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((eq = strchr(line, '=')) == NULL)
			continue;
		*eq++ = '\0';
		for (p = o = eq; *p != '\0'; p++) {
			if (*p == '\\' && p[1] != '\0') {
				p++;
				*o++ = *p == 'n' ? '\n' : *p;
			} else
				*o++ = *p;
		}
		*o = '\0';
		if ((s = slot_named(fs, line)) != NULL && !is_secret(s))
			slot_set(s, eq);
	}
}

/* Keep what is typed, if it changed since the last time. */
static void
form_keep_draft(struct tui *t, struct fscreen *fs)
{
	char *now = form_serialise(fs);

	if (fs->saved != NULL && strcmp(now, fs->saved) == 0) {
		free(now);
		return;
	}
	if (*now == '\0')
		session_draft_drop(t->who, fs->form->name, t->win);
	else
		session_draft_save(t->who, fs->form->name, t->win, now);
	free(fs->saved);
	fs->saved = now;
}

/* --- moving ---------------------------------------------------------------- */

/* Ask the action what the form comes to so far (the subsidy). */
static void
form_preview(struct tui *t, struct fscreen *fs)
{
	const char	*names[ACT_MAXF] = { NULL };
	char		*values[ACT_MAXF] = { NULL };
	size_t		 i;
	int		 n = 0;

	if (fs->form->action->preview == NULL)
		return;
	for (i = 0; i < fs->n && n < ACT_MAXF; i++) {
		if ((values[n] = slot_value(&fs->slots[i])) == NULL)
			continue;
		names[n++] = fs->slots[i].ff->f->name;
	}
	action_preview(t->who, fs->form->action->name, n, names,
	    (const char *const *)values, fs->preview, sizeof fs->preview);
	while (n > 0)
		free(values[--n]);
}

static void
form_leave(struct tui *t, struct fscreen *fs)
{
	slot_check(fs, &fs->slots[fs->cur]);
	form_keep_draft(t, fs);
	form_preview(t, fs);
}

static void
form_goto(struct tui *t, struct fscreen *fs, size_t i)
{
	if (i == fs->cur || i >= fs->n)
		return;
	form_leave(t, fs);
	fs->cur = i;
	if (fs->slots[i].ed != NULL)
		ledit_end(fs->slots[i].ed);
}

/*
 * Before saving (issue 11 (4)): the fields whose check failed as they
 * were left, and the required ones still empty, each marked beside it.
 * With any, the cursor goes to the first and the status line says how
 * many. Returns how many; 0 lets the action run (which checks it all).
 */
static size_t
form_errors(struct tui *t, struct fscreen *fs)
{
	struct fslot	*s;
	char		*v;
	size_t		 i, n = 0, first = 0;

	for (i = 0; i < fs->n; i++) {
		s = &fs->slots[i];
		if (s->msg[0] == '\0' && is_required(s)) {
			if ((v = slot_value(s)) == NULL)
				strlcpy0(s->msg, "必填", sizeof s->msg);
			free(v);
		}
		if (s->msg[0] != '\0' && n++ == 0)
			first = i;
	}
	if (n == 0)
		return 0;
	fs->cur = first;
	if (fs->slots[first].ed != NULL)
		ledit_end(fs->slots[first].ed);
	if (n == 1)
		tui_msg(t, 1, "有 1 处错误，已跳到该处：%s：%s",
		    fs->slots[first].ff->label, fs->slots[first].msg);
	else
		tui_msg(t, 1, "有 %zu 处错误，已跳到第一处：%s：%s", n,
		    fs->slots[first].ff->label, fs->slots[first].msg);
	return n;
}

/*
 * Run the action with every filled field; on a refusal go to the field it
 * names. Returns 1 if saved.
 */
static int
form_save(struct tui *t, struct fscreen *fs)
{
	const char	*names[ACT_MAXF];
	char		*values[ACT_MAXF];
	struct act	*a = NULL;
	struct fslot	*s;
	struct draft_ref d;
	size_t		 i;
	int		 n = 0, rc;

	form_leave(t, fs);
	if (form_errors(t, fs) > 0)
		return 0;
	for (i = 0; i < fs->n; i++) {
		if ((values[n] = slot_value(&fs->slots[i])) == NULL)
			continue;
		names[n++] = fs->slots[i].ff->f->name;
	}
	for (i = 0; i < fs->form->nset && n < ACT_MAXF; i++) {
		values[n] = xstrdup(fs->form->setvalue[i]);
		names[n++] = fs->form->setname[i];
	}
	/* R-SEC-8.9: the draft goes in the save's own transaction */
	d.form = fs->form->name;
	d.win = t->win;
	rc = action_run_draft(t->who, fs->form->action->name, n, names,
	    (const char *const *)values, &d, &a);
	while (n > 0)
		free(values[--n]);
	if (rc == NJ_OK) {
		t->acted++;
		/* issue 11 (5): njbt do's sentence (action-done.c) */
		tui_msg(t, 0, "%s", a->done);
		for (i = 0; i < fs->n; i++) {
			if (!fs->slots[i].ff->keep && !fs->slots[i].ff->self)
				slot_clear(&fs->slots[i]);
			fs->slots[i].msg[0] = '\0';
		}
		free(fs->saved);
		fs->saved = NULL;
		free(fs->base);
		fs->base = form_serialise(fs);
		for (fs->cur = 0; fs->cur + 1 < fs->n; fs->cur++)
			if (!fs->slots[fs->cur].ff->keep &&
			    !fs->slots[fs->cur].ff->self)
				break;
		if (fs->forced) {
			t->forced = 0;
			fs->forced = 0;
			act_free(&a);
			return 1;
		}
	} else {
		tui_msg(t, 1, "%s", a->err);
		if (a->errfield[0] != '\0' &&
		    (s = slot_named(fs, a->errfield)) != NULL) {
			strlcpy0(s->msg, a->err, sizeof s->msg);
			slot_short_msg(s);
			fs->cur = (size_t)(s - fs->slots);
		}
	}
	n = rc == NJ_OK;
	act_free(&a);
	return n;
}

/* --- pick, help, leave ------------------------------------------------- */

struct pickctx {
	struct fscreen	*fs;
	size_t		 slot;
};

static void
form_picked(struct tui *t, void *arg, const char *value)
{
	struct pickctx	*pc = arg;
	struct fslot	*s = &pc->fs->slots[pc->slot];
	char		*cur, *joined;

	if (value != NULL) {		/* NULL: the look-up was cancelled */
		cur = slot_value(s);
		/* a list field (counties) collects what is picked */
		if (s->ff->f->type == FT_LIST && cur != NULL) {
			joined = xcalloc(1, strlen(cur) + strlen(value) + 2);
			sprintf(joined, "%s,%s", cur, value);
			if (ledit_set(s->ed, joined) != 0)
				tui_msg(t, 1, "%s已满", s->ff->label);
			free(joined);
		} else
			slot_set(s, value);
		free(cur);
		slot_check(pc->fs, s);
	}
	free(pc);
}

static void
form_pick(struct tui *t, struct fscreen *fs)
{
	struct fslot	*s = &fs->slots[fs->cur], *u;
	struct pickctx	*pc;
	char		*arg = NULL;
	struct screen	*p;

	if (is_choice(s)) {
		s->choice = (s->choice + 1) % choice_count(s->ff->f->arg);
		return;
	}
	if (s->ff->lookup == NULL) {
		tui_msg(t, 1, "此项没有可选列表，请直接输入");
		return;
	}
	if (s->ff->using != NULL) {
		u = slot_named(fs, s->ff->using);
		if (u == NULL || (arg = slot_value(u)) == NULL) {
			tui_msg(t, 1, "请先填写“%s”", u ? u->ff->label :
			    s->ff->using);
			return;
		}
	}
	pc = xcalloc(1, sizeof *pc);
	pc->fs = fs;
	pc->slot = fs->cur;
	p = picker_new(t, s->ff->lookup, arg, s->ff->label, form_picked, pc);
	free(arg);
	if (p == NULL) {
		free(pc);
		return;
	}
	tui_push(t, p);
}

static void
form_help(struct tui *t, struct fscreen *fs)
{
	struct fslot	*s = &fs->slots[fs->cur];
	char		 text[1024], k[64], l[128], list[512] = "";
	int		 i;

	if (is_choice(s))
		for (i = 0; choice_at(s->ff->f->arg, i, k, sizeof k, l,
		    sizeof l) == 0; i++)
			xsnprintf(list + strlen(list), sizeof list -
			    strlen(list), "%s%s", i ? "、" : "可选：", l);
	xsnprintf(text, sizeof text, "%s%s\n%s\n%s%s", s->ff->label,
	    s->ff->f->flags & FF_REQ ? "（必填）" : "（选填）",
	    s->ff->help ? s->ff->help : "", list, s->ff->lookup ?
	    "按 F4 从列表中选择。" : "");
	tui_push(t, ask_new("帮助", text, "按任意键返回", NULL, NULL));
}

/*
 * Leaving with unsaved input: keep it as a draft (y, and F10 / Esc, so a
 * double F10 always leaves: issue 11 (3)), drop it (n); Enter stays.
 */
static int
form_leave_answer(struct tui *t, void *arg, int answer)
{
	struct screen	*s = arg;
	struct fscreen	*fs = s->data;

	if (answer == 'y' || answer == 27) {
		form_keep_draft(t, fs);
		tui_msg(t, 0, "已保留草稿，下次打开“%s”时可继续填写",
		    fs->form->title);
		return SK_POP;
	}
	if (answer == 'n') {
		session_draft_drop(t->who, fs->form->name, t->win);
		return SK_POP;
	}
	return SK_STAY;
}

static int
form_forced_answer(struct tui *t, void *arg, int answer)
{
	(void)t;
	(void)arg;
	return answer == 'y' ? SK_QUIT : SK_STAY;
}

/* --- the screen ------------------------------------------------------------ */

static int
form_label_width(const struct fscreen *fs)
{
	size_t	i;
	int	w, max = 4;

	for (i = 0; i < fs->n; i++)
		if ((w = tui_text_width(fs->slots[i].ff->label)) > max)
			max = w;
	return max > 24 ? 24 : max;
}

static void
form_draw(struct tui *t, struct screen *scr)
{
	struct fscreen	*fs = scr->data;
	struct fslot	*s;
	char		 k[64], l[128];
	uint32_t	 stars[FORM_WIDTH_MAX + 1];
	int		 y0 = 2, lw = form_label_width(fs), fx, w, rows, y;
	int		 nout, curcol, i, mx;
	size_t		 j;

	if (fs->form->note != NULL) {
		tui_put(2, 2, fs->form->note, t->cols - 4);
		y0 = 4;
	}
	if (fs->form->action->preview != NULL) {
		tui_put(y0, 2, fs->preview, t->cols - 4);
		y0 += 2;
	}
	rows = t->lines - 3 - y0;
	if (fs->cur < fs->top)
		fs->top = fs->cur;
	if (fs->cur >= fs->top + (size_t)rows)
		fs->top = fs->cur - (size_t)rows + 1;
	fx = lw + 4;
	t->cy = t->cx = -1;
	for (j = fs->top; j < fs->n && (int)(j - fs->top) < rows; j++) {
		s = &fs->slots[j];
		y = y0 + (int)(j - fs->top);
		/* issue 11 (4): a field in error is marked, not only told */
		if (s->msg[0] != '\0')
			tui_put(y, 1, "!", 1);
		else if (is_required(s))
			tui_put(y, 1, "*", 1);
		w = tui_text_width(s->ff->label);
		tui_put(y, 2 + lw - (w > lw ? lw : w), s->ff->label, lw);
		w = s->ff->width;
		if (w > t->cols - fx - 3)
			w = t->cols - fx - 3;
		if (s->msg[0] != '\0')
			tui_attr_on(t, TA_ERROR);
		tui_put(y, fx, "[", 1);
		tui_put(y, fx + 1 + w, "]", 1);
		if (s->msg[0] != '\0')
			tui_attr_off(t, TA_ERROR);
		if (is_choice(s)) {
			if (s->choice >= 0 && choice_at(s->ff->f->arg,
			    s->choice, k, sizeof k, l, sizeof l) == 0)
				tui_put(y, fx + 1, l, w);
			curcol = 0;
		} else {
			if (fs->viewcap < (size_t)LEDIT_VIEWMAX(w,
			    s->ff->f->max > 0 ? s->ff->f->max : 200)) {
				fs->viewcap = (size_t)LEDIT_VIEWMAX(w,
				    s->ff->f->max > 0 ? s->ff->f->max : 200);
				fs->view = realloc(fs->view, fs->viewcap *
				    sizeof *fs->view);
				if (fs->view == NULL)
					abort();
			}
			ledit_view(s->ed, w, fs->view, &nout, &curcol);
			if (is_secret(s)) {
				mx = ledit_len(s->ed) < w ? ledit_len(s->ed) : w;
				for (i = 0; i < w; i++)
					stars[i] = i < mx ? '*' : ' ';
				tui_put_cps(y, fx + 1, stars, w);
				curcol = mx < w ? mx : w - 1;
			} else
				tui_put_cps(y, fx + 1, fs->view, nout);
		}
		if (s->msg[0] != '\0' && fx + w + 3 < t->cols - 1) {
			tui_attr_on(t, TA_ERROR);
			tui_put(y, fx + w + 3, s->msg, t->cols - fx - w - 4);
			tui_attr_off(t, TA_ERROR);
		} else if (s->msg[0] != '\0' && j == fs->cur &&
		    t->msg[0] == '\0') {
			/* no room beside a wide field: on the message line */
			tui_attr_on(t, TA_ERROR);
			tui_put(t->lines - 2, 1, s->msg, t->cols - 2);
			tui_attr_off(t, TA_ERROR);
		}
		if (j == fs->cur) {
			t->cy = y;
			t->cx = fx + 1 + curcol;
		}
	}
	if (fs->n > (size_t)rows)
		tui_put(t->lines - 3, 2, fs->top + (size_t)rows < fs->n ?
		    "（下面还有，按 Tab 继续）" : "（已到最后一项）", t->cols - 4);
}

static void
form_next(struct tui *t, struct fscreen *fs, int dir)
{
	if (dir > 0 && fs->cur + 1 < fs->n)
		form_goto(t, fs, fs->cur + 1);
	else if (dir < 0 && fs->cur > 0)
		form_goto(t, fs, fs->cur - 1);
	else
		form_leave(t, fs);
}

/* Editing keys of a text-like field: 1 if the key was an edit. */
static int
form_edit(struct tui *t, struct fslot *s, const struct tkey *k)
{
	static const struct {
		enum tk	 k;
		int	(*fn)(struct ledit *);
	} edits[] = {
		{ TK_BS, ledit_backspace },	{ TK_DEL, ledit_delete },
		{ TK_LEFT, ledit_left },	{ TK_RIGHT, ledit_right },
		{ TK_HOME, ledit_home },	{ TK_END, ledit_end },
		{ TK_KILL, ledit_kill_line },	{ TK_KILLEND, ledit_kill_end },
	};
	size_t i;

	for (i = 0; i < sizeof edits / sizeof edits[0]; i++)
		if (edits[i].k == k->k) {
			edits[i].fn(s->ed);
			return 1;
		}
	if (k->k == TK_CHAR) {
		if (ledit_insert(s->ed, k->ch) != 0)
			tui_msg(t, 1, "%s最多 %d 个字", s->ff->label,
			    s->ff->f->max > 0 ? s->ff->f->max : 200);
		return 1;
	}
	return 0;
}

/* Tab / Down: the next field; Shift-Tab / Up: the one before. */
static int
form_move(struct tui *t, struct screen *scr, const struct tkey *k)
{
	form_next(t, scr->data, k->k == TK_TAB || k->k == TK_DOWN ? 1 : -1);
	return SK_STAY;
}

static int
form_enter(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct fscreen	*fs = scr->data;
	struct fslot	*s = &fs->slots[fs->cur];
	char		*v;
	int		 n;

	(void)k;
	/* a list of serials: Enter separates (a scanner ends each) */
	if (s->ff->f->type == FT_LINES && (v = slot_value(s)) != NULL) {
		n = v[strlen(v) - 1] != ',';
		free(v);
		if (n) {
			ledit_end(s->ed);
			ledit_insert(s->ed, ',');
			return SK_STAY;
		}
		ledit_backspace(s->ed);
	}
	if (fs->cur + 1 == fs->n)
		tui_msg(t, 0, "已是最后一项：按 F2 保存");
	form_next(t, fs, 1);
	return SK_STAY;
}

static int
form_f2(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct fscreen	*fs = scr->data;
	int		 forced = fs->forced;

	(void)k;
	if (form_save(t, fs) && forced)
		return SK_POP;	/* the forced password change is done */
	return SK_STAY;
}

/*
 * F5 on a print form (issue 12 (3)): the sheet on the screen, no file;
 * the action layer runs the printer (action-sheet.c).
 */
static int
form_f5(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct fscreen	*fs = scr->data;
	const char	*names[ACT_MAXF];
	char		*values[ACT_MAXF], msg[NJ_MSG_MAX];
	struct sheet	 sh;
	size_t		 i;
	int		 n = 0, rc;

	(void)k;
	if (strcmp(fs->form->action->name, "print") != 0)
		return SK_STAY;
	form_leave(t, fs);
	for (i = 0; i < fs->n; i++)
		if ((values[n] = slot_value(&fs->slots[i])) != NULL)
			names[n++] = fs->slots[i].ff->f->name;
	for (i = 0; i < fs->form->nset && n < ACT_MAXF; i++) {
		values[n] = xstrdup(fs->form->setvalue[i]);
		names[n++] = fs->form->setname[i];
	}
	rc = sheet_preview(t->who, n, names, (const char *const *)values, &sh,
	    msg, sizeof msg);
	while (n > 0)
		free(values[--n]);
	if (rc != NJ_OK)
		tui_msg(t, 1, "%s", msg);
	else
		tui_push(t, sheet_screen_new("预览", "预览：未保存为文件；按 F2 "
		    "保存到发件箱", &sh));
	return SK_STAY;
}

static int
form_f4(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)k;
	form_pick(t, scr->data);
	return SK_STAY;
}

static int
form_f1(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)k;
	form_help(t, scr->data);
	return SK_STAY;
}

/* F10 / Esc: leave, asking what becomes of unsaved input. */
static int
form_back(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct fscreen	*fs = scr->data;
	char		*v;

	(void)k;
	if (fs->forced) {
		tui_push(t, ask_new("修改密码", "首次登录须先修改密码。\n"
		    "要退出登录吗？", "Y 退出登录  N 继续修改",
		    form_forced_answer, scr));
		return SK_STAY;
	}
	form_leave(t, fs);
	if ((v = form_serialise(fs)) != NULL && *v != '\0' &&
	    (fs->base == NULL || strcmp(v, fs->base) != 0)) {
		tui_push(t, ask_new("离开表单", "已填写的内容尚未保存。\n"
		    "保留为草稿，下次继续填写吗？",
		    "Y/F10 保留草稿并返回  N 放弃  回车 继续填写",
		    form_leave_answer, scr));
		free(v);
		return SK_STAY;
	}
	free(v);
	session_draft_drop(t->who, fs->form->name, t->win);
	return SK_POP;
}

/*
 * F6 / Ctrl-T: today's date (the actions' clock, NJBT_NOW in tests) into
 * a date field, this month into a month field (issue 11 (4)).
 */
static int
form_today(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct fscreen	*fs = scr->data;
	struct fslot	*s = &fs->slots[fs->cur];
	char		 day[16];

	(void)k;
	if (s->ff->f->type != FT_DATE && s->ff->f->type != FT_MONTH) {
		tui_msg(t, 1, "“%s”不是日期，F6 只填日期", s->ff->label);
		return SK_STAY;
	}
	date_format(clock_today(), day, sizeof day);
	if (s->ff->f->type == FT_MONTH)
		day[7] = '\0';
	ledit_set(s->ed, day);
	ledit_end(s->ed);
	s->msg[0] = '\0';
	tui_msg(t, 0, "已填入今天：%s", day);
	return SK_STAY;
}

static int
form_badutf8(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)scr;
	(void)k;
	tui_msg(t, 1, "输入的不是 UTF-8 字符，已忽略（请把终端的字符编码设为 "
	    "UTF-8）");
	return SK_STAY;
}

/*
 * Keys for the field itself: a choice cycles with Space and Left / Right
 * and is cleared by Backspace; other fields edit (form_edit).
 */
static int
form_field(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct fscreen	*fs = scr->data;
	struct fslot	*s = &fs->slots[fs->cur];
	int		 n;

	if (is_choice(s)) {
		n = choice_count(s->ff->f->arg);
		if (k->k == TK_CHAR && k->ch == ' ')
			s->choice = (s->choice + 1) % n;
		else if (k->k == TK_RIGHT)
			s->choice = (s->choice + 1) % n;
		else if (k->k == TK_LEFT)
			s->choice = s->choice <= 0 ? n - 1 : s->choice - 1;
		else if (k->k == TK_BS || k->k == TK_KILL || k->k == TK_DEL)
			s->choice = -1;
		else if (k->k == TK_CHAR)
			tui_msg(t, 0, "按空格键或左右方向键选择，F4 列出全部");
		return SK_STAY;
	}
	if (form_edit(t, s, k))
		s->msg[0] = '\0';
	return SK_STAY;
}

/*
 * Enter is named on Tab's row; Space (a choice's next) is left off the
 * line, as typing on a choice says it.
 */
static const struct tbind form_rows[] = {
	{ { { TK_TAB, 0 }, { TK_DOWN, 0 }, { TK_BTAB, 0 }, { TK_UP, 0 } },
	    form_move, "Tab/回车 下一项", 0 },
	{ { { TK_ENTER, 0 } }, form_enter, "回车 下一项", TB_HIDE },
	{ { { TK_F2, 0 } }, form_f2, "F2 保存", 0 },
	{ { { TK_F4, 0 } }, form_f4, "F4 选择", 0 },
	/* print forms only: their note says so */
	{ { { TK_F5, 0 } }, form_f5, "F5 预览", TB_HIDE },
	{ { { TK_TODAY, 0 } }, form_today, "F6 今天", 0 },
	{ { { TK_F1, 0 } }, form_f1, "F1 帮助", 0 },
	{ { { TK_F10, 0 }, { TK_ESC, 0 } }, form_back, "F10 返回", 0 },
	{ { { TK_BADUTF8, 0 } }, form_badutf8, NULL, 0 },
	{ { { TK_CHAR, ' ' } }, form_field, "空格 切换选项", TB_HIDE },
	{ { { TK_CHAR, 0 } }, form_field, NULL, 0 },
	{ { { TK_LEFT, 0 }, { TK_RIGHT, 0 }, { TK_HOME, 0 }, { TK_END, 0 } },
	    form_field, NULL, 0 },
	{ { { TK_BS, 0 }, { TK_DEL, 0 }, { TK_KILL, 0 }, { TK_KILLEND, 0 } },
	    form_field, NULL, 0 },
};

const struct tkeys form_keys = TKEYS("form", form_rows);

static void
form_free(struct screen *scr)
{
	struct fscreen	*fs = scr->data;
	size_t		 i;

	for (i = 0; i < fs->n; i++)
		ledit_free(&fs->slots[i].ed);
	free(fs->slots);
	free(fs->saved);
	free(fs->base);
	free(fs->view);
	free(fs);
	free(scr);
}

static const struct screen_type form_type = {
	"form", form_draw, tkeys_key, NULL, form_free, 0
};

/*
 * R-SEC-8.9 issue 8 (9): the answer to the offer of another window's
 * draft. Y takes it over (it moves to this window, so no other window can
 * take it too) and fills the form; N discards it; Esc leaves it be.
 */
static int
form_offer_answer(struct tui *t, void *arg, int answer)
{
	struct screen	*scr = arg;
	struct fscreen	*fs = scr->data;
	char		*draft;

	if (answer == 'n') {
		session_draft_drop(t->who, fs->form->name, fs->offer.win);
		return SK_STAY;
	}
	if (answer != 'y')
		return SK_STAY;
	if (session_draft_take(t->who, fs->form->name, fs->offer.win, t->win) !=
	    NJ_OK || (draft = session_draft_load(t->who, fs->form->name, t->win)) ==
	    NULL) {
		tui_msg(t, 1, "该草稿已被其他窗口取走");
		return SK_STAY;
	}
	form_restore(fs, draft);
	free(fs->saved);
	fs->saved = form_serialise(fs);
	free(draft);
	tui_msg(t, 0, "已恢复草稿");
	return SK_STAY;
}

/* Once the form is on the screen: offer the other window's draft. */
static void
form_offer(struct tui *t, struct screen *scr)
{
	struct fscreen	*fs = scr->data;
	char		 text[512];

	scr->opened = NULL;
	xsnprintf(text, sizeof text, "另一窗口（或断开的连接）留有“%s”的草稿"
	    "\n（%s 保存）。\n要接着填写吗？", fs->form->title, fs->offer.at);
	tui_push(t, ask_new("继续填写", text, "Y 继续  N 放弃该草稿  Esc 不用",
	    form_offer_answer, scr));
}

/*
 * Where the cursor starts (issue 11 (4)): opened from a row (field is
 * its key), the first field the user must fill and has not, else the
 * first empty one; else, and from the menu, the first not filled in for
 * us (the user's login, the row's key).
 */
static size_t
form_first(struct fscreen *fs, const char *field)
{
	struct fslot	*s;
	char		*v;
	size_t		 i, empty = fs->n, other = fs->n;
	int		 filled;

	for (i = 0; i < fs->n; i++) {
		s = &fs->slots[i];
		if (s->ff->self || (field != NULL &&
		    strcmp(s->ff->f->name, field) == 0))
			continue;
		if (other == fs->n)
			other = i;
		if (field == NULL)
			break;
		v = slot_value(s);
		filled = v != NULL;
		free(v);
		if (filled)
			continue;
		if (is_required(s))
			return i;
		if (empty == fs->n)
			empty = i;
	}
	return empty < fs->n ? empty : other < fs->n ? other : 0;
}

/* What the action says the form's fields are now (the settings). */
static void
form_prefill(struct tui *t, struct fscreen *fs)
{
	char *now = action_current(t->who, fs->form->action->name);

	if (now != NULL)
		form_restore(fs, now);
	free(now);
}

/*
 * A form screen for form; field, if given, is set to value (a row's key,
 * the user's own login). Otherwise this window's draft of the form is
 * taken up, and one of another window is offered (R-SEC-8.9).
 */
struct screen *
form_screen_new(struct tui *t, const struct form *form, const char *field,
    const char *value, int forced)
{
	struct screen	*scr = xcalloc(1, sizeof *scr);
	struct fscreen	*fs = xcalloc(1, sizeof *fs);
	struct fslot	*s;
	char		*draft, flow[16] = "";
	size_t		 i;
	int		 fl;

	scr->type = &form_type;
	scr->data = fs;
	tkeys_use(scr, &form_keys);
	fl = action_flow(flow, sizeof flow) == 0 ? form_flow(flow) : -1;
	strlcpy0(scr->title, form_title(form, fl), sizeof scr->title);
	fs->form = form;
	fs->forced = forced;
	fs->n = form->nfields;
	fs->slots = xcalloc(fs->n, sizeof *fs->slots);
	for (i = 0; i < fs->n; i++) {
		s = &fs->slots[i];
		s->ff = &form->fields[i];
		s->choice = -1;
		if (!is_choice(s))
			s->ed = ledit_new(s->ff->f->max > 0 ? s->ff->f->max :
			    200);
		if (s->ff->self)
			slot_set(s, t->who->login);
		else if (s->ff->dflt != NULL)
			slot_set(s, s->ff->dflt);
	}
	if (field != NULL) {
		if ((s = slot_named(fs, field)) != NULL)
			slot_set(s, value);
	} else if (!forced)
		form_prefill(t, fs);
	fs->base = form_serialise(fs);
	fs->saved = xstrdup(fs->base);
	if (field == NULL && (draft = session_draft_load(t->who, form->name,
	    t->win)) != NULL) {
		form_restore(fs, draft);
		free(fs->saved);
		fs->saved = form_serialise(fs);
		free(draft);
		tui_msg(t, 0, "已恢复上次未完成的内容");
	} else if (field == NULL && !forced && session_draft_other(t->who,
	    form->name, t->win, &fs->offer))
		scr->opened = form_offer;
	fs->cur = form_first(fs, field);
	return scr;
}

/* Fill one more field of a new form (the record view's second key). */
int
form_screen_set(struct screen *scr, const char *field, const char *value)
{
	struct fslot *s = slot_named(scr->data, field);

	if (s == NULL)
		return -1;
	slot_set(s, value);
	return 0;
}
