#!/bin/sh
# Signatures (issue 12, item 7): signing shows what is signed and its
# meaning, re-authenticates through PAM (the tests' pam_wrapper stack,
# tests/pam) with a password read from --password-fd (never an argument),
# and stores the signer, the time, the meaning and the SHA-256 of a
# canonical text of the signed content — computed here independently of
# the program. A wrong or missing password signs nothing and is audited;
# after three in a row the user is refused for a while.
. "$(dirname "$0")/lib.sh"
ME=$(id -un)
field() { printf '%s %d:%s\n' "$1" "$(printf %s "$2" | LC_ALL=C wc -c)" "$2"; }
sha() { sha256sum | cut -d' ' -f1; }
# with_pw TEXT CMD...: CMD with TEXT as one line on fd 3.
with_pw() {
	p=$1
	shift
	printf '%s\n' "$p" >"$T/pwline"
	"$@" 3<"$T/pwline"
	r=$?
	rm -f "$T/pwline"
	return $r
}
fixture_ready S1 "SIGN, Sam" || notok "setup"

# --- a wrong password: refused, nothing but the audited failure ---
before=$(sql "select max(seq) from audit")
run with_pw not-the-password hd checklist sign S1 --password-fd 3
expect_rc "a wrong password is refused" 1
expect_in "shows what is signed and its meaning first" "signing the evaluation of S1 as of $TODAY as $ME: \"I approve this evaluation: READY\"" "$OUT"
expect_in "says the password was not accepted" "signature refused: password not accepted for $ME" "$ERR"
expect_eq "no evaluation signed" "$(sql "select count(*) from evaluations")" 0
expect_eq "no signature" "$(sql "select count(*) from signatures")" 0
expect_eq "the failure is recorded" "$(sql "select login || '|' || purpose || '|' || ok from auth_attempts")" "$ME|signature|0"
expect_eq "and it is the only row audited" "$(sql "select group_concat(tbl) from audit where seq > $before")" "auth_attempts"
expect_eq "the password is nowhere in the database" "$(sql "select count(*) from audit where after like '%not-the-password%'")" 0

# --- no password: a closed descriptor, and no terminal ---
run hd checklist sign S1 --password-fd 3 3<&-
expect_rc "a closed descriptor is refused" 1
expect_in "no password given" "no password given" "$ERR"
run setsid -w env $PAM_ENV "$HEPADESK" --db "$DB" checklist sign S1 </dev/null
expect_rc "without a terminal and without --password-fd: refused" 1
expect_eq "still nothing signed" "$(sql "select count(*) from evaluations")" 0
run hd checklist sign S1 --password "$PW"
expect_rc "a password is never an argument" 2

# --- three failures in a row: refused for a while, even with the right one ---
run hd_sign checklist sign S1
expect_rc "after three failures in a row the right password is refused too" 1
expect_in "until when" "3 wrong passwords in a row for $ME: refused until $TODAY 10:05 UTC" "$ERR"
HEPADESK_TEST_NOW="$TODAY 10:06" run hd_sign checklist sign S1
expect_rc "five minutes later the right password signs" 0
expect_in "the signature is shown" "signature: signed by $ME at $TODAY 10:06 UTC: I approve this evaluation: READY" "$OUT"
export HEPADESK_TEST_NOW="$TODAY 10:06"

# --- the stored signature, and its hash recomputed here ---
EV=$(sql "select id from evaluations")
PID=$(sql "select id from patients where mrn = 'S1'")
expect_eq "signer, kind, record and meaning" "$(sql "select signer || '|' || kind || '|' || tbl || '|' || row_id || '|' || meaning from signatures")" \
	"$ME|evaluation|evaluations|$EV|I approve this evaluation: READY"
AT=$(sql "select signed_at from signatures")
expect_eq "the time is the injected clock's" "$AT" "$(date -u -d "$TODAY 10:06" +%s)"
want=$({
	printf 'hepadesk signature 1\n'
	field kind evaluation
	field table evaluations
	field row "$EV"
	field patient "$PID"
	field signer "$ME"
	field signed_at "$AT"
	field meaning "I approve this evaluation: READY"
	field as_of "$TODAY"
	field status READY
	field protocol_hash "$(sql "select protocol_hash from evaluations")"
	field amends 0
	field reason ""
	field detail "$(sql "select detail from evaluations")"
} | sha)
expect_eq "hash = sha256 of the canonical text" "$(sql "select hash from signatures")" "$want"

