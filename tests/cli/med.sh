# Command-line tests of concomitant medications and supplements (issue 15,
# item 4): med add|stop|list|correct|void|names with --json; the shipped
# list gives the ATC code (by name, other name or code), a free name is
# kept; refusals name field, value, range and unit and write nothing; the
# dashboard's medication timeline; and the checklist reading the list: a
# current antiviral meets "on antiviral therapy", an immunosuppressant
# within 28 days answers the immunosuppressants question, each naming the
# list as its source.
. "$(dirname "$0")/lib.sh"

rows() { sql "select count(*) from medications"; }
fixture_ready M1 "MEDS, Mia"
hd patient update M1 --etiology B18.1 >/dev/null
hd lab add M1 --date "$(ago 3)" --hbv-dna 50000 >/dev/null

# --- the shipped list ---
run hd med names
expect_in "entecavir J05AF10" "J05AF10  entecavir" "$OUT"
expect_in "vitamin D" "A11CC05  vitamin D" "$OUT"
run hd med names --json
expect_eq "24 entries" "$(echo "$OUT" | grep -o '"atc":' | wc -l)" 24
for code in J05AF10 J05AF07 C03DA01 C03CA01 C07AA05 C07AG02 C07AA12 A06AD11 A07AA11 B05AA01 \
	J01MA06 J01DD04 J01MA02 L04AD02 H02AB06 L04AX01 L04AA06 V03AB23 A11HA03 A05BA03 A12CB01 A11CC05; do
	expect_in "ships $code" "\"atc\":\"$code\"" "$OUT"
done

# --- refusals ---
run hd med add M1 --name furosemide --dose 0 --start "$(ago 10)"
expect_rc "dose 0: refused" 2
expect_in "names field, value, range and unit" "dose: 0 mg is outside 0-20000 mg (above 0)" "$ERR"
run hd med add M1 --name "human albumin" --dose 300 --start "$(ago 10)"
expect_in "albumin in g by default, limits of g" "dose: 300 g is outside 0-200 g (above 0)" "$ERR"
run hd med add M1 --name furosemide --dose 40 --unit mgs --start "$(ago 10)"
expect_in "unit choices" "unit: 'mgs' is not accepted; accepted mg|g|µg|mL|IU|mmol|tablet" "$ERR"
run hd med add M1 --name furosemide --dose 5000 --start "$(ago 10)"
expect_rc "5000 mg asks" 2
expect_in "to confirm dose and unit" "dose: 5000 mg is above 4000 mg — confirm the dose and its unit (add --confirm to accept)" "$ERR"
run hd med add M1 --name furosemide --start "$(later 1)"
expect_in "a start in the future" "start" "$ERR"
run hd med add M1 --name furosemide --start "$(ago 5)" --stop "$(ago 9)"
expect_in "stop before start" "stop: $(ago 9) is before the start $(ago 5)" "$ERR"
run hd med add M1 --name furosemide --frequency hourly --start "$(ago 5)"
expect_in "frequency choices" "frequency: 'hourly' is not accepted; accepted once|qd|bid|tid|qid|weekly|prn|continuous" "$ERR"
expect_eq "nothing written" "$(rows)" 0

# --- add: listed by name, alias and code; a free name ---
run hd med add M1 --name TDF --dose 245 --start "$(ago 200)" --indication "chronic hepatitis B" --json
expect_rc "an alias finds the listed entry" 0
expect_in "its name, code and class" '"name":"tenofovir disoproxil","atc":"J05AF07","class":"antiviral","dose":245,"unit":"mg","route":"oral","frequency":"qd"' "$OUT"
run hd med add M1 --name C07AA05 --dose 20 --frequency bid --start "$(ago 60)"
expect_in "an ATC code finds it" "propranolol (C07AA05) 20 mg oral twice daily from $(ago 60)" "$OUT"
run hd med add M1 --name "Liv-52" --dose 2 --unit tablet --frequency bid --start "$(ago 30)"
expect_in "a free name is kept without a code" "Liv-52 2 tablet oral twice daily from $(ago 30)  (free name, no ATC code)" "$OUT"
run hd med add M1 --name silymarin --dose 140 --frequency tid --start "$(ago 30)" --json
expect_in "a supplement" '"atc":"A05BA03","class":"supplement"' "$OUT"
run hd med add M1 --name "vitamin d" --dose 50000 --frequency weekly --start "$(ago 30)" --json
expect_in "vitamin D in IU, weekly" '"name":"vitamin D","atc":"A11CC05","class":"supplement","dose":50000,"unit":"IU","route":"oral","frequency":"weekly"' "$OUT"

