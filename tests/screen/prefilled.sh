#!/bin/sh
# Typing into a prefilled field replaces its value (issue 14): the lab
# collection date and a reschedule date took no keys and said nothing, and
# a reschedule typed that way was saved as a move to the same date. The
# arrow keys still edit a value instead of replacing it.
. "$(dirname "$0")/lib.sh"
fixture_planned PF-1 "PREFILL, Pia" || fail "setup"
start
open_patient PF-1 "MRN PF-1"
# The lab grid's collection date: Up from the first analyte, type over it.
keys e
wait_for "[Labs]"
wait_for "> Total bilirubin"
keys Up
type_text "$(ago 2)"
keys Tab
wait_for "> Total bilirubin"
shows "$(ago 2)"
type_text 2.4
keys F2
wait_for "stored 1 lab result"
[ "$(sql "select date from labs where value = 2.4")" = "$(ago 2)" ] || fail "lab date not typed over"
keys q
wait_for "MRN PF-1"
# A reschedule date typed over the one offered moves the visit there.
keys p
wait_for "Plan: iv route"
keys Down r
wait_for "Reschedule W1"
type_text "$(later 9)"
keys Tab
type_text "patient travelling"
keys F2
wait_for "moved W1 to $(later 9)"
[ "$(sql "select due_date from schedule where label = 'W1'")" = "$(later 9)" ] || fail "reschedule stored: $(sql "select due_date from schedule where label = 'W1'")"
# The arrows edit instead: Right, Backspace and a digit change the last one.
keys Down r
wait_for "Reschedule W2"
keys Right BSpace
type_text 9
keys Tab
type_text "clinic closed"
keys F2
wait_for "moved W2 to"
d=$(sql "select due_date from schedule where label = 'W2'")
case $d in *9) ;; *) fail "edited reschedule: $d" ;; esac
pass
