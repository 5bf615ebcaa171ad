# Command-line tests: the cohort outcomes report (issue 16, part 1) on a
# small fixed cohort built with commands under the test clock. The expected
# numbers are worked out independently: the statistics by
# tests/fixtures/report_expected.py (plain Python, no GSL), the missing
# reasons, safety counts and Kaplan-Meier steps by hand in the comments.
#
# The cohort: six patients, first infusion 2026-03-02 (R1-R5) or 2026-03-09
# (R6); baseline labs 2026-02-27 (R6: 2026-03-06; fixture_ready: albumin
# 2.9 g/dL, ALT 40 U/L, bilirubin 2.3 mg/dL, INR 1.6, creatinine 1.1,
# sodium 134).
# - R1, R2, R3: W1 done on 2026-03-09 with labs; W2 done on 2026-03-16
#   without labs; R1 also W4 on 2026-03-30 with labs; R1 a second infusion
#   on 2026-03-30.
# - R4: W1 missed; withdrawn on 2026-03-12.
# - R5: died on 2026-03-07 (day 5).
# - R6: first infusion 2026-03-09; W1 (due 03-16) done with labs; a liver
#   transplant on 2026-03-25 (day 16).
# The report runs on 2026-04-01.
. "$(dirname "$0")/lib.sh"
fixture_lot UC-1 2026-12-01 || notok "product lot fixture"

on() { local d=$1; shift; HEPADESK_TEST_NOW="$d" hd "$@"; }
infuse() { on "$2 10:40" infusion add "$1" --label "$3" --at "$2 10:30" --route iv --cells 3e7 \
	--lot UC-1 --expires 2026-12-01 >/dev/null || notok "infusion $1 $3"; }

for p in R1 R2 R3 R4 R5; do
	fixture_planned "$p" "REPORT, $p" || notok "fixture $p"
done
# Questionnaires (SYMPTOMS, 0-10, higher worse): baseline the day before
# the first infusion, again at W1. Fatigue (item 1): R1 7 then 4, R2 5
# then 4.
hd instrument install symptoms >/dev/null || notok "instrument"
hd qol R1 symptoms --answers 7,6,5,4,8,6,2 --date 2026-03-01 >/dev/null || notok "qol R1 base"
hd qol R2 symptoms --answers 5,3,3,3,3,3,5 --date 2026-03-01 >/dev/null || notok "qol R2 base"
for p in R1 R2 R3 R4 R5; do infuse "$p" 2026-03-02 "Infusion 1"; done
# Adverse events (onset after the first infusion: treatment-emergent).
on "2026-03-03 11:00" ae add R1 --term Fever --grade 1 --onset "2026-03-03 08:00" --serious no \
	--relation possible >/dev/null || notok "ae R1 fever 1"
on "2026-03-04 11:00" ae add R1 --term Fever --grade 2 --onset "2026-03-04 08:00" --serious no \
	--relation probable >/dev/null || notok "ae R1 fever 2"
on "2026-03-04 11:05" ae add R2 --term Fever --grade 1 --onset "2026-03-04 09:00" --serious no \
	--relation unrelated >/dev/null || notok "ae R2 fever"
on "2026-03-05 11:00" ae add R4 --term Nausea --grade 3 --onset "2026-03-05 08:00" --serious yes \
	--criteria hospitalisation --relation probable --action infusion_stopped >/dev/null ||
	notok "ae R4 nausea"
on "2026-03-07 12:00" status R5 deceased --date 2026-03-07 --reason "variceal bleeding" >/dev/null ||
	notok "R5 deceased"
on "2026-03-09 10:00" visit add R1 --label W1 --date 2026-03-09 --albumin 3.2 --alt 35 >/dev/null ||
	notok "R1 W1"
on "2026-03-09 10:05" visit add R2 --label W1 --date 2026-03-09 --albumin 3.5 --alt 30 >/dev/null ||
	notok "R2 W1"
on "2026-03-09 10:10" visit add R3 --label W1 --date 2026-03-09 --albumin 3.0 --alt 44 >/dev/null ||
	notok "R3 W1"
on "2026-03-09 10:15" qol R1 symptoms --answers 4,6,5,4,8,6,2 --date 2026-03-09 >/dev/null ||
	notok "qol R1 W1"
on "2026-03-09 10:16" qol R2 symptoms --answers 4,3,3,3,3,3,5 --date 2026-03-09 >/dev/null ||
	notok "qol R2 W1"
