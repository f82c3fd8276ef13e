#!/usr/bin/env bash
# `make package`: the one-folder desktop bundle dist/vlogkit/ (executable dist/vlogkit/vlogkit) and its tarball.
# Linux builds here; on Windows/macOS run the same spec (see packaging/README.md). Takes minutes, about 1 GB.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PY:-$ROOT/.venv/bin/python}
VERSION=$("$PY" -c 'import re,sys; print(re.search(r"__version__ = \"(.+?)\"", open("src/vlogkit/__init__.py").read())[1])')
ARCH=$(uname -m)
case "$(uname -s)" in Linux) OS=linux ;; Darwin) OS=macos ;; *) OS=$(uname -s | tr '[:upper:]' '[:lower:]') ;; esac
TARBALL=dist/vlogkit-$VERSION-$OS-$ARCH.tar.gz

"$PY" -c 'import PyInstaller' 2>/dev/null || "$PY" -m pip install -q -e '.[package]'

echo "package: PyInstaller (log: build/pyinstaller.log)"
mkdir -p build
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/vlogkit.spec >build/pyinstaller.log 2>&1 \
  || { tail -40 build/pyinstaller.log; echo "package: PyInstaller failed (build/pyinstaller.log)" >&2; exit 1; }
grep -h "vlogkit.spec:" build/pyinstaller.log || true
echo "package: built in $(( $(date +%s) - start )) s"

BUNDLE=dist/vlogkit
if [ "$OS" = linux ]; then
  # Debug information (strip -S) of two files only: ctranslate2's extension carries 66 MB of it, a pyenv-built
  # libpython 17 MB. Not everything: strip corrupts libraries that auditwheel patched (numpy's OpenBLAS then fails
  # with "ELF load command address/offset not page-aligned"); the smoke run below loads both.
  before=$(du -sm "$BUNDLE" | cut -f1)
  if command -v strip >/dev/null 2>&1; then
    find "$BUNDLE/_internal" -type f \( -path '*/ctranslate2/_ext*.so' -o -name 'libpython3*.so*' \) -exec strip -S {} +
  fi
  echo "package: stripped debug info: ${before} MB -> $(du -sm "$BUNDLE" | cut -f1) MB"
  cp packaging/linux/vlogkit.desktop resources/icons/vlogkit.png packaging/linux/install.sh "$BUNDLE/"
  chmod +x "$BUNDLE/install.sh"
  # Every shared library must resolve inside the bundle or from the base system (the bootloader puts _internal
  # on the library path). A library Qt only dlopens is not seen here; the smoke runs below catch those.
  missing=$(find "$BUNDLE/_internal" -name '*.so*' -type f -print0 \
    | LD_LIBRARY_PATH="$BUNDLE/_internal:$BUNDLE/_internal/PySide6/Qt/lib" xargs -0 -n 50 ldd 2>/dev/null \
    | grep "not found" | sort -u || true)
  if [ -n "$missing" ]; then echo "package: unresolved libraries:"; echo "$missing"; fi
  dangling=$(find "$BUNDLE" -xtype l)
  if [ -n "$dangling" ]; then echo "package: dangling links:" >&2; echo "$dangling" >&2; exit 1; fi
fi

# Smoke run with an empty environment, as a desktop launcher or IT's deployment tool starts it: the version, the GUI
# (offscreen) and a transcription with the bundled model (numpy, PyAV, ctranslate2, onnxruntime, tokenizers; the model
# assembled from the bundle). A Python traceback ("unexpected error") fails the build.
smoke=$(mktemp -d)
vlogkit_smoke() { env -i HOME="$smoke" QT_QPA_PLATFORM=offscreen "$BUNDLE/vlogkit" "$@"; }
vlogkit_smoke --version
vlogkit_smoke gui --quit-after 1
ff=$(find "$BUNDLE/_internal/imageio_ffmpeg/binaries" -name 'ffmpeg*' -type f | head -1)
"$ff" -hide_banner -loglevel error -f lavfi -i "sine=frequency=440:duration=3" "$smoke/tone.wav"
id=$(vlogkit_smoke import "$smoke/tone.wav" --json | grep -o '"id": *"[^"]*"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/')
if ! vlogkit_smoke transcribe "$id" >"$smoke/out.txt" 2>&1 && grep -q "unexpected error" "$smoke/out.txt"; then
  cat "$smoke/out.txt" >&2; echo "package: the bundle cannot transcribe" >&2; exit 1
fi
echo "package: smoke run ok ($(tail -1 "$smoke/out.txt"))"
rm -rf "$smoke"

echo "package: tarball $TARBALL"
tar -C dist -czf "$TARBALL.part" vlogkit
mv "$TARBALL.part" "$TARBALL"

echo "package: bundle $(du -sh "$BUNDLE" | cut -f1) ($BUNDLE), tarball $(du -h "$TARBALL" | cut -f1) ($TARBALL)"
if [ "$OS" = linux ] && command -v appimagetool >/dev/null 2>&1; then
  bash packaging/linux/build-appimage.sh
fi
