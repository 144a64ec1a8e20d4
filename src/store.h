/*
 * store.h: the store layer. The process's one SQLite handle, the table of
 * prepared statements (store-sql.c), migrations, transactions, encryption
 * of private fields and the hash-chained audit log. Only the actions,
 * lists, printers and batch commands include this; the screens and the
 * SSH server never do.
 */
#ifndef NJBT_STORE_H
#define NJBT_STORE_H

#include <sqlite3.h>
#include <stdarg.h>

#include "njbt.h"
#include "store-sql.h"

/* store.c */
struct store {
	sqlite3		*db;
	char		 path[4096];
	sqlite3_stmt	*stmt[SQL__COUNT];
	unsigned char	 kenc[32];	/* field encryption */
	unsigned char	 khash[32];	/* look-up hashes */
	unsigned char	 kaudit[32];	/* audit chain */
	unsigned char	 kmac[32];	/* row MACs (store-mac.c) */
	unsigned char	 kanchor[32];	/* audit anchor */
	int		 haskey;
	int		 intx;
	int		 macs_due;	/* keeps row MACs: latest version, key */
	uint32_t	 macs;		/* tables whose MAC triggers are made */
	uint32_t	 macs_tx;	/* ... inside the open transaction */
	uint32_t	 wmask[SQL__COUNT];	/* MAC tables each writes */
	int64_t		 audit_head;	/* audit row added in this tx */
	unsigned char	 audit_hash[32];	/* and its hash */
};
extern struct store *store;

#define STORE_CREATE	0x01	/* create the file and its key */
#define STORE_NOKEY	0x02	/* open without the key file */
#define STORE_ANYVER	0x04	/* do not insist on the latest version */
#define STORE_SCREENS	0x08	/* the screens' connection: a 1 MiB cache */
#define STORE_COPY	0x10	/* a copy (a backup): its drafts in memory */

int	 store_open(const char *, int, char *, size_t);
void	 store_use_keyfile(const char *);
void	 store_close(void);
int	 store_begin(void);
int	 store_begin_read(void);
int	 store_commit(void);
void	 store_rollback(void);
const char *store_errmsg(void);
int	 store_version(void);
int	 store_latest(void);
int	 store_migrate(char *, size_t);
int	 store_changes(void);
int64_t	 store_last_id(void);
int	 store_backup(const char *, char *, size_t);
int	 store_key_check(char *, size_t);

/* store-sql.c: the statement table */
sqlite3_stmt *sql_get(enum sql);
sqlite3_stmt *sql_query_n(enum sql, const struct sql_arg *, int);
sqlite3_stmt *sql_query_shared_n(enum sql, const struct sql_arg *, int);
int	 sql_exec_n(enum sql, const struct sql_arg *, int);
int	 sql_step(sqlite3_stmt *);
int	 sql_int_n(int64_t *, enum sql, const struct sql_arg *, int);
int	 sql_text_n(char *, size_t, enum sql, const struct sql_arg *, int);
const char *sql_name(enum sql);
/* the typed forms every caller uses: sql_exec(SQL_X, a, b, ...) */
#define sql_query(...)		sql_query_n(SQL_BIND(__VA_ARGS__))
#define sql_query_shared(...)	sql_query_shared_n(SQL_BIND(__VA_ARGS__))
#define sql_exec(...)		sql_exec_n(SQL_BIND(__VA_ARGS__))
#define sql_int(v, ...)		sql_int_n((v), SQL_BIND(__VA_ARGS__))
#define sql_text(b, len, ...)	sql_text_n((b), (len), SQL_BIND(__VA_ARGS__))
void	 sql_finalize_all(void);
void	 sql_reset_all(void);
const char *sql_col(sqlite3_stmt *, int);
void	 sql_col_copy(sqlite3_stmt *, int, char *, size_t);

/* store-crypt.c: the crypto, every key a parameter */
#define CRYPT_HASH_LEN	16
#define CRYPT_KEY_LEN	32
int	 crypt_keyfile_path(const char *, char *, size_t);
int	 crypt_create_key(const char *, char *, size_t);
int	 crypt_load_key(const char *, unsigned char *const [], size_t, char *,
	     size_t);
