# Command-line tests: survival contacts and questionnaires corrected in
# place like every other record (issue 15: "each record can be corrected
# or voided with a reason"). contact correct and qol correct need a reason,
# check the version read (--if-version), run the same checks as add (a
# refusal names the field, the value and what is accepted, and writes
# nothing), keep the reason on the row and both versions in the audit
# trail. A corrected contact that now records a transplant or a death sets
# the patient's status as a new contact would; one that would take back a
# status it recorded is refused. A corrected questionnaire is scored again.
# Also: a patient with no infusion has no time to event (the dashboard once
# showed "censored ... (day -1)").
. "$(dirname "$0")/lib.sh"

ver() { sql "select version from contacts where id = $1"; }
status_rows() { sql "select group_concat(state || ':' || date || ':' || coalesce(reason, ''), '|') from (select * from patient_status s join patients p on p.id = s.patient_id where p.mrn = '$1' order by s.id)"; }

hd patient add --mrn C1 --name "CONTACT, Cora" --dob 1958-04-01 --sex F --weight 61 >/dev/null ||
	notok "patient C1"
run hd contact add C1 --vital alive --date "$(ago 10)" --phone --json
expect_rc "an unscheduled contact" 0
expect_in "contact 1, version 1, not corrected" '"corrected":null,"version":1' "$OUT"

# --- no infusion: no time to event (the bug) ---
run hd dashboard C1
expect_in "text: says why there is no time" "time to event: none until the first infusion" "$OUT"
expect_not_in "text: nothing censored" "censored" "$OUT"
run hd dashboard C1 --json
expect_in "json: no origin" '"origin":null,"last_contact":"'"$(ago 10)"'"' "$OUT"
expect_in "json: death has no date, days or censoring" '"death":{"event":false,"date":null,"days":null,"censored":null}' "$OUT"
expect_not_in "json: never day -1" '"days":-1' "$OUT"
run hd events C1
expect_in "events: the same" "time to event: none until the first infusion" "$OUT"

# --- contact correct: refusals write nothing ---
run hd contact correct C1 1 --admissions 2
expect_rc "no reason: refused" 2
expect_in "asks for it" "--reason is required" "$ERR"
run hd contact correct C1 1 --admissions 31 --reason "asked again"
expect_rc "admissions over the limit: refused" 2
expect_in "field, value, range and unit" "admissions: '31' is out of range; accepted 0-30 admissions" "$ERR"
run hd contact correct C1 1 --date "$(later 1)" --reason "wrong day"
expect_rc "a date in the future: refused" 2
expect_in "names the date and today" "date: $(later 1) is in the future (today is $TODAY)" "$ERR"
run hd contact correct C1 1 --clear pulse --reason "x"
expect_rc "an unknown --clear: refused" 2
expect_in "names what may be cleared" "clear: 'pulse' is not accepted; phone, transplant, hcc" "$ERR"
run hd contact correct C1 9 --admissions 1 --reason "x"
expect_rc "no such contact" 2
run hd contact correct C1 1 --admissions 1 --reason "x" --if-version 7
expect_rc "a stale version: conflict" 1
expect_in "says it changed" "contact 1 changed since it was read (version 1)" "$ERR"
expect_eq "nothing written" "$(ver 1)|$(sql "select coalesce(admissions, 'null') from contacts where id = 1")" "1|null"

# --- contact correct: in place, reason kept, both versions audited ---
run hd contact correct C1 1 --admissions 2 --sbp --decompensation-date "$(ago 20)" \
	--reason "asked again" --if-version 1 --json
expect_rc "corrected" 0
expect_in "the new values" '"decompensation":["sbp"],"decompensation_date":"'"$(ago 20)"'","admissions":2' "$OUT"
expect_in "reason and version" '"corrected":"asked again","version":2' "$OUT"
expect_eq "one row, in place" "$(sql "select count(*), correction_reason, sbp, admissions from contacts")" "1|asked again|1|2"
expect_eq "both versions in the audit trail" \
	"$(sql "select json_extract(before, '$.admissions') is null, json_extract(after, '$.admissions') from audit where tbl = 'contacts' and action = 'update'")" "1|2"
run hd contact correct C1 1 --clear sbp,phone --reason "not an SBP after all"
expect_rc "cleared" 0
expect_eq "event, its date and phone cleared" "$(sql "select sbp, decomp_date is null, phone, version from contacts where id = 1")" "0|1|0|3"

# --- a transplant learnt at correction becomes the status ---
expect_eq "no status yet" "$(status_rows C1)" ""
run hd contact correct C1 1 --transplant yes --transplant-date "$(ago 15)" --reason "the letter came"
expect_rc "transplant recorded" 0
expect_eq "status transplanted on its day" "$(status_rows C1)" "transplanted:$(ago 15):survival contact 1 (corrected)"
run hd contact correct C1 1 --transplant no --reason "x"
expect_rc "taking the transplant back: refused" 2
expect_in "names the field and why" "transplant: 'no' (on -) is not accepted; contact 1 recorded the transplant of $(ago 15) as the patient's status" "$ERR"
run hd contact correct C1 1 --transplant-date "$(ago 14)" --reason "x"
expect_rc "re-dating it: refused" 2
expect_eq "nothing written" "$(ver 1)|$(status_rows C1)" "4|transplanted:$(ago 15):survival contact 1 (corrected)"

