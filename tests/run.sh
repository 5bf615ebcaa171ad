#!/bin/sh
# Run tests concurrently and print one summary line "NAME: N passed, N failed";
# fail if any test failed.
#
#   tests/run.sh sh   SCRIPT...  shell tests (command line, screens): each
#                                prints "ok - ..." / "not ok - ..." lines and
#                                exits non-zero on failure
#   tests/run.sh unit BINARY...  cmocka unit-test binaries, from the root
#
# At most $JOBS run at a time (default: the number of cores for unit tests,
# twice that for shell tests, which mostly wait for a screen). Each test's
# report is printed whole, in the order given, as soon as it and the ones
# before it are done. A script marked "# run-sh: alone" (many processes
# racing for one lock within a timeout) runs first, with no other test of
# its suite. JOBS=1 runs them one after another; TIMES=1 prints each time.
kind=${1:-}
shift
cores=$(nproc 2>/dev/null || echo 1)
case "$kind" in
sh) name=$(basename "$(dirname "${1:-x/x}")"); jobs=${JOBS:-$((cores * 2))} ;;
unit) name=unit; jobs=${JOBS:-$cores} ;;
*) echo "usage: tests/run.sh sh|unit TEST..." >&2; exit 2 ;;
esac
case "$jobs" in '' | *[!0-9]* | 0) echo "run.sh: JOBS must be a positive number" >&2; exit 2 ;; esac
R=$(mktemp -d "${TMPDIR:-/tmp}/hd-run.XXXXXX") || exit 1
trap 'rm -rf "$R"' EXIT
trap 'exit 130' INT TERM

# A pipe holding one token per free slot: a test takes one to start and
# gives it back when it ends.
mkfifo "$R/slots" || exit 1
exec 3<>"$R/slots"
i=0
while [ $i -lt "$jobs" ]; do echo >&3; i=$((i + 1)); done

pass=0; fail=0; n=0; shown=0

# count_sh OUT RC / count_unit OUT RC: set p and f, print what to show.
count_sh() {
	printf '%s\n' "$1" | grep -E '^(ok|not ok)' || true
	p=$(printf '%s\n' "$1" | grep -c '^ok')
	f=$(printf '%s\n' "$1" | grep -c '^not ok')
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		printf '%s\n' "$1" | tail -n 15
		echo "not ok - $name_ exited $2"
	fi
}
count_unit() {
	p=$(printf '%s\n' "$1" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	f=$(printf '%s\n' "$1" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	p=${p:-0}
	if [ "$2" -ne 0 ] || [ -n "$f" ]; then
		f=${f:-1}
		printf '%s\n' "$1" | grep -E 'FAILED|ERROR|error|Assert|failure' | head -n 20
		echo "FAIL: $name_ (exit $2)"
	else
		f=0
		echo "ok - $(basename "$name_"): $p tests"
	fi
}

# report I: what test number I printed, and its count.
report() {
	name_=$(cat "$R/$1.name")
	count_$kind "$(cat "$R/$1.out")" "$(cat "$R/$1.rc")"
	pass=$((pass + p)); fail=$((fail + f))
	[ -z "${TIMES:-}" ] || echo "# $(cat "$R/$1.ms") ms $name_"
}

# Print, in order, the tests that are done and have none before them left.
flush() {
	while [ $shown -lt $n ] && [ -f "$R/$((shown + 1)).rc" ]; do
		shown=$((shown + 1))
		report $shown
	done
}

# Number the tests in the order given (the order of the report).
for t in "$@"; do
	[ -f "$t" ] || continue
	case "$t" in */lib.sh) continue ;; esac
	n=$((n + 1))
	printf '%s\n' "$t" >"$R/$n.name"
done

# start I SLOTS: run test I holding SLOTS slots; give them back at the end.
start() {
	(
		t=$(cat "$R/$1.name")
		t0=$(date +%s%N)
		if [ "$kind" = sh ]; then sh "$t"; else "$t"; fi >"$R/$1.out" 2>&1 3>&-
		rc=$?
		echo $((($(date +%s%N) - t0) / 1000000)) >"$R/$1.ms"
		echo $rc >"$R/$1.rc.tmp" && mv "$R/$1.rc.tmp" "$R/$1.rc"
		k=0
		while [ $k -lt "$2" ]; do echo >&3; k=$((k + 1)); done
	) &
}

# Scripts that run alone take every slot; they go first, then the others,
# each taking one slot.
i=0
while [ "$kind" = sh ] && [ $i -lt $n ]; do
	i=$((i + 1))
	grep -q '^# run-sh: alone' "$(cat "$R/$i.name")" || continue
	k=0
	while [ $k -lt "$jobs" ]; do read -r _ <&3; k=$((k + 1)); done
	flush
	start $i "$jobs"
	touch "$R/$i.started"
done
i=0
while [ $i -lt $n ]; do
	i=$((i + 1))
	[ -e "$R/$i.started" ] && continue
	read -r _ <&3 # wait for a free slot
	flush
	start $i 1
done
wait
i=0 # a runner killed before it could record the exit status: a failure
while [ $i -lt $n ]; do i=$((i + 1)); [ -f "$R/$i.rc" ] || echo 1 >"$R/$i.rc"; done
flush
exec 3>&-
echo "$name: $pass passed, $fail failed"
[ $fail -eq 0 ]
