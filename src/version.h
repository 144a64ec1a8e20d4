/*
 * version.h: njbt's version, for `njbt --version` and the server's first
 * log line. Its one source is the first line of debian/changelog (the
 * package's version): the Makefile writes it into build/gen-version.h.
 */
#ifndef NJBT_VERSION_H
#define NJBT_VERSION_H

#include "gen-version.h"

#endif
