#!/bin/sh
# Labs step: a value beyond the hard limit is refused (message, nothing
# stored); a value beyond the warning limit asks y/n and, confirmed, is stored.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn L-7 --name "OKAFOR, Chidi" --dob 1965-04-04 --sex M >/dev/null || fail "setup"
start
open_patient L-7 "MRN L-7"
keys e
wait_for "[Labs]"
keys Tab
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
json=$(hd show L-7 --json)
printf '%s' "$json" | grep -qF '"inr":{"value":"7.20"' || fail "INR 7.2 not stored: $json"
printf '%s' "$json" | grep -qF '"bilirubin"' && fail "bilirubin stored: $json"
pass
