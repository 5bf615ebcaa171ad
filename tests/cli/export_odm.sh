# Command-line tests of `export odm` (issue 16, part 2): CDISC ODM 1.3.2
# XML. Every document written here (the whole clinic, one patient with
# --from/--to, --deidentify to a file and to standard output) is validated
# with `xmllint --nonet --schema` against CDISC's ODM 1.3.2 XML Schema,
# vendored in tests/odm/schema (ODM1-3-2.xsd, which includes
# ODM1-3-2-foundation.xsd and imports core/xml.xsd and
# core/xmldsig-core-schema.xsd; SHA256SUMS pins them, the README says where
# they come from), and a document the schema must reject is rejected. What
# the XSD cannot see is checked with xmllint --xpath: each ItemData value in
# the form of its ItemDef's DataType, every reference resolves
# (ItemData to ItemDef, FormRef to FormDef, StudyEventRef to
# StudyEventDef, units and code lists), each event holds only its forms and
# each item group only its items, coded values are in their code lists; the
# values of a fixed patient exact; --deidentify leaves no name, MRN, birth
# date, note, indication or lot; the audit row with its scope; --out 0600;
# refusals exit 2 and write nothing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../odm/odm.sh"
odm_schema_pinned
fixture_lot UC-1 || notok "product lot fixture"

# XPath on a copy without the default namespace (asserted on its own).
nons() { sed 's/ xmlns="[^"]*"//' "$1" >"$1.nons"; }
xp() { xmllint --xpath "$2" "$1.nons" 2>/dev/null; }

fixture_planned ODM777 "ODMTEST, Olga" || notok "patient fixture"
hd infusion add ODM777 --at "$TODAY 09:00" --route iv --cells 3e7 --lot UC-1 --label "Infusion 1" >/dev/null ||
	notok "infusion"
hd ae add ODM777 --term Fever --temperature 38.6 --onset "$TODAY 09:30" --serious no \
	--relation probable >/dev/null || notok "adverse event"
hd med add ODM777 --name Furosemide --start "$(ago 10)" --dose 40 --unit mg --route oral \
	--frequency qd --indication "ascites SECRET-INDICATION" >/dev/null || notok "medication"
# A week on (the test clock moves forward only): the W1 visit with labs.
export HEPADESK_TEST_NOW="$(later 7) 10:00"
D7=$(later 7)
hd visit add ODM777 --label W1 --albumin 3.3 --bilirubin 2.0 --stiffness 21 --bp 120/80 \
	--note "private NOTE-XYZ" --confirm >/dev/null || notok "W1 visit"
hd instrument install symptoms >/dev/null || notok "instrument"
hd qol ODM777 symptoms --answers 7,6,5,4,8,6,3 >/dev/null || notok "questionnaire at W1"
hd visit missed ODM777 W2 --reason "travelling" >/dev/null || notok "W2 missed"
# Three weeks on: labs near no visit (unscheduled); at eight weeks a
# survival contact whose note needs escaping.
export HEPADESK_TEST_NOW="$(later 21) 10:00"
D21=$(later 21)
hd lab add ODM777 --date "$D21" --albumin 3.6 >/dev/null || notok "unscheduled lab"
export HEPADESK_TEST_NOW="$(later 56) 10:00"
D56=$(later 56)
hd contact add ODM777 --vital alive --note 'said "fine" <ok> & well' >/dev/null || notok "contact"
# A second patient, registered only: a subject with a baseline and nothing else.
hd patient add --mrn ODM888 --name "SECOND, Sam" --dob 1950-05-05 --sex M --weight 70 \
	--reason "test fixture ODM888" >/dev/null || notok "second patient"

