#!/bin/sh
# Imaging step: modality from the list, stiffness with IQR, fibrosis, the
# three findings and a two-line note end up in one stored imaging row.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn I-3 --name "ROSSI, Marco" --dob 1958-08-08 --sex M >/dev/null || fail "setup"
start
open_patient I-3 "MRN I-3"
keys e
wait_for "[Labs]"
keys F8
wait_for "[Imaging]"
keys Tab Space
wait_for "elastography"
keys 5
wait_for "< elastography"
keys Tab; type_text 12.5
keys Tab; type_text 1.5
keys Tab Space
wait_for "F3"
keys 4
keys Tab n Tab Right Right Tab y Tab
type_text "Nodular surface"; keys Enter; type_text "no focal lesion"
keys F2
wait_for "stored the elastography note"
row=$(sqlite3 "$DB" "select modality, stiffness_kpa, iqr_kpa, fibrosis_stage, hcc, thrombosis, ascites, replace(note, char(10), '|') from imaging") ||
	fail "cannot read the database"
[ "$row" = "elastography|12.5|1.5|3|0|1|1|Nodular surface|no focal lesion" ] || fail "stored row: $row"
pass
