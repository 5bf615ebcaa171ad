# Command-line tests: `imaging correct`, `imaging void` and `imaging list` —
# a patient excluded by an MRI showing HCC is READY again once that note is
# voided with a reason, both versions stay in the audit trail, refused
# corrections write nothing, a stale version is a conflict.
. "$(dirname "$0")/lib.sh"

fixture_ready M1 "MRI, Mia" || { notok "fixture"; finish; exit 1; }
hd patient add --mrn M2 --name "OTHER, Olga" --dob 1970-05-05 --sex F --weight 70 >/dev/null
hd imaging add M2 --date "$(ago 2)" --modality ultrasound --hcc no >/dev/null
hd imaging add M1 --date "$(ago 5)" --modality mri --hcc yes --lirads 5 --lesion-mm 23 >/dev/null
hd imaging add M1 --date "$(ago 4)" --modality elastography --stiffness 12 --iqr 2 >/dev/null
ME=$(sql "select login from users order by id limit 1")
q() { sql "select i.id from imaging i join patients p on p.id = i.patient_id where p.mrn = '$1' and $2"; }
HCC=$(q M1 "modality = 'mri' and hcc = 1")
STIFF=$(q M1 "modality = 'elastography'")
OTHER=$(q M2 "1")

run hd checklist M1 --json
expect_in "the MRI showing HCC excludes" '"status":"EXCLUDED"' "$OUT"

AUDIT=$(sql "select count(*) from audit where action <> 'view'")
ROWS=$(sql "select group_concat(id || ':' || coalesce(hcc, '-') || ':' || coalesce(stiffness_kpa, '-') || ':' || coalesce(iqr_kpa, '-') || ':' || version || ':' || coalesce(voided_at, '-'), ',') from imaging")
run hd imaging correct M1 "$HCC" --hcc no --reason "x"
expect_rc "HCC absent with LR-5 is refused (imaging add's rule)" 2
expect_in "it names the rule" "LR-5 needs action and cannot go with HCC absent" "$ERR"
run hd imaging correct M1 "$STIFF" --stiffness 80 --reason "x"
expect_rc "a stiffness beyond the hard limit is refused" 2
expect_in "the refusal names the range and unit" "kPa" "$ERR"
run hd imaging correct M1 "$STIFF" --iqr 5 --reason "IQR typed wrong"
expect_rc "a poorly reliable stiffness asks for --confirm" 2
expect_in "it names the ratio and the rule" "stiffness 12.0 kPa with IQR 5.0 kPa (IQR/median 42 %) is poorly reliable" "$ERR"
expect_in "... and how to accept" "add --confirm to accept" "$ERR"
run hd imaging correct M1 "$STIFF" --iqr 20 --reason "x"
expect_rc "an IQR above the median is refused" 2
run hd imaging correct M1 "$HCC" --hcc maybe --reason "x"
expect_rc "a finding other than yes, no, na is refused" 2
run hd imaging correct M1 "$HCC" --hcc na
expect_rc "a correction needs a reason" 2
expect_in "the reason is asked for" "--reason is required" "$ERR"
run hd imaging correct M1 "$HCC" --date "$(later 3)" --reason "x"
expect_rc "a day after today is refused" 2
run hd imaging correct M1 "$OTHER" --hcc yes --reason "x"
expect_rc "another patient's note is refused" 2
expect_in "not this patient's" "no imaging note $OTHER for this patient" "$ERR"
expect_eq "refused corrections wrote nothing" \
	"$(sql "select count(*) from audit where action <> 'view'")|$(sql "select group_concat(id || ':' || coalesce(hcc, '-') || ':' || coalesce(stiffness_kpa, '-') || ':' || coalesce(iqr_kpa, '-') || ':' || version || ':' || coalesce(voided_at, '-'), ',') from imaging")" \
	"$AUDIT|$ROWS"

