#!/bin/sh
# The medication form, on the form engine: opened from the patient screen
# with m, a name from the shipped list shows its ATC code and takes its
# usual unit and route (albumin: g, iv); a dose beyond its unit's limit is
# refused naming field, value, range and unit, nothing stored; corrected, it
# is stored with its code. A free name is kept without one.
. "$(dirname "$0")/lib.sh"

hd patient add --mrn ME-1 --name "MEDIC, Mona" --dob 1962-03-04 --sex F --weight 60 >/dev/null || fail "setup"
start xterm-256color
open_patient ME-1 "MRN ME-1"
keys m
wait_for "Medication or supplement"
shows "name, other name or ATC code"
type_text albumin
keys Tab
wait_for "ATC B05AA01, albumin infusion (shipped list)"
shows "< g"
shows "< iv"
type_text 300
keys Tab
keys F2
wait_for "dose: 300 g is outside 0-200 g (above 0)"
[ "$(sql "select count(*) from medications")" = 0 ] || fail "stored after a refusal"
keys BTab C-u
type_text 40
keys Tab
keys F2
wait_for "recorded human albumin (B05AA01) 40 g iv once daily from $TODAY"
row=$(sql "select name, atc, class, dose, unit, route, frequency, start, stop is null from medications")
[ "$row" = "human albumin|B05AA01|albumin|40.0|g|iv|qd|$TODAY|1" ] || fail "medication row: $row"
keys m
wait_for "Medication or supplement"
type_text "Liv-52"
keys Tab
wait_for "free name: not on the shipped list, no ATC code"
keys F2
wait_for "recorded Liv-52 oral once daily from $TODAY"
[ "$(sql "select count(*) from medications where name = 'Liv-52' and atc is null and class = 'other'")" = 1 ] || fail "free name row"
# The dashboard's medication bars, at the end of its lines.
keys d
wait_for "Measure"
keys G
wait_for "Medications (2), $TODAY to $TODAY"
shows "human albumin          B05AA01 |==============================| taken"
shows "Liv-52                 -       |==============================| taken"
pass
