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
# Uses hyperfine when installed (apt-get install hyperfine), else a timing loop.
# Scratch files and mapshaper go to bench/work/ (gitignored).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/bench/work"
out="$work/render"
runs=${RUNS:-10}
[ "$runs" -ge 5 ] || { echo "RUNS must be at least 5" >&2; exit 2; }
mkdir -p "$out"
cd "$root"

# --- mapshaper 0.7.70, installed locally on first use ---------------------------------------
mapshaper="$work/node_modules/.bin/mapshaper"
if [ ! -x "$mapshaper" ] || [ "$("$mapshaper" -v 2>/dev/null)" != "0.7.70" ]; then
    echo "installing mapshaper@0.7.70 into bench/work/ ..." >&2
    npm install --prefix "$work" --no-audit --no-fund --silent mapshaper@0.7.70 >&2
fi

# --- controlmap: build the jar and the class-data archive before timing ----------------------
controlmap=${CONTROLMAP:-"$root/controlmap"}
$controlmap render -o "$out/controlmap.svg" >/dev/null
regions="$root/geodata/regions.geojson"

cm_cmd="$controlmap render -o $out/controlmap.svg"
ms_cmd="$mapshaper $regions -proj +proj=lcc +lat_1=46 +lat_2=51 +lon_0=32 -o $out/mapshaper.svg"

median_of() { # file with one seconds value per line -> median
    sort -g "$1" | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}

if command -v hyperfine >/dev/null 2>&1; then
    noshell=$(hyperfine --help | grep -q -- '--shell=none' && echo -N || true)
    hyperfine $noshell --warmup 2 --runs "$runs" --export-json "$out/hyperfine.json" \
        -n controlmap "$cm_cmd" -n mapshaper "$ms_cmd" >&2
    read -r cm ms < <(python3 -c '
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
print(r["controlmap"]["median"], r["mapshaper"]["median"])' "$out/hyperfine.json")
else
    for name in controlmap mapshaper; do
        cmd=$([ "$name" = controlmap ] && echo "$cm_cmd" || echo "$ms_cmd")
        : > "$out/$name.times"
        for i in $(seq 1 $((runs + 2))); do
            t0=$(date +%s.%N)
            eval "$cmd" >/dev/null 2>&1
            t1=$(date +%s.%N)
            [ "$i" -gt 2 ] && python3 -c "print($t1 - $t0)" >> "$out/$name.times"
        done
    done
    cm=$(median_of "$out/controlmap.times")
    ms=$(median_of "$out/mapshaper.times")
fi

ratio=$(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$cm" "$ms")
size() { python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1]) / 1024:.0f} KiB')" "$1"; }
printf 'controlmap render -o map.svg: median %.0f ms, SVG %s (regions, pieces, labels, legend)\n' \
    "$(python3 -c "print(float('$cm') * 1000)")" "$(size "$out/controlmap.svg")"
printf 'mapshaper 0.7.70 -proj lcc -o out.svg: median %.0f ms, SVG %s (region outlines only)\n' \
    "$(python3 -c "print(float('$ms') * 1000)")" "$(size "$out/mapshaper.svg")"
printf 'ratio controlmap/mapshaper: %s (target <= 1.0; %s runs each, %s)\n' "$ratio" "$runs" \
    "$(command -v hyperfine >/dev/null 2>&1 && echo hyperfine || echo timing loop)"
