#!/bin/sh
# The patient's status on the screens (issue 12): t on a patient shows the
# status and its dated history; r records a change through the same storage
# call as `hepadesk status`. A death (a final state) is asked first: n
# changes nothing, y records it with its date and cause. Afterwards home no
# longer lists the patient's overdue infusion, and the infusion check
# refuses on the patient's status.
. "$(dirname "$0")/lib.sh"

fixture_planned ST-1 "STATUS, Stan" || fail "setup"
DAY=$(later 5)
echo "$DAY 10:00" >"$T/now"
start xterm-256color HEPADESK_TEST_NOW=@$T/now
wait_for "Overdue (1)"
shows "ST-1       Infusion 1  due $TODAY"
open_patient ST-1 "MRN ST-1"
keys t
wait_for "History, oldest first"
shows "Status: In treatment since $TODAY"
shows "r record change"
keys r
wait_for "New status"
keys 9
wait_for "Status of ST-1: Deceased"
shows "Cause of death"
shows "$DAY"
keys Tab
type_text "variceal bleed"
keys F2
wait_for "Please confirm"
shows "Record ST-1 as Deceased on $DAY: variceal bleed?"
keys n
wait_for "status not changed"
[ "$(sql "select count(*) from patient_status where state = 'deceased'")" = 0 ] || fail "stored after no"
keys r
wait_for "New status"
keys 9
wait_for "Status of ST-1: Deceased"
keys Tab
type_text "variceal bleed"
keys F2
wait_for "Please confirm"
keys y
wait_for "recorded ST-1 as Deceased; the open schedule is closed"
wait_for "Status: Deceased since $DAY: variceal bleed"
shows "Treatment has ended"
shows "$DAY  Deceased           variceal bleed"
out=$(hd status ST-1 --json)
case $out in *'"state":"deceased"'*'"reason":"variceal bleed"'*) ;; *) fail "status --json: $out" ;; esac
keys Escape
wait_for "MRN ST-1"
keys f
wait_for "REFUSED: status"
shows "[NO] Patient alive and in treatment"
keys Escape Escape
wait_for "Overdue (0)"
lacks "Infusion 1  due $TODAY"
shows "Due today (0)"
pass
