/*
 * tui-lib.c: loads libncursesw.so.6 on the first call of one of its
 * functions (see tui-lib.h) and fills the table of its functions and
 * variables. A program that cannot load it says so and exits: it is an
 * installation fault (the package libncursesw6 is missing), not something
 * a session can mend. `njbt serve` calls it at start, so that the fault
 * is told before any session.
 */
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

#include "log.h"
#define TUI_LIB_FILL
#include "tui-lib.h"

const struct tui_lib *
tui_lib(void)
{
	static struct tui_lib	 lib;
	static int		 loaded;
	const char		*missing = NULL;
	void			*h;

	if (loaded)
		return &lib;
	if ((h = dlopen(TUI_LIB_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL)
		goto fail;
	/* POSIX's way to store dlsym's answer in a function pointer */
#define TUI_LIB_LOAD(f)							\
	if (missing == NULL &&						\
	    (*(void **)&lib.f = dlsym(h, #f)) == NULL)			\
		missing = #f;
	TUI_LIB_FUNCS(TUI_LIB_LOAD)
	TUI_LIB_VARS(TUI_LIB_LOAD)
#undef TUI_LIB_LOAD
	if (missing != NULL)
		goto fail;
	loaded = 1;
	return &lib;
fail:
	if (missing != NULL)
		log_error("终端程序库 %s 缺少 %s（请安装 libncursesw6）",
		    TUI_LIB_SONAME, missing);
	else
		log_error("无法加载终端程序库 %s（请安装 libncursesw6）：%s",
		    TUI_LIB_SONAME, dlerror());
	_exit(EXIT_FAILURE);
}
