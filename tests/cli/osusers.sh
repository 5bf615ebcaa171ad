# Command-line tests: the install, the group and the permission model as
# separate OS users (issue 13). As root, the test makes its own group and
# clinic users (unique names, removed at exit), runs `make install` into a
# temporary prefix (PREFIX, SYSCONFDIR, LOCALSTATEDIR under $T), and shows
# that a nurse who is not in the group cannot open the database with sqlite3,
# that the set-group-ID program opens it for her, that she cannot point the
# program at another database, configuration, protocol or folder, and that
# roles hold for her as a nurse and for a physician (issue 12's roles as
# separate OS users).
NO_INIT=1
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" -ne 0 ]; then
	ok "separate OS users # skip not root (useradd, groupadd and set-group-ID need root)"
	finish
	exit 0
fi
ROOT_DIR=$(cd "$(dirname "$0")/../.." && pwd)
BUILD_DIR=$(dirname "${HEPADESK_INSTALLED:-$ROOT_DIR/build/hepadesk}")
tag=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
G="hdg$tag" NURSE="hdn$tag" PHYS="hdp$tag"
PAM_MADE=0
cleanup() {
	[ "$PAM_MADE" = 1 ] && rm -f /etc/pam.d/hepadesk
	userdel "$NURSE" 2>/dev/null
	userdel "$PHYS" 2>/dev/null
	groupdel "$G" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
groupadd "$G" || { notok "groupadd $G"; exit 1; }
useradd -M -N -g nogroup -s /bin/sh "$NURSE" || { notok "useradd $NURSE"; exit 1; }
useradd -M -N -g nogroup -s /bin/sh "$PHYS" || { notok "useradd $PHYS"; exit 1; }
expect_not_in "the nurse is not in the clinic's group" "$G" "$(id -Gn "$NURSE")"

# The temporary prefix must be reachable by the clinic users.
chmod 0755 "$T"
P="$T/prefix"
run make -s -C "$ROOT_DIR" install PREFIX="$P" SYSCONFDIR="$P/etc" LOCALSTATEDIR="$P/var" \
	HD_GROUP="$G" BUILD="$BUILD_DIR" INSTALL_BUILD="$T/ib"
expect_rc "make install into the temporary prefix: exit 0" 0
HD="$P/bin/hepadesk"
DATA="$P/var/lib/hepadesk"
SYSDB="$DATA/hepadesk.db"
expect_eq "the program is set-group-ID to the clinic's group" "$(stat -c '%a %G' "$HD")" "2755 $G"
expect_eq "the data folder belongs to the group" "$(stat -c '%a %G' "$DATA")" "2770 $G"
expect_in "the system settings name the prefix's database" "path = \"$SYSDB\"" "$(cat "$P/etc/hepadesk/hepadesk.ini")"
if [ -d "$ROOT_DIR/assets/pam" ]; then
	for f in "$ROOT_DIR"/assets/pam/*; do
		expect_eq "the PAM service file ${f##*/} is installed" \
			"$(cmp -s "$f" "$P/etc/pam.d/${f##*/}" && stat -c %a "$P/etc/pam.d/${f##*/}")" 644
	done
fi
if [ "$(stat -c %A "$HD" | cut -c7)" != s ] || ! runuser -u "$NURSE" -- "$HD" --version >/dev/null 2>&1; then
	ok "OS users # skip the file system ignores set-group-ID or the prefix is unreachable"
	finish
	exit 0
fi

# The administrator creates the clinic (root: the file belongs to no clinic user).
run "$HD" init
expect_rc "init through the installed program" 0
expect_in "the system database is created" "created the clinic database $SYSDB" "$OUT"
expect_eq "the database is the group's, read-write by the group only" "$(stat -c '%a %U %G' "$SYSDB")" "660 root $G"
expect_eq "the audit key is readable by the group only" "$(stat -c '%a %G' "$SYSDB.key")" "440 $G"
"$HD" user add "$NURSE" --role nurse >/dev/null
"$HD" user add "$PHYS" --role physician >/dev/null

