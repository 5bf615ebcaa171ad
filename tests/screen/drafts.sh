#!/bin/sh
# Nothing typed is lost: a hang-up in the middle of the new-patient form and
# of the labs step keeps the input as drafts; the next session offers them,
# the forms come back filled, and saving stores the record and drops the draft.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn D-1 --name "HAN, Mei" --dob 1959-09-19 --sex F >/dev/null || fail "setup"
start
keys n
wait_for "New patient"
type_text "D-77"; keys Tab
type_text "LOPEZ, Ana"; keys Tab
type_text "1982-03-04"
wait_for "1982-03-04"
kill -HUP "$(hd_pid)"
wait_for "hepadesk-exited=129"
n=$(sqlite3 "$DB" "select count(*) from drafts where form = 'patient.new'")
[ "$n" = 1 ] || fail "no draft of the patient form ($n)"

stop
start
wait_for "Unsaved input from an earlier session"
shows "New patient form"
keys Enter
wait_for "restored unsaved input"
shows "D-77"
shows "LOPEZ, Ana"
shows "1982-03-04"
shows "[+] New patient"
keys Tab Tab Tab f F2
wait_for "MRN D-77"
n=$(sqlite3 "$DB" "select count(*) from drafts")
[ "$n" = 0 ] || fail "draft kept after the save ($n)"
sqlite3 "$DB" "select name from patients where mrn = 'D-77'" | grep -qx "LOPEZ, Ana" || fail "D-77 not stored"

# Labs: a value and a unit switch survive the hang-up.
keys q
wait_for "Recent patients"
open_patient D-1 "MRN D-1"
keys e
wait_for "[Labs]"
type_text 34; keys u Tab
wait_for "34        µmol/L  H"
kill -HUP "$(hd_pid)"
wait_for "hepadesk-exited=129"
stop
start
wait_for "Labs of HAN, Mei MRN D-1"
keys Enter
wait_for "[Labs]"
shows "34"
shows "µmol/L"
keys F2
wait_for "stored 1 lab result"
row=$(sqlite3 "$DB" "select value, unit from labs where analyte = 'bilirubin'")
[ "$row" = "34.0|µmol/L" ] || fail "bilirubin row: $row"
n=$(sqlite3 "$DB" "select count(*) from drafts")
[ "$n" = 0 ] || fail "labs draft kept after the save ($n)"
pass
