# Command-line tests: protocols live in the database (issue 13). `init`
# installs and activates the built-in protocol; `protocol install` validates
# and keeps text and hash; `protocol activate` is for administrators and is
# audited; a user's own config or a folder holding assets/protocols/... never
# changes the criteria (the cases found when tried).
. "$(dirname "$0")/lib.sh"

ME=$(id -un)
expect_eq "init installed and activated the built-in protocol" \
	"$(sql "select p.name, p.version, p.installed_at is not null from protocol_activations a join protocols p on p.id = a.protocol_id")" \
	"UC-MSC decompensated cirrhosis (clinic default)|1.0|1"
run hd protocol list
expect_rc "protocol list: exit 0" 0
expect_in "lists the active built-in protocol" "* installed UC-MSC decompensated cirrhosis (clinic default) version 1.0" "$OUT"
expect_in "by whom" "by $ME at $TODAY" "$OUT"

fixture_ready X1 "EXCLUDED, Ex" || notok "fixture"
hd checklist answer X1 malignancy yes >/dev/null
run hd checklist X1 --json
expect_in "a malignancy excludes" '"status":"EXCLUDED"' "$OUT"

# The nurse's look-alike: the malignancy criterion removed, same name and version.
awk '/^\[item.malignancy\]/{skip=1; next} /^\[/{skip=0} !skip' \
	"$(dirname "$0")/../../assets/protocols/ucmsc-default.ini" >"$T/mine.ini"
grep -q 'name = UC-MSC decompensated cirrhosis (clinic default)' "$T/mine.ini" || notok "look-alike has the same name"
printf '[protocol]\nfile = %s\n' "$T/mine.ini" >"$T/nurse.ini"
run "$HEPADESK" --db "$DB" --config "$T/nurse.ini" checklist X1 --json
expect_rc "a config naming a protocol file is refused" 2
expect_in "the refusal names the key and where protocols come from" "nurse.ini:2: 'protocol:file' is no longer read: the protocol lives in the database" "$ERR"
expect_eq "and shows no READY" "$(printf '%s' "$OUT" | grep -c READY)" 0

# A folder holding assets/protocols/ucmsc-default.ini: not read.
BIN=$(readlink -f "$HEPADESK")
mkdir -p "$T/cwd/assets/protocols"
cp "$T/mine.ini" "$T/cwd/assets/protocols/ucmsc-default.ini"
run sh -c "cd '$T/cwd' && '$BIN' --db '$DB' checklist X1 --json"
expect_in "running from that folder still EXCLUDED" '"status":"EXCLUDED"' "$OUT"
run sh -c "cd '$T/cwd' && env $PAM_ENV '$BIN' --db '$DB' checklist sign X1 --password-fd 3 3<<EOF
$PW
EOF"
expect_rc "and it cannot be signed READY" 0
expect_eq "the signed status is EXCLUDED" "$(sql "select status from evaluations")" "EXCLUDED"

# Installing the look-alike under the same name and version is refused.
run hd protocol install "$T/mine.ini"
expect_rc "same name and version, other text: refused" 2
expect_in "says to give a new version" "is already installed with another text; give the new text a new version" "$ERR"
# A protocol that does not pass the checks is refused naming file and line.
printf '[protocol]\nname = Broken\nversion = 9\n[item.labs]\nkind = lab\nlabel = Labs\nanalytes = bilirubin, glucose\n' >"$T/bad.ini"
run hd protocol install "$T/bad.ini"
expect_rc "an invalid protocol: exit 2" 2
expect_in "names file, line and key" "bad.ini:7: [item.labs] analytes: unknown analyte 'glucose'" "$ERR"
expect_eq "nothing kept" "$(sql "select count(*) from protocols where name = 'Broken'")" 0

# A new version: installed, then active only once activated.
sed 's/^version = 1.0$/version = 1.1-site/' "$T/mine.ini" >"$T/site.ini"
run hd protocol install "$T/site.ini"
expect_rc "install: exit 0" 0
expect_in "install names it and its hash" "installed protocol UC-MSC decompensated cirrhosis (clinic default) version 1.1-site (sha256 " "$OUT"
run hd checklist X1 --json
expect_in "installed is not yet active" '"version":"1.0"' "$OUT"
run hd protocol activate "UC-MSC decompensated cirrhosis (clinic default)" 9.9
expect_rc "an unknown version: exit 2" 2
expect_in "names what is missing" "no installed protocol UC-MSC decompensated cirrhosis (clinic default) version 9.9" "$ERR"
run hd protocol activate "UC-MSC decompensated cirrhosis (clinic default)" 1.1-site
expect_rc "activate: exit 0" 0
expect_in "activate confirms" "active protocol: UC-MSC decompensated cirrhosis (clinic default) version 1.1-site" "$OUT"
expect_eq "install and activation are audited" \
	"$(sql "select count(*) from audit where tbl in ('protocols', 'protocol_activations') and action = 'create'")" 4
run hd checklist X1 --json
expect_in "the checklist runs on the activated version" '"version":"1.1-site"' "$OUT"
run hd protocol list --json
expect_in "list --json marks the active one" '"version":"1.1-site","sha256":"' "$OUT"
expect_in "list --json active flag" '"active":true' "$OUT"

# Only administrators manage the protocol.
hd user add boss --role admin >/dev/null
hd user grant "$ME" nurse >/dev/null
hd user revoke "$ME" admin >/dev/null
run hd protocol activate "UC-MSC decompensated cirrhosis (clinic default)" 1.0
expect_rc "a nurse may not activate: exit 1" 1
expect_in "the refusal names the permission" "manage the protocol" "$ERR"
run hd protocol install "$T/site.ini"
expect_rc "a nurse may not install: exit 1" 1
finish
