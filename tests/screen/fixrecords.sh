#!/bin/sh
# Correcting and voiding recorded results through the screens (R on the
# patient): a lab result, an imaging note, an infusion and an adverse event
# each opened from its list with Enter, prefilled, corrected with the reason
# asked at save (a new version, the old one in the audit trail; a dose over
# the plan refused); V voids a lab result, an imaging note and an adverse
# event with a reason (marked in the list, gone from the dashboard), not an
# infusion or a visit (the last kind, corrected in its own form); a
# correction half typed survives a hang-up, and when the record was
# corrected meanwhile its draft cannot overwrite it unseen: both versions are
# shown first.
. "$(dirname "$0")/lib.sh"

fixture_lot UC-1 || fail "product lot"
fixture_planned R-1 "RECORD, Rae" || fail "setup"
hd infusion add R-1 --at "$TODAY 07:30" --route iv --cells 3.2e7 --lot UC-1 --label "Infusion 1" >/dev/null ||
	fail "infusion"
hd ae add R-1 --term Nausea --grade 1 --onset "$TODAY 09:00" --serious no --relation unlikely >/dev/null ||
	fail "ae"
hd visit add R-1 --label W1 --temperature 37.2 >/dev/null || fail "visit"
BILI=$(sql "select id from labs where analyte = 'bilirubin'")
ALB=$(sql "select id from labs where analyte = 'albumin'")

start
open_patient R-1 "MRN R-1"
keys R
wait_for "Lab results, newest first (9)"
[ "$(asql "select count(*) from audit where action = 'view' and after like '%records%'")" -ge 1 ] ||
	fail "opening the records was not logged"

# --- a lab result corrected, another voided ---
keys G
wait_for "> $(ago 3)  bilirubin"
keys Enter
wait_for "Correct Total bilirubin (mg/dL) of $(ago 3), v1"
shows "2.3"
keys C-u
type_text 3.2
keys Tab F2
wait_for "A reason is needed"
[ "$(sql "select version from labs where id = $BILI")" = 1 ] || fail "saved before the reason"
type_text "decimal point misread"
keys F2
wait_for "corrected lab result $BILI (bilirubin) of $(ago 3): 3.2 mg/dL, now version 2"
row=$(sql "select value, version, correction_reason from labs where id = $BILI")
[ "$row" = "3.2|2|decimal point misread" ] || fail "corrected lab row: $row"
old=$(sql "select json_extract(before, '\$.value') || '>' || json_extract(after, '\$.value') from audit where tbl = 'labs' and action = 'update' and row_id = $BILI")
[ "$old" = "2.3>3.2" ] || fail "the audit trail lacks both values: $old"
wait_for "v2    decimal point misread"
keys Up Up Up Up
wait_for "> $(ago 3)  albumin"
keys V
wait_for "Void a record"
type_text "another patient's sample"
keys F2
wait_for "voided lab result $ALB: another patient's sample"
wait_for "VOIDED: another patient's"
[ "$(sql "select void_reason from labs where id = $ALB")" = "another patient's sample" ] || fail "lab not voided"
keys Enter
wait_for "a voided record is not corrected"

# --- an imaging note: HCC corrected, the Doppler voided ---
keys Tab
wait_for "Imaging notes, newest first (2)"
MRI=$(sql "select id from imaging where modality = 'mri'")
DOP=$(sql "select id from imaging where modality = 'doppler'")
keys G
wait_for "> $(ago 20)  mri"
keys Enter
wait_for "Correct the mri note of $(ago 20), v1"
keys Tab Right
wait_for "< yes"
keys F2
wait_for "A reason is needed"
type_text "report reread: small lesion"
keys F2
wait_for "corrected imaging note $MRI (mri) of $(ago 20), now version 2"
[ "$(sql "select hcc, version, correction_reason from imaging where id = $MRI")" = "1|2|report reread: small lesion" ] ||
	fail "imaging row: $(sql "select hcc, version, correction_reason from imaging where id = $MRI")"
keys g
wait_for "> $(ago 20)  doppler"
keys V
wait_for "Void a record"
type_text "study of another patient"
keys F2
wait_for "voided imaging note $DOP: study of another patient"
[ "$(sql "select void_reason from imaging where id = $DOP")" = "study of another patient" ] || fail "imaging not voided"

