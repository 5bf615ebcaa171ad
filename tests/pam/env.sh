# env.sh: PAM for the tests, sourced by tests/fixtures.sh (so by
# tests/cli/lib.sh and tests/screen/lib.sh) after T is set. hepadesk
# authenticates through pam_wrapper with the service file tests/pam/hepadesk,
# whose pam_matrix reads the passwords of $T/pam/passdb: this user's password
# is $PW (pam_user adds others). Nothing of the system's PAM is used.
# pam_wrapper goes into hepadesk only: hd and the screens' start put $PAM_ENV
# before it, and a test that runs the binary itself writes
# `env $PAM_ENV "$HEPADESK" ...`. (Every process it is preloaded in takes one
# of its 36 /tmp/pam.? folders; grep, sed or sqlite3 need none.)
_pw_lib=$(dpkg -L libpam-wrapper 2>/dev/null | grep '/libpam_wrapper\.so$' | head -n 1)
_pw_matrix=$(dpkg -L libpam-wrapper 2>/dev/null | grep '/pam_matrix\.so$' | head -n 1)
if [ -z "$_pw_lib" ] || [ -z "$_pw_matrix" ]; then
	echo "not ok - pam_wrapper is not installed (make deps installs libpam-wrapper)"
	exit 1
fi
mkdir -p "$T/pam/services"
sed "s|@PAM_MATRIX@|$_pw_matrix|" "$(dirname "$0")/../pam/hepadesk" >"$T/pam/services/hepadesk"
# PAM reads "other" too; with pam_matrix it accepts nobody (the passwords
# are for service hepadesk only).
cp "$T/pam/services/hepadesk" "$T/pam/services/other"
PW="right-horse-battery"
printf '%s:%s:hepadesk\n' "$(id -un)" "$PW" >"$T/pam/passdb"
chmod 0644 "$T/pam/passdb"
export PAM_WRAPPER_SERVICE_DIR="$T/pam/services" PAM_MATRIX_PASSWD="$T/pam/passdb" PW
# Under ASan (make asan): the preload sits before the ASan runtime, which
# needs verify_asan_link_order=0, and the sanitizer refuses pam_wrapper's
# dlopen of libpam with RTLD_DEEPBIND, which pam_wrapper 1.1.4 turns off by
# UID_WRAPPER_DISABLE_DEEPBIND (its own name in later versions: PAM_...).
PAM_ENV="LD_PRELOAD=$_pw_lib PAM_WRAPPER=1 PAM_WRAPPER_DISABLE_DEEPBIND=1 UID_WRAPPER_DISABLE_DEEPBIND=1"
export ASAN_OPTIONS="verify_asan_link_order=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"

# pam_user LOGIN PASSWORD: one more user the test stack knows.
pam_user() { printf '%s:%s:hepadesk\n' "$1" "$2" >>"$PAM_MATRIX_PASSWD"; }
# hd_sign ARGS...: hd ARGS --password-fd 3 with this user's password on fd 3.
hd_sign() {
	hd "$@" --password-fd 3 3<<EOPW
$PW
EOPW
}
