#!/bin/sh
# A locale without UTF-8 (issue 14, item 8): a one-line warning at start,
# and names transliterated legibly ("PEREZ, Lucia", "STRASSE, Jorg")
# instead of "P ~IREZ, Luc  a".
. "$(dirname "$0")/lib.sh"
hd patient add --mrn LC-1 --name "PÉREZ, Lucía" --dob 1970-01-01 --sex F >/dev/null || fail "setup"
hd patient add --mrn LC-2 --name "STRAßE, Jörg" --dob 1971-01-01 --sex M >/dev/null || fail "setup"
start xterm-256color LANG=C LC_ALL=C
wait_for "the locale has no UTF-8: names shown without accents (set LANG=C.UTF-8)"
keys /
wait_for "Find patient"
type_text LC
wait_for "2 matches"
shows "PEREZ, Lucia"
shows "STRASSE, Jorg"
lacks "~"
keys Enter
wait_for "PEREZ, Lucia  MRN LC-1"
stop
# With UTF-8 nothing is said and the names keep their letters.
start
wait_for "Awaiting"
lacks "no UTF-8"
pass
