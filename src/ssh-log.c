/*
 * ssh-log.c: the log lines of a session process (ssh-session.c,
 * ssh-login.c, ssh-channel.c): each names the login and the address it
 * is about, through log.c like every other line of the server's log;
 * what a client sends is made safe before it is logged.
 */
#include <stdarg.h>

#include "log.h"
#include "ssh-session.h"

/*
 * A line of the server's log about this session: login and addr as
 * given ('' for NULL), never the process's own (log.c).
 */
void
sess_log(const char *login, const char *addr, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	log_vwho(LOG_LEVEL_INFO, login != NULL ? login : "",
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
