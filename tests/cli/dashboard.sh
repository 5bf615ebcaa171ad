# Command-line tests: `dashboard` (baseline at the signed evaluation, latest,
# change and direction per measure, calendar marks, adverse events; the JSON
# contract) and `due` (due and overdue on a day, days overdue).
. "$(dirname "$0")/lib.sh"
fixture_lot UC-1 || notok "product lot fixture"
fixture_lot UC-3 || notok "product lot fixture UC-3"

NOW="$TODAY 09:58"

fixture_planned D1 "DASH, Dora"

run hd dashboard D1 --json
expect_rc "dashboard --json before any follow-up" 0
expect_in "the baseline is the evaluation's value" '{"key":"albumin","unit":"g/dL","baseline":{"value":2.9,"date":"'"$(ago 3)"'"},"latest":{"value":2.9,"date":"'"$(ago 3)"'"},"change":0,"change_pct":0,"direction":"unchanged","trend":[2.9]}' "$OUT"
expect_in "no infusion yet" '"first_infusion":null,"days_since_first_infusion":null' "$OUT"
expect_in "the next visit is the first infusion, due today" '"next_visit":{"label":"Infusion 1","due":"'"$TODAY"'","window_start":"'"$(ago 2)"'","window_end":"'"$(later 2)"'"}' "$OUT"
expect_in "stiffness never measured: nulls" '{"key":"stiffness","unit":"kPa","baseline":null,"latest":null,"change":null,"change_pct":null,"direction":null,"trend":[]}' "$OUT"

hd infusion add D1 --at "$NOW" --route iv --cells 3e7 --lot UC-1 --expires 2027-01-31 --label "Infusion 1" >/dev/null
hd ae add D1 --term Fever --temperature 38.6 --onset "$NOW" --serious no --relation probable >/dev/null
hd visit add D1 --label W1 --albumin 3.3 --alt 30 --bilirubin 2.3 --inr 1.4 --creatinine 1.0 --sodium 136 \
	--ascites 1 --encephalopathy 0 --fatigue mild --stiffness 21 --confirm >/dev/null
hd visit missed D1 W2 --reason "travelling" >/dev/null

run hd dashboard D1 --json
expect_rc "dashboard --json after follow-up" 0
expect_in "albumin higher is improved" '{"key":"albumin","unit":"g/dL","baseline":{"value":2.9,"date":"'"$(ago 3)"'"},"latest":{"value":3.3,"date":"'"$TODAY"'"},"change":0.4,"change_pct":13.8,"direction":"improved","trend":[2.9,3.3]}' "$OUT"
expect_in "ALT lower is improved" '{"key":"alt","unit":"U/L","baseline":{"value":40,"date":"'"$(ago 3)"'"},"latest":{"value":30,"date":"'"$TODAY"'"},"change":-10,"change_pct":-25,"direction":"improved"' "$OUT"
expect_in "bilirubin the same is unchanged" '{"key":"bilirubin","unit":"mg/dL","baseline":{"value":2.3,"date":"'"$(ago 3)"'"},"latest":{"value":2.3,"date":"'"$TODAY"'"},"change":0,"change_pct":0,"direction":"unchanged"' "$OUT"
expect_in "AST has no new value: latest is the baseline" '{"key":"ast","unit":"U/L","baseline":{"value":60,"date":"'"$(ago 3)"'"},"latest":{"value":60,"date":"'"$(ago 3)"'"}' "$OUT"
expect_in "MELD recomputed at the visit, lower" '{"key":"meld","unit":"points","baseline":{"value":' "$OUT"
expect_eq "MELD direction" "$(printf '%s' "$OUT" | grep -o '"key":"meld","unit":"points",[^]]*' | grep -o '"direction":"[a-z]*"')" '"direction":"improved"'
expect_in "Child-Pugh as the evaluation computed it (HE answer of today), with its class; ascites since: worse" '"key":"child_pugh","unit":"points","baseline":{"value":7,"date":"'"$TODAY"'","class":"B"},"latest":{"value":8,"date":"'"$TODAY"'","class":"B"},"change":1,"change_pct":14.3,"direction":"worse"' "$OUT"
expect_in "stiffness from the visit, no baseline" '{"key":"stiffness","unit":"kPa","baseline":null,"latest":{"value":21,"date":"'"$TODAY"'"},"change":null,"change_pct":null,"direction":null,"trend":[21]}' "$OUT"
expect_in "first infusion and days since" '"first_infusion":"'"$NOW"'","days_since_first_infusion":0' "$OUT"
expect_in "calendar: infusion done, no timing" '{"label":"Infusion 1","kind":"infusion","due":"'"$TODAY"'","state":"done","date":"'"$TODAY"'","reason":null,"timing":null}' "$OUT"
expect_in "calendar: W2 missed with its reason" '{"label":"W2","kind":"visit","due":"'"$(later 14)"'","state":"missed","date":"'"$TODAY"'","reason":"travelling","timing":null}' "$OUT"
expect_in "calendar: W4 upcoming" '{"label":"W4","kind":"visit","due":"'"$(later 28)"'","state":"upcoming","date":null,"reason":null,"timing":null}' "$OUT"
expect_in "calendar: W1 done a week before its due day is early" '{"label":"W1","kind":"visit","due":"'"$(later 7)"'","state":"done","date":"'"$TODAY"'","reason":null,"timing":"early"}' "$OUT"
expect_in "the baseline is taken at the first infusion" '"baseline_as_of":"'"$TODAY"'","baseline_from":"first_infusion","evaluation_as_of":"'"$TODAY"'"' "$OUT"
expect_in "adverse events with grades" '"adverse_events":[{"id":1,"term":"Fever","grade":1,"onset":"'"$TODAY"'","serious":false,"relation":"probable","outcome":"unknown"' "$OUT"
expect_in "findings per visit" '"fatigue":"mild"' "$OUT"
expect_eq "the dashboard view is logged" "$(asql "select count(*) from audit where action = 'view' and after like '%dashboard%'")" "2"

