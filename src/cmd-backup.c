/*
 * cmd-backup.c: `njbt backup FILE`, an online, consistent copy of the
 * database while users work (SQLite's backup API), with its own audit
 * anchor beside it (FILE.anchor, R-SEC-8.4 issue 8 (4)) so that a restored
 * copy verifies. The key file is not copied: it must be kept safe
 * separately, or the copy's private data cannot be read. The photos
 * (issue 12) are copied into FILE.photos/ beside it, under the same hash
 * names, where `njbt check --db FILE` finds them.
 *
 * R-SEC-8.12b issue 8 (12): the copy is 0600 from its first byte. The file
 * is made (or an old one made private) here, with open(2) and mode 0600,
 * before SQLite writes anything into it, never through a symbolic link;
 * and the umask is 077 while the copy is made, so that the copy's journal,
 * which SQLite creates beside it, is private too.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

/* Make path a private file (0600) before anything is written into it. */
static int
backup_prepare(const char *path, char *msg, size_t len)
{
	int	fd;

	fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || fchmod(fd, 0600) != 0) {
		xsnprintf(msg, len, "无法创建备份文件 %s：%s", path,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static int
cmd_backup(struct cmd_ctx *ctx, struct cmd_args *a)
{
	const char *file = a->argv[0];
	char	msg[NJ_MSG_MAX];
	mode_t	mask;
	int64_t	photos = 0;
	int	rc;

	if (a->argc != 1)
		return cmd_usage(ctx->entry);
	if (cmd_open(ctx) != 0)
		return 1;
	mask = umask(077);
	rc = backup_prepare(file, msg, sizeof msg) != 0 ||
	    db_backup(file, msg, sizeof msg) != 0 ||
	    db_backup_photos(file, &photos, msg, sizeof msg) != 0;
	umask(mask);
	if (rc) {
		fprintf(stderr, "njbt: %s\n", msg);
		db_close();
		return 1;
	}
	db_close();
	fprintf(stderr, "已备份到 %s（审计锚点 %s.anchor，照片 %lld 张在 %s.photos/）。"
	    "注意：密钥文件 %s.key 未包含在备份中，请另行妥善保管。\n", file,
	    file, (long long)photos, file, ctx->db);
	return 0;
}

const struct cmd_entry cmd_backup_entry = {
	"backup", "FILE", "在线备份数据库（一致的副本，不含密钥文件）", cmd_backup,
	NULL, 0
};
