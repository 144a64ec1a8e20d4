/*
 * action-session.c: the session API (session.h). The screens of a session
 * keep three things in the store outside the action engine: the random id
 * of their window, the drafts of their forms (draft.c) and the user's
 * display settings (written by the user.prefs action, read here). These
 * are the only calls a screen makes towards the store besides running
 * actions, listing and printing; `make layers` checks that no screen
 * references a store symbol itself.
 */
#include "actions.h"

void
session_window_new(char *buf, size_t len)
{
	draft_window_new(buf, len);
}

int
session_draft_save(const struct actor *who, const char *form,
    const char *win, const char *data)
{
	return draft_save(who, form, win, data);
}

char *
session_draft_load(const struct actor *who, const char *form,
    const char *win)
{
	return draft_load(who, form, win);
}

int
session_draft_drop(const struct actor *who, const char *form,
    const char *win)
{
	return draft_drop(who, form, win);
}

/* Another window's draft of form (any form if NULL): 1 found, 0 none. */
int
session_draft_other(const struct actor *who, const char *form,
    const char *win, struct draft_info *out)
{
	return draft_other(who, form, win, out);
}

int
session_draft_take(const struct actor *who, const char *form,
    const char *from, const char *to)
{
	return draft_take(who, form, from, to);
}

/* The user's colour setting: 1 on, 0 off. */
int
session_colour(const struct actor *who)
{
	return user_colour(who);
}

/*
 * Issue 15 item 2: the screens are idle (no key for a tick): the
 * connection gives back its page cache (store_trim).
 */
void
session_idle(void)
{
	store_trim();
}