run hd dashboard D1
expect_rc "dashboard text" 0
expect_in "text: a measure line with direction" "Albumin (g/dL)         2.9     3.3     +0.4   +14% improved" "$OUT"
expect_in "text: missed mark" "  x W2           due $(later 14)  missed on $TODAY: travelling" "$OUT"
expect_in "text: a visit before its window is marked early" "  + W1           due $(later 7)  done on $TODAY early" "$OUT"
expect_in "text: sodium is trended" "Sodium (mmol/L)        134     136       +2    +1% improved" "$OUT"
expect_eq "text: every line fits 80 columns" "$(printf '%s\n' "$OUT" | awk '{ if (length($0) > 80) n++ } END { print n + 0 }')" "0"
expect_in "text: the event with its number" "  1    $TODAY Fever                G1         probable  unknown" "$OUT"
run hd ae outcome D1 1 --outcome resolved --resolved "$TODAY"
expect_rc "ae outcome succeeds" 0
expect_in "says what it recorded" "adverse event 1 (Fever) of D1: recovered / resolved on $TODAY" "$OUT"
run hd dashboard D1 --json
expect_in "the dashboard shows the outcome" '"outcome":"resolved","resolved":"'"$TODAY"'"' "$OUT"
expect_eq "the update is audited with before and after" "$(sql "select count(*) from audit where tbl = 'adverse_events' and action = 'update' and before like '%unknown%' and after like '%resolved%'")" "1"
run hd ae outcome D1 1 --outcome resolving --resolved "$TODAY"
expect_rc "a resolution date with 'resolving' is refused" 2
run hd ae outcome D1 99 --outcome resolved --resolved "$TODAY"
expect_rc "an unknown event" 2
expect_in "names it" "no adverse event 99 for this patient" "$ERR"
run hd dashboard D1 --ascii
expect_eq "--ascii: no byte above 127 on measure lines" "$(printf '%s\n' "$OUT" | grep -E '^(Albumin|ALT|MELD) ' | LC_ALL=C grep -c '[^ -~]')" "0"
run hd dashboard NOPE
expect_rc "unknown MRN" 2

# --- due ---
fixture_planned D2 "ZWEI, Zoe"
run hd ae outcome D2 1 --outcome unknown
expect_rc "another patient's event is not found" 2
expect_in "and says so" "no adverse event 1 for this patient" "$ERR"
run hd due --date "$(later 7)" --json
expect_rc "due --json" 0
expect_in "D2's W1 is due in a week" '{"mrn":"D2","name":"ZWEI, Zoe","label":"W1","kind":"visit","due":"'"$(later 7)"'","window_start":"'"$(later 4)"'","window_end":"'"$(later 10)"'"}' "$OUT"
expect_in "D2's first infusion is overdue by 5 days" '{"mrn":"D2","name":"ZWEI, Zoe","label":"Infusion 1","kind":"infusion","due":"'"$TODAY"'","days_overdue":5}' "$OUT"
expect_not_in "D1's W1 is done, not due" '"mrn":"D1","name":"DASH, Dora","label":"W1"' "$OUT"
expect_in "the date" '"date":"'"$(later 7)"'"' "$OUT"
run hd due --date "$(later 10)" --json
expect_in "last day of the window: still due" '"label":"W1","kind":"visit","due":"'"$(later 7)"'","window_start"' "$OUT"
run hd due --date "$(later 11)" --json
expect_in "the day after: overdue by 1" '"label":"W1","kind":"visit","due":"'"$(later 7)"'","days_overdue":1' "$OUT"
expect_in "counts" '"counts":{"due":1,"overdue":2,"missed_30d":1' "$OUT"
run hd due --date "$(later 11)"
expect_in "text: overdue line" "  ! D2         ZWEI, Zoe            W1         due $(later 7), 1 day overdue" "$OUT"
expect_eq "text: every line fits 80 columns" "$(printf '%s\n' "$OUT" | awk '{ if (length($0) > 80) n++ } END { print n + 0 }')" "0"
run hd due --limit 0
expect_rc "limit out of range" 2
run hd due --date 2026-02-30
expect_rc "a bad date" 2

