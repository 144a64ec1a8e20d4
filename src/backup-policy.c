/*
 * backup-policy.c: which scheduled backups to keep (issue 14 item 7).
 * Pure: given the dates of the copies in the backup directory and today,
 * it says which to delete; cmd-backup.c lists the directory and deletes.
 *
 *   - a daily copy is kept keep_days days: the copy of day d while
 *     today - d < keep_days (so keep_days 1 keeps today's alone);
 *   - the yearly copy of a year is the FIRST copy dated in that year
 *     (normally 1 January's); it is kept until the same day keep_years
 *     years later has passed (29 February counts as 1 March);
 *   - a copy dated after today (a clock set back) is kept: nothing is
 *     deleted that the policy cannot place.
 *
 * R-001-A1-15 001 附件1 第十五条: yearly backups are kept ten years, so
 * keep_years below BACKUP_MIN_YEARS is refused (backup_policy_check).
 */
#include <stddef.h>

#include "domain.h"

/* The last day a yearly copy of day d is kept: d, keep_years years on. */
static int
policy_year_end(int d, int keep_years)
{
	int	 y, m, dd, end;

	date_to_ymd(d, &y, &m, &dd);
	if (date_from_ymd(y + keep_years, m, dd, &end) != 0)
		date_from_ymd(y + keep_years, 3, 1, &end);
	return end;
}

/* 1 if days[i] is the first copy of its year among days[0..n-1]. */
static int
policy_first_of_year(const int *days, size_t n, size_t i)
{
	int	 y, m, d, yj;
	size_t	 j;

	date_to_ymd(days[i], &y, &m, &d);
	for (j = 0; j < n; j++) {
		if (j == i || days[j] >= days[i])
			continue;
		date_to_ymd(days[j], &yj, &m, &d);
		if (yj == y)
			return 0;
	}
	return 1;
}

/* R-001-A1-15: 0 if the retention is allowed, -1 if not. */
int
backup_policy_check(int keep_days, int keep_years)
{
	if (keep_days < 1 || keep_days > BACKUP_MAX_DAYS)
		return -1;
	if (keep_years < BACKUP_MIN_YEARS || keep_years > BACKUP_MAX_YEARS)
		return -1;
	return 0;
}

/*
 * Set del[i] to 1 for each copy days[i] (day numbers, any order, no two
 * equal) that the policy no longer keeps on day today, else 0. Returns
 * how many are to be deleted.
 */
size_t
backup_policy(const int *days, size_t n, int today, int keep_days,
    int keep_years, unsigned char *del)
{
	size_t	 i, ndel = 0;
	int	 keep;

	for (i = 0; i < n; i++) {
		keep = days[i] > today || today - days[i] < keep_days ||
		    (policy_first_of_year(days, n, i) &&
		    today <= policy_year_end(days[i], keep_years));
		del[i] = !keep;
		ndel += !keep;
	}
	return ndel;
}
