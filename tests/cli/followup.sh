# Command-line tests: recording follow-up — infusions against the plan,
# adverse events (CTCAE fever grade suggested from a temperature), visits
# against their scheduled window or unscheduled, missed visits with a reason,
# refusals that name the field, value and range and change nothing.
. "$(dirname "$0")/lib.sh"
fixture_lot UC-26-001 || notok "product lot fixture"
fixture_lot L || notok "product lot fixture"

NOW="$TODAY 09:58"

fixture_planned P1 "FOLLOW, Pat"
expect_eq "fixture: a plan with its schedule" "$(sql "select count(*) from schedule")" "12"

# --- infusions ---
run hd infusion add P1 --at "$NOW" --route intrahepatic --cells 3e7 --lot "UC-26-001" --expires 2027-01-31 --label "Infusion 1"
expect_rc "a route other than the plan's is refused" 2
expect_in "the check's refusal names both routes" "infusion check: route: route intrahepatic does not match the plan's iv" "$ERR"
run hd infusion add P1 --at "$NOW" --route iv --cells 3e7 --lot "UC-26-001" --expires 2027-01-31 --label "Infusion 1" --reaction none
expect_rc "infusion add succeeds" 0
expect_in "infusion add says what it did" "recorded infusion for P1 at $NOW: iv, 3e+07 cells, lot UC-26-001" "$OUT"
expect_eq "the scheduled infusion is closed" "$(sql "select state from schedule where label = 'Infusion 1'")" "done"
expect_eq "the row keeps lot, cells and who gave it" "$(sql "select lot, cells, given_by <> '', reaction is null from infusions")" "UC-26-001|30000000.0|1|1"
run hd infusion add P1 --at "$NOW" --route iv --cells 3e7 --lot "UC-26-001" --expires 2027-01-31 --label "Infusion 1"
expect_rc "the same scheduled infusion twice: exit 2" 2
expect_in "the check says it is done" "infusion check: interval: Infusion 1 is already done" "$ERR"
run hd infusion add P1 --at "$NOW" --route iv --cells 3e11 --lot L --expires 2027-01-31
expect_rc "cells beyond the hard limit: exit 2" 2
expect_in "cells message names field, value and range" "cells: '3e11' is outside 1e6-1e10 cells" "$ERR"
run hd infusion add P1 --at "$NOW" --route iv --cells 5e6 --lot L --expires 2027-01-31
expect_rc "an unusual dose needs --confirm" 2
expect_in "the confirmation says why" "confirm the total (not per kg)" "$ERR"
run hd infusion add P1 --at "$(later 1) 09:00" --route iv --cells 3e7 --lot L --expires 2027-01-31
expect_rc "an infusion in the future is refused" 2
expect_in "the time is named" "given at: $(later 1) 09:00 is in the future" "$ERR"
expect_eq "refusals wrote nothing" "$(sql "select count(*) from infusions")" "1"

# --- adverse events ---
run hd ae add P1 --term fever --temperature 39.5 --onset "$NOW" --serious no --relation probable
expect_rc "a fever from its temperature" 0
expect_in "grade 2 suggested for 39.5 °C, with its definition" "recorded Fever grade 2 (Moderate;" "$OUT"
expect_in "days since the last infusion" "0 days after the last infusion" "$OUT"
expect_eq "stored with the listed term, grade, link and version" "$(sql "select term, term_listed, grade, days_since_infusion, infusion_id is not null, ctcae_version, relation, outcome from adverse_events")" "Fever|1|2|0|1|5.0|probable|unknown"
run hd ae add P1 --term Fever --temperature 40.3 --hours 30 --onset "$NOW" --serious yes --criteria life_threatening --relation possible
expect_in "above 40.0 °C for more than 24 h is grade 4" "grade 4" "$OUT"
run hd ae add P1 --term Fever --temperature 40.3 --onset "$NOW" --serious no --relation possible --grade 2
expect_rc "a grade that disagrees with the temperature needs --confirm" 2
expect_in "the refusal gives the table's grade" "40.3 °C is CTCAE fever grade 3, not 2" "$ERR"
run hd ae add P1 --term Fever --temperature 101.3 --onset "$NOW" --serious no --relation possible
expect_rc "a Fahrenheit temperature is refused" 2
expect_in "and recognised as °F" "looks like °F (38.5 °C)" "$ERR"
run hd ae add P1 --term Fever --temperature 37.6 --onset "$NOW" --serious no --relation possible
expect_rc "below 38.0 °C is not a fever grade" 2
expect_in "says so" "below 38.0 °C" "$ERR"
run hd ae add P1 --term "Itchy scalp" --grade 1 --onset "$NOW" --serious no --relation unlikely
expect_rc "free-text terms are allowed" 0
expect_eq "and marked as not listed" "$(sql "select term_listed from adverse_events where term = 'Itchy scalp'")" "0"
run hd ae add P1 --term "$(printf 'Rash\033[2J')" --grade 1 --onset "$NOW" --serious no --relation unlikely
expect_rc "a term with control characters is refused" 2
run hd ae add P1 --term Anaphylaxis --grade 5 --onset "$NOW" --serious yes --relation possible
expect_rc "grade 5 needs the outcome fatal" 2
expect_in "the message names the rule" "grade 5 (death) and the outcome fatal go together" "$ERR"
run hd ae add P1 --term Nausea --grade 6 --onset "$NOW" --serious no --relation possible
expect_rc "grade 6 refused" 2
expect_in "grade range given" "grade: '6' is not a CTCAE grade; accepted 1-5" "$ERR"
run hd ae add P1 --term Nausea --grade 1 --onset "$NOW" --serious no --relation possible --outcome resolved
expect_rc "resolved needs its date" 2
run hd ae add P1 --term Nausea --grade 1 --onset "$NOW" --serious maybe --relation possible
expect_rc "serious must be yes or no" 2
expect_eq "refused events wrote nothing" "$(sql "select count(*) from adverse_events")" "3"

