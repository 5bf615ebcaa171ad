# Command-line tests: input rules everywhere (issue 13, the bad input that
# got through when tried). Control and format characters are refused in
# stored text; dates must be plausible for their field, with the accepted
# range named; MRNs cannot read as options; over-long values are refused,
# not cut; messages echo at most ~60 characters of a bad value; user role
# and disable confirm; a config key given twice is refused. (Reads on a
# read-only database: failures.sh, as another user.)
. "$(dirname "$0")/lib.sh"
fixture_lot UC-1 || notok "product lot fixture"

ME=$(id -un)
ESC=$(printf '\033')
C1=$(printf '\302\233')    # U+009B CSI
RLO=$(printf '\342\200\256') # U+202E
BS=$(printf '\010')
ZWSP=$(printf '\342\200\213') # U+200B
ZWJ=$(printf '\342\200\215')  # U+200D

fixture_planned P1 "PLAN, Pia" || notok "fixture"
W4=$(sql "select target_date from schedule where label = 'W4'")

# --- plan reschedule --reason with ESC, C1, bidi and backspace ---
for bad in "$ESC[31mred" "a${C1}2J" "a${RLO}b" "late${BS}r"; do
	run hd plan reschedule P1 W4 --date "$W4" --reason "$bad"
	expect_rc "reschedule reason with a control character: exit 2" 2
	expect_in "names the rule" "reason: control, escape, bidi and invisible format characters are not accepted" "$ERR"
done
expect_eq "no reason was stored" "$(sql "select count(*) from schedule where reschedule_reason is not null")" 0

# --- zero-width characters in names ---
run hd patient add --mrn Z1 --name "SMITH${ZWSP}, John" --dob 1970-01-01 --sex M
expect_rc "a zero-width space in a name: exit 2" 2
run hd patient add --mrn Z2 --name "SMITH, Jo${ZWJ}hn" --dob 1970-01-01 --sex M
expect_rc "a zero-width joiner in a name: exit 2" 2
expect_eq "no look-alike patient" "$(sql "select count(*) from patients where mrn in ('Z1', 'Z2')")" 0
run hd patient add --mrn Z3 --name "SMITH, John" --dob 1970-01-01 --sex M
expect_rc "the plain name is accepted" 0

# --- impossible dates ---
run hd lab add P1 --date 1900-01-01 --bilirubin 1.2
expect_rc "a lab in 1900: exit 2" 2
expect_in "lab: before birth, with the range" "collection date: 1900-01-01 is before the patient's birth (1960-01-01); accepted 1960-01-01 to" "$ERR"
run hd ae add P1 --term Fever --onset "1950-06-01 10:00" --serious no --relation unlikely --grade 1
expect_rc "an adverse event in 1950: exit 2" 2
expect_in "onset: before birth" "onset: 1950-06-01 is before the patient's birth (1960-01-01)" "$ERR"
BEFORE=$(ago 30)
run hd infusion add P1 --at "$BEFORE 09:00" --route iv --cells 3e7 --lot UC-1 --expires 2027-01-31
expect_rc "an infusion before the plan: exit 2" 2
expect_in "given at: before the plan, with the range" "given at: $BEFORE is before the treatment plan opens" "$ERR"
run hd visit add P1 --unscheduled --date "$BEFORE" --temperature 37
expect_rc "a visit before the plan: exit 2" 2
expect_in "visit date: before the plan" "visit date: $BEFORE is before the treatment plan opens" "$ERR"
expect_eq "nothing was written" "$(sql "select (select count(*) from labs where date < '1960-01-01') + (select count(*) from adverse_events) + (select count(*) from infusions) + (select count(*) from visits)")" 0
hd patient add --mrn C1 --name "CONSENT, Cy" --dob 1960-01-01 --sex F >/dev/null
run hd checklist answer C1 consent yes --value 1901-01-01
expect_rc "consent dated 1901: exit 2" 2
expect_in "consent: before birth" "consent date: 1901-01-01 is before the patient's birth (1960-01-01)" "$ERR"
run hd plan reschedule P1 W4 --date 2020-01-01 --reason "moved"
expect_rc "a reschedule to 2020: exit 2" 2
expect_in "reschedule: before the plan, with the range" "date: 2020-01-01 is before the treatment plan opens" "$ERR"
expect_in "the range is open-ended" "or later" "$ERR"
run hd plan P1
expect_eq "no visit shows overdue for years" "$(printf '%s' "$OUT" | grep -c 'overdue')" 0
# "not a date" and "out of range" are told apart.
run hd lab add P1 --date 1800-01-01 --bilirubin 1.2
expect_in "a year out of range names the range" "1800-01-01 is out of range; accepted 1900-01-01 to 2199-12-31" "$ERR"
run hd lab add P1 --date 2026-02-30 --bilirubin 1.2
expect_in "an impossible day is not a date" "'2026-02-30' is not a date (use YYYY-MM-DD)" "$ERR"

