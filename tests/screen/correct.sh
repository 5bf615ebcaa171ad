#!/bin/sh
# Correcting a recorded visit through the screens: C on the patient lists the
# visits, Enter opens the W1 visit with its values, F2 without a reason is
# refused naming the field, then the temperature is corrected with a reason:
# a new version, the old values in the audit trail, the list shows why.
. "$(dirname "$0")/lib.sh"

fixture_planned C-1 "CORRECT, Cy" || fail "setup"
hd visit add C-1 --label W1 --temperature 38.5 --bp 120/80 --fatigue mild >/dev/null || fail "visit"

start
open_patient C-1 "MRN C-1"
keys C
wait_for "Recorded visits, newest first (1)"
[ "$(asql "select count(*) from audit where action = 'view' and after like '%visits%'")" -ge 1 ] ||
	fail "opening the visits was not logged"
shows "W1"
shows "38.5 C"
keys Enter
wait_for "Correct the visit"
shows "< W1 on $TODAY, v1 >"
shows "38.5"
shows "120/80"
shows "< mild >"
keys F2
wait_for "correction reason: say why the visit is corrected"
[ "$(sql "select version || '|' || temp_c from visits")" = "2|38.5" ] && fail "saved without a reason"
[ "$(sql "select version || '|' || temp_c from visits")" = "1|38.5" ] || fail "the refused save changed the row"
# The refusal put the focus on the reason.
type_text "thermometer misread"
keys Tab C-u
type_text 37.5
keys Tab F2
wait_for "corrected the visit of $TODAY (W1), now version 2"
row=$(sql "select version, temp_c, sbp, dbp, fatigue, correction_reason from visits")
[ "$row" = "2|37.5|120|80|1|thermometer misread" ] || fail "corrected row: $row"
old=$(sql "select json_extract(before, '\$.temp_c') from audit where tbl = 'visits' and action = 'update'")
[ "$old" = "38.5" ] || fail "the audit trail lacks the old temperature: $old"
# Back on the list, read again: the new version and why.
wait_for "thermometer misread"
shows "37.5 C"
shows "v2"
[ "$(sql "select count(*) from drafts")" = 0 ] || fail "the correction's draft was kept after saving"

# A correction half typed survives a hang-up and comes back on the same visit.
keys Enter
wait_for "Correct the visit"
keys Tab Tab Tab
type_text "weight was missed"
keys Tab Tab
type_text 61
keys Tab
wait_for "61"
kill -HUP "$(hd_pid)"
wait_for "hepadesk-exited=129"
V=$(sql "select id from visits")
[ "$(sql "select form from drafts")" = "visit-correct.$V" ] || fail "no draft of the correction"
stop
start
wait_for "Unsaved input from an earlier session"
shows "Correction of a visit of CORRECT, Cy MRN C-1"
keys Enter
wait_for "restored unsaved input"
wait_for "weight was missed"
shows "< W1 on $TODAY, v2 >"
shows "weight was missed"
keys F2
wait_for "corrected the visit of $TODAY (W1), now version 3"
row=$(sql "select version, temp_c, weight_kg, correction_reason from visits")
[ "$row" = "3|37.5|61.0|weight was missed" ] || fail "resumed correction row: $row"
pass
