/*
 * tui-bind.c: key bindings as rows. Each screen keeps one table of
 * {keys, handler, help text, flags} beside its handlers (menu_keys in
 * tui-menu.c and so on); the key of a screen goes to the row that binds
 * it, and the screen's help line is built from the rows' help texts, so
 * the two cannot drift apart. tkeys_all lists every table for the tests.
 */
#include <string.h>

#include "tui.h"

const struct tkeys *const tkeys_all[] = {
	&menu_keys, &list_keys, &pick_keys, &form_keys, &ask_keys,
	&whoami_keys, &choose_keys, &view_keys, &sheet_keys, &outbox_keys,
	NULL
};

/* Whether key b of a row is k: exact (wild 0) or any character (wild 1). */
static int
tkeys_match(const struct tbkey *b, const struct tkey *k, int wild)
{
	if (b->k != k->k)
		return 0;
	if (k->k != TK_CHAR)
		return !wild;
	return wild ? b->ch == 0 : b->ch == k->ch;
}

/*
 * The row that binds k: one naming the key itself first, then one for
 * any character, then the row for any key; NULL if none.
 */
const struct tbind *
tkeys_find(const struct tkeys *tk, const struct tkey *k)
{
	size_t	i, j;
	int	wild;

	for (wild = 0; wild < 2; wild++)
		for (i = 0; i < tk->n; i++)
			for (j = 0; j < TB_MAXKEYS &&
			    tk->v[i].keys[j].k != TK_NONE; j++)
				if (tkeys_match(&tk->v[i].keys[j], k, wild))
					return &tk->v[i];
	for (i = 0; i < tk->n; i++)
		if (tk->v[i].flags & TB_ANY)
			return &tk->v[i];
	return NULL;
}

/* The key handler of every screen: run the row's handler, if a row binds k. */
int
tkeys_key(struct tui *t, struct screen *scr, const struct tkey *k)
{
	const struct tbind *b;

	if (scr->bind == NULL || (b = tkeys_find(scr->bind, k)) == NULL)
		return SK_STAY;
	return b->fn(t, scr, k);
}

/*
 * The help line of a table into buf: the help texts of its rows in order,
 * two spaces apart, leaving out rows marked TB_HIDE. Returns its length
 * (0: the screen has no help line).
 */
size_t
tkeys_line(const struct tkeys *tk, char *buf, size_t len)
{
	size_t	i, used = 0;

	if (len > 0)
		buf[0] = '\0';
	for (i = 0; i < tk->n; i++) {
		if (tk->v[i].help == NULL || (tk->v[i].flags & TB_HIDE))
			continue;
		xsnprintf(buf + used, len - used, "%s%s", used ? "  " : "",
		    tk->v[i].help);
		used = strlen(buf);
	}
	return used;
}

/* Give scr the keys of tk and the help line built from them. */
void
tkeys_use(struct screen *scr, const struct tkeys *tk)
{
	scr->bind = tk;
	if (tkeys_line(tk, scr->keyline, sizeof scr->keyline) > 0)
		scr->keys = scr->keyline;
	else
		scr->keys = NULL;
}
