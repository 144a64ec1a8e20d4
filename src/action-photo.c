/*
 * action-photo.c: photo.attach (issue 12 item 4). A user uploads a JPEG
 * or PNG into its own /inbox over SFTP (ssh-sftp.c) and attaches it, by
 * its plain name, to a record it may act on:
 *   the sale, the dealer that sold it: 人机合照          (record sale)
 *   the sale's verification, its county or township:
 *     人机合照, 铭牌                                    (record verification)
 *   the filed product, its maker: 正面, 侧面, 背面, 铭牌 (record product)
 * The file is checked by its content (JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A
 * 1A 0A), not its name, and its size (PHOTO_MAX); it is read without
 * following a link and only if it is a regular file. Its bytes are kept
 * once by content hash (store-photo.c), the row links hash and record;
 * the upload is then removed from the inbox (its quota freed) once the
 * action has committed. photo_add
 * is shared with verify.pass's photo field.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "actions.h"
#include "label.h"

/* who may attach what to which record: role, record, the whats allowed */
static const struct {
	int		 role;
	const char	*field;		/* sale or product */
	const char	*record;
	const char	*whats;		/* comma list of photos.what */
} photo_rules[] = {
	/* R-004-A4-2c 004 附件4 二: 经销商拍摄购机者与所购机具的合影 */
	{ ROLE_DEALER, "sale", "sale", "person" },
	/* R-004-A4-3c 004 附件4 三: 核实无误后……拍摄人机合影 */
	{ ROLE_COUNTY, "sale", "verification", "person,plate" },
	{ ROLE_TOWNSHIP, "sale", "verification", "person,plate" },
	/* R-003-A4-8.3 003 附件4 第八条(三): 正前、正侧、正后照片和整机铭牌照片 */
	{ ROLE_MAKER, "product", "product", "front,side,back,plate" },
};
#define NRULES	(sizeof photo_rules / sizeof photo_rules[0])

static int
in_comma_list(const char *list, const char *code)
{
	size_t		 n = strlen(code);
	const char	*p;

	for (p = list; (p = strstr(p, code)) != NULL; p += n)
		if ((p == list || p[-1] == ',') && (p[n] == ',' ||
		    p[n] == '\0'))
			return 1;
	return 0;
}

/*
 * A name in the user's inbox: a plain file name, no directory, no "..",
 * no hidden file (the SFTP server's own temporary files start with '.').
 */
static int
plain_name(const char *name)
{
	return name[0] != '\0' && name[0] != '.' && strchr(name, '/') ==
	    NULL && strchr(name, '\\') == NULL && strlen(name) < NAME_MAX;
}

/* 1 if name is a plain name of an upload in a's user's inbox. */
int
photo_waiting(struct act *a, const char *name)
{
	char		dir[PATH_MAX], path[PATH_MAX + NAME_MAX + 2];
	struct stat	sb;

	return plain_name(name) && box_dir("inbox", a->who->login, dir,
	    sizeof dir) == 0 && (size_t)snprintf(path, sizeof path, "%s/%s",
	    dir, name) < sizeof path && lstat(path, &sb) == 0;
}

/*
 * Read the upload name of a's user into *buf (malloc'd), its length into
 * *n and its inbox path into path. NJ_OK or a refusal.
 */
static int
photo_read(struct act *a, const char *field, const char *name, char *path,
    size_t plen, unsigned char **buf, size_t *n)
{
	char		dir[PATH_MAX];
	struct stat	sb;
	ssize_t		got;
	int		fd;

	*buf = NULL;
	if (!plain_name(name))
		return act_refuse(a, field, "照片文件应为您上传到 /inbox 中的文件名，"
		    "不能含目录，不以“.”开头，不超过 %d 字节：%s", NAME_MAX - 1,
		    name);
	if (box_dir("inbox", a->who->login, dir, sizeof dir) != 0 ||
	    (size_t)snprintf(path, plen, "%s/%s", dir, name) >= plen)
		return act_fail(a, "打开上传目录");
	/* R-SEC-8.12a: a link or a special file in the inbox is not read */
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)) < 0)
		return act_refuse(a, field, errno == ENOENT ? "/inbox 中没有"
		    "文件 %s，请先上传" : "/inbox/%s 不是可读取的普通文件", name);
	/* a hard link planted in the inbox could name another user's file */
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_nlink != 1) {
		close(fd);
		return act_refuse(a, field, "/inbox/%s 不是普通文件", name);
	}
	if (sb.st_size <= 0 || sb.st_size > PHOTO_MAX) {
		close(fd);
		return act_refuse(a, field, "照片 %s 的大小（%lld 字节）不在 1 字节"
		    "至 %d MB 之间", name, (long long)sb.st_size,
		    PHOTO_MAX / (1024 * 1024));
	}
	*n = (size_t)sb.st_size;
	*buf = xcalloc(1, *n);
	got = read(fd, *buf, *n);
	close(fd);
	if (got != (ssize_t)*n) {
		free(*buf);
		*buf = NULL;
		return act_fail(a, "读取上传的照片");
	}
	if (photo_type(*buf, *n) == NULL) {
		free(*buf);
		*buf = NULL;
		return act_refuse(a, field, "%s 不是 JPEG 或 PNG 图片（按文件内容"
		    "判断，不看文件名）", name);
	}
	return NJ_OK;
}

