# The ODM export of a whole demo clinic is valid against CDISC's ODM 1.3.2
# XML Schema (issue 16: "the three exports load into their standard tools'
# validators"). tests/cli/export_odm.sh validates a small fixed clinic; this
# one validates a 300-patient demo clinic, identified and de-identified, so
# that every kind of record the exporter writes is in a validated document.
# The demo leaves some items empty (it records no examination, no death,
# no LI-RADS, no stopped medication...), so one patient is added with each
# of those filled, and the test asserts every FormDef has FormData and every
# ItemDef ItemData in the document it validates. Schema: tests/odm/schema
# (ODM1-3-2.xsd and what it includes and imports), pinned by SHA256SUMS.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../odm/odm.sh"
odm_schema_pinned

# A clinic with no patient yet: metadata and an empty ClinicalData.
run hd export odm --out "$T/empty.xml"
expect_rc "export odm of an empty clinic" 0
odm_valid "an empty clinic" "$T/empty.xml"
expect_eq "no subject" "$(sed 's/ xmlns="[^"]*"//' "$T/empty.xml" | xmllint --xpath 'count(//ClinicalData/*)' -)" 0

hd demo --patients 300 >/dev/null || notok "demo clinic"
# The patient with what the demo leaves out.
fixture_lot UC-1 || notok "product lot fixture"
fixture_planned ALL001 "FULL, Fay" || notok "patient fixture"
hd infusion add ALL001 --at "$TODAY 09:00" --route iv --cells 3e7 --lot UC-1 --label "Infusion 1" >/dev/null ||
	notok "infusion"
hd lab add ALL001 --date "$TODAY" --pt 14.2 --pta 70 --alp 120 --ggt 80 >/dev/null || notok "PT, PTA, ALP, GGT"
hd imaging add ALL001 --date "$TODAY" --modality mri --hcc no --lirads LR-3 --lesion-mm 12 >/dev/null ||
	notok "imaging with LI-RADS and a lesion"
hd med add ALL001 --name furosemide --start "$(ago 20)" --stop "$(ago 2)" >/dev/null || notok "a stopped medication"
export HEPADESK_TEST_NOW="$(later 7) 10:00"
hd visit add ALL001 --label W1 --weight 61.5 --note "visit note" --confirm >/dev/null || notok "W1 with weight and note"
hd exam add ALL001 --date "$(later 7)" --ascites 1 --encephalopathy 0 --dialysis no --weight 61 >/dev/null ||
	notok "an examination"
export HEPADESK_TEST_NOW="$(later 60) 10:00"
hd contact add ALL001 --vital dead --date "$(later 60)" --death-date "$(later 58)" --cause "liver failure" \
	--transplant yes --transplant-date "$(later 30)" --hcc yes --hcc-date "$(later 40)" \
	--variceal-bleeding --decompensation-date "$(later 50)" --note "contact note" >/dev/null ||
	notok "a contact with every date"

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
oids() { sed 's/.*OID="\([^"]*\)"/\1/' | sort -u; }
xmllint --xpath '//ItemDef/@OID' "$T/demo.nons" | oids >"$T/defs"
xmllint --xpath '//ItemData/@ItemOID' "$T/demo.nons" | oids >"$T/used"
expect_eq "every ItemDef ($(wc -l <"$T/defs")) has ItemData in the validated document" \
	"$(comm -23 "$T/defs" "$T/used" | tr '\n' ' ')" ""
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
