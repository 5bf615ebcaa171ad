#!/bin/sh
# The home screen, help and a patient render under every TERM the clinic
# meets (vt100 has no colour: roles fall back to bold/reverse), and with
# NO_COLOR; q leaves with status 0 and the terminal restored.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn V-1 --name "NGUYỄN, Văn" --dob 1971-01-01 --sex M >/dev/null || fail "setup"
for term in vt100 xterm-256color screen tmux-256color linux "xterm-256color NO_COLOR=1"; do
	stop
	# shellcheck disable=SC2086
	start $term
	wait_for "Recent patients"
	shows "Find patient:"
	shows "n new patient"
	open_patient V-1 "NGUYỄN, Văn  MRN V-1"
	keys e
	wait_for "[Labs]"
	keys Escape
	wait_gone "[Labs]"
	keys q
	wait_for "Recent patients (1)"
	keys q
	wait_for "Leave hepadesk?"
	keys y
	wait_for "hepadesk-exited=0"
done
pass
