# Command-line tests: the role cases a clinic found (issue 12), each with
# commands the program had before: a nurse signed an evaluation READY and
# made a plan; the administrator (also the clinic's physician) could not
# make an intrahepatic plan; the only administrator could demote themself.
# The nurse is played with setpriv as user nobody (root only).
NO_INIT=1
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
	echo "ok - roles_cases # skip not root"
	exit 0
fi
GID=$(id -g nobody)
GROUP=$(getent group "$GID" | cut -d: -f1)
chmod 0711 "$T"
printf '[database]\ngroup = %s\n' "$GROUP" >"$T/shared.ini"
hd() { env $PAM_ENV "$HEPADESK" --config "$T/shared.ini" --db "$DB" "$@"; }
as_nurse() { setpriv --reuid=nobody --regid="$GID" --clear-groups "$HEPADESK" --config "$T/shared.ini" --db "$DB" "$@"; }
nevals() { sql "select count(*) from evaluations e join patients p on p.id = e.patient_id where p.mrn = '$1'"; }
nplans() { sql "select count(*) from plans x join patients p on p.id = x.patient_id where p.mrn = '$1'"; }

hd init >/dev/null
fixture_ready RC1 "CASE, Rhea" || notok "setup RC1"
hd user add nobody --role nurse >/dev/null || notok "user add nurse"

run as_nurse checklist sign RC1
expect_rc "a nurse cannot sign an evaluation READY" 1
expect_in "the refusal names the physician" "you need the role physician" "$ERR"
expect_eq "no evaluation signed" "$(nevals RC1)" 0

hd_sign checklist sign RC1 >/dev/null || notok "the physician signs"
run as_nurse plan add RC1 --route iv --first-date "$(later 7)"
expect_rc "a nurse cannot make a plan" 1
expect_in "the refusal names the physician" "you need the role physician" "$ERR"
expect_eq "no plan made" "$(nplans RC1)" 0

# The administrator who is the clinic's physician (init makes the first
# user both) makes an intrahepatic plan once the route's gates pass.
hd lab add RC1 --date "$TODAY" --inr 1.3 >/dev/null || notok "INR 1.3"
hd exam add RC1 --date "$TODAY" --ascites 0 >/dev/null || notok "ascites graded"
run hd_sign plan add RC1 --route intrahepatic --first-date "$(later 7)"
expect_rc "the admin-physician makes an intrahepatic plan" 0
expect_eq "signed by the admin-physician" "$(sql "select route, physician from plans")" "intrahepatic|$(id -un)"

run hd user role "$(id -un)" viewer
expect_rc "the only administrator cannot demote themself" 2
expect_in "and is told why" "is the last administrator" "$ERR"
expect_in "still an administrator" "admin" "$(sql "select roles from users where login = '$(id -un)'")"
run hd user disable "$(id -un)"
expect_rc "nor disable themself" 2
expect_eq "still enabled" "$(sql "select disabled from users where login = '$(id -un)'")" 0
finish
