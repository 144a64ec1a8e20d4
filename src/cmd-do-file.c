/*
 * cmd-do-file.c: `njbt do --as LOGIN --file FILE` (issue 15 (3)): many
 * actions in one process, one a line ("ACTION 字段=值 ...", quoted as on
 * the command line: cmd-words.c), all as LOGIN. Each line is run as
 * `njbt do` runs one action: its own transaction and audit row, the same
 * refusals. A refused or malformed line is reported on stderr with its
 * number and the others still run; the keys printed on stdout carry the
 * line's number ("N<TAB>KEY"). The input is read whole first, within
 * bounds (bytes, lines): over them, or not a regular file or a pipe,
 * nothing is run. Exit status: the worst of the lines' (0, 1 refused,
 * 2 malformed), 2 when nothing could be run.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

#define DO_FILE_BYTES_MAX	(16 * 1024 * 1024)
#define DO_FILE_LINES_MAX	100000
#define DO_FILE_LINE_MAX	65536	/* bytes of one line */
#define DO_FILE_WORDS_MAX	(1 + ACT_MAXF)

/*
 * Read fd whole into *buf (NUL-terminated), refusing more than
 * DO_FILE_BYTES_MAX bytes; 0, or -1 with the reason printed.
 */
static int
do_file_slurp(int fd, const char *name, char **buf, size_t *len)
{
	size_t	 cap = 65536, n = 0;
	ssize_t	 r;
	char	*b = xcalloc(1, cap + 1), *nb;

	for (;;) {
		if (n == cap) {
			/* one byte over the bound is enough to know */
			if (cap > DO_FILE_BYTES_MAX) {
				fprintf(stderr, "njbt: %s 超过 %d MB，未办理"
				    "任何操作；请分成几个文件\n", name,
				    DO_FILE_BYTES_MAX / (1024 * 1024));
				free(b);
				return -1;
			}
			cap = cap * 2 > DO_FILE_BYTES_MAX ?
			    DO_FILE_BYTES_MAX + 1 : cap * 2;
			if ((nb = realloc(b, cap + 1)) == NULL) {
				fprintf(stderr, "njbt: 内存不足\n");
				free(b);
				return -1;
			}
			b = nb;
		}
		if ((r = read(fd, b + n, cap - n)) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "njbt: 无法读取 %s：%s\n", name,
			    strerror(errno));
			free(b);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

/*
 * Open and read FILE ("-": standard input). A named file must be a
 * regular file: a FIFO would wait for a writer, a device (/dev/zero)
 * never ends; standard input may also be a pipe.
 */
static int
do_file_read(const char *path, char **buf, size_t *len)
{
	struct stat	 st;
	const char	*name = strcmp(path, "-") == 0 ? "标准输入" : path;
	int		 fd, rc, std = strcmp(path, "-") == 0;

	if (std)
		fd = STDIN_FILENO;
	/* O_NONBLOCK: a FIFO's open would wait for a writer (read below
	 * ignores it on a regular file) */
	else if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY |
	    O_CLOEXEC)) < 0) {
		fprintf(stderr, "njbt: 无法打开 %s：%s\n", path,
		    strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || (std &&
	    (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))))) {
		fprintf(stderr, "njbt: %s 不是普通文件%s，未办理任何操作\n",
		    name, std ? "或管道" : "");
		if (!std)
			close(fd);
		return -1;
	}
	rc = do_file_slurp(fd, name, buf, len);
	if (!std)
		close(fd);
	return rc;
}

/* The number of lines of the n bytes at b (a last one without \n too). */
static size_t
do_file_lines(const char *b, size_t n)
{
	const char	*p = b, *e = b + n;
	size_t		 lines = 0;

	while (p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		lines++;
		p++;
	}
	return lines + (n > 0 && b[n - 1] != '\n');
}

/* Report line no as malformed (exit status 2 for it). */
static int
do_file_bad(size_t no, const char *why)
{
	fprintf(stderr, "njbt: 第 %zu 行：%s\n", no, why);
	return 2;
}

/* Run one line (len bytes at line, its \n replaced by NUL) as who. */
static int
do_file_line(const char *login, size_t no, char *line, size_t len)
{
	struct actor	 who;
	char		*words[DO_FILE_WORDS_MAX];
	char		 err[NJ_MSG_MAX];
	const char	*why = NULL;
	int		 i, n;

	if (len > 0 && line[len - 1] == '\r')	/* a file from Windows */
		line[--len] = '\0';
	if (memchr(line, '\0', len) != NULL)
		return do_file_bad(no, "含有 NUL 字符");
	if (len > DO_FILE_LINE_MAX) {
		xsnprintf(err, sizeof err, "超过 %d 字节",
		    DO_FILE_LINE_MAX);
		return do_file_bad(no, err);
	}
	if ((n = cmd_words(line, words, DO_FILE_WORDS_MAX, &why)) < 0)
		return do_file_bad(no, why);
	if (n == 0)
		return -1;		/* blank or a comment */
	/* the options are the command line's, for every line alike */
	for (i = 0; i < n; i++)
		if (strncmp(words[i], "--", 2) == 0) {
			xsnprintf(err, sizeof err, "选项只能写在命令行上：%s",
			    words[i]);
			return do_file_bad(no, err);
		}
	/* the user again for each line: locked or changed since, it tells */
	if (actor_load(login, &who, err, sizeof err) != 0) {
		fprintf(stderr, "njbt: 第 %zu 行：%s\n", no, err);
		return 1;
	}
	return cmd_run_line(&who, no, words[0], n - 1, words + 1);
}

/* Run every line of path as login; the exit status. */
int
cmd_do_file(const char *login, const char *path)
{
	char	*buf, *p, *nl;
	size_t	 len, lines, no = 0, done = 0, bad = 0;
	int	 rc, worst = 0;

	if (do_file_read(path, &buf, &len) != 0)
		return 2;
	/* a UTF-8 byte-order mark, as Windows' Notepad writes one */
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		memmove(buf, buf + 3, len - 3 + 1);
		len -= 3;
	}
	if ((lines = do_file_lines(buf, len)) > DO_FILE_LINES_MAX) {
		fprintf(stderr, "njbt: %s 有 %zu 行，超过 %d 行，未办理任何"
		    "操作；请分成几个文件\n", strcmp(path, "-") == 0 ? "标准输入" :
		    path, lines, DO_FILE_LINES_MAX);
		free(buf);
		return 2;
	}
	for (p = buf; p < buf + len; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(buf + len - p))) == NULL)
			nl = buf + len;
		*nl = '\0';
		if ((rc = do_file_line(login, ++no, p, (size_t)(nl - p))) < 0)
			continue;
		/* a line's keys out as it is done: a batch killed midway
		 * has printed every line it did */
		fflush(stdout);
		if (rc == 0)
			done++;
		else
			bad++;
		if (rc > worst)
			worst = rc;
	}
	free(buf);
	if (bad > 0)
		fprintf(stderr, "njbt: 共 %zu 项操作：已办理 %zu 项，"
		    "未办理 %zu 项\n", done + bad, done, bad);
	return worst;
}
