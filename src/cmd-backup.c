/*
 * cmd-backup.c: `njbt backup FILE`, an online, consistent copy of the
 * database while users work (SQLite's backup API), with its own audit
 * anchor beside it (FILE.anchor, R-SEC-8.4 issue 8 (4)) so that a restored
 * copy verifies. The key file is not copied: it must be kept safe
 * separately, or the copy's private data cannot be read. The photos
 * (issue 12) are linked or copied into photos/ beside FILE, under the
 * same hash names, where `njbt check --db FILE` finds them.
 *
 * R-SEC-8.12b issue 8 (12): the copy is 0600 from its first byte. The file
 * is made (or an old one made private) here, with open(2) and mode 0600,
 * before SQLite writes anything into it, never through a symbolic link;
 * and the umask is 077 while the copy is made, so that the copy's journal,
 * which SQLite creates beside it, is private too (backup-copy.c).
 *
 * `njbt backup --scheduled --dir D` (issue 14 item 7; run daily by
 * dist/backup/njbt-backup.timer): today's copy D/njbt-YYYY-MM-DD.db (and
 * its .anchor) is written under a hidden temporary name, the photos
 * (photos/ beside the database, by hash) are linked or copied into
 * D/photos, the copy is opened with the live key file and checked as
 * `njbt check` checks (integrity, audit chain against its anchor, MACs,
 * photos); only a copy that passes gets its name. A failed write or check
 * leaves nothing behind, is logged and exits 1 (the files: backup-copy.c).
 * Then backup-policy.c says which old copies go. Photos in D are never deleted (R-002-A3-2.6).
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "conf.h"
#include "domain.h"
#include "log.h"

#define BACKUP_PREFIX		"njbt-"
#define BACKUP_SUFFIX		".db"
#define BACKUP_MAX_COPIES	4096

static const struct cmd_opt cmd_backup_opts[] = {
	{ "scheduled", NULL, 0, 0,
	    "定时备份：写入备份目录、校验、按保留期删除旧副本" },
	{ "dir", "目录", 0, CMD_OPT_ONCE,
	    "备份目录（njbt.conf 的 backup_dir，/var/backups/njbt）" },
	{ "keep-days", "天数", 0, CMD_OPT_ONCE,
	    "每日副本保留天数（njbt.conf 的 backup_keep_days，14）" },
	{ "keep-years", "年数", 0, CMD_OPT_ONCE,
	    "每年第一份副本保留年数（10，不得少于 10）" },
	{ NULL, NULL, 0, 0, NULL }
};

/* A whole-number option, or def when absent; -1 if bad. */
static int
backup_int_arg(const struct cmd_args *a, const char *name, int def)
{
	const char	*arg = cmd_arg(a, name);
	int64_t		 v;

	if (arg == NULL)
		return def;
	if (parse_int(arg, &v) != 0 || v < 0 || v > INT_MAX)
		return -1;
	return (int)v;
}

/* The day of a copy's name njbt-YYYY-MM-DD.db, or -1 if not one. */
static int
backup_name_day(const char *name, int *day)
{
	size_t	 np = strlen(BACKUP_PREFIX), ns = strlen(BACKUP_SUFFIX);
	char	 date[11];

	if (strlen(name) != np + 10 + ns || strncmp(name, BACKUP_PREFIX, np) !=
	    0 || strcmp(name + np + 10, BACKUP_SUFFIX) != 0)
		return -1;
	memcpy(date, name + np, 10);
	date[10] = '\0';
	return date_parse(date, day);
}

/*
 * Apply the policy to the copies in dir on day today: delete each copy
 * (and its anchor) it no longer keeps, and a temporary copy a crashed
 * run left. Returns how many copies are kept, or -1.
 */
