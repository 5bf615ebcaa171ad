#!/bin/sh
# The demo clinic looks like a well-run clinic (issue 14, item 10): most
# visits on time, a few overdue by days (never by months or years), and each
# patient's given name consistent with the recorded sex.
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

# demo --follow-up N: a small clinic with a follow-up cohort of its own size
# (the bench's 50,000 without a million other patients).
FU="$T/demo/fu.db"
"$HEPADESK" --db "$FU" init >/dev/null
run "$HEPADESK" --db "$FU" demo --patients 10 --follow-up 2
expect_rc "a follow-up cohort under 3: exit 2" 2
expect_in "names the option and its range" "--follow-up '2': accepted 3-50000 patients in follow-up" "$ERR"
run "$HEPADESK" --db "$FU" demo --patients 10 --follow-up 60
expect_rc "demo --follow-up 60" 0
expect_eq "60 patients in follow-up (MRNs from 70000001), besides the 5-year one" \
	"$(sqlite3 -batch -noheader "$FU" "select count(*) from patients where mrn between '70000001' and '70000060' and mrn <> '70000000'")" 60
expect_eq "and no 61st" "$(sqlite3 -batch -noheader "$FU" "select count(*) from patients where mrn = '70000061'")" 0
finish
