# Command-line tests: safe output. Escape sequences, C1 controls and bidi
# overrides are refused at input; and data planted through the sqlite3 shell
# never reaches the terminal raw on any output path.
. "$(dirname "$0")/lib.sh"

ESC=$(printf '\033')
C1=$(printf '\302\233')        # U+009B, CSI of 8-bit terminals
RLO=$(printf '\342\200\256')   # U+202E right-to-left override

# clean FILE: no ESC, C0 control (but tab, and LF or CRLF), DEL, C1 (as
# UTF-8 or a stray byte), bidi override/isolate/mark, or invalid UTF-8.
clean() {
	od -An -v -tu1 "$1" | tr -s ' \n' '\n\n' | grep . | awk '
	function bad(why) { print why " at byte " n; exit 1 }
	{ b = $1 + 0; n++
	  if (need > 0) { if (b < 128 || b > 191) bad("invalid UTF-8");
		if (lead == 194 && need == 1 && b < 160) bad("C1 control");
		if (lead == 226 && need == 2) { mid = b }
		if (lead == 226 && need == 1 && ((mid == 128 && (b == 142 || b == 143 || (b >= 170 && b <= 174))) || (mid == 129 && b >= 166 && b <= 169))) bad("bidi control");
		if (lead == 216 && b == 156) bad("arabic letter mark");
		need--; next }
	  if (cr && b != 10) bad("bare CR"); cr = 0
	  if (b == 27) bad("ESC"); if (b == 13) { cr = 1; next }
	  if ((b < 32 && b != 9 && b != 10) || b == 127) bad("control");
	  if (b >= 128 && b < 194) bad("stray byte"); if (b > 244) bad("invalid UTF-8")
	  lead = b; need = b >= 240 ? 3 : b >= 224 ? 2 : b >= 192 ? 1 : 0 }
	END { if (need > 0) { print "truncated UTF-8"; exit 1 } }' 
}
# expect_clean NAME: the last run's stdout and stderr are clean.
expect_clean() {
	why=$(clean "$T/out") && why=$(clean "$T/err") && ok "$1" || notok "$1: $why"
}

# The checker itself can fail.
printf 'a\033[2Jb' >"$T/probe"; clean "$T/probe" >/dev/null && notok "checker sees ESC" || ok "checker sees ESC"
printf 'a%sb' "$C1" >"$T/probe"; clean "$T/probe" >/dev/null && notok "checker sees C1" || ok "checker sees C1"
printf 'a%sb' "$RLO" >"$T/probe"; clean "$T/probe" >/dev/null && notok "checker sees RLO" || ok "checker sees RLO"
printf 'a\233b' >"$T/probe"; clean "$T/probe" >/dev/null && notok "checker sees a stray C1 byte" || ok "checker sees a stray C1 byte"
printf 'Müller, 王 ok\r\n' >"$T/probe"; clean "$T/probe" >/dev/null && ok "checker passes clean UTF-8" || notok "checker passes clean UTF-8"

run hd drafts
expect_eq "no drafts yet" "$OUT" "no drafts"
run hd drafts --json
expect_eq "no drafts as JSON" "$OUT" "[]"

# Refused at input.
for bad in "EVIL${ESC}[2J, Eve" "EVIL${C1}31m, Eve" "EVIL${RLO}, Eve"; do
	run hd patient add --mrn X1 --name "$bad" --dob 1970-01-01 --sex F
	expect_rc "a name with a control or bidi character is refused" 2
	expect_clean "and the refusal is printed clean"
done
run hd patient add --mrn "X${ESC}[8m" --name "OK, Name" --dob 1970-01-01 --sex F
expect_rc "an MRN with ESC is refused" 2
expect_clean "and the refusal is printed clean"
hd patient add --mrn H1 --name "HOSTILE, Harry" --dob 1970-01-01 --sex M >/dev/null
hd patient add --mrn H2 --name "HOSTILE, Hanna" --dob 1971-01-01 --sex F >/dev/null
run hd imaging add H1 --date 2026-01-10 --modality ultrasound --note "liver ${ESC}]0;pwned$(printf '\007')"
expect_rc "an imaging note with controls is refused" 2
expect_eq "nothing stored in patients or imaging" "$(sql "select count(*) from patients")/$(sql "select count(*) from imaging")" "2/0"

