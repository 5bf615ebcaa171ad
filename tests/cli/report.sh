# Command-line tests: the cohort outcomes report (issue 16, part 1) on a
# small fixed cohort built with commands under the test clock. The expected
# numbers are worked out independently: the statistics by
# tests/fixtures/report_expected.py (plain Python, no GSL), the missing
# reasons, safety counts and Kaplan-Meier steps by hand in the comments.
#
# The cohort: six patients, first infusion 2026-03-02 (R1-R5) or 2026-03-09
# (R6); baseline labs 2026-02-27 (fixture_ready: albumin 2.9 g/dL, ALT 40
# U/L, bilirubin 2.3 mg/dL, INR 1.6, creatinine 1.1, sodium 134).
# - R1, R2, R3: W1 done on 2026-03-09 with labs; W2 done on 2026-03-16
#   without labs; R1 also W4 on 2026-03-30 with labs; R1 a second infusion
#   on 2026-03-30.
# - R4: W1 missed; withdrawn on 2026-03-12.
# - R5: died on 2026-03-07 (day 5).
# - R6: first infusion 2026-03-09; W1 (due 03-16) done with labs; a liver
#   transplant on 2026-03-25 (day 16).
# The report runs on 2026-04-01.
. "$(dirname "$0")/lib.sh"
fixture_lot UC-1 2026-12-01 || notok "product lot fixture"

on() { local d=$1; shift; HEPADESK_TEST_NOW="$d" hd "$@"; }
infuse() { on "$2 10:40" infusion add "$1" --label "$3" --at "$2 10:30" --route iv --cells 3e7 \
	--lot UC-1 --expires 2026-12-01 >/dev/null || notok "infusion $1 $3"; }

for p in R1 R2 R3 R4 R5; do
	fixture_planned "$p" "REPORT, $p" || notok "fixture $p"
done
for p in R1 R2 R3 R4 R5; do infuse "$p" 2026-03-02 "Infusion 1"; done
# Adverse events (onset after the first infusion: treatment-emergent).
on "2026-03-03 11:00" ae add R1 --term Fever --grade 1 --onset "2026-03-03 08:00" --serious no \
	--relation possible >/dev/null || notok "ae R1 fever 1"
on "2026-03-04 11:00" ae add R1 --term Fever --grade 2 --onset "2026-03-04 08:00" --serious no \
	--relation probable >/dev/null || notok "ae R1 fever 2"
on "2026-03-04 11:05" ae add R2 --term Fever --grade 1 --onset "2026-03-04 09:00" --serious no \
	--relation unrelated >/dev/null || notok "ae R2 fever"
on "2026-03-05 11:00" ae add R4 --term Nausea --grade 3 --onset "2026-03-05 08:00" --serious yes \
	--criteria hospitalisation --relation probable --action infusion_stopped >/dev/null ||
	notok "ae R4 nausea"
on "2026-03-07 12:00" status R5 deceased --date 2026-03-07 --reason "variceal bleeding" >/dev/null ||
	notok "R5 deceased"
on "2026-03-09 10:00" visit add R1 --label W1 --date 2026-03-09 --albumin 3.2 --alt 35 >/dev/null ||
	notok "R1 W1"
on "2026-03-09 10:05" visit add R2 --label W1 --date 2026-03-09 --albumin 3.5 --alt 30 >/dev/null ||
	notok "R2 W1"
on "2026-03-09 10:10" visit add R3 --label W1 --date 2026-03-09 --albumin 3.0 --alt 44 >/dev/null ||
	notok "R3 W1"
# R6 is registered, evaluated and planned a week later (the clock moves on).
HEPADESK_TEST_NOW="2026-03-09 10:30" TODAY=2026-03-09 fixture_planned R6 "REPORT, R6" ||
	notok "fixture R6"
infuse R6 2026-03-09 "Infusion 1"
on "2026-03-12 10:00" visit missed R4 W1 --reason "no transport" >/dev/null || notok "R4 missed"
on "2026-03-12 10:05" status R4 withdrawn --date 2026-03-12 --reason "moved away" >/dev/null ||
	notok "R4 withdrawn"
for p in R1 R2 R3; do
	on "2026-03-16 10:00" visit add "$p" --label W2 --date 2026-03-16 --weight 60 >/dev/null ||
		notok "$p W2"
done
on "2026-03-16 10:30" visit add R6 --label W1 --date 2026-03-16 --albumin 3.1 --alt 38 >/dev/null ||
	notok "R6 W1"
on "2026-03-25 10:00" status R6 transplanted --date 2026-03-25 >/dev/null || notok "R6 transplanted"
on "2026-03-30 09:50" patient update R1 --weight 60 >/dev/null || notok "R1 weight"
on "2026-03-30 09:55" lab add R1 --date 2026-03-30 --bilirubin 2.0 --inr 1.5 --creatinine 1.0 \
	--sodium 136 --ast 50 --platelets 95 --afp 5 >/dev/null || notok "R1 W4 labs"
on "2026-03-30 10:00" visit add R1 --label W4 --date 2026-03-30 --albumin 3.4 --alt 31 \
	--weight 60 >/dev/null ||
	notok "R1 W4"
infuse R1 2026-03-30 "Infusion 2"

export HEPADESK_TEST_NOW="2026-04-01 10:00"
hd report outcomes --detail
