#!/bin/sh
# The idle lock: after session:idle_lock_seconds without input the screen
# is cleared of patient data and of the user's name and locked; only this
# user's password, checked through PAM (the tests' pam_wrapper stack) and
# never shown, unlocks it — the login name no longer does (issue 12's case);
# after idle_exit_seconds more the session keeps its drafts and exits.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn IDLE-1 --name "LOCKWOOD, Ida" --dob 1960-06-06 --sex F >/dev/null || fail "setup"
printf '[session]\nidle_lock_seconds = 2\nidle_exit_seconds = 4\n' >"$T/idle.ini"
me=$(id -un)
start xterm-256color HEPADESK_CONFIG="$T/idle.ini"
open_patient IDLE-1 "MRN IDLE-1"
wait_for "hepadesk is locked after being idle" 8
lacks "LOCKWOOD"
lacks "IDLE-1"
lacks "$me"
shows "hepadesk | locked"
# The login name no longer opens it (it did before), nor is it echoed.
type_text "$me"
keys Enter
wait_for "password not accepted"
lacks "LOCKWOOD"
lacks "$me"
[ "$(sql "select count(*) from auth_attempts where purpose = 'unlock' and ok = 0")" = 1 ] ||
	fail "the refused unlock is not recorded"
sql "select after from audit where tbl = 'auth_attempts'" | grep -q '"ok":0' ||
	fail "the refused unlock is not audited"
sql "select * from audit" | grep -qF "$PW" && fail "the password reached the audit trail"
type_text "$PW"
lacks "$PW"
keys Enter
wait_for "LOCKWOOD, Ida"
sql "select * from audit" | grep -qF "$PW" && fail "the password reached the audit trail"
echo "ok - idle: locked with no patient data nor login shown; the login name does not unlock, the password does"

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
