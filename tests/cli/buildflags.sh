#!/bin/sh
# tests/cli/buildflags.sh: the Makefile takes the builder's CC, CFLAGS,
# CPPFLAGS and LDFLAGS (dpkg-buildflags' hardening) and appends its own
# flags, so -Werror and the warnings stay whatever the builder passes.
# Checked with make -n (nothing is built).
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cmds=$(make -s -n -B -C "$ROOT" CC=gcc CFLAGS="-O1 -fstack-protector-strong" \
    CPPFLAGS=-D_FORTIFY_SOURCE=2 LDFLAGS=-Wl,-z,relro build/njbt 2>&1)
compile=$(echo "$cmds" | grep -- ' -c -o build/obj/action.o ')
link=$(echo "$cmds" | grep -- '-o build/njbt ')
case "$compile" in
*-D_FORTIFY_SOURCE=2*) ok "CPPFLAGS reach the compiler";;
*) notok "CPPFLAGS reach the compiler"; diag "$compile";;
esac
case "$compile" in
*-O1\ -fstack-protector-strong*-Werror*) ok "CFLAGS first, the project's flags appended";;
*) notok "CFLAGS first, the project's flags appended"; diag "$compile";;
esac
case "$link" in
*-Wl,-z,relro*) ok "LDFLAGS reach the linker";;
*) notok "LDFLAGS reach the linker"; diag "$link";;
esac
cmds=$(make -s -n -B -C "$ROOT" CC=clang build/obj/util.o 2>&1 | grep -- "-o build/obj/util.o")
case "$cmds" in
clang\ *) ok "CC is the builder's";;
*) notok "CC is the builder's"; diag "$cmds";;
esac
cmds=$(make -s -n -B -C "$ROOT" build/obj/util.o 2>&1 | grep -- "-o build/obj/util.o")
case "$cmds" in
gcc\ *-O2*-Werror*) ok "by default gcc -O2 with the project's flags";;
*) notok "by default gcc -O2 with the project's flags"; diag "$cmds";;
esac
# issue 14 (5): by default dpkg-buildflags' flags with hardening=+all
if command -v dpkg-buildflags > /dev/null; then
	link=$(make -s -n -B -C "$ROOT" build/njbt 2>&1 | grep -- '-o build/njbt ')
	case "$cmds" in
	*-D_FORTIFY_SOURCE=*-fstack-protector-strong*) ok "by default FORTIFY and the stack protector";;
	*) notok "by default FORTIFY and the stack protector"; diag "$cmds";;
	esac
	case "$link" in
	*-z,relro*-z,now*) ok "by default full RELRO";;
	*) notok "by default full RELRO"; diag "$link";;
	esac
fi

# libssh is loaded by the server only (src/ssh-lib.c), libxlsxwriter by
# the first xlsx print (src/xlsx-lib.c): a batch command
# starts without it and its dependencies, and the server still finds it
PLAIN="$ROOT/build/njbt"
if [ -x "$PLAIN" ]; then
	deps=$(ldd "$PLAIN" 2>&1)
	case "$deps" in
	*libssh*|*libcrypto*|*krb5*|*xlsxwriter*)
		notok "njbt is linked with neither libssh nor libxlsxwriter"
		diag "$deps";;
	*) ok "njbt is linked with neither libssh nor libxlsxwriter";;
	esac
	maps=$(LD_DEBUG=files "$PLAIN" --version 2>&1 >/dev/null)
	case "$maps" in
	*libssh*) notok "a batch command does not load libssh";;
	*) ok "a batch command does not load libssh";;
	esac
	# issue 15 (3): nor the screens' ncursesw and libtinfo (src/tui-lib.c)
	case "$deps$maps" in
	*ncurses*|*tinfo*) notok "a batch command does not load ncursesw"
		diag "$deps";;
	*) ok "a batch command does not load ncursesw";;
	esac
	grep -q '"libssh.so.4"' "$ROOT/src/ssh-lib.h" &&
	    ok "the server loads libssh.so.4 by name" ||
	    notok "the server loads libssh.so.4 by name"
fi
