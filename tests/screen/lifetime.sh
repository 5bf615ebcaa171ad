#!/bin/sh
# One patient from the first infusion through week 72 to a survival contact
# two years later, on the test clock (issue 15): the infusion and a first
# questionnaire on day 0, the W72 visit and a second questionnaire, then a
# phone contact in 2029 that finds a transplant; the dashboard shows the
# long-term follow-up (status, the next contact, time to each endpoint) and
# the questionnaire domains with their change.
. "$(dirname "$0")/lib.sh"
fixture_lot LOT-7 || fail "product lot fixture"

fixture_planned LF-1 "LIFE, Lotta" || fail "setup"
hd instrument install symptoms >/dev/null || fail "instrument"
echo "$TODAY 10:00" >"$T/now"
start xterm-256color HEPADESK_TEST_NOW=@$T/now
open_patient LF-1 "MRN LF-1"

# Day 0: the first infusion and the baseline questionnaire.
keys f
wait_for "Infusion check for $TODAY: PASSES SO FAR"
keys Enter
wait_for "Infusion given (UC-MSC)"
keys Tab Tab Tab
type_text 3e7; keys Tab
type_text LOT-7; keys Tab
type_text 2027-01-31; keys Tab
keys F2
wait_for "recorded the infusion at $TODAY 10:00"
keys Q
wait_for "item 1 of 7"
keys 8 7 6 5 8 7 2
wait_for "domain scores (lower is better)"
keys F2
wait_for "recorded SYMPTOMS (7 of 7 answered): Overall 7.00"

# Week 72 (2027-07-19): the visit and the second questionnaire.
echo "2027-07-19 10:00" >"$T/now"
keys v
wait_for "Follow-up visit"
keys Right Right Right Right Right Right Right Right
wait_for "< W72 due 2027-07-19 (due) >"
keys Tab Tab Tab Tab
type_text 36.8; keys Tab
keys F2
wait_for "recorded W72 visit on 2027-07-19"
wait_for "Labs of the W72 visit on 2027-07-19"
keys Escape
wait_for "Latest labs (l)"
keys Q
wait_for "item 1 of 7"
keys 5 4 3 3 4 4 6
wait_for "domain scores (lower is better)"
keys F2
wait_for "recorded SYMPTOMS (7 of 7 answered): Overall 3.86"

# Two years later (2029-07-20): a phone contact finds a transplant.
echo "2029-07-20 10:00" >"$T/now"
keys o
wait_for "Survival contact (long-term follow-up)"
keys Tab Tab Tab Tab Tab Right Right
wait_for "< yes"
keys Tab
type_text 2029-05-10; keys Tab
keys F2
wait_for "recorded the contact of 2029-07-20 (Contact 4): alive, transplanted"
row=$(sql "select c.phone, c.transplant, c.transplant_date, s.label from contacts c join longterm_schedule s on s.id = c.item_id")
[ "$row" = "1|yes|2029-05-10|Contact 4" ] || fail "contact row: $row"
[ "$(sql "select state, date from patient_status order by id desc limit 1")" = "transplanted|2029-05-10" ] || fail "status"

# The dashboard, at its end: the long-term follow-up and the questionnaire.
keys d
wait_for "Albumin g/dL"
keys G
wait_for "Long-term follow-up: Transplanted since 2029-05-10 (contacts 1)"
shows "next Contact 5 due 2030-01-19"
[ "$(sql "select group_concat(state) from (select state from longterm_schedule where kind = 'contact' order by due_date limit 4)")" = "missed,missed,missed,done" ] ||
	fail "the contacts never made are missed"
shows "liver transplant event    2029-05-10 (day 1165)"
shows "death            censored 2029-07-20 (day 1236)"
shows "SYMPTOMS overall             7.00     3.86    -3.14  2"
pass
