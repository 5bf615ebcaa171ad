#!/bin/sh
# A phone call on one screen (issue 14, item 6): a caller gives a name and
# the last 4 of the MRN; the nurse reads the plan, the next visit with its
# window, the latest MELD with its date and any open serious AE on the
# overview. A long name is cut with "..." and the MRN stays in the header.
# The keys of the task are counted: / + 4 digits + Enter = 6.
. "$(dirname "$0")/lib.sh"
LONG="VAN DER BERGHE-ACHTERSTRAAT-OOSTERHUIZEN, Maximiliaan Johannes"
fixture_planned 88104711 "$LONG" || fail "setup"
start
wait_for "Awaiting"
nkeys=0
press() { keys "$@"; nkeys=$((nkeys + $#)); }
press /
wait_for "Find patient"
type_text 4711; nkeys=$((nkeys + 4))
wait_for "1 match"
press Enter
wait_for "MRN 88104711"
# The header keeps the MRN, age and sex however long the name.
screen_text | head -n 1 | grep -qF "...  MRN 88104711  66y F" || fail "header: $(screen_text | head -n 1)"
shows "MRN 88104711  born 1960-01-01 (66 y)  sex F  VAN DER BERGHE"
shows "Plan: active, IV (peripheral) from $TODAY"
shows "Next: Infusion 1 $TODAY (due today), window $(ago 2) to $(later 2)"
shows "MELD 16  MELD-Na 18  MELD 3.0 19  (labs of $(ago 3))"
shows "No open serious adverse event"
[ "$nkeys" -le 6 ] || fail "the phone call took $nkeys keys"
echo "# phone call: $nkeys keys (find by last 4 digits, read plan, next visit, MELD)"
pass
