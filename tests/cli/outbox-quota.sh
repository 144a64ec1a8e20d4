#!/bin/sh
# outbox-quota.sh: a user's outbox holds 100 MB of printed sheets at most
# (issue 12): a print, or a month end, that would bring it over the total
# is refused, nothing of it kept (no file, no folder, no audit row); room
# made, the same print goes through. NJBT_OUTBOX_MAX lowers the total so
# that the test need not write 100 MB.
. "$(dirname "$0")/../lib.sh"
check "init --demo" demo_db
OUT="$(dirname "$NJBT_DB")/outbox/hl_jb"
check "a first sheet" "$NJBT" do --as hl_jb print report=budget
F1=$(cat "$T/out")
S=$(stat -c %s "$F1")
# room for two sheets and a half
export NJBT_OUTBOX_MAX=$((S * 5 / 2))
NJBT_NOW=2026-03-02T09:31:00 "$NJBT" do --as hl_jb print report=budget > "$T/out" 2> "$T/err"
same "a second sheet fits" 0 $?
audits() { q "SELECT count(*) FROM audit WHERE action = 'print' AND login = 'hl_jb'"; }
a0=$(audits)
NJBT_NOW=2026-03-02T09:32:00 "$NJBT" do --as hl_jb print report=budget > "$T/out" 2> "$T/err"
same "a third, over the total, is refused (exit 1)" 1 $?
grep -q "发件箱已满" "$T/err" && ok "... saying the outbox is full" ||
    { notok "... saying the outbox is full"; diag "$(cat "$T/err")"; }
same "... nothing of it kept" 2 "$(ls -A "$OUT" | wc -l | tr -d ' ')"
same "... and no audit row" "$a0" "$(audits)"
NJBT_NOW=2026-03-02T09:33:00 "$NJBT" do --as hl_jb print report=all county=640122 \
    month=2026-03 > "$T/out" 2> "$T/err"
same "a month end over the total is refused" 1 $?
same "... its folder not kept" 2 "$(ls -A "$OUT" | wc -l | tr -d ' ')"
rm -f "$F1"
NJBT_NOW=2026-03-02T09:34:00 "$NJBT" do --as hl_jb print report=budget > "$T/out" 2> "$T/err"
same "room made, the print goes through" 0 $?
same "... two sheets again" 2 "$(ls -A "$OUT" | wc -l | tr -d ' ')"
# another user's outbox is its own
NJBT_NOW=2026-03-02T09:35:00 "$NJBT" do --as hl_sh print report=budget > "$T/out" 2> "$T/err"
same "another user's outbox has its own total" 0 $?
echo "1..$n"
