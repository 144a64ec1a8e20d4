/*
 * conf.c: njbt.conf(5) (see conf.h). The keys are the rows of conf_keys
 * below, each with its type, its range and the flag or use it stands for;
 * njbt.conf(5) documents the same table. conf_read reads a file into a
 * struct conf whose defaults are set, counting every error as a line
 * "file:line: message"; conf_set sets one key, from a file or a flag,
 * with the same checks. conf_current is what the process runs with: the
 * defaults and the default file, or what `njbt serve` set.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "njbt.h"
#include "conf.h"
#include "form.h"

/*
 * The defaults of the build: the source tree's (none of these defined)
 * or the installed paths (make install compiles this file again with
 * -DNJBT_INSTALLED and the directories of PREFIX).
 */
#ifndef NJBT_CONF_FILE
#define NJBT_CONF_FILE	""		/* the source tree reads none */
#endif
#ifndef NJBT_DATA_DIR
#define NJBT_DATA_DIR	"./var"
#endif
#ifndef NJBT_FORMS_DIR
#define NJBT_FORMS_DIR	"./forms"
#endif
#ifndef NJBT_BACKUP_DIR
#define NJBT_BACKUP_DIR	"./var/backups"
#endif

enum conf_type {
	CONF_INT,		/* a whole number from lo to hi */
	CONF_PATH,		/* a file or directory, not empty */
	CONF_LISTEN,		/* ADDR:PORT, [V6]:PORT or PORT */
	CONF_CLOCK,		/* HH:MM, a time of day */
	CONF_OPT_PATH		/* a file, or "" for the default */
};

struct conf_key {
	const char	*name;
	enum conf_type	 type;
	size_t		 off;		/* in struct conf */
	size_t		 size;		/* of a text */
	int		 lo, hi;
	const char	*dflt;		/* as the file would write it */
};

