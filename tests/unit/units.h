/*
 * units.h: the unit programs' main functions, one per test file, as the
 * Makefile compiles each test file into build/san/units (its main() is
 * named unit_test_FILE there; this declaration comes first, -include),
 * and units.c, which runs them.
 */
#define UNIT(fn, name) int fn(void);
#include "san/units.def"
#undef UNIT