# --- stop, correct, void ---
run hd med stop M1 3 --date "$(ago 2)" --reason "not a clinic supplement"
expect_rc "stopped" 0
expect_in "with its stop day" "Liv-52 2 tablet oral twice daily from $(ago 30) to $(ago 2)" "$OUT"
run hd med stop M1 3
expect_rc "stopped twice: refused" 2
expect_in "says when" "was stopped on $(ago 2) already" "$ERR"
run hd med correct M1 2 --dose 40
expect_rc "a correction needs its reason" 2
run hd med correct M1 2 --reason "dose misread" --dose 40 --json
expect_in "corrected with its reason" '"dose":40,"unit":"mg","route":"oral","frequency":"bid"' "$OUT"
expect_in "reason and version" '"reason":"dose misread","recorded_by":' "$OUT"
run hd med correct M1 2 --reason "again" --if-version 1 --dose 30
expect_rc "a stale version: refused" 1
run hd med void M1 5 --reason "entered for the wrong patient"
expect_rc "voided" 0
run hd med list M1 --date "$(ago 1)" --json
expect_not_in "the voided entry is not taken" '"name":"vitamin D"' "$OUT"
expect_not_in "nor the stopped one" '"name":"Liv-52"' "$OUT"
expect_in "the antiviral is" '"name":"tenofovir disoproxil"' "$OUT"
expect_eq "audited: stop, correction, void with before and after" "$(sql "select count(*) from audit where tbl = 'medications' and action = 'update' and before is not null")" 3

# --- the dashboard's timeline ---
run hd dashboard M1 --json
expect_in "timeline span" "\"medications\":{\"from\":\"$(ago 200)\",\"to\":\"$TODAY\",\"timeline\":[" "$OUT"
expect_in "the antiviral current, 201 days" '"current":true,"days":201' "$OUT"
expect_in "the stopped one" '"name":"Liv-52","atc":null,"class":"other"' "$OUT"
expect_not_in "a voided entry left out" '"vitamin D"' "$OUT"
run hd dashboard M1
expect_in "text timeline header" "medications (4), $(ago 200) to $TODAY:" "$OUT"
expect_in "a bar across the span" "tenofovir disoprox J05AF07 245 mg qd      |====================| on" "$OUT"
expect_in "a stopped one's bar ends" "Liv-52             -       2 tablet bid   |.................===| to $(ago 2)" "$OUT"
expect_in "a bar starts with its start" "propranolol        C07AA05 40 mg bid      |..............======| on" "$OUT"
expect_eq "text: every line fits 80 columns" "$(printf '%s\n' "$OUT" | awk '{ if (length($0) > 80) n++ } END { print n + 0 }')" "0"

# --- the checklist reads the list ---
run hd checklist M1 --json
hbv=$(echo "$OUT" | grep -o '{"id":"hbv"[^}]*}')
expect_in "a current antiviral meets the viral item" '"state":"met","reason":"on antiviral therapy (medication list: tenofovir disoproxil since '"$(ago 200)"')"' "$hbv"
expect_in "its data names the list" "medication list: tenofovir disoproxil (J05AF07) since $(ago 200)" "$hbv"
hd med stop M1 1 --date "$(ago 1)" >/dev/null
run hd checklist M1 --json
expect_in "stopped yesterday: not met again" '"id":"hbv","label":"Hepatitis B: HBV DNA below 1000 IU/mL, or on antiviral therapy","kind":"viral","required":true,"excludes":false,"state":"not_met"' "$OUT"
run hd med add M1 --name prednisolone --dose 40 --start "$(ago 40)" --stop "$(ago 20)" --indication "alcoholic hepatitis"
expect_rc "prednisolone until 20 days ago" 0
run hd checklist M1 --json
imm=$(echo "$OUT" | grep -o '{"id":"immunosuppressants"[^}]*}')
expect_in "the list answers the immunosuppressants question: excluded" '"state":"not_met","reason":"yes, from the medication list (immunosuppressant within 28 days)"' "$imm"
expect_in "naming the entry and the nurse's answer beside it" "medication list: prednisolone (H02AB06) from $(ago 40) to $(ago 20); answered no on" "$imm"
expect_in "the evaluation is excluded" '"status":"EXCLUDED"' "$OUT"
HEPADESK_TEST_NOW="$(later 9) 10:00" run hd checklist M1 --json
imm=$(echo "$OUT" | grep -o '{"id":"immunosuppressants"[^}]*}')
expect_not_in "29 days after the stop the list no longer answers" "from the medication list" "$imm"
finish
