#!/bin/sh
# Whole-screen golden comparisons (80x24, test clock, fixed patients) of the
# main screens: home, lookup, patient overview, checklist, dashboard, and
# each form of the form engine (new patient, visit, visit correction,
# adverse event, the pre-infusion check and the infusion). The
# substring checks of the other screen tests say what must be there; these
# say nothing else moved. After a deliberate change: UPDATE_GOLDEN=1, review
# the diff of tests/screen/golden/, commit it.
. "$(dirname "$0")/lib.sh"

fixture_planned G-1 "GOLDEN, Grace" || fail "setup G-1"
hd plan reschedule G-1 W1 --date "$TODAY" --reason "clinic day" >/dev/null || fail "reschedule"
fixture_ready G-2 "GOLDEN, Gil" || fail "setup G-2"
hd patient add --mrn G-3 --name "GOLDMAN, Nora" --dob 1975-05-05 --sex F >/dev/null || fail "G-3"
hd visit add G-1 --label W1 --temperature 36.9 >/dev/null || fail "G-1 W1"

start
wait_for "Due today ("
golden home

keys /
wait_for "Find patient"
type_text gold
wait_for "3 matches"
golden lookup
keys Down Down
keys Enter
wait_for "MRN G-1"
golden overview

keys c
wait_for "READY"
golden checklist
keys Escape
wait_for "MRN G-1"

keys d
wait_for "Albumin g/dL"
golden dashboard
keys Escape
wait_for "MRN G-1"

# The forms, each opened fresh (no draft) and left unchanged.
keys v
wait_for "Follow-up visit"
golden form-visit
keys Escape
wait_gone "Follow-up visit"
keys C
wait_for "Recorded visits"
keys Enter
wait_for "Why corrected"
golden form-visit-correction
keys Escape
wait_for "Recorded visits, newest first"
keys Escape
wait_for "MRN G-1"
keys a
wait_for "Adverse event (CTCAE"
golden form-ae
keys Escape
wait_gone "Adverse event (CTCAE"
keys f
wait_for "Infusion check for"
golden infusion-check
keys Enter
wait_for "Infusion given (UC-MSC)"
golden form-infusion
keys Escape
wait_for "MRN G-1"
keys Escape
wait_for "Due today ("
keys n
wait_for "MRN"
golden form-patient
pass