# R6 is registered, evaluated and planned a week later (the clock moves on).
HEPADESK_TEST_NOW="2026-03-09 10:30" TODAY=2026-03-09 fixture_planned R6 "REPORT, R6" ||
	notok "fixture R6"
infuse R6 2026-03-09 "Infusion 1"
on "2026-03-12 10:00" visit missed R4 W1 --reason "no transport" >/dev/null || notok "R4 missed"
on "2026-03-12 10:05" status R4 withdrawn --date 2026-03-12 --reason "moved away" >/dev/null ||
	notok "R4 withdrawn"
for p in R1 R2 R3; do
	on "2026-03-16 10:00" visit add "$p" --label W2 --date 2026-03-16 --weight 60 >/dev/null ||
		notok "$p W2"
done
on "2026-03-16 10:30" visit add R6 --label W1 --date 2026-03-16 --albumin 3.1 --alt 38 >/dev/null ||
	notok "R6 W1"
on "2026-03-25 10:00" status R6 transplanted --date 2026-03-25 >/dev/null || notok "R6 transplanted"
on "2026-03-30 09:50" patient update R1 --weight 60 >/dev/null || notok "R1 weight"
on "2026-03-30 09:55" lab add R1 --date 2026-03-30 --bilirubin 2.0 --inr 1.5 --creatinine 1.0 \
	--sodium 136 --ast 50 --platelets 95 --afp 5 >/dev/null || notok "R1 W4 labs"
on "2026-03-30 10:00" visit add R1 --label W4 --date 2026-03-30 --albumin 3.4 --alt 31 \
	--weight 60 >/dev/null ||
	notok "R1 W4"
infuse R1 2026-03-30 "Infusion 2"
# Biopsies: R1 F4, CPA 22 % before treatment and F3, CPA 16.5 % after (a
# pair, improved); R2 F3 before only (baseline only).
biopsy() { on "2026-03-30 11:00" histology add "$1" --date "$2" --site "right lobe" \
	--pathologist "Dr Lee" --metavir "$3" ${4:+--cpa "$4"} >/dev/null || notok "biopsy $1 $2"; }
biopsy R1 2026-02-20 F4 22.0
biopsy R1 2026-03-30 F3 16.5
biopsy R2 2026-02-25 F3

export HEPADESK_TEST_NOW="2026-04-01 10:00"
# jq-free JSON checks: the cell of one measure and week, compact as printed.
cell() { printf '%s' "$1" | grep -o "{\"measure\":\"$2\",[^{]*\"week\":$3,.*" |
	sed 's/,{"measure".*//'; }

run hd report outcomes --json
expect_rc "report --json: exit 0" 0
J=$OUT
expect_in "json: top-level keys" '{"as_of":"2026-04-01","filters":{"from":null,"to":null,"etiology":null,"route":null,"product":null},"treated":6,"weeks":[1,2,4,8,12,24,36,48,72],"change":[' "$J"
expect_in "json: safety and survival keys" '"safety":{"treated":6,"infusions":7,' "$J"
# Histology (the dashboard's pairing): METAVIR one pair 4 to 3, change -1,
# improved; R2 baseline only; four without. CPA 22 to 16.5 (-5.5).
HI=$(printf '%s' "$J" | grep -o '"histology":{.*' | sed 's/,"survival":.*//')
expect_in "json: histology pairing" '"histology":{"pairing":"paired biopsies: the first on or before the first infusion, the newest after it, both reporting the measure","measures":[{"measure":"metavir","label":"METAVIR fibrosis","unit":"stage","n":1,"n_pairs":1,"no_baseline":0,"baseline":{"n":1,"mean":4,' "$HI"
expect_in "json: METAVIR counts" '"improved":1,"unchanged":0,"worse":0,"baseline_only":1,"none":4}' "$HI"
expect_in "json: CPA change" '{"measure":"cpa","label":"Collagen proportionate area","unit":"%","n":1,"n_pairs":1,"no_baseline":0,"baseline":{"n":1,"mean":22,"sd":null,"median":22,"q1":22,"q3":22,"min":22,"max":22},"value":{"n":1,"mean":16.5,' "$HI"
expect_in "json: CPA change mean" '"change":{"n":1,"mean":-5.5,' "$HI"
expect_in "json: survival array" '"survival":[{"endpoint":"overall","label":"Overall survival","n":6,"events":1,' "$J"

