/*
 * bench/timing.h: the clock and the sort of the benchmarks that take a
 * median of many runs (queue.c, audit.c), and the clock in seconds of
 * those that time whole runs (write.c, april.h). Inline: each takes what
 * it needs.
 */
#ifndef NJBT_BENCH_TIMING_H
#define NJBT_BENCH_TIMING_H

#include <time.h>

static inline double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* qsort's comparison of doubles, for the median */
static inline int
dcmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static inline double
now_s(void)
{
	return now_ms() / 1e3;
}

#endif
