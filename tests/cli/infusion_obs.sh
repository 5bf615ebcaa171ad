# Command-line tests: observations before and after an infusion (issue 12,
# second part) — temperature, pulse, blood pressure, SpO2, each with its
# unit and the vitals table's limits, and the reaction within 24 h, stored
# with the infusion.
. "$(dirname "$0")/lib.sh"
fixture_lot UC-1 || notok "product lot fixture"

fixture_planned O1 "OBS, Olga" || echo "not ok - setup O1"
give() { run hd infusion add O1 --at "$TODAY 08:30" --route iv --cells 3e7 --lot UC-1 --expires 2027-01-31 --label "Infusion 1" "$@"; }
count() { sql "select count(*) from infusions"; }

give --pulse-before 300
expect_rc "a pulse of 300 /min: refused" 2
expect_in "names the option, value, range and unit" "pulse-before: " "$ERR"
expect_in "the range in /min" "/min" "$ERR"
give --spo2-after 101
expect_rc "SpO2 101 %: refused" 2
expect_in "names SpO2 and %" "spo2-after: " "$ERR"
give --bp-before 80/120
expect_rc "diastolic above systolic: refused" 2
give --temp-after 98.6
expect_rc "a temperature in °F: refused" 2
give --spo2-before 85
expect_rc "SpO2 85 % (below 90): needs --confirm" 2
expect_in "asks for confirmation" "add --confirm" "$ERR"
expect_eq "nothing written" "$(count)" 0

give --temp-before 36.8 --pulse-before 78 --bp-before 120/80 --spo2-before 97 \
	--temp-after 37.9 --pulse-after 96 --bp-after 110/70 --spo2-after 95 --reaction "chills at 2 h"
expect_rc "every observation: recorded" 0
expect_in "printed with units" "observations before: 36.8 °C, pulse 78 /min, BP 120/80 mmHg, SpO2 97 %; after: 37.9 °C, pulse 96 /min, BP 110/70 mmHg, SpO2 95 %" "$OUT"
expect_eq "stored with the infusion" "$(sql "select temp_before, pulse_before, systolic_before, diastolic_before, spo2_before, temp_after, pulse_after, systolic_after, diastolic_after, spo2_after, reaction from infusions")" "36.8|78.0|120.0|80.0|97.0|37.9|96.0|110.0|70.0|95.0|chills at 2 h"
expect_eq "audited with the row" "$(sql "select count(*) from audit where tbl = 'infusions' and after like '%\"spo2_after\":95%'")" 1
finish
