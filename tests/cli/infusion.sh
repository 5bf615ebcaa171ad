# Command-line tests: the check before every infusion (issue 12). Each case
# a clinic found is here: an infusion with no plan, evaluation, consent or
# labs; 10 times and 62 % over the planned dose; infusion 2 two hours after
# infusion 1; after a grade 3 serious bleed; after a fatal adverse event; a
# plan 400 days after its evaluation; the check again before infusions 2
# and 3. A refusal exits 2 naming the item and writes nothing.
. "$(dirname "$0")/lib.sh"
fixture_lot UC-1 || notok "product lot fixture"
fixture_lot UC-2 || notok "product lot fixture"

EXP=2027-01-31
give() { # give MRN "YYYY-MM-DD HH:MM" CELLS [more options]
	local m=$1 at=$2 cells=$3
	shift 3
	run hd infusion add "$m" --at "$at" --route iv --cells "$cells" --lot UC-1 --expires "$EXP" "$@"
}
count() { sql "select count(*) from infusions i join patients p on p.id = i.patient_id where p.mrn = '$1'"; }

# --- no plan, no evaluation, no consent, no labs ---
hd patient add --mrn N1 --name "NOTHING, Nel" --dob 1960-01-01 --sex F --weight 60 >/dev/null
give N1 "$TODAY 09:00" 3e7
expect_rc "no plan/evaluation/consent/labs: refused" 2
expect_in "the refusal names the item" "infusion check: status: the patient is in screening" "$ERR"
expect_eq "nothing written" "$(count N1)" 0
run hd infusion check N1 --json
expect_rc "infusion check exits 2 when refused" 2
for item in evaluation consent labs plan; do
	expect_in "check: $item refused" "{\"item\":\"$item\",\"label\":" "$OUT"
	expect_in "check: $item is refuse" "$(printf '"item":"%s"' "$item")" "$(echo "$OUT" | grep -o "\"item\":\"$item\"[^}]*\"state\":\"refuse\"")"
done
run hd infusion check N1
expect_in "text output shows each item with its mark" "[NO] Signed READY evaluation still valid" "$OUT"
expect_in "and the data it used" "data: no signed evaluation" "$OUT"

# --- 10 times and 62 % over the planned dose (0.5e6/kg x 60 kg = 3e7) ---
fixture_planned D1 "DOSE, Dan"
give D1 "$TODAY 09:00" 3e8 --label "Infusion 1"
expect_rc "10 x the dose: refused" 2
expect_in "names the dose" "infusion check: dose: 3.0 x 10^8 cells is 900 % over the planned 3.0 x 10^7" "$ERR"
give D1 "$TODAY 09:00" 4.86e7 --label "Infusion 1"
expect_rc "62 % over: refused" 2
expect_in "names the dose and the percentage" "dose: 4.86 x 10^7 cells is 62 % over" "$ERR"
expect_eq "nothing written" "$(count D1)" 0
give D1 "$TODAY 07:30" 3.2e7 --label "Infusion 1"
expect_rc "within 10 %: recorded" 0
expect_eq "the check is kept with the infusion" "$(sql "select json_extract(check_detail, '\$.result') from infusions")" "pass"

# --- infusion 2 two hours after infusion 1 ---
give D1 "$TODAY 09:30" 3e7 --label "Infusion 2"
expect_rc "infusion 2 two hours later: refused" 2
expect_in "names the interval" "infusion check: interval: 0 days after the last infusion; the plan needs at least 26" "$ERR"
give D1 "$TODAY 09:30" 3e7
expect_rc "and without a label too" 2
expect_eq "only infusion 1 is on file" "$(count D1)" 1

# --- a grade 3 serious bleed four days before ---
fixture_planned B1 "BLEED, Bea"
hd ae add B1 --term "Gastrointestinal hemorrhage" --grade 3 --onset "$(ago 4) 08:00" \
	--serious yes --relation unlikely --action hospitalised >/dev/null
give B1 "$TODAY 09:00" 3e7 --label "Infusion 1"
expect_rc "after a grade 3 serious bleed: refused" 2
expect_in "names the event and the stopping rule" "adverse_events: Gastrointestinal hemorrhage grade 3 (serious, unlikely" "$ERR"
expect_in "until a physician reviews it" "halts infusions until a physician reviews it" "$ERR"
expect_eq "nothing written" "$(count B1)" 0

# --- after a fatal adverse event ---
fixture_planned F1 "FATAL, Fay"
hd ae add F1 --term "Hepatic failure" --grade 5 --onset "$(ago 1) 22:00" --serious yes \
	--relation unlikely --outcome fatal >/dev/null
