# Command-line tests: `hepadesk plan` — a plan only for a signed READY
# evaluation, the dose arithmetic, the schedule, roles and rescheduling.
. "$(dirname "$0")/lib.sh"



FIRST=$(later 7)
fixture_ready P1
run hd_sign plan add P1 --route iv --first-date "$FIRST"
expect_rc "no plan before the checklist is signed" 2
expect_in "the refusal says what to do" "sign the checklist first" "$ERR"

fixture_ready P2
hd checklist answer P2 consent no >/dev/null
hd_sign checklist sign P2 >/dev/null
run hd_sign plan add P2 --route iv --first-date "$FIRST"
expect_rc "no plan for a NOT_READY evaluation" 2
expect_in "the refusal names the status" "is NOT_READY" "$ERR"

hd_sign checklist sign P1 >/dev/null
run hd_sign plan add P1 --route iv --cells-per-kg 0.5 --first-date "$FIRST"
expect_rc "a dose outside the protocol's bounds is refused" 2
expect_in "the refusal gives the accepted range" "outside the protocol's 1.0 x 10^5 - 1.0 x 10^6 cells/kg" "$ERR"
run hd_sign plan add P1 --route iv --infusions 30 --first-date "$FIRST"
expect_rc "infusions outside 1-24 refused" 2
run hd_sign plan add P1 --route oral --first-date "$FIRST"
expect_rc "an unknown route is refused" 2
expect_in "the route refusal lists the routes" "accepted iv or intrahepatic" "$ERR"
# The creator of the database is admin and physician; as admin alone they
# take no clinical action.
hd user revoke "$(id -un)" physician >/dev/null
run hd_sign plan add P1 --route intrahepatic --first-date "$FIRST"
expect_rc "an admin may not sign an intrahepatic route" 1
expect_in "the refusal names the role it needs" "physician" "$ERR"
expect_eq "refusals stored nothing" "$(sql "select count(*) from plans")" "0"
run hd_sign plan add P1 --route iv --first-date "$FIRST"
expect_rc "nor make an IV plan" 1
expect_in "the refusal names the physician" "you need the role physician (you are admin)" "$ERR"
hd user grant "$(id -un)" physician >/dev/null

run hd_sign plan add P1 --route iv --first-date "$FIRST"
expect_rc "plan add succeeds" 0
expect_in "the dose arithmetic is shown" "0.5 x 10^6 cells/kg x 60.0 kg = 3.0 x 10^7 cells" "$OUT"
expect_eq "the plan row" "$(sql "select route, cells_per_kg, weight_kg, cells_per_infusion, infusions, interval_days, first_date from plans")" "iv|500000.0|60.0|30000000.0|3|28|$FIRST"
expect_eq "three infusions 28 days apart" "$(sql "select group_concat(target_date, ' ') from (select target_date from schedule where kind = 'infusion' order by target_date)")" "$FIRST $(date -u -d "$FIRST +28 days" +%F) $(date -u -d "$FIRST +56 days" +%F)"
expect_eq "visits W1..W72" "$(sql "select group_concat(label, ' ') from (select label from schedule where kind = 'visit' order by target_date)")" "W1 W2 W4 W8 W12 W24 W36 W48 W72"
expect_eq "W72 is 504 days after the first infusion" "$(sql "select target_date from schedule where label = 'W72'")" "$(date -u -d "$FIRST +504 days" +%F)"
expect_eq "visit windows are +-3 days" "$(sql "select distinct window_before || '/' || window_after from schedule where kind = 'visit'")" "3/3"
expect_eq "plan and schedule are audited" "$(sql "select count(*) from audit where tbl in ('plans', 'schedule') and action = 'create'")" "13"
run hd_sign plan add P1 --route iv --first-date "$FIRST"
expect_rc "a second active plan is refused" 2

run hd plan P1 --json
expect_rc "plan --json succeeds" 0
expect_in "plan JSON has the route and arithmetic" '"route":"iv","cells_per_kg":500000,"weight_kg":60,' "$OUT"
expect_in "plan JSON has the arithmetic text" '"arithmetic":"0.5 x 10^6 cells/kg x 60.0 kg = 3.0 x 10^7 cells"' "$OUT"
expect_in "plan JSON lists the schedule" "{\"label\":\"Infusion 1\",\"kind\":\"infusion\",\"target\":\"$FIRST\",\"due\":\"$FIRST\"" "$OUT"

W4=$(sql "select target_date from schedule where label = 'W4'")
MOVED=$(date -u -d "$W4 +2 days" +%F)
run hd plan reschedule P1 W4 --date "$MOVED"
expect_rc "reschedule needs a reason" 2
run hd plan reschedule P1 W99 --date "$MOVED" --reason "x"
expect_rc "an unknown visit is refused" 2
expect_in "the refusal names the visit" "no open visit 'W99' for P1" "$ERR"
run hd plan reschedule P1 W4 --date "$MOVED" --reason "patient travelling"
expect_rc "reschedule succeeds" 0
expect_eq "due moves, target is kept, reason recorded" "$(sql "select target_date, due_date, reschedule_reason from schedule where label = 'W4'")" "$W4|$MOVED|patient travelling"
run hd plan P1
expect_in "the plan shows the move and its reason" "(target $W4; moved: patient travelling)" "$OUT"

# (A weight older than the protocol's window is refused by plan_compute:
# tests/unit/test_plan.c; the command line has no way to back-date a weight.)
fixture_ready P3
hd_sign checklist sign P3 >/dev/null

# A physician signs an intrahepatic route in their own session.
ME=$(id -un)
hd user add doc --role physician >/dev/null
hd user grant "$ME" physician >/dev/null
run hd_sign plan add P3 --route intrahepatic --first-date "$FIRST" --physician doc
expect_rc "nobody signs for another physician" 1
run hd_sign plan add P3 --route intrahepatic --first-date "$FIRST"
expect_rc "the fixture's INR 1.6 fails the intrahepatic gate" 2
hd lab add P3 --date "$TODAY" --inr 1.3 >/dev/null
hd exam add P3 --date "$TODAY" --ascites 0 >/dev/null
run hd_sign plan add P3 --route intrahepatic --first-date "$FIRST"
expect_rc "a physician makes an intrahepatic plan" 0
expect_eq "the plan records the physician's sign-off" "$(sql "select physician, physician_signed_at is not null from plans where route = 'intrahepatic'")" "$ME|1"
run hd plan NOPE
expect_rc "unknown MRN" 2

# Cancelling a plan: its open items go with it, a new plan can then be made.
run hd plan cancel P3
expect_rc "a cancel needs a reason" 2
run hd plan cancel P3 --reason "route changed after the MDT"
expect_rc "the plan is cancelled" 0
expect_eq "plan and its open items are cancelled" "$(sql "select p.status, p.cancel_reason, (select count(*) from schedule s where s.plan_id = p.id and s.state <> 'cancelled') from plans p where p.route = 'intrahepatic'")" "cancelled|route changed after the MDT|0"
expect_eq "the cancel is audited" "$(sql "select count(*) from audit where tbl = 'plans' and action = 'update' and after like '%cancelled%'")" 1
run hd plan P3
expect_rc "no active plan after the cancel" 2
run hd plan cancel P3 --reason again
expect_rc "nothing left to cancel" 2
run hd_sign plan add P3 --route iv --first-date "$FIRST"
expect_rc "a new plan can be made" 0
finish