# Planted through the sqlite3 shell: the audit triggers call functions only
# hepadesk provides, so drop the patients' update trigger first.
EVIL="EVIL${ESC}[2J${ESC}]0;pwned$(printf '\007')${C1}31m${RLO}$(printf '\233\010\r')X, Eve"
sql "DROP TRIGGER audit_patients_upd;
UPDATE patients SET name = CAST(X'$(printf '%s' "$EVIL" | od -An -v -tx1 | tr -d ' \n')' AS TEXT) WHERE mrn = 'H1';
UPDATE patients SET mrn = 'H2' || char(27) || '[8m' || char(155) WHERE mrn = 'H2';
INSERT INTO drafts (user, form, patient_id, content, updated) VALUES ('root', 'lab' || char(27) || '[2J', 1, 'x', 1);
INSERT INTO audit (ts, actor, action, tbl, row_id, patient_id, after, prev, hash)
  SELECT 2, 'eve' || char(27) || ']0;x' || char(7), 'view', 'patients', 1, 1, (SELECT name FROM patients WHERE id = 1), hash, 'x' FROM audit_head;"
expect_eq "the hostile bytes are in the database" "$(sql "select instr(name, char(27)) > 0 from patients where id = 1")" 1

for cmd in "show H1" "show H1 --json" "find HOSTILE" "find HOSTILE --json" "find HOSTILE --csv" \
	"audit" "audit --json" "audit --csv" "audit --patient H1" "drafts" "drafts --json" "user list"; do
	run hd $cmd
	expect_clean "no raw control or bidi bytes: $cmd (exit $RC)"
	case "$cmd" in
	show*|find*) expect_in "the planted name is shown, neutralised: $cmd" "EVIL" "$OUT" ;;
	audit*) expect_in "the planted audit row is shown, neutralised: $cmd" "eve" "$OUT" ;;
	drafts*) expect_in "the planted draft is listed, neutralised: $cmd" "H1" "$OUT" ;;
	esac
done
run hd show "H2${ESC}[8m"
expect_clean "an error naming a hostile MRN is printed clean"
run hd find "${ESC}[2J"
expect_clean "a hostile query is handled clean"
run hd find HOSTILE
expect_in "the planted MRN is shown, neutralised" "H2" "$OUT"
run hd find HOSTILE --csv
expect_in "CSV cells are quoted" '"H1","EVIL' "$OUT"

# Spreadsheet formula injection: cells starting with = + - @ get a quote.
hd patient add --mrn Q1 --name "=HYPERLINK(1), Ann" --dob 1970-01-01 --sex F >/dev/null
hd patient add --mrn Q2 --name "+CMD, Bob" --dob 1970-01-01 --sex M >/dev/null
hd patient add --mrn Q3 --name "-2+3, Cy" --dob 1970-01-01 --sex M >/dev/null
hd patient add --mrn Q4 --name "@SUM, Di" --dob 1970-01-01 --sex F >/dev/null
hd patient add --mrn Q5 --name 'SAY "HI", Ed' --dob 1970-01-01 --sex M >/dev/null
run hd find Q --csv
expect_in "= is neutralised" "\"'=HYPERLINK(1), Ann\"" "$OUT"
expect_in "+ is neutralised" "\"'+CMD, Bob\"" "$OUT"
expect_in "- is neutralised" "\"'-2+3, Cy\"" "$OUT"
expect_in "@ is neutralised" "\"'@SUM, Di\"" "$OUT"
expect_in "quotes are doubled" '"SAY ""HI"", Ed"' "$OUT"
sql "INSERT INTO audit (ts, actor, action, tbl, prev, hash) SELECT 3, '=1+1' || char(9), 'view', 'patients', hash, 'x' FROM audit_head;
INSERT INTO audit (ts, actor, action, tbl, prev, hash) SELECT 4, char(9) || '=2+2', 'view', 'patients', hash, 'x' FROM audit_head;"
run hd audit --csv
expect_in "an audit cell starting with = is neutralised" "\"'=1+1" "$OUT"
expect_in "an audit cell starting with a tab is neutralised" "\"'" "$(printf '%s\n' "$OUT" | grep '2+2')"
expect_clean "the audit CSV has no raw control"
expect_eq "the audit CSV has no raw tab" "$(tr -cd '\t' <"$T/out" | wc -c)" 0
finish
