#!/bin/sh
# Optimistic concurrency on the screen: a nurse edits a patient's details
# while someone else saves the same patient; saving shows both versions and
# lets her choose; nothing is overwritten silently and the audit keeps both.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn CF-1 --name "CONFLICT, Carla" --dob 1966-06-06 --sex F --weight 70 >/dev/null || fail "setup"
start
open_patient CF-1 "MRN CF-1"
keys E
wait_for "Edit patient"
shows "CONFLICT, Carla"
# Move to the weight field and type a new value.
keys Tab Tab Tab Tab Tab
keys C-u
type_text 71.5
keys Tab
hd patient update CF-1 --name "CONFLICT, Carla Maria" >/dev/null || fail "the other session's save failed"
keys F2
wait_for "Someone else saved this patient"
shows "CONFLICT, Carla Maria"
shows "71.5 kg"
keys y
wait_for "saved CF-1"
[ "$(sqlite3 "$DB" "select weight_kg, version from patients where mrn = 'CF-1'")" = "71.5|3" ] ||
	fail "keeping hers did not save her weight over the new version"
[ "$(sqlite3 "$DB" "select count(*) from audit where action = 'conflict'")" = 1 ] ||
	fail "the conflict is not in the audit"
[ "$(sqlite3 "$DB" "select count(*) from audit where action = 'update' and tbl = 'patients'")" = 2 ] ||
	fail "both saves are not in the audit"

# Second round: she takes theirs; her change is not saved.
keys E
wait_for "Edit patient"
keys Tab Tab Tab Tab Tab
keys C-u
type_text 80
keys Tab
hd patient update CF-1 --weight 72 >/dev/null || fail "the other session's second save failed"
keys F2
wait_for "Someone else saved this patient"
keys n
wait_for "kept the other version"
[ "$(sqlite3 "$DB" "select weight_kg from patients where mrn = 'CF-1'")" = "72.0" ] ||
	fail "taking theirs overwrote their weight"
pass
