# Command-line tests: quality-of-life questionnaires as configuration (issue
# 15, item 3). Instruments are INI files installed like protocols (admins;
# text and hash kept); the clinic symptom instrument ships; the CLDQ ships
# as structure only and is installed with the clinic's licensed texts (here
# a file the test writes, "item 1" ...); qol MRN INSTRUMENT --answers
# records one with its domain scores (reversed items, the missing-item
# rule); bad answers name the item, the value and the scale, and write
# nothing; the protocol's [qol] says which visit each is due at; the
# dashboard trends the domains.
. "$(dirname "$0")/lib.sh"

nresp() { sql "select count(*) from qol_responses"; }
hd patient add --mrn Q1 --name "QUALITY, Quinn" --dob 1960-01-01 --sex F --weight 60 >/dev/null

# --- installing ---
run hd instrument install symptoms
expect_rc "the clinic symptom instrument installs" 0
expect_in "its shape" "installed SYMPTOMS 1.0 (Clinic symptom ratings): 7 items, 7 domains, scale 0-10" "$OUT"
expect_eq "text and hash kept" "$(sql "select code, length(hash), text like '%fatigued%' from instruments")" "SYMPTOMS|64|1"
run hd instrument install symptoms
expect_rc "the same version twice: refused" 2
expect_in "says so" "SYMPTOMS version 1.0 is installed already" "$ERR"

run hd instrument install cldq
expect_rc "the CLDQ structure alone: refused" 2
expect_in "asks for the licensed texts" "[item.1] text: required, and missing (a licensed instrument: --texts FILE" "$ERR"
for i in $(seq 1 28); do echo "item $i"; done >"$T/cldq28.txt"
run hd instrument install cldq --texts "$T/cldq28.txt"
expect_rc "28 texts for 29 items: refused" 2
expect_in "counts them" "texts: 28 item texts for more items" "$ERR"
{ echo "# our licensed copy"; for i in $(seq 1 29); do echo "item $i"; done; } >"$T/cldq.txt"
run hd instrument install cldq --texts "$T/cldq.txt"
expect_rc "the CLDQ with the clinic's texts installs" 0
expect_in "29 items, 6 domains, 1-7" "installed CLDQ 1999 (Chronic Liver Disease Questionnaire (licensed texts)): 29 items, 6 domains, scale 1-7" "$OUT"
expect_eq "the program ships no CLDQ wording" "$(grep -c '^text' "$(dirname "$0")/../../assets/instruments/cldq-structure.ini")" 0

printf '[instrument]\ncode = BAD\nname = Bad\nversion = 1\nmin = 0\nmax = 12\n[domain.a]\nlabel = A\n[item.1]\ntext = x\ndomain = a\n' >"$T/bad.ini"
run hd instrument install "$T/bad.ini"
expect_rc "a scale beyond 0-10: refused" 2
expect_in "file, line, key and range" "bad.ini:6: [instrument] max: '12' is not accepted; a whole number 0-10" "$ERR"
printf '[instrument]\ncode = BAD\nname = Bad\nversion = 1\nmin = 0\nmax = 4\n[domain.a]\nlabel = A\n[item.1]\ntext = x\ndomain = b\n' >"$T/bad.ini"
run hd instrument install "$T/bad.ini"
expect_in "an item of an unknown domain" "[item.1] domain: 'b' is not a [domain.ID] of this file" "$ERR"
run hd instrument list --json
expect_in "list" '"code":"CLDQ","name":"Chronic Liver Disease Questionnaire (licensed texts)","version":"1999"' "$OUT"

# --- answering: refusals write nothing ---
run hd qol Q1 symptoms --answers 7,6,5,4,8,6
expect_rc "six answers for seven items: refused" 2
expect_in "counts" "answers: 6 given, SYMPTOMS has 7 items" "$ERR"
run hd qol Q1 symptoms --answers 7,6,5,11,8,6,3
expect_rc "11 on a 0-10 scale: refused" 2
expect_in "item, value, scale with its anchors" "answers: item 4: '11' is not accepted; 0-10 (none to worst imaginable)" "$ERR"
run hd qol Q1 symptoms --answers ,,,,,,
expect_rc "nothing answered: refused" 2
run hd qol Q1 symptoms --answers 7,6,5,4,8,6,3 --date "$(later 1)"
expect_rc "a date in the future: refused" 2
run hd qol Q1 SF36 --answers 1
expect_rc "an instrument not installed: refused" 2
expect_in "names it" "instrument 'SF36' is not installed" "$ERR"
expect_eq "nothing written" "$(nresp)" 0