run hd imaging correct M1 "$STIFF" --iqr 5 --confirm --reason "IQR typed wrong"
expect_rc "confirmed, the correction is saved" 0
expect_in "it says what was corrected" "corrected elastography imaging note $STIFF of M1 on $(ago 4): HCC not assessed, now version 2" "$OUT"
expect_eq "the row holds the value, its version and the reason" \
	"$(sql "select stiffness_kpa, iqr_kpa, version, correction_reason from imaging where id = $STIFF")" \
	"12.0|5.0|2|IQR typed wrong"
expect_eq "the audit trail keeps both versions" \
	"$(sql "select json_extract(before, '\$.iqr_kpa') || '>' || json_extract(after, '\$.iqr_kpa') || ' v' || json_extract(before, '\$.version') || '>' || json_extract(after, '\$.version') from audit where tbl = 'imaging' and action = 'update' and row_id = $STIFF")" \
	"2.0>5.0 v1>2"
run hd imaging correct M1 "$STIFF" --iqr 3 --reason "again" --if-version 1
expect_rc "a stale version is a conflict" 1
expect_in "the conflict names both versions" "changed by someone else since it was read (version 1, now 2)" "$ERR"
expect_eq "the conflict wrote nothing" "$(sql "select iqr_kpa, version from imaging where id = $STIFF")" "5.0|2"

run hd imaging void M1 "$HCC"
expect_rc "a void needs a reason" 2
run hd imaging void M1 "$HCC" --reason "report of another patient's MRI"
expect_rc "imaging void succeeds" 0
expect_in "it says so" "voided imaging note $HCC of M1: report of another patient's MRI" "$OUT"
expect_eq "the row stays, voided with who and why" \
	"$(sql "select hcc, voided_at is not null, voided_by, void_reason, version from imaging where id = $HCC")" \
	"1|1|$ME|report of another patient's MRI|2"
expect_eq "the audit keeps both versions of the void" \
	"$(sql "select json_extract(before, '\$.voided_at') is null, json_extract(before, '\$.hcc'), json_extract(after, '\$.void_reason') from audit where tbl = 'imaging' and action = 'update' and row_id = $HCC")" \
	"1|1|report of another patient's MRI"
run hd checklist M1 --json
expect_in "the voided MRI no longer excludes: READY" '"status":"READY"' "$OUT"
expect_not_in "... nor is it shown" "HCC found on mri $(ago 5)" "$OUT"

run hd imaging list M1
expect_in "imaging list marks the voided note" "VOIDED: report of another patient's MRI" "$OUT"
expect_in "... and the corrected one" "corrected: IQR typed wrong" "$OUT"
run hd imaging list M1 --json
expect_in "imaging list --json gives id, version and the void" \
	"{\"id\":$HCC,\"version\":2,\"date\":\"$(ago 5)\",\"modality\":\"mri\",\"hcc\":true,\"thrombosis\":null,\"ascites\":null,\"stiffness_kpa\":null,\"iqr_kpa\":null,\"fibrosis_stage\":null,\"lirads\":\"LR-5\",\"lesion_mm\":23,\"note\":\"\",\"correction\":null,\"voided\":true,\"void_reason\":\"report of another patient's MRI\",\"voided_by\":\"$ME\"}" "$OUT"
expect_in "... and the correction" "\"iqr_kpa\":5,\"fibrosis_stage\":null,\"lirads\":null,\"lesion_mm\":null,\"note\":\"\",\"correction\":\"IQR typed wrong\",\"voided\":false" "$OUT"

run hd imaging void M1 "$HCC" --reason "again"
expect_rc "voiding twice is refused" 2
expect_in "it says so" "voided already" "$ERR"
run hd imaging correct M1 "$HCC" --hcc yes --reason "x"
expect_rc "a voided note is not corrected" 2
expect_in "it says why" "was voided (report of another patient's MRI)" "$ERR"

# A correction the other way: an MRI note typed "absent" that showed HCC.
MRI=$(q M1 "modality = 'mri' and hcc = 0")
run hd imaging correct M1 "$MRI" --hcc yes --lirads LR-4 --reason "the report said LR-4"
expect_rc "a finding corrected to present" 0
run hd checklist M1 --json
expect_in "the corrected MRI excludes" '"status":"EXCLUDED"' "$OUT"
finish
