#!/bin/sh
# The lab results queue: home shows its size and opens it; a nurse matches
# a result of an unknown MRN to the patient it belongs to, confirms an
# unusual value on its own patient, rejects an unknown code, each with a
# reason, through the use case of `import resolve` (a mismatch cannot be
# confirmed without naming the patient; a stored result is a lab row, the
# item keeps who and why, and the audit trail has both). Home's count goes
# down. Golden of the queue screen.
. "$(dirname "$0")/lib.sh"
S="$(cd "$(dirname "$0")/../hl7" && pwd)"
ME=$(id -un)

hd patient add --mrn H1 --name "HEPA, Anna" --dob 1960-05-06 --sex F >/dev/null &&
	hd patient add --mrn N-1 --name "NOBODY, Known" --dob 1970-01-01 --sex M >/dev/null &&
	hd import hl7 "$S/06-unknown-mrn.hl7" "$S/07-name-mismatch.hl7" \
		"$S/09-needs-confirmation.hl7" "$S/05-unknown-code.hl7" >/dev/null || fail "setup"
[ "$(sql "select group_concat(reason, ',') from (select reason from hl7_queue order by id)")" = \
	"unknown_mrn,mismatch,confirm,unknown_code" ] || fail "setup: queue"

start
wait_for "lab queue 4"
shows "L lab queue"
keys L
wait_for "Lab results waiting for a nurse, oldest first: 4"
shows "Z999"
shows "Waits: unknown MRN: MRN 'Z999' is not registered"
golden queue
keys F1
wait_for "Help for: Lab queue"
lacks "Key table"
lacks "{?"
keys Escape
wait_gone "Help for: Lab queue"

# Match the unknown MRN's bilirubin to the patient it belongs to.
keys m
wait_for "Store the result on a patient"
shows "bilirubin 1.0 mg/dL collected 2026-03-01, sent for MRN Z999"
keys C-u
type_text N-1
keys Tab Tab
type_text "MRN mistyped by the lab, checked by phone"
keys F2
wait_for "queued result 1 stored on the patient named"
wait_for "oldest first: 3"
[ "$(sql "select p.mrn || '|' || l.analyte || '|' || l.value || '|' || l.unit from labs l join patients p on p.id = l.patient_id")" = \
	"N-1|bilirubin|1.0|mg/dL" ] || fail "the matched result is not a lab row of N-1"
[ "$(sql "select state || '|' || resolution || '|' || resolved_by from hl7_queue where id = 1")" = \
	"stored|MRN mistyped by the lab, checked by phone|$ME" ] || fail "item 1 does not keep who and why"

# The mismatch (now first) cannot be confirmed on a patient of its own.
keys c
wait_for "Confirm the value and store it"
type_text "looks fine"
keys F2
wait_for "not saved: queued result 2 (name or birth date disagrees): name the patient it"
keys Escape
wait_for "Leave this form?"
keys y
wait_for "oldest first: 3"
[ "$(sql "select state from hl7_queue where id = 2")" = open ] || fail "the mismatch was resolved"

# Confirm the INR of 7.5 on its own patient.
keys Down
keys c
wait_for "inr 7.5 {INR} collected 2026-03-01"
type_text "checked with the laboratory"
keys F2
wait_for "queued result 3 confirmed and stored"
wait_for "oldest first: 2"
[ "$(sql "select value || '|' || confirmed from labs where analyte = 'inr'")" = "7.5|1" ] ||
	fail "the INR is not stored confirmed"

# Reject the unknown code (now the second row), with the reason.
keys Down
keys x
wait_for "Reject the result (nothing is stored)"
shows "2345-7 5.4 mmol/L"
keys F2
wait_for "Reason: required"
type_text "glucose is not followed here"
keys F2
wait_for "queued result 4 rejected"
wait_for "oldest first: 1"
[ "$(sql "select state || '|' || resolution from hl7_queue where id = 4")" = \
	"rejected|glucose is not followed here" ] || fail "item 4 not rejected with its reason"
[ "$(sql "select count(*) from audit where tbl = 'hl7_queue' and action = 'update' and actor = '$ME'")" = 3 ] ||
	fail "the three resolutions are not in the audit trail"

keys Escape
wait_for "lab queue 1"
pass
