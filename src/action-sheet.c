/*
 * action-sheet.c: the sheets on the screens (issue 12 item 3). A print
 * previewed: the printer runs in a read snapshot into memory as UTF-8 CSV
 * (no file at all; what passes SHEET_BYTES_MAX is left out), is logged as
 * a print is (record "preview"), and its CSV is split into rows of cells.
 * The user's outbox: listed newest first, a CSV of it read back the same
 * way, a file of it deleted. A name in the outbox is "x.csv" or
 * "folder/x.csv" (month end), of the characters print makes names of;
 * anything else (.., /, a link, not a regular file) is refused. Deleting
 * a file is not a change of business data: it writes a log line, not an
 * audit row (the print that made the file has its audit row).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "print.h"
#include "log.h"

#define SHEET_BYTES_MAX	(8 << 20)	/* CSV bytes read for a screen */
#define OUTBOX_LIST_MAX	1000		/* files listed */

/* --- CSV into cells ---------------------------------------------------- */

static void
sheet_cell(struct sheet *sh, const char *s, size_t n)
{
	size_t	 r = sh->nrows - 1, k = sh->ncell[r];
	char	*c = xcalloc(1, n + 1);

	memcpy(c, s, n);
	sh->cell[r] = realloc(sh->cell[r], (k + 1) * sizeof *sh->cell[r]);
	if (sh->cell[r] == NULL)
		abort();
	sh->cell[r][k] = c;
	sh->ncell[r] = k + 1;
	if (k + 1 > sh->ncols)
		sh->ncols = k + 1;
}

static int
sheet_row(struct sheet *sh)
{
	if (sh->nrows == SHEET_ROWS_MAX) {
		sh->cut = 1;
		return -1;
	}
	sh->cell = realloc(sh->cell, (sh->nrows + 1) * sizeof *sh->cell);
	sh->ncell = realloc(sh->ncell, (sh->nrows + 1) * sizeof *sh->ncell);
	if (sh->cell == NULL || sh->ncell == NULL)
		abort();
	sh->cell[sh->nrows] = NULL;
	sh->ncell[sh->nrows++] = 0;
	return 0;
}

/* Split RFC 4180 CSV (CRLF or LF, "" in quotes) into sh. */
static void
sheet_parse(struct sheet *sh, const char *p, size_t n)
{
	char	*buf = xcalloc(1, n + 1);
	size_t	 i = 0, b;
	int	 q;

	memset(sh, 0, sizeof *sh);
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n) {
		if (sheet_row(sh) != 0)
			break;
		for (;;) {
			b = 0;
			q = i < n && p[i] == '"';
			if (q)
				i++;
			while (i < n) {
				if (q && p[i] == '"') {
					if (i + 1 < n && p[i + 1] == '"') {
						buf[b++] = '"';
						i += 2;
						continue;
					}
					q = 0;
					i++;
					continue;
				}
				if (!q && (p[i] == ',' || p[i] == '\n' ||
				    p[i] == '\r'))
					break;
				buf[b++] = p[i++];
			}
			sheet_cell(sh, buf, b);
			if (i < n && p[i] == ',') {
				i++;
				continue;
			}
			if (i < n && p[i] == '\r')
				i++;
			if (i < n && p[i] == '\n')
				i++;
			break;
		}
	}
	free(buf);
}

void
sheet_free(struct sheet *sh)
{
	size_t r, k;

	for (r = 0; r < sh->nrows; r++) {
		for (k = 0; k < sh->ncell[r]; k++)
			free(sh->cell[r][k]);
		free(sh->cell[r]);
	}
	free(sh->cell);
	free(sh->ncell);
	memset(sh, 0, sizeof *sh);
}

/* --- a preview, in memory ------------------------------------------------ */

struct membuf {
	char	*p;
	size_t	 n;
	int	 cut;
};

static ssize_t
mem_write(void *c, const char *s, size_t n)
{
	struct membuf	*m = c;
	size_t		 k = n;

	if (m->n + k > SHEET_BYTES_MAX) {
		k = SHEET_BYTES_MAX - m->n;
		m->cut = 1;
	}
	if (k > 0) {
		m->p = realloc(m->p, m->n + k);
		if (m->p == NULL)
			abort();
		memcpy(m->p + m->n, s, k);
		m->n += k;
	}
	return (ssize_t)n;
}

/*
 * Preview the print the fields name (the print action's: report, id,
 * county, month, batch; encoding and format do not matter on a screen).
 */
