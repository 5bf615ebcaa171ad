#!/bin/sh
# bench.sh BIN OUTDIR: `make bench` — build (or reuse) synthetic clinics of
# 10,000 and 1,000,000 patients, run the model and pseudo-terminal bench
# programs on them, and print one table (figure, median, p99, target, result)
# with the machine it ran on; the same figures go to OUTDIR/bench.json and a
# Markdown copy to OUTDIR/bench.md. Timing lives here, never in `make test`.
#
# Knobs: BENCH_SIZES (default "10000 1000000"), BENCH_SEED (42),
# BENCH_WRITERS (20), BENCH_WRITES (25 per writer), BENCH_READ_WRITERS (100)
# and BENCH_READ_WRITES (5 each) around `show`, BENCH_ROWS (the lookup
# screen's row limit: LOOKUP_MAX in ui/ui_lookup.c, 100), BENCH_HL7_FILE
# (5000 messages through `import hl7`), BENCH_HL7_SEND (1000 messages from
# each of 4 MLLP senders), BENCH_HL7_MEM (100000 messages, the listener's
# memory read after the first tenth and at the end), BENCH_FOLLOWUP (50000:
# the home screen on a clinic of 1,000 patients plus that many in follow-up,
# built with `demo --follow-up`; 0 skips it).
set -eu
BIN=${1:?usage: bench.sh BIN OUTDIR}
OUT=${2:?usage: bench.sh BIN OUTDIR}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SIZES=${BENCH_SIZES:-10000 1000000}
SEED=${BENCH_SEED:-42}
WRITERS=${BENCH_WRITERS:-20}
WRITES=${BENCH_WRITES:-25}
READ_WRITERS=${BENCH_READ_WRITERS:-100}
READ_WRITES=${BENCH_READ_WRITES:-5}
ROWS=${BENCH_ROWS:-100}
FOLLOWUP=${BENCH_FOLLOWUP:-50000}
FIVE_YEAR_MRN=BENCH-5Y

mkdir -p "$OUT"
chmod 0700 "$OUT"
OUT=$(cd "$OUT" && pwd)
MODEL="$OUT/bench_model"
PTY="$OUT/bench_pty"

# A private home: no user configuration or database of the caller's counts.
export HOME="$OUT/home" TZ=UTC LANG=C.UTF-8 XDG_CONFIG_HOME="$OUT/home/.config" \
	XDG_DATA_HOME="$OUT/home/.local/share"
unset HEPADESK_DB HEPADESK_CONFIG NO_COLOR 2>/dev/null || true
mkdir -p "$HOME"

ROWS_FILE="$OUT/rows.txt"
: >"$ROWS_FILE"
started=$(date +%s)

now_ms() { date +%s%3N; }

# --- the machine ---
CORES=$(nproc)
MEM_MB=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 }' /proc/meminfo)
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
SQLITE=$(sqlite3 --version 2>/dev/null | cut -d' ' -f1)
DEMO_VERSION=$(sed -n 's/^#define DEMO_VERSION \([0-9]*\).*/\1/p' "$ROOT/include/demo.h")
SCHEMA=$("$BIN" --version | sed -n 's/.*(schema \([0-9]*\)).*/\1/p')
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
echo "bench: $CORES cores, $MEM_MB MB, ${CPU:-unknown CPU}; SQLite $SQLITE;" \
	"hepadesk $COMMIT, demo v$DEMO_VERSION, schema $SCHEMA"

# --- synthetic clinics, cached by generator version, schema, seed and size ---
db_for() { echo "$OUT/demo-v$DEMO_VERSION-schema$SCHEMA-s$SEED-$1.db"; }

# make_db N [FOLLOW-UP]: a clinic of N patients (and FOLLOW-UP in follow-up,
# named fuFOLLOW-UP, when given).
make_db() {
	n=$1
	fu=${2:-}
	key=${fu:+fu$fu}
	key=${key:-$n}
	db=$(db_for "$key")
	n=$key
	if [ -f "$db.ok" ] && [ -f "$db" ]; then
		read -r secs bytes <"$db.ok"
		echo "row demo_gen.$n $secs $secs 1 s" >>"$ROWS_FILE"
		echo "row demo_size.$n $bytes $bytes 1 MB" >>"$ROWS_FILE"
		echo "note demo of $n patients reused from $(basename "$db") (built in $secs s)" >>"$ROWS_FILE"
		return
	fi
	rm -f "$db" "$db-wal" "$db-shm" "$db.ok" "$db.tmp" "$db.tmp-wal" "$db.tmp-shm" \
		"$db.key" "$db.witness" "$db.tmp.key" "$db.tmp.witness"
	echo "bench: generating a demo clinic of $n patients (seed $SEED)..."
	t0=$(now_ms)
	"$BIN" --db "$db.tmp" init >/dev/null &&
		"$BIN" --db "$db.tmp" demo --patients "${1}" --seed "$SEED" ${fu:+--follow-up "$fu"} >/dev/null
	t1=$(now_ms)
	mv "$db.tmp" "$db"
	mv "$db.tmp.key" "$db.key"
	mv "$db.tmp.witness" "$db.witness"
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
	bytes=$(du -m "$db" | cut -f1)
	echo "$secs $bytes" >"$db.ok"
	echo "row demo_gen.$n $secs $secs 1 s" >>"$ROWS_FILE"
	echo "row demo_size.$n $bytes $bytes 1 MB" >>"$ROWS_FILE"
}