# --- Issue 11 item 9: the baseline is the last value on or before the first
# infusion (here a value drawn after sign-off), sodium and the examination
# findings are trended, and a visit after its window is marked late.
fixture_ready D3 "DRAI, Dina" >/dev/null
hd exam add D3 --date "$(ago 2)" --ascites 2 --encephalopathy 1 --dialysis yes --weight 70 >/dev/null
hd_sign checklist sign D3 >/dev/null
hd_sign plan add D3 --route iv --first-date "$(later 3)" >/dev/null
HEPADESK_TEST_NOW="$(later 2) 09:00" hd lab add D3 --date "$(later 2)" --albumin 3.1 --sodium 130 --confirm >/dev/null
HEPADESK_TEST_NOW="$(later 3) 09:30" hd infusion add D3 --at "$(later 3) 09:30" --route iv --cells 3e7 \
	--lot UC-3 --expires 2027-01-31 --label "Infusion 1" >/dev/null
HEPADESK_TEST_NOW="$(later 15) 09:00" hd visit add D3 --label W1 --albumin 3.4 --sodium 134 --ascites 1 --encephalopathy 0 >/dev/null
HEPADESK_TEST_NOW="$(later 15) 09:10" hd exam add D3 --dialysis no --weight 67 >/dev/null
run env HEPADESK_TEST_NOW="$(later 20) 10:00" "$HEPADESK" --db "$DB" dashboard D3 --json
expect_rc "dashboard after the first infusion" 0
expect_in "the baseline is the first infusion's day" '"baseline_as_of":"'"$(later 3)"'","baseline_from":"first_infusion","evaluation_as_of":"'"$TODAY"'"' "$OUT"
expect_in "albumin drawn after sign-off, before the infusion, is the baseline" '{"key":"albumin","unit":"g/dL","baseline":{"value":3.1,"date":"'"$(later 2)"'"},"latest":{"value":3.4,"date":"'"$(later 15)"'"},"change":0.3' "$OUT"
expect_in "sodium is trended from the same baseline" '{"key":"sodium","unit":"mmol/L","baseline":{"value":130,"date":"'"$(later 2)"'"},"latest":{"value":134,"date":"'"$(later 15)"'"},"change":4,"change_pct":3.1,"direction":"improved","trend":[134,130,134]}' "$OUT"
expect_in "ascites ICA from the examination to the visit: improved" '{"key":"ascites_ica","unit":"ICA 0-3","baseline":{"value":2,"date":"'"$(ago 2)"'"},"latest":{"value":1,"date":"'"$(later 15)"'"},"change":-1,"change_pct":-50,"direction":"improved"' "$OUT"
expect_in "HE: the checklist's 'no' of today is newer than the examination's grade 1" '{"key":"encephalopathy_west_haven","unit":"WH 0-4","baseline":{"value":0,"date":"'"$TODAY"'"},"latest":{"value":0,"date":"'"$(later 15)"'"},"change":0,"change_pct":null,"direction":"unchanged","trend":[1,0,0]}' "$OUT"
expect_in "dialysis yes to no: improved" '{"key":"dialysis","unit":"","baseline":{"value":1,"date":"'"$(ago 2)"'"},"latest":{"value":0,"date":"'"$(later 15)"'"},"change":-1,"change_pct":-100,"direction":"improved","trend":[1,0]}' "$OUT"
expect_in "weight is trended with no direction" '{"key":"weight","unit":"kg","baseline":{"value":70,"date":"'"$(ago 2)"'"},"latest":{"value":67,"date":"'"$(later 15)"'"},"change":-3,"change_pct":-4.3,"direction":null' "$OUT"
expect_in "MELD's baseline is at the first infusion, with dialysis" '{"key":"meld","unit":"points","baseline":{"value":' "$OUT"
expect_in "W1 done five days after its due day is late" '{"label":"W1","kind":"visit","due":"'"$(later 10)"'","state":"done","date":"'"$(later 15)"'","reason":null,"timing":"late"}' "$OUT"
run env HEPADESK_TEST_NOW="$(later 20) 10:00" "$HEPADESK" --db "$DB" dashboard D3
expect_in "text: the baseline rule in words" "baseline: last values on or before the first infusion, $(later 3)" "$OUT"
expect_in "text: the late visit" "  + W1           due $(later 10)  done on $(later 15) late" "$OUT"
expect_in "text: dialysis in words" "Dialysis               yes      no" "$OUT"
expect_eq "text: every line fits 80 columns" "$(printf '%s\n' "$OUT" | awk '{ if (length($0) > 80) n++ } END { print n + 0 }')" "0"

finish
