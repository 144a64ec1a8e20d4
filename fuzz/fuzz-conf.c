/*
 * fuzz-conf.c: the njbt.conf(5) parser (conf.c) on any text, as if it
 * were the configuration file. A file with errors must say so, each as
 * a line "fuzz.conf:N: ..." in valid UTF-8; every value it took is in its
 * key's range (the defaults are, and a bad value is never stored), and
 * the listen address it kept splits.
 */
#include "conf.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct conf	c;
	char		err[CONF_ERR_MAX], host[256], port[16];
	int		n;

	conf_defaults(&c);
	n = conf_parse(&c, "fuzz.conf", (const char *)data, size, err,
	    sizeof err);
	fz_need(n >= 0);
	fz_need((n > 0) == (err[0] != '\0'));
	fz_need(n == 0 || strncmp(err, "fuzz.conf:", 10) == 0);
	fz_need(strlen(err) < sizeof err && utf8_valid(err, strlen(err)));
	fz_need(c.idle >= 0 && c.idle <= 86400 * 7);
	fz_need(c.grace >= 10 && c.grace <= 3600);
	fz_need(c.backup_keep_years >= 10 && c.backup_keep_years <= 100);
	fz_need(c.inbox_file_mb >= 1 && c.inbox_files >= 1);
	fz_need(c.db[0] != '\0' && c.forms[0] != '\0');
	fz_need(strlen(c.backup_time) == 5);
	fz_need(conf_listen_split(c.listen, host, sizeof host, port,
	    sizeof port) == 0);
	return 0;
}
