#!/bin/sh
# report.sh ROWS OUTDIR CORES MEM_MB CPU SQLITE COMMIT ELAPSED: turn the bench
# programs' "row"/"na"/"note" lines into the table (stdout), bench.json and
# bench.md. One table below names every figure, the statistic its target is
# judged on, and the target; the table order is the print order. Figures the
# programs report that the table does not name (per-kind breakdowns at 10k)
# go to bench.json only.
set -eu
ROWS=$1 OUT=$2 CORES=$3 MEM=$4 CPU=$5 SQLITE=$6 COMMIT=$7 ELAPSED=$8

# id | figure | judged on (median|p99|-) | op (<, =) | limit
FIGURES=$(cat <<'EOF'
demo_gen.10000|Demo generation, 10k patients|-||
demo_size.10000|Demo database size, 10k patients|-||
demo_gen.1000000|Demo generation, 1M patients|median|<|120
demo_size.1000000|Demo database size, 1M patients|-||
lookup_all.10000|Lookup per keystroke, 10k (store_patient_find)|p99|<|2
floor_all.10000|  bare SQLite floor, same index and LIMIT, 10k|-||
ratio_all.10000|  lookup / floor, 10k|median|<|3
lookup_all.1000000|Lookup per keystroke, 1M (store_patient_find)|p99|<|2
floor_all.1000000|  bare SQLite floor, same index and LIMIT, 1M|-||
ratio_all.1000000|  lookup / floor, 1M|median|<|3
lookup_name_accented.1000000|  names typed with accents, 1M|p99|<|2
ratio_name_accented.1000000|  ... / floor|median|<|3
lookup_name_plain.1000000|  names typed without accents, 1M|p99|<|2
ratio_name_plain.1000000|  ... / floor|median|<|3
lookup_mrn.1000000|  MRN prefixes, 1M|p99|<|2
ratio_mrn.1000000|  ... / floor|median|<|3
startup_show_first.10000|Start-up to first `hepadesk show MRN` output, 10k|-||
startup_show_first.1000000|Start-up to first `hepadesk show MRN` output, 1M|p99|<|50
startup_show_done.1000000|Start-up to complete `show` output and exit, 1M|-||
startup_screen.10000|Start-up to first complete screen, 10k|-||
startup_screen.1000000|Start-up to first complete screen, 1M|p99|<|50
overview_5y.10000|Patient overview, 5 years of follow-up, 10k|p99|<|10
overview_5y.1000000|Patient overview, 5 years of follow-up, 1M|p99|<|10
patient_dashboard_5y.1000000|Patient dashboard, 5 years of follow-up, 1M|p99|<|10
report_outcomes.100000|Cohort outcomes report, 5,000 treated (100k demo)|median|<|1000
clinic_dashboard.10000|Clinic dashboard (home screen), 10k|-||
clinic_dashboard.1000000|Clinic dashboard (home screen), 1M (50,000 in follow-up)|p99|<|50
clinic_dashboard.fu50000|Clinic dashboard (home screen), 50,000 in follow-up (100k patients)|p99|<|50
report_screen_first.10000|Report screen: key to first frame (progress line or report), 10k|p99|<|200
report_screen.10000|Report screen: key to complete screen (built + drawn), 10k|p99|<|200
report_screen_cpu.10000|  of which on a core (CPU time, /proc/PID/schedstat), 10k|-||
report_measure.10000|  next measure (redrawn from the built report), 10k|p99|<|200
report_screen_first.1000000|Report screen: key to first frame (progress line or report), 1M|p99|<|200
report_screen.1000000|Report screen: key to complete screen, 1M|-||
report_screen_cpu.1000000|  of which on a core, 1M|-||
report_measure.1000000|  next measure, 1M|p99|<|200
rss_show.1000000|Peak RSS of `hepadesk show`, 1M|-||
rss_session.1000000|Peak RSS of one session (lookup, patient, dashboard), 1M|median|<|6
dirty_session.1000000|  of which written by the session (cost of one more session)|-||
rss.vim|Peak RSS of `vim -u NONE` in the same terminal (reference)|-||
dirty.vim|  of which written by vim|-||
tty_full_repaint.1000000|Terminal bytes, one full 80x24 repaint (lookup list)|-||
tty_lookup_type.1000000|Terminal bytes per character typed in the lookup|-||
tty_list_move.1000000|Terminal bytes per cursor move in the lookup list|p99|<|200
tty_page.1000000|Terminal bytes per page of lookup results|-||
tty_page_ratio.1000000|  page / full repaint|p99|<|0.3333
tty_field_move.1000000|Terminal bytes per move between form fields|-||
writers_latency|Concurrent writers: one `lab add` (process start to exit)|-||
writers_slowest|Concurrent writers: slowest write|median|<|1000
writers_per_s|Concurrent writers: writes per second|-||
writers_errors|Concurrent writers: errors|median|=|0
hl7.file_rate|HL7 `import hl7` of a batch file, largest clinic|-||
hl7.listen_rate|HL7 listener, 4 concurrent senders (ACK awaited), largest clinic|-||
hl7.listen_errors|  messages not acknowledged AA|median|=|0
hl7.rss_first|HL7 listener RSS after the first tenth of the messages|-||
hl7.rss_last|HL7 listener RSS after all of them (BENCH_HL7_MEM, 100,000)|-||
hl7.dirty_first|  Private_Dirty after the first tenth|-||
hl7.dirty_last|  Private_Dirty after all of them|-||
hl7.dirty_growth|  growth of Private_Dirty (flat: under 0.5 MB)|median|<|0.5
readers_show|Opening a patient (`show`) while 100 processes add labs|p99|<|100
readers_floor|  a read that writes nothing (`drafts`), same load: the floor|-||
readers_show_errors|  `show` errors|median|=|0
readers_writers_slowest|  the 100 writers: slowest write (process start to exit)|-||
readers_writers_errors|  the 100 writers: errors (busy timeout reached or other)|median|=|0
export_csv_rss|Full `export csv` of the largest clinic: peak RSS|median|<|20
export_csv_rows|  rows written|-||
export_csv_secs|  time|-||
export_csv_rate|  rows per second|-||
export_odm_rss|Full `export odm` of the largest clinic (to a pipe): peak RSS|median|<|20
export_odm_rows|  ItemData written|-||
export_odm_secs|  time|-||
export_odm_rate|  ItemData per second|-||
EOF
)

