#!/bin/sh
# Run shell test scripts (command-line and screen tests). Each script prints
# "ok - ..." / "not ok - ..." lines and exits non-zero on failure. Prints the
# summary line "N passed, N failed" and fails if any script failed.
pass=0; fail=0
for t in "$@"; do
	[ -f "$t" ] || continue
	case "$t" in */lib.sh) continue ;; esac
	out=$(sh "$t" 2>&1); rc=$?
	printf '%s\n' "$out" | grep -E '^(ok|not ok)' || true
	p=$(printf '%s\n' "$out" | grep -c '^ok')
	f=$(printf '%s\n' "$out" | grep -c '^not ok')
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		printf '%s\n' "$out" | tail -n 15
		echo "not ok - $t exited $rc"
	fi
	pass=$((pass + p)); fail=$((fail + f))
done
echo "$(basename "$(dirname "${1:-x/x}")"): $pass passed, $fail failed"
[ $fail -eq 0 ]
