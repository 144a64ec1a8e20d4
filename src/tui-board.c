/*
 * tui-board.c: the main menu's status line (what is due, open
 * complaints: tui-menu.c) shared by every session process of one server
 * (issue 15). A county's deadlines take ~10 ms of a core at a million
 * sales and tens of ms under load; read by each of its clerks' sessions,
 * a hundred of them going back to their menus at once queued behind each
 * other (bench/sessions at 500 sessions lost keys there). On the board
 * one session reads a key's line (the role and its scope region: all the
 * line's lists depend on) and the others take its copy while it is
 * younger than their bound.
 *
 * The board is a memory file the listener maps before it forks
 * (board_open): every session process inherits the mapping and the file.
 * Its locks are POSIX record locks on the file's bytes, as the password
 * slots' are (auth-gate.c): byte 0 guards the table (a read lock to copy
 * a line, a write lock to change one); byte 1 + i is slot i's refresh,
 * held by the one process reading its line anew while the others show
 * the last line (or, before there is any, wait for it). The kernel drops
 * a dead process's locks, so a session killed in the middle of a read
 * leaves nothing claimed. A line replaces only an older one (by when its
 * read began), so a slow read cannot undo a newer one. `njbt tui` run by
 * OpenSSH (a process of its own) has no board: BOARD_NONE.
 */
#include <sys/mman.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "njbt.h"
#include "tui-board.h"

struct board_line {
	int64_t	 at;		/* clock_ms() when its read began */
	int	 has;		/* 0: the key is there, no line yet */
	char	 text[BOARD_TEXT_MAX];
};

/* the keys together, so that finding one touches a few pages */
struct board {
	char			 key[BOARD_SLOTS][BOARD_KEY_MAX];
	struct board_line	 line[BOARD_SLOTS];
};

static struct board	*board;
static int		 board_fd = -1;

/* The listener's board, before any fork: 0, or -1 (no board then). */
int
board_open(void)
{
	void *p;

	if (board != NULL)
		return 0;
	if ((board_fd = memfd_create("njbt-menu-board", MFD_CLOEXEC)) < 0)
		return -1;
	if (ftruncate(board_fd, (off_t)sizeof *board) != 0 ||
	    (p = mmap(NULL, sizeof *board, PROT_READ | PROT_WRITE, MAP_SHARED,
	    board_fd, 0)) == MAP_FAILED) {
		close(board_fd);
		board_fd = -1;
		return -1;
	}
	board = p;
	return 0;
}

void
board_close(void)
{
	if (board != NULL)
		munmap(board, sizeof *board);
	if (board_fd >= 0)
		close(board_fd);
	board = NULL;
	board_fd = -1;
}

/*
 * A session process that closes what it inherited keeps the board as
 * descriptor fd (ssh-session.c): 0, or -1 with the board dropped (its
 * menus then read their lines themselves).
 */
int
board_keep(int fd)
{
	if (board == NULL)
		return -1;
	if (board_fd != fd && (dup2(board_fd, fd) != fd ||
	    fcntl(fd, F_SETFD, FD_CLOEXEC) != 0)) {
		munmap(board, sizeof *board);
		board = NULL;
		board_fd = -1;
		return -1;
	}
	board_fd = fd;
	return 0;
}

/* Lock (F_RDLCK, F_WRLCK) or unlock byte b; cmd F_SETLK(W). 0 or -1. */
static int
board_lock(int b, int cmd, short type)
{
	return fd_lock_byte(board_fd, b, cmd, type);
}

/* Key's slot, or -1; the table locked by the caller. */
static int
board_find(const char *key)
{
	int i;

	for (i = 0; i < BOARD_SLOTS && board->key[i][0] != '\0'; i++)
		if (strcmp(board->key[i], key) == 0)
			return i;
	return -1;
}

/* Key's slot, made if need be; -1 when the board is full. */
static int
board_slot(const char *key)
{
	int i;

	if (board_lock(0, F_SETLKW, F_RDLCK) != 0)
		return -1;
	i = board_find(key);
	board_lock(0, F_SETLK, F_UNLCK);
	if (i >= 0 || board_lock(0, F_SETLKW, F_WRLCK) != 0)
		return i;
	if ((i = board_find(key)) < 0) {
		for (i = 0; i < BOARD_SLOTS && board->key[i][0] != '\0'; i++)
			;
		if (i < BOARD_SLOTS) {
			strlcpy0(board->key[i], key, BOARD_KEY_MAX);
			memset(&board->line[i], 0, sizeof board->line[i]);
		} else
			i = -1;
	}
	board_lock(0, F_SETLK, F_UNLCK);
	return i;
}

/* Slot i's line into text and *at: 1, or 0 when it has none. */
static int
board_copy(int i, char *text, size_t size, int64_t *at)
{
	int has = 0;

	if (board_lock(0, F_SETLKW, F_RDLCK) != 0)
		return 0;
	if ((has = board->line[i].has) != 0) {
		strlcpy0(text, board->line[i].text, size);
		*at = board->line[i].at;
	}
	board_lock(0, F_SETLK, F_UNLCK);
	return has;
}

/*
 * Key's line into text (size bytes) and when its read began into *at.
 * BOARD_FRESH: younger than max_age ms. BOARD_MINE: the caller reads the
 * line itself and gives it with board_put (text holds the last line, if
 * any). BOARD_STALE: another process is reading it; text is the last
 * line. BOARD_NONE: no board or no room; the caller reads it itself.
 */
enum board_found
board_get(const char *key, int64_t max_age, char *text, size_t size,
    int64_t *at)
{
	int i, has;

	text[0] = '\0';
	*at = 0;
	if (board == NULL || key[0] == '\0' || strlen(key) >= BOARD_KEY_MAX ||
	    (i = board_slot(key)) < 0)
		return BOARD_NONE;
	has = board_copy(i, text, size, at);
	if (has && clock_ms() - *at < max_age)
		return BOARD_FRESH;
	if (board_lock(1 + i, F_SETLK, F_WRLCK) != 0) {
		if (has)
			return BOARD_STALE;
		/* none yet: wait for the reader's, rather than read it too */
		if (board_lock(1 + i, F_SETLKW, F_WRLCK) != 0)
			return BOARD_NONE;
	}
	/* the refresh is ours; another's may have been put meanwhile */
	if (board_copy(i, text, size, at) && clock_ms() - *at < max_age) {
		board_lock(1 + i, F_SETLK, F_UNLCK);
		return BOARD_FRESH;
	}
	return BOARD_MINE;
}

/*
 * Key's line as read from at (clock_ms() before the read), over an older
 * one only; text NULL when the read failed (the last line stays). Lets
 * the slot's refresh go, if this process held it.
 */
void
board_put(const char *key, int64_t at, const char *text)
{
	int i;

	if (board == NULL || board_lock(0, F_SETLKW, F_WRLCK) != 0)
		return;
	if ((i = board_find(key)) >= 0 && text != NULL &&
	    (!board->line[i].has || at >= board->line[i].at)) {
		strlcpy0(board->line[i].text, text, BOARD_TEXT_MAX);
		board->line[i].at = at;
		board->line[i].has = 1;
	}
	board_lock(0, F_SETLK, F_UNLCK);
	if (i >= 0)
		board_lock(1 + i, F_SETLK, F_UNLCK);
}
