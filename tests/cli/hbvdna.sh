# Command-line tests: HBV DNA in IU/mL and in log10 IU/mL, the unit explicit
# at entry and display (issue 11). The first case is the one found when
# tried: 5.3 meant as log10 was stored silently as 5 IU/mL on old main.
. "$(dirname "$0")/lib.sh"

hd patient add --mrn H1 --name "HEPB, Hai" --dob 1965-01-01 --sex M --etiology B18.1 >/dev/null

# --- 5.3 in IU/mL asks whether it was log10.
run hd lab add H1 --date "$(ago 2)" --hbv-dna 5.3
expect_rc "a bare 5.3 IU/mL asks (exit 2)" 2
expect_in "the question names log10 and the IU/mL it would be" "hbv_dna 5.3 IU/mL is under 10: was it 5.3 log10 IU/mL (about 199526 IU/mL)? Enter it in log10 IU/mL, or confirm 5.3 IU/mL (add --confirm to accept)" "$ERR"
expect_in "nothing was written" "0" "$(sql "SELECT count(*) FROM labs")"

# --- Entered in log10 IU/mL: kept as entered, canonical in IU/mL.
run hd lab add H1 --date "$(ago 2)" --hbv-dna-log10 5.3
expect_rc "5.3 log10 IU/mL is accepted" 0
expect_in "the value and unit are kept as entered" "5.3|log10 IU/mL" "$(sql "SELECT value || '|' || unit FROM labs")"
expect_in "the canonical value is 10^5.3 IU/mL" "199526" "$(sql "SELECT CAST(round(canonical) AS INTEGER) FROM labs")"
run hd show H1
expect_in "show gives IU/mL and the value as entered" "(entered 5.30 log10 IU/mL)" "$OUT"
run hd show H1 --json
expect_in "show --json names the unit entered" '"entered":"log10 IU/mL","entered_value":5.3,' "$OUT"
run hd checklist H1 --json
expect_in "the viral item sees 199526 IU/mL, not 5" 'HBV DNA 199526 IU/mL is not below 1000 IU/mL' "$OUT"
expect_in "and shows the log10 as entered" '(5.30 log10 IU/mL)' "$OUT"

# --- Refusals.
run hd lab add H1 --date "$(ago 1)" --hbv-dna-log10 11
expect_rc "log10 above 10 is refused" 2
expect_in "the refusal names the range and unit" "accepted 0-10 log10 IU/mL" "$ERR"
run hd lab add H1 --date "$(ago 1)" --hbv-dna 20 --hbv-dna-log10 1.3
expect_rc "both units at once are refused" 2
# --- A confirmed small IU/mL value is stored as IU/mL, marked confirmed.
hd patient add --mrn H2 --name "LOW, Lan" --dob 1965-01-01 --sex F --etiology B18.1 >/dev/null
run hd lab add H2 --date "$(ago 1)" --hbv-dna 5 --confirm
expect_rc "--confirm keeps 5 IU/mL" 0
expect_in "stored as 5 IU/mL, confirmed" "5.0|IU/mL|1" "$(sql "SELECT value || '|' || unit || '|' || confirmed FROM labs l JOIN patients p ON p.id = l.patient_id WHERE p.mrn = 'H2'")"
run hd lab add H2 --date "$TODAY" --hbv-dna 20
expect_rc "20 IU/mL (a usual lower limit) does not ask" 0

finish
