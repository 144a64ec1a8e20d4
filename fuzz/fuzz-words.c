/*
 * fuzz-words.c: cmd-words.c's splitting of a batch file's line (`njbt do
 * --file`, issue 15 (3)) on any bytes. It refuses or gives at most its
 * maximum of words, each inside the line and no longer than it; and what
 * it gives is what it would give again: the words quoted back ('...', a
 * quote as '\'') and joined by blanks split into the same words.
 */
#include "fuzz.h"
#include "cmd.h"

#define FZ_WORDS	8

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*s = fz_str(data, size), *again, *p, *c;
	char		*w[FZ_WORDS], *w2[FZ_WORDS];
	const char	*why = NULL;
	size_t		 n = strlen(s), len;
	int		 k, k2, i;

	k = cmd_words(s, w, FZ_WORDS, &why);
	fz_need(k >= -1 && k <= FZ_WORDS);
	if (k < 0) {
		fz_need(why != NULL && *why != '\0');
		free(s);
		return 0;
	}
	/* at most four bytes for each byte of a word, a blank between */
	again = malloc(4 * n + 3 * (size_t)k + 1);
	if (again == NULL)
		abort();
	p = again;
	for (i = 0; i < k; i++) {
		len = strlen(w[i]);
		fz_need(w[i] >= s && w[i] + len <= s + n);
		if (i > 0)
			*p++ = ' ';
		*p++ = '\'';
		for (c = w[i]; *c != '\0'; c++)
			if (*c == '\'') {
				memcpy(p, "'\\''", 4);
				p += 4;
			} else
				*p++ = *c;
		*p++ = '\'';
	}
	*p = '\0';
	k2 = cmd_words(again, w2, FZ_WORDS, &why);
	fz_need(k2 == k);
	for (i = 0; i < k; i++)
		fz_need(strcmp(w2[i], w[i]) == 0);
	free(again);
	free(s);
	return 0;
}
