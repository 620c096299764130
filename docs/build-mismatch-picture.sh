#!/bin/sh
# Regenerates docs/img/mismatch.png, the picture of docs/mismatch.md, from a DeepStateMap snapshot
# (not bundled; default: the sample beside the project in development):
#   docs/build-mismatch-picture.sh [SNAPSHOT.geojson]
set -e
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/.." && pwd)
snapshot=${1:-$root/../shared/data/deepstate-2024-07-to-2025-06/deepstatemap_data_20250630.geojson}
cd "$root"
cp=$(bench/compile.sh)
java -Djava.awt.headless=true -cp "$cp" org.controlmap.control.measure.MismatchPicture "$snapshot" docs/img/mismatch.png
echo "wrote docs/img/mismatch.png"