#define CK_INT(n, lo, hi, d) \
	{ #n, CONF_INT, offsetof(struct conf, n), 0, lo, hi, #d }
#define CK_TEXT(n, t, d) \
	{ #n, t, offsetof(struct conf, n), sizeof ((struct conf *)0)->n, 0, 0, d }

/* The keys, as njbt.conf(5) lists them. */
static const struct conf_key conf_keys[] = {
	CK_TEXT(listen, CONF_LISTEN, "127.0.0.1:2222"),	/* --listen */
	CK_TEXT(host_key, CONF_OPT_PATH, ""),		/* --host-key */
	CK_TEXT(db, CONF_PATH, NJBT_DATA_DIR "/njbt.db"), /* --db */
	CK_TEXT(forms, CONF_PATH, NJBT_FORMS_DIR),	/* $NJBT_FORMS */
	CK_TEXT(socket, CONF_OPT_PATH, ""),		/* --socket */
	CK_INT(idle, 0, 86400 * 7, 900),		/* --idle */
	CK_INT(grace, 10, 3600, 120),			/* --grace */
	CK_INT(max_failures, 0, 1000, 5),		/* --max-failures */
	CK_INT(window, 0, 86400 * 30, 900),		/* --window */
	CK_INT(lock, 0, 86400 * 365, 900),		/* --lock */
	CK_INT(rate, 0, 100000, 30),			/* --rate */
	CK_INT(max_account_failures, 0, 10000, 20),	/* R-SEC-8.8 */
	CK_INT(max_preauth, 0, 10000, 32),
	CK_INT(max_preauth_addr, 0, 10000, 8),
	CK_INT(max_register, 0, 10000, 4),
	CK_INT(inbox_file_mb, 1, 1024, 20),		/* ssh-sftp.c */
	CK_INT(inbox_mb, 1, 102400, 100),
	CK_INT(inbox_files, 1, 100000, 200),
	/* issue 14 (7): the backup schedule, for `njbt backup --scheduled` */
	CK_TEXT(backup_dir, CONF_PATH, NJBT_BACKUP_DIR),
	CK_INT(backup_keep_days, 1, 3650, 14),
	/* R-001-A1-15a 001 附件1 第十五条: yearly copies are kept at least
	 * ten years, so fewer is refused */
	CK_INT(backup_keep_years, 10, 100, 10),
	CK_TEXT(backup_time, CONF_CLOCK, "02:30"),
	/* issue 15 item 5: password hashes at once (auth-gate.c); 0 is the
	 * number of cores */
	CK_INT(max_hashes, 0, 1024, 0),
	CK_INT(hash_wait, 1, 600, 30),
};
#define NKEYS	(sizeof conf_keys / sizeof conf_keys[0])

static struct conf	conf_now;
static int		conf_now_set;

/* The name of key i, or NULL past the last. */
const char *
conf_key_name(size_t i)
{
	return i < NKEYS ? conf_keys[i].name : NULL;
}

/*
 * "ADDR:PORT", "[V6]:PORT" or "PORT" (on 127.0.0.1) into host and port;
 * -1 if it is none of them.
 */
int
conf_listen_split(const char *arg, char *host, size_t hostlen, char *port,
    size_t portlen)
{
	const char	*h = arg, *p, *end;
	size_t		 n;

	if (arg[0] == '[') {
		if ((end = strchr(arg, ']')) == NULL || end[1] != ':')
			return -1;
		h = arg + 1;
		n = (size_t)(end - h);
		p = end + 2;
	} else if ((end = strrchr(arg, ':')) != NULL) {
		n = (size_t)(end - arg);
		p = end + 1;
	} else {
		h = "127.0.0.1";
		n = strlen(h);
		p = arg;
	}
	if (n >= hostlen || *p == '\0' || strlen(p) >= portlen ||
	    strspn(p, "0123456789") != strlen(p))
		return -1;
	memcpy(host, h, n);
	host[n] = '\0';
	strlcpy0(port, p, portlen);
	return 0;
}

/* Is s a time of day, HH:MM? */
static int
conf_clock_ok(const char *s)
{
	return strlen(s) == 5 && strspn(s, "0123456789:") == 5 &&
	    s[2] == ':' && strchr(s + 3, ':') == NULL &&
	    (s[0] - '0') * 10 + (s[1] - '0') < 24 &&
	    (s[3] - '0') * 10 + (s[4] - '0') < 60;
}

/* Check value for k and store it in c; -1 with why (which does not
 * name the key: the caller does, as the file or the flag writes it). */
static int
conf_store(struct conf *c, const struct conf_key *k, const char *value,
    char *why, size_t whylen)
{
	char	*at = (char *)c + k->off, host[256], port[16];
	int64_t	 v;

	switch (k->type) {
	case CONF_INT:
		if (parse_int(value, &v) != 0 || v < k->lo || v > k->hi)
			return xsnprintf(why, whylen, "应为 %d 到 %d 的整数",
			    k->lo, k->hi), -1;
		*(int *)(void *)at = (int)v;
		return 0;
	case CONF_LISTEN:
		if (conf_listen_split(value, host, sizeof host, port,
		    sizeof port) != 0)
			return xsnprintf(why, whylen, "监听地址应为 地址:端口，"
			    "如 127.0.0.1:2222"), -1;
		break;
	case CONF_CLOCK:
		if (!conf_clock_ok(value))
			return xsnprintf(why, whylen, "应为 时:分，如 02:30"),
			    -1;
		break;
	case CONF_PATH:
		if (*value == '\0')
			return xsnprintf(why, whylen, "不能为空"), -1;
		break;
	case CONF_OPT_PATH:
		break;
	}
	if (strlen(value) >= k->size)
		return xsnprintf(why, whylen, "过长"), -1;
	strlcpy0(at, value, k->size);
	return 0;
}

/* The row of name ('-' taken as '_', as the flags write it), or NULL. */
static const struct conf_key *
conf_find(const char *name)
{
	char	key[64];
	size_t	i;

	strlcpy0(key, name, sizeof key);
	for (i = 0; key[i] != '\0'; i++)
		if (key[i] == '-')
			key[i] = '_';
	for (i = 0; i < NKEYS; i++)
		if (strcmp(conf_keys[i].name, key) == 0)
			return &conf_keys[i];
	return NULL;
}

/* Set key name to value (a file's line or a flag); -1 with why. */
int
conf_set(struct conf *c, const char *name, const char *value, char *why,
    size_t whylen)
{
	const struct conf_key *k = conf_find(name);

	if (k == NULL)
		return xsnprintf(why, whylen, "是未知的配置项"), -1;
	return conf_store(c, k, value, why, whylen);
}

void
conf_defaults(struct conf *c)
{
	char	why[NJ_MSG_MAX];
	size_t	i;

	memset(c, 0, sizeof *c);
	for (i = 0; i < NKEYS; i++)
		if (conf_store(c, &conf_keys[i], conf_keys[i].dflt, why,
		    sizeof why) != 0)
			abort();	/* a default out of its own range */
}

/* Add "file:line: message" as a line of err. */
static void
conf_err(char *err, size_t errlen, const char *file, int line,
    const char *why)
{
	size_t used = strlen(err);

	if (used + 1 < errlen)
		xsnprintf(err + used, errlen - used, "%s%s:%d: %s",
		    used ? "\n" : "", file, line, why);
}

/* Read the lines of text (of file, NUL-terminated, its own) into c. */
static int
conf_lines(struct conf *c, const char *file, char *text, char *err,
    size_t errlen)
{
	char		*line, *next, *argv[3], why[NJ_MSG_MAX];
	char		 bad_why[NJ_MSG_MAX - 64];
	const char	*bad;
	unsigned char	 seen[NKEYS];
	int		 argc, lineno = 0, errors = 0;
	const struct conf_key *k;

	memset(seen, 0, sizeof seen);
	for (line = text; line != NULL; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		bad = NULL;
		if ((argc = form_split(line, argv, 3, &bad)) == 0)
			continue;
		if (argc < 0)
			strlcpy0(why, bad, sizeof why);
		else if ((k = conf_find(argv[0])) == NULL ||
		    strchr(argv[0], '-') != NULL)
			xsnprintf(why, sizeof why, "未知的配置项“%s”", argv[0]);
		else if (argc != 2)
			xsnprintf(why, sizeof why, "用法：%s 值", argv[0]);
		else if (seen[k - conf_keys]++)
			xsnprintf(why, sizeof why, "配置项 %s 重复", argv[0]);
		else if (conf_store(c, k, argv[1], bad_why, sizeof bad_why) == 0)
			continue;
		else
			xsnprintf(why, sizeof why, "%s %s", k->name, bad_why);
		conf_err(err, errlen, file, lineno, why);
		errors++;
	}
	return errors;
}

/*
 * Read the len bytes of text (the contents of file) into c, whose defaults
 * the caller set. Returns the number of errors, each a line of err
 * (which starts empty).
 */
int
conf_parse(struct conf *c, const char *file, const char *text, size_t len,
    char *err, size_t errlen)
{
	char	*copy;
	int	 errors;

	err[0] = '\0';
	if (!utf8_valid(text, len)) {
		conf_err(err, errlen, file, 1, "文件不是有效的 UTF-8 编码");
		return 1;
	}
	copy = xcalloc(1, len + 1);
	memcpy(copy, text, len);
	errors = conf_lines(c, file, copy, err, errlen);
	free(copy);
	return errors;
}

/*
 * Read file into c (whose defaults the caller set). Returns the number of
 * errors, each a line of err (which starts empty).
 */
int
conf_read(const char *file, struct conf *c, char *err, size_t errlen)
{
	FILE	*fp;
	char	*text;
	long	 sz;
	int	 errors;

	err[0] = '\0';
	if ((fp = fopen(file, "rb")) == NULL || fseek(fp, 0, SEEK_END) != 0 ||
	    (sz = ftell(fp)) < 0 || sz > 1024 * 1024) {
		xsnprintf(err, errlen, "%s: 无法读取配置文件：%s", file,
		    fp == NULL ? strerror(errno) : "过大");
		if (fp != NULL)
			fclose(fp);
		return 1;
	}
	rewind(fp);
	text = xcalloc(1, (size_t)sz + 1);
	if (fread(text, 1, (size_t)sz, fp) != (size_t)sz) {
		xsnprintf(err, errlen, "%s: 无法读取配置文件", file);
		errors = 1;
	} else
		errors = conf_parse(c, file, text, (size_t)sz, err, errlen);
	free(text);
	fclose(fp);
	return errors;
}

/* $NJBT_CONF, else the build's (the source tree's: "", none). */
const char *
conf_default_file(void)
{
	const char *f = getenv("NJBT_CONF");

	return f != NULL && *f != '\0' ? f : NJBT_CONF_FILE;
}

/*
 * What the process runs with: what conf_set_current set, else the
 * defaults and the default file if there is one (its errors are for
 * `njbt serve -n` to tell; a file with errors is not used at all).
 */
const struct conf *
conf_current(void)
{
	struct conf	 c;
	char		 err[CONF_ERR_MAX];
	const char	*file = conf_default_file();

	if (conf_now_set)
		return &conf_now;
	conf_defaults(&conf_now);
	conf_now_set = 1;
	conf_defaults(&c);
	if (*file != '\0' && conf_read(file, &c, err, sizeof err) == 0)
		conf_now = c;
	return &conf_now;
}

void
conf_set_current(const struct conf *c)
{
	conf_now = *c;
	conf_now_set = 1;
}
