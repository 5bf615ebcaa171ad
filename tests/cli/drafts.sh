# Command-line tests: `drafts` names each draft by its kind's title from the
# model's one table of draft kinds (never the stored form name: "ae" drifted).
. "$(dirname "$0")/lib.sh"

hd patient add --mrn DK1 --name "KIND, Kim" --dob 1970-01-01 --sex F >/dev/null
ME=$(id -un)
sql "INSERT INTO drafts (user, form, patient_id, content, updated) VALUES
 ('$ME', 'ae', 1, 'Term=Fever', 1),
 ('$ME', 'infusion', 1, 'Cells given=6e7', 2),
 ('$ME', 'visit-correct.9', 1, 'Why corrected=typo', 3),
 ('$ME', 'patient.new', 0, 'MRN=X', 4)"
run hd drafts
expect_rc "drafts lists" 0
expect_in "an adverse event draft by its title" "Adverse event" "$OUT"
expect_in "an infusion draft by its title" "Infusion" "$OUT"
expect_in "a correction draft by its title" "Correction of a visit" "$OUT"
expect_in "a registration draft by its title" "New patient form" "$OUT"
expect_not_in "no raw form name" "ae      " "$OUT"
run hd drafts --json
expect_in "JSON gives the title" '"form":"ae","title":"Adverse event"' "$OUT"
expect_in "JSON keeps the stored form name" '"form":"visit-correct.9","title":"Correction of a visit"' "$OUT"
finish
