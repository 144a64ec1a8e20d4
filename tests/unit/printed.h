/*
 * printed.h: what the printer tests share: print a report as a user into
 * the test's own file and read it back into pr_buf (pr_req), assert that
 * a print is done or refused (pr_ok, pr_refused: a refused print leaves no
 * file), and look at the lines of what was printed. Include after
 * fixture.h; the test file defines pr() for its own filters.
 */
#ifndef NJBT_TEST_PRINTED_H
#define NJBT_TEST_PRINTED_H

#include <unistd.h>

static char	pr_msg[NJ_MSG_MAX];
static char	pr_buf[1 << 18];
static size_t	pr_len;

/* Print req as login (NULL: the console); print_file()'s code. */
static FX_UNUSED int
pr_req(const char *login, struct print_req *req)
{
	struct actor	 who;
	char		 path[400];
	FILE		*fp;
	int		 rc;

	if (login == NULL)
		actor_console(&who);
	else
		assert_int_equal(actor_load(login, &who, pr_msg,
		    sizeof pr_msg), 0);
	snprintf(path, sizeof path, "%s.csv", fx_path);
	unlink(path);
	pr_len = 0;
	pr_buf[0] = '\0';
	rc = print_file(&who, req, path, pr_msg, sizeof pr_msg);
	if ((fp = fopen(path, "rb")) != NULL) {
		pr_len = fread(pr_buf, 1, sizeof pr_buf - 1, fp);
		pr_buf[pr_len] = '\0';
		fclose(fp);
		unlink(path);
		/* a refused print leaves no file */
		assert_int_equal(rc, NJ_OK);
	}
	return rc;
}

#define pr_ok(...) do {							\
	int pr_rc_ = pr(__VA_ARGS__);					\
	if (pr_rc_ != NJ_OK)						\
		fprintf(stderr, "%s:%d: print refused: %s\n", __FILE__,	\
		    __LINE__, pr_msg);					\
	assert_int_equal(pr_rc_, NJ_OK);				\
} while (0)

#define pr_refused(want, ...) do {					\
	int pr_rc_ = pr(__VA_ARGS__);					\
	if (pr_rc_ != NJ_REFUSED || strstr(pr_msg, want) == NULL)	\
		fprintf(stderr, "%s:%d: rc %d, reason \"%s\", wanted \"%s\"\n", \
		    __FILE__, __LINE__, pr_rc_, pr_msg, want);		\
	assert_int_equal(pr_rc_, NJ_REFUSED);				\
	assert_non_null(strstr(pr_msg, want));				\
	assert_int_equal(pr_len, 0);					\
} while (0)

static FX_UNUSED int
has(const char *needle)
{
	return memmem(pr_buf, pr_len, needle, strlen(needle)) != NULL;
}

/* The number of CSV lines (CRLF ended) in pr_buf. */
static FX_UNUSED int
lines(void)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i + 1 < pr_len; i++)
		if (pr_buf[i] == '\r' && pr_buf[i + 1] == '\n')
			n++;
	return n;
}

/* Line n (0 the header, negative from the end) without CRLF and BOM. */
static FX_UNUSED void
line_at(int n, char *out, size_t len)
{
	const char	*p = pr_buf, *e;

	if (n < 0)
		n += lines();
	if (pr_len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (n-- > 0 && (p = strstr(p, "\r\n")) != NULL)
		p += 2;
	assert_non_null(p);
	e = strstr(p, "\r\n");
	assert_non_null(e);
	snprintf(out, len, "%.*s", (int)(e - p), p);
}

/* Print rows of the audit log by login whose detail is like like. */
static FX_UNUSED int64_t
audit_rows(const char *login, const char *like)
{
	return fx_int("SELECT count(*) FROM audit WHERE action = 'print' AND "
	    "login = ?1 AND detail LIKE ?2", login, like, NULL);
}

#endif
