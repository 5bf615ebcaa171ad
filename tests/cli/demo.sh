#!/bin/sh
# The demo clinic looks like a well-run clinic (issue 14, item 10): most
# visits on time, a few overdue by days (never by months or years), and each
# patient's given name consistent with the recorded sex. And (issue 16) the
# treated patients bring every section of the cohort report something: the
# product lots their infusions name, biopsies before and after, symptom
# questionnaires, medications, survival contacts, deaths; the long-term
# items are overdue by days at most, like the visits.
. "$(dirname "$0")/lib.sh"
DEMO="$T/demo/demo.db"
mkdir -p "$T/demo"
"$HEPADESK" --db "$DEMO" init >/dev/null && "$HEPADESK" --db "$DEMO" demo --patients 2000 >/dev/null ||
	{ notok "demo"; finish; exit 1; }
dsql() { sqlite3 -batch -noheader "$DEMO" "$1"; }
open_n=$(dsql "select count(*) from schedule where state = 'open' and date(due_date, '+' || window_after || ' days') < '$TODAY'")
worst=$(dsql "select coalesce(max(julianday('$TODAY') - julianday(due_date) - window_after), 0) from schedule where state = 'open' and date(due_date, '+' || window_after || ' days') < '$TODAY'")
done_n=$(dsql "select count(*) from schedule where state = 'done'")
[ "$done_n" -gt 100 ] && ok "the follow-up cohort has visits done ($done_n)" || notok "visits done: $done_n"
[ "${worst%.*}" -le 21 ] && ok "overdue by days at most: worst ${worst%.*} days" || notok "an item overdue by ${worst%.*} days"
[ "$open_n" -le $((done_n / 10)) ] && ok "a few overdue ($open_n of $done_n done)" || notok "overdue $open_n of $done_n done"
for n in Hélène María Anna Mary Åsa Zoë Inés Eva Lucía Mei; do
	m=$(dsql "select count(*) from patients where name like '%, $n' and sex = 'M'")
	[ "$m" = 0 ] && ok "no man named $n" || notok "$m men named $n"
done
for n in Hans Jürgen José John Mehmet François Chidi Emre Haruto; do
	f=$(dsql "select count(*) from patients where name like '%, $n' and sex = 'F'")
	[ "$f" = 0 ] && ok "no woman named $n" || notok "$f women named $n"
done
lworst=$(dsql "select coalesce(max(julianday('$TODAY') - julianday(due_date) - window_days), 0) from longterm_schedule where state = 'open' and date(due_date, '+' || window_days || ' days') < '$TODAY'")
[ "${lworst%.*}" -le 21 ] && ok "long-term items overdue by days at most: worst ${lworst%.*}" ||
	notok "a long-term item overdue by ${lworst%.*} days"
lots=$(dsql "select count(*) from infusions i join product_lots p on p.lot = i.lot where i.date <= p.expiry and p.sterility = 'pass' and p.endotoxin = 'pass' and p.mycoplasma = 'pass' and p.identity = 'pass'")
inf=$(dsql "select count(*) from infusions")
[ "$inf" -gt 100 ] && [ "$lots" = "$inf" ] && ok "every infusion names a released lot in date ($lots of $inf)" ||
	notok "infusions with a released lot in date: $lots of $inf"
pairs=$(dsql "select count(*) from (select patient_id from histology group by patient_id having count(*) >= 2)")
[ "$pairs" -ge 5 ] && ok "biopsies before and after for $pairs patients" || notok "biopsy pairs: $pairs"
qol=$(dsql "select count(distinct patient_id) from qol_responses")
[ "$qol" -ge 50 ] && ok "questionnaires from $qol patients" || notok "questionnaires: $qol patients"
meds=$(dsql "select count(*) from medications where atc like 'J05AF%'")
[ "$meds" -ge 20 ] && ok "antivirals listed with their ATC code ($meds)" || notok "antivirals: $meds"
contacts=$(dsql "select count(*) from contacts")
dead=$(dsql "select count(*) from patient_status where state = 'deceased'")
tx=$(dsql "select count(*) from patient_status where state = 'transplanted'")
[ "$contacts" -ge 30 ] && [ "$dead" -ge 3 ] && [ "$tx" -ge 1 ] &&
	ok "survival contacts ($contacts), deaths ($dead) and transplants ($tx)" ||
	notok "contacts $contacts, deaths $dead, transplants $tx"
# The long-term work list is aligned by display width (accents in names).
"$HEPADESK" --db "$DEMO" longterm due >"$T/lt.txt"
cols=$(grep -E '^  [0-9]{8} ' "$T/lt.txt" | while IFS= read -r line; do
	# characters, which is display columns for these names (no CJK here)
	printf '%s' "$line" | sed 's/Contact.*//; s/HCC.*//' | LC_ALL=C.UTF-8 wc -m
done | sort -u | wc -l)
[ "$cols" = 1 ] && ok "longterm due: columns aligned" || { notok "longterm due columns drift"; cat "$T/lt.txt"; }
# --followup sets the follow-up cohort (the bench's home screen at 50,000).
FU="$T/demo/fu.db"
"$HEPADESK" --db "$FU" init >/dev/null
out=$("$HEPADESK" --db "$FU" demo --patients 10 --followup 2 2>&1); rc=$?
[ $rc = 2 ] && printf '%s' "$out" | grep -q -- "--followup '2': accepted 3-200000" &&
	ok "--followup 2 refused, naming the range" || notok "--followup 2: rc $rc: $out"
"$HEPADESK" --db "$FU" demo --patients 10 --followup 12 >/dev/null || notok "--followup 12"
fu=$(sqlite3 -batch -noheader "$FU" "select count(*) from patients where mrn >= '70000000' and mrn < '80000000'")
[ "$fu" = 13 ] && ok "--followup 12: 12 in follow-up and the five-year patient" || notok "follow-up cohort: $fu"
finish
