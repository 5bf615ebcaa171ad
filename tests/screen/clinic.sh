#!/bin/sh
# The home screen is the clinic dashboard: a visit due today and an overdue
# one (dates relative to today, from the clock), the counts, and Enter on a
# row opens that patient; / still finds any patient.
# O-1's plan began 17 days ago and its first infusion was given then, so W1
# (a week later) is overdue by itself: a visit cannot be moved to before its
# plan opens, and no write is stamped before the newest audit row (issue 13),
# so the clinic is made 17 days ago and O-1 set up then.
REAL_NOW=${HEPADESK_TEST_NOW:-2026-03-02 10:00}
HEPADESK_TEST_NOW="$(date -u -d "${REAL_NOW%% *} -17 days" +%F) 10:00"
export HEPADESK_TEST_NOW
. "$(dirname "$0")/lib.sh"
fixture_lot UC-1 || fail "product lot"
fixture_planned O-1 "OVER, Due" &&
	hd infusion add O-1 --at "$TODAY 10:00" --route iv --cells 3e7 --lot UC-1 \
		--expires 2027-01-31 --label "Infusion 1" >/dev/null || fail "setup O-1"
HEPADESK_TEST_NOW=$REAL_NOW
TODAY=${REAL_NOW%% *}
hd plan reschedule O-1 W2 --date "$TODAY" --reason "clinic day" >/dev/null || fail "reschedule O-1"
fixture_planned D-1 "DUE, Today" || fail "setup D-1"
hd plan reschedule D-1 W1 --date "$TODAY" --reason "clinic day" >/dev/null || fail "reschedule D-1"
hd patient add --mrn N-1 --name "NEW, Patient" --dob 1970-01-01 --sex M >/dev/null || fail "setup N-1"

start
wait_for "Due today or in window ("
shows "Today $TODAY"
screen_text | grep -q "D-1 .* W1 .* due $TODAY .*DUE, Today" || fail "no due row for D-1 W1"
screen_text | grep -q "O-1 .* W1 .* due $(ago 10) .*! 7 days overdue .*OVER, Due" || fail "no overdue row for O-1 W1"
screen_text | grep -q "Awaiting evaluation (1)" || fail "N-1 not awaiting evaluation"
shows "NEW, Patient"
shows "Today $TODAY  due/in window 3  overdue 1"
# Enter on the overdue row opens that patient; back home, / still finds any.
screen_text | grep -q "^>   O-1 .* W2" || fail "the first row is not highlighted"
keys Down Down Down
wait_for ">   O-1        W1"
keys Enter
wait_for "OVER, Due  MRN O-1"
[ "$(asql "select count(*) from audit where action = 'view' and patient_id = $(sql "select id from patients where mrn = 'O-1'")")" -ge 1 ] || fail "the view was not logged"
# The plan screen says overdue too (it said "open").
keys p
wait_for "Plan: iv route"
screen_text | grep -q "W1 .* overdue" || fail "the plan does not say W1 is overdue"
keys q
wait_for "OVER, Due  MRN O-1"
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
# Home reloads after any write, from any path: a serious adverse event
# recorded by another session shows at the next key, with no Ctrl-L.
shows "Serious adverse event reports open (0)"
hd ae add D-1 --term Anaphylaxis --grade 4 --onset "$TODAY 09:00" --aware "$TODAY 09:30" \
	--serious yes --criteria life_threatening --relation possible >/dev/null || fail "ae add"
keys Down
wait_for "report 1 SAE: Anaphylaxis G4"
# Each row of the due list says whether it is due today or in its window.
screen_text | grep -q "D-1 .* W1 .* due $TODAY due today" || fail "no 'due today' on D-1 W1"
pass
