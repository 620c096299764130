#!/bin/sh
# Rebuilds docs/gallery/report/, a report bundle from the DeepStateMap snapshots in ../shared/data:
#   docs/gallery/build-report.sh [DATA_DIR]   (default: ../shared/data beside the clone)
# The map, table and check are those of 20 November 2024, the day of the bundled Reuters report, whose
# figures are checked against the polygons; the chart is the front's daily km² from 1 October to that day.
# Same input, same bytes.
set -e
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
cm="$here/../../controlmap"
data=${1:-$here/../../../shared/data}
days="$data/deepstate-2024-07-to-2025-06"
day="$days/deepstatemap_data_20241120.geojson"
if [ ! -f "$day" ]; then
    echo "build-report.sh: $day not found; give the data directory as the first argument" >&2
    exit 2
fi
set --
for f in "$days"/deepstatemap_data_202410??.geojson "$days"/deepstatemap_data_202411??.geojson; do
    d=$(basename "$f" .geojson | sed 's/.*_//')
    [ "$d" -le 20241120 ] && set -- "$@" "$f"
done
"$cm" report --control "$day" "$@" -o "$here/report"
chmod 644 "$here"/report/*
