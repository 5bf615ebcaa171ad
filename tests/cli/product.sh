# Command-line tests of the cell product (issue 15, item 5): product
# add|list|show|correct|void|recipients with --json, refusals naming the
# field, value, range and unit with nothing written, and the pre-infusion
# check refusing a lot not on file, not released (a test pending or
# failed), voided, expired on the infusion day, a cell-free lot, or an
# expiry typed that is not the lot's — and passing a released one.
. "$(dirname "$0")/lib.sh"

lots() { sql "select count(*) from product_lots"; }
addlot() { # addlot LOT [options replacing the defaults]
	local l=$1 o d
	shift
	set -- --lot "$l" "$@"
	for d in "type uc-msc" "donor D-77" "passage 3" "per-vial 5e7" "viability 92" \
		"expiry 2027-01-31" "received $(ago 10) 09:00"; do
		o=${d%% *}
		case " $* " in *" --$o "*) ;; *) set -- "$@" "--$o" "${d#* }" ;; esac
	done
	run hd product add "$@"
}
PASS="--sterility negative --endotoxin pass --mycoplasma negative --identity pass"

# --- add, show, list ---
addlot UC-A $PASS --thawed "$TODAY 08:00" --note "vials 1-4"
expect_rc "a released lot is recorded" 0
expect_in "text names the lot" "recorded product lot UC-A" "$OUT"
expect_in "and says released with each test" "released: sterility negative endotoxin pass mycoplasma negative identity pass" "$OUT"
expect_eq "the row" "$(sql "select lot, type, donor, passage, per_vial, viability, sterility, endotoxin, mycoplasma, identity, expiry, thawed_at is not null from product_lots")" \
	"UC-A|uc-msc|D-77|3|50000000.0|92.0|pass|pass|pass|pass|2027-01-31|1"
run hd product show uc-a --json
expect_rc "show finds the lot whatever the letter case" 0
expect_in "show --json: release tests" '"release":{"sterility":"negative","endotoxin":"pass","mycoplasma":"negative","identity":"pass"},"released":true' "$OUT"
expect_in "show --json: unit per vial" '"per_vial":50000000,"per_vial_unit":"cells","viability_pct":92' "$OUT"
expect_in "show --json: times" "\"received\":\"$(ago 10) 09:00\",\"thawed\":\"$TODAY 08:00\",\"administered\":null" "$OUT"
run hd product add --lot EX-1 --type exosome --donor D-78 --per-vial 2e11 --expiry 2026-12-01 \
	--received "$(ago 2) 09:00" --json
expect_rc "a cell-free lot needs no passage nor viability" 0
expect_in "its own unit" '"per_vial":200000000000,"per_vial_unit":"particles"' "$OUT"
expect_in "pending tests: not released" '"release":{"sterility":"pending","endotoxin":"pending","mycoplasma":"pending","identity":"pending"},"released":false' "$OUT"
run hd product add --lot SEC-1 --type secretome --donor D-79 --per-vial 250 --expiry 2026-12-01 --received "$(ago 2) 09:00"
expect_in "secretome in µg protein" "per vial: 250 µg protein" "$OUT"
run hd product list
expect_in "list: released" "UC-A             uc-msc     D-77         expires 2027-01-31  released" "$OUT"
expect_in "list: not released" "EX-1             exosome    D-78         expires 2026-12-01  not released" "$OUT"
run hd product list --json
expect_eq "list --json has every lot" "$(echo "$OUT" | grep -o '"lot":' | wc -l)" 3

# --- refusals: field, value, range, unit; nothing written ---
n0=$(lots)
addlot UC-B --viability 120
expect_rc "viability 120 %: refused" 2
expect_in "names field, value, range and unit" "viability: 120 % is outside 0-100 %" "$ERR"
addlot UC-B --viability 62
expect_rc "viability 62 %: asks" 2
expect_in "below the release threshold" "viability: 62 % is below the 70 % release threshold (usual 70-100 %) — confirm it (add --confirm to accept)" "$ERR"
addlot UC-B --per-vial 5e11
expect_rc "5e11 cells per vial: refused" 2
expect_in "cells per vial range" "cells per vial: 5e11 cells is outside 1e6-1e10 cells" "$ERR"
run hd product add --lot EX-2 --type exosome --donor D --per-vial 50 --expiry 2026-12-01 --received "$(ago 2) 09:00"
expect_in "particles have their own range" "particles per vial: 50 particles is outside 1e8-1e15 particles" "$ERR"
addlot UC-B --passage 12
expect_in "passage out of range" "passage: '12' is outside 0-10" "$ERR"
addlot UC-B --sterility maybe
expect_in "a test's result words" "sterility: 'maybe' is not a result; accepted negative, positive, pending" "$ERR"
addlot UC-B --received "$(later 1) 09:00"
expect_in "received in the future" "received" "$ERR"
addlot UC-B --thawed "$(ago 20) 09:00"
expect_in "thawed before received" "thawed: $(ago 20) 09:00 is before received $(ago 10) 09:00" "$ERR"
addlot UC-A
expect_rc "a lot twice: refused" 2
expect_in "names the lot" "lot: 'UC-A' is on file already" "$ERR"
run hd product add --lot X --type cells --donor D --per-vial 5e7 --expiry 2027-01-31 --received "$(ago 1) 09:00"
expect_in "type choices" "type: 'cells' is not accepted; accepted uc-msc|exosome|secretome" "$ERR"
expect_eq "nothing written by any refusal" "$(lots)" "$n0"
addlot UC-B --viability 62 --confirm
expect_rc "62 % confirmed: recorded" 0

