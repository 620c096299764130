#!/usr/bin/env bash
# Map benchmark (issue 3, item 9): `./controlmap render -o map.svg` on the
# bundled default (Reuters scenario, schematic pieces laid out, labels placed,
# SVG written), whole process, against mapshaper 0.7.70 writing a projected
# SVG of the same 30 regions (no pieces, no labels). Median wall time of RUNS
# runs (default 10, at least 5) after 2 warm-up runs; prints both medians, the
# ratio controlmap / mapshaper (target: <= 1.0) and both SVGs' sizes.
#
# Usage: bench/render/run.sh            (from anywhere; needs java, mvn, node/npm, python3)
#        RUNS=20 bench/render/run.sh
#        CONTROLMAP="java -jar target/controlmap.jar" bench/render/run.sh   (another command line)
# Uses hyperfine when installed (apt-get install hyperfine), else (or with
# TIMER=loop) a loop that alternates the two commands run by run.
# Scratch files and mapshaper go to bench/work/ (gitignored).
set -euo pipefail

. "$(dirname "$0")/../against-mapshaper.sh"
bench_setup render

# Build the jar and the class-data archive before timing.
$controlmap render -o "$out/controlmap.svg" >/dev/null
time_pair "$controlmap render -o $out/controlmap.svg" \
    "$mapshaper $regions -proj +proj=lcc +lat_1=46 +lat_2=51 +lon_0=32 -o $out/mapshaper.svg"

size() { python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1]) / 1024:.0f} KiB')" "$1"; }
printf 'controlmap render -o map.svg: median %s ms, SVG %s (regions, pieces, labels, legend)\n' \
    "$(ms_of "$cm")" "$(size "$out/controlmap.svg")"
printf 'mapshaper 0.7.70 -proj lcc -o out.svg: median %s ms, SVG %s (region outlines only)\n' \
    "$(ms_of "$ms")" "$(size "$out/mapshaper.svg")"
printf 'ratio controlmap/mapshaper: %s (target <= 1.0; %s runs each, %s)\n' "$ratio" "$runs" "$timer"