for n in $SIZES; do
	make_db "$n"
done

# --- model figures, then figures on the real program ---
for n in $SIZES; do
	db=$(db_for "$n")
	echo "bench: model figures at $n patients..."
	"$MODEL" "$db" "$n" --rows "$ROWS" --seed "$SEED" >>"$ROWS_FILE"
	echo "bench: start-up and terminal figures at $n patients..."
	"$PTY" show "$BIN" "$db" "$FIVE_YEAR_MRN" 40 "$n" >>"$ROWS_FILE"
	"$PTY" screen "$BIN" "$db" "$FIVE_YEAR_MRN" 10 "$n" >>"$ROWS_FILE"
done

# --- the home screen (`due`) at a large follow-up cohort (issue 14) ---
if [ "$FOLLOWUP" -gt 0 ]; then
	make_db 1000 "$FOLLOWUP"
	echo "bench: home screen at $FOLLOWUP patients in follow-up..."
	"$OUT/bench_home" "$(db_for "fu$FOLLOWUP")" "fu$FOLLOWUP" --reps 50 >>"$ROWS_FILE"
fi

# --- a yardstick for session memory: vim -u NONE in the same terminal ---
if vim=$(command -v vim); then
	"$PTY" reference vim "$vim" -u NONE >>"$ROWS_FILE"
else
	printf 'na rss.vim vim is not installed (the reference is optional)\n' >>"$ROWS_FILE"
	printf 'na dirty.vim vim is not installed (the reference is optional)\n' >>"$ROWS_FILE"
fi

# --- concurrent writers on a copy of the smallest clinic ---
small=$(db_for "$(echo "$SIZES" | tr ' ' '\n' | sort -n | head -n 1)")
first_n=$(echo "$SIZES" | tr ' ' '\n' | sort -n | head -n 1)
wdb="$OUT/writers.db"
rm -f "$wdb" "$wdb-wal" "$wdb-shm"
sqlite3 "$small" "VACUUM INTO '$wdb'"
chmod 0600 "$wdb"
# Its audit key and witness come with it (without the key every write was
# refused: "the audit key ... is missing").
cp "$small.key" "$wdb.key"
cp "$small.witness" "$wdb.witness"
echo "bench: $WRITERS processes x $WRITES \`hepadesk lab add\`..."
"$PTY" writers "$BIN" "$wdb" "$WRITERS" "$WRITES" 10000001 "$first_n" >>"$ROWS_FILE" \
	2>"$OUT/writers.err" || true
if [ -s "$OUT/writers.err" ]; then
	sort "$OUT/writers.err" | uniq -c | sort -rn | head -n 3 |
		sed 's/^ *\([0-9]*\) /note writers: \1 x /' >>"$ROWS_FILE"
fi
rm -f "$wdb"*

# --- opening a patient while 100 writers add labs (issue 13: an audited
# read must not queue behind the writers); then a read that writes nothing
# under the same load, the floor this machine allows ---
for cmd in show drafts; do
	rm -f "$wdb"*
	sqlite3 "$small" "VACUUM INTO '$wdb'"
	chmod 0600 "$wdb"
	cp "$small.key" "$wdb.key"
	cp "$small.witness" "$wdb.witness"
	echo "bench: \`hepadesk $cmd\` while $READ_WRITERS processes x $READ_WRITES \`lab add\`..."
	BENCH_READ_CMD=$cmd "$PTY" readers "$BIN" "$wdb" "$READ_WRITERS" "$READ_WRITES" 10000001 \
		"$first_n" 2>"$OUT/readers.err" |
		if [ "$cmd" = show ]; then cat; else sed -n 's/^row readers_show /row readers_floor /p'; fi \
			>>"$ROWS_FILE" || true
done
rm -f "$wdb"*

# --- HL7 import on a copy of the largest clinic: a batch file, then the
# MLLP listener from 4 concurrent senders and its memory over many messages ---
big_n=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -n 1)
big=$(db_for "$big_n")
hdb="$OUT/hl7.db"
rm -f "$hdb" "$hdb-wal" "$hdb-shm"
cp "$big" "$hdb" && cp "$big.key" "$hdb.key" && cp "$big.witness" "$hdb.witness"
chmod 0600 "$hdb"
echo "bench: HL7 import at $big_n patients (file, then 4 MLLP senders)..."
"$OUT/bench_hl7" file "$BIN" "$hdb" "${BENCH_HL7_FILE:-5000}" >>"$ROWS_FILE"
"$OUT/bench_hl7" listen "$BIN" "$hdb" 4 "${BENCH_HL7_SEND:-1000}" "${BENCH_HL7_MEM:-100000}" \
	>>"$ROWS_FILE"
echo "note HL7 figures on a copy of the $big_n-patient clinic, one result per message" >>"$ROWS_FILE"
rm -f "$hdb" "$hdb-wal" "$hdb-shm" "$hdb.key" "$hdb.witness"

elapsed=$(($(date +%s) - started))
"$HERE/report.sh" "$ROWS_FILE" "$OUT" "$CORES" "$MEM_MB" "${CPU:-unknown}" "$SQLITE" \
	"$COMMIT" "$elapsed"
