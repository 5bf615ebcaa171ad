# Each kind of invalid input is refused with a message naming the field, the
# value and the accepted range, and leaves the database unchanged.
. "$(dirname "$0")/lib.sh"

hd patient add --mrn P1 --name "DOE, Jane" --dob 1970-01-01 --sex F --weight 60 >/dev/null
snapshot() { sql "select (select count(*) from patients), (select count(*) from labs), (select count(*) from imaging), (select count(*) from audit)"; }
BEFORE=$(snapshot)

# refused NAME EXIT NEEDLE CMD...
refused() {
	name=$1 want=$2 needle=$3; shift 3
	run "$@"
	expect_rc "$name: exit $want" "$want"
	expect_in "$name: message" "$needle" "$ERR"
	expect_eq "$name: database unchanged" "$(snapshot)" "$BEFORE"
}

refused "text in a number field" 2 "bilirubin: 'abc' is not a number" hd lab add P1 --date 2024-01-02 --bilirubin abc
refused "NaN" 2 "not a number" hd lab add P1 --date 2024-01-02 --inr nan
refused "inf" 2 "not a number" hd lab add P1 --date 2024-01-02 --inr inf
refused "negative" 2 "-1" hd lab add P1 --date 2024-01-02 --alt -1
refused "beyond the hard limit" 2 "0.5-20" hd lab add P1 --date 2024-01-02 --inr 25
refused "unit mix-up: bilirubin 85 mg/dL" 2 "looks like µmol/L" hd lab add P1 --date 2024-01-02 --bilirubin 85
refused "unit mix-up: albumin 35 g/dL" 2 "looks like g/L" hd lab add P1 --date 2024-01-02 --albumin 35
refused "warning limit needs --confirm" 2 "--confirm" hd lab add P1 --date 2024-01-02 --inr 7.5
refused "one bad value stores none of the panel" 2 "sodium" hd lab add P1 --date 2024-01-02 --bilirubin 2 --sodium 300
refused "malformed date" 2 "is not a date" hd lab add P1 --date 2024-13-40 --inr 1.2
FUTURE=$(later 3)
refused "future date" 2 "in the future" hd lab add P1 --date "$FUTURE" --inr 1.2
refused "unknown MRN" 2 "no patient with MRN" hd lab add NOPE --date 2024-01-02 --inr 1.2
refused "duplicate MRN" 2 "already registered" hd patient add --mrn P1 --name "DOE, John" --dob 1970-01-01 --sex M
refused "over-long MRN" 2 "MRN" hd patient add --mrn ABCDEFGHIJKLMNOPQRSTUVWXYZ --name "DOE, J" --dob 1970-01-01 --sex M
LONG=$(printf 'A%.0s' $(seq 1 130))
refused "over-long name" 2 "name: must be 1-120" hd patient add --mrn P2 --name "$LONG, X" --dob 1970-01-01 --sex M
ESC=$(printf '\033')
refused "control characters in a name" 2 "control" hd patient add --mrn P3 --name "EVIL${ESC}[2J, X" --dob 1970-01-01 --sex M
expect_not_in "the refusal message holds no ESC byte" "$ESC" "$ERR"
refused "control characters in a note" 2 "note" hd imaging add P1 --date 2024-01-02 --modality ct --note "x${ESC}]0;pwned"
refused "weight beyond limits" 2 "20-250 kg" hd patient add --mrn P4 --name "DOE, J" --dob 1970-01-01 --sex M --weight 400
refused "bad sex" 2 "accepted F or M" hd patient add --mrn P5 --name "DOE, J" --dob 1970-01-01 --sex X
refused "unknown etiology" 2 "etiology" hd patient add --mrn P6 --name "DOE, J" --dob 1970-01-01 --sex M --etiology Z99
refused "stiffness beyond device range" 2 "1.5-75 kPa" hd imaging add P1 --date 2024-01-02 --modality elastography --stiffness 90
refused "unknown option" 2 "unknown option --bogus" hd lab add P1 --date 2024-01-02 --bogus 1
refused "unknown unit system" 2 "--units" hd lab add P1 --date 2024-01-02 --units metric --inr 1

run hd lab add P1 --date 2024-01-02 --inr 7.5 --confirm
expect_rc "a confirmed warning value is stored" 0
expect_eq "confirmed value carries its confirmation" "$(sql "select canonical, confirmed, flag from labs")" "7.5|1|HH"
run hd lab add P1 --date 2024-01-03 --units si --bilirubin 34.2 --creatinine 88.4 --albumin 35
expect_rc "SI units are accepted" 0
expect_eq "SI values keep the unit entered and the canonical value" "$(sql "select analyte, value, unit, round(canonical, 3) from labs where date='2024-01-03' order by analyte")" "albumin|35.0|g/L|3.5
bilirubin|34.2|µmol/L|2.0
creatinine|88.4|µmol/L|1.0"
finish
