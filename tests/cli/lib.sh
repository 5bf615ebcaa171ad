# Shared helpers for command-line tests: a private HOME and database per
# script, the real binary from $HEPADESK, and assertions that print TAP-like
# "ok"/"not ok" lines. Source it; call `finish` at the end.
set -u
: "${HEPADESK:?set HEPADESK to the binary}"
T=$(mktemp -d "${TMPDIR:-/tmp}/hd-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" TZ=UTC LANG=C.UTF-8 XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share"
unset HEPADESK_DB HEPADESK_CONFIG NO_COLOR || true
mkdir -p "$HOME"
DB="$T/db/clinic.db"
FAILS=0
# A command given --password-fd signs: it runs with the tests' PAM stack
# (tests/pam/env.sh); others run without pam_wrapper, which takes one of its
# few /tmp/pam.? folders in every process it is preloaded in.
hd() {
	case " $* " in
	*" --password-fd "*) env $PAM_ENV "$HEPADESK" --db "$DB" "$@" ;;
	*) "$HEPADESK" --db "$DB" "$@" ;;
	esac
}
. "$(dirname "$0")/../fixtures.sh"
# Only `hepadesk init` creates a database: each script starts on a new one
# (NO_INIT=1 before sourcing: the script makes its own).
[ "${NO_INIT:-0}" = 1 ] || "$HEPADESK" --db "$DB" init >/dev/null || { echo "not ok - init"; exit 1; }

ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; FAILS=$((FAILS + 1)); }

# run CMD...: sets OUT, ERR and RC.
run() {
	"$@" >"$T/out" 2>"$T/err"
	RC=$?
	OUT=$(cat "$T/out")
	ERR=$(cat "$T/err")
}

# expect_rc NAME WANT
expect_rc() {
	if [ "$RC" -eq "$2" ]; then ok "$1"; else notok "$1: exit $RC, wanted $2; stderr: $ERR"; fi
}
# expect_in NAME NEEDLE HAYSTACK
expect_in() {
	case "$3" in *"$2"*) ok "$1" ;; *) notok "$1: '$2' not in: $3" ;; esac
}
expect_not_in() {
	case "$3" in *"$2"*) notok "$1: '$2' found in: $3" ;; *) ok "$1" ;; esac
}
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else notok "$1: got '$2', wanted '$3'"; fi
}
# sql QUERY: run a query on the test database.
sql() { sqlite3 -batch -noheader "$DB" "$1"; }
# asql QUERY: the same on the access trail (views and exports: $DB.access).
asql() { sqlite3 -batch -noheader "$DB.access" "$1"; }
finish() { [ "$FAILS" -eq 0 ]; }
