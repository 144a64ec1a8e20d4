/*
 * units.c: the one program of the sanitized unit tests (build/san/units).
 * Each test file's main() is a function of it (units.h); the program runs
 * the one its name says: build/san/test-FILE, a hard link to it, runs
 * tests/unit/test-FILE.c's, build/san/sec-test-FILE tests/security's, and
 * `build/san/units NAME` runs NAME's.
 */
#include <stdio.h>
#include <string.h>

#include "units.h"

static const struct unit {
	const char	*name;
	int		(*run)(void);
} units[] = {
#define UNIT(fn, name) { name, fn },
#include "san/units.def"
#undef UNIT
};

int
main(int argc, char **argv)
{
	const char	*name = argc > 0 ? strrchr(argv[0], '/') : NULL;
	size_t		 i;

	name = name != NULL ? name + 1 : argc > 0 ? argv[0] : "";
	if (strcmp(name, "units") == 0 && argc > 1)
		name = argv[1];
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(units[i].name, name) == 0)
			return units[i].run();
	fprintf(stderr, "usage: units NAME (test-FILE or sec-test-FILE)\n");
	return 2;
}
