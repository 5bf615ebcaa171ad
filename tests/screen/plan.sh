#!/bin/sh
# Plan screen: for a signed READY patient the form offers the protocol's
# defaults, refuses the intrahepatic route to a non-physician with the
# model's message, shows the dose arithmetic and calendar before saving,
# saves the plan, and moves a visit with a reason while the target stays.
. "$(dirname "$0")/lib.sh"
ago() { date -u -d "$TODAY $1 days" +%F; }
M=P-1
hd patient add --mrn $M --name "PLAN, Paula" --dob 1960-01-01 --sex F --weight 60 >/dev/null &&
	hd lab add $M --date "$(ago -3)" --bilirubin 2.3 --inr 1.6 --creatinine 1.1 --sodium 134 \
		--albumin 2.9 --alt 40 --ast 60 --platelets 90 --afp 5 >/dev/null &&
	hd imaging add $M --date "$(ago -20)" --modality ct --hcc no --ascites no >/dev/null &&
	hd imaging add $M --date "$(ago -20)" --modality doppler --thrombosis no >/dev/null || fail "setup"
for q in malignancy infection gi_bleed pregnancy hiv transplant immunosuppressants \
	organ_disease allergy encephalopathy; do
	hd checklist answer $M "$q" no >/dev/null || fail "setup answer $q"
done
hd checklist answer $M consent yes --value "$(ago -1)" >/dev/null &&
	hd_sign checklist sign $M >/dev/null || fail "setup sign"
start
open_patient $M "MRN $M"
keys p
wait_for "New treatment plan"
shows "Dose: 0.5 x 10^6 cells/kg x 60.0 kg = 3.0 x 10^7 cells"
shows "3 infusions 28 days apart from $TODAY"
shows "W72"
# Intrahepatic needs a physician: the database's creator is one (admin and
# physician); an admin alone is refused (tests/cli/plan.sh). Choosing it and
# back to IV.
keys Right Tab
keys BTab Left Tab
# Two infusions 21 days apart: the preview follows as each field is left.
keys Tab C-u
type_text 2
keys Tab C-u
type_text 21
keys Tab
wait_for "2 infusions 21 days apart"
shows "Infusion 2  $(ago 21)"
lacks "Infusion 3"
keys F2
# Saving the plan signs it: its meaning shown, the password asked (no echo).
wait_for "Sign with your password"
shows "I approve this treatment plan"
type_text "$PW"
lacks "$PW"
keys Enter
wait_for "plan saved for $M"
wait_for "signed by $(id -un) at $TODAY 10:00: I approve"
wait_for "Plan: iv route"
out=$(hd plan $M --json) || fail "plan --json"
case $out in *'"route":"iv","cells_per_kg":500000'*'"infusions":2,"interval_days":21'*) ;;
*) fail "stored plan: $out" ;; esac
# Move W1 (the second row) by two days with a reason.
keys Down r
wait_for "Reschedule W1"
keys C-u
type_text "$(ago 9)"
keys Tab
type_text "patient travelling"
keys F2
wait_for "moved W1 to $(ago 9) (target $(ago 7) kept)"
wait_for "target $(ago 7): patient travelling"
out=$(hd plan $M --json) || fail "plan --json"
case $out in *"\"label\":\"W1\",\"kind\":\"visit\",\"target\":\"$(ago 7)\",\"due\":\"$(ago 9)\""*'"reason":"patient travelling"'*) ;;
*) fail "stored reschedule: $out" ;; esac
# Cancel the plan with a reason: back to the form for a new one.
keys X
wait_for "Cancel the treatment plan"
type_text "made in error"
keys F2
wait_for "plan cancelled with its open infusions and visits"
[ "$(sqlite3 "$DB" "select status, cancel_reason from plans")" = "cancelled|made in error" ] ||
	fail "the plan was not cancelled"
[ "$(sqlite3 "$DB" "select count(*) from schedule where state = 'open'")" = 0 ] ||
	fail "open items of the cancelled plan remain"
pass
