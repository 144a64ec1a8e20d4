/*
 * tui-ask.c: small screens: a box over the current screen that asks a
 * question (Y / N / Esc) or shows a text until a key is pressed, and the
 * "who am I, what may I do" screen. Their keys are rows (ask_keys,
 * whoami_keys, choose_keys).
 */
#include <stdlib.h>
#include <string.h>

#include "tui.h"

struct ask {
	char	*text;
	char	*prompt;
	ask_cb	 cb;
	void	*arg;
};

/* Draw a box in the middle with the lines of text and a prompt. */
static void
ask_draw(struct tui *t, struct screen *scr)
{
	struct ask	*a = scr->data;
	char		*copy = xstrdup(a->text), *line, *next;
	int		 w = tui_text_width(a->prompt), h = 4, n, y, x, i;

	for (line = copy; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((n = tui_text_width(line)) > w)
			w = n;
		h++;
	}
	if ((n = tui_text_width(scr->title)) > w)
		w = n;
	w += 4;
	if (w > t->cols - 2)
		w = t->cols - 2;
	y = (t->lines - h) / 2;
	x = (t->cols - w) / 2;
	tui_box(t, y, x, h, w);
	tui_put(y, x + 2, scr->title, w - 4);
	strcpy(copy, a->text);
	for (i = 1, line = copy; line != NULL; line = next, i++) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		tui_put(y + i, x + 2, line, w - 4);
	}
	tui_put(y + h - 2, x + 2, a->prompt, w - 4);
	free(copy);
	t->cy = y + h - 2;
	t->cx = x + 2 + tui_text_width(a->prompt);
	if (t->cx >= x + w - 1)
		t->cx = x + w - 2;
}

/* The answer to the question: cb says what happens next. */
static int
ask_answer(struct tui *t, struct screen *scr, int answer)
{
	struct ask	*a = scr->data;
	int		 rc;

	if (a->cb == NULL)
		return SK_POP;
	/* close the box first: what cb opens goes above the screen beneath */
	tui_detach(t);
	rc = a->cb(t, a->arg, answer);
	scr->type->free(scr);
	/* cb's SK_POP closes the screen beneath, now the top */
	return rc == SK_POP ? SK_POP : rc == SK_QUIT ? SK_QUIT : SK_STAY;
}

static int
ask_yes(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)k;
	return ask_answer(t, scr, 'y');
}

static int
ask_no(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)k;
	return ask_answer(t, scr, 'n');
}

static int
ask_enter(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)k;
	return ask_answer(t, scr, '\r');
}

static int
ask_cancel(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)k;
	return ask_answer(t, scr, 27);
}

/* Any other key closes a box that asks nothing. */
static int
ask_other(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)t;
	(void)k;
	return ((struct ask *)scr->data)->cb == NULL ? SK_POP : SK_STAY;
}

static int
tb_stay(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)t;
	(void)scr;
	(void)k;
	return SK_STAY;
}

/* No help line: the caller's prompt names the answers. */
static const struct tbind ask_rows[] = {
	{ { { TK_CHAR, 'y' }, { TK_CHAR, 'Y' } }, ask_yes, NULL, 0 },
	{ { { TK_CHAR, 'n' }, { TK_CHAR, 'N' } }, ask_no, NULL, 0 },
	{ { { TK_ESC, 0 }, { TK_F10, 0 } }, ask_cancel, NULL, 0 },
	{ { { TK_ENTER, 0 } }, ask_enter, NULL, 0 },
	{ { { TK_RESIZE, 0 }, { TK_BADUTF8, 0 } }, tb_stay, NULL, 0 },
	{ { { TK_NONE, 0 } }, ask_other, NULL, TB_ANY },
};

const struct tkeys ask_keys = TKEYS("ask", ask_rows);

static void
ask_free(struct screen *scr)
{
	struct ask *a = scr->data;

	free(a->text);
	free(a->prompt);
	free(a);
	free(scr);
}

static const struct screen_type ask_type = {
	"ask", ask_draw, tkeys_key, NULL, ask_free, 1
};

/*
 * A box titled title with text; with cb, Y, N, Esc (or F10) or Enter
 * answers it (cb gets 'y', 'n', 27 or '\r' and says what happens to the
 * screen beneath: anything but 'y' must not do what is asked); without,
 * any key closes it.
 */
struct screen *
ask_new(const char *title, const char *text, const char *prompt, ask_cb cb,
    void *arg)
{
	struct screen	*scr = xcalloc(1, sizeof *scr);
	struct ask	*a = xcalloc(1, sizeof *a);

	scr->type = &ask_type;
	scr->data = a;
	tkeys_use(scr, &ask_keys);
	strlcpy0(scr->title, title, sizeof scr->title);
	a->text = xstrdup(text);
	a->prompt = xstrdup(prompt);
	a->cb = cb;
	a->arg = arg;
	return scr;
}

/* --- who am I ------------------------------------------------------------ */

static void
whoami_draw(struct tui *t, struct screen *scr)
{
	const struct action	*a;
	const struct actor	*w = t->who;
	char			 line[256];
	size_t			 i;
	int			 y = 2, col = 0, colw = 26, ncol;

	(void)scr;
	xsnprintf(line, sizeof line, "登录名：%s", w->login);
	tui_put(y++, 2, line, t->cols - 4);
	xsnprintf(line, sizeof line, "姓  名：%s", w->name);
	tui_put(y++, 2, line, t->cols - 4);
	xsnprintf(line, sizeof line, "角  色：%s%s%s", role_label(w->role),
	    w->post[0] ? "，岗位：" : "", action_post_label(w));
	tui_put(y++, 2, line, t->cols - 4);
	xsnprintf(line, sizeof line, "管辖范围：%s", w->region[0] ? w->region :
	    (w->role == ROLE_MAKER || w->role == ROLE_DEALER) ? "本企业" :
	    "全省");
	tui_put(y++, 2, line, t->cols - 4);
	y++;
	tui_put(y++, 2, "您可以执行的操作：", t->cols - 4);
	ncol = (t->cols - 4) / colw;
	for (i = 0; (a = action_at(i)) != NULL; i++) {
		if (!action_allowed(a, w) || !action_on_screens(a))
			continue;
		if (y >= t->lines - 3)
			break;
		tui_put(y, 4 + col * colw, a->title, colw - 2);
		if (++col == ncol) {
			col = 0;
			y++;
		}
	}
}