run hd checklist S1 --json
expect_in "checklist --json carries the signature" "\"signature\":{\"signer\":\"$ME\",\"time\":\"$TODAY 10:06\",\"meaning\":\"I approve this evaluation: READY\",\"hash\":\"$want\"}" "$OUT"
run hd checklist S1
expect_in "checklist text shows who, when and what it meant" "signature: signed by $ME at $TODAY 10:06 UTC: I approve this evaluation: READY (sha256 $(printf %.16s "$want"))" "$OUT"
run hd show S1 --json
expect_in "show --json too" "\"signature\":{\"signer\":\"$ME\",\"time\":\"$TODAY 10:06\",\"meaning\":\"I approve this evaluation: READY\",\"hash\":\"$want\"}" "$OUT"
run hd show S1
expect_in "and show's text" "signature: signed by $ME at $TODAY 10:06 UTC: I approve this evaluation: READY" "$OUT"

# --- an amendment is signed too ---
run hd_sign checklist amend S1 --reason "consent re-dated"
expect_rc "amendment signed" 0
expect_eq "its meaning" "$(sql "select kind || '|' || meaning from signatures order by id desc limit 1")" "amendment|I approve this amended evaluation: READY"

# --- a plan: signed when it is made ---
run with_pw wrong hd plan add S1 --route iv --first-date "$TODAY" --password-fd 3
expect_rc "a plan with a wrong password is refused" 1
expect_eq "no plan" "$(sql "select count(*) from plans")" 0
run hd_sign plan add S1 --route iv --first-date "$TODAY"
expect_rc "a plan with the password" 0
expect_in "its meaning shown first" "signing the iv treatment plan of S1 as $ME: \"I approve this treatment plan\"" "$OUT"
PL=$(sql "select id from plans")
want=$({
	printf 'hepadesk signature 1\n'
	field kind plan
	field table plans
	field row "$PL"
	field patient "$PID"
	field signer "$ME"
	field signed_at "$AT"
	field meaning "I approve this treatment plan"
	field route iv
	field cells_per_kg 500000
	field weight_kg 60.0
	field weight_date "$TODAY"
	field cells_per_infusion 30000000
	field infusions 3
	field interval_days 28
	field first_date "$TODAY"
	field evaluation "$(sql "select evaluation_id from plans")"
} | sha)
expect_eq "the plan's hash = sha256 of its canonical text" "$(sql "select hash from signatures where tbl = 'plans'")" "$want"
run hd plan S1 --json
expect_in "plan --json carries the signature" "\"signature\":{\"signer\":\"$ME\",\"time\":\"$TODAY 10:06\",\"meaning\":\"I approve this treatment plan\",\"hash\":\"$want\"}" "$OUT"
run hd plan S1
expect_in "plan text shows it" "signature: signed by $ME at $TODAY 10:06 UTC: I approve this treatment plan" "$OUT"

# --- an override of the pre-infusion check (stale labs on day 28) ---
EXP=$(later 200)
fixture_lot UC-1 "$EXP" || notok "product lot fixture"
hd infusion add S1 --at "$TODAY 09:00" --route iv --cells 3e7 --lot UC-1 --expires "$EXP" --label "Infusion 1" >/dev/null || notok "infusion 1"
D28=$(later 28)
export HEPADESK_TEST_NOW="$D28 10:00"
hd patient update S1 --weight 60 >/dev/null
give2() { hd infusion add S1 --at "$D28 09:00" --route iv --cells 3e7 --lot UC-1 --expires "$EXP" --label "Infusion 2" "$@"; }
run with_pw wrong give2 --confirm --reason "labs drawn, result by phone" --password-fd 3
expect_rc "an override with a wrong password is refused" 1
expect_in "the override's meaning is shown" "\"I override the pre-infusion check: labs\"" "$OUT"
expect_eq "infusion 2 not recorded" "$(sql "select count(*) from infusions")" 1
run with_pw "$PW" give2 --confirm --reason "labs drawn, result by phone" --password-fd 3
expect_rc "the override with the password" 0
expect_in "its signature shown" "signature: signed by $ME at $D28 10:00 UTC: I override the pre-infusion check: labs" "$OUT"
expect_eq "stored with the infusion" "$(sql "select s.kind || '|' || s.meaning || '|' || i.override_by from signatures s join infusions i on i.id = s.row_id where s.tbl = 'infusions'")" \
	"override|I override the pre-infusion check: labs|$ME"
finish
