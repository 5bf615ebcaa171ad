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
keys x
sleep 0.3 # nothing on the screen changes for a refused key: give it time to arrive
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
