#!/bin/sh
# The biopsy histology form, on the form engine: opened from the patient
# screen with b, it refuses a METAVIR F5 naming field, value and range
# (nothing stored), asks when METAVIR and Ishak disagree, stores the biopsy
# with every measure, and the dashboard then lists it as the baseline.
. "$(dirname "$0")/lib.sh"

hd patient add --mrn HI-1 --name "HISTO, Hana" --dob 1961-02-03 --sex F --weight 60 >/dev/null || fail "setup"
start xterm-256color
open_patient HI-1 "MRN HI-1"
keys b
wait_for "Biopsy histology (one biopsy)"
shows "METAVIR fibrosis"
shows "F0-F4"
type_text "$TODAY"
keys Tab
type_text "right lobe, percutaneous"
keys Tab
type_text F5
keys Tab
wait_for "METAVIR fibrosis: F5 is outside F0-F4"
[ "$(sql "select count(*) from histology")" = 0 ] || fail "stored after a refusal"
keys BTab C-u
type_text F4
keys Tab
type_text 2
keys Tab
type_text A2
keys Tab
type_text 24.5
keys Tab
type_text 3
keys Tab
type_text 5
keys Tab
type_text "Dr Lee"
keys Tab
keys F2
wait_for "METAVIR F4 and Ishak 2 do not agree"
keys n
[ "$(sql "select count(*) from histology")" = 0 ] || fail "stored after no"
keys F2
wait_for "do not agree"
keys y
wait_for "recorded biopsy 1 of $TODAY"
row=$(sql "select date, site, metavir, ishak, grade, cpa, ki67, ck19, pathologist from histology")
[ "$row" = "$TODAY|right lobe, percutaneous|4|2|2|24.5|3.0|5.0|Dr Lee" ] || fail "histology row: $row"
[ "$(sql "select count(*) from drafts")" = 0 ] || fail "the draft was kept after saving"
# The dashboard lists it as the baseline (no infusion yet: the first biopsy).
keys d
wait_for "Measure"
keys G
wait_for "Biopsy histology (1)"
shows "$TODAY F4 Ishak 2 A2 CPA 24.5 % Ki-67 3.0 % CK-19 5.0 %  [baseline]"
pass
