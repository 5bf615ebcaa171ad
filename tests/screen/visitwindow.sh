#!/bin/sh
# A visit done outside its window (issue 11 item 9) is marked on the
# dashboard's calendar and in the list of recorded visits: W1 is due a week
# after the plan starts with a 3-day window; done on day 12, it is late.
. "$(dirname "$0")/lib.sh"
fixture_planned V-1 "WINDOW, Wes" || fail "setup"
HEPADESK_TEST_NOW="$(later 12) 09:00" hd visit add V-1 --label W1 --temperature 36.8 >/dev/null ||
	fail "visit setup"
HEPADESK_TEST_NOW="$(later 12) 10:00"
export HEPADESK_TEST_NOW
start
open_patient V-1 "MRN V-1"
keys d
wait_for "Albumin g/dL"
keys G PPage Down Down Down # the calendar is above the long-term and outcome sections
wait_for "Visit calendar"
screen_text | grep -q "^  + W1 .*due $(later 7)  done  *on $(later 12) late" ||
	fail "W1 is not marked late on the dashboard"
keys q
wait_for "e evaluate"
keys C
wait_for "Timing"
screen_text | grep -q "W1 .*late" || fail "W1 is not marked late in the visits list"
pass
