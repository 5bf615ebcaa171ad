#!/bin/sh
# Labs step: a value beyond the hard limit is refused (message, nothing
# stored); a value beyond the warning limit asks y/n and, confirmed, is stored.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn L-7 --name "OKAFOR, Chidi" --dob 1965-04-04 --sex M >/dev/null || fail "setup"
start
open_patient L-7 "MRN L-7"
keys e
wait_for "[Labs]"
wait_for "> Total bilirubin" # every lab grid starts on its first analyte
type_text 99; keys Tab
wait_for "refused: bilirubin 99 mg/dL is outside"
keys F2
wait_for "not saved: Total bilirubin is refused"
n=$(sqlite3 "$DB" "select count(*) from labs") || fail "cannot read the database"
[ "$n" = 0 ] || fail "$n lab rows stored after a refusal"
keys C-u Tab
type_text 7.2; keys Tab
wait_for "Please confirm"
shows "inr 7.2 is above 6"
keys y
wait_gone "Please confirm"
keys F2
wait_for "stored 1 lab result"
wait_for "[Imaging]"
# (sqlite3 reads; `hepadesk show` would log a view, a write: see concurrent.sh)
rows=$(sqlite3 "$DB" "select analyte, value, confirmed from labs") || fail "cannot read the database"
[ "$rows" = "inr|7.2|1" ] || fail "stored rows: $rows"
# Units per row: creatinine in SI (µmol/L); a value in the wrong unit is caught.
keys F7
wait_for "[Labs (saved)]"
keys Tab Tab Tab Tab
type_text 88; keys Tab
wait_for "looks like µmol/L"
keys Up u
wait_for "Creatinine now in µmol/L"
keys F2
wait_for "stored 1 lab result"
row=$(sqlite3 "$DB" "select value, unit, round(canonical, 2) from labs where analyte = 'creatinine'")
[ "$row" = "88.0|µmol/L|1.0" ] || fail "creatinine row: $row"
pass
