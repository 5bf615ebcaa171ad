#!/bin/sh
# Issue 15's combined journey, on the screens and the test clock (moving
# forward only): a patient made READY and planned by commands, then
# everything else typed on the screens — the product lot (P), a baseline
# biopsy (b), the clinic's supplement (m), the first infusion from that lot
# (f) and a first questionnaire (Q) on day 0; the W72 visit (v), a second
# questionnaire and a biopsy after (b) at week 72; a phone survival contact
# (o) two years later that finds a transplant. The dashboard screen then
# shows the histology change, the questionnaire domains, the medication
# timeline, the survival contact and the status, and `dashboard --json`
# carries each section with the same values.
. "$(dirname "$0")/lib.sh"

fixture_planned JO-1 "JOURNEY, Jo" || fail "setup"
hd instrument install symptoms >/dev/null || fail "instrument"
echo "$TODAY 10:00" >"$T/now"
start xterm-256color HEPADESK_TEST_NOW=@$T/now
open_patient JO-1 "MRN JO-1"

# --- day 0: the product lot, on its form ---
keys P
wait_for "Product lot (UC-MSC or cell-free)"
type_text LOT-J1
keys Tab Tab
type_text DON-J
keys Tab
type_text 3
keys Tab
type_text 5e7
keys Tab
type_text 91
keys Tab
keys Right Tab Right Tab Right Tab Right Tab
type_text 2027-01-31
keys Tab
keys F2
wait_for "recorded product lot LOT-J1"
[ "$(sql "select lot, sterility, endotoxin, mycoplasma, identity, expiry from product_lots")" = \
	"LOT-J1|pass|pass|pass|pass|2027-01-31" ] || fail "lot row: $(sql "select * from product_lots")"

# --- day 0: the baseline biopsy ---
keys b
wait_for "Biopsy histology (one biopsy)"
type_text "$TODAY"; keys Tab
type_text "right lobe, percutaneous"; keys Tab
type_text F4; keys Tab
type_text 6; keys Tab
type_text A2; keys Tab
type_text 24.5; keys Tab
type_text 2; keys Tab
type_text 4; keys Tab
type_text "Dr Lee"; keys Tab
keys F2
wait_for "recorded biopsy 1 of $TODAY"

# --- day 0: the supplement ---
keys m
wait_for "Medication or supplement"
type_text NAC
keys Tab
wait_for "ATC V03AB23, supplement (shipped list)"
type_text 600
keys Tab
keys F2
wait_for "(V03AB23) 600 mg iv once daily from $TODAY"
[ "$(sql "select name, atc, class, dose, unit, start from medications")" = "N-acetylcysteine|V03AB23|supplement|600.0|mg|$TODAY" ] ||
	fail "medication row: $(sql "select name, atc, class, dose, unit, start from medications")"

# --- day 0: the first infusion, from the lot, and a first questionnaire ---
keys f
wait_for "Infusion check for $TODAY: PASSES SO FAR"
keys Enter
wait_for "Infusion given (UC-MSC)"
keys Tab Tab Tab
type_text 3e7; keys Tab
type_text LOT-J1; keys Tab
type_text 2027-01-31; keys Tab
keys F2
wait_for "recorded the infusion at $TODAY 10:00"
[ "$(sql "select lot from infusions")" = "LOT-J1" ] || fail "infusion lot"
keys Q
wait_for "item 1 of 7"
keys 8 7 6 5 8 7 2
wait_for "domain scores (lower is better)"
keys F2
wait_for "recorded SYMPTOMS (7 of 7 answered): Overall 7.00"

# --- week 72 (2027-07-19): the visit, a second questionnaire, a biopsy ---
echo "2027-07-19 10:00" >"$T/now"
keys v
wait_for "Follow-up visit"
keys Right Right Right Right Right Right Right Right
wait_for "< W72 due 2027-07-19 (due) >"
keys Tab Tab Tab Tab
type_text 36.8; keys Tab
keys F2
wait_for "recorded W72 visit on 2027-07-19"
wait_for "Labs of the W72 visit on 2027-07-19"
keys Escape
wait_for "Latest labs (l)"
keys Q
wait_for "item 1 of 7"
keys 5 4 3 3 4 4 6
wait_for "domain scores (lower is better)"
keys F2
wait_for "recorded SYMPTOMS (7 of 7 answered): Overall 3.86"
keys b
wait_for "Biopsy histology (one biopsy)"
type_text 2027-07-19; keys Tab
type_text "right lobe, percutaneous"; keys Tab
type_text F3; keys Tab
type_text 4; keys Tab
type_text A1; keys Tab
type_text 15; keys Tab
type_text 6; keys Tab
type_text 9; keys Tab
type_text "Dr Lee"; keys Tab
keys F2
wait_for "recorded biopsy 2 of 2027-07-19"

