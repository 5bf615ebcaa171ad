#!/bin/sh
# Run each cmocka unit-test binary from the repository root; print a summary
# line "unit: N passed, N failed" and fail if any binary failed. Binaries run
# concurrently, at most $JOBS at a time (default: the number of cores); each
# one's report is printed whole, in the order given. JOBS=1: one by one.
jobs=${JOBS:-$(nproc 2>/dev/null || echo 1)}
case "$jobs" in '' | *[!0-9]* | 0) echo "run-unit: JOBS must be a positive number" >&2; exit 2 ;; esac
R=$(mktemp -d "${TMPDIR:-/tmp}/hd-run.XXXXXX") || exit 1
trap 'rm -rf "$R"' EXIT
trap 'exit 130' INT TERM
mkfifo "$R/slots" || exit 1
exec 3<>"$R/slots"
i=0
while [ $i -lt "$jobs" ]; do echo >&3; i=$((i + 1)); done

pass=0; fail=0; n=0; shown=0
report() {
	name_=$(cat "$R/$1.name")
	rc=$(cat "$R/$1.rc")
	out=$(cat "$R/$1.out")
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	pass=$((pass + ${p:-0}))
	if [ "$rc" -ne 0 ] || [ -n "$f" ]; then
		fail=$((fail + ${f:-1}))
		printf '%s\n' "$out" | grep -E 'FAILED|ERROR|error|Assert|failure' | head -n 20
		echo "FAIL: $name_ (exit $rc)"
	else
		echo "ok - $(basename "$name_"): ${p:-0} tests"
	fi
}
flush() {
	while [ $shown -lt $n ] && [ -f "$R/$((shown + 1)).rc" ]; do
		shown=$((shown + 1))
		report $shown
	done
}

for t in "$@"; do
	read -r _ <&3 # wait for a free slot
	flush
	n=$((n + 1))
	printf '%s\n' "$t" >"$R/$n.name"
	(
		"$t" >"$R/$n.out" 2>&1 3>&-
		echo $? >"$R/$n.rc.tmp" && mv "$R/$n.rc.tmp" "$R/$n.rc"
		echo >&3
	) &
done
wait
i=0 # a runner killed before it could record the exit status: a failure
while [ $i -lt $n ]; do i=$((i + 1)); [ -f "$R/$i.rc" ] || echo 1 >"$R/$i.rc"; done
flush
exec 3>&-
echo "unit: $pass passed, $fail failed"
[ $fail -eq 0 ]
