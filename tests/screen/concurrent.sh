#!/bin/sh
# Another session writes (the command line logs a view) while the screens are
# open; the screens must still be able to save afterwards.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn C-1 --name "BERG, Liv" --dob 1966-06-06 --sex F >/dev/null || fail "setup"
start
open_patient C-1 "MRN C-1"
hd show C-1 >/dev/null || fail "show failed"
keys e
wait_for "[Labs]"
keys Tab Tab Tab Tab Tab
type_text 140; keys F2
wait_for "stored 1 lab result" 8
n=$(sqlite3 "$DB" "select count(*) from labs where analyte = 'sodium'")
[ "$n" = 1 ] || fail "sodium not stored after another session wrote ($n rows)"
pass
