#!/bin/sh
# Lookup beyond VistA's (issue 14, items 3, 4 and 9) on the command line:
# every kind the one prompt takes, no match as exit 1, columns aligned by
# display width, and no duplicate patient by accident.
. "$(dirname "$0")/lib.sh"

hd patient add --mrn 1001234 --name "O'BRIEN, Seán" --dob 1956-03-14 --sex M >/dev/null
hd patient add --mrn 2005678 --name "王, 小明" --dob 1960-01-02 --sex M >/dev/null
hd patient add --mrn 3009876 --name "SMITH-JONES, Anna" --dob 1971-07-30 --sex F >/dev/null
hd patient add --mrn 4001111 --name "Nguyễn, Văn" --dob 1980-05-05 --sex M >/dev/null

# find QUERY -> the MRNs found, one line
mrns() { hd find "$1" 2>/dev/null | cut -c1-12 | tr -d ' ' | tr '\n' ' ' | sed 's/ $//'; }
expect_eq "last 4 digits of the MRN" "$(mrns 1234)" "1001234"
expect_eq "initial + last 4, as in VistA" "$(mrns O1234)" "1001234"
expect_eq "another initial does not match" "$(mrns B1234)" ""
expect_eq "no punctuation: obrien finds O'BRIEN" "$(mrns obrien)" "1001234"
expect_eq "a hyphen as a blank: smith jones" "$(mrns 'smith jones')" "3009876"
expect_eq "a first name" "$(mrns anna)" "3009876"
expect_eq "a first name without accents" "$(mrns van)" "4001111"
expect_eq "LAST, FIRST partials" "$(mrns 'obrien, se')" "1001234"
expect_eq "date of birth, ISO" "$(mrns 1971-07-30)" "3009876"
expect_eq "date of birth, month" "$(mrns 1971-07)" "3009876"
expect_eq "date of birth, the clinic's form (DD/MM/YYYY by default)" "$(mrns 30/07/1971)" "3009876"
expect_eq "MRN prefix still" "$(mrns 200)" "2005678"
cat >"$T/us.ini" <<'INI'
[lookup]
date_form = MM/DD/YYYY
INI
run "$HEPADESK" --config "$T/us.ini" --db "$DB" find 07/30/1971
expect_in "the local date form is a setting" "3009876" "$OUT"
cat >"$T/bad.ini" <<'INI'
[lookup]
date_form = DD/MM/YY
INI
run "$HEPADESK" --config "$T/bad.ini" --db "$DB" find 1234
expect_rc "a date form that is not one is refused" 2
expect_in "naming the key and what is accepted" "lookup:date_form = 'DD/MM/YY' is not a date form; accepted DD, MM and YYYY" "$ERR"

run hd find nobody
expect_rc "no match: exit 1" 1
expect_eq "no match: nothing on stdout" "$OUT" ""
expect_eq "no match: a word on stderr" "$ERR" "hepadesk find: no patient matches 'nobody'"

# Columns by display width: the born date starts at the same column on each
# line, for accented, CJK and combining names alike.
hd patient add --mrn 5000001 --name "$(printf 'Se\314\201ne, Ana')" --dob 1990-01-01 --sex F >/dev/null
cols=$(for m in 1001234 2005678 3009876 4001111 5000001; do
	l=$(hd find "$m"); pre=${l%% 19[0-9][0-9]-*}; printf '%s' "$pre" | wc -L; done | sort -u | tr '\n' ' ')
expect_eq "one date column for accented, CJK and combining names (wc -L)" "$cols" "53 "

# No duplicate patients by accident: same birth date, similar name.
run hd patient add --mrn 6001234 --name "OBrien, Sean" --dob 1956-03-14 --sex M
expect_rc "a possible duplicate needs a reason: exit 2" 2
expect_in "it names the patient already registered" "possibly registered already: 1001234 O'BRIEN, Seán (born 1956-03-14, M)" "$ERR"
expect_in "and says how to go on" "--reason TEXT" "$ERR"
expect_eq "nothing was registered" "$(sql "select count(*) from patients where mrn = '6001234'")" 0
run hd patient add --mrn 6001234 --name "OBrien, Sean" --dob 1956-03-14 --sex M --reason "$(printf 'a\033[2Jb')"
expect_rc "a reason with control characters is refused" 2
run hd patient add --mrn 6001234 --name "OBrien, Sean" --dob 1956-03-14 --sex M --reason "another man: ID card checked"
expect_rc "with a reason it is registered" 0
expect_eq "the reason and the other patient are in the creation's audit row" \
	"$(sql "select count(*) from audit where action = 'create' and tbl = 'patients' and after like '%\"similar_to\":\"1001234\",\"similar_reason\":\"another man: ID card checked\"%'")" 1
run hd patient add --mrn 6005555 --name "O'Brien, Mary" --dob 1956-03-14 --sex F
expect_rc "a twin (another given name) needs no reason" 0
run hd patient add --mrn 1001234 --name "O'BRIEN, Seán" --dob 1956-03-14 --sex M --reason x
expect_rc "the same MRN is still refused" 2
expect_in "as already registered" "MRN: 1001234 is already registered" "$ERR"
finish
