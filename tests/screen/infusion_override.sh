#!/bin/sh
# A soft item of the pre-infusion check on the screens: labs 15 days old
# (window 14) need a physician's confirmation. The check screen marks the
# item [??] and lets the form open; saving asks first, then refuses without
# an override reason (nothing stored); with the reason the infusion is
# recorded through the same use case as `infusion add --confirm --reason`,
# the override's physician and reason stored and audited.
. "$(dirname "$0")/lib.sh"
fixture_lot LOT-11 || fail "product lot fixture"

fixture_ready OV-1 "OVERRIDE, Olga" || fail "setup"
hd_sign checklist sign OV-1 >/dev/null || fail "sign"
hd_sign plan add OV-1 --route iv --first-date "$(later 12)" >/dev/null || fail "plan"
DAY=$(later 12)
echo "$DAY 09:00" >"$T/now"
start xterm-256color HEPADESK_TEST_NOW=@$T/now
open_patient OV-1 "MRN OV-1"
keys f
wait_for "Infusion check for $DAY: NEEDS CONFIRMATION"
shows "[??] Labs within the protocol's window"
shows "the oldest of the labs is 15 days before the infusion (window 14 days)"
shows "Enter open"
keys Enter
wait_for "Infusion given (UC-MSC)"
keys Tab Tab Tab
type_text 3e7
keys Tab
type_text LOT-11
keys Tab
type_text 2027-01-31
keys Tab
keys F2
wait_for "Please confirm"
shows "infusion check: labs: the oldest of the labs is 15 days"
shows "a physician may confirm it with a"
keys y
wait_for "not saved: override reason: required to confirm"
[ "$(sql "select count(*) from infusions")" = 0 ] || fail "stored without a reason"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
type_text "repeat labs drawn, results pending"
keys F2
wait_for "Please confirm"
keys y
# The override is the physician's signature: its meaning, then the password.
wait_for "Sign with your password"
shows "I override the pre-infusion check"
type_text "$PW"
keys Enter
wait_for "overridden by $(id -un): repeat labs drawn, results pending"
[ "$(sql "select count(*) from signatures where meaning like 'I override the pre-infusion check%'")" = 1 ] || fail "no signature stored"
row=$(sql "select lot, override_by, override_reason from infusions")
[ "$row" = "LOT-11|$(id -un)|repeat labs drawn, results pending" ] || fail "infusion row: $row"
n=$(sql "select count(*) from audit where tbl = 'infusions' and after like '%repeat labs drawn%'")
[ "$n" = 1 ] || fail "override not audited: $n"
pass
