# Command-line tests: every limit of issue 15's record kinds, from their
# tables (histology.h HISTO_MEASURE_INFO, med.h MED_UNIT_INFO, product.h
# PRODUCT_LIMIT_INFO, longterm.h LT_LIMIT_INFO, the instrument's scale), is
# refused just outside each side with the field, the value, the accepted
# range and the unit (exit 2), and nothing is written; the edge itself is
# accepted. A value too large for %g once read "1e+06 IU is outside
# 0-1e+06 IU": the value and the limit are written in full.
. "$(dirname "$0")/lib.sh"

hd patient add --mrn LM-1 --name "LIMIT, Lina" --dob 1960-01-01 --sex F --weight 60 >/dev/null ||
	notok "patient"
# refused NAME WANT-MESSAGE TABLE CMD...: exit 2, the message, no row added.
refused() {
	local name=$1 want=$2 table=$3
	shift 3
	local before
	before=$(sql "select count(*) from $table")
	run hd "$@"
	expect_rc "$name: refused" 2
	expect_in "$name: field, value, range and unit" "$want" "$ERR"
	expect_eq "$name: nothing written" "$(sql "select count(*) from $table")" "$before"
}
bx() { refused "$1" "$2" histology histology add LM-1 --date 2026-03-01 --site s --pathologist p $3; }

# --- histology: HISTO_MEASURE_INFO ---
bx "METAVIR above" "METAVIR fibrosis: F5 is outside F0-F4" "--metavir F5"
bx "METAVIR below" "METAVIR fibrosis: F-1 is outside F0-F4" "--metavir -1"
bx "Ishak above" "Ishak fibrosis: 7 is outside 0-6" "--ishak 7"
bx "Ishak below" "Ishak fibrosis: -1 is outside 0-6" "--ishak -1"
bx "grade above" "Necro-inflammatory grade: A4 is outside A0-A3" "--grade A4"
bx "CPA above" "Collagen proportionate area: 100.1 % is outside 0-100 %" "--cpa 100.1"
bx "CPA below" "Collagen proportionate area: -1 % is outside 0-100 %" "--cpa -1"
bx "Ki-67 above" "Ki-67: 101 % is outside 0-100 %" "--ki67 101"
bx "Ki-67 below" "Ki-67: -0.5 % is outside 0-100 %" "--ki67 -0.5"
bx "CK-19 above" "CK-19: 100.5 % is outside 0-100 %" "--ck19 100.5"
bx "CK-19 not a number" "CK-19: 'x' is not a number; accepted 0-100 %" "--ck19 x"
run hd histology add LM-1 --date 2026-03-01 --site s --pathologist p --metavir F4 --ishak 6 --grade A3 --cpa 100 --ki67 0 --ck19 100 --confirm
expect_rc "histology: the edges are accepted" 0

# --- medications: MED_UNIT_INFO, each unit's maximum and above 0 ---
for row in "mg 20000 20001" "g 200 200.5" "µg 100000 100001" "mL 5000 5001" "IU 1000000 1000001" \
	"mmol 1000 1001" "tablet 20 21"; do
	set -- $row
	refused "dose in $1" "dose: $3 $1 is outside 0-$2 $1 (above 0)" medications \
		med add LM-1 --name "X-$1" --start 2026-03-01 --dose "$3" --unit "$1"
	run hd med add LM-1 --name "X-$1" --start 2026-03-01 --dose "$2" --unit "$1" --confirm
	expect_rc "dose in $1: $2 accepted" 0
done
refused "dose zero" "dose: 0 mg is outside 0-20000 mg (above 0)" medications \
	med add LM-1 --name Y --start 2026-03-01 --dose 0 --unit mg

# --- product lots: PRODUCT_LIMIT_INFO ---
px() { refused "$1" "$2" product_lots product add --lot "L-$1" --donor D --expiry 2027-01-01 --received "2026-03-01 08:00" $3; }
px "passage above" "passage: '11' is outside 0-10 (a whole number)" "--type uc-msc --per-vial 5e7 --passage 11"
px "passage below" "passage: '-1' is outside 0-10 (a whole number)" "--type uc-msc --per-vial 5e7 --passage -1"
px "cells below" "cells per vial: 900000 cells is outside 1e6-1e10 cells" "--type uc-msc --passage 3 --per-vial 9e5"
px "cells above" "cells per vial: 2e10 cells is outside 1e6-1e10 cells" "--type uc-msc --passage 3 --per-vial 2e10"
px "particles below" "particles per vial: 1e7 particles is outside 1e8-1e15 particles" "--type exosome --per-vial 1e7"
px "particles above" "particles per vial: 2e15 particles is outside 1e8-1e15 particles" "--type exosome --per-vial 2e15"
px "protein below" "protein per vial: 0.5 µg protein is outside 1-100000 µg protein" "--type secretome --per-vial 0.5"
px "protein above" "protein per vial: 100001 µg protein is outside 1-100000 µg protein" "--type secretome --per-vial 100001"
px "viability above" "viability: 101 % is outside 0-100 %" "--type uc-msc --passage 3 --per-vial 5e7 --viability 101"
px "viability below" "viability: -1 % is outside 0-100 %" "--type uc-msc --passage 3 --per-vial 5e7 --viability -1"

# --- survival contacts: LT_LIMIT_INFO ---
refused "admissions above" "admissions: '31' is out of range; accepted 0-30 admissions" contacts \
	contact add LM-1 --vital alive --admissions 31
refused "admissions below" "admissions: '-1' is out of range; accepted 0-30 admissions" contacts \
	contact add LM-1 --vital alive --admissions -1
run hd contact add LM-1 --vital alive --admissions 30
expect_rc "admissions: 30 accepted" 0
refused "admissions on correction" "admissions: '31' is out of range; accepted 0-30 admissions" contacts \
	contact correct LM-1 1 --admissions 31 --reason "x"
expect_eq "correction not written" "$(sql "select admissions, version from contacts")" "30|1"

# --- questionnaires: the instrument's scale ---
hd instrument install symptoms >/dev/null || notok "instrument"
refused "answer above the scale" "answers: item 1: '11' is not accepted; 0-10 (none to worst imaginable)" \
	qol_responses qol LM-1 SYMPTOMS --answers 11,1,1,1,1,1,1
refused "answer below the scale" "answers: item 3: '-1' is not accepted; 0-10" \
	qol_responses qol LM-1 SYMPTOMS --answers 1,1,-1,1,1,1,1
refused "too few answers" "answers: 2 given, SYMPTOMS has 7 items" qol_responses qol LM-1 SYMPTOMS --answers 1,1
finish
