#!/usr/bin/env bash
# AppImage recipe: wraps the PyInstaller folder (dist/vlogkit, from `make package`) into an AppDir and, when
# appimagetool is on PATH, into dist/vlogkit-<version>-<arch>.AppImage (one file, runs on most distributions).
# appimagetool is in neither Debian nor PyPI: get it from the AppImage project and put it on PATH; without it this
# script stops after the AppDir (build/vlogkit.AppDir), which runs as is: build/vlogkit.AppDir/AppRun --version
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x dist/vlogkit/vlogkit ] || { echo "build-appimage: run 'make package' first" >&2; exit 1; }
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/vlogkit/__init__.py)
ARCH=$(uname -m)
APPDIR=build/vlogkit.AppDir
rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/share/applications" "$APPDIR/usr/share/icons/hicolor/512x512/apps"
cp -a dist/vlogkit "$APPDIR/usr/lib/vlogkit"
rm -f "$APPDIR/usr/lib/vlogkit/install.sh"  # the tarball's per-user installer; an AppImage needs none
cp packaging/linux/vlogkit.desktop "$APPDIR/vlogkit.desktop"
cp packaging/linux/vlogkit.desktop "$APPDIR/usr/share/applications/vlogkit.desktop"
cp resources/icons/vlogkit.png "$APPDIR/vlogkit.png"
cp resources/icons/vlogkit.png "$APPDIR/usr/share/icons/hicolor/512x512/apps/vlogkit.png"
ln -s vlogkit.png "$APPDIR/.DirIcon"
cat >"$APPDIR/AppRun" <<'RUN'
#!/bin/sh
HERE=$(dirname "$(readlink -f "$0")")
exec "$HERE/usr/lib/vlogkit/vlogkit" "$@"
RUN
chmod +x "$APPDIR/AppRun"
if command -v appimagetool >/dev/null 2>&1; then
  ARCH=$ARCH appimagetool --no-appstream "$APPDIR" "dist/vlogkit-$VERSION-$ARCH.AppImage"
  echo "build-appimage: dist/vlogkit-$VERSION-$ARCH.AppImage ($(du -h "dist/vlogkit-$VERSION-$ARCH.AppImage" | cut -f1))"
else
  echo "build-appimage: AppDir ready at $APPDIR; put appimagetool on PATH to make the .AppImage"
fi
