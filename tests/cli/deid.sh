# Command-line tests of `export --deidentify` (issue 16, part 2): for a
# patient with distinctive values, no name, MRN, birth date, note, cause of
# death text, indication or pathologist survives in the CSV or FHIR output;
# the pseudonym is stable across two exports; every date of the patient is
# shifted by one offset (never 0); an age over 89 is given as 90+ with the
# birth date withheld; the access row says de-identified.
. "$(dirname "$0")/lib.sh"
fixture_lot UC-77 || notok "product lot fixture"

fixture_planned QX9931 "ZEBRAFINCH, Quillon" || notok "planned patient"
hd patient update QX9931 --dob 1958-07-13 >/dev/null || notok "birth date"
hd infusion add QX9931 --at "$TODAY 09:00" --route iv --cells 3e7 --lot UC-77 \
	--label "Infusion 1" >/dev/null || notok "infusion"
hd visit add QX9931 --unscheduled --temperature 36.9 \
	--note "Lives at 12 Harbour Lane, phone 555-0199" >/dev/null || notok "visit with a note"
hd histology add QX9931 --date "$(ago 20)" --site "right lobe" --pathologist "Dr Xavierhollow" \
	--metavir F3 --note "Slide QX-biopsy-4471" >/dev/null || notok "histology"
hd med add QX9931 --name furosemide --dose 40 --unit mg --start "$(ago 40)" \
	--indication "ascites, per Dr Umbridgeworth" >/dev/null || notok "medication"
hd patient add --mrn OLD90 --name "ANCIENT, Methuselah" --dob 1930-01-15 --sex M --weight 60 \
	>/dev/null || notok "a patient of 96"
hd lab add OLD90 --date "$(ago 5)" --albumin 3.5 >/dev/null || notok "labs of OLD90"

secrets="ZEBRAFINCH Quillon QX9931 1958-07-13 Harbour 555-0199 Xavierhollow QX-biopsy-4471
Umbridgeworth UC-77 ANCIENT Methuselah OLD90 1930-01-15"
no_secret() { # NAME TEXT
	leaked=""
	for s in $secrets; do
		case "$2" in *"$s"*) leaked="$leaked $s" ;; esac
	done
	if [ -z "$leaked" ]; then ok "$1"; else notok "$1: leaked$leaked"; fi
}

# The identified export does carry them (so the test can fail).
run hd export csv --patient QX9931
expect_in "identified: the MRN is there" "QX9931," "$OUT"
run hd export fhir --patient QX9931
expect_in "identified FHIR: the name is there" "ZEBRAFINCH, Quillon" "$OUT"

run hd export csv --deidentify
expect_rc "de-identified CSV" 0
no_secret "CSV: no identifier survives" "$OUT"
CSV1="$OUT"
run hd export csv --wide --deidentify
no_secret "wide CSV: no identifier survives" "$OUT"
run hd export fhir --deidentify
expect_rc "de-identified FHIR NDJSON" 0
no_secret "FHIR NDJSON: no identifier survives" "$OUT"
expect_not_in "no Patient.name" '"name":[' "$OUT"
expect_not_in "no identifier" '"identifier"' "$OUT"
run hd export fhir --deidentify --patient QX9931
no_secret "FHIR Bundle: no identifier survives" "$OUT"
expect_in "the lot is a keyed token" '"lotNumber":"LOT-' "$OUT"

# --- the pseudonym: stable across exports, one per patient ---
PIDS=$(printf '%s\n' "$CSV1" | tail -n +2 | cut -d, -f1 | sort -u | tr '\n' ' ')
run hd export csv --deidentify
expect_eq "the same pseudonyms in a second export" \
	"$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f1 | sort -u | tr '\n' ' ')" "$PIDS"
expect_eq "two patients, two pseudonyms" "$(printf '%s\n' $PIDS | wc -l)" 2
for p in $PIDS; do
	case "$p" in P[0-9a-f]*) [ ${#p} -eq 17 ] && ok "pseudonym $p: P and 16 hex digits" ||
		notok "pseudonym $p length" ;;
	*) notok "pseudonym $p" ;; esac
done

# --- one date offset per patient, never 0 ---
# Pair each identified lab row with its de-identified twin (same measure and
# value, rows in the same order) and take the day difference.
real=$(hd export csv --patient QX9931 | tr -d '\r' | awk -F, '$3=="lab"{print $2}')
shifted=$(hd export csv --patient QX9931 --deidentify | tr -d '\r' | awk -F, '$3=="lab"{print $2}')
printf '%s\n' "$real" >"$T/real"
printf '%s\n' "$shifted" >"$T/shifted"
offsets=$(paste -d' ' "$T/real" "$T/shifted" |
	while read -r a b; do
		echo $((($(date -u -d "$b" +%s) - $(date -u -d "$a" +%s)) / 86400))
	done | sort -u)
[ -n "$real" ] || notok "the patient has lab rows"
expect_eq "one offset for every lab date of the patient" "$(printf '%s\n' "$offsets" | wc -l)" 1
if [ "$offsets" -ne 0 ] && [ "$offsets" -ge -180 ] && [ "$offsets" -le 180 ]; then
	ok "offset $offsets days: within -180..180 and not 0"
else
	notok "offset $offsets"
fi
# The infusion and the visit move by the same offset.
inf_real=$(hd export csv --patient QX9931 | tr -d '\r' | awk -F, '$3=="infusion"{print $2; exit}')
inf_shift=$(hd export csv --patient QX9931 --deidentify | tr -d '\r' | awk -F, '$3=="infusion"{print $2; exit}')
expect_eq "the infusion shifted alike" \
	"$((($(date -u -d "$inf_shift" +%s) - $(date -u -d "$inf_real" +%s)) / 86400))" "$offsets"

# --- ages over 89: 90+, birth date withheld ---
run hd export fhir --deidentify --patient OLD90
expect_not_in "no birth date for 90+" '"birthDate"' "$OUT"
run hd export csv --wide --deidentify
expect_not_in "no age over 89 in the wide CSV" ",96," "$OUT"
hd visit add OLD90 --unscheduled --temperature 36.5 >/dev/null || notok "visit of OLD90"
run hd export csv --wide --deidentify
expect_in "age grouped as 90+" ",M,90+," "$OUT"
run hd export fhir --deidentify --patient QX9931
expect_in "a younger patient keeps a (shifted) birth date" '"birthDate":"19' "$OUT"
expect_not_in "not the real one" '"birthDate":"1958-07-13"' "$OUT"

# --- audited as de-identified ---
expect_in "the access row says de-identified" '"deidentified":true' \
	"$(asql "select after from audit where action = 'export' order by seq desc limit 1")"
finish
