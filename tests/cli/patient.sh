# Command-line tests: registering, finding and showing patients.
. "$(dirname "$0")/lib.sh"

run hd patient add --mrn A100 --name "SMITH, John" --dob 1970-05-01 --sex M --etiology B18.1 --weight 70
expect_rc "patient add succeeds" 0
expect_in "patient add says what it did" "registered A100 SMITH, John" "$OUT"
expect_eq "row stored with upper-case MRN and name key" "$(sql "select mrn, name_key, dob, sex, etiology, weight_kg from patients")" "A100|SMITH,JOHN|1970-05-01|M|B18.1|70.0"
expect_eq "creator became the first admin" "$(sql "select role from users")" "admin"
expect_eq "the registration is audited" "$(sql "select action, tbl, row_id, actor <> '' from audit where tbl='patients'")" "create|patients|1|1"

run hd patient add --mrn a100 --name "OTHER, Person" --dob 1980-01-01 --sex F
expect_rc "duplicate MRN (any case) refused" 2
expect_in "duplicate MRN message names it" "A100 is already registered" "$ERR"

hd patient add --mrn B200 --name "MÜLLER, Hans" --dob 1961-02-03 --sex M >/dev/null
hd patient add --mrn B201 --name "Nguyễn, Văn An" --dob 1958-07-09 --sex M >/dev/null
hd patient add --mrn C300 --name "王, 小明" --dob 1975-03-04 --sex F >/dev/null
hd patient add --mrn A101 --name "SMITHERS, Jane" --dob 1972-05-01 --sex F >/dev/null

run hd find MULLER
expect_in "MULLER finds Müller" "MÜLLER, Hans" "$OUT"
run hd find mül
expect_in "accented lower-case prefix finds Müller" "B200" "$OUT"
run hd find nguyen
expect_in "nguyen finds Nguyễn" "B201" "$OUT"
run hd find "smith, j"
expect_in "'smith, j' finds SMITH, John" "A100" "$OUT"
expect_not_in "'smith, j' does not find SMITHERS, Jane" "A101" "$OUT"
run hd find SMI
expect_in "SMI finds SMITH" "A100" "$OUT"
expect_in "SMI finds SMITHERS" "A101" "$OUT"
run hd find a10
expect_in "MRN prefix finds A100" "A100" "$OUT"
expect_in "MRN prefix finds A101" "A101" "$OUT"
run hd find 王
expect_in "a CJK name is found" "C300" "$OUT"
run hd find a100 --json
expect_in "find --json gives the MRN key" '"mrn":"A100"' "$OUT"
expect_eq "a JSON export is audited with what left" "$(sql "select action, after from audit where action = 'export' order by seq desc limit 1")" 'export|{"format":"json","mrns":["A100"]}'
# Plain-text find is audited too (issue 13: 1,451 patients listed unlogged).
expect_eq "a plain-text find is audited" "$(sql "select after from audit where action = 'export' and after like '%\"text\"%' and after like '%C300%'")" '{"format":"text","mrns":["C300"]}'
run hd find smi --csv
expect_eq "a CSV export is audited too" "$(sql "select count(*) from audit where action = 'export' and after like '%csv%'")" 1
run hd find SMI --limit 1
expect_eq "--limit bounds the result" "$(printf '%s\n' "$OUT" | wc -l)" "1"
run hd find zzzz
expect_rc "no match: exit 1, as grep" 1
expect_eq "no match prints nothing on stdout" "$OUT" ""
expect_eq "no match says so on stderr" "$ERR" "hepadesk find: no patient matches 'zzzz'"

run hd show A100 --json
expect_rc "show --json succeeds" 0
expect_in "show gives the name" '"name":"SMITH, John"' "$OUT"
expect_eq "show is logged as a view" "$(sql "select count(*) from audit where action='view'")" "1"
run hd show NOPE
expect_rc "unknown MRN is exit 2" 2
expect_in "unknown MRN message" "no patient with MRN 'NOPE'" "$ERR"
run hd patient
expect_rc "a command without its sub-command is bad usage" 2
expect_in "the sub-commands are named" "expected patient add|update" "$ERR"
run hd bogus
expect_rc "an unknown command is bad usage" 2
expect_in "the unknown command is named" "unknown command 'bogus'" "$ERR"
finish
