# Command-line tests: the audit trail — listing (admins only, filters, JSON,
# CSV, the reading logged), `audit verify` and `check` detecting tampering
# done through the sqlite3 shell, each naming the seq.
. "$(dirname "$0")/lib.sh"

hd patient add --mrn A100 --name "AUDIT, Ann" --dob 1970-05-01 --sex F >/dev/null
hd patient add --mrn A200 --name "OTHER, Otto" --dob 1971-05-01 --sex M >/dev/null
hd lab add A100 --date 2026-01-10 --bilirubin 2.1 --inr 1.5 >/dev/null
hd show A100 >/dev/null

run hd audit
expect_rc "audit lists" 0
expect_in "audit shows the lab create" "create   labs#1 MRN A100" "$OUT"
expect_in "audit shows the view (from the access trail: its seq a1)" "    a1 " "$OUT"
expect_in "audit shows the view" "view     patients#1 MRN A100" "$OUT"
expect_eq "newest first: the newest clinical change comes after the view" "$(printf '%s\n' "$OUT" | awk '$1 ~ /^a?[0-9]+$/ { print $1 }' | sed -n 2p)" "$(sql "select max(seq) from audit")"
expect_eq "reading the audit is logged as a view in the access trail" "$(asql "select action || ' ' || tbl from audit order by seq desc limit 1")" "view audit"
expect_eq "the view is not in the clinic's audit trail" "$(sql "select count(*) from audit where action = 'view'")" 0

run hd audit --patient A200 --json
expect_rc "audit --patient --json" 0
expect_in "only that patient's rows" '"mrn":"A200"' "$OUT"
expect_not_in "not the other patient's" '"mrn":"A100"' "$OUT"
expect_eq "a JSON reading is logged as an export" "$(asql "select action || ' ' || patient_id from audit order by seq desc limit 1")" "export 2"

run hd audit --limit 2 --csv
expect_rc "audit --csv" 0
expect_eq "CSV header and --limit rows" "$(printf '%s\n' "$OUT" | wc -l)" 3
expect_in "CSV header" "seq,time,user,action,table,row,mrn,before,after" "$OUT"
run hd audit --user nobody-here
expect_eq "--user filters" "$OUT" ""
run hd audit --since 2999-01-01
expect_eq "--since filters" "$OUT" ""
run hd audit --since yesterday
expect_rc "--since needs a date" 2
run hd audit --patient NOPE
expect_rc "unknown MRN is exit 2" 2

run hd audit verify
expect_rc "an intact trail verifies" 0
expect_in "verify says intact" "chain intact" "$OUT"
run hd check
expect_rc "check passes" 0
expect_in "check reports integrity" "integrity: ok" "$OUT"

# Append-only: the triggers refuse edits made without dropping them.
expect_in "UPDATE refused by trigger" "append-only" "$(sqlite3 "$DB" "update audit set actor='eve' where seq=2" 2>&1)"
expect_in "DELETE refused by trigger" "append-only" "$(sqlite3 "$DB" "delete from audit where seq=2" 2>&1)"

# (init wrote seq 1-2: the built-in protocol installed and activated.)
cp "$DB" "$T/clean.db"
restore() { cp "$T/clean.db" "$DB"; rm -f "$DB-wal" "$DB-shm"; }

sql "DROP TRIGGER audit_no_update; UPDATE audit SET after = replace(after, '2.1', '1.1') WHERE seq = 6"
run hd audit verify
expect_rc "an edited row fails verify" 1
expect_in "the edited row is named" "seq 6: its contents do not match its hash" "$OUT"
run hd check
expect_rc "check fails on an edited trail" 1

restore
sql "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 5"
run hd audit verify
expect_rc "a deleted middle row fails verify" 1
expect_in "the gap is named" "seq 5 is missing" "$OUT"

restore
last=$(sql "select max(seq) from audit")
sql "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = $last"
run hd audit verify
expect_rc "a deleted newest row fails verify" 1
expect_in "the missing newest row is named" "the head names seq $last but the trail ends at seq $((last - 1))" "$OUT"

restore
sql "INSERT INTO audit (ts, actor, action, tbl, row_id, patient_id, prev, hash) SELECT 1, 'eve', 'view', 'patients', 1, 1, hash, 'forged' FROM audit_head"
run hd audit verify
expect_rc "a forged row fails verify" 1
expect_in "the forged row is named" "seq $((last + 1)): its contents do not match" "$OUT"

restore
run sql "UPDATE audit_head SET seq = 1"
expect_in "the database refuses to rewind the head" "follows the newest audit row" "$ERR"
expect_eq "the head is unchanged" "$(sql "select seq from audit_head")" "$last"
sql "DROP TRIGGER audit_head_follows; UPDATE audit_head SET seq = 1"
run hd audit verify
expect_rc "a rewound head fails verify" 1
expect_in "the head problem is named" "the head names seq 1" "$OUT"
finish
