#!/bin/sh
# The infusion form, on the form engine: opened on a planned patient with f,
# it lists the open scheduled infusion, refuses an impossible dose naming
# field, value, range and unit (nothing stored), asks about an unusual one,
# runs the pre-infusion check on save (10 x the planned dose is refused
# naming the item, nothing stored), and after the dose is corrected stores
# the infusion against its scheduled item.
. "$(dirname "$0")/lib.sh"
fixture_lot LOT-7 || fail "product lot"

fixture_planned IN-1 "INFUSED, Ines" || fail "setup"
echo "$TODAY 10:00" >"$T/now"
start xterm-256color HEPADESK_TEST_NOW=@$T/now
open_patient IN-1 "MRN IN-1"
keys f
wait_for "Infusion check for $TODAY: PASSES SO FAR"
keys Enter
wait_for "Infusion given (UC-MSC)"
shows "Infusion 1 due $TODAY"
shows "$TODAY 10:00"
shows "< iv"
keys Tab Tab Tab
type_text 5e11
keys Tab
wait_for "cells: '5e11' is outside 1e6-1e10 cells (total given)"
shows "! invalid"
[ "$(sql "select count(*) from infusions")" = 0 ] || fail "stored after a refusal"
keys F2
wait_for "not saved: cells: '5e11' is outside 1e6-1e10 cells"
[ "$(sql "select count(*) from infusions")" = 0 ] || fail "stored after a refused save"
keys C-u
type_text 3e9
keys Tab
wait_for "Keep this value?"
keys y
type_text LOT-7
keys Tab
type_text 2027-01-31
keys Tab
sleep 0.3
[ "$(sql "select count(*) from drafts where form = 'infusion'")" = 1 ] || fail "no draft kept while typing"
keys F2
wait_for "infusion check: dose: 3.0 x 10^9 cells is 9900 % over"
[ "$(sql "select count(*) from infusions")" = 0 ] || fail "stored after the check refused"
keys BTab BTab BTab C-u
type_text 3e7
keys Tab
keys F2
wait_for "recorded the infusion at $TODAY 10:00: 3e+07 cells, lot LOT-7"
row=$(sql "select i.route, i.cells, i.lot, i.lot_expiry, i.date, s.label, s.state from infusions i join schedule s on s.id = i.schedule_id")
[ "$row" = "iv|30000000.0|LOT-7|2027-01-31|$TODAY|Infusion 1|done" ] || fail "infusion row: $row"
[ "$(sql "select count(*) from drafts")" = 0 ] || fail "the draft was kept after saving"
pass
