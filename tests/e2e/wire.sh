#!/bin/sh
# wire.sh: the screens stay cheap on the wire (issue 11, Tests): the bytes
# bench/wire.sh counts (form paint, next field, CJK character, list page
# at 80x24 over OpenSSH) are within their budgets, and no more than 10%
# over what they cost before issue 11's screens (821, 4, 3 and 1475 B).
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WIRE_ONLY=1 NJBT="$NJBT" sh "$ROOT/bench/wire.sh" > "$T/wire.out" 2>&1
rc=$?
same "bench/wire.sh ran" 0 "$rc"
sed 's/^/# /' "$T/wire.out"
for what in "plain form paint" "plain CJK character" "plain field move" \
    "plain list page" "issue 11: plain form paint" \
    "issue 11: plain field move" "issue 11: plain CJK character" \
    "issue 11: plain list page"; do
	if grep -q "^$what .*: met$" "$T/wire.out"; then ok "$what: met"
	else notok "$what: met"; fi
done
