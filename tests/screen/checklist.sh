#!/bin/sh
# Checklist screen: a patient prepared on the command line is NOT READY with
# encephalopathy and consent unanswered; both are answered on the screen, the
# result turns READY at once, the evaluation is signed and shows its signer
# and protocol; the database agrees.
. "$(dirname "$0")/lib.sh"
M=C-1
hd patient add --mrn $M --name "CHECK, Carla" --dob 1960-01-01 --sex F --weight 60 >/dev/null &&
	hd lab add $M --date "$(ago 3)" --bilirubin 2.3 --inr 1.6 --creatinine 1.1 --sodium 134 \
		--albumin 2.9 --alt 40 --ast 60 --platelets 90 --afp 5 >/dev/null &&
	hd imaging add $M --date "$(ago 20)" --modality ct --hcc no --ascites no >/dev/null &&
	hd imaging add $M --date "$(ago 20)" --modality doppler --thrombosis no >/dev/null || fail "setup"
for q in malignancy infection gi_bleed pregnancy hiv transplant immunosuppressants \
	organ_disease allergy; do
	hd checklist answer $M "$q" no >/dev/null || fail "setup answer $q"
done
start
open_patient $M "MRN $M"
keys c
wait_for "NOT READY"
shows "[ ] Hepatic encephalopathy"
shows "[x] Liver function labs within 14 days"
shows "Not signed (S signs)"
# It opens on the first item to answer; a data item (the first row) shows
# the data behind it; any key closes.
shows ">[ ] Hepatic encephalopathy"
keys g Enter
wait_for "any key closes"
shows "bilirubin 2.3 mg/dL"
keys Space
wait_gone "any key closes"
# Encephalopathy (the 11th item): absent, with a note (Enter: the full prompt).
keys Down Down Down Down Down Down Down Down Down Down Enter
wait_for "Answer: Hepatic encephalopathy"
keys n Tab Tab
type_text "alert, oriented"
keys F2
wait_for "recorded encephalopathy: no"
shows "[x] Hepatic encephalopathy"
# Consent (the last item): yes with the date offered (today).
keys G Enter
wait_for "Consent date"
keys y
keys F2
wait_for "recorded consent: yes $TODAY"
wait_gone "NOT READY"
shows "READY"
# Signing is no longer S then y (issue 12): S shows what is signed and its
# meaning and asks for the password, not shown; a wrong one signs nothing.
keys S
wait_for "Sign with your password"
shows "I approve this evaluation: READY"
lacks "Please confirm"
keys y
keys Enter
wait_for "not signed: signature refused: password not accepted"
[ "$(sql "select count(*) from evaluations")" = 0 ] || fail "y or a wrong password signed"
[ "$(sql "select count(*) from signatures")" = 0 ] || fail "a signature without the password"
keys S
wait_for "Sign with your password"
type_text "$PW"
lacks "$PW"
keys Enter
wait_for "signed $M: version 1, READY"
ME=$(id -un)
wait_for "Signed v1 READY as of $TODAY by $ME"
shows "Meaning: I approve this evaluation: READY; protocol UC-MSC"
[ "$(sql "select signer || '|' || meaning from signatures")" = "$ME|I approve this evaluation: READY" ] ||
	fail "signature stored: $(sql "select * from signatures")"
out=$(hd checklist $M --json) || fail "checklist --json"
case $out in *'"status":"READY"'*) ;; *) fail "stored status: $out" ;; esac
case $out in *"\"signed\":{\"by\":\"$ME\""*) ;; *) fail "not signed in the database: $out" ;; esac
n=$(sqlite3 "$DB" "select count(*) from answers where item in ('encephalopathy','consent')")
[ "$n" = 2 ] || fail "answers stored: $n"
note=$(sqlite3 "$DB" "select note from answers where item = 'encephalopathy'")
[ "$note" = "alert, oriented" ] || fail "note stored: $note"
# Amending needs a physician: the admin (without the physician role the
# database's creator also holds) gets the model's refusal.
stop
hd user revoke "$ME" physician >/dev/null || fail "cannot revoke the physician role"
start
open_patient $M "MRN $M"
keys c
wait_for "Signed v1"
keys a
wait_for "not permitted"
# As a physician (a new session: roles are read at log-in) the amendment is
# a new version signed by them; the old one stays, pointing at it.
stop
hd user grant "$ME" physician >/dev/null || fail "cannot make the user a physician"
start
open_patient $M "MRN $M"
keys c
wait_for "Signed v1"
keys a
wait_for "Amend the signed evaluation"
type_text "consent date corrected"
keys F2
wait_for "Sign with your password"
shows "I approve this amended evaluation: READY"
type_text "$PW"
keys Enter
wait_for "amended $M: version 2"
[ "$(sqlite3 "$DB" "select count(*), sum(superseded_by is not null), max(amend_reason) from evaluations")" = "2|1|consent date corrected" ] ||
	fail "the amendment is not stored as a new version"
pass