# as USER CMD...: run as a clinic user with a HOME and XDG folders of her own.
as() {
	u=$1
	shift
	run runuser -u "$u" -- env -i PATH=/usr/bin:/bin HOME="$T/home-$u" TZ=UTC LANG=C.UTF-8 \
		XDG_CONFIG_HOME="$T/home-$u/.config" ${EXTRA_ENV:-} "$@"
}
for u in "$NURSE" "$PHYS"; do
	mkdir -p "$T/home-$u" && chown "$u" "$T/home-$u"
done

# --- she cannot open the database herself ---
as "$NURSE" sqlite3 "$SYSDB" "update users set roles = 'admin' where login = '$NURSE'"
expect_rc "sqlite3 as the nurse: refused" 1
expect_in "sqlite3 cannot open the file" "unable to open database" "$ERR"
as "$NURSE" cat "$SYSDB"
expect_in "the file is not readable to her" "Permission denied" "$ERR"
as "$NURSE" cat "$SYSDB.key"
expect_in "nor the audit key" "Permission denied" "$ERR"
expect_eq "her roles are unchanged" "$(sqlite3 "$SYSDB" "select roles from users where login = '$NURSE'")" nurse

# --- the program opens it for her ---
as "$NURSE" "$HD" patient add --mrn OS1 --name "SYSTEM, Sara" --dob 1970-01-01 --sex F --weight 70
expect_rc "the set-group-ID program opens it for her: patient add" 0
expect_eq "written to the system database, as her" \
	"$(sqlite3 "$SYSDB" "select actor from audit where action = 'create' and tbl = 'patients'")" "$NURSE"
as "$NURSE" "$HD" audit verify
expect_rc "audit verify is for administrators" 1
run "$HD" audit verify
expect_rc "the chain verifies" 0

# --- she cannot redirect it ---
# Her own clinic: a database she owns, with a patient the system one lacks.
mkdir -p "$T/home-$NURSE/mine"
"$HEPADESK" --db "$T/home-$NURSE/mine/clinic.db" init >/dev/null
"$HEPADESK" --db "$T/home-$NURSE/mine/clinic.db" patient add --mrn MINE1 --name "OWN, Olga" \
	--dob 1970-01-01 --sex F >/dev/null
"$HEPADESK" --db "$T/home-$NURSE/mine/clinic.db" user add "$NURSE" --role nurse,admin >/dev/null
chown -R "$NURSE" "$T/home-$NURSE"
OWN="$T/home-$NURSE/mine/clinic.db"
as "$NURSE" "$HD" --db "$OWN" find MINE1
expect_rc "--db: refused" 1
expect_in "--db names the system settings" "--db is not accepted: the installed program opens only the database named in $P/etc/hepadesk/hepadesk.ini" "$ERR"
EXTRA_ENV="HEPADESK_DB=$OWN" as "$NURSE" "$HD" find OS
expect_in "HEPADESK_DB is ignored: the system database answers" "OS1" "$OUT"
printf '[database]\npath = "%s"\n' "$OWN" >"$T/home-$NURSE/mine.ini"
mkdir -p "$T/home-$NURSE/.config/hepadesk"
cp "$T/home-$NURSE/mine.ini" "$T/home-$NURSE/.config/hepadesk/hepadesk.ini"
chown -R "$NURSE" "$T/home-$NURSE"
as "$NURSE" "$HD" --config "$T/home-$NURSE/mine.ini" find OS
expect_rc "--config: refused" 1
expect_in "--config is named" "--config is not accepted: the installed program reads only $P/etc/hepadesk/hepadesk.ini" "$ERR"
EXTRA_ENV="HEPADESK_CONFIG=$T/home-$NURSE/mine.ini" as "$NURSE" "$HD" find OS
expect_in "HEPADESK_CONFIG is ignored" "OS1" "$OUT"
as "$NURSE" "$HD" find OS
expect_in "XDG_CONFIG_HOME's settings are ignored" "OS1" "$OUT"
expect_not_in "her clinic is never opened" "MINE1" "$OUT"
# A protocol of her own: the file is refused to her, and one in the current
# folder is never read.
sed -e '/^\[item.hcc_imaging\]/,/^on_fail/d' "$ROOT_DIR/assets/protocols/ucmsc-default.ini" >"$T/home-$NURSE/nohcc.ini"
mkdir -p "$T/home-$NURSE/assets/protocols"
cp "$T/home-$NURSE/nohcc.ini" "$T/home-$NURSE/assets/protocols/ucmsc-default.ini"
chown -R "$NURSE" "$T/home-$NURSE"
as "$NURSE" "$HD" protocol install "$T/home-$NURSE/nohcc.ini"
expect_rc "protocol install: refused to a nurse" 1
expect_in "needs an administrator" "you need the role admin" "$ERR"
before=$(sqlite3 "$SYSDB" "select count(*) from protocols")
run runuser -u "$NURSE" -- sh -c "cd '$T/home-$NURSE' && HOME='$T/home-$NURSE' '$HD' checklist OS1 --json"
expect_rc "checklist from her folder" 0
expect_in "the HCC criterion of the system's protocol still applies" '"hcc_imaging"' "$OUT"
expect_eq "no protocol was added" "$(sqlite3 "$SYSDB" "select count(*) from protocols")" "$before"
# Her own clinic is untouched: nothing the program did went there.
expect_eq "her own database got nothing" "$(sqlite3 "$OWN" "select count(*) from patients")" 1

