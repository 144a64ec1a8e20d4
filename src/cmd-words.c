/*
 * cmd-words.c: one line of a batch file (`njbt do --file`) split into
 * words with the command line's quoting, as sh(1) splits it: blanks
 * separate words; '...' keeps everything literally; "..." keeps
 * everything but \" \\ \$ \` (a backslash before another character stays);
 * outside quotes a backslash keeps the next character; a # at the start of
 * a word begins a comment. Nothing is expanded: $, *, ~ are plain
 * characters. The words are written over the line itself (they are never
 * longer than what they were written as).
 */
#include <string.h>

#include "cmd.h"

static int
cmd_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Split the NUL-terminated line into at most max words (pointers into the
 * line); the number of words, or -1 with *why set (an unclosed quote, a
 * backslash at the end, too many words).
 */
int
cmd_words(char *line, char **words, int max, const char **why)
{
	char	*r = line, *w = line, q;
	int	 n = 0;

	for (;;) {
		while (cmd_blank(*r))
			r++;
		if (*r == '\0' || *r == '#')
			return n;
		if (n == max) {
			*why = "字段过多";
			return -1;
		}
		words[n++] = w;
		while (*r != '\0' && !cmd_blank(*r)) {
			if (*r == '\\') {
				if (*++r == '\0') {
					*why = "行末的反斜杠后没有字符";
					return -1;
				}
				*w++ = *r++;
			} else if (*r == '\'' || *r == '"') {
				q = *r++;
				while (*r != q) {
					if (*r == '\0') {
						*why = "引号未闭合";
						return -1;
					}
					if (q == '"' && *r == '\\' &&
					    strchr("\"\\$`", r[1]) != NULL &&
					    r[1] != '\0')
						r++;
					*w++ = *r++;
				}
				r++;
			} else
				*w++ = *r++;
		}
		/* the word ends here; r may be one past w, never behind it */
		if (*r != '\0')
			r++;
		*w++ = '\0';
	}
}
