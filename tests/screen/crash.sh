#!/bin/sh
# A crash (SIGSEGV) restores the terminal before dying of the same signal:
# the screens are gone (alternate screen left, cursor shown) and the exit
# status says SIGSEGV; the database is intact.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn K-1 --name "ALVES, Rui" --dob 1969-09-09 --sex M >/dev/null || fail "setup"
start
keys n
wait_for "New patient"
kill -SEGV "$(hd_pid)" || fail "cannot signal hepadesk"
wait_for "hepadesk-exited=139"
lacks "New patient"
[ "$(tm display -p -t hd '#{alternate_on}')" = 0 ] || fail "still on the alternate screen"
[ "$(tm display -p -t hd '#{cursor_flag}')" = 1 ] || fail "cursor left hidden"
[ "$(sqlite3 "$DB" 'pragma integrity_check')" = ok ] || fail "integrity_check failed"
pass
