#!/bin/sh
# Minimal terminal traffic: moving the highlight one row in a list of 200
# patients sends well under 200 bytes (only the two changed rows are drawn).
. "$(dirname "$0")/lib.sh"
hd demo --patients 200 >/dev/null || fail "demo"
start
keys /
type_text 1
wait_for "matches"
keys Down
wait_for ">1 "
out=$T/out
tm pipe-pane -t hd -o "cat > $out; touch $out.done"
sleep 0.2
keys Down
wait_for ">2 "
sleep 0.3
tm pipe-pane -t hd
# Closing the pipe ends cat: wait until it has written everything.
n=100
while [ ! -e "$out.done" ] && [ $n -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
[ -e "$out.done" ] || fail "the captured output was never complete"
bytes=$(wc -c < "$out")
[ "$bytes" -gt 0 ] || fail "nothing captured"
[ "$bytes" -lt 200 ] || fail "one cursor move sent $bytes bytes"
echo "# one list move: $bytes bytes" >&2
pass
