/*
 * ssh-lib.c: loads libssh.so.4 on the first call of one of its functions
 * (see ssh-lib.h) and fills the table of its functions. A server that
 * cannot load it says so and exits: it is an installation fault (the
 * package libssh-4 is missing), not something a session can mend.
 */
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

#include "log.h"
#define SSH_LIB_FILL
#include "ssh-lib.h"

const struct ssh_lib *
ssh_lib(void)
{
	static struct ssh_lib	 lib;
	static int		 loaded;
	const char		*missing = NULL;
	void			*h;

	if (loaded)
		return &lib;
	if ((h = dlopen(SSH_LIB_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL)
		goto fail;
	/* POSIX's way to store dlsym's answer in a function pointer */
#define SSH_LIB_LOAD(f)							\
	if (missing == NULL &&						\
	    (*(void **)&lib.f = dlsym(h, #f)) == NULL)			\
		missing = #f;
	SSH_LIB_FUNCS(SSH_LIB_LOAD)
#undef SSH_LIB_LOAD
	if (missing != NULL)
		goto fail;
	loaded = 1;
	return &lib;
fail:
	if (missing != NULL)
		log_error("SSH 程序库 %s 缺少函数 %s（请安装 libssh-4）",
		    SSH_LIB_SONAME, missing);
	else
		log_error("无法加载 SSH 程序库 %s（请安装 libssh-4）：%s",
		    SSH_LIB_SONAME, dlerror());
	_exit(EXIT_FAILURE);
}