# --- scores: reversed item, the missing-item rule ---
run hd qol Q1 symptoms --answers 7,6,5,4,8,6,2 --date "$(ago 60)"
expect_rc "baseline recorded" 0
expect_in "well-being 2 reversed to 8" "Overall well-being (reversed)      8.00" "$OUT"
expect_in "overall: mean of 7,6,5,4,8,6,8" "Overall                            6.29" "$OUT"
run hd qol Q1 symptoms --answers 4,3,,2,5,4,7 --json
expect_rc "second with an item left out" 0
expect_in "json: the missing item's domain not scored, the overall over six" '"scores":{"fatigue":4,"appetite":3,"abdomen":null,"itch":2,"sleep":5,"mood":4,"wellbeing":3,"overall":3.5}' "$OUT"
expect_in "json: the answers as entered" '"answers":"4,3,,2,5,4,7","answered":6' "$OUT"

# CLDQ: 1-7, domains by the published item mapping, higher better.
run hd qol Q1 cldq --answers 7,1,1,1,7,1,2,1,2,3,1,3,1,2,3,3,7,5,3,3,1,5,1,3,5,3,1,5,5 --json
expect_rc "CLDQ recorded" 0
expect_in "abdominal = items 1, 5, 17; worry = 18, 22, 25, 28, 29" '"abdominal":7,"fatigue":1,"systemic":1,"activity":2,"emotional":3,"worry":5' "$OUT"
run hd qol Q1 cldq --answers 7,,,,,1,2,1,2,3,1,3,1,2,3,3,,5,3,3,1,5,1,3,5,3,1,5,5 --json
expect_in "abdominal with 1 of 3 answered: not scored (under half)" '"abdominal":null,"fatigue":1' "$OUT"
expect_eq "scores stored per domain" "$(sql "select count(*) from qol_scores")" 30

# --- due at visits (protocol [qol]) and trended on the dashboard ---
fixture_planned Q2 "QUALITY, Two" >/dev/null || notok "fixture Q2"
run hd plan Q2
expect_in "W4 says the symptom ratings are due" "W4          $(later 28)  window -3/+3  open  + SYMPTOMS" "$OUT"
expect_not_in "W1 has none" "W1          $(later 7)  window -3/+3  open  +" "$OUT"
run hd plan Q2 --json
expect_in "json: questionnaires per visit" '"label":"W12","kind":"visit"' "$OUT"
expect_in "json: due at W12" '"state":"open","reason":null,"questionnaires":"SYMPTOMS"}' "$OUT"
run hd dashboard Q1 --json
expect_in "dashboard: fatigue trended, change from the first" '{"domain":"fatigue","series":[{"date":"'"$(ago 60)"'","score":7},{"date":"'"$TODAY"'","score":4}],"baseline":7,"latest":4,"change":-3}' "$OUT"
expect_in "dashboard: the CLDQ too" '"instrument":"CLDQ"' "$OUT"
run hd qol Q1 symptoms
expect_in "the list" "SYMPTOMS 1.0 on $TODAY (6 of 7 answered)" "$OUT"

# --- void with a reason: kept, no longer trended ---
run hd qol void Q1 2
expect_rc "void without a reason: refused" 2
run hd qol void Q1 2 --reason "answered by the wrong patient"
expect_rc "voided" 0
expect_eq "kept with its reason" "$(sql "select void_reason, version from qol_responses where id = 2")" "answered by the wrong patient|2"
run hd qol void Q1 2 --reason again
expect_rc "voided twice: refused" 2
run hd qol void Q2 1 --reason "not this patient"
expect_rc "another patient's: refused" 2
run hd dashboard Q1 --json
expect_in "no longer trended" '{"domain":"fatigue","series":[{"date":"'"$(ago 60)"'","score":7}],"baseline":7,"latest":7,"change":0}' "$OUT"

finish
