# Command-line tests: imaging precedence in the checklist (issue 11) — a
# positive HCC or thrombosis finding within the window excludes until a
# later study at least as sensitive says absent — and LI-RADS / lesion size.
. "$(dirname "$0")/lib.sh"

# --- The newest scan won: an MRI showing HCC was cancelled by a newer
# ultrasound saying "absent", and the patient was READY.
fixture_ready I1 "IMAGING, Ida" >/dev/null
hd imaging add I1 --date "$(ago 15)" --modality mri --hcc yes >/dev/null
hd imaging add I1 --date "$(ago 5)" --modality ultrasound --hcc no >/dev/null
run hd checklist I1 --json
expect_in "an ultrasound cannot overrule an MRI that found HCC" '"status":"EXCLUDED"' "$OUT"
expect_in "the reason names the positive study and what may overrule it" "HCC found on mri $(ago 15); only a later contrast CT or MRI saying absent can overrule it" "$OUT"
expect_in "the checklist shows both studies" "mri on $(ago 15), 15 days old: HCC present; ultrasound on $(ago 5), 5 days old: HCC absent" "$OUT"
hd imaging add I1 --date "$(ago 2)" --modality ct --hcc no >/dev/null
run hd checklist I1 --json
expect_in "a later CT saying absent overrules it" '"status":"READY"' "$OUT"
expect_in "the reason names both" "HCC found on mri $(ago 15) was ruled out by a later ct on $(ago 2)" "$OUT"

# --- Thrombosis: Doppler positive; a later plain ultrasound cannot clear it.
fixture_ready T1 "THROMBUS, Tom" >/dev/null
hd imaging add T1 --date "$(ago 10)" --modality doppler --thrombosis yes >/dev/null
hd imaging add T1 --date "$(ago 3)" --modality ultrasound --thrombosis no >/dev/null
run hd checklist T1 --json
expect_in "thrombosis on Doppler excludes despite a later ultrasound" '"status":"EXCLUDED"' "$OUT"
hd imaging add T1 --date "$(ago 1)" --modality doppler --thrombosis no >/dev/null
run hd checklist T1 --json
expect_in "a later Doppler saying absent clears it" '"status":"READY"' "$OUT"

# --- LI-RADS category and lesion size.
fixture_ready L1 "LIRADS, Lea" >/dev/null
run hd imaging add L1 --date "$(ago 1)" --modality mri --hcc no --lirads LR-5
expect_rc "LR-5 with HCC absent is refused" 2
expect_in "the refusal names the category" "LI-RADS: LR-5 needs action and cannot go with HCC absent" "$ERR"
run hd imaging add L1 --date "$(ago 1)" --modality mri --lirads LR-9
expect_rc "an unknown category is refused" 2
run hd imaging add L1 --date "$(ago 1)" --modality mri --lirads LR-4 --lesion-mm 400
expect_rc "a lesion of 400 mm is refused" 2
expect_in "the refusal names range and unit" "largest lesion: 400 mm is outside 1-300 mm" "$ERR"
expect_eq "refused notes store nothing" "$(sql "select count(*) from imaging where lirads is not null")" "0"
run hd imaging add L1 --date "$(ago 1)" --modality mri --lirads LR-4 --lesion-mm 22
expect_rc "LR-4 with its lesion size is recorded" 0
run hd checklist L1 --json
expect_in "LR-4 counts as HCC present and excludes" '"status":"EXCLUDED"' "$OUT"
expect_in "the category and size are shown" "HCC present, LR-4, largest lesion 22 mm" "$OUT"

finish
