/*
 * xlsx-lib.c: loads libxlsxwriter on the first xlsx print (see
 * xlsx-lib.h) and fills the table of its functions (dlib.c). A library
 * that cannot be loaded refuses the print with its reason; nothing is
 * written.
 */
#define XLSX_LIB_FILL
#include "njbt.h"
#include "dlib.h"
#include "xlsx-lib.h"

struct xlsx_lib xlsx_lib;

int
xlsx_lib_load(char *why, size_t len)
{
	static const struct dlib	 lib = { XLSX_LIB_SONAME, "xlsx 程序库",
					    "libxlsxwriter4" };
	static int			 loaded;
#define XLSX_LIB_SLOT(f)	DLIB_SLOT(xlsx_lib, f)
	static const char *const	 names[] = {
		XLSX_LIB_FUNCS(DLIB_NAME)
	};
	void **const			 slots[] = {
		XLSX_LIB_FUNCS(XLSX_LIB_SLOT)
	};
#undef XLSX_LIB_SLOT

	if (loaded)
		return 0;
	if (dlib_load(&lib, names, slots, sizeof names / sizeof names[0],
	    why, len) != 0)
		return -1;
	loaded = 1;
	return 0;
}
