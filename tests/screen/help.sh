#!/bin/sh
# The help overlay (? and F1) lists the actions of the one key table
# (include/ui_keymap.h) with their keys and help text, and the screen's own
# paragraph; q closes it.
. "$(dirname "$0")/lib.sh"
start
keys '?'
wait_for "Help for: Home"
shows "Recent patients are listed"
shows "show this help (any screen)"
# Every action's help text, taken from the table itself, is in the overlay.
map="$(dirname "$0")/../../include/ui_keymap.h"
[ -r "$map" ] || fail "cannot read $map"
seen=$T/seen
: > "$seen"
for i in 1 2 3 4 5 6 7; do
	screen_text >> "$seen"
	keys PageDown
	sleep 0.1
done
grep -o '"[a-z][^"]*")[[:space:]]*\\$' "$map" | sed 's/^"//; s/")[[:space:]]*\\$//' | cut -c1-30 |
while IFS= read -r text; do
	grep -qF -- "$text" "$seen" || { echo "missing: $text"; exit 1; }
done || fail "help lacks an action of the key table"
shows "answer no to a question"
keys q
wait_gone "Help for: Home"
keys n
wait_for "New patient"
keys F1
wait_for "Help for: New patient"
shows "Nothing is stored until every"
pass
