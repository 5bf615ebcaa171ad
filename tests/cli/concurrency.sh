# Command-line tests: many sessions writing one database at once — every
# write lands, none reports an error, the audit has one row per lab row and
# its chain verifies. Also many first opens of a new file at once.
# run-sh: alone
# (20 writers must each get the lock within the 5 s busy timeout: with the
# other command-line scripts on the same cores, crash.sh's busy writers
# among them, some did not on a loaded 2-core machine.)
. "$(dirname "$0")/lib.sh"

PROCS=20
EACH=25

run hd patient add --mrn C100 --name "CONCURRENT, Carla" --dob 1960-01-01 --sex F
expect_rc "patient for the writers" 0

# The writers put many ALT values on one day: --confirm answers unit sense's
# same-day question (tests/cli/unitsense.sh tests the question itself).
writer() { # writer ID: EACH lab adds, one line per failure in $T/fail.ID
	i=0
	while [ $i -lt $EACH ]; do
		v=$(( (($1 * EACH + i) % 40) + 10 ))
		if ! hd lab add C100 --date 2026-01-15 --alt "$v" --source "w$1" --confirm >/dev/null 2>>"$T/err.$1"; then
			echo "writer $1 write $i failed" >>"$T/fail.$1"
		fi
		i=$((i + 1))
	done
}

start=$(date +%s.%N)
w=1
while [ $w -le $PROCS ]; do writer $w & w=$((w + 1)); done
# Readers meanwhile: verifying the chain and listing never wait for writers.
r=0
while [ $r -lt 5 ]; do
	hd audit verify >/dev/null 2>>"$T/readerr" || echo "verify $r" >>"$T/readfail"
	hd find CONC >/dev/null 2>>"$T/readerr" || echo "find $r" >>"$T/readfail"
	r=$((r + 1))
done
wait
end=$(date +%s.%N)
secs=$(echo "$end $start" | awk '{printf "%.1f", $1 - $2}')
writes=$((PROCS * EACH))
errors=$(cat "$T"/fail.* 2>/dev/null | wc -l)
errlines=$(cat "$T"/err.* 2>/dev/null | wc -l)
labs=$(sql "select count(*) from labs")
audited=$(sql "select count(*) from audit where tbl = 'labs' and action = 'create'")
expect_eq "no writer failed ($errors failures; first: $(cat "$T"/err.* 2>/dev/null | head -n 1))" "$errors" 0
expect_eq "no writer printed an error" "$errlines" 0
expect_eq "every write landed ($PROCS processes x $EACH)" "$labs" "$writes"
expect_eq "one audit row per lab row" "$audited" "$writes"
expect_eq "each writer's rows all present" "$(sql "select count(distinct source) || '/' || min(n) || '/' || max(n) from (select source, count(*) n from labs group by source)")" "$PROCS/$EACH/$EACH"
expect_eq "readers during the writes all succeeded" "$(cat "$T/readfail" 2>/dev/null | wc -l)" 0
run hd audit verify
expect_rc "audit chain intact after concurrent writes" 0
expect_eq "integrity ok" "$(sql "pragma integrity_check")" "ok"
echo "ok - concurrency: $PROCS processes, $writes writes, ${secs}s, $errors errors"

# Many sessions opening a path with no database at once: each is refused
# naming it, and none creates it (only init does).
NEW="$T/new/clinic.db"
w=1
while [ $w -le $PROCS ]; do
	# Each its own file: 20 unbuffered stderrs appending to one file
	# interleave their pieces, and a line cut in two no longer matches.
	( "$HEPADESK" --db "$NEW" find X >/dev/null 2>"$T/newerr.$w" && echo opened >>"$T/newfail" ) &
	w=$((w + 1))
done
wait
expect_eq "$PROCS opens of a missing database: none succeeds" "$(cat "$T/newfail" 2>/dev/null | wc -l)" 0
expect_eq "each names the path" "$(cat "$T"/newerr.* | grep -c "database $NEW does not exist")" "$PROCS"
expect_eq "and nothing was created" "$(ls "$T/new" 2>/dev/null | wc -l)" 0
# Many inits of one new database at once: exactly one makes it.
w=1
while [ $w -le $PROCS ]; do
	( "$HEPADESK" --db "$NEW" init >/dev/null 2>>"$T/initerr" && echo made >>"$T/initok" ) &
	w=$((w + 1))
done
wait
expect_eq "$PROCS inits at once: one made the database" "$(cat "$T/initok" 2>/dev/null | wc -l)" 1
expect_eq "the others say it already exists" "$(grep -c "already exists" "$T/initerr")" "$((PROCS - 1))"
expect_eq "migrated once" "$(sqlite3 "$NEW" "pragma user_version")" "$(sql "pragma user_version")"
expect_eq "one admin bootstrapped" "$(sqlite3 "$NEW" "select count(*) from users")" 1
finish
