#!/bin/sh
# Audit screen: an administrator sees the newest rows first (who, action,
# table, MRN), filters by patient, and verify says the chain is intact; the
# reading is itself audited. A nurse gets the store's refusal.
. "$(dirname "$0")/lib.sh"
ME=$(id -un)
hd patient add --mrn AU-1 --name "AUDIT, Ann" --dob 1960-01-01 --sex F >/dev/null &&
	hd patient add --mrn AU-2 --name "AUDIT, Bob" --dob 1961-01-01 --sex M >/dev/null || fail "setup"
start
keys A
wait_for "Audit trail, newest first"
shows "patients #2"
shows "AU-2"
shows "$ME"
# Newest first: AU-2 was added after AU-1.
first=$(screen_text | grep -n "AU-2" | head -1 | cut -d: -f1)
second=$(screen_text | grep -n "AU-1" | head -1 | cut -d: -f1)
[ "$first" -lt "$second" ] || fail "AU-2 ($first) is not above AU-1 ($second)"
keys v
wait_for "chain intact"
keys f
wait_for "Filter the audit trail"
type_text AU-1
keys F2
wait_for "patient AU-1"
lacks "AU-2"
n=$(asql "select count(*) from audit where tbl = 'audit'")
[ "$n" -ge 2 ] || fail "the readings were not audited: $n"
keys q
wait_gone "Audit trail"
stop
hd user add nurse1 --role nurse >/dev/null || fail "setup nurse"
hd user add admin2 --role admin >/dev/null || fail "setup admin"
hd user role "$ME" nurse >/dev/null 2>&1 || fail "setup role"
start
keys A
wait_for "not permitted"
shows "admin"
pass
