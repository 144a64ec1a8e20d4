#!/bin/sh
# tests/cli/writers.sh: one writer, stated truly (issue 9 item 2). The
# checker tests/writers passes on the project's tree, and fails, naming
# file and line, when a copy of the tree writes outside the engine and the
# "Who writes" list of src/action.c: a writing statement used from a
# screen or a list, a new writing statement, a write transaction opened by
# a command, a writer dropped from the list.
. "$(dirname "$0")/../lib.sh"
SRC="$(cd "$(dirname "$0")/../.." && pwd)"
W="$SRC/tests/writers"

check "the project writes only through the engine and the named writers" \
    sh "$W"

# fresh copies of the tree's src/ (the checker reads nothing else)
fresh() { rm -rf "$T/tree"; mkdir -p "$T/tree"; cp -R "$SRC/src" "$T/tree/"; }

# bad WHAT WANT: the checker fails on the copy and names WANT
bad() {
	sh "$W" "$T/tree" > "$T/out" 2>&1
	rc=$?
	if [ "$rc" -eq 1 ] && grep -qF -- "$2" "$T/out"; then ok "$1"
	else notok "$1"; diag "exit $rc: $(head -c 600 "$T/out")"; fi
}

fresh
printf 'static int x(void) { return sql_exec(SQL_REGION_UPSERT, "");}\n' \
    >> "$T/tree/src/tui-list.c"
bad "a screen using a writing statement fails" \
    "src/tui-list.c:"
grep -q "SQL_REGION_UPSERT" "$T/out" && ok "... naming the statement" ||
    notok "... naming the statement"

fresh
printf '/* */\nstatic int y(void) { return sql_exec(SQL_DRAFT_WIN_DROP, "");}\n' \
    >> "$T/tree/src/list-users.c"
bad "a list using a writing statement fails" "src/list-users.c:"

fresh
printf 'SQL(SQL_TEST_WIPE, "DELETE FROM users "\n    "WHERE id = ?1")\n' \
    >> "$T/tree/src/store-sql-tui.def"
printf 'int z(void);\nint z(void) { return sql_exec(SQL_TEST_WIPE, "i", 1); }\n' \
    >> "$T/tree/src/tui-menu.c"
bad "a new writing statement is found by its verb" "SQL_TEST_WIPE"

fresh
printf 'SQL(SQL_TEST_PEEK, "SELECT updated FROM users "\n    "WHERE id = ?1")\n' \
    >> "$T/tree/src/store-sql-tui.def"
printf 'int z(void);\nint z(void) { return sql_exec(SQL_TEST_PEEK, "i", 1); }\n' \
    >> "$T/tree/src/tui-menu.c"
check "a reading statement may be used anywhere" sh "$W" "$T/tree"

fresh
printf 'int z(void);\nint z(void) { return store_begin(); }\n' \
    >> "$T/tree/src/cmd-list.c"
bad "a command opening a write transaction fails" "src/cmd-list.c:"

fresh
printf 'int z(void);\nint z(void) { return audit_write(0, "", "", ""); }\n' \
    >> "$T/tree/src/check.c"
bad "an audit row written by an unnamed file fails" "src/check.c:"

fresh
sed -i '/^ \*   own: draft\.c /d' "$T/tree/src/action.c"
bad "a writer dropped from the list fails" "src/draft.c:"

fresh
printf 'static int x(void) { return sql_exec(SQL_REGION_UPSERT, "");}\n' \
    >> "$T/tree/src/action-print.c"
check "an action file may write" sh "$W" "$T/tree"
