#!/bin/sh
# The outcomes report screen (issue 16) on a small fixed cohort built under
# the test clock: R on the home screen opens it; the change from baseline,
# the safety table, the paired biopsies and the survival figures show the numbers
# `hepadesk report outcomes --json` gives for the same database; a filter
# chosen from the pick list (etiology) builds the report again for fewer
# patients; the ASCII fallback under LANG=C; a resize from 100x30 to 80x24
# redraws the curves within 80 columns; the build in slices (a progress
# line, Esc stops it with no access row).
. "$(dirname "$0")/lib.sh"

# Day 0: four patients ready, signed and planned, each given the first
# infusion; two of alcoholic cirrhosis (K70.3), two cryptogenic (K74.6).
# Every baseline albumin is 2.9 g/dL (fixture_ready).
fixture_lot UC-1 || fail "lot"
for p in RP-1 RP-2 RP-3 RP-4; do
	fixture_planned "$p" "REPORT, $p" || fail "setup $p"
	hd infusion add "$p" --at "$TODAY 09:58" --route iv --cells 3e7 --lot UC-1 \
		--expires 2027-01-31 --label "Infusion 1" >/dev/null || fail "infusion $p"
done
# RP-1's biopsy before treatment (the day of the first infusion): F4.
hd histology add RP-1 --date "$TODAY" --site "right lobe" --pathologist "Dr Lee" --metavir F4 \
	>/dev/null || fail "biopsy RP-1"
for p in RP-1 RP-2; do hd patient update $p --etiology K70.3 >/dev/null || fail "etiology $p"; done
for p in RP-3 RP-4; do hd patient update $p --etiology K74.6 >/dev/null || fail "etiology $p"; done
hd ae add RP-2 --term Fever --temperature 38.6 --onset "$TODAY 09:59" --serious no \
	--relation probable >/dev/null || fail "adverse event"
# Week 4 (day 28): three visits with labs, one missed (RP-4, never seen
# again: censored on day 28).
HEPADESK_TEST_NOW="$(later 28) 10:00"
export HEPADESK_TEST_NOW
hd visit add RP-1 --label W4 --albumin 3.1 --alt 30 --bilirubin 2.0 --confirm >/dev/null || fail "W4 RP-1"
hd visit add RP-2 --label W4 --albumin 3.3 --alt 35 --bilirubin 2.1 --confirm >/dev/null || fail "W4 RP-2"
hd visit add RP-3 --label W4 --albumin 3.0 --alt 38 --bilirubin 2.2 --confirm >/dev/null || fail "W4 RP-3"
hd visit missed RP-4 W4 --reason "travelling" >/dev/null || fail "W4 missed"
# RP-3 dies on day 50; week 12 (day 84): two visits.
HEPADESK_TEST_NOW="$(later 50) 10:00"
hd status RP-3 deceased --date "$(later 50)" --reason "variceal bleeding" >/dev/null || fail "death"
HEPADESK_TEST_NOW="$(later 84) 10:00"
hd visit add RP-1 --label W12 --albumin 3.4 --alt 28 --bilirubin 1.9 --confirm >/dev/null || fail "W12 RP-1"
hd visit add RP-2 --label W12 --albumin 3.2 --alt 33 --bilirubin 2.0 --confirm >/dev/null || fail "W12 RP-2"
hd histology add RP-1 --date "$(later 84)" --site "right lobe" --pathologist "Dr Lee" --metavir F3 \
	>/dev/null || fail "biopsy RP-1 W12"
# Week 36 (day 252): RP-1 and RP-2 followed past six months.
HEPADESK_TEST_NOW="$(later 252) 10:00"
hd visit add RP-1 --label W36 --albumin 3.5 --alt 27 --bilirubin 1.8 --confirm >/dev/null || fail "W36 RP-1"
hd visit add RP-2 --label W36 --albumin 3.3 --alt 30 --bilirubin 1.9 --confirm >/dev/null || fail "W36 RP-2"

