# Command-line tests: unit sense across a patient's history (issue 11). A
# result that fits only the other unit system given the previous result, two
# very different results of one analyte on one day, and a large jump within
# labs:jump_days ask for confirmation naming the likely unit and the earlier
# value; --confirm stores it marked confirmed. The first two cases are the
# ones found when tried; each was stored silently before this change.
. "$(dirname "$0")/lib.sh"

hd patient add --mrn U1 --name "UNITS, Uma" --dob 1960-01-01 --sex F >/dev/null
hd lab add U1 --date "$(ago 10)" --units si --bilirubin 171 >/dev/null

# --- 5.2 typed into the SI form right after 171 µmol/L was stored as 0.3 mg/dL.
run hd lab add U1 --date "$(ago 3)" --units si --bilirubin 5.2
expect_rc "5.2 µmol/L after 171 µmol/L asks (exit 2)" 2
expect_in "it names the likely unit and the earlier value" "bilirubin 5.2 µmol/L looks like mg/dL given the previous result 171 µmol/L (10.0 mg/dL) on $(ago 10); enter it in mg/dL, or confirm 5.2 µmol/L (add --confirm to accept)" "$ERR"
expect_in "nothing was written" "0" "$(sql "SELECT count(*) FROM labs WHERE value = 5.2")"
run hd lab add U1 --date "$(ago 3)" --bilirubin 5.2
expect_rc "the same value in mg/dL is accepted" 0
run hd show U1 --json
expect_in "MELD now uses 5.2 mg/dL" '"bilirubin"' "$OUT"
expect_in "stored as 5.2 mg/dL" "5.2" "$(sql "SELECT canonical FROM labs WHERE value = 5.2")"

# --- The same analyte twice on one day: 2.3 then 23.
hd patient add --mrn U2 --name "TWICE, Tom" --dob 1960-01-01 --sex M >/dev/null
hd lab add U2 --date "$(ago 1)" --bilirubin 2.3 >/dev/null
run hd lab add U2 --date "$(ago 1)" --bilirubin 23
expect_rc "23 after 2.3 the same day asks (exit 2)" 2
expect_in "the message names the earlier value and the day" "bilirubin 23 mg/dL differs from 2.3 mg/dL on $(ago 1) the same day by more than 1.5 times; confirm both are right" "$ERR"
expect_in "nothing was written" "1" "$(sql "SELECT count(*) FROM labs l JOIN patients p ON p.id = l.patient_id WHERE p.mrn = 'U2'")"
run hd lab add U2 --date "$(ago 1)" --bilirubin 23 --confirm
expect_rc "--confirm stores it" 0
expect_in "stored marked confirmed" "1" "$(sql "SELECT confirmed FROM labs WHERE value = 23")"
# Close values on one day are not questioned.
run hd lab add U2 --date "$(ago 1)" --inr 1.6
run hd lab add U2 --date "$(ago 1)" --inr 1.7
expect_rc "1.6 then 1.7 INR the same day is accepted" 0

# --- A jump beyond labs:jump_factor within labs:jump_days.
hd patient add --mrn U3 --name "JUMP, Jo" --dob 1960-01-01 --sex M >/dev/null
hd lab add U3 --date "$(ago 20)" --creatinine 0.9 >/dev/null
run hd lab add U3 --date "$(ago 5)" --creatinine 9.0
expect_rc "creatinine 10-fold in 15 days asks" 2
expect_in "it names the change and the earlier value" "creatinine 9 mg/dL changed more than 5-fold from the previous result 0.90 mg/dL on $(ago 20), 15 days before; confirm the value" "$ERR"
# The factor is the clinic's: labs:jump_factor in the configuration.
printf '[labs]\njump_factor = 20\n' >"$T/jump.ini"
run "$HEPADESK" --db "$DB" --config "$T/jump.ini" lab add U3 --date "$(ago 5)" --creatinine 9.0
expect_rc "with jump_factor 20 the same value is accepted" 0
# Two values of one analyte in one entry are compared too.
hd patient add --mrn U4 --name "BATCH, Bo" --dob 1960-01-01 --sex M >/dev/null
run hd lab add U4 --date "$(ago 2)" --units si --bilirubin 171
expect_rc "a first result has nothing to compare with" 0

finish
