# Command-line tests: one clock. The test build (build/hepadesk-test) takes
# its time from HEPADESK_TEST_NOW, a value or @FILE read at every call; the
# installed program (build/hepadesk) has no such hook at all, so nothing a
# user sets moves the time its records are stamped with.
. "$(dirname "$0")/lib.sh"

epoch() { date -u -d "$1" +%s; }

HEPADESK_TEST_NOW="2026-05-10 08:30" hd patient add --mrn K1 --name "CLOCK, One" \
	--dob 1960-01-01 --sex F --weight 60 >/dev/null
expect_eq "a record is stamped with the test clock" \
	"$(sql "select created from patients where mrn = 'K1'")" "$(epoch '2026-05-10 08:30')"
expect_eq "its audit row too" \
	"$(sql "select max(ts) from audit where tbl = 'patients'")" "$(epoch '2026-05-10 08:30')"

echo "2026-06-01 12:00:05" >"$T/now"
HEPADESK_TEST_NOW="@$T/now" hd patient add --mrn K2 --name "CLOCK, Two" --dob 1960-01-01 \
	--sex F >/dev/null
echo "2026-07-15" >"$T/now"
HEPADESK_TEST_NOW="@$T/now" hd patient update K2 --weight 61 >/dev/null
expect_eq "@FILE is read at every call: created on one day, updated on another" \
	"$(sql "select created || ' ' || updated || ' ' || weight_date from patients where mrn = 'K2'")" \
	"$(epoch '2026-06-01 12:00:05') $(epoch '2026-07-15') 2026-07-15"

: "${HEPADESK_INSTALLED:?HEPADESK_INSTALLED must name the installed build}"
if grep -q HEPADESK_TEST_NOW "$HEPADESK_INSTALLED"; then
	notok "the installed program has no test clock in it"
else
	ok "the installed program has no test clock in it"
fi
"$HEPADESK_INSTALLED" --db "$T/installed.db" init >/dev/null
before=$(date -u +%s)
HEPADESK_TEST_NOW="2001-01-01" "$HEPADESK_INSTALLED" --db "$T/installed.db" patient add \
	--mrn K3 --name "CLOCK, Three" --dob 1960-01-01 --sex M >/dev/null
after=$(date -u +%s)
created=$(sqlite3 -batch -noheader "$T/installed.db" "select created from patients")
if [ "$created" -ge "$before" ] && [ "$created" -le "$after" ]; then
	ok "the installed program ignores HEPADESK_TEST_NOW (stamped with the system clock)"
else
	notok "installed program stamped $created, outside $before..$after"
fi
finish
