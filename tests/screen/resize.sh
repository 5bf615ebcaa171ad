#!/bin/sh
# Shrinking the terminal to 60x20 in the middle of a form shows "terminal too
# small" and keeps everything; back at 80x24 the form returns with the typed
# text, the focus and the unsaved mark, and can still be completed and saved.
. "$(dirname "$0")/lib.sh"
start
keys n
wait_for "New patient"
type_text "R-77"; keys Tab
type_text "DOE, Jane"
wait_for "DOE, Jane"
tm resize-window -t hd -x 60 -y 20
wait_for "terminal too small (need 80x24, have 60x20)"
# Nothing on the screen changes for a refused key: wait until hepadesk has
# read it from the terminal (its read count, /proc/PID/io rchar, grows by
# the byte; idle, it reads nothing), so the resize below comes after it.
rchar() { sed -n 's/^rchar: //p' "/proc/$(hd_pid)/io" 2>/dev/null; }
r0=$(rchar)
keys x
if [ -n "$r0" ]; then
	n=100
	while [ "$(rchar)" -le "$r0" ] && [ $n -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
	[ "$(rchar)" -gt "$r0" ] || fail "hepadesk never read the key"
else
	sleep 0.3 # no /proc/PID/io here: give the key time to arrive
fi
tm resize-window -t hd -x 80 -y 24
wait_for "DOE, Jane"
shows "R-77"
shows "[+] New patient"
shows "> Name"
lacks "DOE, Janex"
tm resize-window -t hd -x 100 -y 30
wait_for "DOE, Jane"
tm resize-window -t hd -x 80 -y 24
keys Tab
type_text "1980-02-02"; keys Tab f F2
wait_for "MRN R-77"
hd show R-77 --json | grep -qF '"name":"DOE, Jane"' || fail "form not stored after the resizes"
pass