# --- the whole clinic, identified ---
run hd export odm --out "$T/o.xml" --json
expect_rc "export odm --out" 0
expect_eq "--out is 0600" "$(stat -c %a "$T/o.xml")" 600
xmllint --noout "$T/o.xml" 2>"$T/lint" && ok "well-formed XML" || notok "not well-formed: $(cat "$T/lint")"
nons "$T/o.xml"
odm_valid "the whole clinic" "$T/o.xml"
odm_typed_values "the whole clinic" "$T/o.xml.nons"
# The validator can fail: the same document without an ItemDef's required
# OID (xmllint exits 3 for a document the schema rejects, 5 for a schema it
# cannot read).
sed '0,/<ItemDef OID="[^"]*"/s//<ItemDef/' "$T/o.xml" >"$T/bad.xml"
xmllint --nonet --noout --schema "$ODM_XSD" "$T/bad.xml" >"$T/bad.out" 2>&1
expect_eq "an ItemDef without its OID: the schema rejects it" "$?" 3
expect_in "and names the attribute" "ItemDef': The attribute 'OID' is required but missing" "$(cat "$T/bad.out")"
expect_eq "ODM 1.3 namespace" "$(xmllint --xpath 'namespace-uri(/*)' "$T/o.xml")" "http://www.cdisc.org/ns/odm/v1.3"
expect_eq "root: ODM 1.3.2 snapshot" "$(xp "$T/o.xml" 'concat(/ODM/@ODMVersion, " ", /ODM/@FileType)')" "1.3.2 Snapshot"
expect_eq "created on the injected clock" "$(xp "$T/o.xml" 'string(/ODM/@CreationDateTime)')" "${D56}T10:00:00Z"
expect_eq "a FileOID from the clock" "$(xp "$T/o.xml" 'string(/ODM/@FileOID)')" "HD.EXPORT.$(echo "$D56" | tr -d -)T100000Z"
expect_eq "GlobalVariables: the protocol" "$(xp "$T/o.xml" 'string(//GlobalVariables/ProtocolName)')" \
	"UC-MSC decompensated cirrhosis (clinic default) 1.0"
NDATA=$(xp "$T/o.xml" 'count(//ItemData)')
expect_in "the summary counts the ItemData" "\"format\":\"odm\",\"rows\":$NDATA,\"deidentified\":false" "$OUT"
[ "$NDATA" -gt 40 ] && ok "ItemData written ($NDATA)" || notok "only $NDATA ItemData"

# Study events: the baseline, infusions, one per protocol week (1, 2, 4, 8,
# 12, 24, 36, 48, 72), contacts, unscheduled, the log.
expect_eq "StudyEventDefs in protocol order" \
	"$(xp "$T/o.xml" '//Protocol/StudyEventRef/@StudyEventOID' | tr -d ' ' | tr '\n' ' ')" \
	'StudyEventOID="SE.BASELINE" StudyEventOID="SE.INFUSION" StudyEventOID="SE.W1" StudyEventOID="SE.W2" StudyEventOID="SE.W4" StudyEventOID="SE.W8" StudyEventOID="SE.W12" StudyEventOID="SE.W24" StudyEventOID="SE.W36" StudyEventOID="SE.W48" StudyEventOID="SE.W72" StudyEventOID="SE.CONTACT" StudyEventOID="SE.UNSCHEDULED" StudyEventOID="SE.LOG" '
