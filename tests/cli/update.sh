# Command-line tests: `patient update` — corrections, a re-measured weight,
# and optimistic concurrency: a stale version is refused, both kept in the audit.
. "$(dirname "$0")/lib.sh"

hd patient add --mrn U1 --name "DOE, Jane" --dob 1970-01-01 --sex F --weight 60 >/dev/null
sqlite3 "$DB" "select 1" >/dev/null
run hd patient update U1 --weight 62.5
expect_rc "weight re-measured" 0
expect_in "says the new version" "version 2" "$OUT"
expect_eq "weight stored with today's date" "$(sql "select weight_kg, weight_date from patients")" "62.5|$TODAY"
run hd patient update U1 --name "DOE, Janet" --if-version 1
expect_rc "a stale version is a conflict (exit 1)" 1
expect_in "the conflict names both versions" "changed by someone else (version 2, you edited 1)" "$ERR"
expect_eq "nothing overwritten" "$(sql "select name, version from patients")" "DOE, Jane|2"
expect_eq "the rejected values are in the audit" "$(sql "select count(*) from audit where action = 'conflict' and tbl = 'patients'")" "1"
run hd patient update U1 --name "DOE, Janet" --if-version 2
expect_rc "the current version saves" 0
expect_eq "before and after are audited" "$(sql "select count(*) from audit where action = 'update' and before like '%DOE, Jane\"%' and after like '%DOE, Janet%'")" "1"
run hd patient update U1 --weight 900
expect_rc "an impossible weight is refused" 2
expect_in "message names the range" "20-250 kg" "$ERR"
expect_eq "unchanged after the refusal" "$(sql "select weight_kg, version from patients")" "62.5|3"
run hd show U1 --json
expect_in "show --json gives the version" '"version":3' "$OUT"
finish
