#!/bin/sh
# The layers: src/ and the model headers never know curses or a ui_ header;
# ui/ never runs SQL; only the storage files (src/store*.c) call SQLite.
bad=0
hits=$(grep -lE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/|form\.h|menu\.h|panel\.h|term\.h|ui_)' \
	src/*.c src/*.h $(ls include/*.h | grep -v '/ui_') 2>/dev/null)
[ -n "$hits" ] && { echo "layer: curses or ui_ header included by the model: $hits"; bad=1; }
hits=$(grep -lE '\b(initscr|newterm|wrefresh|mvwprintw|wgetch|endwin)\b' src/*.c 2>/dev/null)
[ -n "$hits" ] && { echo "layer: curses calls in the model: $hits"; bad=1; }
hits=$(grep -lE 'sqlite3' ui/*.c include/ui_*.h 2>/dev/null)
[ -n "$hits" ] && { echo "layer: SQLite used by the screens: $hits"; bad=1; }
hits=$(grep -lE 'sqlite3_' $(ls src/*.c | grep -v '/store')  2>/dev/null)
[ -n "$hits" ] && { echo "layer: SQL outside the storage module: $hits"; bad=1; }
if [ $bad -eq 0 ]; then echo "ok - layer check"; else exit 1; fi
