# Command-line tests: writers killed with SIGKILL at random points. After
# every round the file is sound, the audit chain verifies, every lab row has
# its audit row, and every acknowledged write (the writer saw its success
# before dying) is present.
. "$(dirname "$0")/lib.sh"

ROUNDS=30
WRITERS=3

rand() { # rand N: 0..N-1
	echo $(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % $1 ))
}

run hd patient add --mrn K100 --name "CRASH, Kim" --dob 1960-01-01 --sex F
expect_rc "patient for the writers" 0

writer() { # writer ROUND ID: lab adds until killed; acknowledged tags to $T/ack
	i=0
	while :; do
		tag="r$1w$2n$i"
		hd lab add K100 --date 2026-01-15 --alt 33 --source "$tag" >/dev/null 2>&1 &&
			echo "$tag" >>"$T/ack"
		i=$((i + 1))
	done
}

: >"$T/ack"
killed=0
round=1
while [ $round -le $ROUNDS ]; do
	pids=""
	w=1
	while [ $w -le $WRITERS ]; do writer $round $w & pids="$pids $!"; w=$((w + 1)); done
	sleep "0.$(( $(rand 25) + 5 ))"
	for p in $pids; do
		kill -STOP $p 2>/dev/null    # the loop first, so it acknowledges nothing more
		pkill -9 -P $p 2>/dev/null && killed=$((killed + 1)) # then its hepadesk
		kill -9 $p 2>/dev/null
	done
	wait 2>/dev/null
	round=$((round + 1))
done

acked=$(sort -u "$T/ack" | wc -l)
sort -u "$T/ack" >"$T/ack.sorted"
sql "select source from labs" | sort -u >"$T/have"
lost=$(comm -23 "$T/ack.sorted" "$T/have" | wc -l)
labs=$(sql "select count(*) from labs")
expect_eq "integrity ok after $ROUNDS rounds of SIGKILL" "$(sql "pragma integrity_check")" "ok"
run hd audit verify
expect_rc "audit chain intact after SIGKILL rounds" 0
expect_eq "no acknowledged write lost ($acked acknowledged, $labs stored)" "$lost" 0
expect_eq "every lab row has its audit row" "$(sql "select count(*) from audit where tbl = 'labs'")" "$labs"
expect_eq "no half-written panel" "$(sql "select count(*) from labs l where not exists (select 1 from audit a where a.tbl = 'labs' and a.row_id = l.id)")" 0
[ "$acked" -gt 0 ] && ok "writers made progress between kills" || notok "no write was acknowledged"
echo "ok - crash: $ROUNDS rounds x $WRITERS writers, $killed hepadesk processes SIGKILLed, $acked acknowledged, $labs stored, $lost lost"

# Killed while creating and migrating a new file (init): no half-made
# database is left under its name, so the next init makes it whole.
NEW="$T/new/clinic.db"
k=1
while [ $k -le 5 ]; do
	[ -e "$NEW" ] && break
	"$HEPADESK" --db "$NEW" init >/dev/null 2>&1 &
	p=$!
	sleep "0.0$(rand 5)"
	kill -9 $p 2>/dev/null
	wait $p 2>/dev/null
	k=$((k + 1))
done
[ -e "$NEW" ] || "$HEPADESK" --db "$NEW" init >/dev/null
run "$HEPADESK" --db "$NEW" find X
expect_rc "a file killed during creation opens afterwards (no patient: exit 1)" 1
expect_in "and answers a lookup" "no patient matches 'X'" "$ERR"
expect_eq "and is fully migrated" "$(sqlite3 "$NEW" "pragma user_version")" "$(sql "pragma user_version")"
expect_eq "and sound" "$(sqlite3 "$NEW" "pragma integrity_check")" "ok"
finish
