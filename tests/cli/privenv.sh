# Command-line tests: a privileged run ignores the caller's locale and
# terminfo paths (issue 13). The test build set-group-ID (group nogroup)
# prints its environment as the loader left it and as the program keeps it
# (--test-env=loader, --test-env: test build only). The loader drops LOCPATH,
# NLSPATH and GCONV_PATH for such a program but not TERMINFO, TERMINFO_DIRS,
# TERMCAP or HOME (ncurses reads ~/.terminfo); the program drops those and
# every other variable outside its short list, and keeps names that are no
# path (TERM, LANG, LC_*, a TZ zone) and NO_COLOR.
. "$(dirname "$0")/lib.sh"

evil() {
	env TERMINFO="$T/ti" TERMINFO_DIRS="$T/ti:" TERMCAP="$T/termcap" LOCPATH="$T/loc" \
		NLSPATH="$T/nls/%N" GCONV_PATH="$T/gconv" HOME="$T/home" XDG_DATA_HOME="$T/xdg" \
		HEPADESK_DB="$T/other.db" LANG=C.UTF-8 LC_CTYPE="$T/loc/evil" LC_TIME=C.UTF-8 \
		TERM=xterm TZ="$T/zone" NO_COLOR=1 "$@"
}

run evil "$HEPADESK" --test-env
expect_in "an ordinary run leaves the environment alone: TERMINFO" "TERMINFO=$T/ti" "$OUT"
expect_in "and LOCPATH" "LOCPATH=$T/loc" "$OUT"

G=$(getent group nogroup | cut -d: -f3)
if [ "$(id -u)" -ne 0 ] || [ -z "$G" ] || [ "$G" = "$(id -g)" ]; then
	ok "set-group-ID environment # skip not root or no nogroup"
	finish
	exit 0
fi
mkdir -p "$T/bin"
cp "$HEPADESK" "$T/bin/hepadesk"
chgrp nogroup "$T/bin/hepadesk"
chmod 2755 "$T/bin/hepadesk"
P="$T/bin/hepadesk"
if [ "$(stat -c %A "$P" | cut -c7)" != s ] || ! evil "$P" --test-env=loader | grep -q '^TERM='; then
	ok "set-group-ID environment # skip the file system ignores set-group-ID"
	finish
	exit 0
fi

# What the loader drops, and what it leaves for the program to drop.
run evil "$P" --test-env=loader
for v in LOCPATH NLSPATH GCONV_PATH; do
	expect_not_in "the loader drops $v" "$v=" "$OUT"
done
for v in TERMINFO TERMINFO_DIRS TERMCAP HOME; do
	expect_in "the loader leaves $v" "$v=" "$OUT"
done

run evil "$P" --test-env
for v in TERMINFO TERMINFO_DIRS TERMCAP LOCPATH NLSPATH GCONV_PATH HOME XDG_DATA_HOME HEPADESK_DB LC_CTYPE TZ; do
	expect_not_in "the program drops $v" "$v=" "$OUT"
done
expect_in "it keeps the terminal's name" "TERM=xterm" "$OUT"
expect_in "the language" "LANG=C.UTF-8" "$OUT"
expect_in "a locale category naming no path" "LC_TIME=C.UTF-8" "$OUT"
expect_in "the colour choice" "NO_COLOR=1" "$OUT"
expect_in "and sets its own PATH" "PATH=/usr/bin:/bin" "$OUT"
run env TZ=Europe/Paris "$P" --test-env
expect_in "a zone name is kept" "TZ=Europe/Paris" "$OUT"

finish
