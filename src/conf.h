/*
 * conf.h: njbt.conf(5), the server's configuration (conf.c). One table of
 * keys (name, type, range, default, the flag it stands for); a file of
 * "key value" lines in the forms files' syntax family (words or "quoted
 * text", # comments), each error reported as file:line: message. The
 * flags of `njbt serve` set the same keys and override the file.
 *
 * Where things are by default depends on the build: the source tree's
 * build/njbt reads no configuration file and keeps ./var and ./forms; the
 * installed binary (make install, the Debian package: conf.c compiled
 * again with NJBT_INSTALLED) reads /etc/njbt/njbt.conf and keeps its data
 * in /var/lib/njbt, its forms in PREFIX/share/njbt/forms.
 */
#ifndef NJBT_CONF_H
#define NJBT_CONF_H

#include <stddef.h>

#define CONF_PATH_MAX	4096
#define CONF_ERR_MAX	8192	/* room for every error of a file */

struct conf {
	char	listen[300];		/* ADDR:PORT, [V6]:PORT or PORT */
	char	host_key[CONF_PATH_MAX];	/* "" : the database's .hostkey */
	char	db[CONF_PATH_MAX];
	char	forms[CONF_PATH_MAX];
	char	socket[108];		/* "" none; ForceCommand (issue 14 (6)) */
	int	idle;
	int	grace;
	int	max_failures;
	int	window;
	int	lock;
	int	rate;
	int	max_account_failures;
	int	max_preauth;
	int	max_preauth_addr;
	int	max_register;
	/* the quotas of a user's SFTP inbox (ssh-sftp.c) */
	int	inbox_file_mb;
	int	inbox_mb;
	int	inbox_files;
	/* the backup schedule (read by `njbt backup --scheduled`) */
	char	backup_dir[CONF_PATH_MAX];
	int	backup_keep_days;
	int	backup_keep_years;
	char	backup_time[8];		/* HH:MM */
	/* issue 15 item 5: password hashes at once, how long a login waits */
	int	max_hashes;
	int	hash_wait;
};

/* conf.c */
void	 conf_defaults(struct conf *);
int	 conf_read(const char *, struct conf *, char *, size_t);
int	 conf_parse(struct conf *, const char *, const char *, size_t, char *,
	     size_t);
int	 conf_set(struct conf *, const char *, const char *, char *, size_t);
const char *conf_key_name(size_t);
const char *conf_default_file(void);
const struct conf *conf_current(void);
void	 conf_set_current(const struct conf *);
int	 conf_listen_split(const char *, char *, size_t, char *, size_t);

#endif
