#!/bin/sh
# The home screen is the clinic dashboard: a visit due today and an overdue
# one (dates relative to today, from the clock), the counts, and Enter on a
# row opens that patient; / still finds any patient.
. "$(dirname "$0")/lib.sh"
ago() { date -u -d "-$1 days" +%F; }
TODAY=$(date -u +%F)
sql() { sqlite3 -batch -noheader "$DB" "$1"; }

# A patient with a signed READY evaluation and a plan starting today.
planned() {
	hd patient add --mrn "$1" --name "$2" --dob 1960-01-01 --sex F --weight 60 >/dev/null || fail "setup $1"
	hd lab add "$1" --date "$(ago 3)" --bilirubin 2.3 --inr 1.6 --creatinine 1.1 --sodium 134 \
		--albumin 2.9 --alt 40 --ast 60 --platelets 90 --afp 5 >/dev/null || fail "labs $1"
	hd imaging add "$1" --date "$(ago 20)" --modality mri --hcc no --ascites no >/dev/null || fail "mri $1"
	hd imaging add "$1" --date "$(ago 20)" --modality doppler --thrombosis no >/dev/null || fail "doppler $1"
	for q in malignancy infection gi_bleed pregnancy hiv transplant immunosuppressants \
		organ_disease allergy encephalopathy; do
		hd checklist answer "$1" "$q" no >/dev/null || fail "checklist $1 $q"
	done
	hd checklist answer "$1" consent yes --value "$(ago 1)" >/dev/null || fail "consent $1"
	hd checklist sign "$1" >/dev/null || fail "sign $1"
	hd plan add "$1" --route iv --first-date "$TODAY" >/dev/null || fail "plan $1"
}
planned D-1 "DUE, Today"
planned O-1 "OVER, Due"
hd plan reschedule D-1 W1 --date "$TODAY" --reason "clinic day" >/dev/null || fail "reschedule D-1"
hd plan reschedule O-1 W1 --date "$(ago 10)" --reason "back-dated" >/dev/null || fail "reschedule O-1"
hd patient add --mrn N-1 --name "NEW, Patient" --dob 1970-01-01 --sex M >/dev/null || fail "setup N-1"

start
wait_for "Due today ("
shows "Today $TODAY"
screen_text | grep -q "D-1 .* W1 .* due $TODAY .*DUE, Today" || fail "no due row for D-1 W1"
screen_text | grep -q "O-1 .* W1 .* due $(ago 10) .*! 7 days overdue .*OVER, Due" || fail "no overdue row for O-1 W1"
screen_text | grep -q "Awaiting evaluation (1)" || fail "N-1 not awaiting evaluation"
shows "NEW, Patient"
shows "Today $TODAY  due 3  overdue 1"
# Enter on the overdue row opens that patient; back home, / still finds any.
screen_text | grep -q "^>   D-1 .* Infusion 1" || fail "the first row is not highlighted"
keys Down Down Down
wait_for ">   O-1        W1"
keys Enter
wait_for "OVER, Due  MRN O-1"
[ "$(sql "select count(*) from audit where action = 'view' and patient_id = (select id from patients where mrn = 'O-1')")" -ge 1 ] || fail "the view was not logged"
keys q
wait_for "Recent patients (1)"
keys /
wait_for "Find patient"
type_text N-1
wait_for "1 match"
keys Enter
wait_for "NEW, Patient  MRN N-1"
keys q
wait_for "Recent patients (2)"
pass
