#!/bin/sh
# Run shell test scripts (command-line and screen tests). Each script prints
# "ok - ..." / "not ok - ..." lines and exits non-zero on failure. Prints the
# summary line "NAME: N passed, N failed" and fails if any script failed.
#
# Scripts run concurrently, at most $JOBS at a time (default: twice the
# number of cores; most of the time of a screen test is waiting for the
# screen). Each script's output is kept whole and printed in the order the
# scripts were given, as soon as it and the ones before it are done. A
# script marked "# run-sh: alone" runs first, with no other of its suite.
# JOBS=1 runs them one after another; TIMES=1 prints each script's time.
name=$(basename "$(dirname "${1:-x/x}")")
jobs=${JOBS:-$(($(nproc 2>/dev/null || echo 1) * 2))}
case "$jobs" in '' | *[!0-9]* | 0) echo "run-sh: JOBS must be a positive number" >&2; exit 2 ;; esac
R=$(mktemp -d "${TMPDIR:-/tmp}/hd-run.XXXXXX") || exit 1
trap 'rm -rf "$R"' EXIT
trap 'exit 130' INT TERM

# A pipe holding one token per free slot: a script takes one to start and
# gives it back when it ends.
mkfifo "$R/slots" || exit 1
exec 3<>"$R/slots"
i=0
while [ $i -lt "$jobs" ]; do echo >&3; i=$((i + 1)); done

pass=0; fail=0; n=0; shown=0

# report I: what the script numbered I printed, and its count.
report() {
	name_=$(cat "$R/$1.name")
	rc=$(cat "$R/$1.rc")
	out=$(cat "$R/$1.out")
	printf '%s\n' "$out" | grep -E '^(ok|not ok)' || true
	p=$(printf '%s\n' "$out" | grep -c '^ok')
	f=$(printf '%s\n' "$out" | grep -c '^not ok')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		printf '%s\n' "$out" | tail -n 15
		echo "not ok - $name_ exited $rc"
	fi
	pass=$((pass + p)); fail=$((fail + f))
	[ -z "${TIMES:-}" ] || echo "# $(cat "$R/$1.ms") ms $name_"
}

# Print, in order, the scripts that are done and have none before them left.
flush() {
	while [ $shown -lt $n ] && [ -f "$R/$((shown + 1)).rc" ]; do
		shown=$((shown + 1))
		report $shown
	done
}

# Number the scripts in the order given (the order of the report).
for t in "$@"; do
	[ -f "$t" ] || continue
	case "$t" in */lib.sh) continue ;; esac
	n=$((n + 1))
	printf '%s\n' "$t" >"$R/$n.name"
done

# start I SLOTS: run script I holding SLOTS slots; give them back at the end.
start() {
	(
		t0=$(date +%s%N)
		sh "$(cat "$R/$1.name")" >"$R/$1.out" 2>&1 3>&-
		rc=$?
		echo $((($(date +%s%N) - t0) / 1000000)) >"$R/$1.ms"
		echo $rc >"$R/$1.rc.tmp" && mv "$R/$1.rc.tmp" "$R/$1.rc"
		k=0
		while [ $k -lt "$2" ]; do echo >&3; k=$((k + 1)); done
	) &
}

# A script with the line "# run-sh: alone" (many processes racing for one
# lock within a timeout) runs with no other script of this suite: it takes
# every slot. Those run first, then the others, each taking one slot.
i=0
while [ $i -lt $n ]; do
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
