#!/bin/sh
# The examination form (issue 11), opened with its key from the patient
# screen: an impossible weight is refused naming the range, an unusual one
# asks y/n, dry weight without tense ascites is refused on save (the model's
# exam_validate, as `exam add`); the issue's dialysed patient then shows
# MELD 31 / MELD-Na 33 / MELD 3.0 33 on the Scores step; typed findings are
# kept as a draft through a hang-up and resumed into the form.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn X-9 --name "DIALYSE, Dan" --dob 1962-05-05 --sex M --weight 70 >/dev/null &&
	hd lab add X-9 --date "$(ago 1)" --bilirubin 4.0 --inr 1.7 --creatinine 1.5 --sodium 130 \
		--albumin 2.6 >/dev/null || fail "setup"
start
open_patient X-9 "MRN X-9"
keys x
wait_for "Examination findings (Child-Pugh and MELD take the newest)"
keys Tab Tab Tab Space
wait_for "yes (>= 2 sessions or 24 h CVVHD in 7 days)"
keys 2
keys Tab; type_text 300; keys Tab
wait_for "weight: 300 kg is outside 20-250 kg"
shows "! invalid"
keys Up C-u; type_text 160; keys Tab
wait_for "Please confirm"
keys n
wait_gone "Please confirm"
shows "> Weight            160"
keys C-u; type_text 70; keys Tab
wait_gone "! "
type_text 65; keys F2
wait_for "not saved: dry weight"
[ "$(sql "select count(*) from exams")" = 0 ] || fail "an examination was stored after a refusal"
keys C-u F2
wait_for "recorded examination of $TODAY: dialysis yes, 70.0 kg"
[ "$(sql "select ascites_grade is null, he_grade is null, dialysis, weight_kg from exams")" = "1|1|1|70.0" ] ||
	fail "stored examination: $(sql "select * from exams")"
# The Scores step applies the dialysis rule: the issue's 31 / 33 / 33.
keys e
wait_for "[Labs]"
keys F8 F8 F8
wait_for "[Scores]"
shows "MELD        31"
shows "MELD-Na     33"
shows "MELD 3.0    33"
shows "clamped: creatinine 1.5 -> 4 (set to 4.0 (dialysis))"
keys q
wait_for "e evaluate"
# A draft: findings typed, then a hang-up; the next session offers them back.
keys x
wait_for "Examination findings"
keys Tab Space
wait_for "2 (moderate): moderate symmetrical"
keys 4
wait_for "< 3 (large)"
keys Tab
[ "$(sql "select form from drafts")" = exam ] || fail "no examination draft while typing"
kill -HUP "$(hd_pid)" || fail "cannot signal hepadesk"
wait_for "hepadesk-exited="
stop
start
wait_for "Unsaved input from an earlier session"
shows "Examination of "
keys Enter
wait_for "restored unsaved input"
shows "< 3 (large)"
shows "[+] Examination"
keys F2
wait_for "recorded examination of $TODAY: ascites ICA 3"
[ "$(sql "select count(*) from drafts")" = 0 ] || fail "the draft stayed after saving"
pass
