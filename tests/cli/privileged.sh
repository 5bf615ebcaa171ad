# Command-line tests: a privileged run trusts nothing the caller controls
# (issue 13). The program set-group-ID (a copy of the test build, group
# nogroup) refuses --db and --config, ignores HEPADESK_DB, HEPADESK_CONFIG
# and XDG paths, and opens only the system database; a write whose clock is
# earlier than the newest audit row (a faked clock) is refused.
. "$(dirname "$0")/lib.sh"

# --- the clock set back ---
hd patient add --mrn K1 --name "CLOCK, Kai" --dob 1970-01-01 --sex F >/dev/null
n0=$(sql "select count(*) from audit")
run env HEPADESK_TEST_NOW="$(ago 60) 10:00" "$HEPADESK" --db "$DB" lab add K1 --date "$(ago 61)" --alt 30
expect_rc "a write 60 days in the past: exit 2" 2
expect_in "says the clock was set back" "the clock reads $(ago 60) 10:00 UTC, earlier than the newest audit row ($TODAY 10:00 UTC): the system clock was set back; nothing was saved" "$ERR"
expect_eq "nothing was written" "$(sql "select count(*) from audit")" "$n0"
run env HEPADESK_TEST_NOW="$TODAY 09:57" "$HEPADESK" --db "$DB" lab add K1 --date "$(ago 1)" --alt 31
expect_rc "a clock three minutes behind is within the tolerance" 0
run env HEPADESK_TEST_NOW="$(ago 60) 10:00" "$HEPADESK" --db "$DB" find K1
expect_rc "reads on a back clock: the audit row is a write, refused too" 2

# --- set-group-ID: nothing from the caller ---
G=$(getent group nogroup | cut -d: -f3)
if [ "$(id -u)" -ne 0 ] || [ -z "$G" ] || [ "$G" = "$(id -g)" ]; then
	ok "set-group-ID run # skip not root or no nogroup"
	finish
	exit 0
fi
mkdir -p "$T/bin"
cp "$HEPADESK" "$T/bin/hepadesk"
chgrp nogroup "$T/bin/hepadesk"
chmod 2755 "$T/bin/hepadesk"
P="$T/bin/hepadesk"
if [ "$("$P" --version >/dev/null 2>&1; stat -c %A "$P" | cut -c7)" != s ]; then
	ok "set-group-ID run # skip the file system ignores set-group-ID"
	finish
	exit 0
fi
run "$P" --db "$DB" find K1
expect_rc "--db: refused" 1
expect_in "names the system file" "--db is not accepted: the installed program opens only the database named in /etc/hepadesk/hepadesk.ini" "$ERR"
printf '[database]\npath = %s\n' "$DB" >"$T/mine.ini"
run "$P" --config "$T/mine.ini" find K1
expect_rc "--config: refused" 1
expect_in "--config is named" "--config is not accepted: the installed program reads only /etc/hepadesk/hepadesk.ini" "$ERR"
if [ ! -e /etc/hepadesk/hepadesk.ini ]; then
	run env HEPADESK_DB="$DB" "$P" find K1
	expect_in "HEPADESK_DB is ignored: the system database is named" "database /var/lib/hepadesk/hepadesk.db does not exist" "$ERR"
	run env HEPADESK_CONFIG="$T/mine.ini" "$P" find K1
	expect_in "HEPADESK_CONFIG is ignored" "database /var/lib/hepadesk/hepadesk.db does not exist" "$ERR"
	mkdir -p "$T/xdg/hepadesk"
	cp "$T/mine.ini" "$T/xdg/hepadesk/hepadesk.ini"
	run env XDG_CONFIG_HOME="$T/xdg" "$P" find K1
	expect_in "XDG_CONFIG_HOME is ignored" "database /var/lib/hepadesk/hepadesk.db does not exist" "$ERR"
	(cd "$T" && mkdir -p assets/protocols && cp "$T/mine.ini" assets/protocols/ucmsc-default.ini)
	run sh -c "cd '$T' && '$P' find K1"
	expect_in "the current directory is not used" "database /var/lib/hepadesk/hepadesk.db does not exist" "$ERR"
else
	ok "HEPADESK_DB and XDG ignored # skip a system configuration exists here"
fi
finish
