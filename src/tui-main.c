/*
 * tui-main.c: one session of screens on the current terminal (the pty of
 * an SSH session, or the local terminal of `njbt tui`). Sets up curses for
 * CJK over slow links (C.UTF-8, xterm when the client's terminal type is
 * unknown here, a short escape delay, our own key table), then runs the
 * stack of screens: after each burst of keys, every screen draws into the
 * virtual screen and curses sends the terminal only what changed, once.
 * The database must be open; the caller opens it after forking.
 */
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui.h"

static volatile sig_atomic_t tui_stopping;	/* the SIGTERM or SIGHUP that came */

void
tui_msg(struct tui *t, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vxsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	t->msgerr = err;
}

void
tui_push(struct tui *t, struct screen *s)
{
	if (s == NULL)
		return;
	if (t->depth == TUI_DEPTH) {
		s->type->free(s);
		tui_msg(t, 1, "打开的窗口太多，请先返回");
		return;
	}
	t->stack[t->depth++] = s;
	if (s->opened != NULL)
		s->opened(t, s);
}

/*
 * A box (a popup) closes: its rows are sent again whole at the next
 * update, not only the cells curses believes changed, so that what was
 * under it, CJK characters its border cut included, comes back as it was
 * on every terminal, with no Ctrl-L (issue 11 item 7).
 */
static void
tui_unbox(struct tui *t, const struct screen *s)
{
	if (!s->type->popup || t->box_h <= 0)
		return;
	if (t->box_y + t->box_h <= t->lines)
		wredrawln(stdscr, t->box_y, t->box_h);
	t->box_h = 0;
}

/* Take the top screen off the stack without freeing it (its owner does). */
struct screen *
tui_detach(struct tui *t)
{
	if (t->depth == 0)
		abort();
	t->depth--;
	tui_unbox(t, t->stack[t->depth]);
	return t->stack[t->depth];
}

static void
tui_pop(struct tui *t)
{
	struct screen *s;

	if (t->depth == 0)
		return;
	s = t->stack[--t->depth];
	tui_unbox(t, s);
	s->type->free(s);
	if (t->depth > 0 && t->stack[t->depth - 1]->type->resume != NULL)
		t->stack[t->depth - 1]->type->resume(t, t->stack[t->depth - 1]);
}

