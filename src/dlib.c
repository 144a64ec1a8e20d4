/*
 * dlib.c: loads a library by its soname and fills a table of its symbols
 * by name (see dlib.h); says in Chinese what is missing and which package
 * brings it.
 */
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

#include "njbt.h"
#include "dlib.h"
#include "log.h"

int
dlib_load(const struct dlib *lib, const char *const *names,
    void **const *slots, size_t n, char *why, size_t len)
{
	/* a space between Chinese and a Latin word ("加载 SSH 程序库") */
	const char	*sp = (unsigned char)lib->what[0] < 0x80 ? " " : "";
	void		*h;
	size_t		 i;

	if ((h = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		xsnprintf(why, len, "无法加载%s%s %s（请安装 %s）：%s", sp,
		    lib->what, lib->soname, lib->package, dlerror());
		return -1;
	}
	for (i = 0; i < n; i++)
		/* POSIX's way to store dlsym's answer in a function pointer */
		if ((*slots[i] = dlsym(h, names[i])) == NULL) {
			xsnprintf(why, len, "%s %s 缺少 %s（请安装 %s）",
			    lib->what, lib->soname, names[i], lib->package);
			dlclose(h);
			return -1;
		}
	return 0;
}

void
dlib_need(const struct dlib *lib, const char *const *names,
    void **const *slots, size_t n)
{
	char why[NJ_MSG_MAX];

	if (dlib_load(lib, names, slots, n, why, sizeof why) != 0) {
		log_error("%s", why);
		_exit(EXIT_FAILURE);
	}
}
