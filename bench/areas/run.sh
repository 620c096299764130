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

. "$(dirname "$0")/../against-mapshaper.sh"
bench_setup areas

# Build the jar and the class-data archive before timing.
$controlmap areas -o "$out/controlmap.csv" >/dev/null
time_pair "$controlmap areas -o $out/controlmap.csv" \
    "$mapshaper $regions -each 'km2=this.area/1e6' -o format=csv $out/mapshaper.csv"

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

printf 'controlmap areas: median %s ms\nmapshaper 0.7.70: median %s ms\nratio controlmap/mapshaper: %s (target <= 1.0; %s runs each, %s)\n' \
    "$(ms_of "$cm")" "$(ms_of "$ms")" "$ratio" "$runs" "$timer"
