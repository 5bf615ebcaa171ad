#!/bin/sh
# The product lot form, on the form engine: opened from the patient screen
# with P, it refuses a viability of 120 % naming field, value, range and
# unit, asks about 65 % (below the release threshold), offers each release
# test its own result words, and stores a released lot; an infusion from
# that lot then passes the check's lot item.
. "$(dirname "$0")/lib.sh"

fixture_planned PR-1 "PRODUCT, Pia" || fail "setup"
start xterm-256color
open_patient PR-1 "MRN PR-1"
keys P
wait_for "Product lot (UC-MSC or cell-free)"
shows "< UC-MSC cells"
shows "< pending"
type_text LOT-S1
keys Tab Tab
type_text DON-9
keys Tab
type_text 3
keys Tab
type_text 5e7
keys Tab
type_text 120
keys Tab
wait_for "viability: 120 % is outside 0-100 %"
keys BTab C-u
type_text 65
keys Tab
wait_for "Keep this value?"
keys y
# Each test steps from pending to its passing word with the arrow key.
keys Right
wait_for "< negative >"
keys Tab Right Tab Right Tab Right Tab
type_text 2027-01-31
keys Tab
keys F2
wait_for "recorded product lot LOT-S1"
row=$(sql "select lot, type, donor, passage, per_vial, viability, expiry from product_lots")
[ "$row" = "LOT-S1|uc-msc|DON-9|3|50000000.0|65.0|2027-01-31" ] || fail "product row: $row"
tests=$(sql "select sterility, endotoxin, mycoplasma, identity from product_lots")
[ "$tests" = "pass|pass|pass|pass" ] || fail "release tests: $tests"
hd infusion check PR-1 --label "Infusion 1" --at "$TODAY 09:00" --route iv --cells 3e7 --lot LOT-S1 --json |
	grep -q '"item":"lot","label":"Product lot on file, released and not expired","state":"pass"' ||
	fail "the lot recorded on the screen does not pass the infusion check"
pass