expect_eq "grade 5 records the death" "$(sql "select state, date from patient_status where recorded_by <> 'migration' and patient_id = (select id from patients where mrn = 'F1') order by id desc limit 1")" "deceased|$(ago 1)"
expect_eq "and closes the schedule" "$(sql "select count(*) from schedule s join patients p on p.id = s.patient_id where p.mrn = 'F1' and s.state = 'open'")" 0
give F1 "$TODAY 09:00" 3e7
expect_rc "after a fatal AE: refused" 2
expect_in "names the status" "infusion check: status: the patient is recorded as deceased" "$ERR"
run hd due --json --date "$(later 7)"
expect_not_in "the deceased patient is not due" '"mrn":"F1","name":"FATAL, Fay","label"' "$OUT"
expect_in "the fatal event stays on the serious list" '"mrn":"F1","name":"FATAL, Fay","term":"Hepatic failure","grade":5' "$OUT"

# --- a plan 400 days after the evaluation ---
fixture_ready L1 "LATE, Lou"
hd_sign checklist sign L1 >/dev/null
run hd_sign plan add L1 --route iv --first-date "$(later 400)"
expect_rc "a plan 400 days after the evaluation: refused" 2
expect_in "names the date and the validity" "first infusion date: $(later 400) is 400 days after the evaluation of $TODAY; the protocol accepts 90 days" "$ERR"
expect_eq "no plan written" "$(sql "select count(*) from plans p join patients q on q.id = p.patient_id where q.mrn = 'L1'")" 0
run hd_sign plan add L1 --route iv --first-date "$(later 30)"
expect_rc "inside the validity: accepted" 0

# --- the check again before infusions 2 and 3 ---
fixture_planned R1 "RECHECK, Rae"
give R1 "$TODAY 09:00" 3e7 --label "Infusion 1"
expect_rc "infusion 1" 0
D28=$(later 28)
HEPADESK_TEST_NOW="$D28 10:00" run hd infusion check R1 --label "Infusion 2" --at "$D28 09:00" --route iv --cells 3e7 --lot UC-2 --expires "$EXP"
expect_rc "day 28: infusion 2 is checked again and refused" 2
expect_in "the weight is stale" "no weight within 14 days of the infusion" "$OUT"
expect_in "the labs need confirmation" "the oldest of the labs is 31 days before the infusion" "$OUT"
HEPADESK_TEST_NOW="$D28 10:00" hd patient update R1 --weight 61 >/dev/null
HEPADESK_TEST_NOW="$D28 10:00" give R1 "$D28 09:00" 3.05e7 --label "Infusion 2"
expect_rc "stale labs need a physician's confirmation" 2
expect_in "names the labs" "infusion check: labs: the oldest of the labs is 31 days before" "$ERR"
HEPADESK_TEST_NOW="$D28 10:00" hd lab add R1 --date "$D28" --bilirubin 2.0 --inr 1.5 --creatinine 1.0 --platelets 95 >/dev/null
HEPADESK_TEST_NOW="$D28 10:00" give R1 "$D28 09:00" 3.05e7 --label "Infusion 2"
expect_rc "with fresh labs and weight, infusion 2 is recorded" 0
D56=$(later 56)
HEPADESK_TEST_NOW="$D56 08:00" hd ae add R1 --term "Fever" --grade 4 --onset "$(later 50) 12:00" --serious no --relation probable --confirm >/dev/null
HEPADESK_TEST_NOW="$D56 10:00" hd patient update R1 --weight 61 >/dev/null
HEPADESK_TEST_NOW="$D56 10:00" hd lab add R1 --date "$D56" --bilirubin 2.0 --inr 1.5 --creatinine 1.0 --platelets 95 >/dev/null
HEPADESK_TEST_NOW="$D56 10:00" give R1 "$D56 09:00" 3.05e7 --label "Infusion 3"
expect_rc "day 56: infusion 3 after a related grade 4 fever is refused" 2
expect_in "the stopping rule names the event" "adverse_events: Fever grade 4 (probable" "$ERR"
EV=$(sql "select id from adverse_events where term = 'Fever'")
HEPADESK_TEST_NOW="$D56 10:00" run hd ae review R1 "$EV"
expect_rc "a physician reviews the event" 0
HEPADESK_TEST_NOW="$D56 10:00" give R1 "$D56 09:00" 3.05e7 --label "Infusion 3"
expect_rc "after the review infusion 3 is recorded" 0
HEPADESK_TEST_NOW="$D56 10:00" run hd infusion check R1
expect_rc "a fourth infusion is refused" 2
expect_in "all planned infusions given" "all 3 planned infusions were given" "$OUT"
expect_eq "three infusions on file" "$(count R1)" 3
finish