# --- the pre-infusion check enforces the lot ---
fixture_planned P1 "LOTTED, Lou"
give() { run hd infusion add P1 --at "$TODAY 09:00" --route iv --cells 3e7 --label "Infusion 1" "$@"; }
given() { sql "select count(*) from infusions"; }
give --lot UC-NONE
expect_rc "a lot not on file: refused" 2
expect_in "names the lot" "infusion check: lot: lot UC-NONE is not on file; record it first (product add)" "$ERR"
give --lot UC-B
expect_rc "a lot with its tests pending: refused" 2
expect_in "names the pending tests" "lot: lot UC-B is not released: sterility, endotoxin, mycoplasma, identity pending" "$ERR"
hd product correct UC-B --reason "release results in" --sterility negative --endotoxin pass --mycoplasma positive --identity pass >/dev/null
give --lot UC-B
expect_in "a failed test: refused naming it" "lot: lot UC-B failed its release tests (mycoplasma positive)" "$ERR"
addlot UC-OLD $PASS --expiry "$(ago 1)"
give --lot UC-OLD
expect_rc "a lot expired the day before: refused" 2
expect_in "names the expiry" "lot: lot UC-OLD expired on $(ago 1)" "$ERR"
addlot UC-C $PASS
give --lot EX-1
expect_in "a cell-free lot for a cells infusion: refused" "lot: lot EX-1 is exosomes (cell-free), not UC-MSC cells" "$ERR"
give --lot UC-C --expires 2027-02-28
expect_rc "an expiry typed that is not the lot's: refused" 2
expect_in "names both" "the expiry given (2027-02-28) is not lot UC-C's on file (2027-01-31)" "$ERR"
run hd infusion check P1 --label "Infusion 1" --at "$TODAY 09:00" --route iv --cells 3e7 --lot UC-C --json
expect_rc "check: a released lot passes" 0
expect_in "check --json shows the lot data" '"item":"lot","label":"Product lot on file, released and not expired","state":"pass","reason":"","data":"lot UC-C, UC-MSC cells, expires 2027-01-31; release sterility negative endotoxin pass mycoplasma negative identity pass"' "$OUT"
expect_eq "nothing given so far" "$(given)" 0
addlot UC-TODAY $PASS --expiry "$TODAY"
give --lot uc-today
expect_rc "a released lot expiring on the infusion day: given" 0
expect_eq "the infusion keeps the lot's spelling and expiry" "$(sql "select lot, lot_expiry from infusions")" "UC-TODAY|$TODAY"

run hd dashboard P1 --json
expect_in "the dashboard names the lot given and its release" '"product_lots":[{"infusion":1,"given_at":"'"$TODAY"' 09:00","lot":"UC-TODAY","on_file":true,"type":"uc-msc","donor":"D-77","expiry":"'"$TODAY"'","released":true,"voided":false}]' "$OUT"
run hd dashboard P1
expect_in "and in text" "  $TODAY  UC-TODAY       uc-msc    D-77         exp $TODAY released" "$OUT"

# --- void ---
hd product void UC-C --reason "entered in error" >/dev/null
run hd product show UC-C --json
expect_in "void keeps the record with its reason" '"voided":true,"reason":"entered in error"' "$OUT"
run hd infusion check P1 --at "$TODAY 09:00" --route iv --cells 3e7 --lot UC-C
expect_in "a voided lot is refused" "lot UC-C is voided: entered in error" "$OUT"
run hd product void UC-C --reason "again"
expect_rc "voiding twice: refused" 2
run hd product correct UC-A --reason ""
expect_rc "a correction needs a reason" 2
run hd product correct UC-A --reason "typo" --if-version 7 --donor D-70
expect_rc "a stale version: refused" 1
expect_in "as changed by someone else" "changed by someone else" "$ERR"
run hd product correct UC-A --reason "donor code typo" --if-version 1 --donor D-70 --json
expect_rc "a correction at the version read" 0
expect_in "the new version and reason" '"reason":"donor code typo","recorded_by":' "$OUT"
expect_eq "audited: two corrections and a void, each with before and after" "$(sql "select count(*) from audit where tbl = 'product_lots' and action = 'update' and before like '%"version"%' and after like '%"version"%'")" 3

# --- recipients, for a recall ---
fixture_planned P2 "SECOND, Sam"
run hd infusion add P2 --at "$TODAY 09:30" --route iv --cells 3e7 --lot UC-TODAY --label "Infusion 1"
expect_rc "a second patient given the lot" 0
run hd product recipients UC-TODAY
expect_rc "recipients" 0
expect_in "counts the infusions" "lot UC-TODAY (UC-MSC cells): 2 infusions" "$OUT"
expect_in "names each patient" "P1           LOTTED, Lou" "$OUT"
expect_in "and the second" "P2           SECOND, Sam" "$OUT"
run hd product recipients UC-TODAY --json
expect_in "recipients --json" '"lot":"UC-TODAY","type":"uc-msc","recipients":[{"mrn":"P1","name":"LOTTED, Lou","infusion":1,"given_at":"'"$TODAY"' 09:00","route":"iv","cells":30000000},{"mrn":"P2"' "$OUT"
expect_eq "each reading is audited" "$(sql "select count(*) from audit where tbl = 'product_lots' and action = 'view' and after like '%recipients%UC-TODAY%'")" 2
run hd product recipients UC-NOPE
expect_rc "an unknown lot" 2
expect_in "says so" "no product lot 'UC-NOPE' on file" "$ERR"
finish
