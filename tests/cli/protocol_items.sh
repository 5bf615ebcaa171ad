# Command-line tests: the protocol item kinds of issue 11 (an age range, an AFP
# threshold, a viral-replication rule, ascites and encephalopathy grade limits
# from the examination findings) in the default protocol. The first cases are
# the ones found when a new user tried the program; each was READY on the code
# before this change.
. "$(dirname "$0")/lib.sh"

# ready_as MRN DOB [ETIOLOGY]: fixture_ready, then the birth date (and etiology).
ready_as() {
	fixture_ready "$1" "AGE, Case" >/dev/null &&
		hd patient update "$1" --dob "$2" ${3:+--etiology "$3"} --confirm >/dev/null
}

# --- A 16-year-old and an 88-year-old were READY.
ready_as Y16 "$(date -u -d "$TODAY -16 years -3 months" +%F)"
run hd checklist Y16 --json
expect_in "a 16-year-old is EXCLUDED" '"status":"EXCLUDED"' "$OUT"
expect_in "the age item names the age and the range" '"id":"age","label":"Age 18-75 years","kind":"age","required":true,"excludes":true,"state":"not_met","reason":"age 16 years is outside 18-75 years"' "$OUT"
expect_in "age is what blocks" '"blocking":["age"]' "$OUT"
ready_as Y88 "$(date -u -d "$TODAY -88 years" +%F)"
run hd checklist Y88 --json
expect_in "an 88-year-old is EXCLUDED" '"status":"EXCLUDED"' "$OUT"
expect_in "the reason says 88 years" 'age 88 years is outside 18-75 years' "$OUT"
ready_as Y18 "$(date -u -d "$TODAY -18 years" +%F)"
run hd checklist Y18 --json
expect_in "18 years on the day is accepted" '"status":"READY"' "$OUT"

# --- AFP 850 ng/mL was READY.
fixture_ready F850 "AFP, High" >/dev/null
hd lab add F850 --date "$(ago 1)" --afp 850 --confirm >/dev/null
run hd checklist F850 --json
expect_in "AFP 850 ng/mL is NOT_READY" '"status":"NOT_READY"' "$OUT"
expect_in "the AFP item names the value and the threshold" 'afp 850.0 ng/mL on' "$OUT"
expect_in "threshold in the reason" 'accepted at most 200' "$OUT"
expect_in "afp is what blocks" '"blocking":["afp"]' "$OUT"
run hd checklist F850
expect_in "text output names the AFP item" 'afp not_met' "$OUT"

# --- HBV DNA 2.5 x 10^7 IU/mL was READY.
ready_as B7 1965-05-05 B18.1
hd lab add B7 --date "$(ago 2)" --hbv-dna 2.5e7 >/dev/null
run hd checklist B7 --json
expect_in "HBV DNA 2.5e7 IU/mL is NOT_READY" '"status":"NOT_READY"' "$OUT"
expect_in "the viral item says why" 'HBV DNA 2.5e+07 IU/mL is not below 1000 IU/mL and antiviral therapy is not confirmed' "$OUT"
expect_in "hbv is what blocks" '"blocking":["hbv"]' "$OUT"
run hd checklist answer B7 hbv yes --note "entecavir 0.5 mg daily since 2025"
expect_rc "on antiviral therapy is an answer" 0
run hd checklist B7 --json
expect_in "on antiviral therapy meets the rule" '"status":"READY"' "$OUT"
expect_in "the reason says so" 'on antiviral therapy (answered' "$OUT"
# A hepatitis B patient without HBV DNA or an answer is held, not READY.
ready_as B0 1965-05-05 B18.1
run hd checklist B0 --json
expect_in "hepatitis B without HBV DNA is NOT_READY" '"blocking":["hbv"]' "$OUT"
run hd checklist answer B0 ascites no
expect_rc "an exam item is not answered" 2
expect_in "the refusal says it is computed" 'computed from the record' "$ERR"

# --- Ascites grade limit from the examination findings.
fixture_ready AS3 "ASCITES, Tense" >/dev/null
hd exam add AS3 --date "$(ago 1)" --ascites 3 >/dev/null
run hd checklist AS3 --json
expect_in "tense ascites (ICA 3) is EXCLUDED" '"status":"EXCLUDED"' "$OUT"
expect_in "the ascites item names the finding" 'ascites ICA grade 3; accepted at most 2' "$OUT"

# --- Encephalopathy: a West Haven grade examined after the answer counts.
fixture_ready HE2 "HE, Two" >/dev/null
hd exam add HE2 --date "$TODAY" --encephalopathy 2 >/dev/null
run hd checklist HE2 --json
expect_in "grade 2 at an examination after the answer EXCLUDES" '"status":"EXCLUDED"' "$OUT"
expect_in "the grade item names the examination" 'encephalopathy West Haven grade 2 (examination' "$OUT"

finish