# --- MRNs that read as options ---
for m in - --HELP -X1; do
	run hd patient add --mrn "$m" --name "DASH, Di" --dob 1970-01-01 --sex F
	expect_rc "MRN '$m': exit 2" 2
	expect_in "MRN '$m': the rule is named" "it must start with a letter or digit" "$ERR"
done
expect_eq "no dash MRN stored" "$(sql "select count(*) from patients where mrn like '-%'")" 0

# --- over-long values are refused, never cut ---
LONG=$(head -c 200 /dev/zero | tr '\0' 'a')
run hd user add "$LONG" --role nurse
expect_rc "an over-long login: exit 2" 2
expect_in "names the limit" "is 200 bytes; accepted 1-" "$ERR"
run hd user add nancy --role nurse --name "$LONG$LONG"
expect_rc "an over-long display name: exit 2" 2
expect_eq "no user was added cut" "$(sql "select count(*) from users where login like 'aaaa%' or login = 'nancy'")" 0

# --- a bad value is echoed at most ~60 characters ---
HUGE=$(head -c 100000 /dev/zero | tr '\0' 'x')
run hd find P --limit "$HUGE"
expect_rc "a 100 kB --limit: exit 2" 2
expect_eq "the message is short" "$([ ${#ERR} -lt 400 ] && echo short || echo "${#ERR} bytes")" short
expect_in "and shows the start of the value" "--limit 'xxxxxxxxxx" "$ERR"
run hd checklist answer P1 hiv "$HUGE"
expect_eq "an answer's echo is short" "$([ ${#ERR} -lt 400 ] && echo short || echo "${#ERR} bytes")" short

# --- user role and disable confirm ---
hd user add nina --role nurse >/dev/null
run hd user grant nina physician
expect_rc "grant: exit 0" 0
expect_in "grant confirms" "nina: granted physician" "$OUT"
run hd user revoke nina physician
expect_in "revoke confirms" "nina: revoked physician" "$OUT"
run hd user role nina viewer
expect_in "role confirms" "nina: role set to viewer" "$OUT"
run hd user disable nina
expect_rc "disable: exit 0" 0
expect_in "disable confirms" "disabled nina" "$OUT"

# --- a non-number is "not a number", not "outside the range" ---
run hd infusion add P1 --at "$TODAY 09:00" --route iv --cells abc --lot UC-1 --expires 2027-01-31
expect_in "cells: not a number" "cells: 'abc' is not a number; accepted 1e6-1e10 cells" "$ERR"
run hd_sign plan add P1 --route iv --first-date "$TODAY" --infusions abc
expect_in "--infusions: not a number" "--infusions 'abc': not a number; accepted 1-24" "$ERR"
run hd find P --limit abc
expect_in "--limit: not a number" "--limit 'abc': not a number; accepted 1-200" "$ERR"
run hd find P --limit 999
expect_in "--limit: a number out of range is not 'not a number'" "--limit '999': accepted 1-200" "$ERR"

# --- duplicate config keys ---
printf '[session]\nidle_lock_seconds = 60\nidle_lock_seconds = 14400\n' >"$T/dup.ini"
run "$HEPADESK" --db "$DB" --config "$T/dup.ini" find P
expect_rc "a key given twice: exit 2" 2
expect_in "names the line" "dup.ini:3: session:idle_lock_seconds is given a second time" "$ERR"

finish
