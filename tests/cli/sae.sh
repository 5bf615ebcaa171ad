# Command-line tests: serious adverse events on a reporting clock (issue 12,
# second part). Seriousness comes from the ICH E2A criteria ticked; "not
# serious" with a hospitalisation is refused; expectedness from the
# protocol's [safety] expected list; the reports owed run from awareness
# (24 h; a SUSAR 7 days when fatal or life-threatening, else 15); hepadesk
# sae lists them with the time left and flags the overdue; recording the
# report closes it.
. "$(dirname "$0")/lib.sh"

hd patient add --mrn S1 --name "SERIOUS, Sam" --dob 1960-01-01 --sex M --weight 70 >/dev/null
nae() { sql "select count(*) from adverse_events"; }

# --- found when tried: a grade 3 event with admission marked not serious ---
run hd ae add S1 --term "Gastrointestinal hemorrhage" --grade 3 --onset "$TODAY 08:00" \
	--serious no --relation unlikely --action hospitalised
expect_rc "grade 3 with admission, not serious: refused" 2
expect_in "names the rule" "serious: 'no' is refused with hospitalisation" "$ERR"
expect_eq "nothing written" "$(nae)" 0
run hd ae add S1 --term "Gastrointestinal hemorrhage" --grade 2 --onset "$TODAY 08:00" \
	--serious no --criteria hospitalisation --relation unlikely
expect_rc "a ticked hospitalisation, not serious: refused (grade 2 too)" 2
run hd ae add S1 --term Nausea --grade 2 --onset "$TODAY 08:00" --serious yes --relation unlikely
expect_rc "serious with no criterion: refused" 2
expect_in "asks for the criterion" "name the ICH E2A criterion" "$ERR"
run hd ae add S1 --term Nausea --grade 2 --onset "$TODAY 08:00" --serious yes --criteria nonsense \
	--relation unlikely
expect_rc "an unknown criterion: refused" 2
expect_in "lists the accepted ones" "'nonsense' is not an ICH E2A criterion; accepted death" "$ERR"
expect_eq "still nothing written" "$(nae)" 0

# --- found when tried: no reporting clock. Now there is one. ---
run hd ae add S1 --term "Gastrointestinal hemorrhage" --grade 3 --onset "$TODAY 08:00" \
	--aware "$TODAY 09:00" --serious yes --relation unlikely --action hospitalised
expect_rc "serious, hospitalised (implied criterion), unrelated: recorded" 0
expect_in "the criterion is shown" "SERIOUS (hospitalisation), unexpected under the protocol" "$OUT"
expect_in "the 24 h report is due a day after awareness" "serious adverse event report (sponsor / ethics) due by $(later 1) 09:00 (23 h 0 min left)" "$OUT"
expect_not_in "unrelated: no SUSAR report" "SUSAR" "$OUT"
expect_eq "stored: criteria, expected, awareness" "$(sql "select criteria, expected, aware_at = strftime('%s', '$TODAY 09:00') from adverse_events")" "hospitalisation|0|1"
expect_eq "one report owed" "$(sql "select kind, due_at - aware_at from sae_reports")" "initial|86400"

# An unexpected related life-threatening event: 24 h and a 7-day SUSAR.
run hd ae add S1 --term "Anaphylaxis" --grade 4 --onset "$TODAY 09:30" --serious yes \
	--criteria life_threatening --relation probable
expect_rc "life-threatening, probable: recorded" 0
expect_in "aware when recorded: 24 h from now" "due by $(later 1) 10:00 (1 d 0 h left)" "$OUT"
expect_in "the SUSAR within 7 days" "expedited SUSAR report (regulator) due by $(later 7) 10:00 (7 d 0 h left)" "$OUT"

# An unexpected related serious event that is not fatal or life-threatening: 15 days.
run hd ae add S1 --term "Hepatic hemorrhage" --grade 3 --onset "$TODAY 09:40" --serious yes \
	--criteria important --relation possible
expect_in "other SUSAR within 15 days" "expedited SUSAR report (regulator) due by $(later 15) 10:00" "$OUT"

# Expected (on the protocol's list): only the 24 h report.
run hd ae add S1 --term Fever --grade 3 --onset "$TODAY 09:45" --serious yes \
	--criteria hospitalisation --relation definite
expect_in "fever is expected under the default protocol" "SERIOUS (hospitalisation), expected" "$OUT"
expect_not_in "expected: no SUSAR" "SUSAR" "$OUT"

# Not serious: no report.
run hd ae add S1 --term Fatigue --grade 1 --onset "$TODAY 09:50" --serious no --relation possible
expect_rc "not serious: recorded" 0
expect_eq "reports owed in all" "$(sql "select count(*) from sae_reports")" 6

