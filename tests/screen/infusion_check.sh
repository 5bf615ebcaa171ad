#!/bin/sh
# The pre-infusion check on the screens (issue 12): f on a patient shows the
# check item by item with the data each item used before any form. Consent
# recorded as not given refuses: the screen names the item, Enter keeps the
# form closed and nothing is stored. Consent is then recorded yes on the
# checklist screen; the check passes, the form opens, and the infusion is
# recorded with its observations before and after (the vitals table's
# limits refuse a temperature of 50 °C, naming range and unit).
. "$(dirname "$0")/lib.sh"
fixture_lot LOT-9 || fail "product lot fixture"

fixture_planned IC-1 "CHECKED, Carla" || fail "setup"
hd checklist answer IC-1 consent no --note "signed form not found" >/dev/null || fail "consent no"
start
open_patient IC-1 "MRN IC-1"
keys f
wait_for "Infusion check for $TODAY: REFUSED: consent"
shows "[NO] Consent on file"
shows "answered no on $TODAY"
shows "consent is recorded as not given"
shows "The infusion form stays closed: Consent on file."
shows "T.bili 2.3 mg/dL ($(ago 3)), INR 1.60 ($(ago 3))"
lacks "Enter open"
golden infusion-check-refused
keys Enter
wait_for "the infusion check refuses: consent: consent is recorded as not given"
lacks "Infusion given (UC-MSC)"
[ "$(sql "select count(*) from infusions")" = 0 ] || fail "stored while refused"
keys Escape
wait_gone "Infusion check for"

# The missing item recorded where it belongs: the checklist's consent row.
keys c
wait_for "Checklist"
keys G Enter
wait_for "Consent date"
keys y
keys F2
wait_for "recorded consent: yes $TODAY"
keys Escape
wait_gone "recorded consent"
keys f
wait_for "Infusion check for $TODAY: PASSES SO FAR"
shows "[ok] Consent on file"
shows "Enter open"
keys Enter
wait_for "Infusion given (UC-MSC)"
keys Tab Tab Tab
type_text 3e7
keys Tab
type_text LOT-9
keys Tab
type_text 2027-01-31
keys Tab Tab
type_text 50
keys Tab
wait_for "temperature: 50 °C is outside 30-45 °C"
shows "! invalid"
keys BTab C-u
type_text 36.8
keys Tab
type_text 78
keys Tab
type_text 120/80
keys Tab
type_text 97
keys Tab
type_text 37.4
keys Tab
type_text 84
keys Tab
type_text 118/76
keys Tab
type_text 96
keys Tab
keys F2
wait_for "recorded the infusion at $TODAY 10:00: 3e+07 cells, lot LOT-9"
row=$(sql "select lot, temp_before, pulse_before, systolic_before, diastolic_before, spo2_before, temp_after, pulse_after, systolic_after, diastolic_after, spo2_after, override_by from infusions")
[ "$row" = "LOT-9|36.8|78.0|120.0|80.0|97.0|37.4|84.0|118.0|76.0|96.0|" ] || fail "infusion row: $row"
pass
