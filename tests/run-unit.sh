#!/bin/sh
# Run each cmocka unit-test binary from the repository root; print a summary
# line "unit: N passed, N failed" and fail if any binary failed.
pass=0; fail=0
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	pass=$((pass + ${p:-0}))
	if [ $rc -ne 0 ] || [ -n "$f" ]; then
		fail=$((fail + ${f:-1}))
		printf '%s\n' "$out" | grep -E 'FAILED|ERROR|error|Assert|failure' | head -n 20
		echo "FAIL: $t (exit $rc)"
	else
		echo "ok - $(basename "$t"): ${p:-0} tests"
	fi
done
echo "unit: $pass passed, $fail failed"
[ $fail -eq 0 ]
