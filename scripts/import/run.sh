#!/usr/bin/env bash
# Regenerates every imported dictionary file from the field's open
# dictionaries in ../shared/compat (MIT) and WordNet 3.0 (Debian
# wordnet-base, read from /usr/share/wordnet). Run from anywhere; writes
# data/patterns/imported/ and data/actors/imported/. A re-run reproduces the
# committed files byte for byte (tests/compat/import_reproducible_test.sh).
#   ANNALS_SHARED  the reference data (default: ../shared beside the checkout)
#   OUT            write under this folder instead of the checkout (tests)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export ANNALS_SHARED="${ANNALS_SHARED:-$root/../shared}"
compat="$ANNALS_SHARED/compat"
out="${OUT:-$root}"
py=scripts/import
pat="$out/data/patterns/imported"
act="$out/data/actors/imported"
mkdir -p "$pat" "$act"

python3 $py/petrarch_verbs.py "$compat/petrarch2/dictionaries/CAMEO.2.0.txt" "$pat/petrarch2.patterns" \
  --p1 "$compat/petrarch2/dictionaries/CAMEO.verbpatterns.150430.txt" "$pat/petrarch1.patterns"
python3 $py/derivations.py "$pat/derived-nouns.patterns" "$pat/petrarch2.patterns" "$pat/petrarch1.patterns"
python3 $py/agents.py "$act/roles.tsv" "$compat/petrarch2/dictionaries/Phoenix.agents.txt" \
  "$compat/ngec/PLOVER_agents.txt"
python3 $py/actors.py "$act" --discards "$compat/petrarch2/dictionaries/Phoenix.discards.txt" \
  "$compat/petrarch2/dictionaries/Phoenix.Countries.actors.txt" \
  "$compat/petrarch2/dictionaries/Phoenix.International.actors.txt" \
  "$compat/petrarch2/dictionaries/Phoenix.MilNonState.actors.txt"
python3 $py/countryinfo.py "$act/countryinfo.actors" "$compat/countryinfo/CountryInfo.140728.txt" \
  --discards "$compat/petrarch2/dictionaries/Phoenix.discards.txt"
