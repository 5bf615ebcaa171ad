#!/bin/sh
# A phone call on one screen (issue 14, item 6): show, in text and JSON,
# gives the plan status, the next visit with its window and where it
# stands, the open serious adverse events and the latest MELD with the date
# of its labs, so a caller's question needs no second command.
. "$(dirname "$0")/lib.sh"
fixture_planned PH1 "PHONE, Pat" || { notok "setup"; finish; exit 1; }
hd patient add --mrn PH2 --name "NOPLAN, Nia" --dob 1970-01-01 --sex F >/dev/null

run hd show PH1 --json
expect_rc "show --json" 0
j() { printf '%s' "$OUT" | python3 -c "import json,sys; d=json.load(sys.stdin); print(json.dumps($1))"; }
expect_eq "plan status" "$(j '[d["plan"]["status"], d["plan"]["route"], d["plan"]["first_date"]]')" "[\"active\", \"iv\", \"$TODAY\"]"
expect_eq "next visit: the first infusion, due today" \
	"$(j '[d["next_visit"]["label"], d["next_visit"]["due"], d["next_visit"]["state"]]')" "[\"Infusion 1\", \"$TODAY\", \"due today\"]"
expect_eq "its window" "$(j '[d["next_visit"]["window_from"], d["next_visit"]["window_to"]]')" "[\"$(ago 2)\", \"$(later 2)\"]"
expect_eq "no open serious AE" "$(j 'd["serious_ae_open"]')" '{"count": 0}'
# fixture labs (3 days ago): bilirubin 2.3, INR 1.6, creatinine 1.1, Na 134, albumin 2.9
expect_eq "latest MELD family with the date of its labs" \
	"$(j 'd["meld_latest"]')" "{\"meld\": $(j 'd["scores"]["meld"]'), \"meld_na\": $(j 'd["scores"]["meld_na"]'), \"meld3\": $(j 'd["scores"]["meld3"]'), \"labs_date\": \"$(ago 3)\"}"

run hd show PH1
expect_in "text: plan" "plan: active, IV (peripheral), 3 infusions from $TODAY" "$OUT"
expect_in "text: next visit with its window" "next: Infusion 1 due $TODAY (window $(ago 2) to $(later 2)), due today" "$OUT"
expect_in "text: open serious AEs" "open serious adverse events: none" "$OUT"

# A serious adverse event still open shows; a resolved one does not.
hd ae add PH1 --term "Upper gastrointestinal hemorrhage" --grade 3 --onset "$(ago 1) 08:00" \
	--relation unlikely --serious yes --criteria hospitalisation --aware "$(ago 1) 09:00" >/dev/null 2>"$T/aerr" ||
	notok "ae add: $(cat "$T/aerr")"
run hd show PH1 --json
expect_eq "an open serious AE is counted" "$(j '[d["serious_ae_open"]["count"], d["serious_ae_open"]["grade"]]')" "[1, 3]"
run hd show PH1
expect_in "and named in text" "open serious adverse events: 1 (newest Upper gastrointestinal hemorrhage grade 3, onset $(ago 1))" "$OUT"

run hd show PH2 --json
expect_eq "no plan: null" "$(j '[d["plan"], d["next_visit"]]')" "[null, null]"
run hd show PH2
expect_in "no plan: said" "plan: none" "$OUT"
expect_in "nothing scheduled: said" "next: nothing scheduled" "$OUT"
# Later (last: a run reads the clock forward only): the first infusion's window has passed without it.
HEPADESK_TEST_NOW="$(later 5) 10:00" run hd show PH1 --json
expect_eq "an item past its window is overdue" "$(j 'd["next_visit"]["state"]')" '"overdue"'

finish
