/*
 * ssh-server.h: the SSH front end (`njbt serve`). ssh-server.c listens,
 * limits new connections per address and forks one session process per
 * connection; ssh-session.c is that process: SSH with libssh, logging in
 * through auth.c, a pty, and the screens (tui_main) in a child of its own
 * on the pty. Neither touches SQLite: they call the auth_* functions and
 * tui_main, and open the database only after fork.
 */
#ifndef NJBT_SSH_SERVER_H
#define NJBT_SSH_SERVER_H

#include "log.h"
#include "njbt.h"

#define SERVE_PORT		"2222"
#define SERVE_IDLE		900	/* idle logout, seconds */
#define SERVE_GRACE		120	/* time to log in, seconds */
#define SERVE_RATE		30	/* new connections a minute per address */
#define SERVE_MAX_PREAUTH	32	/* connections not logged in, in all */
#define SERVE_MAX_PREAUTH_ADDR	8	/* ... from one address */
#define SERVE_MAX_REGISTER	4	/* register sessions at once */

struct serve_opts {
	char			 db[4096];
	char			 host[256];	/* listen address */
	char			 port[16];
	char			 hostkey[4096];
	int			 idle;		/* seconds without input; 0 never */
	int			 grace;		/* seconds to log in */
	int			 rate;		/* per address a minute; 0 no limit */
	int			 max_preauth;	/* not logged in, in all; 0 no cap */
	int			 max_preauth_addr; /* ... from one address */
	int			 max_register;	/* register sessions; 0 no cap */
	struct auth_policy	 policy;
	const char		*wirelog;	/* $NJBT_WIRE_LOG or NULL */
	/* SIGHUP: read the configuration and forms again (cmd-serve.c) */
	int			(*reload)(struct serve_opts *);
	char			 socket[108];	/* issue 14 item 6; "" none */
};

/* ssh-log.c: the priority of a log line, by its format (issue 14 (4)) */
enum log_level sess_level(const char *);

/* ssh-server.c */
int	 server_run(struct serve_opts *);
int	 server_hostkey(const char *, char *, size_t, char *, size_t);
void	 server_log(const char *, const char *, const char *, ...)
	     __attribute__((format(printf, 3, 4)));

/*
 * What a session process tells its listener, through what the listener
 * passes in (the session never calls into ssh-server.c): that the user
 * logged in (no longer counted as not logged in), and a slot of the
 * register login's cap (1 taken or no cap, 0 all taken).
 */
struct session_link {
	void	(*authed)(void);
	int	(*register_claim)(const struct serve_opts *);
};

/* ssh-session.c */
void	 session_run(const struct serve_opts *, const struct session_link *,
	     int, const char *) __attribute__((noreturn));

/* ssh-local.c: ForceCommand mode (issue 14 item 6) */
int	 local_listen(const char *, char *, size_t);
void	 local_session_run(const struct serve_opts *,
	     const struct session_link *, int, const char *)
	     __attribute__((noreturn));
int	 local_client(const char *);

#endif
