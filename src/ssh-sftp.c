/*
 * ssh-sftp.c: the "sftp" subsystem of a session channel (ssh-channel.c
 * takes the request for a logged-in user; ssh-session.c runs this in place
 * of the screens, under the same session limit and idle time). One
 * virtual tree, nothing else of the host:
 *
 *   /outbox   the user's printed sheets (action-print.c): list, read,
 *             remove (and the month-end folders one level down);
 *   /inbox    the user's uploads: list, create/write, remove, rename
 *             inside it; never read back.
 *
 * A path is taken apart by name: "..", a name starting with ".", a
 * control character or a backslash is refused (vname_ok); every file is
 * opened O_NOFOLLOW and must be a regular file (a symbolic link or a
 * special file planted under the data directory is neither listed nor
 * opened). symlink, readlink, mkdir, setstat and extensions are refused
 * (fsetstat of an upload under way is answered OK and ignored: OpenSSH's
 * scp sends it with every upload, and nothing of the host changes). An
 * upload goes to a hidden temporary name in the inbox and is renamed to
 * its own name on close; an upload that breaks a quota (SFTP_FILE_MAX per
 * file, SFTP_USER_MAX and SFTP_USER_FILES per user's inbox) is refused at
 * the write that breaks it and its temporary file removed, so nothing
 * partial is kept; appending and resuming (reput) are refused. Downloads,
 * uploads, removals and refusals go to the server's log (a file transfer
 * is not business data: no audit row).
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "conf.h"
#include "log.h"
#include "ssh-session.h"

/* the quotas of a user's inbox: njbt.conf's inbox_file_mb, inbox_mb and
 * inbox_files (conf.c: 20 MB, 100 MB, 200 files by default) */
#define SFTP_FILE_MAX	((long long)conf_current()->inbox_file_mb << 20)
#define SFTP_USER_MAX	((long long)conf_current()->inbox_mb << 20)
#define SFTP_USER_FILES	(conf_current()->inbox_files)
#define SFTP_READ_MAX	65536			/* bytes in one read reply */
#define SFTP_NAME_MAX	200			/* bytes in one name */
#define SFTP_DIR_BATCH	64			/* names in one readdir reply */
#define SFTP_OPEN_MAX	64			/* files open at once */
#define SFTP_CHECK_MS	5000			/* ms between checks that
						   the user may still log in */

enum { BOX_NONE, BOX_OUT, BOX_IN };

/* A path of the tree: the box, and up to two names below it. */
struct vpath {
	int	box;			/* BOX_NONE: the root */
	int	depth;			/* names below the box: 0..2 */
	char	name[2][SFTP_NAME_MAX + 1];
	char	text[PATH_MAX];		/* the path as the client sees it */
};

/* An open file or folder. */
struct vhandle {
	int		 dir;
	int		 fd;		/* file: -1 none */
	DIR		*dp;		/* folder under a box; NULL root */
	int		 rootpos;	/* root: names listed */
	int		 upload;
	int		 failed;	/* an upload refused: nothing kept */
	long long	 size;		/* bytes read or the upload's end */
	long long	 others;	/* upload: the inbox's other bytes */
	char		 real[PATH_MAX + SFTP_NAME_MAX * 2 + 8];
	char		 tmp[PATH_MAX + 64];
	struct vpath	 vp;
};

struct vsftp {
	struct sess	*s;
	sftp_session	 sftp;
	char		 out[PATH_MAX];	/* the real outbox and inbox */
	char		 in[PATH_MAX];
	struct vhandle	*open[SFTP_OPEN_MAX];	/* to close at the end */
	int		 tmpseq;
};

static void
vlog(struct vsftp *v, const char *fmt, const char *a, long long n)
{
	char line[PATH_MAX + 64];

	snprintf(line, sizeof line, fmt, a, n);
	sess_log(v->s->who.login, v->s->addr, "sftp %s", line);
}

/*
 * A name the tree may hold: 0, or -1. Not hidden (nor . or ..), no
 * backslash, strict UTF-8 without the characters no text may hold
 * (R-SEC-8.11a issue 8 (11): controls, bidirectional overrides, line
 * separators), so that a listing or the log shows what the name is.
 */
