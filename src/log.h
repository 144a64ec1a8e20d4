/*
 * log.h: the one log of njbt (log.c). Code below the front ends (actions,
 * lists, printers, auth, import, the store) never writes to stderr or
 * stdout itself: what the operator should read goes through log_info,
 * log_warn or log_error, and the front end that runs the process chooses
 * where it goes with log_set_sink:
 *
 *   LOG_SINK_STDERR   batch commands (the default): "njbt: what" on stderr.
 *   LOG_SINK_SERVER   `njbt serve` and its session processes: syslog
 *                     (daemon facility, "njbt" with the pid) and, since the
 *                     server runs in the foreground, also one line on
 *                     stderr: "time njbt[pid]: login address what".
 *   LOG_SINK_SESSION  the screens of a session: syslog only, never stderr,
 *                     because there stderr is the user's terminal.
 */
#ifndef NJBT_LOG_H
#define NJBT_LOG_H

#include <stdarg.h>

#define LOG_LINE_MAX	1024	/* a message longer is cut between characters */

enum log_sink {
	LOG_SINK_STDERR = 0,
	LOG_SINK_SERVER,
	LOG_SINK_SESSION
};

enum log_level {
	LOG_LEVEL_INFO = 0,
	LOG_LEVEL_WARN,
	LOG_LEVEL_ERROR
};

/* A test hook: takes every message instead of the sink (NULL: the sink). */
typedef void	 log_writer_fn(enum log_level, const char *, void *);

/* log.c */
void	 log_set_sink(enum log_sink);
enum log_sink log_get_sink(void);
void	 log_set_who(const char *, const char *);
void	 log_set_writer(log_writer_fn *, void *);
void	 log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 log_error(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 log_who(enum log_level, const char *, const char *, const char *,
	     ...) __attribute__((format(printf, 4, 5)));
void	 log_vwho(enum log_level, const char *, const char *, const char *,
	     va_list) __attribute__((format(printf, 4, 0)));

#endif
