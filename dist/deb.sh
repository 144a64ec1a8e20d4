#!/bin/sh
# dist/deb.sh: `make deb` (issue 14 (5)). dpkg-buildpackage builds the
# binary package, unsigned, in the source tree (debian/rules: make
# build/inst/njbt with dpkg-buildflags' flags, which `make` uses by default
# too, so objects already made are kept); dpkg puts the .deb, .changes and
# .buildinfo in the parent directory, from where they are moved into
# build/deb/. Then lintian: any error or warning fails (the ones we keep
# are explained in debian/njbt.lintian-overrides).
set -eu
cd "$(dirname "$0")/.."
v=$(dpkg-parsechangelog -S Version)
a=$(dpkg-architecture -qDEB_HOST_ARCH)
# the package's own flags (debian/rules), not a calling make's (the
# Makefile exports CFLAGS, CPPFLAGS and LDFLAGS to the makes below it)
unset CFLAGS CPPFLAGS LDFLAGS
dpkg-buildpackage -b -uc -us
mkdir -p build/deb
for f in "njbt_${v}_$a.deb" "njbt_${v}_$a.changes" "njbt_${v}_$a.buildinfo"; do
	mv -f "../$f" build/deb/
done
lintian --fail-on error,warning "build/deb/njbt_${v}_$a.changes"
echo "deb: build/deb/njbt_${v}_$a.deb"