static int
whoami_back(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)t;
	(void)scr;
	(void)k;
	return SK_POP;
}

static const struct tbind whoami_rows[] = {
	{ { { TK_RESIZE, 0 } }, tb_stay, NULL, 0 },
	{ { { TK_NONE, 0 } }, whoami_back, "按任意键返回", TB_ANY },
};

const struct tkeys whoami_keys = TKEYS("whoami", whoami_rows);

static void
whoami_free(struct screen *scr)
{
	free(scr);
}

static const struct screen_type whoami_type = {
	"whoami", whoami_draw, tkeys_key, NULL, whoami_free, 0
};

struct screen *
whoami_new(struct tui *t)
{
	struct screen *scr = xcalloc(1, sizeof *scr);

	(void)t;
	scr->type = &whoami_type;
	tkeys_use(scr, &whoami_keys);
	strlcpy0(scr->title, "我是谁，我能做什么", sizeof scr->title);
	return scr;
}

/* --- choosing one of a few ------------------------------------------------ */

struct choose {
	char	**items;
	size_t	  n;
	int	  sel;
	ask_cb	  cb;
	void	 *arg;
};

static void
choose_draw(struct tui *t, struct screen *scr)
{
	struct choose	*c = scr->data;
	char		 line[NJ_NAME_MAX + 8];
	size_t		 i;
	int		 w = tui_text_width(scr->title) + 4, h, y, x, n;

	/* "> 1  item" inside "| " and " |" */
	for (i = 0; i < c->n; i++)
		if ((n = tui_text_width(c->items[i]) + 10) > w)
			w = n;
	if (w > t->cols - 2)
		w = t->cols - 2;
	h = (int)c->n + 2;
	y = (t->lines - h) / 2;
	x = (t->cols - w) / 2;
	tui_box(t, y, x, h, w);
	tui_put(y, x + 2, scr->title, w - 4);
	for (i = 0; i < c->n; i++) {
		xsnprintf(line, sizeof line, "%c %zu  %s", (int)i == c->sel ?
		    '>' : ' ', i + 1, c->items[i]);
		tui_put(y + 1 + (int)i, x + 2, line, w - 4);
	}
	t->cy = y + 1 + c->sel;
	t->cx = x + 2;
}

/* Item pick is chosen: close the box and tell cb. */
static int
choose_pick(struct tui *t, struct screen *scr, int pick)
{
	struct choose	*c = scr->data;
	int		 rc;

	/* close the box first: what cb opens goes above the screen beneath */
	tui_detach(t);
	rc = c->cb(t, c->arg, pick);
	scr->type->free(scr);
	return rc == SK_QUIT ? SK_QUIT : SK_STAY;
}

static int
choose_step(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct choose *c = scr->data;

	(void)t;
	if (k->k == TK_UP)
		c->sel = c->sel > 0 ? c->sel - 1 : (int)c->n - 1;
	else
		c->sel = c->sel + 1 < (int)c->n ? c->sel + 1 : 0;
	return SK_STAY;
}

static int
choose_enter(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)k;
	return choose_pick(t, scr, ((struct choose *)scr->data)->sel);
}

/* An item's number chooses it. */
static int
choose_digit(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct choose *c = scr->data;

	if (k->ch >= '1' && k->ch < '1' + c->n)
		return choose_pick(t, scr, (int)(k->ch - '1'));
	return SK_STAY;
}

static int
choose_cancel(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)t;
	(void)scr;
	(void)k;
	return SK_POP;
}

static const struct tbind choose_rows[] = {
	{ { { TK_UP, 0 }, { TK_DOWN, 0 }, { TK_TAB, 0 } }, choose_step, NULL,
	    0 },
	{ { { TK_ENTER, 0 } }, choose_enter, NULL, 0 },
	{ { { TK_CHAR, 0 } }, choose_digit, NULL, 0 },
	{ { { TK_ESC, 0 }, { TK_F10, 0 } }, choose_cancel, NULL, 0 },
};

const struct tkeys choose_keys = TKEYS("choose", choose_rows);

static void
choose_free(struct screen *scr)
{
	struct choose	*c = scr->data;
	size_t		 i;

	for (i = 0; i < c->n; i++)
		free(c->items[i]);
	free(c->items);
	free(c);
	free(scr);
}

static const struct screen_type choose_type = {
	"choose", choose_draw, tkeys_key, NULL, choose_free, 1
};

/* A box to choose one of n items; cb gets its index. */
struct screen *
choose_new(const char *title, const char *const *items, size_t n, ask_cb cb,
    void *arg)
{
	struct screen	*scr = xcalloc(1, sizeof *scr);
	struct choose	*c = xcalloc(1, sizeof *c);
	size_t		 i;

	scr->type = &choose_type;
	scr->data = c;
	tkeys_use(scr, &choose_keys);
	strlcpy0(scr->title, title, sizeof scr->title);
	c->items = xcalloc(n, sizeof *c->items);
	for (i = 0; i < n; i++)
		c->items[i] = xstrdup(items[i]);
	c->n = n;
	c->cb = cb;
	c->arg = arg;
	return scr;
}
