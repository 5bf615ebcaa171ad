#!/bin/sh
# Pick lists filter as you type and page with PgUp and PgDn (issue 14): the
# 60 CTCAE terms narrowed by typing "hemor" (accents and case do not
# matter), Backspace widening again, PgDn moving a page, and the chosen
# term filling the adverse-event form.
. "$(dirname "$0")/lib.sh"
fixture_planned PK-1 "PICK, Pia" || fail "setup"
start
open_patient PK-1 "MRN PK-1"
keys a
wait_for "Adverse event (CTCAE"
keys C-t
wait_for "type to filter"
first=$(screen_text | grep -F '>1 ' | head -n 1)
keys PageDown
wait_for "type to filter"
[ "$(screen_text | grep -F '>' | grep -cF "$first")" = 0 ] || fail "PgDn did not move: $first"
keys PageUp
type_text "HÉMOR"
wait_for "filter: HÉMOR"
screen_text | grep -qF "hemorrhage" || fail "no hemorrhage term shown"
screen_text | grep -qF "Anaphylaxis" && fail "the filter kept Anaphylaxis"
keys BSpace BSpace BSpace BSpace BSpace
wait_for "type to filter"
type_text "upper gastro"
wait_for "(1 of"
keys Enter
wait_gone "filter:"
shows "Upper gastrointestinal hemorrhage"
pass
