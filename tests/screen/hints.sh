#!/bin/sh
# Hint lines and help take their keys from the key table (include/ui_keymap.h)
# and offer only keys that act on the screen at hand, to roles that may use
# them: forms show Esc back (q types a letter), Imaging no units, Scores no
# field keys, the idle lock its own key only, the checklist's amend only to
# physicians. On every screen visited the help names no key outside the
# table or its scope ("Key table" fault, "{?NAME}"). The resume menu names
# each draft by its registered kind.
. "$(dirname "$0")/lib.sh"

hint() { screen_text | tail -n 1; }
hint_has() { hint | grep -qF -- "$1" || fail "hint line lacks '$1': $(hint)"; }
hint_lacks() { hint | grep -qF -- "$1" && fail "hint line offers '$1': $(hint)"; return 0; }
# help_ok TITLE: the help of the screen on top shows no key-table fault.
help_ok() {
	keys F1
	wait_for "Help for: $1"
	lacks "Key table"
	lacks "{?"
	keys Escape
	wait_gone "Help for: $1"
}

# The help paragraphs of the screens and the frame name keys only as
# {ACTION}: a bare key name in their text is a key outside the table.
src="$(dirname "$0")/../../ui"
bare=$(grep -nE '^[[:space:]]*(\.(hint|help) = )?"' "$src"/screen/*.c "$src"/frame/*.c "$src"/app/*.c |
	grep -vF '"Enter values"' | sed -E 's/\{[A-Z_]+\}//g' |
	grep -E '(^|[^A-Za-z])(F[0-9]{1,2}|Esc|Tab|Enter|Ctrl-[A-Z]|\^[A-Z]|PgUp|PgDn|Space|S-Tab)([^A-Za-z]|$)')
[ -z "$bare" ] || fail "key names written by hand, not from the table: $bare"
# Every {ACTION} named in ui/ is an action of the table.
map="$(dirname "$0")/../../include/ui_keymap.h"
for a in $(grep -ohE '\{[A-Z_]+\}' "$src"/*/*.c | sort -u | tr -d '{}'); do
	grep -qE "^[[:space:]]*_\($a," "$map" || fail "{$a} is not an action of the key table"
done

fixture_ready H-1 "HINT, Hanna" || fail "setup"
hd_sign checklist sign H-1 >/dev/null || fail "sign"
hd user revoke "$(id -un)" physician >/dev/null || fail "revoke"
# A nurse who is also the administrator: records, and signs nothing.
hd user grant "$(id -un)" nurse >/dev/null || fail "grant nurse"
start
wait_for "Recent patients"
hint_has "? help  / find  Enter open  n new patient  L lab queue  A audit  q quit"
help_ok Home

# A form: letters are typed, so q is no key here; Esc goes back.
keys n
wait_for "New patient"
hint_has "Esc back"
hint_has "F1 help"
hint_lacks "q back"
hint_lacks "? help"
type_text "q"
wait_for "New patient"
help_ok "New patient"
keys Escape
wait_for "Leave this form?"
keys y
wait_for "Recent patients"

open_patient H-1 "MRN H-1"
hint_has "e evaluate"
hint_has "q back"
help_ok Patient
keys e
wait_for "[Labs]"
hint_has "u units"
hint_has "Tab next"
help_ok Evaluation
keys F8
wait_for "[Imaging]"
hint_lacks "units"
hint_has "Esc back"
help_ok Evaluation
keys F8
wait_for "[Exam]"
hint_has "Enter open"
hint_lacks "units"
hint_lacks "F2"
help_ok Evaluation
keys F8
wait_for "[Scores]"
hint_lacks "Tab"
hint_lacks "F2"
hint_lacks "units"
hint_has "F7 prev step"
hint_has "q back"
help_ok Evaluation
keys q
wait_for "e evaluate"

# A nurse-admin may neither sign nor amend: neither is on the hint line
# or among this screen's keys in the help.
keys c
wait_for "Signed v1"
hint_lacks "S sign"
hint_lacks "amend"
help_ok Checklist
keys q d
wait_for "Baseline"
help_ok Dashboard
keys q p
wait_for "New plan"
hint_has "Esc back"
hint_lacks "q back"
help_ok "New plan"
keys Escape
wait_for "e evaluate"
# The forms of the form engine: their help names keys from the table too.
keys a
wait_for "Adverse event (CTCAE"
help_ok "Adverse event"
keys Escape
wait_for "e evaluate"
keys v
wait_for "Follow-up visit"
help_ok "Visit"
keys Escape
wait_for "e evaluate"

stop

# Idle: the lock offers its own key, nothing of the form below it.
printf '[session]\nidle_lock_seconds = 2\nidle_exit_seconds = 600\n' >"$T/idle.ini"
start xterm-256color HEPADESK_CONFIG="$T/idle.ini"
open_patient H-1 "MRN H-1"
keys v
wait_for "Visit"
hint_has "F2 save"
wait_for "hepadesk is locked after being idle" 8
hint_has "Enter unlock"
hint_lacks "save"
hint_lacks "back"
type_text "$PW"
keys Enter
wait_gone "hepadesk is locked"
hint_has "F2 save"
keys Escape
stop

# A physician is offered amend on the checklist.
hd user grant "$(id -un)" physician >/dev/null || fail "cannot make the user a physician"
start
open_patient H-1 "MRN H-1"
keys c
wait_for "Signed v1"
hint_has "S sign"
hint_has "a amend"
keys F1
wait_for "Help for: Checklist"
keys PageDown
wait_for "a              checklist: amend the signed evaluation"
keys Escape

# An adverse event's draft is offered back by its kind's title.
keys q a
wait_for "Adverse event (CTCAE"
type_text "Nausea"
keys Tab
kill -HUP "$(hd_pid)"
wait_for "hepadesk-exited=129"
stop
start
wait_for "Adverse event of HINT, Hanna MRN H-1"
pass
