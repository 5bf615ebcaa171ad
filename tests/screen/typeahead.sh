#!/bin/sh
# A dialog never swallows the keys typed ahead of it (issue 14): a nurse
# types the stiffness, its IQR and, without waiting, moves on to the note;
# the reliability question pops up in between. After y, what she typed
# lands where she meant it.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn TA-1 --name "AHEAD, Tia" --dob 1960-01-01 --sex F >/dev/null || fail "setup"
start
open_patient TA-1 "MRN TA-1"
keys e
wait_for "[Labs]"
keys F8
wait_for "[Imaging]"
keys Tab Space
wait_for "elastography"
keys 5
wait_for "< elastography"
keys Tab; type_text 18.5
keys Tab; type_text 7.5
# Tab leaves the IQR (the question comes), then four Tabs to the note and
# the note itself, all typed ahead of the question.
keys Tab Tab Tab Tab Tab; type_text "coarse liver"
wait_for "Please confirm"
wait_for "typed after are kept"
keys y
wait_gone "Please confirm"
wait_for "coarse liver"
keys F2
wait_for "stored the elastography note"
row=$(sql "select stiffness_kpa, iqr_kpa, note from imaging")
[ "$row" = "18.5|7.5|coarse liver" ] || fail "stored imaging: $row"
pass
