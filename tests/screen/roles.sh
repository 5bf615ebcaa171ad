#!/bin/sh
# Screen wording agrees with the roles (issue 12), played as another OS
# user (nobody, through setpriv; root only). A nurse records and prepares:
# she is offered registration, the evaluation and the infusion, but not
# the sign key; the checklist says the evaluation awaits a physician's
# sign-off, S is refused naming the role, and the plan screen shows the
# protocol's proposal without a save key. An administrator who holds no
# clinical role is offered the audit but no registration, evaluation,
# visit or infusion key, no plan cancel or reschedule, and f is refused.
NO_INIT=1
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
	echo "ok - $NAME # skip not root"
	exit 0
fi
GID=$(id -g nobody)
GROUP=$(getent group "$GID" | cut -d: -f1)
chmod 0711 "$T"
# The shared database in a folder of its own, which init gives the group.
DB=$T/db/clinic.db
printf '[database]\ngroup = %s\n' "$GROUP" >"$T/shared.ini"
hd() { env $PAM_ENV "$HEPADESK" --config "$T/shared.ini" --db "$DB" "$@"; }
AS_NOBODY="HEPADESK_CONFIG=$T/shared.ini setpriv --reuid=nobody --regid=$GID --clear-groups"

hd init >/dev/null || fail "init"
fixture_ready RO-1 "ROLES, Rosa" || fail "setup RO-1"
fixture_planned RO-2 "ROLES, Ravi" || fail "setup RO-2"
hd user add nobody --role nurse --name "Nurse Nobody" >/dev/null || fail "user add"

# The nurse.
start xterm-256color $AS_NOBODY
wait_for "Awaiting sign-off (1)"
shows "n new patient"
open_patient RO-1 "MRN RO-1"
shows "e evaluate"
keys c
wait_for "Not signed: awaiting a physician's sign-off"
lacks "S sign"
lacks "(S signs)"
keys S
wait_for "not permitted: to sign an evaluation you need the role physician"
[ "$(sql "select count(*) from evaluations where patient_id = (select id from patients where mrn = 'RO-1')")" = 0 ] || fail "a nurse signed"
keys Escape
wait_for "e evaluate"
keys p
wait_for "No plan yet: a physician makes the plan"
shows "Calendar the protocol proposes (a physician saves the plan)"
lacks "F2 save"
keys F2
wait_for "not permitted: to make, approve or cancel a treatment plan"
[ "$(sql "select count(*) from plans where patient_id = (select id from patients where mrn = 'RO-1')")" = 0 ] || fail "a nurse made a plan"
keys Escape
wait_for "e evaluate"
keys Escape
wait_for "Awaiting sign-off (1)"
keys q
wait_for "Leave hepadesk?"
keys y
wait_for "hepadesk-exited=0"
stop

# The administrator who holds no clinical role.
hd user role nobody admin >/dev/null || fail "user role"
start xterm-256color $AS_NOBODY
wait_for "Awaiting sign-off (1)"
shows "A audit"
lacks "n new patient"
open_patient RO-2 "MRN RO-2"
shows "c checklist"
lacks "e evaluate"
lacks "E edit"
keys f
wait_for "not permitted: to record patients, labs, imaging, visits and events"
lacks "Infusion check for"
keys p
wait_for "3 infusions 28 days apart"
shows "? help"
lacks "r reschedule"
lacks "X cancel plan"
keys X
wait_for "not permitted: to make, approve or cancel a treatment plan"
keys Escape
wait_for "c checklist"
keys d
wait_for "Albumin"
lacks "v visit"
lacks "f infusion"
[ "$(sql "select count(*) from infusions")" = 0 ] || fail "an admin recorded an infusion"
pass
