#!/bin/sh
# Issue 11's "Done means" on the screens: a decompensated patient with
# moderate ascites (ICA 2), hepatic encephalopathy grade 1 and on dialysis,
# from registration through the evaluation (labs, two imaging notes, the
# Examination step's form), the Scores step with the dialysis rule, and
# every checklist answer, to a signed READY. The scores the screens show are
# the ones `show` gives.
. "$(dirname "$0")/lib.sh"
start
# Registration.
keys n
wait_for "New patient"
type_text "IN-1"; keys Tab
type_text "INTAKE, Ivo"; keys Tab
type_text "1962-05-05"; keys Tab
keys m Tab Space
wait_for "K70.3"
keys 3
wait_for "< K70.3"
keys Tab
type_text "78"; keys F2
wait_for "registered IN-1"
wait_for "MRN IN-1"
# Labs (the grid starts on its first analyte): bilirubin, INR, (PT, PTA),
# creatinine, sodium, albumin, ALT, AST, (ALP, GGT), platelets, AFP.
keys e
wait_for "[Labs]"
type_text 1.5
keys Tab; type_text 1.3
keys Tab Tab Tab; type_text 1.2
keys Tab; type_text 136
keys Tab; type_text 3.2
keys Tab; type_text 35
keys Tab; type_text 50
keys Tab Tab Tab; type_text 85
keys Tab; type_text 6
keys Tab F2
wait_for "stored 9 lab results"
wait_for "[Imaging]"
# Imaging: an MRI without HCC that saw ascites, then a Doppler without
# thrombosis.
keys Tab Space
wait_for "elastography"
keys 4
wait_for "< mri"
keys Tab Tab Tab Tab n Tab Tab y F2
wait_for "stored the mri note"
wait_for "[Exam]"
keys F7
wait_for "[Imaging (saved)]"
keys Tab Space
wait_for "elastography"
keys 2
wait_for "< doppler"
keys Tab Tab Tab Tab Tab n F2
wait_for "stored the doppler note"
# The Examination step: nothing assessed yet; Enter opens the form.
keys F8
wait_for "[Exam]"
wait_for "Newest examination findings"
shows "Dialysis in 7 days           not assessed"
keys Enter
wait_for "Examination findings (Child-Pugh and MELD take the newest)"
shows "Examined on       $TODAY"
keys Tab Space
wait_for "2 (moderate): moderate symmetrical"
keys 3
keys Tab Space
wait_for "1: trivial lack of awareness"
keys 2
keys Tab Space
wait_for "yes (>= 2 sessions or 24 h CVVHD in 7 days)"
keys 2
keys Tab; type_text 78
keys F2
wait_for "recorded examination of $TODAY: ascites ICA 2, HE 1, dialysis yes, 78.0 kg"
wait_for "[Exam (saved)]"
wait_for "Ascites                      ICA 2 (examination $TODAY)"
shows "Encephalopathy (West Haven)  grade 1 (examination $TODAY)"
shows "Dialysis in 7 days           yes (examination $TODAY)"
row=$(sql "select ascites_grade, he_grade, dialysis, weight_kg from exams")
[ "$row" = "2|1|1|78.0" ] || fail "stored examination: $row"
# Scores: MELD with creatinine set to 4.0 for dialysis, the same as show.
keys F8
wait_for "[Scores]"
json=$(hd show IN-1 --json) || fail "show --json"
for k in meld meld_na meld3; do
	v=$(printf '%s' "$json" | grep -o "\"$k\":[0-9]*" | head -n 1 | cut -d: -f2)
	eval "$k=\$v"
done
[ "$meld/$meld_na/$meld3" = "24/25/23" ] || fail "show's MELD/MELD-Na/MELD 3.0: $meld/$meld_na/$meld3"
shows "MELD        24"
shows "MELD-Na     25"
shows "MELD 3.0    23"
shows "dialysis yes (examination $TODAY, 0 days old)"
shows "clamped: creatinine 1.2 -> 4 (set to 4.0 (dialysis))"
keys G
wait_for "Child-Pugh  8"
# The checklist: every question answered on the screen, consent, READY, signed.
keys q
wait_for "e evaluate"
keys c
wait_for "NOT READY"
shows "[x] Hepatic encephalopathy grade (Wes> encephalopathy West Haven grade 1; acce>"
shows "[x] MELD 3.0 between 10 and 30         meld3 23 is within 10-30"
shows "[x] Child-Pugh score 7-12              child_pugh 8 is within 7-12"
# It opens on the first item to answer; n answers each question and moves
# on, past the encephalopathy item the examination's grade 1 has met.
shows ">[ ] Other malignancy"
for q in malignancy infection gi_bleed pregnancy hiv transplant immunosuppressants \
	organ_disease allergy; do
	keys n
	wait_for "recorded $q: no"
done
keys G
wait_for "ascites ICA grade 2; accepted at most 2"
shows "[x] Ascites at most moderate (ICA gra>"
shows ">[ ] Informed consent signed"
keys y
wait_for "Consent date"
keys F2
wait_for "recorded consent: yes $TODAY"
wait_gone "NOT READY"
shows "READY"
keys S
wait_for "Sign with your password"
shows "I approve this evaluation: READY"
type_text "$PW"
keys Enter
wait_for "signed IN-1: version 1, READY"
out=$(hd checklist IN-1 --json) || fail "checklist --json"
case $out in *'"status":"READY"'*) ;; *) fail "stored status: $out" ;; esac
case $out in *'"signed":{"by":'*) ;; *) fail "not signed: $out" ;; esac
pass
