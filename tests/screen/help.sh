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
# settled_after OLD: poll until the screen differs from OLD and has stopped
# changing (a key was handled and drawn); print it.
settled_after() {
	n=100
	while [ $n -gt 0 ]; do
		a=$(screen_text)
		if [ "$a" != "$1" ]; then
			b=$(screen_text)
			[ "$a" = "$b" ] && { printf '%s\n' "$a"; return 0; }
		fi
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}
# The last page (G), back to the first (g), then page by page until
# the last page shows: each PageDown is sent only once the one before it
# has been drawn.
first=$(screen_text)
keys G # End
last=$(settled_after "$first") || fail "G (End) did not scroll the help"
keys g # Home
cur=$(settled_after "$last") || fail "g (Home) did not scroll the help"
[ "$cur" = "$first" ] || fail "g (Home) did not return to the first page"
pages=1
while :; do
	printf '%s\n' "$cur" >> "$seen"
	[ "$cur" = "$last" ] && break
	[ $pages -lt 30 ] || fail "PageDown never reached the last page"
	keys PageDown
	cur=$(settled_after "$cur") || fail "PageDown did not scroll the help (page $pages)"
	pages=$((pages + 1))
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
