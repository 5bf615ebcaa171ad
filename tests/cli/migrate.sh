# Command-line tests: schema migrations. An older database (here: only the
# first migration applied, as the first release wrote it) is brought up to
# date on open, with its audit triggers; a newer one is refused.
NO_INIT=1
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

mkdir -p "$(dirname "$DB")" && chmod 700 "$(dirname "$DB")"
sqlite3 "$DB" <"$SRC/assets/sql/001-base.sql"
sqlite3 "$DB" "PRAGMA user_version = 1"
chmod 600 "$DB"
run hd patient add --mrn MG1 --name "MIGRATED, Mia" --dob 1970-01-01 --sex F
expect_rc "an older database opens" 0
latest=$(ls "$SRC"/assets/sql/*.sql | wc -l)
expect_eq "it is migrated to the newest schema" "$(sql "pragma user_version")" "$latest"
expect_eq "the write after the migration is audited" "$(sql "select count(*) from audit where tbl = 'patients' and action = 'create'")" 1
expect_eq "every table of later migrations exists" "$(sql "select count(*) from sqlite_schema where name in ('evaluations', 'plans', 'schedule', 'visits', 'adverse_events', 'protocols')")" 6
run hd audit verify
expect_rc "the audit chain verifies after migrating" 0

sql "PRAGMA user_version = 99"
run hd show MG1
expect_rc "a database from a newer hepadesk is refused" 1
expect_in "the refusal says why" "newer than this hepadesk" "$ERR"
finish
