#!/bin/sh
# A save that waits on another user's lock says so (issue 13: the screen
# froze for up to the busy timeout with no "saving..."). sqlite3 holds the
# write lock while the nurse saves a new patient; the message line shows
# "saving... (waiting for another user" until the lock is released, then the
# save completes and the message goes.
. "$(dirname "$0")/lib.sh"
# A long busy timeout: the holder keeps the lock as long as the test needs.
mkdir -p "$HOME/.config/hepadesk"
printf '[database]\nbusy_timeout_ms = 60000\n' >"$HOME/.config/hepadesk/hepadesk.ini"
start
keys n
wait_for "New patient"
type_text "W-001"; keys Tab
type_text "WAIT, Walter"; keys Tab
type_text "1970-05-06"; keys Tab
keys m Tab Space
wait_for "K70.3"
keys 3
wait_for "< K70.3"
keys Tab
type_text "72.5"
# The holder takes the write lock, says so ($T/locked) and keeps it until
# told ($T/release), at most 60 s, or until $T is gone.
{ echo ".timeout 10000"; echo ".bail on"; echo "BEGIN IMMEDIATE;"; echo "INSERT INTO meta VALUES ('lock', 'held');"
  echo ".shell touch '$T/locked'; n=1200; while [ ! -e '$T/release' ] && [ -e '$T/locked' ] && [ \$n -gt 0 ]; do sleep 0.05; n=\$((n - 1)); done"
  echo "ROLLBACK;"; } | sqlite3 "$DB" >/dev/null &
n=200
while [ ! -e "$T/locked" ] && [ $n -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
[ -e "$T/locked" ] || fail "the holder did not take the lock"
keys F2
wait_for "saving… (waiting for another user" 10
# It keeps counting while it waits: the screen is not frozen silent.
wait_for "(waiting for another user: " 10
[ "$(sqlite3 "file:$DB?mode=ro" "select count(*) from patients where mrn = 'W-001'")" = 0 ] ||
	fail "saved while the lock was held"
touch "$T/release"
wait_for "registered W-001" 10
lacks "waiting for another user"
[ "$(hd show W-001 --json | grep -c '"WAIT, Walter"')" = 1 ] || fail "W-001 not stored"
pass
