#!/bin/sh
# Tests of the layer check itself: a clean fixture tree passes, and each kind
# of breach (an upward include, a sideways one, a cycle, curses in the
# model, SQLite above storage; in ui/ a widget or the frame including
# something above it, a loose file) makes it fail naming the file.
check=$(cd "$(dirname "$0")" && pwd)/layercheck.sh
conf=$(cd "$(dirname "$0")" && pwd)/layers.conf
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
passes=0
ok() { echo "ok - layercheck: $1"; passes=$((passes + 1)); }
notok() { echo "not ok - layercheck: $1"; fails=$((fails + 1)); }

# tree NAME: a small clean tree (base <- model <- store <- usecase <- cli;
# usecase <- ui-widget <- ui-frame <- ui-screen <- ui-app; root)
tree() {
	d=$T/$1
	mkdir -p "$d/src/base" "$d/src/model" "$d/src/store" "$d/src/usecase" "$d/src/cli" \
		"$d/ui/widget" "$d/ui/frame" "$d/ui/screen" "$d/ui/app" "$d/include"
	printf '#include "util.h"\n' >"$d/src/base/util.c"
	printf '/* util */\n' >"$d/include/util.h"
	printf '#include "score.h"\n#include "util.h"\n' >"$d/src/model/score.c"
	printf '#include "util.h"\n' >"$d/include/score.h"
	printf '#include "store.h"\n#include "score.h"\n#include <sqlite3.h>\n' >"$d/src/store/store.c"
	printf '#include "score.h"\n' >"$d/include/store.h"
	printf '#include "uc.h"\n#include "store.h"\n' >"$d/src/usecase/uc.c"
	printf '#include "store.h"\n' >"$d/include/uc.h"
	printf '#include "cli.h"\n#include "uc.h"\n' >"$d/src/cli/cli.c"
	printf '#include "uc.h"\n' >"$d/include/cli.h"
	printf '#include "ui_draw.h"\n#include <curses.h>\n' >"$d/ui/widget/ui_draw.c"
	printf '#include <curses.h>\n' >"$d/include/ui_draw.h"
	printf '#include "ui_screen.h"\n#include "ui_draw.h"\n' >"$d/ui/frame/ui_screen.c"
	printf '#include "ui_draw.h"\n' >"$d/include/ui_screen.h"
	printf '#include "ui_home.h"\n#include "uc.h"\n#include "ui_draw.h"\n' >"$d/ui/screen/ui_home.c"
	printf '#include "ui_screen.h"\n' >"$d/include/ui_home.h"
	printf '#include "ui_app.h"\n#include "ui_home.h"\n#include "ui_screen.h"\n' >"$d/ui/app/ui_app.c"
	printf '/* app */\n' >"$d/include/ui_app.h"
	printf '#include "cli.h"\n#include "ui_app.h"\n' >"$d/ui/main.c"
	echo "$d"
}

# expect NAME TREE WANT-EXIT NEEDLE
expect() {
	out=$(LAYERS_CONF=$conf sh "$check" "$2" 2>&1)
	rc=$?
	if [ "$rc" -ne "$3" ]; then
		notok "$1: exit $rc, wanted $3: $out"
	else
		case "$out" in *"$4"*) ok "$1" ;; *) notok "$1: '$4' not in: $out" ;; esac
	fi
}

d=$(tree clean)
expect "a clean tree passes" "$d" 0 "ok - layer check"

d=$(tree upward)
printf '#include "score.h"\n#include "store.h"\n' >"$d/src/model/score.c"
expect "an upward include fails" "$d" 1 "src/model/score.c (model) includes store.h (store): not allowed"

d=$(tree sideways)
printf '#include "cli.h"\n#include "ui_home.h"\n' >"$d/ui/screen/ui_home.c"
expect "the screens including the command line fails" "$d" 1 \
	"ui/screen/ui_home.c (ui-screen) includes cli.h (cli): not allowed"

d=$(tree uiwidget)
printf '#include "ui_draw.h"\n#include "ui_screen.h"\n' >"$d/ui/widget/ui_draw.c"
expect "a widget including the frame fails" "$d" 1 \
	"ui/widget/ui_draw.c (ui-widget) includes ui_screen.h (ui-frame): not allowed"

d=$(tree uiframe)
printf '#include "ui_screen.h"\n#include "ui_home.h"\n' >"$d/ui/frame/ui_screen.c"
expect "the frame including a screen fails" "$d" 1 \
	"ui/frame/ui_screen.c (ui-frame) includes ui_home.h (ui-screen): not allowed"

d=$(tree uiscreen)
printf '#include "ui_home.h"\n#include "ui_app.h"\n' >"$d/ui/screen/ui_home.c"
expect "a screen including the app fails" "$d" 1 \
	"ui/screen/ui_home.c (ui-screen) includes ui_app.h (ui-app): not allowed"

d=$(tree uiroot)
printf '#include "cli.h"\n#include "ui_home.h"\n' >"$d/ui/main.c"
expect "main.c opening a screen itself fails" "$d" 1 \
	"ui/main.c (root) includes ui_home.h (ui-screen): not allowed"

d=$(tree uiloose)
printf '#include "ui_loose.h"\n#include "ui_screen.h"\n' >"$d/ui/ui_loose.c"
printf '/* loose */\n' >"$d/include/ui_loose.h"
expect "a ui file outside the layer folders fails" "$d" 1 "ui/ui_loose.c: no layer"

d=$(tree uicycle)
printf '#include "ui_home.h"\n#include "ui_list.h"\n' >"$d/ui/screen/ui_home.c"
printf '#include "ui_list.h"\n#include "ui_home.h"\n' >"$d/ui/screen/ui_list.c"
printf '#include "ui_screen.h"\n' >"$d/include/ui_list.h"
expect "two screens opening each other fail" "$d" 1 "include cycle: "

d=$(tree cycle)
printf '#include "util.h"\n' >"$d/include/score.h"
printf '#include "lab.h"\n' >>"$d/src/model/score.c"
printf '#include "lab.h"\n#include "score.h"\n' >"$d/src/model/lab.c"
printf '/* lab */\n' >"$d/include/lab.h"
expect "an include cycle fails" "$d" 1 "include cycle: "
out=$(LAYERS_CONF=$conf sh "$check" "$d" 2>&1)
case "$out" in *"score -> lab -> score"* | *"lab -> score -> lab"*) ok "the cycle is named" ;;
*) notok "the cycle is not named: $out" ;; esac

d=$(tree curses)
printf '#include "util.h"\n#include <ncursesw/curses.h>\n' >"$d/src/model/score.c"
expect "curses in the model fails" "$d" 1 "curses outside ui/: src/model/score.c"

d=$(tree sqlite)
printf '#include "uc.h"\n#include <sqlite3.h>\n' >"$d/src/usecase/uc.c"
expect "SQLite above storage fails" "$d" 1 "SQLite outside src/store"

d=$(tree orphan)
printf '/* nobody */\n' >"$d/include/orphan.h"
expect "a header with no layer fails" "$d" 1 "include/orphan.h: no layer"

echo "layercheck-test: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