# The screen's rows, blanks squeezed, and what the JSON of the same database
# says they hold. Albumin has one decimal, so the screen gives means, SDs,
# medians and quartiles with two (as the text report does), p with four.
row() { screen_text | grep -E -- "^$1" | head -n 1 | tr -s ' ' | sed 's/ $//'; }
change_row() { # change_row JSON WEEK PM: the albumin row the JSON describes
	c=".change[] | select(.measure == \"albumin\" and .week == $2)"
	printf 'W%s %s %s %s %s %s %s' "$2" "$(jq -r "$c | \"\(.n)/\(.n_pairs)\"" "$1")" \
		"$(printf "%.2f$3%.2f" $(jq -r "$c | .value.mean, .value.sd" "$1"))" \
		"$(printf "%+.2f$3%.2f" $(jq -r "$c | .change.mean, .change.sd" "$1"))" \
		"$(printf '%+.2f [%+.2f, %+.2f]' $(jq -r "$c | .change.median, .change.q1, .change.q3" "$1"))" \
		"$(printf '%.4f' "$(jq -r "$c | .t_test.p" "$1")")" \
		"$(printf '%.4f' "$(jq -r "$c | .wilcoxon.p" "$1")")"
}
missing_row() { # the reasons with a count, in the JSON's order
	jq -r ".change[] | select(.measure == \"albumin\" and .week == $2) | .missing
		| to_entries | map(select(.key != \"total\" and .value > 0))
		| map(\"\(.key | gsub(\"_\"; \" \")) \(.value)\") | \"W$2 \" + join(\", \")" "$1"
}
hd report outcomes --json >"$T/all.json" || fail "report outcomes --json"
hd report outcomes --etiology K70.3 --json >"$T/k70.json" || fail "report outcomes --etiology"
[ "$(jq -r .treated "$T/all.json")" = 4 ] || fail "the JSON report does not count 4 treated patients"

start xterm-256color
keys R
wait_for "Outcomes report as of $(later 252): 4 treated patients"
shows "Filter: first infusion from any to any; etiology any; route any; product any"
shows "Change from baseline: Albumin, g/dL  (measure 1 of 12"
# The hint line and the help come from the key table.
[ "$(screen_text | tail -n 1 | sed 's/ *$//')" = "? help  Right measure  f dates  e etiology  r route  p product  q back" ] ||
	fail "hint line: $(screen_text | tail -n 1)"
keys F1
wait_for "Help for: Outcomes report"
shows "jumps to the safety table"
lacks "Key table"
lacks "{?"
keys Escape
wait_gone "Help for: Outcomes report"
want=$(change_row "$T/all.json" 4 "±")
[ "$want" = "W4 3/3 3.13±0.15 +0.23±0.15 +0.20 [+0.15, +0.30] 0.1181 0.2500" ] ||
	fail "the JSON's W4 albumin is not the hand-computed one: $want"
[ "$(row 'W4 +[0-9]')" = "$want" ] || fail "W4 row: '$(row 'W4 +[0-9]')', JSON says '$want'"
want=$(change_row "$T/all.json" 12 "±")
[ "$(row 'W12 +[0-9]')" = "$want" ] || fail "W12 row: '$(row 'W12 +[0-9]')', JSON says '$want'"
want=$(change_row "$T/all.json" 36 "±")
[ "$(row 'W36 +[0-9]')" = "$want" ] || fail "W36 row: '$(row 'W36 +[0-9]')', JSON says '$want'"
# Missing: W4 one missed visit (RP-4); W12 RP-4 missed (its window closed
# long ago) and RP-3 dead.
[ "$(missing_row "$T/all.json" 12)" = "W12 missed 1, dead 1" ] || fail "JSON W12 missing"
[ "$(row 'W12 +missed')" = "W12 missed 1, dead 1" ] || fail "W12 missing row: '$(row 'W12 +missed')'"
[ "$(row 'W4 +missed')" = "$(missing_row "$T/all.json" 4)" ] || fail "W4 missing row"
# Another measure: ALT (no decimals: one on the screen).
keys Right Right
wait_for "Change from baseline: ALT, U/L  (measure 3 of 12"
c='.change[] | select(.measure == "alt" and .week == 4)'
want="W4 $(jq -r "$c | \"\(.n)/\(.n_pairs)\"" "$T/all.json") $(printf '%.1f±%.1f' $(jq -r "$c | .value.mean, .value.sd" "$T/all.json"))"
row 'W4 +[0-9]' | grep -qF -- "$want" || fail "ALT W4 row: '$(row 'W4 +[0-9]')', JSON says '$want ...'"

# The safety table.
keys s
wait_for "Safety: 4 treated patients, 4 infusions given"
sf=$(jq -r '.safety | "Any adverse event: \(.any.patients) patient, \(.any.events) event; per patient \(.incidence_per_patient), per infusion \(.events_per_infusion)"' "$T/all.json")
shows "$sf"
shows "Any adverse event: 1 patient, 1 event; per patient 0.25, per infusion 0.25"
want=$(jq -r '.safety.terms[0] | "\(.term) \(.patients) \(.events) \(.worst_grade_patients | map(tostring) | join(" ")) \(.related_events)/\(.related_patients) \(.serious_events)/\(.serious_patients) \(.discontinued_events)/\(.discontinued_patients)"' "$T/all.json")
[ "$want" = "Fever 1 1 1 0 0 0 0 1/1 0/0 0/0" ] || fail "JSON safety term: $want"
[ "$(row 'Fever ')" = "$want" ] || fail "Fever row: '$(row 'Fever ')'"

# Histology below it: RP-1's pair F4 to F3, improved (the JSON agrees).
wait_for "Histology: paired biopsies"
[ "$(jq -r '.histology.measures[0] | "\(.measure) \(.n) \(.improved) \(.change.mean)"' "$T/all.json")" = "metavir 1 1 -1" ] ||
	fail "JSON histology: $(jq -c '.histology.measures[0]' "$T/all.json")"
row 'METAVIR fibrosis' | grep -qF -- "METAVIR fibrosis 1 1/0/0 -1.0" ||
	fail "METAVIR row: '$(row 'METAVIR fibrosis')'"

# Survival: one death among four, numbers at risk and the median's interval.
keys K
wait_for "Survival from the first infusion"
want=$(jq -r '.survival[0] | "Overall survival: \(.n) patients, \(.events) event"' "$T/all.json")
shows "$want"
shows "Overall survival: 4 patients, 1 event"
lo=$(jq -r '.survival[0].median_days.lower' "$T/all.json")
[ "$(jq -r '.survival[0].median_days.estimate' "$T/all.json")" = null ] || fail "median reached?"
shows "median not reached (95% CI $lo days to not reached)"
[ "$(row '  at risk')" = " at risk $(jq -r '.survival[0].at_risk | map(.n | tostring) | join(" ")' "$T/all.json")" ] ||
	fail "at risk: '$(row '  at risk')'"
want=" survival$(for v in $(jq -r '.survival[0].at_risk[].survival' "$T/all.json"); do
	if [ "$v" = null ]; then printf ' --'; else printf ' %.2f' "$v"; fi
done)"
# Kaplan-Meier by hand: RP-4 censored on day 28 (4 at risk, then 3), RP-3
# dead on day 50 (S = 1 - 1/3); at 6 months RP-1 and RP-2 are at risk; at
# 12 months nobody is, and no survival is given.
[ "$want" = " survival 0.67 -- -- --" ] || fail "JSON survival at the months: $want"
[ "$(row '  survival')" = "$want" ] || fail "survival: '$(row '  survival')'"
# The curve in braille: level at 1.0, then a drop.
braille() { screen_text | LC_ALL=C grep -q "$(printf '\342[\240\241\242\243]')"; }
shows "1.0 |⠉⠉⠉"
braille || fail "no braille in UTF-8"

# A filter: etiology K70.3 from the pick list (item 4: any, then the list).
keys e
wait_for "Etiology"
shows "K70.3 Alcoholic cirrhosis"
keys 4
wait_for "etiology K70.3; route any"
wait_for "Outcomes report as of $(later 252): 2 treated patients"
# The measure shown is kept (ALT); back to albumin with Left.
keys c
wait_for "Change from baseline: ALT, U/L"
keys Left Left
wait_for "Change from baseline: Albumin, g/dL"
want=$(change_row "$T/k70.json" 4 "±")
[ "$want" = "W4 2/2 3.20±0.14 +0.30±0.14 +0.30 [+0.25, +0.35] 0.2048 0.5000" ] ||
	fail "the JSON's W4 albumin of K70.3 is not the hand-computed one: $want"
[ "$(row 'W4 +[0-9]')" = "$want" ] || fail "filtered W4 row: '$(row 'W4 +[0-9]')', JSON says '$want'"
# A date the filter refuses names the field, the value and what it accepts;
# the filter stays as it was.
keys f
wait_for "Report dates"
type_text "2026-13-01"
keys F2
wait_for "--from: '2026-13-01' is not a date; accepted: YYYY-MM-DD"
keys Escape
wait_for "Leave this form?"
keys y
wait_gone "Report dates"
shows "etiology K70.3; route any"
# A first day: the filter line, too long in words, is given in short.
keys f
wait_for "Report dates"
type_text "2026-03-01"
keys F2
wait_for "Filter: 2026-03-01 to any; etiology K70.3; route any; product any"
wait_for "Outcomes report as of $(later 252): 2 treated patients"
# From the day after the infusions: nobody, and every section says so.
keys f
wait_for "Report dates"
keys C-u
type_text "2026-03-03"
keys F2
wait_for "Filter: 2026-03-03 to any; etiology K70.3; route any; product any"
wait_for "Outcomes report as of $(later 252): 0 treated patients"
shows "no visit week scheduled"
keys s
wait_for "Safety: 0 treated patients, 0 infusions given"
shows "no adverse event recorded"
keys K
wait_for "no patient followed yet"
# x clears every filter.
keys x
wait_for "Outcomes report as of $(later 252): 4 treated patients"
stop

# Without UTF-8: +- instead of ±, '*' and '|' instead of braille.
start xterm-256color LANG=C LC_ALL=C
keys R
wait_for "Outcomes report as of"
shows "Mean+-SD"
want=$(change_row "$T/all.json" 4 "+-")
[ "$(row 'W4 +[0-9]')" = "$want" ] || fail "ASCII W4 row: '$(row 'W4 +[0-9]')', JSON says '$want'"
keys K
wait_for "Survival from the first infusion"
shows "1.0 |*****"
braille && fail "braille without UTF-8"
stop

# Resize: the curves are drawn for the width (axis 5 + width - 7 columns).
start xterm-256color
tm resize-window -t hd -x 100 -y 30
keys R
wait_for "Outcomes report as of"
keys K
wait_for "Survival from the first infusion"
axis() { screen_text | grep -E '^    \+-+$' | head -n 1 | awk '{ print length($0) }'; }
[ "$(axis)" = 98 ] || fail "axis at 100 columns: $(axis)"
tm resize-window -t hd -x 80 -y 24
wait_for "Survival from the first infusion"
[ "$(axis)" = 78 ] || fail "axis at 80 columns: $(axis)"
# The widest line in characters (braille is three bytes a character).
wide=$(screen_text | LC_ALL=C.UTF-8 wc -L)
[ "$wide" -le 80 ] || fail "a line of $wide columns"
stop

# Built in slices between keys (issue 16, part 3): the test build's slice
# file holds the build at 0 patients, so the progress line can be read;
# the keys stay live (the help opens and closes over it); Esc leaves with
# no access row. Let go (one patient a slice), the report is built and its
# run recorded once.
reports() { asql "select count(*) from audit where tbl = 'report'"; }
before=$(reports)
echo 0 >"$T/slice"
start xterm-256color "HEPADESK_TEST_REPORT_SLICE=@$T/slice"
keys R
wait_for "Building the report: 0 of 4 treated patients; q or Esc or F10 stops"
shows "Outcomes report: building"
shows "Filter: first infusion from any to any; etiology any; route any; product any"
lacks "Outcomes report as of"
keys F1
wait_for "Help for: Outcomes report"
shows "stops it, a filter change starts it again"
keys Escape
wait_gone "Help for: Outcomes report"
wait_for "Building the report: 0 of 4 treated patients"
keys Escape
wait_gone "Building the report"
lacks "Outcomes report"
[ "$(reports)" = "$before" ] || fail "a stopped build left an access row: $(reports), was $before"
keys R
wait_for "Building the report: 0 of 4 treated patients"
echo 1 >"$T/slice"
wait_for "Outcomes report as of $(later 252): 4 treated patients"
lacks "Building the report"
shows "Change from baseline: Albumin, g/dL  (measure 1 of 12"
[ "$(reports)" = $((before + 1)) ] || fail "access rows after one report: $(reports), was $before"
[ "$(asql "select after from audit where tbl = 'report' order by seq desc limit 1")" = \
	'{"report":"outcomes","from":null,"to":null,"etiology":"","route":"","product":"","patients":4}' ] ||
	fail "access row: $(asql "select after from audit where tbl = 'report' order by seq desc limit 1")"
# A filter change while building starts it again for the new filter.
keys e
wait_for "K70.3 Alcoholic cirrhosis"
echo 0 >"$T/slice"
keys 4
wait_for "Building the report: 0 of 4 treated patients"
shows "etiology K70.3; route any"
echo 1 >"$T/slice"
wait_for "Outcomes report as of $(later 252): 2 treated patients"
pass
