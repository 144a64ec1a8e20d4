/*
 * ssh-log.c: the log lines of a session process (ssh-session.c,
 * ssh-login.c, ssh-channel.c): each names the login and the address it
 * is about, through log.c like every other line of the server's log;
 * what a client sends is made safe before it is logged.
 */
#include <stdarg.h>
#include <string.h>

#include "log.h"
#include "ssh-session.h"

/*
 * Issue 14 (4): the priority of a line of the server's log, by how its
 * format begins (journald and syslog keep it): failures, locks and
 * refusals are warnings, what broke is an error, the rest (login,
 * logout, sftp) information.
 */
static const struct {
	const char	*prefix;
	enum log_level	 level;
} sess_levels[] = {
	{ "login.fail", LOG_LEVEL_WARN },
	{ "login.refused", LOG_LEVEL_WARN },
	{ "refused", LOG_LEVEL_WARN },
	{ "sftp refused", LOG_LEVEL_WARN },
	{ "too many", LOG_LEVEL_WARN },
	{ "key exchange:", LOG_LEVEL_WARN },
	{ "killing", LOG_LEVEL_WARN },
	{ "reload", LOG_LEVEL_WARN },
	{ "accept:", LOG_LEVEL_ERROR },
	{ "database:", LOG_LEVEL_ERROR },
	{ "fork:", LOG_LEVEL_ERROR },
	{ "host key:", LOG_LEVEL_ERROR },
	{ "logout:", LOG_LEVEL_ERROR },
	{ "openpty:", LOG_LEVEL_ERROR },
	{ "out of memory", LOG_LEVEL_ERROR },
	{ "poll:", LOG_LEVEL_ERROR },
	{ "session process", LOG_LEVEL_ERROR },
	{ "sftp: boxes:", LOG_LEVEL_ERROR },
	{ "wire log", LOG_LEVEL_ERROR },
};

enum log_level
sess_level(const char *fmt)
{
	size_t i;

	for (i = 0; i < sizeof sess_levels / sizeof sess_levels[0]; i++)
		if (strncmp(fmt, sess_levels[i].prefix,
		    strlen(sess_levels[i].prefix)) == 0)
			return sess_levels[i].level;
	return LOG_LEVEL_INFO;
}

/*
 * A line of the server's log about this session: login and addr as
 * given ('' for NULL), never the process's own (log.c).
 */
void
sess_log(const char *login, const char *addr, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	log_vwho(sess_level(fmt), login != NULL ? login : "",
	    addr != NULL ? addr : "", fmt, ap);
	va_end(ap);
}

/* What the client called itself, made safe to log. */
void
sess_clean(const char *in, char *buf, size_t len)
{
	size_t i;

	if (in == NULL)
		in = "";
	for (i = 0; in[i] != '\0' && i + 1 < len && i < NJ_LOGIN_MAX; i++)
		buf[i] = in[i] > 0x20 && in[i] < 0x7f ? in[i] : '?';
	buf[i] = '\0';
}
