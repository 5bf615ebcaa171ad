#!/bin/sh
# Follow-up through the screens: a visit recorded against the scheduled W1
# (fever noted), an adverse event whose grade the temperature suggests, and
# both on the patient dashboard (d) with the calendar mark; DB rows checked.
. "$(dirname "$0")/lib.sh"

fixture_planned F-1 "FOLLOW, Up" || fail "setup"
hd plan reschedule F-1 W1 --date "$TODAY" --reason "seen early" >/dev/null || fail "reschedule"

start
open_patient F-1 "MRN F-1"
keys v
wait_for "Follow-up visit"
shows "W1 due $TODAY (due)"
keys Tab Tab Tab Tab
type_text 38.4; keys Tab
type_text 61; keys Tab
type_text 120/80; keys Tab
keys m
wait_for "< mild >"
keys F2
wait_for "recorded W1 visit on $TODAY; fever 38.4 °C suggests CTCAE grade 1"
row=$(sql "select v.state, v.timing, v.temp_c, v.weight_kg, v.sbp, v.dbp, v.fatigue, s.state from visits v join schedule s on s.id = v.schedule_id where s.label = 'W1'")
[ "$row" = "done|in_window|38.4|61.0|120|80|1|done" ] || fail "visit row: $row"
[ "$(sql "select count(*) from drafts")" = 0 ] || fail "the visit draft was kept after saving"
# The visit's labs follow, with the intake's lab rows, stored with the visit.
wait_for "Labs of the W1 visit on $TODAY"
type_text 2.1
keys F2
wait_for "stored 1 lab result"
row=$(sql "select l.analyte, l.canonical, l.date, l.source from labs l join visits v on v.id = l.visit_id")
[ "$row" = "bilirubin|2.1|$TODAY|visit" ] || fail "visit lab row: $row"

keys a
wait_for "Adverse event (CTCAE"
type_text Fever; keys Tab
type_text 38.4; keys Tab
wait_for "< 1: Mild"
shows "Grade definition:"
keys Tab Tab Tab Tab
keys p
wait_for "< possible >"
keys F2
wait_for "recorded Fever grade 1"
row=$(sql "select term, term_listed, grade, serious, relation, outcome, onset from adverse_events")
[ "$row" = "Fever|1|1|0|possible|unknown|$TODAY" ] || fail "adverse event row: $row"

keys d
wait_for "Albumin g/dL"
shows "Baseline: the signed evaluation as of $TODAY"
shows "Sodium mmol/L          134      134"
shows "Ascites ICA 0-3          0        0"
lacks "Dialysis"
keys Down Down Down Down Down Down
wait_for "Fatigue        mild"
keys G PPage Down Down Down # above the long-term and outcome sections
wait_for "Adverse events (1)"
shows "grade 1 Fever: possible, unknown"
shows "+ W1"
# W1, rescheduled to today and done today, is in its window: no early/late mark.
screen_text | grep -q "^  + W1 .*done  *on $TODAY$" || fail "W1 in its window is marked"
keys Down Down
wait_for "W2          due"
screen_text | grep -q "^  \\. W2 .*upcoming" || fail "W2 is not marked upcoming"
keys g
wait_for "Albumin g/dL"

# A visit typed and not saved is kept as a draft through a hang-up, offered
# at the next start and resumed into the form.
keys v
wait_for "Follow-up visit"
keys Tab Tab Tab Tab
type_text 37.2; keys Tab
wait_for "> Weight"
[ "$(sql "select form from drafts")" = visit ] || fail "no visit draft while typing"
kill -HUP "$(hd_pid)" || fail "cannot signal hepadesk"
wait_for "hepadesk-exited="
stop
start
wait_for "Unsaved input from an earlier session"
shows "Visit of "
keys Enter
# Chosen from the list: the form opens with the draft in it (no second question).
wait_for "restored unsaved input"
shows "37.2"
shows "[+] Visit"
pass