static int
backup_prune(const char *dir, int today, int keep_days, int keep_years)
{
	static int	 days[BACKUP_MAX_COPIES];
	static unsigned char del[BACKUP_MAX_COPIES];
	DIR		*d;
	struct dirent	*e;
	char		 path[PATH_MAX], date[16];
	size_t		 n = 0, i;

	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' && strncmp(e->d_name + 1, BACKUP_PREFIX,
		    strlen(BACKUP_PREFIX)) == 0 && strstr(e->d_name, ".tmp")) {
			xsnprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			unlink(path);
			continue;
		}
		if (n < BACKUP_MAX_COPIES &&
		    backup_name_day(e->d_name, &days[n]) == 0)
			n++;
	}
	closedir(d);
	backup_policy(days, n, today, keep_days, keep_years, del);
	for (i = 0; i < n; i++) {
		if (!del[i])
			continue;
		date_format(days[i], date, sizeof date);
		xsnprintf(path, sizeof path, "%s/" BACKUP_PREFIX "%s"
		    BACKUP_SUFFIX, dir, date);
		backup_remove(path);
		log_info("已删除过期备份 %s", path);
	}
	return (int)(n - backup_policy(days, n, today, keep_days, keep_years,
	    del));
}

/* Write, check and name today's copy in dir; -1 (logged) on failure. */
static int
backup_today(const char *db, const char *dir, char *final, size_t flen)
{
	char	 tmp[PATH_MAX], key[PATH_MAX], date[16], msg[NJ_MSG_MAX];
	char	 from[PATH_MAX], to[PATH_MAX];

	date_format(clock_today(), date, sizeof date);
	if (xsnprintf(final, flen, "%s/" BACKUP_PREFIX "%s" BACKUP_SUFFIX, dir,
	    date) < 0 || xsnprintf(tmp, sizeof tmp, "%s/." BACKUP_PREFIX
	    "%s" BACKUP_SUFFIX ".tmp", dir, date) < 0 ||
	    db_keyfile(db, key, sizeof key) != 0)
		return -1;
	if (backup_copy(tmp, msg, sizeof msg) != 0) {
		log_error("备份失败（%s）：%s", dir, msg);
		return -1;
	}
	if (backup_photos(db, tmp, msg, sizeof msg) != 0) {
		log_error("备份照片失败（%s）：%s", dir, msg);
		backup_remove(tmp);
		return -1;
	}
	if (backup_verify(tmp, key, msg, sizeof msg) != 0) {
		log_error("备份 %s 校验失败，已删除：%s", final, msg);
		backup_remove(tmp);
		return -1;
	}
	xsnprintf(from, sizeof from, "%s.anchor", tmp);
	xsnprintf(to, sizeof to, "%s.anchor", final);
	if (rename(from, to) != 0 || rename(tmp, final) != 0) {
		log_error("无法命名备份 %s：%s", final, strerror(errno));
		backup_remove(tmp);
		unlink(to);
		return -1;
	}
	return 0;
}

/*
 * Take the backup directory dir for this run: -1 (logged) if it is the
 * database's own directory (its key file would be in the backup) or
 * another run holds it. The descriptor holds the lock until exit.
 */
static int
backup_take_dir(const char *db, const char *dir)
{
	char	 a[PATH_MAX], b[PATH_MAX], c[PATH_MAX], *slash;
	int	 fd;

	strlcpy0(b, db, sizeof b);
	if ((slash = strrchr(b, '/')) != NULL)
		*slash = '\0';
	else
		strlcpy0(b, ".", sizeof b);
	if (realpath(dir, a) == NULL || realpath(b, c) == NULL) {
		log_error("无法使用备份目录 %s：%s", dir, strerror(errno));
		return -1;
	}
	if (strcmp(a, c) == 0) {
		log_error("备份目录 %s 是数据库所在目录：密钥文件不得与备份放在一起", dir);
		return -1;
	}
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 ||
	    flock(fd, LOCK_EX | LOCK_NB) != 0) {
		log_error("备份目录 %s 正被另一次备份使用，或无法打开：%s", dir,
		    strerror(errno));
		return -1;
	}
	return fd;
}

