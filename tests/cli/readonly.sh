# Command-line tests: a read-only copy (issue 13) — a backup in a read-only
# folder, the file 0440 or 0444, read by a user who may not write either.
# `check` and `audit verify` open it for reading and verify it (audit
# verify refused it before: "cannot be written ... nothing was saved");
# check reports a copy other users may read; read commands never say
# "nothing was saved"; a write is refused by name.
. "$(dirname "$0")/lib.sh"

fixture_ready R1 "READ, Only" || notok "fixture"
if [ "$(id -u)" -eq 0 ]; then
	# root ignores modes: the reader is nobody, an administrator in the copy.
	hd user add nobody --role admin,nurse >/dev/null
	GROUP=$(id -gn nobody)
	chmod 0711 "$T"
	as_reader() { setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "$HEPADESK" --db "$BK" "$@"; }
else
	GROUP=$(id -gn)
	as_reader() { "$HEPADESK" --db "$BK" "$@"; }
fi
BK="$T/ro/copy.db"
mkdir -p "$T/ro"
hd backup "$BK" >/dev/null || notok "backup"
chgrp -R "$GROUP" "$T/ro"
chmod 0550 "$T/ro"

before=$(ls "$T/ro" | tr '\n' ' ')
run as_reader check
expect_rc "check on a 0440 copy in a read-only folder: exit 0" 0
expect_in "integrity ok" "integrity: ok" "$OUT"
expect_in "the chain is intact" "chain intact" "$OUT"
run as_reader audit verify
expect_rc "audit verify on the same copy: exit 0" 0
expect_in "audit verify says intact" "chain intact" "$OUT"
for cmd in "find R1" "show R1" "due" "dashboard R1"; do
	run as_reader $cmd
	expect_rc "read-only copy: $cmd exit 1" 1
	expect_eq "read-only copy: $cmd does not say nothing was saved" "$(printf '%s' "$ERR" | grep -c 'nothing was saved')" 0
	expect_in "read-only copy: $cmd says it could not be opened for writing, and where to turn" "cannot be written (read-only file or folder), so it was not opened; \`hepadesk check\` and \`hepadesk audit verify\` read a read-only copy" "$ERR"
done
run as_reader lab add R1 --date "$(ago 1)" --alt 30
expect_rc "a write to the read-only copy: exit 1" 1
expect_in "refused by name" "cannot be written (read-only file or folder)" "$ERR"
expect_eq "the folder is as it was (no -wal, no -shm)" "$(ls "$T/ro" | tr '\n' ' ')" "$before"

chmod 0755 "$T/ro"
chmod 0444 "$BK"
chmod 0555 "$T/ro"
run as_reader check
expect_rc "check on a 0444 copy: exit 1, the mode is a finding" 1
expect_in "integrity still verified" "integrity: ok" "$OUT"
expect_in "the chain still verified" "chain intact" "$OUT"
expect_in "the mode reported with its fix" "permissions: database $BK can be read or written by other users (mode 444); fix: chmod o-rwx '$BK'" "$OUT"
run as_reader audit verify
expect_rc "audit verify on the 0444 copy: exit 0" 0
expect_in "it verifies" "chain intact" "$OUT"
expect_in "and warns of the mode" "warning: database $BK can be read or written by other users (mode 444)" "$ERR"
run as_reader show R1
expect_rc "a read of patients from a copy others may read: refused" 1
expect_in "naming the mode" "can be read or written by other users (mode 444)" "$ERR"
chmod 0755 "$T/ro"
finish