/* Draw the top screen (and the one beneath a box) into curses. */
static void
tui_draw(struct tui *t)
{
	struct screen	*s = t->stack[t->depth - 1];
	char		 msg[256];

	getmaxyx(stdscr, t->lines, t->cols);
	t->wake = 0;	/* the screens drawn ask again */
	erase();
	t->cy = t->cx = -1;
	if (t->cols < TUI_MIN_COLS || t->lines < TUI_MIN_LINES) {
		xsnprintf(msg, sizeof msg, "终端窗口太小（当前 %dx%d），请放大到"
		    "至少 %dx%d。", t->cols, t->lines, TUI_MIN_COLS,
		    TUI_MIN_LINES);
		tui_put(0, 0, msg, t->cols);
	} else {
		if (s->type->popup && t->depth > 1) {
			t->stack[t->depth - 2]->type->draw(t,
			    t->stack[t->depth - 2]);
			tui_frame(t, t->stack[t->depth - 2]);
		}
		s->type->draw(t, s);
		if (!s->type->popup)
			tui_frame(t, s);
	}
	if (t->cy >= 0 && t->cx >= 0) {
		curs_set(1);
		move(t->cy, t->cx);
	} else {
		curs_set(0);
		move(t->lines - 1, t->cols - 1);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/*
 * Send F10 to each screen above the main menu until it is on top; stop
 * where a screen stays or asks (a question box is pushed). 1 when the
 * session should end.
 */
static int
tui_back_to_menu(struct tui *t, const struct tkey *k)
{
	struct screen	*s;
	int		 r, depth;

	while (t->depth > 1) {
		s = t->stack[t->depth - 1];
		if (s->type->popup)
			break;
		depth = t->depth;
		r = s->type->key(t, s, k);
		if (r == SK_QUIT)
			return 1;
		if (r == SK_POP)
			tui_pop(t);
		if (t->depth >= depth)
			break;
	}
	t->backed = tui_ms();
	return t->depth == 0;
}

/* One key to the top screen; 1 when the session should end. */
static int
tui_handle(struct tui *t, const struct tkey *k)
{
	struct screen	*s;
	int64_t		 now;
	int		 r, popup, depth, double10;

	if (k->k == TK_IDLE) {
		tui_msg(t, 1, "空闲超时，已自动退出");
		return 1;
	}
	if (k->k == TK_EOF)
		return 1;
	/* R-SEC-8.3 issue 8 (3): locked, changed or removed since login */
	if (k->k == TK_TICK) {
		if (tui_stopping)
			return 1;
		if (session_still_valid(t->who)) {
			/* issue 15 item 2: once an idle spell, not at every
			 * tick of it, and not at a clerk's pause between
			 * two keys: the key after a trim reads its pages
			 * again (TUI_TRIM_TICKS) */
			if (t->idle_ticks < TUI_TRIM_TICKS &&
			    ++t->idle_ticks == TUI_TRIM_TICKS)
				session_idle();
			return 0;
		}
		tui_msg(t, 1, "%s", ACTOR_CHANGED);
		t->revoked = 1;
		return 1;
	}
	if (k->k == TK_REDRAW) {
		clearok(curscr, TRUE);
		return 0;
	}
	if (k->k == TK_RESIZE)
		return 0;
	if (t->cols < TUI_MIN_COLS || t->lines < TUI_MIN_LINES)
		return k->k == TK_F10;
	/* issue 11 (bad input): what was typed ahead as a box closed (in
	 * the same burst, before the screen beneath was drawn) is dropped */
	if (t->guard)
		return 0;
	now = tui_ms();
	t->idle_ticks = 0;	/* a key: the next idle spell trims again */
	/* issue 11 (3): a double F10 is two F10s with no key between them;
	 * F10, Enter ... F10 typed ahead (or arriving in one burst over a
	 * slow link) are single F10s, each going back one screen */
	if (k->k != TK_F10 && k->k != TK_ESC) {
		t->lastf10 = 0;
		t->backed = 0;
	}
	if (k->k != TK_BADUTF8)
		t->msg[0] = '\0';
	s = t->stack[t->depth - 1];
	popup = s->type->popup;
	depth = t->depth;
	r = s->type->key(t, s, k);
	if (popup && (r != SK_STAY || t->depth != depth || t->depth == 0 ||
	    !t->stack[t->depth - 1]->type->popup))
		t->guard = 1;
	/* a screen left by F10 or Esc: a second F10 does not go further */
	if ((k->k == TK_F10 || k->k == TK_ESC) && (r == SK_POP ||
	    t->depth < depth))
		t->backed = now;
	double10 = k->k == TK_F10 && t->lastf10 != 0 &&
	    now - t->lastf10 < TUI_DOUBLE_MS;
	if (k->k == TK_F10)
		t->lastf10 = now;
	switch (r) {
	case SK_POP:
		tui_pop(t);
		break;
	case SK_QUIT:
		return 1;
	default:
		break;
	}
	/* issue 11 (3): the second F10 of a double that left a screen goes
	 * on to the menu; a form with changes still asks (it stops there) */
	if (double10 && t->depth < depth)
		return tui_back_to_menu(t, k);
	return t->depth == 0;
}

/* Has the terminal the string capability cap? */
static int
tui_term_has(const char *cap)
{
	char *v = tigetstr(cap);

	return v != NULL && v != (char *)-1 && *v != '\0';
}

/*
 * Can the terminal draw forms? They need cursor addressing (cup), a way
 * to clear the screen (clear) and one to mark the current field (rev or
 * smso); dumb and vt52 have not all of them.
 */
static int
tui_term_can_draw(void)
{
	return tui_term_has("cup") && tui_term_has("clear") &&
	    (tui_term_has("rev") || tui_term_has("smso"));
}

/*
 * One write per refresh. ncurses (6.4, Debian 12's) writes its buffer out
 * at every cursor movement of an update until the program has once called
 * endwin(): until then it takes the screen for not yet set up. A list of
 * 20 rows went out in some 45 writes, each waking the session's SSH side
 * to send a packet of its own (bench/sessions: 8 writes and 2.7 packets a
 * key). An endwin() now, with what it sends put to /dev/null (the
 * terminal never sees it, and its tty modes are not touched), leaves
 * ncurses suspended: the first refresh resumes (the modes, the keypad,
 * the alternate screen, all as the first refresh sent them before) and
 * from then on each refresh is one write. Without /dev/null the old way
 * stays: slower, the same screens.
 */
void
tui_one_write(void)
{
	int out, null;

	if ((null = open("/dev/null", O_WRONLY | O_CLOEXEC)) < 0)
		return;
	if ((out = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)) < 0) {
		close(null);
		return;
	}
	fflush(stdout);
	if (dup2(null, STDOUT_FILENO) == STDOUT_FILENO) {
		endwin();
		if (dup2(out, STDOUT_FILENO) != STDOUT_FILENO)
			abort();	/* the terminal would be lost */
	}
	close(out);
	close(null);
}

static int
tui_start_curses(struct tui *t)
{
	const char	*term = getenv("TERM");
	SCREEN		*sc;

	setlocale(LC_ALL, "C.UTF-8");
	sc = newterm(term && *term ? term : "xterm", stdout, stdin);
	if (sc == NULL && (term == NULL || strncmp(term, "putty", 5) == 0)) {
		/* Debian has no terminfo for putty and the like */
		setenv("TERM", "xterm", 1);
		sc = newterm("xterm", stdout, stdin);
	}
	if (sc == NULL)
		return -2;
	set_term(sc);
	if (!tui_term_can_draw()) {
		/* R-SEC-8.12f issue 8 (12): dumb, vt52 and the like */
		endwin();
		delscreen(sc);
		return -2;
	}
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	set_escdelay(200);
	tui_keys_init();
	if (t->colour && has_colors()) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);
		init_pair(2, COLOR_RED, -1);
	} else
		t->colour = 0;
	getmaxyx(stdscr, t->lines, t->cols);
	tui_one_write();
	return 0;
}