/*
 * Attach the upload name (field) of a's user to record/key as what: the
 * file read and checked, kept by hash, the row inserted, the upload
 * removed. The caller has checked that the user may act on the record.
 */
int
photo_add(struct act *a, const char *field, const char *name,
    const char *record, const char *key, const char *what)
{
	char		 path[PATH_MAX], hex[PHOTO_HEX], at[32];
	unsigned char	*buf;
	size_t		 n = 0;
	int		 rc;

	if ((rc = photo_read(a, field, name, path, sizeof path, &buf, &n)) !=
	    NJ_OK)
		return rc;
	rc = photo_put(buf, n, hex);
	if (rc == 0) {
		clock_stamp(a->now, at, sizeof at);
		rc = sql_exec(SQL_PHOTO_INSERT, hex, (int64_t)n,
		    photo_type(buf, n), what, record, key, name, a->who->id,
		    at);
	}
	free(buf);
	if (rc != 0)
		return act_fail(a, "保存照片");
	/* the upload is kept once, under photos/: the inbox copy goes once
	   the action has committed (action.c), so a failed one keeps it */
	strlcpy0(a->unlink_after, path, sizeof a->unlink_after);
	act_out(a, "照片 %s：%zu 字节，SHA-256 %.12s…", name, n, hex);
	return NJ_OK;
}

static const struct field attach_fields[] = {
	{ "sale", FT_TEXT, 0, "销售编号", NULL, 24 },
	{ "product", FT_TEXT, 0, "产品型号", NULL, 64 },
	{ "photo", FT_TEXT, FF_REQ, "照片文件", NULL, 120 },
	{ "what", FT_CHOICE, FF_REQ, "照片内容",
	    "person:人机合照,plate:铭牌,front:正面,side:侧面,back:背面", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* The sale of field "sale" that a's user may act on; its id into key. */
static int
photo_sale(struct act *a, char *key, size_t len)
{
	struct sale_row	 s;
	sqlite3_stmt	*st;
	int64_t		 id;
	int		 rc;

	if (parse_int(act_str(a, "sale"), &id) != 0 || id <= 0)
		return act_refuse(a, "sale", "销售编号应为数字或 XS 编号");
	st = sql_query(SQL_SALE_GET, id);
	if ((rc = sql_step(st)) == 1)
		load_sale(st, &s);
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询销售");
	/* another dealer's sale reads as an unknown one: nothing leaks */
	if (rc == 0 || (a->who->role == ROLE_DEALER && s.dealer !=
	    a->who->org))
		return act_refuse(a, "sale", "没有销售 %s，或不是本经销商的销售",
		    act_str(a, "sale"));
	if (a->who->role != ROLE_DEALER && (rc = need_scope(a, "sale",
	    a->who->role == ROLE_TOWNSHIP && s.township[0] ? s.township :
	    s.county)) != NJ_OK)
		return rc;
	xsnprintf(key, len, "%lld", (long long)s.id);
	return NJ_OK;
}

static int
photo_attach(struct act *a)
{
	struct product_row	 p;
	char			 key[NJ_KEY_MAX];
	const char		*what = act_str(a, "what");
	size_t			 i;
	int			 rc;

	for (i = 0; i < NRULES && photo_rules[i].role != a->who->role; i++)
		;
	if (i == NRULES)
		return act_refuse(a, NULL, "您的角色不能添加照片");
	if (!act_has(a, photo_rules[i].field))
		return act_refuse(a, photo_rules[i].field, "请填写%s",
		    strcmp(photo_rules[i].field, "sale") == 0 ? "销售编号" :
		    "产品型号");
	if (act_has(a, strcmp(photo_rules[i].field, "sale") == 0 ?
	    "product" : "sale"))
		return act_refuse(a, NULL, "照片只能添加到一条记录：%s",
		    strcmp(photo_rules[i].field, "sale") == 0 ?
		    "请只填写销售编号" : "请只填写产品型号");
	if (!in_comma_list(photo_rules[i].whats, what))
		return act_refuse(a, "what", "%s不能添加“%s”照片",
		    strcmp(photo_rules[i].record, "sale") == 0 ? "经销商为销售" :
		    strcmp(photo_rules[i].record, "product") == 0 ?
		    "生产企业为产品" : "核验时", label_short("photo_what", what));
	if (strcmp(photo_rules[i].field, "sale") == 0)
		rc = photo_sale(a, key, sizeof key);
	else if ((rc = my_product(a, "product", &p)) == NJ_OK)
		strlcpy0(key, p.model, sizeof key);
	if (rc != NJ_OK)
		return rc;
	if ((rc = photo_add(a, "photo", act_str(a, "photo"),
	    photo_rules[i].record, key, what)) != NJ_OK)
		return rc;
	act_key(a, "%s", key);
	return NJ_OK;
}

const struct action action_photo_attach = {
	"photo.attach", "添加照片", R(ROLE_DEALER) | R(ROLE_COUNTY) |
	    R(ROLE_TOWNSHIP) | R(ROLE_MAKER), attach_fields, photo_attach, 0,
	NULL, "已添加照片"
};
