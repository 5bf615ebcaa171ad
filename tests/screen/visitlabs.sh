#!/bin/sh
# The labs of a follow-up visit survive a hang-up: typed after the visit is
# saved, kept as a draft naming the visit, offered at the next start,
# resumed and stored with that visit.
. "$(dirname "$0")/lib.sh"

fixture_planned VL-1 "VISIT, Labs" || fail "setup"
hd plan reschedule VL-1 W1 --date "$TODAY" --reason "seen early" >/dev/null || fail "reschedule"

start
open_patient VL-1 "MRN VL-1"
keys v
wait_for "Follow-up visit"
shows "W1 due $TODAY (due)"
keys F2
wait_for "Labs of the W1 visit on $TODAY"
type_text 2.1
keys Tab
wait_for "2.1"
wait_for "> INR" # the Tab was handled: the input is all in
kill -HUP "$(hd_pid)" || fail "cannot signal hepadesk"
wait_for "hepadesk-exited=129"
[ "$(sql "select count(*) from drafts where form = 'visit.labs'")" = 1 ] || fail "the visit labs were not kept"
[ "$(sql "select count(*) from labs where visit_id is not null")" = 0 ] || fail "labs stored before saving"

stop
start
wait_for "Unsaved input from an earlier session"
shows "Visit labs of VISIT, Labs"
keys Enter
wait_for "Labs of the W1 visit on $TODAY"
shows "2.1"
keys F2
wait_for "stored 1 lab result"
row=$(sql "select l.analyte, l.canonical, v.id is not null from labs l join visits v on v.id = l.visit_id")
[ "$row" = "bilirubin|2.1|1" ] || fail "resumed visit lab row: $row"
[ "$(sql "select count(*) from drafts")" = 0 ] || fail "the draft was kept after the labs were stored"
pass
