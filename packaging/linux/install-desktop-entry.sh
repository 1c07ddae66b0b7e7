#!/bin/sh
# Adds dlab to the desktop's application menu for the current user (no root needed).
# Run it from the unpacked bundle: ./install-desktop-entry.sh
# Remove with: ./install-desktop-entry.sh --uninstall
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor"
if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$apps/dlab.desktop"
    for size in 32 48 64 128 256; do rm -f "$icons/${size}x${size}/apps/dlab.png"; done
    echo "dlab removed from the application menu"
    exit 0
fi
icon_dir="$here/_internal/dlab/resources/icons"
mkdir -p "$apps"
for size in 32 48 64 128; do
    mkdir -p "$icons/${size}x${size}/apps"
    cp "$icon_dir/dlab-$size.png" "$icons/${size}x${size}/apps/dlab.png"
done
mkdir -p "$icons/256x256/apps"
cp "$icon_dir/dlab.png" "$icons/256x256/apps/dlab.png"
# Quote the path for the Exec key (a folder name may hold spaces).
sed -e "s|@EXEC@|\"$here/dlab\"|" -e "s|@PATH@|$here/dlab|" "$here/dlab.desktop.in" \
    > "$apps/dlab.desktop"
chmod 644 "$apps/dlab.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "dlab added to the application menu ($apps/dlab.desktop)"