int
sheet_preview(const struct actor *who, int n, const char *const *names,
    const char *const *values, struct sheet *sh, char *msg, size_t msglen)
{
	cookie_io_functions_t	 io = { NULL, mem_write, NULL, NULL };
	struct print_req	 req;
	struct print_out	 out;
	struct membuf		 m;
	int64_t			 rows = 0;
	int			 i, rc, clear = 0;

	memset(sh, 0, sizeof *sh);
	memset(&req, 0, sizeof req);
	for (i = 0; i < n; i++) {
		const char *v = values[i] != NULL && values[i][0] != '\0' ?
		    values[i] : NULL;

		if (strcmp(names[i], "report") == 0)
			req.report = v;
		else if (strcmp(names[i], "id") == 0)
			req.id = v;
		else if (strcmp(names[i], "county") == 0)
			req.county = v;
		else if (strcmp(names[i], "month") == 0)
			req.month = v;
		else if (strcmp(names[i], "batch") == 0)
			req.batch = v;
	}
	req.encoding = "utf-8";
	if (req.report != NULL && strcmp(req.report, PRINT_ALL) == 0) {
		xsnprintf(msg, msglen, "月末全部报表不能预览，请打印后在“我的打印件”"
		    "中逐张查看");
		return NJ_REFUSED;
	}
	if ((rc = print_check(who, &req, msg, msglen)) != NJ_OK)
		return rc == NJ_USAGE ? NJ_REFUSED : rc;
	memset(&m, 0, sizeof m);
	memset(&out, 0, sizeof out);
	if ((out.fp = fopencookie(&m, "w", io)) == NULL) {
		xsnprintf(msg, msglen, "无法预览：%s", strerror(errno));
		return NJ_ERROR;
	}
	if (store_begin_read() != 0) {
		fclose(out.fp);
		xsnprintf(msg, msglen, "系统繁忙，请稍后重试");
		return NJ_ERROR;
	}
	rc = print_write(who, &req, &out, &rows, &clear, msg, msglen);
	sql_reset_all();
	store_rollback();
	fclose(out.fp);
	/* R-001-A1-16b 001 查询日志化: seen on a screen is printed */
	if (rc == NJ_OK)
		rc = print_audit(who, &req, "preview", rows, clear, msg, msglen);
	if (rc == NJ_OK) {
		sheet_parse(sh, m.p != NULL ? m.p : "", m.n);
		sh->cut |= m.cut;
	}
	free(m.p);
	return rc == NJ_USAGE ? NJ_REFUSED : rc;
}

/* --- the outbox ---------------------------------------------------------- */

/* A piece of a name in the outbox: what name_part() makes, not "." first. */
static int
name_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 200 || s[0] == '.')
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		    s[i] == '-' || s[i] == '.'))
			return 0;
	return 1;
}

/*
 * The file name names in who's outbox into path, checked: at most one
 * folder, pieces of file-name characters, the folder a folder and the
 * file a regular file (neither a link).
 */
static int
outbox_path(const struct actor *who, const char *name, char *path,
    size_t len, char *msg, size_t msglen)
{
	const char	*slash = name != NULL ? strchr(name, '/') : NULL;
	struct stat	 sb;
	char		 dir[4096];

	if (name == NULL || (slash == NULL ? !name_ok(name, strlen(name)) :
	    !name_ok(name, (size_t)(slash - name)) ||
	    !name_ok(slash + 1, strlen(slash + 1)))) {
		log_warn("outbox: %s: refused name %.80s", who->login,
		    name != NULL ? name : "");
		xsnprintf(msg, msglen, "文件名无效：只能是发件箱中的文件");
		return NJ_REFUSED;
	}
	if (box_dir("outbox", who->login, dir, sizeof dir) != 0) {
		xsnprintf(msg, msglen, "无法打开发件箱：%s", strerror(errno));
		return NJ_ERROR;
	}
	if ((size_t)snprintf(path, len, "%s/%s", dir, name) >= len) {
		xsnprintf(msg, msglen, "文件名太长");
		return NJ_REFUSED;
	}
	if (slash != NULL) {
		xsnprintf(dir + strlen(dir), sizeof dir - strlen(dir), "/%.*s",
		    (int)(slash - name), name);
		if (lstat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
			xsnprintf(msg, msglen, "发件箱中没有 /outbox/%s", name);
			return NJ_REFUSED;
		}
	}
	if (lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		xsnprintf(msg, msglen, "发件箱中没有 /outbox/%s", name);
		return NJ_REFUSED;
	}
	return NJ_OK;
}