static int
vname_ok(const char *p, size_t n)
{
	char name[SFTP_NAME_MAX + 1];

	if (n == 0 || n > SFTP_NAME_MAX || p[0] == '.' ||
	    memchr(p, '\\', n) != NULL)
		return -1;
	memcpy(name, p, n);
	name[n] = '\0';
	return text_check(name, 0) == TEXT_OK ? 0 : -1;
}

/*
 * The client's path taken apart (relative paths are from "/"): 0, or -1
 * for a path outside the tree (.., another top folder, a bad name).
 */
static int
vpath_parse(const char *in, struct vpath *vp)
{
	const char	*p = in, *e;
	size_t		 n;
	int		 k = 0;

	memset(vp, 0, sizeof *vp);
	if (in == NULL || strlen(in) >= PATH_MAX)
		return -1;
	for (;;) {
		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
		e = strchr(p, '/');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		if (n == 1 && p[0] == '.') {
			p += n;
			continue;
		}
		if (k == 0) {
			if (n == 6 && memcmp(p, "outbox", 6) == 0)
				vp->box = BOX_OUT;
			else if (n == 5 && memcmp(p, "inbox", 5) == 0)
				vp->box = BOX_IN;
			else
				return -1;
		} else {
			if (k > 2 || vname_ok(p, n) != 0)
				return -1;
			memcpy(vp->name[k - 1], p, n);
			vp->name[k - 1][n] = '\0';
			vp->depth = k;
		}
		k++;
		p += n;
	}
	/* the inbox is flat; the outbox has folders one level down */
	if (vp->box == BOX_IN && vp->depth > 1)
		return -1;
	if (vp->box == BOX_NONE)
		strlcpy0(vp->text, "/", sizeof vp->text);
	else
		snprintf(vp->text, sizeof vp->text, "/%s%s%s%s%s",
		    vp->box == BOX_OUT ? "outbox" : "inbox",
		    vp->depth > 0 ? "/" : "", vp->name[0],
		    vp->depth > 1 ? "/" : "", vp->name[1]);
	return 0;
}

/* The host's path of vp into buf (the root has none: -1). */
static int
vpath_real(struct vsftp *v, const struct vpath *vp, char *buf, size_t len)
{
	const char *box = vp->box == BOX_OUT ? v->out : v->in;

	if (vp->box == BOX_NONE)
		return -1;
	snprintf(buf, len, "%s%s%s%s%s", box, vp->depth > 0 ? "/" : "",
	    vp->name[0], vp->depth > 1 ? "/" : "", vp->name[1]);
	return 0;
}

/* The attributes of sb (a regular file or a folder) for the client. */
static void
vattr(struct sftp_attributes_struct *a, const struct stat *sb)
{
	memset(a, 0, sizeof *a);
	a->flags = SSH_FILEXFER_ATTR_SIZE | SSH_FILEXFER_ATTR_PERMISSIONS |
	    SSH_FILEXFER_ATTR_ACMODTIME;
	a->size = S_ISDIR(sb->st_mode) ? 0 : (uint64_t)sb->st_size;
	a->permissions = S_ISDIR(sb->st_mode) ? (S_IFDIR | 0700) :
	    (S_IFREG | 0600);
	a->atime = (uint32_t)sb->st_mtime;
	a->mtime = (uint32_t)sb->st_mtime;
}

/*
 * What vp is: 0 with its attributes (lstat: a symbolic link or special
 * file is not there), or -1.
 */
static int
vstat(struct vsftp *v, const struct vpath *vp, struct stat *sb)
{
	char real[PATH_MAX + SFTP_NAME_MAX * 2 + 8];

	if (vp->box == BOX_NONE) {
		memset(sb, 0, sizeof *sb);
		sb->st_mode = S_IFDIR | 0500;
		sb->st_mtime = time(NULL);
		return 0;
	}
	vpath_real(v, vp, real, sizeof real);
	if (lstat(real, sb) != 0)
		return -1;
	if (S_ISREG(sb->st_mode))
		return vp->depth > 0 ? 0 : -1;
	/* folders: the boxes, and the month-end folders of the outbox */
	if (S_ISDIR(sb->st_mode) && (vp->depth == 0 ||
	    (vp->box == BOX_OUT && vp->depth == 1)))
		return 0;
	return -1;
}

