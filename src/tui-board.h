/*
 * tui-board.h: the main menu's status lines, shared by every session
 * process of one server (tui-board.c).
 */
#ifndef NJBT_TUI_BOARD_H
#define NJBT_TUI_BOARD_H

#include <stddef.h>
#include <stdint.h>

#define BOARD_KEY_MAX	32	/* "role/region" */
#define BOARD_TEXT_MAX	256	/* a menu's line, '\0' included */
#define BOARD_SLOTS	512	/* keys: a province's roles x regions */

/* What board_get found. */
enum board_found {
	BOARD_NONE = 0,	/* no board (`njbt tui`) or no room: read it yourself */
	BOARD_FRESH,	/* text is the line, younger than max_age */
	BOARD_STALE,	/* text is the last line; another process reads anew */
	BOARD_MINE	/* read it, then board_put: the others wait or use text */
};

int		 board_open(void);
void		 board_close(void);
int		 board_keep(int);
enum board_found board_get(const char *, int64_t, char *, size_t,
		    int64_t *);
void		 board_put(const char *, int64_t, const char *);

#endif
