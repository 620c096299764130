#!/usr/bin/env bash
# Schematic realism (issue 9, item 6): for every EVERY-th DeepStateMap snapshot in DATA_DIR, measure each
# Ukrainian region's Russian-held share (default nearest attribution), lay the same shares out as a schematic
# scenario (SchematicLayout, bundled outlines) and compare each region's piece with the real held ground in
# that region: intersection over union, geodesic km² on WGS84. Prints a table per day (share, IoU), the
# weighted IoU per day (weights: held km²) and the mean over the days. Code: bench/java/.../SchematicRealism.java.
#
# Usage: bench/realism/run.sh [DATA_DIR]      EVERY=30 START=0 SUMMARY=1 bench/realism/run.sh
#        (START=15: the days half-way between the default ones, a check on days the rules were not tuned on)
# Needs java and mvn (offline is fine).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
data=${1:-$here/../shared/data/deepstate-2024-07-to-2025-06}
[ -d "$data" ] || data=$here/../../shared/data/deepstate-2024-07-to-2025-06   # a worktree under wt/
[ -d "$data" ] || { echo "no data directory $data (give it as the first argument)" >&2; exit 2; }
cd "$here"
cp=$(bench/compile.sh)
mode=all; [ -n "${SUMMARY:-}" ] && mode=summary
java -cp "$cp" org.controlmap.control.schematic.SchematicRealism \
    "$data" "${EVERY:-30}" "$mode" "${START:-0}"
