/*
 * ssh-lib.c: loads libssh.so.4 on the first call of one of its functions
 * (see ssh-lib.h) and fills the table of its functions (dlib.c). A server
 * that cannot load it says so and exits: it is an installation fault (the
 * package libssh-4 is missing), not something a session can mend.
 */
#include "dlib.h"
#define SSH_LIB_FILL
#include "ssh-lib.h"

static struct ssh_lib table;

/* Load the library and fill the table (or exit, saying why). */
static void
ssh_lib_fill(void)
{
	static const struct dlib	 lib = { SSH_LIB_SONAME, "SSH 程序库",
	    "libssh-4" };
#define SSH_LIB_SLOT(f)	DLIB_SLOT(table, f)
	static const char *const	 names[] = {
		SSH_LIB_FUNCS(DLIB_NAME)
	};
	void **const			 slots[] = {
		SSH_LIB_FUNCS(SSH_LIB_SLOT)
	};
#undef SSH_LIB_SLOT

	dlib_need(&lib, names, slots, sizeof names / sizeof names[0]);
}

const struct ssh_lib *
ssh_lib(void)
{
	static int loaded;

	if (!loaded) {
		ssh_lib_fill();
		loaded = 1;
	}
	return &table;
}
