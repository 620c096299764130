#!/usr/bin/env bash
# Start-up benchmark (issue 2, item 10): `./controlmap areas` on the bundled
# default, whole process, against mapshaper 0.7.70 computing its (spherical)
# areas of the same 30 regions. Median wall time of RUNS runs (default 10,
# at least 5) after 2 warm-up runs; prints both medians and the ratio
# controlmap / mapshaper (target: <= 1.0).
#
# Usage: bench/areas/run.sh            (from anywhere; needs java, mvn, node/npm)
#        RUNS=20 bench/areas/run.sh
#        CONTROLMAP="java -jar target/controlmap.jar" bench/areas/run.sh   (another command line)
# Uses hyperfine when installed (apt-get install hyperfine), else (or with
# TIMER=loop) a loop that alternates the two commands run by run.
# Scratch files and mapshaper go to bench/work/ (gitignored).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/bench/work"
out="$work/areas"
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
$controlmap areas -o "$out/controlmap.csv" >/dev/null
regions="$root/geodata/regions.geojson"

cm_cmd="$controlmap areas -o $out/controlmap.csv"
ms_cmd="$mapshaper $regions -each 'km2=this.area/1e6' -o format=csv $out/mapshaper.csv"

# hyperfine times all runs of one command, then all of the other; on a busy machine
# (shared CI, parallel builds) load drifts between the two blocks. TIMER=loop
# alternates the two commands run by run instead, which keeps the ratio fair.
timer=${TIMER:-$(command -v hyperfine >/dev/null 2>&1 && echo hyperfine || echo loop)}
if [ "$timer" = hyperfine ]; then
    # -N: no intermediate shell, so its start-up is not counted (hyperfine >= 1.13)
    noshell=$(hyperfine --help | grep -q -- '--shell=none' && echo -N || true)
    hyperfine $noshell --warmup 2 --runs "$runs" --export-json "$out/hyperfine.json" \
        -n controlmap "$cm_cmd" -n mapshaper "$ms_cmd" >&2
    read -r cm ms < <(python3 -c '
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
print(r["controlmap"]["median"], r["mapshaper"]["median"])' "$out/hyperfine.json")
else
    read -r cm ms < <(python3 - "$runs" "$cm_cmd" "$ms_cmd" <<'PY'
import statistics, subprocess, sys, time
runs, cmds = int(sys.argv[1]), sys.argv[2:]
times = [[] for _ in cmds]
for i in range(runs + 2):  # two warm-up rounds, not counted
    for k, c in enumerate(cmds):
        t0 = time.perf_counter()
        subprocess.run(c, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if i >= 2:
            times[k].append(time.perf_counter() - t0)
print(*(statistics.median(t) for t in times))
PY
)
fi

# --- the two agree? geodesic (WGS84 ellipsoid) vs mapshaper's sphere ------------------------
python3 - "$out/controlmap.csv" "$out/mapshaper.csv" <<'PY' >&2
import csv, sys
cm = {r["iso_3166_2"]: float(r["area_km2"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))
      if r["iso_3166_2"] != "UA"}
ms = {r["iso_3166_2"]: float(r["km2"]) for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
common = sorted(set(cm) & set(ms))
worst = max(common, key=lambda k: abs(ms[k] / cm[k] - 1))
print(f"regions: controlmap {len(cm)}, mapshaper {len(ms)}, in both {len(common)}; largest difference of "
      f"mapshaper's spherical area from the geodesic one: {worst} {100 * (ms[worst] / cm[worst] - 1):+.3f}%")
PY

ratio=$(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$cm" "$ms")
printf 'controlmap areas: median %.0f ms\nmapshaper 0.7.70: median %.0f ms\nratio controlmap/mapshaper: %s (target <= 1.0; %s runs each, %s)\n' \
    "$(python3 -c "print(float('$cm') * 1000)")" "$(python3 -c "print(float('$ms') * 1000)")" "$ratio" "$runs" \
    "$([ "$timer" = hyperfine ] && echo hyperfine || echo "alternating timing loop")"
