#!/bin/sh
# A visit-labs draft that lacks a key is resumed from what it has: without
# its label the visit is "unscheduled" and the kept date still holds (the
# resume once read an uninitialised id and label, and dropped the date);
# without its visit it is refused by name and kept, never stored anywhere.
. "$(dirname "$0")/lib.sh"

fixture_planned LD-1 "LABS, Draft" || fail "setup"
hd visit add LD-1 --temperature 37 --label unscheduled >/dev/null 2>&1 ||
	hd visit add LD-1 --label W1 --temperature 37 >/dev/null || fail "visit"
VID=$(sql "select id from visits")
PID=$(sql "select id from patients where mrn = 'LD-1'")
ME=$(id -un)
DAY=$(ago 3)
sql "INSERT INTO drafts (user, form, patient_id, content, updated) VALUES
 ('$ME', 'visit.labs', $PID, 'visit=$VID
date=$DAY
bilirubin=2.4
', 1)"

start
wait_for "Unsaved input from an earlier session"
shows "Visit labs of LABS, Draft"
keys Enter
wait_for "Labs of the unscheduled visit on $DAY"
shows "2.4"
keys F2
wait_for "stored 1 lab result"
row=$(sql "select analyte, canonical, visit_id from labs where visit_id is not null")
[ "$row" = "bilirubin|2.4|$VID" ] || fail "resumed lab row: $row"
[ "$(sql "select count(*) from drafts")" = 0 ] || fail "draft kept after the labs were stored"

# No visit in the draft: refused by name, the draft stays, nothing stored.
stop
sqlite3 -cmd ".timeout 5000" "$DB" "INSERT INTO drafts (user, form, patient_id, content, updated) VALUES
 ('$ME', 'visit.labs', $PID, 'date=$DAY
albumin=3.3
', 2)"
start
wait_for "Unsaved input from an earlier session"
keys Enter
wait_for "does not name its visit"
lacks "Labs of the"
[ "$(sql "select count(*) from drafts where form = 'visit.labs'")" = 1 ] || fail "the draft was dropped"
[ "$(sql "select count(*) from labs where analyte = 'albumin' and visit_id is not null")" = 0 ] || fail "albumin stored"
pass
