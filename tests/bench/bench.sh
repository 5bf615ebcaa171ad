#!/bin/sh
# bench.sh BIN OUTDIR: `make bench` — build (or reuse) synthetic clinics of
# 10,000 and 1,000,000 patients, run the model and pseudo-terminal bench
# programs on them, and print one table (figure, median, p99, target, result)
# with the machine it ran on; the same figures go to OUTDIR/bench.json and a
# Markdown copy to OUTDIR/bench.md. Timing lives here, never in `make test`.
#
# Knobs: BENCH_SIZES (default "10000 1000000"), BENCH_SEED (42),
# BENCH_FOLLOWUP (50000: a clinic of that many patients in follow-up, beside
# as many others, for the home screen's cost; 0 skips it), BENCH_WRITERS (20), BENCH_WRITES (25 per writer), BENCH_READ_WRITERS (100)
# and BENCH_READ_WRITES (5 each) around `show`, BENCH_ROWS (the lookup
# screen's row limit: LOOKUP_MAX in ui/ui_lookup.c, 100), BENCH_HL7_FILE
# (5000 messages through `import hl7`), BENCH_REPORT_PATIENTS (100000: the
# clinic the outcomes report runs on), BENCH_HL7_SEND (1000 messages from
# each of 4 MLLP senders), BENCH_HL7_MEM (100000 messages, the listener's
# memory read after the first tenth and at the end), BENCH_REPORT_REPS (5
# openings of the outcomes report screen per clinic).
set -eu
BIN=${1:?usage: bench.sh BIN OUTDIR}
OUT=${2:?usage: bench.sh BIN OUTDIR}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SIZES=${BENCH_SIZES:-10000 1000000}
SEED=${BENCH_SEED:-42}
FOLLOWUP=${BENCH_FOLLOWUP:-50000}
WRITERS=${BENCH_WRITERS:-20}
WRITES=${BENCH_WRITES:-25}
READ_WRITERS=${BENCH_READ_WRITERS:-100}
READ_WRITES=${BENCH_READ_WRITES:-5}
ROWS=${BENCH_ROWS:-100}
REPORT_REPS=${BENCH_REPORT_REPS:-5}
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

# make_db N [FOLLOWUP]: a clinic of N patients (and FOLLOWUP in follow-up,
# named fuFOLLOWUP; without it one in twenty of N, at most 50,000).
make_db() {
	n=$1
	fu=${2:-}
	label=${fu:+fu}${fu:-$n} # the rows' name: 10000, or fu50000 beside 50,000 others
	db=$(db_for "$label")
	if [ -f "$db.ok" ] && [ -f "$db" ]; then
		read -r secs bytes <"$db.ok"
		echo "row demo_gen.$label $secs $secs 1 s" >>"$ROWS_FILE"
		echo "row demo_size.$label $bytes $bytes 1 MB" >>"$ROWS_FILE"
		echo "note demo of $n patients${fu:+ and $fu in follow-up} reused from $(basename "$db") (built in $secs s)" >>"$ROWS_FILE"
		return
	fi
	rm -f "$db" "$db-wal" "$db-shm" "$db.ok" "$db.tmp" "$db.tmp-wal" "$db.tmp-shm" \
		"$db.key" "$db.witness" "$db.tmp.key" "$db.tmp.witness" "$db.access" \
		"$db.access.witness" "$db.tmp.access" "$db.tmp.access.witness"
	echo "bench: generating a demo clinic of $n patients${fu:+ and $fu in follow-up} (seed $SEED)..."
	t0=$(now_ms)
	"$BIN" --db "$db.tmp" init >/dev/null &&
		"$BIN" --db "$db.tmp" demo --patients "$n" --seed "$SEED" ${fu:+--followup "$fu"} >/dev/null
	t1=$(now_ms)
	mv "$db.tmp" "$db"
	mv "$db.tmp.key" "$db.key"
	mv "$db.tmp.witness" "$db.witness"
	for side in access access.witness; do # the access trail, made beside it
		if [ -f "$db.tmp.$side" ]; then mv "$db.tmp.$side" "$db.$side"; fi
	done
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
	bytes=$(du -m "$db" | cut -f1)
	echo "$secs $bytes" >"$db.ok"
	echo "row demo_gen.$label $secs $secs 1 s" >>"$ROWS_FILE"
	echo "row demo_size.$label $bytes $bytes 1 MB" >>"$ROWS_FILE"
}

for n in $SIZES; do
	make_db "$n"
