#!/bin/sh
# A hang-up (kill -HUP, then a closed pane) or SIGTERM while a form holds
# typed data: hepadesk keeps it as a draft, leaves by itself, and the
# database passes integrity_check.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn H-1 --name "KOWALSKI, Jan" --dob 1962-02-02 --sex M >/dev/null || fail "setup"
start
open_patient H-1 "MRN H-1"
keys e
wait_for "[Labs]"
type_text 2.5
wait_for "2.5"
kill -HUP "$(hd_pid)" || fail "cannot signal hepadesk"
wait_for "hepadesk-exited=129"
[ "$(sqlite3 "$DB" 'pragma integrity_check')" = ok ] || fail "integrity_check failed"
sqlite3 "$DB" "select content from drafts where form = 'eval.labs'" | grep -qx "bilirubin=2.5" ||
	fail "the typed value was not kept as a draft"

# Second run: the terminal itself goes away in the middle of a form.
stop
start
wait_for "Unsaved input from an earlier session"
keys Escape
keys n
wait_for "New patient"
type_text "H-2"
pid=$(hd_pid)
tm kill-pane -t hd
n=100
while kill -0 "$pid" 2>/dev/null && [ $n -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
kill -0 "$pid" 2>/dev/null && fail "hepadesk still running after its terminal closed"
[ "$(sqlite3 "$DB" 'pragma integrity_check')" = ok ] || fail "integrity_check failed after the pane closed"
hd show H-1 >/dev/null || fail "database unusable after the hang-up"

# Third run: SIGTERM in the middle of the imaging note leaves the same way.
stop
start
wait_for "Unsaved input from an earlier session"
keys Escape
open_patient H-1 "MRN H-1"
keys e F8
wait_for "[Imaging]"
kill -TERM "$(hd_pid)" || fail "cannot signal hepadesk"
wait_for "hepadesk-exited=143"
[ "$(sqlite3 "$DB" 'pragma integrity_check')" = ok ] || fail "integrity_check failed after SIGTERM"
pass
