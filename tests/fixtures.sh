# fixtures.sh: patients in a known clinical state, built through the real
# command line. Sourced by tests/cli/lib.sh and tests/screen/lib.sh, which
# define hd. Each function returns non-zero when a step fails.
# Every test stands on a fixed moment of the test build's clock (build/
# hepadesk-test reads HEPADESK_TEST_NOW), never on the wall clock: a test can
# pick its own day, and none can fail around midnight.
: "${HEPADESK_TEST_NOW:=2026-03-02 10:00}"
export HEPADESK_TEST_NOW
TODAY=${HEPADESK_TEST_NOW%% *}
# Signing re-authenticates through PAM: the tests' stack (pam_wrapper and
# pam_matrix, tests/pam/env.sh) knows this user's password as $PW, and
# hd_sign feeds it by --password-fd.
. "$(dirname "$0")/../pam/env.sh"
ago() { date -u -d "$TODAY -$1 days" +%F; }
later() { date -u -d "$TODAY +$1 days" +%F; }

# fixture_ready MRN [NAME]: a patient who meets every item of the default
# protocol today (fresh labs, imaging, every answer), not yet signed. Many
# share the default name and birth date, so each says why it is registered
# beside the others (the reason is used only when one exists already).
fixture_ready() {
	hd patient add --mrn "$1" --name "${2:-READY, Pat}" --dob 1960-01-01 --sex F \
		--weight 60 --reason "test fixture $1" >/dev/null &&
		hd lab add "$1" --date "$(ago 3)" --bilirubin 2.3 --inr 1.6 --creatinine 1.1 \
			--sodium 134 --albumin 2.9 --alt 40 --ast 60 --platelets 90 --afp 5 >/dev/null &&
		hd imaging add "$1" --date "$(ago 20)" --modality mri --hcc no --ascites no >/dev/null &&
		hd imaging add "$1" --date "$(ago 20)" --modality doppler --thrombosis no >/dev/null ||
		return 1
	for q in malignancy infection gi_bleed pregnancy hiv transplant immunosuppressants \
		organ_disease allergy encephalopathy; do
		hd checklist answer "$1" "$q" no >/dev/null || return 1
	done
	hd checklist answer "$1" consent yes --value "$(ago 1)" >/dev/null
}

# fixture_planned MRN [NAME]: ready, signed, and an IV plan from today.
fixture_planned() {
	fixture_ready "$@" &&
		hd_sign checklist sign "$1" >/dev/null &&
		hd_sign plan add "$1" --route iv --first-date "$TODAY" >/dev/null
}

# fixture_lot LOT [EXPIRY]: a released UC-MSC product lot (every release
# test passed), received 30 days ago, expiring on EXPIRY (default
# 2027-01-31): the pre-infusion check gives only a lot on file.
fixture_lot() {
	hd product add --lot "$1" --type uc-msc --donor "DON-$1" --passage 3 --per-vial 5e7 \
		--viability 92 --sterility negative --endotoxin pass --mycoplasma negative \
		--identity pass --expiry "${2:-2027-01-31}" --received "$(ago 30) 08:00" >/dev/null
}