done
# The home screen with 50,000 patients in follow-up without the 1,000,000-
# patient clinic (which takes over half an hour to build here).
if [ "$FOLLOWUP" -gt 0 ]; then
	make_db "$FOLLOWUP" "$FOLLOWUP"
	echo "bench: clinic dashboard with $FOLLOWUP patients in follow-up..."
	"$MODEL" "$(db_for "fu$FOLLOWUP")" "fu$FOLLOWUP" --rows "$ROWS" --seed "$SEED" --only clinic >>"$ROWS_FILE"
fi

# --- model figures, then figures on the real program ---
for n in $SIZES; do
	db=$(db_for "$n")
	echo "bench: model figures at $n patients..."
	"$MODEL" "$db" "$n" --rows "$ROWS" --seed "$SEED" >>"$ROWS_FILE"
	echo "bench: start-up and terminal figures at $n patients..."
	"$PTY" show "$BIN" "$db" "$FIVE_YEAR_MRN" 40 "$n" >>"$ROWS_FILE"
	"$PTY" screen "$BIN" "$db" "$FIVE_YEAR_MRN" 10 "$n" >>"$ROWS_FILE"
	echo "bench: the outcomes report screen at $n patients..."
	"$PTY" report "$BIN" "$db" "$REPORT_REPS" "$n" >>"$ROWS_FILE"
done

# --- the cohort outcomes report: a clinic of BENCH_REPORT_PATIENTS (100,000;
# the demo treats a twentieth of them: 5,000), every statement it runs
# explained in the notes ---
REPORT_N=${BENCH_REPORT_PATIENTS:-100000}
make_db "$REPORT_N"
echo "bench: the cohort outcomes report at $REPORT_N patients..."
"$OUT/bench_report" "$(db_for "$REPORT_N")" "$REPORT_N" >>"$ROWS_FILE"

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

# --- a full CSV export of the largest clinic: memory stays flat (issue 16;
# the export streams patient by patient), and its rate. On a copy, since
# every export writes its access row. ---
edb="$OUT/export.db"
rm -f "$edb" "$edb-wal" "$edb-shm" "$edb.access"*
cp "$big" "$edb" && cp "$big.key" "$edb.key" && cp "$big.witness" "$edb.witness"
chmod 0600 "$edb"
echo "bench: full \`export csv\` of the $big_n-patient clinic..."
t0=$(now_ms)
/usr/bin/time -v -o "$OUT/export.time" "$BIN" --db "$edb" export csv --out "$OUT/export.csv"
t1=$(now_ms)
rows=$(($(wc -l <"$OUT/export.csv") - 1))
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$OUT/export.time")
secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
rate=$(awk -v r="$rows" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", r * 1000 / (b - a) }')
mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
echo "row export_csv_rss $mb $mb 1 MB" >>"$ROWS_FILE"
echo "row export_csv_rows $rows $rows 1 rows" >>"$ROWS_FILE"
echo "row export_csv_secs $secs $secs 1 s" >>"$ROWS_FILE"
echo "row export_csv_rate $rate $rate 1 rows/s" >>"$ROWS_FILE"
echo "note export figures on a copy of the $big_n-patient clinic ($(du -m "$OUT/export.csv" | cut -f1) MB of CSV)" >>"$ROWS_FILE"
rm -f "$OUT/export.csv" "$OUT/export.time"

# --- the same clinic as CDISC ODM, streamed to a counter rather than a file
# (its XML is several times the CSV's size): peak RSS, ItemData and rate. ---
echo "bench: full \`export odm\` of the $big_n-patient clinic..."
t0=$(now_ms)
rows=$( (/usr/bin/time -v -o "$OUT/export.time" "$BIN" --db "$edb" export odm) | grep -c '<ItemData ')
t1=$(now_ms)
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$OUT/export.time")
secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
rate=$(awk -v r="$rows" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", r * 1000 / (b - a) }')
mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
echo "row export_odm_rss $mb $mb 1 MB" >>"$ROWS_FILE"
echo "row export_odm_rows $rows $rows 1 ItemData" >>"$ROWS_FILE"
echo "row export_odm_secs $secs $secs 1 s" >>"$ROWS_FILE"
echo "row export_odm_rate $rate $rate 1 ItemData/s" >>"$ROWS_FILE"
rm -f "$edb" "$edb-wal" "$edb-shm" "$edb".* "$OUT/export.time"

elapsed=$(($(date +%s) - started))
"$HERE/report.sh" "$ROWS_FILE" "$OUT" "$CORES" "$MEM_MB" "${CPU:-unknown}" "$SQLITE" \
	"$COMMIT" "$elapsed"
