#!/bin/sh
# Survival contacts and questionnaires corrected and voided on the screens
# (issue 15: "each record can be corrected or voided with a reason"): O on
# a patient lists them; Enter on a contact opens its form with the stored
# values and "Why corrected"; Enter on a questionnaire opens its answers
# for review, an item changed with a number key, the reason asked on save;
# X voids the selected one with a reason. Also: a patient with no infusion
# shows no time to event on the dashboard (it showed "censored ... (day -1)").
. "$(dirname "$0")/lib.sh"

hd patient add --mrn FX-1 --name "FIXER, Fay" --dob 1957-05-05 --sex F --weight 58 >/dev/null ||
	fail "patient"
hd contact add FX-1 --vital alive --date "$(ago 20)" --phone >/dev/null || fail "contact"
hd instrument install symptoms >/dev/null || fail "instrument"
hd qol FX-1 SYMPTOMS --answers 5,5,5,5,5,5,5 --date "$(ago 10)" >/dev/null || fail "questionnaire"
start
open_patient FX-1 "MRN FX-1"

# --- the bug: no first infusion, no time to event ---
keys d
wait_for "Albumin g/dL"
keys G
wait_for "Long-term follow-up: Screening (contacts 1)"
shows "time to event: none until the first infusion"
lacks "(day -1)"
lacks "censored"
keys q
wait_for "MRN FX-1"

# --- the list ---
keys O
wait_for "Contacts and questionnaires (2)"
shows "contact 1        $(ago 20) phone: alive"
shows "questionnaire 1  $(ago 10) SYMPTOMS overall 5.00"

# --- a contact corrected on its form ---
keys Enter
wait_for "Correct the survival contact: change what was wrong and say why"
shows "$(ago 20)"
i=0
while [ $i -lt 15 ]; do keys Tab; i=$((i + 1)); done
type_text 31
keys Tab
wait_for "admissions: '31' is not accepted; 0-30 admissions"
keys BTab C-u
type_text 2
keys Tab Tab
type_text "asked the family again"
keys F2
wait_for "corrected contact 1 of $(ago 20), now version 2: alive"
[ "$(sql "select admissions, correction_reason, version, phone from contacts")" = "2|asked the family again|2|1" ] ||
	fail "contact row: $(sql "select admissions, correction_reason, version, phone from contacts")"
wait_for "Contacts and questionnaires (2)"
shows "v2   asked the family"

# --- a questionnaire corrected on its screen ---
keys Down Enter
wait_for "Correct questionnaire 1 of $(ago 10) (v1)"
shows "Answers: 5 5 5 5 5 5 5"
keys Up
wait_for "item 7 of 7"
keys 9
wait_for "Answers: 5 5 5 5 5 5 9"
keys F2
wait_for "Correct the questionnaire"
type_text "well-being misheard"
keys F2
wait_for "corrected questionnaire 1 (SYMPTOMS), now version 2"
[ "$(sql "select answers, correction_reason, version from qol_responses")" = "5,5,5,5,5,5,9|well-being misheard|2" ] ||
	fail "questionnaire row: $(sql "select answers, correction_reason, version from qol_responses")"
[ "$(sql "select score from qol_scores where domain = 'wellbeing'")" = "1.0" ] || fail "scored again"
[ "$(sql "select count(*) from drafts")" = 0 ] || fail "a draft was kept after saving"
wait_for "Contacts and questionnaires (2)"
shows "SYMPTOMS overall 4.43"

# --- void with a reason ---
keys Up X
wait_for "Void contact 1"
keys F2
wait_for "Why voided: required"
type_text "another patient's call"
keys F2
wait_for "voided contact 1; it is kept, marked"
[ "$(sql "select void_reason from contacts")" = "another patient's call" ] || fail "not voided"
wait_for "v3   VOID another pati"
pass