/* R-SEC-8.9: Y takes the other window's draft over, N discards it. */
static int
resume_answer(struct tui *t, void *arg, int answer)
{
	const struct form *f = arg;

	if (answer == 'y') {
		if (session_draft_take(t->who, f->name, t->offer.win, t->win) != NJ_OK)
			tui_msg(t, 1, "该草稿已被其他窗口取走");
		tui_push(t, form_screen_new(t, f, NULL, NULL, 0));
	} else if (answer == 'n')
		session_draft_drop(t->who, f->name, t->offer.win);
	return SK_STAY;
}

/*
 * A draft left by a dropped connection or another window: offer to take it
 * up; never filled in unasked (R-SEC-8.9 issue 8 (9)).
 */
static void
tui_offer_draft(struct tui *t)
{
	const struct form	*f;
	char			 text[512];

	if (!session_draft_other(t->who, NULL, t->win, &t->offer))
		return;
	if ((f = forms_find(t->forms, t->offer.form)) == NULL ||
	    f->kind != FORM_ACTION || !form_allowed(f, t->who)) {
		session_draft_drop(t->who, t->offer.form, t->offer.win);
		return;
	}
	xsnprintf(text, sizeof text, "上次有未完成的表单“%s”\n（%s 保存）。\n"
	    "要继续填写吗？", f->title, t->offer.at);
	tui_push(t, ask_new("继续填写", text, "Y 继续  N 放弃  Esc 以后再说",
	    resume_answer, (void *)f));
}

/* SIGTERM (idle logout, shutdown) and SIGHUP end the key wait at once. */
static void
tui_signal(int sig)
{
	tui_stopping = sig;
}