# --- two years later (2029-07-20): a phone contact finds a transplant ---
echo "2029-07-20 10:00" >"$T/now"
keys o
wait_for "Survival contact (long-term follow-up)"
keys Tab Tab Tab Tab Tab Right Right
wait_for "< yes"
keys Tab
type_text 2029-05-10; keys Tab
keys F2
wait_for "recorded the contact of 2029-07-20 (Contact 4): alive, transplanted"
[ "$(sql "select state, date from patient_status order by id desc limit 1")" = "transplanted|2029-05-10" ] ||
	fail "status: $(sql "select state, date from patient_status order by id desc limit 1")"
[ "$(sql "select count(*) from drafts")" = 0 ] || fail "a draft was left"

# --- the dashboard screen, read from its end upwards ---
keys d
wait_for "Albumin g/dL"
keys G
wait_for "Product lots given (1)"
shows "LOT-J1"
shows "Medications (1), $TODAY to 2029-07-20"
shows "N-acetylcysteine"
shows "V03AB23 |==============================| taken"
shows "Biopsy histology (2)"
shows "$TODAY F4 Ishak 6 A2 CPA 24.5 % Ki-67 2.0 % CK-19 4.0 %  [baseline]"
shows "2027-07-19 F3 Ishak 4 A1 CPA 15.0 % Ki-67 6.0 % CK-19 9.0 %"
shows "F4 -> F3"
shows "improved"
keys PPage
wait_for "Long-term follow-up: Transplanted since 2029-05-10 (contacts 1)"
shows "next Contact 5 due 2030-01-19"
shows "liver transplant event    2029-05-10 (day 1165)"
shows "death            censored 2029-07-20 (day 1236)"
i=0
while [ $i -lt 10 ]; do keys Down; i=$((i + 1)); done
wait_for "SYMPTOMS overall             7.00     3.86    -3.14  2"
shows "SYMPTOMS fatigue             8.00     5.00    -3.00  2"

# --- the same sections in dashboard --json ---
J=$(HEPADESK_TEST_NOW="2029-07-20 10:00" hd dashboard JO-1 --json) || fail "dashboard --json"
has() { printf '%s' "$J" | grep -qF -- "$1" || fail "dashboard --json lacks $1"; }
has '"first_infusion":"'"$TODAY"' 10:00","days_since_first_infusion":1236'
has '"longterm":{"status":{"state":"transplanted","since":"2029-05-10"}'
has '"date":"2029-07-20","scheduled":"Contact 4","phone":true,"vital":"alive","death_date":null,"cause":null,"transplant":"yes","transplant_date":"2029-05-10"'
has '"transplant":{"event":true,"date":"2029-05-10","days":1165,"censored":null}'
has '"death":{"event":false,"date":"2029-07-20","days":1236,"censored":"last contact"}'
has '"instrument":"SYMPTOMS"'
has '"domain":"overall","series":[{"date":"'"$TODAY"'","score":7},{"date":"2027-07-19","score":3.86}],"baseline":7,"latest":3.86,"change":-3.14'
has '"histology":{"baseline":{"id":1,"date":"'"$TODAY"'"},"latest":{"id":2,"date":"2027-07-19"}'
has '{"measure":"metavir","unit":"","baseline":4,"latest":3,"change":-1,"direction":"improved"}'
has '{"measure":"cpa","unit":"%","baseline":24.5,"latest":15,"change":-9.5,"direction":"improved"}'
has '{"measure":"ki67","unit":"%","baseline":2,"latest":6,"change":4,"direction":"improved"}'
has '"medications":{"from":"'"$TODAY"'","to":"2029-07-20","timeline":[{"id":1,"name":"N-acetylcysteine","atc":"V03AB23","class":"supplement","dose":600,"unit":"mg"'
has '"stop":null'
has '"product_lots":[{"infusion":1,"given_at":"'"$TODAY"' 10:00","lot":"LOT-J1","on_file":true,"type":"uc-msc","donor":"DON-J","expiry":"2027-01-31","released":true'
pass
