#!/bin/sh
# tests/security/kdf.sh: the release binary hashes passwords with
# argon2id's interactive limits (m=65536 KiB, t=2); only the test builds
# (the sanitized binary the suite drives, and the unit tests) use
# libsodium's minimum, to keep the suite fast. A release built with the
# test limits by mistake would make every stolen hash cheap to crack.
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REL="$ROOT/build/njbt"

printf 'code,name,level,parent\n640000,宁夏回族自治区,province,\n' > "$T/r.csv"
check "the release binary makes a database" "$REL" init
check "... with a province" "$REL" import regions "$T/r.csv"
check "... and adds a user" "$REL" user add login=kdf_u name=王五 \
    role=admin region=640000 password=strong-pass-1
h=$(q "SELECT pwhash FROM users WHERE login = 'kdf_u'")
case "$h" in
'$argon2id$v=19$m=65536,t=2,'*) ok "release: interactive limits (m=65536,t=2)";;
*) notok "release: interactive limits"; diag "hash: $(echo "$h" | cut -c1-40)";;
esac
rm -f "$NJBT_DB" "$NJBT_DB.key" "$NJBT_DB.anchor" "$NJBT_DB"-*
check "the test binary makes a database" "$NJBT" init
check "... with a province" "$NJBT" import regions "$T/r.csv"
check "... and adds a user" "$NJBT" user add login=kdf_t name=王六 \
    role=admin region=640000 password=strong-pass-1
h=$(q "SELECT pwhash FROM users WHERE login = 'kdf_t'")
case "$h" in
'$argon2id$v=19$m=8,t=1,'*) ok "test build: the minimum limits";;
*) notok "test build: the minimum limits"; diag "hash: $(echo "$h" | cut -c1-40)";;
esac