/* The ls -l line of a name, for the clients that show it. */
static void
vlong(char *buf, size_t len, const char *login, const char *name,
    const struct stat *sb)
{
	struct tm	tm;
	char		when[32];
	time_t		t = sb->st_mtime;

	localtime_r(&t, &tm);
	strftime(when, sizeof when, "%b %e %H:%M", &tm);
	snprintf(buf, len, "%s    1 %-8s %-8s %12lld %s %s",
	    S_ISDIR(sb->st_mode) ? "drwx------" : "-rw-------", login, login,
	    S_ISDIR(sb->st_mode) ? 0LL : (long long)sb->st_size, when, name);
}

static int
deny(sftp_client_message m, const char *why)
{
	return sftp_reply_status(m, SSH_FX_PERMISSION_DENIED, why);
}

static struct vhandle *
vh_new(struct vsftp *v)
{
	struct vhandle	*h;
	size_t		 i;

	for (i = 0; i < SFTP_OPEN_MAX; i++)
		if (v->open[i] == NULL)
			break;
	if (i == SFTP_OPEN_MAX)
		return NULL;
	h = xcalloc(1, sizeof *h);
	h->fd = -1;
	v->open[i] = h;
	return h;
}

/* Close h; an upload not refused becomes its file. 0, or -1. */
static int
vh_close(struct vsftp *v, struct vhandle *h, int keep)
{
	size_t	i;
	int	rc = 0;

	for (i = 0; i < SFTP_OPEN_MAX; i++)
		if (v->open[i] == h)
			v->open[i] = NULL;
	if (h->dp != NULL)
		closedir(h->dp);
	if (h->fd >= 0 && h->upload && keep && !h->failed) {
		if (fsync(h->fd) != 0 || close(h->fd) != 0 ||
		    rename(h->tmp, h->real) != 0) {
			unlink(h->tmp);
			rc = -1;
		} else
			vlog(v, "put %s %lld bytes", h->vp.text, h->size);
		h->fd = -1;
	}
	if (h->fd >= 0) {
		close(h->fd);
		if (h->upload) {
			unlink(h->tmp);
			if (!h->failed)
				vlog(v, "put %s cut off after %lld bytes: "
				    "nothing kept", h->vp.text, h->size);
		} else
			vlog(v, "get %s %lld bytes", h->vp.text, h->size);
	}
	free(h);
	return rc;
}

/* Hand the client an SFTP handle for h (an open file or directory). */
static int
vh_reply(struct vsftp *v, struct vhandle *h, sftp_client_message m)
{
	ssh_string	 hs;

	if ((hs = sftp_handle_alloc(v->sftp, h)) == NULL) {
		vh_close(v, h, 0);
		return sftp_reply_status(m, SSH_FX_FAILURE, "打开的文件太多");
	}
	sftp_reply_handle(m, hs);
	ssh_string_free(hs);
	return 0;
}

static struct vhandle *
vh_get(struct vsftp *v, sftp_client_message m)
{
	struct vhandle	*h = sftp_handle(v->sftp, m->handle);
	size_t		 i;

	for (i = 0; h != NULL && i < SFTP_OPEN_MAX; i++)
		if (v->open[i] == h)
			return h;
	return NULL;
}

