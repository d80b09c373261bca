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

# The web page (web/, docs/serve.md): npm packages for building it and for
# the browser test; the built page (web/dist) is committed and rebuilt only
# when its sources are newer. Without npm the committed page is served and
# the browser test is skipped.
if command -v npm >/dev/null; then
  if [ ! -d web/node_modules ]; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error) || echo "setup: npm ci failed; the browser test will be skipped"
  fi
  if [ -d web/node_modules ] && [ -n "$(find web/index.html web/src web/vite.config.js web/package-lock.json -newer web/dist/index.html 2>/dev/null | head -1)" ]; then
    (cd web && npm run --silent build)
  fi
fi

if [ "${1:-}" != "--no-build" ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release ${ANNALS_CMAKE_FLAGS:-} >/dev/null
  cmake --build build -j"$(nproc)"
fi
