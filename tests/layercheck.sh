#!/bin/sh
# The layer check: every #include runs down the layers of tests/layers.conf
# (never up, never sideways), no two modules include each other however
# indirectly, curses stays in ui/, SQLite in src/store. A file's layer is its
# folder (src/X: X; ui/X: ui-X; ui/main.c: root). Usage:
#   tests/layercheck.sh [ROOT]   (default: the repository; tests give a fixture tree)
# Prints "ok - layer check", or each offending include and exits 1.
root=${1:-.}
conf=${LAYERS_CONF:-$root/tests/layers.conf}
[ -f "$conf" ] || conf=$(dirname "$0")/layers.conf
cd "$root" || exit 2
files=$(find src ui include -name '*.[ch]' 2>/dev/null | sort)
[ -n "$files" ] || { echo "layer: no sources under $root"; exit 2; }

# One line per include: FILE<tab>INCLUDED-NAME (quoted includes only).
grep -HnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' $files |
	sed -E 's/^([^:]*):[0-9]+:[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]*)".*/\1\t\2/' >"${TMPDIR:-/tmp}/lc.$$"
trap 'rm -f "${TMPDIR:-/tmp}/lc.$$"' EXIT

out=$(awk -F '\t' -v conf="$conf" -v files="$files" '
function modname(p,   b) { b = p; sub(/.*\//, "", b); sub(/\.[ch]$/, "", b); sub(/_int$/, "", b); return b }
function layer_of_path(p,   a, n) {
	n = split(p, a, "/")
	if (p == "ui/main.c") return "root"
	if (a[1] == "src" && n >= 3) return a[2]
	if (a[1] == "ui" && n >= 3) return "ui-" a[2]
	return ""
}
BEGIN {
	while ((getline line < conf) > 0) {
		if (line ~ /^[[:space:]]*(#|$)/) continue
		n = split(line, w, /[[:space:]]+/)
		if (w[1] == "layer") { known[w[2]] = 1; for (i = 3; i <= n; i++) may[w[2], w[i]] = 1 }
		else if (w[1] == "header") hdr[w[2]] = w[3]
	}
	nf = split(files, f, "\n")
	for (i = 1; i <= nf; i++) {
		p = f[i]; m = modname(p)
		if (p ~ /\.c$/ || p !~ /^include\//) { l = layer_of_path(p); if (l != "") modlayer[m] = l }
	}
	for (m in hdr) modlayer[m] = hdr[m]
	for (i = 1; i <= nf; i++) {
		p = f[i]; m = modname(p)
		fl[p] = (p ~ /^include\//) ? modlayer[m] : layer_of_path(p)
		if (fl[p] == "") { print "layer: " p ": no layer (put it in a layer folder, or add a .c beside it or a header line in layers.conf)"; bad = 1 }
		else if (!(fl[p] in known)) { print "layer: " p ": unknown layer " fl[p]; bad = 1 }
	}
}
{
	p = $1; inc = $2; m = modname(inc); from = modname(p)
	tl = modlayer[m]
	if (tl == "" ) next   # a generated or test header outside the layers
	fromlayer = fl[p]
	if (fromlayer != "" && tl != fromlayer && !((fromlayer, tl) in may)) {
		print "layer: " p " (" fromlayer ") includes " inc " (" tl "): not allowed"; bad = 1
	}
	if (m != from && !((from, m) in edge)) { edge[from, m] = 1; adj[from] = adj[from] " " m }
}
function dfs(v,   k, a, n, w) {
	color[v] = 1; stack[++depth] = v; pos[v] = depth
	n = split(adj[v], a, " ")
	for (k = 1; k <= n; k++) {
		w = a[k]
		if (color[w] == 1) {
			cyc = ""; for (j = pos[w]; j <= depth; j++) cyc = cyc stack[j] " -> "
			print "layer: include cycle: " cyc w; bad = 1
		} else if (color[w] == 0) dfs(w)
	}
	depth--; color[v] = 2
}
END {
	for (v in adj) if (color[v] == 0) dfs(v)
	exit bad
}' "${TMPDIR:-/tmp}/lc.$$")
bad=$?
[ -n "$out" ] && printf '%s\n' "$out"

# Libraries by layer: curses only in ui/, SQLite only in src/store.
hits=$(grep -lE '#[[:space:]]*include[[:space:]]*<(n?curses|ncursesw/|form\.h|menu\.h|panel\.h|term\.h)' \
	$(echo "$files" | grep -vE '^(ui/|include/ui_)') 2>/dev/null)
[ -n "$hits" ] && { echo "layer: curses outside ui/: $hits"; bad=1; }
hits=$(grep -lE '\b(initscr|newterm|wrefresh|mvwprintw|wgetch|endwin)\b' $(echo "$files" | grep '^src/') 2>/dev/null)
[ -n "$hits" ] && { echo "layer: curses calls in src/: $hits"; bad=1; }
hits=$(grep -lE 'sqlite3' $(echo "$files" | grep -v '^src/store/') 2>/dev/null)
[ -n "$hits" ] && { echo "layer: SQLite outside src/store (nothing above storage sees it): $hits"; bad=1; }
if [ "$bad" -eq 0 ]; then echo "ok - layer check"; else exit 1; fi
