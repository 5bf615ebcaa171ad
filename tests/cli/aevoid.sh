# Command-line tests: `ae void` and `ae list` — an adverse event recorded in
# error is voided with a reason (exit 2 without one, nothing written); it
# stays in the audit trail and in `ae list`, marked, but leaves the patient's
# dashboard, the clinic's serious-event list (`due`), the open reports
# (`sae`) and the stopping rules of the pre-infusion check; a stale version
# is a conflict, a second void a refusal, a fatal event cannot be voided.
. "$(dirname "$0")/lib.sh"
fixture_lot UC-1 || notok "product lot fixture"

fixture_planned V1 "VOID, Vera" || notok "planned patient fixture"
hd patient add --mrn V2 --name "OTHER, Olga" --dob 1970-05-05 --sex F --weight 70 >/dev/null
hd ae add V1 --term Nausea --grade 1 --onset "$(ago 1) 08:00" --serious no --relation unlikely >/dev/null
hd ae add V1 --term "Gastrointestinal hemorrhage" --grade 3 --onset "$(ago 1) 07:00" \
	--serious yes --relation unlikely --action hospitalised >/dev/null
hd ae add V2 --term Headache --grade 1 --onset "$TODAY 08:00" --serious no --relation unlikely >/dev/null
q() { sql "select a.id from adverse_events a join patients p on p.id = a.patient_id where p.mrn = '$1' and term = '$2'"; }
GI=$(q V1 "Gastrointestinal hemorrhage")
NAUSEA=$(q V1 Nausea)
OTHER=$(q V2 Headache)
state() { sql "select count(*) from audit where action <> 'view'"; sql "select group_concat(id || ':' || coalesce(voided_at, '-') || ':' || coalesce(void_reason, '-') || ':' || version, ',') from adverse_events"; }

# Before: the bleed is everywhere a serious event is.
run hd dashboard V1 --json
expect_in "before: the bleed is on the dashboard" "\"term\":\"Gastrointestinal hemorrhage\"" "$OUT"
run hd due --json
expect_in "before: the bleed is in the clinic's serious events" "\"term\":\"Gastrointestinal hemorrhage\"" "$OUT"
run hd sae --json
expect_in "before: its report is open" "\"event\":$GI" "$OUT"
run hd infusion check V1 --json
expect_eq "before: the stopping rule halts infusions" \
	"$(echo "$OUT" | grep -o '"item":"adverse_events"[^}]*' | grep -o '"state":"[a-z]*"')" '"state":"refuse"'

BEFORE=$(state)
run hd ae void V1 "$GI"
expect_rc "a void needs a reason: exit 2" 2
expect_in "the reason is asked for" "--reason is required" "$ERR"
run hd ae void V1 "$GI" --reason ""
expect_rc "an empty reason: exit 2" 2
expect_in "names the reason's limits" "reason" "$ERR"
run hd ae void V1 "$OTHER" --reason "x"
expect_rc "another patient's event is refused" 2
expect_in "not this patient's" "no adverse event $OTHER for this patient" "$ERR"
run hd ae void V1 abc --reason "x"
expect_rc "an event number that is not one: exit 2" 2
run hd ae void V1 "$GI" --reason "x" --if-version 7
expect_rc "a stale version is a conflict" 1
expect_in "the conflict names both versions" "(version 7, now 1)" "$ERR"
expect_eq "refusals wrote nothing" "$(state)" "$BEFORE"

run hd ae void V1 "$GI" --reason "recorded for the wrong patient" --if-version 1 --json
expect_rc "ae void succeeds" 0
expect_in "JSON: voided with the reason and the new version" \
	"\"id\":$GI,\"version\":2,\"term\":\"Gastrointestinal hemorrhage\",\"grade\":3" "$OUT"
expect_in "JSON: marked voided" "\"voided\":true,\"void_reason\":\"recorded for the wrong patient\"" "$OUT"
expect_eq "the row stays, with who, why and the version" \
	"$(sql "select term, voided_by, void_reason, version, voided_at is not null from adverse_events where id = $GI")" \
	"Gastrointestinal hemorrhage|root|recorded for the wrong patient|2|1"
expect_eq "the audit trail keeps both versions" \
	"$(sql "select coalesce(json_extract(before, '\$.void_reason'), '-') || '>' || json_extract(after, '\$.void_reason') || ' v' || json_extract(before, '\$.version') || '>' || json_extract(after, '\$.version') from audit where tbl = 'adverse_events' and action = 'update' and row_id = $GI")" \
	"->recorded for the wrong patient v1>2"

run hd ae void V1 "$GI" --reason "again"
expect_rc "a second void is refused" 2
expect_in "it says so" "adverse event $GI is voided already" "$ERR"

run hd dashboard V1 --json
expect_not_in "after: the bleed left the dashboard" "Gastrointestinal hemorrhage" "$OUT"
expect_in "the nausea stays on it" "\"term\":\"Nausea\"" "$OUT"
run hd due --json
expect_not_in "after: the bleed left the clinic's serious events" "Gastrointestinal hemorrhage" "$OUT"
run hd sae --json
expect_not_in "after: its report left the open reports" "\"event\":$GI" "$OUT"
run hd infusion check V1 --json
expect_eq "after: the stopping rule no longer halts" \
	"$(echo "$OUT" | grep -o '"item":"adverse_events"[^}]*' | grep -o '"state":"[a-z]*"')" '"state":"pass"'

run hd ae list V1
expect_rc "ae list" 0
expect_in "lists the voided event, marked with its reason" "VOIDED: recorded for the wrong patient" "$OUT"
expect_eq "both events listed" "$(echo "$OUT" | wc -l)" 2
run hd ae list V1 --json
expect_in "JSON list: the nausea not voided" "\"id\":$NAUSEA,\"version\":1,\"term\":\"Nausea\",\"grade\":1" "$OUT"
run hd ae correct V1 "$GI" --grade 2 --reason "x"
expect_rc "a voided event is not corrected" 2
expect_in "it says why" "was voided (recorded for the wrong patient)" "$ERR"
run hd ae outcome V1 "$GI" --outcome resolved --resolved "$TODAY"
expect_rc "a voided event gets no outcome" 2

hd ae add V2 --term Death --grade 5 --onset "$TODAY 09:00" --serious yes --relation unlikely \
	--criteria death --outcome fatal >/dev/null 2>&1
FATAL=$(q V2 Death)
if [ -n "$FATAL" ]; then
	run hd ae void V2 "$FATAL" --reason "x"
	expect_rc "a fatal event is not voided" 2
	expect_in "says to correct its grade first" "correct its grade first" "$ERR"
else
	notok "fatal event fixture"
fi
finish
