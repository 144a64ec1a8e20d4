/*
 * tui-lib.c: loads libncursesw.so.6 on the first call of one of its
 * functions (see tui-lib.h) and fills the table of its functions and
 * variables (dlib.c). A program that cannot load it says so and exits: it
 * is an installation fault (the package libncursesw6 is missing), not
 * something a session can mend. `njbt serve` calls it at start, so that
 * the fault is told before any session.
 */
#include "dlib.h"
#define TUI_LIB_FILL
#include "tui-lib.h"

static struct tui_lib table;

/* Load the library and fill the table (or exit, saying why). */
static void
tui_lib_fill(void)
{
	static const struct dlib	 lib = { TUI_LIB_SONAME, "终端程序库",
	    "libncursesw6" };
#define TUI_LIB_SLOT(f)	DLIB_SLOT(table, f)
	static const char *const	 names[] = {
		TUI_LIB_FUNCS(DLIB_NAME) TUI_LIB_VARS(DLIB_NAME)
	};
	void **const			 slots[] = {
		TUI_LIB_FUNCS(TUI_LIB_SLOT) TUI_LIB_VARS(TUI_LIB_SLOT)
	};
#undef TUI_LIB_SLOT

	dlib_need(&lib, names, slots, sizeof names / sizeof names[0]);
}

const struct tui_lib *
tui_lib(void)
{
	static int loaded;

	if (!loaded) {
		tui_lib_fill();
		loaded = 1;
	}
	return &table;
}
