#!/bin/sh
# A resumed draft never overwrites newer data (issue 13, found when tried):
# nurse A edits a weight and hangs up; nurse B corrects the name and date of
# birth; A resumes. The draft remembers the version it started from, so the
# resume says the record changed and saving shows both versions: n keeps
# B's correction, and y would keep A's over it knowingly.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn SD-1 --name "STALE, Sam" --dob 1965-05-05 --sex M --weight 80 >/dev/null || fail "setup"
start
open_patient SD-1 "MRN SD-1"
keys E
wait_for "Edit patient"
keys Tab Tab Tab Tab Tab
keys C-u
type_text 77.5
wait_for "77.5"
keys Tab
wait_for "> MRN"
kill -HUP "$(hd_pid)" || fail "cannot signal hepadesk"
wait_for "hepadesk-exited=129"
stop
# Nurse B's correction, made while A's draft waits.
hd patient update SD-1 --name "STALE, Samuel" --dob 1965-06-05 >/dev/null || fail "B's correction"
start
wait_for "Unsaved input from an earlier session"
keys Enter
wait_for "Edit patient"
shows "77.5"
wait_for "changed since this draft"
keys F2
wait_for "Someone else saved this"
shows "STALE, Samuel"
keys n
wait_for "kept the other version"
[ "$(sqlite3 "$DB" "select name, dob, weight_kg from patients where mrn = 'SD-1'")" = "STALE, Samuel|1965-06-05|80.0" ] ||
	fail "B's correction was reverted: $(sqlite3 "$DB" "select name, dob, weight_kg from patients where mrn = 'SD-1'")"
pass