printf '%s\n' "$FIGURES" | awk -F'|' -v rows="$ROWS" -v out="$OUT" -v cores="$CORES" \
	-v mem="$MEM" -v cpu="$CPU" -v sqlite="$SQLITE" -v commit="$COMMIT" \
	-v elapsed="$ELAPSED" '
function fmt(v, unit) {
	if (unit == "ms") return sprintf("%.3f", v)
	if (unit == "x" || unit == "MB" || unit == "s") return sprintf("%.2f", v)
	return sprintf("%.0f", v)
}
function jstr(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
{
	order[++nf] = $1; label[$1] = $2; stat[$1] = $3; op[$1] = $4; lim[$1] = $5
}
END {
	while ((getline line < rows) > 0) {
		split(line, f, " ")
		if (f[1] == "row") {
			id = f[2]; have[id] = 1; med[id] = f[3]; p99[id] = f[4]; n[id] = f[5]; unit[id] = f[6]
			if (!(id in label)) { order[++nf] = id; label[id] = id; stat[id] = "-"; extra[id] = 1 }
		} else if (f[1] == "na") {
			id = f[2]; na[id] = substr(line, length("na " id " ") + 1)
			if (!(id in label)) { order[++nf] = id; label[id] = id; stat[id] = "-"; extra[id] = 1 }
		} else if (f[1] == "note") {
			notes[++nn] = substr(line, 6)
		}
	}
	md = out "/bench.md"; js = out "/bench.json"
	hdr = sprintf("| %-62s | %10s | %10s | %-5s | %-10s | %-6s |", "figure", "median", "p99", "unit", "target", "result")
	print hdr; print hdr > md
	sep = "|" sprintf("%64s", "") "|" sprintf("%12s", "") "|" sprintf("%12s", "") "|" sprintf("%7s", "") "|" sprintf("%12s", "") "|" sprintf("%8s", "") "|"
	gsub(/ /, "-", sep); print sep; print sep > md
	printf "{\n  \"machine\": {\"cores\": %d, \"memory_mb\": %d, \"cpu\": %s, \"sqlite\": %s},\n", cores, mem, jstr(cpu), jstr(sqlite) > js
	printf "  \"commit\": %s,\n  \"elapsed_s\": %d,\n  \"figures\": [\n", jstr(commit), elapsed > js
	first = 1; misses = 0; nas = 0
	for (i = 1; i <= nf; i++) {
		id = order[i]
		if (!(id in have) && !(id in na)) continue
		tgt = stat[id] == "-" ? "" : sprintf("%s %s %s", (stat[id] == "p99" ? "p99" : "med"), op[id], lim[id])
		if (id in na) {
			res = "n/a"; if (!(id in extra)) nas++
			m = "-"; p = "-"; u = ""
		} else {
			u = unit[id]; m = fmt(med[id], u); p = fmt(p99[id], u)
			res = ""
			if (stat[id] != "-") {
				v = stat[id] == "p99" ? p99[id] : med[id]
				ok = op[id] == "<" ? v + 0 < lim[id] + 0 : v + 0 == lim[id] + 0
				res = ok ? "pass" : "MISS"; if (!ok) misses++
			}
		}
		row = sprintf("| %-62s | %10s | %10s | %-5s | %-10s | %-6s |", label[id], m, p, u, tgt, res)
		if (!(id in extra)) { print row; print row > md }
		printf "%s    {\"id\": %s, \"figure\": %s, ", (first ? "" : ",\n"), jstr(id), jstr(label[id]) > js
		if (id in na)
			printf "\"measured\": false, \"why\": %s, \"target\": %s}", jstr(na[id]), jstr(tgt) > js
		else
			printf "\"median\": %s, \"p99\": %s, \"n\": %d, \"unit\": %s, \"target\": %s, \"result\": %s}", med[id], p99[id], n[id], jstr(u), jstr(tgt), jstr(res) > js
		first = 0
	}
	printf "\n  ],\n  \"notes\": [" > js
	for (i = 1; i <= nn; i++) printf "%s%s", (i > 1 ? ", " : ""), jstr(notes[i]) > js
	printf "]\n}\n" > js
	print ""; print "" > md
	for (id in na) if (!(id in extra)) why[na[id]] = why[na[id]] (why[na[id]] ? ", " : "") id
	for (w in why) { print "not measurable yet: " why[w] ": " w; print "- not measurable yet: " why[w] ": " w > md }
	for (i = 1; i <= nn; i++) { print "note: " notes[i]; print "- note: " notes[i] > md }
	s = sprintf("machine: %d cores, %d MB, %s; SQLite %s; hepadesk %s; make bench took %d s; %d missed, %d not measurable",
		cores, mem, cpu, sqlite, commit, elapsed, misses, nas)
	print s; print "- " s > md
	print "table: " md ", figures: " js
}'
