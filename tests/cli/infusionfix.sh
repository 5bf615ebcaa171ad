# Command-line tests: `infusion correct` and `infusion list` — an infusion
# typed wrong is corrected with a reason: the values checked as infusion add
# checks them, the dose, route, lot and interval judged again against the
# infusion's own plan where the corrected field bears on them (a dose 67 %
# over the plan is refused as it would be when given), a stale version a
# conflict (exit 1), no reason exit 2, refusals write nothing, both versions
# in the audit trail; a time moved past an event's onset links the event
# again.
. "$(dirname "$0")/lib.sh"
fixture_lot UC-1 || notok "product lot fixture"
fixture_lot UC-OLD 2026-03-01 || notok "expired lot fixture"

fixture_planned F1 "FIX, Fay" || notok "planned patient fixture"
hd infusion add F1 --at "$TODAY 07:30" --route iv --cells 3.2e7 --lot UC-1 --label "Infusion 1" >/dev/null ||
	notok "infusion fixture"
hd ae add F1 --term Nausea --grade 1 --onset "$TODAY 09:00" --serious no --relation unlikely >/dev/null
ID=$(sql "select id from infusions")
AE=$(sql "select id from adverse_events")
state() { sql "select count(*) from audit where action <> 'view'"; sql "select given_at || ':' || route || ':' || cells || ':' || lot || ':' || version || ':' || coalesce(correction_reason, '-') from infusions"; sql "select coalesce(infusion_id, '-') || ':' || version from adverse_events"; }

run hd infusion list F1
expect_rc "infusion list" 0
expect_in "lists the infusion with its number, time, route, cells, lot, version" \
	"$ID  $TODAY 07:30  iv              3.2e+07 cells  lot UC-1         v1" "$OUT"
run hd infusion list F1 --json
expect_in "JSON list" "{\"id\":$ID,\"version\":1,\"given_at\":\"$TODAY 07:30\",\"route\":\"iv\",\"cells\":32000000,\"lot\":\"UC-1\"" "$OUT"
expect_eq "the event is linked to it, 0 days after" "$(sql "select infusion_id || ':' || days_since_infusion from adverse_events")" "$ID:0"

BEFORE=$(state)
run hd infusion correct F1 "$ID" --cells 3e7
expect_rc "no reason: exit 2" 2
expect_in "the reason is asked for" "--reason is required" "$ERR"
run hd infusion correct F1 "$ID" --reason "nothing to correct"
expect_rc "no value: exit 2" 2
run hd infusion correct F1 "$ID" --cells 5e7 --reason "x"
expect_rc "a dose 67 % over the plan: refused" 2
expect_in "names the dose check" "infusion check: dose: 5.0 x 10^7 cells is 67 % over the planned 3.0 x 10^7 (tolerance 10 %)" "$ERR"
run hd infusion correct F1 "$ID" --cells 5e12 --reason "x"
expect_rc "cells outside 1e6-1e10: refused" 2
expect_in "names the range" "cells" "$ERR"
run hd infusion correct F1 "$ID" --route intrahepatic --reason "x"
expect_rc "a route the plan was not made for: refused" 2
expect_in "names the route check" "route intrahepatic does not match the plan's iv" "$ERR"
run hd infusion correct F1 "$ID" --lot UC-OLD --reason "x"
expect_rc "an expired lot: refused" 2
expect_in "names the lot check" "lot UC-OLD expired on 2026-03-01" "$ERR"
run hd infusion correct F1 "$ID" --at "$(later 1) 08:00" --reason "x"
expect_rc "a time in the future: refused" 2
run hd infusion correct F1 "$ID" --pulse-before 400 --reason "x"
expect_rc "a pulse outside its limits: refused" 2
expect_in "names the field" "pulse-before" "$ERR"
run hd infusion correct F1 999 --cells 3e7 --reason "x"
expect_rc "an infusion not the patient's" 2
expect_in "names it" "no infusion 999 for this patient" "$ERR"
expect_eq "refusals wrote nothing" "$(state)" "$BEFORE"

run hd infusion correct F1 "$ID" --cells 3.0e7 --pulse-before 78 --reason "cells typed from the wrong vial" --if-version 1
expect_rc "a dose within the plan: corrected" 0
expect_in "says what it is now" "corrected infusion $ID of F1: $TODAY 07:30, iv, 3e+07 cells, lot UC-1, now version 2" "$OUT"
expect_eq "the row holds the values, the version and the reason" \
	"$(sql "select cells, pulse_before, version, correction_reason from infusions")" \
	"30000000.0|78.0|2|cells typed from the wrong vial"
expect_eq "the audit trail keeps both versions" \
	"$(sql "select json_extract(before, '\$.cells') || '>' || json_extract(after, '\$.cells') || ' v' || json_extract(before, '\$.version') || '>' || json_extract(after, '\$.version') from audit where tbl = 'infusions' and action = 'update'")" \
	"32000000.0>30000000.0 v1>2"

BEFORE=$(state)
run hd infusion correct F1 "$ID" --cells 3.1e7 --reason "again" --if-version 1
expect_rc "a stale version is a conflict" 1
expect_in "the conflict names both versions" "changed by someone else since it was read (version 1, now 2)" "$ERR"
expect_eq "the conflict wrote nothing" "$(state)" "$BEFORE"

run hd infusion correct F1 "$ID" --at "$TODAY 09:30" --reason "the time of the other chart" --json
expect_rc "the time corrected" 0
expect_in "JSON: the new time, version and reason" \
	"\"given_at\":\"$TODAY 09:30\",\"route\":\"iv\",\"cells\":30000000,\"lot\":\"UC-1\"" "$OUT"
expect_in "JSON: the correction's reason" "\"correction\":\"the time of the other chart\"" "$OUT"
expect_eq "the event (onset 09:00) is no longer after the infusion" \
	"$(sql "select coalesce(infusion_id, '-') || ':' || coalesce(days_since_infusion, '-') || ':' || version from adverse_events")" "-:-:2"
run hd infusion correct F1 "$ID" --at "$TODAY 08:00" --reason "08:00 after all" --if-version 3
expect_rc "moved back before the event" 0
expect_eq "the event is linked again" "$(sql "select infusion_id || ':' || days_since_infusion from adverse_events")" "$ID:0"
expect_eq "the scheduled item stays done by it" \
	"$(sql "select s.state from schedule s join infusions i on i.schedule_id = s.id")" "done"
finish