# --- her terminal definitions are not read ---
# A terminfo entry for a made-up terminal in her TERMINFO: an ordinary run
# (her own clinic, the test build) opens the screens with it; the installed
# program does not read it (ncurses would, for a set-group-ID program).
mkdir -p "$T/ti"
infocmp -x xterm | sed -e '1,/^[a-z]/s/^xterm[^,]*,/hdfake|made-up terminal,/' >"$T/hdfake.src"
tic -x -o "$T/ti" "$T/hdfake.src"
chmod -R a+rX "$T/ti"
EXTRA_ENV="TERM=hdfake TERMINFO=$T/ti" as "$NURSE" script -qec "timeout 5 $HEPADESK --db $OWN" /dev/null
expect_not_in "an ordinary run uses her terminfo entry" "cannot use terminal type" "$OUT$ERR"
EXTRA_ENV="TERM=hdfake TERMINFO=$T/ti" as "$NURSE" script -qec "timeout 5 $HD" /dev/null
expect_in "the installed program does not" "cannot use terminal type 'hdfake'" "$OUT$ERR"
EXTRA_ENV="TERM=hdfake TERMINFO_DIRS=$T/ti:" as "$NURSE" script -qec "timeout 5 $HD" /dev/null
expect_in "nor TERMINFO_DIRS" "cannot use terminal type 'hdfake'" "$OUT$ERR"

# --- roles hold as separate OS users ---
# A signature re-authenticates the user with her own system password
# through the installed PAM service (pam_unix, as on a clinic's server): the
# physician is given one for this test, and the service file is put where
# PAM reads it (and removed at exit) unless the machine has one already.
PHYS_PW="hd-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
echo "$PHYS:$PHYS_PW" | chpasswd || notok "chpasswd"
if [ ! -e /etc/pam.d/hepadesk ]; then
	cp "$P/etc/pam.d/hepadesk" /etc/pam.d/hepadesk && PAM_MADE=1
fi
printf '%s\n' "$PHYS_PW" >"$T/phys.pw"
printf '%s\n' "not-her-password" >"$T/wrong.pw"
as "$NURSE" "$HD" checklist sign OS1 --password-fd 3 3<"$T/wrong.pw"
expect_rc "a nurse cannot sign" 1
expect_in "the refusal names the role" "you need the role physician" "$ERR"
as "$PHYS" "$HD" checklist sign OS1 --password-fd 3 3<"$T/wrong.pw"
expect_rc "a physician with a wrong password cannot" 1
expect_in "the system's PAM refused it" "password not accepted for $PHYS" "$ERR"
as "$PHYS" "$HD" checklist sign OS1 --password-fd 3 3<"$T/phys.pw"
expect_rc "a physician can, with her own password (system PAM, pam_unix)" 0
expect_in "signed by the physician" "by $PHYS" "$OUT"
expect_eq "the signature is the physician's" \
	"$(sqlite3 "$SYSDB" "select actor from audit where tbl = 'evaluations' order by seq desc limit 1")" "$PHYS"
as "$PHYS" "$HD" user add "$NURSE" --role admin
expect_rc "a physician cannot manage users" 1
run "$HD" audit verify
expect_rc "the chain still verifies after every user's run" 0
finish
