/*
 * sample.c: reproducible samples. A finance spot check (004 六(一)2(3):
 * 不低于10%) and the review of a batch (004 附件4 四(三)) draw machines at
 * random, and anyone must be able to draw the same machines again from the
 * recorded seed: a splitmix64 generator drives a partial Fisher-Yates
 * shuffle of the ids in ascending order; a lottery draws a whole order.
 */
#include <stdlib.h>
#include <string.h>

#include "domain.h"

static uint64_t
splitmix64(uint64_t *s)
{
	uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* A number below n without modulo bias. */
static uint64_t
below(uint64_t *s, uint64_t n)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % n, r;

	do
		r = splitmix64(s);
	while (r >= limit);
	return r % n;
}

/*
 * Draw k of the n ids (k <= n) for seed into out, in ascending order; the
 * same ids and seed give the same draw whatever order the ids come in.
 * ids is left untouched. Returns the number drawn.
 */
size_t
sample_draw(uint64_t seed, const int64_t *ids, size_t n, size_t k,
    int64_t *out)
{
	int64_t		*v, t;
	uint64_t	 s = seed;
	size_t		 i, j;

	if (k > n)
		k = n;
	if (k == 0)
		return 0;
	v = malloc(n * sizeof *v);
	if (v == NULL)
		abort();
	memcpy(v, ids, n * sizeof *v);
	qsort(v, n, sizeof *v, id_cmp);
	for (i = 0; i < k; i++) {
		j = i + (size_t)below(&s, n - i);
		t = v[i];
		v[i] = v[j];
		v[j] = t;
	}
	memcpy(out, v, k * sizeof *out);
	free(v);
	qsort(out, k, sizeof *out, id_cmp);
	return k;
}

/*
 * The n ids in an order drawn for seed into out (a full Fisher-Yates
 * shuffle of the ids in ascending order): the same ids and seed give the
 * same order whatever order the ids come in (a public lottery, 摇号).
 */
void
sample_order(uint64_t seed, const int64_t *ids, size_t n, int64_t *out)
{
	uint64_t	s = seed;
	int64_t		t;
	size_t		i, j;

	if (n == 0)
		return;
	memcpy(out, ids, n * sizeof *out);
	qsort(out, n, sizeof *out, id_cmp);
	for (i = 0; i + 1 < n; i++) {
		j = i + (size_t)below(&s, n - i);
		t = out[i];
		out[i] = out[j];
		out[j] = t;
	}
}

/* How many of n a share of bp basis points is: rounded up, at least 1. */
size_t
sample_size(size_t n, int bp)
{
	size_t k;

	if (n == 0 || bp <= 0)
		return 0;
	k = (n * (size_t)bp + 9999) / 10000;
	return k > n ? n : k < 1 ? 1 : k;
}
