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
