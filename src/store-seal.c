/*
 * store-seal.c: the private values of the database under the open store's
 * keys: sealed for a column of a row, opened, hashed for look-ups, and the
 * struct sealed the actions bind. The crypto itself is store-crypt.c's,
 * given the key; this file only chooses the store's.
 */
#include <stdlib.h>
#include <string.h>

#include "store.h"

/* The field encryption key, NULL when the store was opened without one. */
static const unsigned char *
store_kenc(void)
{
	return store->haskey ? store->kenc : NULL;
}

/*
 * Encrypt plain under the associated data ad with the store's key into a
 * new blob (crypt_seal_key). The caller frees *out.
 */
int
crypt_seal_ad(const char *plain, const char *ad, unsigned char **out,
    size_t *outlen)
{
	return crypt_seal_key(store_kenc(), plain, ad, out, outlen);
}

/* Decrypt a blob sealed under ad into buf; -1 if it does not open. */
int
crypt_open_ad(const void *blob, size_t len, const char *ad, char *buf,
    size_t buflen)
{
	return crypt_open_key(store_kenc(), blob, len, ad, buf, buflen);
}

/* Seal plain for column col ("buyers.account") of row id. */
int
crypt_seal(const char *plain, const char *col, int64_t id,
    unsigned char **out, size_t *outlen)
{
	char ad[256];

	crypt_ad(col, id, ad, sizeof ad);
	return crypt_seal_ad(plain, ad, out, outlen);
}

/* Open a blob of column col of row id into buf; -1 if it does not open. */
int
crypt_open(const void *blob, size_t len, const char *col, int64_t id,
    char *buf, size_t buflen)
{
	char ad[256];

	crypt_ad(col, id, ad, sizeof ad);
	return crypt_open_ad(blob, len, ad, buf, buflen);
}

/* Keyed hash of a normalised value, separated by kind ("idno", ...). */
void
crypt_hash(const char *kind, const char *norm, unsigned char *out)
{
	crypt_hash_key(store->haskey ? store->khash : NULL, kind, norm, out);
}

/*
 * A private value ready to store in column col of row id: ciphertext,
 * keyed hash and last four characters. plain NULL gives an empty record
 * (all NULL when bound).
 */
void
sealed_make(struct sealed *s, const char *col, int64_t id, const char *kind,
    const char *plain)
{
	memset(s, 0, sizeof *s);
	if (plain == NULL)
		return;
	crypt_seal(plain, col, id, &s->blob, &s->len);
	crypt_hash(kind, plain, s->hash);
	text_last4(plain, s->last4, sizeof s->last4);
	s->set = 1;
}

void
sealed_free(struct sealed *s)
{
	free(s->blob);
	memset(s, 0, sizeof *s);
}