/* `njbt backup --scheduled`: today's verified copy, then the policy. */
static int
backup_scheduled(struct cmd_ctx *ctx, struct cmd_args *a)
{
	const char	*dir = cmd_arg(a, "dir");
	char		 final[PATH_MAX];
	int		 days, years, kept;

	/* issue 14 (2): the flags over njbt.conf's backup_dir,
	 * backup_keep_days and backup_keep_years */
	days = backup_int_arg(a, "keep-days", conf_current()->backup_keep_days);
	years = backup_int_arg(a, "keep-years",
	    conf_current()->backup_keep_years);
	if (a->argc != 0)
		return cmd_usage(ctx->entry);
	/* R-001-A1-15 001 附件1 第十五条: yearly copies kept ten years */
	if (backup_policy_check(days, years) != 0) {
		fprintf(stderr, "njbt: 保留期无效：每日副本 1 至 %d 天，每年副本 %d"
		    " 至 %d 年（001 附件1 第十五条：年度备份保存十年）\n",
		    BACKUP_MAX_DAYS, BACKUP_MIN_YEARS, BACKUP_MAX_YEARS);
		return 2;
	}
	if (dir == NULL)
		dir = conf_current()->backup_dir;
	/* a write past RLIMIT_FSIZE fails with EFBIG, cleaned up, logged */
	signal(SIGXFSZ, SIG_IGN);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		log_error("无法创建备份目录 %s：%s", dir, strerror(errno));
		return 1;
	}
	if (backup_take_dir(ctx->db, dir) < 0)
		return 1;
	if (cmd_open(ctx) != 0)
		return 1;
	if (backup_today(ctx->db, dir, final, sizeof final) != 0) {
		db_close();
		return 1;
	}
	db_close();
	if ((kept = backup_prune(dir, clock_today(), days, years)) < 0) {
		log_error("无法读取备份目录 %s：%s", dir, strerror(errno));
		return 1;
	}
	log_info("已备份并校验 %s（共保留 %d 份）", final, kept);
	return 0;
}

static int
cmd_backup(struct cmd_ctx *ctx, struct cmd_args *a)
{
	const char *file = a->argv[0];
	char	msg[NJ_MSG_MAX];

	if (cmd_flag(a, "scheduled"))
		return backup_scheduled(ctx, a);
	if (a->argc != 1 || cmd_arg(a, "dir") || cmd_arg(a, "keep-days") ||
	    cmd_arg(a, "keep-years"))
		return cmd_usage(ctx->entry);
	if (cmd_open(ctx) != 0)
		return 1;
	/* issue 12 (4): the photos go along, into photos/ beside the copy
	 * (linked or copied; never removed), where `njbt check --db FILE`
	 * and `njbt restore` find them */
	if (backup_copy(file, msg, sizeof msg) != 0)
		goto fail;
	xsnprintf(msg, sizeof msg, "无法把照片复制到 %s 旁的 photos/ 目录", file);
	if (backup_photos(ctx->db, file, msg, sizeof msg) != 0) {
		backup_remove(file);
		goto fail;
	}
	db_close();
	fprintf(stderr, "已备份到 %s（审计锚点 %s.anchor，照片在其旁的 photos/ 目录）。"
	    "注意：密钥文件 %s.key 未包含在备份中，请另行妥善保管。\n", file,
	    file, ctx->db);
	return 0;
fail:
	fprintf(stderr, "njbt: %s\n", msg);
	db_close();
	return 1;
}

const struct cmd_entry cmd_backup_entry = {
	"backup", "FILE | --scheduled [--dir 目录] [--keep-days N] "
	"[--keep-years N]",
	"在线备份数据库（一致的副本，不含密钥文件）；--scheduled 为定时备份",
	cmd_backup, cmd_backup_opts, 0
};
