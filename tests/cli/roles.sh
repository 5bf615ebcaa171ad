# Command-line tests: who gets in. Unknown and disabled logins get one line
# and nothing else; roles limit commands; user management is for admins; the
# database and its folder are private (or shared with database:group only).
# Other logins are played with setpriv as user nobody (root only).
NO_INIT=1
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
	echo "ok - roles # skip not root"
	exit 0
fi
NOBODY_GID=$(id -g nobody)
GROUP=$(getent group "$NOBODY_GID" | cut -d: -f1)
chmod 0711 "$T"
printf '[database]\ngroup = %s\n' "$GROUP" >"$T/shared.ini"
hds() { "$HEPADESK" --config "$T/shared.ini" --db "$DB" "$@"; }
as_nobody() { setpriv --reuid=nobody --regid="$NOBODY_GID" --clear-groups "$HEPADESK" --config "$T/shared.ini" --db "$DB" "$@"; }

hds init >/dev/null
run hds patient add --mrn R100 --name "ROLE, Rita" --dob 1970-05-01 --sex F
expect_rc "admin (the creator) registers" 0
expect_eq "shared database file is 0660 to the group" "$(stat -c '%a %G' "$DB")" "660 $GROUP"
expect_eq "shared folder is 0770 to the group" "$(stat -c '%a %G' "$(dirname "$DB")")" "770 $GROUP"
audit0=$(sql "select count(*) from audit")

run as_nobody show R100
expect_rc "an unknown login is refused" 1
expect_eq "with exactly one line" "$ERR" "hepadesk show: not authorised — ask the administrator"
expect_eq "and nothing on stdout" "$OUT" ""
run as_nobody find ROLE
expect_eq "find: the same one line" "$ERR$OUT" "hepadesk find: not authorised — ask the administrator"
run as_nobody user add nobody --role admin
expect_rc "an unknown login cannot add itself" 1
expect_eq "an unknown login is not made a user" "$(sql "select count(*) from users where login = 'nobody'")" 0
expect_eq "an unknown login leaves no trace in the records" "$(sql "select count(*) from audit")" "$audit0"

run hds user add nobody --role viewer --name "No Body"
expect_rc "admin adds a viewer" 0
run as_nobody show R100
expect_rc "a viewer can show" 0
expect_in "and sees the patient" "ROLE, Rita" "$OUT"
run as_nobody lab add R100 --date 2026-01-10 --alt 40
expect_rc "a viewer cannot add labs" 1
expect_in "the refusal names the role needed" "you need the role nurse or physician (you are viewer)" "$ERR"
expect_eq "nothing was written" "$(sql "select count(*) from labs")" 0
for cmd in "user list" "user add eve --role admin" "user role root viewer" "user disable root" "audit" "audit verify" "check"; do
	run as_nobody $cmd
	expect_rc "a viewer cannot: $cmd" 1
	expect_in "and is told why: $cmd" "not permitted" "$ERR"
done
expect_eq "root is still admin (and physician)" "$(sql "select roles || disabled from users where login = 'root'")" "physician,admin0"

run hds user role nobody nurse
expect_rc "admin changes the role" 0
run as_nobody lab add R100 --date 2026-01-10 --alt 40
expect_rc "a nurse adds labs" 0
expect_eq "the lab is audited as nobody" "$(sql "select actor from audit where tbl = 'labs'")" "nobody"
run as_nobody audit
expect_rc "a nurse cannot read the audit" 1

run hds user role nobody admin
run as_nobody user list
expect_rc "an admin lists users" 0
expect_in "the list has both" "nobody" "$OUT"
run as_nobody audit --user nobody --limit 5
expect_rc "an admin reads the audit" 0
run as_nobody user disable nobody
expect_rc "nobody cannot disable their own login" 2

run hds user disable nobody
expect_rc "admin disables a user" 0
run as_nobody show R100
expect_rc "a disabled user is refused" 1
expect_eq "with the same one line" "$ERR$OUT" "hepadesk show: not authorised — ask the administrator"

run hds user list
expect_in "the list marks the disabled user" "(disabled)" "$OUT"

# A private database: 0600 in a 0700 folder; a readable one is refused.
P="$T/private/p.db"
run "$HEPADESK" --db "$P" init
expect_eq "a new private database is 0600" "$(stat -c '%a' "$P")" 600
expect_eq "in a 0700 folder" "$(stat -c '%a' "$(dirname "$P")")" 700
chmod 0644 "$P"
run "$HEPADESK" --db "$P" find X
expect_rc "a world-readable database is refused" 1
expect_in "with the fix" "chmod o-rwx '$P'" "$ERR"
chmod 0600 "$P"

# The WAL and shared-memory files are not readable by others either.
# A reader keeps the database open (so the last writer's close leaves both
# files in place) from $T/opened until told ($T/release; or $T is gone).
{ echo "select count(*) from patients;"
  echo ".shell touch '$T/opened'; while [ ! -e '$T/release' ] && [ -e '$T/opened' ]; do sleep 0.05; done"; } | sqlite3 "$P" >/dev/null &
holder=$!
n=200
while [ ! -e "$T/opened" ] && [ $n -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
[ -e "$T/opened" ] || notok "the reader never opened the database"
"$HEPADESK" --db "$P" patient add --mrn W1 --name "WAL, Walt" --dob 1970-01-01 --sex M >/dev/null
expect_eq "the -wal file is private" "$(stat -c '%a' "$P-wal" 2>&1)" 600
expect_eq "the -shm file is private" "$(stat -c '%a' "$P-shm" 2>&1)" 600
touch "$T/release"
wait $holder
finish
