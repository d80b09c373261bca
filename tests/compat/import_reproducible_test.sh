#!/usr/bin/env bash
# The imported dictionaries are reproducible: scripts/import/run.sh, run into
# a scratch folder, writes exactly the committed data/patterns/imported/ and
# data/actors/imported/ (byte for byte). Skipped (exit 77) without
# ../shared/compat or WordNet (Debian wordnet-base), which CI may lack.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${ANNALS_SHARED:-$root/../shared}"
if [ ! -d "$shared/compat/petrarch2" ] || [ ! -f "${WORDNET_DIR:-/usr/share/wordnet}/index.noun" ]; then
  echo "skipped: needs $shared/compat and WordNet (wordnet-base)"
  exit 77
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
OUT="$out" ANNALS_SHARED="$shared" "$root/scripts/import/run.sh" 2>"$out/log" || { cat "$out/log"; exit 1; }
status=0
for part in patterns/imported actors/imported; do
  diff -r "$root/data/$part" "$out/data/$part" || status=1
done
if [ $status -ne 0 ]; then
  echo "FAIL: scripts/import/run.sh does not reproduce the committed files (see the diff above)"
fi
exit $status