# --- a death learnt at correction: status deceased; never taken back ---
run hd contact correct C1 1 --vital dead --reason "x"
expect_rc "dead without a cause: refused" 2
expect_in "asks for the cause" "cause: required with --vital dead" "$ERR"
run hd contact correct C1 1 --vital dead --death-date "$(ago 11)" --cause "liver failure" --reason "family called back"
expect_rc "death recorded" 0
expect_eq "status deceased after the transplant" "$(status_rows C1)" \
	"transplanted:$(ago 15):survival contact 1 (corrected)|deceased:$(ago 11):liver failure"
run hd events C1 --json
expect_in "no infusion: the death keeps its day, without a time" '"death":{"event":true,"date":"'"$(ago 11)"'","days":null,"censored":null}' "$OUT"
expect_in "no infusion: no HCC, nothing censored" '"hcc":{"event":false,"date":null,"days":null,"censored":null}' "$OUT"
run hd events C1
expect_in "text: the event without a day number" "death            event $(ago 11)" "$OUT"
expect_not_in "text: never day -1" "day -1" "$OUT"
run hd contact correct C1 1 --vital alive --reason "x"
expect_rc "taking the death back: refused" 2
expect_in "names the field, the value and why" "vital: 'alive' on $(ago 10), but the patient is deceased since $(ago 11)" "$ERR"
run hd contact correct C1 1 --cause "sepsis" --reason "x"
expect_rc "changing the cause of a recorded death: refused" 2
expect_eq "death kept" "$(sql "select vital, cause, version from contacts where id = 1")" "dead|liver failure|5"

# --- contact void: --if-version and --json ---
run hd contact void C1 1 --reason "wrong patient" --if-version 4
expect_rc "void at a stale version: conflict" 1
run hd contact void C1 1 --reason "wrong patient" --json
expect_rc "voided" 0
expect_in "json: voided with its reason" '"voided":"wrong patient","corrected":"family called back","version":6' "$OUT"
run hd contact correct C1 1 --admissions 0 --reason "x"
expect_rc "a voided contact is not corrected" 2
expect_in "says so" "contact 1 is voided already" "$ERR"

# --- qol correct ---
hd instrument install symptoms >/dev/null || notok "install symptoms"
run hd qol C1 SYMPTOMS --answers 5,5,5,5,5,5,5 --date "$(ago 3)" --json
expect_rc "a questionnaire" 0
expect_in "version 1" '"corrected":null,"version":1' "$OUT"
run hd qol correct C1 1 --answers 1,2,3,4,5,6,7
expect_rc "no reason: refused" 2
run hd qol correct C1 1 --answers 1,2,3,4,5,6,11 --reason "typed wrong"
expect_rc "an answer off the scale: refused" 2
expect_in "item, value and scale" "item 7" "$ERR"
expect_in "the scale" "0-10" "$ERR"
run hd qol correct C1 1 --date "$(later 2)" --reason "typed wrong"
expect_rc "a date in the future: refused" 2
expect_in "names the date" "date: $(later 2) is in the future (today is $TODAY)" "$ERR"
run hd qol correct C1 1 --answers 1,2,3,4,5,6,7 --reason "typed wrong" --if-version 3
expect_rc "a stale version: conflict" 1
expect_eq "nothing written" "$(sql "select answers, version, score from qol_responses r join qol_scores s on s.response_id = r.id where domain = 'fatigue'")" "5,5,5,5,5,5,5|1|5.0"
run hd qol correct C1 1 --answers 1,2,3,4,5,6,7 --reason "typed wrong" --if-version 1 --json
expect_rc "corrected" 0
expect_in "scored again" '"scores":{"fatigue":1,"appetite":2,"abdomen":3' "$OUT"
expect_in "well-being reversed" '"wellbeing":3,"overall":3.43}' "$OUT"
expect_in "reason and version" '"corrected":"typed wrong","version":2' "$OUT"
expect_eq "scores updated in place" "$(sql "select count(*), sum(score = 1.0) from qol_scores where response_id = 1 and domain = 'fatigue'")" "1|1"
expect_eq "both versions of the answers audited" \
	"$(sql "select json_extract(before, '$.answers'), json_extract(after, '$.answers') from audit where tbl = 'qol_responses' and action = 'update'")" "5,5,5,5,5,5,5|1,2,3,4,5,6,7"
run hd qol correct C1 1 --date "$(ago 4)" --reason "given the day before"
expect_rc "the date alone" 0
expect_eq "answers kept, date moved" "$(sql "select answers, date, version from qol_responses where id = 1")" "1,2,3,4,5,6,7|$(ago 4)|3"
run hd dashboard C1 --json
expect_in "dashboard trends the corrected score" '"domain":"fatigue","series":[{"date":"'"$(ago 4)"'","score":1}]' "$OUT"

# --- qol void: --if-version and --json ---
run hd qol void C1 1 --reason "wrong patient" --if-version 2
expect_rc "void at a stale version: conflict" 1
run hd qol void C1 1 --reason "wrong patient" --json
expect_rc "voided" 0
expect_in "json" '"id":1,"mrn":"C1","voided":"wrong patient"' "$OUT"
run hd qol correct C1 1 --answers 1,1,1,1,1,1,1 --reason "x"
expect_rc "a voided questionnaire is not corrected" 2
expect_in "says so" "questionnaire 1 is voided" "$ERR"

finish
