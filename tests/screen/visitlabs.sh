#!/bin/sh
# The labs of a follow-up visit survive a hang-up: typed after the visit is
# saved, kept as a draft naming the visit, offered at the next start,
# resumed and stored with that visit.
. "$(dirname "$0")/lib.sh"
ago() { date -u -d "-$1 days" +%F; }
TODAY=$(date -u +%F)
sql() { sqlite3 -batch -noheader "$DB" "$1"; }

hd patient add --mrn VL-1 --name "VISIT, Labs" --dob 1960-01-01 --sex F --weight 60 >/dev/null || fail "setup"
hd lab add VL-1 --date "$(ago 3)" --bilirubin 2.3 --inr 1.6 --creatinine 1.1 --sodium 134 \
	--albumin 2.9 --alt 40 --ast 60 --platelets 90 --afp 5 >/dev/null || fail "labs"
hd imaging add VL-1 --date "$(ago 20)" --modality mri --hcc no --ascites no >/dev/null || fail "mri"
hd imaging add VL-1 --date "$(ago 20)" --modality doppler --thrombosis no >/dev/null || fail "doppler"
for q in malignancy infection gi_bleed pregnancy hiv transplant immunosuppressants \
	organ_disease allergy encephalopathy; do
	hd checklist answer VL-1 "$q" no >/dev/null || fail "checklist $q"
done
hd checklist answer VL-1 consent yes --value "$(ago 1)" >/dev/null || fail "consent"
hd checklist sign VL-1 >/dev/null || fail "sign"
hd plan add VL-1 --route iv --first-date "$TODAY" >/dev/null || fail "plan"
hd plan reschedule VL-1 W1 --date "$TODAY" --reason "seen early" >/dev/null || fail "reschedule"

start
open_patient VL-1 "MRN VL-1"
keys v
wait_for "Follow-up visit"
shows "W1 due $TODAY (due)"
keys F2
wait_for "Labs of the W1 visit on $TODAY"
type_text 2.1
keys Tab
wait_for "2.1"
sleep 0.3
kill -HUP "$(hd_pid)" || fail "cannot signal hepadesk"
wait_for "hepadesk-exited=129"
[ "$(sql "select count(*) from drafts where form = 'visit.labs'")" = 1 ] || fail "the visit labs were not kept"
[ "$(sql "select count(*) from labs where visit_id is not null")" = 0 ] || fail "labs stored before saving"

stop
start
wait_for "Unsaved input from an earlier session"
shows "Visit labs of VISIT, Labs"
keys Enter
wait_for "Labs of the W1 visit on $TODAY"
shows "2.1"
keys F2
wait_for "stored 1 lab result"
row=$(sql "select l.analyte, l.canonical, v.id is not null from labs l join visits v on v.id = l.visit_id")
[ "$row" = "bilirubin|2.1|1" ] || fail "resumed visit lab row: $row"
[ "$(sql "select count(*) from drafts")" = 0 ] || fail "the draft was kept after the labs were stored"
pass
