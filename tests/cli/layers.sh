#!/bin/sh
# tests/cli/layers.sh: `make layers` (tests/layers) checks the layers by
# symbols: the project's objects pass, and a deliberately bad object of each
# kind makes it fail and is named (issue 9 item 1).
. "$(dirname "$0")/../lib.sh"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
LAYERS="$ROOT/tests/layers"
export LAYERS_LIBS="$T/libs"	# the libraries' symbols, read once
export LAYERS_NM="$T/nm"	# the project's objects' symbols, read once
OBJ="$ROOT/build/obj"
CC="${CC:-gcc}"

check "the project's objects keep their layers" sh "$LAYERS" "$OBJ"

# bad NAME WANT C-TEXT: an object NAME.o made of C-TEXT among links to the
# project's objects (in place of the project's NAME.o, if there is one)
# fails the check, naming "NAME -> WANT"
bad() {
	name=$1; want=$2; text=$3
	rm -rf "$T/obj"
	mkdir -p "$T/obj"
	ln -s "$OBJ"/*.o "$T/obj/"
	printf '%s\n' "$text" > "$T/$name.c"
	rm -f "$T/obj/$name.o"	# a bad copy of one of the project's own
	if ! "$CC" -c -o "$T/obj/$name.o" "$T/$name.c" 2> "$T/cc"; then
		notok "$name compiles"; diag "$(head -c 400 "$T/cc")"
		return
	fi
	sh "$LAYERS" "$T/obj" > "$T/out" 2>&1
	rc=$?
	if [ "$rc" -eq 1 ] && grep -qF "$name -> $want " "$T/out"; then
		ok "$name: fails on $want"
	else
		notok "$name: fails on $want"; diag "exit $rc: $(head -c 600 "$T/out")"
	fi
}

bad tui-bad sqlite3_exec 'int sqlite3_exec(void *, const char *, void *,
void *, char **); int f(void); int f(void) { return sqlite3_exec(0, "", 0,
0, 0); }'
bad cmd-bad store_begin 'int store_begin(void); int f(void); int f(void) {
return store_begin(); }'
bad ssh-bad sql_step 'int sql_step(void *); int f(void);
int f(void) { return sql_step(0); }'
bad tui-bad2 crypto_secretbox_easy 'int crypto_secretbox_easy(void); int
f(void); int f(void) { return crypto_secretbox_easy(); }'
bad store-bad initscr 'void *initscr(void); void *f(void); void *f(void) {
return initscr(); }'
bad store-bad2 ssh_new 'void *ssh_new(void); void *f(void); void *f(void)
{ return ssh_new(); }'
bad store-bad3 action_run 'int action_run(void); int f(void); int f(void)
{ return action_run(); }'
bad action-bad tui_main 'int tui_main(void); int f(void); int f(void) {
return tui_main(); }'
bad money sql_int_n 'int sql_int_n(void); int f(void); int f(void) {
return sql_int_n(); }'
bad util role_name 'const char *role_name(int); const char *f(void);
const char *f(void) { return role_name(0); }'

# a good front-end object that runs an action passes
rm -rf "$T/obj"; mkdir -p "$T/obj"; ln -s "$OBJ"/*.o "$T/obj/"
printf 'int action_find(void);\nint f(void);\nint f(void) { return action_find(); }\n' > "$T/good.c"
"$CC" -c -o "$T/obj/tui-good.o" "$T/good.c"
check "a screen that calls the actions layer passes" sh "$LAYERS" "$T/obj"
echo "1..$n"