void	 crypt_ad(const char *, int64_t, char *, size_t);
int	 crypt_seal_key(const unsigned char *, const char *, const char *,
	     unsigned char **, size_t *);
int	 crypt_open_key(const unsigned char *, const void *, size_t,
	     const char *, char *, size_t);
void	 crypt_hash_key(const unsigned char *, const char *, const char *,
	     unsigned char *);

/* store-seal.c: private values under the open store's keys */
int	 crypt_seal(const char *, const char *, int64_t, unsigned char **,
	     size_t *);
int	 crypt_open(const void *, size_t, const char *, int64_t, char *,
	     size_t);
int	 crypt_seal_ad(const char *, const char *, unsigned char **,
	     size_t *);
int	 crypt_open_ad(const void *, size_t, const char *, char *, size_t);
void	 crypt_hash(const char *, const char *, unsigned char *);
struct sealed {
	unsigned char	*blob;
	size_t		 len;
	unsigned char	 hash[CRYPT_HASH_LEN];
	char		 last4[32];
	int		 set;
};
void	 sealed_make(struct sealed *, const char *, int64_t, const char *,
	     const char *);
void	 sealed_free(struct sealed *);
#define SEALED_HASH(s)	((s)->set ? (const void *)(s)->hash : NULL)
#define SEALED_LAST4(s)	((s)->set ? (s)->last4 : NULL)

/* store-audit.c */
int	 audit_write(const struct actor *, const char *, const char *,
	     const char *);
int	 audit_verify(int64_t *, int64_t *, char *, size_t);
int	 audit_verify_from(int64_t, int64_t *, int64_t *, char *, size_t);

/* store-anchor.c: the audit chain's anchor outside the database */
struct anchor {
	int64_t		 head;		/* the last audit row's id */
	int64_t		 count;		/* rows */
	unsigned char	 hash[32];	/* hash of the last row */
	char		 at[32];
	char		 mac[65];	/* hex, as read or written */
};
int	 anchor_path(const char *, char *, size_t);
int	 anchor_read(const char *, struct anchor *, char *, size_t);
int	 anchor_write(const char *, struct anchor *, char *, size_t);
int	 anchor_from_db(struct anchor *);
int	 anchor_advance(struct anchor *, int, char *, size_t);
void	 anchor_after_commit(void);
int	 anchor_verify(char *, size_t);
int	 anchor_describe(char *, size_t);

/* store-mac.c: keyed MACs over security-relevant columns */
int	 mac_register(void);
int	 mac_triggers(void);
int	 mac_need(uint32_t);
void	 mac_watch_begin(void);
uint32_t mac_watch_end(void);
int	 mac_rebuild(void);
int	 mac_verify(char *, size_t);

/* store-reseal.c: migration 005's C step */
int	 store_reseal_rows(void);
int	 sealed_verify(char *, size_t);

/* store.c */
int64_t	 store_next_id(const char *);

/* store-session.c (issue 15): drafts in their own file (synchronous=
 * NORMAL) and their transactions; the screens' smaller cache, given back
 * when idle */
#define STORE_SCREENS_CACHE	"PRAGMA cache_size=-1024"
int	 store_drafts_attach(const char *, int, char *, size_t);
int	 store_scratch_begin(void);
int	 store_scratch_commit(void);
void	 store_scratch_rollback(void);
int	 store_screens(char *, size_t);
void	 store_trim(void);

/* store-photo.c: photos kept once by content hash beside the database */
#define PHOTO_MAX	(10 * 1024 * 1024)	/* bytes, one photo */
#define PHOTO_HEX	65	/* SHA-256 in hex, with its NUL */
const char *photo_type(const unsigned char *, size_t);
int	 photo_put(const unsigned char *, size_t, char [PHOTO_HEX]);
int	 photo_verify(int64_t *, char *, size_t);

/* store-fn.c: SQL functions passed in from above */
typedef void (*store_fn)(sqlite3_context *, int, sqlite3_value **);
int	 store_function(const char *, int, store_fn);

/* store-migrate.c (generated from db/) */
struct migration {
	int		 version;
	const char	*name;
	const char	*sql;
};
extern const struct migration migrations[];
extern const size_t nmigrations;

#endif
