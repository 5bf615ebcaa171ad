#!/bin/sh
# Text from the database never reaches the terminal raw: a name and an
# imaging note planted through the sqlite3 shell with escape sequences, C1
# controls and a bidi override are drawn neutralised — the sequences show as
# text, nothing is executed (the screen is not cleared, the pane title is not
# changed).
. "$(dirname "$0")/lib.sh"
hd patient add --mrn HX-1 --name "HOSTILE, Harry" --dob 1970-01-01 --sex M >/dev/null || fail "setup"
hd imaging add HX-1 --date 2026-01-10 --modality ultrasound --note "plain note" >/dev/null || fail "setup"
EVIL=$(printf 'EVIL\033[2J\033]0;pwned\007\302\233\342\200\256X, Harry')
NOTE=$(printf 'liver \033[31mRED\033[0m ok')
hex() { printf '%s' "$1" | od -An -v -tx1 | tr -d ' \n'; }
sqlite3 "$DB" "DROP TRIGGER audit_patients_upd; DROP TRIGGER audit_imaging_upd;
UPDATE patients SET name = CAST(X'$(hex "$EVIL")' AS TEXT), name_key = 'HOSTILE,HARRY' WHERE mrn = 'HX-1';
UPDATE imaging SET note = CAST(X'$(hex "$NOTE")' AS TEXT);" || fail "planting the hostile text"
start
keys /
type_text hostile
wait_for "[2J"
shows "hepadesk |"
keys Down Enter
wait_for "MRN HX-1"
shows "[2J"
shows "]0;pwned"
keys i
wait_for "[31mRED"
[ "$(tm display-message -p -t hd '#{pane_title}')" != "pwned" ] || fail "the pane title was changed by data"
pass
