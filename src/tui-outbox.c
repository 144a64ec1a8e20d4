/*
 * tui-outbox.c: "我的打印件" (issue 12 item 3), the user's outbox: its
 * files newest first with time and size, as SFTP shows them (/outbox/...).
 * Enter shows a CSV in the sheet viewer (tui-sheet.c) and says where an
 * xlsx is to be fetched; D deletes the chosen file after a question
 * naming it. Listing, reading and deleting are action-sheet.c's.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui.h"

struct oview {
	struct outbox_file	*v;
	size_t			 n;
	int			 sel;
	int			 top;
	char			 doomed[256];	/* the file asked about */
};

static void
outbox_load(struct tui *t, struct oview *o)
{
	char msg[NJ_MSG_MAX];

	free(o->v);
	if (outbox_list(t->who, &o->v, &o->n, msg, sizeof msg) != NJ_OK)
		tui_msg(t, 1, "%s", msg);
	if (o->sel >= (int)o->n)
		o->sel = o->n > 0 ? (int)o->n - 1 : 0;
}

static void
size_text(int64_t n, char *buf, size_t len)
{
	if (n < 10240)
		xsnprintf(buf, len, "%lld B", (long long)n);
	else if (n < 10 * 1048576)
		xsnprintf(buf, len, "%lld KB", (long long)(n + 1023) / 1024);
	else
		xsnprintf(buf, len, "%lld MB", (long long)(n + 1048575) /
		    1048576);
}

static void
outbox_draw(struct tui *t, struct screen *scr)
{
	struct oview	*o = scr->data;
	char		 when[32], size[32], line[512];
	struct tm	 tm;
	int		 rows = t->lines - 5, i, y;

	t->cy = t->cx = -1;
	tui_attr_on(t, TA_HEAD);
	tui_put(2, 1, "时间              大小       文件（SFTP 路径 /outbox/...）",
	    t->cols - 2);
	tui_attr_off(t, TA_HEAD);
	if (o->n == 0) {
		tui_put(3, 1, "（发件箱是空的：打印的报表会放在这里）", t->cols - 2);
		return;
	}
	if (o->sel < o->top)
		o->top = o->sel;
	if (o->sel >= o->top + rows)
		o->top = o->sel - rows + 1;
	for (i = o->top, y = 3; i < (int)o->n && y < 3 + rows; i++, y++) {
		localtime_r(&o->v[i].mtime, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		size_text(o->v[i].size, size, sizeof size);
		xsnprintf(line, sizeof line, "%-16s  %9s  /outbox/%s", when,
		    size, o->v[i].name);
		if (i == o->sel) {
			tui_attr_on(t, TA_SELECT);
			t->cy = y;
			t->cx = 0;
		}
		tcols_put(y, 1, line, t->cols - 2);
		if (i == o->sel)
			tui_attr_off(t, TA_SELECT);
	}
}

static int
outbox_move(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct oview	*o = scr->data;
	int		 page = t->lines - 6;

	switch (k->k) {
	case TK_UP:	o->sel--; break;
	case TK_DOWN:	o->sel++; break;
	case TK_PGUP:	o->sel -= page; break;
	case TK_PGDN:	o->sel += page; break;
	default:	break;
	}
	if (o->sel >= (int)o->n)
		o->sel = (int)o->n - 1;
	if (o->sel < 0)
		o->sel = 0;
	return SK_STAY;
}

static int
outbox_open(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct oview	*o = scr->data;
	struct sheet	 sh;
	char		 msg[NJ_MSG_MAX], where[300];
	int		 rc;

	(void)k;
	if (o->n == 0)
		return SK_STAY;
	rc = sheet_outbox(t->who, o->v[o->sel].name, &sh, msg, sizeof msg);
	if (rc != NJ_OK) {
		tui_msg(t, rc != NJ_REFUSED, "%s", msg);
		return SK_STAY;
	}
	xsnprintf(where, sizeof where, "/outbox/%s", o->v[o->sel].name);
	tui_push(t, sheet_screen_new("查看打印件", where, &sh));
	return SK_STAY;
}

static int
delete_answer(struct tui *t, void *arg, int answer)
{
	struct oview	*o = arg;
	char		 msg[NJ_MSG_MAX];

	if (answer != 'y') {
		tui_msg(t, 0, "未删除");
		return SK_STAY;
	}
	if (outbox_delete(t->who, o->doomed, msg, sizeof msg) != NJ_OK)
		tui_msg(t, 1, "%s", msg);
	else
		tui_msg(t, 0, "已删除：/outbox/%s", o->doomed);
	outbox_load(t, o);
	return SK_STAY;
}

static int
outbox_del(struct tui *t, struct screen *scr, const struct tkey *k)
{
	struct oview	*o = scr->data;
	char		 text[512];

	(void)k;
	if (o->n == 0)
		return SK_STAY;
	strlcpy0(o->doomed, o->v[o->sel].name, sizeof o->doomed);
	xsnprintf(text, sizeof text, "确定要删除 /outbox/%s 吗？删除后不能恢复。",
	    o->doomed);
	tui_push(t, ask_new("删除打印件", text, "Y 删除  N 返回",
	    delete_answer, o));
	return SK_STAY;
}

static int
outbox_reload(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)k;
	outbox_load(t, scr->data);
	return SK_STAY;
}

static int
outbox_back(struct tui *t, struct screen *scr, const struct tkey *k)
{
	(void)t;
	(void)scr;
	(void)k;
	return SK_POP;
}

static const struct tbind outbox_rows[] = {
	{ { { TK_UP, 0 }, { TK_DOWN, 0 }, { TK_PGUP, 0 }, { TK_PGDN, 0 } },
	    outbox_move, NULL, TB_HIDE },
	{ { { TK_ENTER, 0 } }, outbox_open, "回车 查看", 0 },
	{ { { TK_CHAR, 'd' }, { TK_CHAR, 'D' }, { TK_DEL, 0 } }, outbox_del,
	    "D 删除", 0 },
	{ { { TK_F5, 0 } }, outbox_reload, "F5 刷新", 0 },
	{ { { TK_F10, 0 }, { TK_ESC, 0 } }, outbox_back, "F10 返回", 0 },
};
const struct tkeys outbox_keys = TKEYS("outbox", outbox_rows);

static void
outbox_resume(struct tui *t, struct screen *scr)
{
	outbox_load(t, scr->data);
}

static void
outbox_free(struct screen *scr)
{
	struct oview *o = scr->data;

	free(o->v);
	free(o);
	free(scr);
}

static const struct screen_type outbox_type = {
	"outbox", outbox_draw, tkeys_key, outbox_resume, outbox_free, 0
};

struct screen *
outbox_screen_new(struct tui *t)
{
	struct screen	*scr = xcalloc(1, sizeof *scr);
	struct oview	*o = xcalloc(1, sizeof *o);

	scr->type = &outbox_type;
	scr->data = o;
	tkeys_use(scr, &outbox_keys);
	strlcpy0(scr->title, "我的打印件", sizeof scr->title);
	outbox_load(t, o);
	return scr;
}
