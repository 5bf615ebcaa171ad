#!/bin/sh
# clang-tidy over src/, ui/ and the test hooks with the checked-in
# .clang-tidy, two files at a time; prints each finding and
# "tidy: N files, N findings", and fails when there is any. Arguments: the
# compiler flags.
files=$(find src ui tests/hooks -name '*.c' | sort)
out=$(printf '%s\n' $files | xargs -P "${JOBS:-2}" -I{} sh -c 'f=$1; shift; clang-tidy -quiet "$f" -- "$@" 2>/dev/null' tidy {} "$@")
found=$(printf '%s\n' "$out" | grep -cE ': (warning|error): ')
[ "$found" -eq 0 ] || printf '%s\n' "$out" | grep -E -A3 ': (warning|error): '
echo "tidy: $(printf '%s\n' $files | wc -l) files, $found findings"
[ "$found" -eq 0 ]
