#!/bin/sh
# tests/cli/rules.sh: `make rules` (tests/rules) finds a rule ID named in
# src/ that no test names, and passes once a test names it or a sub-rule.
. "$(dirname "$0")/../lib.sh"
RULES="$(cd "$(dirname "$0")/.." && pwd)/rules"
mkdir -p "$T/tree/src" "$T/tree/tests"
printf '/* R-TEST-9.10 issue 9 (10): a rule */\n' > "$T/tree/src/x.c"
printf '# nothing here\n' > "$T/tree/tests/t.sh"
sh "$RULES" "$T/tree" > "$T/out" 2>&1
same "a rule without a test fails" "1" "$?"
grep -q "rule without a test: R-TEST-9.10 " "$T/out" && ok "... and is named" ||
    notok "... and is named"
printf '# R-TEST-9.1 is another rule\n' > "$T/tree/tests/t.sh"
sh "$RULES" "$T/tree" > "$T/out" 2>&1
same "a rule's prefix does not count" "1" "$?"
printf '# R-TEST-9.10a issue 9 (10)\n' > "$T/tree/tests/t.sh"
check "a sub-rule's test counts" sh "$RULES" "$T/tree"
check "the project's rules all have tests" sh "$RULES"
printf '/* R-TEST-9.2 issue 9 (10): listed */\n' > "$T/tree/src/y.c"
sh "$RULES" --list "$T/tree" > "$T/out" 2>&1
same "--list exits 0" "0" "$?"
grep -q "^R-TEST-9.2 src/y.c:1\$" "$T/out" && ok "--list names a rule with file:line" ||
    notok "--list names a rule with file:line"
grep -q "^R-TEST-9.10a (no src) tests/t.sh:1\$" "$T/out" &&
    ok "--list marks a rule no src/ file names" ||
    notok "--list marks a rule no src/ file names"
grep -q "^R-TEST-9.10 src/x.c:1\$" "$T/out" && ok "--list keeps a rule and its sub-rule apart" ||
    notok "--list keeps a rule and its sub-rule apart"
