#!/bin/sh
# Quick lookup: by MRN (digits typed at the prompt are part of the MRN, not
# row picks) and by accent-free name ("mull" finds "MÜLLER, Hans"); an open
# patient appears in the recent list; digits pick rows once in the list;
# moving in the list stays within its rows.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn 4711 --name "MÜLLER, Hans" --dob 1955-05-05 --sex M >/dev/null || fail "setup"
hd patient add --mrn 4720 --name "SMITH, John" --dob 1980-01-01 --sex M >/dev/null || fail "setup"
hd patient add --mrn 99 --name "王, 芳" --dob 1975-07-07 --sex F >/dev/null || fail "setup"
start
wait_for "Recent patients (0)"
keys /
type_text 47
wait_for "2 matches"
type_text 11
wait_for "1 match"
shows "MÜLLER, Hans"
keys Enter
wait_for "MÜLLER, Hans  MRN 4711"
keys q
wait_for "Recent patients (1)"
shows "MÜLLER, Hans"
keys /
type_text mull
wait_for "1 match"
shows "4711"
shows "MÜLLER, Hans"
# In the list the selection stays within the rows: G (last), then Down stays on
# the last; PgUp goes back to the first; Up from the first leaves the list.
keys C-u
type_text 4
wait_for "2 matches"
keys Down
wait_for ">1  4711"
keys G
wait_for ">2  4720"
keys Down
sleep 0.3
shows ">2  4720"
lacks ">1  4711"
keys PPage
wait_for ">1  4711"
keys Up
wait_gone ">1  4711"
keys C-u
type_text "王"
wait_for "1 match"
shows "王, 芳"
keys Down
wait_for ">1  99"
keys 1
wait_for "王, 芳  MRN 99"
n=$(asql "select count(*) from audit where action = 'view'") || fail "cannot read the audit"
[ "$n" -ge 2 ] || fail "views not logged ($n)"
pass
