#!/bin/sh
# Writes the GeoNames cities table compiled into Debian's libgeonames0 (CC BY
# 4.0, a GResource inside the library) to the file named by $1: the English
# names of the 24,361 larger cities, which scripts/extract_cities.sh takes
# as their display names. Nothing is linked: the package is unpacked in a
# temporary directory, the resource extracted with gresource
# (libglib2.0-bin) and decoded by extract_geonames.py.
set -eu
out=${1:?usage: extract_geonames.sh OUTPUT.tsv}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download libgeonames0 >/dev/null)
dpkg -x "$tmp"/libgeonames0_*.deb "$tmp/x"
gresource extract "$tmp"/x/usr/lib/*/libgeonames.so.0.* \
  /com/lomiri/geonames/cities.compiled > "$tmp/cities.compiled"
python3 "$(dirname "$0")/extract_geonames.py" "$tmp/cities.compiled" > "$out"
echo "wrote $out: $(grep -vc "^#" "$out") lines (header included)" >&2
