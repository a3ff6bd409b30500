#!/bin/sh
# Adds Custodia to the application menu of the current user (no administrator rights needed).
# Run it from the unpacked folder; it points the menu entry at the program in this folder, so
# move the folder first if you want it elsewhere, then run this again.
#   ./install-desktop-entry.sh              add the menu entry and icon
#   ./install-desktop-entry.sh --command    also link ~/.local/bin/custodia for terminals
#   ./install-desktop-entry.sh --uninstall  remove what this script added
set -eu

here=$(cd "$(dirname "$0")" && pwd -P)
program="$here/custodia"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data/applications"
icons="$data/icons/hicolor"
entry="$apps/custodia.desktop"
link="$HOME/.local/bin/custodia"

refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$apps" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
    fi
}

case "${1:-}" in
--uninstall)
    rm -f "$entry" "$icons/256x256/apps/custodia.png" "$icons/scalable/apps/custodia.svg"
    if [ -L "$link" ] && [ "$(readlink "$link")" = "$program" ]; then
        rm -f "$link"
    fi
    refresh
    echo "Custodia's menu entry was removed. The program folder $here was left as it is."
    exit 0
    ;;
--command | "") ;;
*)
    echo "usage: $0 [--command | --uninstall]" >&2
    exit 2
    ;;
esac

if [ ! -x "$program" ]; then
    echo "$program is missing: run this script from the unpacked Custodia folder." >&2
    exit 1
fi

mkdir -p "$apps" "$icons/256x256/apps" "$icons/scalable/apps"
cp "$here/custodia.png" "$icons/256x256/apps/custodia.png"
cp "$here/custodia.svg" "$icons/scalable/apps/custodia.svg"

# The shipped entry names the program by its bare name; point it at this folder instead.
# Paths are quoted for the Exec key's rules (a path with spaces still works).
quoted=$(printf '%s' "$program" | sed 's/\\/\\\\\\\\/g; s/"/\\\\"/g; s/`/\\\\`/g; s/\$/\\\\$/g')
tmp="$entry.tmp.$$"
sed -e "s|^Exec=.*|Exec=\"$quoted\" %U|" \
    -e "s|^TryExec=.*|TryExec=$program|" \
    "$here/custodia.desktop" >"$tmp"
chmod 0644 "$tmp"
mv "$tmp" "$entry"

if [ "${1:-}" = "--command" ]; then
    mkdir -p "$HOME/.local/bin"
    ln -sf "$program" "$link"
    echo "Linked $link (make sure ~/.local/bin is on your PATH)."
fi

refresh
echo "Custodia is now in your application menu (it may take a moment to appear)."
