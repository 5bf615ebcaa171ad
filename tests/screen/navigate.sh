#!/bin/sh
# Navigation that never traps (issue 14, item 1): 40 patients opened in a
# row through / (each from inside the last one's screens) replace one
# another instead of stacking up, so / and d still work; q and Esc go back
# one level; one q too many at home asks before leaving; a form left by
# opening another patient keeps what was typed as a draft.
. "$(dirname "$0")/lib.sh"
i=1
while [ $i -le 40 ]; do
	hd patient add --mrn "NAV$i" --name "NAVIGATE, P$i" --dob 1960-01-01 --sex F \
		--reason "test: 40 patients" >/dev/null || fail "setup $i"
	i=$((i + 1))
done
start
wait_for "Awaiting evaluation (40)"
i=1
while [ $i -le 40 ]; do
	keys /
	wait_for "Find patient"
	type_text "NAV$i"
	wait_for "NAVIGATE, P$i " # NAV4 lists NAV40 too, after it
	keys Enter
	wait_for "NAVIGATE, P$i  MRN NAV$i"
	if [ $((i % 10)) = 0 ]; then
		keys d # the dashboard, one level deeper
		wait_for "Dashboard"
	fi
	i=$((i + 1))
done
lacks "too many screens"
# Still navigates: the dashboard of patient 40, back to its overview, home.
keys d
wait_for "Dashboard"
keys q
wait_gone "Dashboard"
shows "NAVIGATE, P40  MRN NAV40"
keys Escape
wait_for "Awaiting evaluation (40)"
# One q too many at home asks; q (no) stays, y leaves.
keys q
wait_for "Leave hepadesk?"
keys q
wait_gone "Leave hepadesk?"
shows "Awaiting evaluation (40)"
# A form left half-typed by opening another patient: its input is a draft.
open_patient NAV1 "MRN NAV1"
keys e
wait_for "[Labs]"
type_text 2.2
keys /
wait_for "Find patient"
type_text NAV2
wait_for "1 match"
keys Enter
wait_for "NAVIGATE, P2  MRN NAV2"
wait_for "kept as a draft"
[ "$(sql "select count(*) from drafts")" = 1 ] || fail "the labs typed were not kept"
keys q
wait_for "Awaiting evaluation (40)"
keys q
wait_for "Leave hepadesk?"
keys y
wait_for "hepadesk-exited=0"
pass
