# Command-line tests: `lab correct`, `lab void` and `lab list` — a wrong
# bilirubin corrected changes MELD, a voided INR leaves the scores and the
# checklist, both versions stay in the audit trail, and refused corrections
# write nothing.
. "$(dirname "$0")/lib.sh"

fixture_ready L1 "LAB, Lia" || { notok "fixture"; finish; exit 1; }
hd patient add --mrn L2 --name "OTHER, Olga" --dob 1970-05-05 --sex F --weight 70 >/dev/null
hd lab add L2 --date "$(ago 2)" --bilirubin 1.0 >/dev/null
hd lab add L1 --date "$(ago 10)" --ast 55 >/dev/null
ME=$(sql "select login from users order by id limit 1")
BILI=$(sql "select l.id from labs l join patients p on p.id = l.patient_id where p.mrn = 'L1' and analyte = 'bilirubin'")
INR=$(sql "select l.id from labs l join patients p on p.id = l.patient_id where p.mrn = 'L1' and analyte = 'inr'")
AST=$(sql "select max(l.id) from labs l join patients p on p.id = l.patient_id where p.mrn = 'L1' and analyte = 'ast' and date = '$(ago 3)'")
OTHER=$(sql "select l.id from labs l join patients p on p.id = l.patient_id where p.mrn = 'L2'")

run hd show L1 --json
expect_in "MELD before the correction" '"meld_latest":{"meld":16,"meld_na":18,"meld3":19' "$OUT"

run hd lab correct L1 "$BILI" --value 5.0 --reason "bilirubin of the next sample typed in"
expect_rc "lab correct succeeds" 0
expect_in "says what was corrected" "corrected lab result $BILI (bilirubin) of L1 on $(ago 3): 5 mg/dL, now version 2" "$OUT"
expect_eq "the row holds the value, its version and the reason" \
	"$(sql "select value, canonical, unit, version, correction_reason from labs where id = $BILI")" \
	"5.0|5.0|mg/dL|2|bilirubin of the next sample typed in"
expect_eq "the audit trail keeps both versions" \
	"$(sql "select json_extract(before, '\$.value') || '>' || json_extract(after, '\$.value') || ' v' || json_extract(before, '\$.version') || '>' || json_extract(after, '\$.version') from audit where tbl = 'labs' and action = 'update'")" \
	"2.3>5.0 v1>2"
run hd show L1 --json
expect_in "MELD follows the corrected bilirubin" '"meld_latest":{"meld":19,"meld_na":21,"meld3":22' "$OUT"
run hd score --bilirubin 5 --inr 1.6 --creatinine 1.1 --sodium 134
expect_in "... the MELD of those values" "MELD        19" "$OUT"

AUDIT=$(sql "select count(*) from audit where action <> 'view'")
ROWS=$(sql "select group_concat(id || ':' || value || ':' || version || ':' || coalesce(voided_at, '-'), ',') from labs")
run hd lab correct L1 "$BILI" --value 5.5 --reason "again" --if-version 1
expect_rc "a stale version is a conflict" 1
expect_in "the conflict names both versions" "changed by someone else since it was read (version 1, now 2)" "$ERR"
run hd lab correct L1 "$BILI" --value 100 --reason "x"
expect_rc "beyond the hard limit is refused" 2
expect_in "the refusal names value, unit and range" "bilirubin 100 mg/dL is outside 0-80 mg/dL" "$ERR"
run hd lab correct L1 "$BILI" --value 34 --reason "x"
expect_rc "beyond the warning limit asks for --confirm" 2
expect_in "it says so" "above 30 mg/dL — confirm it is correct" "$ERR"
run hd lab correct L1 "$AST" --value 600 --reason "x"
expect_rc "unit sense: a jump from the previous result asks" 2
expect_in "... against the other result, not the row itself" "55 U/L" "$ERR"
run hd lab correct L1 "$BILI" --value 2 --unit mmHg --reason "x"
expect_rc "a unit of another analyte is refused" 2
expect_in "the units accepted are named" "accepted mg/dL or µmol/L" "$ERR"
run hd lab correct L1 "$BILI" --value 2
expect_rc "a correction needs a reason" 2
expect_in "the reason is asked for" "--reason is required" "$ERR"
run hd lab correct L1 "$BILI" --value 2 --reason "x" --date "$(later 3)"
expect_rc "a day after today is refused" 2
expect_in "the day is named" "collection date" "$ERR"
run hd lab correct L1 "$OTHER" --value 2 --reason "x"
expect_rc "another patient's result is refused" 2
expect_in "not this patient's" "no lab result $OTHER for this patient" "$ERR"
expect_eq "refused corrections wrote nothing" \
	"$(sql "select count(*) from audit where action <> 'view'")|$(sql "select group_concat(id || ':' || value || ':' || version || ':' || coalesce(voided_at, '-'), ',') from labs")" \
	"$AUDIT|$ROWS"

run hd lab correct L1 "$BILI" --value 85.5 --unit "µmol/L" --reason "was in SI"
expect_rc "a correction in the other unit" 0
expect_eq "kept as entered, canonical in mg/dL" \
	"$(sql "select value, unit, round(canonical, 2), version from labs where id = $BILI")" \
	"85.5|µmol/L|5.0|3"

run hd lab void L1 "$INR" --reason "filed to the wrong patient"
expect_rc "lab void succeeds" 0
expect_eq "the row stays, voided with who and why" \
	"$(sql "select value, voided_at is not null, voided_by, void_reason, version from labs where id = $INR")" \
	"1.6|1|$ME|filed to the wrong patient|2"
expect_eq "the audit keeps the void" \
	"$(sql "select json_extract(before, '\$.voided_at') is null, json_extract(after, '\$.void_reason') from audit where tbl = 'labs' and action = 'update' and row_id = $INR")" \
	"1|filed to the wrong patient"
run hd checklist L1
expect_in "the checklist no longer counts the voided INR" "NOT READY: labs missing, meld3 missing" "$OUT"
expect_in "... it names the analyte" "no result on or before this day for inr" "$OUT"
run hd show L1 --json
expect_in "no MELD without an INR" '"meld_latest":{"meld":null' "$OUT"
run hd dashboard L1 --json
expect_not_in "the dashboard has no INR series point" '"inr":{"series":[{' "$OUT"
run hd lab list L1
expect_in "lab list marks the voided result" "VOIDED: filed to the wrong patient" "$OUT"
expect_in "... and the corrected one" "corrected: was in SI" "$OUT"
run hd lab list L1 --json
expect_in "lab list --json gives id, version and the void" \
	"{\"id\":$INR,\"version\":2,\"analyte\":\"inr\",\"date\":\"$(ago 3)\",\"value\":1.6,\"unit\":\"\",\"source\":\"cli\",\"confirmed\":false,\"correction\":null,\"voided\":true,\"void_reason\":\"filed to the wrong patient\",\"voided_by\":\"$ME\"}" "$OUT"

run hd lab void L1 "$INR" --reason "again"
expect_rc "voiding twice is refused" 2
expect_in "it says so" "voided already" "$ERR"
run hd lab correct L1 "$INR" --value 1.5 --reason "x"
expect_rc "a voided result is not corrected" 2
expect_in "it says why" "was voided (filed to the wrong patient)" "$ERR"
run hd lab void L1 "$BILI"
expect_rc "a void needs a reason" 2

hd lab add L1 --date "$(ago 1)" --inr 1.4 >/dev/null
run hd checklist L1
expect_in "a new INR makes the labs met again" "met      labs" "$OUT"
finish
