# Command-line tests of biopsy histology (issue 15, item 2): histology
# add|list|show|correct|void with --json; refusals naming the field, value,
# range and unit with nothing written; METAVIR and Ishak that disagree ask;
# the dashboard's change from the baseline biopsy (the first on or before
# the first infusion) in text and JSON.
. "$(dirname "$0")/lib.sh"
fixture_lot UC-1 || notok "product lot fixture"

rows() { sql "select count(*) from histology"; }
fixture_planned H1 "BIOPSY, Bea"
add() { run hd histology add H1 --site "right lobe, percutaneous" --pathologist "Dr Lee" "$@"; }

# --- refusals ---
add --date "$(ago 30)" --cpa 120
expect_rc "CPA 120 %: refused" 2
expect_in "names field, value, range and unit" "Collagen proportionate area: 120 % is outside 0-100 %" "$ERR"
add --date "$(ago 30)" --metavir F5
expect_in "METAVIR F5" "METAVIR fibrosis: F5 is outside F0-F4" "$ERR"
add --date "$(ago 30)" --ishak 2.5
expect_in "a stage is whole" "Ishak fibrosis: '2.5' is not a stage; accepted 0-6" "$ERR"
add --date "$(ago 30)" --grade A4
expect_in "grade A0-A3" "Necro-inflammatory grade: A4 is outside A0-A3" "$ERR"
add --date "$(ago 30)" --ki67 -1
expect_in "Ki-67 below 0" "Ki-67: -1 % is outside 0-100 %" "$ERR"
add --date "$(later 1)" --metavir F2
expect_in "a biopsy in the future" "date" "$ERR"
add --date "$(ago 30)"
expect_in "no finding" "no finding given" "$ERR"
add --date "$(ago 30)" --metavir F4 --ishak 2
expect_rc "F4 with Ishak 2: asks" 2
expect_in "names both stages" "fibrosis: METAVIR F4 and Ishak 2 do not agree" "$ERR"
run hd histology add H1 --date "$(ago 30)" --metavir F3
expect_in "site and pathologist required" "--site is required" "$ERR"
expect_eq "nothing written" "$(rows)" 0

# --- the baseline biopsy, before the first infusion ---
add --date "$(ago 30)" --metavir F4 --ishak 6 --grade A2 --cpa 24.5 --ki67 2.0 --ck19 4.0 --json
expect_rc "baseline biopsy recorded" 0
expect_in "--json of the record" '"date":"'"$(ago 30)"'","site":"right lobe, percutaneous","metavir":4,"ishak":6,"grade":2,"cpa":24.5,"ki67":2,"ck19":4,"pathologist":"Dr Lee"' "$OUT"
hd infusion add H1 --at "$TODAY 09:00" --route iv --cells 3e7 --lot UC-1 --label "Infusion 1" >/dev/null || notok "infusion"
run hd dashboard H1 --json
expect_in "one biopsy: a baseline, no change yet" '"histology":{"baseline":{"id":1,"date":"'"$(ago 30)"'"},"latest":null,"change":[]' "$OUT"

# --- after the infusion, on the test clock 6 months later ---
export HEPADESK_TEST_NOW="$(later 182) 10:00"
D2=$(later 180)
run hd histology add H1 --date "$D2" --site "right lobe" --pathologist "Dr Lee" --metavir F3 --ishak 5 --grade A1 --cpa 15.0 --ki67 6.5 --ck19 9.0
expect_rc "follow-up biopsy recorded" 0
expect_in "text names the values" "recorded biopsy 2 of H1 on $D2 (right lobe): F3 Ishak 5 A1 CPA 15.0 % Ki-67 6.5 % CK-19 9.0 %; pathologist Dr Lee" "$OUT"
run hd dashboard H1 --json
expect_in "dashboard: baseline and latest" '"histology":{"baseline":{"id":1,"date":"'"$(ago 30)"'"},"latest":{"id":2,"date":"'"$D2"'"}' "$OUT"
expect_in "METAVIR one stage better" '{"measure":"metavir","unit":"","baseline":4,"latest":3,"change":-1,"direction":"improved"}' "$OUT"
expect_in "CPA down 9.5 points" '{"measure":"cpa","unit":"%","baseline":24.5,"latest":15,"change":-9.5,"direction":"improved"}' "$OUT"
expect_in "Ki-67 up: read as regeneration" '{"measure":"ki67","unit":"%","baseline":2,"latest":6.5,"change":4.5,"direction":"improved"}' "$OUT"
run hd dashboard H1
expect_in "text: the baseline marked" "$(ago 30) F4 Ishak 6 A2 CPA 24.5 % Ki-67 2.0 % CK-19 4.0 %  [baseline]" "$OUT"
expect_in "text: the change" "change from the baseline biopsy ($(ago 30)) to $D2:" "$OUT"
expect_in "text: a row per measure" "METAVIR fibrosis                   F4 -> F3       -1 improved" "$OUT"

# --- list, show, correct, void ---
run hd histology list H1 --json
expect_eq "list --json has both" "$(echo "$OUT" | grep -o '"id":' | wc -l)" 2
run hd histology show H1 2
expect_in "show" "biopsy 2 of H1 on $D2" "$OUT"
run hd histology show H1 9
expect_rc "an unknown biopsy" 2
expect_in "says so" "biopsy 9: not on file for this patient" "$ERR"
run hd histology correct H1 2 --ck19 12 --clear ki67
expect_rc "a correction needs its reason" 2
run hd histology correct H1 2 --reason "CK-19 recounted" --ck19 12 --clear ki67 --json
expect_rc "corrected" 0
expect_in "new values, reason and version" '"ki67":null,"ck19":12,"pathologist":"Dr Lee","note":"","voided":false,"reason":"CK-19 recounted","recorded_by":' "$OUT"
expect_in "version 2" '"version":2' "$OUT"
run hd histology correct H1 2 --reason "again" --if-version 1 --cpa 14
expect_rc "a stale version: refused" 1
run hd histology correct H1 2 --reason "x" --cpa 101
expect_in "a correction is checked too" "Collagen proportionate area: 101 % is outside 0-100 %" "$ERR"
expect_eq "the stored row kept" "$(sql "select cpa, ck19, ki67 is null, version, reason from histology where id = 2")" "15.0|12.0|1|2|CK-19 recounted"
run hd histology void H1 2 --reason "slide of another patient"
expect_rc "voided" 0
run hd dashboard H1 --json
expect_in "a voided biopsy gives no change" '"latest":null,"change":[]' "$OUT"
expect_in "but stays listed, marked" '"voided":true,"reason":"slide of another patient"' "$OUT"
expect_eq "every write audited with its before" "$(sql "select count(*) from audit where tbl = 'histology' and action = 'update' and before is not null")" 2
finish
