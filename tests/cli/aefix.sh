# Command-line tests: `ae correct` — an adverse event's details corrected
# with a reason through ae add's checks and the ICH E2A seriousness rules
# (a grade 3 event with hospitalisation cannot be corrected to not serious),
# both versions audited, a stale version a conflict, refusals write nothing;
# an event corrected to serious gets its reporting clock.
. "$(dirname "$0")/lib.sh"

hd patient add --mrn A1 --name "EVENT, Eva" --dob 1960-01-01 --sex F --weight 60 >/dev/null
hd patient add --mrn A2 --name "OTHER, Olga" --dob 1970-05-05 --sex F --weight 70 >/dev/null
hd ae add A1 --term Nausea --grade 2 --onset "$TODAY 08:00" --serious no --relation unlikely >/dev/null
hd ae add A1 --term "Gastrointestinal hemorrhage" --grade 3 --onset "$TODAY 07:00" \
	--serious yes --relation unlikely --action hospitalised >/dev/null
hd ae add A2 --term Headache --grade 1 --onset "$TODAY 08:00" --serious no --relation unlikely >/dev/null
q() { sql "select a.id from adverse_events a join patients p on p.id = a.patient_id where p.mrn = '$1' and term = '$2'"; }
NAUSEA=$(q A1 Nausea)
GI=$(q A1 "Gastrointestinal hemorrhage")
OTHER=$(q A2 Headache)
state() { sql "select count(*) from audit where action <> 'view'"; sql "select group_concat(id || ':' || term || ':' || grade || ':' || serious || ':' || relation || ':' || criteria || ':' || version, ',') from adverse_events"; sql "select count(*) from sae_reports"; }
BEFORE=$(state)

run hd ae correct A1 "$GI" --serious no --reason "not serious after all"
expect_rc "grade 3 with hospitalisation corrected to not serious: refused" 2
expect_in "names the rule" "serious: 'no' is refused with hospitalisation" "$ERR"
run hd ae correct A1 "$GI" --serious no --criteria none --reason "x"
expect_rc "... even with the criteria cleared (the admission implies it)" 2
run hd ae correct A1 "$NAUSEA" --grade 7 --reason "x"
expect_rc "a grade outside 1-5 is refused" 2
expect_in "names the range" "accepted 1-5" "$ERR"
run hd ae correct A1 "$NAUSEA" --grade 4 --reason "x"
expect_rc "grade 4 not serious asks for --confirm" 2
expect_in "it says so" "confirm it is not serious (add --confirm to accept)" "$ERR"
run hd ae correct A1 "$NAUSEA" --serious yes --reason "x"
expect_rc "serious without a criterion is refused" 2
expect_in "asks for the criterion" "name the ICH E2A criterion" "$ERR"
run hd ae correct A1 "$NAUSEA" --onset "$(later 2) 08:00" --reason "x"
expect_rc "an onset after today is refused" 2
run hd ae correct A1 "$NAUSEA" --grade 3
expect_rc "a correction needs a reason" 2
expect_in "the reason is asked for" "--reason is required" "$ERR"
run hd ae correct A1 "$OTHER" --grade 2 --reason "x"
expect_rc "another patient's event is refused" 2
expect_in "not this patient's" "no adverse event $OTHER for this patient" "$ERR"
expect_eq "refusals wrote nothing" "$(state)" "$BEFORE"

run hd ae correct A1 "$NAUSEA" --grade 3 --term Vomiting --onset "$TODAY 06:30" --reason "grade and term typed wrong"
expect_rc "ae correct succeeds" 0
expect_in "says what it is now" "corrected adverse event $NAUSEA of A1: Vomiting grade 3, onset $TODAY 06:30, not serious, now version 2" "$OUT"
expect_eq "the row holds the values, its version and the reason" \
	"$(sql "select term, grade, onset, version, correction_reason from adverse_events where id = $NAUSEA")" \
	"Vomiting|3|$TODAY|2|grade and term typed wrong"
expect_eq "the audit trail keeps both versions" \
	"$(sql "select json_extract(before, '\$.term') || ' ' || json_extract(before, '\$.grade') || '>' || json_extract(after, '\$.term') || ' ' || json_extract(after, '\$.grade') || ' v' || json_extract(before, '\$.version') || '>' || json_extract(after, '\$.version') from audit where tbl = 'adverse_events' and action = 'update' and row_id = $NAUSEA")" \
	"Nausea 2>Vomiting 3 v1>2"

BEFORE=$(state)
run hd ae correct A1 "$NAUSEA" --grade 2 --reason "again" --if-version 1
expect_rc "a stale version is a conflict" 1
expect_in "the conflict names both versions" "changed by someone else since it was read (version 1, now 2)" "$ERR"
expect_eq "the conflict wrote nothing" "$(state)" "$BEFORE"

run hd ae correct A1 "$NAUSEA" --serious yes --criteria hospitalisation --relation probable \
	--reason "admitted overnight" --if-version 2
expect_rc "corrected to serious and related" 0
expect_in "it is serious now" "SERIOUS, now version 3" "$OUT"
expect_eq "its reports are on the clock: the 24 h report and a SUSAR (unexpected, related)" \
	"$(sql "select group_concat(kind, ',') from (select kind from sae_reports where ae_id = $NAUSEA order by kind)")" \
	"initial,susar"
run hd ae correct A1 "$NAUSEA" --serious no --criteria none --reason "x"
expect_rc "an event with reports on its clock stays serious" 2
expect_in "it says why" "has serious-event reports on its clock" "$ERR"
run hd ae correct A1 "$NAUSEA" --relation unlikely --reason "relation re-assessed"
expect_rc "a detail of a serious event corrected" 0
expect_eq "no report added twice" "$(sql "select count(*) from sae_reports where ae_id = $NAUSEA")" 2
finish
