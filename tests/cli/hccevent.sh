#!/bin/sh
# An HCC found by imaging after the first infusion is an event of the
# patient's history and ends the time to HCC (issue 15). The query compared
# the 0/1 hcc column with the text 'yes' and never matched.
. "$(dirname "$0")/lib.sh"
fixture_lot UC-1 || notok "product lot fixture"
on() { d=$1; shift; HEPADESK_TEST_NOW="$d 10:00" hd "$@"; }
fixture_planned H1 "HCC, Hana" || { notok "setup"; finish; exit 1; }
hd infusion add H1 --at "$TODAY 10:00" --route iv --cells 3e7 --lot UC-1 --expires 2027-01-31 \
	--label "Infusion 1" >/dev/null 2>"$T/inf" || notok "infusion: $(cat "$T/inf")"
on 2026-09-01 imaging add H1 --date 2026-09-01 --modality mri --hcc yes --lirads 5 --lesion-mm 23 >/dev/null 2>"$T/img" ||
	notok "imaging: $(cat "$T/img")"
run on 2026-09-02 events H1 --json
expect_rc "events --json" 0
expect_in "time to HCC ends at the MRI" '"hcc":{"event":true,"date":"2026-09-01","days":183' "$OUT"
finish
