# Command-line tests: `hepadesk score` — the JSON contract, units, clamps,
# ties, and what cannot be computed.
. "$(dirname "$0")/lib.sh"

run "$HEPADESK" score --bilirubin 1.0 --inr 1.0 --creatinine 1.68 --sodium 125 --json
expect_rc "score succeeds without a database" 0
expect_in "MELD(i)=11 gate: MELD-Na stays 11" '"meld_na":11' "$OUT"
run "$HEPADESK" score --bilirubin 1.0 --inr 1.0 --creatinine 1.80 --sodium 125 --json
expect_in "MELD(i)=12 gate: MELD-Na 23" '"meld_na":23' "$OUT"
run "$HEPADESK" score --units si --bilirubin 54 --inr 2.0 --creatinine 170 --json
expect_in "SI input: MELD 25" '"meld":25' "$OUT"
run "$HEPADESK" score --bilirubin 0.9 --inr 0.9 --creatinine 0.9 --sodium 126 --albumin 2.7 --sex M --json
expect_in "MELD 3.0 tie 16.5 rounds half up to 17" '"meld3":17' "$OUT"
run "$HEPADESK" score --bilirubin 0.9 --inr 0.9 --creatinine 0.9 --sodium 125 --albumin 1.7 --sex F --json
expect_in "MELD 3.0 tie 20.5 rounds to 21" '"meld3":21' "$OUT"
run "$HEPADESK" score --bilirubin 2 --inr 1.5 --creatinine 5.2 --json
expect_in "creatinine clamp is reported" '"input":"creatinine","given":5.2,"used":4' "$OUT"
expect_in "meld3 not computable without sodium is null" '"meld3":null' "$OUT"
expect_in "the reason names the missing input" 'needs' "$OUT"
for key in meld meld_na meld3 child_pugh_score child_pugh_class albi albi_grade fib4 apri; do
	expect_in "JSON has key $key" "\"$key\":" "$OUT"
done
run "$HEPADESK" score --bilirubin 2 --inr 1.5 --creatinine 1 --dialysis --json
expect_in "dialysis sets creatinine to 4.0 for MELD" '"used":4' "$OUT"
run "$HEPADESK" score --bilirubin 3.2 --albumin 2.6 --inr 2.0 --creatinine 1 --ascites slight --encephalopathy 1 --json
expect_in "Child-Pugh 12" '"child_pugh_score":12' "$OUT"
expect_in "Child-Pugh class C" '"child_pugh_class":"C"' "$OUT"
run "$HEPADESK" score --bilirubin 5 --albumin 3.6 --inr 1.0 --creatinine 1 --ascites none --encephalopathy 0 --cholestatic --json
expect_in "PBC/PSC bilirubin variant gives 2 points (score 6)" '"child_pugh_score":6' "$OUT"
run "$HEPADESK" score --units si --bilirubin 17.1 --albumin 40 --inr 1 --creatinine 88.4 --json
expect_in "ALBI -2.586" '"albi":-2.586' "$OUT"
expect_in "ALBI grade 2" '"albi_grade":2' "$OUT"
run "$HEPADESK" score --bilirubin 1 --inr 1 --creatinine 1 --age 50 --ast 40 --alt 36 --platelets 200 --json
expect_in "FIB-4 1.667" '"fib4":1.667' "$OUT"
run "$HEPADESK" score --bilirubin 1 --inr 1 --creatinine 1 --ast 38 --alt 30 --platelets 150 --json
expect_in "APRI 0.63" '"apri":0.63' "$OUT"
run "$HEPADESK" score --bilirubin 2 --inr 1.5 --creatinine 1 --age 10 --json
expect_in "under 12: MELD refused" '"meld":null' "$OUT"
expect_in "under 12: says PELD applies" 'PELD' "$OUT"
run "$HEPADESK" score --bilirubin 85 --inr 1.5 --creatinine 1
expect_rc "bilirubin 85 mg/dL refused" 2
expect_in "unit mix-up named" "looks like µmol/L" "$ERR"
run "$HEPADESK" score --bilirubin 2 --inr 1.5 --creatinine 1.1 --sodium 130
expect_rc "text output" 0
expect_in "text output names MELD-Na" "MELD-Na" "$OUT"
# --- Score edges (issue 11): Child-Pugh from PT seconds without an INR.
run hd score --bilirubin 2.5 --albumin 3.0 --ascites slight --encephalopathy 0 --pt-prolong 5
expect_rc "Child-Pugh from PT prolongation computes" 0
expect_in "PT +5 s gives 2 points and names the rule" "Child-Pugh  9  class B (PT +5 s: 1-3 s, 4-6 s, > 6 s)" "$OUT"
run hd score --bilirubin 2.5 --albumin 3.0 --ascites slight --encephalopathy 0 --pt-prolong abc
expect_rc "a bad --pt-prolong is refused" 2
# ALBI -2.59988 (bilirubin 4.2 mg/dL = 71.82 µmol/L, albumin 45 g/L:
# 0.66 * log10 71.82 - 0.085 * 45 = 1.22512 - 3.825) was shown as -2.600
# beside grade 2; text and JSON now show enough digits to agree.
run hd score --bilirubin 4.2 --inr 1.0 --creatinine 1.0 --albumin 4.5
expect_in "ALBI just above -2.60 shows the digits that make it grade 2" "ALBI        -2.5999  grade 2" "$OUT"
run hd score --bilirubin 4.2 --inr 1.0 --creatinine 1.0 --albumin 4.5 --json
expect_in "JSON too" '"albi":-2.5999,"albi_grade":2' "$OUT"
run hd score --ast 40 --alt 36 --platelets 200 --age 70
expect_in "FIB-4 at 70 gives the age caveat" "FIB-4 from 65 years: rule-out cut-off 2.0 instead of 1.30" "$OUT"

finish
