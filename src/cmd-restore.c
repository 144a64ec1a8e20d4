/*
 * cmd-restore.c: `njbt restore BACKUP [--db FILE] [--force]` (issue 14
 * item 7): brings a backup (`njbt backup`) back as the database FILE.
 *
 *   1. the backup is checked as `njbt check` checks it, opened with FILE's
 *      key file (a backup holds none): integrity, foreign keys, the audit
 *      chain against BACKUP.anchor, the row MACs and the sealed values
 *      (so a key that is not the backup's fails), the books, the photos
 *      beside it; any failure refuses the restore and writes nothing;
 *   2. FILE must not be in use: `njbt serve` and `njbt tui` hold a shared
 *      lock on it (restore_hold, flock(2)) for their lives; the restore
 *      takes it exclusively or refuses, unless --force;
 *   3. the copy is written beside FILE under a temporary name, the photos
 *      of the backup not yet beside FILE are linked or copied in (none
 *      removed), FILE's old -wal/-shm go, and the copy and its anchor are
 *      renamed into place: FILE is the old database or the whole backup.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "log.h"

static const struct cmd_opt cmd_restore_opts[] = {
	{ "force", NULL, 0, 0, "数据库正在使用时也恢复（请先停止服务）" },
	{ NULL, NULL, 0, 0, NULL }
};

/*
 * Hold a shared lock on the database db for the life of the process (and
 * the children it forks), so that `njbt restore` knows it is in use.
 * Returns the descriptor, or -1 (not fatal: the database may be new).
 */
int
restore_hold(const char *db)
{
	int fd = open(db, O_RDONLY | O_CLOEXEC);

	if (fd >= 0 && flock(fd, LOCK_SH | LOCK_NB) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* Take db exclusively: the descriptor, -2 if in use, -1 if no file. */
static int
restore_lock(const char *db)
{
	int fd = open(db, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		close(fd);
		return -2;
	}
	return fd;
}

/* Write the open backup beside db and rename it into place. */
static int
restore_put(const char *backup, const char *db, char *msg, size_t len)
{
	static const char *const drafts[] = { ".drafts", ".drafts-wal",
	    ".drafts-shm" };
	char	 tmp[PATH_MAX], a[PATH_MAX], b[PATH_MAX];
	size_t	 i;

	if (xsnprintf(tmp, sizeof tmp, "%s.restore.tmp", db) < 0)
		return -1;
	backup_remove(tmp);
	if (backup_copy(tmp, msg, len) != 0)
		return -1;
	db_close();
	if (backup_photos(backup, db, msg, len) != 0) {
		backup_remove(tmp);
		return -1;
	}
	xsnprintf(a, sizeof a, "%s-wal", db);
	xsnprintf(b, sizeof b, "%s-shm", db);
	unlink(a);
	unlink(b);
	/* the drafts kept since the backup (DB.drafts, store-session.c)
	   belong to no window of the restored database, and are sealed
	   to user ids it may give to others */
	for (i = 0; i < sizeof drafts / sizeof drafts[0]; i++) {
		xsnprintf(a, sizeof a, "%s%s", db, drafts[i]);
		unlink(a);
	}
	xsnprintf(a, sizeof a, "%s.anchor", tmp);
	xsnprintf(b, sizeof b, "%s.anchor", db);
	if (rename(a, b) != 0 || rename(tmp, db) != 0) {
		xsnprintf(msg, len, "无法替换数据库 %s：%s", db, strerror(errno));
		backup_remove(tmp);
		return -1;
	}
	return 0;
}

static int
cmd_restore(struct cmd_ctx *ctx, struct cmd_args *a)
{
	const char	*backup = a->argv[0];
	char		 key[PATH_MAX], msg[NJ_MSG_MAX];
	int		 lock, rc;

	if (a->argc != 1)
		return cmd_usage(ctx->entry);
	if (db_keyfile(ctx->db, key, sizeof key) != 0 || access(key, R_OK) !=
	    0) {
		fprintf(stderr, "njbt: 无法读取密钥文件 %s：%s（恢复需要原数据库的密钥"
		    "文件）\n", key, strerror(errno));
		return 1;
	}
	lock = restore_lock(ctx->db);
	if (lock == -2 && !cmd_flag(a, "force")) {
		fprintf(stderr, "njbt: 数据库 %s 正在使用（njbt serve 或会话正在运行）"
		    "：请先停止服务，或加 --force\n", ctx->db);
		return 1;
	}
	if (backup_verify(backup, key, msg, sizeof msg) != 0) {
		fprintf(stderr, "njbt: 备份 %s 未通过检查，未恢复：%s\n", backup, msg);
		return 1;
	}
	/* open again for the copy: backup_verify closed it */
	if (db_open_copy(backup, key, msg, sizeof msg) != 0) {
		fprintf(stderr, "njbt: %s\n", msg);
		return 1;
	}
	rc = restore_put(backup, ctx->db, msg, sizeof msg);
	db_close();
	if (lock >= 0)
		close(lock);
	if (rc != 0) {
		log_error("恢复失败：%s", msg);
		return 1;
	}
	fprintf(stderr, "已从 %s 恢复到 %s，检查通过。\n", backup, ctx->db);
	return 0;
}

const struct cmd_entry cmd_restore_entry = {
	"restore", "BACKUP [--db FILE] [--force]",
	"检查备份（完整性、审计日志链、校验值、照片）后恢复为数据库",
	cmd_restore, cmd_restore_opts, 0
};
