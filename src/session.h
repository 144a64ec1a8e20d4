/*
 * session.h: the session API of the actions layer, what the screens of one
 * session keep in the store besides the actions they run: their window's
 * id, the drafts of their half-filled forms, and the user's display
 * settings (action-session.c). The screens reach the store only through
 * this and the action engine.
 */
#ifndef NJBT_SESSION_H
#define NJBT_SESSION_H

struct actor;

/* R-SEC-8.9 issue 8 (9): one draft per user, form and window */
#define DRAFT_WIN_LEN	33
struct draft_info {
	char	 form[128];
	char	 at[32];
	char	 win[DRAFT_WIN_LEN];
};

void	 session_window_new(char *, size_t);
int	 session_draft_save(const struct actor *, const char *, const char *,
	     const char *);
char	*session_draft_load(const struct actor *, const char *, const char *);
int	 session_draft_drop(const struct actor *, const char *, const char *);
int	 session_draft_other(const struct actor *, const char *, const char *,
	     struct draft_info *);
int	 session_draft_take(const struct actor *, const char *, const char *,
	     const char *);
int	 session_colour(const struct actor *);
void	 session_idle(void);		/* issue 15 item 2 */

/* issue 11 (4, 6): what the screens read to fit the user (action-current.c) */
int	 action_flow(char *, size_t);
char	*action_current(const struct actor *, const char *);
int	 action_dealer_pending(const struct actor *, char *, size_t);
const char *action_post_label(const struct actor *);

#endif