# --- visits ---
run hd visit add P1 --temperature 37
expect_rc "a visit names its scheduled label or says unscheduled" 2
run hd visit add P1 --label W1 --temperature 38.4 --bp 118/76 --weight 59.5 --fatigue mild \
	--appetite none --jaundice mild --pruritus none --oedema moderate --ascites 2 --paracentesis 3000 \
	--encephalopathy 1 --albumin 3.1 --alt 35 --note "Feels better"
expect_rc "visit add W1 succeeds" 0
expect_in "recorded early: W1 is due in a week" "recorded visit W1 for P1 on $TODAY (early: before its window) with 2 lab results" "$OUT"
expect_in "a fever temperature suggests an AE" "fever: 38.4 °C suggests CTCAE grade 1" "$OUT"
expect_eq "the visit row" "$(sql "select state, timing, temp_c, sbp, dbp, fatigue, appetite, jaundice, pruritus, oedema, ascites_grade, paracentesis_ml, he_grade, note from visits")" "done|early|38.4|118|76|1|0|1|0|2|2|3000.0|1|Feels better"
expect_eq "the labs belong to the visit" "$(sql "select count(*) from labs l join visits v on v.id = l.visit_id where l.date = '$TODAY'")" "2"
expect_eq "W1 is closed" "$(sql "select state from schedule where label = 'W1'")" "done"
expect_eq "the visit is audited" "$(sql "select count(*) from audit where tbl = 'visits' and action = 'create'")" "1"
run hd visit add P1 --label w1
expect_rc "W1 again (labels ignore case): exit 1" 1
expect_in "already done" "W1 is already done" "$ERR"
run hd visit add P1 --label W99 --temperature 37
expect_rc "an unknown label: exit 2" 2
expect_in "names the label" "no scheduled visit or infusion labelled 'W99'" "$ERR"
run hd visit add P1 --unscheduled --ascites 4
expect_rc "ascites grade 4 refused" 2
expect_in "names the scale and range" "ascites: '4' is not a International Club of Ascites grade; accepted 0-3" "$ERR"
run hd visit add P1 --unscheduled --encephalopathy 5
expect_in "West Haven range" "encephalopathy: '5' is not a West Haven grade; accepted 0-4" "$ERR"
run hd visit add P1 --unscheduled --bp 80/90
expect_in "diastolic below systolic" "diastolic 90 mmHg must be below systolic 80 mmHg" "$ERR"
run hd visit add P1 --unscheduled --fatigue terrible
expect_in "severity words" "fatigue: 'terrible' is not a severity; accepted none, mild, moderate, severe" "$ERR"
run hd visit add P1 --unscheduled --paracentesis 2000
expect_rc "paracentesis without ascites refused" 2
run hd visit add P1 --unscheduled --date "$(later 2)"
expect_rc "a visit in the future refused" 2
run hd visit add P1 --unscheduled --note "$(printf 'a\033]0;x\007b')"
expect_rc "a note with escape sequences refused" 2
run hd visit add P1 --unscheduled --alt 25 --inr 99
expect_rc "a bad lab refuses the whole visit" 2
expect_eq "refused visits wrote nothing" "$(sql "select count(*) from visits")" "1"
run hd visit add P1 --unscheduled --stiffness 18.2 --iqr 2.1 --temperature 36.8
expect_rc "an unscheduled visit with stiffness" 0
expect_in "says unscheduled" "(unscheduled)" "$OUT"

# --- missed visits ---
run hd visit missed P1 W2
expect_rc "a missed visit needs a reason" 2
run hd visit missed P1 W2 --reason "in hospital elsewhere"
expect_rc "visit missed succeeds" 0
expect_in "says so" "recorded W2 for P1 as missed on $TODAY: in hospital elsewhere" "$OUT"
expect_eq "the item and the record" "$(sql "select s.state, v.state, v.missed_reason from schedule s join visits v on v.schedule_id = s.id where s.label = 'W2'")" "missed|missed|in hospital elsewhere"
run hd visit add P1 --label W2
expect_rc "a missed visit cannot also be done" 1
finish
