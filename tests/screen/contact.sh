#!/bin/sh
# The survival contact form (o on a patient) and the questionnaire screen
# (Q): a contact two years after the first infusion (the test clock),
# matched to its scheduled contact; a death without its cause refused,
# nothing stored; the questionnaire given item by item with number keys
# (10 typed as 1 then 0, an item left unanswered), kept as a draft after
# each key, scored and saved.
. "$(dirname "$0")/lib.sh"
fixture_lot UC-1 2026-12-01 || fail "product lot fixture"

fixture_planned LT-1 "LONGTERM, Lea" || fail "setup"
hd infusion add LT-1 --label "Infusion 1" --at "$TODAY 09:30" --route iv --cells 3e7 --lot UC-1 \
	--expires 2026-12-01 >/dev/null || fail "infusion"
hd instrument install symptoms >/dev/null || fail "instrument"
echo "2028-01-20 10:00" >"$T/now"
start xterm-256color HEPADESK_TEST_NOW=@$T/now
# Home lists what the long-term schedule has due (the surveillance never
# done since the first infusion is overdue).
keys NPage
wait_for "Survival contacts due (1)"
keys NPage
wait_for "HCC surveillance due (3)"
shows "LT-1       Contact 1      due 2028-01-19"
shows "LT-1       HCC US+AFP 1   due 2026-09-02 ! overdue"
open_patient LT-1 "MRN LT-1"

# --- the contact form ---
keys o
wait_for "Survival contact (long-term follow-up)"
shows "2028-01-20"
keys Tab Tab Right
wait_for "< dead"
keys F2
wait_for "cause: required with --vital dead"
[ "$(sql "select count(*) from contacts")" = 0 ] || fail "stored after a refusal"
keys Left
wait_for "< alive"
keys Tab Tab Tab Tab Tab Right Tab Tab Right
sleep 0.2
keys F2
wait_for "recorded the contact of 2028-01-20 (Contact 1): alive, decompensated"
row=$(sql "select phone, vital, hcc, variceal_bleeding, decomp_date, s.label, s.state from contacts c join longterm_schedule s on s.id = c.item_id")
[ "$row" = "1|alive|no|1|2028-01-20|Contact 1|done" ] || fail "contact row: $row"
[ "$(sql "select count(*) from drafts")" = 0 ] || fail "the draft was kept after saving"
HEPADESK_TEST_NOW="2028-01-20 10:00" hd imaging add LT-1 --date 2028-01-20 --modality ultrasound --hcc no >/dev/null || fail "imaging"

# --- the questionnaire ---
keys Q
wait_for "item 1 of 7"
shows "how tired or fatigued"
keys 7
wait_for "item 2 of 7"
keys 1
wait_for "1_  (Enter: 1)"
keys 0
wait_for "item 3 of 7"
keys -
wait_for "item 4 of 7"
shows "Answers: 7 10 - -"
sleep 0.2
[ "$(sql "select content like '%answers=7,10,,,,,%' from drafts where form = 'qol'")" = 1 ] || fail "no draft after each key"
keys Up
wait_for "item 3 of 7"
keys 5 4 3 2 8
wait_for "domain scores (lower is better)"
shows "Overall                            4.71"
golden qol-review
keys F2
wait_for "recorded SYMPTOMS (7 of 7 answered): Overall 4.71"
[ "$(sql "select answers from qol_responses")" = "7,10,5,4,3,2,8" ] || fail "answers stored"
[ "$(sql "select count(*) from drafts")" = 0 ] || fail "the questionnaire's draft was kept"
# Back home: the contact made and the ultrasound done leave nothing due.
keys q
wait_for "Recent patients (1)"
lacks "Survival contacts due"
lacks "HCC surveillance due"
pass
