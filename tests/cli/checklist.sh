# Command-line tests: `hepadesk checklist` — the JSON contract, answers, each
# overall result, sign-off and amendment (protocols: protocol.sh).
. "$(dirname "$0")/lib.sh"

ME=$(id -un)


hd patient add --mrn N1 --name "NEW, Nora" --dob 1965-03-04 --sex F >/dev/null
run hd checklist N1 --json
expect_rc "checklist of a new patient succeeds" 0
expect_in "a new patient is NOT_READY" '"status":"NOT_READY"' "$OUT"
expect_in "the date is today" "\"date\":\"$TODAY\"" "$OUT"
expect_in "protocol name, version and hash" '"protocol":{"name":"UC-MSC decompensated cirrhosis (clinic default)","version":"1.0","hash":"' "$OUT"
expect_in "labs are missing" '{"id":"labs","label":"Liver function labs within 14 days","kind":"lab","required":true,"excludes":false,"state":"missing"' "$OUT"
expect_in "blocking lists the missing items" '"blocking":["labs","platelets","hcc_imaging"' "$OUT"
expect_in "not signed" '"signed":null' "$OUT"
run hd checklist N1
expect_in "text output gives the status" "STATUS: NOT READY: labs missing" "$OUT"

run hd checklist answer N1 hiv maybe
expect_rc "an answer other than yes/no is refused" 2
expect_in "the refusal names the value" "answer 'maybe': accepted yes or no" "$ERR"
run hd checklist answer N1 labs yes
expect_rc "a data item cannot be answered" 2
expect_in "the refusal says why" "labs is a lab item: it is computed from the record" "$ERR"
run hd checklist answer N1 encephalopathy yes --value 7
expect_rc "a grade outside 1-4 is refused" 2
expect_in "the refusal names field, value and range" "encephalopathy: value '7' is not accepted; with yes give the grade present, 1-4" "$ERR"
run hd checklist answer N1 consent yes
expect_rc "consent without its date is refused" 2
run hd checklist answer N1 hiv no --note "$(printf 'x\033[2Jy')"
expect_rc "a note with an escape character is refused" 2
expect_eq "refused answers store nothing" "$(sql "select count(*) from answers")" "0"

fixture_ready R1
run hd checklist R1 --json
expect_in "a complete record is READY" '"status":"READY"' "$OUT"
expect_in "READY has nothing blocking" '"blocking":[]' "$OUT"
expect_in "the reason and data of a lab item" "\"data\":\"bilirubin 2.3 mg/dL on $(ago 3), 3 days old;" "$OUT"
expect_in "the answers were audited with the actor" "$(sql "select count(*) from audit where tbl='answers' and actor='$ME'")" "11"

# Stale: labs of 15 days ago are past the 14-day window; the day before they were not.
hd patient add --mrn S1 --name "STALE, Sam" --dob 1960-01-01 --sex M --weight 70 >/dev/null
hd lab add S1 --date "$(ago 15)" --bilirubin 2.3 --inr 1.6 --creatinine 1.1 --sodium 134 \
	--albumin 2.9 --alt 40 --ast 60 --platelets 90 --afp 5 >/dev/null
run hd checklist S1 --json
expect_in "labs of 15 days ago are stale" '"id":"labs","label":"Liver function labs within 14 days","kind":"lab","required":true,"excludes":false,"state":"stale"' "$OUT"
expect_in "the stale reason gives value, date and age" "\"reason\":\"bilirubin 2.3 mg/dL on $(ago 15), 15 days old;" "$OUT"
expect_in "a one-analyte stale reason gives the window" "platelets 90 10^9/L on $(ago 15), 15 days old; window 14 days" "$OUT"
run hd checklist S1 --date "$(ago 1)" --json
expect_in "on the day before, the same labs were inside the window" '"kind":"lab","required":true,"excludes":false,"state":"met"' "$OUT"
run hd checklist S1 --date 2999-01-01
expect_rc "a future --date is refused" 2

fixture_ready X1
hd checklist answer X1 hiv yes --note "positive 2026" >/dev/null
run hd checklist X1 --json
expect_in "an excluding answer makes EXCLUDED" '"status":"EXCLUDED"' "$OUT"
expect_in "EXCLUDED lists the criterion" '"blocking":["hiv"]' "$OUT"
run hd checklist X1
expect_in "text output names the criterion" "STATUS: EXCLUDED: hiv not_met" "$OUT"

run hd_sign checklist sign R1
expect_rc "sign succeeds" 0
expect_in "sign says what it recorded" "signed R1: version 1, READY as of $TODAY, by $ME" "$OUT"
expect_eq "the signed row" "$(sql "select status, signed_by, length(protocol_hash), superseded_by is null from evaluations")" "READY|$ME|64|1"
expect_eq "the protocol text is kept" "$(sql "select count(*) from protocols")" "1"
run hd_sign checklist sign R1
expect_rc "signing twice is refused" 2
expect_in "the refusal says to amend" "already signed: version 1 (READY" "$ERR"
run hd checklist R1 --json
expect_in "checklist shows the signature" "\"signed\":{\"by\":\"$ME\"" "$OUT"

hd checklist answer R1 gi_bleed yes >/dev/null
hd user revoke "$ME" physician >/dev/null
run hd_sign checklist amend R1 --reason "bleed reported"
expect_rc "an admin may not amend" 1
expect_in "the refusal names the role" "physician" "$ERR"
hd user add doc --role physician >/dev/null
hd user grant "$ME" physician >/dev/null
run hd_sign checklist amend R1
expect_rc "amend needs a reason" 2
run hd_sign checklist amend R1 --reason "bleed reported"
expect_rc "a physician amends" 0
expect_in "amend gives version 2" "amended R1: version 2, EXCLUDED" "$OUT"
expect_eq "the old version is kept and points to the new" "$(sql "select id, status, superseded_by from evaluations order by id")" "1|READY|2
2|EXCLUDED|"
expect_eq "the amendment keeps its reason" "$(sql "select amends, amend_reason from evaluations where id = 2")" "1|bleed reported"

# The demo clinic has one READY, one NOT_READY and one EXCLUDED patient.
DEMO="$T/demo/demo.db"
"$HEPADESK" --db "$DEMO" init >/dev/null
"$HEPADESK" --db "$DEMO" demo --patients 5 >/dev/null
run "$HEPADESK" --db "$DEMO" checklist 90000001 --json
expect_in "demo 90000001 is READY" '"status":"READY"' "$OUT"
expect_in "demo 90000001 is signed" '"signed":{"by":' "$OUT"
run "$HEPADESK" --db "$DEMO" checklist 90000002 --json
expect_in "demo 90000002 is NOT_READY" '"status":"NOT_READY"' "$OUT"
expect_in "demo 90000002 lists stale labs and missing consent" '"blocking":["labs","platelets","meld3","child_pugh","afp","consent"]' "$OUT"
run "$HEPADESK" --db "$DEMO" checklist 90000003 --json
expect_in "demo 90000003 is EXCLUDED" '"status":"EXCLUDED"' "$OUT"
expect_in "demo 90000003 names the criterion" '"blocking":["malignancy"]' "$OUT"
run "$HEPADESK" --db "$DEMO" plan 90000001
expect_in "the READY demo patient has a plan" "0.5 x 10^6 cells/kg x 58.0 kg = 2.9 x 10^7 cells" "$OUT"
finish
