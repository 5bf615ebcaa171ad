#!/bin/sh
# The home screen lists each open serious adverse event report with the time
# left by the clock, flags it OVERDUE when the time runs out, and drops it
# once the report is recorded (issue 12, second part).
. "$(dirname "$0")/lib.sh"

hd patient add --mrn S-1 --name "SERIOUS, Sam" --dob 1960-01-01 --sex M --weight 70 >/dev/null || fail "setup S-1"
hd ae add S-1 --term Anaphylaxis --grade 4 --onset "$TODAY 09:00" --aware "$TODAY 09:30" \
	--serious yes --criteria life_threatening --relation probable >/dev/null || fail "setup the SAE"

start
wait_for "Serious adverse event reports open (2)"
screen_text | grep -q "S-1 .* report 1 SAE: Anaphylaxis G4  23 h 30 min left" || fail "no 24 h report row"
screen_text | grep -q "S-1 .* report 2 SUSAR: Anaphylaxis G4  6 d 23 h left" || fail "no SUSAR row"
stop

HEPADESK_TEST_NOW="$(later 1) 10:00"
start
wait_for "Serious adverse event reports open (2)"
screen_text | grep -q "report 1 SAE: Anaphylaxis G4  OVERDUE by 30 min" || fail "not flagged overdue"
stop

HEPADESK_TEST_NOW="$TODAY 10:00"
hd sae report 1 --at "$TODAY 09:45" --to "Sponsor" --ref "SAE-1" >/dev/null || fail "report 1"
start
wait_for "Serious adverse event reports open (1)"
screen_text | grep -q "report 1 " && fail "a recorded report is still listed"
pass
