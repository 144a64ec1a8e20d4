/*
 * test-conf.c: njbt.conf(5) (src/conf.c): the defaults; a file's keys;
 * every kind of mistake as file:line, all of them counted; a flag's name
 * with '-' sets its key; the listen address forms; the forms of the
 * server handed to its sessions (form.c forms_set_current).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "form.h"

/* Write text to a new file; its path in path. */
static void
write_conf(char *path, size_t len, const char *text)
{
	FILE	*fp;
	int	 fd;

	snprintf(path, len, "/tmp/njbt-conf-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* Read text as a configuration file: the errors; err the messages. */
static int
read_text(const char *text, struct conf *c, char *err, size_t errlen,
    char *path, size_t pathlen)
{
	int n;

	write_conf(path, pathlen, text);
	conf_defaults(c);
	n = conf_read(path, c, err, errlen);
	unlink(path);
	return n;
}

static void
defaults(void **state)
{
	struct conf c;

	(void)state;
	conf_defaults(&c);
	assert_string_equal(c.listen, "127.0.0.1:2222");
	assert_string_equal(c.host_key, "");
	assert_int_equal(c.idle, 900);
	assert_int_equal(c.grace, 120);
	assert_int_equal(c.max_failures, 5);
	assert_int_equal(c.max_register, 4);
	assert_int_equal(c.inbox_file_mb, 20);
	assert_int_equal(c.inbox_mb, 100);
	assert_int_equal(c.inbox_files, 200);
	/* issue 15 item 5: the cores, 30 s */
	assert_int_equal(c.max_hashes, 0);
	assert_int_equal(c.hash_wait, 30);
	/* the source tree's build: ./var and ./forms, no file */
	assert_string_equal(c.db, "./var/njbt.db");
	assert_string_equal(c.forms, "./forms");
	assert_int_equal(c.backup_keep_years, 10);
	assert_string_equal(c.backup_time, "02:30");
	assert_string_equal(conf_default_file(), "");
}

static void
keys_read(void **state)
{
	struct conf	c;
	char		err[CONF_ERR_MAX], path[64];

	(void)state;
	assert_int_equal(read_text("# a comment\n\nlisten 0.0.0.0:22\n"
	    "idle 60  # trailing comment\nbackup_dir \"/srv/备份 njbt\"\r\n"
	    "backup_time 23:59\nbackup_keep_years 12\n", &c, err, sizeof err,
	    path, sizeof path), 0);
	assert_string_equal(err, "");
	assert_string_equal(c.listen, "0.0.0.0:22");
	assert_int_equal(c.idle, 60);
	assert_string_equal(c.backup_dir, "/srv/备份 njbt");
	assert_string_equal(c.backup_time, "23:59");
	assert_int_equal(c.backup_keep_years, 12);
	assert_int_equal(c.grace, 120);		/* not in the file */
}

/* Every mistake, each at its line, all of them counted. */
static void
mistakes(void **state)
{
	struct conf	c;
	char		err[CONF_ERR_MAX], path[64], want[256];
	static const char *const lines[] = {
		"2: 未知的配置项“bogus”",
		"3: idle 应为 0 到 604800 的整数",
		"4: grace 应为 10 到 3600 的整数",
		"5: listen 监听地址应为",
		"6: backup_time 应为 时:分",
		"7: 引号没有闭合",
		"8: 用法：rate 值",
		"9: 配置项 idle 重复",
		"10: 未知的配置项“max-failures”",
		"11: db 不能为空",
		"12: backup_keep_days 应为 1 到 3650 的整数",
	};
	size_t i;

	(void)state;
	assert_int_equal(read_text("# bad\nbogus 1\nidle 99999999\n"
	    "grace 5\nlisten host:port\nbackup_time 24:00\nrate \"12\n"
	    "rate 1 2\nidle 5\nmax-failures 3\ndb \"\"\n"
	    "backup_keep_days 0\n", &c, err, sizeof err, path, sizeof path),
	    (int)(sizeof lines / sizeof lines[0]));
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		snprintf(want, sizeof want, "%s:%s", path, lines[i]);
		if (strstr(err, want) == NULL)
			fail_msg("no [%s] in:\n%s", want, err);
	}
}

/* R-001-A1-15a 001 附件1 第十五条: yearly backups kept at least ten years. */
static void
backup_years_at_least_ten(void **state)
{
	struct conf	c;
	char		why[256];

	(void)state;
	conf_defaults(&c);
	assert_int_equal(conf_set(&c, "backup_keep_years", "9", why,
	    sizeof why), -1);
	assert_int_equal(c.backup_keep_years, 10);
	assert_int_equal(conf_set(&c, "backup_keep_years", "10", why,
	    sizeof why), 0);
}

static void
bad_files(void **state)
{
	struct conf	c;
	char		err[CONF_ERR_MAX], path[64];

	(void)state;
	conf_defaults(&c);
	assert_int_equal(conf_read("/nonexistent/njbt.conf", &c, err,
	    sizeof err), 1);
	assert_non_null(strstr(err, "/nonexistent/njbt.conf: 无法读取配置文件"));
	assert_int_equal(read_text("idle 5\n\xc4\xe3\n", &c, err, sizeof err,
	    path, sizeof path), 1);
	assert_non_null(strstr(err, ":1: 文件不是有效的 UTF-8 编码"));
	/* a file too big to be a configuration is not read at all */
	{
		char	*big = malloc(1024 * 1024 + 16);

		assert_non_null(big);
		memset(big, '#', 1024 * 1024 + 8);
		big[1024 * 1024 + 8] = '\0';
		assert_int_equal(read_text(big, &c, err, sizeof err, path,
		    sizeof path), 1);
		assert_non_null(strstr(err, "无法读取配置文件：过大"));
		free(big);
	}
}

/* A flag's name (--max-failures) sets its key; the same checks. */
static void
flags_set_keys(void **state)
{
	struct conf	c;
	char		why[256];

	(void)state;
	conf_defaults(&c);
	assert_int_equal(conf_set(&c, "max-failures", "3", why, sizeof why),
	    0);
	assert_int_equal(c.max_failures, 3);
	assert_int_equal(conf_set(&c, "idle", "lots", why, sizeof why), -1);
	assert_string_equal(why, "应为 0 到 604800 的整数");
	assert_int_equal(conf_set(&c, "nope", "1", why, sizeof why), -1);
	assert_non_null(conf_key_name(0));
	assert_null(conf_key_name(1000));
}

static void
listen_forms(void **state)
{
	char host[64], port[16];

	(void)state;
	assert_int_equal(conf_listen_split("10.0.0.1:22", host, sizeof host,
	    port, sizeof port), 0);
	assert_string_equal(host, "10.0.0.1");
	assert_string_equal(port, "22");
	assert_int_equal(conf_listen_split("[::1]:2222", host, sizeof host,
	    port, sizeof port), 0);
	assert_string_equal(host, "::1");
	assert_int_equal(conf_listen_split("2222", host, sizeof host, port,
	    sizeof port), 0);
	assert_string_equal(host, "127.0.0.1");
	assert_string_equal(port, "2222");
	assert_int_equal(conf_listen_split("[::1]2222", host, sizeof host,
	    port, sizeof port), -1);
	assert_int_equal(conf_listen_split("host:", host, sizeof host, port,
	    sizeof port), -1);
	assert_int_equal(conf_listen_split("host:2x", host, sizeof host, port,
	    sizeof port), -1);
	assert_int_equal(conf_listen_split("", host, sizeof host, port,
	    sizeof port), -1);
}

/* conf_current: the default file is read once; what serve set wins. */
static void
current(void **state)
{
	struct conf	 c;
	char		 path[64];

	(void)state;
	write_conf(path, sizeof path, "idle 77\n");
	setenv("NJBT_CONF", path, 1);
	assert_string_equal(conf_default_file(), path);
	assert_int_equal(conf_current()->idle, 77);
	conf_defaults(&c);
	c.idle = 5;
	conf_set_current(&c);
	assert_int_equal(conf_current()->idle, 5);
	unsetenv("NJBT_CONF");
	unlink(path);
}

/* The forms the server checked are taken once, by one session. */
static void
checked_forms(void **state)
{
	struct forms *f = forms_new(), *got;

	(void)state;
	assert_null(forms_take_current());
	forms_set_current(f);
	forms_set_current(forms_new());		/* the old ones freed */
	got = forms_take_current();
	assert_non_null(got);
	assert_null(forms_take_current());
	forms_free(&got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(keys_read),
		cmocka_unit_test(mistakes),
		cmocka_unit_test(backup_years_at_least_ten),
		cmocka_unit_test(bad_files),
		cmocka_unit_test(flags_set_keys),
		cmocka_unit_test(listen_forms),
		cmocka_unit_test(current),
		cmocka_unit_test(checked_forms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
