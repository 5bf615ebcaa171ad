#!/bin/sh
# Run each libFuzzer target of tests/fuzz for $FUZZ_SECONDS on its corpus in
# tests/fuzz/corpus/NAME/ (read only); new inputs go to BUILD/corpus/NAME/,
# and with FUZZ_MERGE=1 those that add coverage and are at most
# $FUZZ_MERGE_MAX bytes are merged into the corpus in the tree. Prints one
# line per target (executions, merged inputs, crash) and fails on a crash.
# A timeout is re-run alone once: on a stalled, shared host every target can
# time out at the same moment on inputs that take a millisecond.
# usage: tests/fuzz/run.sh BUILD NAME...
set -u
build=$1
shift
secs=${FUZZ_SECONDS:-20}
merge=${FUZZ_MERGE:-1}
max=${FUZZ_MERGE_MAX:-2048}
timeout=${FUZZ_TIMEOUT:-30}
fail=0

# True when every artifact of this run is a timeout that does not recur.
stalled() {
	for a in "$crashes/$name-"*; do
		case "$a" in *"/$name-timeout-"*) ;; *) return 1 ;; esac
		"$bin" -timeout="$timeout" "$a" >>"$log" 2>&1 || return 1
	done
}

for name in "$@"; do
	bin=$build/fuzz_$name
	tree=tests/fuzz/corpus/$name
	new=$build/corpus/$name
	crashes=$build/crashes
	log=$build/fuzz_$name.log
	mkdir -p "$tree" "$new" "$crashes"
	rm -f "$crashes/$name-"*
	"$bin" -max_total_time="$secs" -print_final_stats=1 -timeout="$timeout" -max_len=8192 \
		-artifact_prefix="$crashes/$name-" "$new" "$tree" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	note=""
	if [ $rc -ne 0 ] && stalled; then
		rc=0
		note="; a timeout did not recur alone (host stalled)"
	fi
	merged=0
	if [ $rc -eq 0 ] && [ "$merge" = 1 ]; then
		find "$new" -type f -size +"$max"c -delete
		before=$(ls "$tree" | wc -l)
		"$bin" -merge=1 "$tree" "$new" >"$log.merge" 2>&1 || rc=$?
		merged=$(($(ls "$tree" | wc -l) - before))
	fi
	if [ $rc -ne 0 ]; then
		fail=1
		echo "not ok - fuzz_$name: ${execs:-?} executions in ${secs}s; crash (exit $rc), input in $crashes/, log $log"
		grep -E '^(==[0-9]+== ?ERROR|SUMMARY|.*runtime error)' "$log" | head -n 5
	else
		echo "ok - fuzz_$name: ${execs:-?} executions in ${secs}s, $merged new inputs merged into $tree$note"
	fi
done
exit $fail
