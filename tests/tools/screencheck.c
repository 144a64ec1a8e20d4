/*
 * tests/tools/screencheck.c: reads a screen captured by tmux (capture-pane
 * -p) on standard input and checks what issue 11 item 2 asks of a list at
 * 80x24: no line is wider than the terminal (display columns, CJK two),
 * and every cell under a state column (heads named on the command line)
 * is empty or a whole short label of state.c or label.c. Built by the
 * tests that use it (tests/e2e/lists80.sh) with src/state.c and
 * src/label.c, which are pure. Prints what is wrong; exits 1 then.
 *   screencheck COLS HEAD...     check a screen
 *   screencheck --labels         every short label, one a line
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "label.h"

#define LINES_MAX	64
#define LINE_MAX_B	2048

static int
is_label(const char *s)
{
	const struct state_kind	*sk;
	const struct label_kind	*lk;
	const struct state_code	*c;

	for (sk = state_kinds; sk->kind != NULL; sk++)
		for (c = sk->codes; c->code != NULL; c++)
			if (strcmp(c->label, s) == 0)
				return 1;
	for (lk = label_kinds; lk->kind != NULL; lk++)
		for (c = lk->codes; c->code != NULL; c++)
			if (strcmp(c->label, s) == 0)
				return 1;
	return 0;
}

/* The display width of s; *at (if given) the byte where column col starts. */
static int
width_to(const char *s, int col, size_t *at)
{
	mbstate_t	 st;
	wchar_t		 wc;
	size_t		 n, i = 0, len = strlen(s);
	int		 w = 0, cw;

	memset(&st, 0, sizeof st);
	if (at != NULL)
		*at = len;
	while (i < len) {
		if (at != NULL && w >= col) {
			*at = i;
			return w;
		}
		n = mbrtowc(&wc, s + i, len - i, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			n = 1;
			cw = 1;
			memset(&st, 0, sizeof st);
		} else if ((cw = wcwidth(wc)) < 0)
			cw = 0;
		w += cw;
		i += n;
	}
	return w;
}

/* The cell of line from column a to column b (exclusive), trimmed. */
static void
cell(const char *line, int a, int b, char *out, size_t len)
{
	size_t	from, to;

	width_to(line, a, &from);
	width_to(line, b, &to);
	if (to < from)
		to = from;
	while (from < to && line[from] == ' ')
		from++;
	while (to > from && line[to - 1] == ' ')
		to--;
	snprintf(out, len, "%.*s", (int)(to - from), line + from);
}

int
main(int argc, char **argv)
{
	static char	 lines[LINES_MAX][LINE_MAX_B];
	char		 c[LINE_MAX_B], head[LINE_MAX_B];
	int		 n = 0, i, k, cols, bad = 0, starts[40], nh = 0, w, a;
	size_t		 p;

	setlocale(LC_ALL, "C.UTF-8");
	if (argc == 2 && strcmp(argv[1], "--labels") == 0) {
		const struct state_kind	*sk;
		const struct label_kind	*lk;
		const struct state_code	*sc;

		for (sk = state_kinds; sk->kind != NULL; sk++)
			for (sc = sk->codes; sc->code != NULL; sc++)
				printf("%s\n", sc->label);
		for (lk = label_kinds; lk->kind != NULL; lk++)
			for (sc = lk->codes; sc->code != NULL; sc++)
				printf("%s\n", sc->label);
		return 0;
	}
	if (argc < 2)
		return 2;
	cols = atoi(argv[1]);
	while (n < LINES_MAX && fgets(lines[n], LINE_MAX_B, stdin) != NULL) {
		lines[n][strcspn(lines[n], "\n")] = '\0';
		if ((w = width_to(lines[n], 0, NULL)) > cols) {
			printf("line %d is %d columns wide: %s\n", n + 1, w,
			    lines[n]);
			bad = 1;
		}
		n++;
	}
	if (n < 4)
		return bad;
	/* the heads on the third line: where each starts */
	for (p = 0; lines[2][p] != '\0' && nh < 40; ) {
		while (lines[2][p] == ' ')
			p++;
		if (lines[2][p] == '\0')
			break;
		snprintf(head, sizeof head, "%.*s", (int)p, lines[2]);
		starts[nh++] = width_to(head, 0, NULL);
		while (lines[2][p] != ' ' && lines[2][p] != '\0')
			p++;
	}
	for (k = 0; k < nh; k++) {
		width_to(lines[2], starts[k], &p);
		snprintf(head, sizeof head, "%s", lines[2] + p);
		head[strcspn(head, " ")] = '\0';
		for (a = 2; a < argc; a++)
			if (strcmp(argv[a], head) == 0)
				break;
		if (a == argc)
			continue;
		/* the rows: to the blank line before the message line */
		for (i = 3; i < n - 2 && lines[i][0] != '\0'; i++) {
			/* an empty list's one line is no row */
			if (strstr(lines[i], "（没有记录）") != NULL)
				continue;
			cell(lines[i], starts[k], k + 1 < nh ? starts[k + 1] :
			    cols, c, sizeof c);
			if (c[0] != '\0' && !is_label(c)) {
				printf("line %d, %s: \"%s\" is no label\n",
				    i + 1, head, c);
				bad = 1;
			}
		}
	}
	return bad;
}