/* The inbox's files and bytes, but the file named skip. */
static void
vinbox_usage(struct vsftp *v, const char *skip, int *files, long long *bytes)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 sb;

	*files = 0;
	*bytes = 0;
	if ((d = opendir(v->in)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (fstatat(dirfd(d), e->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		/* temporary files of uploads under way count too */
		if (skip != NULL && strcmp(e->d_name, skip) == 0)
			continue;
		if (e->d_name[0] != '.')
			(*files)++;
		*bytes += (long long)sb.st_size;
	}
	closedir(d);
}

static int
op_open(struct vsftp *v, sftp_client_message m)
{
	struct vpath	 vp;
	struct vhandle	*h;
	struct stat	 sb;
	uint32_t	 fl = m->flags;
	int		 files, wr = (fl & (SSH_FXF_WRITE | SSH_FXF_CREAT |
			    SSH_FXF_TRUNC | SSH_FXF_APPEND)) != 0;

	if (vpath_parse(m->filename, &vp) != 0 || vp.depth == 0)
		return deny(m, "不允许访问该路径");
	if (wr && vp.box != BOX_IN)
		return deny(m, "只能上传到 /inbox");
	if (!wr && vp.box != BOX_OUT)
		return deny(m, "/inbox 中的文件不能读取");
	if ((h = vh_new(v)) == NULL)
		return sftp_reply_status(m, SSH_FX_FAILURE, "打开的文件太多");
	h->vp = vp;
	vpath_real(v, &vp, h->real, sizeof h->real);
	if (!wr) {
		h->fd = open(h->real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
		    O_NONBLOCK);
		if (h->fd < 0 || fstat(h->fd, &sb) != 0 ||
		    !S_ISREG(sb.st_mode)) {
			vh_close(v, h, 0);
			return sftp_reply_status(m, SSH_FX_NO_SUCH_FILE,
			    "没有这个文件");
		}
	} else {
		/* an upload starts from nothing: no append, no resume */
		if ((fl & SSH_FXF_APPEND) || (!(fl & SSH_FXF_TRUNC) &&
		    lstat(h->real, &sb) == 0 && sb.st_size > 0)) {
			vh_close(v, h, 0);
			vlog(v, "put %s refused: append or resume (flags %lld)",
			    vp.text, (long long)fl);
			return sftp_reply_status(m, SSH_FX_OP_UNSUPPORTED,
			    "不支持续传，请重新上传整个文件");
		}
		if (lstat(h->real, &sb) == 0 && (!S_ISREG(sb.st_mode) ||
		    (fl & SSH_FXF_EXCL))) {
			vh_close(v, h, 0);
			return S_ISREG(sb.st_mode) ?
			    sftp_reply_status(m, SSH_FX_FAILURE, "文件已存在") :
			    deny(m, "不允许写入该路径");
		}
		vinbox_usage(v, vp.name[0], &files, &h->others);
		if (files >= SFTP_USER_FILES) {
			vh_close(v, h, 0);
			vlog(v, "put %s refused: %lld files in the inbox",
			    vp.text, (long long)files);
			return deny(m, "上传文件个数已达上限");
		}
		h->upload = 1;
		snprintf(h->tmp, sizeof h->tmp, "%s/.up-%d-%d", v->in,
		    (int)getpid(), ++v->tmpseq);
		h->fd = open(h->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
		if (h->fd < 0) {
			vh_close(v, h, 0);
			return sftp_reply_status(m, SSH_FX_FAILURE,
			    "无法创建文件");
		}
	}
	return vh_reply(v, h, m);
}

static int
op_read(struct vsftp *v, sftp_client_message m)
{
	struct vhandle	*h = vh_get(v, m);
	char		 buf[SFTP_READ_MAX];
	uint32_t	 len = m->len < sizeof buf ? m->len : sizeof buf;
	ssize_t		 n;

	if (h == NULL || h->dir || h->upload)
		return sftp_reply_status(m, SSH_FX_INVALID_HANDLE, NULL);
	if (m->offset > (uint64_t)LLONG_MAX)
		return sftp_reply_status(m, SSH_FX_EOF, NULL);
	n = pread(h->fd, buf, len, (off_t)m->offset);
	if (n < 0)
		return sftp_reply_status(m, SSH_FX_FAILURE, "读取失败");
	if (n == 0)
		return sftp_reply_status(m, SSH_FX_EOF, NULL);
	if ((long long)m->offset + n > h->size)
		h->size = (long long)m->offset + n;
	return sftp_reply_data(m, buf, (int)n);
}

static int
op_write(struct vsftp *v, sftp_client_message m)
{
	struct vhandle	*h = vh_get(v, m);
	const char	*p;
	size_t		 len, done = 0;
	ssize_t		 n;
	long long	 end;
	char		 why[128];

	if (h == NULL || h->dir || !h->upload)
		return sftp_reply_status(m, SSH_FX_INVALID_HANDLE, NULL);
	if (h->failed)
		return deny(m, "上传已被拒绝");
	p = m->data != NULL ? ssh_string_data(m->data) : NULL;
	len = m->data != NULL ? ssh_string_len(m->data) : 0;
	end = m->offset > (uint64_t)SFTP_FILE_MAX ? SFTP_FILE_MAX + 1 :
	    (long long)m->offset + (long long)len;
	if (end > SFTP_FILE_MAX || h->others + end > SFTP_USER_MAX) {
		/* nothing partial is kept */
		h->failed = 1;
		if (ftruncate(h->fd, 0) != 0 || unlink(h->tmp) != 0)
			log_error("sftp: removing %s: %s", h->tmp,
			    strerror(errno));
		vlog(v, end > SFTP_FILE_MAX ? "put %s refused: over the "
		    "file quota at %lld bytes" : "put %s refused: over the "
		    "inbox quota at %lld bytes", h->vp.text, end);
		xsnprintf(why, sizeof why, end > SFTP_FILE_MAX ?
		    "文件超过上传大小限制（%d MB）" :
		    "上传文件总大小已达上限（%d MB）", end > SFTP_FILE_MAX ?
		    conf_current()->inbox_file_mb : conf_current()->inbox_mb);
		return deny(m, why);
	}
	while (done < len) {
		n = pwrite(h->fd, p + done, len - done,
		    (off_t)m->offset + (off_t)done);
		if (n <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			return sftp_reply_status(m, SSH_FX_FAILURE, "写入失败");
		}
		done += (size_t)n;
	}
	if (end > h->size)
		h->size = end;
	return sftp_reply_status(m, SSH_FX_OK, NULL);
}

static int
op_close(struct vsftp *v, sftp_client_message m)
{
	struct vhandle	*h = vh_get(v, m);
	int		 failed;

	if (h == NULL)
		return sftp_reply_status(m, SSH_FX_INVALID_HANDLE, NULL);
	sftp_handle_remove(v->sftp, h);
	failed = h->failed;
	if (vh_close(v, h, 1) != 0)
		return sftp_reply_status(m, SSH_FX_FAILURE, "保存失败");
	if (failed)
		return deny(m, "上传已被拒绝，未保存");
	return sftp_reply_status(m, SSH_FX_OK, NULL);
}

static int
op_opendir(struct vsftp *v, sftp_client_message m)
{
	struct vpath	 vp;
	struct vhandle	*h;
	struct stat	 sb;
	char		 real[PATH_MAX + SFTP_NAME_MAX * 2 + 8];

	if (vpath_parse(m->filename, &vp) != 0)
		return deny(m, "不允许访问该路径");
	if (vstat(v, &vp, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return sftp_reply_status(m, SSH_FX_NO_SUCH_FILE, "没有这个目录");
	if ((h = vh_new(v)) == NULL)
		return sftp_reply_status(m, SSH_FX_FAILURE, "打开的文件太多");
	h->dir = 1;
	h->vp = vp;
	if (vp.box != BOX_NONE) {
		vpath_real(v, &vp, real, sizeof real);
		if ((h->dp = opendir(real)) == NULL) {
			vh_close(v, h, 0);
			return sftp_reply_status(m, SSH_FX_NO_SUCH_FILE,
			    "没有这个目录");
		}
	}
	return vh_reply(v, h, m);
}

static int
op_readdir(struct vsftp *v, sftp_client_message m)
{
	static const char *const top[] = { "outbox", "inbox" };
	struct vhandle			*h = vh_get(v, m);
	struct sftp_attributes_struct	 a;
	struct dirent			*e;
	struct stat			 sb;
	struct vpath			 vp;
	char				 lng[PATH_MAX + 128], sub[PATH_MAX];
	int				 n = 0;

	if (h == NULL || !h->dir)
		return sftp_reply_status(m, SSH_FX_INVALID_HANDLE, NULL);
	if (h->dp == NULL) {
		for (; h->rootpos < 2; h->rootpos++, n++) {
			snprintf(sub, sizeof sub, "/%s", top[h->rootpos]);
			if (vpath_parse(sub, &vp) != 0 || vstat(v, &vp, &sb))
				continue;
			vattr(&a, &sb);
			vlong(lng, sizeof lng, v->s->who.login,
			    top[h->rootpos], &sb);
			sftp_reply_names_add(m, top[h->rootpos], lng, &a);
		}
	} else
		while (n < SFTP_DIR_BATCH && (e = readdir(h->dp)) != NULL) {
			if (snprintf(sub, sizeof sub, "%s/%s", h->vp.text,
			    e->d_name) >= (int)sizeof sub ||
			    vpath_parse(sub, &vp) != 0 || vp.depth == 0 ||
			    vstat(v, &vp, &sb) != 0)
				continue;	/* ., .., hidden, links ... */
			vattr(&a, &sb);
			vlong(lng, sizeof lng, v->s->who.login, e->d_name,
			    &sb);
			sftp_reply_names_add(m, e->d_name, lng, &a);
			n++;
		}
	if (n == 0)
		return sftp_reply_status(m, SSH_FX_EOF, NULL);
	return sftp_reply_names(m);
}

static int
op_stat(struct vsftp *v, sftp_client_message m)
{
	struct sftp_attributes_struct	 a;
	struct vhandle			*h;
	struct vpath			 vp;
	struct stat			 sb;

	if (m->type == SSH_FXP_FSTAT) {
		if ((h = vh_get(v, m)) == NULL)
			return sftp_reply_status(m, SSH_FX_INVALID_HANDLE,
			    NULL);
		if (h->fd < 0 || fstat(h->fd, &sb) != 0)
			return sftp_reply_status(m, SSH_FX_FAILURE, NULL);
	} else {
		if (vpath_parse(m->filename, &vp) != 0)
			return deny(m, "不允许访问该路径");
		if (vstat(v, &vp, &sb) != 0)
			return sftp_reply_status(m, SSH_FX_NO_SUCH_FILE,
			    "没有这个文件");
	}
	vattr(&a, &sb);
	return sftp_reply_attr(m, &a);
}

static int
op_realpath(struct vsftp *v, sftp_client_message m)
{
	struct sftp_attributes_struct	a;
	struct vpath			vp;

	(void)v;
	if (vpath_parse(m->filename, &vp) != 0)
		return deny(m, "不允许访问该路径");
	memset(&a, 0, sizeof a);
	return sftp_reply_name(m, vp.text, &a);
}

static int
op_remove(struct vsftp *v, sftp_client_message m)
{
	struct vpath	vp;
	struct stat	sb;
	char		real[PATH_MAX + SFTP_NAME_MAX * 2 + 8];
	int		dir = m->type == SSH_FXP_RMDIR;

	if (vpath_parse(m->filename, &vp) != 0 || vp.depth == 0)
		return deny(m, "不允许删除该路径");
	if (vstat(v, &vp, &sb) != 0)
		return sftp_reply_status(m, SSH_FX_NO_SUCH_FILE, "没有这个文件");
	if (dir != !!S_ISDIR(sb.st_mode))
		return sftp_reply_status(m, SSH_FX_FAILURE, dir ?
		    "不是目录" : "是目录");
	vpath_real(v, &vp, real, sizeof real);
	if ((dir ? rmdir(real) : unlink(real)) != 0)
		return sftp_reply_status(m, SSH_FX_FAILURE, dir ?
		    "目录不为空" : "删除失败");
	vlog(v, "remove %s (%lld bytes)", vp.text, (long long)sb.st_size);
	return sftp_reply_status(m, SSH_FX_OK, NULL);
}

static int
op_rename(struct vsftp *v, sftp_client_message m)
{
	struct vpath	from, to;
	struct stat	sb;
	char		a[PATH_MAX + SFTP_NAME_MAX * 2 + 8];
	char		b[PATH_MAX + SFTP_NAME_MAX * 2 + 8];

	if (vpath_parse(m->filename, &from) != 0 ||
	    vpath_parse(sftp_client_message_get_data(m), &to) != 0 ||
	    from.box != to.box || from.depth == 0 || to.depth != from.depth ||
	    (from.depth == 2 && strcmp(from.name[0], to.name[0]) != 0))
		return deny(m, "只能在同一目录中改名");
	if (vstat(v, &from, &sb) != 0 || !S_ISREG(sb.st_mode))
		return sftp_reply_status(m, SSH_FX_NO_SUCH_FILE, "没有这个文件");
	vpath_real(v, &from, a, sizeof a);
	vpath_real(v, &to, b, sizeof b);
	if (lstat(b, &sb) == 0)
		return sftp_reply_status(m, SSH_FX_FAILURE, "文件已存在");
	if (rename(a, b) != 0)
		return sftp_reply_status(m, SSH_FX_FAILURE, "改名失败");
	sess_log(v->s->who.login, v->s->addr, "sftp rename %s %s", from.text,
	    to.text);
	return sftp_reply_status(m, SSH_FX_OK, NULL);
}

/* fsetstat of an upload under way: answered OK, nothing changed */
static int
op_fsetstat(struct vsftp *v, sftp_client_message m)
{
	struct vhandle *h = vh_get(v, m);

	if (h == NULL || !h->upload)
		return deny(m, "不允许此操作");
	return sftp_reply_status(m, SSH_FX_OK, NULL);
}

/* The requests served (by type; extensions by name); the rest refused. */
static const struct vop {
	uint8_t		  type;
	const char	 *ext;
	int		(*fn)(struct vsftp *, sftp_client_message);
} vops[] = {
	{ SSH_FXP_OPEN,		NULL,	op_open },
	{ SSH_FXP_READ,		NULL,	op_read },
	{ SSH_FXP_WRITE,	NULL,	op_write },
	{ SSH_FXP_CLOSE,	NULL,	op_close },
	{ SSH_FXP_OPENDIR,	NULL,	op_opendir },
	{ SSH_FXP_READDIR,	NULL,	op_readdir },
	{ SSH_FXP_STAT,		NULL,	op_stat },
	{ SSH_FXP_LSTAT,	NULL,	op_stat },
	{ SSH_FXP_FSTAT,	NULL,	op_stat },
	{ SSH_FXP_REALPATH,	NULL,	op_realpath },
	{ SSH_FXP_REMOVE,	NULL,	op_remove },
	{ SSH_FXP_RMDIR,	NULL,	op_remove },
	{ SSH_FXP_RENAME,	NULL,	op_rename },
	{ SSH_FXP_FSETSTAT,	NULL,	op_fsetstat },
	{ SSH_FXP_EXTENDED,	"posix-rename@openssh.com", op_rename },
};

/* One request of the client; what is not in the table is refused. */
static void
vdispatch(struct vsftp *v, sftp_client_message m)
{
	const struct vop	*op;
	char			 what[64];
	size_t			 i;

	for (i = 0; i < sizeof vops / sizeof vops[0]; i++) {
		op = &vops[i];
		if (op->type == m->type && (op->ext == NULL ||
		    (m->submessage != NULL && strcmp(op->ext,
		    m->submessage) == 0))) {
			op->fn(v, m);
			return;
		}
	}
	sess_clean(m->filename, what, sizeof what);
	sess_log(v->s->who.login, v->s->addr, "sftp refused request %d %s",
	    (int)m->type, what);
	if (m->type == SSH_FXP_EXTENDED)
		sftp_reply_status(m, SSH_FX_OP_UNSUPPORTED, "不支持");
	else
		deny(m, "不允许此操作");
}

/*
 * Remove the temporary files of uploads whose session process is gone
 * (killed before it could clean up): .up-PID-N in the inbox.
 */
static void
vsweep(struct vsftp *v)
{
	DIR		*d;
	struct dirent	*e;
	long		 pid;
	char		*end;

	if ((d = opendir(v->in)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, ".up-", 4) != 0)
			continue;
		pid = strtol(e->d_name + 4, &end, 10);
		if (end == e->d_name + 4 || *end != '-' || pid <= 0 ||
		    pid > INT_MAX || (kill((pid_t)pid, 0) != 0 &&
		    errno == ESRCH))
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

/*
 * libssh's SFTP reader blocks until a packet is whole, past the idle time
 * and the server's stop: a client that sends half a packet and waits
 * would hold the session for ever. So it is called only once a whole
 * packet is there. The channel's data callback (ssh-channel.c) sees all
 * the data libssh holds, every time some comes, and takes none: here it
 * notes how many bytes at the end are not yet a whole packet (the
 * reader takes whole packets from the front only, so that stays true
 * until more data comes and this runs again).
 */
void
sftp_scan(struct sess *s, const void *data, uint32_t len)
{
	const unsigned char	*p = data;
	uint64_t		 off = 0, plen;

	while (off + 4 <= len) {
		plen = (uint64_t)p[off] << 24 | (uint64_t)p[off + 1] << 16 |
		    (uint64_t)p[off + 2] << 8 | p[off + 3];
		if (off + 4 + plen > len)
			break;
		off += 4 + plen;
	}
	s->sftp_tail = (size_t)(len - off);
}

/*
 * Wait up to ms for a whole SFTP packet: 1 there is one, 0 not yet, -1
 * the client is gone.
 */
static int
vwait(struct sess *s, int ms)
{
	int n = ssh_channel_poll(s->chan, 0);

	if (n == SSH_ERROR || n == SSH_EOF)
		return -1;
	if ((size_t)n > s->sftp_tail)
		return 1;
	if (ssh_event_dopoll(s->ev, ms) == SSH_ERROR ||
	    !ssh_is_connected(s->ssh)) {
		s->client_gone = s->hung_up = 1;
		return -1;
	}
	n = ssh_channel_poll(s->chan, 0);
	if (n == SSH_ERROR || n == SSH_EOF)
		return -1;
	return (size_t)n > s->sftp_tail;
}

/*
 * Serve SFTP on the session's channel until the client ends it, it is
 * idle too long or *stop is set (the server is stopping). Why it ended.
 */
enum sess_end
sftp_serve(struct sess *s, volatile sig_atomic_t *stop)
{
	struct vsftp		 v;
	sftp_client_message	 m;
	enum sess_end		 why = END_CLOSED;
	int64_t			 left, checked;
	int			 rc, ms;
	size_t			 i;

	memset(&v, 0, sizeof v);
	v.s = s;
	if (box_dir("outbox", s->who.login, v.out, sizeof v.out) != 0 ||
	    box_dir("inbox", s->who.login, v.in, sizeof v.in) != 0) {
		sess_log(s->who.login, s->addr, "sftp: boxes: %s",
		    strerror(errno));
		return END_CRASH;
	}
	vsweep(&v);
	/* the client's first packet (SSH_FXP_INIT), within the login grace */
	left = sess_ms() + (int64_t)s->o->grace * 1000;
	while ((rc = vwait(s, 500)) == 0 && !*stop && !s->client_gone &&
	    sess_ms() < left)
		;
	if (rc != 1)
		return *stop ? END_SHUTDOWN : END_CLOSED;
	if ((v.sftp = sftp_server_new(s->ssh, s->chan)) == NULL)
		return END_CRASH;
	if (sftp_server_init(v.sftp) != 0) {
		sftp_server_free(v.sftp);
		return END_CLOSED;
	}
	sess_log(s->who.login, s->addr, "sftp start");
	s->last_input = checked = sess_ms();
	for (;;) {
		if (*stop) {
			why = END_SHUTDOWN;
			break;
		}
		if (s->client_gone)
			break;
		ms = 1000;
		if (s->o->idle > 0) {
			left = s->last_input + (int64_t)s->o->idle * 1000 -
			    sess_ms();
			if (left <= 0) {
				why = END_IDLE;
				break;
			}
			if (left < ms)
				ms = (int)left + 1;
		}
		/* R-SEC-8.3 issue 8 (3): locked, changed or removed since */
		if (sess_ms() >= checked + SFTP_CHECK_MS) {
			checked = sess_ms();
			if (!session_still_valid(&s->who)) {
				why = END_REVOKED;
				break;
			}
		}
		if ((rc = vwait(s, ms)) < 0)
			break;
		if (rc == 0)
			continue;
		if ((m = sftp_get_client_message(v.sftp)) == NULL)
			break;
		s->last_input = sess_ms();
		vdispatch(&v, m);
		sftp_client_message_free(m);
	}
	for (i = 0; i < SFTP_OPEN_MAX; i++)
		if (v.open[i] != NULL) {
			sftp_handle_remove(v.sftp, v.open[i]);
			vh_close(&v, v.open[i], 0);
		}
	sftp_server_free(v.sftp);
	return why;
}
