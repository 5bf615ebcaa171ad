# The ODM export of a whole demo clinic is valid against CDISC's ODM 1.3.2
# XML Schema (issue 16: "the three exports load into their standard tools'
# validators"). tests/cli/export_odm.sh validates a small fixed clinic; this
# one validates a 300-patient demo clinic, identified and de-identified, so
# that every kind of record the exporter writes is in a validated document:
# the test asserts each FormDef has FormData (the demo records no
# examination, so one is added). Schema: tests/odm/schema (ODM1-3-2.xsd and
# what it includes and imports), pinned by SHA256SUMS.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../odm/odm.sh"
odm_schema_pinned

hd demo --patients 300 >/dev/null || notok "demo clinic"
FIRST=$(sql "select mrn from patients order by mrn limit 1")
hd exam add "$FIRST" --date "$(ago 1)" --ascites 1 --encephalopathy 0 --dialysis no --weight 70 >/dev/null ||
	notok "an examination for $FIRST"

run hd export odm --out "$T/demo.xml"
expect_rc "export odm of the demo clinic" 0
odm_valid "the demo clinic" "$T/demo.xml"
sed 's/ xmlns="[^"]*"//' "$T/demo.xml" >"$T/demo.nons"
expect_eq "every patient is a subject" \
	"$(xmllint --xpath 'count(//SubjectData)' "$T/demo.nons")" "$(sql "select count(*) from patients")"
NFORMS=$(xmllint --xpath 'count(//FormDef)' "$T/demo.nons")
[ "$NFORMS" -ge 12 ] && ok "$NFORMS FormDefs" || notok "only $NFORMS FormDefs"
for f in $(xmllint --xpath '//FormDef/@OID' "$T/demo.nons" | sed 's/.*OID="\([^"]*\)"/\1/'); do
	n=$(xmllint --xpath "count(//FormData[@FormOID='$f'])" "$T/demo.nons")
	[ "$n" -gt 0 ] && ok "$f: $n forms in the validated document" || notok "$f: no FormData to validate"
done
# ODM: the data of a repeating item group tells its repeats apart by key.
for g in $(xmllint --xpath "//ItemGroupDef[@Repeating='Yes']/@OID" "$T/demo.nons" | sed 's/.*OID="\([^"]*\)"/\1/'); do
	expect_eq "$g: every ItemGroupData has a repeat key" \
		"$(xmllint --xpath "count(//ItemGroupData[@ItemGroupOID='$g'][not(@ItemGroupRepeatKey)])" "$T/demo.nons")" 0
done
odm_typed_values "the demo clinic" "$T/demo.nons"

run hd export odm --deidentify --out "$T/deid.xml"
expect_rc "export odm --deidentify of the demo clinic" 0
odm_valid "the demo clinic, de-identified" "$T/deid.xml"
sed 's/ xmlns="[^"]*"//' "$T/deid.xml" >"$T/deid.nons"
odm_typed_values "the demo clinic, de-identified" "$T/deid.nons"

finish
