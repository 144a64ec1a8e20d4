/*
 * tui-cols.c: which columns of a list fit the terminal's width, and cells
 * cut to their column with a mark. The key column and the state columns
 * stay on screen (list_col_kept); the others are shown in their order
 * from a sideways position (←/→ in tui-list.c move it) as far as they fit
 * whole, so that no line is wider than the terminal and no state label is
 * cut. A text wider than its column keeps its head and ends in "..",
 * never in half a wide character (ASCII: ambiguous-width marks such as
 * the ellipsis are drawn one or two columns wide depending on the
 * terminal, so they stay out of layouts).
 */
#include <string.h>

#include "tui.h"

#define TCOLS_CUT	".."	/* marks a cut text */
#define TCOLS_MIN	6	/* a column narrower than this is not cut to fit */

/*
 * The columns of def shown in avail columns of screen (each column is its
 * width, then one blank) when the first `first` scrolling columns are
 * passed over. Fills out; returns out->n.
 */
size_t
tcols_fit(const struct list_def *def, int avail, int first, struct tcols *out)
{
	size_t	i, n = list_ncols(def);
	int	budget = avail + 1, w, seen = 0, full = 0;

	memset(out, 0, sizeof *out);
	if (n > TCOLS_MAX)
		n = TCOLS_MAX;
	for (i = 0; i < n; i++)
		if (list_col_kept(def, i))
			budget -= list_col_width(def, i) + 1;
	for (i = 0; i < n; i++) {
		w = list_col_width(def, i);
		if (!list_col_kept(def, i)) {
			if (seen++ < first) {
				out->left++;
				continue;
			}
			if (full || w + 1 > budget) {
				/* the first of them, cut, rather than none */
				if (!full && seen == first + 1 &&
				    budget - 1 >= TCOLS_MIN)
					w = budget - 1;
				else {
					full = 1;
					out->right++;
					continue;
				}
			}
			budget -= w + 1;
		}
		out->col[out->n] = i;
		out->width[out->n++] = w;
	}
	return out->n;
}

/*
 * s cut to at most w columns into out (len bytes): whole if it fits, else
 * its head and "..". Returns the columns used.
 */
int
tcols_clip(const char *s, int w, char *out, size_t len)
{
	uint32_t	 cp;
	size_t		 n = strlen(s), k, bytes = 0, keep = 0;
	int		 used = 0, cw, room, kept = 0;

	room = w > (int)strlen(TCOLS_CUT) ? w - (int)strlen(TCOLS_CUT) : w;
	while (bytes < n) {
		if ((k = utf8_decode(s + bytes, n - bytes, &cp)) == 0)
			break;
		if ((cw = cp_width(cp)) < 0)
			cw = 0;
		if (used + cw > w)
			break;
		used += cw;
		bytes += k;
		if (used <= room) {
			keep = bytes;
			kept = used;
		}
	}
	if (bytes == n) {			/* it fits */
		xsnprintf(out, len, "%.*s", (int)bytes, s);
		return used;
	}
	if (w <= (int)strlen(TCOLS_CUT)) {	/* no room for the mark */
		xsnprintf(out, len, "%.*s", (int)keep, s);
		return kept;
	}
	xsnprintf(out, len, "%.*s%s", (int)keep, s, TCOLS_CUT);
	return kept + (int)strlen(TCOLS_CUT);
}

/* Draw s at (y, x) in at most w columns, cut with a mark. */
int
tcols_put(int y, int x, const char *s, int w)
{
	char buf[1024];

	tcols_clip(s, w, buf, sizeof buf);
	return tui_put(y, x, buf, w);
}
