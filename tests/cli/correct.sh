# Command-line tests: `visit correct` — a recorded visit's values and day
# corrected with a reason, its labs moved with it, the old version kept in
# the audit trail; stale versions, bad values and missing reasons change
# nothing.
. "$(dirname "$0")/lib.sh"

fixture_planned C1 "CORRECT, Cleo" || { notok "fixture"; finish; exit 1; }
hd visit add C1 --label W1 --temperature 38.5 --bp 120/80 --albumin 3.1 >/dev/null
V=$(sql "select id from visits")
run hd visit correct C1 "$V" --temperature 36.8 --clear bp --date "$(ago 1)" \
	--reason "temperature of the next patient typed in"
expect_rc "visit correct succeeds" 0
expect_in "says what was corrected" "corrected visit $V (W1) of C1 on $(ago 1) (early: before its window), now version 2" "$OUT"
expect_eq "the row holds the corrected values and the reason" \
	"$(sql "select date, temp_c, coalesce(sbp, 'none'), version, correction_reason from visits")" \
	"$(ago 1)|36.8|none|2|temperature of the next patient typed in"
expect_eq "the visit's labs moved to the corrected day" \
	"$(sql "select date from labs where visit_id = $V")" "$(ago 1)"
expect_eq "the audit trail keeps the old values" \
	"$(sql "select json_extract(before, '\$.temp_c') || '>' || json_extract(after, '\$.temp_c') from audit where tbl = 'visits' and action = 'update'")" \
	"38.5>36.8"
run hd dashboard C1 --json
expect_in "dashboard --json gives the visit's id, version and correction" \
	"\"id\":$V,\"version\":2,\"date\":\"$(ago 1)\",\"label\":\"W1\"" "$OUT"
expect_in "... and the reason" '"correction":"temperature of the next patient typed in"' "$OUT"
run hd dashboard C1
expect_in "the text dashboard marks the corrected visit with its number" "  36.8  $V *" "$OUT"

AUDIT=$(sql "select count(*) from audit where action <> 'view'")
run hd visit correct C1 "$V" --temperature 37.0 --reason "again" --if-version 1
expect_rc "a stale version is a conflict" 1
expect_in "the conflict says so" "changed by someone else since it was opened (version 1, now 2)" "$ERR"
run hd visit correct C1 "$V" --temperature 50 --reason "fever"
expect_rc "an out-of-range value is refused" 2
expect_in "the refusal names the field and range" "temperature: 50 °C is outside 30-45 °C" "$ERR"
run hd visit correct C1 "$V" --temperature 37.0
expect_rc "a correction needs a reason" 2
expect_in "the reason is asked for" "--reason is required" "$ERR"
run hd visit correct C1 "$V" --reason "nothing"
expect_rc "a correction with no values is refused" 2
run hd visit correct C1 "$V" --albumin 3.0 --reason "lab"
expect_rc "labs are not corrected here" 2
run hd visit correct C1 "$V" --clear temp --reason "x"
expect_rc "an unknown --clear name is refused" 2
expect_in "the accepted names are listed" "'temp' is not a visit value" "$ERR"
run hd visit correct C1 999 --temperature 37.0 --reason "x"
expect_rc "an unknown visit is refused" 2
expect_in "no such visit" "no visit 999 for this patient" "$ERR"
run hd visit correct C1 "$(later 1)" --temperature 37.0 --reason "x"
expect_rc "the visit number must be a number" 2
run hd visit correct C1 "$V" --date "$(later 3)" --reason "x"
expect_rc "a corrected day after today is refused" 2
expect_in "the day is named" "visit date:" "$ERR"
expect_eq "refused corrections changed nothing" \
	"$(sql "select version, temp_c from visits")|$(sql "select count(*) from audit where action <> 'view'")" \
	"2|36.8|$AUDIT"

hd visit missed C1 W2 --reason "no transport" >/dev/null
M=$(sql "select id from visits where state = 'missed'")
run hd visit correct C1 "$M" --temperature 37.0 --reason "x"
expect_rc "a missed visit is not corrected" 2
expect_in "it says why" "was recorded as missed" "$ERR"
finish