expect_eq "a FormDef per kind of record" "$(xp "$T/o.xml" 'count(//FormDef)')" 12
for f in LAB SCORE IMAGING EXAM HISTOLOGY VISIT INFUSION AE QOL MED CONTACT DEMOG; do
	expect_eq "FormDef F.$f" "$(xp "$T/o.xml" "count(//FormDef[@OID='F.$f'])")" 1
done

# --- every reference resolves ---
orphans() { expect_eq "$1" "$(xp "$T/o.xml" "count($2)")" 0; }
orphans "every StudyEventRef has a StudyEventDef" '//StudyEventRef[not(@StudyEventOID = //StudyEventDef/@OID)]'
orphans "every FormRef has a FormDef" '//FormRef[not(@FormOID = //FormDef/@OID)]'
orphans "every ItemGroupRef has an ItemGroupDef" '//ItemGroupRef[not(@ItemGroupOID = //ItemGroupDef/@OID)]'
orphans "every ItemRef has an ItemDef" '//ItemRef[not(@ItemOID = //ItemDef/@OID)]'
orphans "every MeasurementUnitRef has a MeasurementUnit" '//MeasurementUnitRef[not(@MeasurementUnitOID = //MeasurementUnit/@OID)]'
orphans "every CodeListRef has a CodeList" '//CodeListRef[not(@CodeListOID = //CodeList/@OID)]'
orphans "every StudyEventData has a StudyEventDef" '//StudyEventData[not(@StudyEventOID = //StudyEventDef/@OID)]'
orphans "every FormData has a FormDef" '//FormData[not(@FormOID = //FormDef/@OID)]'
orphans "every ItemGroupData has an ItemGroupDef" '//ItemGroupData[not(@ItemGroupOID = //ItemGroupDef/@OID)]'
orphans "every ItemData has an ItemDef" '//ItemData[not(@ItemOID = //ItemDef/@OID)]'
orphans "every ItemDef is used by a group" '//ItemDef[not(@OID = //ItemRef/@ItemOID)]'
orphans "every ItemDef has a DataType" '//ItemDef[not(@DataType)]'
orphans "OIDs are unique" '//ItemDef[@OID = preceding::ItemDef/@OID]'
for ev in $(xp "$T/o.xml" '//StudyEventDef/@OID' | sed 's/.*OID="\([^"]*\)"/\1/'); do
	orphans "$ev holds only its forms" "//StudyEventData[@StudyEventOID='$ev']/FormData[not(@FormOID = //StudyEventDef[@OID='$ev']/FormRef/@FormOID)]"
done
for g in $(xp "$T/o.xml" '//ItemGroupDef/@OID' | sed 's/.*OID="\([^"]*\)"/\1/'); do
	orphans "$g holds only its items" "//ItemGroupData[@ItemGroupOID='$g']/ItemData[not(@ItemOID = //ItemGroupDef[@OID='$g']/ItemRef/@ItemOID)]"
done
# Coded values are in their code lists.
for it in $(xp "$T/o.xml" '//ItemDef[CodeListRef]/@OID' | sed 's/.*OID="\([^"]*\)"/\1/'); do
	cl=$(xp "$T/o.xml" "string(//ItemDef[@OID='$it']/CodeListRef/@CodeListOID)")
	orphans "$it values are in $cl" "//ItemData[@ItemOID='$it'][not(@Value = //CodeList[@OID='$cl']/CodeListItem/@CodedValue)]"
done
expect_eq "a lab ItemDef: float, its unit, its LOINC" \
	"$(xp "$T/o.xml" "concat(//ItemDef[@OID='IT.LAB.ALBUMIN']/@DataType, ' ', //ItemDef[@OID='IT.LAB.ALBUMIN']/MeasurementUnitRef/@MeasurementUnitOID, ' ', //ItemDef[@OID='IT.LAB.ALBUMIN']/Alias[@Context='LOINC']/@Name)")" \
	"float MU.g_dL 1751-7"
expect_eq "the unit's symbol" "$(xp "$T/o.xml" "string(//MeasurementUnit[@OID='MU.g_dL']/Symbol/TranslatedText)")" "g/dL"
expect_eq "an ItemDef's question" "$(xp "$T/o.xml" "string(//ItemDef[@OID='IT.LAB.ALBUMIN']/Question/TranslatedText)")" "Albumin"
expect_eq "the AE relation code list from the model" \
	"$(xp "$T/o.xml" "count(//CodeList[@OID='CL.AE_RELATION']/CodeListItem)")" 5

# --- the fixed patient's values, exact ---
S="//SubjectData[@SubjectKey='ODM777']"
v() { xp "$T/o.xml" "string($S/StudyEventData[@StudyEventOID='$1']$2/@Value)"; }
expect_eq "two subjects, in MRN order" "$(xp "$T/o.xml" '//SubjectData/@SubjectKey' | tr -d ' \n')" 'SubjectKey="ODM777"SubjectKey="ODM888"'
expect_eq "sex" "$(v SE.BASELINE "/FormData[@FormOID='F.DEMOG']//ItemData[@ItemOID='IT.DEMOG.SEX']")" F
expect_eq "birth date" "$(v SE.BASELINE "/FormData[@FormOID='F.DEMOG']//ItemData[@ItemOID='IT.DEMOG.DOB']")" 1960-01-01
BL="/FormData[@FormOID='F.LAB'][.//ItemData[@ItemOID='IT.LAB.DATE']/@Value='$(ago 3)']//ItemData"
expect_eq "baseline lab date" "$(v SE.BASELINE "$BL[@ItemOID='IT.LAB.DATE']")" "$(ago 3)"
expect_eq "baseline albumin" "$(v SE.BASELINE "$BL[@ItemOID='IT.LAB.ALBUMIN']")" 2.9
expect_eq "baseline bilirubin" "$(v SE.BASELINE "$BL[@ItemOID='IT.LAB.BILIRUBIN']")" 2.3
expect_eq "baseline INR" "$(v SE.BASELINE "$BL[@ItemOID='IT.LAB.INR']")" 1.6
expect_eq "baseline platelets" "$(v SE.BASELINE "$BL[@ItemOID='IT.LAB.PLATELETS']")" 90
expect_eq "its unit on the value" "$(xp "$T/o.xml" "string($S/StudyEventData[@StudyEventOID='SE.BASELINE']$BL[@ItemOID='IT.LAB.ALBUMIN']/MeasurementUnitRef/@MeasurementUnitOID)")" MU.g_dL
expect_eq "baseline scores: a form of the lab day" "$(v SE.BASELINE "/FormData[@FormOID='F.SCORE']//ItemData[@ItemOID='IT.SCORE.DATE']")" "$(ago 3)"
expect_eq "imaging: no HCC" "$(v SE.BASELINE "/FormData[@FormOID='F.IMAGING']//ItemData[@ItemOID='IT.IMAGING.HCC']")" 0
I="[@StudyEventRepeatKey='1']/FormData[@FormOID='F.INFUSION']//ItemData"
expect_eq "infusion 1: date" "$(v SE.INFUSION "$I[@ItemOID='IT.INFUSION.DATE']")" "$TODAY"
expect_eq "infusion 1: given at" "$(v SE.INFUSION "$I[@ItemOID='IT.INFUSION.GIVEN_AT']")" "${TODAY}T09:00:00Z"
expect_eq "infusion 1: cells" "$(v SE.INFUSION "$I[@ItemOID='IT.INFUSION.CELLS']")" 30000000
expect_eq "infusion 1: route" "$(v SE.INFUSION "$I[@ItemOID='IT.INFUSION.ROUTE']")" iv
expect_eq "infusion 1: lot" "$(v SE.INFUSION "$I[@ItemOID='IT.INFUSION.LOT']")" UC-1
W="/FormData[@FormOID='F.VISIT']//ItemData"
expect_eq "W1 visit: filed under SE.W1" "$(v SE.W1 "$W[@ItemOID='IT.VISIT.LABEL']")" W1
expect_eq "W1 visit: date" "$(v SE.W1 "$W[@ItemOID='IT.VISIT.DATE']")" "$D7"
expect_eq "W1 visit: done" "$(v SE.W1 "$W[@ItemOID='IT.VISIT.STATE']")" done
expect_eq "W1 visit: stiffness" "$(v SE.W1 "$W[@ItemOID='IT.VISIT.STIFFNESS_KPA']")" 21.0
expect_eq "W1 visit: systolic pressure" "$(v SE.W1 "$W[@ItemOID='IT.VISIT.SBP']")" 120
expect_eq "W1 visit: the note (identified)" "$(v SE.W1 "$W[@ItemOID='IT.VISIT.NOTE']")" "private NOTE-XYZ"
expect_eq "W1 labs: filed under the visit" "$(v SE.W1 "/FormData[@FormOID='F.LAB']//ItemData[@ItemOID='IT.LAB.ALBUMIN']")" 3.3
Q="/FormData[@FormOID='F.QOL']"
expect_eq "questionnaire at W1: filed under the visit" "$(v SE.W1 "$Q//ItemData[@ItemOID='IT.QOL.INSTRUMENT']")" SYMPTOMS
expect_eq "questionnaire: its domain scores, a repeating group" \
	"$(xp "$T/o.xml" "count($S/StudyEventData[@StudyEventOID='SE.W1']$Q/ItemGroupData[@ItemGroupOID='IG.QOL_DOMAIN'][@ItemGroupRepeatKey='1']/ItemData[@ItemOID='IT.QOL.SCORE'])")" 1
expect_eq "W2 missed: filed under SE.W2" "$(v SE.W2 "$W[@ItemOID='IT.VISIT.STATE']")" missed
expect_eq "labs near no visit: unscheduled, numbered" \
	"$(v SE.UNSCHEDULED "[@StudyEventRepeatKey='1']/FormData[@FormOID='F.LAB']//ItemData[@ItemOID='IT.LAB.ALBUMIN']")" 3.6
C="[@StudyEventRepeatKey='1']/FormData[@FormOID='F.CONTACT']//ItemData"
expect_eq "contact 1: alive" "$(v SE.CONTACT "$C[@ItemOID='IT.CONTACT.VITAL']")" alive
expect_eq "contact 1: its date" "$(v SE.CONTACT "$C[@ItemOID='IT.CONTACT.DATE']")" "$D56"
expect_eq "contact 1: the note, escaped by libxml2 and read back whole" \
	"$(v SE.CONTACT "$C[@ItemOID='IT.CONTACT.NOTE']")" 'said "fine" <ok> & well'
expect_in "escaped in the file" 'Value="said &quot;fine&quot; &lt;ok&gt; &amp; well"' "$(cat "$T/o.xml")"
expect_eq "no W1 lab in the baseline" "$(xp "$T/o.xml" "count($S/StudyEventData[@StudyEventOID='SE.BASELINE']/FormData[@FormOID='F.LAB'])")" 1
A="/FormData[@FormOID='F.AE']//ItemData"
expect_eq "AE: term" "$(v SE.LOG "$A[@ItemOID='IT.AE.TERM']")" Fever
expect_eq "AE: grade from 38.6 °C" "$(v SE.LOG "$A[@ItemOID='IT.AE.GRADE']")" 1
expect_eq "AE: relation" "$(v SE.LOG "$A[@ItemOID='IT.AE.RELATION']")" probable
expect_eq "AE: related" "$(v SE.LOG "$A[@ItemOID='IT.AE.RELATED']")" 1
expect_eq "AE: not serious" "$(v SE.LOG "$A[@ItemOID='IT.AE.SERIOUS']")" 0
expect_eq "AE: onset" "$(v SE.LOG "$A[@ItemOID='IT.AE.ONSET']")" "$TODAY"
M="/FormData[@FormOID='F.MED']//ItemData"
expect_eq "medication: dose" "$(v SE.LOG "$M[@ItemOID='IT.MED.DOSE']")" 40.00
expect_eq "medication: dose unit" "$(v SE.LOG "$M[@ItemOID='IT.MED.DOSE_UNIT']")" mg
expect_eq "medication: start" "$(v SE.LOG "$M[@ItemOID='IT.MED.START']")" "$(ago 10)"
expect_eq "the registered-only patient: a baseline only" \
	"$(xp "$T/o.xml" "count(//SubjectData[@SubjectKey='ODM888']/StudyEventData)")" 1

# --- the audit row, with its scope ---
expect_eq "the export is audited with its scope" \
	"$(asql "select action || '|' || after from audit where action = 'export' order by seq desc limit 1")" \
	'export|{"format":"odm","patient":"all","from":null,"to":null,"deidentified":false,"rows":'"$NDATA"',"complete":true}'

# --- one patient, a date range ---
run hd export odm --patient ODM777 --from "$(later 1)" --to "$D7" --out "$T/r.xml"
expect_rc "--patient --from --to" 0
expect_in "text summary" "exported" "$OUT"
nons "$T/r.xml"
odm_valid "one patient, --from --to" "$T/r.xml"
odm_typed_values "one patient, --from --to" "$T/r.xml.nons"
expect_eq "one subject" "$(xp "$T/r.xml" 'count(//SubjectData)')" 1
expect_eq "the baseline labs are out of the range" "$(xp "$T/r.xml" "count(//ItemData[@ItemOID='IT.LAB.DATE'][@Value='$(ago 3)'])")" 0
expect_eq "the W1 labs are in it" "$(xp "$T/r.xml" "count(//ItemData[@ItemOID='IT.LAB.DATE'][@Value='$D7'])")" 1
expect_eq "audited with the patient and the range" \
	"$(asql "select after from audit where action = 'export' order by seq desc limit 1")" \
	'{"format":"odm","patient":"ODM777","from":"'"$(later 1)"'","to":"'"$D7"'","deidentified":false,"rows":'"$(xp "$T/r.xml" 'count(//ItemData)')"',"complete":true}'

# --- de-identified ---
run hd export odm --deidentify --out "$T/d.xml"
expect_rc "--deidentify" 0
xmllint --noout "$T/d.xml" 2>/dev/null && ok "de-identified: well-formed" || notok "de-identified: not well-formed"
nons "$T/d.xml"
odm_valid "de-identified" "$T/d.xml"
odm_typed_values "de-identified" "$T/d.xml.nons"
D=$(cat "$T/d.xml")
for secret in ODMTEST Olga ODM777 ODM888 SECOND 1960-01-01 1950-05-05 NOTE-XYZ SECRET-INDICATION UC-1 fine; do
	expect_not_in "de-identified: no $secret" "$secret" "$D"
done
expect_in "the file says it is de-identified" 'Description="hepadesk export, de-identified' "$D"
P1=$(xp "$T/d.xml" 'string(//SubjectData[1]/@SubjectKey)')
[ -n "$P1" ] && ok "a pseudonymous SubjectKey ($P1)" || notok "no SubjectKey"
DI=$(xp "$T/d.xml" "string(//SubjectData[@SubjectKey='$P1']/StudyEventData[@StudyEventOID='SE.INFUSION']//ItemData[@ItemOID='IT.INFUSION.DATE']/@Value)")
DV=$(xp "$T/d.xml" "string(//SubjectData[@SubjectKey='$P1']/StudyEventData[@StudyEventOID='SE.W1']//ItemData[@ItemOID='IT.VISIT.DATE']/@Value)")
[ "$DI" != "$TODAY" ] && ok "dates shifted ($DI)" || notok "infusion date not shifted: $DI"
expect_eq "the shift keeps intervals: W1 7 days after the infusion" \
	"$(( ($(date -u -d "$DV" +%s) - $(date -u -d "$DI" +%s)) / 86400 ))" 7
expect_eq "the same values, de-identified" \
	"$(xp "$T/d.xml" "string(//SubjectData[@SubjectKey='$P1']/StudyEventData[@StudyEventOID='SE.W1']//ItemData[@ItemOID='IT.VISIT.STIFFNESS_KPA']/@Value)")" 21.0
run hd export odm --deidentify --patient ODM777
expect_in "the pseudonym is stable across exports" "SubjectKey=\"$P1\"" "$OUT"
expect_in "without --out: the XML on standard output" '<?xml version="1.0" encoding="UTF-8"?>' "$OUT"
printf '%s\n' "$OUT" >"$T/stdout.xml"
odm_valid "de-identified, one patient, on standard output" "$T/stdout.xml"
expect_eq "audited as de-identified" \
	"$(asql "select json_extract(after, '\$.deidentified') || json_extract(after, '\$.patient') from audit where action = 'export' order by seq desc limit 1")" \
	"1ODM777"

# --- refusals: exit 2, nothing written ---
N0=$(asql "select count(*) from audit where action = 'export'")
run hd export odm --from 2026-13-01 --out "$T/x.xml"
expect_rc "a bad date: refused" 2
expect_in "names the field and value" "from: '2026-13-01' is not a date (YYYY-MM-DD)" "$ERR"
run hd export odm --from "$D7" --to "$TODAY" --out "$T/x.xml"
expect_rc "from after to: refused" 2
expect_in "names both" "from: $D7 is after to: $TODAY; accepted from <= to" "$ERR"
run hd export odm --wide --out "$T/x.xml"
expect_rc "--wide is csv's: refused" 2
run hd export odm --out ""
expect_rc "an empty --out: refused" 2
run hd export odm --patient NOPE99 --out "$T/x.xml"
expect_rc "an unknown MRN: refused (the project's not-found exit)" 2
expect_in "names the MRN" "no patient with MRN NOPE99" "$ERR"
ln -s "$T/o.xml" "$T/link.xml"
run hd export odm --out "$T/link.xml"
expect_rc "a symbolic link as --out: refused" 2
[ ! -e "$T/x.xml" ] && ok "nothing written by a refusal" || notok "a refusal wrote $T/x.xml"
expect_eq "no partial file left beside it" "$(ls "$T" | grep -c 'x.xml\.')" 0
expect_eq "refusals are not exports" "$(asql "select count(*) from audit where action = 'export'")" "$N0"

finish
