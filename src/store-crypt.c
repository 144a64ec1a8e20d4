/*
 * store-crypt.c: private data at rest. A key file beside the database
 * (FILE.db.key, mode 0600, made by `njbt init`) holds a master key; from it
 * come five subkeys: one encrypts private fields (XChaCha20-Poly1305, with
 * "table.column#rowid" as associated data so that values can be swapped
 * neither between columns nor between rows: R-SEC-8.5a issue 8 (5)), one
 * makes keyed hashes (BLAKE2b) for exact look-ups and duplicate detection,
 * one chains the audit log, one makes the row MACs (store-mac.c) and one
 * the audit anchor (store-anchor.c). The .db file alone reveals no ID
 * number, phone or account.
 *
 * This file is the crypto alone: every key comes in as a parameter, none
 * is read from the store. The store keeps the subkeys (store.c) and puts
 * them to use for the database's values in store-seal.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "store.h"

#define KEY_MAGIC	"njbt-key-1\n"
#define KEY_CONTEXT	"njbt-key"

int
crypt_keyfile_path(const char *db, char *buf, size_t len)
{
	return xsnprintf(buf, len, "%s.key", db) < 0 ? -1 : 0;
}

/* Make a new master key file, refusing to overwrite one. */
int
crypt_create_key(const char *path, char *err, size_t errlen)
{
	unsigned char	 key[32];
	char		 hex[65], text[128];
	int		 fd, n;

	if (sodium_init() < 0)
		abort();
	randombytes_buf(key, sizeof key);
	sodium_bin2hex(hex, sizeof hex, key, sizeof key);
	n = xsnprintf(text, sizeof text, "%s%s\n", KEY_MAGIC, hex);
	sodium_memzero(key, sizeof key);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd == -1) {
		xsnprintf(err, errlen, "无法创建密钥文件 %s：%s", path,
		    strerror(errno));
		return -1;
	}
	if (write(fd, text, (size_t)n) != n || fsync(fd) != 0) {
		xsnprintf(err, errlen, "无法写入密钥文件 %s：%s", path,
		    strerror(errno));
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	sodium_memzero(text, sizeof text);
	sodium_memzero(hex, sizeof hex);
	return 0;
}

/*
 * Read the master key and derive the subkeys into sub[0..n-1], subkey
 * i + 1 into sub[i] (the caller's: the store keeps them).
 */
int
crypt_load_key(const char *path, unsigned char *const sub[], size_t nsub,
    char *err, size_t errlen)
{
	unsigned char	 master[32];
	char		 text[128];
	struct stat	 sb;
	ssize_t		 n;
	size_t		 bin = 0, i;
	int		 fd, r = -1;

	if (sodium_init() < 0)
		abort();
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1) {
		xsnprintf(err, errlen, "找不到密钥文件 %s：数据库中的身份证号、电话"
		    "和账号无法读取（请从备份恢复密钥文件）", path);
		return -1;
	}
	if (fstat(fd, &sb) != 0 || (sb.st_mode & 077) != 0) {
		xsnprintf(err, errlen, "密钥文件 %s 的权限过宽，应为 0600", path);
		goto out;
	}
	n = read(fd, text, sizeof text - 1);
	if (n < 0)
		n = 0;
	text[n] = '\0';
	if (strncmp(text, KEY_MAGIC, strlen(KEY_MAGIC)) != 0 ||
	    sodium_hex2bin(master, sizeof master, text + strlen(KEY_MAGIC),
	    64, NULL, &bin, NULL) != 0 || bin != sizeof master) {
		xsnprintf(err, errlen, "密钥文件 %s 已损坏", path);
		goto out;
	}
	for (i = 0; i < nsub; i++)
		crypto_kdf_derive_from_key(sub[i], CRYPT_KEY_LEN, i + 1,
		    KEY_CONTEXT, master);
	r = 0;
out:
	sodium_memzero(master, sizeof master);
	sodium_memzero(text, sizeof text);
	close(fd);
	return r;
}

/*
 * The associated data of a sealed value: its column and its row,
 * "buyers.account#12" (R-SEC-8.5a issue 8 (5)). A value copied into
 * another row or column no longer opens.
 */
void
crypt_ad(const char *col, int64_t id, char *buf, size_t len)
{
	xsnprintf(buf, len, "%s#%lld", col, (long long)id);
}

/*
 * Encrypt plain under key and the associated data ad into a new blob:
 * nonce, then ciphertext and tag. The caller frees *out.
 */
int
crypt_seal_key(const unsigned char *key, const char *plain, const char *ad,
    unsigned char **out, size_t *outlen)
{
	size_t			 n = strlen(plain);
	unsigned char		*b;
	unsigned long long	 clen;

	if (key == NULL)
		abort();
	b = xcalloc(1, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + n +
	    crypto_aead_xchacha20poly1305_ietf_ABYTES);
	randombytes_buf(b, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
	crypto_aead_xchacha20poly1305_ietf_encrypt(
	    b + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &clen,
	    (const unsigned char *)plain, n, (const unsigned char *)ad,
	    strlen(ad), NULL, b, key);
	*out = b;
	*outlen = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + clen;
	return 0;
}

/* Decrypt a blob sealed under key and ad into buf; -1 if it does not open. */
int
crypt_open_key(const unsigned char *key, const void *blob, size_t len,
    const char *ad, char *buf, size_t buflen)
{
	const unsigned char	*b = blob;
	unsigned long long	 plen;
	size_t			 np = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
	size_t			 na = crypto_aead_xchacha20poly1305_ietf_ABYTES;

	if (buflen == 0)
		return -1;
	buf[0] = '\0';
	if (key == NULL || blob == NULL || len < np + na ||
	    len - np - na >= buflen)
		return -1;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt((unsigned char *)buf,
	    &plen, NULL, b + np, len - np, (const unsigned char *)ad,
	    strlen(ad), b, key) != 0) {
		buf[0] = '\0';
		return -1;
	}
	buf[plen] = '\0';
	return 0;
}

/* Keyed hash of a normalised value, separated by kind ("idno", ...). */
void
crypt_hash_key(const unsigned char *key, const char *kind, const char *norm,
    unsigned char *out)
{
	crypto_generichash_state st;

	if (key == NULL)
		abort();
	crypto_generichash_init(&st, key, CRYPT_KEY_LEN, CRYPT_HASH_LEN);
	crypto_generichash_update(&st, (const unsigned char *)kind,
	    strlen(kind) + 1);
	crypto_generichash_update(&st, (const unsigned char *)norm,
	    strlen(norm));
	crypto_generichash_final(&st, out, CRYPT_HASH_LEN);
}
