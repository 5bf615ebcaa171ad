# Command-line tests: examination findings (`exam add`) and the one choice of
# score inputs that `show`, the checklist and the dashboard share (issue 11).
# The first cases are the ones found when a new user tried the program on a
# decompensated patient; each failed on the code before this change.
. "$(dirname "$0")/lib.sh"

# cp_of TEXT: the Child-Pugh points in `show --json`, checklist and dashboard JSON.
show_cp() { hd show "$1" --json | grep -o '"child_pugh_score":[0-9a-z]*' | cut -d: -f2; }
check_cp() { hd checklist "$1" --json | grep -o 'child_pugh [0-9]* is' | cut -d' ' -f2; }
dash_cp() { hd dashboard "$1" --json | grep -o '"key":"child_pugh","unit":"points","baseline":[^,]*,"latest":{"value":[0-9]*' | grep -o '[0-9]*$'; }

# --- Every patient with ascites was blocked: a graded ascites (ICA 2) at an
# examination now feeds Child-Pugh, and the patient can reach READY.
fixture_ready A1 "ASCITES, Ann" >/dev/null
hd imaging add A1 --date "$(ago 5)" --modality ultrasound --ascites yes >/dev/null
run hd exam add A1 --date "$(ago 1)" --ascites 2 --encephalopathy 0
expect_rc "an examination with ascites ICA 2 is recorded" 0
expect_in "the record is confirmed in words" "ascites ICA 2 encephalopathy West Haven 0" "$OUT"
run hd checklist A1 --json
expect_in "a patient with moderate ascites is READY" '"status":"READY"' "$OUT"
expect_in "Child-Pugh names the ascites finding it used" "ascites ICA 2 (examination $(ago 1), 1 day old)" "$OUT"
run hd show A1
expect_in "show computes Child-Pugh with the graded ascites" "Child-Pugh  8  class B" "$OUT"
expect_in "show names the findings it used" "ascites ICA 2 (examination $(ago 1), 1 day old)" "$OUT"

# --- The issue's words: "a graded ascites recorded at a visit (ICA 2) is
# ignored". A visit's ICA grade is an examination finding too.
fixture_ready A2 "VISIT, Val" >/dev/null
hd imaging add A2 --date "$(ago 5)" --modality ultrasound --ascites yes >/dev/null
run hd checklist A2 --json
expect_in "ascites seen on a newer ultrasound: no older 'none' is used for Child-Pugh" '"reason":"child_pugh not computable: needs ascites"' "$OUT"
expect_in "the data says it was seen, not graded" "ascites seen on imaging $(ago 5) (5 days old) but not graded: record the grade" "$OUT"
expect_in "the ascites item asks for the grade" '"reason":"ascites seen on imaging '"$(ago 5)"' (5 days old) but not graded: record the ICA grade (0-3)"' "$OUT"
run hd show A2 --json
expect_in "show --json says so" '"ascites_ica":{"value":null,"too_old_date":null,"seen_not_graded":"'"$(ago 5)"'"}' "$OUT"
hd visit add A2 --unscheduled --ascites 2 >/dev/null
run hd checklist A2 --json
expect_in "ICA 2 at a visit: READY" '"status":"READY"' "$OUT"
expect_in "Child-Pugh names the visit's grade" "ascites ICA 2 (visit $TODAY, 0 days old)" "$OUT"

# --- Child-Pugh differed by screen: show, the checklist and the dashboard now
# give the same points for the same patient on the same day.
fixture_ready S1 "SAME, Sam" >/dev/null
hd checklist answer S1 encephalopathy yes --value 1 >/dev/null
a=$(show_cp S1) b=$(check_cp S1) c=$(dash_cp S1)
expect_eq "show computes Child-Pugh from the recorded encephalopathy grade" "$a" "8"
expect_eq "the checklist gives the Child-Pugh of show" "$b" "$a"
expect_eq "the dashboard gives the Child-Pugh of show" "$c" "$a"
hd exam add S1 --ascites 3 >/dev/null
a=$(show_cp S1) b=$(check_cp S1) c=$(dash_cp S1)
expect_eq "a newer examination moves show's Child-Pugh" "$a" "10"
expect_eq "... and the checklist's with it" "$b" "10"
expect_eq "... and the dashboard's with it" "$c" "10"

