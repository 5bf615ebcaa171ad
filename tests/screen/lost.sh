#!/bin/sh
# A terminal that goes away without a hang-up signal reaching hepadesk
# (SIGHUP blocked): the failing reads are noticed, the form's input is kept
# as a draft and hepadesk leaves instead of spinning.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "ok - $NAME # skip: needs python3 to block SIGHUP"; exit 0; }
tm new-session -d -s hd -x 80 -y 24 "env TERM=xterm-256color python3 -c \"import signal, os
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGHUP])
open('$T/pid', 'w').write(str(os.getpid()))
os.execv('$HEPADESK', ['hepadesk', '--db', '$DB'])\"" || fail "cannot start tmux"
wait_for "hepadesk |"
keys n
wait_for "New patient"
type_text "LOST-1"
wait_for "LOST-1"
pid=$(hd_pid)
grep -q '^SigBlk:.*[13579bdf]$' "/proc/$pid/status" 2>/dev/null || fail "SIGHUP not blocked"
stop
n=100
while kill -0 "$pid" 2>/dev/null && [ $n -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
kill -0 "$pid" 2>/dev/null && fail "hepadesk still running 5 s after its terminal went away"
sqlite3 "$DB" "select content from drafts where form = 'patient.new'" | grep -qx "MRN=LOST-1" ||
	fail "the typed MRN was not kept"
[ "$(sqlite3 "$DB" 'pragma integrity_check')" = ok ] || fail "integrity_check failed"
pass