# Albumin week 1 (report_expected.py: values 3.2 3.5 3.0 3.1, baseline 2.9):
# mean 3.2, SD 0.2160, median 3.15, IQR 3.075-3.275; change mean 0.3,
# median 0.25, IQR 0.175-0.375; t 2.777460 df 3 p 0.06913687; Wilcoxon
# exact W+ 10 (all four changes up) p 2/16 = 0.125. Missing: R4 missed, R5
# dead.
A1=$(cell "$J" albumin 1)
expect_in "albumin W1: values" '"n":4,"n_pairs":4,"no_baseline":0,"baseline":{"n":4,"mean":2.9,"sd":0,' "$A1"
expect_in "albumin W1: value mean, SD, median, IQR" '"value":{"n":4,"mean":3.2,"sd":0.216,"median":3.15,"q1":3.075,"q3":3.275,"min":3,"max":3.5}' "$A1"
expect_in "albumin W1: change" '"change":{"n":4,"mean":0.3,"sd":0.216,"median":0.25,"q1":0.175,"q3":0.375,"min":0.1,"max":0.6}' "$A1"
expect_in "albumin W1: paired t" '"t_test":{"t":2.77746,"df":3,"p":0.06913687}' "$A1"
expect_in "albumin W1: Wilcoxon exact" '"wilcoxon":{"n_nonzero":4,"w_plus":10,"z":null,"p":0.125,"ties":false,"method":"exact"}' "$A1"
expect_in "albumin W1: missing missed 1, dead 1" '"missing":{"not_yet_due":0,"missed":1,"withdrawn":0,"dead":1,"not_recorded":0,"not_scheduled":0,"total":2}' "$A1"

# ALT week 1: changes -5 -10 +4 -2: mean -3.25, SD 5.8523, median -3.5;
# t -1.110665 p 0.34772438; Wilcoxon W+ 2 (only +4, rank 2) p 6/16 = 0.375.
L1=$(cell "$J" alt 1)
expect_in "ALT W1: change" '"change":{"n":4,"mean":-3.25,"sd":5.852,"median":-3.5,"q1":-6.25,"q3":-0.5,' "$L1"
expect_in "ALT W1: tests" '"t_test":{"t":-1.110665,"df":3,"p":0.34772438},"wilcoxon":{"n_nonzero":4,"w_plus":2,"z":null,"p":0.375,' "$L1"

# Week 2: R1-R3 came without labs (not recorded), R4 and R6 had left
# (withdrawn; R6 transplanted 03-25, before W2's window closed 03-26), R5
# dead. Week 4 (due 03-30, window to 04-02): R2, R3 not yet due on 04-01.
expect_in "albumin W2: missing reasons" '"n":0,' "$(cell "$J" albumin 2)"
expect_in "albumin W2: reasons" '"missing":{"not_yet_due":0,"missed":0,"withdrawn":2,"dead":1,"not_recorded":3,"not_scheduled":0,"total":6}' "$(cell "$J" albumin 2)"
expect_in "albumin W4: not yet due" '"missing":{"not_yet_due":2,"missed":0,"withdrawn":2,"dead":1,"not_recorded":0,"not_scheduled":0,"total":5}' "$(cell "$J" albumin 4)"
# MELD by hand (REFERENCE: 3.78 ln bili + 11.2 ln INR + 9.57 ln creat +
# 6.43): baseline 2.3, 1.6, 1.1 -> 15.75 -> 16; W4 2.0, 1.5, 1.0 -> 13.59 -> 14.
expect_in "MELD W4: baseline 16, value 14, change -2" '"baseline":{"n":1,"mean":16,' "$(cell "$J" meld 4)"
expect_in "MELD W4: change" '"change":{"n":1,"mean":-2,' "$(cell "$J" meld 4)"
expect_in "MELD W1: no score from the old inputs (not recorded 4)" '"not_recorded":4,' "$(cell "$J" meld 1)"

# A questionnaire domain: fatigue changes -3 and -1: mean -2, SD 1.414214,
# t -2 on 1 df: p = 1 - (2/pi) atan 2 = 0.29516724 (the Cauchy
# distribution); Wilcoxon exact W+ 0, p 2 x 1/4 = 0.5. R3 and R6 came
# without one (not recorded).
Q1=$(cell "$J" qol:SYMPTOMS:fatigue 1)
expect_in "QoL fatigue W1: label and unit" '"label":"SYMPTOMS fatigue","unit":"points","week":1,"n":2,"n_pairs":2,' "$Q1"
expect_in "QoL fatigue W1: change" '"change":{"n":2,"mean":-2,"sd":1.4142,"median":-2,' "$Q1"
expect_in "QoL fatigue W1: tests" '"t_test":{"t":-2,"df":1,"p":0.29516724},"wilcoxon":{"n_nonzero":2,"w_plus":0,"z":null,"p":0.5,' "$Q1"
expect_in "QoL fatigue W1: missing" '"missing":{"not_yet_due":0,"missed":1,"withdrawn":0,"dead":1,"not_recorded":2,' "$Q1"

