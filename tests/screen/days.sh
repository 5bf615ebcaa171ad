#!/bin/sh
# Follow-up on day 28 and day 56 of treatment, through the screens, on the
# test build's clock (moved through a file while the program runs): the
# visit form offers the visit due that day, and each visit is stored on its
# day, in its window.
. "$(dirname "$0")/lib.sh"
fixture_lot L-1 || fail "product lot"

day() { date -u -d "$TODAY +$1 days" +%F; }
echo "$TODAY 10:00" >"$T/now"
export HEPADESK_TEST_NOW="@$T/now"

fixture_planned D-1 "DAYS, Dana" || fail "setup"
# Day 0: the first infusion; W1 and W2 seen on their days from the command line.
hd infusion add D-1 --label "Infusion 1" --at "$TODAY 09:30" --route iv --cells 30000000 --lot L-1 --expires 2027-01-31 >/dev/null || fail "infusion I1"
echo "$(day 7) 10:00" >"$T/now"
hd visit add D-1 --label W1 --temperature 36.8 >/dev/null || fail "W1"
echo "$(day 14) 10:00" >"$T/now"
hd visit add D-1 --label W2 --temperature 36.9 >/dev/null || fail "W2"

# Day 28: the program is started that day; the visit form offers W4.
echo "$(day 28) 10:00" >"$T/now"
start
open_patient D-1 "MRN D-1"
keys v
wait_for "Follow-up visit"
shows "W4 due $(day 28) (due)"
keys Tab Tab Tab Tab
type_text 37.1; keys Tab
keys F2
wait_for "recorded W4 visit on $(day 28)"

# Day 56 in the same session: the clock moves on and the form offers W8.
echo "$(day 56) 10:00" >"$T/now"
keys Escape
wait_gone "Follow-up visit"
keys v
wait_for "Follow-up visit"
shows "W8 due $(day 56) (due)"
keys Tab Tab Tab Tab
type_text 37.3; keys Tab
keys F2
wait_for "recorded W8 visit on $(day 56)"

rows=$(sql "select s.label || ' ' || v.date || ' ' || v.timing || ' ' || v.temp_c from visits v join schedule s on s.id = v.schedule_id order by v.date" | tr '\n' ';')
[ "$rows" = "W1 $(day 7) in_window 36.8;W2 $(day 14) in_window 36.9;W4 $(day 28) in_window 37.1;W8 $(day 56) in_window 37.3;" ] ||
	fail "visit rows: $rows"
pass
