#!/usr/bin/env bash
# Installs what Annals needs (scripts/packages.txt) and builds it in build/.
# Idempotent: packages already present are not reinstalled, and the build is
# incremental. Usage: scripts/setup.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' scripts/packages.txt | grep -v '^$')
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${1:-}" != "--no-build" ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release ${ANNALS_CMAKE_FLAGS:-} >/dev/null
  cmake --build build -j"$(nproc)"
fi
