# Command-line tests: long-term follow-up to the end (issue 15, item 1).
# A plan goes on after W72 with a survival contact every 6 months for 5
# years and HCC surveillance (ultrasound + AFP) every 6 months from the first
# infusion; contact add records each contact (refusals name the field, the
# value and what is accepted, and write nothing); a death or transplant it
# learns of becomes the patient's status; an ultrasound closes the HCC
# surveillance due; events gives the history and the time to each endpoint
# or its censoring day. The test clock moves years ahead.
. "$(dirname "$0")/lib.sh"
fixture_lot UC-1 2026-12-01 || notok "product lot fixture"

on() { local d=$1; shift; HEPADESK_TEST_NOW="$d 10:00" hd "$@"; }
ncontacts() { sql "select count(*) from contacts"; }
item() { sql "select state from longterm_schedule s join patients p on p.id = s.patient_id where p.mrn = '$1' and label = '$2'"; }

fixture_planned L1 "LONG, Lena" || notok "fixture L1"
hd infusion add L1 --label "Infusion 1" --at "$TODAY 09:30" --route iv --cells 3e7 --lot UC-1 \
	--expires 2026-12-01 >/dev/null || notok "infusion L1"

# --- a plan cancelled takes its long-term items with it ---
fixture_planned L2 "LONG, Two" || notok "fixture L2"
hd plan cancel L2 --reason "made in error" >/dev/null
expect_eq "cancelled with the plan" "$(sql "select count(*) from longterm_schedule s join patients p on p.id = s.patient_id where p.mrn = 'L2' and state <> 'cancelled'")" 0

# --- the schedule after W72 ---
expect_eq "10 survival contacts (5 years, every 6 months)" \
	"$(sql "select count(*) from longterm_schedule where kind = 'contact' and plan_id = 1")" 10
expect_eq "the first 6 months after W72 (due $(later 504)), the last 5 years after" \
	"$(sql "select min(due_date), max(due_date) from longterm_schedule where kind = 'contact'")" \
	"2028-01-19|2032-07-19"
expect_eq "W72 is $(later 504)" "$(later 504)" 2027-07-19
expect_eq "HCC surveillance every 6 months from the first infusion to the last contact" \
	"$(sql "select count(*), min(due_date), max(due_date) from longterm_schedule where kind = 'hcc' and state = 'open'")" \
	"12|2026-09-02|2032-03-02"
expect_eq "with AFP (hcc_afp = 1)" "$(sql "select label from longterm_schedule where kind = 'hcc' order by due_date limit 1")" "HCC US+AFP 1"

# --- HCC surveillance on the clinic's list, closed by an ultrasound ---
run hd longterm due --date 2026-08-25
expect_in "due in its window (opens 14 days before)" "HCC US+AFP 1   due 2026-09-02" "$OUT"
expect_in "counted" "HCC surveillance due (1)" "$OUT"
run hd longterm due --date 2026-08-10
expect_in "not before its window" "HCC surveillance due (0)" "$OUT"
run hd longterm due --date 2027-03-01 --json
expect_in "json: overdue by days" '"label":"HCC US+AFP 1","due":"2026-09-02","days_overdue":166' "$OUT"
expect_in "json: survival contacts list" '"survival_contacts":[]' "$OUT"
on 2027-03-03 imaging add L1 --date 2027-03-03 --modality ultrasound --hcc no >/dev/null
expect_eq "the ultrasound closes the surveillance due" "$(item L1 'HCC US+AFP 2')" done
expect_eq "the one never done is missed" "$(item L1 'HCC US+AFP 1')" missed
expect_eq "the next stays open" "$(item L1 'HCC US+AFP 3')" open
on 2027-03-04 imaging add L1 --date 2027-03-04 --modality doppler --thrombosis no >/dev/null
expect_eq "a Doppler without an HCC finding closes nothing" "$(item L1 'HCC US+AFP 3')" open

# --- refusals: field, value, accepted; nothing written ---
run on 2028-01-20 contact add L1 --vital alive --date 2028-01-21
expect_rc "a contact in the future: refused" 2
expect_in "names the date and today" "date: 2028-01-21 is in the future (today is 2028-01-20)" "$ERR"
run on 2028-01-20 contact add L1 --vital maybe
expect_rc "an unknown vital status: refused" 2
expect_in "lists alive and dead" "vital: 'maybe' is not accepted; alive or dead" "$ERR"
run on 2028-01-20 contact add L1 --vital dead
expect_rc "dead without a cause: refused" 2
expect_in "asks for the cause" "cause: required with --vital dead" "$ERR"
run on 2028-01-20 contact add L1 --vital dead --cause "variceal bleed" --death-date 2028-01-19 --date 2028-01-18
expect_rc "a death after the contact: refused" 2
expect_in "names both days" "death-date: '2028-01-19' is after the contact (2028-01-18)" "$ERR"
run on 2028-01-20 contact add L1 --vital alive --admissions 31
expect_rc "31 admissions: refused" 2
expect_in "the limit and unit" "admissions: '31' is out of range; accepted 0-30 admissions" "$ERR"
run on 2028-01-20 contact add L1 --vital alive --transplant-date 2028-01-01
expect_rc "a transplant date without a transplant: refused" 2
expect_in "says what is missing" "transplant-date: '2028-01-01' is given without --transplant yes" "$ERR"
run on 2028-01-20 contact add L1 --vital alive --hcc maybe
expect_rc "hcc maybe: refused" 2
run on 2028-01-20 contact add L1 --vital alive --decompensation-date 2028-01-01
expect_rc "a decompensation date with no event: refused" 2
run on 2028-01-20 contact add NOPE --vital alive
expect_rc "an unknown MRN: refused" 2
expect_eq "nothing written by any refusal" "$(ncontacts)" 0

