#!/bin/sh
# Issue 13, "disk full plus a hang-up loses everything typed": when the
# database cannot take a draft (here a read-only database file: the real
# path, no test hook; its access trail stays writable, so the session runs), the draft goes to a private file (0600) in the
# user's runtime folder; after a hang-up the next session moves it into the
# database and offers it. On main the draft was "not kept" and nothing was
# offered after the hang-up.
. "$(dirname "$0")/lib.sh"
if [ "$(id -u)" -eq 0 ]; then
	# root writes a read-only file anyway: the nurse is nobody.
	command -v setpriv >/dev/null || { echo "ok - $NAME # skip no setpriv"; exit 0; }
	G=$(id -gn nobody)
	hd user add nobody --role nurse >/dev/null
	chgrp "$G" "$T" "$DB" "$DB.key" "$DB.witness" "$DB.access"
	chmod 0771 "$T"
	chmod 0440 "$DB.key"
	chmod 0660 "$DB.witness" "$DB.access"
	AS="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
	WHO=nobody
else
	AS=
	WHO=$(id -un)
fi
HOME=$T/nurse-home
RUN=$T/run
mkdir -p "$HOME" "$RUN"
chmod 0700 "$RUN"
[ "$WHO" = nobody ] && chown nobody "$HOME" "$RUN"

chmod 0440 "$DB"
start xterm-256color XDG_RUNTIME_DIR="$RUN" $AS
keys n
wait_for "New patient"
type_text "D-001"
# Said as each change is kept (until the next key).
wait_for "the database cannot take your draft: kept in a private file"
keys Tab
type_text "DISK, Dora"; keys Tab
type_text "1971-02-03"; keys Tab
wait_for "> Sex"
kill -HUP "$(hd_pid)"
wait_for "hepadesk-exited="
f=$(ls "$RUN/hepadesk"/*.draft 2>/dev/null)
[ -n "$f" ] || fail "no draft file in the runtime folder"
[ "$(stat -c '%a %U' "$RUN/hepadesk" "$f" | tr '\n' ' ')" = "700 $WHO 600 $WHO " ] ||
	fail "draft folder and file not private: $(stat -c '%a %U %n' "$RUN/hepadesk" "$f")"
grep -q '^Name=DISK, Dora$' "$f" || fail "the file lacks the name typed"
grep -q '^Date of birth=1971-02-03$' "$f" || fail "the file lacks the date typed before the hang-up"
[ "$(sql "select count(*) from drafts")" = 0 ] || fail "a draft reached the read-only database"

# The database takes writes again: the next session moves the draft in and
# offers it, filled with what was typed.
stop
chmod 0660 "$DB"
start xterm-256color XDG_RUNTIME_DIR="$RUN" $AS
wait_for "Unsaved input from an earlier session"
shows "New patient"
[ "$(sql "select count(*) from drafts where user = '$WHO' and form = 'patient.new'")" = 1 ] ||
	fail "the draft was not moved into the database"
[ -z "$(ls "$RUN/hepadesk"/*.draft 2>/dev/null)" ] || fail "the draft file stays after the move"
keys Enter
wait_for "DISK, Dora"
shows "D-001"
shows "1971-02-03"
pass
