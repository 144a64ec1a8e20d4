/*
 * fuzz.h: what the libFuzzer harnesses of fuzz/ share. Each harness is one
 * fuzz-TARGET.c with LLVMFuzzerTestOneInput, built by `make fuzz` against
 * the project's objects compiled by clang under ASan and UBSan. fz_str()
 * gives the input as a string in a buffer of exactly its size, so that a
 * read past its end is caught; fz_need() turns a broken invariant into a
 * crash that libFuzzer reports and keeps; fz_db() makes the demo province
 * in a temporary database once per process, for the harnesses that need
 * the store (it is removed at exit).
 */
#ifndef NJBT_FUZZ_H
#define NJBT_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "njbt.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);
int	LLVMFuzzerInitialize(int *, char ***);

/* The input as a NUL-ended string (an inner NUL ends it early). */
static inline char *
fz_str(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* An invariant of the code under test: a crash with its text if broken. */
#define fz_need(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "fuzz: %s:%d: broken: %s\n", __FILE__,	\
		    __LINE__, #cond);					\
		abort();						\
	}								\
} while (0)

/* Fix the clock and zone as the tests do, so that runs repeat. */
static inline void
fz_clock(void)
{
	setenv("NJBT_NOW", "2026-03-02T09:30:00", 1);
	setenv("TZ", "Asia/Shanghai", 1);
}

static char fz_dir[64];

static inline void
fz_db_remove(void)
{
	char cmd[128];

	db_close();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fz_dir);
	if (fz_dir[0] != '\0' && system(cmd) != 0)
		fprintf(stderr, "fuzz: could not remove %s\n", fz_dir);
}

/* The demo province in a fresh temporary database, open; once. */
static inline void
fz_db(void)
{
	char	path[128], err[NJ_MSG_MAX];
	int	from, to;

	fz_clock();
	snprintf(fz_dir, sizeof fz_dir, "/tmp/njbt-fuzz-XXXXXX");
	if (mkdtemp(fz_dir) == NULL)
		abort();
	snprintf(path, sizeof path, "%s/njbt.db", fz_dir);
	if (db_init(path, &from, &to, err, sizeof err) != 0 ||
	    demo_load(err, sizeof err) != 0) {
		fprintf(stderr, "fuzz: demo database: %s\n", err);
		abort();
	}
	atexit(fz_db_remove);
}

#endif
