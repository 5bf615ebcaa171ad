#!/bin/sh
# The format and clang-tidy checks: every C file is as clang-format (with
# the checked-in .clang-format) writes it, and clang-tidy over src/, ui/ and
# the test hooks (.clang-tidy, two files at a time) finds nothing. Prints
# each finding and "tidy: N files, N findings"; fails when there is any.
# Arguments: the compiler flags.
unformatted=$(git ls-files '*.c' '*.h' 2>/dev/null | grep -v '^tests/fuzz/corpus/' |
	while read -r f; do clang-format "$f" | cmp -s - "$f" || echo "$f"; done)
nfmt=$(printf '%s' "$unformatted" | grep -c .)
[ "$nfmt" -eq 0 ] || printf 'not formatted (run clang-format -i): %s\n' $unformatted
files=$(find src ui tests/hooks -name '*.c' | sort)
out=$(printf '%s\n' $files | xargs -P "${JOBS:-2}" -I{} sh -c 'f=$1; shift; clang-tidy -quiet "$f" -- "$@" 2>/dev/null' tidy {} "$@")
found=$(printf '%s\n' "$out" | grep -cE ': (warning|error): ')
[ "$found" -eq 0 ] || printf '%s\n' "$out" | grep -E -A3 ': (warning|error): '
echo "tidy: $(printf '%s\n' $files | wc -l) files, $found findings, $nfmt files not formatted"
[ "$found" -eq 0 ] && [ "$nfmt" -eq 0 ]
