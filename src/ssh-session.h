/*
 * ssh-session.h: what the three files of one SSH session process share
 * (ssh-session.c the process and its loop, ssh-login.c logging in,
 * ssh-channel.c the channel, its requests and what goes over it, ssh-log.c
 * their log lines): the
 * session's state and the functions they call of each other. Included
 * by those three only.
 */
#ifndef NJBT_SSH_SESSION_H
#define NJBT_SSH_SESSION_H

#include <sys/ioctl.h>
#include <sys/types.h>

#include <signal.h>

#include "ssh-lib.h"

#include "ssh-server.h"


#define SESS_MAX_FAILS		5	/* password failures on one connection */
#define SESS_MAX_TRIES		30	/* auth requests on one connection */
#define SESS_STOP_WAIT		3000	/* ms the screens get to end */
#define SESS_HANGUP_MS		10000	/* ms a client gets to close its side */
#define SESS_INBUF		65536	/* keys the pty has not taken yet */

/* Why a session ended; the goodbye line and the logout's reason. */
enum sess_end {
	END_NONE = 0,
	END_QUIT,		/* the screens ended */
	END_CLOSED,		/* the client closed or the connection dropped */
	END_IDLE,		/* no input for too long */
	END_SHUTDOWN,		/* the server is stopping */
	END_CRASH,		/* the screens died */
	END_REFUSED,		/* exec, subsystem, no pty, session limit */
	END_REVOKED		/* the user was locked or changed (R-SEC-8.3) */
};

struct sess {
	const struct serve_opts		*o;
	const struct session_link	*link;		/* to the listener */
	char				 addr[64];
	ssh_session			 ssh;
	ssh_event			 ev;
	ssh_channel			 chan;
	struct ssh_server_callbacks_struct scb;
	struct ssh_channel_callbacks_struct ccb;

	/* logging in */
	int				 authed;
	struct actor			 who;
	int				 tries;
	int				 fails;
	int				 kbd;		/* 1 asked */
	char				 kbd_login[NJ_LOGIN_MAX + 1];
	char				 banner[NJ_MSG_MAX];
	char				 deny[NJ_MSG_MAX + 32]; /* accepted
					   only to be told this (ssh-login.c) */

	/* what the channel asked for */
	int				 pty;
	int				 shell;
	int				 sftp;		/* the sftp subsystem */
	size_t				 sftp_tail;	/* bytes of an SFTP
					   packet not yet whole (ssh-sftp.c) */
	const char			*refuse;	/* a line for stderr */
	char				 term[64];
	char				 lang[64];
	struct winsize			 ws;

	/* the screens */
	int				 master;	/* -1 none or closed */
	int				 master_watched;
	int				 pty_closed;
	pid_t				 child;
	int				 child_status;
	int				 child_done;
	int64_t				 last_input;	/* ms, monotonic */
	int				 client_gone;	/* the session
					   is over for it: closed or hung up */
	int				 client_closed;	/* it sent
					   its channel close (cb_close) */
	int				 hung_up;	/* its
					   connection is gone (or its disconnect
					   came) */
	int				 wire;		/* wire log fd, -1 */
	char				 in[SESS_INBUF]; /* keys waiting */
	size_t				 inlen;
	int				 dbopen;
};

/* ssh-log.c */
void	 sess_clean(const char *, char *, size_t);
void	 sess_log(const char *, const char *, const char *, ...)
	     __attribute__((format(printf, 3, 4)));

/* ssh-login.c: the server callbacks of logging in */
int	 cb_auth_password(ssh_session, const char *, const char *, void *);
int	 cb_auth_pubkey(ssh_session, const char *, struct ssh_key_struct *,
	     char, void *);
int	 cb_auth_none(ssh_session, const char *, void *);
int	 cb_message(ssh_session, ssh_message, void *);

/* ssh-channel.c: the channel, and what is written to it */
int64_t	 sess_ms(void);
ssh_channel cb_channel_open(ssh_session, void *);
void	 sess_flush_input(struct sess *);
void	 wire_log(struct sess *, const char *, const void *, size_t, int);
void	 wire_note(struct sess *, const char *, const char *);
void	 sess_send(struct sess *, const void *, size_t, int);
void	 sess_say(struct sess *, const char *, int);

/* ssh-sftp.c: the sftp subsystem in place of the screens */
enum sess_end sftp_serve(struct sess *, volatile sig_atomic_t *);
void	 sftp_scan(struct sess *, const void *, uint32_t);

#endif