# Safety (onset on or after the first infusion): Fever R1 grade 1 and 2
# (possible, probable), R2 grade 1 (unrelated); Nausea R4 grade 3 serious
# probable, infusion stopped, no infusion after, withdrawn: discontinued.
# Patients 3 of 6 (0.5); events 4 over 7 infusions (0.5714).
expect_in "safety: denominators and incidence" '"safety":{"treated":6,"infusions":7,"incidence_per_patient":0.5,"events_per_infusion":0.5714,' "$J"
expect_in "safety: any event" '"any":{"term":"any adverse event","patients":3,"events":4,"worst_grade_patients":[1,1,1,0,0],"related_patients":2,"related_events":3,"serious_patients":1,"serious_events":1,"discontinued_patients":1,"discontinued_events":1}' "$J"
expect_in "safety: Fever, worst grade per patient" '{"term":"Fever","patients":2,"events":3,"worst_grade_patients":[1,1,0,0,0],"related_patients":1,"related_events":2,"serious_patients":0,"serious_events":0,"discontinued_patients":0,"discontinued_events":0}' "$J"
expect_in "safety: Nausea" '{"term":"Nausea","patients":1,"events":1,"worst_grade_patients":[0,0,1,0,0],"related_patients":1,"related_events":1,"serious_patients":1,"serious_events":1,"discontinued_patients":1,"discontinued_events":1}' "$J"

# Kaplan-Meier (report_expected.py; by hand: S(5) = 5/6 x ... = 1 - 1/5
# = 0.8 after R4's censoring at 0; TFS S(16) = 0.8 x (1 - 1/2) = 0.4).
expect_in "KM overall: death step" '{"day":5,"at_risk":5,"events":1,"censored":0,"survival":0.8,"se":0.178885,"lower":0.203809,"upper":0.96918}' "$J"
expect_in "KM overall: median not reached, lower 5" '"median_days":{"estimate":null,"lower":5,"upper":null,' "$J"
expect_in "KM transplant-free: transplant step" '{"day":16,"at_risk":2,"events":1,"censored":0,"survival":0.4,"se":0.296648,"lower":0.011369,"upper":0.828996}' "$J"
expect_in "KM transplant-free: median 16 (CI 5 to not reached)" '"median_days":{"estimate":16,"lower":5,"upper":null,' "$J"
expect_in "KM: at risk at 6 months none, survival unknown" '"at_risk":[{"months":6,"day":183,"n":0,"survival":null}' "$J"

# --- text ---
run env LANG=C.UTF-8 "$HEPADESK" --db "$DB" report outcomes
expect_rc "text: exit 0" 0
expect_in "text: the cohort" "treated patients: 6" "$OUT"
expect_in "text: albumin change" "    change    n 4    mean 0.30 ± 0.22  median 0.25 (IQR 0.18 to 0.38)" "$OUT"
expect_in "text: tests" "    tests     paired t 2.777 (df 3) p 0.0691; Wilcoxon p 0.1250 (exact, 4 non-zero)" "$OUT"
expect_in "text: missing" "    missing   2 (missed 1, dead 1)" "$OUT"
expect_in "text: histology" "METAVIR fibrosis (stage)
    pairs     1: improved 1, unchanged 0, worse 0; baseline biopsy only 1, none 4" "$OUT"
expect_in "text: a measure without pairs" "Ki-67 (%): no pairs" "$OUT"
expect_in "text: safety row" "  Nausea                          1      1    0   0   1   0   0    1/1     1/1     1/1" "$OUT"
expect_in "text: median" "  median 16 days (95 % CI 5 to not reached; Brookmeyer-Crowley" "$OUT"
expect_in "text: a braille curve" "⡇" "$OUT"
expect_in "text: KM steps" "        16    2   1   0  0.4000 (0.011 to 0.829)" "$OUT"
run env LANG=C LC_ALL= LC_CTYPE= "$HEPADESK" --db "$DB" report outcomes
expect_not_in "ASCII locale: no braille" "⡇" "$OUT"
expect_in "ASCII locale: the curve in ASCII" "1.0 | ***" "$OUT"

