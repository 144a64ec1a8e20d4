/*
 * dlib.h: a library loaded when first needed rather than linked (libssh:
 * ssh-lib.c, ncursesw: tui-lib.c, libxlsxwriter: xlsx-lib.c), so that
 * batch commands do not pay for loading it. Each keeps a table of the
 * library's functions (and variables) with the library's own declarations;
 * dlib_load fills it by name.
 */
#ifndef NJBT_DLIB_H
#define NJBT_DLIB_H

#include <stddef.h>

/* A library: its soname, what it is and its Debian package, for messages. */
struct dlib {
	const char	*soname;
	const char	*what;		/* "SSH 程序库" */
	const char	*package;	/* "libssh-4" */
};

/*
 * Open lib and store the address of each of the n symbols named in names
 * at *slots[i]; 0, or -1 with the reason in Chinese in why (the library
 * is closed again).
 */
int	 dlib_load(const struct dlib *, const char *const *, void **const *,
	    size_t, char *, size_t);

/*
 * dlib_load for a program that cannot go on without the library (the
 * server without libssh, the screens without ncursesw): an installation
 * fault, logged, and the process exits.
 */
void	 dlib_need(const struct dlib *, const char *const *, void **const *,
	    size_t);

/* The names and the slots of a table, from its X-macro list. */
#define DLIB_NAME(f)		#f,
#define DLIB_SLOT(lib, f)	(void **)&(lib).f,

#endif
