/*
 * util.c: small helpers every layer uses: allocation that never returns
 * NULL (running out of memory is an impossible state here), bounded string
 * copies and formatting, trimming, integer parsing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "njbt.h"

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		abort();
	return p;
}

char *
xstrdup(const char *s)
{
	char *p = strdup(s ? s : "");

	if (p == NULL)
		abort();
	return p;
}

/*
 * End a string cut after n bytes before a UTF-8 character that the cut
 * left incomplete (found by fuzz/fuzz-import.c: a long column name cut a
 * Chinese message in the middle of a character).
 */
static void
utf8_cut(char *buf, size_t n)
{
	size_t		j;
	unsigned char	c;

	if (n == 0)
		return;
	for (j = n - 1; j > 0 && ((unsigned char)buf[j] & 0xc0) == 0x80; j--)
		;
	c = (unsigned char)buf[j];
	if (j + (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1) > n)
		buf[j] = '\0';
}

/*
 * vsnprintf that always terminates, never inside a UTF-8 character;
 * returns the length or -1 if cut.
 */
int
vxsnprintf(char *buf, size_t len, const char *fmt, va_list ap)
{
	int n;

	if (len == 0)
		return -1;
	n = vsnprintf(buf, len, fmt, ap);
	if (n < 0) {
		buf[0] = '\0';
		return -1;
	}
	if ((size_t)n >= len) {
		utf8_cut(buf, len - 1);
		return -1;
	}
	return n;
}

/* snprintf the same way. */
int
xsnprintf(char *buf, size_t len, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vxsnprintf(buf, len, fmt, ap);
	va_end(ap);
	return n;
}

/* Copy with truncation, never splitting a UTF-8 character. */
void
strlcpy0(char *dst, const char *src, size_t len)
{
	size_t n;

	if (len == 0)
		return;
	if (src == NULL)
		src = "";
	n = strlen(src);
	if (n >= len) {
		n = len - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Trim ASCII white space at both ends, in place. */
char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	    e[-1] == '\n'))
		*--e = '\0';
	return s;
}

/* A decimal integer, optionally signed, nothing else: 0 or -1. */
int
parse_int(const char *s, int64_t *v)
{
	char		*end;
	long long	 n;

	if (s == NULL || *s == '\0' || *s == ' ')
		return -1;
	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	*v = n;
	return 0;
}

/*
 * Lock (F_RDLCK, F_WRLCK) or unlock (F_UNLCK) byte b of fd with a POSIX
 * record lock; cmd F_SETLK or F_SETLKW. 0 or -1. The lock is the
 * process's: not inherited by fork, dropped when the process dies (the
 * password slots, auth-gate.c; the menus' board, tui-board.c).
 */
int
fd_lock_byte(int fd, int b, int cmd, short type)
{
	struct flock fl;

	memset(&fl, 0, sizeof fl);
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = b;
	fl.l_len = 1;
	return fcntl(fd, cmd, &fl);
}