/* The signal that ended the screens (SIGTERM, SIGHUP), or 0: the logout's
 * reason of a session that runs tui_main itself (cmd_tui_session). */
int
tui_stop_signal(void)
{
	return tui_stopping;
}

/*
 * Run the screens for who until logout, idle time-out or end of input.
 * Returns 0, TUI_REVOKED when the user was locked or changed meanwhile
 * (the screens told them), or -1 if the terminal or forms/ could not be
 * set up.
 */
int
tui_main(const struct actor *who, const struct tui_opts *o)
{
	struct tui		 t;
	struct tkey		 k;
	const struct form	*pw;
	char			 err[4096];
	const char		*term;
	int			 done = 0, draw = 1, rc;

	memset(&t, 0, sizeof t);
	t.who = who;
	session_window_new(t.win, sizeof t.win);
	t.idle = o->idle;
	t.colour = o->colour >= 0 ? o->colour : session_colour(who);
	/* issue 14 (3): a session of the server runs the forms the server
	 * checked (form.c); only `njbt tui` reads them itself */
	if ((t.forms = forms_take_current()) == NULL &&
	    forms_load(forms_default_dir(), &t.forms, err, sizeof err) != 0) {
		fprintf(stderr, "njbt: 表单文件有误：\n%s\n", err);
		forms_free(&t.forms);
		return -1;
	}
	if ((rc = tui_start_curses(&t)) != 0) {
		if (rc == -2) {
			term = getenv("TERM");
			printf("您的终端类型（TERM=%s）不能显示本系统的表单界面。\r\n"
			    "请使用 PuTTY、Xshell 或其他 xterm 兼容终端，"
			    "或设置 TERM=xterm 后重新登录。\r\n",
			    term != NULL && *term != '\0' ? term : "未设置");
			fflush(stdout);
		} else
			fprintf(stderr, "njbt: 无法初始化终端\n");
		forms_free(&t.forms);
		return -1;
	}
	u8in_init(&t.in);
	{
		struct sigaction sa;

		memset(&sa, 0, sizeof sa);
		sa.sa_handler = tui_signal;	/* no SA_RESTART: wgetch returns */
		sigemptyset(&sa.sa_mask);
		sigaction(SIGTERM, &sa, NULL);
		sigaction(SIGHUP, &sa, NULL);
	}
	tui_push(&t, menu_new(&t));
	pw = forms_find(t.forms, "passwd");
	if (o->must_change && pw != NULL) {
		t.forced = 1;
		tui_push(&t, form_screen_new(&t, pw, NULL, NULL, 1));
		tui_msg(&t, 0, "首次登录，请先修改密码");
	} else
		tui_offer_draft(&t);
	while (!done) {
		if (draw)
			tui_draw(&t);
		draw = 1;
		t.guard = 0;	/* what comes now was typed seeing the screen */
		if (!tui_key(&t, &k, -1))
			continue;
		done = tui_handle(&t, &k);
		/* a tick that changed nothing sends nothing (a wake asked
		   for by a screen draws: a list's filter after a pause) */
		if (!done && k.k == TK_TICK && (t.wake == 0 ||
		    tui_ms() < t.wake)) {
			draw = 0;
			continue;
		}
		/* drain what else is waiting, then draw once */
		while (!done && tui_key(&t, &k, 0))
			done = tui_handle(&t, &k);
	}
	if (t.msg[0] != '\0' && t.msgerr) {
		tui_draw(&t);
	}
	while (t.depth > 0)
		tui_pop(&t);
	endwin();
	if (t.msg[0] != '\0' && t.msgerr)
		printf("%s\r\n", t.msg);
	forms_free(&t.forms);
	return t.revoked ? TUI_REVOKED : 0;
}

/* Open form by name with field set to value (for row actions). */
int
tui_open_form(struct tui *t, const struct form *f, const char *field,
    const char *value)
{
	tui_push(t, form_screen_new(t, f, field, value, 0));
	return 0;
}
