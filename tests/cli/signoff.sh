# Command-line tests: the clinic dashboard's "awaiting sign-off" — a patient
# whose checklist was begun (answers recorded) and not yet signed — leaves
# the list once the evaluation is signed.
. "$(dirname "$0")/lib.sh"

hd patient add --mrn S1 --name "SIGNOFF, Sam" --dob 1970-01-01 --sex M --weight 70 >/dev/null
hd patient add --mrn S2 --name "UNTOUCHED, Una" --dob 1970-01-01 --sex F >/dev/null
hd checklist answer S1 malignancy no >/dev/null
run hd due --json
expect_rc "due --json" 0
expect_in "a begun checklist awaits sign-off" '"awaiting_signoff":[{"mrn":"S1"' "$OUT"
expect_in "the count says one" '"awaiting_signoff":1' "$OUT"
expect_not_in "a patient with no answers is not awaiting sign-off" '"awaiting_signoff":[{"mrn":"S2"' "$OUT"
expect_in "a patient with no evaluation awaits evaluation" '"mrn":"S2"' "$OUT"
expect_eq "the JSON export is audited with the patients it names" "$(asql "select after from audit where action = 'export'")" '{"format":"json","mrns":["S1","S2"]}'
hd_sign checklist sign S1 >/dev/null || true
run hd due --json
expect_in "signed: nobody awaits sign-off" '"awaiting_signoff":[]' "$OUT"
finish