# --- hepadesk sae: open reports with the time left, overdue flagged ---
run hd sae
expect_rc "sae lists" 0
expect_in "soonest first, with time left" "report 1  S1  Gastrointestinal hemorrhage grade 3 (event 1): serious adverse event report (sponsor / ethics) due $(later 1) 09:00, aware $TODAY 09:00 — 23 h 0 min left" "$(echo "$OUT" | head -1)"
expect_eq "six lines" "$(echo "$OUT" | wc -l)" 6
run env HEPADESK_TEST_NOW="$(later 1) 09:30" "$HEPADESK" --db "$DB" sae
expect_in "a day and a half hour later: overdue" "— OVERDUE by 30 min" "$(echo "$OUT" | head -1)"
expect_in "the next still has time" "— 30 min left" "$OUT"
run env HEPADESK_TEST_NOW="$(later 1) 09:30" "$HEPADESK" --db "$DB" sae --json
expect_in "json: the first report overdue" '{"report":1,"mrn":"S1","event":1,"term":"Gastrointestinal hemorrhage","grade":3,"kind":"initial"' "$OUT"
expect_in "json: seconds left negative and overdue" '"seconds_left":-1800,"overdue":true}' "$OUT"

# --- recording the report closes it ---
run hd sae report 1 --at "$TODAY 09:50" --to "Sponsor safety desk" --ref "SAE-2026-001"
expect_rc "report recorded" 0
expect_in "says what was recorded" "report 1 (serious adverse event report (sponsor / ethics), S1 Gastrointestinal hemorrhage) recorded: sent $TODAY 09:50 to Sponsor safety desk, reference SAE-2026-001" "$OUT"
expect_eq "stored with the reporter" "$(sql "select reported_to, reference, reported_by = '$(id -un)' from sae_reports where id = 1")" "Sponsor safety desk|SAE-2026-001|1"
run hd sae
expect_not_in "closed: no longer listed" "report 1 " "$OUT"
expect_eq "five open" "$(echo "$OUT" | wc -l)" 5
run hd sae report 1 --at "$TODAY 09:55" --to "Ethics" --ref "X"
expect_rc "twice: a conflict" 1
expect_in "names who reported it" "was recorded already by" "$ERR"
run hd sae report 2 --at "$TODAY 09:00" --to "Sponsor" --ref "R2"
expect_rc "a report before awareness: refused" 2
expect_in "names the rule" "before the site became aware" "$ERR"
run hd sae report 2 --at "$(later 1) 09:00" --to "Sponsor" --ref "R2"
expect_rc "a report in the future: refused" 2
run hd sae report 2 --at "$TODAY 10:00" --to "Sponsor" --ref ""
expect_rc "an empty reference: refused" 2
expect_eq "report 2 still open" "$(sql "select reported_at is null from sae_reports where id = 2")" 1
expect_eq "the report is audited" "$(sql "select count(*) from audit where tbl = 'sae_reports' and action = 'update'")" 1

# --- the clocks and the expected list are the protocol's ---
# A clinic's protocol, installed and activated by the administrator.
P=$(dirname "$0")/../../assets/protocols/ucmsc-default.ini
NAME="UC-MSC decompensated cirrhosis (clinic default)"
sed -e 's/^sae_report_hours = 24/sae_report_hours = 12/' -e 's/^susar_fatal_days = 7/susar_fatal_days = 5/' \
	-e 's/^expected = .*/expected = Nausea/' -e 's/^version = .*/version = 1.0-clocks/' "$P" >"$T/short.ini"
run hd protocol install "$T/short.ini"
expect_rc "the clinic's protocol is installed" 0
run hd protocol activate "$NAME" 1.0-clocks
expect_rc "... and activated" 0
run hd ae add S1 --term Fever --grade 4 --onset "$TODAY 09:55" \
	--serious yes --criteria life_threatening --relation definite
expect_rc "under the clinic's own clocks: recorded" 0
expect_in "12 h report" "due by $TODAY 22:00 (12 h 0 min left)" "$OUT"
expect_in "fever no longer expected: a 5-day SUSAR" "expedited SUSAR report (regulator) due by $(later 5) 10:00" "$OUT"
sed -e 's/^sae_report_hours = 24/sae_report_hours = 0/' -e 's/^version = .*/version = 1.0-bad/' "$P" >"$T/bad.ini"
run hd protocol install "$T/bad.ini"
expect_rc "a clock outside 1-168 hours: the protocol is refused" 2
expect_in "... naming the key" "[safety] sae_report_hours: '0' is not accepted; a number 1-168" "$ERR"
run hd ae add S1 --term Fever --grade 4 --onset "$TODAY 09:55" \
	--serious yes --criteria life_threatening --relation definite
expect_in "and the active protocol's 12 h still applies" "due by $TODAY 22:00" "$OUT"
finish
