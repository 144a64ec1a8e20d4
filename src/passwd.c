/*
 * passwd.c: password hashes (argon2id through libsodium, interactive
 * limits). The plain password never reaches the database or the log.
 */
#include <string.h>

#include <sodium.h>

#include "njbt.h"

/* Hash plain into buf (at least PASSWD_HASH_MAX bytes): 0 or -1. */
int
passwd_hash(const char *plain, char *buf, size_t len)
{
	if (sodium_init() < 0 || len < crypto_pwhash_STRBYTES)
		return -1;
	if (crypto_pwhash_str(buf, plain, strlen(plain),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
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
