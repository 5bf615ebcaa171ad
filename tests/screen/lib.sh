# lib.sh: shared helpers of the screen tests — a private tmux server at
# 80x24, pinned TERM/LANG/TZ/HOME, a temporary database, key sending and
# polling the screen (never fixed long sleeps). Sourced, not run.
set -u
: "${HEPADESK:?HEPADESK must name the hepadesk binary (absolute path)}"
NAME=$(basename "$0" .sh)
T=$(mktemp -d)
DB=$T/t.db
SOCK=hd$$
export HOME=$T/home LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
unset NO_COLOR HEPADESK_DB HEPADESK_CONFIG XDG_CONFIG_HOME XDG_DATA_HOME
mkdir -p "$HOME"

tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$T"; }
trap cleanup EXIT INT TERM

# The command line on the same database.
# A command given --password-fd signs: it runs with the tests' PAM stack
# (tests/pam/env.sh); others run without pam_wrapper, which takes one of its
# few /tmp/pam.? folders in every process it is preloaded in.
hd() {
	case " $* " in
	*" --password-fd "*) env $PAM_ENV "$HEPADESK" --db "$DB" "$@" ;;
	*) "$HEPADESK" --db "$DB" "$@" ;;
	esac
}
# sql QUERY: run a query on the test database.
sql() { sqlite3 -batch -noheader "$DB" "$1"; }
# asql QUERY: the same on the access trail (views and exports: $DB.access).
asql() { sqlite3 -batch -noheader "$DB.access" "$1"; }
. "$(dirname "$0")/../fixtures.sh"
# Only `hepadesk init` creates a database: each script starts on a new one
# (NO_INIT=1 before sourcing: the script makes its own).
[ "${NO_INIT:-0}" = 1 ] || "$HEPADESK" --db "$DB" init >/dev/null || { echo "not ok - $NAME: init"; exit 1; }

screen_text() { tm capture-pane -p -t hd 2>/dev/null; }

fail() {
	echo "not ok - $NAME: $*"
	echo "--- screen:" >&2
	screen_text >&2
	exit 1
}

pass() {
	echo "ok - $NAME"
	exit 0
}

# start [TERM [extra env...]]: run the screens in an 80x24 pane. The pid of
# hepadesk is written to $T/pid; "hepadesk-exited=N" shows when it ends.
start() {
	term=${1:-xterm-256color}
	[ $# -gt 0 ] && shift
	rm -f "$T/pid"
	n=40 # a server just killed may still be going away: try again
	until tm new-session -d -s hd -x 80 -y 24 \
		"sh -c 'echo \$\$ > $T/pid; exec env TERM=$term LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC HOME=$HOME HEPADESK_TEST_NOW=\"$HEPADESK_TEST_NOW\" $PAM_ENV $* $HEPADESK --db $DB'; echo hepadesk-exited=\$?; sleep 60" 2>/dev/null; do
		n=$((n - 1))
		[ $n -gt 0 ] || fail "cannot start tmux"
		sleep 0.05
	done
	wait_for "hepadesk |"
}

hd_pid() { cat "$T/pid"; }

# Stop the tmux server (before a second start in the same test).
stop() { tm kill-server >/dev/null 2>&1; }

# wait_for TEXT [SECONDS]: poll the screen until TEXT (fixed string) shows.
wait_for() {
	n=$(( ${2:-5} * 20 ))
	while [ $n -gt 0 ]; do
		screen_text | grep -qF -- "$1" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	fail "timed out waiting for '$1'"
}

# wait_gone TEXT: poll until TEXT is no longer on the screen.
wait_gone() {
	n=100
	while [ $n -gt 0 ]; do
		screen_text | grep -qF -- "$1" || return 0
		sleep 0.05
		n=$((n - 1))
	done
	fail "'$1' stayed on the screen"
}

# keys K...: tmux key names (Tab, Enter, F2, C-u, Down...). type TEXT: literal.
keys() { tm send-keys -t hd "$@"; }
type_text() { tm send-keys -t hd -l -- "$1"; }

# The screen must (not) show TEXT now.
shows() { screen_text | grep -qF -- "$1" || fail "screen does not show '$1'"; }
lacks() { screen_text | grep -qF -- "$1" && fail "screen shows '$1'"; return 0; }

# golden NAME: the whole 80x24 screen must equal tests/screen/golden/NAME.txt
# (the login name and the test folder written as USER and TMP, trailing
# blanks trimmed). UPDATE_GOLDEN=1 writes the file instead; review the diff.
golden() {
	g=$(dirname "$0")/golden/$1.txt
	screen_text | sed -e "s|$(id -un)|USER|g" -e "s|$T|TMP|g" -e 's/[[:space:]]*$//' >"$T/golden.txt"
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		mkdir -p "$(dirname "$g")" && cp "$T/golden.txt" "$g"
		return 0
	fi
	[ -f "$g" ] || fail "no golden screen $g (run with UPDATE_GOLDEN=1 and review it)"
	diff -u "$g" "$T/golden.txt" >"$T/golden.diff" || {
		cat "$T/golden.diff" >&2
		fail "screen differs from golden $1"
	}
}

# Open a patient through the lookup: open_patient QUERY BANNER-TEXT.
open_patient() {
	keys /
	wait_for "Find patient"
	type_text "$1"
	wait_for "1 match"
	keys Enter
	wait_for "$2"
}