# --- a phone contact two years on, matched to its schedule ---
run on 2028-01-20 contact add L1 --vital alive --phone --hcc no --sbp --decompensation-date 2027-11-30 \
	--admissions 1 --json
expect_rc "phone contact recorded" 0
expect_in "json: matched to Contact 1" '"date":"2028-01-20","scheduled":"Contact 1","phone":true,"vital":"alive"' "$OUT"
expect_in "json: the events" '"hcc":"no","hcc_date":null,"decompensation":["sbp"],"decompensation_date":"2027-11-30","admissions":1' "$OUT"
expect_eq "Contact 1 done" "$(item L1 'Contact 1')" done
run on 2028-01-20 longterm due
expect_in "no survival contact due now" "Survival contacts due (0)" "$OUT"

# A late contact closes the newest overdue one.
run on 2028-09-01 contact add L1 --vital alive --admissions 0
expect_in "late: Contact 2 (due 2028-07-19)" "(Contact 2): alive" "$OUT"

run on 2028-09-01 events L1
expect_rc "events" 0
expect_in "the first decompensation" "2027-11-30  decompensation      spontaneous bacterial peritonitis (contact 1)" "$OUT"
expect_in "death censored at the last contact" "death            censored 2028-09-01 (day 914)" "$OUT"
expect_in "decompensation: day 638" "decompensation   event 2027-11-30 (day 638)" "$OUT"

# --- a transplant: the status, survival contacts continue ---
run on 2029-01-25 contact add L1 --vital alive --transplant yes --transplant-date 2028-12-10
expect_rc "transplant recorded" 0
expect_in "the status follows" "status: transplanted on 2028-12-10" "$OUT"
expect_eq "status row from the contact" "$(sql "select state, date, reason from patient_status order by id desc limit 1")" \
	"transplanted|2028-12-10|survival contact 3"
expect_eq "survival contacts still open" "$(item L1 'Contact 4')" open
expect_eq "HCC surveillance ends with the liver" "$(item L1 'HCC US+AFP 6')" cancelled

# --- a death learnt of by phone ---
run on 2029-08-01 contact add L1 --vital dead --death-date 2029-07-02 --cause "sepsis" --phone
expect_rc "death recorded" 0
expect_in "deceased, schedule closed" "status: deceased on 2029-07-02 (sepsis); the schedule is closed" "$OUT"
expect_eq "status deceased with the cause" "$(sql "select state, date, reason from patient_status order by id desc limit 1")" \
	"deceased|2029-07-02|sepsis"
expect_eq "no open long-term item left" "$(sql "select count(*) from longterm_schedule where state = 'open'")" 0
run on 2029-08-02 contact add L1 --vital alive --phone
expect_rc "alive after the recorded death: refused" 2
expect_in "names the death" "vital: 'alive' on 2029-08-02, but the patient is deceased since 2029-07-02" "$ERR"
expect_eq "not written" "$(ncontacts)" 4

run on 2029-08-02 events L1 --json
expect_in "json: death from the contact, shown once" '"date":"2029-07-02","event":"death","source":"contact","source_id":4,"detail":"sepsis"' "$OUT"
expect_not_in "json: the status row does not repeat it" '"event":"death","source":"status"' "$OUT"
expect_in "json: time to death" '"death":{"event":true,"date":"2029-07-02","days":1218,"censored":null}' "$OUT"
expect_in "json: transplant" '"transplant":{"event":true,"date":"2028-12-10","days":1014' "$OUT"
expect_in "json: HCC censored at the death" '"hcc":{"event":false,"date":"2029-07-02","days":1218,"censored":"last contact"}' "$OUT"

# --- void with a reason: kept, its item open again ---
run hd contact void L1 2
expect_rc "void without a reason: refused" 2
expect_in "asks for the reason" "reason: required" "$ERR"
run on 2029-08-02 contact void L1 2 --reason "entered on the wrong patient"
expect_rc "voided" 0
expect_eq "kept, marked" "$(sql "select void_reason from contacts where id = 2")" "entered on the wrong patient"
run on 2029-08-02 contact void L1 2 --reason again
expect_rc "voided twice: refused" 2
run on 2029-08-02 events L1 --json
expect_in "json: the voided contact listed with its reason" '"voided":"entered on the wrong patient"' "$OUT"

# --- the dashboard carries the section ---
run on 2029-08-02 dashboard L1 --json
expect_in "dashboard json: longterm section" '"longterm":{"status":{"state":"deceased","since":"2029-07-02"}' "$OUT"
run on 2029-08-02 dashboard L1
expect_in "dashboard text: the status line" "Long-term follow-up: Deceased since 2029-07-02" "$OUT"


finish
