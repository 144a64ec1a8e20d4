/*
 * fuzz-edit.c: the screens' CJK line editor and input decoder (tui-edit.c)
 * driven by typed bytes. The first byte sets the field's size; the rest go
 * through u8in as a terminal's bytes would, and control keys edit (^A home,
 * ^E end, ^B left, ^F right, ^H/DEL backspace, ^D delete, ^K kill to end,
 * ^U kill line, ^L view at the width of the next byte, ^R set the text to
 * itself). After every key the editor keeps its promises: the cursor within
 * the text, never more than maxchars code points, valid UTF-8 text without
 * a leading mark, and a view exactly cols columns wide that a diff against
 * the last view describes.
 */
#include "fuzz.h"
#include "tui-edit.h"

#define FZ_MAXCHARS	64
#define FZ_MAXCOLS	80

struct fz_view {
	uint32_t	cell[LEDIT_VIEWMAX(FZ_MAXCOLS, FZ_MAXCHARS)];
	int		n;
};

static void
fz_check(struct ledit *e, int maxchars)
{
	char	*t = ledit_text(e);

	fz_need(t != NULL);
	fz_need(ledit_cursor(e) >= 0 && ledit_cursor(e) <= ledit_len(e));
	fz_need(ledit_len(e) <= maxchars);
	fz_need(utf8_valid(t, strlen(t)));
	fz_need(utf8_chars(t) == (size_t)ledit_len(e));
	fz_need(utf8_width(t) == ledit_width(e));
	if (*t != '\0') {
		uint32_t cp;

		fz_need(utf8_decode(t, strlen(t), &cp) > 0);
		fz_need(cp_width(cp) != 0);
	}
	free(t);
}

static void
fz_view(struct ledit *e, int cols, struct fz_view *last)
{
	struct fz_view	v;
	int		cur, w = 0, i, from, to;

	(void)ledit_view(e, cols, v.cell, &v.n, &cur);
	fz_need(v.n >= 0 && v.n <= LEDIT_VIEWMAX(cols, FZ_MAXCHARS));
	for (i = 0; i < v.n; i++)
		w += cp_width(v.cell[i]);
	fz_need(w == cols);
	fz_need(cur >= 0 && cur <= cols);
	if (ledit_diff(last->cell, last->n, v.cell, v.n, &from, &to) != 0)
		fz_need(from >= 0 && from < to);
	fz_need(ledit_diff(v.cell, v.n, v.cell, v.n, &from, &to) == 0);
	*last = v;
}

static void
fz_key(struct ledit *e, uint32_t cp, int cols, struct fz_view *last)
{
	char *t;

	switch (cp) {
	case 0x01: ledit_home(e); break;
	case 0x05: ledit_end(e); break;
	case 0x02: ledit_left(e); break;
	case 0x06: ledit_right(e); break;
	case 0x08: case 0x7f: ledit_backspace(e); break;
	case 0x04: ledit_delete(e); break;
	case 0x0b: ledit_kill_end(e); break;
	case 0x15: ledit_kill_line(e); break;
	case 0x0c: fz_view(e, cols, last); break;
	case 0x12:
		t = ledit_text(e);
		fz_need(t != NULL && ledit_set(e, t) == 0);
		free(t);
		break;
	default:
		(void)ledit_insert(e, cp);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ledit	*e;
	struct u8in	 u;
	struct fz_view	 last;
	uint32_t	 cp;
	size_t		 i;
	int		 maxchars, cols = 10, r;
	char		*s;

	if (size < 1)
		return 0;
	maxchars = data[0] % FZ_MAXCHARS + 1;
	if ((e = ledit_new(maxchars)) == NULL)
		abort();
	last.n = 0;
	u8in_init(&u);
	for (i = 1; i < size; i++) {
		if ((r = u8in_feed(&u, data[i], &cp)) == -2) {
			r = u8in_feed(&u, data[i], &cp);
			fz_need(r != -2);
		}
		if (r != 1)
			continue;
		if (cp == 0x0c && i + 1 < size)
			cols = data[i + 1] % FZ_MAXCOLS + 1;
		fz_key(e, cp, cols, &last);
		fz_check(e, maxchars);
	}
	fz_view(e, cols, &last);
	/* the whole input as one text: taken only if it is fit to keep */
	s = fz_str(data + 1, size - 1);
	if (ledit_set(e, s) == 0) {
		char *t = ledit_text(e);

		fz_need(t != NULL && strcmp(s, t) == 0);
		free(t);
	}
	fz_check(e, maxchars);
	free(s);
	ledit_free(&e);
	fz_need(e == NULL);
	return 0;
}
