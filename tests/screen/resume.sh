#!/bin/sh
# Every kind of draft, chosen from the start-up list, opens its own form
# with its values in it: one row of the draft-kind table each (the list
# shows the kind's title, e.g. "Adverse event", not the stored name "ae").
. "$(dirname "$0")/lib.sh"
fixture_lot LOT-R || fail "product lot fixture"

fixture_planned RS-1 "RESUMED, Rita" || fail "setup"
hd visit add RS-1 --label W1 --temperature 37 >/dev/null || fail "visit"
PID=$(sql "select id from patients where mrn = 'RS-1'")
VID=$(sql "select id from visits")
ME=$(id -un)

# resume FORM PATIENT_ID CONTENT TITLE HEADING VALUE: plant the draft, start,
# pick it, and see the form's heading and the kept value.
resume() {
	# The session before keeps its draft as it hangs up: let it finish first.
	old=$(cat "$T/pid" 2>/dev/null)
	stop
	n=100
	while [ -n "$old" ] && kill -0 "$old" 2>/dev/null && [ $n -gt 0 ]; do
		sleep 0.05
		n=$((n - 1))
	done
	sqlite3 -cmd ".timeout 5000" "$DB" "DELETE FROM drafts;
	  INSERT INTO drafts (user, form, patient_id, content, updated)
	  VALUES ('$ME', '$1', $2, '$3', 1)" || fail "plant $1"
	start
	wait_for "Unsaved input from an earlier session"
	shows "$4"
	keys Enter
	wait_for "$5"
	wait_for "$6"
	shows "restored unsaved input"
}

NL='
'
resume patient.new 0 "MRN=R-9${NL}Name=NEW, Nina" "New patient form" "New patient" "NEW, Nina"
resume patient.new "$PID" "Weight=66.5" "Patient details of RESUMED, Rita" "Edit patient" "66.5"
resume eval.labs "$PID" "bilirubin=2.2" "Labs of RESUMED, Rita" "[Labs]" "2.2"
resume visit "$PID" "Temperature=37.9" "Visit of RESUMED, Rita" "Follow-up visit" "37.9"
resume visit.labs "$PID" "visit=$VID${NL}visit_label=W1${NL}bilirubin=1.7" \
	"Visit labs of RESUMED, Rita" "Labs of the W1 visit" "1.7"
resume "visit-correct.$VID" "$PID" "Why corrected=typo fix" "Correction of a visit of RESUMED" \
	"Correct the visit" "typo fix"
resume ae "$PID" "Term=Nausea" "Adverse event of RESUMED, Rita" "Adverse event (CTCAE" "Nausea"
resume infusion "$PID" "Product lot=LOT-R" "Infusion of RESUMED, Rita" "Infusion given (UC-MSC)" "LOT-R"
shows "RESUMED, Rita  MRN RS-1"
keys F2
wait_for "cells: "
[ "$(sql "select count(*) from infusions")" = 0 ] || fail "an incomplete infusion was stored"
pass
