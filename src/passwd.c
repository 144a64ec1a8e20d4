/*
 * passwd.c: password hashes (argon2id through libsodium, interactive
 * limits). The plain password never reaches the database or the log.
 * Test builds only (compiled with -DNJBT_TEST_KDF: the sanitized build and
 * the unit tests' copy of this file) hash with libsodium's minimum limits,
 * so that the suite does not spend its time in argon2id; the release
 * binary always uses the interactive ones (tests/security/kdf.sh proves
 * it). A hash carries its own limits, so either verifies in both.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "njbt.h"

#ifdef NJBT_TEST_KDF
#define PASSWD_OPS	crypto_pwhash_OPSLIMIT_MIN
#define PASSWD_MEM	crypto_pwhash_MEMLIMIT_MIN
#else
#define PASSWD_OPS	crypto_pwhash_OPSLIMIT_INTERACTIVE
#define PASSWD_MEM	crypto_pwhash_MEMLIMIT_INTERACTIVE
#endif

/* Hash plain into buf (at least PASSWD_HASH_MAX bytes): 0 or -1. */
int
passwd_hash(const char *plain, char *buf, size_t len)
{
	if (sodium_init() < 0 || len < crypto_pwhash_STRBYTES)
		return -1;
	if (crypto_pwhash_str(buf, plain, strlen(plain), PASSWD_OPS,
	    PASSWD_MEM) != 0)
		return -1;
	return 0;
}

/* 1 if plain matches hash, else 0. */
int
passwd_verify(const char *hash, const char *plain)
{
	if (sodium_init() < 0 || hash == NULL || *hash == '\0')
		return 0;
	return crypto_pwhash_str_verify(hash, plain, strlen(plain)) == 0;
}

/*
 * A random password of 12 characters no one confuses (no 0/O, 1/l/I), for
 * a user added without one (len at least 13).
 */
void
passwd_random(char *buf, size_t len)
{
	static const char set[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTU"
	    "VWXYZ23456789";
	size_t i;

	if (sodium_init() < 0 || len < 13)
		abort();
	for (i = 0; i < 12; i++)
		buf[i] = set[randombytes_uniform(sizeof set - 1)];
	buf[12] = '\0';
}