# --- detail: the patients and values behind each number ---
run hd report outcomes --detail
expect_in "detail: a value" "      R2           baseline 2.90 (2026-02-27)  value 3.50 (2026-03-09)  change 0.60" "$OUT"
expect_in "detail: a missing patient" "      R5           missing: dead" "$OUT"
expect_in "detail: an event" "    R4           2026-03-05  Nausea grade 3 related serious discontinued" "$OUT"
expect_in "detail: a biopsy pair" "      R1           baseline 4 (2026-02-20)  value 3 (2026-03-30)  change -1" "$OUT"
expect_in "detail: a survival subject" "    R6           day 16 event" "$OUT"
run hd report outcomes --json --detail
expect_in "detail json: value" '{"mrn":"R6","baseline":2.9,"baseline_date":"2026-03-06","value":3.1,"date":"2026-03-16","change":0.2}' "$OUT"
expect_in "detail json: missing" '"missing_patients":[{"mrn":"R4","reason":"missed"},{"mrn":"R5","reason":"dead"}]' "$OUT"
expect_in "detail json: subjects" '"subjects":[{"mrn":"R1","day":28,"event":false},' "$OUT"

# --- CSV ---
run hd report outcomes --csv
expect_rc "csv: exit 0" 0
expect_eq "csv: header" "$(printf '%s\n' "$OUT" | head -n 1)" "section,item,unit,at,mrn,statistic,value"
expect_in "csv: a change row" '"change","albumin","g/dL",1,"","change_mean",0.3' "$OUT"
expect_in "csv: p-value" '"change","alt","U/L",1,"","t_p",0.3477243781' "$OUT"
expect_in "csv: at risk" '"survival","overall","months",6,"","at_risk",0' "$OUT"
expect_in "csv: histology counts" '"histology","metavir","stage",,"","baseline_only",1' "$OUT"
expect_in "csv: histology change" '"histology","cpa","%",,"","change_mean",-5.5' "$OUT"
run hd report outcomes --csv --detail
expect_in "csv detail: a patient's value" '"change","albumin","g/dL",1,"R3","value",3' "$OUT"

# --- filters ---
run hd report outcomes --json --from 2026-03-05
expect_in "--from: only R6" '"treated":1,' "$OUT"
expect_in "--from echoed" '"filters":{"from":"2026-03-05","to":null' "$OUT"
run hd report outcomes --json --to 2026-03-05
expect_in "--to: R1-R5" '"treated":5,' "$OUT"
run hd report outcomes --json --route intrahepatic
expect_rc "--route intrahepatic: no match, exit 1" 1
expect_in "--route intrahepatic: none" '"treated":0,' "$OUT"
expect_in "--route intrahepatic: said" "no treated patient matches the filters" "$ERR"
run hd report outcomes --json --route iv --product uc-msc
expect_in "--route iv --product uc-msc: all" '"treated":6,' "$OUT"
run hd report outcomes --json --product exosome
expect_in "--product exosome: none" '"treated":0,' "$OUT"
hd patient update R2 --etiology K70.3 >/dev/null || notok "etiology R2"
run hd report outcomes --json --etiology K70.3
expect_in "--etiology K70.3: R2" '"treated":1,' "$OUT"

# --- each run is recorded in the access trail with its scope ---
expect_in "access trail: the report and its filters" '{"report":"outcomes","from":null,"to":null,"etiology":"K70.3","route":"","product":"","patients":1}' "$(asql "select after from audit where tbl = 'report' order by seq desc limit 1")"

# --- invalid input: exit 2, flag, value and accepted values named ---
run hd report outcomes --route oral
expect_rc "bad route: exit 2" 2
expect_in "bad route: named" "--route: 'oral' is not a route; accepted: iv" "$ERR"
run hd report outcomes --product cells
expect_rc "bad product: exit 2" 2
expect_in "bad product: named" "--product: 'cells' is not a product type; accepted: uc-msc" "$ERR"
run hd report outcomes --etiology XYZ
expect_rc "bad etiology: exit 2" 2
expect_in "bad etiology: codes listed" "--etiology: 'XYZ' is not an etiology code; accepted: " "$ERR"
run hd report outcomes --from 2026-02-30
expect_rc "bad date: exit 2" 2
expect_in "bad date: named" "--from: '2026-02-30' is not a date; accepted: YYYY-MM-DD" "$ERR"
run hd report outcomes --from 2026-04-01 --to 2026-03-01
expect_rc "from after to: exit 2" 2
run hd report outcomes --json --csv
expect_rc "json and csv: exit 2" 2

finish
