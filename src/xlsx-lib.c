/*
 * xlsx-lib.c: loads libxlsxwriter on the first xlsx print (see
 * xlsx-lib.h) and fills the table of its functions. A library that
 * cannot be loaded refuses the print with its reason; nothing is written.
 */
#include <dlfcn.h>

#define XLSX_LIB_FILL
#include "njbt.h"
#include "xlsx-lib.h"

struct xlsx_lib xlsx_lib;

int
xlsx_lib_load(char *why, size_t len)
{
	static int	 loaded;
	const char	*missing = NULL;
	void		*h;

	if (loaded)
		return 0;
	if ((h = dlopen(XLSX_LIB_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		xsnprintf(why, len, "无法加载 xlsx 程序库 %s（请安装 "
		    "libxlsxwriter4）：%s", XLSX_LIB_SONAME, dlerror());
		return -1;
	}
	/* POSIX's way to store dlsym's answer in a function pointer */
#define XLSX_LIB_LOAD(f)						\
	if (missing == NULL &&						\
	    (*(void **)&xlsx_lib.f = dlsym(h, #f)) == NULL)		\
		missing = #f;
	XLSX_LIB_FUNCS(XLSX_LIB_LOAD)
#undef XLSX_LIB_LOAD
	if (missing != NULL) {
		xsnprintf(why, len, "xlsx 程序库 %s 缺少函数 %s",
		    XLSX_LIB_SONAME, missing);
		dlclose(h);
		return -1;
	}
	loaded = 1;
	return 0;
}
