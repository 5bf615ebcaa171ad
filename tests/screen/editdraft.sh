#!/bin/sh
# Editing a patient's details survives a hang-up: the typed change is kept
# as a draft of that patient's details, offered at the next start as such,
# and resumed in the edit form (not the new-patient form).
. "$(dirname "$0")/lib.sh"
hd patient add --mrn ED-1 --name "EDITED, Ed" --dob 1965-05-05 --sex M --weight 80 >/dev/null || fail "setup"
start
open_patient ED-1 "MRN ED-1"
keys E
wait_for "Edit patient"
keys Tab Tab Tab Tab Tab
keys C-u
type_text 77.5
wait_for "77.5"
keys Tab
wait_for "> MRN" # the Tab was handled (focus wrapped): the input is all in
kill -HUP "$(hd_pid)" || fail "cannot signal hepadesk"
wait_for "hepadesk-exited=129"
stop
start
wait_for "Unsaved input from an earlier session"
shows "Patient details of EDITED, Ed"
keys Enter
wait_for "Edit patient"
shows "77.5"
keys F2
wait_for "saved ED-1"
[ "$(sqlite3 "$DB" "select weight_kg from patients where mrn = 'ED-1'")" = "77.5" ] ||
	fail "the resumed edit was not saved"
pass
