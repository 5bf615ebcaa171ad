#!/bin/sh
# Lookup beyond VistA's and no duplicate by accident (issue 14, items 3 and
# 4) on the screens: initial + last 4, a date of birth, a name without its
# apostrophe; a blank then Enter opens the last patient; registering someone
# with the same birth date and a similar name asks for a reason, kept in the
# record.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn 1001234 --name "O'BRIEN, Seán" --dob 1956-03-14 --sex M >/dev/null || fail "setup"
hd patient add --mrn 2005678 --name "SMITH, Anna" --dob 1960-01-02 --sex F >/dev/null || fail "setup"
start
wait_for "Recent patients (0)"
keys /
type_text O1234
wait_for "1 match"
shows "O'BRIEN, Seán"
keys C-u
type_text 1960-01-02
wait_for "1 match"
shows "SMITH, Anna"
keys C-u
type_text obrien
wait_for "1 match"
keys Enter
wait_for "O'BRIEN, Seán  MRN 1001234"
keys q
wait_for "Recent patients (1)"
# A blank, then Enter: the last patient opened.
keys /
type_text " "
keys Enter
wait_for "O'BRIEN, Seán  MRN 1001234"
keys q
wait_for "Recent patients"
# The same man typed again under another MRN: a reason is asked.
keys n
wait_for "New patient"
type_text "9001234"; keys Tab
type_text "OBrien, Sean"; keys Tab
type_text "1956-03-14"; keys Tab m F2
wait_for "A reason is needed"
shows "possibly registered already: 1001234"
n=$(sqlite3 "$DB" "select count(*) from patients where mrn = '9001234'")
[ "$n" = 0 ] || fail "registered before a reason was given"
type_text "different man: ID card checked"
keys F2
wait_for "MRN 9001234"
wait_for "registered 9001234"
r=$(sqlite3 "$DB" "select similar_to || '|' || similar_reason from patients where mrn = '9001234'")
[ "$r" = "1001234|different man: ID card checked" ] || fail "reason kept: '$r'"
pass
