# Command-line tests: the intrahepatic route's gates (issue 12, second
# part). Found when tried: the ultrasound-guided intrahepatic route was
# gated only by the physician role. Now INR, platelets, ascites and a
# Doppler showing a patent portal vein are checked when the plan is made
# and again before each infusion (infusion check item "intrahepatic").
. "$(dirname "$0")/lib.sh"
fixture_lot UC-1 || notok "product lot fixture"

FIRST=$(later 7)
nplans() { sql "select count(*) from plans p join patients x on x.id = p.patient_id where x.mrn = '$1' and route = 'intrahepatic'"; }

fixture_ready H1 "HEPAR, Hal" || echo "not ok - setup H1"
hd_sign checklist sign H1 >/dev/null
run hd_sign plan add H1 --route intrahepatic --first-date "$FIRST"
expect_rc "INR 1.6 (fixture): refused" 2
expect_in "names the gate, value and limit" "intrahepatic: INR 1.6 is above the protocol's 1.5" "$ERR"
expect_in "and the data used" "data: INR 1.6 ($(ago 3)), platelets 90 10^9/L ($(ago 3)), ascites grade 0 ($(ago 20)), Doppler $(ago 20), thrombosis no" "$ERR"
expect_eq "no plan" "$(nplans H1)" 0

hd lab add H1 --date "$TODAY" --inr 1.3 --platelets 45 >/dev/null
run hd_sign plan add H1 --route intrahepatic --first-date "$FIRST"
expect_rc "platelets 45: refused" 2
expect_in "names the platelets" "platelets 45 10^9/L are below the protocol's 50 10^9/L" "$ERR"

# A second count the same day, 80 after 45, is unusual: confirmed.
hd lab add H1 --date "$TODAY" --platelets 80 --confirm >/dev/null
hd exam add H1 --date "$TODAY" --ascites 2 >/dev/null
run hd_sign plan add H1 --route intrahepatic --first-date "$FIRST"
expect_rc "moderate ascites: refused" 2
expect_in "names the ascites grade" "ascites grade 2 is above the protocol's grade 1 (ICA)" "$ERR"

hd exam add H1 --date "$TODAY" --ascites 1 >/dev/null
HEPADESK_TEST_NOW="$(later 11) 10:00" run hd_sign plan add H1 --route intrahepatic --first-date "$(later 12)"
expect_rc "31 days after the Doppler: refused" 2

run hd_sign plan add H1 --route intrahepatic --first-date "$FIRST"
expect_rc "every gate passes: the physician's plan is made" 0
expect_eq "one intrahepatic plan" "$(nplans H1)" 1
run hd_sign plan add H2 --route iv --first-date "$FIRST"
expect_rc "an unknown patient is still refused as before" 2

# Before each infusion: a Doppler since showing thrombosis refuses it.
hd imaging add H1 --date "$TODAY" --modality doppler --thrombosis yes >/dev/null
run hd infusion check H1 --json
expect_rc "the check refuses" 2
expect_in "the item is refused and says why" '"item":"intrahepatic","label":"Intrahepatic route: INR, platelets, ascites, portal vein","state":"refuse","reason":"the Doppler does not show a patent portal vein (thrombosis yes)"' "$OUT"
HEPADESK_TEST_NOW="$FIRST 09:00" run hd infusion add H1 --at "$FIRST 08:30" --route intrahepatic --cells 3e7 \
	--lot UC-1 --expires 2027-01-31 --label "Infusion 1"
expect_rc "the infusion is refused" 2
expect_in "naming the item" "infusion check: intrahepatic: " "$ERR"
expect_eq "nothing written" "$(sql "select count(*) from infusions")" 0

# An IV plan's check passes this item without looking.
fixture_planned V1 "VEIN, Vi" || echo "not ok - setup V1"
run hd infusion check V1 --json
expect_in "iv: the item passes, saying why" '"item":"intrahepatic","label":"Intrahepatic route: INR, platelets, ascites, portal vein","state":"pass","reason":"","data":"not the intrahepatic route"' "$OUT"
finish
