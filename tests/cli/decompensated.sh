# Command-line test of issue 11's "Done means": a real decompensated patient
# (moderate ascites, encephalopathy grade 1, on dialysis) from registration
# to a signed READY on the command line, with the same dialysis-rule scores in
# show, the checklist and the dashboard. And the issue's dialysed patient
# (bilirubin 4.0, INR 1.7, creatinine 1.5, Na 130, albumin 2.6): MELD 31,
# MELD-Na 33, MELD 3.0 33 everywhere, so the protocol's MELD 3.0 upper bound
# (30) excludes them. Before issue 11 `exam add` did not exist, dialysis
# could not be recorded and any ascites blocked READY.
. "$(dirname "$0")/lib.sh"

score_of() { printf '%s' "$2" | grep -o "\"$1\":[0-9]*" | head -n 1 | cut -d: -f2; }
dash_latest() { printf '%s' "$2" | grep -o "\"key\":\"$1\",\"unit\":\"points\",\"baseline\":[^]]*" | grep -o '"latest":{"value":[0-9]*' | grep -o '[0-9]*$'; }

# --- Registration to a signed READY.
run hd patient add --mrn DC1 --name "RENAL, Rui" --dob 1962-05-05 --sex M --etiology K70.3 --weight 78
expect_rc "registration" 0
run hd lab add DC1 --date "$(ago 1)" --bilirubin 1.5 --inr 1.3 --creatinine 1.2 --sodium 136 \
	--albumin 3.2 --alt 35 --ast 50 --platelets 85 --afp 6
expect_rc "intake labs" 0
run hd imaging add DC1 --date "$(ago 10)" --modality mri --hcc no --ascites yes
expect_rc "MRI: no HCC, ascites seen" 0
run hd imaging add DC1 --date "$(ago 10)" --modality doppler --thrombosis no
expect_rc "Doppler: no thrombosis" 0
run hd exam add DC1 --ascites 2 --encephalopathy 1 --dialysis yes --weight 78
expect_rc "intake examination: ICA 2, West Haven 1, dialysed" 0
expect_in "the examination in words" "ascites ICA 2 encephalopathy West Haven 1 dialysis yes weight 78.0 kg" "$OUT"
for q in malignancy infection gi_bleed pregnancy hiv transplant immunosuppressants \
	organ_disease allergy; do
	hd checklist answer DC1 "$q" no >/dev/null || notok "answer $q"
done
run hd checklist answer DC1 consent yes --value "$(ago 1)"
expect_rc "consent" 0
run hd checklist DC1 --json
expect_in "READY with moderate ascites, HE 1 and dialysis" '"status":"READY"' "$OUT"
expect_in "ascites ICA 2 is within the protocol's limit" '"reason":"ascites ICA grade 2; accepted at most 2"' "$OUT"
expect_in "HE grade 1 from the examination" '"reason":"encephalopathy West Haven grade 1; accepted at most 1"' "$OUT"
expect_in "MELD 3.0 with the dialysis rule" '"reason":"meld3 23 is within 10-30"' "$OUT"
expect_in "the dialysis finding is named in the data" "dialysis yes (examination $TODAY, 0 days old)" "$OUT"
expect_in "Child-Pugh 8 from the graded findings" '"reason":"child_pugh 8 is within 7-12"' "$OUT"
run hd_sign checklist sign DC1
expect_rc "signed" 0
expect_in "signed READY" "signed DC1: version 1, READY as of $TODAY" "$OUT"
expect_eq "one signed READY evaluation stored" "$(sql "select count(*) from evaluations e join patients p on p.id = e.patient_id where p.mrn = 'DC1' and e.status = 'READY' and e.signed_at is not null")" "1"

# --- The same scores everywhere: show (text and JSON), checklist, dashboard.
SHOW=$(hd show DC1 --json)
DASH=$(hd dashboard DC1 --json)
expect_eq "show: MELD 24 (creatinine set to 4.0 for dialysis)" "$(score_of meld "$SHOW")" "24"
expect_eq "show: MELD-Na 25" "$(score_of meld_na "$SHOW")" "25"
expect_eq "show: MELD 3.0 23" "$(score_of meld3 "$SHOW")" "23"
expect_eq "dashboard: the MELD of show" "$(dash_latest meld "$DASH")" "24"
expect_eq "dashboard: the MELD-Na of show" "$(dash_latest meld_na "$DASH")" "25"
expect_eq "dashboard: the MELD 3.0 of show" "$(dash_latest meld3 "$DASH")" "23"
run hd show DC1
expect_in "show names the dialysis rule" "MELD creatinine: 1.2 -> 4 (set to 4.0 (dialysis))" "$OUT"
expect_in "show's Child-Pugh" "Child-Pugh  8  class B" "$OUT"

# --- The issue's dialysed patient: 31 / 33 / 33, and excluded by MELD 3.0.
hd patient add --mrn DC2 --name "DIALYSE, Dan" --dob 1962-05-05 --sex M --weight 70 >/dev/null
hd lab add DC2 --date "$(ago 1)" --bilirubin 4.0 --inr 1.7 --creatinine 1.5 --sodium 130 \
	--albumin 2.6 >/dev/null
hd exam add DC2 --dialysis yes >/dev/null
SHOW=$(hd show DC2 --json)
expect_eq "issue case: MELD 31" "$(score_of meld "$SHOW")" "31"
expect_eq "issue case: MELD-Na 33" "$(score_of meld_na "$SHOW")" "33"
expect_eq "issue case: MELD 3.0 33" "$(score_of meld3 "$SHOW")" "33"
run hd score --bilirubin 4.0 --inr 1.7 --creatinine 1.5 --sodium 130 --albumin 2.6 --sex M --dialysis --age 63
expect_in "the calculator agrees" "MELD 3.0    33" "$OUT"
run hd checklist DC2 --json
expect_in "MELD 3.0 33 is above the protocol's 30" '"reason":"meld3 33 is outside 10-30"' "$OUT"
expect_eq "dashboard: MELD 3.0 33" "$(dash_latest meld3 "$(hd dashboard DC2 --json)")" "33"

finish