# --- an infusion: the cells corrected; a dose over the plan refused ---
keys Tab
wait_for "Infusions, newest first (1)"
INF=$(sql "select id from infusions")
keys V
wait_for "an infusion given is not voided (its lot is traced): correct it with Enter"
keys Enter
wait_for "Correct the iv infusion of $TODAY 07:30, v1"
keys Tab C-u
type_text 5e7
keys Tab F2
wait_for "A reason is needed"
type_text "vial count"
keys F2
wait_for "dose: 5.0 x 10^7 cells is 67 % over"
[ "$(sql "select cells || '|' || version from infusions")" = "32000000.0|1" ] || fail "a refused dose was written"
keys Escape
wait_for "Leave this form?"
keys y
wait_for "Correct the iv infusion of $TODAY 07:30, v1"
shows "> Product lot"
keys BTab C-u
type_text 3e7
keys Tab F2
wait_for "A reason is needed"
type_text "vial count"
keys F2
wait_for "corrected infusion $INF of $TODAY 07:30: 3e+07 cells, lot UC-1, now version 2"
[ "$(sql "select cells || '|' || version || '|' || correction_reason from infusions")" = "30000000.0|2|vial count" ] ||
	fail "infusion row: $(sql "select cells, version, correction_reason from infusions")"

# --- an adverse event: the grade corrected, then voided ---
keys Tab
wait_for "Adverse events, newest first (1)"
AE=$(sql "select id from adverse_events")
keys Enter
wait_for "Correct the adverse event of $TODAY 09:00, v1"
keys Tab C-u
type_text 2
keys Tab F2
wait_for "A reason is needed"
type_text "graded again"
keys F2
wait_for "corrected adverse event $AE: Nausea grade 2, not serious, now version 2"
[ "$(sql "select grade || '|' || version || '|' || correction_reason from adverse_events")" = "2|2|graded again" ] ||
	fail "ae row"
keys V
wait_for "Void a record"
type_text "recorded for the wrong patient"
keys F2
wait_for "voided adverse event $AE: recorded for the wrong patient"
wait_for "VOIDED: recorded for the w"
hd dashboard R-1 --json | grep -q '"term":"Nausea"' && fail "the voided event is still on the dashboard"

# --- the visits are the last kind: a visit is corrected, not voided ---
keys Tab
wait_for "Visits, newest first (1)"
shows "W1           seen"
keys V
wait_for "a visit is not voided (it closes its scheduled item): correct it with Enter"
keys Enter
wait_for "Correct the visit"
shows "< W1 on $TODAY, v1 >"
keys Escape
wait_for "Visits, newest first (1)"
keys Tab
wait_for "Lab results, newest first (9)"
keys BTab
wait_for "Visits, newest first (1)"
keys Right

# --- a correction half typed survives a hang-up ---
wait_for "Lab results, newest first (9)"
keys G
wait_for "> $(ago 3)  bilirubin"
keys Enter
wait_for "Correct Total bilirubin (mg/dL) of $(ago 3), v2"
keys C-u
type_text 3.4
keys Tab
wait_for "3.4"
kill -HUP "$(hd_pid)"
wait_for "hepadesk-exited=129"
[ "$(sql "select form from drafts")" = "lab-correct.$BILI" ] || fail "no draft of the correction: $(sql "select form from drafts")"
stop
# Meanwhile the laboratory's call corrects it on the command line: the
# draft is stale and cannot overwrite it unseen.
hd lab correct R-1 "$BILI" --value 3.3 --reason "lab called" >/dev/null || fail "cli correction"
start
wait_for "Unsaved input from an earlier session"
shows "Correction of a lab result"
keys Enter
wait_for "the record was changed since this draft began"
shows "Correct Total bilirubin (mg/dL) of $(ago 3), v3"
shows "3.4"
keys F2
wait_for "Someone else saved this lab result after you opened it"
shows "Theirs: v3"
shows "bilirubin 3.3 mg/dL on $(ago 3)"
shows "Yours: v2 bilirubin 3.4 mg/dL"
[ "$(sql "select value || '|' || version from labs where id = $BILI")" = "3.3|3" ] || fail "the stale draft overwrote"
keys y
wait_for "A reason is needed"
type_text "second look"
keys F2
wait_for "corrected lab result $BILI (bilirubin) of $(ago 3): 3.4 mg/dL, now version 4"
[ "$(sql "select value || '|' || version || '|' || correction_reason from labs where id = $BILI")" = "3.4|4|second look" ] ||
	fail "resumed correction: $(sql "select value, version from labs where id = $BILI")"
[ "$(sql "select count(*) from drafts")" = 0 ] || fail "the draft was kept after saving"
pass
