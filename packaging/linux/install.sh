#!/usr/bin/env sh
# Per-user install of the vlogkit bundle (no root): run it from the unpacked folder.
#   ./install.sh            -> ~/.local/opt/vlogkit, ~/.local/bin/vlogkit, a menu entry and its icon
#   ./install.sh --uninstall
# IT can instead unpack the tarball anywhere (e.g. /opt/vlogkit) and link /usr/local/bin/vlogkit to it.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
DEST=$HOME/.local/opt/vlogkit
BIN=$HOME/.local/bin
if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$DEST" "$BIN/vlogkit" "$DATA/applications/vlogkit.desktop" "$DATA/icons/hicolor/512x512/apps/vlogkit.png"
  echo "vlogkit removed (your library and settings in $DATA/vlogkit are kept)."
  exit 0
fi
[ -x "$HERE/vlogkit" ] || { echo "install.sh: run it from the unpacked vlogkit folder" >&2; exit 1; }
mkdir -p "$DEST" "$BIN" "$DATA/applications" "$DATA/icons/hicolor/512x512/apps"
if [ "$HERE" != "$DEST" ]; then
  rm -rf "$DEST"
  cp -a "$HERE" "$DEST"
fi
ln -sf "$DEST/vlogkit" "$BIN/vlogkit"
cp "$HERE/vlogkit.png" "$DATA/icons/hicolor/512x512/apps/vlogkit.png"
sed -e "s|^Exec=.*|Exec=\"$DEST/vlogkit\" gui|" -e "s|^TryExec=.*|TryExec=$DEST/vlogkit|" \
  "$HERE/vlogkit.desktop" >"$DATA/applications/vlogkit.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
echo "vlogkit installed in $DEST; start it from the menu or run: $BIN/vlogkit"
