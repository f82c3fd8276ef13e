#!/usr/bin/env bash
# Installs the Debian/Ubuntu runtime libraries Qt and Qt Multimedia need on a bare machine, and PostgreSQL's server
# (the team library's tests start a throw-away cluster with its initdb and pg_ctl).
# As root (or with passwordless sudo) it installs what is missing; otherwise it prints the exact command and fails.
set -euo pipefail
PKGS=(libpulse0 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
      libxcb-render-util0 libxcb-image0 libxcb-xkb1 libx11-xcb1 xvfb xauth)
# Only for the team library's tests (they skip without it, except under CI=true): installed when we can.
OPTIONAL=(postgresql)
command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not a Debian/Ubuntu system; see README for Qt's libraries"; exit 0; }
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
optional=()
for p in "${OPTIONAL[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || optional+=("$p")
done
[ ${#missing[@]} -eq 0 ] && [ ${#optional[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo"; else
  if [ ${#missing[@]} -eq 0 ]; then
    echo "system-deps: PostgreSQL is not installed, so the team-library tests will skip (sudo apt-get install -y postgresql)" >&2
    exit 0
  fi
  echo "vlogkit needs these system libraries for Qt. Run:" >&2
  echo "  sudo apt-get install -y ${missing[*]} ${optional[*]}" >&2
  exit 1
fi
missing+=("${optional[@]}")
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
