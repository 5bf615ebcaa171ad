# Command-line tests: the access trail (issue 13, cheap audited reads).
# Views and exports go to a database of their own beside the clinic's
# ($DB.access), keyed and chained like the audit trail and witnessed in
# $DB.access.witness; `audit verify` checks it. A view therefore never waits
# for the clinic's write lock: while sqlite3 holds that lock, `show` is
# shown and logged at once (on main it waited for the lock and, with a
# short busy timeout, failed).
. "$(dirname "$0")/lib.sh"

hd patient add --mrn V1 --name "VIEW, Vera" --dob 1970-01-01 --sex F >/dev/null
n0=$(sql "select count(*) from audit")
run hd show V1
expect_rc "show" 0
expect_eq "the view is in the access trail" "$(asql "select action, tbl, row_id, patient_id from audit")" "view|patients|1|1"
expect_eq "the clinic's audit trail is not written by a view" "$(sql "select count(*) from audit")" "$n0"
expect_eq "the access trail is private like the database" "$(stat -c '%a' "$DB.access")" 600
expect_eq "its rows are keyed and chained" "$(asql "select length(hash), prev from audit where seq = 1")" "64|"
run hd audit verify
expect_rc "verify: intact" 0
expect_in "verify names the access trail" "access: 1 rows, chain intact (newest seq a1)" "$OUT"
expect_eq "its head is witnessed" "$(grep -c '^seq=1 hash=' "$DB.access.witness")" 1

# --- a view while another session holds the clinic's write lock ---
printf '[database]\nbusy_timeout_ms = 200\n' >"$T/short.ini"
{ echo ".timeout 5000"; echo ".bail on"; echo "BEGIN IMMEDIATE;"; echo "INSERT INTO meta VALUES ('lock', 'held');"
  echo ".shell touch '$T/locked'; n=600; while [ ! -e '$T/release' ] && [ -e '$T/locked' ] && [ \$n -gt 0 ]; do sleep 0.05; n=\$((n - 1)); done"
  echo "ROLLBACK;"; } | sqlite3 "$DB" >/dev/null &
n=200
while [ ! -e "$T/locked" ] && [ $n -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
run "$HEPADESK" --db "$DB" --config "$T/short.ini" show V1
expect_rc "show while the clinic's write lock is held (busy timeout 200 ms)" 0
expect_eq "and it is logged" "$(asql "select count(*) from audit where action = 'view'")" 2
run "$HEPADESK" --db "$DB" --config "$T/short.ini" lab add V1 --date "$(ago 1)" --alt 30
expect_rc "a clinical write still waits for the lock, and says so when it runs out" 1
expect_in "busy" "busy" "$ERR"
touch "$T/release"
wait

# --- tampering with the access trail is detected ---
hd find V >/dev/null
hd show V1 >/dev/null
run hd audit verify
expect_rc "four access rows verify" 0
sqlite3 "$DB.access" "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'eve' WHERE seq = 2"
run hd audit verify
expect_rc "an edited access row: exit 1" 1
expect_in "named" "access trail: seq 2: its contents do not match its hash" "$OUT"
expect_in "and the dropped guard" "access trail: trigger audit_no_update is missing" "$OUT"
cp "$DB.access" "$T/edited.access"

# Deleting the newest rows and moving the head back: the witness saw them.
hd show V1 >/dev/null
last=$(asql "select max(seq) from audit")
sqlite3 "$DB.access" "DROP TRIGGER audit_no_delete; DROP TRIGGER audit_head_follows;
DELETE FROM audit WHERE seq = $last; UPDATE audit_head SET seq = seq - 1, hash = (SELECT hash FROM audit WHERE seq = $last - 1)"
run hd audit verify
expect_rc "a truncated access tail: exit 1" 1
expect_in "the witness names it" "access trail: the witness (line" "$OUT"

# Wiping the access tables.
sqlite3 "$DB.access" "DELETE FROM audit; DROP TRIGGER audit_head_kept; DELETE FROM audit_head"
run hd audit verify
expect_rc "a wiped access trail: exit 1" 1
expect_in "the witness still knows the rows" "access trail: the witness (line 1) saw the trail reach seq 1, but it ends at seq 0" "$OUT"

# Removing the access trail file: verify on the read-only path.
rm -f "$DB.access" "$DB.access-wal" "$DB.access-shm"
run hd check
expect_rc "check without the access trail: exit 1" 1
expect_in "the missing trail is named" "$DB.access is missing, but its witness saw the trail reach seq $last" "$OUT"
finish