# --- Dialysis could not be recorded: now show, the checklist and the
# dashboard apply the dialysis rule (creatinine set to 4.0 / 3.0).
hd patient add --mrn D1 --name "DIALYSIS, Dan" --dob 1960-01-01 --sex M --weight 70 >/dev/null
hd lab add D1 --date "$(ago 2)" --bilirubin 4.0 --inr 1.7 --creatinine 1.5 --sodium 130 \
	--albumin 2.6 >/dev/null
run hd show D1 --json
expect_in "without dialysis MELD is 21" '"meld":21,"meld_na":25,"meld3":26' "$OUT"
run hd exam add D1 --dialysis yes
expect_rc "dialysis is recorded" 0
run hd show D1 --json
expect_in "with dialysis MELD 31, MELD-Na 33, MELD 3.0 33" '"meld":31,"meld_na":33,"meld3":33' "$OUT"
expect_in "the dialysis rule is shown as applied" '"dialysis_rule":true' "$OUT"
expect_in "the clamp says why" '"reason":"set to 4.0 (dialysis)"' "$OUT"
run hd show D1
expect_in "show text names the dialysis finding" "dialysis yes (examination $TODAY, 0 days old)" "$OUT"
run hd checklist D1 --json
expect_in "the protocol's MELD 3.0 bound now excludes the dialysed patient" '"reason":"meld3 33 is outside 10-30"' "$OUT"
run hd dashboard D1 --json
expect_in "the dashboard applies dialysis too" '"key":"meld3","unit":"points","baseline":null,"latest":{"value":33' "$OUT"
hd exam add D1 --dialysis no >/dev/null
run hd show D1 --json
expect_in "a later examination without dialysis lifts the rule" '"meld":21,"meld_na":25,"meld3":26' "$OUT"

# --- Findings older than the window are not used, and say so.
hd patient add --mrn O1 --name "OLD, Olga" --dob 1960-01-01 --sex F --weight 70 >/dev/null
hd exam add O1 --date "$(ago 40)" --ascites 1 >/dev/null
run hd show O1
expect_in "a finding older than the window is named and not used" "ascites: last on $(ago 40), older than 30 days, not used" "$OUT"

# --- Bad input: refused naming field, value, range and unit; nothing written.
before=$(sql "select count(*) from exams")
run hd exam add D1 --ascites 4
expect_rc "ascites grade 4 is refused" 2
expect_in "the refusal names field, value and range" "ascites: '4' is not a International Club of Ascites grade; accepted 0-3" "$ERR"
run hd exam add D1 --encephalopathy 5
expect_rc "encephalopathy grade 5 is refused" 2
run hd exam add D1 --dialysis maybe
expect_rc "dialysis other than yes/no is refused" 2
expect_in "the refusal names the accepted words" "dialysis: 'maybe' is not accepted; accepted yes" "$ERR"
run hd exam add D1 --weight 300
expect_rc "an impossible weight is refused" 2
expect_in "the refusal names range and unit" "weight: 300 kg is outside 20-250 kg" "$ERR"
run hd exam add D1 --weight 160
expect_rc "an unusual weight asks for confirmation" 2
expect_in "the question says how to confirm" "add --confirm to accept" "$ERR"
run hd exam add D1 --ascites 2 --dry-weight 60
expect_rc "a dry weight without tense ascites is refused" 2
expect_in "the refusal says when dry weight is accepted" "accepted only with ascites ICA grade 3" "$ERR"
run hd exam add D1 --ascites 3 --weight 70 --dry-weight 75
expect_rc "a dry weight above the weight is refused" 2
run hd exam add D1 --date "$(later 1)" --ascites 1
expect_rc "an examination in the future is refused" 2
run hd exam add D1
expect_rc "an examination with no finding is refused" 2
expect_eq "refused examinations store nothing" "$(sql "select count(*) from exams")" "$before"
run hd exam add D1 --weight 160 --confirm --ascites 3 --dry-weight 150
expect_rc "a confirmed unusual weight with tense ascites and its dry weight is recorded" 0
expect_eq "the weight becomes the patient's weight" "$(sql "select weight_kg, weight_date from patients where mrn='D1'")" "160.0|$TODAY"
expect_eq "examinations are audited" "$(sql "select count(*) from audit where tbl='exams' and action='create'")" "$(sql "select count(*) from exams")"
run hd exam add NOPE --ascites 1
expect_rc "an unknown MRN is refused" 2
expect_in "the refusal names the MRN" "no patient with MRN 'NOPE'" "$ERR"

finish
