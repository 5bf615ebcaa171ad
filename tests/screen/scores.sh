#!/bin/sh
# Scores review: each score with the lab values and dates it used, what was
# clamped and why, and "not computable: needs sodium" when sodium is missing.
. "$(dirname "$0")/lib.sh"
hd patient add --mrn S-9 --name "TANAKA, Yui" --dob 1960-03-03 --sex F >/dev/null || fail "setup"
hd lab add S-9 --date "$(ago 10)" --bilirubin 2 --inr 1.5 --creatinine 0.5 --albumin 3 >/dev/null ||
	fail "lab setup"
start
open_patient S-9 "MRN S-9"
wait_for "MELD-Na     --   not computable: needs sodium"
keys e
wait_for "[Labs]"
keys F8 F8 F8
wait_for "[Scores]"
shows "MELD-Na     --   not computable: needs sodium"
shows "Total bilirubin"
shows "$(ago 10)"
shows "clamped: creatinine 0.5 -> 1"
hd score --bilirubin 2 --inr 1.5 --creatinine 0.5 --albumin 3 --sex F --age 66 | grep -q "MELD  *[0-9]" ||
	fail "reference score missing"
meld=$(hd show S-9 --json | sed -n 's/.*"meld":\([0-9]*\).*/\1/p')
[ -n "$meld" ] || fail "no MELD from show"
shows "MELD        $meld"
pass
