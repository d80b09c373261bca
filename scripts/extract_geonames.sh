#!/bin/sh
# Regenerates data/gazetteer/geonames-cities.tsv from Debian's libgeonames0
# (the GeoNames cities table, CC BY 4.0, compiled into the library as a
# GResource). Nothing is linked: the package is unpacked in a temporary
# directory, the resource extracted with gresource (libglib2.0-bin) and
# decoded by extract_geonames.py. Run from the repository root.
set -eu
out=${1:-data/gazetteer/geonames-cities.tsv}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download libgeonames0 >/dev/null)
dpkg -x "$tmp"/libgeonames0_*.deb "$tmp/x"
gresource extract "$tmp"/x/usr/lib/*/libgeonames.so.0.* \
  /com/lomiri/geonames/cities.compiled > "$tmp/cities.compiled"
python3 "$(dirname "$0")/extract_geonames.py" "$tmp/cities.compiled" > "$out"
echo "wrote $out: $(grep -vc '^#' "$out") lines (header included)"
