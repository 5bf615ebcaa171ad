#!/bin/sh
# Unit sense and stiffness reliability asked on the screens (issue 11), and
# the answers recorded. Labs: 5.2 typed into the SI bilirubin row after a
# previous 171 µmol/L asks, naming the likely unit and the earlier value; no
# stores nothing, yes stores it marked confirmed. Imaging: 18.5 kPa with an
# IQR of 7.5 (41 %) asks; yes records it, and the patient screen and the
# dashboard mark it unreliable, with no direction.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn U-5 --name "UNITS, Uma" --dob 1960-01-01 --sex F >/dev/null &&
	hd lab add U-5 --date "$(ago 10)" --units si --bilirubin 171 >/dev/null &&
	hd imaging add U-5 --date "$(ago 30)" --modality elastography --stiffness 14 --iqr 2 >/dev/null ||
	fail "setup"
start
open_patient U-5 "MRN U-5"
keys e
wait_for "[Labs]"
keys u
wait_for "Total bilirubin now in µmol/L"
type_text 5.2; keys Tab F2
wait_for "Please confirm"
shows "bilirubin 5.2 µmol/L looks like mg/dL given the previous result"
shows "171 µmol/L (10.0 mg/dL) on $(ago 10); enter it in mg/dL, or"
keys n
wait_gone "Please confirm"
[ "$(sql "select count(*) from labs where value = 5.2")" = 0 ] || fail "stored after no"
keys F2
wait_for "Please confirm"
keys y
wait_for "stored 1 lab result"
row=$(sql "select value, unit, round(canonical, 2), confirmed from labs where value = 5.2")
[ "$row" = "5.2|µmol/L|0.3|1" ] || fail "stored row: $row"
# Imaging: a poorly reliable stiffness asks as the IQR is left.
keys F8
wait_for "[Imaging]"
keys Tab Space
wait_for "elastography"
keys 5
wait_for "< elastography"
keys Tab; type_text 18.5
keys Tab; type_text 7.5; keys Tab
wait_for "Please confirm"
shows "stiffness 18.5 kPa with IQR 7.5 kPa (IQR/median 41 %) is poorly"
keys y
wait_gone "Please confirm"
keys F2
wait_for "stored the elastography note"
row=$(sql "select stiffness_kpa, iqr_kpa from imaging where date = '$TODAY'")
[ "$row" = "18.5|7.5" ] || fail "stored imaging: $row"
keys q
wait_for "e evaluate"
keys i
wait_for "18.5 kPa (IQR 7.5) unreliable"
screen_text | grep -q "elastography  14.0 kPa (IQR 2.0) *$" || fail "a reliable measurement is marked"
keys d
wait_for "Stiffness kPa"
screen_text | grep -q "^Stiffness kPa  *--  *18.5  *unreliable" || fail "the dashboard does not mark it unreliable"
pass
