/*
 * tmuxgate.h: the e2e tests' gate to their tmux (tmuxgate.c): one
 * control-mode client that serves the tests' captures and keys.
 */
#ifndef TMUXGATE_H
#define TMUXGATE_H

#include <stddef.h>

#define GATE_OK		0	/* tmux did it */
#define GATE_TMUX_ERROR	1	/* tmux's error (in buf) */
#define GATE_NONE	(-1)	/* no gate: nothing sent, run tmux */
#define GATE_FAILED	(-2)	/* sent, but no answer */

/* Start the gate to tmux -L SOCK listening on PATH, in the background;
   0 once it serves. */
int	gate_daemon(const char *sock, const char *path);
/* The tmux command argv[0..argc-1] through the gate ($WAITSCREEN_GATE);
   what tmux printed into buf (NUL-terminated, cut at len - 1). */
int	gate_call(int argc, char **argv, char *buf, size_t len);

#endif
