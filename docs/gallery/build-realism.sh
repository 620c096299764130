#!/usr/bin/env bash
# The gallery's schematic next to the real map of the same day (issue 9, item 6):
#   docs/gallery/build-realism.sh [DATA_DIR]        DAY=20241120 docs/gallery/build-realism.sh
# Writes docs/gallery/realism-DAY.png, three panels 800 px wide each:
#   1. the gallery's schematic map (the bundled Reuters scenario of 20 November 2024);
#   2. a schematic map of DeepStateMap's own shares that day (measured, nearest attribution, laid out as a
#      scenario: what bench/realism/run.sh scores);
#   3. DeepStateMap's control lines that day, as `render --control` draws them.
# Needs the DeepStateMap snapshots in ../shared/data (not part of the project), java and mvn.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
data=${1:-$here/../shared/data/deepstate-2024-07-to-2025-06}
[ -d "$data" ] || data=$here/../../shared/data/deepstate-2024-07-to-2025-06   # a worktree under wt/
[ -d "$data" ] || { echo "no data directory $data (give it as the first argument)" >&2; exit 2; }
day=${DAY:-20241120}
snapshot=$data/deepstatemap_data_$day.geojson
[ -f "$snapshot" ] || { echo "no snapshot $snapshot" >&2; exit 2; }
work=$here/bench/work/realism
mkdir -p "$work"
cd "$here"
cp=$(bench/compile.sh)
java -cp "$cp" org.controlmap.control.schematic.SchematicRealism \
    scenario "$snapshot" "$work/measured-$day.yaml"
./controlmap render --width 800 -o "$work/1-gallery.png"
./controlmap render --width 800 --scenario "$work/measured-$day.yaml" --basis geometry \
    --title "Schematic at DeepStateMap's shares" -o "$work/2-measured.png"
./controlmap render --width 800 --control "$snapshot" --title "DeepStateMap control lines" -o "$work/3-real.png"
java -Djava.awt.headless=true -cp "$cp" \
    org.controlmap.control.schematic.SchematicRealism side-by-side "docs/gallery/realism-$day.png" \
    "$work/1-gallery.png" "$work/2-measured.png" "$work/3-real.png"
chmod 644 "docs/gallery/realism-$day.png"
echo "wrote docs/gallery/realism-$day.png"
