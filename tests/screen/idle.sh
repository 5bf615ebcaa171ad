#!/bin/sh
# The idle lock: after session:idle_lock_seconds without input the screen
# is cleared of patient data and locked; only this session's login name
# unlocks it; after idle_exit_seconds more the session keeps its drafts and
# exits.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn IDLE-1 --name "LOCKWOOD, Ida" --dob 1960-06-06 --sex F >/dev/null || fail "setup"
printf '[session]\nidle_lock_seconds = 2\nidle_exit_seconds = 4\n' >"$T/idle.ini"
me=$(id -un)
start xterm-256color HEPADESK_CONFIG="$T/idle.ini"
open_patient IDLE-1 "MRN IDLE-1"
wait_for "hepadesk is locked after being idle" 8
lacks "LOCKWOOD"
lacks "IDLE-1"
type_text "nosuchlogin"
keys Enter
wait_for "not this session's login"
lacks "LOCKWOOD"
type_text "$me"
keys Enter
wait_for "LOCKWOOD, Ida"
echo "ok - idle: locked with no patient data shown; only the login name unlocks"

keys e
wait_for "[Labs]"
type_text 3.1
wait_for "3.1"
wait_for "hepadesk is locked after being idle" 8
wait_for "hepadesk-exited=" 12
sqlite3 "$DB" "select content from drafts where form = 'eval.labs'" | grep -qx "bilirubin=3.1" ||
	fail "the typed value was not kept as a draft when the idle session exited"
[ "$(sqlite3 "$DB" 'pragma integrity_check')" = ok ] || fail "integrity_check failed"
pass