/* Whether p (n bytes) is UTF-8 throughout (a GB18030 sheet is not). */
static int
utf8_ok(const char *p, size_t n)
{
	uint32_t	cp;
	size_t		i = 0, k;

	while (i < n) {
		if ((k = utf8_decode(p + i, n - i, &cp)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

/* A CSV of who's outbox, read back for the screen. */
int
sheet_outbox(const struct actor *who, const char *name, struct sheet *sh,
    char *msg, size_t msglen)
{
	char	 path[4096 + 256], *p;
	size_t	 n;
	FILE	*fp;
	int	 rc;

	memset(sh, 0, sizeof *sh);
	if ((rc = outbox_path(who, name, path, sizeof path, msg, msglen)) !=
	    NJ_OK)
		return rc;
	n = strlen(name);
	if (n < 4 || strcmp(name + n - 4, ".csv") != 0) {
		xsnprintf(msg, msglen, "只能在屏幕上查看 CSV；此文件请用 SFTP 下载："
		    "/outbox/%s", name);
		return NJ_REFUSED;
	}
	if ((fp = fopen(path, "r")) == NULL) {
		xsnprintf(msg, msglen, "无法打开 /outbox/%s：%s", name,
		    strerror(errno));
		return NJ_ERROR;
	}
	p = xcalloc(1, SHEET_BYTES_MAX + 1);
	n = fread(p, 1, SHEET_BYTES_MAX, fp);
	sh->cut = !feof(fp);
	fclose(fp);
	if (!utf8_ok(p, n) && !sh->cut) {
		free(p);
		xsnprintf(msg, msglen, "此文件不是 UTF-8 编码（GB18030），请用 SFTP "
		    "下载：/outbox/%s", name);
		return NJ_REFUSED;
	}
	rc = sh->cut;
	sheet_parse(sh, p, n);
	sh->cut |= rc;
	free(p);
	return NJ_OK;
}

static void
list_add(struct outbox_file **v, size_t *n, const char *name,
    const struct stat *sb)
{
	if (*n == OUTBOX_LIST_MAX)
		return;
	*v = realloc(*v, (*n + 1) * sizeof **v);
	if (*v == NULL)
		abort();
	xsnprintf((*v)[*n].name, sizeof (*v)[*n].name, "%s", name);
	(*v)[*n].size = (int64_t)sb->st_size;
	(*v)[*n].mtime = sb->st_mtim.tv_sec;
	(*v)[*n].mtime_ns = sb->st_mtim.tv_nsec;
	(*n)++;
}

/* The regular files of dir (and of its folders, depth 1) into v. */
static void
list_dir(const char *dir, const char *prefix, int depth,
    struct outbox_file **v, size_t *n)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 sb;
	char		 path[4096 + 512], name[512];

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (!name_ok(e->d_name, strlen(e->d_name)))
			continue;
		xsnprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		xsnprintf(name, sizeof name, "%s%s", prefix, e->d_name);
		if (lstat(path, &sb) != 0)
			continue;
		if (S_ISREG(sb.st_mode))
			list_add(v, n, name, &sb);
		else if (S_ISDIR(sb.st_mode) && depth > 0) {
			xsnprintf(name + strlen(name), sizeof name -
			    strlen(name), "/");
			list_dir(path, name, depth - 1, v, n);
		}
	}
	closedir(d);
}

static int
file_cmp(const void *a, const void *b)
{
	const struct outbox_file *x = a, *y = b;

	if (x->mtime != y->mtime)
		return x->mtime > y->mtime ? -1 : 1;
	if (x->mtime_ns != y->mtime_ns)
		return x->mtime_ns > y->mtime_ns ? -1 : 1;
	return strcmp(y->name, x->name);
}

/* who's outbox, newest first. */
int
outbox_list(const struct actor *who, struct outbox_file **v, size_t *n,
    char *msg, size_t msglen)
{
	char dir[4096];

	*v = NULL;
	*n = 0;
	if (box_dir("outbox", who->login, dir, sizeof dir) != 0) {
		xsnprintf(msg, msglen, "无法打开发件箱：%s", strerror(errno));
		return NJ_ERROR;
	}
	list_dir(dir, "", 1, v, n);
	if (*n > 0)
		qsort(*v, *n, sizeof **v, file_cmp);
	return NJ_OK;
}

/* Delete a file of who's outbox (and its month-end folder once empty). */
int
outbox_delete(const struct actor *who, const char *name, char *msg,
    size_t msglen)
{
	char	 path[4096 + 256], *slash;
	int	 rc;

	if ((rc = outbox_path(who, name, path, sizeof path, msg, msglen)) !=
	    NJ_OK)
		return rc;
	if (unlink(path) != 0) {
		xsnprintf(msg, msglen, "无法删除 /outbox/%s：%s", name,
		    strerror(errno));
		return NJ_ERROR;
	}
	log_info("outbox: %s deleted /outbox/%s", who->login, name);
	if (strchr(name, '/') != NULL && (slash = strrchr(path, '/')) != NULL) {
		*slash = '\0';
		rmdir(path);	/* only once empty */
	}
	return NJ_OK;
}
