# Command-line tests: `make install DESTDIR=$T/stage PREFIX=/usr` (issue 13)
# lays out the program set-group-ID, the system settings naming the data
# folder and the group, the protocols and term lists, the man page and the
# data folder, each with its mode. The group is set when it exists (chgrp
# skipped otherwise, and said so).
. "$(dirname "$0")/lib.sh"

ROOT_DIR=$(cd "$(dirname "$0")/../.." && pwd)
S="$T/stage"
BUILD_DIR=$(dirname "${HEPADESK_INSTALLED:-$ROOT_DIR/build/hepadesk}")
run make -s -C "$ROOT_DIR" install DESTDIR="$S" PREFIX=/usr BUILD="$(dirname "$BUILD_DIR")/$(basename "$BUILD_DIR")"
expect_rc "make install: exit 0" 0
expect_eq "the program is set-group-ID" "$(stat -c '%a' "$S/usr/bin/hepadesk")" 2755
expect_eq "the system settings" "$(stat -c '%a' "$S/etc/hepadesk/hepadesk.ini")" 644
expect_in "name the data folder" 'path = "/var/lib/hepadesk/hepadesk.db"' "$(cat "$S/etc/hepadesk/hepadesk.ini")"
expect_in "and the group" 'group = "hepadesk"' "$(cat "$S/etc/hepadesk/hepadesk.ini")"
expect_eq "the protocol" "$(stat -c '%a' "$S/usr/share/hepadesk/protocols/ucmsc-default.ini")" 644
expect_eq "the term list" "$(stat -c '%a' "$S/usr/share/hepadesk/ctcae_terms.txt")" 644
expect_eq "the man page" "$(stat -c '%a' "$S/usr/share/man/man1/hepadesk.1")" 644
expect_eq "the data folder" "$(stat -c '%a' "$S/var/lib/hepadesk")" 2770
if getent group hepadesk >/dev/null; then
	expect_eq "the program's group" "$(stat -c '%G' "$S/usr/bin/hepadesk")" hepadesk
	expect_eq "the data folder's group" "$(stat -c '%G' "$S/var/lib/hepadesk")" hepadesk
else
	expect_in "without the group, chgrp is skipped and said" "group hepadesk does not exist; chgrp skipped" "$ERR"
fi
expect_eq "the man page is well formed" "$(man -l -P cat "$S/usr/share/man/man1/hepadesk.1" 2>/dev/null | grep -c 'INSTALLED (SET-GROUP-ID) RUNS')" 1
finish
