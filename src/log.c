/*
 * log.c: the one log of njbt (see log.h). A message is formatted once,
 * cut only between UTF-8 characters (vxsnprintf), and handed to the sink
 * the front end chose: stderr for batch commands; syslog and stderr for
 * the server, which runs in the foreground; syslog alone for a session's
 * screens, whose stderr is the user's terminal. Each stderr line is one
 * write(2), so the lines of many session processes do not mix. Under
 * systemd (issue 14 (4): $JOURNAL_STREAM names our stderr) the server's
 * lines go to stderr only, each with its priority as "<3>", which journald
 * reads (sd-daemon(3)); syslog would store them twice. A batch command's
 * lines there (a timer's `njbt backup`) carry their priority too.
 */
#include <sys/stat.h>

#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "njbt.h"
#include "log.h"

static enum log_sink	 log_sink = LOG_SINK_STDERR;
static log_writer_fn	*log_writer;
static void		*log_writer_arg;
static char		 log_login[NJ_LOGIN_MAX + 1];
static char		 log_addr[64];
static int		 log_journal = -1;	/* stderr is journald's; -1 not known */

/* The syslog priority of each level, by enum log_level. */
static const int log_priority[] = {
	LOG_INFO,		/* LOG_LEVEL_INFO */
	LOG_WARNING,		/* LOG_LEVEL_WARN */
	LOG_ERR			/* LOG_LEVEL_ERROR */
};

/* Is stderr the journal's stream ($JOURNAL_STREAM is its "dev:inode")? */
static int
log_stderr_journal(void)
{
	struct stat		 st;
	const char		*js = getenv("JOURNAL_STREAM");
	unsigned long long	 dev, ino;

	if (js == NULL || sscanf(js, "%llu:%llu", &dev, &ino) != 2 ||
	    fstat(2, &st) != 0)
		return 0;
	return (unsigned long long)st.st_dev == dev &&
	    (unsigned long long)st.st_ino == ino;
}

/*
 * Choose where messages go. The syslog connection is opened again each
 * time (closed first): a session's child has just closed every inherited
 * descriptor, the old one among them.
 */
void
log_set_sink(enum log_sink sink)
{
	closelog();
	log_sink = sink;
	log_journal = sink != LOG_SINK_SESSION && log_stderr_journal();
	if (sink != LOG_SINK_STDERR && !log_journal)
		openlog("njbt", LOG_PID, LOG_DAEMON);
}

enum log_sink
log_get_sink(void)
{
	return log_sink;
}

/* Who the process acts for, put before messages of the server's sinks. */
void
log_set_who(const char *login, const char *addr)
{
	strlcpy0(log_login, login, sizeof log_login);
	strlcpy0(log_addr, addr, sizeof log_addr);
}

/* Tests: let fn take every message instead of the sink; NULL undoes it. */
void
log_set_writer(log_writer_fn *fn, void *arg)
{
	log_writer = fn;
	log_writer_arg = arg;
}

/* One line on fd 2 with one write; its end cut between characters. */
static void
log_stderr(const char *fmt, ...)
{
	char	line[LOG_LINE_MAX + 64];
	va_list	ap;
	size_t	n;

	va_start(ap, fmt);
	vxsnprintf(line, sizeof line - 1, fmt, ap);
	va_end(ap);
	n = strlen(line);
	line[n++] = '\n';
	(void)!write(2, line, n);
}

/* Hand one formatted message to the writer or the sink. */
static void
log_emit(enum log_level level, const char *login, const char *addr,
    const char *msg)
{
	char	at[32];
	int	server = log_sink == LOG_SINK_SERVER;

	if (log_writer != NULL) {
		log_writer(level, msg, log_writer_arg);
		return;
	}
	if (login == NULL || *login == '\0')
		login = "-";
	if (addr == NULL || *addr == '\0')
		addr = "-";
	if (log_journal < 0)	/* a batch command's first line */
		log_journal = log_stderr_journal();
	if (log_sink == LOG_SINK_STDERR) {
		if (log_journal)	/* a timer's batch command, say */
			log_stderr("<%d>njbt: %s", log_priority[level], msg);
		else
			log_stderr("njbt: %s", msg);
		return;
	}
	if (log_journal) {
		log_stderr("<%d>%s %s %s", log_priority[level], login, addr,
		    msg);
		return;
	}
	syslog(log_priority[level], "%s %s %s", login, addr, msg);
	if (server) {
		clock_stamp(clock_now(), at, sizeof at);
		log_stderr("%s njbt[%d]: %s %s %s", at, (int)getpid(), login,
		    addr, msg);
	}
}

/* A message for login at addr (NULL: the process's own, or "-"). */
void
log_vwho(enum log_level level, const char *login, const char *addr,
    const char *fmt, va_list ap)
{
	char msg[LOG_LINE_MAX];

	if ((unsigned)level >= sizeof log_priority / sizeof log_priority[0])
		level = LOG_LEVEL_ERROR;
	vxsnprintf(msg, sizeof msg, fmt, ap);
	log_emit(level, login != NULL ? login : log_login,
	    addr != NULL ? addr : log_addr, msg);
}

void
log_who(enum log_level level, const char *login, const char *addr,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwho(level, login, addr, fmt, ap);
	va_end(ap);
}

/* log_info, log_warn, log_error: one level each, as the process's user. */
#define LOG_LEVEL_FN(name, level)					\
void									\
name(const char *fmt, ...)						\
{									\
	va_list ap;							\
									\
	va_start(ap, fmt);						\
	log_vwho(level, NULL, NULL, fmt, ap);				\
	va_end(ap);							\
}
LOG_LEVEL_FN(log_info, LOG_LEVEL_INFO)
LOG_LEVEL_FN(log_warn, LOG_LEVEL_WARN)
LOG_LEVEL_FN(log_error, LOG_LEVEL_ERROR)
