# Command-line tests: the trust boundary, the cases of issue 13 found when
# tried. Only `init` creates a database; a mistyped path, `--db ""`, a
# folder, a text file and another application's SQLite file are refused
# naming them, with nothing written; the audit trail is keyed, witnessed
# outside the database and checked for its triggers, so edits made with the
# sqlite3 shell are found.
NO_INIT=1
. "$(dirname "$0")/lib.sh"

# --- a mistyped path makes no new clinic ---
run hd find X
expect_rc "a missing database: exit 2" 2
expect_in "names the path and init" "database $DB does not exist" "$ERR"
expect_in "and how a clinic is made" "hepadesk init" "$ERR"
expect_eq "nothing was created" "$(ls "$T" | grep -c db)" 0
run "$HEPADESK" --db "" patient add --mrn E1 --name "EMPTY, Em" --dob 1970-01-01 --sex F
expect_rc "--db \"\": exit 2" 2
expect_in "--db \"\" is named" "no database file named (--db is empty)" "$ERR"
expect_eq "no default clinic was made" "$(ls "$HOME/.local/share/hepadesk" 2>/dev/null | wc -l)" 0

# --- init makes it, once ---
run hd init
expect_rc "init: exit 0" 0
expect_in "init names the file" "created the clinic database $DB" "$OUT"
expect_in "init names the first admin" "first administrator: $(id -un)" "$OUT"
expect_eq "the key is beside it, owner-read only" "$(stat -c '%a %s' "$DB.key")" "400 32"
expect_eq "the database is private" "$(stat -c '%a' "$DB")" 600
run hd init
expect_rc "init on an existing database: exit 2" 2
expect_in "says it exists and changed nothing" "already exists; init makes a new database only and changed nothing" "$ERR"

# --- not a hepadesk database: refused, not written ---
OTHER="$T/other.db"
sqlite3 "$OTHER" "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine')"
chmod 0600 "$OTHER"
sum0=$(md5sum <"$OTHER")
run "$HEPADESK" --db "$OTHER" patient add --mrn O1 --name "OTHER, Otto" --dob 1970-01-01 --sex M
expect_rc "another application's SQLite file: exit 2" 2
expect_in "is named as not hepadesk's" "is a SQLite database of another application, not hepadesk's; nothing was written to it" "$ERR"
expect_eq "its tables are untouched" "$(sqlite3 "$OTHER" "select count(*) from sqlite_schema")" 1
expect_eq "its bytes are untouched" "$(md5sum <"$OTHER")" "$sum0"
expect_eq "no WAL was made beside it" "$(ls "$T" | grep -c 'other.db-')" 0
printf 'not a database\n' >"$T/text.db"; chmod 0600 "$T/text.db"
run "$HEPADESK" --db "$T/text.db" find X
expect_rc "a text file: exit 1" 1
expect_in "a text file is named" "is not a database file (a text file, or damaged); nothing was written to it" "$ERR"
expect_eq "the text file is unchanged" "$(cat "$T/text.db")" "not a database"
mkdir -p "$T/folder.db"
run "$HEPADESK" --db "$T/folder.db" find X
expect_rc "a folder: exit 2" 2
expect_in "a folder is named" "is a folder, not a database file" "$ERR"

# --- the audit trail, tampered with from the sqlite3 shell ---
# (init wrote seq 1-2: the built-in protocol installed and activated.)
hd patient add --mrn A1 --name "AUDIT, Ann" --dob 1970-01-01 --sex F >/dev/null
hd patient add --mrn A2 --name "AUDIT, Bob" --dob 1970-01-01 --sex M >/dev/null
run hd audit verify
expect_rc "untouched: intact" 0
expect_eq "each command's head is witnessed" "$(tail -n 1 "$DB.witness" | cut -d' ' -f1)" "seq=5"
cp "$DB" "$T/clean.db"; cp "$DB.witness" "$T/clean.witness"
restore() { cp "$T/clean.db" "$DB"; cp "$T/clean.witness" "$DB.witness"; rm -f "$DB-wal" "$DB-shm"; }

# Wiped both tables: once "0 rows, chain intact".
sql "DROP TRIGGER audit_no_delete; DROP TRIGGER audit_head_kept; DELETE FROM audit; DELETE FROM audit_head"
run hd audit verify
expect_rc "wiped tables: verify exit 1" 1
expect_in "wiped tables: the witness names the lost rows" "saw the trail reach seq 5, but it ends at seq 0" "$OUT"
restore

# Newest rows deleted and the head moved onto the new last row.
sql "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 5; UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit WHERE seq = 4)"
run hd audit verify
expect_rc "deleted tail, head moved: verify exit 1" 1
expect_in "deleted tail, head moved: found by the witness" "saw the trail reach seq 5, but it ends at seq 4" "$OUT"
restore

# A row edited and its hash re-computed without the key (the old unkeyed
# SHA-256 is what a forger can compute; here: any hash not made with the key).
sql "DROP TRIGGER audit_no_update; DROP TRIGGER audit_head_follows; UPDATE audit SET actor = 'eve', hash = lower(hex(randomblob(32))) WHERE seq = 5; UPDATE audit_head SET hash = (SELECT hash FROM audit WHERE seq = 5)"
run hd audit verify
expect_rc "re-hashed without the key: verify exit 1" 1
expect_in "re-hashed without the key: the row is named" "seq 5: its contents do not match its hash" "$OUT"
restore

# A trigger dropped, then the program writes: check says the write went unaudited.
sql "DROP TRIGGER audit_users_upd"
hd user add nina --role nurse >/dev/null
sql "UPDATE users SET role = 'admin' WHERE login = 'nina'"
run hd check
expect_rc "a dropped audit trigger: check exit 1" 1
expect_in "check names the missing trigger" "audit trigger audit_users_upd is missing" "$OUT"
restore

# The key is needed: without it nothing is written and verify says why.
mv "$DB.key" "$T/key.saved"
run hd patient add --mrn A3 --name "AUDIT, Cy" --dob 1970-01-01 --sex M
expect_rc "no key: the write is refused" 1
expect_in "no key: named" "the audit key $DB.key is missing" "$ERR"
mv "$T/key.saved" "$DB.key"
run hd audit verify
expect_rc "key back: intact again" 0
finish
