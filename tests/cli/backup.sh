# Command-line tests: `hepadesk backup FILE` (issue 13) — a consistent copy
# with SQLite's online backup API while another session writes, verified
# (integrity and audit chain), with its key and witness, readable by owner
# and group only; `check` verifies the read-only copy (it could not).
. "$(dirname "$0")/lib.sh"

fixture_planned B1 "BACK, Up" || notok "fixture"
BK="$T/backups/nightly.db"
mkdir -p "$T/backups"
run hd backup "$BK"
expect_rc "backup: exit 0" 0
expect_in "says it verified the copy" "integrity ok; audit chain intact" "$OUT"
expect_eq "copy, key and witness are 0440" "$(stat -c '%a' "$BK" "$BK.key" "$BK.witness" | tr '\n' ' ')" "440 440 440 "
expect_eq "no partial file is left" "$(ls "$T/backups" | grep -c partial)" 0
expect_eq "the copy needs no -wal or -shm" "$(sqlite3 "file:$BK?mode=ro" 'pragma journal_mode')" delete
expect_eq "the copy holds the patient" "$(sqlite3 "file:$BK?mode=ro" "select name from patients where mrn = 'B1'")" "BACK, Up"
expect_eq "the copy's audit trail is the same" "$(sqlite3 "file:$BK?mode=ro" 'select max(seq) from audit')" "$(sql 'select max(seq) from audit')"
expect_eq "the backup is audited as an export" "$(sql "select action, tbl, after from audit order by seq desc limit 1")" "export|database|{\"format\":\"backup\",\"file\":\"$BK\"}"

run hd backup "$BK"
expect_rc "an existing file is not overwritten: exit 2" 2
expect_in "says so" "already exists; nothing was written" "$ERR"

# check on the read-only copy (opened for reading; root ignores modes, so
# the copy is also made immutable to writes by its folder being read-only).
chmod 0500 "$T/backups"
files=$(ls "$T/backups" | wc -l)
run "$HEPADESK" --db "$BK" check
expect_rc "check on the read-only copy: exit 0" 0
expect_in "integrity ok" "integrity: ok" "$OUT"
expect_in "chain intact" "intact" "$OUT"
expect_eq "check wrote nothing to the copy" "$(ls "$T/backups" | wc -l)" "$files"
expect_in "the copy's access trail is verified too" "access: " "$OUT"
chmod 0700 "$T/backups"

# While another session writes: the copy is consistent and verifies.
( for i in 1 2 3 4 5 6 7 8; do hd lab add B1 --date "$(ago 1)" --alt "$((30 + i))" >/dev/null; done ) &
W=$!
run hd backup "$T/backups/busy.db"
wait $W
expect_rc "backup while writing: exit 0" 0
run "$HEPADESK" --db "$T/backups/busy.db" check
expect_rc "the copy made while writing verifies" 0

# Only those who may read the audit trail make backups.
hd user add boss --role admin >/dev/null
hd user grant "$(id -un)" nurse >/dev/null
hd user revoke "$(id -un)" admin >/dev/null
run hd backup "$T/backups/nurse.db"
expect_rc "a nurse may not make a backup: exit 1" 1
expect_eq "nothing was written" "$(ls "$T/backups" | grep -c nurse)" 0
finish
